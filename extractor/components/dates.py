"""``electx_dates``: date expressions found by our own rules, resolved against the
publication date, with their TIMEX3 value and the election event they belong to.

Writes ``doc.spans["electx_dates"]`` (label ``DATE``); each span carries
``span._.electx_dates = {"value", "timex", "granularity", "event", "reason", "rule"}``.
Patterns and word lists come from ``models/shared/dates.json`` via
:mod:`extractor.normalize.dates`; resolution is pure and lives there too.

Guards: nothing inside a money amount or a percentage (the ``electx_money`` /
``electx_percent`` spans when those components ran, and our own token checks), vote counts,
district ordinals, organisation names ("Los Angeles 2028"), newspaper names
("Sunday Times") and hypothetical days ("if the election were held tomorrow").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import fastscan
from ..fastscan import guarded
from ..doctext import doc_text
from ..normalize.dates import (NO_PUB, NOT_GOLD_DATES, Context, DateLexicon, DateValue, ElectionDayCues, EventCue, Patterns,
                               lexicon, patterns, resolve, week_of)
from ..spans import DATES, MONEY, PERCENT, published_date, span_group
from ._figures import Intervals

#: Kinds in priority order (earlier wins a tie between equally long matches).
KINDS: tuple[str, ...] = (
    "weekday_day_month", "weekday_month_day", "day_range", "month_day_range", "iso", "numeric",
    "day_month", "month_day", "named_day", "month_rel_year", "month_year", "season_year",
    "quarter", "quarter_code", "half", "season_that_year", "part_of_year", "rel_season", "season_bare", "season_mod", "rel_month", "rel_unit", "same_year",
    "following",
    "offset", "year_offset_adj", "weekend", "relative_day", "rel_quarter", "decade", "decade_word", "rel_decade", "century",
    "weekday", "month", "year_of_spelled", "spelled_year", "that_year", "that_daypart", "the_year", "year", "vague_phrase", "vague",
)
#: Kinds that GOLD_FORMAT skips but TimeML annotates (on with ``timex_extras``).
EXTRA_KINDS = frozenset({"vague", "vague_phrase", "decade", "decade_word", "rel_decade", "century", "the_year"})
#: Kinds whose year is stated: they give the article's year when there is no publication date.
ANCHOR_KINDS = frozenset({
    "weekday_day_month", "weekday_month_day", "day_month", "month_day", "iso", "numeric",
    "month_year", "season_year", "quarter", "quarter_code", "half", "day_range", "month_day_range",
})
#: Kinds resolved from the previous date: they never become the antecedent themselves.
ANAPHORIC_KINDS = frozenset({"offset", "year_offset_adj", "rel_quarter", "same_year", "season_that_year", "that_year",
                             "following", "that_daypart"})
#: Kinds that "until", "by", "before" turn toward the coming day in a clause not in the past.
FORWARD_KINDS = frozenset({"weekday", "named_day"})
#: an agenda entry: a weekday opening its line (or "On Friday:" after a sentence) before a colon
_AGENDA_BEFORE = re.compile(r"(?:^|\n|[.!?:]\s{1,3})[ \t]{0,4}(?:[Oo]n\s{1,3})?$")
#: "that evening" refers back to a day named at most this many sentences earlier
THAT_DAYPART_SENTENCES = 1
THAT_DAYPART_TOKENS = 60
#: Kinds whose year, when not stated, follows the tense of the clause: they look for its verb
#: further back than weekdays do (a weekday with no tense cue nearby is a past day).
YEARLESS_KINDS = frozenset({
    "weekday_day_month", "weekday_month_day", "day_month", "month_day", "named_day", "day_range",
    "month_day_range", "month",
})
#: Words that join a bare month to a following "month year" that lends it its year
#: ("in January or February 2028").
_MONTH_LINKS = re.compile(r"\s{0,3}(?:,|or|and|to|through|until|-|–)\s{0,3}(?:early\s|mid-?|late\s)?$")
_BOUNDARY = re.compile(r"[\w$£€¥]")
_FUTURE_MD = frozenset({"will", "'ll", "shall", "wo"})
_INFINITIVE = frozenset({"be", "been", "being", "to", "have"})


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str


@lru_cache(maxsize=4)
def _phrase_regex(phrases: tuple[str, ...], flags: int = 0) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alt = "|".join(re.escape(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", flags)


_SCANNERS: dict[int, tuple[Patterns, dict[str, re.Pattern[str]]]] = {}


def _scanners(pats: Patterns) -> dict[str, re.Pattern[str]]:
    """Each kind's pattern behind a lookahead of the characters a match can start with (the
    same matches; ``re`` skips the other positions with one class test), built once."""
    hit = _SCANNERS.get(id(pats))
    if hit is None or hit[0] is not pats:
        hit = _SCANNERS[id(pats)] = (pats, {k: guarded(rx.pattern, rx.flags) for k, rx in pats.by_kind.items()})
    return hit[1]


def find_candidates(text: str, kinds: tuple[str, ...] = KINDS) -> list[Candidate]:
    """Longest non-overlapping pattern matches in text order (no guards applied yet).

    Each kind is scanned only near its trigger words (:meth:`Patterns.windows`), which finds
    the same matches as scanning the whole text."""
    pats = patterns()
    scanners = _scanners(pats)
    found: list[tuple[int, int, int, str]] = []
    low = text.lower()
    exact = len(low) == len(text)  # lowercasing kept every offset
    cache: dict[tuple[object, ...], list[int]] = {}
    n = len(text)
    for prio, kind in enumerate(kinds):
        rx = scanners[kind]
        wins = pats.windows(low, kind, cache) if exact else None
        for ws, we in wins if wins is not None else ((0, n),):
            for m in rx.finditer(text, ws, we):
                s, e = m.span()
                if s == e or (s > 0 and _BOUNDARY.match(text[s - 1])) or (e < n and text[e].isalnum()):
                    continue
                found.append((s, e, prio, kind))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = Intervals()
    chosen: list[Candidate] = []
    for s, e, _, kind in found:
        if taken.overlaps(s, e):
            continue
        taken.add(s, e)
        chosen.append(Candidate(s, e, kind))
    return sorted(chosen, key=lambda c: c.start)


_REL_WORDS = frozenset({"last", "next", "this"})
#: before a season modifier ("the spring primary", "the state's autumn budget")
_SEASON_MOD_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "'s", "’s"})


def _looks_forward(text: str, cand: Candidate, lex: DateLexicon) -> bool:
    """A weekday or named day the text looks ahead to: "until Saturday", "by Christmas",
    or an agenda entry ("Friday: the candidates meet", "Tomorrow: X. On Friday: Y")."""
    before = text[max(0, cand.start - 24):cand.start].lower()
    if any(_ends_with(w).search(before) for w in lex.forward_before):
        return True
    return text[cand.end:cand.end + 1] == ":" and _AGENDA_BEFORE.search(text[max(0, cand.start - 12):cand.start]) is not None


def _near_last(span: Span, last: Span | None, has_sents: bool) -> bool:
    """Whether the previous dated span is in this sentence or the one before it."""
    if last is None:
        return False
    if not has_sents:
        return span.start - last.end <= THAT_DAYPART_TOKENS
    sent = span.sent
    k = sent.start
    for _ in range(THAT_DAYPART_SENTENCES):
        if k == 0:
            break
        k = span.doc[k - 1].sent.start
    return last.start >= k


def _sentence(doc: Doc, span: Span, has_sents: bool | None = None) -> Span:
    """The date's sentence (``has_sents``: whether the Doc has sentence bounds, when known)."""
    if doc.has_annotation("SENT_START") if has_sents is None else has_sents:
        return span.sent
    return doc[max(0, span.start - 40): min(len(doc), span.end + 40)]


