"""Percent kinds after result verbs and money cues behind a phrase break (blank model, hand-made mentions)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extractor.spans import MONEY, PARTIES, PEOPLE, PERCENT
from tests.figures_support import add_mentions, figures_pipeline

PEOPLE_NAMES = {"Ramos": "Ana Ramos", "Ana Ramos": "Ana Ramos", "Walsh": "Peter Walsh"}
PARTY_NAMES = {"Labour": "Labour", "Greens": "Green", "Tories": "Conservative"}


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def run(nlp, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "electx_percent":
            add_mentions(doc, PEOPLE_NAMES, PEOPLE, "PERSON", set())
            add_mentions(doc, PARTY_NAMES, PARTIES, "PARTY")
        doc = proc(doc)
    return doc


def kind(doc: Doc) -> str:
    return doc.spans[PERCENT][0]._.electx_percent["kind"]


def predicate(doc: Doc) -> str:
    return doc.spans[MONEY][0]._.electx_money["predicate"]


@pytest.mark.parametrize("text", [
    "Ramos kept her seat in the north ward with 52.3 per cent.",
    "Walsh retained the county division with 61%.",
])
def test_result_verb_makes_vote_share(nlp, text) -> None:
    assert kind(run(nlp, text)) == "vote_share"


@pytest.mark.parametrize("text", [
    "The council kept 40% of the grant in reserve.",  # a share of something else
    "Inflation fell to 3.1% in March.",  # no result verb
    "Ramos kept her seat, and inflation reached 4%.",  # the verb is behind a comma
])
def test_no_result_verb_stays_other(nlp, text) -> None:
    assert kind(run(nlp, text)) == "other"


def test_fine_beats_donation_behind_for(nlp) -> None:
    doc = run(nlp, "The Electoral Commission fined the local Labour association £2,000 for reporting a donation late.")
    assert predicate(doc) == "other"


def test_cue_right_after_amount_still_wins(nlp) -> None:
    doc = run(nlp, "Labour spent heavily and took a £15,000 donation from a union.")
    assert predicate(doc) == "donation"


def test_cue_behind_break_used_when_nothing_before(nlp) -> None:
    doc = run(nlp, "A £15,000 payment was made for campaign spending in the final week.")
    assert predicate(doc) == "spending"
