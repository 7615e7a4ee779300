"""Percentages: parse a figure's text, and the (linear, bounded) regexes that find them.

>>> parse_percent("42 per cent")
{'value': 42.0, 'unit': 'percent', 'qualifier': None}
>>> parse_percent("Forty-three per cent")["value"]
43.0
>>> parse_percent("3-point lead")
{'value': 3.0, 'unit': 'percentage points', 'qualifier': None}
>>> parse_percent("at least 50%")["qualifier"]
'at_least'
>>> parse_percent("37th") is None
True
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import figure_rules as rules
from .numbers import DIGITS, number_word_regex, parse_digits, parse_words, split_qualifier

#: Largest text a percentage can have (a qualifier, a number, a unit and a margin noun).
MAX_LEN = 80


def number_regex() -> str:
    """A digit numeral or a spelled-out number below 100."""
    return rf"(?:{DIGITS}|(?i:\b{number_word_regex()}\b))"


@lru_cache(maxsize=1)
def unit_regex() -> re.Pattern[str]:
    """A percent unit straight after a number: "%", " per cent", " percentage points"."""
    f = rules.percent_forms()
    signs = rules.alternation(f.signs)
    words = rules.alternation(f.words)
    pp = rules.alternation([w for w in f.point_words if w.startswith("percentage")])
    return re.compile(rf"(?:\s?(?P<sign>{signs})|\s{{1,2}}(?i:(?P<pp>{pp})|(?P<word>{words}))\b)")


@lru_cache(maxsize=1)
def percent_regex() -> re.Pattern[str]:
    """A number followed by a percent unit ("42 per cent", "25.7%", "4.5 percentage points")."""
    return re.compile(rf"(?<![\w.,])(?P<num>{number_regex()}){unit_regex().pattern}")


@lru_cache(maxsize=1)
def margin_regex() -> re.Pattern[str]:
    """ "3-point lead", "a five point margin": a points figure with a margin noun."""
    f = rules.percent_forms()
    points = rules.alternation([w for w in f.point_words if not w.startswith("percentage")])
    nouns = rules.alternation(f.margin_nouns)
    return re.compile(rf"(?<![\w.,])(?P<num>{number_regex()})[-\s](?i:{points})[-\s](?i:(?P<noun>{nouns}))\b")


@lru_cache(maxsize=1)
def points_regex() -> re.Pattern[str]:
    """ "by 5 points", "of roughly 4.5 points", "8 points ahead of": a bare points figure (a margin when the sentence says so).

    The number is group ``num`` (after a preposition) or ``num2`` (before "ahead of", ...).
    """
    f = rules.percent_forms()
    points = rules.alternation([w for w in f.point_words if not w.startswith("percentage")])
    before = rules.alternation(f.points_before)
    after = rules.alternation(f.points_after)
    quals = rules.alternation([q.phrase for q in rules.qualifiers().qualifiers])
    head = rf"(?i:\b(?:{before})\s(?:(?:{quals})\s)?)(?P<num>{number_regex()})\s(?i:(?:{points}))\b"
    if not after:
        return re.compile(head)
    tail = rf"(?<![\w.,])(?P<num2>{number_regex()})\s(?i:(?:{points}))(?=\s(?i:{after})\b)"
    return re.compile(rf"{head}|{tail}")


@lru_cache(maxsize=1)
def range_head_regex() -> re.Pattern[str]:
    """The bare first number of a range that ends where a percentage starts ("40-", "between 40 and ")."""
    return re.compile(rf"(?<![\w.,])(?P<between>(?i:between)\s)?(?P<num>{DIGITS})\s?(?P<join>-|–|(?i:to|and))\s?$")


def value_of(num: str) -> float | None:
    """The numeric value of a digit or word numeral.

    >>> value_of("25.7")
    25.7
    >>> value_of("twenty five")
    25.0
    """
    d = parse_digits(num)
    if d is None:
        d = parse_words(num)
    return None if d is None else float(d)


def parse_percent(text: str) -> dict | None:
    """Value, unit and qualifier of a percentage's text, or None when it is not one."""
    if not text or len(text) > MAX_LEN:
        return None
    qualifier, rest = split_qualifier(text)
    rest = rest.strip()
    for rx, unit in ((margin_regex(), "percentage points"), (percent_regex(), None)):
        m = rx.match(rest)
        if m and m.end() >= len(rest.rstrip(".")):
            value = value_of(m.group("num"))
            if value is None:
                return None
            if unit is None:
                unit = "percentage points" if m.group("pp") else "percent"
            return {"value": value, "unit": unit, "qualifier": qualifier}
    return None
