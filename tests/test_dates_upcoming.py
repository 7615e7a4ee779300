"""Days the text looks ahead to ("open until Saturday night", agenda lines "Friday: ..."),
weekdays with a part of the day, named holidays, seasons and months used as modifiers
("the spring primary", "off the May ballot") and "that evening" after a named day. Every case
pins its publication date; the sentences are written for these tests in the style of news
reports."""
from __future__ import annotations

import json

import pytest

from extractor.components.dates import make_dates  # noqa: F401  (registers the factory)
from extractor.errors import RuleFileError
from extractor.normalize.dates import lexicon, validate_lexicon
from extractor.spans import DATES
from tests.dates_support import dates_pipeline




@pytest.fixture(scope="module")
def nlp():
    return dates_pipeline(False)


@pytest.fixture(scope="module")
def nlp_timex():
    return dates_pipeline(True)


def found(nlp, text: str, published: str) -> list[tuple[str, str | None, str | None]]:
    doc = nlp.make_doc(text)
    doc._.electx_meta = {"doc_id": "t", "published": published}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.text, s._.get(DATES)["value"], s._.get(DATES)["timex"]) for s in doc.spans[DATES]]


def pairs(nlp, text: str, published: str) -> list[tuple[str, str | None]]:
    return [(t, v) for t, v, _ in found(nlp, text, published)]


# 2026-10-14 is a Wednesday
FORWARD = [
    ("Polls are open until Saturday night.", "Saturday night", "2026-10-17"),
    ("I'm taking nothing for granted until Saturday night.", "Saturday night", "2026-10-17"),
    ("The council will not vote before Friday.", "Friday", "2026-10-16"),
    ("Candidates must file their papers by Monday.", "Monday", "2026-10-19"),
    ("Today: the mayor. Tomorrow: the challenger.\nFriday: the council candidates meet at the library.",
     "Friday", "2026-10-16"),
    ("Tomorrow: the challenger. On Friday: the incumbent.", "Friday", "2026-10-16"),
    ("The three candidates are set to meet in a televised debate on Thursday.", "Thursday", "2026-10-15"),
]


@pytest.mark.parametrize("text,span,value", FORWARD)
def test_weekday_looked_ahead_to(nlp, text, span, value):
    assert (span, value) in pairs(nlp, text, "2026-10-14")


PAST = [
    ("Polls closed on Saturday night.", "Saturday night", "2026-10-10"),
    ("Counting went on until Saturday night.", "Saturday night", "2026-10-10"),
    ("The challenger conceded on Sunday afternoon.", "Sunday afternoon", "2026-10-11"),
    ("The mayor spoke on Monday: she will not run again.", "Monday", "2026-10-12"),
]


@pytest.mark.parametrize("text,span,value", PAST)
def test_weekday_in_the_past_stays_past(nlp, text, span, value):
    assert (span, value) in pairs(nlp, text, "2026-10-14")


def test_weekday_part_of_day_timex_is_the_day(nlp_timex):
    assert ("Sunday afternoon", "2026-10-11", "2026-10-11") in found(
        nlp_timex, "The challenger conceded on Sunday afternoon.", "2026-10-14")


HOLIDAYS = [
    ("He said he expected a deal well before Christmas.", "2029-11-20", "Christmas", "2029-12-25"),
    ("The budget must pass by Christmas.", "2029-11-20", "Christmas", "2029-12-25"),
    ("Turnout fell because the vote was held just after Christmas.", "2030-01-10", "Christmas", "2029-12-25"),
    ("Results will be certified on Christmas Eve.", "2029-11-20", "Christmas Eve", "2029-12-24"),
    ("The new council takes office on New Year's Day.", "2029-11-20", "New Year's Day", "2030-01-01"),
    ("The rally will be held on Independence Day.", "2028-06-01", "Independence Day", "2028-07-04"),
    ("The governor will speak on the Fourth of July.", "2028-06-01", "Fourth of July", "2028-07-04"),
    ("Marchers will gather on St Patrick's Day.", "2027-03-01", "St Patrick's Day", "2027-03-17"),
    ("The campaign will begin in earnest after Labor Day.", "2028-08-02", "Labor Day", "2028-09-04"),
    ("Every ballot will be counted by Thanksgiving.", "2028-11-01", "Thanksgiving", "2028-11-23"),
    ("The board hopes to decide before Halloween.", "2028-10-01", "Halloween", "2028-10-31"),
]


