"""Skip whole-text regex scans that cannot match: a required-literal prefilter.

Many figure and cue regexes (rules as data) only match text that contains one of a few
literal strings ("out of", "majority", "point").  :func:`required_literals` reads them off
the parsed pattern (every match contains at least one), so a scan over an article without
any of them is skipped; when one is present the regex runs as before.  The results are
the same as ``rx.finditer(text)`` by construction; patterns the analysis does not
understand are always scanned.

>>> rx = re.compile(r"\\b(?:[Oo]ne|two) (?:out of|in) (?:10|ten)\\b")
>>> sorted(required_literals(rx))
[' in', ' out of']
>>> list(finditer(rx, "Nothing to see here."))
[]
>>> [m.group(0) for m in finditer(rx, "One in ten said so.")]
['One in ten']
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

try:  # Python 3.11+
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
    from re._constants import (  # type: ignore[attr-defined]
        ASSERT, ASSERT_NOT, AT, AT_BEGINNING, AT_END, AT_END_LINE, AT_END_STRING, ATOMIC_GROUP, BRANCH, CATEGORY,
        CATEGORY_DIGIT, CATEGORY_NOT_DIGIT, CATEGORY_NOT_SPACE, CATEGORY_NOT_WORD, CATEGORY_SPACE, CATEGORY_WORD,
        GROUPREF, GROUPREF_EXISTS, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT, RANGE, SUBPATTERN,
    )
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse as _sre_parse  # type: ignore[no-redef]
    from sre_constants import (  # type: ignore[no-redef]
        ASSERT, ASSERT_NOT, AT, AT_BEGINNING, AT_END, AT_END_LINE, AT_END_STRING, BRANCH, CATEGORY, CATEGORY_DIGIT,
        CATEGORY_NOT_DIGIT, CATEGORY_NOT_SPACE, CATEGORY_NOT_WORD, CATEGORY_SPACE, CATEGORY_WORD, GROUPREF,
        GROUPREF_EXISTS, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, RANGE, SUBPATTERN,
    )
    ATOMIC_GROUP = POSSESSIVE_REPEAT = object()  # no such nodes before 3.11

_ICASE = re.IGNORECASE
#: Required literals, each with the most characters a match can consume before it: frozenset of (str, int).
_Lits = frozenset
#: An offset standing for "no bound".
_UNBOUNDED = 1 << 30


def _names(lits: _Lits) -> set[str]:
    return {lit for lit, _off in lits}


def _better(a: _Lits | None, b: _Lits | None) -> _Lits | None:
    """The more selective of two literal sets (longer shortest literal, then fewer)."""
    if a is None:
        return b
    if b is None:
        return a
    na, nb = _names(a), _names(b)
    ka = (min(map(len, na)), -len(na))
    kb = (min(map(len, nb)), -len(nb))
    return a if ka >= kb else b


def _width(op, av) -> int:
    """The most characters one parsed element consumes."""
    if op in (AT, ASSERT, ASSERT_NOT):
        return 0
    try:
        return min(_UNBOUNDED, _sre_parse.SubPattern(_sre_parse.State(), [(op, av)]).getwidth()[1])
    except Exception:  # a group reference: no bound known
        return _UNBOUNDED


def _seq(items: list, flags: int) -> _Lits | None:
    """Literals one of which every match of the sequence ``items`` contains (None: unknown),
    each with the most characters the sequence consumes before it."""
    best: _Lits | None = None
    run: list[str] = []
    run_off = off = 0

    def flush() -> None:
        nonlocal best
        if run:
            best = _better(best, frozenset([("".join(run), run_off)]))
            run.clear()

    for op, av in items:
        if op is LITERAL:
            if not run:
                run_off = off
            run.append(chr(av))
            off += 1
            continue
        if op in (AT, ASSERT, ASSERT_NOT):  # zero width: the literal run goes on
            if op is AT:
                continue
            flush()
            continue
        lead = _lead(op, av) if run else None
        if lead:  # "p(?:oints?|ts)": the run goes on into every alternative
            best = _better(best, frozenset(("".join(run) + x, run_off) for x in lead))
        flush()
        sub = _elem(op, av, flags)
        if sub is not None:
            best = _better(best, frozenset((lit, o + off) for lit, o in sub))
        off += _width(op, av)
    flush()
    return best


def _lead_seq(items: list) -> frozenset | None:
    """The literal strings a match of the sequence starts with (None: not all start with one)."""
    items = list(items)
    while items and items[0][0] in (AT, ASSERT, ASSERT_NOT):  # zero width
        items.pop(0)
    out: list[str] = []
    for op, av in items:
        if op is not LITERAL:
            break
        out.append(chr(av))
    if out:
        return frozenset(["".join(out)])
    return _lead(*items[0]) if items and items[0][0] in (SUBPATTERN, BRANCH) else None


def _lead(op, av) -> frozenset | None:
    if op is SUBPATTERN:
        return _lead_seq(list(av[3]))
    if op is BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            lead = _lead_seq(list(alt))
            if not lead:
                return None
            out |= lead
        return frozenset(out)
    return None


def _elem(op, av, flags: int) -> _Lits | None:
    """:func:`_seq` for one element, offsets from the element's start."""
    if op is SUBPATTERN:
        _group, add, rem, sub = av
        return _seq(list(sub), (flags | add) & ~rem)
    if op is BRANCH:
        out: set[tuple[str, int]] = set()
        for alt in av[1]:
            lits = _seq(list(alt), flags)
            if lits is None:
                return None
            out |= lits
        return frozenset(out)
    if op in (MAX_REPEAT, MIN_REPEAT):
        lo, _hi, sub = av
        return _seq(list(sub), flags) if lo >= 1 else None
    return None


