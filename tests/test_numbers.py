"""Numeral parsing: digits, words, scales, qualifiers (tables named by where a case came from)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize.numbers import (
    parse_digits, parse_number, parse_words, qualifier_before, scale_factor, split_qualifier,
)

CASES = [
    pytest.param("1,981", Decimal("1981"), id="sampled-thousands-comma"),
    pytest.param("11,724,929", Decimal("11724929"), id="sampled-millions-commas"),
    pytest.param("25.7", Decimal("25.7"), id="sampled-decimal"),
    pytest.param("forty-three", Decimal("43"), id="sampled-hyphenated-word"),
    pytest.param("Twenty five", Decimal("25"), id="new-spaced-word"),
    pytest.param("three million", Decimal("3000000"), id="new-word-scale"),
    pytest.param("a million", Decimal("1000000"), id="new-article-scale"),
    pytest.param("1.2 billion", Decimal("1200000000"), id="new-decimal-scale"),
    pytest.param("1.2bn", Decimal("1200000000"), id="new-glued-suffix"),
    pytest.param("35m", Decimal("35000000"), id="new-m-suffix"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_parse_number(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("millions", id="new-unquantified"),
    pytest.param("1,2,3", id="new-bad-commas"),
    pytest.param("banana", id="new-word"),
    pytest.param("", id="new-empty"),
    pytest.param("37th", id="sampled-ordinal"),
])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("prefix,qualifier", [
    ("spent more than ", "more_than"), ("just over ", "more_than"), ("topping ", "more_than"),
    ("almost ", "about"), ("Some ", "about"), ("under ", "less_than"), ("up to ", "up_to"),
    ("at least ", "at_least"), ("no more than ", "at_most"), ("the ", None),
])
def test_qualifier_before(prefix: str, qualifier: str | None) -> None:
    assert qualifier_before(prefix)[0] == qualifier


def test_split_qualifier_keeps_rest() -> None:
    assert split_qualifier("more than $35 million") == ("more_than", "$35 million")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_never_crashes(text: str) -> None:
    parse_number(text)
    parse_words(text)
    parse_digits(text)
    qualifier_before(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_round_trip_digits(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


# --- rule files ---------------------------------------------------------------------------
def test_bad_rule_entry_names_file_and_entry() -> None:
    from extractor.errors import RuleFileError
    from extractor.normalize.figure_rules import QualifiersFile, validate_rule_file

    bad = {"qualifiers": [{"phrase": "over", "qualifier": "more_than"}, {"phrase": "circa", "qualifier": "roughly"}]}
    with pytest.raises(RuleFileError) as info:
        validate_rule_file(QualifiersFile, bad, "qualifiers.json")
    assert info.value.code == "E004"
    assert info.value.fields["entry"].startswith("qualifiers.1")


def test_unknown_key_rejected() -> None:
    from extractor.errors import RuleFileError
    from extractor.normalize.figure_rules import QualifiersFile, validate_rule_file

    with pytest.raises(RuleFileError):
        validate_rule_file(QualifiersFile, {"qualifiers": [], "qualifers": []}, "qualifiers.json")


def test_shipped_rule_files_valid() -> None:
    from extractor.normalize.figure_rules import check_all

    check_all()


def test_scale_factor_hyphenated() -> None:
    assert scale_factor("-billion") == Decimal("1000000000")