@pytest.mark.parametrize("text,published,span,value", HOLIDAYS)
def test_named_holiday(nlp, text, published, span, value):
    assert (span, value) in pairs(nlp, text, published)


@pytest.mark.parametrize("text", [
    "The mayor lit the Christmas tree outside city hall.",
    "Council staff will not get a Christmas bonus after the cuts.",
    "The Independence Party candidate finished third.",
    "Volunteers marched in the St Patrick's Day parade.",
])
def test_holiday_as_modifier_is_not_a_date(nlp, text):
    assert pairs(nlp, text, "2029-11-20") == []


def test_holidays_say_their_country():
    by_phrase = {n.phrase: n for n in lexicon().named_days}
    assert by_phrase["Thanksgiving"].country == "US"
    assert by_phrase["Christmas"].country is None


def test_lexicon_rejects_a_country_not_iso(tmp_path):
    data = json.loads(json.dumps(lexicon().model_dump(mode="json")))
    data["named_days"].append({"phrase": "Flag Day", "month": 6, "day": 14, "country": "usa"})
    with pytest.raises(RuleFileError, match="named_days"):
        validate_lexicon(data, str(tmp_path / "dates.json"))


SEASONS = [
    ("Ballots rejected in the spring primary were thrown out.", "2028-08-02", "spring", "2028"),
    ("The chancellor will present the autumn budget.", "2026-03-10", "autumn", "2026"),
    ("Officials are preparing for the state's fall election.", "2026-03-10", "fall", "2026"),
    ("Ministers were grilled during the winter session.", "2026-03-10", "winter", "2025"),
    ("Officials are preparing for this fall's election.", "2026-03-10", "this fall", "2026"),
]


@pytest.mark.parametrize("text,published,span,value", SEASONS)
def test_season_as_modifier(nlp, text, published, span, value):
    assert (span, value) in pairs(nlp, text, published)


def test_season_modifier_timex(nlp_timex):
    assert ("spring", "2028", "2028-SP") in found(
        nlp_timex, "Ballots rejected in the spring primary were thrown out.", "2028-08-02")


def test_party_spring_conference_is_not_a_date(nlp):
    assert pairs(nlp, "Speaking at the party's spring conference, the leader attacked the government.",
                 "2026-03-10") == []


@pytest.mark.parametrize("text", [
    "There was a spring in her step after the count.",
    "The party drew on the spring water of local support.",
    "Supporters hoped the fall of the government would come soon.",
])
def test_season_word_not_a_modifier(nlp, text):
    assert pairs(nlp, text, "2026-03-10") == []


THAT_EVENING = [
    ("Papers must be back by noon on Saturday 11 October. Preliminary results are expected that evening.",
     "2025-09-04", "2025-10-11"),
    ("The debate was held on Tuesday, and the candidates flew home that night.", "2025-09-04", "2025-09-02"),
]


@pytest.mark.parametrize("text,published,value", THAT_EVENING)
def test_that_evening_after_a_day(nlp, text, published, value):
    assert any(t.startswith("that ") and v == value for t, v in pairs(nlp, text, published))


@pytest.mark.parametrize("text", [
    "She thanked her supporters that evening.",
    "The count in 2024 was slow. Results came in that night.",
    "Polls closed on Tuesday. Turnout was low. Officials were upbeat. They went home that night.",
])
def test_that_evening_without_a_day_just_before(nlp, text):
    assert not any(t.startswith("that ") for t, _ in pairs(nlp, text, "2025-09-04"))


MONTHS = [
    ("Judge orders state House hopeful off May ballot", "2026-03-27", "May", "2026-05"),
    ("Both parties are spending heavily ahead of the November election.", "2026-03-27", "November", "2026-11"),
]


@pytest.mark.parametrize("text,published,span,value", MONTHS)
def test_month_as_modifier(nlp, text, published, span, value):
    assert (span, value) in pairs(nlp, text, published)


@pytest.mark.parametrize("text", [
    "Mrs May ballot pledges were dropped.",
    "Voters may ballot by post.",
])
def test_may_not_a_month(nlp, text):
    assert pairs(nlp, text, "2026-03-27") == []
