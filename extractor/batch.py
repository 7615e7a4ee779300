"""Batch runs: many inputs -> one output record per input, in input order.

``run_batch(paths, output)`` reads inputs with :func:`extractor.inputs.iter_documents`,
sends documents to a pool of worker processes and writes one line per input (JSONL) or one
row per fact (CSV), in input order, so 1 and N workers give byte-identical output.

Workers
    ``spawn`` processes, each loading the pipeline once and setting one BLAS/OpenMP thread;
    only plain data crosses the process boundary (the document as a dict in, the
    ``ArticleFacts.model_dump(mode="json")`` dict or an error dict out).  Documents travel in
    batches of ``batch_size`` consecutive to-do inputs (the same batches whatever the number of
    workers), which the real pipeline runs through ``nlp.pipe`` together (the statistical
    model is ~1.25x faster on batches of 8 than one document at a time; the output is the
    same) inside one ``nlp.memory_zone()``, so long runs do not grow.  A batch that takes
    longer than ``timeout`` seconds per chunk of its documents, or whose worker dies, is
    re-run one document at a time; a single document that does so has its worker killed and
    replaced, and is recorded as ``timeout`` or ``worker_crashed``; an exception is recorded
    as ``exception``.  The neighbours go on.
    ``workers=1`` with ``timeout`` (the default) still uses one worker process, so a hang
    or crash cannot stop the run; ``workers=1, timeout=None`` runs in-process (no
    isolation: a hang blocks, a segfault ends the run) which is the cheapest mode for
    notebooks and tests.

Long texts
    Texts over ``chunk_chars`` characters (default 100,000; spaCy's own limit is
    1,000,000) are processed in pieces cut at paragraph/sentence breaks
    (:func:`extractor.inputs.chunk_text`); the pieces' facts are merged with offsets shifted
    back to the whole text.  Inputs over ``max_bytes`` are not read (error ``too_large``).

Output
    A file is written to a temporary name and renamed at the end (a killed run leaves no
    half-written output).  With ``resume=True`` records are instead appended, flushed and
    fsynced as they are written; a rerun reuses every ``ok`` record whose
    (doc_id, path, text sha256, ``extractor`` stamp) matches -- the stamp holds the
    pipeline version and model, so a new version or model redoes the work -- truncates a
    torn last line, redoes the rest and finally rewrites the file in input order when
    needed.  A run killed at any moment and resumed ends with exactly one record per
    input, byte-identical to an uninterrupted run.  CSV output keeps its resume journal in
    ``<output>.resume.jsonl`` (kept, so a finished run can be resumed too) and converts it at
    the end.  An existing output is never
    overwritten without ``force`` (E030).  ``output=None`` or ``"-"`` writes to stdout; a
    closed pipe ends the run quietly (``summary.broken_pipe``).
"""
from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import math
import multiprocessing
import os
import signal
import sys
import time
import traceback
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait as mp_wait
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .errors import ElectxError
from .inputs import InputDocument, chunk_text, iter_documents
from .schema import ErrorRecord

FACT_KEYS = ("candidates", "officials", "parties", "percentages", "money", "dates", "claims")
OFFSET_KEYS = frozenset({"start", "end", "sentence_start", "sentence_end"})
CSV_COLUMNS = ("doc_id", "status", "type", "text", "value", "unit", "subject", "kind", "qualifier", "start", "end")
THREAD_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
              "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS")
DEFAULT_CHUNK_CHARS = 100_000
DEFAULT_BATCH_SIZE = 8
WORKER_START_TIMEOUT = 600.0

ProcessFn = Callable[[Any, str, dict], Any]
LoadFn = Callable[..., Any]


class OutputError(ElectxError):
    """The output cannot be written as asked (exists without --force, cannot resume, ...)."""


def pipeline_version() -> str:
    """The extractor's version (part of the resume key)."""
    from . import __version__

    return str(__version__)


# --------------------------------------------------------------------------- summary


