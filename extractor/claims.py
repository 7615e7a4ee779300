"""Checkable claims built from the figure spans (and from word fractions, majorities and
counts that are not figures themselves).

Each claim is a plain dict with exactly the fields of :class:`extractor.schema.Claim` plus a
``rule`` id.  ``text`` is a verbatim substring of the article: the clause carrying the figure.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from . import fastscan
from .fastscan import guarded
from .components._figures import Intervals, Sentences, doc_text
from .components.attach import Mention, mentions, null_share, poll_context, poll_cue, prefer_person
from .facts import span_value
from .normalize import figure_rules as rules
from .normalize.numbers import DIGITS, number_word_regex, parse_digits, parse_words, qualifier_before
from .spans import MONEY, PERCENT, span_group

KIND_TO_PREDICATE = {"vote_share": "vote_share", "margin": "margin", "threshold": "threshold", "poll": "poll_share",
                     "turnout": "turnout", "swing": "other", "other": "other"}
# each alternation behind a lookahead of its possible first characters (the same matches,
# but positions that cannot start one are skipped at once)
_CLAUSE_START = re.compile(
    r"(?=[;:(\s,wb])(?:[;:(]|\s[-–—]\s|,\s(?=(?:while|but|with|and|compared)\b)|\b(?:while|but)\s)")
_CLAUSE_END = re.compile(
    r"(?=[;)\s,])(?:[;)]|\s[-–—]\s|,\s(?=(?:while|but|with|compared|according)\b)|\s(?:while|but)\s)")
_PRONOUN = re.compile(r"\b(?:he|she)\b")
_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _clause(text: str, a: int, b: int, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the clause around [start, end) inside the sentence [a, b).

    A clause never crosses a line break: a headline or dateline without a full stop is not
    part of the next paragraph's sentence, whatever the sentence splitter decided.
    """
    nl = text.rfind("\n", a, start)
    if nl != -1:
        a = nl + 1
    nl = text.find("\n", end, b)
    if nl != -1:
        b = nl
    cs = a
    for m in _CLAUSE_START.finditer(text, a, start):
        cs = m.end()
    m = _CLAUSE_END.search(text, end, b)
    ce = m.start() if m else b
    while ce > cs and text[ce - 1] in " .,\n\"'”’":
        ce -= 1
    while cs < start and text[cs] in " \n\"'“‘":
        cs += 1
    if ce < end:
        ce = end
    return cs, ce


@lru_cache(maxsize=1)
def _as_of() -> list[re.Pattern[str]]:
    return [guarded(p) for p in rules.figure_kinds().as_of_patterns]


@lru_cache(maxsize=1)
def _attribution() -> list[re.Pattern[str]]:
    return [guarded(p) for p in rules.figure_kinds().attribution_patterns]


@lru_cache(maxsize=64)
def _rx(pattern: str) -> re.Pattern[str]:
    """A rule file's pattern, compiled once (``re``'s own cache is shared with every other library)."""
    return guarded(pattern)


def _first(patterns: list[re.Pattern[str]], text: str, a: int, b: int) -> str | None:
    for rx in patterns:
        if not fastscan.may_match_in(rx, text, a, b):
            continue
        m = rx.search(text, a, b)
        if m:
            return m.group(0).strip(" ,")
    return None


