"""Running the extractor on Dask (and the same per-document function on Spark or Ray).

``extract_bag(paths)`` is a ``dask.bag.Bag`` of output records (plain dicts, one per input,
in input order), built from the same pieces as a local batch run: inputs are discovered on
the client (:func:`extractor.inputs.discover`: a cheap walk, nothing read), each file is read
and processed on a worker (so workers need the same file system), and every worker
process loads the pipeline once and keeps it (:func:`cached_pipeline`).  ``run_dask`` writes
the bag to a file or stdout exactly like ``run_batch`` (same bytes for the same inputs).

Limits compared with ``run_batch``: no per-document timeout and no ``--resume`` (Dask's
own retries and worker restarts handle crashes); use workers with one thread each
(``dask worker ADDRESS --nthreads 1``): in threaded workers a lock serializes the shared
pipeline.

The same per-document function elsewhere
----------------------------------------
:func:`process_records` turns records ``{"text", "id"?, "published"?, "source"?, "title"?,
"url"?}`` into output records, with the pipeline cached per process.
:func:`process_pandas_batch` wraps it for pandas batches: a DataFrame with a ``text``
column (and optional ``id``, ``published``, ``source``, ``title``, ``url``) becomes a
DataFrame with ``doc_id``, ``status`` and ``record`` (the output record as a JSON string).

Spark (``mapInPandas`` calls the function with an iterator of pandas DataFrames)::

    from extractor.dask import process_pandas_batch

    def extract_partition(batches):
        for pdf in batches:
            yield process_pandas_batch(pdf, model="sm")

    facts = df.select("id", "text", "published").mapInPandas(
        extract_partition, schema="doc_id string, status string, record string")

Ray Data (``map_batches`` with ``batch_format="pandas"``; an actor pool keeps one pipeline
per actor process)::

    ds = ray.data.read_json("articles.jsonl")
    facts = ds.map_batches(process_pandas_batch, batch_format="pandas",
                           fn_kwargs={"model": "sm"}, concurrency=4)

In both, executors must have ``election-fact-extractor`` and the spaCy model installed.
"""
from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

from .batch import (
    DEFAULT_CHUNK_CHARS, BatchSummary, LoadFn, ProcessFn, WorkerConfig, _Output, _PipeClosed, _quiet_stdout,
    document_payload, process_payload,
)
from .inputs import FileEntry, _record_document, discover, parse_published, read_entry
from .errors import InputError
from .schema import ErrorRecord

_PIPELINES: dict[tuple, tuple[Any, threading.Lock]] = {}
_PIPELINES_LOCK = threading.Lock()


def cached_pipeline(config: WorkerConfig) -> tuple[Any, threading.Lock]:
    """This process's pipeline for ``config`` (loaded on first use) and the lock guarding it."""
    load_fn = config.load_fn
    key = (config.model, config.rules_dirs, getattr(load_fn, "__module__", None), getattr(load_fn, "__qualname__", None))
    with _PIPELINES_LOCK:
        if key not in _PIPELINES:
            for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
                os.environ.setdefault(name, "1")
            _PIPELINES[key] = (config.load(), threading.Lock())
        return _PIPELINES[key]


def _process_item(item: Any, config: WorkerConfig, published: str | None, encoding: str | None,
                  max_bytes: int) -> Iterator[dict[str, Any]]:
    """One bag element -> its output records (a file can hold many documents)."""
    if isinstance(item, tuple) and item[:1] == ("decided",):
        yield item[1]  # discovery already made the record (missing file, duplicate, ...)
        return
    if isinstance(item, FileEntry):
        documents: Iterable = read_entry(item, published=published, encoding=encoding, max_bytes=max_bytes)
    elif isinstance(item, dict):
        documents = [_record_to_document(item, "record", published)]
    else:
        documents = read_entry(FileEntry(str(item), explicit=True), published=published, encoding=encoding,
                               max_bytes=max_bytes)
    for doc in documents:
        if isinstance(doc, ErrorRecord):
            yield doc.model_dump(mode="json")
            continue
        nlp, lock = cached_pipeline(config)
        with lock:
            yield process_payload(nlp, document_payload(doc), config.process_fn, config.chunk_chars)


def _process_partition(items: Iterable[Any], config: WorkerConfig, published: str | None, encoding: str | None,
                       max_bytes: int) -> list[dict[str, Any]]:
    return [record for item in items for record in _process_item(item, config, published, encoding, max_bytes)]


def _items(paths_or_bag: Any) -> list[Any]:
    items: list[Any] = []
    for entry in discover(paths_or_bag):
        items.append(("decided", entry.model_dump(mode="json")) if isinstance(entry, ErrorRecord) else entry)
    return items


def extract_bag(paths_or_bag: Any, *, model: str = "sm", rules_dirs: list[str | Path] | None = None,
                published: str | None = None, encoding: str | None = None, max_bytes: int = 20_000_000,
                process_fn: ProcessFn | None = None, load_fn: LoadFn | None = None,
                chunk_chars: int = DEFAULT_CHUNK_CHARS, npartitions: int | None = None) -> Any:
    """A ``dask.bag.Bag`` of output records, one per input, in input order.

    ``paths_or_bag``: files/folders (as for ``run_batch``), or a Bag whose elements are
    paths or records ``{"text", "id"?, "published"?, ...}`` (e.g. ``db.read_text(...).map(json.loads)``).
    """
    import dask.bag as db

    try:
        default = parse_published(published)
    except ValueError:
        raise InputError("E021", detail=published) from None
    config = WorkerConfig(model=model, rules_dirs=tuple(str(p) for p in rules_dirs or ()), process_fn=process_fn,
                          load_fn=load_fn, chunk_chars=chunk_chars)
    if isinstance(paths_or_bag, db.Bag):
        bag = paths_or_bag
    else:
        if isinstance(paths_or_bag, (str, Path)):
            paths_or_bag = [paths_or_bag]
        items = _items(list(paths_or_bag))
        if not items:
            return db.from_sequence([], npartitions=1)
        parts = npartitions or min(len(items), 4 * (os.cpu_count() or 1))
        bag = db.from_sequence(items, npartitions=max(1, parts))
    return bag.map_partitions(_process_partition, config, default, encoding, max_bytes)


