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
    pytest.param("(Aug. 8).", ["(", "Aug.", "8", ")", "."], id="bug-emoticon-8-bracket"),
    pytest.param("(Local Law 8)", ["(", "Local", "Law", "8", ")"], id="bug-emoticon-8-closing"),
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


# --- speed-ups give the same tokens -------------------------------------------------------
_NEWS = ("Labour's candidate, Ms. Okafor, won 48.6% (12,304 votes) - up 3.2 points - after a £1.2bn "
         "pledge; the U.S.-style \"super PAC\" spent $35m/€33m... Turnout: 61%. e-mail www.example.org, "
         "don't 'worry' (50-45%) 4bn-£6bn US$5 C$10 km/h 5km 10kg. 3°C. ‘Yes’ – she said — 2,000+ 9am-5pm")


def _plain_custom_tokenizer():
    """The figure fixes with the plain compiled regexes (no pre-checks)."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from extractor.tokenizer import INFIXES, PREFIXES, SUFFIXES
    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    tok = nlp.tokenizer
    tok.prefix_search = compile_prefix_regex(PREFIXES + list(nlp.Defaults.prefixes)).search
    tok.suffix_search = compile_suffix_regex(SUFFIXES + list(nlp.Defaults.suffixes)).search
    tok.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + INFIXES).finditer
    tok.url_match = tok.url_match.__self__.match
    return nlp


@pytest.mark.parametrize("text", [_NEWS, _NEWS.upper(), _NEWS.replace(" ", ""), "İstanbul ſo naïve Ελλάδα. 5км 東京。",
                                  "Hello.....world!!! (a)(b) [1]{2} <x> a=b 16:00 #tag @me *n* _u_ ½ 5½ −4 +3.2"])
def test_same_tokens_as_plain_regexes(nlp, text: str) -> None:
    plain = _plain_custom_tokenizer()
    assert [(t.text, t.idx, t.whitespace_, t.norm_) for t in nlp(text)] == \
        [(t.text, t.idx, t.whitespace_, t.norm_) for t in plain(text)]


def test_affix_functions_agree_with_regexes(nlp) -> None:
    plain = _plain_custom_tokenizer().tokenizer
    tok = nlp.tokenizer
    for chunk in _NEWS.split() + ["", "'", "s", "3", "$", "...", "—", "x\n"]:
        for ours, theirs in ((tok.prefix_search, plain.prefix_search), (tok.suffix_search, plain.suffix_search)):
            a, b = ours(chunk), theirs(chunk)
            assert (a and a.span()) == (b and b.span()), chunk
        assert [m.span() for m in tok.infix_finditer(chunk)] == [m.span() for m in plain.infix_finditer(chunk)]
        assert (tok.url_match(chunk) is None) == (plain.url_match(chunk) is None)


def test_tokenizer_round_trips_through_bytes(nlp) -> None:
    copy = spacy.blank("en")
    copy.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert [t.text for t in copy(_NEWS)] == [t.text for t in nlp(_NEWS)]


def test_tokenizer_pickles(nlp) -> None:
    import pickle
    copy = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert [t.text for t in copy(_NEWS)] == [t.text for t in nlp(_NEWS)]
