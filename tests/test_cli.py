"""The CLI, through typer's CliRunner: extract, evaluate, schema, rules check, exit codes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

runner = CliRunner()


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_schema_prints_a_json_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert "ArticleFacts" in json.loads(result.stdout)["$defs"]


def test_extract_writes_one_record_per_article(tmp_path):
    (tmp_path / "a.txt").write_text("Smith won 52% of the vote in Tuesday's primary.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2024-03-06"}', encoding="utf-8")
    (tmp_path / "b.txt").write_text("Jones raised more than $2 million.", encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out), "--model", "blank", "--workers", "1"])
    assert result.exit_code == 0, result.output
    records = {r["doc_id"]: r for r in _lines(out)}
    assert set(records) == {"a", "b"}
    assert records["a"]["percentages"][0]["value"] == 52.0
    assert records["a"]["published"] == "2024-03-06"
    assert records["b"]["money"][0]["amount"] == 2000000


def test_bad_file_gets_an_error_record_and_exit_1(tmp_path):
    (tmp_path / "good.txt").write_text("Turnout was 61 per cent.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out), "--model", "blank", "--workers", "1"])
    assert result.exit_code == 1
    records = {r["doc_id"]: r for r in _lines(out)}
    assert records["good"]["status"] == "ok"
    assert records["bad"]["status"] == "error"
    assert records["bad"]["reason"] == "binary"


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    (tmp_path / "a.txt").write_text("Turnout was 61 per cent.", encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(out), "--model", "blank"])
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "keep me\n"


def test_missing_path_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "--model", "blank"])
    assert result.exit_code == 2
    assert "nope" in result.output


def test_bad_published_date_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--published", "last week", "--model", "blank"])
    assert result.exit_code == 2


def test_evaluate_scores_the_corpus(corpus_dir, tmp_path):
    result = runner.invoke(app, ["evaluate", "--gold", str(corpus_dir / "gold"), str(corpus_dir / "texts"),
                                 "--model", "blank", "--workers", "1", "--json", str(tmp_path / "s.json")])
    assert result.exit_code == 0, result.output
    scores = json.loads((tmp_path / "s.json").read_text())
    fields = {r["field"]: r for r in scores["rows"]}
    assert fields["percentages"]["f1"] > 0.8
    assert "mean F1" in result.stdout


def test_rules_check_accepts_the_shipped_packs():
    result = runner.invoke(app, ["rules", "check"])
    assert result.exit_code == 0, result.output


def _cluster_paths(corpus_dir, cluster: str) -> list[str]:
    expected = json.loads((corpus_dir / "reconcile" / f"{cluster}.expected.json").read_text(encoding="utf-8"))
    return [str(corpus_dir / "texts" / f"{a['id']}.txt") for a in expected["articles"]]


def test_check_exits_1_on_a_cluster_with_a_conflict_and_writes_html(corpus_dir, tmp_path):
    html = tmp_path / "report.html"
    args = ["check", *_cluster_paths(corpus_dir, "wisconsin-senate-primary"), "--model", "blank",
            "--workers", "1", "--html", str(html)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "conflict" in result.stdout
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or "<html" in page


def test_reconcile_writes_a_json_report_from_extracted_facts(corpus_dir, tmp_path):
    facts = tmp_path / "facts.jsonl"
    paths = _cluster_paths(corpus_dir, "port-calder-mayor")
    assert runner.invoke(app, ["extract", *paths, "-o", str(facts), "--model", "blank", "--workers", "1"]).exit_code == 0
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["reconcile", str(facts), "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["groups"] and report["findings"]
    assert report["duplicates"], "the syndicated copy must be detected as the same source"
