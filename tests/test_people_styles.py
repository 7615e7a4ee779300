"""electx_people on UK, Irish, Australian and New Zealand reporting styles: bracketed party
abbreviations, results lines, appositions, ministers' portfolios, commenting office-holders."""
from __future__ import annotations

import pytest
import spacy

import extractor.components.offices  # noqa: F401
import extractor.components.parties  # noqa: F401
import extractor.components.people  # noqa: F401
from extractor.people_roles import _office_in
from extractor.spans import OFFICES, PARTIES

COUNTRIES = ["us", "uk", "ca", "au", "nz", "ie", "eu"]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    cfg = {"countries": COUNTRIES, "rules_dirs": []}
    for name in ("electx_parties", "electx_offices", "electx_people"):
        nlp.add_pipe(name, config=cfg)
    return nlp


def people(doc) -> dict[str, dict]:
    return {r["name"]: r for r in doc._.electx_people}


def offices_of(rec: dict) -> dict[str, str]:
    return {o["office"]: o["status"] for o in rec["offices"]}


# -- parties ---------------------------------------------------------------------------


def test_bracketed_abbreviation_is_the_party(nlp):
    doc = nlp("The Westminster count ended at dawn. Cllr Priya Holt (Lab) held the ward.")
    assert [(s.text, s._.get(PARTIES)["name"]) for s in doc.spans[PARTIES]] == [("Lab", "Labour")]


def test_abbreviation_outside_brackets_is_not_a_party(nlp):
    doc = nlp("The Lab results came back on Tuesday in Westminster.")
    assert list(doc.spans[PARTIES]) == []


def test_irish_abbreviation_follows_the_article_country(nlp):
    doc = nlp("Fianna Fáil and Sinn Féin fought the Dáil seat.\nNoel Brady (SF) 4,210\n")
    assert {s._.get(PARTIES)["name"] for s in doc.spans[PARTIES]} >= {"Sinn Féin"}
    assert people(doc)["Noel Brady"]["party"] == "Sinn Féin"


def test_weak_alias_before_a_possessive_name(nlp):
    doc = nlp("In the Wellington electorate, ACT's Moana Reid finished fourth.")
    assert "ACT New Zealand" in {s._.get(PARTIES)["name"] for s in doc.spans[PARTIES]}
    assert people(doc)["Moana Reid"]["party"] == "ACT New Zealand"


# -- candidates ------------------------------------------------------------------------


def test_results_line_with_tally_and_share(nlp):
    doc = nlp("The count in Westminster is over.\n\nHILLSIDE WARD\nTom Ashby (Con) 812 (40.2%)\n"
              "Jo Pell (Lab) 700 (34.6%)\n")
    recs = people(doc)
    assert recs["Tom Ashby"]["role"] == "candidate" and recs["Tom Ashby"]["party"] == "Conservative"
    assert recs["Jo Pell"]["role"] == "candidate" and recs["Jo Pell"]["party"] == "Labour"


def test_councillor_in_a_results_line_is_a_candidate_not_an_official(nlp):
    doc = nlp("The count in Westminster is over.\nCllr Ben Staines (LD) 455 (22.0%)\n")
    rec = people(doc)["Ben Staines"]
    assert rec["role"] == "candidate" and rec["party"] == "Liberal Democrats"


def test_former_party_and_independent_after_an_apposition(nlp):
    doc = nlp("In Eastfield, Cllr Mark Dyson, a former Conservative who now sits as an independent, "
              "won 48.1 per cent.")
    rec = people(doc)["Mark Dyson"]
    assert rec["role"] == "candidate"
    assert rec["party"] == "Independent" and rec["former_parties"] == ["Conservative"]


def test_former_party_official_stays_in_the_party(nlp):
    doc = nlp("Jane Pryor, a former Labour councillor, said the Westminster vote was close.")
    rec = people(doc)["Jane Pryor"]
    assert rec["party"] == "Labour" and rec["former_parties"] == []


def test_leads_a_party_tagged_rival_by_votes(nlp):
    doc = nlp("With most votes counted, Rua Hemi leads Labour's Kiri Waaka by 310 votes in the electorate.")
    recs = people(doc)
    assert recs["Kiri Waaka"]["role"] == "candidate" and recs["Kiri Waaka"]["party"] == "Labour"


