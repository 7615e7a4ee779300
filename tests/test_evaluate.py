"""The scorer: the matching rules of shared/eval/score.py, on small hand-made cases."""
from __future__ import annotations

from extractor.evaluate import evaluate, names_match, party_key


def _gold(**fields):
    base = {"id": "a", "candidates": [], "officials": [], "parties": [], "percentages": [],
            "money": [], "dates": [], "claims": []}
    base.update(fields)
    return base


def _row(report, field):
    return next(r for r in report.rows if r.field == field)


def test_names_ignore_titles_and_accept_initials():
    assert names_match("Rep. Karen Bass", "Karen Bass")
    assert names_match("K. Bass", "Karen Bass")
    assert not names_match("Rick Caruso", "Rick Jacobs")


def test_party_aliases_are_canonical():
    assert party_key("Tories") == party_key("Conservative")
    assert party_key("the Lib Dems") == "liberal democrats"


def test_percent_matches_on_value_and_counts_subject():
    gold = _gold(percentages=[{"text": "42 per cent", "value": 42.0, "subject": "Rick Caruso", "kind": "vote_share"}])
    pred = {"doc_id": "a", "status": "ok",
            "percentages": [{"text": "42 per cent", "value": 42.0, "subject": "Caruso", "kind": "poll"},
                            {"text": "7%", "value": 7.0}]}
    row = _row(evaluate([gold], [pred]), "percentages")
    assert (row.tp, row.fp, row.fn) == (1, 1, 0)
    assert row.subject_acc == 1.0 and row.kind_acc == 0.0


def test_unresolved_gold_dates_neither_count_nor_penalize():
    gold = _gold(dates=[{"text": "Thursday", "value": None, "event": "other"},
                        {"text": "2001", "value": "2001", "event": "general"}])
    pred = {"doc_id": "a", "dates": [{"text": "Thursday", "value": "2005-03-10"}, {"text": "2001", "value": "2001"}]}
    row = _row(evaluate([gold], [pred]), "dates")
    assert (row.tp, row.fp, row.fn) == (1, 0, 0)


def test_missing_prediction_is_reported_and_counts_as_misses():
    gold = _gold(parties=["Labour"])
    report = evaluate([gold], [])
    assert report.missing_docs == ["a"]
    assert _row(report, "parties").fn == 1


def test_error_records_are_not_predictions():
    gold = _gold(parties=["Labour"])
    report = evaluate([gold], [{"doc_id": "a", "status": "error", "parties": ["Labour"]}])
    assert report.missing_docs == ["a"]