#: tokens each side of a date searched first for a tense cue, then (nothing found) up to
#: the wider reach within the sentence ("Stocks rose, ... its record high set on Aug. 6")
TENSE_NEAR, TENSE_FAR = 10, 40


class _Words:
    """The token attributes the tense rules read, for one Doc: read once per token, on
    first use (the rules look at a few tokens around each date, often the same ones)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        self.tagged = doc.has_annotation("TAG")
        self._rows: dict[int, tuple[str, str, str, bool, bool]] = {}
        #: :func:`_token_tense` per token, for the one set of tense word lists it was read with
        self.tenses: dict[int, str | None] = {}
        self.tense_sets: dict[str, frozenset[str]] | None = None

    def row(self, i: int) -> tuple[str, str, str, bool, bool]:
        """(lower, text, tag, is_alpha, is_title) of token ``i``."""
        row = self._rows.get(i)
        if row is None:
            tok = self.doc[i]
            row = self._rows[i] = (tok.lower_, tok.text, tok.tag_, tok.is_alpha, tok.is_title)
        return row

    def text(self, i: int) -> str:
        return self.row(i)[1]


_TENSE_SETS: dict[int, tuple[DateLexicon, dict[str, frozenset[str]]]] = {}


def _tense_sets(lex: DateLexicon) -> dict[str, frozenset[str]]:
    """The tense word lists as sets, built once per lexicon."""
    hit = _TENSE_SETS.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    t = lex.tense
    sets = {"future": frozenset(t.future), "conditional": frozenset(t.conditional), "present": frozenset(t.present),
            "past": frozenset(t.past), "not_past_ed": frozenset(t.not_past_ed), "obligation": frozenset(t.obligation),
            "not_verb_after": frozenset(t.not_verb_after), "past_before": frozenset(t.past_before),
            "participle_after": frozenset(t.participle_after)}
    _TENSE_SETS[id(lex)] = (lex, sets)
    return sets


def tense_at(span: Span, lex: DateLexicon, sent: Span | None = None, far: bool = False,
             words: _Words | None = None) -> str | None:
    """The tense of the clause around a date: the nearest cue to the left first, then to the
    right, within :data:`TENSE_NEAR` tokens; failing that and with ``far``, the left out to
    :data:`TENSE_FAR` tokens, where the clause's verb usually stands (never past the
    sentence, a semicolon or colon, or an opening quote on the right).  ``words`` (the
    Doc's token attributes, when the caller has them) saves reading them again."""
    doc = span.doc
    if sent is None:
        sent = _sentence(doc, span)
    if words is None:
        words = _Words(doc)
    sets = _tense_sets(lex)
    reach = TENSE_FAR if far else TENSE_NEAR
    lo, hi = max(sent.start, span.start - reach), min(sent.end, span.end + TENSE_NEAR)
    left = _scan_side(words, range(span.start - 1, lo - 1, -1), sets, right=False,
                      near_until=span.start - TENSE_NEAR)
    right = _scan_side(words, range(span.end, hi), sets, right=True)
    if left[0] and span.start - left[1] <= TENSE_NEAR:
        return left[0]
    return right[0] or left[0]


def _scan_side(words: _Words, side: range, sets: dict[str, frozenset[str]], right: bool,
               near_until: int = -1) -> tuple[str | None, int]:
    """The first tense cue along ``side`` and its token index ((None, -1): none before a stop).
    A conditional modal before ``near_until`` (far to the left) stops the search: "said he
    would stand down after the losses on 2 May" and "said flights would leave from August 6"
    point different ways, so the tense stays unknown."""
    row = words.row
    for i in side:
        low, text = row(i)[:2]
        if text in (";", ":") or text in ("\u201c", '"') and right:
            break
        if i < near_until and low in sets["conditional"]:
            break
        t = _token_tense(words, i, sets)
        if t == "present":
            if any(_token_tense(words, j, sets) == "future" for j in range(i + 1, min(i + 3, words.n))):
                return "future", i
        if t:
            return t, i
    return None, -1


def _token_tense(words: _Words, i: int, sets: dict[str, frozenset[str]]) -> str | None:
    """The tense cue token ``i`` gives (memoized per Doc: dates near each other share tokens)."""
    if words.tense_sets is not sets:
        words.tenses = {}
        words.tense_sets = sets
    memo = words.tenses
    if i in memo:
        return memo[i]
    t = memo[i] = _token_tense_uncached(words, i, sets)
    return t


def _token_tense_uncached(words: _Words, i: int, sets: dict[str, frozenset[str]]) -> str | None:
    low, _text, tag, alpha, title = words.row(i)
    before = words.row(i - 1)[0] if i > 0 else ""
    if low in _FUTURE_MD or low in sets["future"]:
        return "future"
    if low in sets["obligation"] and i + 1 < words.n and words.row(i + 1)[0] == "to":
        return "future"  # "we have to win before May"
    tagged = words.tagged
    if tagged:
        tensed = _tagged_tense(tag, low, sets, before)
        if tensed or tag.startswith("VB"):
            return tensed
        # words the tagger reads as adjectives ("polls open Friday")
    if low in sets["present"] and before not in sets["not_verb_after"]:
        return "present"
    if tagged:
        return None
    if low in sets["past"] or (alpha and len(low) > 4 and low.endswith("ed")
                               and low not in sets["not_past_ed"] and not title):
        if before in _INFINITIVE:
            return None  # "to be held", "will have registered": the auxiliary decides
        if (before in sets["not_verb_after"] or before in sets["participle_after"]) and low not in sets["past"]:
            return None  # "a disputed count", "the delayed vote": an adjective
        if before in sets["present"]:
            return "present"  # "is held"
        return "past"
    return None


def _tagged_tense(tag: str, low: str, sets: dict[str, frozenset[str]], before: str) -> str | None:
    """Tense from the tagger: finite verbs, and past participles read as the blank-mode
    rules read "-ed" words ("a poll released Tuesday" is past, "to be held" undecided)."""
    if tag == "VBD":
        return "past"
    if tag in ("VBZ", "VBP"):
        return "present"
    if tag != "VBN":
        return None
    if before in ("has", "have", "had"):
        return "past"
    if before in _INFINITIVE or low in sets["not_past_ed"] or before in sets["participle_after"]:
        return None  # "to be held", "for granted", "than expected": not a finite verb
    if before in sets["present"]:
        return "present"  # "is held"
    return "past"


_EVENT_TABLES: dict[int, tuple[DateLexicon, re.Pattern[str] | None, dict[str, EventCue]]] = {}


def _event_table(lex: DateLexicon) -> tuple[re.Pattern[str] | None, dict[str, EventCue]]:
    """The event cue regex and the cues by lowercase phrase, built once per lexicon."""
    hit = _EVENT_TABLES.get(id(lex))
    if hit is None or hit[0] is not lex:
        rx = _phrase_regex(tuple(e.phrase for e in lex.events), re.IGNORECASE)
        rx = rx and guarded(rx.pattern, rx.flags)  # the same matches, found faster
        hit = _EVENT_TABLES[id(lex)] = (lex, rx, {e.phrase.lower(): e for e in lex.events})
    return hit[1], hit[2]


def event_at(span: Span, lex: DateLexicon, doc_text: str | None = None, sent: Span | None = None,
             words: _Words | None = None, memo: dict | None = None) -> str:
    """The election event named near the date in its sentence: the nearest specific cue
    (primary, runoff, general, referendum), else the nearest generic one, else "other".
    ``doc_text``, ``sent``, ``words`` (the Doc's token attributes) and ``memo`` (the cues
    found per sentence, shared by the dates of one Doc) save finding them again."""
    doc = span.doc
    if sent is None:
        sent = _sentence(doc, span)
    rx, by_phrase = _event_table(lex)
    if rx is None:
        return "other"
    key = (sent.start, sent.end)
    cues = memo.get(key) if memo is not None else None
    if cues is None:
        off = sent.start_char
        text = doc_text[off:sent.end_char] if doc_text is not None else sent.text
        cues = []
        for m in rx.finditer(text):
            cue = doc.char_span(m.start() + off, m.end() + off, alignment_mode="expand")
            if cue is not None:
                cues.append((cue.start, cue.end, by_phrase.get(" ".join(m.group(0).lower().split()))))
        if memo is not None:
            memo[key] = cues
    best: dict[bool, tuple[int, str]] = {}
    for cstart, cend, entry in cues:
        if cstart == span.start and cend == span.end:
            dist = 0  # the date names the event itself ("polling day")
        elif cstart < span.end and span.start < cend:
            continue
        else:
            dist = cstart - span.end if cstart >= span.end else span.start - cend
        lo, hi = min(span.end, cend), max(span.start, cstart)
        if words is not None:
            if any(words.text(i) == ";" for i in range(lo, hi)):
                continue
        elif any(t.text in (";",) for t in doc[lo:hi]):
            continue
        if entry is None:
            continue
        limit = lex.event_window * (1 if entry.generic else 2)
        if dist > limit:
            continue
        if entry.generic not in best or dist < best[entry.generic][0]:
            best[entry.generic] = (dist, entry.event)
    if False in best:
        return best[False][1]
    if True in best:
        return best[True][1]
    return "other"


def _reports_results(doc: Doc, text: str, cues: ElectionDayCues, pspans: list[Span] | None = None) -> bool:
    """A results story: some percentage is followed by "of the vote" or the like."""
    after = tuple(c.lower() for c in cues.results_after_percent)
    return any(" ".join(text[p.end_char:p.end_char + 30].lower().split()).startswith(after)
               for p in (span_group(doc, PERCENT) if pspans is None else pspans))


def _names_election(doc: Doc, span: Span, nouns: list[str]) -> bool:
    """The date is followed by an election noun: "June 10 vote", "Tuesday's primary",
    "today's Raukawa Bay by-election" (over a place name of up to three words)."""
    k = span.end
    if doc[k: k + 1].text in ("'s", "’s"):
        k += 1
        while k < len(doc) and k - span.end <= 3 and doc[k].is_title:
            k += 1
    word = doc[k: k + 3].text.lower() if doc[k + 1: k + 2].text == "-" else doc[k: k + 1].text.lower()
    return bool(word) and word in nouns


#: tokens before a date searched for a word that puts it in the past ("since")
PAST_WORD_REACH = 4


def _after_past_word(words: _Words, span: Span, sent: Span, lex: DateLexicon) -> bool:
    """A date a few words after "since", with no verb between ("since shortly after the
    Oct. 23 shooting"; not "since polls close on Thursday", where "since" gives a reason)."""
    sets = _tense_sets(lex)
    for i in range(span.start - 1, max(sent.start, span.start - PAST_WORD_REACH) - 1, -1):
        low = words.row(i)[0]
        if low in sets["past_before"]:
            return True
        if _token_tense(words, i, sets) or not words.row(i)[3] and low not in (".",):
            return False
    return False


def _event_of_day(doc: Doc, span: Span, lex: DateLexicon) -> bool:
    """A bare weekday in the possessive naming a reported event ("Tuesday's ruling", "Friday's
    close"): not an election ahead ("Thursday's vote"), nor after "ahead of"."""
    if len(span) != 1 or span.end + 1 >= len(doc) or doc[span.end].text not in ("'s", "’s"):
        return False
    cues = lex.election_day
    if doc[span.end + 1].lower_ in cues.nouns_after:
        return False
    before = " ".join(t.lower_ for t in doc[max(0, span.start - 2): span.start])
    return not any(before == w or before.endswith(" " + w) for w in cues.preview_before)


@lru_cache(maxsize=256)
def _ends_with(phrase: str) -> re.Pattern[str]:
    """``phrase`` as a word (or words) followed by some space at the end of a text."""
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}\s{{1,3}}$")