def _scoped_icase(items: list) -> bool:
    """Whether a ``(?i:...)`` group occurs anywhere in the parsed pattern."""
    for op, av in items:
        if op is SUBPATTERN and (av[1] & _ICASE or _scoped_icase(list(av[3]))):
            return True
        if op is BRANCH and any(_scoped_icase(list(alt)) for alt in av[1]):
            return True
        if op in (MAX_REPEAT, MIN_REPEAT) and _scoped_icase(list(av[2])):
            return True
        if op in (ASSERT, ASSERT_NOT) and _scoped_icase(list(av[1])):
            return True
    return False


#: The only characters outside ASCII that ``re`` (IGNORECASE) takes for an ASCII letter.
_SRE_EXTRA = {0x130: "i", 0x131: "i", 0x17F: "s"}


def _fold_text(text: str) -> str:
    """What an ignore-case match of ASCII or caseless literals sees: 'İ', 'ı', 'ſ' and 'K' included.

    >>> _fold_text("İstanbul ſo"), _fold_text("Plain")
    ('istanbul so', 'plain')
    """
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:  # rare: translate is slow
        return text.translate(_SRE_EXTRA).lower()
    return text.lower()


def _safe(lit: str) -> bool:
    """ASCII or caseless characters only, so that folding matches ``re``'s own case rules."""
    return all(ord(ch) < 128 or (ch.lower() == ch and ch.upper() == ch) for ch in lit)


