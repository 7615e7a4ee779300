"""The library's front door: load a pipeline once, extract facts from texts."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .schema import ArticleFacts
from .spans import register_extensions

register_extensions()


def load(model: str = "sm", rules_dirs: list[str | Path] | None = None) -> Language:
    """The extraction pipeline: ``model`` is "sm" (statistical + rules) or "blank" (rules only)."""
    from .pipeline import build

    return build(model=model, rules_dirs=rules_dirs)


def make_doc(nlp: Language, text: str, meta: dict[str, Any] | None = None) -> Doc:
    """A tokenized Doc carrying its metadata, ready for ``nlp(doc)``."""
    doc = nlp.make_doc(text)
    meta = dict(meta or {})
    pub = meta.get("published")
    if isinstance(pub, date):
        meta["published"] = pub.isoformat()
    doc._.electx_meta = meta
    return doc


def extract_facts(nlp: Language, text: str, meta: dict[str, Any] | None = None) -> ArticleFacts:
    """Run the pipeline over one text; ``meta`` holds doc_id, published, source, title, url."""
    doc = nlp(make_doc(nlp, text, meta))
    return doc._.electx_facts
