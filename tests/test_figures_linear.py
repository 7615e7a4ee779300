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
