"""The output schema: GOLD_FORMAT key names, Decimal money as JSON numbers, discriminated records."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import TypeAdapter, ValidationError

from extractor.schema import ArticleFacts, ErrorRecord, Money, OutputRecord, json_schema


def test_money_amount_serializes_as_a_json_number():
    m = Money(text="$35 million", amount=Decimal("35000000"), currency="USD", start=0, end=11)
    assert json.loads(m.model_dump_json())["amount"] == 35000000


def test_fractional_amount_stays_fractional():
    m = Money(text="$1.25", amount=Decimal("1.25"), currency="USD", start=0, end=5)
    assert json.loads(m.model_dump_json())["amount"] == 1.25


def test_currency_must_be_an_iso_code():
    with pytest.raises(ValidationError):
        Money(text="35 bucks", amount=Decimal(35), currency="bucks", start=0, end=8)


def test_unknown_keys_are_rejected():
    with pytest.raises(ValidationError):
        ArticleFacts(doc_id="a", candidatez=[])


def test_article_facts_has_the_gold_format_keys():
    keys = set(json.loads(ArticleFacts(doc_id="a").model_dump_json()))
    assert {"doc_id", "published", "candidates", "officials", "parties", "percentages",
            "money", "dates", "claims"} <= keys


def test_records_are_told_apart_by_status():
    adapter = TypeAdapter(OutputRecord)
    ok = adapter.validate_python({"doc_id": "a", "status": "ok"})
    err = adapter.validate_python({"doc_id": "b", "status": "error", "reason": "binary", "message": "PDF"})
    assert isinstance(ok, ArticleFacts) and isinstance(err, ErrorRecord)


def test_json_schema_covers_both_record_kinds():
    text = json.dumps(json_schema())
    assert "ArticleFacts" in text and "ErrorRecord" in text