@lru_cache(maxsize=256)
def _analyse(pattern: str, flags: int) -> tuple[bool, frozenset | None, frozenset | None] | None:
    """(ignore case?, required literals, leading literals) of a pattern; None: nothing known."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception:  # pragma: no cover - re.compile accepted it
        return None
    flags = parsed.state.flags
    items = list(parsed)
    # a case-insensitive flag anywhere makes the whole check case-folded (sound either way)
    icase = bool(flags & _ICASE) or _scoped_icase(items)
    pairs, leads = _seq(items, flags), _lead_seq(items)
    lits = None if pairs is None else frozenset(_names(pairs))
    if lits is not None and not all(map(_safe, lits)):
        lits = None
    if leads is not None and not all(map(_safe, leads)):
        leads = None
    if icase:
        lits = None if lits is None else frozenset(map(_fold_text, lits))
        leads = None if leads is None else frozenset(map(_fold_text, leads))
    if lits is None and leads is None:
        return None
    return icase, lits, leads


@lru_cache(maxsize=256)
def _offsets(pattern: str, flags: int) -> dict[str, int]:
    """Each required literal of :func:`_analyse` (folded likewise) -> the most characters a
    match consumes before it: a match holding it at ``p`` starts in ``[p - offset, p]``."""
    parsed = _sre_parse.parse(pattern, flags)
    items = list(parsed)
    icase = bool(parsed.state.flags & _ICASE) or _scoped_icase(items)
    out: dict[str, int] = {}
    for lit, off in _seq(items, parsed.state.flags) or ():
        key = _fold_text(lit) if icase else lit
        out[key] = max(out.get(key, 0), off)
    return out


@lru_cache(maxsize=256)
def _search_set(pattern: str, flags: int) -> tuple[tuple[str, int], ...]:
    """The required literals to look for, each with how far back from it a match may start:
    a literal holding a shorter one is dropped, the shorter one looking back far enough for
    both ("dollars" at ``p`` holds "dollar" at ``p``), so each stretch still has a literal.

    >>> _search_set(r"(?:dollars|dollar|\\$)\\d{1,3}", 0)
    (('$', 0), ('dollar', 0))
    """
    got = _analyse(pattern, flags)
    win = _window(pattern, flags)
    if got is None or got[1] is None or win is None:
        return ()
    offsets = _offsets(pattern, flags)
    back: dict[str, int] = {}
    for lit in sorted(got[1], key=lambda x: (len(x), x)):
        own = min(offsets[lit], win[0] - len(lit))
        inner = next((k for k in back if k in lit), None)
        if inner is None:
            back[lit] = own
        else:
            back[inner] = max(back[inner], own + lit.find(inner))
    return tuple(sorted(back.items()))


@lru_cache(maxsize=256)
def _lead_set(pattern: str, flags: int) -> tuple[str, ...]:
    """The leading literals to look for: one with a shorter one as its prefix is dropped (it
    starts where that one does, and a failed try at an extra start changes nothing)."""
    got = _analyse(pattern, flags)
    kept: list[str] = []
    for lead in sorted(got[2] if got is not None and got[2] is not None else (), key=lambda x: (len(x), x)):
        if not any(lead.startswith(k) for k in kept):
            kept.append(lead)
    return tuple(kept)


#: About how many starts ``rx.search`` tries in the time of one ``rx.match`` call from Python.
_MATCH_COST = 3

#: Widths above this count as unbounded (no window is derived from them).
_MAX_WINDOW = 2000


def _lookahead_reach(items: list) -> int | None:
    """Characters lookaheads can read past the consumed text (summed, so an upper bound);
    None when one is unbounded or the pattern tests for the end of the text (``$``, ``\\Z``)
    or refers back to a group."""
    total = 0
    for op, av in items:
        if op is AT and av in (AT_END, AT_END_LINE, AT_END_STRING):
            return None
        if op in (GROUPREF, GROUPREF_EXISTS):
            return None
        subs: list = []
        if op in (ASSERT, ASSERT_NOT):
            direction, sub = av
            if direction == 1:
                width = sub.getwidth()[1]
                if width > _MAX_WINDOW:
                    return None
                total += width
            subs = [sub]
        elif op is SUBPATTERN:
            subs = [av[3]]
        elif op is BRANCH:
            subs = list(av[1])
        elif op in (MAX_REPEAT, MIN_REPEAT):
            subs = [av[2]]
        for sub in subs:
            got = _lookahead_reach(list(sub))
            if got is None:
                return None
            total += got
    return total


@lru_cache(maxsize=256)
def _window(pattern: str, flags: int) -> tuple[int, int] | None:
    """(longest match, characters read past a match's end) of a pattern; None: unbounded."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception:  # pragma: no cover - re.compile accepted it
        return None
    width = parsed.getwidth()[1]
    reach = _lookahead_reach(list(parsed))
    if width > _MAX_WINDOW or reach is None:
        return None
    return width, reach + 2  # and a character either side for \\b


def max_width(pattern: str, flags: int = 0) -> int:
    """The most characters a match of ``pattern`` consumes (lookarounds read but consume none).

    >>> max_width(r"(?:the\\s)?[A-Z]\\w{0,3}(?=\\s)"), max_width(r"\\s?[,;]")
    (8, 2)
    """
    return _sre_parse.parse(pattern, flags).getwidth()[1]


def required_literals(rx: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``rx`` contains (case-folded when the pattern
    ignores case anywhere); None when the pattern has no such literal."""
    got = _analyse(rx.pattern, rx.flags)
    return None if got is None else got[1]


def leading_literals(rx: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``rx`` starts with (case-folded as above), or None."""
    got = _analyse(rx.pattern, rx.flags)
    return None if got is None else got[2]


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    return _fold_text(text)


def may_match(rx: re.Pattern[str], text: str) -> bool:
    """False only when ``rx`` cannot match anywhere in ``text``."""
    got = _analyse(rx.pattern, rx.flags)
    if got is None or got[1] is None:
        return True
    hay = _folded(text) if got[0] else text
    return any(lit in hay for lit in got[1])


@lru_cache(maxsize=4)
def _article(text: str) -> dict:
    """Per-article memo of :func:`_present` (a few articles only, so big texts are not kept)."""
    return {}


def _present(rx: re.Pattern[str], text: str) -> tuple[bool, tuple[str, ...]] | None:
    """(positions usable?, the required literals found in ``text``); None: no literal known."""
    memo = _article(text)
    if rx in memo:
        return memo[rx]
    got = _analyse(rx.pattern, rx.flags)
    if got is None or got[1] is None:
        found = None
    else:
        hay = _folded(text) if got[0] else text
        found = len(hay) == len(text), tuple(lit for lit in got[1] if lit in hay)
    memo[rx] = found
    return found


def may_match_in(rx: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """False only when no match of ``rx`` can lie inside ``text[start:end]`` (however the
    caller searches that stretch: sliced, or with ``pos``/``endpos``).  Literal lookups by
    offset, after one check per article of which literals occur at all."""
    found = _present(rx, text)
    if found is None:
        return True
    positional, lits = found
    if not lits:
        return False
    if not positional:
        return True
    got = _analyse(rx.pattern, rx.flags)
    hay = _folded(text) if got[0] else text
    return any(hay.find(lit, start, end) != -1 for lit in lits)


def finditer(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Exactly ``rx.finditer(text)``, faster: skipped when a required literal is missing, and
    tried only where a leading literal occurs when the pattern has them."""
    got = _analyse(rx.pattern, rx.flags)
    if got is None:
        return rx.finditer(text)
    icase, lits, leads = got
    hay = _folded(text) if icase else text
    if leads is None and lits is not None and len(hay) == len(text) and _search_set(rx.pattern, rx.flags):
        return _in_windows(rx, text, hay, lits)  # nothing when no literal occurs
    if lits is not None and not any(lit in hay for lit in lits):
        return iter(())
    if len(hay) != len(text):
        return rx.finditer(text)
    if leads is None:
        return _in_windows(rx, text, hay, lits) if lits is not None else rx.finditer(text)
    return _at_leads(rx, text, hay, leads, lits)


def _in_windows(rx: re.Pattern[str], text: str, hay: str, lits: frozenset) -> Iterator[re.Match[str]]:
    """``finditer`` when every match holds one of ``lits`` and is at most ``width`` long: a
    match holding the literal found at ``p`` starts in ``[p - offset, p]`` (at most what a match
    consumes before that literal, :func:`_offsets`; never more than ``width - len(lit)``), so
    ``rx.search`` runs only over those stretches (merged), each searched with an end far
    enough past it that the match, and whatever its lookaheads read, is the same as in the
    whole text; a match starting beyond its stretch is left to the next one."""
    win = _window(rx.pattern, rx.flags)
    if win is None:
        yield from rx.finditer(text)
        return
    width, reach = win
    spans: list[tuple[int, int]] = []
    for lit, back in _search_set(rx.pattern, rx.flags):
        i = hay.find(lit)
        while i != -1:
            spans.append((max(0, i - back), i))
            i = hay.find(lit, i + 1)
    spans.sort()
    merged: list[list[int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1] + 1:
            if hi > merged[-1][1]:
                merged[-1][1] = hi
        else:
            merged.append([lo, hi])
    if sum(hi - lo + 1 for lo, hi in merged) * 2 > len(text):  # most of the text: the plain scan is as quick
        yield from rx.finditer(text)
        return
    n = len(text)
    pos = 0
    search, match = rx.search, rx.match
    # a search that finds nothing at the stretch's starts goes on trying starts up to `end`:
    # over a short stretch, trying each start with `match` does less (the same leftmost match)
    short = (width + reach) // _MATCH_COST
    for lo, hi in merged:
        start = max(lo, pos)
        end = min(n, hi + width + reach)
        if hi - start < short:
            while start <= hi:
                m = match(text, start, end)
                if m is None:
                    start += 1
                    continue
                yield m
                pos = start = m.end() if m.end() > m.start() else m.start() + 1
            continue
        while start <= hi:
            m = search(text, start, end)
            if m is None or m.start() > hi:
                break
            yield m
            pos = start = m.end() if m.end() > m.start() else m.start() + 1


def _at_leads(rx: re.Pattern[str], text: str, hay: str, leads: frozenset,
              lits: frozenset | None = None) -> Iterator[re.Match[str]]:
    """``finditer`` when every match starts with one of ``leads``: ``rx.match`` at their
    occurrences only (the same leftmost, non-overlapping matches)."""
    starts: set[int] = set()
    for lit in _lead_set(rx.pattern, rx.flags):
        i = hay.find(lit)
        while i != -1:
            starts.add(i)
            i = hay.find(lit, i + 1)
    if len(starts) * 16 > len(text):  # a common lead ("a"): scan near the required literals
        yield from (_in_windows(rx, text, hay, lits) if lits is not None else rx.finditer(text))
        return
    pos = 0
    match = rx.match
    for i in sorted(starts):
        if i < pos:
            continue
        m = match(text, i)
        if m is not None:
            yield m
            pos = m.end() if m.end() > i else i + 1


# --- required characters ----------------------------------------------------------------
#: ``\d``, ``\w``, ``\s`` (and negations) as written inside ``[...]``.
_CATEGORIES = {CATEGORY_DIGIT: r"\d", CATEGORY_NOT_DIGIT: r"\D", CATEGORY_WORD: r"\w",
               CATEGORY_NOT_WORD: r"\W", CATEGORY_SPACE: r"\s", CATEGORY_NOT_SPACE: r"\S"}
#: A character set: code point ranges (lo, hi) and category escapes.
_Set = frozenset
#: Letters are far more frequent in text than digits or punctuation: weigh them so.
_LETTER_WEIGHT = 50


def _weight(chars: _Set) -> int:
    """How common the characters of a set are in running text (ASCII letters count most)."""
    total = 0
    for m in chars:
        if isinstance(m, str):
            total += 100_000
            continue
        lo, hi = m
        letters = sum(max(0, min(hi, b) - max(lo, a) + 1) for a, b in ((65, 90), (97, 122)))
        total += (hi - lo + 1) + letters * (_LETTER_WEIGHT - 1)
    return total


def _in_set(items: list) -> _Set | None:
    """The characters of a ``[...]`` set; None for a negated set or an unknown member."""
    out: set = set()
    for op, av in items:
        if op is LITERAL:
            out.add((av, av))
        elif op is RANGE:
            out.add(tuple(av))
        elif op is CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:
            return None
    return frozenset(out)


def _needs(items: list, flags: int) -> _Set | None:
    """Characters one of which every match of the sequence ``items`` contains (or its positive
    lookaround reads), from its most selective element; None when none is known."""
    best: _Set | None = None
    for op, av in items:
        got: _Set | None = None
        if flags & _ICASE:
            return None
        if op is LITERAL:
            got = frozenset([(av, av)])
        elif op is IN:
            got = _in_set(list(av))
        elif op is SUBPATTERN:
            got = _needs(list(av[3]), (flags | av[1]) & ~av[2])
        elif op is BRANCH:
            alts = [_needs(list(alt), flags) for alt in av[1]]
            got = None if any(a is None for a in alts) else frozenset().union(*alts)  # type: ignore[arg-type]
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            got = _needs(list(av[2]), flags)
        elif op is ASSERT:  # a positive lookaround reads characters of the searched string
            got = _needs(list(av[1]), flags)
        if got is not None and (best is None or _weight(got) < _weight(best)):
            best = got
    return best


def _char_class(chars: _Set) -> str:
    """``[...]`` for a set; characters beyond the BMP as one range (a superset: ``re`` tests
    a long list of them one by one, but the BMP ones by bitmap)."""
    parts = sorted(m for m in chars if isinstance(m, str))
    ranges = sorted(m for m in chars if not isinstance(m, str))
    if any(hi > 0xFFFF for _lo, hi in ranges):
        ranges = [(lo, min(hi, 0xFFFF)) for lo, hi in ranges if lo <= 0xFFFF] + [(0x10000, 0x10FFFF)]
    for lo, hi in ranges:
        parts.append(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}")
    return f"[{''.join(parts)}]"


@lru_cache(maxsize=64)
def _required_chars(pattern: str, flags: int) -> re.Pattern[str] | None:
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception:  # pragma: no cover - re.compile accepted it
        return None
    needs = _needs(list(parsed), parsed.state.flags)
    return re.compile(_char_class(needs), flags & re.ASCII) if needs else None


def required_chars(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A one-character regex such that ``rx`` cannot match (search, match or finditer over a
    whole string) a string in which it finds nothing; None when the pattern has no such
    characters (an empty alternative, a case-insensitive part, a negated set).

    >>> need = required_chars(re.compile(r"(?<=[0-9])(?:bn|k)$|'s$"))
    >>> need.search("election") is None, need.search("5bn") is None, need.search("Labour's") is None
    (True, False, False)
    >>> required_chars(re.compile(r"a|(?i:b)")) is None
    True
    """
    return _required_chars(rx.pattern, rx.flags)


def _edge(items: list, flags: int, last: bool) -> _Set | None:
    """The characters the first (``last``: the final) character a match of the sequence
    ``items`` consumes can be; None when not known (or the sequence can match nothing)."""
    for op, av in (reversed(items) if last else items):
        if flags & _ICASE:
            return None
        if op in (AT, ASSERT, ASSERT_NOT):  # zero width
            continue
        if op is LITERAL:
            return frozenset([(av, av)])
        if op is IN:
            return _in_set(list(av))
        if op is SUBPATTERN:
            if av[3].getwidth()[0] == 0:
                return None
            return _edge(list(av[3]), (flags | av[1]) & ~av[2], last)
        if op is BRANCH:
            alts = [_edge(list(alt), flags, last) for alt in av[1]]
            return None if any(a is None for a in alts) else frozenset().union(*alts)  # type: ignore[arg-type]
        if op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            return _edge(list(av[2]), flags, last)
        return None
    return None


@lru_cache(maxsize=64)
def _edge_chars(pattern: str, flags: int, last: bool) -> re.Pattern[str] | None:
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception:  # pragma: no cover - re.compile accepted it
        return None
    chars = _edge(list(parsed), parsed.state.flags, last)
    return re.compile(_char_class(chars), flags & re.ASCII) if chars else None


def edge_chars(rx: re.Pattern[str], last: bool = False) -> re.Pattern[str] | None:
    """A one-character regex for the character every match of ``rx`` starts with (``last``:
    ends with); None when unknown or when a match can be empty.

    >>> edge_chars(re.compile(r"(?<=[0-9])(?:bn|m)$|'s$"), last=True).match("s") is not None
    True
    >>> edge_chars(re.compile(r"(?<=[0-9])(?:bn|m)$|'s$"), last=True).match("b") is None
    True
    """
    return _edge_chars(rx.pattern, rx.flags, last)


def _alternatives(rx: re.Pattern[str]) -> list[list] | None:
    """The top-level alternatives of a pattern, parsed (None when it does not parse)."""
    try:
        items = list(_sre_parse.parse(rx.pattern, rx.flags))
    except Exception:  # pragma: no cover - re.compile accepted it
        return None
    if len(items) == 1 and items[0][0] is BRANCH:
        return [list(alt) for alt in items[0][1][1]]
    return [items]


def anchored_at_start(rx: re.Pattern[str]) -> bool:
    """Whether every alternative of ``rx`` starts with ``^`` (without MULTILINE): every match
    starts at the start of the string, and ``rx.search(s)`` finds what ``rx.match(s)`` does.

    >>> anchored_at_start(re.compile("^a|^b")), anchored_at_start(re.compile("^a|b"))
    (True, False)
    """
    alts = _alternatives(rx)
    return (not rx.flags & re.MULTILINE and alts is not None
            and all(alt and alt[0][0] is AT and alt[0][1] is AT_BEGINNING for alt in alts))


# --- regex speed: a first-character lookahead -------------------------------------------
_ZERO_WIDTH = (AT, ASSERT, ASSERT_NOT)


def _first_of_seq(items: list) -> tuple[set[str], bool] | None:
    """(class items a match of the sequence can start with, can it match empty?); None: unknown."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        got = _first_of(op, av)
        if got is None:
            return None
        found |= got[0]
        if not got[1]:
            return found, False
    return found, True


def _first_of(op, av) -> tuple[set[str], bool] | None:
    if op is LITERAL:
        return {re.escape(chr(av))}, False
    if op is IN:
        out: set[str] = set()
        for o, v in av:
            if o is LITERAL:
                out.add(re.escape(chr(v)))
            elif o is RANGE:
                out.add(f"{re.escape(chr(v[0]))}-{re.escape(chr(v[1]))}")
            elif o is CATEGORY and v in _CATEGORIES:
                out.add(_CATEGORIES[v])
            else:  # a negated class, ...
                return None
        return out, False
    if op is SUBPATTERN:
        return _first_of_seq(list(av[3]))
    if op is ATOMIC_GROUP:
        return _first_of_seq(list(av))
    if op is BRANCH:
        out, empty = set(), False
        for alt in av[1]:
            got = _first_of_seq(list(alt))
            if got is None:
                return None
            out |= got[0]
            empty = empty or got[1]
        return out, empty
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        got = _first_of_seq(list(av[2]))
        return None if got is None else (got[0], got[1] or av[0] == 0)
    return None


def _scanned(items: list, icase: bool) -> bool:
    """Whether ``re`` finds the start of a match with its own fast scan: a case-sensitive
    leading literal or class, maybe inside groups."""
    op, av = items[0]
    while op is SUBPATTERN and av[3].data:
        icase = (icase or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE
        op, av = av[3].data[0]
    return op in (LITERAL, IN) and not icase


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` behind a lookahead of the characters a match can start with.

    The same matches (every match starts with one of them), but ``re`` skips the positions
    that cannot start one with a single class test instead of trying every alternative of a
    case-insensitive ``\\b(?:cue|cue|...)``, for which it has no fast scan of its own.  Left
    as it is when ``re`` already scans for a leading literal or class, or no such class is known.

    >>> guarded(r"(?i)\\b(?:half|two-thirds)\\b").pattern
    '(?i)(?=[ht])(?:\\\\b(?:half|two-thirds)\\\\b)'
    """
    rx = re.compile(pattern, flags)
    parsed = _sre_parse.parse(pattern, flags)
    items = list(parsed)
    icase = bool(parsed.state.flags & re.IGNORECASE)
    if not items or _scanned(items, icase):
        return rx
    got = _first_of_seq(items)
    if got is None or got[1] or not got[0]:
        return rx
    cls = "[" + "".join(sorted(got[0])) + "]"
    if not icase and "(?i" in pattern:  # a scoped (?i:...) part: test the class ignoring case too
        cls = f"(?i:{cls})"
    head = re.match(r"(?:\(\?[aiLmsux]+\))+", pattern)  # global flags stay first
    lead = head.group(0) if head else ""
    return re.compile(f"{lead}(?={cls})(?:{pattern[len(lead):]})", flags)


#: Below this length a text (a sentence) is scanned by ``re`` directly: the literal prefilter
#: of this module (a case-folded copy, one ``find`` per literal) costs more than it saves.
SHORT_TEXT = 1000


def scan(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Exactly ``rx.finditer(text)``: through :func:`finditer` for a long text only."""
    return rx.finditer(text) if len(text) < SHORT_TEXT else finditer(rx, text)


__all__ = ["SHORT_TEXT", "anchored_at_start", "edge_chars", "finditer", "guarded", "leading_literals", "max_width", "may_match",
           "may_match_in", "required_chars", "required_literals", "scan"]
