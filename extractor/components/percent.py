"""``electx_percent``: every percentage figure -> ``doc.spans["electx_percent"]`` (label PERCENT).

Forms: "42%", "42 per cent", "percent", "pct", spelled-out numbers, decimals, ranges and
pairs as separate values ("40-45%", "between 40 and 45 per cent", "by 39% to 34%"), bare
numbers that coordination makes percentages ("... 42 per cent and Bass 37"), and margins
("3-point lead", "by 5 points", "4.5 percentage points"), and plain "N points" in an electoral
sentence ("the gap between old and young voters, 46 points"; not "scored 46 points").  Subjects and kinds are filled
later by ``electx_attach``.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import fastscan
from ..normalize import figure_rules as rules
from ..normalize.numbers import qualifier_before
from ..normalize.percent import margin_regex, number_regex, percent_regex, points_regex, range_head_regex, value_of
from ..spans import PERCENT, register_extensions
from ._figures import Intervals, Sentences, doc_text, drop_overlaps, make_span

LABEL = "PERCENT"


@lru_cache(maxsize=1)
def _bare_regex() -> re.Pattern[str]:
    """ "Labour 42", "the Greens on 7.5": a name and a number that may end a coordinated pair.

    Written for speed, matching exactly as ``(?:(?i:the)\s)?(?P<subj>W(?:\sW){0,2})\s(?:(?P<link>L)\s)?
    (?P<num>\d{1,3}(?:\.\d{1,2})?)(?=END|\s*$)`` (tests/test_percent_bare_scan.py): ``(?=[A-Zt])``
    fails at most positions at once, and optional parts are alternatives with an empty one, the
    same tries in the same order without ``re``'s slower repeat machinery.
    """
    links = rules.alternation(rules.figure_kinds().bare_number_links)
    word = r"[A-Z][\w'’.\-]{0,30}"
    return re.compile(
        rf"(?=[A-Zt])(?:(?i:the)\s|)(?P<subj>{word}(?:\s{word}(?:\s{word}|)|))\s(?:(?P<link>{links})\s|)"
        rf"(?P<num>\d{{1,3}}(?:\.\d{{1,2}}|))(?={_BARE_END}|\s*$)"
    )


#: What may follow a bare number, bar the end of the text (``\s*$``, which reads all trailing spaces).
_BARE_END = r"\s?[,;:)]|\s(?:and|while|with|but|in|per|among|to|for|against)\b|\.(?:\s|$)"


@lru_cache(maxsize=1)
def _bare_scan() -> tuple[re.Pattern[str], int, int]:
    """(the bare pattern, the longest match, how far past a match its end test reads besides a
    run of spaces)."""
    rx = _bare_regex()
    return rx, fastscan.max_width(rx.pattern, rx.flags), fastscan.max_width(_BARE_END) + 1


@lru_cache(maxsize=1)
def _change_before() -> re.Pattern[str]:
    """ "rose by ", "a gain of ", "up about ": change words (percent.json) ending the text before a points figure."""
    words = rules.alternation(rules.percent_forms().change_words or ["up", "down"])
    quals = rules.alternation([q.phrase for q in rules.qualifiers().qualifiers])
    return re.compile(rf"(?i)\b(?:{words})\s{{1,3}}(?:(?:{quals})\s{{1,3}})?$")


@lru_cache(maxsize=1)
def _change_points() -> re.Pattern[str]:
    f = rules.percent_forms()
    points = rules.alternation([w for w in f.point_words if not w.startswith("percentage")])
    quals = rules.alternation([q.phrase for q in rules.qualifiers().qualifiers])
    return re.compile(rf"(?i:\b(?:up|down|rose|fell|gained|lost|dropped|slipped|climbed)\s(?:(?:{quals})\s)?)"
                      rf"(?P<num>{number_regex()})\s(?i:(?:{points}))\b")


@lru_cache(maxsize=1)
def _bare_points() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(plural 'N points', electoral context, score words before, other uses after): percent.json bare_points_*."""
    f = rules.percent_forms()
    plural = rules.alternation([w for w in f.point_words if w.endswith("s") and not w.startswith("percentage")])
    quals = rules.alternation([q.phrase for q in rules.qualifiers().qualifiers])
    context, before, after = (rules.alternation(ws or ["\x00"]) for ws in (
        f.bare_points_context, f.bare_points_not_after, f.bare_points_not_before))
    return (re.compile(rf"(?<![\w.,\-])(?P<num>{number_regex()})\s(?i:{plural})\b(?!-)"),
            re.compile(rf"(?i)\b(?:{context})\b"),
            re.compile(rf"(?i)\b(?:{before})\s{{1,3}}"
                       rf"(?:(?:{quals})\s{{1,3}})?$"),
            re.compile(rf"(?i)\s{{1,3}}(?:{after})\b"))


