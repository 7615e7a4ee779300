"""Withdrawn and hypothetical figures make no claim (blank model, hand-made mentions)."""
from __future__ import annotations

import pytest

from tests.figures_support import figures_pipeline
from tests.test_claims import claims


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def values(text: str, nlp) -> list[float]:
    return [c["value"] for c in claims(nlp, text)]


@pytest.mark.parametrize("text,kept", [
    pytest.param("Ramos won 41.2 per cent of the vote, not 44.1 per cent as we reported.", [41.2], id="not-as-reported"),
    pytest.param("The swing to Labour was 6.1 points, rather than the 3.9 points given in the article.", [6.1],
                 id="rather-than"),
    pytest.param("Walsh spent £40,000, instead of £25,000.", [40000.0], id="instead-of"),
    pytest.param("Turnout fell from, say, 45 per cent in the last contest.", [], id="say"),
    pytest.param("An earlier version said Ramos polled 12,400 votes as we reported on Monday.", [], id="votes-after"),
])
def test_withdrawn_figure_has_no_claim(nlp, text, kept) -> None:
    assert values(text, nlp) == kept


@pytest.mark.parametrize("text,kept", [
    pytest.param("Ramos did not reach 50 per cent, so a runoff follows.", [50.0], id="verb-between"),
    pytest.param("Walsh raised not more than £5,000 last month.", [5000.0], id="not-more-than"),
    pytest.param("Ramos won 41.2 per cent, as the returning officer announced.", [41.2], id="as-announced"),
])
def test_asserted_figure_keeps_its_claim(nlp, text, kept) -> None:
    assert values(text, nlp) == kept
