"""Shared by the figure tests: a blank pipeline with the figure components, and hand-made
person/party mentions (so those tests do not depend on the people component)."""
from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractor.components import attach, money, percent  # noqa: F401  (registers the factories)
from extractor.spans import PEOPLE
from extractor.tokenizer import customize_tokenizer


def figures_pipeline() -> Language:
    """spacy.blank("en") + sentencizer + the extractor's tokenizer, percent, money and attach."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    customize_tokenizer(nlp)
    for name in ("electx_percent", "electx_money", "electx_attach"):
        nlp.add_pipe(name)
    return nlp


def add_mentions(doc: Doc, names: dict[str, str], key: str, label: str,
                 officials: frozenset[str] | set[str] = frozenset()) -> None:
    """Mark every whole-word alias of ``names`` (longest first, no overlaps) as a mention in
    ``doc.spans[key]``; people are candidates unless listed in ``officials``."""
    spans = []
    for alias in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(alias)}\b", doc.text):
            span = doc.char_span(m.start(), m.end(), label=label)
            if span is None or any(s.start < span.end and span.start < s.end for s in spans):
                continue
            data = {"name": names[alias], "rule": "test"}
            if key == PEOPLE:
                data["role"] = "official" if names[alias] in officials else "candidate"
            span._.set(key, data)
            spans.append(span)
    doc.spans[key] = spans
