"""electx_attach: a poll mentioned somewhere in an article only makes the figures that report
it poll figures (its own sentence, a directly continuing list, an answer right after the figure)."""
from __future__ import annotations

import pytest

from extractor.claims import build_claims
from tests.test_attach import pct, run
from tests.figures_support import figures_pipeline

POLL = "A survey of 900 residents for the Herald put Ward on 41% and Kerr on 38%. "


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def kind_of(nlp, text: str, value: float) -> str:
    return next(k for v, _, k in pct(run(nlp, text)) if v == value)


def test_continuing_list_after_the_poll_sentence_stays_poll(nlp) -> None:
    assert kind_of(nlp, POLL + "Grant had 9%, Oduya 6%.", 9.0) == "poll"


def test_continuing_list_after_a_figureless_sentence_stays_poll(nlp) -> None:
    text = POLL + "The paper says the race is open. Grant had 9%, Oduya 6%."
    assert kind_of(nlp, text, 6.0) == "poll"


def test_later_figure_in_a_sentence_with_a_poll_figure_stays_poll(nlp) -> None:
    text = POLL + "Among renters, 24 per cent now say they back Grant and 6 per cent Oduya."
    assert kind_of(nlp, text, 6.0) == "poll"


def test_answer_right_after_figure_is_poll_far_from_the_poll_sentence(nlp) -> None:
    text = POLL + "Rates rose 3% last year. Parking is dearer. Of older voters, 52 per cent said the council was failing."
    assert kind_of(nlp, text, 52.0) == "poll"


def test_tax_rise_two_sentences_later_is_not_a_poll_figure(nlp) -> None:
    text = POLL + "Taxes have climbed 4% this year. Last spring the council approved a levy rise of 7.9 per cent."
    assert kind_of(nlp, text, 7.9) == "other"


def test_turnout_of_enrolled_voters_is_turnout_in_a_poll_article(nlp) -> None:
    text = POLL + "Rates rose 3% last year. Only 38.5 per cent of enrolled voters sent back their papers in 2022."
    assert kind_of(nlp, text, 38.5) == "turnout"


def test_result_after_counting_progress_is_a_vote_share_in_a_poll_article(nlp) -> None:
    text = POLL + "In the county race counting goes on. With about 58% of ballots tallied, Moss had 47.3% and Tran 40.1%."
    got = {v: k for v, _, k in pct(run(nlp, text))}
    assert (got[58.0], got[47.3], got[40.1]) == ("other", "vote_share", "vote_share")


def test_past_result_far_from_the_poll_is_a_vote_share(nlp) -> None:
    text = POLL + "Rates rose 3% last year. A similar levy in 2019 got 57.5% and failed."
    assert kind_of(nlp, text, 57.5) == "vote_share"


def test_present_polling_at_is_a_poll_figure(nlp) -> None:
    text = POLL + "Rates rose 3% last year. The Green nominee, Ida Moss, is polling at 4 percent."
    assert kind_of(nlp, text, 4.0) == "poll"


def test_margin_of_error_sentence_carries_the_poll(nlp) -> None:
    text = POLL + "The margin of error was plus or minus 3.1 points. With the undecided, support would be 60%."
    assert kind_of(nlp, text, 60.0) == "poll"


def test_word_fraction_far_from_the_poll_is_not_a_poll_share(nlp) -> None:
    text = POLL + "Rates rose 3% last year. Postal votes were about two-thirds of the total in 2022."
    doc = run(nlp, text)
    got = [c["predicate"] for c in build_claims(doc) if c["value"] == pytest.approx(66.7, abs=0.1)]
    assert got == ["other"]


def test_word_fraction_in_the_poll_sentence_is_a_poll_share(nlp) -> None:
    text = "Nearly two-thirds of those surveyed backed the levy, the poll found."
    doc = run(nlp, text)
    got = [c["predicate"] for c in build_claims(doc) if c["value"] == pytest.approx(66.7, abs=0.1)]
    assert got == ["poll_share"]
