"""electx_people on reporting styles the first rules were not written for: AP-style results
paragraphs, people introduced by role before their name, opinion-column appositions, Australian
results wraps (heads of government, seats won after preferences) and quote-only briefs."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import extractor.components.offices  # noqa: F401
import extractor.components.parties  # noqa: F401
import extractor.components.people  # noqa: F401
from extractor.rules import load_packs

COUNTRIES = ["us", "uk", "ca", "au", "nz", "ie", "eu"]
PIPES = ("electx_parties", "electx_offices", "electx_people")


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    cfg = {"countries": COUNTRIES, "rules_dirs": []}
    for name in PIPES:
        nlp.add_pipe(name, config=cfg)
    return nlp


def people(doc: Doc) -> dict[str, dict]:
    return {r["name"]: r for r in doc._.electx_people}


def with_ents(nlp, text: str, ents: list[tuple[str, str]]) -> Doc:
    """Run the pipeline on ``text`` with the statistical model's entities stood in by hand:
    (entity text, label) pairs, each the first occurrence of that text."""
    doc = nlp.make_doc(text)
    spans = []
    for words, label in ents:
        toks = [t.text for t in nlp.make_doc(words)]
        start = next(i for i in range(len(doc)) if [t.text for t in doc[i:i + len(toks)]] == toks)
        spans.append(Span(doc, start, start + len(toks), label=label))
    doc.ents = spans
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


# -- results paragraphs ----------------------------------------------------------------------


def test_tally_with_or_percent_is_a_vote_share(nlp):
    doc = nlp("Jane Roe led the count. Retired teacher Tom Brandt had 63,518, or 9.1%.")
    assert people(doc)["Tom Brandt"]["role"] == "candidate"


def test_tally_with_or_needs_a_percent(nlp):
    doc = nlp("Jane Roe led the count. Retired teacher Tom Brandt had 63,518, or more.")
    assert people(doc)["Tom Brandt"]["role"] != "candidate"


def test_share_for_a_named_office_holder(nlp):
    doc = nlp("Jane Roe had 402,660 votes, or 58.4%, to 286,814, or 41.6%, for City Council member Tom Brandt.")
    assert people(doc)["Tom Brandt"]["role"] == "candidate"


def test_primary_results_paragraph_shares_the_primary_party(nlp):
    doc = nlp("Jane Roe won the Republican nomination for governor on Tuesday.\n\n"
              "Roe had 41,203 votes, or 51.3%. Tom Brandt was second with 30,377 votes, or 37.8%.")
    assert people(doc)["Tom Brandt"]["party"] == "Republican"


def test_primary_results_party_not_shared_across_paragraphs(nlp):
    doc = nlp("Jane Roe won the Republican nomination for governor on Tuesday.\n\n"
              "In Ohio, Tom Brandt was second with 30,377 votes, or 37.8%.")
    assert people(doc)["Tom Brandt"]["party"] is None


# -- role first, name later --------------------------------------------------------------------


def test_party_of_a_role_introduced_with_named(nlp):
    doc = with_ents(nlp, "The Republican nominee, a three-term Dayton councilwoman named Jane Roe, leads the field.",
                    [("Jane Roe", "PERSON")])
    rec = people(doc)["Jane Roe"]
    assert (rec["role"], rec["party"]) == ("candidate", "Republican")


def test_party_of_a_rival_before_a_definite_office(nlp):
    doc = nlp("Her Democratic opponent, the former state treasurer Tom Brandt, trails.")
    assert people(doc)["Tom Brandt"]["party"] == "Democratic"


def test_party_apposition_before_a_participle(nlp):
    doc = nlp("State Sen. Jane Roe, a Republican seeking the open seat, raised $2 million.")
    assert people(doc)["Jane Roe"]["party"] == "Republican"


def test_party_apposition_needs_the_participle_right_after(nlp):
    doc = nlp("State Sen. Jane Roe, who praised a Republican seeking the seat, raised $2 million.")
    assert people(doc)["Jane Roe"]["party"] is None


# -- Australian results wraps ----------------------------------------------------------------


def test_head_of_government_winning_a_term_is_not_a_candidate(nlp):
    doc = nlp("CANBERRA - Prime Minister Jane Roe has won a second term, but Labor's majority was cut.")
    rec = people(doc)["Jane Roe"]
    assert rec["role"] == "official"
    assert [o["office"] for o in rec["offices"]] == ["prime minister"]


def test_mayor_winning_a_term_is_still_a_candidate(nlp):
    doc = nlp("Mayor Jane Roe has won a second term, but her majority fell.")
    assert people(doc)["Jane Roe"]["role"] == "candidate"


def test_unseated_member_is_a_candidate(nlp):
    doc = nlp("In the seat of Kelby, the Greens' Jane Roe took 53.9 per cent to unseat Labor's Tom Brandt.")
    assert people(doc)["Tom Brandt"]["role"] == "candidate"


def test_share_after_preferences_is_a_candidate_cue(nlp):
    doc = nlp("Jane Roe, a local GP, held the seat of Kelby with 58.2 per cent after preferences.")
    assert people(doc)["Jane Roe"]["role"] == "candidate"


def test_independent_before_a_title_with_a_former_party(nlp):
    doc = with_ents(nlp, "Counting ended on Sunday. Independent Dr Jane Roe, a former Liberal Party member, held the seat with 58.2 per cent "
                         "after preferences.", [("Jane Roe", "PERSON")])
    rec = people(doc)["Jane Roe"]
    assert (rec["party"], rec["former_parties"]) == ("Independent", ["Liberal Party of Australia"])


def test_party_possessive_before_a_name_read_as_a_place(nlp):
    doc = with_ents(nlp, "The Liberal National Party's Jane Roe took 53.9 per cent after preferences.",
                    [("Jane Roe", "GPE")])
    rec = people(doc)["Jane Roe"]
    assert (rec["role"], rec["party"]) == ("candidate", "Liberal National Party of Queensland")


def test_place_before_a_seat_is_not_a_person(nlp):
    doc = with_ents(nlp, "Jane Roe held the inner Perth seat of Kelby with 58.2 per cent after preferences.",
                    [("Jane Roe", "PERSON"), ("Perth", "PERSON")])
    assert set(people(doc)) == {"Jane Roe"}


def test_electoral_commissioner_is_an_office(nlp):
    doc = nlp("The AEC's acting Electoral Commissioner, Jane Roe, said the count would take a week.")
    rec = people(doc)["Jane Roe"]
    assert [(o["office"], o["jurisdiction"]) for o in rec["offices"]] == [
        ("electoral commissioner", "Australian Electoral Commission")]


# -- briefs -----------------------------------------------------------------------------------


def test_quote_after_a_colon_is_not_the_speakers_result(nlp):
    doc = nlp('Tom Brandt won the ward with 61%.\n\nSuperintendent Jane Roe: "Our kids won tonight."')
    rec = people(doc)["Jane Roe"]
    assert rec["role"] == "official"
    assert [o["office"] for o in rec["offices"]] == ["superintendent"]


def test_generic_office_before_a_comma_is_not_the_next_names(nlp):
    doc = nlp("Before voters choose their mayor, Jane Roe has examined four claims.")
    assert people(doc).get("Jane Roe", {}).get("offices", []) == []


def test_definite_office_before_a_comma_is_the_names(nlp):
    doc = nlp("The mayor, Jane Roe, said the count would take a week.")
    assert [o["office"] for o in people(doc)["Jane Roe"]["offices"]] == ["mayor"]


def test_term_and_naming_keys_load():
    au = load_packs(["au"]).packs["au"].roles
    assert "prime minister" in au.term_offices and "term" in au.term_nouns and "named" in au.naming_words
    assert load_packs(["us"]).packs["us"].roles.term_offices == []
