"""electx_parties: aliases, context rules for ordinary words, country resolution, analyst packs."""
from __future__ import annotations

import json

import pytest
import spacy

import extractor.components.parties  # noqa: F401  (registers the factory)
from extractor.spans import PARTIES


def make_nlp(countries=("us", "uk"), rules_dirs=()):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("electx_parties", config={"countries": list(countries), "rules_dirs": [str(d) for d in rules_dirs]})
    return nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def names(doc) -> list[str]:
    return [s._.get(PARTIES)["name"] for s in doc.spans[PARTIES]]


def test_tory_alias_is_conservative(nlp):
    doc = nlp("The Tories unveiled their manifesto in Leeds.")
    span = doc.spans[PARTIES][0]
    assert span.text == "Tories" and span.id_ == "uk:party:con" and span.label_ == "PARTY"
    assert span._.get(PARTIES)["name"] == "Conservative" and span._.get(PARTIES)["alias"] == "Tories"


def test_lib_dems_and_new_labour(nlp):
    doc = nlp("The Lib Dems accused New Labour of broken promises.")
    assert names(doc) == ["Liberal Democrats", "Labour"]


def test_us_abbreviation_in_brackets(nlp):
    doc = nlp("Sen. Maria Ortega (D-Nev.) voted against the bill.")
    assert names(doc) == ["Democratic"]


def test_turned_forms_give_both_parties(nlp):
    doc = nlp("The developer, a Republican-turned-Democrat, spent heavily.")
    assert names(doc) == ["Republican", "Democratic"]


@pytest.mark.parametrize("text", [
    "Councillors approved homes on the green belt near the town.",
    "The labour market tightened again in the spring.",
    "Analysts gave a conservative estimate of the cost.",
    "Ministers ordered an independent inquiry into the failure.",
    "The Independent on Sunday reported the figures first.",
    "Green Paper proposals were published on Monday.",
])
def test_ordinary_words_are_not_parties(nlp, text):
    assert names(nlp(text)) == []


def test_capitalized_sentence_start_labour_market_is_not_a_party(nlp):
    assert names(nlp("Labour market figures surprised economists.")) == []


def test_independent_candidate_is_a_party(nlp):
    assert names(nlp("She is standing as an independent candidate in the ward.")) == ["Independent"]


def test_weak_alias_confirmed_by_full_name(nlp):
    doc = nlp("The Green Party fielded 200 candidates. Voters backed the Greens and many turned to Green activists.")
    assert set(names(doc)) == {"Green"}


def test_ambiguous_green_resolved_by_country_context(nlp):
    us = nlp("The Green Party nominee debated Sen. Ann Ray before the primary in Congress.")
    uk = nlp("The Green Party hopes to win a seat at Westminster from Labour and the Tories.")
    assert us.spans[PARTIES][0].id_ == "us:party:green"
    assert uk.spans[PARTIES][0].id_ == "uk:party:green"


def test_new_party_named_in_text_is_discovered(nlp):
    doc = nlp("The MEP launched his new party, Forward Together, on Monday. Forward Together will stand everywhere.")
    assert names(doc) == ["Forward Together", "Forward Together"]


def test_analyst_pack_from_a_folder(tmp_path):
    folder = tmp_path / "nz"
    folder.mkdir()
    (folder / "parties.json").write_text(json.dumps({"country": "nz", "parties": [
        {"id": "nat", "name": "National", "aliases": ["National Party", "Nats"]}]}), encoding="utf-8")
    (folder / "offices.json").write_text(json.dumps({"country": "nz", "offices": []}), encoding="utf-8")
    (folder / "titles.json").write_text(json.dumps({"country": "nz", "titles": []}), encoding="utf-8")
    nlp = make_nlp(countries=["uk"], rules_dirs=[folder])
    doc = nlp("The Nats promised tax cuts in Auckland.")
    assert [(s.text, s.id_) for s in doc.spans[PARTIES]] == [("Nats", "nz:party:nat")]


def test_independent_as_a_noun_counts(nlp):
    doc = nlp("Ray Dunn, a registered independent who quit the council, is standing again.")
    assert names(doc) == ["Independent"]