@dataclass
class BatchSummary:
    """What a run did; ``exit_code`` is 0 when no input failed, else 1."""

    documents: int = 0
    ok: int = 0
    skipped: int = 0
    errors: int = 0
    reused: int = 0
    facts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in FACT_KEYS})
    reasons: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    workers: int = 1
    output: str | None = None
    broken_pipe: bool = False
    stale_dropped: int = 0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def add(self, record: dict[str, Any], *, reused: bool = False) -> None:
        self.documents += 1
        status = record.get("status")
        if status == "ok":
            self.ok += 1
            for key in FACT_KEYS:
                self.facts[key] += len(record.get(key) or ())
        else:
            if status == "skipped":
                self.skipped += 1
            else:
                self.errors += 1
            reason = str(record.get("reason"))
            self.reasons[reason] = self.reasons.get(reason, 0) + 1
        if reused:
            self.reused += 1

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "ok": self.ok, "skipped": self.skipped, "errors": self.errors,
                "reused": self.reused, "facts": dict(self.facts), "reasons": dict(sorted(self.reasons.items())),
                "seconds": round(self.seconds, 3), "docs_per_second": round(self.docs_per_second, 2),
                "workers": self.workers, "output": self.output, "broken_pipe": self.broken_pipe,
                "stale_dropped": self.stale_dropped}

    def describe(self) -> str:
        """A short human summary for stderr."""
        facts = ", ".join(f"{k} {v}" for k, v in self.facts.items())
        lines = [f"{self.documents} documents: {self.ok} ok, {self.skipped} skipped, {self.errors} errors"
                 + (f" ({self.reused} reused from the previous run)" if self.reused else ""),
                 f"facts: {facts}",
                 f"{self.seconds:.1f} s, {self.docs_per_second:.1f} docs/s, {self.workers} worker(s)"]
        if self.reasons:
            lines.append("reasons: " + ", ".join(f"{k} {v}" for k, v in sorted(self.reasons.items())))
        if self.broken_pipe:
            lines.append("output pipe closed; run stopped early")
        return "\n".join(lines)


# --------------------------------------------------------------------------- per document


def default_load(model: str = "sm", rules_dirs: list[str] | None = None) -> Any:
    """The real pipeline (``extractor.api.load``)."""
    from .api import load

    return load(model=model, rules_dirs=rules_dirs)


def default_process(nlp: Any, text: str, meta: dict[str, Any]) -> Any:
    """The real per-document function (``extractor.api.extract_facts``)."""
    from .api import extract_facts

    return extract_facts(nlp, text, meta)


def _as_dict(facts: Any) -> dict[str, Any]:
    if hasattr(facts, "model_dump"):
        return facts.model_dump(mode="json")
    if isinstance(facts, dict):
        return facts
    raise TypeError(f"process_fn returned {type(facts).__name__}, expected ArticleFacts or dict")


def shift_offsets(value: Any, offset: int) -> Any:
    """A copy of a record (or part) with every start/end/sentence_* offset moved by ``offset``."""
    if isinstance(value, dict):
        return {k: (v + offset if k in OFFSET_KEYS and isinstance(v, int) and not isinstance(v, bool)
                    else shift_offsets(v, offset)) for k, v in value.items()}
    if isinstance(value, list):
        return [shift_offsets(v, offset) for v in value]
    return value


def _merge_people(into: list[dict], more: list[dict], key: Callable[[dict], Any]) -> None:
    index = {key(p): p for p in into}
    for person in more:
        k = key(person)
        if k not in index:
            into.append(person)
            index[k] = person
            continue
        have = index[k]
        for field_, value in person.items():
            if isinstance(value, list) and isinstance(have.get(field_), list):
                have[field_].extend(v for v in value if v not in have[field_])
            elif have.get(field_) is None and value is not None:
                have[field_] = value


