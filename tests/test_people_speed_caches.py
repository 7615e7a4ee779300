"""The per-Doc values the party, office and people components share (country cue counts, span
data kept by the writer) give what a fresh lookup gives, and are not served once stale."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import extractor.components.offices  # noqa: F401
import extractor.components.parties  # noqa: F401
import extractor.components.people  # noqa: F401
from extractor.components.parties import group_data
from extractor.spans import OFFICES, PARTIES
from tests.people_support import people_pipeline


@pytest.fixture(scope="module")
def nlp():
    return people_pipeline()


TEXT = ("Labour's Priya Sandhu won the Kettering by-election, beating Conservative candidate Tom Brandt. "
        "The Prime Minister congratulated her at Westminster.")


def test_country_cue_counts_match_a_fresh_matcher(nlp):
    doc = nlp(TEXT)
    for name in ("electx_parties", "electx_offices", "electx_people"):
        pipe = nlp.get_pipe(name)
        cues = pipe.cues if name != "electx_people" else pipe.country_cues
        fresh = {}
        for match_id, _s, _e in cues(doc):
            code = doc.vocab.strings[match_id]
            fresh[code] = fresh.get(code, 0) + 1
        assert dict(cues.counts(doc)) == fresh


def test_components_over_the_same_cues_share_one_cache_entry(nlp):
    keys = {nlp.get_pipe("electx_parties").cues.key, nlp.get_pipe("electx_offices").cues.key,
            nlp.get_pipe("electx_people").country_cues.key}
    assert len(keys) == 1


def test_country_cue_counts_are_a_copy(nlp):
    doc = nlp(TEXT)
    cues = nlp.get_pipe("electx_parties").cues
    counts = cues.counts(doc)
    counts["uk"] += 100
    assert cues.counts(doc)["uk"] == counts["uk"] - 100


def test_group_data_is_the_span_extension_data(nlp):
    doc = nlp(TEXT)
    for key in (PARTIES, OFFICES):
        pairs = group_data(doc, key)
        assert pairs and [data for _sp, data in pairs] == [sp._.get(key) for sp in doc.spans[key]]


def test_group_data_reads_a_replaced_group_afresh(nlp):
    doc = nlp(TEXT)
    extra = Span(doc, 0, 1, label="PARTY")
    extra._.set(PARTIES, {"name": "Someone", "country": None, "alias": "Labour", "rule": "test"})
    doc.spans[PARTIES] = [extra]
    assert [data["name"] for _sp, data in group_data(doc, PARTIES)] == ["Someone"]


def test_group_data_of_a_missing_group_is_empty():
    doc = spacy.blank("en")("No parties here.")
    assert group_data(doc, PARTIES) == []