class _Ctx:
    def __init__(self, doc: Doc, sents: Sentences | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.sents = Sentences(doc) if sents is None else sents
        self.mentions = [m for m in mentions(doc) if m.type in ("person", "party")]
        self.poll_article = poll_cue("poll_article", self.text)
        self._starts = [m.start for m in self.mentions]
        self._dated: dict[tuple[int, int], tuple[str | None, str | None, list[tuple[int, int]]]] = {}
        self._polled: dict[tuple[int, int], bool] = {}
        self._poll_sents: set[int] | None = None  # sentences with a poll percentage, found on first ask
        self._figure_sents: set[int] = set()
        self._clauses: dict[tuple[int, int, int, int], tuple[int, int]] = {}
        # the as_of / attribution patterns that can match somewhere in this article, in order
        self._as_of = [rx for rx in _as_of() if fastscan.may_match(rx, self.text)]
        self._attribution = [rx for rx in _attribution() if fastscan.may_match(rx, self.text)]

    def clause(self, a: int, b: int, start: int, end: int) -> tuple[int, int]:
        """:func:`_clause` of the article text, found once per figure (claim and subject ask alike)."""
        key = (a, b, start, end)
        hit = self._clauses.get(key)
        if hit is None:
            hit = self._clauses[key] = _clause(self.text, a, b, start, end)
        return hit

    def near(self, lo: int, hi: int) -> list[Mention]:
        """Mentions starting in [lo, hi] (bounded lookups keep claims linear)."""
        i = bisect.bisect_left(self._starts, max(0, lo))
        j = bisect.bisect_right(self._starts, hi)
        return self.mentions[i:j]

    def sentence_facts(self, a: int, b: int) -> tuple[str | None, str | None, list[tuple[int, int]]]:
        """(as_of, attribution, as_of match bounds) of the sentence window [a, b), found once."""
        hit = self._dated.get((a, b))
        if hit is None:
            text = self.text
            spans: list[tuple[int, int]] = []
            as_of = None
            for rx in self._as_of:
                if not fastscan.may_match_in(rx, text, a, b):
                    continue
                found = list(rx.finditer(text, a, b))
                if found and as_of is None:  # the first pattern's first match, as _first would find it
                    as_of = found[0].group(0).strip(" ,")
                spans += [(m.start(), m.end()) for m in found]
            hit = (as_of, _first(self._attribution, text, a, b), spans)
            self._dated[(a, b)] = hit
        return hit

    def claim(self, subject: str | None, predicate: str, value: float | None, unit: str | None,
              qualifier: str | None, start: int, end: int, rule: str) -> dict:
        a, b = self.sents.around(start)
        cs, ce = self.clause(a, b, start, end)
        as_of, attribution, _ = self.sentence_facts(a, b)
        return {"subject": subject, "predicate": predicate, "value": value, "unit": unit, "qualifier": qualifier,
                "as_of": as_of, "text": self.text[cs:ce],
                "attribution": attribution, "event": None,
                "start": cs, "end": ce, "rule": rule}

    def subject_after(self, start: int, end: int) -> str | None:
        """Poll-style subject: the person/party the clause after the figure is about."""
        a, b = self.sents.around(start)
        cs, ce = self.clause(a, b, start, end)
        after = [m for m in self.near(end, ce) if m.end <= ce]
        if after:
            return after[0].name
        if _PRONOUN.search(self.text, end, ce):
            prev = [m for m in self.near(start - 4000, start) if m.type == "person" and m.end <= start
                    and self.sents.index(m.start) >= self.sents.index(start) - 2]
            if prev:
                return prev[-1].name
        return None

    def poll_near(self, start: int) -> bool:
        """Whether a figure at ``start`` reports a poll: its sentence reads as one, or (in a poll
        article) it continues a sentence that does (:func:`~extractor.components.attach.poll_context`)."""
        if self.poll_sentence(start):
            return True
        if not self.poll_article:
            return False
        if self._poll_sents is None:
            self._poll_sents, self._figure_sents = set(), set()
            for span in span_group(self.doc, PERCENT):
                i = self.sents.index(span.start_char)
                self._figure_sents.add(i)
                if (span_value(self.doc, PERCENT, span) or {}).get("kind") == "poll":
                    self._poll_sents.add(i)
        return poll_context(self.text, self.sents, self.sents.index(start), self._poll_sents, self._figure_sents)

    def poll_sentence(self, start: int) -> bool:
        a, b = self.sents.around(start)
        hit = self._polled.get((a, b))
        if hit is None:
            s = self.text[a:b]
            hit = self._polled[(a, b)] = bool((self.poll_article and _response_regex().search(s))
                                              or poll_cue("poll_sentence", s))
        return hit


@lru_cache(maxsize=1)
def _response_regex() -> re.Pattern[str]:
    return guarded(rf"(?i)\b(?:{rules.alternation(rules.figure_kinds().poll_response_cues)})\b")


def build_claims(doc: Doc, sents: Sentences | None = None, percents: list[Span] | None = None,
                 money: list[Span] | None = None) -> list[dict]:
    """One claim per checkable figure, plus word fractions, majorities needed and counts.

    ``sents`` and the sorted ``percents`` / ``money`` span groups, when the caller has them,
    save finding them again."""
    ctx = _Ctx(doc, sents)
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    for span in span_group(doc, PERCENT) if percents is None else percents:
        d = span_value(doc, PERCENT, span) or {}
        if d.get("value") is None:
            continue
        taken.append((span.start_char, span.end_char))
        if _in_as_of(ctx, span.start_char, span.end_char):  # "with 97% of precincts reporting" dates a claim
            continue
        if _retracted(ctx.text, span.start_char, span.end_char):
            continue
        pred = KIND_TO_PREDICATE.get(d.get("kind") or "other", "other")
        subject = None if null_share(ctx.text, span.start_char, span.end_char) else d.get("subject")
        out.append(ctx.claim(subject, pred, float(d["value"]), d.get("unit") or "percent",
                             d.get("qualifier"), span.start_char, span.end_char, f"claims.{d.get('rule')}"))
    mapping = rules.figure_kinds().claim_predicate_for
    for span in span_group(doc, MONEY) if money is None else money:
        d = span_value(doc, MONEY, span) or {}
        taken.append((span.start_char, span.end_char))
        if d.get("equivalent_of") is not None or d.get("amount") is None:
            continue
        if _retracted(ctx.text, span.start_char, span.end_char):
            continue
        pred = d.get("predicate") or "other"
        pred = mapping.get(pred, pred)
        subject = _spender(ctx, d.get("subject"), span.start_char) if pred == "spending" else d.get("subject")
        out.append(ctx.claim(subject, pred, float(d["amount"]), d.get("currency"), d.get("qualifier"),
                             span.start_char, span.end_char, f"claims.{d.get('rule')}"))
    spans = Intervals(taken)
    out += _fractions(ctx, spans)
    out += _thresholds(ctx)
    out += _needed_counts(ctx, spans)
    out += _votes(ctx, spans)
    out += _counts(ctx, spans)
    return sorted(out, key=lambda c: (c["start"], c["end"]))


@lru_cache(maxsize=1)
def _anaphor_regex() -> re.Pattern[str] | None:
    words = rules.figure_kinds().money_anaphors
    return guarded(rf"(?i)\b(?:{rules.alternation(words)})\b") if words else None


def _spender(ctx: _Ctx, subject: str | None, start: int) -> str | None:
    """The spender, dropped when its sentence neither names it nor refers back to it.

    "A group funded by builders spent $400,000" is not the spending of the party named in
    the previous sentence.
    """
    rx = _anaphor_regex()
    if subject is None or rx is None:
        return subject
    a, b = ctx.sents.around(start)
    sentence = ctx.text[a:b]
    if subject in sentence or subject.split()[-1] in sentence or rx.search(sentence):
        return subject
    if any(m.name == subject for m in ctx.near(a, b - 1)):
        return subject
    return None


@lru_cache(maxsize=1)
def _retraction() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(withdrawing phrase ending before a figure, correction phrase right after it) from figure_kinds.json."""
    k = rules.figure_kinds()
    before = (re.compile(rf"(?i)(?<![\w-])(?:{rules.alternation(k.retracted_before)})\s{{1,3}}"
                         rf"(?:(?:about|around|some|roughly|nearly|almost)\s{{1,3}})?$")
              if k.retracted_before else None)
    after = (re.compile(rf"(?i)^[,\s]{{0,3}}(?:{rules.alternation(k.retracted_after)})\b")
             if k.retracted_after else None)
    return before, after


def _retracted(text: str, start: int, end: int) -> bool:
    """Whether the figure at [start, end) is withdrawn or hypothetical: "not 43.8 per cent as we
    reported", "rather than the 4.7 points given", "from, say, 42 per cent" (no claim).

    >>> _retracted("She won 38.4 per cent, not 43.8 per cent as we reported.", 27, 40)
    True
    >>> _retracted("She won 38.4 per cent, not 43.8 per cent as we reported.", 8, 21)
    False
    """
    before, after = _retraction()
    qualified = text[start:start + 1].isalpha()  # "not more than £5,000": a qualifier inside the span
    return bool((before is not None and not qualified and before.search(text[max(0, start - 30):start]))
                or (after is not None and after.match(text[end:end + 40])))


def _in_as_of(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a time qualifier ("with 97% of precincts reporting")."""
    a, b = ctx.sents.around(start)
    return any(s <= start and end <= e for s, e in ctx.sentence_facts(a, b)[2])


def _overlaps(s: int, e: int, taken: Intervals) -> bool:
    return taken.overlaps(s, e)


@lru_cache(maxsize=1)
def _fraction_regex() -> re.Pattern[str]:
    phrases = [f.phrase for f in rules.figure_kinds().word_fractions]
    return guarded(rf"(?i)\b(?:{rules.alternation(phrases)})\b")


@lru_cache(maxsize=1)
def _fraction_blockers() -> re.Pattern[str] | None:
    k = rules.figure_kinds()
    return re.compile(rf"(?i)^\s?(?:{rules.alternation(k.fraction_blockers)})") if k.fraction_blockers else None


@lru_cache(maxsize=1)
def _threshold_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    k = rules.figure_kinds()
    phrases = [t.phrase.lower() for t in k.threshold_phrases]
    return (guarded(rf"(?i)\b(?:{rules.alternation(phrases)})\b"),
            guarded(rf"(?i)\b(?:{rules.alternation(k.threshold_context)})\b"))


def _fractions(ctx: _Ctx, taken: Intervals) -> list[dict]:
    k = rules.figure_kinds()
    table = {f.phrase.lower(): f for f in k.word_fractions}
    blockers = _fraction_blockers()
    text = ctx.text
    out: list[dict] = []
    for m in _fraction_regex().finditer(text):  # guarded: quicker than the literal prefilter here
        s, e = m.start(), m.end()
        entry = table.get(" ".join(m.group(0).lower().split()))
        if entry is None or _overlaps(s, e, taken):
            continue
        window = text[max(0, s - 2):e + 20]
        if blockers and (blockers.search(text[e:e + 20]) or blockers.search(window)):
            continue
        a, b = ctx.sents.around(s)
        if re.match(r"^[^.;]{0,40}?\(\s?\d", text[e:b]):  # "three-quarters of respondents (73%)": the figure wins
            continue
        qual, qlen = qualifier_before(text[max(0, s - 40):s])
        if entry.phrase.lower() == "half" and qual is None:
            continue
        qual = qual or entry.qualifier
        poll = ctx.poll_near(s)
        subject = ctx.subject_after(s, e) if poll else _nearest_before(ctx, s, reach=1)
        out.append(ctx.claim(subject, "poll_share" if poll else "other", entry.value, "percent", qual,
                             s - qlen, e, "claims.word_fraction"))
    for m in fastscan.finditer(_rx(k.out_of_ten_pattern), text):
        n = m.group("n").lower()
        value = float(_WORD_NUM.get(n, int(n) if n.isdigit() else 0) * 10)
        if not value:
            continue
        poll = ctx.poll_near(m.start())
        out.append(ctx.claim(ctx.subject_after(m.start(), m.end()) if poll else None,
                             "poll_share" if poll else "other", value, "percent", None, m.start(), m.end(),
                             "claims.out_of_ten"))
    for m in fastscan.finditer(_rx(k.ratio_pattern), text):
        n = m.group("a").lower()
        value = float(_WORD_NUM.get(n, int(n) if n.isdigit() else 0))
        if value:
            out.append(ctx.claim(None, "other", value, "ratio", None, m.start(), m.end(), "claims.ratio"))
    return out


@lru_cache(maxsize=1)
def _needed_regexes() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, str], re.Pattern[str] | None]:
    """(the needed count with its optional gap before it, any unit noun, noun -> unit, the needed words)
    from ``needed_counts``."""
    w = rules.figure_kinds().needed_counts
    if not w.needed_words or not w.units:
        return None, None, {}, None
    alt = rules.alternation
    nouns = {n.lower(): unit for unit, ns in w.units.items() for n in ns}
    num = rf"{DIGITS}|(?i:{number_word_regex()})"
    gap = (rf"(?:(?P<gap>{num})\s{{1,3}}(?:(?i:{alt(list(nouns))})\s{{1,3}})?(?i:{alt(w.relations)})\s{{1,3}})?"
           if w.relations else "")
    rx = guarded(rf"(?<![\w.,£$€%]){gap}(?i:the)\s{{1,3}}(?P<num>{num})\s{{1,3}}"
                 rf"(?:(?P<noun>(?i:{alt(list(nouns))}))\s{{1,3}})?(?i:{alt(w.needed_words)})\b")
    return (rx, guarded(rf"(?i)\b(?:{alt(list(nouns))})\b"), nouns,
            guarded(rf"(?i)(?<=\s)(?:{alt(w.needed_words)})\b"))


