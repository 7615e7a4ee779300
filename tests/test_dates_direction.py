"""Direction of yearless dates (the clause's tense, found further back than a weekday's),
spelled and relative decades, and the vague "near term". Every case pins its publication
date; the sentences are written for these tests in the style of news reports."""
from __future__ import annotations

import json

import pytest
import spacy

from extractor.components.dates import make_dates, tense_at  # noqa: F401  (registers the factory)
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


def found(nlp, text: str, published: str | None) -> list[tuple[str, str | None, str | None]]:
    doc = nlp.make_doc(text)
    doc._.electx_meta = {"doc_id": "t", "published": published}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.text, s._.get(DATES)["value"], s._.get(DATES)["timex"]) for s in doc.spans[DATES]]


# (text, publication date, span, expected value)
YEARLESS = [
    # past tense in January: last October
    pytest.param("The campaign raised donations worth $130m in October.", "2024-01-08", "October", "2023-10",
                 id="past-month-last-year"),
    # future tense in March: this December
    pytest.param("The mayor will lead a trade mission in December.", "2024-03-04", "December", "2024-12",
                 id="future-month-this-year"),
    pytest.param("The party will choose its candidate before the election in November.", "2024-03-06",
                 "November", "2024-11", id="future-election-month"),
    # the verb stands more than ten words before the month
    pytest.param("Ms Carter will be sworn in as the first woman to lead the city council after a vote in December.",
                 "2022-03-04", "December", "2022-12", id="far-future-verb"),
    pytest.param("Turnout rose sharply, leaving the party within two points of the record share it set on Aug. 6.",
                 "2023-02-06", "Aug. 6", "2022-08-06", id="far-past-verb"),
    # a far "would" may belong to another clause: the tense stays open, the nearest date wins
    pytest.param("The minister said she would resign as party chair after the heavy defeat in the council "
                 "elections on 4 May.", "2023-07-12", "4 May", "2023-05-04", id="far-would-past"),
    pytest.param("The council said the new ward boundaries would apply to every seat in the district from the "
                 "count on 6 August.", "2023-02-13", "6 August", "2023-08-06", id="far-would-future"),
    # election days either side of publication
    pytest.param("Ms Bass won the June 7 primary with 43% of the vote.", "2022-06-08", "June 7", "2022-06-07",
                 id="primary-yesterday"),
    pytest.param("She faces Mr Caruso in the November 8 runoff.", "2022-06-08", "November 8", "2022-11-08",
                 id="runoff-ahead"),
    # "effective" and "agreed to" look ahead even in a past-tense sentence
    pytest.param("The board created a new elections office, effective Feb. 1.", "2023-10-26", "Feb. 1",
                 "2024-02-01", id="effective"),
    pytest.param("The two parties agreed to hold a joint hustings in February.", "2023-10-30", "February",
                 "2024-02", id="agreed-to"),
    pytest.param("The two parties agreed in June on a joint hustings.", "2023-10-30", "June", "2023-06",
                 id="agreed-without-to"),
]


@pytest.mark.parametrize("text,published,span,value", YEARLESS)
def test_yearless_direction(nlp, text, published, span, value):
    assert (span, value) in [(t, v) for t, v, _ in found(nlp, text, published)]


def test_weekday_keeps_the_near_window():
    """A weekday with no cue nearby stays undecided (read as past); only months look far."""
    doc = spacy.blank("en")("Officials will meet the party's lawyers and the three candidates at the "
                            "council offices in the town centre on Tuesday.")
    day = next(doc[i:i + 1] for i, t in enumerate(doc) if t.text == "Tuesday")
    assert tense_at(day, lexicon()) is None
    assert tense_at(day, lexicon(), far=True) == "future"


# (text, publication date, span, expected TIMEX3 value)
DECADES = [
    pytest.param("Membership fell steadily through the nineties.", "1998-03-03", "the nineties", "199", id="nineties"),
    pytest.param("The seat was safe in the early Eighties.", "2019-05-01", "the early Eighties", "198",
                 id="early-eighties"),
    pytest.param("Turnout has not been this low since the twenties.", "2024-05-01", "the twenties", "202",
                 id="twenties-this-century"),
    pytest.param("Turnout has not been this low since the twenties.", "1998-05-01", "the twenties", "192",
                 id="twenties-last-century"),
    pytest.param("Wages lagged prices in the last decade.", "1998-02-06", "the last decade", "198",
                 id="last-decade"),
    pytest.param("Wages lagged prices in the last decade.", "2020-01-10", "the last decade", "201",
                 id="last-decade-at-turn"),
    pytest.param("A third referendum this decade is unlikely.", "2024-05-01", "this decade", "202", id="this-decade"),
]


@pytest.mark.parametrize("text,published,span,timex", DECADES)
def test_decades(nlp_timex, text, published, span, timex):
    assert (span, None, timex) in found(nlp_timex, text, published)


@pytest.mark.parametrize("text", [
    "The party lost ground over the past decade.",          # a duration
    "It was built in the last decade of the century.",      # the final decade of something
    "A man in his sixties was arrested.",                   # an age
])
def test_not_decades(nlp_timex, text):
    assert [t for t, _, tx in found(nlp_timex, text, "2024-05-01") if tx and len(tx) == 3] == []


def test_decades_are_timex_only(nlp):
    assert found(nlp, "Membership fell through the nineties.", "1998-03-03") == []


@pytest.mark.parametrize("text,span", [
    ("Prices will stay high in the near term.", "the near term"),
    ("The cut helps the party in the short term.", "the short term"),
])
def test_near_term_is_future_ref(nlp_timex, text, span):
    assert (span, None, "FUTURE_REF") in found(nlp_timex, text, "2024-05-01")


def test_short_term_adjective_is_not_a_date(nlp_timex):
    assert found(nlp_timex, "The party took out a short-term loan.", "2024-05-01") == []


def test_decade_words_out_of_range_name_the_entry(tmp_path):
    data = json.loads(json.dumps(lexicon().model_dump(mode="json")))
    data["decade_words"]["hundreds"] = 10
    with pytest.raises(RuleFileError, match="decade_words"):
        validate_lexicon(data, str(tmp_path / "dates.json"))


def test_lexicon_requires_conditional_modals(tmp_path):
    data = json.loads(json.dumps(lexicon().model_dump(mode="json")))
    del data["tense"]["conditional"]
    with pytest.raises(RuleFileError, match="conditional"):
        validate_lexicon(data, str(tmp_path / "dates.json"))


def test_participle_after_article_is_an_adjective():
    """Without a tagger, "the delayed count" sets no tense; the verb further back does."""
    doc = spacy.blank("en")("Officials will announce the delayed count on Friday.")
    day = next(doc[i:i + 1] for i, t in enumerate(doc) if t.text == "Friday")
    assert tense_at(day, lexicon()) == "future"
