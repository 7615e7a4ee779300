"""Date rules added after the TempEval-3 review: tense cues for weekdays, hypothetical days,
"the past year", "this past spring", "the following month", "the 1988 quarter", halves as
quarters, and the windowed candidate scan. Every case pins its publication date; sentences
are written for these tests in the style of news reports."""
from __future__ import annotations

from datetime import date

import pytest
import spacy

from extractor.components.dates import KINDS, _BOUNDARY, Candidate, find_candidates, make_dates  # noqa: F401
from extractor.normalize.dates import Context, patterns, resolve
from extractor.spans import DATES


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("electx_dates")
    return nlp


@pytest.fixture(scope="module")
def nlp_timex():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("electx_dates", config={"timex_extras": True})
    return nlp


def found(nlp, text: str, published: str | None) -> list[tuple[str, str | None, str | None]]:
    doc = nlp.make_doc(text)
    doc._.electx_meta = {"doc_id": "t", "published": published}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.text, s._.get(DATES)["value"], s._.get(DATES)["timex"]) for s in doc.spans[DATES]]


# (text, publication date, span text, expected value); weekday publication dates noted
WEEKDAYS = [
    # past tense across a year boundary (published Monday 3 January 2022)
    pytest.param("Voters went to the polls on Friday.", "2022-01-03", "Friday", "2021-12-31", id="past-year-boundary"),
    # future tense across a year boundary (published Wednesday 29 December 2021)
    pytest.param("The council will vote on Monday.", "2021-12-29", "Monday", "2022-01-03", id="future-year-boundary"),
    # past tense across a month boundary (published Tuesday 1 March 2022)
    pytest.param("The count ended on Sunday.", "2022-03-01", "Sunday", "2022-02-27", id="past-month-boundary"),
    # future tense across a month boundary (published Thursday 30 June 2022)
    pytest.param("Polls will open on Saturday.", "2022-06-30", "Saturday", "2022-07-02", id="future-month-boundary"),
    # "set to", "plan to", "planned to": what is still to come (published Wednesday 8 June 2022)
    pytest.param("Talks between the parties are set to resume Monday.", "2022-06-08", "Monday", "2022-06-13", id="set-to"),
    pytest.param("Campaigners plan to march on Friday.", "2022-06-08", "Friday", "2022-06-10", id="plan-to"),
    pytest.param("Officials planned to certify the result on Thursday.", "2022-06-08", "Thursday", "2022-06-09", id="planned-to"),
    # "planned" and "plans" without "to" say nothing; the verb decides (published Sunday 12 June 2022)
    pytest.param("A rally planned for Saturday was cancelled.", "2022-06-12", "Saturday", "2022-06-11", id="planned-adjective"),
    pytest.param("On Friday, when the mayor shelved his holiday plans, aides met.", "2022-06-12", "Friday", "2022-06-10",
                 id="plans-noun"),
]


@pytest.mark.parametrize("text,published,span,value", WEEKDAYS)
def test_weekday_direction(nlp, text, published, span, value):
    assert (span, value) in [(t, v) for t, v, _ in found(nlp, text, published)]


HYPOTHETICAL = [
    # one cue alone does not make the day hypothetical (published Friday 8 October 1999)
    pytest.param("It was not known if the arrest announced today was linked.", "1999-10-08", True, id="if-alone"),
    pytest.param("Many feared the appeal would fail today.", "1999-10-08", True, id="would-alone"),
    # two cues do
    pytest.param("How would voters choose if the election were held today?", "1999-10-08", False, id="if-were"),
    pytest.param("Labour would win if voters went to the polls tomorrow.", "1999-10-08", False, id="would-if"),
]


@pytest.mark.parametrize("text,published,kept", HYPOTHETICAL)
def test_hypothetical_days(nlp, text, published, kept):
    values = [v for _, v, _ in found(nlp, text, published)]
    assert bool(values) is kept


def test_the_past_year_is_last_year(nlp):
    assert ("the past year", "1997", "1997") in found(nlp, "Hate crimes rose over the past year.", "1998-03-03")


def test_the_past_with_a_count_is_a_duration(nlp_timex):
    assert found(nlp_timex, "Four clinics were attacked in the past four years.", "1998-11-20") == []


def test_the_past_several_stays_vague(nlp_timex):
    got = found(nlp_timex, "Sales were weak over the past several quarters.", "1989-10-30")
    assert [(t, x) for t, _, x in got] == [("the past", "PAST_REF")]


