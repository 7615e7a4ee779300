"""The fact-check report: JSON, terminal table, HTML (escaping, and a headless-Chromium render)."""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from extractor.reconcile import ReconcileReport, reconcile
from extractor.report import ordered_groups, print_table, to_html, to_json

CHROMIUM = Path("/usr/bin/chromium")

TEXT_A = ("Early returns gave Mara Quint 48 per cent of the vote. <script>alert('x')</script> "
          "Officials said counting would resume at dawn.")
TEXT_B = "By the final count Quint had 44 per cent & Lee Sato 41 per cent, the board said."


def _facts():
    a_claim = "Mara Quint 48 per cent of the vote"
    b_claim = "Quint had 44 per cent"
    return [
        {"doc_id": "a", "published": "2025-05-02", "claims": [
            {"subject": "Mara Quint", "predicate": "vote_share", "value": 48.0, "unit": "percent",
             "text": a_claim, "start": TEXT_A.index(a_claim), "end": TEXT_A.index(a_claim) + len(a_claim)}]},
        {"doc_id": "b", "published": "2025-05-02", "claims": [
            {"subject": "Mara Quint", "predicate": "vote_share", "value": 44.0, "unit": "percent", "text": b_claim},
            {"subject": "Lee Sato", "predicate": "turnout", "value": 41.0, "unit": "percent",
             "text": "Lee Sato 41 per cent"}]},
    ]


@pytest.fixture()
def report() -> ReconcileReport:
    return reconcile(_facts())


def test_json_round_trips(report):
    data = json.loads(to_json(report))
    assert ReconcileReport.model_validate(data) == report


def test_conflicts_come_first(report):
    assert ordered_groups(report)[0].verdict == "conflict"


def test_terminal_table_shows_conflict_and_evidence(report):
    from rich.console import Console

    buf = io.StringIO()
    print_table(report, Console(file=buf, width=200, color_system=None))
    out = buf.getvalue()
    assert "conflict" in out and "Quint had 44 per cent" in out
    assert out.index("conflict") < out.index("single_source")


def test_html_escapes_article_text(report):
    page = to_html(report, {"a": TEXT_A, "b": TEXT_B})
    assert "<script>" not in page
    assert "&lt;script&gt;" in page or "alert" not in page


def test_html_escapes_script_in_the_evidence_sentence():
    text = "Turnout hit 61% <script>steal()</script> in the city."
    facts = [{"doc_id": "x", "claims": [{"subject": None, "predicate": "turnout", "value": 61.0,
                                          "unit": "percent", "text": "Turnout hit 61% <script>steal()</script>"}]}]
    page = to_html(reconcile(facts), {"x": text})
    assert "<script>" not in page and "&lt;script&gt;steal()&lt;/script&gt;" in page


def test_html_highlights_the_evidence(report):
    page = to_html(report, {"a": TEXT_A, "b": TEXT_B})
    assert "<mark>Mara Quint 48 per cent of the vote</mark>" in page
    assert "<mark>Quint had 44 per cent</mark>" in page


def test_html_is_self_contained(report):
    page = to_html(report, {"a": TEXT_A, "b": TEXT_B})
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", page)
    assert "<link" not in page and "<script" not in page


@pytest.mark.chromium
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_html_renders_every_conflict_in_chromium(report, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(to_html(report, {"a": TEXT_A, "b": TEXT_B}), encoding="utf-8")
    profile = tmp_path / "profile"
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    conflicts = [g for g in report.groups if g.verdict == "conflict"]
    assert conflicts
    for g in conflicts:
        assert f'id="{g.id}"' in dom and 'data-verdict="conflict"' in dom
        for v in g.values:
            assert v.text in dom
    assert "<script>alert" not in dom  # the article's script stayed text
    shutil.rmtree(profile, ignore_errors=True)
