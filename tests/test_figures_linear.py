"""Every figure rule runs in linear time: adversarial text of 50 KB and 100 KB, and doubling the
input must not much more than double the time (catastrophic backtracking grows quadratically or
worse).  Sizes stay small so the whole file runs in well under a minute."""
from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import spacy

from extractor.claims import build_claims
from extractor.components import attach, money, percent  # noqa: F401
from extractor.normalize.money import money_regex
from extractor.normalize.numbers import parse_number
from extractor.normalize.percent import margin_regex, percent_regex, points_regex
from extractor.spans import MONEY, PERCENT
from extractor.tokenizer import customize_tokenizer

SMALL, LARGE = 50_000, 100_000


def adversarial(size: int) -> dict[str, str]:
    """Inputs built to trigger backtracking in naive figure regexes, ``size`` characters each."""
    return {
        "digits": "9" * size,
        "commas": "1," * (size // 2),
        "percent-dash": "%-" * (size // 2),
        "dollars": "$" * size,
        "million": "million " * (size // 8),
        "mixed": ("£1,000,000,000.000 million million bn %-%- 40-45% per cent Bass 37, Walsh 41; by 3 points "
                  * (size // 60 + 1))[:size],
        "spelled": ("forty-three twenty five a third one in four " * (size // 40 + 1))[:size],
        "results": ("Ramos (Labour) 12,481\nWalsh had 9,000 votes to Young's 8,100, a majority of 900. "
                    * (size // 80 + 1))[:size],
    }


#: spaCy's own tokenizer is superlinear on one long token of currency signs (it peels one prefix
#: at a time), so the components get the signs in short runs; the regexes get the raw run.
def component_text(size: int) -> dict[str, str]:
    return {**adversarial(size), "dollars": "$$$ " * (size // 4)}


BUDGET_SECONDS = 20  # per call, generous: catastrophic backtracking takes hours
GROWTH = 3.5  # doubling the input may at most ~double the time; slack for timer noise on a busy machine
NOISE_SECONDS = 0.3


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _assert_linear(small: float, large: float) -> None:
    assert large < BUDGET_SECONDS
    assert large <= GROWTH * small + NOISE_SECONDS, f"{small:.3f}s -> {large:.3f}s when doubling the input"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    customize_tokenizer(nlp)
    nlp.max_length = LARGE * 2
    for name in ("electx_percent", "electx_money", "electx_attach"):
        nlp.add_pipe(name)
    return nlp


def _scan(text: str) -> None:
    for rx in (percent_regex(), margin_regex(), points_regex(), money_regex()):
        sum(1 for _ in rx.finditer(text))
    parse_number(text)


@pytest.mark.parametrize("name", sorted(adversarial(10)))
def test_regexes_linear(name: str) -> None:
    small, large = adversarial(SMALL)[name], adversarial(LARGE)[name]
    _assert_linear(_timed(lambda: _scan(small)), _timed(lambda: _scan(large)))


@pytest.mark.parametrize("name", sorted(component_text(10)))
def test_components_linear(nlp, name: str) -> None:
    def run(text: str) -> None:
        doc = nlp(text)
        build_claims(doc)
        assert PERCENT in doc.spans and MONEY in doc.spans

    small, large = component_text(SMALL)[name], component_text(LARGE)[name]
    run(small[:1000])  # warm caches (compiled rule regexes) outside the timing
    _assert_linear(_timed(lambda: run(small)), _timed(lambda: run(large)))


# --- fastscan: the required-literal prefilter gives exactly rx.finditer's matches -----------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extractor import fastscan  # noqa: E402
from extractor.claims import _count_regex, _fraction_regex, _threshold_regexes  # noqa: E402
from extractor.components.attach import cue  # noqa: E402
from extractor.normalize import figure_rules  # noqa: E402


def _rule_regexes() -> list:
    import re

    k = figure_rules.figure_kinds()
    pats = [k.out_of_ten_pattern, k.ratio_pattern, k.majority_pattern, k.vote_count_pattern,
            k.count_share_pattern, k.result_line_pattern, *k.as_of_patterns, *k.attribution_patterns]
    return [re.compile(p) for p in pats if p] + [
        _fraction_regex(), _threshold_regexes()[0], _count_regex(), cue("poll_article"), cue("poll_sentence"),
        percent_regex(), margin_regex(), points_regex(), money_regex(), re.compile(r"(?mi:ab)c|x"),
        re.compile(r"\b(?:[Oo]ne|two) (?:out of|in) (?:10|ten)\b")]


_WORDS = ["one", "in", "ten", "10", "out", "of", "a", "third", "two-thirds", "majority", "poll", "found", "per",
          "cent", "%", "5", "points", "point", "lead", "by", "votes", "1,204", "seats", "$", "£3m", "Ray", "(Lab)",
          "\n", ",", ".", "As", "as", "according", "to", "İn", "ın", "ſeats", "Kelvin", "ab", "c", "x", "ONE"]


def _same(rx, text: str) -> None:
    want = [(m.start(), m.end(), m.groups()) for m in rx.finditer(text)]
    got = [(m.start(), m.end(), m.groups()) for m in fastscan.finditer(rx, text)]
    assert got == want
    assert fastscan.may_match(rx, text) or not want
    for a, b in ((0, len(text)), (len(text) // 3, len(text) // 2 + 5)):
        if not fastscan.may_match_in(rx, text, a, b):
            assert rx.search(text, a, b) is None and rx.search(text[a:b]) is None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.lists(st.sampled_from([" ", "  ", "-", ""]), max_size=40))
def test_fastscan_finds_what_finditer_finds(words: list[str], gaps: list[str]) -> None:
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    for rx in _rule_regexes():
        _same(rx, text)


def test_fastscan_skips_a_text_without_the_literals() -> None:
    import re

    rx = re.compile(r"(?i)\b(?:out\s{1,3}of|in)\s(?:ten|10)\b")
    assert fastscan.required_literals(rx) is not None
    assert not fastscan.may_match(rx, "Labour held the seat easily.")
    assert list(fastscan.finditer(rx, "Labour held the seat easily.")) == []


@pytest.mark.parametrize("text", ["Three ın ten backed her.", "Three İn ten backed her.", "ſeven ſeats"])
def test_fastscan_keeps_re_case_rules_for_dotless_i_and_long_s(text: str) -> None:
    import re

    for rx in (re.compile(r"(?i)\bthree\s(?:in|out of)\sten\b"), re.compile(r"(?i)\bseven\sseats\b")):
        _same(rx, text)


def test_fastscan_leaves_unknown_patterns_alone() -> None:
    import re

    rx = re.compile(r"\d+")
    assert fastscan.required_literals(rx) is None
    assert [m.group(0) for m in fastscan.finditer(rx, "12 and 7")] == ["12", "7"]


def test_fastscan_is_linear_on_repeated_leads() -> None:
    rx = _fraction_regex()
    small, large = "one third " * 5_000, "one third " * 10_000
    _assert_linear(_timed(lambda: list(fastscan.finditer(rx, small))),
                   _timed(lambda: list(fastscan.finditer(rx, large))))


def test_doc_text_is_cached_per_doc() -> None:
    from extractor.doctext import doc_text

    nlp = spacy.blank("en")
    doc, other = nlp("Labour won 412 seats."), nlp("Turnout was 60%.")
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    assert doc_text(other) == "Turnout was 60%."


def test_fastscan_tries_only_where_a_lead_occurs() -> None:
    import re

    rx = re.compile(r"(?i)\b(?:majority|lead)\s(?:of\s)?(?P<num>\d{1,3}(?:,\d{3})?)")
    text = "Filler words about the count. " * 40 + "A majority of 3,073 and a LEAD of 12. Majority 5"
    assert fastscan.leading_literals(rx) == frozenset({"majority", "lead"})
    _same(rx, text)
    assert [m.group("num") for m in fastscan.finditer(rx, text)] == ["3,073", "12", "5"]


def test_fastscan_searches_only_near_the_required_literals() -> None:
    import re

    rx = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d)?\s?%(?=\s[a-z]{1,8}\b)")
    text = ("Nothing here but 12 words and 7 more. " * 60 + "Ray took 41% overall, Bass 7% of it and 9%"
            + " filler text " * 60 + "with 3.5% here and 100% there")
    assert fastscan._window(rx.pattern, rx.flags) is not None  # the windowed path, not the plain scan
    _same(rx, text)
    assert [m.group(0) for m in fastscan.finditer(rx, text)] == ["41%", "7%", "9%", "3.5%", "100%"]


def test_fastscan_scans_all_when_a_lookahead_may_reach_the_end() -> None:
    import re

    rx = re.compile(r"\d{1,3}%(?=\s*$)")
    assert fastscan._window(rx.pattern, rx.flags) is None
    text = "Filler. " * 100 + "Turnout was 64%  "
    _same(rx, text)
    assert [m.group(0) for m in fastscan.finditer(rx, text)] == ["64%"]
