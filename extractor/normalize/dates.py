"""Date expressions: the word lists (``models/shared/dates.json``), the patterns built from
them, and pure resolution against a reference date (no spaCy).

A date is resolved at the precision the text gives and returned as a :class:`DateValue`:
an ISO value (``"2022-11-08"``, ``"2021-12"``, ``"2028"``; seasons, quarters and halves
give the year), its TIMEX3 value (``"2020-SU"``, ``"2004-Q4"``, ``"2013-W11"``, ``"199"``,
``"PRESENT_REF"``), the granularity, and a reason when the value is null.

>>> resolve("December last year", "month_rel_year", date(2022, 1, 3)).value
'2021-12'
>>> resolve("the summer of 2020", "season_year", None).timex
'2020-SU'
>>> resolve("yesterday", "relative_day", None).reason
'no publication date'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import RuleFileError
from ..resources import models_dir, shared_data, validate_rule_file

Tense = Literal["past", "present", "future"]

# --------------------------------------------------------------------------- word lists


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NamedDay(_Strict):
    """A named day with a calendar entry (a fixed month/day, or an nth-weekday rule), or
    with none ("polling day": only the article can date it, so ``article_election`` is set)."""

    phrase: str
    month: int | None = None
    day: int | None = None
    weekday: str | None = None
    after_first: str | None = None
    nth: int | None = None
    #: the day of the article's own election ("Election Day"); the calendar rule is a fallback
    article_election: bool = False
    #: the country whose calendar the rule follows (ISO 3166 alpha-2), when it matters
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")

    @model_validator(mode="after")
    def _dated_somehow(self) -> "NamedDay":
        if self.month is None and not self.article_election:
            raise ValueError(f"{self.phrase!r}: a named day needs a month, or article_election true")
        return self


class ElectionDayCues(_Strict):
    """How the component finds the date of the election an article is about."""

    nouns_after: list[str]
    verbs_before_on: list[str]
    voting_cues: list[str]
    days_before_publication: int
    #: a percentage followed by one of these reports a result ("41% of the vote")
    results_after_percent: list[str]
    calendar_cues: list[str]
    #: words between a named day and the date that defines it ("Election Day is Nov. 3")
    named_day_links: list[str]
    #: words right before "Tuesday's primary" that look ahead to it ("ahead of", "before"):
    #: the results-story rule (the election just held) does not apply
    preview_before: list[str]


class YearWords(_Strict):
    """Spelled-out years: "nineteen ninety-six", "the year two thousand"."""

    ones: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    centuries: dict[str, int]


class EventCue(_Strict):
    phrase: str
    event: Literal["election", "primary", "runoff", "general", "vote", "other"]
    generic: bool = False


class TenseWords(_Strict):
    future: list[str]
    #: modals that set a date's tense only near it: further off, the date may belong to
    #: another clause ("said he would stand down after the losses in the elections on 2 May")
    conditional: list[str]
    present: list[str]
    past: list[str]
    not_past_ed: list[str]
    #: followed by "to", these speak of what is still to come ("we have to win before May")
    obligation: list[str]
    #: before a present-tense cue word, these make it an adjective ("a close race")
    not_verb_after: list[str]
    #: a few words before a date, with no verb between, these put it in the past ("since
    #: Tuesday", "since shortly after the Oct. 23 shooting")
    past_before: list[str] = []
    #: before a past participle, these make it no finite verb ("for granted", "than expected")
    participle_after: list[str] = []


class DateLexicon(_Strict):
    """The validated contents of ``models/shared/dates.json``."""

    months: dict[str, list[str]]
    ambiguous_months: list[str]
    weekdays: dict[str, list[str]]
    seasons: dict[str, Literal["SP", "SU", "FA", "WI"]]
    quarters: dict[str, int]
    halves: dict[str, int]
    relative: dict[str, int]
    relative_days: dict[str, int]
    #: right before a day date, these shift it ("the day before Tuesday's vote": Monday)
    day_shift_before: dict[str, int] = {}
    #: right before a day date, these make it that date's week ("the week of March 6"; TIMEX3 only)
    week_of_before: list[str] = []
    #: between a month-day and a bare day number that shares its month ("April 24 and 25")
    second_day_links: list[str] = []
    #: after "today's", nouns that make it generic, not a date ("today's youth")
    generic_after_today: list[str] = []
    day_parts: dict[str, Literal["MO", "AF", "EV", "NI"]]
    number_words: dict[str, int | None]
    year_words: YearWords
    #: spelled decades and their tens digit ("nineties": 9)
    decade_words: dict[str, int]
    units: dict[str, Literal["day", "week", "month", "year", "decade"]]
    vague: dict[str, Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]]
    named_days: list[NamedDay]
    #: after a named day, nouns it modifies ("Christmas tree", "Christmas bonus"): not a date
    named_day_modified: list[str] = []
    election_day: ElectionDayCues
    #: right before a weekday or named day in a clause not in the past, these look ahead to
    #: it ("open until Saturday", "a deal by Christmas")
    forward_before: list[str] = []
    #: after "the <season>", nouns that make the season a modifier of a dated event ("the
    #: spring primary", "the autumn budget")
    season_nouns_after: list[str] = []
    year_range: tuple[int, int]
    year_context_before: list[str]
    year_list_links: list[str]
    year_noun_after: list[str]
    count_nouns_after: list[str]
    money_or_percent_after: list[str]
    money_before: list[str]
    not_day_after: list[str]
    tense: TenseWords
    hypothetical_cues: list[str]
    vague_blockers_after: list[str]
    events: list[EventCue]
    event_window: int
    not_dates: list[str]
    organisation_year_before_pattern: str
    person_title_before_month: list[str]
    #: words that join two months in a range ("April through June")
    month_range_links: list[str]

    @field_validator("months")
    @classmethod
    def _twelve_months(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        if len(v) != 12 or any(not forms for forms in v.values()):
            raise ValueError("needs 12 months, each with at least one form, e.g. \"may\": [\"May\"]")
        return v

    @field_validator("weekdays")
    @classmethod
    def _seven_days(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        if list(v) != ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]:
            raise ValueError("needs the seven weekdays monday..sunday in order, e.g. \"monday\": [\"Monday\", \"Mon\"]")
        return v

    @field_validator("decade_words")
    @classmethod
    def _tens(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, n in v.items() if not 0 <= n <= 9]
        if bad:
            raise ValueError(f"tens digit out of range: {bad}; use e.g. \"nineties\": 9")
        return v

    @field_validator("quarters", "halves")
    @classmethod
    def _in_range(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, n in v.items() if not 1 <= n <= 4]
        if bad:
            raise ValueError(f"ordinal out of range: {bad}; use e.g. \"third\": 3")
        return v


def validate_lexicon(data: Any, path: str) -> DateLexicon:
    """Validate parsed dates.json data; raise RuleFileError E004 naming the first bad entry."""
    lex = validate_rule_file(DateLexicon, data, path)
    try:
        re.compile(lex.organisation_year_before_pattern)
    except re.error as exc:
        raise RuleFileError("E004", path=path, entry="organisation_year_before_pattern", detail=str(exc)) from None
    return lex


@lru_cache(maxsize=1)
def lexicon() -> DateLexicon:
    """The shipped date word lists (validated once)."""
    return validate_lexicon(shared_data("dates"), str(Path(models_dir()) / "shared" / "dates.json"))


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ISO value (or None), TIMEX3 value, granularity, reason for a null value."""

    value: str | None
    timex: str | None
    granularity: str | None
    reason: str | None = None

    @property
    def year(self) -> int | None:
        src = self.timex if self.timex and self.timex[:4].isdigit() else self.value
        return int(src[:4]) if src and src[:4].isdigit() else None


