"""Pure date resolution (extractor.normalize.dates): every case pins its reference date."""
from __future__ import annotations

import json
from datetime import date

import pytest

from extractor.errors import RuleFileError
from extractor.normalize.dates import (
    Context, DateValue, add_months, lexicon, pick_year, resolve, validate_lexicon, weekday_date,
)

# (text, kind, published, tense, value, timex, granularity)
RESOLVED = [
    pytest.param("November 8", "month_day", date(2022, 6, 8), "future", "2022-11-08", "2022-11-08", "day", id="seed-runoff"),
    pytest.param("8 November 2022", "day_month", None, None, "2022-11-08", "2022-11-08", "day", id="uk-order-with-year"),
    pytest.param("Nov. 8, 2022", "month_day", None, None, "2022-11-08", "2022-11-08", "day", id="us-abbrev-with-year"),
    pytest.param("5 May", "day_month", date(2005, 3, 11), None, "2005-05-05", "2005-05-05", "day", id="uk-yearless"),
    pytest.param("Aug. 6", "month_day", date(1998, 2, 6), "past", "1997-08-06", "1997-08-06", "day", id="past-yearless-goes-back"),
    pytest.param("Dec. 15", "month_day", date(1989, 11, 2), "past", "1989-12-15", "1989-12-15", "day", id="past-tense-slack"),
    pytest.param("Friday 11 March", "weekday_day_month", date(2005, 3, 11), None, "2005-03-11", "2005-03-11", "day", id="weekday-day-month"),
    pytest.param("next Thursday, 4 November", "weekday_day_month", date(2004, 10, 28), None, "2004-11-04", "2004-11-04", "day", id="next-weekday-date"),
    pytest.param("16-18 December", "day_range", date(2004, 12, 19), "past", "2004-12", "2004-12", "month", id="day-range-is-month"),
    pytest.param("2022-11-08", "iso", None, None, "2022-11-08", "2022-11-08", "day", id="iso"),
    pytest.param("February 2005", "month_year", None, None, "2005-02", "2005-02", "month", id="month-year"),
    pytest.param("February in 1974", "month_year", None, None, "1974-02", "1974-02", "month", id="month-in-year"),
    pytest.param("December last year", "month_rel_year", date(2022, 6, 8), None, "2021-12", "2021-12", "month", id="seed-december-last-year"),
    pytest.param("December last year", "month_rel_year", date(2022, 1, 3), None, "2021-12", "2021-12", "month", id="year-boundary-january"),
    pytest.param("December last year", "month_rel_year", date(2021, 12, 31), None, "2020-12", "2020-12", "month", id="year-boundary-december"),
    pytest.param("last June", "rel_month", date(2005, 2, 3), None, "2004-06", "2004-06", "month", id="last-month-name"),
    pytest.param("last June", "rel_month", date(2005, 7, 1), None, "2005-06", "2005-06", "month", id="last-month-name-same-year"),
    pytest.param("next March", "rel_month", date(2005, 3, 11), None, "2006-03", "2006-03", "month", id="next-month-name"),
    pytest.param("November", "month", date(2022, 6, 7), "future", "2022-11", "2022-11", "month", id="bare-month-future"),
    pytest.param("December", "month", date(2022, 1, 3), "past", "2021-12", "2021-12", "month", id="bare-month-past-boundary"),
    pytest.param("the summer of 2020", "season_year", None, None, "2020", "2020-SU", "season", id="season-of-year"),
    pytest.param("last autumn", "rel_season", date(2005, 3, 11), None, "2004", "2004-FA", "season", id="last-autumn"),
    pytest.param("last summer", "rel_season", date(2005, 7, 1), None, "2004", "2004-SU", "season", id="last-summer-in-summer"),
    pytest.param("the final quarter of 2004", "quarter", None, None, "2004", "2004-Q4", "quarter", id="final-quarter"),
    pytest.param("third-quarter", "quarter", date(1989, 10, 30), "past", "1989", "1989-Q3", "quarter", id="quarter-adjective"),
    pytest.param("Q1 1998", "quarter_code", None, None, "1998", "1998-Q1", "quarter", id="quarter-code"),
    pytest.param("last quarter", "rel_quarter", date(2005, 1, 16), None, "2004", "2004-Q4", "quarter", id="last-quarter-crosses-year"),
    pytest.param("the first half of 2004", "half", None, None, "2004", "2004-H1", "quarter", id="half"),
    pytest.param("2028", "year", None, None, "2028", "2028", "year", id="year"),
    pytest.param("yesterday", "relative_day", date(2022, 6, 8), None, "2022-06-07", "2022-06-07", "day", id="seed-yesterday"),
    pytest.param("tomorrow", "relative_day", date(2021, 12, 31), None, "2022-01-01", "2022-01-01", "day", id="tomorrow-new-year"),
    pytest.param("the day before yesterday", "relative_day", date(2022, 3, 1), None, "2022-02-27", "2022-02-27", "day", id="day-before-yesterday"),
    pytest.param("last year", "rel_unit", date(2022, 1, 1), None, "2021", "2021", "year", id="last-year"),
    pytest.param("next month", "rel_unit", date(2021, 12, 15), None, "2022-01", "2022-01", "month", id="next-month-boundary"),
    pytest.param("last month", "rel_unit", date(2022, 1, 15), None, "2021-12", "2021-12", "month", id="last-month-boundary"),
    pytest.param("last week", "rel_unit", date(2013, 3, 18), None, None, "2013-W11", "week", id="last-week-timex-only"),
    pytest.param("next week", "rel_unit", date(2021, 12, 29), None, None, "2022-W01", "week", id="next-week-timex-only"),
    pytest.param("this morning", "relative_day", date(2023, 2, 1), None, "2023-02-01", "2023-02-01TMO", "day", id="this-morning-is-publication-day"),
    pytest.param("last night", "relative_day", date(2023, 3, 1), None, "2023-02-28", "2023-02-28TNI", "day", id="last-night-crosses-month"),
    pytest.param("the first three months of the year", "part_of_year", date(2019, 5, 2), None, "2019", "2019", "year", id="part-of-current-year"),
    pytest.param("the last few weeks of last year", "part_of_year", date(2019, 5, 2), None, "2018", "2018", "year", id="part-of-last-year"),
    pytest.param("the winter", "season_bare", date(2019, 5, 2), "future", "2019", "2019-WI", "season", id="bare-season-future"),
    pytest.param("the spring", "season_bare", date(2019, 10, 2), "past", "2019", "2019-SP", "season", id="bare-season-past"),
    pytest.param("nineteen eighty-four", "spelled_year", None, None, "1984", "1984", "year", id="spelled-year"),
    pytest.param("March nineteen ninety-two", "spelled_year", None, None, "1992-03", "1992-03", "month", id="month-spelled-year"),
    pytest.param("the summer of nineteen seventy", "spelled_year", None, None, "1970", "1970-SU", "season", id="season-spelled-year"),
    pytest.param("the year two thousand and eight", "year_of_spelled", None, None, "2008", "2008", "year", id="year-two-thousand-and"),
    pytest.param("the fiscal year", "the_year", date(1991, 4, 2), None, "1991", "1991", "year", id="the-year-is-publication-year"),
    pytest.param("the quarter", "rel_quarter", date(2019, 5, 2), None, None, "2019-Q1", "quarter", id="unstated-quarter-timex-only"),
    pytest.param("earlier this year", "rel_unit", date(2005, 3, 11), None, "2005", "2005", "year", id="earlier-this-year"),
    pytest.param("two years ago", "offset", date(2022, 6, 8), None, "2020", "2020", "year", id="years-ago"),
    pytest.param("10 days ago", "offset", date(2022, 3, 5), None, "2022-02-23", "2022-02-23", "day", id="days-ago"),
    pytest.param("Election Day", "named_day", date(2022, 6, 8), "future", "2022-11-08", "2022-11-08", "day", id="calendar-election-day"),
    pytest.param("Christmas Day", "named_day", date(2004, 12, 19), "future", "2004-12-25", "2004-12-25", "day", id="calendar-christmas"),
]


