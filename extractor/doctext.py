"""Per-Doc caches: the text (spaCy rebuilds ``doc.text`` on every access) and a scratch dict
for other values derived once per Doc (sentence bounds, sorted span groups, mentions)."""
from __future__ import annotations

import weakref
from typing import Any

from spacy.tokens import Doc

_TEXT: "weakref.WeakKeyDictionary[Doc, tuple[int, str]]" = weakref.WeakKeyDictionary()
_SCRATCH: "weakref.WeakKeyDictionary[Doc, tuple[int, dict[Any, Any]]]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy rebuilds it from the tokens on every access).

    A Doc's text never changes (retokenizing keeps it), so the cache is keyed by the Doc
    itself (weakly) and re-checked against its token count.
    """
    hit = _TEXT.get(doc)
    n = len(doc)
    if hit is not None and hit[0] == n:
        return hit[1]
    text = doc.text
    _TEXT[doc] = (n, text)
    return text


def doc_cache(doc: Doc) -> dict[Any, Any]:
    """A scratch dict kept with the Doc (weakly) for values derived from it; emptied when the
    token count changes (retokenizing).  Each user validates its own entries against what
    they were derived from (a span group, the entities), so a changed Doc is never served
    stale values.  Values must not hold the Doc itself (a Span or Token does): the Doc
    would never be freed."""
    hit = _SCRATCH.get(doc)
    n = len(doc)
    if hit is not None and hit[0] == n:
        return hit[1]
    scratch: dict[Any, Any] = {}
    _SCRATCH[doc] = (n, scratch)
    return scratch


__all__ = ["doc_cache", "doc_text"]
