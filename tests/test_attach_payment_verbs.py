"""Money predicates of payment verbs: a campaign paying a firm spends; being ordered to pay is a
penalty, whatever the costs it goes toward (blank model, hand-made mentions)."""
from __future__ import annotations

import pytest

from extractor.spans import MONEY, PEOPLE
from tests.figures_support import add_mentions, figures_pipeline

PEOPLE_NAMES = {"Dana Price": "Dana Price", "Price": "Dana Price"}


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def money(nlp, text: str) -> list[tuple[str | None, str]]:
    doc = nlp.make_doc(text)
    add_mentions(doc, PEOPLE_NAMES, PEOPLE, "PERSON")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s._.electx_money["subject"], s._.electx_money["predicate"]) for s in doc.spans[MONEY]]


def test_campaign_paid_a_firm_is_spending(nlp) -> None:
    assert money(nlp, "Dana Price's campaign paid a Denver law firm $14,500 to check the petitions.") == [
        ("Dana Price", "spending")]


def test_ordered_to_pay_toward_costs_is_other(nlp) -> None:
    assert money(nlp, "Dana Price was ordered to pay $3,100 toward the objectors' legal costs.") == [
        ("Dana Price", "other")]


def test_cost_without_payment_verb_stays_cost(nlp) -> None:
    assert money(nlp, "The recount will cost $3,100, officials said.")[0][1] == "cost"
