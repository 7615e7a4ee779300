"""End to end on a results-night paragraph written for this test (mayoral primary, US style)."""
from __future__ import annotations

import pytest

from extractor.api import extract_facts

TEXT = (
    "Real estate developer Maria Ortega and Councilman David Reyes are headed to a runoff for "
    "mayor of Fairview after no candidate won at least 50% of the vote in Tuesday's primary.\n\n"
    "Ortega received 44 per cent of the vote and Reyes 38, early results show. Ortega, a "
    "Republican-turned-Democrat, spent more than $12 million (£9.6 million/€11 million) of her own "
    "money. The runoff will be held on November 5.\n\n"
    "The winner will replace Mayor Helen Park, who was nominated to be ambassador to Japan."
)


@pytest.fixture(scope="module", params=["blank", "sm"])
def facts(request, blank_nlp, sm_nlp):
    nlp = blank_nlp if request.param == "blank" else sm_nlp
    return extract_facts(nlp, TEXT, {"doc_id": "fairview", "published": "2024-03-06"})


def test_vote_shares_with_subjects(facts):
    shares = {(p.value, p.subject, p.kind) for p in facts.percentages}
    assert (44.0, "Maria Ortega", "vote_share") in shares
    assert (38.0, "David Reyes", "vote_share") in shares


def test_threshold(facts):
    assert any(p.value == 50.0 and p.kind == "threshold" for p in facts.percentages)


def test_money_and_its_linked_equivalents(facts):
    primary = next(m for m in facts.money if m.amount == 12_000_000)
    assert primary.currency == "USD" and primary.qualifier == "more_than"
    eur = next(m for m in facts.money if m.currency == "EUR")
    assert eur.amount == 11_000_000 and eur.equivalent_of == "$12 million" and eur.qualifier == "more_than"


def test_dates_resolved_against_publication(facts):
    values = {d.text: d.value for d in facts.dates}
    assert values.get("Tuesday") == "2024-03-05"
    assert values.get("November 5") == "2024-11-05"


def test_candidates_and_parties(facts):
    cands = {c.name: c for c in facts.candidates}
    assert set(cands) == {"Maria Ortega", "David Reyes"}
    assert cands["Maria Ortega"].party == "Democratic"
    assert cands["Maria Ortega"].former_parties == ["Republican"]


def test_official_with_status(facts):
    offices = {(o.name, o.office, o.status) for o in facts.officials}
    assert ("Helen Park", "ambassador", "nominated") in offices
