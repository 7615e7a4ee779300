"""Election days the article dates itself: "polling day" (no calendar rule), "Saturday's
by-election" in a results story, and "28 November next year". Publication dates pinned;
sentences written for these tests."""
from __future__ import annotations

import pytest

from extractor.api import extract_facts


def dates(nlp, text: str, published: str | None) -> list[tuple[str, str | None, str]]:
    facts = extract_facts(nlp, text, {"doc_id": "t", "published": published})
    return [(d.text, d.value, d.event) for d in facts.dates]


def test_polling_day_takes_the_date_given_beside_it(blank_nlp):
    got = dates(blank_nlp, "Voters in Hollowmere choose a new MP on polling day, 4 May. "
                           "Counting starts after polls close on polling day.", "2023-04-24")
    assert ("polling day", "2023-05-04", "election") in got
    assert got.count(("polling day", "2023-05-04", "election")) == 2


def test_polling_day_takes_the_article_election_held_today(blank_nlp):
    got = dates(blank_nlp, "Turnout was about 41 per cent in today's Tarlow Bay by-election. "
                           "Candidates could spend up to $30,000 in the three months before polling day.", "2024-06-15")
    assert ("polling day", "2024-06-15", "election") in got


def test_an_undated_polling_day_is_vague_and_left_out(blank_nlp):
    got = dates(blank_nlp, "Many voters said they might change their minds before polling day.", "2025-11-20")
    assert all(text.lower() != "polling day" for text, _, _ in got)


def test_polling_day_without_a_date_is_not_a_calendar_day():
    from extractor.normalize.dates import resolve

    dv = resolve("polling day", "named_day", None)
    assert dv.value is None and dv.reason


def test_weekday_naming_the_election_in_a_results_story_is_the_one_just_held(blank_nlp):
    # published Sunday 17 August 2025: the by-election was the day before
    got = dates(blank_nlp, "The Greens look set to win after a 6.2 per cent swing in Saturday's by-election, "
                           "a result that will alarm Labor. With 78 per cent of the vote counted, the party led.",
                "2025-08-17")
    assert ("Saturday", "2025-08-16", "election") in got


def test_weekday_after_ahead_of_stays_ahead_even_with_poll_shares(blank_nlp):
    # a poll preview: "% of the vote" appears, but "ahead of" looks forward
    got = dates(blank_nlp, "Smith has 45% of the vote in our latest poll ahead of Saturday's by-election.",
                "2025-08-12")
    assert ("Saturday", "2025-08-16", "election") in got


def test_weekday_naming_the_election_in_a_preview_stays_ahead(blank_nlp):
    # no result reported: "Saturday's by-election" is the coming one
    got = dates(blank_nlp, "Campaigners will knock on doors before Saturday's by-election.", "2025-08-12")
    assert ("Saturday", "2025-08-16", "election") in got


@pytest.mark.parametrize("text, published, expected", [
    ("The state election on 28 November next year will be close.", "2025-08-17", "2026-11-28"),
    ("The vote was held on November 28 last year.", "2025-03-01", "2024-11-28"),
    ("The referendum is planned for the 5th of May next year.", "2025-12-30", "2026-05-05"),
    ("Parliament must be dissolved by 31 December this year.", "2025-01-02", "2025-12-31"),
])
def test_day_month_with_a_relative_year(blank_nlp, text, published, expected):
    assert expected in [v for _, v, _ in dates(blank_nlp, text, published)]
