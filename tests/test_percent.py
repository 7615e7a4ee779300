"""electx_percent: forms, ranges, bare coordination, margins, and what is never a percentage."""
from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.components import percent  # noqa: F401
from extractor.normalize.percent import parse_percent
from extractor.spans import PERCENT
from extractor.tokenizer import customize_tokenizer


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    customize_tokenizer(nlp)
    nlp.add_pipe("electx_percent")
    return nlp


def found(nlp, text: str) -> list[tuple[str, float, str]]:
    doc = nlp(text)
    return [(s.text, s._.electx_percent["value"], s._.electx_percent["unit"]) for s in doc.spans[PERCENT]]


@pytest.mark.parametrize("text,expected", [
    pytest.param("The mayor won 42% of the vote.", [("42%", 42.0, "percent")], id="new-sign"),
    pytest.param("She took 42 per cent.", [("42 per cent", 42.0, "percent")], id="new-per-cent"),
    pytest.param("Support fell to 9 percent.", [("9 percent", 9.0, "percent")], id="new-percent"),
    pytest.param("Turnout was 25.7%.", [("25.7%", 25.7, "percent")], id="new-decimal"),
    pytest.param("Fifty-one per cent agreed.", [("Fifty-one per cent", 51.0, "percent")], id="new-spelled"),
    pytest.param("Backing rose 3 pct.", [("3 pct", 3.0, "percent")], id="new-pct"),
    pytest.param("at least 50% of the vote", [("at least 50%", 50.0, "percent")], id="new-qualifier-in-span"),
])
def test_single_forms(nlp, text, expected) -> None:
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text,values", [
    pytest.param("Estimates range from 40-45%.", [40.0, 45.0], id="new-dash-range"),
    pytest.param("between 40 and 45 per cent of voters", [40.0, 45.0], id="new-between"),
    pytest.param("The result was 52 to 48 percent.", [52.0, 48.0], id="new-to-range"),
    pytest.param("The count stood at 51.2%-47.9% overnight.", [51.2, 47.9], id="new-glued-pair"),
    pytest.param("The Greens lead the Liberals by 39% to 34%.", [39.0, 34.0], id="new-by-pair"),
])
def test_ranges_and_pairs(nlp, text, values) -> None:
    assert [v for _, v, _ in found(nlp, text)] == values


def test_bare_number_by_coordination(nlp) -> None:
    spans = found(nlp, "Smith received 44 per cent of the vote and Jones 31, early returns show.")
    assert ("Jones 31", 31.0, "percent") in spans


def test_bare_numbers_after_link_word(nlp) -> None:
    texts = [t for t, _, _ in found(nlp, "Labour on 40, the Tories on 33 and the Greens on 9 per cent.")]
    assert texts == ["Labour on 40", "Tories on 33", "9 per cent"]


@pytest.mark.parametrize("text,value", [
    pytest.param("Smith held a 3-point lead over Jones.", 3.0, id="new-point-lead"),
    pytest.param("The poll puts her ahead by 5 points.", 5.0, id="new-by-points"),
    pytest.param("a lead of 4.5 percentage points", 4.5, id="new-percentage-points"),
])
def test_margins(nlp, text, value) -> None:
    spans = found(nlp, text)
    assert [(v, u) for _, v, u in spans] == [(value, "percentage points")]


@pytest.mark.parametrize("text", [
    pytest.param("She represents California's 12th district, where she won 60% of the vote.", id="sampled-ordinal"),
    pytest.param("Jones, 45, won 52% after Section 8 was debated.", id="new-age-and-section"),
    pytest.param("In 2004 some 15,000 votes were cast and 61% backed Smith.", id="new-year-and-votes"),
    pytest.param("Smith won 55% of the vote on June 7.", id="new-date-after-percent"),
])
def test_only_the_real_percentage(nlp, text) -> None:
    assert len(found(nlp, text)) == 1


@pytest.mark.parametrize("text", [
    pytest.param("A third of voters and one in four members agreed, two to one.", id="new-word-fractions"),
    pytest.param("He built a double-digit lead.", id="new-double-digit"),
    pytest.param("The team scored 5 points on Sunday.", id="new-points-without-context"),
])
def test_not_percentages(nlp, text) -> None:
    assert found(nlp, text) == []


def test_parse_percent_spelled() -> None:
    assert parse_percent("Forty-three per cent") == {"value": 43.0, "unit": "percent", "qualifier": None}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_parse_never_crashes(text: str) -> None:
    parse_percent(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=1000), st.sampled_from(["%", " per cent", " percent"]))
def test_round_trip(n: int, unit: str) -> None:
    assert parse_percent(f"{n}{unit}")["value"] == float(n)


# --- bare coordinated numbers -----------------------------------------------------------------
def test_bare_pairs_after_a_verb(nlp) -> None:
    got = found(nlp, "The survey found Ramos 41, Walsh 36 among likely voters, with 12% undecided.")
    assert [t for t, _, _ in got] == ["Ramos 41", "Walsh 36", "12%"]


def test_bare_chains_in_a_later_sentence(nlp) -> None:
    got = found(nlp, "Walsh polls 30%. In a runoff, Ramos 48, Walsh 45; Ramos 50, Young 44.")
    assert [v for _, v, _ in got] == [30.0, 48.0, 45.0, 50.0, 44.0]


def test_ages_in_commas_are_not_bare_percentages(nlp) -> None:
    assert found(nlp, "Ramos, 52, and Walsh, 61, met. He got 40%.") == [("40%", 40.0, "percent")]


def test_lone_bare_pair_in_a_later_sentence_is_not_a_percentage(nlp) -> None:
    assert found(nlp, "Walsh polls 30%. Later Ramos 48 was seen.") == [("30%", 30.0, "percent")]


def test_points_after_to_with_margin_context(nlp) -> None:
    got = found(nlp, "Her lead has narrowed to three points.")
    assert got == [("three points", 3.0, "percentage points")]


@pytest.mark.parametrize("text,value", [
    pytest.param("She won it with 48 per cent, 9.5 points ahead of the runner-up.", 9.5, id="new-points-ahead"),
    pytest.param("A poll puts the Greens within three points of Labour.", 3.0, id="new-within-points"),
    pytest.param("Officials reported a swing of roughly 11 points against the government.", 11.0,
                 id="new-qualified-points"),
])
def test_bare_points_figures(nlp, text, value) -> None:
    doc = nlp(text)
    assert [s._.electx_percent["value"] for s in doc.spans[PERCENT]][-1:] == [value]


def test_points_without_frame_are_not_percentages(nlp) -> None:
    doc = nlp("The team scored 11 points in the second half.")
    assert list(doc.spans[PERCENT]) == []
