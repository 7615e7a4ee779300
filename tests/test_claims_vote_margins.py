"""'by N votes' is the winner's margin, not a vote count; 'by N votes to M' stays two counts
(blank model, hand-made mentions)."""
from __future__ import annotations

import pytest

from extractor.claims import build_claims
from extractor.spans import PARTIES, PEOPLE
from tests.figures_support import add_mentions, figures_pipeline

PEOPLE_NAMES = {"Ana Ramos": "Ana Ramos", "Ramos": "Ana Ramos", "Peter Walsh": "Peter Walsh", "Walsh": "Peter Walsh"}
PARTY_NAMES = {"Labour": "Labour", "Liberal Democrats": "Liberal Democrats", "Greens": "Green"}


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def counts(nlp, text: str) -> list[tuple[str | None, str, float]]:
    doc = nlp.make_doc(text)
    add_mentions(doc, PEOPLE_NAMES, PEOPLE, "PERSON")
    add_mentions(doc, PARTY_NAMES, PARTIES, "PARTY")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(c["subject"], c["predicate"], c["value"]) for c in build_claims(doc) if c["unit"] == "votes"]


def test_took_seat_from_party_is_the_winners_margin(nlp) -> None:
    got = counts(nlp, "In Eastfield, where the Liberal Democrats took the seat from Labour by 318 votes, few voted.")
    assert got == [("Liberal Democrats", "margin", 318.0)]


def test_pronoun_winner_is_the_person_before(nlp) -> None:
    assert counts(nlp, "Ana Ramos first stood for the council in 2004. She won by 187 votes.") == [
        ("Ana Ramos", "margin", 187.0)]


def test_lost_to_names_the_winner_after_it(nlp) -> None:
    assert counts(nlp, "Ana Ramos lost to Peter Walsh by 196 votes after a recount.") == [
        ("Peter Walsh", "margin", 196.0)]


def test_margin_without_a_winner_has_no_subject(nlp) -> None:
    assert counts(nlp, "A similar levy failed in 2021 by 412 votes.") == [(None, "margin", 412.0)]


def test_by_votes_to_votes_stays_two_counts(nlp) -> None:
    got = counts(nlp, "Ana Ramos won the run-off by 12,774 votes to 11,514.")
    assert ("Ana Ramos", "votes", 12774.0) in got and all(p == "votes" for _, p, _ in got)


def test_change_by_votes_is_not_a_margin(nlp) -> None:
    assert [p for _, p, _ in counts(nlp, "The Labour vote rose by 2,500 votes on 2019.")] == ["votes"]


def test_margin_restated_in_votes(nlp) -> None:
    got = counts(nlp, "Ana Ramos took 51.2 per cent to 48.8 per cent for Peter Walsh, a margin of 2.4 points, or 263 votes.")
    assert got == [("Ana Ramos", "margin", 263.0)]


def test_count_without_by_is_a_vote_count(nlp) -> None:
    assert counts(nlp, "Ana Ramos won 4,120 votes.") == [("Ana Ramos", "votes", 4120.0)]