def test_party_tagged_people_in_a_candidates_paragraph(nlp):
    doc = nlp("Who is on the ballot?\n\nFour candidates are standing in the Westminster seat. "
              "The Labour candidate, Amira Cole, is a nurse. Reform UK's Dean Platt is a builder. "
              "Sue Marr (Green) runs a bakery.\n\nElsewhere, Labour's Rob Tate visited a school.")
    recs = people(doc)
    assert recs["Amira Cole"]["role"] == "candidate"
    assert recs["Dean Platt"]["role"] == "candidate" and recs["Dean Platt"]["party"] == "Reform UK"
    assert recs["Sue Marr"]["role"] == "candidate" and recs["Sue Marr"]["party"] == "Green"
    assert recs["Rob Tate"]["role"] is None  # another paragraph


def test_a_party_noun_before_a_comma_name(nlp):
    doc = nlp("The Greens are hopeful. Three candidates are standing in the Westminster seat: "
              "a Green, Ivo Marsh, who runs a cafe.")
    assert people(doc)["Ivo Marsh"]["party"] == "Green"


def test_commenting_minister_is_not_a_candidate(nlp):
    doc = nlp("Labor lost the Melbourne seat. Deputy Premier Alan Voss conceded the result was poor.")
    rec = people(doc)["Alan Voss"]
    assert rec["role"] == "official" and "deputy premier" in offices_of(rec)


def test_took_over_is_not_a_win(nlp):
    doc = nlp("Minister for Housing Lena Park, who took over the portfolio in May, visited Sydney.")
    rec = people(doc)["Lena Park"]
    assert rec["role"] == "official" and offices_of(rec) == {"minister for housing": "current"}


# -- officials -------------------------------------------------------------------------


def test_minister_for_portfolio_before_a_comma_name(nlp):
    doc = nlp("The Minister for Local Government, Ruth Ames, said councils would get more money in Westminster.")
    assert offices_of(people(doc)["Ruth Ames"]) == {"minister for local government": "current"}


def test_minister_of_state_for_portfolio(nlp):
    doc = nlp("Mr Dunne, a Fine Gael TD and a former Minister of State for Agriculture, spoke in Dublin.")
    got = offices_of(people(doc)["Dunne"])
    assert got == {"td": "current", "minister of state for agriculture": "former"}


def test_second_office_after_and_shares_the_status(nlp):
    doc = nlp("The seat fell vacant when Carl Rudd, the former Labor MP and housing minister, quit in Canberra.")
    assert offices_of(people(doc)["Carl Rudd"]) == {"member of parliament": "former", "housing minister": "former"}


def test_office_after_a_bracketed_party(nlp):
    doc = nlp("Cllr Anna Wright (Lab), council leader, said the Westminster result was clear.")
    assert set(offices_of(people(doc)["Anna Wright"])) == {"councillor", "council leader"}


def test_office_and_title_before_a_name_across_a_comma(nlp):
    doc = nlp("The Westminster count went on. The council leader, Cllr Joe Bright (Con), said staff worked late.")
    assert set(offices_of(people(doc)["Joe Bright"])) == {"councillor", "council leader"}


def test_office_is_name(nlp):
    doc = nlp("Voting in the Westminster seat ends at ten. The acting returning officer is Mina Shah, a council officer.")
    assert "returning officer" in offices_of(people(doc)["Mina Shah"])


def test_role_with_a_named_holder_is_not_the_previous_person(nlp):
    doc = nlp("The returning officer is Mina Shah, a council officer. The council leader, Cllr Joe Bright, "
              "said the count was slow.")
    assert set(offices_of(people(doc)["Mina Shah"])) == {"returning officer"}


def test_county_clerk_is_not_a_city_clerk(nlp):
    doc = nlp("The county clerk, Rhonda Bell, said ballots would be counted by Friday in Ohio.")
    assert offices_of(people(doc)["Rhonda Bell"]) == {"county clerk": "current"}


def test_party_president_in_new_zealand(nlp):
    doc = nlp("National Party president Mike Tane said the Wellington result was good.")
    rec = people(doc)["Mike Tane"]
    assert rec["offices"][0]["office"] == "party president"
    assert rec["offices"][0]["jurisdiction"] == "New Zealand National Party"


def test_office_in_listed_portfolio_forms():
    assert _office_in("minister for housing", {"minister"}) and not _office_in("mayor", {"minister"})


def test_minister_span_stops_before_the_name(nlp):
    doc = nlp("Minister for Finance Aoife Daly spoke in Dublin.")
    assert [s.text for s in doc.spans[OFFICES] if s.label_ == "OFFICE"] == ["Minister for Finance"]
