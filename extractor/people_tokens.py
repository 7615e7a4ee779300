"""Fast lookups for the people rules: cue phrases indexed by their first and last word, and
one pass over a Doc's tokens into plain lists (so rules never rebuild word lists per call).

A phrase is a tuple of lowercase token texts ("is", "running", "for").  :class:`PhraseIndex`
answers the questions the rules ask of a window of words -- which phrases occur (first
occurrence, in the list's order), does one start at or end at a position -- with dict
lookups keyed by a word instead of comparing every phrase at every position.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, ORTH, SENT_START, SPACY
from spacy.lexeme import Lexeme
from spacy.tokens import Doc

Phrase = tuple[str, ...]


class PhraseIndex:
    """An ordered list of phrases with lookups by first and last word.

    Results follow the list's order (the first matching phrase wins), exactly as a loop over
    the list would.  An empty phrase occurs at position 0 of every window and ends a window
    only when the window is empty.

    >>> ix = PhraseIndex([("running", "for"), ("won",)])
    >>> ix.hits(["he", "is", "running", "for", "mayor"])
    [(('running', 'for'), 2)]
    >>> ix.tail(["she", "won"], 2)
    ('won',)
    """

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        self.phrases: list[Phrase] = list(phrases)
        self._first: dict[str, list[tuple[int, Phrase]]] = {}
        self._last: dict[str, list[tuple[int, Phrase]]] = {}
        self._empty: list[int] = []
        for n, ph in enumerate(self.phrases):
            if not ph:
                self._empty.append(n)
                continue
            self._first.setdefault(ph[0], []).append((n, ph))
            self._last.setdefault(ph[-1], []).append((n, ph))

    @property
    def has_empty(self) -> bool:
        """Whether an empty phrase is listed (it occurs everywhere)."""
        return bool(self._empty)

    @property
    def first_words(self) -> dict[str, list]:
        """The words that open a (non-empty) phrase (a mapping: use ``in``)."""
        return self._first

    def __iter__(self) -> Iterator[Phrase]:
        return iter(self.phrases)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def first_at(self, seq: Sequence[str], lo: int = 0, hi: int | None = None) -> dict[int, int]:
        """{phrase number: position of its first occurrence} within ``seq[lo:hi]`` (positions
        relative to ``lo``)."""
        hi = len(seq) if hi is None else min(hi, len(seq))
        out: dict[int, int] = dict.fromkeys(self._empty, 0)
        first = self._first
        for i, w in enumerate(seq[lo:hi], lo):
            cands = first.get(w)
            if cands is None:
                continue
            for n, ph in cands:  # a one-word phrase is its first word
                if n not in out and (len(ph) == 1 or i + len(ph) <= hi and tuple(seq[i:i + len(ph)]) == ph):
                    out[n] = i - lo
        return out

    def hits(self, seq: Sequence[str], lo: int = 0, hi: int | None = None) -> list[tuple[Phrase, int]]:
        """(phrase, first position) for every phrase in ``seq[lo:hi]``, in the list's order."""
        found = self.first_at(seq, lo, hi)
        return [(self.phrases[n], found[n]) for n in sorted(found)]

    def occurs(self, seq: Sequence[str], lo: int = 0, hi: int | None = None) -> bool:
        """Whether any phrase occurs within ``seq[lo:hi]``."""
        if self._empty:
            return True
        hi = len(seq) if hi is None else min(hi, len(seq))
        first = self._first
        for i, w in enumerate(seq[lo:hi], lo):
            cands = first.get(w)
            if cands is None:
                continue
            for _n, ph in cands:
                if len(ph) == 1 or i + len(ph) <= hi and tuple(seq[i:i + len(ph)]) == ph:
                    return True
        return False

    def starts_at(self, seq: Sequence[str], i: int) -> Phrase | None:
        """The first phrase (in the list's order) that ``seq[i:]`` begins with, else None."""
        best: tuple[int, Phrase] | None = (self._empty[0], ()) if self._empty else None
        for n, ph in self._first.get(seq[i], ()) if 0 <= i < len(seq) else ():
            if best is not None and n > best[0]:
                break
            if tuple(seq[i:i + len(ph)]) == ph:
                best = (n, ph)
                break
        return None if best is None else best[1]

    def ending_at(self, seq: Sequence[str], hi: int, lo: int = 0) -> list[Phrase]:
        """Every phrase (in the list's order) that ends at ``hi`` and starts at or after ``lo``;
        an empty phrase ends everywhere."""
        if not self._empty:
            if hi <= lo or hi > len(seq):
                return []
            return [ph for _n, ph in self._last.get(seq[hi - 1], ())
                    if hi - len(ph) >= lo and tuple(seq[hi - len(ph):hi]) == ph]
        found = [(n, ()) for n in self._empty]
        if lo < hi <= len(seq):
            found += [(n, ph) for n, ph in self._last.get(seq[hi - 1], ())
                      if hi - len(ph) >= lo and tuple(seq[hi - len(ph):hi]) == ph]
        return [ph for _n, ph in sorted(found)]

    def tail(self, seq: Sequence[str], hi: int, lo: int = 0) -> Phrase | None:
        """The first phrase (in the list's order) that the window ``seq[lo:hi]`` ends with, as
        ``tuple(window[-len(ph):]) == ph`` tests it (an empty phrase only ends an empty window)."""
        hi = min(hi, len(seq))
        if hi <= lo:
            return () if self._empty else None
        for _n, ph in self._last.get(seq[hi - 1], ()):
            if hi - len(ph) >= lo and tuple(seq[hi - len(ph):hi]) == ph:
                return ph
        return None


