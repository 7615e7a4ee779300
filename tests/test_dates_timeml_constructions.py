"""Constructions added for TimeML-style date values: quarters a year back ("last year's
quarter", "the quarter a year ago", "the corresponding period last year"), a day shifted by
"the day before", "the week of March 6", a second day number ("April 24 and 25"), "since"
putting a date in the past, a possessive weekday naming a reported event, generic "today's
youth", vague plurals ("coming months", "these days") and the half of a decade. Every case
pins its publication date; the sentences are written for these tests in the style of news."""
from __future__ import annotations

import pytest

from extractor.components.dates import make_dates  # noqa: F401  (registers the factory)
from extractor.spans import DATES
from tests.dates_support import dates_pipeline




@pytest.fixture(scope="module")
def nlp():
    return dates_pipeline(False)


@pytest.fixture(scope="module")
def nlp_timex():
    return dates_pipeline(True)


def found(nlp, text: str, published: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp.make_doc(text)
    doc._.electx_meta = {"doc_id": "t", "published": published}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {s.text: (s._.get(DATES)["value"], s._.get(DATES)["timex"]) for s in doc.spans[DATES]}


# (text, publication date, span, expected TIMEX3 value); timex_extras on
TIMEX = [
    pytest.param("Profit rose in the third quarter. Sales for last year's quarter were $4 million.",
                 "2011-11-02", "last year's quarter", "2010-Q3", id="last-years-quarter"),
    pytest.param("Profit rose in the second quarter. This year's quarter had one more trading day.",
                 "2011-08-02", "This year's quarter", "2011-Q2", id="this-years-quarter"),
    pytest.param("Profit rose in the third quarter. For the quarter a year ago, the bank earned $9 million.",
                 "2011-11-02", "the quarter a year ago", "2010-Q3", id="quarter-a-year-ago"),
    pytest.param("Net income was $3 million in the third quarter, against $5 million for the corresponding "
                 "period last year.", "2011-11-02", "the corresponding period last year", "2010-Q3",
                 id="corresponding-period-last-year"),
    pytest.param("Sales fell in the third quarter. Year-earlier results included a one-time gain.",
                 "2011-11-02", "Year-earlier", "2010-Q3", id="capitalised-year-earlier"),
    pytest.param("The hearing may be held the week of March 6, a lawyer said.", "2000-02-24",
                 "the week of March 6", "2000-W10", id="week-of-date"),
    pytest.param("Analysts expect hiring to slow in coming months.", "2011-02-06", "coming months", "FUTURE_REF",
                 id="coming-months"),
    pytest.param("The council could raise the matter at a later date.", "2011-02-06", "a later date",
                 "FUTURE_REF", id="a-later-date"),
    pytest.param("Turnout is lower these days than it was in past years.", "2011-02-06", "these days",
                 "PRESENT_REF", id="these-days"),
    pytest.param("Turnout is lower these days than it was in past years.", "2011-02-06", "past years",
                 "PAST_REF", id="past-years"),
    pytest.param("Membership grew through the last half of the '80s before it fell.", "2011-02-06",
                 "the last half of the '80s", "198", id="half-of-a-decade"),
]


@pytest.mark.parametrize("text,published,span,timex", TIMEX)
def test_timex_value(nlp_timex, text, published, span, timex):
    assert found(nlp_timex, text, published)[span][1] == timex


# (text, publication date, span, expected ISO value); the extractor's own mode
VALUES = [
    pytest.param("The day before last Tuesday's hearing, the family met the mayor.", "2000-02-24",
                 "The day before last Tuesday", "2000-02-21", id="day-before-weekday"),
    pytest.param("Polls will reopen the day after June 12 in two wards.", "2011-06-01",
                 "the day after June 12", "2011-06-13", id="day-after-date"),
    pytest.param("Leaders will meet at the summit on April 24 and 25.", "2011-02-10", "April 24", "2011-04-24",
                 id="first-of-two-days"),
    pytest.param("Leaders will meet at the summit on April 24 and 25.", "2011-02-10", "25", "2011-04-25",
                 id="second-of-two-days"),
    # with no tense cue the nearest October would be the coming one
    pytest.param("Police have searched for the gunman since shortly after the Oct. 23 shooting.", "2011-05-06",
                 "Oct. 23", "2010-10-23", id="since-puts-date-in-past"),
    # present tense, yet the day is behind us
    pytest.param("Shares in the company are up 4% since Tuesday.", "2011-10-27", "Tuesday", "2011-10-25",
                 id="since-weekday"),
    pytest.param("The appeal is a response to Tuesday's ruling by the state court.", "2011-10-27", "Tuesday",
                 "2011-10-25", id="possessive-weekday-event"),
]


@pytest.mark.parametrize("text,published,span,value", VALUES)
def test_value(nlp, text, published, span, value):
    assert found(nlp, text, published)[span][0] == value


# negative cases: what must not change
def test_week_of_stays_a_day_without_timex_extras(nlp):
    """GOLD_FORMAT gives weeks no value: the day itself is kept."""
    assert found(nlp, "The hearing may be held the week of March 6.", "2000-02-24") == {
        "March 6": ("2000-03-06", "2000-03-06")}


def test_since_giving_a_reason_does_not_set_the_past(nlp):
    """A verb between "since" and the date: "since" gives a reason, the tense decides."""
    assert found(nlp, "Since polls close on Thursday, counting will start that night.", "2011-10-24")[
        "Thursday"][0] == "2011-10-27"


def test_possessive_weekday_naming_an_election_stays_ahead(nlp):
    assert found(nlp, "The party is confident about Thursday's vote.", "2011-10-24")["Thursday"][0] == "2011-10-27"


def test_second_day_not_a_count(nlp):
    """"June 3 and 4 seats": a count, not a second day."""
    assert "4" not in found(nlp, "The party won on June 3 and 4 seats changed hands.", "2011-06-10")


def test_second_day_must_follow_the_first(nlp):
    assert "2" not in found(nlp, "The talks ran on May 5 and 2 more sessions followed.", "2011-06-10")


def test_generic_today_is_not_a_date(nlp):
    assert found(nlp, "The scandal means little to today's voters.", "2011-06-10") == {}


def test_today_before_an_event_noun_is_a_date(nlp):
    assert found(nlp, "Today's vote was delayed by an hour.", "2011-06-10")["Today"][0] == "2011-06-10"


def test_half_of_a_decade_is_timex_only(nlp):
    """A decade has no ISO value: the extractor's own dates skip it (no "last half" year either)."""
    assert found(nlp, "Membership grew through the last half of the '80s.", "2011-02-06") == {}