@lru_cache(maxsize=1)
def _pair_tail() -> re.Pattern[str] | None:
    """percent.json pair_tail_pattern (None when unset)."""
    pat = rules.percent_forms().pair_tail_pattern
    return re.compile(pat) if pat else None


@lru_cache(maxsize=1)
def _fractions() -> dict:
    """Word fractions (figure_kinds.json word_fractions) by lowercase phrase, "one in N" forms aside."""
    return {f.phrase.lower(): f for f in rules.figure_kinds().word_fractions if " in " not in f.phrase}


@lru_cache(maxsize=1)
def _point_fraction() -> re.Pattern[str]:
    """ "a quarter of a percentage point", "half a point": a fraction of a point."""
    fr = rules.alternation(list(_fractions()))
    return re.compile(rf"(?i)\b(?P<frac>{fr})\s(?:of\s)?an?\s(?:percentage\s|per\s?cent(?:age)?\s)?point\b")


_SPACE_DIGIT = re.compile(r"\s\d")
_CHAIN_GAP = re.compile(r"\s{0,2}[,;]\s{0,2}(?:and\s{1,3})?(?:(?:the|The)\s)?")
_BARE_PREFIX = re.compile(r"(?:^|[,;(]|\band|\bwhile|\bwith|\bbut|\bwhereas)\s{0,3}$")


@lru_cache(maxsize=1)
def _margin_context() -> re.Pattern[str]:
    cues = [c for k in rules.figure_kinds().percent_kinds if k.kind in ("margin", "swing") for c in k.cues]
    cues += rules.figure_kinds().poll_sentence_cues + rules.percent_forms().margin_context_words
    return re.compile(rf"(?i)\b(?:{rules.alternation(cues)})\b")


#: A match of the bare pattern: (start, end, subject start, subject end, number start, number end).
_Bare = tuple[int, int, int, int, int, int]


def _bare_of(m: re.Match[str], end: int) -> _Bare:
    return m.start(), end, m.start("subj"), m.end("subj"), m.start("num"), m.end("num")


class _BareScan:
    """``_bare_regex().finditer(text, a, b)`` for many overlapping windows (a, b), each stretch of
    the text searched once.

    A match starting at ``s`` reads the text up to ``s + width + reach`` and, for its end-of-text
    test, on through a run of spaces; a window ending past all that (or at the text's end) sees
    the same match at ``s`` as the whole text.  Those whole-text matches are searched for once
    and kept, with the stretches known to hold no other match start; each window walks them as
    ``finditer`` would, searching itself only over its last stretch, where its end may change
    what matches.  Every match holds a space-digit pair (before its number), at most ``width``
    characters after its start, so stretches far from one are not searched at all.
    """

    def __init__(self, text: str, anchors: list[int]) -> None:
        self.rx, self.width, self.reach = _bare_scan()
        self.text, self.anchors = text, anchors
        self.nonspace = re.compile(r"\S", self.rx.flags & re.ASCII)
        self.found: dict[int, _Bare] = {}
        self.starts: list[int] = []
        # disjoint [lo, hi) stretches whose whole-text match starts are all in `found`
        self.known_lo: list[int] = []
        self.known_hi: list[int] = []

    def safe_end(self, s: int) -> int:
        """An end at which matches starting at or before ``s`` are those of the whole text."""
        n = len(self.text)
        q = self.nonspace.search(self.text, s + self.width)
        return min(n, max(s + self.width + self.reach, q.start() if q else n) + 2)

    def cut(self, a: int, b: int) -> int:
        """The first start in the window whose match may depend on the window's end ``b``."""
        if b >= len(self.text):
            return b
        c = b - 1 - self.width - self.reach
        return max(a, c) if c <= a or self.safe_end(c - 1) <= b else a

    def _learn(self, lo: int, hi: int, rec: _Bare | None) -> None:
        i = bisect.bisect_left(self.known_lo, lo)
        self.known_lo.insert(i, lo)
        self.known_hi.insert(i, hi)
        if rec is not None:
            self.found[rec[0]] = rec
            bisect.insort(self.starts, rec[0])

    def next_start(self, pos: int, cut: int) -> int | None:
        """The first whole-text match start in ``[pos, cut)``, or None."""
        klo, khi, anchors = self.known_lo, self.known_hi, self.anchors
        while pos < cut:
            i = bisect.bisect_right(klo, pos) - 1
            if i >= 0 and pos < khi[i]:  # a known stretch
                j = bisect.bisect_left(self.starts, pos)
                if j < len(self.starts) and self.starts[j] < min(khi[i], cut):
                    return self.starts[j]
                pos = khi[i]
                continue
            limit = min(cut, klo[i + 1]) if i + 1 < len(klo) else cut
            k = bisect.bisect_left(anchors, pos)
            lo = max(pos, anchors[k] - self.width) if k < len(anchors) else limit
            if lo >= limit:
                self._learn(pos, limit, None)
                pos = limit
                continue
            m = self.rx.search(self.text, lo, self.safe_end(limit - 1))
            if m is None or m.start() >= limit:
                self._learn(pos, limit, None)
                pos = limit
                continue
            self._learn(pos, m.start() + 1, _bare_of(m, m.end()))
            return m.start()
        return None

    def matches(self, a: int, b: int) -> list[_Bare]:
        """What ``finditer(text, a, b)`` finds."""
        out: list[_Bare] = []
        cut = self.cut(a, b)
        pos = a
        while True:
            s = self.next_start(pos, cut)
            if s is None:
                break
            rec = self.found[s]
            out.append(rec)
            pos = rec[1]
        pos = max(pos, cut)
        k = bisect.bisect_left(self.anchors, pos)
        if k < len(self.anchors) and self.anchors[k] < b - 1:
            for m in self.rx.finditer(self.text, max(pos, self.anchors[k] - self.width), b):
                out.append(_bare_of(m, m.end()))
        return out


