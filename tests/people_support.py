"""Shared by the people tests: a blank pipeline with the parties, offices and people components."""
from __future__ import annotations

import spacy
from spacy.language import Language

from extractor.components import offices, parties, people  # noqa: F401  (registers the factories)


def people_pipeline() -> Language:
    """spacy.blank("en") + sentencizer + electx_parties/offices/people with the us and uk packs."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    cfg = {"countries": ["us", "uk"], "rules_dirs": []}
    for name in ("electx_parties", "electx_offices", "electx_people"):
        nlp.add_pipe(name, config=cfg)
    return nlp
