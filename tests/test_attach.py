"""electx_attach: subjects, percent kinds and money predicates (blank model, hand-made mentions)."""
from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc

from extractor.components import attach, money, percent  # noqa: F401
from extractor.spans import MONEY, PARTIES, PEOPLE, PERCENT
from extractor.tokenizer import customize_tokenizer

PEOPLE_NAMES = {"Ramos": "Ana Ramos", "Ana Ramos": "Ana Ramos", "Walsh": "Peter Walsh", "Peter Walsh": "Peter Walsh"}
PARTY_NAMES = {"Labour": "Labour", "Tories": "Conservative", "Conservatives": "Conservative",
               "Liberal Democrats": "Liberal Democrats", "Greens": "Green"}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    customize_tokenizer(nlp)
    for name in ("electx_percent", "electx_money", "electx_attach"):
        nlp.add_pipe(name)
    return nlp


def _mentions(doc: Doc, names: dict[str, str], key: str, label: str) -> None:
    spans = []
    for alias in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(alias)}\b", doc.text):
            span = doc.char_span(m.start(), m.end(), label=label)
            if span is None or any(s.start < span.end and span.start < s.end for s in spans):
                continue
            data = {"name": names[alias], "rule": "test"}
            if key == PEOPLE:
                data["role"] = "candidate"
            span._.set(key, data)
            spans.append(span)
    doc.spans[key] = spans


def run(nlp, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "electx_percent":
            _mentions(doc, PEOPLE_NAMES, PEOPLE, "PERSON")
            _mentions(doc, PARTY_NAMES, PARTIES, "PARTY")
        doc = proc(doc)
    return doc


def pct(doc: Doc) -> list[tuple[float, str | None, str]]:
    return [(s._.electx_percent["value"], s._.electx_percent["subject"], s._.electx_percent["kind"])
            for s in doc.spans[PERCENT]]


def test_subject_before_verb_and_bare_coordination(nlp) -> None:
    doc = run(nlp, "Ramos received 42 per cent of the vote and Walsh 37, early results show.")
    assert pct(doc) == [(42.0, "Ana Ramos", "vote_share"), (37.0, "Peter Walsh", "vote_share")]


def test_pair_after_lead(nlp) -> None:
    doc = run(nlp, "Labour lead the Conservatives by 39% to 34% with the Liberal Democrats on 19%.")
    assert [s for _, s, _ in pct(doc)] == ["Labour", "Conservative", "Liberal Democrats"]


def test_margin_kind_and_subject(nlp) -> None:
    doc = run(nlp, "As of midnight, Walsh held a 3-point lead over Ramos.")
    assert pct(doc) == [(3.0, "Peter Walsh", "margin")]


def test_threshold_kind(nlp) -> None:
    doc = run(nlp, "No candidate secured at least 50% of the vote in the primary.")
    assert pct(doc)[0][2] == "threshold"


def test_turnout_kind(nlp) -> None:
    doc = run(nlp, "Turnout reached 61% in the city.")
    assert pct(doc)[0][2] == "turnout"


def test_poll_kind_in_survey_article(nlp) -> None:
    doc = run(nlp, "A survey of 1,000 adults was published. 55% said Ramos was honest.")
    assert pct(doc) == [(55.0, "Ana Ramos", "poll")]


def test_other_kind_without_cues(nlp) -> None:
    doc = run(nlp, "Inflation hit 10% that year.")
    assert pct(doc)[0][2] == "other"


@pytest.mark.parametrize("text,predicate", [
    pytest.param("Ramos spent $5 million on advertising.", "spending", id="new-spent"),
    pytest.param("Walsh raised $2 million last quarter.", "fundraising", id="new-raised"),
    pytest.param("A donor gave £500,000 to Labour.", "donation", id="new-donation"),
    pytest.param("The stadium bill could reach $270 million.", "cost", id="new-cost"),
])
def test_money_predicate(nlp, text, predicate) -> None:
    doc = run(nlp, text)
    assert doc.spans[MONEY][0]._.electx_money["predicate"] == predicate


def test_donation_subject_is_receiving_party(nlp) -> None:
    doc = run(nlp, "The Greens had a good quarter. A retired banker gave £250,000 to the party.")
    assert doc.spans[MONEY][0]._.electx_money["subject"] == "Green"


def test_possessive_subject(nlp) -> None:
    doc = run(nlp, "Labour's campaign cost £1.7m, the Tories' £3.1m.")
    assert [s._.electx_money["subject"] for s in doc.spans[MONEY]] == ["Labour", "Conservative"]


def test_conversions_share_subject(nlp) -> None:
    doc = run(nlp, "Ramos spent $10 million (£8 million) of her own money.")
    assert [s._.electx_money["subject"] for s in doc.spans[MONEY]] == ["Ana Ramos", "Ana Ramos"]


def test_no_mention_no_subject(nlp) -> None:
    doc = run(nlp, "Prices rose by 4% last year.")
    assert pct(doc)[0][1] is None


def test_falls_back_to_entities_without_groups() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("electx_percent")
    nlp.add_pipe("electx_attach")
    doc = nlp.make_doc("Ramos won 51% of the vote.")
    doc.ents = [doc.char_span(0, 5, label="PERSON")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc.spans[PERCENT][0]._.electx_percent["subject"] == "Ramos"
