"""electx_people: a digest paragraph that opens with its race ('• OREGON, state treasurer (GOP primary,
May 19).') makes the people opening its sentences candidates for that office, of the primary's party."""
from __future__ import annotations

DIGEST = ("Weekly roundup.\n\n"
          "• NEVADA, secretary of state (GOP primary, June 9). State Sen. Marla Okonkwo has $210,000 on hand. "
          "Former county clerk Dale Prewitt won the backing of the state's senior senator, Ruth Amsel, on Friday. "
          "Outgoing Secretary of State Gil Hanrahan is staying out of it.\n\n"
          "• In other news, Mayor Tess Lund opened a library.")


def people(doc) -> dict[str, dict]:
    return {r["name"]: r for r in doc._.electx_people}


def test_sentence_subjects_are_candidates_for_the_header_office(blank_nlp):
    recs = people(blank_nlp(DIGEST))
    for name in ("Marla Okonkwo", "Dale Prewitt"):
        assert recs[name]["role"] == "candidate"
        assert (recs[name]["office_sought"], recs[name]["jurisdiction"]) == ("secretary of state", "Nevada")


def test_header_primary_gives_the_party(blank_nlp):
    assert people(blank_nlp(DIGEST))["Marla Okonkwo"]["party"] == "Republican"


def test_titles_of_header_candidates_are_not_offices(blank_nlp):
    assert people(blank_nlp(DIGEST))["Marla Okonkwo"]["offices"] == []


def test_endorser_named_in_apposition_stays_an_official(blank_nlp):
    assert people(blank_nlp(DIGEST))["Ruth Amsel"]["role"] != "candidate"


def test_outgoing_holder_of_the_office_is_no_candidate(blank_nlp):
    assert people(blank_nlp(DIGEST))["Gil Hanrahan"]["role"] != "candidate"


def test_paragraph_without_a_race_header_is_left(blank_nlp):
    assert people(blank_nlp(DIGEST))["Tess Lund"]["role"] != "candidate"
