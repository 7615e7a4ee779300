"""Spoken money amounts ("six point two million dollars", "350 grand") and cue-less
percentage points ("the gap ..., 46 points"), with the look-alikes they must leave alone."""
from __future__ import annotations

import time
from decimal import Decimal

import pytest
import spacy

from extractor.components import money, percent  # noqa: F401  (registers the factories)
from extractor.normalize import figure_rules as rules
from extractor.normalize.money import parse_amount
from extractor.normalize.numbers import parse_words
from extractor.spans import MONEY, PERCENT
from extractor.tokenizer import customize_tokenizer


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    customize_tokenizer(nlp)
    nlp.add_pipe("electx_percent")
    nlp.add_pipe("electx_money")
    return nlp


def money_found(nlp, text: str) -> list[tuple[str, str, str, str | None]]:
    doc = nlp(text)
    return [(s.text, s._.electx_money["amount"], s._.electx_money["currency"], s._.electx_money["qualifier"])
            for s in doc.spans[MONEY]]


def percent_found(nlp, text: str) -> list[tuple[str, float]]:
    doc = nlp(text)
    return [(s.text, s._.electx_percent["value"]) for s in doc.spans[PERCENT]]


# --- the number-word parser ------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    pytest.param("six point two million", "6200000", id="point-decimal"),
    pytest.param("one point five billion", "1500000000", id="point-billion"),
    pytest.param("twelve hundred and fifty", "1250", id="hundreds-and"),
    pytest.param("fifteen hundred", "1500", id="hundreds"),
    pytest.param("nine and a half million", "9500000", id="and-a-half-scale"),
    pytest.param("two and a half", "2.5", id="and-a-half"),
    pytest.param("a million and a half", "1500000", id="scale-and-a-half"),
    pytest.param("three-quarters of a million", "750000", id="three-quarters-of-a"),
    pytest.param("half a million", "500000", id="half-a"),
    pytest.param("forty-three", "43", id="plain-still-works"),
])
def test_parse_words_spoken(text: str, value: str) -> None:
    assert parse_words(text) == Decimal(value)


@pytest.mark.parametrize("text", ["point five", "and a half", "six point", "fifty and", "half an apple"])
def test_parse_words_rejects_fragments(text: str) -> None:
    assert parse_words(text) is None


# --- spoken money ----------------------------------------------------------------------------
@pytest.mark.parametrize("text,amount", [
    pytest.param("six point two million dollars", "6200000", id="point"),
    pytest.param("twelve hundred and fifty dollars", "1250", id="hundred-and-fifty"),
    pytest.param("fifteen hundred dollars", "1500", id="fifteen-hundred"),
    pytest.param("two and a half million dollars", "2500000", id="and-a-half"),
    pytest.param("one point five billion dollars", "1500000000", id="point-billion"),
    pytest.param("three-quarters of a million dollars", "750000", id="three-quarters"),
])
def test_parse_amount_spoken(text: str, amount: str) -> None:
    assert parse_amount(text) == (Decimal(amount), "USD")


@pytest.mark.parametrize("text,expected", [
    pytest.param("The council bought the site for six point two million dollars in 2019.",
                 [("six point two million dollars", "6200000", "USD", None)], id="point-no-two-million"),
    pytest.param("The largest single gift was twelve hundred and fifty dollars, the legal limit.",
                 [("twelve hundred and fifty dollars", "1250", "USD", None)], id="hundreds-no-fifty"),
    pytest.param("She lent the campaign a million and a half pounds.",
                 [("a million and a half pounds", "1500000", "GBP", None)], id="million-and-a-half"),
    pytest.param("He said the recount cost half a million euros.",
                 [("half a million euros", "500000", "EUR", None)], id="half-a-million"),
])
def test_spoken_money_in_text(nlp, text: str, expected: list) -> None:
    assert money_found(nlp, text) == expected


def test_spoken_money_twelve_hundred_voters_is_not_money(nlp) -> None:
    assert money_found(nlp, "Twelve hundred voters turned out, and each paid fifty dollars.") == [
        ("fifty dollars", "50", "USD", None)]


