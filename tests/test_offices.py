"""electx_offices: office words normalized to GOLD_FORMAT roles, jurisdictions and status."""
from __future__ import annotations

import pytest
import spacy

import extractor.components.offices  # noqa: F401
import extractor.components.parties  # noqa: F401
from extractor.spans import OFFICES


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    cfg = {"countries": ["us", "uk"], "rules_dirs": []}
    nlp.add_pipe("electx_parties", config=cfg)
    nlp.add_pipe("electx_offices", config=cfg)
    return nlp


def offices(doc, label="OFFICE") -> list[tuple[str, str | None, str]]:
    return [(d["office"], d["jurisdiction"], d["status"]) for s in doc.spans[OFFICES] if s.label_ == label
            for d in [s._.get(OFFICES)]]


def test_shadow_post_takes_the_party(nlp):
    doc = nlp("Tory shadow chancellor Ian Webb attacked the plan at Westminster.")
    assert offices(doc) == [("shadow chancellor", "Conservative", "current")]


def test_uk_national_office(nlp):
    doc = nlp("Foreign Secretary Ann Hale flew to Brussels, the MP said.")
    assert ("foreign secretary", "United Kingdom", "current") in offices(doc)


def test_party_leader_with_possessive(nlp):
    doc = nlp("UKIP's leader, Tom Pryce, spoke in Leeds.")
    assert offices(doc) == [("party leader", "UKIP", "current")]


def test_party_post_without_a_party_is_dropped(nlp):
    doc = nlp("A spokesman for the residents' campaign said the vote was unfair.")
    assert offices(doc) == []


def test_local_office_takes_the_place_before(nlp):
    doc = nlp("Middleton mayor Jo Kerr opened the bridge.")
    assert offices(doc) == [("mayor", "Middleton", "current")]


def test_mayor_of_place(nlp):
    doc = nlp("She hopes to become the next Mayor of San Diego.")
    assert offices(doc) == [("mayor", "San Diego", "current")]


def test_nominated_ambassador(nlp):
    doc = nlp("He was nominated to be the U.S. ambassador to Japan.")
    assert offices(doc) == [("ambassador", "Japan", "nominated")]


def test_former_office(nlp):
    doc = nlp("The former home secretary criticised the plan.")
    assert offices(doc) == [("home secretary", "United Kingdom", "former")]


def test_portfolio_spokesman(nlp):
    doc = nlp("Lib Dem foreign affairs spokesman Rhys Owen said so.")
    assert offices(doc) == [("foreign affairs spokesman", "Liberal Democrats", "current")]


def test_staff_posts_are_not_offices(nlp):
    doc = nlp("The White House press secretary and a senior adviser declined to comment.")
    assert offices(doc) == []


def test_title_implies_office(nlp):
    doc = nlp("Rep. Dana Cole and Mr Hill met Lord Ames.")
    titles = [(s.text, s._.get(OFFICES)["office"]) for s in doc.spans[OFFICES] if s.label_ == "TITLE"]
    assert titles == [("Rep.", "representative"), ("Mr", None), ("Lord", "peer")]


def test_pm_after_a_time_is_not_an_office(nlp):
    assert offices(nlp("Polls close at 10 PM on Thursday.")) == []


def test_returning_officer(nlp):
    doc = nlp("The returning officer, Gail Snow, declared the result at 3am.")
    assert offices(doc) == [("returning officer", None, "current")]


def test_us_local_offices(nlp):
    doc = nlp("County executive Ben Ames and county commissioner Ida Holt backed school board member Sal Ruiz.")
    assert [o[0] for o in offices(doc)] == ["county executive", "county commissioner", "school board member"]


def test_uk_councillor_forms(nlp):
    doc = nlp("Cllr Jo Baines, a borough councillor, said the by-election was close.")
    assert [o[0] for o in offices(doc)] == ["councillor", "councillor"]


