"""'the 76 needed for a majority' is a threshold count; 'seven short of' it is the holder's gap
(blank model, hand-made mentions)."""
from __future__ import annotations

import pytest

from extractor.claims import build_claims
from extractor.spans import PARTIES
from tests.figures_support import add_mentions, figures_pipeline

PARTY_NAMES = {"Labour": "Labour", "Greens": "Green"}


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def claims(nlp, text: str) -> list[tuple[str | None, str, float, str | None]]:
    doc = nlp.make_doc(text)
    add_mentions(doc, PARTY_NAMES, PARTIES, "PARTY")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return sorted(((c["subject"], c["predicate"], c["value"], c["unit"]) for c in build_claims(doc)
                   if c["rule"].startswith("claims.needed")), key=str)


def test_needed_seats_is_a_threshold_and_the_gap_the_holders(nlp) -> None:
    got = claims(nlp, "Labour was set to win 61 seats, four short of the 65 needed for a majority.")
    assert got == sorted([("Labour", "other", 4.0, "seats"), (None, "threshold", 65.0, "seats")], key=str)


def test_more_than_the_needed_count_is_a_gap_too(nlp) -> None:
    got = claims(nlp, "The Greens held 44 seats, three more than the 41 needed to govern alone.")
    assert got == sorted([("Green", "other", 3.0, "seats"), (None, "threshold", 41.0, "seats")], key=str)


def test_unit_comes_from_an_earlier_sentence(nlp) -> None:
    text = "Ms Dale filed 512 signatures. Officials struck 190. That left her with 322, short of the 350 required."
    assert claims(nlp, text) == [(None, "threshold", 350.0, "signatures")]


def test_unit_noun_after_the_number(nlp) -> None:
    assert claims(nlp, "She fell short of the 270 votes needed.") == [(None, "threshold", 270.0, "votes")]


def test_needed_without_a_unit_is_no_claim(nlp) -> None:
    assert claims(nlp, "The club has the 40 required for a quorum of its board.") == []


def test_needed_far_from_any_unit_noun_is_no_claim(nlp) -> None:
    text = "There were 90 seats. The hall was full. Lunch was late. Only the 12 needed stayed."
    assert claims(nlp, text) == []
