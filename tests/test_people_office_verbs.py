"""electx_people: offices given by a verb phrase (roles.json ``office_verbs`` / ``office_bodies``):
'was elected mayor in 2019', 'served as governor', 'was elected to Kelby Borough Council', with the
holder named right before the verb, after ', who', or as a he/she opening the sentence; and
modifiers between a link and the office ('a former two-term mayor', 'the longest-serving senator')."""
from __future__ import annotations


def people(doc) -> dict[str, dict]:
    return {r["name"]: r for r in doc._.electx_people}


def offices_of(rec: dict) -> dict[str, tuple[str | None, str]]:
    return {o["office"]: (o["jurisdiction"], o["status"]) for o in rec["offices"]}


# -- the holder named before the verb ------------------------------------------------------------


def test_named_subject_appointed_with_a_past_year_is_former(blank_nlp):
    doc = blank_nlp("Ms Harriet Quinlan was appointed mayor of Kelby in 1982.")
    assert offices_of(people(doc)["Harriet Quinlan"])["mayor"][1] == "former"


def test_served_as_is_former(blank_nlp):
    doc = blank_nlp("Ms Harriet Quinlan served as governor for eight years.")
    assert offices_of(people(doc)["Harriet Quinlan"])["governor"][1] == "former"


def test_has_represented_the_district_since_is_current(blank_nlp):
    doc = blank_nlp("Ms Harriet Quinlan has represented the district since 2015.")
    assert offices_of(people(doc)["Harriet Quinlan"])["representative"][1] == "current"


def test_became_without_a_date_is_current(blank_nlp):
    doc = blank_nlp("Ms Harriet Quinlan became mayor of Kelby last spring.")
    assert offices_of(people(doc)["Harriet Quinlan"])["mayor"] == ("Kelby", "current")


def test_who_was_first_elected_to_the_dail_is_a_td(blank_nlp):
    doc = blank_nlp("Ciarán Mulready, who was first elected to the Dáil in 1977, is retiring.")
    assert "td" in offices_of(people(doc)["Ciarán Mulready"])


def test_elected_to_a_named_council_is_a_councillor_of_it(blank_nlp):
    doc = blank_nlp("Ciarán Mulready was elected to Ballykeel County Council in 1967.")
    assert offices_of(people(doc)["Ciarán Mulready"])["councillor"] == ("Ballykeel County Council", "former")


def test_chaired_the_council_is_council_chairman(blank_nlp):
    doc = blank_nlp("Ciarán Mulready was elected to Ballykeel County Council in 1967. He chaired the council in 1974.")
    assert offices_of(people(doc)["Ciarán Mulready"])["council chairman"] == ("Ballykeel County Council", "former")


def test_chaired_a_committee_of_the_council_is_not_council_chairman(blank_nlp):
    doc = blank_nlp("Mr Ciarán Mulready spoke on Monday. He chaired the council's roads committee.")
    assert "council chairman" not in offices_of(people(doc)["Ciarán Mulready"])


def test_name_and_age_before_has_represented(blank_nlp):
    doc = blank_nlp("Rosa Delacruz, 52, has represented the 5th Ward since 2013.")
    assert offices_of(people(doc)["Rosa Delacruz"])["city council member"][1] == "current"


# -- pronoun subjects ---------------------------------------------------------------------------


def test_he_opening_the_sentence_is_the_previous_subject(blank_nlp):
    doc = blank_nlp("Mr Tomas Varga spoke to reporters on Monday. He was elected mayor in 2019.")
    assert offices_of(people(doc)["Tomas Varga"])["mayor"][1] == "former"


def test_he_after_a_date_opener(blank_nlp):
    doc = blank_nlp("Mr Tomas Varga spoke to reporters on Monday. In March 1987 he was appointed mayor.")
    assert "mayor" in offices_of(people(doc)["Tomas Varga"])


def test_pronoun_is_not_an_object_of_the_sentence_before(blank_nlp):
    doc = blank_nlp("Two years earlier she had lost to Ms Tomas Varga. She was elected mayor in 2019.")
    assert people(doc)["Tomas Varga"]["offices"] == []


def test_pronoun_with_two_people_of_unknown_gender_is_left(blank_nlp):
    doc = blank_nlp("Tomas Varga and Dana Kirby said on Monday that talks went well. He was elected mayor in 2019.")
    assert all(r["offices"] == [] for r in people(doc).values())


def test_she_skips_a_man_by_title(blank_nlp):
    doc = blank_nlp("Mr Varga met reporters on Monday. She was elected mayor in 2019.")
    assert all(r["offices"] == [] for r in people(doc).values())


def test_pronoun_after_a_reporting_verb_is_left(blank_nlp):
    doc = blank_nlp("Mr Tomas Varga spoke on Monday. Ms Dana Kirby said he was elected mayor in 2019.")
    assert people(doc)["Tomas Varga"]["offices"] == []


# -- not office holders -------------------------------------------------------------------------


def test_object_of_elected_is_not_given_the_office_by_the_verb_rule(blank_nlp):
    doc = blank_nlp("The council elected Mr Tomas Varga on Monday.")
    assert people(doc)["Tomas Varga"]["offices"] == []


def test_ran_for_mayor_is_no_office(blank_nlp):
    doc = blank_nlp("Mr Tomas Varga ran for mayor in 2019.")
    assert people(doc)["Tomas Varga"]["offices"] == []


def test_hypothetical_is_no_office(blank_nlp):
    doc = blank_nlp("Mr Tomas Varga spoke on Monday. If he became mayor, taxes would fall.")
    assert people(doc)["Tomas Varga"]["offices"] == []


def test_would_become_is_no_office(blank_nlp):
    doc = blank_nlp("Mr Tomas Varga would become mayor under the deal.")
    assert people(doc)["Tomas Varga"]["offices"] == []


# -- modifiers between a link and the office ----------------------------------------------------


def test_former_two_term_mayor_is_former(blank_nlp):
    doc = blank_nlp("Mr Tomas Varga, a former two-term mayor, endorsed the plan.")
    assert offices_of(people(doc)["Tomas Varga"])["mayor"][1] == "former"


def test_longest_serving_senator(blank_nlp):
    doc = blank_nlp("Mr Tomas Varga is the longest-serving senator in the chamber.")
    assert offices_of(people(doc)["Tomas Varga"])["senator"][1] == "current"
