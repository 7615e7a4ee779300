"""Build the spaCy pipeline: a tokenizer with figure fixes, the statistical model (or a
blank English pipeline with a sentence splitter), then our rule components in the order
given by ``models/pipeline.json``."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .errors import ModelError
from .resources import pipeline_config
from .tokenizer import customize_tokenizer

ModelName = Literal["sm", "blank"]


def _base(model: str) -> Language:
    cfg = pipeline_config()
    if model == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    if model == "sm":
        name = cfg["statistical_model"]
        try:
            return spacy.load(name, exclude=cfg.get("exclude_from_statistical", []))
        except OSError:
            raise ModelError("E011", detail=name) from None
    raise ModelError("E010", detail=model)


def build(model: str = "sm", rules_dirs: list[str | Path] | None = None) -> Language:
    """A ready pipeline. ``rules_dirs`` adds analysts' rule packs (country folders) to the shipped ones."""
    cfg = pipeline_config()
    nlp = _base(model)
    customize_tokenizer(nlp)
    for name in cfg["components"]:
        config = {}
        if name in ("electx_parties", "electx_offices", "electx_people"):
            config = {"countries": list(cfg.get("countries", [])),
                      "rules_dirs": [str(p) for p in (rules_dirs or [])]}
        nlp.add_pipe(name, config=config)
    return nlp