@dataclass(frozen=True)
class Context:
    """What the rest of the article says: a stated year for yearless dates when there is no
    publication date, and the last resolved date (for "a year earlier", "the quarter")."""

    year_hint: int | None = None
    last: DateValue | None = None
    last_quarter: DateValue | None = None


NO_PUB = "no publication date"
NO_YEAR = "no year stated and no publication date"


def _day(d: date) -> DateValue:
    s = d.isoformat()
    return DateValue(s, s, "day")


def _month(y: int, m: int) -> DateValue:
    s = f"{y:04d}-{m:02d}"
    return DateValue(s, s, "month")


def _year(y: int) -> DateValue:
    return DateValue(f"{y:04d}", f"{y:04d}", "year")


NOT_A_DAY = "a week is not a calendar date"
NO_QUARTER = "no quarter stated"
#: Reasons for which GOLD_FORMAT does not count the expression as a date at all (TIMEX3 does).
NOT_GOLD_DATES = frozenset({NOT_A_DAY, NO_QUARTER})


def _week(d: date, suffix: str = "") -> DateValue:
    """A week keeps its TIMEX3 value ("2013-W11"); GOLD_FORMAT gives weeks no value."""
    iy, iw, _ = d.isocalendar()
    s = f"{iy:04d}-W{iw:02d}"
    return DateValue(None, s + suffix, "week", NOT_A_DAY)


def week_of(d: date) -> DateValue:
    """The ISO week holding a day ("the week of March 6").

    >>> week_of(date(2000, 3, 6)).timex
    '2000-W10'
    """
    return _week(d)


def _quarter(y: int, q: int) -> DateValue:
    return DateValue(f"{y:04d}", f"{y:04d}-Q{q}", "quarter")


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """Shift a (year, month) by n months.

    >>> add_months(2022, 1, -1)
    (2021, 12)
    """
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def weekday_date(ref: date, weekday: int, direction: int) -> date:
    """The weekday (0 = Monday) nearest ``ref`` in a direction: -1 before, +1 after, 0 = ref's week.

    >>> weekday_date(date(2022, 6, 8), 1, -1)
    datetime.date(2022, 6, 7)
    >>> weekday_date(date(2004, 10, 28), 3, 1)
    datetime.date(2004, 11, 4)
    """
    if direction < 0:
        return ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)
    if direction > 0:
        return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    return ref + timedelta(days=weekday - ref.weekday())


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def pick_year(month: int, day: int | None, ref: date, tense: str | None, weekday: int | None = None,
              slack: int = 60) -> int | None:
    """The year of a yearless month (and day) seen from ``ref``: the nearest occurrence; in
    the past tense the latest one not more than ``slack`` days after ref, in the future or
    present tense ("the runoff is on November 5": news reports past dates in the past tense)
    the first one not more than ``slack`` days before it. With a weekday, only years where
    the date falls on it qualify.

    >>> pick_year(11, 5, date(2024, 3, 6), "present")
    2024

    >>> pick_year(11, 8, date(2022, 6, 8), "future")
    2022
    >>> pick_year(12, None, date(2022, 1, 3), "past")
    2021
    >>> pick_year(8, 6, date(1998, 2, 6), "past")
    1997
    >>> pick_year(3, 11, date(2004, 12, 1), None, weekday=4)
    2005
    """
    cands: list[tuple[date, date, int]] = []
    for y in range(ref.year - 6, ref.year + 7):
        first = _safe_date(y, month, day or 1)
        if first is None or (weekday is not None and day is not None and first.weekday() != weekday):
            continue
        last = first if day else date(*add_months(y, month, 1), 1) - timedelta(days=1)
        cands.append((first, last, y))
    if not cands:
        return None
    if weekday is None:
        cands = [c for c in cands if abs(c[2] - ref.year) <= 1]
        if tense == "past":
            past = [c for c in cands if (c[0] - ref).days <= slack]
            return max(past)[2] if past else None
        if tense in ("future", "present"):
            fut = [c for c in cands if (ref - c[1]).days <= slack]
            return min(fut)[2] if fut else None

    def distance(c: tuple[date, date, int]) -> int:
        return 0 if c[0] <= ref <= c[1] else min(abs((c[0] - ref).days), abs((c[1] - ref).days))

    return min(cands, key=lambda c: (distance(c), c[0]))[2]


# --------------------------------------------------------------------------- patterns


