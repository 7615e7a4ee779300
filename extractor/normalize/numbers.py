"""Parse numerals: digits with thousands separators and decimals, spelled-out numbers,
scale words and suffixes.  Pure functions; word lists come from ``models/shared``.

>>> parse_number("1,981")
Decimal('1981')
>>> parse_number("forty-three")
Decimal('43')
>>> parse_number("1.2bn")
Decimal('1200000000')
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from . import figure_rules as rules

#: A digit numeral: "1,981", "25.7", "11,724,929", "2.36" (bounded, so linear).
DIGITS = r"(?:\d{1,3}(?:,\d{3}){1,5}(?![\d,]\d)|\d{1,15})(?:\.\d{1,6})?"
_MAX_WORDS = 8


@lru_cache(maxsize=1)
def _word_values() -> dict[str, int]:
    s = rules.scales()
    return {**s.units, **s.tens}


@lru_cache(maxsize=1)
def _scale_factors() -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for sc in rules.scales().scales:
        for form in (*sc.words, *sc.suffixes):
            out[form.lower()] = Decimal(sc.factor)
    return out


@lru_cache(maxsize=1)
def number_word_regex() -> str:
    """A regex for a spelled-out number below 100 ("forty-three", "twenty five", "seven")."""
    s = rules.scales()
    tens = rules.alternation(list(s.tens))
    units = rules.alternation([u for u in s.units if s.units[u] < 10 and u != "zero"])
    teens = rules.alternation(list(s.units))
    return rf"(?:(?:{tens})(?:[-\s](?:{units}))?|{teens})"


@lru_cache(maxsize=1)
def scale_word_regex() -> str:
    """Scale words ("million") and suffixes ("bn", "m") as one alternation."""
    forms = [f for sc in rules.scales().scales for f in (*sc.words, *sc.suffixes)]
    return rules.alternation(forms)


def clean(d: Decimal) -> Decimal:
    """Drop a meaningless fractional part or exponent: 1200000000.0 -> 1200000000.

    >>> clean(Decimal("1.50"))
    Decimal('1.5')
    >>> clean(Decimal("2.3E+9"))
    Decimal('2300000000')
    """
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def scale_factor(word: str) -> Decimal | None:
    """The multiplier of a scale word or suffix.

    >>> scale_factor("bn")
    Decimal('1000000000')
    >>> scale_factor("-million")
    Decimal('1000000')
    >>> scale_factor("apples") is None
    True
    """
    return _scale_factors().get(word.strip().lstrip("-").lower().rstrip("."))


def parse_digits(text: str) -> Decimal | None:
    """A digit numeral with optional thousands commas.

    >>> parse_digits("11,724,929")
    Decimal('11724929')
    >>> parse_digits("1,2,3") is None
    True
    """
    t = text.strip()
    if not re.fullmatch(DIGITS, t):
        return None
    try:
        return Decimal(t.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - DIGITS admits only valid numerals
        return None


def parse_words(text: str) -> Decimal | None:
    """A spelled-out number ("twenty five", "a hundred", "three million").

    >>> parse_words("Twenty five")
    Decimal('25')
    >>> parse_words("a million")
    Decimal('1000000')
    >>> parse_words("banana") is None
    True
    """
    words = re.split(r"[\s\-]+", text.strip().lower())
    words = [w for w in words if w and w != "and"]
    if not words or len(words) > _MAX_WORDS:
        return None
    values = _word_values()
    articles = set(rules.scales().articles)
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    for i, w in enumerate(words):
        if w in values:
            current += values[w]
            seen = True
        elif w in articles and i == 0 and len(words) > 1:
            current += 1
        elif (f := scale_factor(w)) is not None and w.isalpha() and len(w) > 2:
            current = (current or Decimal(1)) * f
            if f >= 1000:
                total += current
                current = Decimal(0)
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_number(text: str) -> Decimal | None:
    """Digits or words, with an optional trailing scale ("1.2 billion", "35m", "five million").

    >>> parse_number("1.2 billion")
    Decimal('1200000000')
    >>> parse_number("twenty")
    Decimal('20')
    >>> parse_number("") is None
    True
    """
    t = text.strip()
    if not t or len(t) > 80:
        return None
    m = re.fullmatch(rf"({DIGITS})\s{{0,2}}([A-Za-z]{{1,8}})?", t)
    if m:
        base = parse_digits(m.group(1))
        if base is None:
            return None
        if m.group(2):
            f = scale_factor(m.group(2))
            return None if f is None else clean(base * f)
        return base
    words = parse_words(t)
    return None if words is None else clean(words)


@lru_cache(maxsize=1)
def _qualifier_regex() -> re.Pattern[str]:
    phrases = [q.phrase for q in rules.qualifiers().qualifiers]
    return re.compile(rf"(?i)(?:^|(?<=\s))(?:{rules.alternation(phrases)})\s{{1,3}}$")


@lru_cache(maxsize=1)
def _qualifier_map() -> dict[str, str]:
    return {q.phrase.lower(): q.qualifier for q in rules.qualifiers().qualifiers}


def qualifier_before(prefix: str) -> tuple[str | None, int]:
    """The qualifier that ends ``prefix`` (the text just before a figure), and its length.

    >>> qualifier_before("spent more than ")
    ('more_than', 10)
    >>> qualifier_before("Some ")
    ('about', 5)
    >>> qualifier_before("the ")
    (None, 0)
    """
    m = _qualifier_regex().search(prefix[-40:])
    if not m:
        return None, 0
    phrase = " ".join(m.group(0).split()).lower()
    return _qualifier_map().get(phrase), len(m.group(0))


@lru_cache(maxsize=1)
def _trailing_regex() -> re.Pattern[str] | None:
    phrases = [q.phrase for q in rules.qualifiers().trailing]
    if not phrases:
        return None
    return re.compile(rf"(?i)\s{{1,3}}({rules.alternation(phrases)})\b(?![ \t]{{1,3}}than\b|-)")


@lru_cache(maxsize=1)
def _trailing_map() -> dict[str, str]:
    return {q.phrase.lower(): q.qualifier for q in rules.qualifiers().trailing}


def qualifier_after(suffix: str) -> tuple[str | None, int]:
    """The trailing qualifier that starts ``suffix`` (the text just after an amount), and its length.

    >>> qualifier_after(" or less in cash")
    ('at_most', 8)
    >>> qualifier_after(" or more than that"), qualifier_after(" or £10 each")
    ((None, 0), (None, 0))
    """
    rx = _trailing_regex()
    m = rx.match(suffix[:30]) if rx else None
    if not m:
        return None, 0
    return _trailing_map().get(" ".join(m.group(1).split()).lower()), m.end()


def split_trailing_qualifier(text: str) -> tuple[str | None, str]:
    """Split a trailing qualifier off a figure's text.

    >>> split_trailing_qualifier("$200 or less")
    ('at_most', '$200')
    >>> split_trailing_qualifier("$200")
    (None, '$200')
    """
    t = text.rstrip()
    rx = _trailing_regex()
    if rx is None:
        return None, t
    for m in rx.finditer(t, max(0, len(t) - 30)):
        if m.end() == len(t):
            return _trailing_map().get(" ".join(m.group(1).split()).lower()), t[:m.start()]
    return None, t


def split_qualifier(text: str) -> tuple[str | None, str]:
    """Split a leading qualifier off a figure's text.

    >>> split_qualifier("more than $35 million")
    ('more_than', '$35 million')
    >>> split_qualifier("42 per cent")
    (None, '42 per cent')
    """
    t = text.strip()
    m = _leading_qualifier_regex().match(t)
    if not m:
        return None, t
    return _qualifier_map().get(" ".join(m.group(1).split()).lower()), t[m.end():]


@lru_cache(maxsize=1)
def _leading_qualifier_regex() -> re.Pattern[str]:
    phrases = [q.phrase for q in rules.qualifiers().qualifiers]
    return re.compile(rf"(?i)({rules.alternation(phrases)})\s{{1,3}}")
