"""Tokenizer fixes for figures, and that ordinary words tokenize as before."""
from __future__ import annotations

import pytest
import spacy

from extractor.tokenizer import customize_tokenizer


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    return nlp


@pytest.mark.parametrize("text,tokens", [
    pytest.param("£28 million/€33 million", ["£", "28", "million", "/", "€", "33", "million"], id="new-slash-amounts"),
    pytest.param("51.2%-47.9%", ["51.2", "%", "-", "47.9", "%"], id="new-percent-pair"),
    pytest.param("1.2bn", ["1.2", "bn"], id="new-bn"),
    pytest.param("£35m.", ["£", "35", "m", "."], id="bug-m-full-stop"),
    pytest.param("$1.2bn", ["$", "1.2", "bn"], id="new-dollar-bn"),
    pytest.param("40-45%", ["40", "-", "45", "%"], id="new-range"),
    pytest.param("US$5", ["US$", "5"], id="new-us-dollar"),
    pytest.param("C$10 and A$3", ["C$", "10", "and", "A$", "3"], id="new-cad-aud"),
    pytest.param("£4bn-£6bn", ["£", "4", "bn", "-", "£", "6", "bn"], id="new-money-range"),
])
def test_figures_split(nlp, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp(text)] == tokens


@pytest.mark.parametrize("text", ["and/or", "20/20 vision", "the mn of it", "Mr. Smith", "U.S. voters", "a 4x4 car",
                                  "the 1990s", "2nd place", "e-mail"])
def test_ordinary_text_unchanged(nlp, text: str) -> None:
    plain = spacy.blank("en")
    assert [t.text for t in nlp(text)] == [t.text for t in plain(text)]


def test_idempotent() -> None:
    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    customize_tokenizer(nlp)
    assert [t.text for t in nlp("£35m/€40m")] == ["£", "35", "m", "/", "€", "40", "m"]
