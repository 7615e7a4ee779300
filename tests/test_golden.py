"""Golden tests: the whole pipeline over corpus/ (articles this project wrote), scored against
their gold files with the reference matching rules. Floors sit a little under the measured
scores so that a regression fails; BENCHMARKS/README report the actual figures."""
from __future__ import annotations

import json

import pytest

from extractor.api import extract_facts
from extractor.evaluate import evaluate, load_gold

# Measured per-field F1 on corpus/ minus a margin (see README "Accuracy").
FLOORS = {
    "blank": {"candidates": 0.95, "candidate_party": 0.90, "officials": 0.87, "parties": 0.97,
              "percentages": 0.98, "money": 0.98, "dates": 0.97, "claims": 0.70},
    "sm": {"candidates": 0.96, "candidate_party": 0.91, "officials": 0.89, "parties": 0.98,
           "percentages": 0.98, "money": 0.98, "dates": 0.97, "claims": 0.72},
}


def _predict(nlp, corpus_dir) -> list[dict]:
    out = []
    for txt in sorted((corpus_dir / "texts").glob("*.txt")):
        meta = json.loads(txt.with_suffix(".meta.json").read_text(encoding="utf-8"))
        meta["doc_id"] = txt.stem
        facts = extract_facts(nlp, txt.read_text(encoding="utf-8"), meta)
        out.append(json.loads(facts.model_dump_json()))
    return out


@pytest.fixture(scope="module")
def blank_scores(blank_nlp, corpus_dir):
    return evaluate(load_gold(corpus_dir / "gold"), _predict(blank_nlp, corpus_dir))


@pytest.fixture(scope="module")
def sm_scores(sm_nlp, corpus_dir):
    return evaluate(load_gold(corpus_dir / "gold"), _predict(sm_nlp, corpus_dir))


@pytest.mark.parametrize("field", sorted(FLOORS["blank"]))
def test_blank_model_field_floor(blank_scores, field):
    row = next(r for r in blank_scores.rows if r.field == field)
    assert row.f1 >= FLOORS["blank"][field], blank_scores.misses[field][:10]


@pytest.mark.slow
@pytest.mark.parametrize("field", sorted(FLOORS["sm"]))
def test_statistical_model_field_floor(sm_scores, field):
    row = next(r for r in sm_scores.rows if r.field == field)
    assert row.f1 >= FLOORS["sm"][field], sm_scores.misses[field][:10]


def test_every_corpus_article_gets_a_prediction(blank_scores):
    assert blank_scores.missing_docs == []


def test_offsets_point_at_the_text(blank_nlp, corpus_dir):
    txt = sorted((corpus_dir / "texts").glob("*.txt"))[0]
    text = txt.read_text(encoding="utf-8")
    facts = extract_facts(blank_nlp, text, {"doc_id": txt.stem})
    items = [*facts.percentages, *facts.money, *facts.dates]
    assert items
    for item in items:
        assert text[item.start:item.end] == item.text
        assert item.provenance is not None and item.provenance.component.startswith("electx_")