class Sent(NamedTuple):
    """A sentence's token bounds (what the rules read of a sentence ``Span``)."""

    start: int
    end: int


class Lex(NamedTuple):
    """What the rules read of a lexeme (``Token`` attributes that come from the word alone)."""

    text: str
    lower: str
    is_title: bool
    is_upper: bool
    is_alpha: bool
    is_space: bool
    is_punct: bool
    is_lower: bool
    like_num: bool
    is_stop: bool


class TokenView:
    """One pass over a Doc: token texts, lowercase forms and title case as lists, each token's
    lexeme (:class:`Lex`, for the rarer flags), whitespace and offsets, and each token's sentence.

    ``lexemes`` caches a :class:`Lex` per ORTH id across documents (lexeme attributes never
    change), so a Doc costs one ``to_array`` and a dict lookup per token; the cache grows with
    the words seen, like the Vocab itself.
    """

    __slots__ = ("lex", "texts", "words", "title", "sent_start", "idx", "ws", "sents", "sent_of", "ents")

    def __init__(self, doc: Doc, lexemes: dict[int, Lex] | None = None) -> None:
        lexemes = {} if lexemes is None else lexemes
        if len(doc):
            arr = doc.to_array([ORTH, SENT_START, IDX, SPACY, ENT_IOB, ENT_TYPE])
            orths = arr[:, 0].tolist()
            rows = list(map(lexemes.get, orths))
            if None in rows:
                for i, h in enumerate(orths):
                    if rows[i] is None:
                        rows[i] = lexemes[h] = _lexeme(doc.vocab[h])
            starts = arr[:, 1] == 1  # Token.is_sent_start is truthy only for 1
            idx, ws = arr[:, 2].tolist(), [" " if v else "" for v in arr[:, 3].tolist()]
            ents = _entities(doc, arr[:, 4], arr[:, 5])
        else:
            rows, idx, ws, ents = [], [], [], []
            starts = numpy.zeros(0, dtype=bool)
        self.lex: list[Lex] = rows
        self.texts: list[str] = [r[0] for r in rows]
        self.words: list[str] = [r[1] for r in rows]  # lowercase
        self.title: list[bool] = [r[2] for r in rows]
        self.sent_start: list[bool] = starts.tolist()
        self.idx: list[int] = idx  # character offsets
        self.ws: list[str] = ws  # trailing whitespace
        self.sents: list[tuple[int, int]] = _sentences(doc, starts)  # (start, end) of each sentence
        self.ents: list[tuple[int, int, str]] = ents  # (start, end, label) of each of ``doc.ents``
        self.sent_of: list[int] = []  # token -> sentence number
        for si, (s, e) in enumerate(self.sents):
            self.sent_of.extend([si] * (e - s))

    def span_text(self, s: int, e: int) -> str:
        """``doc[s:e].text`` for 0 <= s, e <= len(doc), without building a Span."""
        if e <= s:
            return ""
        if e - s == 1:
            return self.texts[s]
        texts, ws = self.texts, self.ws
        return "".join([texts[i] + ws[i] for i in range(s, e - 1)]) + texts[e - 1]

    def line_breaks(self) -> list[int]:
        """Whitespace tokens holding a line break (paragraph ends), in order."""
        lex = self.lex
        return [i for i, text in enumerate(self.texts) if "\n" in text and lex[i].is_space]

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """(start, end) of token i's sentence."""
        return self.sents[self.sent_of[i]]


def _lexeme(lex: Lexeme) -> Lex:
    text, lower = lex.orth_, lex.lower_
    lower = text if lower == text else lower  # one object: fewer memory touches
    return Lex(text, lower, lex.is_title, lex.is_upper, lex.is_alpha, lex.is_space, lex.is_punct, lex.is_lower,
               lex.like_num, lex.is_stop)


def _entities(doc: Doc, iob: numpy.ndarray, types: numpy.ndarray) -> list[tuple[int, int, str]]:
    """``doc.ents`` as (start, end, label), read from the IOB tags as spaCy does: an entity opens
    at a B tag with a label and runs over the I tags after it.  Tags spaCy rejects (an I tag
    outside an entity) go through ``doc.ents`` for its error."""
    opens = (iob == 3) & (types != 0)
    inside = iob == 1
    if inside.any():
        continuing = opens[:-1] | inside[:-1]  # what an I tag may follow
        if inside[0] or (inside[1:] & ~continuing).any():
            return [(ent.start, ent.end, ent.label_) for ent in doc.ents]
    starts = numpy.flatnonzero(opens)
    if not len(starts):
        return []
    stops = numpy.append(numpy.flatnonzero(~inside), len(iob))
    ends = stops[numpy.searchsorted(stops, starts, side="right")]
    strings = doc.vocab.strings
    return [(s, e, strings[t]) for s, e, t in zip(starts.tolist(), ends.tolist(), types[starts].tolist())]


def _sentences(doc: Doc, starts: numpy.ndarray) -> list[tuple[int, int]]:
    """``doc.sents`` as bounds, read from the sentence-start flags as spaCy does rather than
    built as Spans; a sentence hook, or no boundaries at all, goes through ``doc.sents``."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START") or not len(starts):
        return [(st.start, st.end) for st in doc.sents]  # the hook's sentences, or spaCy's error
    cuts = (numpy.flatnonzero(starts[1:]) + 1).tolist()  # starts after token 0: never empty sentences
    return list(zip([0, *cuts], [*cuts, len(starts)]))