def _widen(span: Span, before: str, phrase: str) -> Span | None:
    """The span grown leftwards over ``phrase`` (which ``before``, the text before it, ends with)."""
    start = span.start_char - (len(before) - before.rstrip().rfind(phrase.lower().split()[-1])) \
        - (len(phrase) - len(phrase.split()[-1]))
    return span.doc.char_span(start, span.end_char, alignment_mode="expand")


_SECOND_DAY = re.compile(r"\s{1,3}(\S{1,3})\s{1,3}([0-9]{1,2})(?:st|nd|rd|th)?(?![0-9%.,:/-]?[0-9%])")


def _second_day(doc: Doc, span: Span, dv: DateValue, text: str, lex: DateLexicon, limit: int) -> Span | None:
    """"April 24 and 25": the bare day number after a month-day, in the same month, as a span
    whose ``label_`` carries its ISO date (or None: no such day)."""
    m = _SECOND_DAY.match(text, span.end_char, min(limit, span.end_char + 12))
    if m is None or m.group(1).lower() not in lex.second_day_links or not dv.value:
        return None
    first = date.fromisoformat(dv.value)
    n = int(m.group(2))
    if not first.day < n <= 31:
        return None
    after = text[m.end():m.end() + 12].lstrip().lower()
    if after[:1].isalpha() and after.split()[0].strip(".,;") in lex.count_nouns_after + lex.money_or_percent_after:
        return None  # "May 5 and 6 million", "June 3 and 4 seats"
    try:
        day = first.replace(day=n).isoformat()
    except ValueError:
        return None
    out = doc.char_span(m.start(2), m.end(), alignment_mode="contract")
    if out is None or len(out) != 1:
        return None
    out.label_ = day
    return out


