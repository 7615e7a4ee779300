"""The bare-number scan (percent.py ``_BareScan``) finds exactly what the plain windowed
``finditer`` of the reference pattern finds, window by window, in any order of windows."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.components import percent as P
from extractor.normalize import figure_rules as rules

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "texts"


@lru_cache(maxsize=1)
def reference() -> re.Pattern[str]:
    """The pattern as first written (optional parts as ``?`` and ``{0,2}``, no lookahead guard)."""
    links = rules.alternation(rules.figure_kinds().bare_number_links)
    word = r"[A-Z][\w'’.\-]{0,30}"
    return re.compile(
        rf"(?:(?i:the)\s)?(?P<subj>{word}(?:\s{word}){{0,2}})\s(?:(?P<link>{links})\s)?"
        r"(?P<num>\d{1,3}(?:\.\d{1,2})?)"
        r"(?=\s?[,;:)]|\s(?:and|while|with|but|in|per|among|to|for|against)\b|\.(?:\s|$)|\s*$)"
    )


def spans(m: re.Match[str]) -> tuple[int, int, int, int, int, int]:
    return m.start(), m.end(), m.start("subj"), m.end("subj"), m.start("num"), m.end("num")


def anchors(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\s\d", text)]


def check(text: str, windows: list[tuple[int, int]]) -> None:
    scan = P._BareScan(text, anchors(text))
    for a, b in windows:
        want = [spans(m) for m in reference().finditer(text, a, b)]
        assert scan.matches(a, b) == want, (a, b)


PIECES = ["Labour", "The", "the", "THE", "Greens", "U.S.", "O'Neill", "Smith-Jones", "SNP", "Tories", "on",
          "with", "at", "and", "while", "against", "per", "cent", "42", "7.5", "100", "3.25", "1", "2019", "4",
          "A", "T", "Xx", "tHe", "Mr", "poll", "points"]
SEPS = [" ", " ", " ", "  ", "\n", ", ", "; ", ": ", ". ", ") ", "\t", "", "-", " \n ", "%", ".", " " * 130]


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPS)), min_size=1, max_size=90))
    return "".join(w + s for w, s in parts)


@st.composite
def text_and_windows(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(texts())
    n = len(text)
    bounds = st.integers(0, n)
    windows = draw(st.lists(st.tuples(bounds, bounds).map(sorted).map(tuple), min_size=1, max_size=12))
    return text, windows  # type: ignore[return-value]


def test_fast_pattern_matches_the_reference_on_corpus_texts() -> None:
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        pytest.skip("no corpus texts")
    for p in paths:
        text = p.read_text(encoding="utf-8")
        assert [spans(m) for m in P._bare_regex().finditer(text)] == [spans(m) for m in reference().finditer(text)]


@settings(max_examples=300, deadline=None)
@given(texts())
def test_fast_pattern_matches_the_reference(text: str) -> None:
    for pos in range(0, len(text), 7):
        got = [spans(m) for m in P._bare_regex().finditer(text, pos)]
        assert got == [spans(m) for m in reference().finditer(text, pos)]


@settings(max_examples=400, deadline=None)
@given(text_and_windows())
def test_scan_equals_windowed_finditer(case: tuple[str, list[tuple[int, int]]]) -> None:
    check(*case)


def test_window_ending_in_spaces_sees_its_own_end() -> None:
    # "\s*$" holds at a window's end but not in the whole text: the window's answer counts
    text = "Earlier, Labour 42    \n   and more text follows here, Greens 7"
    end = text.index("and")
    check(text, [(0, len(text)), (0, end), (9, end - 2), (0, end - 5)])


def test_long_run_of_spaces_after_a_number() -> None:
    # the end test reads the whole run: a window ending inside it may match where the text does not
    text = "Some words first, Labour 42" + " " * 200 + "and the Greens 7 more"
    n = len(text)
    ends = list(range(150, 240, 9))
    check(text, [(0, b) for b in ends] + [(0, n)] + [(5, b) for b in ends])
    check(text, [(0, n)] + [(0, b) for b in ends])


def test_windows_on_long_corpus_texts() -> None:
    paths = sorted(CORPUS.glob("*.txt"))[:40]
    if not paths:
        pytest.skip("no corpus texts")
    for p in paths:
        text = p.read_text(encoding="utf-8")
        n = len(text)
        windows = [(max(0, a - 600), min(n, a + w)) for a in range(0, n, 331) for w in (150, 900, 2000)]
        check(text, windows[::-1] + windows)


def test_no_match_without_a_number() -> None:
    assert P._BareScan("Labour and the Greens", []).matches(0, 21) == []