class PercentFinder:
    """Find percentages in a Doc (regexes over the text, bounded, so linear)."""

    def __init__(self, name: str = "electx_percent") -> None:
        self.name = name
        register_extensions()

    def find(self, doc: Doc) -> list[tuple[int, int, dict]]:
        """(start_char, end_char, data) for every percentage, overlaps resolved."""
        text = doc_text(doc)
        items: list[tuple[int, int, dict]] = []

        def add(start: int, end: int, num: str, unit: str, rule: str, kind: str | None = None) -> None:
            value = value_of(num)
            if value is None:
                return
            qual, qlen = qualifier_before(text[max(0, start - 40):start])
            items.append((start - qlen, end, {"value": value, "unit": unit, "qualifier": qual, "kind": kind,
                                              "subject": None, "rule": rule}))

        for m in fastscan.finditer(percent_regex(), text):
            unit = "percentage points" if m.group("pp") else "percent"
            rule = "percent.points" if m.group("pp") else ("percent.sign" if m.group("sign") else "percent.word")
            add(m.start(), m.end(), m.group("num"), unit, rule)
            tail = _pair_tail()
            t = tail.match(text, m.end(), min(len(text), m.end() + 40)) if tail and unit == "percent" else None
            if t:  # "took 48.6 per cent to his 45.9": the pair's bare half, its owner named by the possessive
                add(t.start("subj"), t.end("num"), t.group("num"), unit, "percent.pair_tail")
            head = range_head_regex().search(text[max(0, m.start() - 30):m.start()])
            if head and (head.group("join").lower() != "and" or head.group("between")):
                off = max(0, m.start() - 30)
                add(off + head.start("num"), off + head.end("num"), head.group("num"), unit, "percent.range_head")
        for m in fastscan.finditer(margin_regex(), text):
            add(m.start(), m.end(), m.group("num"), "percentage points", "percent.margin", "margin")
        sents = Sentences(doc)
        for m in fastscan.finditer(points_regex(), text):
            a, b = sents.around(m.start())
            g = "num" if m.group("num") is not None else "num2"
            change = _change_before().search(text, max(a, m.start(g) - 30), m.start(g))
            if change:  # "rose by 3 points", "a gain of 6 points": a change, its kind from the sentence
                add(m.start(g), m.end(), m.group(g), "percentage points", "percent.change_points")
            elif g == "num2" or _margin_context().search(text[a:b]):  # "8 points ahead of"
                add(m.start(g), m.end(), m.group(g), "percentage points", "percent.by_points", "margin")
        for m in fastscan.finditer(_change_points(), text):  # "up six points on the last poll"
            add(m.start("num"), m.end(), m.group("num"), "percentage points", "percent.change_points")
        for m in fastscan.finditer(_point_fraction(), text):  # "a quarter of a percentage point"
            frac = _fractions()[m.group("frac").lower()]
            items.append((m.start(), m.end(), {"value": round(frac.value / 100, 4), "unit": "percentage points",
                                               "qualifier": frac.qualifier, "kind": None, "subject": None,
                                               "rule": "percent.point_fraction"}))
        items = drop_overlaps(items)
        items += self._bare_points(text, sents, items)
        items += self._bare(text, sents, items)
        return drop_overlaps(items)

    def _bare_points(self, text: str, sents: Sentences,
                     found: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
        """Plural 'N points' with no margin or change cue ("the gap between old and young voters, 46 points",
        "rather than the 4.7 points"): percentage points when the sentence or the one before is electoral."""
        rx, context, score_before, other_after = _bare_points()
        taken = Intervals([(f[0], f[1]) for f in found])
        limit = rules.percent_forms().max_bare_value
        out: list[tuple[int, int, dict]] = []
        for m in fastscan.finditer(rx, text):
            if taken.overlaps(m.start(), m.end()):
                continue
            value = value_of(m.group("num"))
            if value is None or value > limit:
                continue
            if score_before.search(text, max(0, m.start() - 40), m.start()) or other_after.match(text, m.end()):
                continue
            idx = sents.index(m.start())
            a = sents.bounds[max(0, idx - 1)][0]
            _a, b = sents.bounds[idx]
            if not context.search(text, max(a, m.start() - 1200), min(b, m.end() + 600)):
                continue
            qual, qlen = qualifier_before(text[max(0, m.start() - 40):m.start()])
            out.append((m.start() - qlen, m.end(), {"value": value, "unit": "percentage points", "qualifier": qual,
                                                    "kind": None, "subject": None, "rule": "percent.bare_points"}))
        return out

    def _bare(self, text: str, sents: Sentences, found: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
        """Bare numbers made percentages by coordination with a percentage in the same sentence."""
        kinds = rules.figure_kinds()
        blockers = set(kinds.bare_number_blockers)
        limit = rules.percent_forms().max_bare_value
        by_sent: dict[int, list[tuple[int, int, dict]]] = {}
        for it in found:
            if it[2]["unit"] == "percent":
                by_sent.setdefault(sents.index(it[0]), []).append(it)
        out: list[tuple[int, int, dict]] = []
        taken = Intervals([(f[0], f[1]) for f in found])
        windows = []
        for idx, its in by_sent.items():
            a, b = sents.bounds[idx]
            windows.append((max(a, its[0][0] - 600), min(b, its[-1][1] + 600), False))
            # the next sentences: only chains of two or more pairs ("X 45, Y 43")
            last = min(len(sents.bounds) - 1, idx + 12)
            if last > idx:
                windows.append((b, min(sents.bounds[last][1], b + 2000), True))
        seen: set[int] = set()
        anchors = [m.start() for m in _SPACE_DIGIT.finditer(text)]
        windows = [w for w in windows  # every match holds a space and the digit after it: one (two for a chain)
                   if bisect.bisect_left(anchors, w[1] - 1) - bisect.bisect_left(anchors, w[0]) >= (2 if w[2] else 1)]
        scan = _BareScan(text, anchors)
        checked: dict[_Bare, tuple[int, int, int, float] | None] = {}
        for a, b, chains_only in windows:
            cands = []
            for rec in scan.matches(a, b):
                got = checked.get(rec, 0)
                if got == 0:
                    got = checked[rec] = self._bare_candidate(text, rec, taken, blockers, limit)
                if got is not None:
                    cands.append(got)
            for i, (start, s, e, value) in enumerate(cands):
                if s in seen:
                    continue
                chained = any(0 <= j < len(cands) and j != i and _CHAIN_GAP.fullmatch(
                    text[min(e, cands[j][2]):max(s, cands[j][1])]) is not None for j in (i - 1, i + 1))
                prefix = _BARE_PREFIX.search(text[max(a, start - 20):start])
                if not chained and (chains_only or not prefix):
                    continue
                seen.add(s)
                out.append((s, e, {"value": value, "unit": "percent", "qualifier": None, "kind": None,
                                   "subject": None, "rule": "percent.bare_coordination"}))
        return out

    @staticmethod
    def _bare_candidate(text: str, rec: _Bare, taken: Intervals, blockers: set[str],
                        limit: float) -> tuple[int, int, int, float] | None:
        """(match start, subject start, number end, value) of a bare match that may be a percentage."""
        start, _end, s, subj_end, num_start, e = rec
        if taken.overlaps(s, e):
            return None
        words = text[s:subj_end].split()
        if words[-1].lower().strip("'’.") in blockers or words[0].lower() in blockers:
            return None
        value = value_of(text[num_start:e])
        if value is None or value > limit:
            return None
        return start, s, e, value

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, data in self.find(doc):
            span = make_span(doc, start, end, LABEL)
            if span is None:
                continue
            span._.electx_percent = data
            spans.append(span)
        doc.spans[PERCENT] = spans
        return doc


@Language.factory("electx_percent", assigns=["doc.spans"], default_config={})
def make_percent(nlp: Language, name: str) -> PercentFinder:
    """Factory for the percentage finder."""
    return PercentFinder(name)