def _needed_counts(ctx: _Ctx, taken: Intervals) -> list[dict]:
    """ "the 76 needed for a majority": a threshold count; "seven short of the 76 needed": the holder's gap."""
    rx, noun_rx, nouns, needed = _needed_regexes()
    if rx is None or noun_rx is None or needed is None:
        return []
    text = ctx.text
    out: list[dict] = []
    found_at: list[re.Match[str]] = []
    last = 0
    for w in fastscan.finditer(needed, text):  # only the text just before a needed word can match
        lo = max(last, w.start() - 80)
        m = None
        for m in rx.finditer(text, lo, w.end()):
            pass
        if m is not None and m.end() == w.end():
            found_at.append(m)
            last = m.end()
    for m in found_at:
        s, e = m.start("num"), m.end("num")
        if taken.overlaps(s, m.end()):
            continue
        unit = nouns.get((m.group("noun") or "").lower())
        if unit is None:
            idx = ctx.sents.index(s)
            lo = ctx.sents.bounds[max(0, idx - 2)][0]
            found = None
            for found in noun_rx.finditer(text, lo, m.start()):
                pass
            if found is None:
                continue  # "the 40 needed": needed what?
            unit = nouns[found.group(0).lower()]
        value = parse_digits(m.group("num"))
        value = parse_words(m.group("num")) if value is None else value
        if not value:
            continue
        out.append(ctx.claim(None, "threshold", float(value), unit, None, s, e, "claims.needed_count"))
        taken.add(s, m.end())
        if m.group("gap"):
            gs = m.start("gap")
            gap = parse_digits(m.group("gap"))
            gap = parse_words(m.group("gap")) if gap is None else gap
            if gap and not taken.overlaps(gs, m.end("gap")):
                a, _ = ctx.sents.around(gs)
                holders = [x for x in ctx.near(a, gs) if x.end <= gs and x.type in ("party", "person")]
                out.append(ctx.claim(holders[-1].name if holders else None, "other", float(gap), unit, None,
                                     gs, m.end("gap"), "claims.needed_gap"))
                taken.add(gs, m.end("gap"))
    return out


