"""The electx_dates component on spacy.blank("en") + sentencizer; every case pins its
publication date. Sentences are written for these tests in the style of news reports."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from extractor.components.dates import make_dates  # noqa: F401  (registers the factory)
from extractor.spans import DATES, MONEY, PERCENT


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("electx_dates")
    return nlp


def run(nlp, text: str, published: str | None):
    doc = nlp.make_doc(text)
    doc._.electx_meta = {"doc_id": "t", "published": published}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def spans(nlp, text: str, published: str | None) -> list[Span]:
    doc = run(nlp, text, published)
    return list(doc.spans[DATES])  # Span objects keep their Doc alive


def dates(nlp, text: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(s.text, s._.get(DATES)["value"]) for s in spans(nlp, text, published)]


FOUND = [
    pytest.param("The two will meet in a runoff on November 8.", "2022-06-08", ("November 8", "2022-11-08"), id="us-order"),
    pytest.param("Polls close on 5 May 2005 across England.", None, ("5 May 2005", "2005-05-05"), id="uk-order-year"),
    pytest.param("Voters went to the polls yesterday.", "2022-06-08", ("yesterday", "2022-06-07"), id="yesterday"),
    pytest.param("Voters went to the polls on Tuesday.", "2022-06-08", ("Tuesday", "2022-06-07"), id="weekday-past"),
    pytest.param("The council will vote on Thursday.", "2022-06-08", ("Thursday", "2022-06-09"), id="weekday-future"),
    pytest.param("The deadline is next Thursday, 4 November.", "2004-10-28", ("next Thursday, 4 November", "2004-11-04"), id="weekday-date"),
    pytest.param("She registered by Friday 11 March.", "2005-03-11", ("Friday 11 March", "2005-03-11"), id="weekday-day-month"),
    pytest.param("He lost the seat in 1997.", None, ("1997", "1997"), id="year-after-preposition"),
    pytest.param("The city is preparing for the 2028 Olympic Games.", None, ("2028", "2028"), id="year-before-event-noun"),
    pytest.param("Labour has governed since 1997.", None, ("1997", "1997"), id="since-year"),
    pytest.param("The party was founded in February 2005.", None, ("February 2005", "2005-02"), id="month-year"),
    pytest.param("The mayor resigned in December last year.", "2022-06-08", ("December last year", "2021-12"), id="month-last-year"),
    pytest.param("Protests spread in the summer of 2020.", "2022-06-08", ("the summer of 2020", "2020"), id="season"),
    pytest.param("Donations rose in the final quarter of 2004.", None, ("the final quarter of 2004", "2004"), id="quarter"),
    pytest.param("Turnout fell last year.", "2022-01-03", ("last year", "2021"), id="last-year"),
    pytest.param("The canvass began last autumn.", "2005-03-11", ("last autumn", "2004"), id="last-autumn"),
    pytest.param("The vote will be held in May.", "2005-03-11", ("May", "2005-05"), id="ambiguous-month-after-in"),
]


@pytest.mark.parametrize("text,published,expected", FOUND)
def test_found(nlp, text, published, expected):
    assert expected in dates(nlp, text, published)


NOT_DATES = [
    pytest.param("Caruso spent more than $35 million on the race.", "2022-06-08", id="money"),
    pytest.param("Inflation hit 2000% before the vote.", "2022-06-08", id="percent-token"),
    pytest.param("The campaign spent £2005 on leaflets.", "2022-06-08", id="money-token"),
    pytest.param("The representative for the 37th district endorsed her.", "2022-06-08", id="district-ordinal"),
    pytest.param("YouGov polled 1,981 voters online.", "2004-12-19", id="vote-count"),
    pytest.param("Results are expected after 10 p.m. tonight.", "2022-06-08", id="time-of-day"),
    pytest.param("A poll in the Sunday Times found support slipping.", "2004-12-19", id="newspaper"),
    pytest.param("The Independent on Sunday reported the claim.", "2004-12-19", id="newspaper-on-sunday"),
    pytest.param("Officials said Los Angeles 2028 may request more funds.", "2022-06-08", id="organisation-year"),
    pytest.param("The count took two years and cost a fortune.", "2022-06-08", id="duration"),
    pytest.param("Recently the party has been quiet, and the day passed.", "2022-06-08", id="vague-words"),
    pytest.param("Theresa May spoke to reporters.", "2017-06-08", id="person-named-may"),
    pytest.param("Some 2001 voters signed the petition.", "2005-03-11", id="count-noun-after-number"),
    pytest.param("Would you back Labour if there were an election tomorrow?", "2005-01-28", id="hypothetical-tomorrow"),
]


@pytest.mark.parametrize("text,published", NOT_DATES)
def test_not_dates(nlp, text, published):
    assert dates(nlp, text, published) == []


def test_money_span_blocks_a_date(nlp):
    doc = nlp.make_doc("The fund reached 2005 pounds in May.")
    doc._.electx_meta = {"published": "2005-03-11"}
    doc = nlp.get_pipe("sentencizer")(doc)
    doc.spans[MONEY] = [Span(doc, 3, 5, label="MONEY")]
    doc.spans[PERCENT] = []
    doc = nlp.get_pipe("electx_dates")(doc)
    assert [s.text for s in doc.spans[DATES]] == ["May"]


def test_relative_date_without_publication_date_has_reason(nlp):
    (span,) = spans(nlp, "Voters went to the polls yesterday.", None)
    assert span._.get(DATES)["value"] is None and span._.get(DATES)["reason"] == "no publication date"


def test_yearless_date_takes_year_stated_in_article(nlp):
    text = "Rumours pointed to February 2005. Others expect an election on 5 May."
    assert ("5 May", "2005-05-05") in dates(nlp, text, None)


def test_fourth_quarter_takes_year_from_article(nlp):
    text = "Donations peaked in the final quarter of 2004. In the fourth quarter the party raised more."
    assert ("the fourth quarter", "2004") in dates(nlp, text, None)


def test_span_data_has_all_keys(nlp):
    (span,) = spans(nlp, "Protests spread in the summer of 2020.", "2022-06-08")
    data = span._.get(DATES)
    assert span.label_ == "DATE"
    assert data == {"value": "2020", "timex": "2020-SU", "granularity": "season", "event": "other",
                    "reason": None, "rule": "date.season_year"}


EVENTS = [
    pytest.param("Bass and Caruso head to a runoff on November 8.", "2022-06-08", "November 8", "runoff", id="runoff"),
    pytest.param("Bass topped yesterday's primary.", "2022-06-08", "yesterday", "primary", id="primary-possessive"),
    pytest.param("Blair is expected to call a general election on 5 May.", "2005-03-11", "5 May", "general", id="general"),
    pytest.param("The North East votes in the referendum on 4 November.", "2004-10-28", "4 November", "vote", id="referendum"),
    pytest.param("Turnout on polling day, 5 May, may be low.", "2005-03-11", "5 May", "election", id="polling-day"),
    pytest.param("He was born in 1970 in Leeds.", "2005-03-11", "1970", "other", id="no-cue"),
]


@pytest.mark.parametrize("text,published,span_text,event", EVENTS)
def test_event(nlp, text, published, span_text, event):
    doc = run(nlp, text, published)
    found = {s.text: s._.get(DATES)["event"] for s in doc.spans[DATES]}
    assert found[span_text] == event


def test_timex_extras_marks_vague_words():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("electx_dates", config={"timex_extras": True})
    doc = run(nlp, "Prices are now falling, as in the 1990s.", "1998-01-08")
    assert {s.text: s._.get(DATES)["timex"] for s in doc.spans[DATES]} == {"now": "PRESENT_REF", "the 1990s": "199"}


def test_default_skips_vague_words_and_decades(nlp):
    assert dates(nlp, "Prices are now falling, as in the 1990s.", "1998-01-08") == []


# Regression cases for the corpus misses (own sentences; pinned publication dates).


def test_election_day_takes_the_articles_own_election(nlp):
    text = ("Voters in Millbrook chose a new council on Tuesday. Clerks said Tuesday's election drew "
            "long queues, and ballots postmarked by Election Day will be counted.")
    assert ("Election Day", "2021-05-04") in dates(nlp, text, "2021-05-05")


def test_election_day_from_voting_last_night(nlp):
    text = ("\"Ashford voted for change last night,\" the winner said. "
            "Ballots posted by Election Day can still arrive until Monday.")
    assert ("Election Day", "2019-09-10") in dates(nlp, text, "2019-09-11")


def test_election_day_from_stated_future_election(nlp):
    text = "The March 14 election is close. Officials urged voters to register before Election Day."
    assert ("Election Day", "2023-03-14") in dates(nlp, text, "2023-03-01")


def test_election_day_without_any_election_date_is_null(nlp):
    text = "Campaign staff in Rivertown say they will knock on every door before Election Day."
    assert ("Election Day", None) in dates(nlp, text, "2023-03-01")


def test_election_day_calendar_for_november_general(nlp):
    text = "The governor faces voters in the general election; Election Day is in November."
    assert ("Election Day", "2022-11-08") in dates(nlp, text, "2022-06-01")


def test_results_story_ignores_future_runoff_for_election_day(nlp):
    text = ("Lee won 44% of the vote and faces Ortiz in a July 9 runoff. "
            "Ballots postmarked by Election Day still count.")
    doc = nlp.make_doc(text)
    doc._.electx_meta = {"doc_id": "t", "published": "2024-05-15"}
    doc.spans[PERCENT] = [doc.char_span(8, 11, label="PERCENT")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    found = {s.text: s._.get(DATES)["value"] for s in doc.spans[DATES]}
    assert found["July 9"] == "2024-07-09" and found["Election Day"] is None


def test_weekday_after_can_is_future(nlp):
    text = "The count was slow, and late ballots can still arrive through Friday."
    assert ("Friday", "2020-03-13") in dates(nlp, text, "2020-03-11")


def test_this_morning_is_publication_day(nlp):
    text = "The returning officer declared the result at 3am this morning."
    assert ("this morning", "2017-06-09") in dates(nlp, text, "2017-06-09")


def test_weeks_are_not_dates(nlp):
    text = "The candidates debate next week and again this week."
    assert [t for t, _ in dates(nlp, text, "2018-04-04")] == []


def test_weeks_kept_for_timex():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("electx_dates", config={"timex_extras": True})
    found = {s.text: s._.get(DATES) for s in spans(nlp, "The candidates debate next week.", "2018-04-04")}
    assert (found["next week"]["value"], found["next week"]["timex"]) == (None, "2018-W15")


def test_unstated_quarter_is_not_a_date(nlp):
    text = "The campaign spent heavily during the quarter, its filing shows."
    assert dates(nlp, text, "2018-04-20") == []


def test_bare_month_takes_year_of_coordinated_month_year(nlp):
    text = "The party will hold its contest in January or February 2031."
    assert ("January", "2031-01") in dates(nlp, text, "2029-09-01")


def test_season_of_that_year_follows_previous_date(nlp):
    text = "The plant closed in March 2016. She entered politics in the autumn of that year."
    assert ("the autumn of that year", "2016") in dates(nlp, text, "2020-02-02")


def test_part_of_year_is_publication_year(nlp):
    text = "The campaign raised $90,000 in the first eight weeks of the year."
    assert ("the first eight weeks of the year", "2027") in dates(nlp, text, "2027-03-10")


def test_money_span_blocks_date(nlp):
    doc = nlp.make_doc("She gave 2020 dollars to the campaign in 2019.")
    doc._.electx_meta = {"doc_id": "t", "published": "2020-01-01"}
    doc.spans[MONEY] = [doc.char_span(9, 21)]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s.text for s in doc.spans[DATES]] == ["2019"]


def test_spelled_count_is_not_a_year(nlp):
    text = "Organisers said two thousand five hundred people attended the rally in 2012."
    assert [t for t, _ in dates(nlp, text, "2012-05-01")] == ["2012"]


def test_the_year_is_timex_only(nlp):
    text = "Turnout across the year was the highest since 1992."
    assert [t for t, _ in dates(nlp, text, "2015-12-01")] == ["1992"]


def tagged_doc(words: list[str], tags: list[str]):
    from spacy.tokens import Doc
    return Doc(spacy.blank("en").vocab, words=words, tags=tags)


def test_participle_after_noun_is_past_with_tags():
    from extractor.components.dates import tense_at
    from extractor.normalize.dates import lexicon
    doc = tagged_doc(["A", "survey", "published", "Monday", "that", "shows", "Labour", "ahead", "."],
                     ["DT", "NN", "VBN", "NNP", "WDT", "VBZ", "NNP", "RB", "."])
    assert tense_at(doc[3:4], lexicon()) == "past"


def test_participle_after_be_leaves_tense_to_the_modal_with_tags():
    from extractor.components.dates import tense_at
    from extractor.normalize.dates import lexicon
    doc = tagged_doc(["The", "count", "will", "be", "held", "Monday", "."],
                     ["DT", "NN", "MD", "VB", "VBN", "NNP", "."])
    assert tense_at(doc[5:6], lexicon()) == "future"


def test_open_tagged_as_adjective_is_present():
    from extractor.components.dates import tense_at
    from extractor.normalize.dates import lexicon
    doc = tagged_doc(["Early", "polls", "open", "Saturday", "."], ["JJ", "NNS", "JJ", "NNP", "."])
    assert tense_at(doc[3:4], lexicon()) == "present"


def test_close_after_article_is_not_a_tense_cue():
    from extractor.components.dates import tense_at
    from extractor.normalize.dates import lexicon
    doc = spacy.blank("en")("Expect a close finish Saturday.")
    assert tense_at(doc[4:5], lexicon()) is None


def test_polls_open_weekday_is_ahead(nlp):
    assert ("Saturday", "2023-10-14") in dates(nlp, "Early polls open Saturday.", "2023-10-11")


def test_have_to_points_ahead(nlp):
    text = "\"We have to win those voters back before June,\" the organiser said."
    assert ("June", "2024-06") in dates(nlp, text, "2023-11-20")


def test_ambiguous_month_in_month_range(nlp):
    text = "The filings, covering June through August, are due in October."
    assert ("June", "2024-06") in dates(nlp, text, "2024-05-02")


def test_ambiguous_month_name_before_link_word_and_non_month(nlp):
    assert dates(nlp, "Volunteers said June and Tom Reyes ran the count.", "2024-09-02") == []


def test_election_day_takes_the_stated_day(nlp):
    text = ("A survey released Monday found Ortiz leads among voters, with a month to go before "
            "Election Day. Early ballots go out Oct. 6. Election Day is Oct. 27.")
    found = dates(nlp, text, "2027-09-29")
    assert found.count(("Election Day", "2027-10-27")) == 2


def test_named_committee_year_is_not_a_date(nlp):
    text = "Under rules set by the 1922 Committee, hopefuls need the backing of 20 MPs."
    assert dates(nlp, text, "2024-07-01") == []
