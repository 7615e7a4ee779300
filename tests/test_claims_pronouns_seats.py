"""Pronoun-led results lines, turnout of registered voters, seat totals and body sizes, trailing money
qualifiers (blank model, hand-made mentions)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extractor.claims import build_claims
from extractor.normalize.money import parse_money
from extractor.spans import MONEY, PARTIES, PEOPLE, PERCENT
from tests.figures_support import add_mentions, figures_pipeline

PEOPLE_NAMES = {"Ana Ramos": "Ana Ramos", "Ramos": "Ana Ramos", "Peter Walsh": "Peter Walsh", "Walsh": "Peter Walsh"}
PARTY_NAMES = {"Labour": "Labour", "Greens": "Green"}


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def run(nlp, text: str) -> Doc:
    doc = nlp.make_doc(text)
    add_mentions(doc, PEOPLE_NAMES, PEOPLE, "PERSON")
    add_mentions(doc, PARTY_NAMES, PARTIES, "PARTY")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def pct(doc: Doc) -> list[tuple[float, str | None, str]]:
    return [(s._.electx_percent["value"], s._.electx_percent["subject"], s._.electx_percent["kind"])
            for s in doc.spans[PERCENT]]


# --- pronoun-led results lines ----------------------------------------------------------------
def test_she_takes_the_female_candidate(nlp) -> None:
    doc = run(nlp, "Ms Ramos beat Mr Walsh in the count. She had 20,114 votes, or 55.2%, in the final tally.")
    assert pct(doc)[0][1] == "Ana Ramos"


def test_he_skips_the_female_candidate(nlp) -> None:
    doc = run(nlp, "Mr Walsh conceded to Ms Ramos in the count. He finished with 44.8% of the vote.")
    assert pct(doc)[0][1] == "Peter Walsh"


def test_pronoun_without_any_named_person_stays_null(nlp) -> None:
    assert pct(run(nlp, "Turnout aside, the count was slow. He finished with 44.8% of the vote."))[0][1] is None


# --- turnout of registered voters --------------------------------------------------------------
def test_share_of_registered_voters_taking_part_is_turnout(nlp) -> None:
    doc = run(nlp, "Ramos commissioned a survey. Officials said 41.5 per cent of registered voters took part "
                   "in 2023 and 37 per cent in 2019.")
    assert pct(doc) == [(41.5, None, "turnout"), (37.0, None, "turnout")]


def test_share_of_registered_voters_saying_is_not_turnout(nlp) -> None:
    doc = run(nlp, "A survey for Ramos found 52 per cent of registered voters said they backed the plan.")
    assert pct(doc)[0][2] == "poll"


# --- seats --------------------------------------------------------------------------------------
def test_whole_body_in_n_of_m_seats_is_other(nlp) -> None:
    claims = build_claims(run(nlp, "Labour now holds 30 of the council's 55 seats after the vote."))
    got = {(c["subject"], c["predicate"], c["value"]) for c in claims if c["unit"] == "seats"}
    assert got == {("Labour", "seats", 30.0), (None, "other", 55.0)}


def test_body_size_adjective_is_an_other_seats_claim(nlp) -> None:
    claims = build_claims(run(nlp, "The Greens won four seats in the 120-seat assembly on Friday."))
    assert (None, "other", 120.0) in {(c["subject"], c["predicate"], c["value"]) for c in claims}


def test_hyphenated_count_that_is_not_a_body_is_no_size(nlp) -> None:
    claims = build_claims(run(nlp, "Labour reported a 3-seat gain on Friday."))
    assert not [c for c in claims if c["value"] == 3.0 and c["predicate"] == "other"]


# --- trailing money qualifiers ----------------------------------------------------------------
@pytest.mark.parametrize("text,qualifier,span", [
    ("Gifts of $200 or less need not be reported.", "at_most", "$200 or less"),
    ("Donors giving £5,000 or more are named.", "at_least", "£5,000 or more"),
    ("The campaign spent $1 million or so on ads.", "about", "$1 million or so"),
])
def test_trailing_qualifier(nlp, text: str, qualifier: str, span: str) -> None:
    doc = run(nlp, text)
    s = doc.spans[MONEY][0]
    assert (s.text, s._.electx_money["qualifier"]) == (span, qualifier)


def test_or_more_than_is_not_a_trailing_qualifier(nlp) -> None:
    doc = run(nlp, "He gave $50 or more than that to the party.")
    s = doc.spans[MONEY][0]
    assert (s.text, s._.electx_money["qualifier"]) == ("$50", None)


def test_parse_money_reads_a_trailing_qualifier() -> None:
    assert parse_money("£5,000 or more")["qualifier"] == "at_least"


def test_pronoun_before_a_policy_figure_stays_null(nlp) -> None:
    doc = run(nlp, "Mr Walsh spoke in the town hall. He promised 100% broadband coverage for rural homes.")
    assert pct(doc)[0][1] is None


def test_pronoun_takes_only_the_first_share_of_its_sentence(nlp) -> None:
    doc = run(nlp, "Ms Ramos won easily. She had 20,114 votes, or 55.2%, to 16,300, or 44.8%, for Mr Walsh.")
    assert [p[1] for p in pct(doc)] == ["Ana Ramos", "Peter Walsh"]


def test_pronoun_takes_the_nearest_sentence_naming_someone(nlp) -> None:
    doc = run(nlp, "Ms Ramos is standing again. The seat was held by Walsh until he retired. "
                   "He won it in 2019 with 51.3% of the vote.")
    assert pct(doc)[0][1] == "Peter Walsh"
