"""The regex speed helpers (fastscan.guarded, fastscan.scan) and the facts bridge give exactly what they replace."""
from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import fastscan
from extractor.components import attach
from extractor.facts import set_span_value, span_value
from extractor.spans import PERCENT

PATTERNS = [
    r"(?i)\b(?:half|two-thirds|one\s{1,3}in\s{1,3}three)\b",
    r"(?<![\w.,£$€%])(?P<num>\d{1,3}(?:,\d{3}){1,2}|\d{3,7})\s(?:votes?)\b",
    r"(?i:\b(?:majority|lead)\s(?:of\s)?)(?P<num>\d{1,3}(?:,\d{3})?)",
    r"\b[Tt]he\s{1,3}party(?:'s|’s)?(?=\s)",
    r"(?i)\b(?:turnout|turn-out)\s{1,3}(?:fell|rose)\s{1,3}$",
    r"(?i)(?:(?P<p0>spent|spending)|(?P<p1>raised|donated))\b",
]
SAMPLES = [
    "Half of voters backed Labour; two-thirds of MPs and ONE  in three Greens did not.",
    "Ray won 12,481 votes, a majority of 3,073, and the party's lead of 41 held.",
    "Turnout fell  ",
    "The Party’s candidates spent £31,000 and raised more; DONATED sums were small.",
    "ſpent İn Kelvin K: the lead of 7 and 1,204 votes",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_guarded_finds_the_same_matches(pattern: str) -> None:
    plain, fast = re.compile(pattern), fastscan.guarded(pattern)
    for text in SAMPLES:
        assert [(m.span(), m.groupdict(), m.lastgroup) for m in fast.finditer(text)] == \
               [(m.span(), m.groupdict(), m.lastgroup) for m in plain.finditer(text)]
        for a in range(0, len(text), 7):
            got, want = fast.search(text, a, len(text) - 3), plain.search(text, a, len(text) - 3)
            assert (got and got.span()) == (want and want.span())


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abhnotvlsyeT H-,.1234'’İſK", max_size=60))
def test_guarded_matches_any_text(text: str) -> None:
    for pattern in PATTERNS:
        assert [m.span() for m in fastscan.guarded(pattern).finditer(text)] == \
               [m.span() for m in re.compile(pattern).finditer(text)]


def test_guarded_adds_a_first_character_lookahead() -> None:
    assert fastscan.guarded(r"(?i)\b(?:half|two-thirds)\b").pattern == r"(?i)(?=[ht])(?:\b(?:half|two-thirds)\b)"


def test_guarded_leaves_a_pattern_re_already_scans_for() -> None:
    assert fastscan.guarded(r"[A-Z]\w+ said").pattern == r"[A-Z]\w+ said"


def test_guarded_leaves_a_pattern_that_can_match_empty() -> None:
    assert fastscan.guarded(r"(?i)\b(?:half)?").pattern == r"(?i)\b(?:half)?"


def test_scan_is_finditer_for_short_and_long_texts() -> None:
    rx = fastscan.guarded(PATTERNS[0])
    for text in (SAMPLES[0], SAMPLES[0] * 40):
        assert [m.span() for m in fastscan.scan(rx, text)] == [m.span() for m in rx.finditer(text)]


def test_span_value_reads_and_writes_the_extension() -> None:
    doc = spacy.blank("en")("Labour won 41 per cent.")
    span = doc[2:5]
    assert span_value(doc, PERCENT, span) is None
    set_span_value(doc, PERCENT, span, {"value": 41.0})
    assert span._.electx_percent == {"value": 41.0}
    span._.electx_percent = {"value": 42.0}
    assert span_value(doc, PERCENT, doc[2:5]) == {"value": 42.0}


def test_mention_is_immutable_and_keeps_its_fields() -> None:
    m = attach.Mention(0, 5, "Ana Ramos", "person")
    assert (m.start, m.end, m.name, m.type, m.role) == (0, 5, "Ana Ramos", "person", None)
    with pytest.raises(AttributeError):
        m.name = "x"  # type: ignore[misc]