def _stated_day(doc: Doc, named: Span, spans: list[Span], links: list[str], reach: int = 4) -> str | None:
    """The day date a named day is said to be ("Election Day is Nov. 3", "Election Day,
    Nov. 3"): the next date span, reached over link words only."""
    i = named.end
    while i < len(doc) and i - named.end < reach and doc[i].lower_ in links:
        i += 1
    for s in spans:
        if s.start == i and s is not named:
            d = s._.get(DATES)
            return d["value"] if d["granularity"] == "day" and d["value"] else None
    return None


class DateRecognizer:
    """Find, guard, resolve and tag date expressions (see module docstring)."""

    def __init__(self, name: str = "electx_dates", timex_extras: bool = False) -> None:
        self.name = name
        self.timex_extras = timex_extras
        self.kinds = tuple(k for k in KINDS if timex_extras or k not in EXTRA_KINDS)
        # build the word lists and patterns now, not on the first document
        patterns()
        _event_table(lexicon())

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        text = doc_text(doc)
        pspans = span_group(doc, PERCENT)
        blocked = [(s.start_char, s.end_char) for s in span_group(doc, MONEY)] + [
            (s.start_char, s.end_char) for s in pspans]
        nd = _phrase_regex(tuple(lex.not_dates))
        if nd is not None:
            blocked += [m.span() for m in fastscan.finditer(nd, text)]
        blocked.sort()
        b_starts = [bs for bs, _ in blocked]
        b_ends: list[int] = []  # the furthest end among the blocked stretches up to each
        for _, be in blocked:
            b_ends.append(max(be, b_ends[-1]) if b_ends else be)
        accepted: list[tuple[Candidate, Span]] = []
        year_tokens: set[int] = set()
        for cand in find_candidates(text, self.kinds):
            k = bisect.bisect_left(b_starts, cand.end)  # the stretches starting before the candidate ends
            if k and b_ends[k - 1] > cand.start:
                continue
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None or not self._passes(cand, span, text, lex, year_tokens):
                continue
            if cand.kind == "year":
                year_tokens.update(range(span.start, span.end))
            accepted.append((cand, span))
        pub = published_date(doc)
        hint = None if pub else self._year_hint(accepted, text)
        ctx = Context(year_hint=hint)
        out: list[Span] = []
        words = _Words(doc) if accepted else None
        has_sents = doc.has_annotation("SENT_START")
        event_memo: dict = {}
        last_span: Span | None = None
        for i, (cand, span) in enumerate(accepted):
            sent = _sentence(doc, span, has_sents)
            tense = tense_at(span, lex, sent, far=cand.kind in YEARLESS_KINDS, words=words)
            if tense != "past" and _after_past_word(words, span, sent, lex):
                tense = "past"  # "since Tuesday"
            elif tense == "present" and cand.kind == "weekday" and _event_of_day(doc, span, lex):
                tense = "past"  # "the move follows Tuesday's announcement"
            if cand.kind in FORWARD_KINDS and tense != "past" and _looks_forward(text, cand, lex):
                tense = "future"  # "polls are open until Saturday night", "On Friday: ..."
            if cand.kind == "that_daypart" and not _near_last(span, last_span, has_sents):
                continue  # "that evening" with no day named just before
            dv = resolve(text[cand.start:cand.end], cand.kind, pub, tense, ctx)
            if cand.kind == "that_daypart" and dv.value is None:
                continue  # the date just before is no day ("in 2024 ... that night")
            if cand.kind == "month" and i + 1 < len(accepted):
                dv = self._coordinated_year(dv, cand, accepted[i + 1][0], text)
            if dv.timex and cand.kind not in ANAPHORIC_KINDS and dv.granularity in (
                    "day", "month", "quarter", "year", "season", "week"):
                ctx = Context(year_hint=hint, last=dv,
                              last_quarter=dv if dv.granularity == "quarter" else ctx.last_quarter)
                last_span = span
            rule = f"date.{cand.kind}"
            if dv.granularity == "day" and dv.value:
                span, dv, rule = self._day_phrase(span, dv, rule, text, lex)
            if not self.timex_extras and (dv.reason in NOT_GOLD_DATES or dv.granularity == "decade"
                                          or cand.kind == "named_day" and dv.reason == NO_PUB):
                continue  # weeks, unstated quarters and decades: TIMEX3 only
            new = Span(doc, span.start, span.end, label="DATE")
            event = event_at(span, lex, text, sent, words, event_memo)
            new._.set(DATES, {
                "value": dv.value, "timex": dv.timex, "granularity": dv.granularity,
                "event": event, "reason": dv.reason, "rule": rule,
            })
            out.append(new)
            nxt_start = accepted[i + 1][0].start if i + 1 < len(accepted) else len(text)
            second = _second_day(doc, span, dv, text, lex, nxt_start)
            if second is not None:
                second._.set(DATES, {**new._.get(DATES), "value": second.label_, "timex": second.label_,
                                     "rule": f"{rule}.second_day"})
                second.label_ = "DATE"
                out.append(second)
        self._article_election_days(doc, out, pub, lex, text, pspans)
        self._held_election_weekdays(doc, out, pub, lex, text, pspans)
        # a named day with no calendar ("polling day") the article never dates is a vague word
        no_calendar = {n.phrase for n in lex.named_days if n.month is None}
        doc.spans[DATES] = [s for s in out if not (s.text in no_calendar and s._.get(DATES)["value"] is None)]
        return doc

    def _day_phrase(self, span: Span, dv: DateValue, rule: str, text: str,
                    lex: DateLexicon) -> tuple[Span, DateValue, str]:
        """"the day before Tuesday's vote" (a day earlier) and, with ``timex_extras``, "the
        week of March 6" (that date's week): the phrase joins the span."""
        before = text[max(0, span.start_char - 24):span.start_char].lower()
        for phrase, shift in lex.day_shift_before.items():
            if _ends_with(phrase).search(before):
                wider = _widen(span, before, phrase)
                if wider is not None:
                    day = (date.fromisoformat(dv.value or "") + timedelta(days=shift)).isoformat()
                    return wider, DateValue(day, day, "day"), rule + ".day_shift"
        if self.timex_extras:
            for phrase in lex.week_of_before:
                if _ends_with(phrase).search(before):
                    wider = _widen(span, before, phrase)
                    if wider is not None:
                        return wider, week_of(date.fromisoformat(dv.value or "")), rule + ".week_of"
        return span, dv, rule

    @staticmethod
    def _held_election_weekdays(doc: Doc, spans: list[Span], pub: date | None, lex: DateLexicon,
                                text: str, pspans: list[Span] | None = None) -> None:
        """In a results story (vote shares reported), "Saturday's by-election" is the election
        just held, whatever the tense around it: a weekday naming an election that was
        resolved into the week ahead moves back a week."""
        if pub is None:
            return
        cues = lex.election_day
        if not _reports_results(doc, text, cues, pspans):
            return
        for s in spans:
            d = s._.get(DATES)
            if d["rule"] != "date.weekday" or s[0].lower_ in _REL_WORDS or d["granularity"] != "day" or not d["value"]:
                continue  # "next Saturday's poll" says which week it means
            day = date.fromisoformat(d["value"])
            before = " ".join(t.lower_ for t in doc[max(0, s.start - 2): s.start])
            if any(before == w or before.endswith(" " + w) for w in cues.preview_before):
                continue  # "ahead of Tuesday's primary": the coming one
            if day > pub and _names_election(doc, s, cues.nouns_after):
                held = (day - timedelta(days=7)).isoformat()
                s._.set(DATES, {**d, "value": held, "timex": held})

    @staticmethod
    def _coordinated_year(dv: DateValue, cand: Candidate, nxt: Candidate, text: str) -> DateValue:
        """"January or February 2028": a bare month takes the year of the month-year it is
        coordinated with."""
        if nxt.kind != "month_year" or not _MONTH_LINKS.fullmatch(text[cand.end:nxt.start]) or not dv.timex:
            return dv
        year = resolve(text[nxt.start:nxt.end], nxt.kind, None).year
        if year is None:
            return dv
        mm = dv.timex[5:7]
        val = f"{year:04d}-{mm}"
        return DateValue(val, val, "month")

    @staticmethod
    def _article_election_days(doc: Doc, spans: list[Span], pub: date | None, lex: DateLexicon,
                               text: str, pspans: list[Span] | None = None) -> None:
        """Give a named election day ("Election Day") the date of the article's own election:
        a day date attached to an election noun ("Tuesday's primary", "the June 10 vote"),
        the most recent such day on or before publication first; else a recent day in a
        sentence about voting ("voted ... last night"); else a future election day; else the
        calendar rule when the article speaks of the election that rule describes; else null."""
        named = {n.phrase for n in lex.named_days if n.article_election}
        targets = [s for s in spans if s._.get(DATES)["rule"] == "date.named_day"
                   and any(s.text.startswith(p) for p in named) and not re.search(r"[0-9]{4}", s.text)]
        if not targets:
            return
        cues = lex.election_day
        strong: list[date] = []
        voting: list[date] = []
        for s in spans:
            d = s._.get(DATES)
            if s in targets or d["granularity"] != "day" or not d["value"]:
                continue
            day = date.fromisoformat(d["value"])
            before = [t.lower_ for t in doc[max(0, s.start - 2): s.start]]
            if _names_election(doc, s, cues.nouns_after) or (
                    before[-1:] == ["on"] and len(before) == 2 and before[0] in cues.verbs_before_on):
                strong.append(day)
            elif pub is not None and 0 <= (pub - day).days <= cues.days_before_publication and any(
                    t.lower_ in cues.voting_cues for t in _sentence(doc, s)):
                voting.append(day)
        past = [d for d in strong if pub is None or d <= pub]
        # a results story (vote shares reported) is about an election already held
        results = _reports_results(doc, text, cues, pspans)
        future = [d for d in strong if pub is not None and d > pub and not results]
        chosen = max(past) if past else min(voting) if voting else min(future) if future else None
        low = text.lower()
        calendar_ok = any(c.lower() in low for c in cues.calendar_cues)
        said = [_stated_day(doc, s, spans, cues.named_day_links) for s in targets]
        told = next((v for v in said if v), None)  # "Election Day is Nov. 3" dates them all
        for s, own in zip(targets, said):
            d = dict(s._.get(DATES))
            stated = own or told
            if stated is not None:
                d.update(value=stated, timex=stated, granularity="day", reason=None,
                         rule="date.named_day.stated")
            elif chosen is not None:
                d.update(value=chosen.isoformat(), timex=chosen.isoformat(), granularity="day",
                         reason=None, rule="date.named_day.article_election")
            elif not calendar_ok:
                d.update(value=None, reason="the article does not date its election")
            s._.set(DATES, d)

    @staticmethod
    def _year_hint(accepted: list[tuple[Candidate, Span]], text: str) -> int | None:
        years = []
        for cand, _ in accepted:
            if cand.kind in ANCHOR_KINDS:
                dv = resolve(text[cand.start:cand.end], cand.kind, None)
                if dv.year:
                    years.append(dv.year)
        return max(years) if years else None

    def _passes(self, cand: Candidate, span: Span, text: str, lex: DateLexicon, year_tokens: set[int]) -> bool:
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        prev_low = prev.lower_ if prev is not None else ""
        next_low = nxt.lower_ if nxt is not None else ""
        # never inside money or a percentage, whatever ran before us
        if prev is not None and (prev.text in lex.money_before or prev.text[-1:] in "$£€¥"):
            return False
        if text[cand.end:cand.end + 1] == "%" or next_low in lex.money_or_percent_after:
            if cand.kind in ("year", "day_month", "month_day", "month_year", "numeric"):
                return False
        if next_low in lex.not_day_after and cand.kind in ("day_month", "year"):
            return False
        kind = cand.kind
        if kind == "year":
            return self._year_ok(cand, span, text, lex, year_tokens)
        if kind == "month":
            return self._month_ok(cand, span, text, lex)
        if kind == "season_mod":
            return prev_low in _SEASON_MOD_BEFORE and next_low in lex.season_nouns_after
        if kind == "named_day" and next_low in lex.named_day_modified:
            return False  # "a Christmas tree", "the Christmas bonus": a modifier, not a day
        if kind == "spelled_year" and (next_low in lex.count_nouns_after
                                       or text[cand.start:cand.end].lower().startswith("two")):
            return False  # "two thousand four" alone is a count; a month or season must lead
        if kind == "relative_day" and span.text.lower() == "today" and next_low in ("'s", "’s"):
            after = doc[span.end + 1].lower_ if span.end + 1 < len(doc) else ""
            if after in lex.generic_after_today:
                return False  # "today's youth": the present in general, not a day
        if kind in ("relative_day",) and span.text.lower().endswith(("tomorrow", "today")):
            sent = _sentence(doc, span)
            before = doc[max(sent.start, span.start - 12): span.start]
            # a condition needs two cues ("if ... were", "would ... if"): one alone ("not known
            # if", "would fail today") does not make the day hypothetical
            if len({t.lower_ for t in before} & set(lex.hypothetical_cues)) >= 2:
                return False
        if kind == "vague":
            low = span.text.lower()
            if next_low in lex.vague_blockers_after and low == "now":
                return False
            if low == "the past" and (lex.number_words.get(next_low) or next_low in lex.units
                                      or next_low[:1].isdigit()):
                return False  # "the past four years": a duration ("the past several ..." stays vague)
        return True

    @staticmethod
    def _year_ok(cand: Candidate, span: Span, text: str, lex: DateLexicon, year_tokens: set[int]) -> bool:
        y = int(text[cand.start:cand.end])
        lo, hi = lex.year_range
        if not lo <= y <= hi:
            return False
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        next_low = nxt.lower_ if nxt is not None else ""
        if next_low in lex.count_nouns_after or re.match(r"[.,][0-9]", text[cand.end:cand.end + 2]):
            return False
        before = text[max(0, cand.start - 6):cand.start].lower()
        if re.search(r"(?:mid|early|late|pre|post)-$", before):
            return True
        if prev is None:
            return next_low in lex.year_noun_after
        if prev.lower_ in lex.year_context_before:
            return True
        if prev.lower_ in lex.year_list_links and span.start >= 2 and (span.start - 2) in year_tokens:
            return True
        if (re.match(lex.organisation_year_before_pattern, prev.text) and not prev.is_sent_start
                and prev.lower_ not in patterns().month_of):
            return False
        return next_low in lex.year_noun_after

    @staticmethod
    def _month_ok(cand: Candidate, span: Span, text: str, lex: DateLexicon) -> bool:
        doc = span.doc
        word = text[cand.start:cand.end].split()[-1].split("-")[-1]
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        if prev is not None and prev.text in lex.person_title_before_month:
            return False
        if word not in lex.ambiguous_months or cand.end - cand.start > len(word):
            return True
        ctx_words = set(lex.year_context_before) | {"next", "last", "this", "and", "or", ",", "until", "late", "early"}
        prev_ok = prev is not None and prev.lower_ in ctx_words
        if nxt is not None and nxt.is_title and not prev_ok:
            return False
        if prev_ok:
            return True
        if nxt is not None and nxt.lower_ in lex.month_range_links and nxt.i + 1 < len(doc):
            if doc[nxt.i + 1].lower_.rstrip(".") in patterns().month_of:
                return True  # "April through June"
        return nxt is not None and nxt.lower_ in lex.year_noun_after


@Language.factory(
    "electx_dates",
    assigns=["doc.spans"],
    default_config={"timex_extras": False},
)
def make_dates(nlp: Language, name: str, timex_extras: bool) -> DateRecognizer:
    """Date spans with value, TIMEX3 value, granularity and event.

    ``timex_extras`` also marks what TimeML annotates but GOLD_FORMAT skips: vague
    references ("now" -> PRESENT_REF, "recently" -> PAST_REF), decades and centuries.
    """
    return DateRecognizer(name, timex_extras=timex_extras)