def test_independent_as_an_adjective_does_not(nlp):
    doc = nlp("Ministers ordered an independent inquiry into the count.")
    assert names(doc) == []


def test_weak_alias_in_brackets_after_a_name(nlp):
    doc = nlp("RESULT\nOwen Garr (Green) 1,870\n")
    assert names(doc) == ["Green"]


def test_bare_reform_needs_context(nlp):
    assert names(nlp("The Reform Act of 1832 widened the franchise.")) == []
    assert names(nlp("Reform UK won the seat. Reform's candidate thanked voters.")) == ["Reform UK", "Reform UK"]


def test_bracketed_single_letter_party(nlp):
    doc = nlp("Sen. Amy Lowe (D) voted against the bill.")
    assert names(doc) == ["Democratic"]


# ----------------------------------------------------------------------------- more countries

ALL = ("us", "uk", "ca", "au", "nz", "ie", "eu")


@pytest.fixture(scope="module")
def world():
    return make_nlp(ALL)


def countries(doc) -> list[str]:
    return [s._.get(PARTIES)["country"] for s in doc.spans[PARTIES]]


def test_labour_in_a_dublin_story_is_irish(world):
    doc = world("Labour and Fine Gael traded blows in Dublin as the Taoiseach defended the budget.")
    assert ("Labour", "ie") in zip(names(doc), countries(doc))


def test_labour_in_a_wellington_story_is_new_zealand(world):
    doc = world("Labour said New Zealand First would not sit in a cabinet in Wellington.")
    assert countries(doc)[0] == "nz"


def test_labour_without_other_cues_stays_british(world):
    doc = world("Labour held its spring conference in Manchester, the MPs said.")
    assert countries(doc) == ["uk"]


def test_liberals_in_an_ontario_story_are_canadian(world):
    doc = world("The Liberals lost two Ontario ridings to the NDP on Monday.")
    assert names(doc)[0] == "Liberal Party of Canada"


def test_liberals_in_a_queensland_story_are_australian(world):
    doc = world("The Liberals and the Nationals campaigned in Queensland with A$40 million in pledges.")
    assert names(doc)[0] == "Liberal Party of Australia"
    assert "National Party of Australia" in names(doc)


def test_labor_is_the_australian_labor_party(world):
    doc = world("Labor promised cheaper childcare in Perth.")
    assert names(doc) == ["Australian Labor Party"]


def test_the_coalition_is_not_a_party(world):
    doc = world("The Coalition trailed in Sydney, the Greens said.")
    assert "Coalition" not in " ".join(names(doc))


def test_bare_act_needs_party_context(world):
    assert names(world("Voters in the ACT backed the referendum.")) == []
    assert names(world("The ACT Party leader ruled out a deal."))[0] == "ACT New Zealand"


def test_democrats_inside_social_democrats_give_no_us_evidence(world):
    doc = world("The Social Democrats and the Greens gained seats in Cork.")
    assert countries(doc) == ["ie", "ie"]


def test_european_parliament_groups(world):
    doc = world("The European People's Party and S&D lost ground to Renew Europe in Strasbourg.")
    assert names(doc) == ["European People's Party", "Progressive Alliance of Socialists and Democrats", "Renew Europe"]


def _tagged(nlp, words, ents=(), tags=None):
    from spacy.tokens import Doc, Span

    doc = Doc(nlp.vocab, words=words, tags=tags)
    doc.ents = [Span(doc, s, e, label) for s, e, label in ents]
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    return doc


def test_lowercase_member_word_before_a_person_is_a_party(nlp):
    doc = _tagged(nlp, ["Voters", "backed", "independent", "Rhona", "Gill", "."], [(3, 5, "PERSON")])
    assert names(doc) == ["Independent"]


def test_weak_capitalized_party_before_a_person_is_a_party(nlp):
    doc = _tagged(nlp, ["Polls", "put", "Libertarian", "Ned", "Shaw", "at", "3", "%"], [(2, 5, "PERSON")])
    assert names(doc) == ["Libertarian"]


def test_member_word_before_an_organisation_is_not_a_party(nlp):
    doc = _tagged(nlp, ["The", "independent", "Electoral", "Commission", "ruled", "."], [(2, 4, "ORG")])
    assert names(doc) == []


