"""electx_people / electx_offices: tenure status ('has served as governor since 2015'), party posts
after an office verb ('became party leader', 'took over as leader of the party'), 'its' / 'the
party's' resolved to the party last named, multi-word places before an office ('New Harlow
mayor') and bare shares in a poll sentence ('Sandhu on 30 and Jane Roe on 19')."""
from __future__ import annotations

from extractor.spans import OFFICES


def people(doc) -> dict[str, dict]:
    return {r["name"]: r for r in doc._.electx_people}


def offices_of(rec: dict) -> dict[str, tuple[str | None, str]]:
    return {o["office"]: (o["jurisdiction"], o["status"]) for o in rec["offices"]}


def office_data(doc) -> list[dict]:
    return [s._.get(OFFICES) for s in doc.spans[OFFICES] if s.label_ == "OFFICE"]


# -- 1. tenure status ------------------------------------------------------------------------------


def test_has_served_as_since_is_current(blank_nlp):
    doc = blank_nlp("Ms Harriet Quinlan has served as governor since 2015.")
    assert offices_of(people(doc)["Harriet Quinlan"])["governor"][1] == "current"


def test_served_as_with_since_after_the_office_is_current(blank_nlp):
    doc = blank_nlp("Ms Harriet Quinlan served as mayor of Kelby since 2015, aides said.")
    assert offices_of(people(doc)["Harriet Quinlan"])["mayor"][1] == "current"


def test_had_served_as_until_stays_former(blank_nlp):
    doc = blank_nlp("Ms Harriet Quinlan had served as governor until 2015.")
    assert offices_of(people(doc)["Harriet Quinlan"])["governor"][1] == "former"


def test_has_resigned_as_is_not_a_tenure_phrase(blank_nlp):
    doc = blank_nlp("Harriet Quinlan has resigned as mayor of Kelby since the vote.")
    assert [d["status"] for d in office_data(doc)] == ["former"]


# -- 2. party posts after an office verb -----------------------------------------------------------


def test_became_party_leader_takes_the_holders_party(blank_nlp):
    doc = blank_nlp("Labour's Harriet Quinlan became party leader in 2021.")
    assert offices_of(people(doc)["Harriet Quinlan"])["party leader"][0] == "Labour"


def test_took_over_as_leader_of_the_party_takes_the_party_named_before(blank_nlp):
    doc = blank_nlp("The Greens met in Leeds on Sunday. Harriet Quinlan took over as leader of the party.")
    rec = people(doc)["Harriet Quinlan"]
    assert offices_of(rec)["party leader"][0] == "Green"
    assert rec["party"] == "Green"


def test_party_leader_without_any_party_is_no_office(blank_nlp):
    doc = blank_nlp("Ms Harriet Quinlan became party leader last year.")
    assert people(doc)["Harriet Quinlan"]["offices"] == []


def test_leader_of_something_else_is_no_party_post(blank_nlp):
    doc = blank_nlp("Labour's Harriet Quinlan took over as leader of the pack.")
    assert "party leader" not in offices_of(people(doc)["Harriet Quinlan"])


# -- 3. 'its' / 'the party's' --------------------------------------------------------------------


def test_its_deputy_leader_is_the_party_named_in_the_sentence(blank_nlp):
    doc = blank_nlp("The Green Party said its deputy leader, Ruud Kalkhoven, would stand.")
    rec = people(doc)["Ruud Kalkhoven"]
    assert offices_of(rec)["deputy leader"][0] == "Green"
    assert rec["party"] == "Green"


def test_its_after_a_council_is_not_a_party(blank_nlp):
    doc = blank_nlp("Labour won the vote. The council said its leader, Cllr Tom Pike, would resign.")
    assert people(doc)["Tom Pike"]["party"] is None


def test_the_partys_candidate_takes_the_party_last_named(blank_nlp):
    doc = blank_nlp("The Liberal Democrats on Monday unveiled the party's candidate, Tom Hale.")
    assert people(doc)["Tom Hale"]["party"] == "Liberal Democrats"


# -- 4. multi-word places before an office -------------------------------------------------------


def test_new_place_before_mayor_is_kept_whole(blank_nlp):
    doc = blank_nlp("New Harlow mayor John Pike opened the bridge.")
    assert office_data(doc)[0]["jurisdiction"] == "New Harlow"


def test_lowercase_new_before_a_place_is_not_part_of_it(blank_nlp):
    doc = blank_nlp("The new Harlow mayor, John Pike, opened the bridge.")
    assert office_data(doc)[0]["jurisdiction"] == "Harlow"


# -- 5. bare shares in a poll sentence -----------------------------------------------------------


def test_bare_numbers_in_a_poll_list_make_candidates(blank_nlp):
    doc = blank_nlp("A new poll put Raj Sandhu on 30 and Marjorie Blais on 19.")
    assert {n: r["role"] for n, r in people(doc).items()} == {"Raj Sandhu": "candidate", "Marjorie Blais": "candidate"}


def test_bare_number_without_a_poll_or_count_is_no_share(blank_nlp):
    doc = blank_nlp("Raj Sandhu met Marjorie Blais on 19, officials said.")
    assert people(doc)["Marjorie Blais"]["role"] is None


def test_dates_in_a_poll_sentence_are_no_share(blank_nlp):
    doc = blank_nlp("The poll asked Marjorie Blais on 19 and 20 May about turnout.")
    assert people(doc)["Marjorie Blais"]["role"] is None