def _nearest_before(ctx: _Ctx, start: int, reach: int) -> str | None:
    idx = ctx.sents.index(start)
    prev = [m for m in ctx.near(start - 4000, start) if m.end <= start and ctx.sents.index(m.start) >= idx - reach]
    return prev[-1].name if prev else None


def _thresholds(ctx: _Ctx) -> list[dict]:
    k = rules.figure_kinds()
    if not k.threshold_phrases:
        return []
    table = {t.phrase.lower(): t for t in k.threshold_phrases}
    rx, context = _threshold_regexes()
    out = []
    for m in fastscan.finditer(rx, ctx.text):
        a, b = ctx.sents.around(m.start())
        if not context.search(ctx.text, a, b):
            continue
        t = table[" ".join(m.group(0).lower().split())]
        out.append(ctx.claim(None, "threshold", t.value, "percent", t.qualifier, m.start(), m.end(),
                             "claims.majority_threshold"))
    return out


_NUM = r"\d{1,3}(?:,\d{3}){1,2}|\d{3,7}"
_NAME = r"[A-Z][\w'’.-]{1,30}(?:\s[A-Z][\w'’.-]{1,30}){0,2}"
#: a coordinated count after a votes figure: "to Pierce's 22,562", ", Whitfield 27,904", "to 11,203 for Labour's X"
_COORD_JOIN = r"(?:,\s(?:and\s|against\s|to\s)?|\s(?:to|against|and)\s)"
_COORD_NAME_NUM = re.compile(rf"{_COORD_JOIN}(?:the\s)?(?P<who>{_NAME})(?:'s|’s)?\s(?P<num>{_NUM})(?![\w%]|[.,]\d)")
_COORD_NUM_FOR = re.compile(rf"{_COORD_JOIN}(?P<num>{_NUM})(?:\svotes?)?\sfor\s(?:the\s)?")


