"""Dask engine: same records as a local batch run; the pandas adapter for Spark/Ray."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")

from extractor.batch import run_batch  # noqa: E402
from extractor.dask import extract_bag, process_records, run_dask  # noqa: E402
from extractor.schema import ArticleFacts  # noqa: E402

PCT = re.compile(r"\b(\d{1,3}) ?(?:%|per cent)")


def fake_load(model: str = "blank", rules_dirs=None) -> object:
    return {"model": model}


def fake_process(nlp, text: str, meta: dict) -> ArticleFacts:
    if "RAISE-NOW" in text:
        raise RuntimeError("fake failure")
    pcts = [{"text": m[0], "value": float(m[1]), "start": m.start(), "end": m.end()} for m in PCT.finditer(text)]
    return ArticleFacts(doc_id=meta["doc_id"], published=meta.get("published"), percentages=pcts,
                        extractor={"version": "test", "model": "fake"})


FAKE = {"process_fn": fake_process, "load_fn": fake_load}


def build(root: Path) -> Path:
    root.mkdir()
    for i in range(12):
        (root / f"s{i:02d}.txt").write_text(f"The Greens polled {10 + i}% and Labour {40 - i} per cent.")
    (root / "s03.meta.json").write_text('{"published": "2024-07-05"}')
    (root / "feed.jsonl").write_text(json.dumps({"id": "j1", "text": "Turnout hit 61%."}) + "\n{bad\n")
    (root / "empty.txt").write_text("")
    (root / "boom.txt").write_text("RAISE-NOW")
    (root / "scan.txt").write_bytes(b"%PDF-1.5")
    return root


def test_synchronous_dask_equals_local_run(tmp_path):
    src = build(tmp_path / "in")
    run_batch([src], tmp_path / "local.jsonl", workers=1, timeout=None, progress=False, **FAKE)
    summary = run_dask([src], tmp_path / "dask.jsonl", scheduler="synchronous", npartitions=4, window=2, **FAKE)
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert summary.documents == 17 and summary.errors == 3


@pytest.mark.dask
def test_local_cluster_equals_local_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = build(tmp_path / "in")
    run_batch([src], tmp_path / "local.jsonl", workers=1, timeout=None, progress=False, **FAKE)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        summary = run_dask([src], tmp_path / "dask.jsonl", scheduler=cluster.scheduler_address, npartitions=5,
                           **FAKE)
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert summary.ok == 13


def test_extract_bag_from_a_bag_of_records():
    import dask.bag as db

    bag = db.from_sequence([{"id": "a", "text": "Support fell to 31%."}, {"id": "b"},
                            {"id": "c", "text": "Up 4 per cent.", "published": "2023-05-04"}], npartitions=2)
    out = extract_bag(bag, **FAKE).compute(scheduler="synchronous")
    assert [(r["doc_id"], r["status"]) for r in out] == [("a", "ok"), ("b", "error"), ("c", "ok")]
    assert out[2]["published"] == "2023-05-04" and out[0]["percentages"][0]["value"] == 31.0


def test_existing_output_needs_force(tmp_path):
    from extractor.batch import OutputError

    src = build(tmp_path / "in")
    (tmp_path / "o.jsonl").write_text("keep\n")
    with pytest.raises(OutputError, match="E030"):
        run_dask([src], tmp_path / "o.jsonl", scheduler="synchronous", **FAKE)
    assert (tmp_path / "o.jsonl").read_text() == "keep\n"


def test_process_records_same_function_as_batch():
    out = process_records([{"doc_id": "x", "text": "Labour 40%", "published": float("nan")}, {"text": ""}], **FAKE)
    assert out[0]["doc_id"] == "x" and out[0]["published"] is None
    assert out[1]["status"] == "skipped" and out[1]["doc_id"] == "record:2"


def test_process_pandas_batch():
    pd = pytest.importorskip("pandas")
    from extractor.dask import process_pandas_batch

    df = pd.DataFrame({"id": ["a", "b"], "text": ["Labour 40%", "Greens on 7 per cent"]})
    res = process_pandas_batch(df, **FAKE)
    assert list(res.columns) == ["doc_id", "status", "record"]
    assert json.loads(res.record[1])["percentages"][0]["value"] == 7.0


def test_cached_pipeline_loads_once_per_process():
    from extractor.batch import WorkerConfig
    from extractor.dask import cached_pipeline

    config = WorkerConfig(model="blank", load_fn=fake_load, process_fn=fake_process)
    assert cached_pipeline(config)[0] is cached_pipeline(config)[0]
    assert os.environ.get("OMP_NUM_THREADS")
