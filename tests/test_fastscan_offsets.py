"""fastscan searches back from a required literal only as far as a match can reach before it."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import fastscan
from extractor.normalize.money import money_regex
from extractor.normalize.percent import percent_regex

FILLER = "The campaign went on for weeks across the country. "


def same(rx: re.Pattern[str], text: str) -> None:
    want = [(m.start(), m.end(), m.groups()) for m in rx.finditer(text)]
    assert [(m.start(), m.end(), m.groups()) for m in fastscan.finditer(rx, text)] == want


def test_offset_is_what_a_match_consumes_before_the_literal() -> None:
    rx = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d)?\s?%")
    assert fastscan._offsets(rx.pattern, rx.flags) == {"%": 6}


def test_literal_at_the_start_has_offset_zero() -> None:
    rx = re.compile(r"(?:US\$|\$)\d{1,3}(?:\s(?:million|billion))?")
    assert fastscan._offsets(rx.pattern, rx.flags) == {"US$": 0, "$": 0}


def test_a_literal_in_several_places_takes_the_furthest() -> None:
    rx = re.compile(r"[a-z]\d{0,4}x|\d{0,9}x")
    assert fastscan._offsets(rx.pattern, rx.flags) == {"x": 9}


def test_money_far_from_its_currency_word_is_found() -> None:
    text = (FILLER * 30 + "a bill of seventy-seven hundred and seventy-seven dollars, then $35 million (£28 million)"
            + FILLER * 30 + "and 1,000,000,000.25 per cent. " + FILLER * 30)
    same(money_regex(), text)
    same(percent_regex(), text)
    assert len(list(fastscan.finditer(money_regex(), text))) == 3
    assert len(list(fastscan.finditer(percent_regex(), text))) == 1


_PIECES = ["$", "£", "US$", "35", "1,250", "2.5", "million", "bn", "dollars", "pounds", "euros", "twelve",
           "hundred", "and", "fifty", "seventy-seven", "1,000,000.25", "a", "half", "per", "cent", "%", "percent", "percentage", "points", "EUR",
           "USD", "Europe", "decade", "the", "vote", "(", ")", ","]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.integers(0, 40), st.integers(0, 40))
def test_windowed_scan_equals_finditer(words: list[str], before: int, after: int) -> None:
    text = FILLER * before + " ".join(words) + " " + FILLER * after + " ".join(reversed(words))
    for rx in (money_regex(), percent_regex()):
        same(rx, text)


def test_a_literal_holding_a_shorter_one_is_not_searched_for() -> None:
    rx = re.compile(r"(?<![\w.,])\d{1,3}\s(?:dollars|dollar|bucks)")
    assert fastscan._search_set(rx.pattern, rx.flags) == (("bucks", 4), ("dollar", 4))
    same(rx, FILLER * 20 + "paid 30 dollars and 4 dollar and 12 bucks" + FILLER * 20)


def test_a_lead_starting_with_a_shorter_lead_is_not_searched_for() -> None:
    rx = re.compile(r"(?:majority|major|lead)\s(?:of\s)?\d{1,3}")
    assert fastscan._lead_set(rx.pattern, rx.flags) == ("lead", "major")
    same(rx, FILLER * 20 + "a majority of 12, a major 7 and a lead of 3" + FILLER * 20)