def _mention_at(ctx: _Ctx, start: int, end: int) -> Mention | None:
    """The person/party mention overlapping [start, end), a person preferred."""
    found = [m for m in ctx.near(start - 60, end) if m.start < end and m.end > start]
    found.sort(key=lambda m: m.type != "person")
    return found[0] if found else None


def _vote_subject(ctx: _Ctx, s: int, e: int) -> str | None:
    """Who a vote count belongs to: the name just before it in its clause, else "... for X" after it."""
    text = ctx.text
    a, b = ctx.sents.around(s)
    cs, ce = ctx.clause(a, b, s, e)
    near = ctx.near(a, b)
    before = [m for m in near if cs <= m.start and m.end <= s]
    gap = text[before[-1].end:s] if before else ""
    if before and len(gap) <= 60 and not re.search(r"\d|\b(?:said|says|told|announced)\b", gap):
        return prefer_person(text, before[-1], near).name
    after = [m for m in near if m.start >= e and m.start - e <= 25]
    if after and re.fullmatch(r"\s(?:for\s(?:the\s)?|[a-z]{0,3}\s?)?(?:Mr|Mrs|Ms|Dr)?\.?\s?", text[e:after[0].start]):
        return prefer_person(text, after[0], near).name
    return None


@lru_cache(maxsize=1)
def _margin_regexes() -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None,
                               re.Pattern[str] | None, re.Pattern[str] | None]:
    """(by before the count, winner verb, loser verb, change word, restated margin) from ``vote_margins``."""
    w = rules.figure_kinds().vote_margins
    alt = rules.alternation

    def words(phrases: list[str]) -> re.Pattern[str] | None:
        return guarded(rf"(?i)\b(?:{alt(phrases)})\b") if phrases else None

    quals = alt([q.phrase for q in rules.qualifiers().qualifiers])
    by = re.compile(rf"(?i)\bby\s{{1,3}}(?:(?:{quals}|just|only|a\s{{1,3}}mere)\s{{1,3}})?$")
    restated = (re.compile(rf"(?i)\b(?:{alt(w.restated_margin_nouns)})\s{{1,3}}of\s{{1,3}}(?:[^.;,]|\.\d){{1,30}},\s{{1,3}}or\s{{1,3}}"
                           rf"(?:(?:{quals})\s{{1,3}})?$") if w.restated_margin_nouns else None)
    return by, words(w.winner_verbs), words(w.loser_verbs), words(w.change_words), restated


@lru_cache(maxsize=1)
def _lead_regex() -> re.Pattern[str] | None:
    """Lead words (figure_kinds.json vote_margins.lead_words) right after a vote count."""
    words = rules.figure_kinds().vote_margins.lead_words
    return guarded(rf"(?i)\s{{1,3}}(?:{rules.alternation(words)})\b") if words else None


