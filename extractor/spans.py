"""The contract between components: span-group keys and the extension attributes they carry.

Each rule family writes its own ``doc.spans[KEY]`` (overlaps allowed).  A span's
``label_`` names its type, ``id_`` carries a canonical id where there is one
(``uk:party:lab``), and the normalized data lives in a plain-data dict (JSON-safe, so a
Doc can be serialized) under the extension attribute named like the span group::

    span = doc.spans[PERCENT][0]
    span._.electx_percent == {"value": 42.0, "unit": "percent", "qualifier": None,
                              "kind": "vote_share", "subject": "Rick Caruso",
                              "rule": "percent.per_cent"}

Extension values on spans are keyed by (name, start_char, end_char), so one attribute per
family keeps a date and a money amount over the same characters apart.

Document-level inputs and outputs::

    doc._.electx_meta   = {"doc_id", "published" (ISO date or None), "source", "title", "url"}
    doc._.electx_people = [person records], set by ``electx_people``: one plain dict per
                          person: {"person_id", "name", "aliases", "role" ("candidate" |
                          "official" | None), "party", "former_parties", "office_sought",
                          "jurisdiction", "offices": [{"office", "jurisdiction", "status",
                          "start", "end", "rule"}], "mentions": [(start, end)],
                          "evidence", "rule"}
    doc._.electx_findings = [{"code", "message", "start", "end"}]  within-article warnings
    doc._.electx_facts  = ArticleFacts (set by the last component, ``electx_facts``)
"""
from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

PARTIES = "electx_parties"   # label PARTY; id_ "<cc>:party:<id>"; data: name, country, alias, rule
OFFICES = "electx_offices"   # label OFFICE / TITLE; data: office, jurisdiction, status, rule
PEOPLE = "electx_people"     # label PERSON; data: name (canonical), person_id, role, rule
PERCENT = "electx_percent"   # label PERCENT; data: value, unit, qualifier, kind, subject, rule
MONEY = "electx_money"       # label MONEY; data: amount (str Decimal), currency, qualifier,
                             #   subject, predicate, equivalent_of, exchange_rate, rule
DATES = "electx_dates"       # label DATE; data: value, timex, granularity, event, reason, rule

SPAN_KEYS = (PARTIES, OFFICES, PEOPLE, PERCENT, MONEY, DATES)


def register_extensions() -> None:
    """Register the extension attributes (idempotent)."""
    for key in SPAN_KEYS:
        if not Span.has_extension(key):
            Span.set_extension(key, default=None)
    if not Doc.has_extension("electx_meta"):
        Doc.set_extension("electx_meta", default=None)
    for name in ("electx_facts", "electx_people", "electx_findings"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def doc_meta(doc: Doc) -> dict[str, Any]:
    """The document's metadata dict (empty when none was set)."""
    return doc._.electx_meta or {}


def published_date(doc: Doc) -> date | None:
    """The publication date pinned on the doc, or None (relative dates then stay unresolved)."""
    value = doc_meta(doc).get("published")
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def span_group(doc: Doc, key: str) -> list[Span]:
    """The spans of one family, in text order (empty when the component did not run)."""
    if key not in doc.spans:
        return []
    return sorted(doc.spans[key], key=lambda s: (s.start_char, -s.end_char))