def _alt(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


@dataclass(frozen=True)
class Patterns:
    """The compiled expression patterns, one per kind (built from the lexicon)."""

    by_kind: dict[str, re.Pattern[str]]
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    #: per kind, lowercase substrings one of which must occur in a text for the kind to match
    triggers: dict[str, tuple[str, ...]]

    #: per kind, the longest text its pattern can match (None: unbounded or unknown)
    widths: dict[str, int | None]
    #: kinds whose triggers only count as whole words ("March", not "market")
    whole_words: frozenset[str] = frozenset()

    def kinds_for(self, text: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """The kinds worth scanning text for (a cheap substring test per kind)."""
        low = text.lower()
        return tuple(k for k in kinds if not self.triggers.get(k) or any(w in low for w in self.triggers[k]))

    def windows(self, low: str, kind: str, cache: dict[tuple[object, ...], list[int]] | None = None
                ) -> list[tuple[int, int]] | None:
        """Where in ``low`` (the lowercased text) a match of ``kind`` can lie: merged
        (start, end) ranges around each occurrence of one of its triggers, wide enough for the
        longest match plus its lookahead; None when the kind has no trigger (scan it all).

        >>> patterns().windows("polls close on november 8.", "month_day")
        [(0, 26)]
        >>> patterns().windows("no date here", "month_day")
        []
        """
        words = self.triggers.get(kind)
        width = self.widths.get(kind)
        if not words or width is None:
            return None
        whole = kind in self.whole_words
        hits = cache.get((whole, *words)) if cache is not None else None
        if hits is None:
            hits = _find_any(low, words, whole)
            if cache is not None:
                cache[(whole, *words)] = hits
        out: list[tuple[int, int]] = []
        for i in hits:
            # a match holding the trigger at i starts after i - width and ends before i + width
            s, e = max(0, i - width), min(len(low), i + width + _LOOKAHEAD_MARGIN)
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        return out


#: characters past the longest match that a pattern's lookahead may read
_LOOKAHEAD_MARGIN = 40


def _find_all(text: str, word: str, whole: bool = False) -> list[int]:
    """Offsets of word in text (only where it stands as a whole word, with ``whole``)."""
    out, i, n = [], text.find(word), len(word)
    while i >= 0:
        if not whole or ((i == 0 or not text[i - 1].isalnum()) and (i + n >= len(text) or not text[i + n].isalnum())):
            out.append(i)
        i = text.find(word, i + 1)
    return out


def _find_any(text: str, words: tuple[str, ...], whole: bool = False) -> list[int]:
    """Sorted offsets where one of ``words`` occurs (as a whole word, with ``whole``): one
    ``find`` pass per word that no other word starts with ("sep" also finds "sept" and
    "september"), then the longer words are tested where it occurs.

    >>> _find_any("in sept. and september, not separately", ("sep", "sept", "september"), whole=True)
    [3, 13]
    """
    out: list[int] = []
    for root, longer in _prefix_roots(words):
        for i in _find_all(text, root):
            if not whole:
                out.append(i)
                continue
            if i > 0 and text[i - 1].isalnum():
                continue
            for w in longer:
                if text.startswith(w, i) and (i + len(w) >= len(text) or not text[i + len(w)].isalnum()):
                    out.append(i)
                    break
    out.sort()
    return out


@lru_cache(maxsize=64)
def _prefix_roots(words: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The words no other word is a prefix of, each with the words it is a prefix of (itself first)."""
    uniq = sorted(set(words), key=lambda w: (len(w), w))
    roots: list[tuple[str, list[str]]] = []
    for w in uniq:
        for root, longer in roots:
            if w.startswith(root):
                longer.append(w)
                break
        else:
            roots.append((w, [w]))
    return tuple((root, tuple(longer)) for root, longer in roots)


def _max_width(rx: re.Pattern[str]) -> int | None:
    """The longest text rx can match (None if unbounded or not computable here)."""
    try:
        from re import _parser  # the stdlib's own parser; only for a speed bound

        hi = _parser.parse(rx.pattern, rx.flags).getwidth()[1]
    except Exception:  # noqa: BLE001 - any failure means: scan the whole text
        return None
    return hi if hi < 10_000 else None


@lru_cache(maxsize=4)
def patterns(lex: DateLexicon | None = None) -> Patterns:
    """Compile the expression patterns. Every repetition is bounded (linear-time matching)."""
    lex = lex or lexicon()
    month_of: dict[str, int] = {}
    full, abbr = [], []
    for i, forms in enumerate(lex.months.values(), start=1):
        for j, f in enumerate(forms):
            month_of[f.lower()] = i
            (full if j == 0 else abbr).append(f)
    weekday_of: dict[str, int] = {}
    wfull, wabbr = [], []
    for i, forms in enumerate(lex.weekdays.values()):
        for j, f in enumerate(forms):
            weekday_of[f.lower()] = i
            (wfull if j == 0 else wabbr).append(f)
    MF = _alt(full)
    MA = _alt(abbr)
    M = rf"(?P<month>(?:{MF})\b|(?:{MA})\b\.?)"
    M_FULL = rf"(?P<month>{MF})\b"
    W = rf"(?P<wd>(?:{_alt(wfull)})\b|(?:{_alt(wabbr)})\b\.?)"
    W_FULL = rf"(?P<wd>{_alt(wfull)})\b"
    D = r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
    Y = r"(?P<year>[12][0-9]{3})(?![0-9])"
    REL = r"(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)"
    SEASON = rf"(?P<season>(?i:{_alt(list(lex.seasons))}))"
    QORD = rf"(?P<q>(?i:{_alt(list(lex.quarters))}))"
    HORD = rf"(?P<h>(?i:{_alt(list(lex.halves))}))"
    MOD = r"(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)(?:-|\s{1,3}))"
    S = r"\s{1,3}"
    RQW = r"(?:[Ll]ast|[Nn]ext|[Tt]his|current|latest|previous|past|[Yy]ear-earlier|[Yy]ear-ago|comparable|corresponding|same)"
    RQ = rf"(?P<rq>{RQW})"
    RD = _alt(list(lex.relative_days)).replace("\\ ", r"\s{1,3}")
    NUMW = rf"(?:[0-9]{{1,3}}|(?i:{_alt([w for w in lex.number_words if lex.number_words[w]])}))"
    k: dict[str, str] = {
        # "Friday 11 March", "next Thursday, 4 November", "Tuesday, the 5th of May 2005"
        "weekday_day_month": rf"(?:{REL}{S})?{W},?{S}(?:the{S})?{D}(?:{S}of)?{S}{M}(?:,?{S}{Y})?",
        # "Thursday, Nov. 8, 2022"
        "weekday_month_day": rf"(?:{REL}{S})?{W},?{S}{M}{S}{D}(?:,?{S}{Y})?",
        # "16-18 December", "3 to 5 June 2004"
        "day_range": rf"(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\s{{0,2}}(?:-|–|to)\s{{0,2}}(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?{S}{M}(?:,?{S}{Y})?",
        "month_day_range": rf"{M}{S}(?P<day>3[01]|[12][0-9]|0?[1-9])\s{{0,2}}(?:-|–)\s{{0,2}}(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])(?:,?{S}{Y})?",
        # "8 November 2022", "5 May", "the 5th of May"
        "day_month": rf"(?:the{S})?{D}(?:{S}of)?{S}{M}(?:,?{S}{Y})?",
        # "November 8", "Nov. 8, 2022", "Sept. 30"
        "month_day": rf"{M}{S}{D}(?!,[0-9])(?:,?{S}{Y})?",
        # "2022-11-08"
        "iso": r"(?P<year>[12][0-9]{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])",
        # "11/8/2022" (dateparser)
        "numeric": r"(?:[0-9]{1,2})/(?:[0-9]{1,2})/(?:[12][0-9]{3}|[0-9]{2})(?![0-9/])",
        # "December last year", "January this year"
        # (with a day: "28 November next year", "November 28 last year")
        "month_rel_year": rf"(?:(?:the{S})?(?P<dday>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?:{S}of)?{S})?"
                          rf"{MOD}?{M_FULL}(?:{S}(?P<mday>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9]),?)?"
                          rf"{S}{REL}{S}year",
        # "February 2005", "February of 2005", "February in 1974", "mid-November 2004"
        "month_year": rf"{MOD}?{M}(?:,|{S}of|{S}in)?{S}{Y}",
        # "last June", "this September"
        "rel_month": rf"{REL}{S}{M_FULL}",
        # "February", "mid-November", "early September"
        "month": rf"{MOD}?{M_FULL}",
        # "the summer of 2020", "summer 2020", "autumn 2004"
        "season_year": rf"(?:the{S})?{MOD}?{SEASON}(?:{S}of)?{S}{Y}",
        # "last autumn", "this summer"
        "rel_season": rf"{MOD}?{REL}{S}(?:(?P<past>past){S})?{SEASON}",
        # "the final quarter of 2004", "the third quarter", "third-quarter", "this year's third quarter"
        "quarter": rf"(?:(?:the|(?P<ry1>[Tt]his|[Ll]ast|[Nn]ext){S}year's|(?P<yp>[12][0-9]{{3}})(?:'s)?){S})?(?:fiscal{S})?{QORD}(?:-|{S})(?:fiscal-?)?quarter(?:{S}of{S}(?:(?:fiscal{S})?(?P<year>[12][0-9]{{3}})(?![0-9])|(?:the{S})?(?P<ry2>this|last|next){S}year))?",
        "quarter_code": r"(?:(?P<yp>[12][0-9]{3})\s{1,3})?Q(?P<q>[1-4])(?:\s{1,3}(?P<year>[12][0-9]{3}))?(?![0-9])",
        # "last quarter", "the latest quarter", "the year-earlier quarter", "the quarter"
        # "last year's quarter", "the quarter a year ago", "the corresponding period last year"
        "rel_quarter": rf"(?=[Tt]he\s|{RQW}\s)(?:[Tt]he{S})?(?:(?P<ry>[Ll]ast|[Tt]his|[Nn]ext){S}year's{S}|(?:{RQ}{S})?(?:year's{S}|(?P<yq>[12][0-9]{{3}}){S})?)(?:quarter|period)(?!-|{S}of\b|s)"
                       rf"(?:{S}(?P<ago>a{S}year{S}(?:ago|earlier|before)|last{S}year)\b)?",
        # "the first half of 2004", "the second half"
        # (of a decade: "the last half of the '80s" is that decade)
        "half": rf"(?:the{S})?(?:{HORD}(?:-|{S})half|(?P<hq>first|last){S}two{S}quarters)(?:{S}of{S}(?:(?P<year>[12][0-9]{{3}})(?![0-9])|(?:the{S})?(?P<ry2>this|last|next){S}year"
                rf"|the{S}(?P<hdec>[12][0-9]{{2}}0|'[0-9]0)'?s\b))?",
        "year": Y,
        # "the 1990s", "the late 1970s", "the '90s"
        "decade": rf"(?:the{S})?{MOD}?(?P<dec>[12][0-9]{{2}}0|'[0-9]0)'?s\b",
        # "the nineties", "the early eighties"
        "decade_word": rf"[Tt]he{S}{MOD}?(?P<decw>(?i:{_alt(list(lex.decade_words))}))\b",
        # "the last decade", "this decade" (not "the last decade of the century")
        "rel_decade": rf"(?:[Tt]he{S}(?P<rdec>last|previous)|(?P<this>[Tt]his)){S}decade\b(?!s|{S}of\b)",
        # "the 20th century"
        "century": r"(?:the\s{1,3})?(?P<c>[12]?[0-9])(?:st|nd|rd|th)(?:-|\s{1,3})[Cc]entury",
        # "yesterday", "the day before yesterday"
        "relative_day": rf"(?:the\s{{1,3}}day\s{{1,3}}(?P<ba>before|after)\s{{1,3}})?(?P<rd>(?i:{RD}))\b",
        # "last week", "next month", "this year", "earlier this year", "early next year"
        "rel_unit": r"(?:(?P<pos>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Mm]id|[Tt]he\s{1,3}end\s{1,3}of)(?:-|\s{1,3}))?(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)|(?:[Tt]he\s{1,3})?(?P<cur>current|past))\s{1,3}(?:fiscal\s{1,3})?(?P<unit>week|month|year)\b(?!-)",
        # "the weekend", "last weekend"
        "weekend": r"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)|the)\s{1,3}weekend\b",
        # "two years ago", "a month later", "a year earlier", "year-earlier"
        "offset": rf"(?P<n>[0-9]{{1,3}}|(?i:{_alt([w for w in lex.number_words])}))\s{{1,3}}(?P<unit>(?i:{_alt(list(lex.units))}))\s{{1,3}}(?P<dir>ago|earlier|later)\b",
        # "the autumn of that year", "the summer of the same year"
        "season_that_year": rf"(?:the{S})?{MOD}?{SEASON}{S}of{S}(?:that|the{S}same){S}year\b",
        # "before the autumn", "in the spring": the season nearest the publication date
        "season_bare": rf"[Tt]he{S}{MOD}?{SEASON}\b(?!{S}(?:of\b|[a-z]))",
        # "the first six weeks of the year", "the last few months of last year"
        "part_of_year": rf"[Tt]he{S}(?:first|last|final|opening|closing){S}(?:{NUMW}{S}|few{S})?(?:days|weeks|months){S}of{S}(?:the|(?P<rel>this|last|next)){S}year\b",
        # "later that year", "later in the year"
        "same_year": r"(?P<pos>[Ll]ater|[Ee]arlier)\s{1,3}(?:in\s{1,3})?(?:that|the)\s{1,3}year\b",
        # "the following year", "the previous month", "the next day": from the previous date
        "following": r"[Tt]he\s{1,3}(?:(?P<dir>following|previous|preceding)\s{1,3}(?P<unit>day|week|month|year)|(?P<next>next)\s{1,3}(?P<nday>day))\b(?!-|\s{1,3}(?:or|and|to|few)\b)",
        "year_offset_adj": r"(?P<dir>[Yy]ear-(?:earlier|ago|before))\b",
        # "last Tuesday", "Tuesday", "Saturday night"
        "weekday": rf"(?:{REL}{S})?{W_FULL}(?:{S}(?P<part>{_alt(list(lex.day_parts))})\b)?",
        # "the spring primary" (the season only; the component checks the noun after it)
        "season_mod": rf"(?P<season>{_alt([w.lower() for w in lex.seasons])})\b",
        # "that evening", "that night": the day of the previous date
        "that_daypart": rf"[Tt]hat{S}(?P<part>{_alt(list(lex.day_parts))})\b",
        "named_day": rf"(?P<named>{_alt([n.phrase for n in lex.named_days])})(?:,?{S}{Y})?",
        "vague": rf"(?P<vague>(?i:{_alt(list(lex.vague))}))\b",
    }
    yw = lex.year_words
    ONES, TEENS, TENS = _alt(list(yw.ones)), _alt(list(yw.teens)), _alt(list(yw.tens))
    TAIL = rf"(?:(?:{TENS})(?:[- ](?:{ONES}))?|{TEENS}|oh[- ](?:{ONES})|hundred)"
    SY_19 = rf"(?:{_alt(list(yw.centuries))})[- ]{TAIL}"
    SY_2K = rf"two[- ]thousand(?:(?:[- ]and)?[- ](?:(?:{TENS})(?:[- ](?:{ONES}))?|{TEENS}|{ONES}))?"
    # "nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand"
    k["spelled_year"] = (rf"(?:(?P<month>{MF}){S}|(?:the{S})?(?P<season>(?i:{_alt(list(lex.seasons))})){S}of{S})?"
                         rf"(?P<sy>(?i:{SY_19}|{SY_2K}))\b")
    k["year_of_spelled"] = rf"[Tt]he{S}year{S}(?P<sy>(?i:{SY_19}|{SY_2K}))\b"
    # "the year", "the full year", "the fiscal year": the publication year (TIMEX3 only)
    k["the_year"] = rf"[Tt]he{S}(?:(?:full|fiscal|current|latest|calendar){S}){{0,2}}year\b(?![-']|{S}(?:before|after|earlier|ago|ended|end|of|to|in|when|that|{NUMW})\b)"
    # "that year": the year of the previous date
    k["that_year"] = rf"(?<![Ll]ater\s)(?<![Ee]arlier\s)[Tt]hat{S}year\b(?![-']|{S}(?:before|after|earlier|ago)\b)"
    k["vague_phrase"] = r"(?P<vague>[Rr]ecent\s{1,3}(?:years|months|weeks|days)|[Tt]he\s{1,3}(?:near\s{1,3})?future)\b"
    # "(?<!\w)": a match starts at a word start; checked first, it keeps the scan fast
    months = tuple(sorted(month_of))
    seasons = tuple(lex.seasons)
    triggers: dict[str, tuple[str, ...]] = {
        **{kind: months for kind in ("day_range", "month_day_range", "day_month", "month_day",
                                     "month_rel_year", "month_year", "rel_month", "month")},
        "weekday_day_month": months, "weekday_month_day": months, "weekday": ("day",),
        "season_year": seasons, "rel_season": seasons, "season_that_year": seasons,
        "season_bare": seasons, "season_mod": seasons, "that_daypart": tuple(lex.day_parts), "part_of_year": ("year",), "quarter": ("quarter",),
        "quarter_code": ("q",), "rel_quarter": ("quarter", "period"), "half": ("half", "quarters"),
        "offset": ("ago", "earlier", "later"), "following": ("following", "previous", "preceding", "next"), "same_year": ("year",), "year_offset_adj": ("year-",),
        "rel_unit": ("week", "month", "year"), "weekend": ("weekend",),
        "relative_day": tuple({w.split()[-1] for w in lex.relative_days} | {w.split()[0] for w in lex.relative_days}), "decade": ("0s", "0's"),
        "decade_word": tuple(lex.decade_words), "rel_decade": ("decade",),
        "century": ("century",), "spelled_year": ("nineteen", "eighteen", "thousand"),
        "year_of_spelled": ("year",), "the_year": ("year",), "that_year": ("year",), "iso": ("-",), "numeric": ("/",),
        "named_day": tuple(n.phrase.split()[0].lower() for n in lex.named_days),
    }
    # "(?<!\w)": a match starts at a word start; checked first, it keeps the scan fast
    compiled = {name: re.compile(r"(?<!\w)" + p) for name, p in k.items()}
    widths = {name: _max_width(rx) for name, rx in compiled.items()}
    # a month, season or named day in any pattern stands as a word of its own
    whole = frozenset(k for k, words in triggers.items() if words in (months, seasons, triggers["named_day"]))
    return Patterns(compiled, month_of, weekday_of, triggers, widths, whole)


# --------------------------------------------------------------------------- resolution


def _num(word: str, lex: DateLexicon) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return lex.number_words.get(w)


def _month_num(word: str, pats: Patterns) -> int:
    return pats.month_of[word.rstrip(".").lower()]


def _rel(word: str | None) -> int | None:
    if not word:
        return None
    return {"last": -1, "this": 0, "next": 1}.get(word.lower())


def _season_year_now(ref: date) -> tuple[int, str]:
    """The season containing ref, with the year it started in."""
    m = ref.month
    if m in (12, 1, 2):
        return (ref.year if m == 12 else ref.year - 1), "WI"
    return ref.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA")


_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def resolve_season(season: str, rel: int, ref: date) -> int:
    """The year of "last/this/next <season>" seen from ref.

    >>> resolve_season("FA", -1, date(2005, 3, 11))
    2004
    >>> resolve_season("SU", -1, date(2005, 7, 1))
    2004
    """
    cy, cs = _season_year_now(ref)
    i, c = _SEASON_ORDER[season], _SEASON_ORDER[cs]
    if rel < 0:
        return cy if i < c else cy - 1
    if rel > 0:
        return cy if i > c else cy + 1
    return cy


def _quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _shift_quarter(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def _timex_quarter(dv: DateValue | None) -> tuple[int, int] | None:
    if dv and dv.timex and re.fullmatch(r"[0-9]{4}-Q[1-4]", dv.timex):
        return int(dv.timex[:4]), int(dv.timex[-1])
    return None


def _yearless(month: int, day: int | None, ref: date | None, tense: str | None,
              ctx: Context, weekday: int | None = None) -> DateValue:
    """A day or month without a year: from ref, else from the article's stated year."""
    base = ref or (date(ctx.year_hint, 7, 1) if ctx.year_hint else None)
    if base is None:
        tx = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
        return DateValue(None, tx, "day" if day else "month", NO_YEAR)
    y = pick_year(month, day, base, tense if ref else None, weekday)
    if ref is None and weekday is None:
        y = ctx.year_hint
    if y is None:
        return DateValue(None, None, "day" if day else "month", "no year matches the weekday")
    if day is None:
        return _month(y, month)
    d = _safe_date(y, month, day)
    return _day(d) if d else DateValue(None, None, "day", "not a calendar date")


@lru_cache(maxsize=8)
def _dateparser(base: date | None) -> Any:
    """One dateparser parser per reference date (English only), reused across spans."""
    from datetime import datetime

    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"REQUIRE_PARTS": ["year", "month", "day"]}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=2048)
def parse_with_dateparser(text: str, base: date | None) -> date | None:
    """dateparser on one rule-found span, the publication date as base; cached per (text, base)."""
    data = _dateparser(base).get_date_data(text)
    return data.date_obj.date() if data and data.date_obj else None


def resolve(text: str, kind: str, published: date | None, tense: str | None = None,
            context: Context | None = None) -> DateValue:
    """Resolve one date expression of a known kind (a key of :func:`patterns`).

    ``published`` is the reference for relative expressions; ``tense`` ("past", "present",
    "future") orients weekdays and yearless dates; ``context`` gives the article's stated
    year and the previous date (for anaphora).

    >>> resolve("Tuesday", "weekday", date(2022, 6, 8), "past").value
    '2022-06-07'
    >>> resolve("next Thursday, 4 November", "weekday_day_month", date(2004, 10, 28)).value
    '2004-11-04'
    >>> resolve("the final quarter of 2004", "quarter", None).timex
    '2004-Q4'
    """
    lex = lexicon()
    pats = patterns()
    ctx = context or Context()
    m = pats.by_kind[kind].fullmatch(text.strip())
    if m is None:
        raise ValueError(f"{text!r} is not a {kind!r} expression")
    g = m.groupdict()
    ref = published

    if kind in ("weekday_day_month", "weekday_month_day", "day_month", "month_day", "named_day"):
        if kind == "named_day":
            nd = next(n for n in lex.named_days if n.phrase == g["named"])
            if nd.month is None:  # dated only by the article (see the dates component)
                return DateValue(None, None, "day", "the article does not date its election")
            if ref is None and not g.get("year"):  # a yearly day, like a weekday, needs the date of writing
                tx = f"XXXX-{nd.month:02d}-{nd.day:02d}" if nd.day else None
                return DateValue(None, tx, "day", NO_PUB)
            if nd.day is None:
                return _nth_weekday_day(nd, g.get("year"), ref, tense, ctx)
            month, day = nd.month, nd.day
        else:
            month, day = _month_num(g["month"], pats), int(g["day"])
        wd = pats.weekday_of[g["wd"].rstrip(".").lower()] if g.get("wd") else None
        if g.get("year"):
            d = _safe_date(int(g["year"]), month, day)
            return _day(d) if d else DateValue(None, None, "day", "not a calendar date")
        return _yearless(month, day, ref, tense, ctx, wd)
    if kind in ("day_range", "month_day_range"):
        month = _month_num(g["month"], pats)
        if g.get("year"):
            return _month(int(g["year"]), month)
        return _yearless(month, None, ref, tense, ctx)
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["d"]))
        return _day(d) if d else DateValue(None, None, "day", "not a calendar date")
    if kind == "numeric":
        d = parse_with_dateparser(text.strip(), ref)
        return _day(d) if d else DateValue(None, None, "day", "not a calendar date")
    if kind == "month_year":
        return _month(int(g["year"]), _month_num(g["month"], pats))
    if kind == "month_rel_year":
        day = g.get("dday") or g.get("mday")
        if ref is None:
            return DateValue(None, None, "day" if day else "month", NO_PUB)
        year, month = ref.year + (_rel(g["rel"]) or 0), _month_num(g["month"], pats)
        if day:
            d = _safe_date(year, month, int(day))
            return _day(d) if d else DateValue(None, None, "day", "not a calendar date")
        return _month(year, month)
    if kind == "rel_month":
        if ref is None:
            return DateValue(None, None, "month", NO_PUB)
        mo, r = _month_num(g["month"], pats), _rel(g["rel"]) or 0
        if r < 0:
            y = ref.year if mo < ref.month else ref.year - 1
        elif r > 0:
            y = ref.year if mo > ref.month else ref.year + 1
        else:
            y = ref.year
        return _month(y, mo)
    if kind == "month":
        return _yearless(_month_num(g["month"], pats), None, ref, tense, ctx)
    if kind == "season_year":
        y = int(g["year"])
        return DateValue(f"{y:04d}", f"{y:04d}-{lex.seasons[g['season'].lower()]}", "season")
    if kind in ("spelled_year", "year_of_spelled"):
        y = spelled_year(g["sy"], lex)
        if y is None:
            return DateValue(None, None, "year", "not a year")
        if g.get("month"):
            return _month(y, _month_num(g["month"], pats))
        if g.get("season"):
            return DateValue(f"{y:04d}", f"{y:04d}-{lex.seasons[g['season'].lower()]}", "season")
        return _year(y)
    if kind == "the_year":
        if ref is None:
            return DateValue(None, None, "year", NO_PUB)
        return _year(ref.year)
    if kind == "that_year":
        if ctx.last is None or ctx.last.year is None:
            return DateValue(None, None, "year", "no earlier date to refer to")
        return _year(ctx.last.year)
    if kind == "season_that_year":
        s = lex.seasons[g["season"].lower()]
        if ctx.last is None or ctx.last.year is None:
            return DateValue(None, None, "season", "no earlier date to refer to")
        return DateValue(f"{ctx.last.year:04d}", f"{ctx.last.year:04d}-{s}", "season")
    if kind == "season_bare":
        s = lex.seasons[g["season"].lower()]
        if ref is None:
            if ctx.year_hint is None:
                return DateValue(None, f"XXXX-{s}", "season", NO_YEAR)
            return DateValue(f"{ctx.year_hint:04d}", f"{ctx.year_hint:04d}-{s}", "season")
        r = {"future": 1, "past": -1}.get(tense or "", 0)
        y = resolve_season(s, r, ref) if r else _season_year_now(ref)[0]
        return DateValue(f"{y:04d}", f"{y:04d}-{s}", "season")
    if kind == "part_of_year":
        if ref is None:
            return DateValue(None, None, "year", NO_PUB)
        return _year(ref.year + (_rel(g.get("rel")) or 0))
    if kind == "rel_season":
        if ref is None:
            return DateValue(None, None, "season", NO_PUB)
        s = lex.seasons[g["season"].lower()]
        y = resolve_season(s, -1 if g.get("past") else _rel(g["rel"]) or 0, ref)
        return DateValue(f"{y:04d}", f"{y:04d}-{s}", "season")
    if kind in ("quarter", "quarter_code"):
        q = lex.quarters[g["q"].lower()] if kind == "quarter" else int(g["q"])
        y = _explicit_year(g, ref)
        if y is None:
            return _infer_quarter(q, ref, tense, ctx)
        return _quarter(y, q)
    if kind == "rel_quarter":
        dv = _rel_quarter_dv(g, text, ref, ctx)
        return _a_year_before(dv) if g.get("ago") else dv
    if kind == "following":
        return _following(g, ctx)
    if kind == "half":
        if g.get("hdec"):
            return _decade(g["hdec"])
        h = lex.halves[(g.get("h") or g["hq"]).lower()]
        y = _explicit_year(g, ref)
        if y is None:
            y = ref.year if ref else ctx.year_hint
        if y is None:
            return DateValue(None, f"XXXX-H{h}", "quarter", NO_YEAR)
        return DateValue(f"{y:04d}", f"{y:04d}-H{h}", "quarter")
    if kind == "year":
        return _year(int(g["year"]))
    if kind == "decade":
        return _decade(g["dec"])
    if kind == "decade_word":
        return _decade_word(lex.decade_words[g["decw"].lower()], ref, ctx)
    if kind == "rel_decade":
        if ref is None:
            return DateValue(None, None, "decade", NO_PUB)
        start = ref.year // 10 * 10 - (10 if g.get("rdec") else 0)
        return DateValue(None, f"{start:04d}"[:3], "decade", "a decade is coarser than a year")
    if kind == "century":
        c = int(g["c"])
        return DateValue(None, f"{c - 1:02d}", "century", "a century is coarser than a year")
    if kind == "relative_day":
        if ref is None:
            return DateValue(None, None, "day", NO_PUB)
        words = g["rd"].lower().split()
        n = lex.relative_days[" ".join(words)]
        if g.get("ba"):
            n += -1 if g["ba"] == "before" else 1
        dv = _day(ref + timedelta(days=n))
        part = lex.day_parts.get(words[-1])
        return replace(dv, timex=f"{dv.timex}T{part}") if part else dv
    if kind == "rel_unit":
        return _rel_unit(g, ref)
    if kind == "weekend":
        if ref is None:
            return DateValue(None, None, "week", NO_PUB)
        r = _rel(g.get("rel"))
        if r is None:
            r = 1 if tense in ("future", "present") else -1
        if ref.weekday() >= 5 and r == 0:
            sat = ref - timedelta(days=ref.weekday() - 5)
        else:
            sat = weekday_date(ref, 5, r if r else 1)
            if r < 0 and ref.weekday() == 6:
                sat = ref - timedelta(days=1)
        return _week(sat, "-WE")
    if kind == "offset":
        return _offset(g, ref, ctx, lex)
    if kind == "year_offset_adj":
        return _offset({"n": "1", "unit": "year", "dir": "earlier"}, ref, ctx, lex)
    if kind == "same_year":
        if ctx.last is None or ctx.last.year is None:
            return DateValue(None, None, "year", "no earlier date to refer to")
        return _year(ctx.last.year)
    if kind == "weekday":
        if ref is None:
            return DateValue(None, None, "day", NO_PUB)
        wd = pats.weekday_of[g["wd"].lower()]
        r = _rel(g.get("rel"))
        if r is None:
            r = 0 if wd == ref.weekday() else 1 if tense in ("future", "present") else -1
        elif r == 0 and wd != ref.weekday():
            r = -1 if tense == "past" else 1
        return _day(ref if r == 0 else weekday_date(ref, wd, r))  # "Friday morning": the day, as TimeML values it
    if kind == "season_mod":
        s = lex.seasons[g["season"].lower()]
        if ref is None:
            if ctx.year_hint is None:
                return DateValue(None, f"XXXX-{s}", "season", NO_YEAR)
            return DateValue(f"{ctx.year_hint:04d}", f"{ctx.year_hint:04d}-{s}", "season")
        cy, cs = _season_year_now(ref)
        r = {"future": 1, "past": -1}.get(tense or "", 0)
        y = resolve_season(s, r, ref) if r and s != cs else cy  # the season under way is this one
        return DateValue(f"{y:04d}", f"{y:04d}-{s}", "season")
    if kind == "that_daypart":
        if ctx.last is None or ctx.last.granularity != "day" or not ctx.last.value:
            return DateValue(None, None, "day", "no earlier day to refer to")
        return replace(ctx.last, timex=f"{ctx.last.value}T{lex.day_parts[g['part'].lower()]}")
    if kind == "vague_phrase":
        word = g["vague"].lower()
        return DateValue(None, "FUTURE_REF" if "future" in word else "PAST_REF", None, "vague reference")
    if kind == "vague":
        return DateValue(None, lex.vague[g["vague"].lower()], None, "vague reference")
    raise ValueError(f"unknown kind {kind!r}")