def _vote_margin(ctx: _Ctx, s: int, e: int) -> tuple[str | None] | None:
    """(winner,) when the count at [s, e) is a margin ("took the seat from Labour by 212 votes",
    "a margin of 2.6 points, or 221 votes"); None when it is a count ("by 82,774 votes to 71,514")."""
    text = ctx.text
    by, winner, loser, change, restated = _margin_regexes()
    a, b = ctx.sents.around(s)
    cs, _ = ctx.clause(a, b, s, e)
    lo = max(a, s - 40)
    if restated is not None and restated.search(text, max(a, s - 60), s):
        people = [m for m in ctx.near(a, s) if m.end <= s and m.type == "person"]
        return (people[0].name if people else None),
    lead = _lead_regex()
    if lead is not None and lead.match(text, e, min(b, e + 20)) and not by.search(text, lo, s):
        # "Falk finished 41 votes ahead of Natt": the lead of the one named before
        people = [m for m in ctx.near(a, s) if m.end <= s]
        return (prefer_person(text, people[-1], ctx.near(a, b)).name if people else None),
    if not by.search(text, lo, s) or re.match(r"\s{1,3}(?:to|against)\s{1,3}\d", text[e:e + 12]):
        return None
    if change is not None and change.search(text, max(cs, s - 30), s):
        return None
    near = [m for m in ctx.near(a, s) if m.end <= s]
    lost = won = None
    if loser is not None:
        for lost in loser.finditer(text, max(a, s - 120), s):
            pass
    if winner is not None:
        for won in winner.finditer(text, max(a, s - 120), s):
            pass
    if lost is not None and (won is None or lost.start() > won.start()):
        # "lost to Reform UK's Gary Tolland by 112 votes": the one named between it and the count
        after = [m for m in near if m.start >= lost.end()]
        return (prefer_person(text, after[-1], ctx.near(a, b)).name if after else None),
    if won is None:
        return None,  # "the levy failed by 212 votes": no one's
    before = [m for m in near if m.end <= won.start()]
    if re.search(r"\b(?:he|she)\s{1,3}(?:[a-z]{1,12}\s{1,3})?$", text[max(a, won.start() - 20):won.start()], re.I):
        prev = [m for m in ctx.near(s - 4000, won.start()) if m.type == "person" and m.end <= won.start()
                and ctx.sents.index(m.start) >= ctx.sents.index(s) - 2]
        return (prev[-1].name if prev else None),  # "She won by 212 votes"
    if before:
        return prefer_person(text, before[-1], ctx.near(a, b)).name,
    return None,


def _votes(ctx: _Ctx, taken: Intervals) -> list[dict]:
    """Vote counts ("12,481 votes", results lines "X (Party) 12,481") and majorities ("a majority of 3,073")."""
    k = rules.figure_kinds()
    text = ctx.text
    out: list[dict] = []
    seen: set[int] = set()

    def add(subject: str | None, pred: str, num: str, s: int, e: int, rule: str) -> None:
        value = parse_digits(num)
        if value is None or s in seen or taken.overlaps(s, e) or _retracted(text, s, e):
            return
        seen.add(s)
        qual, qlen = qualifier_before(text[max(0, s - 40):s])
        out.append(ctx.claim(subject, pred, float(value), "votes", qual, s - qlen, e, rule))

    if k.result_line_pattern:
        for m in fastscan.finditer(_rx(k.result_line_pattern), text):
            who = _mention_at(ctx, m.start("name"), m.end("name"))
            add(who.name if who else m.group("name"), "votes", m.group("num"), m.start("num"), m.end("num"),
                "claims.result_line")
    if k.majority_pattern:
        for m in fastscan.finditer(_rx(k.majority_pattern), text):
            s = m.start("num")
            a, _ = ctx.sents.around(s)
            near = [x for x in ctx.near(a, m.start()) if x.end <= m.start()]
            subject = None
            if near and re.fullmatch(r"(?:'s|’s|')?\s{1,3}", text[near[-1].end:m.start()]):
                subject = near[-1].name
            elif near:
                people = [x for x in near if x.type == "person"]
                subject = (people or near)[0].name
            add(subject, "margin", m.group("num"), s, m.end("num"), "claims.majority_votes")
    if k.vote_count_pattern:
        for m in fastscan.finditer(_rx(k.vote_count_pattern), text):
            s = m.start("num")
            if s in seen:
                continue
            margin = _vote_margin(ctx, s, m.end())
            if margin is not None:
                add(margin[0], "margin", m.group("num"), s, m.end(), "claims.votes_margin")
                continue
            add(_vote_subject(ctx, s, m.end()), "votes", m.group("num"), s, m.end(), "claims.votes")
            pos = m.end()
            for _ in range(6):  # coordinated counts that follow
                c = _COORD_NAME_NUM.match(text, pos)
                if c:
                    who = _mention_at(ctx, c.start("who"), c.end("who"))
                    add(who.name if who else None, "votes", c.group("num"), c.start("who"), c.end("num"),
                        "claims.votes_coordinated")
                    pos = c.end()
                    continue
                c = _COORD_NUM_FOR.match(text, pos)
                if c:
                    after = [x for x in ctx.near(c.end(), c.end() + 40) if x.start >= c.end()]
                    who = prefer_person(text, after[0], ctx.near(c.end(), c.end() + 80)) if after else None
                    add(who.name if who else None, "votes", c.group("num"), c.start("num"), c.end("num"),
                        "claims.votes_coordinated")
                    pos = c.end()
                    continue
                break
    if k.count_share_pattern:  # "Ray on 902 (28.1 per cent)": a vote count without the word "votes"
        for m in fastscan.finditer(_rx(k.count_share_pattern), text):
            s = m.start("num")
            if s in seen or ctx.poll_near(s):
                continue
            add(_vote_subject(ctx, s, m.end("num")), "votes", m.group("num"), s, m.end("num"), "claims.votes_share")
    return out


