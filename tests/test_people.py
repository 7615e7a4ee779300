"""electx_people: mentions, in-article coreference, candidate vs official, parties and offices."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.components.offices  # noqa: F401
import extractor.components.parties  # noqa: F401
import extractor.components.people  # noqa: F401
from extractor.people_tokens import PhraseIndex, TokenView
from extractor.spans import PEOPLE
from tests.people_support import people_pipeline


@pytest.fixture(scope="module")
def nlp():
    return people_pipeline()


def people(doc) -> dict[str, dict]:
    return {r["name"]: r for r in doc._.electx_people}


def test_name_forms_merge_into_one_person(nlp):
    doc = nlp("Rep. Dana Cole is running for governor. Congresswoman Dana Cole spoke first. "
              "Cole said the race was close. Ms Cole thanked voters.")
    recs = people(doc)
    assert list(recs) == ["Dana Cole"]
    assert len(recs["Dana Cole"]["mentions"]) == 4


def test_people_sharing_a_first_name_stay_apart(nlp):
    doc = nlp("Mayor Tom Reyes is seeking a second term. His adviser Tom Walsh said Reyes would win.")
    recs = people(doc)
    assert "Tom Reyes" in recs and "Tom Walsh" in recs


def test_spans_carry_the_canonical_name(nlp):
    doc = nlp("Sen. Laura Pike is running for governor. Pike said she was confident.")
    assert {s._.get(PEOPLE)["name"] for s in doc.spans[PEOPLE]} == {"Laura Pike"}
    assert all(s.label_ == "PERSON" for s in doc.spans[PEOPLE])


def test_candidate_from_running(nlp):
    doc = nlp("Democratic state senator Ana Ruiz is running for mayor of Fresno, aides said.")
    rec = people(doc)["Ana Ruiz"]
    assert rec["role"] == "candidate" and rec["party"] == "Democratic"
    assert (rec["office_sought"], rec["jurisdiction"]) == ("mayor", "Fresno")


def test_voter_quoted_is_not_a_candidate(nlp):
    doc = nlp("Sen. Laura Pike is running for governor. Voter Sam Ortiz said he would vote for Pike.")
    recs = people(doc)
    assert recs["Laura Pike"]["role"] == "candidate"
    assert recs.get("Sam Ortiz", {}).get("role") is None


def test_negated_cue_is_not_a_candidate(nlp):
    doc = nlp("Mayor Paul Grant is not able to seek re-election because of term limits.")
    assert people(doc)["Paul Grant"]["role"] == "official"


def test_republican_turned_democrat(nlp):
    doc = nlp("The race drew Lee Hart, a Republican-turned-Democrat, who is running for mayor.")
    rec = people(doc)["Lee Hart"]
    assert rec["party"] == "Democratic" and rec["former_parties"] == ["Republican"]


def test_switched_allegiance(nlp):
    doc = nlp("Lee Hart is running for mayor. Hart switched allegiance from the Republican Party to become a Democrat.")
    rec = people(doc)["Lee Hart"]
    assert rec["party"] == "Democratic" and rec["former_parties"] == ["Republican"]


def test_uk_candidate_standing_against_mp(nlp):
    doc = nlp("Former minister Ruth Lane is to stand against Labour MP Kevin Dunn at the general election. "
              "Mr Dunn said he would fight the seat hard.")
    recs = people(doc)
    assert recs["Ruth Lane"]["role"] == "candidate"
    assert recs["Kevin Dunn"]["role"] == "candidate" and recs["Kevin Dunn"]["party"] == "Labour"


def test_official_with_apposition_and_status(nlp):
    doc = nlp("The deal was praised by Maria Evans, the current Mayor of Tulsa, on Monday.")
    rec = people(doc)["Maria Evans"]
    assert rec["role"] == "official"
    assert [(o["office"], o["jurisdiction"], o["status"]) for o in rec["offices"]] == [("mayor", "Tulsa", "current")]


def test_resigned_as_gives_former(nlp):
    doc = nlp("Mr Carter resigned as Home Secretary on Friday after the report.")
    rec = people(doc)["Carter"]
    assert [(o["office"], o["status"]) for o in rec["offices"]] == [("home secretary", "former")]


def test_party_leader_is_an_official_with_the_party(nlp):
    doc = nlp("Tory leader Alan Price said the plan was costed.")
    rec = people(doc)["Alan Price"]
    assert rec["role"] == "official"
    assert [(o["office"], o["jurisdiction"]) for o in rec["offices"]] == [("party leader", "Conservative")]


def test_titles_are_stripped_from_names(nlp):
    doc = nlp("Liberal Democrat peer Lord Hollis said the rules were unfair.")
    rec = people(doc)["Hollis"]
    assert [o["office"] for o in rec["offices"]] == ["peer"]


def test_lede_definite_description(nlp):
    doc = nlp("Gwen Marsh has promised to cut waiting lists. The health secretary said the money was there.")
    rec = people(doc)["Gwen Marsh"]
    assert [o["office"] for o in rec["offices"]] == ["health secretary"]


def test_record_keys_follow_the_contract(nlp):
    doc = nlp("Sen. Laura Pike is running for governor.")
    assert set(doc._.electx_people[0]) == {"person_id", "name", "aliases", "role", "party", "former_parties",
                                           "office_sought", "jurisdiction", "offices", "mentions", "evidence", "rule"}


# -- real-reporting patterns (issue 5): one cause per test, sentences written for the tests --


def test_party_selecting_a_candidate(nlp):
    doc = nlp("The Greens have selected Tobias Quirke, 41, a retired pharmacist, for the Ashcombe seat.")
    rec = people(doc)["Tobias Quirke"]
    assert rec["role"] == "candidate" and rec["party"] == "Green"


def test_gapped_list_of_party_candidates(nlp):
    doc = nlp("Labour is standing Moira Penhale, a midwife, the Conservatives Rupert Vane, "
              "and the Liberal Democrats Oskar Lind.")
    recs = people(doc)
    assert {n: (r["role"], r["party"]) for n, r in recs.items()} == {
        "Moira Penhale": ("candidate", "Labour"), "Rupert Vane": ("candidate", "Conservative"),
        "Oskar Lind": ("candidate", "Liberal Democrats")}


def test_possessive_party_candidate_apposition(nlp):
    doc = nlp("Plaid Cymru's candidate, Eluned Harries, has promised a new bypass.")
    rec = people(doc)["Eluned Harries"]
    assert rec["role"] == "candidate" and rec["party"] == "Plaid Cymru"


def test_party_candidate_apposition_with_result(nlp):
    doc = nlp("The Labour candidate, Declan Moss, came fourth with 8.1 per cent.")
    rec = people(doc)["Declan Moss"]
    assert rec["role"] == "candidate" and rec["party"] == "Labour"


def test_vote_shares_after_names(nlp):
    doc = nlp("The survey put Democrat Nora Vance at 41 percent and Kyle Brenner of the Republican Party on 38 percent.")
    recs = people(doc)
    assert recs["Nora Vance"]["role"] == "candidate" and recs["Kyle Brenner"]["role"] == "candidate"
    assert recs["Kyle Brenner"]["party"] == "Republican"


def test_bare_poll_pairs(nlp):
    doc = nlp("Councilman Abel Ortiz leads Judge Carla Wynn in the county race. The poll found Ortiz 47, Wynn 40.")
    assert {r["role"] for r in people(doc).values()} == {"candidate"}


def test_share_for_a_named_candidate(nlp):
    doc = nlp("Turnout fell sharply, with 28 per cent for Labour's Idris Pugh in the ward.")
    rec = people(doc)["Idris Pugh"]
    assert rec["role"] == "candidate" and rec["party"] == "Labour"


def test_result_table_rows(nlp):
    doc = nlp("RESULT: Ashcombe by-election\nMarian Tole (Conservative) 9,114\nOwen Garr (Green) 1,870\n")
    recs = people(doc)
    assert (recs["Marian Tole"]["role"], recs["Marian Tole"]["party"]) == ("candidate", "Conservative")
    assert (recs["Owen Garr"]["role"], recs["Owen Garr"]["party"]) == ("candidate", "Green")


def test_result_verbs_finish_and_take_the_seat(nlp):
    doc = nlp("Hollis Crane took the seat on a reduced majority. Retired teacher Bea Morrow finished third.")
    recs = people(doc)
    assert recs["Hollis Crane"]["role"] == "candidate" and recs["Bea Morrow"]["role"] == "candidate"


def test_win_verb_with_a_dated_by_election(nlp):
    doc = nlp("Ingrid Salo, the former teacher who won yesterday's by-election for Labour, visited the market.")
    rec = people(doc)["Ingrid Salo"]
    assert rec["role"] == "candidate" and rec["party"] == "Labour"


def test_defeat_of_a_candidate(nlp):
    doc = nlp("For the Tories, the defeat of Cllr Wendy Harcourt came as a shock.")
    assert people(doc)["Wendy Harcourt"]["role"] == "candidate"


def test_party_primary_gives_the_party(nlp):
    doc = nlp("Sen. Lena Ferris holds a lead over businessman Carl Dunne in the Republican primary for governor.")
    recs = people(doc)
    assert recs["Lena Ferris"]["party"] == "Republican" and recs["Carl Dunne"]["party"] == "Republican"


def test_own_bid_later_in_the_sentence(nlp):
    doc = nlp("Rep. Mona Little raised $2 million over the spring in her bid for the Democratic nomination for governor.")
    rec = people(doc)["Mona Little"]
    assert rec["role"] == "candidate" and rec["party"] == "Democratic"


def test_someone_elses_bid_is_not_a_cue(nlp):
    doc = nlp("He made the Harbour Link tram the centrepiece of his re-election bid, Jo Tarrant said.")
    assert people(doc).get("Harbour Link", {}).get("role") is None


def test_primary_rival_shares_the_party(nlp):
    doc = nlp("Rep. Mona Little is seeking the Democratic nomination. Little's main rival in the primary, "
              "lawyer Dev Anand, raised less.")
    assert people(doc)["Dev Anand"]["party"] == "Democratic"


def test_registered_independent(nlp):
    doc = nlp("Paloma Reyes, a registered independent who left the Democratic Party, is running for mayor.")
    rec = people(doc)["Paloma Reyes"]
    assert rec["role"] == "candidate" and rec["party"] == "Independent"


def test_party_apposition_before_an_office(nlp):
    doc = nlp("The winner will face Hugo Brandl, a Republican state senator, in November.")
    assert people(doc)["Hugo Brandl"]["party"] == "Republican"


def test_party_candidate_with_title_and_modifier(nlp):
    doc = nlp("The Democratic candidate, state Sen. Iris Kwan, is unopposed.")
    rec = people(doc)["Iris Kwan"]
    assert rec["role"] == "candidate" and rec["party"] == "Democratic"


def test_party_before_a_name_is_not_the_previous_persons(nlp):
    doc = nlp("Bo Strand won the seat with 9,000 votes to 8,100 for Labour's Ann Veal.")
    recs = people(doc)
    assert recs["Bo Strand"]["party"] is None and recs["Ann Veal"]["party"] == "Labour"


def test_endorser_is_not_a_candidate(nlp):
    doc = nlp("Mayor Jo Park is running for governor and was endorsed by stars including Lulu Vance.")
    assert people(doc).get("Lulu Vance", {}).get("role") is None


def test_pollster_and_analyst_are_not_candidates(nlp):
    doc = nlp("Sen. Lena Ferris is on 44 per cent, the survey found. Its director, Mark Oduya, said the race "
              "was tight. Dr Hilde Rasmussen, who lectures in politics, said turnout would be 30 per cent.")
    recs = people(doc)
    assert recs["Lena Ferris"]["role"] == "candidate"
    assert recs.get("Mark Oduya", {}).get("role") is None and recs.get("Hilde Rasmussen", {}).get("role") is None


def test_office_apposition_blocks_lede_coreference(nlp):
    doc = nlp("Labour's Tim Rook resigned in May. The returning officer, Gail Snow, read the result.")
    recs = people(doc)
    assert [o["office"] for o in recs["Gail Snow"]["offices"]] == ["returning officer"]
    assert recs["Tim Rook"]["offices"] == []


def test_barred_from_seeking_is_not_a_candidate(nlp):
    doc = nlp("Mayor Rhoda Finch, also a Democrat, is barred by term limits from seeking a third term.")
    rec = people(doc)["Rhoda Finch"]
    assert rec["role"] == "official" and rec["party"] == "Democratic"


def test_seat_taken_from_a_party(nlp):
    doc = nlp("Green Party candidate Ola Brandt has gained Westbury from the Conservatives.")
    assert people(doc)["Ola Brandt"]["role"] == "candidate"


def test_took_office_is_not_a_contest(nlp):
    doc = nlp("Mayor Ed Crane took office in January.")
    assert people(doc)["Ed Crane"]["role"] == "official"


# ----------------------------------------------------------------------------- races


@pytest.mark.parametrize("text,expected", [
    ("Jane Roe is running in the race for Fresno mayor.", ("mayor", "Fresno")),
    ("Jane Roe is running for the Senate seat in Ohio.", ("senator", "Ohio")),
    ("Jane Roe is running in Ohio's Senate race, aides said.", ("senator", "Ohio")),
    ("Jane Roe is standing in the by-election in Ashcombe.", ("member of parliament", "Ashcombe")),
    ("Jane Roe is standing in the Ashcombe and Delby by-election.", ("member of parliament", "Ashcombe and Delby")),
    ("Jane Roe will contest the Kent seat of Marbury at the next Westminster election.", ("member of parliament", "Marbury")),
    ("Jane Roe is running in the special election for the 9th Congressional District.",
     ("representative", "9th Congressional District")),
    ("Jane Roe is running in the 2032 presidential race.", ("president", "United States")),
    ("Jane Roe is running in the Conservative leadership contest.", ("party leader", "Conservative")),
])
def test_office_sought_from_the_race(nlp, text, expected):
    rec = people(nlp(text))["Jane Roe"]
    assert rec["role"] == "candidate"
    assert (rec["office_sought"], rec["jurisdiction"]) == expected


def test_seat_taken_from_a_party_names_the_constituency(nlp):
    doc = nlp("Labour's Sam Hill has taken Ashby and Wold from the SNP after a recount.")
    rec = people(doc)["Sam Hill"]
    assert (rec["office_sought"], rec["jurisdiction"]) == ("member of parliament", "Ashby and Wold")


def test_sentence_initial_article_is_not_a_seat(nlp):
    doc = nlp("The by-election was called early. Reform's Jo Hart is standing in the Dunmore by-election.")
    rec = people(doc)["Jo Hart"]
    assert rec["jurisdiction"] == "Dunmore"


def test_race_in_one_sentence_applies_to_candidates_elsewhere(nlp):
    doc = nlp("Voters in Dunmore go to the polls in the Dunmore by-election on Thursday. "
              "Labour has selected Amy Pratt. The Greens are standing Ben Ross.")
    assert people(doc)["Ben Ross"]["jurisdiction"] == "Dunmore"


# ----------------------------------------------------------------------------- officials


def offices_of(doc, name):
    return [(o["office"], o["jurisdiction"], o["status"]) for o in people(doc)[name]["offices"]]


def test_role_only_subject_is_the_holder_named_before(nlp):
    doc = nlp("Reports say Tony Marsh is planning an early poll. The speculation suggests the prime minister "
              "favours a spring date.")
    assert ("prime minister", "United Kingdom", "current") in offices_of(doc, "Tony Marsh")


def test_role_only_object_is_not_the_sentence_subject(nlp):
    doc = nlp("Reports say Tony Marsh is planning an early poll. Critics said Rita Vale attacked the chancellor.")
    assert "Rita Vale" not in people(doc) or offices_of(doc, "Rita Vale") == []


def test_possessive_role_links_to_a_possessive_name(nlp):
    doc = nlp("Replying to Gina Ford's Budget, the opposition compared the chancellor's sums to a fantasy.")
    assert ("chancellor", "United Kingdom", "current") in offices_of(doc, "Gina Ford")


def test_named_holder_keeps_the_office(nlp):
    doc = nlp("Prime Minister Tony Marsh visited Leeds. Nia Bell told reporters the prime minister was wrong.")
    assert offices_of(doc, "Tony Marsh") == [("prime minister", "United Kingdom", "current")]
    assert "Nia Bell" not in people(doc) or offices_of(doc, "Nia Bell") == []


def test_resigned_member_is_a_former_holder_of_the_seat(nlp):
    doc = nlp("The Ashcombe by-election was called after Labour's Peter Vane resigned in June. "
              "Reform's Jo Hart is standing.")
    assert offices_of(doc, "Peter Vane") == [("member of parliament", "Ashcombe", "former")]


def test_race_to_succeed_names_the_current_holder(nlp):
    doc = nlp("The race for Fresno mayor is tight. Jane Roe is running. The winner will succeed Carl Dunn, "
              "who is retiring.")
    assert ("mayor", "Fresno", "current") in offices_of(doc, "Carl Dunn")


def test_former_mayor_role_only(nlp):
    doc = nlp("The race for Fresno mayor is tight. Jane Roe is running. Carl Dunn said on Monday he backs her. "
              "The former mayor added that she would win.")
    assert ("mayor", "Fresno", "former") in offices_of(doc, "Carl Dunn")


def test_outgoing_is_not_the_mayors_city(nlp):
    doc = nlp("Jane Roe is running in the Port Vell mayoral race. Outgoing Mayor Carl Dunn said little.")
    assert offices_of(doc, "Carl Dunn") == [("mayor", "Port Vell", "current")]


def test_returning_officer_serves_the_race_constituency(nlp):
    doc = nlp("Jo Hart is standing in the Dunmore by-election. The returning officer, Ann Lowe, said turnout was low.")
    assert ("returning officer", "Dunmore", "current") in offices_of(doc, "Ann Lowe")


@pytest.fixture(scope="module")
def world():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    cfg = {"countries": ["us", "uk", "ca", "au", "nz", "ie", "eu"], "rules_dirs": []}
    for name in ("electx_parties", "electx_offices", "electx_people"):
        nlp.add_pipe(name, config=cfg)
    return nlp


def test_irish_by_election_seat_is_a_dail_seat(world):
    doc = world("Fine Gael's Orla Keane is standing in the Galway East by-election, party sources said.")
    rec = people(doc)["Orla Keane"]
    assert (rec["party"], rec["office_sought"], rec["jurisdiction"]) == ("Fine Gael", "td", "Galway East")


def test_canadian_riding_is_a_commons_seat(world):
    doc = world("Liberal candidate Sam Fong is running in the riding of Ottawa Centre, the NDP said.")
    rec = people(doc)["Sam Fong"]
    assert (rec["party"], rec["office_sought"], rec["jurisdiction"]) == (
        "Liberal Party of Canada", "member of parliament", "Ottawa Centre")


def test_second_post_does_not_stack_on_the_first_holder(world):
    doc = world("The Taoiseach, Mark Byrne, said the Government would hold firm in Dublin. "
                "The Tánaiste said he agreed.")
    assert offices_of(doc, "Mark Byrne") == [("taoiseach", "Ireland", "current")]


def test_european_constituency_race(world):
    doc = world("Renew Europe MEP Lena Vos is running in the Ireland South constituency, Brussels sources said.")
    rec = people(doc)["Lena Vos"]
    assert (rec["office_sought"], rec["jurisdiction"]) == ("member of the european parliament", "Ireland South")


# -- generalization: vote tallies, accented names, reported speech, split names ----------------


def test_vote_tally_after_name_marks_candidate(nlp):
    doc = nlp("Former nurse Gwen Pardoe polled 2,310 votes in the ward contest on Thursday.")
    assert people(doc)["Gwen Pardoe"]["role"] == "candidate"


def test_bare_tally_with_bracketed_share_marks_candidate(nlp):
    doc = nlp("In second place, Labour's Omar Quint 1,407 (31.2 per cent) narrowly missed out.")
    rec = people(doc)["Omar Quint"]
    assert rec["role"] == "candidate" and rec["party"] == "Labour"


def test_a_number_that_is_not_a_tally_is_no_evidence(nlp):
    doc = nlp("Councillor Gwen Pardoe on 2,310 occasions complained about potholes.")
    assert people(doc).get("Gwen Pardoe", {}).get("role") != "candidate"


def test_accented_names_are_name_tokens(nlp):
    doc = nlp("Labour's Aoibhín Kélly polled 4,120 votes.")
    assert people(doc)["Aoibhín Kélly"]["role"] == "candidate"


def test_ordinal_seat_after_won_is_a_win(nlp):
    doc = nlp("Labour's Tessa Morrow won the third Northfield seat after transfers.")
    assert people(doc)["Tessa Morrow"]["role"] == "candidate"


def test_speaker_reporting_the_party_win_is_not_a_candidate(nlp):
    doc = nlp("Labour organiser Bryn Castell said the party had won the seat for the first time.")
    assert people(doc).get("Bryn Castell", {}).get("role") != "candidate"


def test_speaker_reporting_own_plans_stays_a_candidate(nlp):
    doc = nlp("Labour's Bryn Castell said he would stand in the by-election.")
    assert people(doc)["Bryn Castell"]["role"] == "candidate"


def test_topped_the_poll_marks_candidate(nlp):
    doc = nlp("Green Party councillor Moira Tench topped the poll in Eastfield.")
    assert people(doc)["Moira Tench"]["role"] == "candidate"


def test_held_the_seat_since_is_not_candidacy(nlp):
    doc = nlp("The by-election was called after Harold Finch resigned. Harold Finch had held the seat since 2010.")
    assert people(doc).get("Harold Finch", {}).get("role") != "candidate"


def test_person_entity_split_by_the_model_is_rejoined():
    from spacy.tokens import Doc, Span

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in ("electx_parties", "electx_offices", "electx_people"):
        nlp.add_pipe(name, config={"countries": ["us", "uk"], "rules_dirs": []})
    words = ["Green", "candidate", "Jean", "-", "Luc", "Ardoin", "polled", "812", "votes", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, False, False, True, True, True, True, False, False])
    doc.ents = [Span(doc, 2, 5, "PERSON"), Span(doc, 5, 6, "ORG")]
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    assert "Jean-Luc Ardoin" in people(doc)


def test_sir_with_first_name_joins_the_full_name(nlp):
    doc = nlp("Sir Rupert Vane is standing for the leadership. Sir Rupert said he was confident.")
    recs = people(doc)
    assert "Rupert" not in recs and len(recs["Rupert Vane"]["mentions"]) == 2


def test_stand_down_is_not_a_candidacy(nlp):
    doc = nlp("Party leader Owen Marsh said he would stand down after the defeat.")
    assert people(doc).get("Owen Marsh", {}).get("role") != "candidate"


def test_eliminated_contender_is_a_candidate(nlp):
    doc = nlp("Fiona Wrenn, the former health minister, was eliminated in the second round.")
    assert people(doc)["Fiona Wrenn"]["role"] == "candidate"


def test_beaten_rival_after_ahead_of_is_a_candidate(nlp):
    doc = nlp("Labour's Ruth Allardyce won the second seat, ahead of the Conservatives' Marcus Penhale.")
    rec = people(doc)["Marcus Penhale"]
    assert rec["role"] == "candidate" and rec["party"] == "Conservative"


def test_seat_taken_from_a_party_minister_makes_a_candidate(nlp):
    doc = nlp("Dennis Holloway took the seat of Kettering from Labour's schools minister, Angela Bryce, on Friday.")
    rec = people(doc)["Angela Bryce"]
    assert rec["role"] == "candidate" and rec["party"] == "Labour"


def test_led_a_party_member_by_votes_makes_a_candidate(nlp):
    doc = nlp("In Wexcombe, Joanna Feld led the sitting Conservative member, Gareth Lomax, by 240 votes.")
    rec = people(doc)["Gareth Lomax"]
    assert rec["role"] == "candidate" and rec["party"] == "Conservative"


def test_quoted_from_a_party_colleague_is_not_beaten(nlp):
    doc = nlp("The plan drew criticism from Labour's health spokesman, Angela Bryce, last week.")
    assert people(doc).get("Angela Bryce", {}).get("role") != "candidate"


def test_party_minister_in_apposition_carries_the_party(nlp):
    doc = nlp("Labour's schools minister, Angela Bryce, is standing in Kettering.")
    assert people(doc)["Angela Bryce"]["party"] == "Labour"


def test_ran_on_a_platform_is_a_candidacy(nlp):
    doc = nlp("Paula Grint ran on a promise to reopen the hospital.")
    assert people(doc)["Paula Grint"]["role"] == "candidate"


def test_held_the_seat_of_a_place_is_a_candidacy(nlp):
    doc = nlp("Greens leader Tamsin Roe comfortably held the seat of Bellbrook.")
    assert people(doc)["Tamsin Roe"]["role"] == "candidate"


def test_occupation_between_party_and_name_keeps_the_party(nlp):
    doc = nlp("Senator Ruth Ellery leads Republican businessman Dale Pruitt in the race for governor.")
    assert people(doc)["Dale Pruitt"]["party"] == "Republican"


def test_office_with_its_place_before_an_apposed_name(nlp):
    doc = nlp("The returning officer for Kelby, Joan Marwick, declared the result at 3am.")
    rec = people(doc)["Joan Marwick"]
    assert [o["office"] for o in rec["offices"]] == ["returning officer"]


# ---------------------------------------------------------------- fast lookups (people_tokens)

_WORDS = st.sampled_from(["a", "b", "c", "for", "the"])
_PHRASES = st.lists(st.lists(_WORDS, min_size=0, max_size=3).map(tuple), max_size=6, unique=True)
_SEQ = st.lists(_WORDS, max_size=12)


def _naive_find(seq, phrase):
    n = len(phrase)
    return next((i for i in range(len(seq) - n + 1) if tuple(seq[i:i + n]) == phrase), -1)


@settings(max_examples=300, deadline=None)
@given(_PHRASES, _SEQ)
def test_phrase_hits_are_first_occurrences_in_list_order(phrases, seq):
    expected = [(ph, _naive_find(seq, ph)) for ph in phrases if _naive_find(seq, ph) >= 0]
    assert PhraseIndex(phrases).hits(seq) == expected
    assert PhraseIndex(phrases).occurs(seq) == bool(expected)


@settings(max_examples=300, deadline=None)
@given(_PHRASES, _SEQ, st.integers(0, 12), st.integers(0, 12))
def test_phrase_window_lookups_match_slicing(phrases, seq, lo, hi):
    ix = PhraseIndex(phrases)
    window = seq[lo:hi]
    assert ix.occurs(seq, lo, hi) == any(_naive_find(window, ph) >= 0 for ph in phrases)
    assert ix.tail(seq, hi, lo) == next((ph for ph in phrases if tuple(window[-len(ph):]) == ph), None)
    i = min(lo, len(seq))
    assert ix.starts_at(seq, i) == next((ph for ph in phrases if tuple(seq[i:i + len(ph)]) == ph), None)
    k = min(hi, len(seq))
    assert ix.ending_at(seq, k) == [ph for ph in phrases if k - len(ph) >= 0 and tuple(seq[k - len(ph):k]) == ph]


def test_phrase_index_prefers_the_earlier_listed_phrase():
    ix = PhraseIndex([("running", "for"), ("running",)])
    assert ix.starts_at(["running", "for", "mayor"], 0) == ("running", "for")
    assert ix.tail(["is", "running"], 2) == ("running",)
    assert ix.hits(["not", "running", "again"]) == [(("running",), 1)]


def test_phrase_index_misses_a_phrase_cut_by_the_window():
    ix = PhraseIndex([("running", "for")])
    assert not ix.occurs(["is", "running", "for"], 0, 2)
    assert ix.tail(["running", "for"], 2, 1) is None


def test_people_tokens_doctests():
    import doctest

    import extractor.people_tokens as module

    assert doctest.testmod(module).failed == 0


def test_token_view_matches_the_tokens():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Sen. Laura Pike  said 52%.\n\nThe USA's voters (Labour) will decide.  Ciarán Ó Bric won.")
    lexemes: dict = {}
    for _ in range(2):  # cold, then from the lexeme cache
        tv = TokenView(doc, lexemes)
        assert tv.texts == [t.text for t in doc] and tv.words == [t.lower_ for t in doc]
        assert tv.title == [t.is_title for t in doc]
        assert [(x.is_upper, x.is_alpha, x.is_space, x.is_punct, x.is_lower, x.like_num, x.is_stop) for x in tv.lex] \
            == [(t.is_upper, t.is_alpha, t.is_space, t.is_punct, t.is_lower, t.like_num, t.is_stop) for t in doc]
        assert tv.sents == [(st.start, st.end) for st in doc.sents]
        assert tv.line_breaks() == [t.i for t in doc if t.is_space and "\n" in t.text]
        assert tv.sent_start == [bool(t.is_sent_start) for t in doc]
        assert tv.idx == [t.idx for t in doc]
        assert [tv.sent_bounds(t.i) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]
        assert all(tv.span_text(s, e) == doc[s:e].text for s in range(len(doc) + 1) for e in range(len(doc) + 1))
    assert lexemes


def test_token_view_follows_a_sentence_hook():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Jane Roe won. Tom Brandt lost. Turnout was low.")
    doc.user_hooks["sents"] = lambda d: iter([d[0:8], d[8:]])
    assert TokenView(doc).sents == [(0, 8), (8, len(doc))]


def test_token_view_without_sentence_bounds_raises_like_spacy():
    doc = spacy.blank("en")("Jane Roe won. Tom Brandt lost.")
    with pytest.raises(ValueError, match="E030"):
        TokenView(doc)


def test_token_view_entities_match_doc_ents():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Jane Roe of the Green Party met Tom Brandt in Port Calder on Friday.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 6, "ORG"), Span(doc, 7, 9, "PERSON"),
                Span(doc, 10, 11, "GPE"), Span(doc, 11, 12, "GPE"), Span(doc, 13, 15, "DATE")]
    assert TokenView(doc).ents == [(e.start, e.end, e.label_) for e in doc.ents]
    assert len(TokenView(doc).ents) == 6 and TokenView(nlp("No one here.")).ents == []


def test_token_view_of_an_empty_doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    tv = TokenView(nlp(""))
    assert tv.texts == [] and tv.sents == [] and tv.span_text(0, 0) == ""


def test_second_run_gives_the_same_people(nlp):
    text = "Labour's Priya Sandhu won the Kettering by-election with 11,203 votes. Sandhu said she was delighted."
    first = nlp(text)._.electx_people
    assert first and nlp(text)._.electx_people == first


def test_words_after_seat_of_are_a_place_not_a_candidate(nlp):
    doc = nlp("Liberal Democrat leader Ruth Okonjo held her seat of Marlow Vale with 48.1 per cent.")
    recs = people(doc)
    assert "Marlow Vale" not in recs
    assert recs["Ruth Okonjo"]["role"] == "candidate"


def test_name_after_seat_without_of_is_still_read(nlp):
    doc = nlp("The seat went to Ruth Okonjo, who won 48.1 per cent.")
    assert people(doc)["Ruth Okonjo"]["role"] == "candidate"


def test_outgoing_party_office_holder_before_titled_name_is_an_official(nlp):
    doc = nlp("The Labour candidate, Ann Pryce, won 41 per cent. "
              "The outgoing Conservative mayor, Sir Edwin Marsh, did not stand again.")
    rec = people(doc)["Edwin Marsh"]
    assert rec["role"] == "official"
    assert [o["office"] for o in rec["offices"]] == ["mayor"]


def test_outgoing_mayor_not_seeking_re_election_is_not_a_candidate(nlp):
    doc = nlp("Outgoing Mayor Edwin Marsh, who is not seeking re-election, endorsed his deputy.")
    assert people(doc)["Edwin Marsh"]["role"] == "official"


def test_possessive_share_makes_an_office_holder_a_candidate(nlp):
    doc = nlp("The challenge was filed by Rep. Tomas Ibarra. The recount put Gail Westover on 50.1% "
              "to Ibarra's 49.9%.")
    recs = people(doc)
    assert recs["Tomas Ibarra"]["role"] == "candidate"
    assert recs["Gail Westover"]["role"] == "candidate"


def test_possessive_share_word_is_a_vote_share(nlp):
    doc = nlp("State Sen. Tomas Ibarra's share was 50.4 per cent.")
    assert people(doc)["Tomas Ibarra"]["role"] == "candidate"


def test_possessive_figure_before_a_noun_is_not_a_vote_share(nlp):
    doc = nlp("Governor Tomas Ibarra's 55% approval rating is the state's highest.")
    assert people(doc)["Tomas Ibarra"]["role"] == "official"