@pytest.mark.parametrize("text,kind,published,tense,value,timex,granularity", RESOLVED)
def test_resolve(text, kind, published, tense, value, timex, granularity):
    dv = resolve(text, kind, published, tense)
    assert (dv.value, dv.timex, dv.granularity) == (value, timex, granularity)


# Weekdays: both tenses, last/next/this, and the publication day itself.
WEEKDAYS = [
    pytest.param("Tuesday", date(2022, 6, 8), "past", "2022-06-07", id="past-tense-previous"),
    pytest.param("Thursday", date(2022, 6, 8), "future", "2022-06-09", id="future-tense-next"),
    pytest.param("Tuesday", date(2022, 6, 8), None, "2022-06-07", id="no-tense-defaults-past"),
    pytest.param("Tuesday", date(2022, 6, 7), "past", "2022-06-07", id="same-day"),
    pytest.param("Wednesday", date(2022, 6, 8), "future", "2022-06-08", id="same-day-future"),
    pytest.param("last Friday", date(2022, 6, 8), "future", "2022-06-03", id="last-overrides-tense"),
    pytest.param("next Monday", date(2022, 6, 8), "past", "2022-06-13", id="next-overrides-tense"),
    pytest.param("this Friday", date(2022, 6, 8), None, "2022-06-10", id="this-upcoming"),
    pytest.param("Friday", date(2022, 1, 2), "past", "2021-12-31", id="past-crosses-year"),
    pytest.param("Monday", date(2021, 12, 30), "future", "2022-01-03", id="future-crosses-year"),
]


@pytest.mark.parametrize("text,published,tense,value", WEEKDAYS)
def test_weekday(text, published, tense, value):
    assert resolve(text, "weekday", published, tense).value == value


NO_PUBLICATION = [
    pytest.param("yesterday", "relative_day", id="relative-day"),
    pytest.param("Tuesday", "weekday", id="weekday"),
    pytest.param("last year", "rel_unit", id="relative-year"),
    pytest.param("December last year", "month_rel_year", id="month-relative-year"),
    pytest.param("last autumn", "rel_season", id="relative-season"),
]


