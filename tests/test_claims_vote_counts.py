"""Small vote counts and leads stated as 'N votes ahead of X' (blank model, hand-made mentions)."""
from __future__ import annotations

import pytest

from tests.figures_support import figures_pipeline
from tests.test_claims import claims


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def votes(found: list[dict]) -> list[tuple]:
    return [(c["subject"], c["predicate"], c["value"]) for c in found if c["unit"] == "votes"]


def test_two_digit_vote_count(nlp) -> None:
    assert votes(claims(nlp, "In the final ballot of MPs, Ramos won 61 votes.")) == [("Ana Ramos", "votes", 61.0)]


def test_single_digit_is_not_a_count(nlp) -> None:
    assert votes(claims(nlp, "The motion passed with 7 votes to spare after Ramos spoke.")) == []


def test_votes_ahead_is_a_lead(nlp) -> None:
    found = votes(claims(nlp, "Walsh finished 41 votes ahead of Ramos after the recount."))
    assert found == [("Peter Walsh", "margin", 41.0)]


@pytest.mark.parametrize("text", [
    "Walsh won 41 votes in the first round and Ramos 30.",
    "Walsh won 4,100 votes, ahead of Ramos.",  # a comma: a count, then who it beat
])
def test_count_without_lead_words_stays_votes(nlp, text) -> None:
    assert votes(claims(nlp, text))[0][1] == "votes"
