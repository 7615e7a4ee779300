"""Per-Doc text cache: spaCy rebuilds ``doc.text`` from the tokens on every access."""
from __future__ import annotations

import weakref

from spacy.tokens import Doc

_TEXT: "weakref.WeakKeyDictionary[Doc, tuple[int, str]]" = weakref.WeakKeyDictionary()


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


__all__ = ["doc_text"]
