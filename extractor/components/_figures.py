"""Shared helpers for the figure components: sentence bounds and char spans -> spaCy spans."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from ..doctext import doc_text

_SENT_SPLIT = re.compile(r"[.!?](?=\s{1,5}[\"'“‘(]?[A-Z0-9])|\n{1,3}")


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence; a punctuation split when the doc has none."""
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    out, start = [], 0
    text = doc_text(doc)
    for m in _SENT_SPLIT.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


#: Context windows never reach further than this from a figure, so cue searches stay linear
#: even in text without sentence breaks.
MAX_REACH = 600


class Sentences:
    """Find the sentence around a character offset in O(log n)."""

    def __init__(self, doc: Doc, bounds: list[tuple[int, int]] | None = None) -> None:
        """``bounds``: the Doc's sentence bounds when the caller has them already."""
        self.bounds = (sentence_bounds(doc) if bounds is None else bounds) or [(0, len(doc_text(doc)))]
        self.starts = [a for a, _ in self.bounds]

    def index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def around(self, char: int) -> tuple[int, int]:
        """The sentence's bounds, clipped to MAX_REACH characters either side of ``char``."""
        a, b = self.bounds[self.index(char)]
        return max(a, char - MAX_REACH), min(b, char + MAX_REACH)


class Intervals:
    """Sorted, non-overlapping (start, end) intervals with O(log n) overlap tests."""

    def __init__(self, items: list[tuple[int, int]] | None = None) -> None:
        self.items: list[tuple[int, int]] = []
        for s, e in sorted(items or []):
            self.items.append((s, e))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.items, (start, start))
        for j in (i - 1, i):
            if 0 <= j < len(self.items):
                s, e = self.items[j]
                if s < end and start < e:
                    return True
        # a longer interval starting earlier may cover [start, end)
        return i - 2 >= 0 and self.items[i - 2][1] > start

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.items, (start, end))


def make_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """A span over exactly these characters; None when the tokens do not line up."""
    span = doc.char_span(start, end, label=label, alignment_mode="strict")
    if span is None:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None or span.end_char - span.start_char > (end - start) + 2:
            return None
    return span


def drop_overlaps(items: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
    """Keep the longest of overlapping (start, end, data) items, in text order."""
    chosen: list[tuple[int, int, dict]] = []
    taken = Intervals()
    for it in sorted(items, key=lambda x: (-(x[1] - x[0]), x[0])):
        if not taken.overlaps(it[0], it[1]):
            taken.add(it[0], it[1])
            chosen.append(it)
    return sorted(chosen, key=lambda x: x[0])
