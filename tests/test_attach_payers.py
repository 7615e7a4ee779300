"""electx_attach: who pays, owes or is fined; limits; results lines; shares that belong to no one.

Sentences written for these tests (blank model, hand-made people and party mentions).
"""
from __future__ import annotations

import pytest

from extractor.components.attach import null_share
from extractor.spans import MONEY
from test_attach import pct, run
from tests.figures_support import figures_pipeline


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def money_of(doc) -> list[tuple[str | None, str | None]]:
    return [(s._.electx_money["subject"], s._.electx_money["predicate"]) for s in doc.spans[MONEY]]


@pytest.mark.parametrize("text,subject", [
    pytest.param("The recount cost Dunmore City Council about £45,000.", "Dunmore City Council", id="new-cost-object"),
    pytest.param("The state ethics board fined Bright Future Alliance $7,500 for late filings.",
                 "Bright Future Alliance", id="new-fined-object"),
    pytest.param("Granite Voters Fund, a super PAC supporting Ramos, spent $2.1 million on mailers.",
                 "Granite Voters Fund", id="new-group-apposition"),
    pytest.param("A political action committee called Clean Streets Now spent $300,000 backing Walsh.",
                 "Clean Streets Now", id="new-group-called"),
    pytest.param("Walsh reported $1.1 million in cash on hand, compared with $800,000 for the Greens.",
                 "Green", id="new-for-party"),
])
def test_named_payer(nlp, text, subject) -> None:
    assert money_of(run(nlp, text))[-1][0] == subject


def test_fined_party_association_is_the_party(nlp) -> None:
    doc = run(nlp, "Regulators fined the Hallam Labour Association £1,800 last spring.")
    assert money_of(doc) == [("Labour", "other")]


def test_single_word_object_is_not_a_payer(nlp) -> None:
    doc = run(nlp, "Labour said the count cost Somewhere about £9,000.")
    assert money_of(doc)[0][0] != "Somewhere"


def test_spending_limit_has_no_subject(nlp) -> None:
    doc = run(nlp, "Labour is confident. Each candidate can spend up to £50,000 during the campaign.")
    assert money_of(doc) == [(None, "other")]


def test_capped_fares_are_not_a_spending_limit(nlp) -> None:
    doc = run(nlp, "Labour says bus fares would be capped at £2 under its plans.")
    assert money_of(doc)[0][0] == "Labour"


def test_cash_on_hand_is_other(nlp) -> None:
    doc = run(nlp, "Ramos spent heavily in March and had $2 million on hand at the end of the month.")
    assert money_of(doc)[-1][1] == "other"


def test_results_line_person_before_party(nlp) -> None:
    doc = run(nlp, "Hallam ward: Ana Ramos (Labour) 1,311 (44.2%), Peter Walsh (Tories) 1,002 (33.8%).")
    assert pct(doc) == [(44.2, "Ana Ramos", "vote_share"), (33.8, "Peter Walsh", "vote_share")]


def test_results_line_without_count(nlp) -> None:
    doc = run(nlp, "Hallam ward: Ana Ramos (Labour) 44%, Peter Walsh (Tories) 39%.")
    assert pct(doc) == [(44.0, "Ana Ramos", "vote_share"), (39.0, "Peter Walsh", "vote_share")]


def test_undecided_and_remaining_have_no_subject(nlp) -> None:
    doc = run(nlp, "The survey had Labour on 40%, the Tories on 31%, with 12% undecided and the remaining "
                   "17 per cent for smaller parties.")
    assert [s for _, s, _ in pct(doc)] == ["Labour", "Conservative", None, None]


def test_null_share_negative() -> None:
    assert not null_share("Ramos 48%, Walsh 41%", 6, 9)


def test_points_ahead_is_a_margin_of_the_winner(nlp) -> None:
    doc = run(nlp, "Ramos won the seat with 48 per cent, 9.5 points ahead of the runner-up.")
    assert pct(doc)[-1] == (9.5, "Ana Ramos", "margin")


def test_within_points_of_names_the_leader(nlp) -> None:
    doc = run(nlp, "A new poll puts the Greens within three points of Labour.")
    assert pct(doc) == [(3.0, "Labour", "margin")]


def test_pronoun_margin_takes_previous_candidate(nlp) -> None:
    doc = run(nlp, "Walsh is defending the seat. He won it with 48 per cent, 9.5 points ahead of the runner-up.")
    assert pct(doc)[-1] == (9.5, "Peter Walsh", "margin")


def test_swing_needed_is_a_swing(nlp) -> None:
    doc = run(nlp, "Labour needs a swing of 6.5 percentage points from the Tories to win.")
    assert pct(doc) == [(6.5, "Labour", "swing")]


def test_swing_against_the_party(nlp) -> None:
    doc = run(nlp, "The leader of Labour said a swing against the party of about 9 points was painful.")
    assert pct(doc) == [(9.0, "Labour", "swing")]


def test_gain_of_points_is_a_change(nlp) -> None:
    doc = run(nlp, "Ramos took 28 per cent, a gain of 4.2 points for Labour since the last contest.")
    assert pct(doc)[-1] == (4.2, "Labour", "other")


def test_held_seat_is_a_vote_share(nlp) -> None:
    doc = run(nlp, "In Eastfield, Walsh held his seat with 52.3 per cent.")
    assert pct(doc) == [(52.3, "Peter Walsh", "vote_share")]
