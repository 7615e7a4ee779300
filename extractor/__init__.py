"""Election-fact extractor: structured, checkable facts from election news.

    >>> import extractor
    >>> nlp = extractor.load()                       # doctest: +SKIP
    >>> facts = extractor.extract("Caruso received 42 per cent ...", published="2022-06-08")  # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"

from typing import Any  # noqa: E402

_NLP_CACHE: dict[tuple, Any] = {}


def load(model: str = "sm", rules_dirs: list | None = None):
    """The spaCy pipeline with every extractor component ("sm" statistical, or "blank" rules only)."""
    from .api import load as _load

    return _load(model=model, rules_dirs=rules_dirs)


def extract(text: str, *, published: str | None = None, doc_id: str = "doc", source: str | None = None,
            title: str | None = None, url: str | None = None, nlp=None, model: str = "sm"):
    """Extract ArticleFacts from one text. The pipeline is loaded once and cached per model."""
    from .api import extract_facts

    if nlp is None:
        key = (model,)
        if key not in _NLP_CACHE:
            _NLP_CACHE[key] = load(model)
        nlp = _NLP_CACHE[key]
    meta = {"doc_id": doc_id, "published": published, "source": source, "title": title, "url": url}
    return extract_facts(nlp, text, meta)


def reconcile(facts):
    """Reconcile ArticleFacts from several articles into a report of agreements and conflicts."""
    from .reconcile import reconcile as _reconcile

    return _reconcile(facts)


__all__ = ["__version__", "load", "extract", "reconcile"]
