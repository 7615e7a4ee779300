"""Money: amounts as Decimal plus an ISO 4217 code, and the bounded regex that finds them.

>>> parse_amount("$2.3 billion")
(Decimal('2300000000'), 'USD')
>>> parse_amount("£1.5bn")
(Decimal('1500000000'), 'GBP')
>>> parse_money("more than $35 million")
{'amount': Decimal('35000000'), 'currency': 'USD', 'qualifier': 'more_than'}
>>> parse_money("35 million dollars")["amount"]
Decimal('35000000')
>>> parse_money("millions") is None
True
>>> [parse_amount(t)[0] for t in ("six point two million dollars", "twelve hundred and fifty dollars",
...                               "two and a half million dollars", "three-quarters of a million dollars")]
[Decimal('6200000'), Decimal('1250'), Decimal('2500000'), Decimal('750000')]
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from . import figure_rules as rules
from .numbers import (DIGITS, clean, number_word_regex, parse_digits, parse_words, scale_factor, split_qualifier,
                      split_trailing_qualifier, spoken_number_regex)

MAX_LEN = 80


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(symbol -> code, written code -> code, lowercase word -> code); first entry wins."""
    syms: dict[str, str] = {}
    codes: dict[str, str] = {}
    words: dict[str, str] = {}
    for cur in rules.currencies().currencies:
        for s in cur.symbols:
            syms.setdefault(s, cur.code)
        for c in cur.codes:
            codes.setdefault(c, cur.code)
        for w in cur.words:
            words.setdefault(" ".join(w.lower().split()), cur.code)
    return syms, codes, words


def currency_of(token: str) -> str | None:
    """ISO code for a symbol, written code or currency word.

    >>> currency_of("US$"), currency_of("£"), currency_of("euros"), currency_of("GBP")
    ('USD', 'GBP', 'EUR', 'GBP')
    >>> currency_of("apples") is None
    True
    """
    syms, codes, words = _lookup()
    t = token.strip()
    return syms.get(t) or codes.get(t) or words.get(" ".join(t.lower().split()))


@lru_cache(maxsize=1)
def _scale_regex() -> str:
    words, long_suffixes, short_suffixes = [], [], []
    for sc in rules.scales().scales:
        if Decimal(sc.factor) < 1000:
            continue
        words += sc.words
        for s in sc.suffixes:
            (long_suffixes if len(s) > 1 else short_suffixes).append(s)
    # "$2 million", "C$85-million", "£3bn", "$2.3M", "$900K"
    return (rf"(?:(?:\s{{1,2}}|-)(?i:{rules.alternation(words)})\b"
            rf"|\s?(?:{rules.alternation(long_suffixes)})(?![A-Za-z])"
            rf"|(?i:{rules.alternation(short_suffixes)})(?![A-Za-z]))")


@lru_cache(maxsize=1)
def money_regex() -> re.Pattern[str]:
    """Symbol, code or currency-word amounts; qualifiers are found separately (qualifier_before)."""
    syms, codes, words = _lookup()
    sym = rules.alternation(list(syms))
    code = rules.alternation(list(codes))
    word = rules.alternation(sorted(set(words), key=lambda w: (-len(w), w)))
    scale = _scale_regex()
    numw = number_word_regex()
    spoken = spoken_number_regex()
    return re.compile(
        rf"(?P<sym>(?<![A-Za-z0-9]){sym}|(?<![A-Za-z])(?:{code})\s?)(?P<num>{DIGITS})(?P<scale>{scale})?"
        rf"(?:\s(?P<word>(?i:{word}))\b)?"
        rf"|(?<![\w.,$£€¥])(?P<num2>(?i:\b(?:{spoken}))|{DIGITS}|(?i:\b{numw}\b)"
        rf"|(?i:\ban?\b)(?=\s(?i:{rules.alternation(_scale_words())})))"
        rf"(?P<scale2>{scale})?\s(?P<word2>(?i:{word})\b|(?:{code})\b)"
    )


@lru_cache(maxsize=1)
def _scale_words() -> list[str]:
    return [w for sc in rules.scales().scales if Decimal(sc.factor) >= 1000 for w in sc.words]


def amount_from_match(m: re.Match[str]) -> tuple[Decimal, str] | None:
    """The amount and ISO code of a :func:`money_regex` match."""
    if m.group("sym") is not None:
        code = currency_of(m.group("sym").strip())
        num, scale = m.group("num"), m.group("scale")
        if m.group("word") and currency_of(m.group("word")) not in (None, code) and code != "USD":
            return None
    else:
        code = currency_of(m.group("word2"))
        num, scale = m.group("num2"), m.group("scale2")
    if code is None:
        return None
    if num.lower() in ("a", "an"):
        base: Decimal | None = Decimal(1)
    else:
        base = parse_digits(num)
        if base is None:
            base = parse_words(num)
    if base is None:
        return None
    if scale:
        f = scale_factor(scale)
        if f is None:
            return None
        base = base * f
    return clean(base), code


def parse_amount(text: str) -> tuple[Decimal, str] | None:
    """(amount, ISO code) of a money text without qualifier, or None."""
    if not text or len(text) > MAX_LEN:
        return None
    t = text.strip()
    m = money_regex().match(t)
    if not m or m.end() != len(t.rstrip(".")):
        return None
    return amount_from_match(m)


def parse_money(text: str) -> dict | None:
    """{amount, currency, qualifier} of a money text that may start with a qualifier."""
    if not text or len(text) > MAX_LEN:
        return None
    qualifier, rest = split_qualifier(text)
    trailing, rest = split_trailing_qualifier(rest)
    qualifier = qualifier or trailing
    parsed = parse_amount(rest)
    if parsed is None:
        return None
    return {"amount": parsed[0], "currency": parsed[1], "qualifier": qualifier}