def test_this_past_spring(nlp):
    got = found(nlp, "The company closed the unit this past spring.", "1989-10-30")
    assert got == [("this past spring", "1989", "1989-SP")]


FOLLOWING = [
    # the previous date gives the base; month and year boundaries
    pytest.param("The party split in March 2019. The following month, it merged.", "2022-06-08",
                 "The following month", "2019-04", id="following-month"),
    pytest.param("He lost in December 2020. The following month, he ran again.", "2022-06-08",
                 "The following month", "2021-01", id="following-month-year-boundary"),
    pytest.param("She was elected in 2015, and the following year she resigned.", "2022-06-08",
                 "the following year", "2016", id="following-year"),
    pytest.param("Polls closed on 31 May 2021 and the count began the next day.", "2022-06-08",
                 "the next day", "2021-06-01", id="next-day-month-boundary"),
    pytest.param("The coalition fell in 2010 and the previous year was calm.", "2022-06-08",
                 "the previous year", "2009", id="previous-year"),
]


@pytest.mark.parametrize("text,published,span,value", FOLLOWING)
def test_following_unit(nlp, text, published, span, value):
    assert (span, value) in [(t, v) for t, v, _ in found(nlp, text, published)]


def test_following_month_after_a_year_stays_unresolved(nlp):
    got = found(nlp, "He won in 2015. The following month, he resigned.", "2022-06-08")
    assert ("The following month", None) in [(t, v) for t, v, _ in got]


def test_following_without_antecedent_is_unresolved():
    dv = resolve("the following year", "following", date(2022, 6, 8), None, Context())
    assert dv.value is None and dv.reason


def test_next_year_or_so_is_not_anaphoric(nlp):
    assert all(t != "the next year" for t, _, _ in found(nlp, "Prices may rise in the next year or so.", "1989-10-27"))


def test_year_quarter_takes_the_quarter_named_before(nlp):
    text = "Profit fell in the third quarter. In the 1988 quarter, the company earned $2 million."
    assert ("the 1988 quarter", "1988", "1988-Q3") in found(nlp, text, "1989-10-30")


def test_year_period_after_another_date_is_the_year(nlp):
    text = "Profit fell in the third quarter. For the first nine months of 1989, net rose from the 1988 period."
    assert ("the 1988 period", "1988", "1988") in found(nlp, text, "1989-10-30")


def test_two_quarters_are_a_half():
    assert resolve("the first two quarters of 1990", "half", date(1989, 10, 26)).timex == "1990-H1"
    assert resolve("the last two quarters of 1990", "half", date(1989, 10, 26)).timex == "1990-H2"


# --------------------------------------------------------------------------- the scan


def _full_scan(text: str, kinds: tuple[str, ...]) -> list[Candidate]:
    """The reference: every kind's pattern over the whole text (what the windows must equal)."""
    pats = patterns()
    hits: list[tuple[int, int, int, str]] = []
    for prio, kind in enumerate(kinds):
        for m in pats.by_kind[kind].finditer(text):
            s, e = m.span()
            if s == e or (s > 0 and _BOUNDARY.match(text[s - 1])) or (e < len(text) and text[e].isalnum()):
                continue
            hits.append((s, e, prio, kind))
    hits.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out: list[Candidate] = []
    for s, e, _, kind in hits:
        if not any(s < te and ts < e for ts, te in taken):
            taken.append((s, e))
            out.append(Candidate(s, e, kind))
    return sorted(out, key=lambda c: c.start)


SCAN_TEXTS = [
    "The Mayor may decide in the market on Tuesday, 8 November 2022, before the 2023 budget.",
    "Sales in the third quarter of 1989 fell; a year earlier they rose. Q3 2004 was flat.",
    "Between 16-18 December and mid-November 2004, the summer of 2020 and last autumn passed.",
    "Polls opened at 7 a.m. yesterday morning; the day before yesterday was quiet.",
    "In March, april and MAY 2005 the decision was made; the following month, nothing.",
    "The 1990s and the '80s, the 20th century, nineteen ninety-six and two thousand four.",
    "Turnout: 11/8/2022, 2022-11-08 and Christmas Day 2021, Election Day, Thanksgiving.",
    "Ünïcode İstanbul text on Monday, 5 May, before İ March 3 and the past several years.",
]


@pytest.mark.parametrize("text", SCAN_TEXTS)
def test_windowed_scan_equals_full_scan(text):
    assert find_candidates(text, KINDS) == _full_scan(text, KINDS)


def test_windows_skip_month_names_inside_words():
    assert patterns().windows("the mayor left the market", "month_day") == []
