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
    """A spelled-out number ("twenty five", "a hundred", "three million"), spoken decimals and
    fractions included ("six point two million", "nine and a half", "three-quarters of a million").

    >>> parse_words("Twenty five")
    Decimal('25')
    >>> parse_words("a million")
    Decimal('1000000')
    >>> parse_words("twelve hundred and fifty")
    Decimal('1250')
    >>> parse_words("six point two million")
    Decimal('6200000.0')
    >>> parse_words("nine and a half million"), parse_words("a million and a half")
    (Decimal('9500000.0'), Decimal('1500000.0'))
    >>> parse_words("three-quarters of a million"), parse_words("half a")
    (Decimal('750000.00'), Decimal('0.5'))
    >>> parse_words("banana") is None, parse_words("point two") is None, parse_words("and a half") is None
    (True, True, True)
    """
    words = [w for w in re.split(r"[\s\-]+", text.strip().lower()) if w]
    if not words or len(words) > _MAX_WORDS + 4:
        return None
    sc = rules.scales()
    values = _word_values()
    articles = set(sc.articles)
    fractions = {w: Decimal(v) for w, v in sc.fractions.items()}
    total = current = Decimal(0)
    pending: Decimal | None = None  # a fraction waiting for its scale ("three quarters of a" million)
    last_scale: Decimal | None = None  # the scale word just read, for "a million and a half"
    seen = False
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if w == "and":
            if i + 2 < n and words[i + 1] in ("a", "one") and words[i + 2] in fractions and seen:
                frac = fractions[words[i + 2]] * (last_scale or 1)  # "nine and a half", "a million and a half"
                if last_scale is not None and last_scale >= 1000:
                    total += frac
                else:
                    current += frac
                i += 3
                continue
            if not seen or i == n - 1:
                return None
            i += 1
            continue
        last_scale = None
        if w in values:
            current += values[w]
            seen = True
        elif w in sc.decimal_words and seen and i + 1 < n:
            digits = ""
            while i + 1 < n and words[i + 1] in values and values[words[i + 1]] < 10:
                digits += str(values[words[i + 1]])
                i += 1
            if not digits or len(digits) > 3:
                return None
            current += Decimal("0." + digits)
        elif w in fractions and pending is None:
            pending = (current or Decimal(1)) * fractions[w]  # "half", "three quarters"
            current = Decimal(0)
            seen = True
            if i + 1 < n and words[i + 1] == "of":
                i += 1
        elif w in articles and (i == 0 or pending is not None and current == 0) and n > 1:
            current += 1
        elif (f := scale_factor(w)) is not None and w.isalpha() and len(w) > 2:
            if pending is not None:
                current, pending = pending * f, None
            else:
                current = (current or Decimal(1)) * f
            last_scale = f
            if f >= 1000:
                total += current
                current = Decimal(0)
            seen = True
        else:
            return None
        i += 1
    if pending is not None:
        return total + pending
    return total + current if seen else None


@lru_cache(maxsize=1)
def spoken_number_regex() -> str:
    """Spelled-out amounts of more than one number word, for figures that a scale or unit follows:
    "twelve hundred and fifty", "six point two", "nine and a half", "a million and a half",
    "three-quarters of a", "half a" (the last two need the scale word after them).
    """
    sc = rules.scales()
    num = number_word_regex()
    digit = rules.alternation([u for u, v in sc.units.items() if v < 10])
    point = rules.alternation(sc.decimal_words or ["point"])
    frac = rules.alternation(list(sc.fractions) or ["half"])
    big = rules.alternation([w for s in sc.scales if Decimal(s.factor) >= 1000 for w in s.words])
    one = r"(?:an?|one)"
    return (rf"(?:{num})\s(?:hundred)(?:\s(?:and\s)?(?:{num}))?(?![\w-])"
            rf"|(?:{num})\s(?:{point})(?:\s(?:{digit})){{1,3}}(?![\w-])"
            rf"|(?:{num}|{one})\sand\s(?:a|one)\s(?:{frac})(?![\w-])"
            rf"|{one}\s(?:{big})\sand\s(?:a|one)\s(?:{frac})(?![\w-])"
            rf"|(?:(?:{one}|three)[\s-])?(?:{frac})\s(?:of\s)?an?(?=\s(?:{big})\b)")


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
