"""The speed-ups of the date scan find exactly what a plain scan finds."""
from __future__ import annotations

import pytest

from extractor.components.dates import KINDS, _scanners, find_candidates
from extractor.normalize.dates import _find_all, _find_any, _prefix_roots, patterns

TEXTS = [
    "Voters go to the polls on Thursday, 4 November, and results are due by Sept. 6 or September 7.",
    "The separatists won in March 2019; the market fell in the first quarter of 2020 and last June.",
    "Polling day is 16-18 December 2004, the nineteen ninety-six count aside, two years ago today.",
    "In the summer of 2020 the mayor, a decade later, said the year-earlier period was Q3 2019.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_guarded_patterns_find_the_same_matches(text: str) -> None:
    pats = patterns()
    for kind in KINDS:
        plain = [m.span() for m in pats.by_kind[kind].finditer(text)]
        assert [m.span() for m in _scanners(pats)[kind].finditer(text)] == plain, kind


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("whole", [True, False])
def test_find_any_matches_one_find_per_word(text: str, whole: bool) -> None:
    low = text.lower()
    for words in set(patterns().triggers.values()):
        naive = sorted({i for w in words for i in _find_all(low, w, whole)})
        assert _find_any(low, words, whole) == naive, words


def test_prefix_roots_group_longer_words_under_the_shortest() -> None:
    assert _prefix_roots(("sept", "sep", "september", "oct")) == (("oct", ("oct",)), ("sep", ("sep", "sept", "september")))


def test_whole_word_trigger_skips_longer_words() -> None:
    assert _find_any("the separatists met in sept.", ("sep", "sept"), whole=True) == [23]


def test_candidates_still_found_in_order() -> None:
    found = [(c.kind, TEXTS[0][c.start:c.end]) for c in find_candidates(TEXTS[0])]
    assert ("weekday_day_month", "Thursday, 4 November") in found
    assert ("month_day", "Sept. 6") in found