# --- amounts without a currency --------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    pytest.param("The party spent £2m on leaflets. A new website cost something like 350 grand.",
                 ("something like 350 grand", "350000", "GBP", "about"), id="grand-article-currency"),
    pytest.param("Borrowing will reach A$210m, and interest alone would cost about nine and a half million a year.",
                 ("about nine and a half million", "9500000", "AUD", "about"), id="bare-million-after-cost"),
    pytest.param("The budget was €40m. The council's debt stood at 12 million.",
                 ("12 million", "12000000", "EUR", None), id="bare-million-after-debt"),
])
def test_currencyless_amounts(nlp, text: str, expected: tuple) -> None:
    assert expected in money_found(nlp, text)


@pytest.mark.parametrize("text", [
    pytest.param("The party spent £2m. About nine and a half million voters took part.", id="noun-follows"),
    pytest.param("The party spent £2m. Turnout reached 2 million.", id="no-money-cue"),
    pytest.param("The party spent £2m. With 15% interest rates, one million in negative equity.",
                 id="cue-in-another-clause"),
    pytest.param("The party spent £2m. The mayor held 3 grand receptions.", id="grand-adjective"),
    pytest.param("The party spent £2m. A grand total of 40 people came.", id="grand-total"),
    pytest.param("Interest would cost about nine and a half million a year.", id="no-article-currency"),
    pytest.param("The campaign was 350 grand over budget.", id="grand-without-article-currency"),
])
def test_currencyless_lookalikes(nlp, text: str) -> None:
    found = money_found(nlp, text)
    assert all(rule_text.startswith(("£", "€", "$")) for rule_text, *_ in found), found


# --- cue-less percentage points --------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    pytest.param("Turnout was 41 per cent, up nearly four points on the last election.",
                 ("nearly four points", 4.0), id="change-with-qualifier"),
    pytest.param("The gap between older and younger voters, 31 points, was the widest on record.",
                 ("31 points", 31.0), id="gap-apposition"),
    pytest.param("The swing was 6.1 percentage points, rather than the 3.9 points we reported.",
                 ("3.9 points", 3.9), id="correction-swing"),
    pytest.param("In the latest poll Labour is on 44 per cent. Labour's 44 points leave the Tories far behind.",
                 ("44 points", 44.0), id="previous-sentence-poll"),
])
def test_bare_points(nlp, text: str, expected: tuple) -> None:
    assert expected in percent_found(nlp, text)


@pytest.mark.parametrize("text", [
    pytest.param("She scored 46 points in the final as her lead in the polls grew.", id="scored"),
    pytest.param("The party unveiled a 10-point plan to win back voters.", id="n-point-plan"),
    pytest.param("The Speaker took 12 points of order before the vote.", id="points-of-order"),
    pytest.param("Her campaign circulated three talking points before the poll.", id="talking-points"),
    pytest.param("United took 3 points from the match on Saturday.", id="football-no-context"),
    pytest.param("The mayor said the vote was a fifty-fifty call.", id="fifty-fifty"),
    pytest.param("He averaged 20 points a game before he ran for the vote.", id="averaged"),
])
def test_bare_points_lookalikes(nlp, text: str) -> None:
    assert percent_found(nlp, text) == []


def test_rule_files_carry_the_new_data() -> None:
    assert rules.currencies().currencyless.informal_scales["grand"] == "1000"
    assert "gap" in rules.percent_forms().bare_points_context
    assert rules.scales().fractions["half"] == "0.5"


def test_bad_fraction_is_rejected() -> None:
    with pytest.raises(ValueError):
        rules.ScalesFile(scales=[], units={}, tens={}, fractions={"half": "2"})


# --- linear time ------------------------------------------------------------------------------
def _seconds(nlp, text: str) -> float:
    start = time.perf_counter()
    nlp(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("unit", [
    pytest.param("£1m, cost twelve hundred and fifty point two and a half million grand ", id="spoken-money"),
    pytest.param("the poll gap 46 points, scored 4.7 points of order up nearly four points ", id="bare-points"),
])
def test_new_rules_run_in_linear_time(nlp, unit: str) -> None:
    nlp.max_length = 300_000
    small, large = unit * (40_000 // len(unit)), unit * (80_000 // len(unit))
    nlp(small[:1000])
    t_small, t_large = _seconds(nlp, small), _seconds(nlp, large)
    assert t_large <= 3.5 * t_small + 0.3, f"{t_small:.3f}s -> {t_large:.3f}s when doubling the input"
