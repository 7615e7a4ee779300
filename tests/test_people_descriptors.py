"""electx_people without a statistical model: a party or occupation word before a name
('Libertarian Dale Fenn', 'independent Jo Hart', 'Businessman Curtis Dunagan') and a vote share
after an apposition ('Jo Hart, a retired clerk, on 137 (4.3 per cent)')."""
from __future__ import annotations

import pytest

import extractor.components.offices  # noqa: F401
import extractor.components.parties  # noqa: F401
import extractor.components.people  # noqa: F401
from extractor.spans import PARTIES
from tests.people_support import people_pipeline


@pytest.fixture(scope="module")
def nlp():
    return people_pipeline()


def people(doc) -> dict[str, dict]:
    return {r["name"]: r for r in doc._.electx_people}


def party_texts(doc) -> list[str]:
    return [sp.text for sp in doc.spans[PARTIES]]


def test_weak_party_word_before_a_name_shape_is_the_party(nlp):
    doc = nlp("The poll put Ortiz on 47%, with Libertarian Dale Fenn at 2% in the governor's race.")
    assert people(doc)["Dale Fenn"]["party"] == "Libertarian"


def test_party_word_is_not_part_of_the_name(nlp):
    doc = nlp("The poll put Ortiz on 47%, with Libertarian Dale Fenn at 2% in the governor's race.")
    assert "Libertarian Dale Fenn" not in people(doc)


def test_lowercase_independent_before_a_name(nlp):
    doc = nlp("Green councillors and independent Tom Baxter voted against the budget.")
    assert people(doc)["Tom Baxter"]["party"] == "Independent"


def test_independent_after_an_article_stays_an_adjective(nlp):
    doc = nlp("Reed called for an independent Police Complaints body to review the count.")
    assert "independent" not in party_texts(doc)


def test_green_new_deal_is_not_the_green_party(nlp):
    doc = nlp("The Democrats back the Green New Deal in their platform.")
    assert "Green" not in party_texts(doc)


def test_share_after_an_apposition_makes_a_candidate(nlp):
    doc = nlp("Labour's Tom Reed won with 40 per cent, followed by independent Jo Hart, "
              "a former parish clerk, on 137 (4.3 per cent).")
    assert people(doc)["Jo Hart"]["role"] == "candidate"


def test_share_after_a_comma_and_at(nlp):
    doc = nlp("Democrat Lena Marsh had 44.2% in the primary. Independent Pat Ruiz, at 16.9%, is out.")
    assert people(doc)["Pat Ruiz"]["role"] == "candidate"


def test_poll_clause_after_a_comma_is_not_a_share(nlp):
    doc = nlp("Voters were split on Mr Tom Vance, with 40% saying he should return to the cabinet.")
    assert people(doc)["Tom Vance"]["role"] != "candidate"


def test_apposition_then_a_speech_verb_is_not_a_share(nlp):
    doc = nlp("Jane Roe, the party chair, said turnout was 40%.")
    assert people(doc)["Jane Roe"]["role"] != "candidate"


def test_occupation_word_before_a_name_is_dropped(nlp):
    doc = nlp("Maria Lopez had 9,731 votes, or 36.3%, in the Republican primary for governor. "
              "Businessman Curtis Dunagan was third with 118,377 votes, or 17%.")
    found = people(doc)
    assert "Businessman Curtis Dunagan" not in found
    assert found["Curtis Dunagan"]["role"] == "candidate"


def test_trailed_with_a_tally_is_a_share(nlp):
    doc = nlp("Maria Lopez had 9,731 votes, or 36.3%, in the Republican primary for governor. "
              "Rancher Caleb Ostrom trailed with 5,108 votes, or 19.1%.")
    assert people(doc)["Caleb Ostrom"]["role"] == "candidate"