def _decade(dec: str) -> DateValue:
    """"1980s" or "'80s" as a TIMEX3 decade.

    >>> _decade("'80").timex
    '198'
    """
    digits = "19" + dec[1] if dec.startswith("'") else dec[:3]
    return DateValue(None, digits, "decade", "a decade is coarser than a year")


def _rel_quarter_dv(g: dict[str, str | None], text: str, ref: date | None, ctx: Context) -> DateValue:
    """"the quarter", "the 1988 period", "last year's quarter": the quarter (or year) meant."""
    last = _timex_quarter(ctx.last_quarter)
    if g.get("yq"):  # "the 1988 quarter": that year's quarter like the last one named
        if last and (re.search(r"quarter\b", text) or ctx.last is ctx.last_quarter):
            return _quarter(int(g["yq"]), last[1])
        return _year(int(g["yq"]))  # "the 1988 period" after "the first nine months"
    if g.get("ry"):  # "last year's quarter": the quarter last named, in that year
        r = _rel(g["ry"]) or 0
        if ref is None:
            return _quarter(last[0] + r, last[1]) if last else DateValue(None, None, "quarter", NO_PUB)
        return _quarter(ref.year + r, last[1]) if last else _year(ref.year + r)
    return _rel_quarter((g.get("rq") or "").lower(), ref, ctx)


