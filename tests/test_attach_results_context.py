"""electx_percent + electx_attach: percent kinds in results, leadership-ballot, recount and poll-article contexts."""
from __future__ import annotations

import pytest

from tests.test_attach import pct, run
from tests.figures_support import figures_pipeline


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def kinds(nlp, text: str) -> list[tuple[float, str]]:
    return [(v, k) for v, _, k in pct(run(nlp, text))]


def test_past_result_verb_in_poll_article_is_vote_share(nlp) -> None:
    text = "A survey of 700 adults has Labour on 31%. Ramos won a council seat with 55% of the vote."
    assert kinds(nlp, text)[1] == (55.0, "vote_share")


def test_conditional_result_verb_in_poll_article_stays_poll(nlp) -> None:
    text = "A survey of 700 adults has Labour on 31%. Ramos would have won with 44% in May."
    assert kinds(nlp, text)[1] == (44.0, "poll")


def test_result_verb_before_clause_break_stays_poll(nlp) -> None:
    text = "A survey of 700 adults has Labour on 31%. When Ramos took office, the figure was 12%."
    assert kinds(nlp, text)[1] == (12.0, "poll")


def test_shares_beside_precincts_reporting_are_vote_shares(nlp) -> None:
    text = "With 64% of precincts reporting, Ramos leads 52.1% to 45.3%."
    assert kinds(nlp, text) == [(64.0, "other"), (52.1, "vote_share"), (45.3, "vote_share")]


def test_ballot_round_share_is_vote_share(nlp) -> None:
    assert kinds(nlp, "Walsh topped the second round with 41.5 per cent.") == [(41.5, "vote_share")]


def test_led_by_is_not_a_vote_cue(nlp) -> None:
    text = "The union money was 30% of his total, led by the carpenters."
    assert kinds(nlp, text) == [(30.0, "other")]


def test_held_seat_by_points_is_a_margin(nlp) -> None:
    assert kinds(nlp, "In 2022 Labour held the seat by 9 points.") == [(9.0, "margin")]


def test_by_points_without_result_context_is_not_found(nlp) -> None:
    assert kinds(nlp, "The index moved by 9 points.") == []


def test_votes_then_points_is_a_margin(nlp) -> None:
    assert kinds(nlp, "Ramos was ahead by 310 votes, or about 0.4 points.") == [(0.4, "margin")]


def test_recount_rule_is_a_threshold(nlp) -> None:
    text = "A recount is automatic when the margin is 0.5 percentage points or less."
    assert kinds(nlp, text) == [(0.5, "threshold")]


def test_deposit_floor_is_a_threshold(nlp) -> None:
    text = "Young, on 3.1 per cent, lost his deposit for falling below 5 per cent of the vote."
    assert kinds(nlp, text) == [(3.1, "vote_share"), (5.0, "threshold")]


def test_no_candidate_above_half_is_a_threshold(nlp) -> None:
    assert kinds(nlp, "With no candidate above 50 per cent, a second count followed.") == [(50.0, "threshold")]


@pytest.mark.parametrize("text", ["It would lift the sales tax rate from 7.5% to 8%.",
                                  "At least 30% of the money must go to road repairs."])
def test_rates_and_shares_of_money_are_other_in_poll_article(nlp, text: str) -> None:
    assert {k for _, k in kinds(nlp, "A survey of 600 voters found 52% in favour. " + text)[1:]} == {"other"}


def test_turnout_rate_stays_turnout(nlp) -> None:
    assert kinds(nlp, "The turnout rate was 61%.") == [(61.0, "turnout")]


def test_possessive_pair_tail_is_the_other_contender(nlp) -> None:
    doc = run(nlp, "Walsh lost his seat to Ramos. She took 51.2 per cent to his 44.6.")
    assert pct(doc) == [(51.2, "Ana Ramos", "vote_share"), (44.6, "Peter Walsh", "vote_share")]


def test_possessive_pair_tail_needs_a_bare_number(nlp) -> None:
    doc = run(nlp, "Ramos took 51.2 per cent to his 4,410 votes.")
    assert [v for v, _, _ in pct(doc)] == [51.2]


def test_fraction_of_a_point_is_a_points_figure(nlp) -> None:
    doc = run(nlp, "Ramos would cut the sales tax by half a percentage point.")
    assert [(s._.electx_percent["value"], s._.electx_percent["unit"], s._.electx_percent["kind"])
            for s in doc.spans["electx_percent"]] == [(0.5, "percentage points", "other")]


def test_fraction_of_an_hour_is_not_a_figure(nlp) -> None:
    assert pct(run(nlp, "Polls closed half an hour late.")) == []


def money_subjects(nlp, text: str) -> list[str | None]:
    doc = run(nlp, text)
    return [s._.electx_money["subject"] for s in doc.spans["electx_money"]]


def test_her_campaign_raised_is_the_referent(nlp) -> None:
    text = "Ramos entered the race in May. Her campaign said it had raised $95,000 since then."
    assert money_subjects(nlp, text) == ["Ana Ramos"]


def test_her_campaign_with_named_payer_between_is_not_taken(nlp) -> None:
    text = "Ramos entered the race in May. Her campaign said Walsh had raised $95,000 since then."
    assert money_subjects(nlp, text) == ["Peter Walsh"]