def test_an_independent_before_a_past_tense_verb_is_a_member(nlp):
    words = ["Labour", "and", "an", "independent", "won", "a", "seat", "each", "."]
    tags = ["NNP", "CC", "DT", "NN", "VBD", "DT", "NN", "DT", "."]
    assert "Independent" in names(_tagged(nlp, words, tags=tags))


def test_an_independent_before_a_noun_stays_an_adjective(nlp):
    words = ["Labour", "wants", "an", "independent", "review", "."]
    tags = ["NNP", "VBZ", "DT", "JJ", "NN", "."]
    assert names(_tagged(nlp, words, tags=tags)) == ["Labour"]


def test_bloc_before_member_word_is_bloc_quebecois():
    doc = make_nlp(countries=("ca",))("The riding is held by Bloc MP Anne Roy.")
    assert names(doc) == ["Bloc Québécois"]


def test_bloc_as_common_noun_is_not_a_party():
    doc = make_nlp(countries=("ca",))("The former Soviet bloc and the Eastern Bloc countries were discussed.")
    assert names(doc) == []


def test_abbreviation_matches_agree_with_a_token_matcher(nlp):
    from spacy.matcher import Matcher

    tagger = nlp.get_pipe("electx_parties")
    abbrevs = sorted(tagger.abbrev_ids)
    matcher = Matcher(nlp.vocab)
    matcher.add("A", [[{"ORTH": {"IN": abbrevs}}, {"ORTH": "-"}, {"TEXT": {"REGEX": r"^[A-Z][A-Za-z.]{0,12}$"}}],
                      [{"ORTH": {"IN": abbrevs}}, {"ORTH": ")"}]])
    for text in ("Sen. Jane Roe (D-Calif.) met Rep. Bob Ray (R-N.C.) and John Doe (D).",
                 "Amy Lee (I-Vt.) voted; a stray R- and D-x stay out, as does R-", "No letters here (D"):
        doc = nlp.make_doc(text)
        assert sorted(tagger.abbreviation_matches(doc)) == sorted((s, e) for _m, s, e in matcher(doc))


def test_abbreviation_in_brackets_without_a_state(nlp):
    assert names(nlp("Rep. Dana Cole (R) won the district.")) == ["Republican"]


def test_alias_inside_a_longer_alias_does_not_score_its_country():
    from extractor.components.parties import _inside_longer

    assert _inside_longer([(3, 5), (0, 2), (1, 2), (3, 5)]) == [False, False, True, False]
    assert _inside_longer([]) == []


@pytest.fixture(scope="module")
def anglo():
    return make_nlp(countries=("us", "uk", "au"))


def test_party_word_before_organisation_head_is_not_a_party(anglo):
    doc = anglo("The Riverside Labor Council and the Teachers Union backed the levy on Tuesday.")
    assert names(doc) == []


def test_party_word_after_department_of_is_not_a_party(anglo):
    assert names(anglo("Figures from the state Department of Labor show 4,000 lost jobs.")) == []


def test_party_word_before_an_occupation_is_not_a_party(anglo):
    assert names(anglo("Employment and Labour lawyer Jane Roe came third in the ballot.")) == []


def test_lowercase_council_after_party_word_still_counts(anglo):
    assert names(anglo("The Labour council raised its share of the vote.")) == ["Labour"]


def test_provincial_progressive_conservative_party_keeps_its_full_name():
    doc = make_nlp(("ca",))("The Progressive Conservative Party of Manitoba chose a new leader in Winnipeg.")
    assert names(doc) == ["Progressive Conservative Party of Manitoba"]


def test_bare_progressive_conservatives_are_not_the_federal_conservatives():
    doc = make_nlp(("ca",))("Premier Jane Roe, whose Progressive Conservatives hold 40 seats, spoke in Halifax.")
    assert names(doc) == ["Progressive Conservative Party"]


def test_province_and_pc_short_form_give_the_provincial_party():
    doc = make_nlp(("ca",))("The Ontario PCs lead the Ontario NDP in Toronto.")
    assert names(doc) == ["Progressive Conservative Party of Ontario", "New Democratic Party"]
