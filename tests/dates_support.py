"""Shared by the date tests: a blank pipeline with the dates component."""
from __future__ import annotations

import spacy
from spacy.language import Language

from extractor.components.dates import make_dates  # noqa: F401  (registers the factory)


def dates_pipeline(extras: bool = False) -> Language:
    """spacy.blank("en") + sentencizer + electx_dates (``extras``: TimeML-only values too)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("electx_dates", config={"timex_extras": extras})
    return nlp
