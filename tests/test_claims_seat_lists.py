"""Elided seat tallies after a party's seat count, and tallies shared with "each"/"apiece"
(blank model, hand-made party mentions)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extractor.claims import build_claims
from extractor.spans import PARTIES
from tests.figures_support import add_mentions, figures_pipeline

PARTY_NAMES = {"Labour": "Labour", "Greens": "Green", "Conservatives": "Conservative", "Tories": "Conservative",
               "Liberal Democrats": "Liberal Democrats", "Reform UK": "Reform UK", "Plaid Cymru": "Plaid Cymru"}


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def seats(nlp, text: str) -> list[tuple[str | None, float]]:
    doc = nlp.make_doc(text)
    add_mentions(doc, PARTY_NAMES, PARTIES, "PARTY")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return sorted((c["subject"] or "", c["value"]) for c in build_claims(doc) if c["predicate"] == "seats")


def test_bare_numbers_after_a_seat_count_are_seats(nlp) -> None:
    got = seats(nlp, "Labour won 22 seats, the Conservatives nine and the Greens four.")
    assert got == [("Conservative", 9.0), ("Green", 4.0), ("Labour", 22.0)]


def test_party_on_number_after_a_share_of_seats(nlp) -> None:
    got = seats(nlp, "Labour is the largest group with 24 of the 60 seats, followed by Reform UK on 14 "
                     "and the Tories on 12.")
    assert got == [("Conservative", 12.0), ("Labour", 24.0), ("Reform UK", 14.0)]


def test_list_continues_into_the_next_sentence(nlp) -> None:
    got = seats(nlp, "Labour held 28 of the 45 seats. The Conservatives looked set to hold 11 and the Greens three.")
    assert got == [("Conservative", 11.0), ("Green", 3.0), ("Labour", 28.0)]


def test_gerund_item(nlp) -> None:
    got = seats(nlp, "Labour won six of the 12 seats, with Plaid Cymru taking four.")
    assert ("Plaid Cymru", 4.0) in got


def test_apiece_gives_each_party_the_tally(nlp) -> None:
    got = seats(nlp, "The Greens, Labour and Reform UK won one seat apiece.")
    assert got == [("Green", 1.0), ("Labour", 1.0), ("Reform UK", 1.0)]


def test_each_with_a_share_of_seats(nlp) -> None:
    got = seats(nlp, "Labour and the Conservatives each won five of the 16 seats.")
    assert got == [("Conservative", 5.0), ("Labour", 5.0)]


def test_without_each_only_the_nearest_party(nlp) -> None:
    assert seats(nlp, "Labour and the Conservatives won five seats.") == [("Conservative", 5.0)]


def test_no_seat_count_no_list(nlp) -> None:
    assert seats(nlp, "Labour polled 12, the Conservatives nine and the Greens four.") == []


def test_shares_after_a_seat_count_are_not_seats(nlp) -> None:
    got = seats(nlp, "Labour won 22 seats. The Conservatives took 31.5 per cent and the Greens 9 per cent.")
    assert got == [("Labour", 22.0)]


def test_dates_after_a_seat_count_are_not_seats(nlp) -> None:
    assert seats(nlp, "Labour won 22 seats. The Conservatives meet on 14 May.") == [("Labour", 22.0)]