_LOCAL_SCHEDULERS = frozenset({"threads", "processes", "synchronous", "sync", "single-threaded"})


def run_dask(paths: Iterable[str | Path], output: Path | str | None = None, scheduler: str | None = None, *,
             model: str = "sm", rules_dirs: list[str | Path] | None = None, published: str | None = None,
             encoding: str | None = None, max_bytes: int = 20_000_000, fmt: str = "jsonl", force: bool = False,
             process_fn: ProcessFn | None = None, load_fn: LoadFn | None = None,
             chunk_chars: int = DEFAULT_CHUNK_CHARS, npartitions: int | None = None,
             window: int | None = None) -> BatchSummary:
    """Run on Dask and write the records in input order (``run_batch``'s output format).

    ``scheduler``: a distributed scheduler address (``tcp://host:8786``), a local scheduler
    name (``processes``, ``threads``, ``synchronous``), or None for local ``processes``.
    """
    import dask

    started = time.monotonic()
    if isinstance(output, str):
        output = None if output == "-" else Path(output)
    bag = extract_bag(list(paths), model=model, rules_dirs=rules_dirs, published=published, encoding=encoding,
                      max_bytes=max_bytes, process_fn=process_fn, load_fn=load_fn, chunk_chars=chunk_chars,
                      npartitions=npartitions)
    out = _Output(output, fmt, resume=False, force=force)
    summary = BatchSummary(output=str(output) if output else None)
    partitions = bag.to_delayed()
    client = None
    try:
        if scheduler and scheduler not in _LOCAL_SCHEDULERS:
            from distributed import Client

            client = Client(scheduler)
            summary.workers = max(1, len(client.scheduler_info().get("workers", {})))
            futures = client.compute(partitions)
            for future in futures:
                _write(future.result(), out, summary)
        else:
            name = scheduler or "processes"
            summary.workers = os.cpu_count() or 1
            step = window or max(1, 2 * summary.workers)
            for i in range(0, len(partitions), step):
                for part in dask.compute(*partitions[i:i + step], scheduler=name):
                    _write(part, out, summary)
        out.finish()
    except _PipeClosed:
        summary.broken_pipe = True
        _quiet_stdout()
    except BaseException:
        out.abort()
        raise
    finally:
        if client is not None:
            client.close()
    summary.seconds = time.monotonic() - started
    return summary


def _write(records: list[dict[str, Any]], out: _Output, summary: BatchSummary) -> None:
    out.write([(r, None) for r in records])
    for record in records:
        summary.add(record)


def process_records(records: Iterable[dict[str, Any]], *, model: str = "sm",
                    rules_dirs: list[str | Path] | None = None, published: str | None = None,
                    process_fn: ProcessFn | None = None, load_fn: LoadFn | None = None) -> list[dict[str, Any]]:
    """Output records for input records ``{"text", "id"?, "published"?, ...}`` (pipeline cached per process)."""
    config = WorkerConfig(model=model, rules_dirs=tuple(str(p) for p in rules_dirs or ()), process_fn=process_fn,
                          load_fn=load_fn)
    default = parse_published(published)
    out = []
    for i, record in enumerate(records, 1):
        doc = _record_to_document(record, f"record:{i}", default)
        if isinstance(doc, ErrorRecord):
            out.append(doc.model_dump(mode="json"))
            continue
        nlp, lock = cached_pipeline(config)
        with lock:
            out.append(process_payload(nlp, document_payload(doc), config.process_fn, config.chunk_chars))
    return out


def _record_to_document(record: dict[str, Any], fallback_id: str, published: str | None) -> Any:
    """An in-memory record (``id`` or ``doc_id``; NaN/None cells as missing) -> InputDocument | ErrorRecord."""
    clean = {k: v for k, v in record.items() if v is not None and not (isinstance(v, float) and v != v)}
    if "doc_id" in clean and "id" not in clean:
        clean["id"] = clean["doc_id"]
    return _record_document(clean, path=None, fallback_id=fallback_id, line=None, where=f" {fallback_id}",
                            encoding=None, default_published=published)


def process_pandas_batch(df: Any, *, model: str = "sm", rules_dirs: list[str | Path] | None = None,
                         published: str | None = None, process_fn: ProcessFn | None = None,
                         load_fn: LoadFn | None = None) -> Any:
    """pandas DataFrame (``text`` + optional ``id``/metadata columns) -> ``doc_id``, ``status``, ``record`` (JSON)."""
    import pandas as pd

    results = process_records(df.to_dict("records"), model=model, rules_dirs=rules_dirs, published=published,
                              process_fn=process_fn, load_fn=load_fn)
    return pd.DataFrame({"doc_id": [r["doc_id"] for r in results], "status": [r["status"] for r in results],
                         "record": [json.dumps(r, ensure_ascii=False) for r in results]})
