"""Every figure rule runs in linear time: 200 KB of adversarial text finishes (bounded, not timed to the ms)."""
from __future__ import annotations

import time

import pytest
import spacy

from extractor.claims import build_claims
from extractor.components import attach, money, percent  # noqa: F401
from extractor.normalize.money import money_regex
from extractor.normalize.numbers import parse_number
from extractor.normalize.percent import margin_regex, percent_regex
from extractor.spans import MONEY, PERCENT
from extractor.tokenizer import customize_tokenizer

SIZE = 200_000
ADVERSARIAL = {
    "digits": "9" * SIZE,
    "commas": "1," * (SIZE // 2),
    "percent-dash": "%-" * (SIZE // 2),
    "dollars": "$" * SIZE,
    "million": "million " * (SIZE // 8),
    "mixed": ("£1,000,000,000.000 million million bn %-%- 40-45% per cent Bass 37, " * 3000)[:SIZE],
    "spelled": ("forty-three twenty five a third one in four " * 5000)[:SIZE],
}
#: spaCy's own tokenizer is superlinear on one 200 KB token of currency signs (it peels one
#: prefix at a time), so the components get the signs in short runs; the regexes get the raw run.
COMPONENT_TEXT = {**ADVERSARIAL, "dollars": "$$$ " * (SIZE // 4)}
BUDGET_SECONDS = 60  # generous: catastrophic backtracking takes hours, linear scans take well under this


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    customize_tokenizer(nlp)
    nlp.max_length = SIZE * 2
    for name in ("electx_percent", "electx_money", "electx_attach"):
        nlp.add_pipe(name)
    return nlp


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_regexes_finish(name: str) -> None:
    text = ADVERSARIAL[name]
    start = time.monotonic()
    for rx in (percent_regex(), margin_regex(), money_regex()):
        sum(1 for _ in rx.finditer(text))
    parse_number(text)
    assert time.monotonic() - start < BUDGET_SECONDS


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_components_finish(nlp, name: str) -> None:
    text = COMPONENT_TEXT[name]
    start = time.monotonic()
    doc = nlp(text)
    build_claims(doc)
    assert PERCENT in doc.spans and MONEY in doc.spans
    assert time.monotonic() - start < BUDGET_SECONDS
