"""``electx_facts``: the last component; stores the ArticleFacts on ``doc._.electx_facts``."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..facts import doc_to_facts


class FactsCollector:
    """Turns the span groups of the other components into ``doc._.electx_facts``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        meta = nlp.meta or {}
        self.model_name = "blank" if not nlp.has_pipe("ner") else f"{meta.get('lang', 'en')}_{meta.get('name', 'model')}-{meta.get('version', '')}"

    def __call__(self, doc: Doc) -> Doc:
        doc._.electx_facts = doc_to_facts(doc, self.model_name)
        return doc


@Language.factory("electx_facts", assigns=["doc._.electx_facts"], requires=["doc.spans"])
def make_facts(nlp: Language, name: str) -> FactsCollector:
    """Collect every ``electx_*`` span group into an ArticleFacts."""
    return FactsCollector(nlp, name)
