"""electx_people: offices given by a verb or phrase away from the name ('led by', 'stay on as'),
office words and titles from the packs ('Deputy' in Ireland, 'informateur', 'Coun.'), candidacy cues
('lost a by-election to', 'struck ... from the ballot', 'The third candidate, ...') and Q&A
speaker labels that are not people."""
from __future__ import annotations


def people(doc) -> dict[str, dict]:
    return {r["name"]: r for r in doc._.electx_people}


def offices_of(rec: dict) -> dict[str, str | None]:
    return {o["office"]: o["jurisdiction"] for o in rec["offices"]}


# -- offices given away from the name ------------------------------------------------------


def test_led_by_makes_the_party_leader_not_a_candidate(blank_nlp):
    doc = blank_nlp("D66, led by former education minister Sanne Verbeek, won 31 seats with 19.6% of the vote.")
    rec = people(doc)["Sanne Verbeek"]
    assert rec["role"] == "official"
    assert offices_of(rec)["party leader"] == "Democrats 66"


def test_led_by_without_a_party_is_no_leadership(blank_nlp):
    doc = blank_nlp("The protest, led by former education minister Sanne Verbeek, drew 400 people.")
    assert "party leader" not in offices_of(people(doc)["Sanne Verbeek"])


def test_stay_on_as_links_the_office(blank_nlp):
    doc = blank_nlp("Under the draft, the VVD's Lotte Brinkhorst would stay on as defence minister.")
    assert "defence minister" in offices_of(people(doc)["Lotte Brinkhorst"])


def test_stay_on_then_a_clause_is_no_office(blank_nlp):
    doc = blank_nlp("Under the draft, the VVD's Lotte Brinkhorst would stay on, and the defence minister would go.")
    assert people(doc)["Lotte Brinkhorst"]["offices"] == []


# -- office words and titles ---------------------------------------------------------------


def test_irish_deputy_title_is_a_td(blank_nlp):
    doc = blank_nlp("The Fianna Fáil and Fine Gael tallies in the Dáil constituency were close. "
                    "Deputy Breathnach said the count was fair.")
    assert "td" in offices_of(people(doc)["Breathnach"])


def test_deputy_before_an_office_word_is_not_a_td(blank_nlp):
    doc = blank_nlp("The Fianna Fáil tallies in the Dáil constituency were close. "
                    "Deputy Mayor Jane Roe said the count was fair.")
    assert "td" not in offices_of(people(doc)["Jane Roe"])


def test_deputy_outside_an_irish_story_is_not_a_td(blank_nlp):
    doc = blank_nlp("Republicans in Ohio said the Senate count was fair. Deputy Hale agreed with the Democrats.")
    assert all("td" not in offices_of(r) for r in doc._.electx_people)


def test_informateur_is_an_office(blank_nlp):
    doc = blank_nlp("The informateur, Hendrik Baaijens, told reporters the VVD and D66 were far apart.")
    assert "informateur" in offices_of(people(doc)["Hendrik Baaijens"])


def test_the_councils_leader_is_council_leader(blank_nlp):
    doc = blank_nlp("The council's leader, Cllr Marianne Oduya, said the drop was a warning to Labour.")
    assert "council leader" in offices_of(people(doc)["Marianne Oduya"])


def test_canadian_coun_title_is_a_councillor(blank_nlp):
    doc = blank_nlp("Ahead of the municipal vote in British Columbia, Coun. Grace Tanaka-Hill spoke to the NDP.")
    assert "councillor" in offices_of(people(doc)["Grace Tanaka-Hill"])


# -- candidacy ---------------------------------------------------------------------------


def test_winner_of_a_by_election_against_the_subject_is_a_candidate(blank_nlp):
    doc = blank_nlp("Two years earlier he had lost a by-election to Fine Gael's Paddy Corcoran by 412 votes.")
    rec = people(doc)["Paddy Corcoran"]
    assert (rec["role"], rec["party"]) == ("candidate", "Fine Gael")


def test_election_to_a_body_is_no_candidacy_cue(blank_nlp):
    doc = blank_nlp("Her election to the Dáil in 1977 pleased Fine Gael's Paddy Corcoran.")
    assert people(doc)["Paddy Corcoran"]["role"] != "candidate"


def test_struck_from_the_ballot_is_a_candidate(blank_nlp):
    doc = blank_nlp("The state board struck Democrat Joyce Emery from the ballot on Friday.")
    assert people(doc)["Joyce Emery"]["role"] == "candidate"


def test_a_measure_struck_from_the_ballot_is_not_the_speakers_candidacy(blank_nlp):
    doc = blank_nlp("Democrat Joyce Emery said the measure was struck from the ballot on Friday.")
    assert people(doc)["Joyce Emery"]["role"] != "candidate"


def test_apposition_to_the_third_candidate(sm_nlp):
    doc = sm_nlp("The third candidate, retired police sergeant Dave Carmody, was not on the panel.")
    assert people(doc)["Dave Carmody"]["role"] == "candidate"


def test_apposition_to_every_candidate_is_no_candidacy(sm_nlp):
    doc = sm_nlp("Every candidate, retired police sergeant Dave Carmody argued, should debate on radio.")
    assert people(doc)["Dave Carmody"]["role"] != "candidate"


# -- speaker labels ----------------------------------------------------------------------


QA = ("Ahead of the election, the Beacon is putting questions to the three people running for mayor.\n\n"
      "BEACON: Your rival Neil Sandhu says the yard will cost more. Who is right?\n\n"
      "ROE: The staff report is clear.\n")


def test_a_speaker_label_newspaper_is_not_a_person(sm_nlp):
    assert "Beacon" not in people(sm_nlp(QA))


def test_a_speaker_label_surname_keeps_the_person(sm_nlp):
    doc = sm_nlp("Jane Roe is running for mayor of Port Alder.\n\n" + QA)
    assert people(doc)["Jane Roe"]["role"] == "candidate"
