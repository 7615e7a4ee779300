"""electx_money and the money normalizer: forms, ranges, qualifiers, conversions, findings."""
from __future__ import annotations

from decimal import Decimal

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.components import money  # noqa: F401
from extractor.normalize.money import parse_amount, parse_money
from extractor.spans import MONEY
from extractor.tokenizer import customize_tokenizer


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    customize_tokenizer(nlp)
    nlp.add_pipe("electx_money")
    return nlp


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s._.electx_money["amount"], s._.electx_money["currency"]) for s in doc.spans[MONEY]]


@pytest.mark.parametrize("text,amount,code", [
    pytest.param("$2.3 billion", "2300000000", "USD", id="new-dollar-billion"),
    pytest.param("£1.5bn", "1500000000", "GBP", id="new-pound-bn"),
    pytest.param("US$5", "5", "USD", id="new-us-dollar"),
    pytest.param("C$10m", "10000000", "CAD", id="new-cad"),
    pytest.param("A$3 million", "3000000", "AUD", id="new-aud"),
    pytest.param("€33 million", "33000000", "EUR", id="new-euro"),
    pytest.param("¥500", "500", "JPY", id="new-yen"),
    pytest.param("GBP 10m", "10000000", "GBP", id="new-code-prefix"),
    pytest.param("35 million dollars", "35000000", "USD", id="new-currency-word"),
    pytest.param("5,000 pounds", "5000", "GBP", id="new-pounds-word"),
    pytest.param("£5,000 pounds", "5000", "GBP", id="new-symbol-and-word"),
    pytest.param("£200k", "200000", "GBP", id="new-k"),
    pytest.param("£11,724,929", "11724929", "GBP", id="sampled-exact"),
    pytest.param("C$40-million", "40000000", "CAD", id="new-hyphen-scale"),
    pytest.param("$4.6M", "4600000", "USD", id="new-capital-m"),
    pytest.param("$350K", "350000", "USD", id="new-capital-k"),
])
def test_parse_amount(text, amount, code) -> None:
    assert parse_amount(text) == (Decimal(amount), code)


@pytest.mark.parametrize("text", [
    pytest.param("millions", id="sampled-unquantified"),
    pytest.param("multi-million pound contracts", id="sampled-multi-million"),
    pytest.param("1.2bn", id="new-no-currency"),
    pytest.param("$", id="new-symbol-only"),
])
def test_not_money(text) -> None:
    assert parse_money(text) is None


def test_qualifier_in_span(nlp) -> None:
    doc = nlp("She has spent more than $35 million on the race.")
    (span,) = doc.spans[MONEY]
    assert span.text == "more than $35 million"
    assert span._.electx_money["qualifier"] == "more_than"


def test_dollar_amount_is_money(nlp) -> None:
    assert found(nlp, "Tickets cost $35 each.") == [("$35", "35", "USD")]


@pytest.mark.parametrize("text,amounts", [
    pytest.param("a cost of £4bn-£6bn", ["4000000000", "6000000000"], id="new-full-range"),
    pytest.param("a cost of £4-6bn", ["4000000000", "6000000000"], id="new-shared-scale"),
    pytest.param("cutting limits from £20m to £15m", ["20000000", "15000000"], id="new-from-to"),
])
def test_ranges(nlp, text, amounts) -> None:
    assert [a for _, a, _ in found(nlp, text)] == amounts


def test_conversions_linked(nlp) -> None:
    doc = nlp("He spent more than $35 million (£28 million/€33 million) on the race.")
    data = [s._.electx_money for s in doc.spans[MONEY]]
    assert [d["equivalent_of"] for d in data] == [None, "$35 million", "$35 million"]
    assert [d["qualifier"] for d in data] == ["more_than"] * 3
    assert data[1]["exchange_rate"] == pytest.approx(0.8)


def test_same_currency_in_brackets_is_not_a_conversion(nlp) -> None:
    doc = nlp("The bill was $35 million ($20 million last year).")
    assert all(s._.electx_money["equivalent_of"] is None for s in doc.spans[MONEY])


def test_exchange_rate_mismatch_finding(nlp) -> None:
    doc = nlp("He spent $100 million (£80 million). The city owes $200 million (£100 million).")
    codes = [f["code"] for f in doc._.electx_findings or []]
    assert codes == ["EXCHANGE_RATE_MISMATCH"]


def test_consistent_rates_no_finding(nlp) -> None:
    doc = nlp("He spent $100 million (£80 million). The city owes $200 million (£158 million).")
    assert not doc._.electx_findings


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_never_crashes(text: str) -> None:
    parse_money(text)
    parse_amount(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**9), st.sampled_from([("£", "GBP"), ("$", "USD"), ("€", "EUR")]))
def test_round_trip(n: int, sym: tuple[str, str]) -> None:
    assert parse_amount(f"{sym[0]}{n:,}") == (Decimal(n), sym[1])


def test_hyphen_scale_in_text(nlp) -> None:
    assert found(nlp, "The province pledged C$12-million for the new bridge.") == [
        ("C$12-million", "12000000", "CAD")]


def test_capital_suffix_needs_word_end(nlp) -> None:
    assert [t for t, _, _ in found(nlp, "The campaign spent $40 Monday and $3M on ads.")] == ["$40", "$3M"]


def _with_parties(nlp, text: str, parties: dict[str, str]):
    """Run the money finder after hand-made party mentions (alias -> country)."""
    from extractor.spans import PARTIES, register_extensions
    register_extensions()
    doc = nlp.make_doc(text)
    spans = []
    for alias, country in parties.items():
        start = text.index(alias)
        span = doc.char_span(start, start + len(alias), label="PARTY")
        span._.electx_parties = {"name": alias, "country": country, "alias": alias, "rule": "test"}
        spans.append(span)
    doc.spans[PARTIES] = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.text, s._.electx_money["currency"]) for s in doc.spans[MONEY]]


def test_bare_dollar_in_australian_article(nlp) -> None:
    text = "Labor and the Nationals clashed in Perth. The Nationals spent $1.2 million on radio."
    assert _with_parties(nlp, text, {"Labor": "au", "Nationals": "au"}) == [("$1.2 million", "AUD")]


def test_bare_dollar_follows_prefixed_dollar(nlp) -> None:
    text = "The premier promised C$40 million for clinics; the opposition spent $90,000 on flyers."
    assert [c for _, _, c in found(nlp, text)] == ["CAD", "CAD"]


def test_bare_dollar_stays_usd_in_us_article(nlp) -> None:
    text = "Democrats and Republicans in Ohio spent $3 million, and a Canadian donor gave C$5,000."
    assert _with_parties(nlp, text, {"Democrats": "us", "Republicans": "us"})[0] == ("$3 million", "USD")


def test_us_dollar_prefix_never_changes(nlp) -> None:
    text = "The Liberals spent A$2 million, about US$1.3 million."
    assert [c for _, _, c in found(nlp, text)] == ["AUD", "USD"]