def _a_year_before(dv: DateValue) -> DateValue:
    """The same quarter or year one year earlier ("the quarter a year ago").

    >>> _a_year_before(_quarter(1989, 3)).timex
    '1988-Q3'
    """
    q = _timex_quarter(dv)
    if q:
        return _quarter(q[0] - 1, q[1])
    if dv.granularity == "year" and dv.year is not None:
        return _year(dv.year - 1)
    return dv


def _decade_word(tens: int, ref: date | None, ctx: Context) -> DateValue:
    """"the nineties": the latest such decade that has begun by the publication date (else
    the article's stated year; else the 1900s).

    >>> _decade_word(9, date(1998, 3, 3), Context()).timex
    '199'
    >>> _decade_word(2, date(2024, 5, 1), Context()).timex
    '202'
    """
    now = ref.year if ref else ctx.year_hint
    start = (now // 100 * 100 if now else 1900) + 10 * tens
    if now and start > now:
        start -= 100
    return DateValue(None, f"{start:04d}"[:3], "decade", "a decade is coarser than a year")


def spelled_year(words: str, lex: DateLexicon | None = None) -> int | None:
    """A spelled-out year as a number.

    >>> spelled_year("nineteen ninety-six")
    1996
    >>> spelled_year("two thousand and four")
    2004
    >>> spelled_year("Nineteen oh five")
    1905
    """
    yw = (lex or lexicon()).year_words
    toks = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if toks[:2] == ["two", "thousand"]:
        head, rest = 2000, toks[2:]
    elif toks and toks[0] in yw.centuries:
        head, rest = 100 * yw.centuries[toks[0]], toks[1:]
        if not rest:
            return None
    else:
        return None
    n = 0
    for t in rest:
        if t in ("oh", "hundred"):
            continue
        v = yw.ones.get(t) or yw.teens.get(t) or yw.tens.get(t)
        if v is None:
            return None
        n += v
    return head + n if n < 100 else None


def _explicit_year(g: dict[str, str | None], ref: date | None) -> int | None:
    for key in ("year", "yp"):
        if g.get(key):
            return int(g[key])  # type: ignore[arg-type]
    rel = _rel(g.get("ry1") or g.get("ry2"))
    if rel is not None and ref is not None:
        return ref.year + rel
    return None


def _infer_quarter(q: int, ref: date | None, tense: str | None, ctx: Context) -> DateValue:
    """"the fourth quarter" with no year: the year of the last quarter mentioned, else the
    latest such quarter not after the publication date, else the article's stated year."""
    last = _timex_quarter(ctx.last)
    if last and ref is None:
        return _quarter(last[0], q)
    if ref is not None:
        ry, rq = _quarter_of(ref)
        y = ry if (q <= rq or tense == "future") else ry - 1
        return _quarter(y, q)
    if ctx.year_hint:
        return _quarter(ctx.year_hint, q)
    return DateValue(None, f"XXXX-Q{q}", "quarter", NO_YEAR)


def _rel_quarter(rq: str, ref: date | None, ctx: Context) -> DateValue:
    last = _timex_quarter(ctx.last)
    if rq in ("year-earlier", "year-ago"):
        if last:
            return _quarter(*_shift_quarter(*last, -4))
        if ref is None:
            return DateValue(None, None, "quarter", NO_PUB)
        return _quarter(*_shift_quarter(*_quarter_of(ref), -5))
    if rq in ("", "comparable", "corresponding", "same"):
        if last:
            return _quarter(*last)
        if ref is None:
            return DateValue(None, None, "quarter", NO_PUB)
        y, q = _shift_quarter(*_quarter_of(ref), -1)
        return DateValue(None, f"{y:04d}-Q{q}", "quarter", NO_QUARTER)
    if ref is None:
        return DateValue(None, None, "quarter", NO_PUB)
    shift = {"last": -1, "previous": -1, "past": -1, "next": 1, "this": 0, "current": 0}.get(rq, -1)
    return _quarter(*_shift_quarter(*_quarter_of(ref), shift))


def _rel_unit(g: dict[str, str | None], ref: date | None) -> DateValue:
    unit = g["unit"] or ""
    if ref is None:
        return DateValue(None, None, unit, NO_PUB)
    r = -1 if g.get("cur") == "past" else _rel(g["rel"]) or 0
    if unit == "year":
        return _year(ref.year + r)
    if unit == "month":
        return _month(*add_months(ref.year, ref.month, r))
    return _week(ref + timedelta(days=7 * r))


def _following(g: dict[str, str | None], ctx: Context) -> DateValue:
    """"the following year", "the previous month", "the next day": one unit on from the
    previous date, at that unit's precision (null when the previous date is coarser).

    >>> _following({"dir": "following", "unit": "month"}, Context(last=_day(date(1989, 3, 31)))).value
    '1989-04'
    """
    unit = g.get("unit") or "day"
    n = -1 if g.get("dir") in ("previous", "preceding") else 1
    last = ctx.last
    if last is None or last.year is None or not last.timex:
        return DateValue(None, None, unit, "no earlier date to refer to")
    if unit == "year":
        return _year(last.year + n)
    if unit == "month" and re.match(r"[0-9]{4}-[0-9]{2}(?:-|$)", last.timex):
        return _month(*add_months(last.year, int(last.timex[5:7]), n))
    if unit in ("day", "week") and last.granularity == "day" and last.value:
        d = date.fromisoformat(last.value)
        return _day(d + timedelta(days=n)) if unit == "day" else _week(d + timedelta(days=7 * n))
    return DateValue(None, None, unit, "the earlier date is coarser than a " + unit)


def _offset(g: dict[str, str | None], ref: date | None, ctx: Context, lex: DateLexicon) -> DateValue:
    """"two years ago" (from ref), "a year earlier" / "a month later" (from the previous date).

    After a quarter, years shift that quarter ("the third quarter ... a year earlier" -> the
    third quarter of the year before), for "ago" only when the quarter lies in the
    publication year (the period being reported)."""
    unit = lex.units[(g["unit"] or "").lower()]
    n = _num(g["n"] or "", lex)
    direction = -1 if (g["dir"] or "").lower() in ("ago", "earlier") else 1
    if n is None:
        tx = "PAST_REF" if direction < 0 else "FUTURE_REF"
        return DateValue(None, tx, unit, "vague count")
    n *= direction
    last = ctx.last
    q = _timex_quarter(ctx.last_quarter)
    if unit == "year" and q and (ref is None or q[0] == ref.year or (g["dir"] or "").lower() != "ago"):
        return _quarter(*_shift_quarter(*q, 4 * n))
    if (g["dir"] or "").lower() == "ago":
        last = None
    base: date | None = ref
    if last is not None and last.year and unit in ("year", "decade"):
        base = date(last.year, 7, 1)
    elif last is not None and last.granularity == "day" and last.value:
        base = date.fromisoformat(last.value)
    if base is None:
        return DateValue(None, None, unit, NO_PUB)
    if unit == "day":
        return _day(base + timedelta(days=n))
    if unit == "week":
        return _week(base + timedelta(days=7 * n))
    if unit == "month":
        return _month(*add_months(base.year, base.month, n))
    if unit == "decade":
        y = base.year + 10 * n
        return DateValue(None, f"{y:04d}"[:3], "decade", "a decade is coarser than a year")
    return _year(base.year + n)


def _nth_weekday_day(nd: NamedDay, year: str | None, ref: date | None, tense: str | None, ctx: Context) -> DateValue:
    """A calendar rule: the nth weekday of the month (-1 = last; US Thanksgiving), or the
    weekday after the first ``after_first`` of the month (US Election Day)."""
    wds = list(lexicon().weekdays)
    target, after = wds.index(nd.weekday or "monday"), wds.index(nd.after_first or nd.weekday or "monday")

    def on(y: int) -> date:
        first = date(y, nd.month, 1)
        if nd.nth is not None:
            if nd.nth > 0:
                return first + timedelta(days=(target - first.weekday()) % 7 + 7 * (nd.nth - 1))
            end = date(*add_months(y, nd.month, 1), 1) - timedelta(days=1)
            return end - timedelta(days=(end.weekday() - target) % 7)
        anchor = first + timedelta(days=(after - first.weekday()) % 7)
        return anchor + timedelta(days=(target - anchor.weekday()) % 7 or (7 if target == after else 0))

    if year:
        return _day(on(int(year)))
    if ref is None:
        if ctx.year_hint:
            return _day(on(ctx.year_hint))
        return DateValue(None, None, "day", NO_YEAR)
    this = on(ref.year)
    if tense == "past" and this > ref:
        return _day(on(ref.year - 1))
    if tense != "past" and this < ref:
        return _day(on(ref.year + 1))
    return _day(this)


def with_reason(dv: DateValue, reason: str) -> DateValue:
    """The same date with its value withheld for a stated reason."""
    return replace(dv, value=None, reason=reason)