def merge_chunk_records(parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One record from per-chunk records ``(offset, record)``: offsets shifted, people merged by name."""
    merged = shift_offsets(parts[0][1], parts[0][0])
    for offset, record in parts[1:]:
        record = shift_offsets(record, offset)
        _merge_people(merged.setdefault("candidates", []), record.get("candidates") or [], lambda p: p.get("name"))
        _merge_people(merged.setdefault("officials", []), record.get("officials") or [],
                      lambda p: (p.get("name"), p.get("office")))
        parties = merged.setdefault("parties", [])
        parties.extend(p for p in record.get("parties") or [] if p not in parties)
        for key in ("percentages", "money", "dates", "claims", "findings"):
            merged.setdefault(key, []).extend(record.get(key) or [])
    return merged


def document_payload(doc: InputDocument) -> dict[str, Any]:
    """The plain-data form of a document sent to a worker."""
    return {"doc_id": doc.doc_id, "text": doc.text, "meta": doc.pipeline_meta(), "path": doc.path,
            "line": doc.line, "sha256": doc.sha256, "warnings": [list(w) for w in doc.warnings]}


def error_dict(payload: dict[str, Any], reason: str, message: str) -> dict[str, Any]:
    """An ErrorRecord as plain data for the document in ``payload``."""
    return ErrorRecord(doc_id=payload["doc_id"], status="error", path=payload.get("path"),
                       line=payload.get("line"), reason=reason, message=message).model_dump(mode="json")


@contextlib.contextmanager
def _memory_zone(nlp: Any) -> Iterator[None]:
    zone = getattr(nlp, "memory_zone", None)
    if zone is None:
        yield
    else:
        with zone():
            yield


def process_payload(nlp: Any, payload: dict[str, Any], process_fn: ProcessFn | None = None,
                     chunk_chars: int = DEFAULT_CHUNK_CHARS) -> dict[str, Any]:
    """Run the per-document function on one payload: a record dict, never an exception."""
    process_fn = process_fn or default_process
    try:
        parts = []
        for offset, chunk in chunk_text(payload["text"], chunk_chars):
            with _memory_zone(nlp):
                parts.append((offset, _as_dict(process_fn(nlp, chunk, dict(payload["meta"])))))
        record = parts[0][1] if len(parts) == 1 else merge_chunk_records(parts)
        return finish_record(record, payload)
    except Exception as exc:  # one bad document never stops the others
        return error_dict(payload, "exception", f"{type(exc).__name__}: {exc}")


def process_payloads(nlp: Any, payloads: list[dict[str, Any]], process_fn: ProcessFn | None = None,
                     chunk_chars: int = DEFAULT_CHUNK_CHARS) -> list[dict[str, Any]]:
    """Records for several payloads, in order.  The real pipeline runs them through
    ``nlp.pipe`` together; if that fails, each is redone alone so an error lands on its own
    document.  An injected ``process_fn`` is called per payload."""
    if process_fn is not None or len(payloads) < 2:
        return [process_payload(nlp, p, process_fn, chunk_chars) for p in payloads]
    try:
        return _pipe_payloads(nlp, payloads, chunk_chars)
    except Exception:
        return [process_payload(nlp, p, None, chunk_chars) for p in payloads]


def _pipe_payloads(nlp: Any, payloads: list[dict[str, Any]], chunk_chars: int) -> list[dict[str, Any]]:
    from .api import make_doc

    pieces = [(k, offset, chunk) for k, p in enumerate(payloads) for offset, chunk in chunk_text(p["text"], chunk_chars)]
    parts: list[list[tuple[int, dict[str, Any]]]] = [[] for _ in payloads]
    with _memory_zone(nlp):
        docs = [make_doc(nlp, chunk, dict(payloads[k]["meta"])) for k, _, chunk in pieces]
        for (k, offset, _), doc in zip(pieces, nlp.pipe(docs, batch_size=len(docs))):
            parts[k].append((offset, _as_dict(doc._.electx_facts)))
    return [finish_record(got[0][1] if len(got) == 1 else merge_chunk_records(got), p)
            for got, p in zip(parts, payloads)]


def finish_record(record: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    """Pin identity (doc_id, path, sha256, metadata) and input warnings onto a facts record."""
    meta = payload["meta"]
    record["doc_id"] = payload["doc_id"]
    for key in ("published", "source", "title", "url"):
        if record.get(key) is None and meta.get(key) is not None:
            record[key] = meta[key]
    record["path"] = payload.get("path")
    record["text_sha256"] = payload["sha256"]
    stamp = record.get("extractor")
    if not isinstance(stamp, dict):
        stamp = record["extractor"] = {}
    stamp.setdefault("version", pipeline_version())
    if payload.get("warnings"):
        record.setdefault("findings", []).extend(
            {"code": code, "message": message, "start": None, "end": None} for code, message in payload["warnings"])
    return record


def probe_stamp(nlp: Any, process_fn: ProcessFn | None) -> dict[str, str] | None:
    """The ``extractor`` stamp this pipeline writes (version, model): part of the resume key."""
    payload = {"doc_id": "probe", "text": "Probe.", "meta": {"doc_id": "probe"}, "path": None, "line": None,
               "sha256": "", "warnings": []}
    record = process_payload(nlp, payload, process_fn)
    if record.get("status") != "ok":
        return None
    return record.get("extractor")


# --------------------------------------------------------------------------- workers


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker process needs (picklable)."""

    model: str = "sm"
    rules_dirs: tuple[str, ...] = ()
    process_fn: ProcessFn | None = None
    load_fn: LoadFn | None = None
    chunk_chars: int = DEFAULT_CHUNK_CHARS

    def load(self) -> Any:
        load_fn = self.load_fn or default_load
        return load_fn(model=self.model, rules_dirs=list(self.rules_dirs) or None)


def _worker_main(conn: Any, config: WorkerConfig) -> None:
    """Worker loop: load once, then answer each batch ``[(index, payload), ...]`` with
    ``[(index, record), ...]``."""
    for name in THREAD_ENV:
        os.environ.setdefault(name, "1")
    with contextlib.suppress(ValueError, AttributeError):  # Ctrl-C is the parent's business
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        nlp = config.load()
        stamp = probe_stamp(nlp, config.process_fn)
    except BaseException as exc:  # reported to the parent, which stops the run
        code = getattr(exc, "code", None) if isinstance(exc, ElectxError) else None
        message = str(exc) if code else f"{type(exc).__name__}: {exc}"
        conn.send(("init_error", code, message, traceback.format_exc(limit=5)))
        return
    conn.send(("ready", stamp))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        records = process_payloads(nlp, [p for _, p in message], config.process_fn, config.chunk_chars)
        try:
            conn.send([(index, record) for (index, _), record in zip(message, records)])
        except (BrokenPipeError, OSError):
            return


class WorkerInitError(ElectxError):
    """A worker could not build the pipeline (the message is the worker's error)."""

    def __init__(self, code: str | None, message: str) -> None:
        Exception.__init__(self, message if message.startswith("[") else f"[{code or 'E010'}] {message}")
        self.code = code or "E010"
        self.fields = {"detail": message}


@contextlib.contextmanager
def _single_thread_env() -> Iterator[None]:
    """Children inherit os.environ at start: one BLAS/OpenMP thread each."""
    saved = {name: os.environ.get(name) for name in THREAD_ENV}
    os.environ.update({name: "1" for name in THREAD_ENV})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _Worker:
    def __init__(self, ctx: Any, config: WorkerConfig) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, config), daemon=True, name="electx-worker")
        with _single_thread_env():
            self.proc.start()
        child.close()
        self.ready = False
        self.batch: list[tuple[int, dict[str, Any]]] = []  # the documents it is working on
        self.deadline = time.monotonic() + WORKER_START_TIMEOUT

    def send(self, batch: list[tuple[int, dict[str, Any]]], seconds: float | None) -> None:
        self.batch = batch
        self.deadline = time.monotonic() + seconds if seconds else math.inf
        self.conn.send(batch)

    def stop(self, kill: bool = False) -> None:
        if self.proc.is_alive():
            if kill:
                self.proc.kill()
            else:
                with contextlib.suppress(OSError):
                    self.conn.send(None)
        self.proc.join(timeout=0 if kill else 2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """N worker processes with per-document deadlines; crashed or hung workers are replaced.

    A batch that fails (time limit, dead worker) is not recorded as failed: its documents go
    to ``retry`` to be sent again one at a time, so only the document at fault gets an error.
    """

    def __init__(self, workers: int, config: WorkerConfig, timeout: float | None,
                 start_method: str = "spawn") -> None:
        self.ctx = multiprocessing.get_context(start_method)
        self.config = config
        self.timeout = timeout
        self.stamp: dict[str, str] | None = None
        self._failed_starts = 0
        self.retry: deque[tuple[int, dict[str, Any]]] = deque()
        self.pool: list[_Worker] = []
        try:
            self.pool.extend(_Worker(self.ctx, config) for _ in range(workers))
            for worker in self.pool:
                self._await_ready(worker)
        except BaseException:
            self.close()
            raise

    def _await_ready(self, worker: _Worker) -> None:
        if not worker.conn.poll(WORKER_START_TIMEOUT):
            raise WorkerInitError("E010", f"a worker did not start within {WORKER_START_TIMEOUT:.0f} s")
        try:
            self._on_message(worker)
        except (EOFError, OSError):
            worker.proc.join(timeout=5)
            raise WorkerInitError("E010", "a worker died while loading the pipeline (exit code "
                                  f"{worker.proc.exitcode})") from None

    def _on_message(self, worker: _Worker) -> list[tuple[int, dict]]:
        message = worker.conn.recv()
        if isinstance(message, tuple) and message[0] == "ready":
            worker.ready = True
            worker.deadline = math.inf
            self.stamp = message[1]
            self._failed_starts = 0
            return []
        if isinstance(message, tuple) and message[0] == "init_error":
            self.close()
            raise WorkerInitError(message[1], message[2])
        worker.batch = []
        worker.deadline = math.inf
        return list(message)

    def idle(self) -> list[_Worker]:
        return [w for w in self.pool if w.ready and not w.batch]

    def busy(self) -> bool:
        return any(w.batch for w in self.pool)

    def submit(self, worker: _Worker, batch: list[tuple[int, dict[str, Any]]]) -> bool:
        """Send documents to an idle worker; False (and the worker replaced) if it is gone."""
        seconds = None
        if self.timeout:
            chunks = sum(max(1, math.ceil(len(p["text"]) / self.config.chunk_chars)) for _, p in batch)
            seconds = self.timeout * chunks
        try:
            worker.send(batch, seconds)
        except OSError:
            worker.batch = []
            self._replace(worker)
            return False
        return True

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        self.pool[self.pool.index(worker)] = _Worker(self.ctx, self.config)

    def collect(self) -> list[tuple[int, dict[str, Any]]]:
        """Wait for the next event (result, death, deadline); the finished (index, record) pairs."""
        waiting = [w for w in self.pool if w.batch or not w.ready]
        if not waiting:
            return []
        wait_for = max(0.0, min(w.deadline for w in waiting) - time.monotonic())
        handles: dict[Any, _Worker] = {}
        for w in waiting:
            handles[w.conn] = w
            handles[w.proc.sentinel] = w
        ready = mp_wait(list(handles), timeout=min(wait_for, 3600.0))
        results: list[tuple[int, dict[str, Any]]] = []
        handled: list[_Worker] = []
        for handle in ready:
            worker = handles[handle]
            if any(worker is h for h in handled):
                continue
            handled.append(worker)
            try:
                if worker.conn.poll():
                    results.extend(self._on_message(worker))
                    if worker.proc.is_alive():
                        continue
            except (EOFError, OSError):
                pass
            worker.proc.join(timeout=0.5)
            results.extend(self._lost(worker, "worker_crashed",
                                      f"the worker process died (exit code {worker.proc.exitcode})"))
        now = time.monotonic()
        for worker in list(self.pool):
            if worker.deadline <= now and not any(worker is h for h in handled):
                if not worker.batch:
                    worker.stop(kill=True)
                    self.close()
                    raise WorkerInitError("E010", "a replacement worker did not start in time")
                results.extend(self._lost(worker, "timeout", f"no result within the time limit "
                                          f"({self.timeout:g} s per chunk); worker killed and replaced"))
        return results

    def _lost(self, worker: _Worker, reason: str, message: str) -> list[tuple[int, dict[str, Any]]]:
        """Replace a dead or hung worker; the error record for its document, if it had one
        (the documents of a failed batch go to ``retry`` instead)."""
        batch = worker.batch
        worker.proc.join(timeout=0.5)
        if not batch and not worker.ready:  # died while loading the pipeline
            self._failed_starts += 1
            if self._failed_starts >= 3:
                self.close()
                raise WorkerInitError("E010", "workers keep dying while loading the pipeline "
                                      f"(exit code {worker.proc.exitcode})")
        self._replace(worker)
        if len(batch) > 1:
            self.retry.extend(batch)  # one at a time, to find the document at fault
            return []
        if not batch:
            return []
        index, payload = batch[0]
        return [(index, error_dict(payload, reason, message))]

    def close(self) -> None:
        for worker in self.pool:
            worker.stop(kill=bool(worker.batch) or not worker.ready)


# --------------------------------------------------------------------------- output


def _json_line(record: dict[str, Any]) -> bytes:
    """One JSONL line; strings that cannot be UTF-8 (undecodable file names) are \\u-escaped."""
    try:
        return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def _csv_cell(value: Any) -> Any:
    """Neutralize spreadsheet formulas: a text cell starting with = + - @ (or tab/CR) gets a quote."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_rows(record: dict[str, Any]) -> list[list[Any]]:
    """CSV rows for one record: a ``document`` row, then one row per fact.

    Column use per type: candidate (text=name, subject=party, kind=office sought, unit=
    jurisdiction), official (text=name, kind=office, unit=jurisdiction, qualifier=status),
    party (text=name), percentage/claim (as named; kind=kind/predicate), money (value=
    amount, unit=currency, kind=predicate), date (unit=granularity, kind=event).
    """
    doc_id, status = record.get("doc_id"), record.get("status")
    if status != "ok":
        rows = [[doc_id, status, "document", record.get("message"), None, None, None, record.get("reason"),
                 None, None, None]]
        return [[_csv_cell(c) for c in row] for row in rows]
    rows = [[doc_id, status, "document", record.get("title"), None, None, record.get("source"), None, None,
             None, None]]

    def first_mention(person: dict) -> tuple[Any, Any]:
        mentions = person.get("mentions") or []
        return (mentions[0].get("start"), mentions[0].get("end")) if mentions else (None, None)

    for c in record.get("candidates") or []:
        rows.append([doc_id, status, "candidate", c.get("name"), None, c.get("jurisdiction"), c.get("party"),
                     c.get("office_sought"), None, *first_mention(c)])
    for o in record.get("officials") or []:
        rows.append([doc_id, status, "official", o.get("name"), None, o.get("jurisdiction"), None,
                     o.get("office"), o.get("status"), *first_mention(o)])
    for p in record.get("parties") or []:
        rows.append([doc_id, status, "party", p, None, None, None, None, None, None, None])
    for p in record.get("percentages") or []:
        rows.append([doc_id, status, "percentage", p.get("text"), p.get("value"), p.get("unit"), p.get("subject"),
                     p.get("kind"), p.get("qualifier"), p.get("start"), p.get("end")])
    for m in record.get("money") or []:
        rows.append([doc_id, status, "money", m.get("text"), m.get("amount"), m.get("currency"), m.get("subject"),
                     m.get("predicate"), m.get("qualifier"), m.get("start"), m.get("end")])
    for d in record.get("dates") or []:
        rows.append([doc_id, status, "date", d.get("text"), d.get("value"), d.get("granularity"), None,
                     d.get("event"), None, d.get("start"), d.get("end")])
    for c in record.get("claims") or []:
        rows.append([doc_id, status, "claim", c.get("text"), c.get("value"), c.get("unit"), c.get("subject"),
                     c.get("predicate"), c.get("qualifier"), c.get("start"), c.get("end")])
    return [[_csv_cell(c) for c in row] for row in rows]


def _csv_bytes(rows: Iterable[list[Any]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8", "backslashreplace")


CSV_HEADER = _csv_bytes([list(CSV_COLUMNS)])


def resume_journal(output: Path) -> Path:
    """Where a resumable CSV run keeps its full records (JSONL): ``<output>.resume.jsonl``."""
    return output.with_name(output.name + ".resume.jsonl")


def _resume_key(record: dict[str, Any]) -> tuple | None:
    if record.get("status") != "ok":
        return None
    stamp = record.get("extractor") or {}
    return (record.get("doc_id"), record.get("path"), record.get("text_sha256"),
            json.dumps(stamp, sort_keys=True))


@dataclass
class _Journal:
    """Records already in a resumable output: key -> queue of (offset, length, record)."""

    path: Path
    entries: dict[tuple, deque] = field(default_factory=dict)
    lines: int = 0
    end: int = 0

    @classmethod
    def read(cls, path: Path) -> "_Journal":
        journal = cls(path)
        if not path.exists():
            return journal
        with open(path, "r+b") as fh:
            offset = 0
            for raw in iter(fh.readline, b""):
                if not raw.endswith(b"\n"):  # torn last line of a killed run
                    fh.truncate(offset)
                    fh.flush()
                    os.fsync(fh.fileno())
                    break
                try:
                    record = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    record = None
                if isinstance(record, dict):
                    key = _resume_key(record)
                    if key is not None:
                        journal.entries.setdefault(key, deque()).append((offset, len(raw), record))
                journal.lines += 1
                offset += len(raw)
            journal.end = offset
        return journal

    def take(self, key: tuple) -> tuple[int, int, dict] | None:
        queue = self.entries.get(key)
        return queue.popleft() if queue else None


class _PipeClosed(Exception):
    pass


Location = tuple[int, int]


class _Output:
    """Writes records in input order: stdout, an atomic file, or a resumable journal."""

    def __init__(self, output: Path | None, fmt: str, resume: bool, force: bool) -> None:
        if fmt not in ("jsonl", "csv"):
            raise OutputError("E020", path="--format", detail=f"unknown format {fmt!r}: use jsonl or csv")
        self.output, self.fmt = output, fmt
        self.journal: _Journal | None = None
        self.locations: list[Location] = []
        self.header_pending = fmt == "csv"
        self.fh: Any = None
        if output is None:
            if resume:
                raise OutputError("E020", path="--resume", detail="resuming needs an output file (--output FILE)")
            self.fh = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else sys.stdout
            return
        self.tmp = output.with_name(f".{output.name}.tmp")
        if resume:
            journal_path = output if fmt == "jsonl" else resume_journal(output)
            if fmt == "csv" and output.exists() and not journal_path.exists() and not force:
                raise OutputError("E020", path=str(output), detail="this CSV was not written with --resume (no "
                                  f"{journal_path.name}); pass --force to redo it")
            output.parent.mkdir(parents=True, exist_ok=True)
            self.journal = _Journal.read(journal_path)
            self.fh = open(journal_path, "ab")
            self.offset = self.journal.end
        else:
            if output.exists() and not force:
                raise OutputError("E030", path=str(output))
            output.parent.mkdir(parents=True, exist_ok=True)
            self.fh = open(self.tmp, "wb")

    def reuse(self, key: tuple | None) -> tuple[dict[str, Any], Location] | None:
        """The previous run's record for this key (resume mode) and where it sits, or None."""
        if self.journal is None or key is None:
            return None
        found = self.journal.take(key)
        if found is None:
            return None
        offset, length, record = found
        return record, (offset, length)

    def _emit(self, data: bytes) -> None:
        if self.header_pending and self.journal is None:
            data = CSV_HEADER + data
        self.header_pending = False
        try:
            self.fh.write(data)
            self.fh.flush()
        except BrokenPipeError:
            raise _PipeClosed() from None

    def write(self, records: list[tuple[dict[str, Any], Location | None]]) -> None:
        """Write records in input order; a record with a location is already in the journal."""
        if not records:
            return
        if self.journal is not None:
            data = []
            for record, location in records:
                if location is None:
                    line = _json_line(record)
                    location = (self.offset, len(line))
                    self.offset += len(line)
                    data.append(line)
                self.locations.append(location)
            if data:
                self.fh.write(b"".join(data))
                self.fh.flush()
                os.fsync(self.fh.fileno())
        elif self.fmt == "csv":
            self._emit(_csv_bytes(row for record, _ in records for row in csv_rows(record)))
        else:
            self._emit(b"".join(_json_line(record) for record, _ in records))

    def finish(self) -> int:
        """Close and put the output in place; returns the number of stale journal lines dropped."""
        if self.output is None:
            if self.header_pending:
                self._emit(b"")
            return 0
        if self.journal is None:
            if self.header_pending:
                self._emit(b"")
            self.fh.close()
            os.replace(self.tmp, self.output)
            return 0
        self.fh.close()
        journal_path = self.journal.path
        stale = self.journal.lines - sum(1 for offset, _ in self.locations if offset < self.journal.end)
        expected = 0
        for offset, length in self.locations:
            if offset != expected:
                break
            expected += length
        else:
            if self.fmt == "jsonl" and expected == journal_path.stat().st_size:
                return 0
        with open(journal_path, "rb") as src, open(self.tmp, "wb") as dst:
            if self.fmt == "csv":
                dst.write(CSV_HEADER)
            for offset, length in self.locations:
                src.seek(offset)
                raw = src.read(length)
                dst.write(_csv_bytes(csv_rows(json.loads(raw))) if self.fmt == "csv" else raw)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(self.tmp, self.output)
        return stale

    def abort(self) -> None:
        """Leave things as they were (a non-resume run removes its temporary file)."""
        if self.output is None or self.fh is None:
            return
        with contextlib.suppress(OSError):
            self.fh.close()
        if self.journal is None:
            with contextlib.suppress(OSError):
                self.tmp.unlink()


def _quiet_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush is silent."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


# --------------------------------------------------------------------------- the run


class _Progress:
    def __init__(self, enabled: bool) -> None:
        self.enabled, self.start, self.last = enabled, time.monotonic(), 0.0

    def update(self, done: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if force or now - self.last >= 1.0:
            self.last = now
            rate = done / (now - self.start) if now > self.start else 0.0
            sys.stderr.write(f"\r{done} documents, {rate:.1f} docs/s ")
            sys.stderr.flush()
            if force:
                sys.stderr.write("\n")


def run_batch(paths: Iterable[str | Path], output: Path | str | None = None, *, model: str = "sm",
              rules_dirs: list[str | Path] | None = None, workers: int | None = None, resume: bool = False,
              force: bool = False, fmt: str = "jsonl", published: str | None = None,
              encoding: str | None = None, max_bytes: int = 20_000_000, timeout: float | None = 60.0,
              progress: bool = True, process_fn: ProcessFn | None = None, load_fn: LoadFn | None = None,
              chunk_chars: int = DEFAULT_CHUNK_CHARS, start_method: str = "spawn",
              batch_size: int = DEFAULT_BATCH_SIZE) -> BatchSummary:
    """Extract facts from every input; one output record per input, in input order.

    ``process_fn(nlp, text, meta) -> ArticleFacts | dict`` and ``load_fn(model=, rules_dirs=)``
    default to the real pipeline (``extractor.api``); injected ones must be module-level
    functions (they are pickled to the worker processes).  ``workers`` defaults to the CPU
    count (never more than the documents of a small input); ``timeout`` is seconds per
    ``chunk_chars`` characters of text; ``timeout=None`` with ``workers=1`` runs in-process.
    ``batch_size`` documents go to a worker at a time (see the module docstring).
    ``max_bytes`` is the largest input read (per file; per line for JSONL).  Raises ElectxError subclasses for usage problems
    (existing output without ``force``, bad ``published``, a pipeline that cannot load):
    the CLI's exit code 2.  ``summary.exit_code`` is 1 when any input failed.
    """
    started = time.monotonic()
    if isinstance(output, str):
        output = None if output == "-" else Path(output)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    workers = max(1, workers or os.cpu_count() or 1)
    batch_size = max(1, batch_size)
    timeout = timeout if timeout and timeout > 0 else None
    exclude = []
    if output is not None:
        exclude = [output, resume_journal(output)]
    documents = iter_documents(list(paths), published=published, encoding=encoding, max_bytes=max_bytes,
                               exclude=exclude)
    # a bad published/encoding raises here, before any output exists; a few documents are
    # read ahead so a small input does not start more workers than it has documents
    prefetched = list(itertools.islice(documents, workers))
    needing_work = sum(isinstance(item, InputDocument) for item in prefetched)
    nothing_to_do = len(prefetched) < workers and needing_work == 0
    if len(prefetched) < workers:
        workers = max(1, min(workers, needing_work))
    items = _chain(prefetched, documents)

    out = _Output(output, fmt, resume, force)
    summary = BatchSummary(workers=workers, output=str(output) if output else None)
    config = WorkerConfig(model=model, rules_dirs=tuple(str(p) for p in rules_dirs or ()),
                          process_fn=process_fn, load_fn=load_fn, chunk_chars=chunk_chars)
    bar = _Progress(progress)
    pool: WorkerPool | None = None
    try:
        if (workers == 1 and timeout is None) or nothing_to_do:
            _run_in_process(config, items, out, summary, bar, batch_size, resume)
        else:
            pool = WorkerPool(workers, config, timeout, start_method)
            _run_pool(pool, items, out, summary, bar, batch_size)
        summary.stale_dropped = out.finish()
    except _PipeClosed:
        summary.broken_pipe = True
        _quiet_stdout()
    except BaseException:
        out.abort()
        raise
    finally:
        if pool is not None:
            pool.close()
    bar.update(summary.documents, force=True)
    summary.seconds = time.monotonic() - started
    return summary


def _chain(*iterables: Iterable) -> Iterator:
    for it in iterables:
        yield from it


Ready = tuple[dict[str, Any], "Location | None"]


def _ready_record(item: InputDocument | ErrorRecord, out: _Output, stamp: dict | None) -> Ready | None:
    """An input that needs no worker: an error record, or a record kept from the previous run."""
    if isinstance(item, ErrorRecord):
        return item.model_dump(mode="json"), None
    if out.journal is not None and stamp is not None:
        return out.reuse((item.doc_id, item.path, item.sha256, json.dumps(stamp, sort_keys=True)))
    return None


def _write_in_order(batch: list[Ready], out: _Output, summary: BatchSummary) -> None:
    out.write(batch)
    for record, location in batch:
        summary.add(record, reused=location is not None)


def _run_in_process(config: WorkerConfig, items: Iterator, out: _Output, summary: BatchSummary, bar: _Progress,
                    batch_size: int, resume: bool) -> None:
    """No worker processes: the same batches, processed here."""
    nlp: Any = None
    stamp = None
    window: list[Ready | dict[str, Any]] = []  # ready records and payloads, in input order

    def flush() -> None:
        todo = [w for w in window if isinstance(w, dict)]
        records = iter(process_payloads(nlp, todo, config.process_fn, config.chunk_chars))
        _write_in_order([(next(records), None) if isinstance(w, dict) else w for w in window], out, summary)
        window.clear()
        bar.update(summary.documents)

    for item in items:
        if nlp is None and isinstance(item, InputDocument):  # loaded only when needed
            nlp = config.load()
            stamp = probe_stamp(nlp, config.process_fn) if resume else None
        ready = _ready_record(item, out, stamp)
        window.append(ready if ready is not None else document_payload(item))
        if sum(isinstance(w, dict) for w in window) >= batch_size or (ready is not None and len(window) == 1):
            flush()
    flush()


def _run_pool(pool: WorkerPool, items: Iterator, out: _Output, summary: BatchSummary, bar: _Progress,
              batch_size: int) -> None:
    """Feed the pool batches of consecutive to-do documents; write records in input order."""
    done: dict[int, Ready] = {}
    next_index = next_write = 0
    max_ahead = max(64, 4 * batch_size * len(pool.pool))
    pending: list[tuple[int, dict[str, Any]]] = []  # to-do documents not sent yet, in input order
    exhausted = False
    while True:
        moved = True
        while moved:
            moved = False
            while not exhausted and len(pending) < batch_size and next_index - next_write < max_ahead:
                item = next(items, None)
                if item is None:
                    exhausted = True
                    break
                ready = _ready_record(item, out, pool.stamp)
                if ready is not None:
                    done[next_index] = ready
                else:
                    pending.append((next_index, document_payload(item)))
                next_index += 1
            idle = pool.idle()
            if not idle:
                break
            if pool.retry:
                pair = pool.retry.popleft()
                if not pool.submit(idle[0], [pair]):
                    pool.retry.appendleft(pair)
                moved = True
            elif pending and (len(pending) >= batch_size or exhausted or next_index - next_write >= max_ahead):
                batch, pending = pending[:batch_size], pending[batch_size:]
                if not pool.submit(idle[0], batch):
                    pending = batch + pending
                moved = True
        batch_out = []
        while next_write in done:
            batch_out.append(done.pop(next_write))
            next_write += 1
        _write_in_order(batch_out, out, summary)
        bar.update(summary.documents)
        if exhausted and not pending and not pool.retry and next_write == next_index:
            return
        for index, record in pool.collect():
            done[index] = (record, None)