@lru_cache(maxsize=1)
def _count_regex() -> re.Pattern[str]:
    nouns = [n for c in rules.figure_kinds().count_claims for n in c.nouns]
    return guarded(rf"(?<![\w.,£$€%])(?P<num>{DIGITS}|(?i:{number_word_regex()}))"
                   rf"(?P<mid>(?:\s[A-Za-z\-]{{2,15}}){{0,2}}?)\s(?P<noun>(?i:{rules.alternation(nouns)}))\b")


@lru_cache(maxsize=1)
def _count_rules() -> list[tuple]:
    """(rule, its lowercase nouns, its compiled context regex or None) per count rule."""
    return [(rule, {n.lower() for n in rule.nouns},
             guarded(rf"(?i)\b(?:{rules.alternation(rule.context)})\b") if rule.context else None)
            for rule in rules.figure_kinds().count_claims]


def _counts(ctx: _Ctx, taken: Intervals) -> list[dict]:
    k = rules.figure_kinds()
    text = ctx.text
    out = []
    for m in fastscan.finditer(_count_regex(), text):
        s, e = m.start(), m.end()
        if _overlaps(s, e, taken) or re.match(r"\s?(?:%|per\s?cent)", text[m.end("num"):m.end("num") + 9]):
            continue
        num = m.group("num")
        value = parse_digits(num)
        if value is None:
            value = parse_words(num)
        if value is None:
            continue
        noun = m.group("noun").lower()
        a, b = ctx.sents.around(s)
        for rule, nouns, context in _count_rules():
            if noun not in nouns:
                continue
            if context is not None and not context.search(text[a:b]):
                continue
            subject, predicate = None, rule.predicate
            if rule.predicate == "seats":
                parties = [x for x in ctx.near(a, b - 1) if x.type == "party"]
                before = [x for x in parties if x.end <= s]
                subject = (before[-1] if before else parties[0]).name if parties else None
                shared = _each_holders(ctx, before, s, e) if before else []
                part = re.search(k.seat_share_pattern, text[max(a, s - 50):s]) if k.seat_share_pattern else None
                if part:  # "with 31 of its 48 seats": 31 are the holder's, 48 the whole body's
                    ps = max(a, s - 50) + part.start("num")
                    held = parse_digits(part.group("num"))
                    held = parse_words(part.group("num")) if held is None else held
                    if held is not None and not _overlaps(ps, s, taken):
                        for other in shared[:-1]:  # "X and Y each won four of the 14 seats"
                            out.append(ctx.claim(other.name, "seats", float(held), rule.unit, None, ps, e,
                                                 f"claims.count_{rule.unit}_each"))
                        out.append(ctx.claim(subject, "seats", float(held), rule.unit, None, ps, e,
                                             f"claims.count_{rule.unit}"))
                    subject = None
                    predicate = "other"  # the body's size is no one's tally
                else:
                    for other in shared[:-1]:  # "X, Y and Z won one seat apiece": one tally each
                        out.append(ctx.claim(other.name, "seats", float(value), rule.unit, None, s, e,
                                             f"claims.count_{rule.unit}_each"))
            out.append(ctx.claim(subject, predicate, float(value), rule.unit, None, s, e,
                                 f"claims.count_{rule.unit}"))
            break
    out += _seat_lists(ctx, taken, out)
    if k.body_size_pattern:  # "the 150-seat chamber": the body's size
        for m in fastscan.finditer(_rx(k.body_size_pattern), text):
            s, e = m.start("num"), m.end()
            value = parse_digits(m.group("num"))
            if value is not None and not _overlaps(s, e, taken):
                out.append(ctx.claim(None, "other", float(value), "seats", None, s, e, "claims.body_size"))
    return out


