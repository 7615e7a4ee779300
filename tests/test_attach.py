"""electx_attach: subjects, percent kinds and money predicates (blank model, hand-made mentions)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extractor.components import attach
from extractor.spans import MONEY, PARTIES, PEOPLE, PERCENT
from tests.figures_support import add_mentions, figures_pipeline

PEOPLE_NAMES = {"Ramos": "Ana Ramos", "Ana Ramos": "Ana Ramos", "Walsh": "Peter Walsh", "Peter Walsh": "Peter Walsh",
                "Young": "Lee Young", "Gail Ames": "Gail Ames", "Ames": "Gail Ames"}
OFFICIALS = {"Gail Ames"}
PARTY_NAMES = {"Labour": "Labour", "Tories": "Conservative", "Conservatives": "Conservative",
               "Liberal Democrats": "Liberal Democrats", "Greens": "Green", "Democratic": "Democratic Party"}


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def run(nlp, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "electx_percent":
            add_mentions(doc, PEOPLE_NAMES, PEOPLE, "PERSON", OFFICIALS)
            add_mentions(doc, PARTY_NAMES, PARTIES, "PARTY")
        doc = proc(doc)
    return doc


def pct(doc: Doc) -> list[tuple[float, str | None, str]]:
    return [(s._.electx_percent["value"], s._.electx_percent["subject"], s._.electx_percent["kind"])
            for s in doc.spans[PERCENT]]


def test_subject_before_verb_and_bare_coordination(nlp) -> None:
    doc = run(nlp, "Ramos received 42 per cent of the vote and Walsh 37, early results show.")
    assert pct(doc) == [(42.0, "Ana Ramos", "vote_share"), (37.0, "Peter Walsh", "vote_share")]


def test_pair_after_lead(nlp) -> None:
    doc = run(nlp, "Labour lead the Conservatives by 39% to 34% with the Liberal Democrats on 19%.")
    assert [s for _, s, _ in pct(doc)] == ["Labour", "Conservative", "Liberal Democrats"]


def test_margin_kind_and_subject(nlp) -> None:
    doc = run(nlp, "As of midnight, Walsh held a 3-point lead over Ramos.")
    assert pct(doc) == [(3.0, "Peter Walsh", "margin")]


def test_threshold_kind(nlp) -> None:
    doc = run(nlp, "No candidate secured at least 50% of the vote in the primary.")
    assert pct(doc)[0][2] == "threshold"


def test_turnout_kind(nlp) -> None:
    doc = run(nlp, "Turnout reached 61% in the city.")
    assert pct(doc)[0][2] == "turnout"


def test_poll_kind_in_survey_article(nlp) -> None:
    doc = run(nlp, "A survey of 1,000 adults was published. 55% said Ramos was honest.")
    assert pct(doc) == [(55.0, "Ana Ramos", "poll")]


def test_other_kind_without_cues(nlp) -> None:
    doc = run(nlp, "Inflation hit 10% that year.")
    assert pct(doc)[0][2] == "other"


@pytest.mark.parametrize("text,predicate", [
    pytest.param("Ramos spent $5 million on advertising.", "spending", id="new-spent"),
    pytest.param("Walsh raised $2 million last quarter.", "fundraising", id="new-raised"),
    pytest.param("A donor gave £500,000 to Labour.", "donation", id="new-donation"),
    pytest.param("The stadium bill could reach $270 million.", "cost", id="new-cost"),
])
def test_money_predicate(nlp, text, predicate) -> None:
    doc = run(nlp, text)
    assert doc.spans[MONEY][0]._.electx_money["predicate"] == predicate


def test_donation_subject_is_receiving_party(nlp) -> None:
    doc = run(nlp, "The Greens had a good quarter. A retired banker gave £250,000 to the party.")
    assert doc.spans[MONEY][0]._.electx_money["subject"] == "Green"


def test_possessive_subject(nlp) -> None:
    doc = run(nlp, "Labour's campaign cost £1.7m, the Tories' £3.1m.")
    assert [s._.electx_money["subject"] for s in doc.spans[MONEY]] == ["Labour", "Conservative"]


def test_conversions_share_subject(nlp) -> None:
    doc = run(nlp, "Ramos spent $10 million (£8 million) of her own money.")
    assert [s._.electx_money["subject"] for s in doc.spans[MONEY]] == ["Ana Ramos", "Ana Ramos"]


def test_no_mention_no_subject(nlp) -> None:
    doc = run(nlp, "Prices rose by 4% last year.")
    assert pct(doc)[0][1] is None


def test_falls_back_to_entities_without_groups() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("electx_percent")
    nlp.add_pipe("electx_attach")
    doc = nlp.make_doc("Ramos won 51% of the vote.")
    doc.ents = [doc.char_span(0, 5, label="PERSON")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc.spans[PERCENT][0]._.electx_percent["subject"] == "Ramos"


# --- kinds: cues must sit next to their figure -------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    pytest.param("With 88% of precincts counted, Ramos had 51% of the vote.",
                 [(88.0, None, "other"), (51.0, "Ana Ramos", "vote_share")], id="new-precincts"),
    pytest.param("The poll has a margin of error of plus or minus 3.1 percentage points.",
                 [(3.1, None, "other")], id="new-margin-of-error"),
    pytest.param("Walsh won in 2019 with 48% of the vote on a turnout of 29%.",
                 [(48.0, "Peter Walsh", "vote_share"), (29.0, None, "turnout")], id="new-turnout-near"),
    pytest.param("Turnout was 44%, up from 39% four years ago.",
                 [(44.0, None, "turnout"), (39.0, None, "turnout")], id="new-turnout-chain"),
    pytest.param("The measure won 58% support, clearing the 50% needed for passage.",
                 [(58.0, None, "vote_share"), (50.0, None, "threshold")], id="new-threshold-near"),
    pytest.param("The Tories' share fell by 7 percentage points.", [(7.0, "Conservative", "other")],
                 id="new-points-change"),
    pytest.param("Ramos was second with 22%.", [(22.0, "Ana Ramos", "vote_share")], id="new-placing"),
])
def test_kind_cues_near_the_figure(nlp, text, expected) -> None:
    assert pct(run(nlp, text)) == expected


def test_swing_cue_only_for_its_figure(nlp) -> None:
    doc = run(nlp, "Labour's share climbed from 30% to 41%, a swing of 6 percentage points from the Tories to Labour.")
    assert [k for _, _, k in pct(doc)] == ["vote_share", "vote_share", "swing"]
    assert pct(doc)[2][1] == "Labour"


# --- percentage subjects --------------------------------------------------------------------
@pytest.mark.parametrize("text,subjects", [
    pytest.param("60 per cent backed Ramos, against 31 per cent for Walsh.", ["Ana Ramos", "Peter Walsh"],
                 id="new-for-after"),
    pytest.param("Ramos of the Greens finished on 8%.", ["Ana Ramos"], id="new-person-of-party"),
    pytest.param("Walsh beat Ramos 52%-46% on Tuesday.", ["Peter Walsh", "Ana Ramos"], id="new-beat-pair"),
    pytest.param("Ramos trails Walsh by 4 percentage points.", ["Peter Walsh"], id="new-trails"),
    pytest.param("Walsh won 45% of the vote to Ramos's 41%, a margin of 4 percentage points.",
                 ["Peter Walsh", "Ana Ramos", "Peter Walsh"], id="new-margin-leader"),
    pytest.param("Labour hoped to keep the Tories' share below 30%.", ["Conservative"], id="new-possessive-share"),
    pytest.param("Walsh had a 7-point lead in March. That advantage has narrowed to two points.",
                 ["Peter Walsh", "Peter Walsh"], id="new-margin-anaphora"),
    pytest.param("Walsh is the favourite against Ramos. Among women, Ramos led 49% to 40%.",
                 ["Ana Ramos", "Peter Walsh"], id="new-led-rival"),
])
def test_percent_subjects(nlp, text, subjects) -> None:
    assert [s for _, s, _ in pct(run(nlp, text))] == subjects


def test_poll_figure_after_on_belongs_before(nlp) -> None:
    doc = run(nlp, "A survey puts Labour's Ramos on 34%, with the Greens on 9%.")
    assert pct(doc) == [(34.0, "Ana Ramos", "poll"), (9.0, "Green", "poll")]


def test_adjectival_party_is_not_a_subject(nlp) -> None:
    doc = run(nlp, "Ramos courted Democratic primary voters.")
    assert [m.name for m in attach.mentions(doc)] == ["Ana Ramos"]


def test_mentions_follow_a_replaced_people_group(nlp) -> None:
    doc = run(nlp, "Ramos and Walsh spoke.")
    assert [m.name for m in attach.mentions(doc) if m.type == "person"] == ["Ana Ramos", "Peter Walsh"]
    add_mentions(doc, {"Walsh": "Peter Walsh"}, PEOPLE, "PERSON", OFFICIALS)  # a new group: found again, not the old answer
    assert [m.name for m in attach.mentions(doc) if m.type == "person"] == ["Peter Walsh"]


# --- money subjects -------------------------------------------------------------------------
def money_subjects(nlp, text: str) -> list[str | None]:
    doc = run(nlp, text)
    return [s._.electx_money["subject"] for s in doc.spans[MONEY]]


@pytest.mark.parametrize("text,subjects", [
    pytest.param("The Tories spent £20,000, Labour £14,000 and the Greens £2,500.",
                 ["Conservative", "Labour", "Green"], id="new-returns-list"),
    pytest.param("A super PAC backing Ramos, Citizens for Progress, spent $2 million on ads.",
                 ["Citizens for Progress"], id="new-pac-appositive"),
    pytest.param("Ramos is a teacher from the valley. She raised $300,000 in March.", ["Ana Ramos"],
                 id="new-pronoun"),
    pytest.param("Outside groups spent far more than the $500,000 Walsh's own campaign spent.", ["Peter Walsh"],
                 id="new-owner-after"),
    pytest.param("Walsh has lent his campaign $3 million.", ["Peter Walsh"], id="new-self-funding"),
    pytest.param("Labour held the seat. The party received £40,000 from a union.", ["Labour"], id="new-the-party"),
    pytest.param("Walsh lost although the Greens ran. She said the party's activists spent £9,000.", ["Green"],
                 id="new-the-partys"),
])
def test_money_subjects(nlp, text, subjects) -> None:
    assert money_subjects(nlp, text) == subjects


def test_self_funding_is_spending(nlp) -> None:
    doc = run(nlp, "Walsh has lent his campaign $3 million.")
    assert doc.spans[MONEY][0]._.electx_money["predicate"] == "spending"


def test_polled_votes_is_a_result_not_a_poll(nlp) -> None:
    doc = run(nlp, "Ramos polled 1,912 votes, 38.4 per cent of those cast, to win the ward.")
    assert pct(doc) == [(38.4, "Ana Ramos", "vote_share")]


def test_topped_the_poll_is_a_result(nlp) -> None:
    doc = run(nlp, "Walsh topped the poll with 27.5 per cent and was elected at the first count.")
    assert pct(doc)[0][2] != "poll"


def test_real_poll_still_poll(nlp) -> None:
    doc = run(nlp, "Of the 900 residents polled, 44% back Ramos.")
    assert pct(doc)[0][2] == "poll"


def test_first_preferences_are_vote_share(nlp) -> None:
    doc = run(nlp, "Labour led on first preferences with 31.5 per cent.")
    assert pct(doc) == [(31.5, "Labour", "vote_share")]


def test_share_after_vote_count_belongs_to_named_candidate(nlp) -> None:
    doc = run(nlp, "Ramos had 2,210 votes, or 51.2 percent, to Walsh's 1,804 votes, or 41.8 percent.")
    assert [s for _, s, _ in pct(doc)] == ["Ana Ramos", "Peter Walsh"]


def test_share_in_brackets_after_count(nlp) -> None:
    doc = run(nlp, "Ramos won 2,210 votes (51.2 per cent), ahead of Walsh on 1,804 (41.8 per cent).")
    assert [s for _, s, _ in pct(doc)] == ["Ana Ramos", "Peter Walsh"]


def test_count_before_share_beats_later_name_in_poll(nlp) -> None:
    doc = run(nlp, "In the mock ballot of 600 members polled, Walsh got 244 (40.7 per cent) and beat Ramos.")
    assert pct(doc)[0][1] == "Peter Walsh"


def test_leads_rival_pair(nlp) -> None:
    doc = run(nlp, "A new survey found Walsh leads Ramos 48% to 44% among likely voters.")
    assert [s for _, s, _ in pct(doc)] == ["Peter Walsh", "Ana Ramos"]


def test_money_spent_by_is_the_agent(nlp) -> None:
    doc = run(nlp, "Ramos outraised her rival, but the $420,000 spent by Walsh went mostly on mailers.")
    assert doc.spans[MONEY][0]._.electx_money["subject"] == "Peter Walsh"


def test_the_party_after_official_is_the_party(nlp) -> None:
    doc = run(nlp, "Ramos praised Democratic chair Gail Ames, who said the party would spend $2 million on turnout.")
    assert doc.spans[MONEY][0]._.electx_money["subject"] == "Democratic Party"


def test_polled_share_beside_election_sense_poll(nlp) -> None:
    doc = run(nlp, "The Greens polled 11.2 per cent, their best showing at a council poll.")
    assert pct(doc) == [(11.2, "Green", "vote_share")]


def test_stated_lead_within_margin_of_error_is_a_margin(nlp) -> None:
    doc = run(nlp, "A poll of 700 voters came out. Walsh has a 4-point lead, inside the margin of error.")
    assert pct(doc)[0][2] == "margin"


def test_margin_of_error_before_points_is_other(nlp) -> None:
    doc = run(nlp, "The poll of 700 voters has a margin of error of 4 points.")
    assert [k for _, _, k in pct(doc)] == ["other"]


def test_range_tail_shares_head_subject(nlp) -> None:
    doc = run(nlp, "The surveys put Labour between 30 and 34 per cent and the Tories between 25 and 27 per cent.")
    assert [s for _, s, _ in pct(doc)] == ["Labour", "Labour", "Conservative", "Conservative"]


def test_past_result_that_year_in_poll_article(nlp) -> None:
    doc = run(nlp, "A survey of 900 adults has Labour on 35%. Back in 2019 the Greens won 6% that year.")
    assert pct(doc)[1][2] == "vote_share"


def test_rise_by_points_is_not_a_margin(nlp) -> None:
    doc = run(nlp, "In the latest poll Labour rose by 3 points.")
    assert pct(doc) == [(3.0, "Labour", "other")]


def test_up_points_is_a_change(nlp) -> None:
    doc = run(nlp, "The survey of 800 adults has Labour up four points since March.")
    assert pct(doc) == [(4.0, "Labour", "other")]


def test_possessive_pronoun_margin_takes_previous_person(nlp) -> None:
    doc = run(nlp, "Ramos is ahead in the survey of 500 voters. Her 6-point lead is new.")
    assert pct(doc) == [(6.0, "Ana Ramos", "margin")]


def test_possessive_pronoun_margin_takes_sentence_subject(nlp) -> None:
    doc = run(nlp, "A survey of 500 voters has Ramos ahead of Walsh and Young. Her 6-point lead is new.")
    assert pct(doc)[-1] == (6.0, "Ana Ramos", "margin")
