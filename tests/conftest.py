"""Shared fixtures: full pipelines are built once per session (loading the model costs ~1 s)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def blank_nlp():
    """The whole extractor pipeline on spacy.blank('en') (rules only)."""
    from extractor.api import load

    return load("blank")


@pytest.fixture(scope="session")
def sm_nlp():
    """The whole extractor pipeline on the statistical English model."""
    from extractor.api import load

    return load("sm")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS
