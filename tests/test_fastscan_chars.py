"""fastscan's character pre-checks: required characters, edge characters, start anchoring."""
from __future__ import annotations

import re

import pytest

from extractor import fastscan


@pytest.mark.parametrize("pattern,text,possible", [
    (r"(?<=[0-9])(?:bn|m)$", "million", False),
    (r"(?<=[0-9])(?:bn|m)$", "35m", True),
    (r"'s$|,$", "Labour's", True),
    (r"\.\.+", "wait", False),
    (r"(?<=[£$])(?=[0-9])", "£5", True),
    (r"(?<=[£$])(?=[0-9])", "5", False),
])
def test_required_chars(pattern: str, text: str, possible: bool) -> None:
    need = fastscan.required_chars(re.compile(pattern))
    assert need is not None
    assert (need.search(text) is not None) == possible
    if not possible:
        assert re.search(pattern, text) is None


@pytest.mark.parametrize("pattern", [r"a|", r"(?i:x)", r"[^a]", r"a?"])
def test_required_chars_unknown(pattern: str) -> None:
    assert fastscan.required_chars(re.compile(pattern)) is None


def test_required_chars_beyond_bmp_is_a_superset() -> None:
    need = fastscan.required_chars(re.compile("[\U0001F600\U0001F601]"))
    assert need.search("\U0001F680") is not None and need.search("plain") is None


def test_edge_chars_first_and_last() -> None:
    rx = re.compile(r"(?:US|C)\$|[(\[]")
    first = fastscan.edge_chars(rx)
    last = fastscan.edge_chars(rx, last=True)
    assert [bool(first.match(c)) for c in "UC(x"] == [True, True, True, False]
    assert [bool(last.match(c)) for c in "$[U"] == [True, True, False]


def test_edge_chars_unknown_when_a_match_can_be_empty() -> None:
    assert fastscan.edge_chars(re.compile(r"(?=a)")) is None
    assert fastscan.edge_chars(re.compile(r"a*")) is None


def test_anchored_at_start() -> None:
    assert fastscan.anchored_at_start(re.compile(r"^a|^b"))
    assert not fastscan.anchored_at_start(re.compile(r"^a|b"))
    assert not fastscan.anchored_at_start(re.compile(r"^a", re.MULTILINE))