@pytest.mark.parametrize("text,kind", NO_PUBLICATION)
def test_relative_without_publication_date_is_null_with_reason(text, kind):
    dv = resolve(text, kind, None)
    assert dv.value is None and dv.reason == "no publication date"


def test_yearless_without_anchor_keeps_a_timex_pattern():
    dv = resolve("5 May", "day_month", None)
    assert (dv.value, dv.timex) == (None, "XXXX-05-05") and dv.reason


def test_yearless_takes_the_article_year_when_unpublished():
    assert resolve("5 May", "day_month", None, context=Context(year_hint=2005)).value == "2005-05-05"


def test_quarter_without_year_takes_the_article_year():
    dv = resolve("the fourth quarter", "quarter", None, context=Context(year_hint=2004))
    assert (dv.value, dv.timex) == ("2004", "2004-Q4")


def test_weekday_with_date_picks_the_matching_year():
    # 11 March 2005 was a Friday; the reference sits in late 2004.
    assert resolve("Friday 11 March", "weekday_day_month", date(2004, 12, 1)).value == "2005-03-11"


def test_year_earlier_shifts_the_previous_quarter():
    ctx = Context(last=DateValue("1989", "1989-Q3", "quarter"), last_quarter=DateValue("1989", "1989-Q3", "quarter"))
    assert resolve("a year earlier", "offset", date(1989, 10, 30), "past", ctx).timex == "1988-Q3"


def test_later_that_year_takes_the_previous_year():
    ctx = Context(last=DateValue("1974-02", "1974-02", "month"))
    assert resolve("later in the year", "same_year", None, context=ctx).value == "1974"


def test_decade_and_century_have_timex_but_no_value():
    assert resolve("the 1990s", "decade", None).timex == "199"
    assert resolve("the 20th century", "century", None).timex == "19"
    assert resolve("the 1990s", "decade", None).value is None


def test_vague_word_is_present_ref():
    dv = resolve("now", "vague", date(2022, 6, 8))
    assert (dv.value, dv.timex) == (None, "PRESENT_REF")


def test_numeric_date_goes_through_dateparser():
    assert resolve("11/8/2022", "numeric", date(2022, 6, 8)).value == "2022-11-08"


def test_wrong_kind_is_an_error():
    with pytest.raises(ValueError):
        resolve("yesterday", "month_day", date(2022, 6, 8))


def test_helpers():
    assert add_months(2022, 1, -1) == (2021, 12)
    assert weekday_date(date(2004, 10, 28), 3, 1) == date(2004, 11, 4)
    assert pick_year(12, None, date(2022, 1, 3), "past") == 2021


def test_shipped_lexicon_validates():
    assert len(lexicon().months) == 12


def test_bad_lexicon_names_file_and_entry(tmp_path):
    data = json.loads(json.dumps(lexicon().model_dump(mode="json")))
    data["quarters"]["fifth"] = 5
    with pytest.raises(RuleFileError) as exc:
        validate_lexicon(data, str(tmp_path / "dates.json"))
    assert exc.value.code == "E004" and "quarters" in str(exc.value) and "dates.json" in str(exc.value)


def test_unknown_key_is_rejected(tmp_path):
    data = json.loads(json.dumps(lexicon().model_dump(mode="json")))
    data["monthz"] = {}
    with pytest.raises(RuleFileError, match="monthz"):
        validate_lexicon(data, str(tmp_path / "dates.json"))


def test_season_of_that_year_takes_previous_year():
    prev = resolve("March 2017", "month_year", None)
    dv = resolve("the spring of that year", "season_that_year", date(2020, 1, 9), context=Context(last=prev))
    assert (dv.value, dv.timex) == ("2017", "2017-SP")


def test_season_of_that_year_without_antecedent_is_null():
    assert resolve("the autumn of that year", "season_that_year", date(2020, 1, 9)).value is None


def test_that_year_follows_previous_date():
    prev = resolve("June 2011", "month_year", None)
    assert resolve("that year", "that_year", date(2014, 2, 2), context=Context(last=prev)).value == "2011"


@pytest.mark.parametrize("tense,expected", [("present", 2024), ("future", 2024), ("past", 2023)])
def test_yearless_date_follows_tense_not_distance(tense, expected):
    """Regression: 'The runoff is on November 5' (published March 2024) was put in 2023."""
    assert pick_year(11, 5, date(2024, 3, 6), tense) == expected


def test_lexicon_requires_month_range_links(tmp_path):
    data = json.loads(json.dumps(lexicon().model_dump()))
    del data["month_range_links"]
    with pytest.raises(RuleFileError, match="month_range_links"):
        validate_lexicon(data, str(tmp_path / "dates.json"))


def test_lexicon_requires_obligation_words(tmp_path):
    data = json.loads(json.dumps(lexicon().model_dump()))
    del data["tense"]["obligation"]
    with pytest.raises(RuleFileError, match="obligation"):
        validate_lexicon(data, str(tmp_path / "dates.json"))