@pytest.fixture(scope="module")
def world():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    cfg = {"countries": ["us", "uk", "ca", "au", "nz", "ie", "eu"], "rules_dirs": []}
    nlp.add_pipe("electx_parties", config=cfg)
    nlp.add_pipe("electx_offices", config=cfg)
    return nlp


def test_taoiseach_is_irish(world):
    doc = world("The Taoiseach met Fianna Fáil TDs in Dublin.")
    assert ("taoiseach", "Ireland", "current") in offices(doc)
    assert ("td", "Dáil Éireann", "current") in offices(doc)  # "TD" and "Teachta Dála" both read "td"


def test_prime_minister_follows_the_article_country(world):
    doc = world("The prime minister toured Ontario ridings with NDP and Bloc Québécois rivals close behind.")
    assert ("prime minister", "Canada", "current") in offices(doc)


def test_australian_treasurer_is_national_only_in_australia(world):
    au = world("The treasurer said Labor would fund the plan, speaking in Canberra.")
    assert ("treasurer", "Australia", "current") in offices(au)
    uk = world("The Tories confirmed that the treasurer had resigned, MPs said.")
    assert all(o[0] != "treasurer" or o[1] != "Australia" for o in offices(uk))


def test_commission_president_is_an_eu_office(world):
    doc = world("Commission president Anna Berg addressed MEPs in Strasbourg.")
    assert ("commission president", "European Commission", "current") in offices(doc)


def test_council_leader_is_not_a_plain_councillor(nlp):
    doc = nlp("Council leader Morag Innes welcomed the result.")
    assert [o[0] for o in offices(doc)] == ["council leader"]


def test_group_leader_is_its_own_office(nlp):
    doc = nlp("The Green group leader, Paul Eade, said the vote was close.")
    assert "group leader" in [o[0] for o in offices(doc)]


def test_returning_officer_in_an_irish_count():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    cfg = {"countries": ["ie"], "rules_dirs": []}
    nlp.add_pipe("electx_parties", config=cfg)
    nlp.add_pipe("electx_offices", config=cfg)
    doc = nlp("The returning officer for Cork, Siobhan Hurley, read the result.")
    assert "returning officer" in [o[0] for o in offices(doc)]


def test_office_form_containing_a_non_office_word_is_kept(nlp):
    doc = nlp("The count was delayed, according to county elections director Maria Okonjo.")
    assert [o[0] for o in offices(doc)] == ["elections director"]


def test_bare_non_office_word_is_still_dropped(nlp):
    doc = nlp("The campaign's director Maria Okonjo said turnout was high.")
    assert offices(doc) == []


def test_state_before_the_owning_party_renames_the_chair(nlp):
    doc = nlp("State Democratic Party Chair Lena Morrow said the party would spend heavily.")
    assert [o[:2] for o in offices(doc)] == [("state party chair", "Democratic")]


def test_party_chair_without_prefix_stays_chairman(nlp):
    doc = nlp("Democratic Party Chair Lena Morrow said the party would spend heavily.")
    assert [o[0] for o in offices(doc)] == ["chairman"]


def test_leader_of_a_party_group_is_a_group_leader(nlp):
    doc = nlp("Cllr Ravi Desai, leader of the Conservative group on the council, conceded defeat.")
    assert "group leader" in [o[0] for o in offices(doc)]


def test_leader_of_a_party_stays_party_leader(nlp):
    doc = nlp("Ravi Desai, leader of the Conservative Party, conceded defeat.")
    assert [o[0] for o in offices(doc)] == ["party leader"]


def test_chairman_of_a_named_committee_is_an_office(nlp):
    doc = nlp("Dame Helen Crale, chairman of the Backbench Business Committee, announced the result.")
    assert offices(doc) == [("chairman", "Backbench Business Committee", "current")]


def test_chairman_of_an_unnamed_body_is_dropped(nlp):
    doc = nlp("Helen Crale, chairman of the local committee, announced the result.")
    assert offices(doc) == []