@lru_cache(maxsize=1)
def _seat_words() -> tuple[re.Pattern[str], re.Pattern[str], str]:
    """(joiner between coordinated parties, an article allowed before the next; the shared-tally
    words "each" / "apiece"; the gap between a party and its elided seat tally) from
    figure_kinds.json's ``seat_lists``.

    The gap allows "Reform UK on 11", "the Nationals five", "Sinn Féin taking three",
    "The Liberals looked set to hold 16".
    """
    w = rules.figure_kinds().seat_lists
    lit = rules.literal_alternation
    articles = rf"(?:(?:{lit(w.articles)})\s)?" if w.articles else ""
    coord = re.compile(rf"(?:{lit(w.joiners)}){articles}" if w.joiners else r"(?!)")
    each = re.compile(rf"\b(?:{lit(w.shared_words)})\b" if w.shared_words else r"(?!)")
    verbs = [lit(w.holding_verbs)] if w.holding_verbs else []
    if w.future_frames and w.future_verbs:
        verbs.append(rf"(?:{lit(w.future_frames)})\s(?:{lit(w.future_verbs)})")
    adverbs = rf"(?:(?:{lit(w.adverbs)})\s)?" if w.adverbs else ""
    gap = rf"(?:'s|’s)?\s(?:{adverbs}(?:{'|'.join(verbs)})\s)?" if verbs else r"(?:'s|’s)?\s"
    return coord, each, gap


@lru_cache(maxsize=1)
def _seat_item_regex() -> re.Pattern[str]:
    """A bare tally right after a party: the number, then the end of the list item."""
    _, _, gap = _seat_words()
    shared = rules.literal_alternation(rules.figure_kinds().seat_lists.shared_words)
    each = rf"(?:\s(?:{shared}))?" if shared else ""
    return re.compile(rf"{gap}(?P<num>\d{{1,3}}|(?i:{number_word_regex()})){each}"
                      rf"(?=[,.;]|\s(?:and|with|while)\b|\s?$)")


def _each_holders(ctx: _Ctx, before: list[Mention], s: int, e: int) -> list[Mention]:
    """The coordinated parties sharing one tally ("X and Y each won four"), last one last; [] unless "each"."""
    coord, each, _ = _seat_words()
    last = before[-1]
    if len(ctx.text[last.end:s]) > 40 or not (each.search(ctx.text, last.end, s) or each.match(ctx.text[e:e + 8].lstrip())):
        return []
    group = [last]
    for m in reversed(before[:-1]):
        if not coord.fullmatch(ctx.text[m.end:group[0].start]):
            break
        group.insert(0, m)
    return group if len(group) > 1 else []


def _seat_lists(ctx: _Ctx, taken: Intervals, found: list[dict]) -> list[dict]:
    """Elided tallies after a party's seat count: "Labour has 19 seats, Reform UK 11 and the Greens
    two"; "... 34 of the 59 seats. The Liberals looked set to hold 16 and the Nationals five".

    In the sentence of a party's seat claim and the next one, a party followed (after at most a
    holding verb or "on") by a bare number ending its list item holds that many seats.
    """
    text = ctx.text
    held = [c for c in found if c["predicate"] == "seats" and c["subject"]]
    if not held:
        return []
    done = {c["start"] for c in found}
    sent_ids: set[int] = set()
    for c in held:
        i = ctx.sents.index(c["start"])
        sent_ids.update((i, i + 1))
    item = _seat_item_regex()
    coord, each, _ = _seat_words()
    out: list[dict] = []
    for i in sorted(sent_ids):
        if i >= len(ctx.sents.bounds):
            continue
        a, b = ctx.sents.bounds[i]
        parties = [m for m in ctx.near(a, b - 1) if m.type == "party" and m.end <= b]
        for j, m in enumerate(parties):
            r = item.match(text, m.end, b)
            if r is None or (j + 1 < len(parties) and parties[j + 1].start < r.end("num")):
                continue
            ns, ne = r.start("num"), r.end("num")
            if taken.overlaps(ns, ne) or ns in done:
                continue
            value = parse_digits(r.group("num"))
            value = parse_words(r.group("num")) if value is None else value
            if not value:
                continue
            group = [m]
            if each.search(r.group(0)):  # "the Greens and independents three each"
                for prev in reversed(parties[:j]):
                    if not coord.fullmatch(text[prev.end:group[0].start]):
                        break
                    group.insert(0, prev)
            done.add(ns)
            for who in group:
                out.append(ctx.claim(who.name, "seats", float(value), "seats", None, m.start, ne,
                                     "claims.seat_list"))
    return out


__all__ = ["build_claims", "KIND_TO_PREDICATE", "Mention"]
