"""The one bridge from a processed Doc to :class:`~extractor.schema.ArticleFacts`."""
from __future__ import annotations

import bisect
import hashlib
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from spacy.tokens import Doc, Span

from . import __version__
from .schema import ArticleFacts, Provenance
from .doctext import doc_text
from .spans import DATES, MONEY, PARTIES, PERCENT, doc_meta, span_group


def _stored(key: str) -> bool:
    """Whether ``span._.<key>`` is a plain stored value (no getter, method or setter, default
    None): spaCy keeps it in ``doc.user_data`` under ``("._.", key, start_char, end_char)``."""
    return Span.get_extension(key) == (None, None, None, None)


def span_value(doc: Doc, key: str, span: Span) -> Any:
    """``span._.<key>``, read from ``doc.user_data`` without building an ``Underscore`` per read."""
    if _stored(key):
        return doc.user_data.get(("._.", key, span.start_char, span.end_char))
    return span._.get(key)


def set_span_value(doc: Doc, key: str, span: Span, value: Any) -> None:
    """``span._.<key> = value``, the same way."""
    if _stored(key):
        doc.user_data[("._.", key, span.start_char, span.end_char)] = value
    else:
        span._.set(key, value)


def provenance(span: Span, component: str, rule: str | None, detail: str | None = None,
               sents: "_SentIndex | None" = None) -> Provenance:
    """Provenance for a span: component, rule id, char span and its sentence."""
    sent_start = sent_end = None
    if sents is None:
        doc = span.doc
        if doc.has_annotation("SENT_START"):
            sent = span.sent
            sent_start, sent_end = sent.start_char, sent.end_char
    elif sents.active:
        sent_start, sent_end = sents.bounds(span)
    return Provenance(component=component, rule=rule or component, start=span.start_char,
                      end=span.end_char, sentence_start=sent_start, sentence_end=sent_end,
                      detail=detail)


class _SentIndex:
    """``span.sent`` bounds for many spans of one Doc: the sentences listed once, then bisect.

    ``span.sent`` is the sentence holding the span's first token (a span crossing a boundary
    gets its first sentence); this gives the same characters without walking the tokens.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.active = doc.has_annotation("SENT_START")
        self.hooked = "sent" in doc.user_span_hooks or "sents" in doc.user_hooks
        self.starts: list[int] = []
        self.chars: list[tuple[int, int]] = []
        if self.active and not self.hooked:
            for sent in doc.sents:
                self.starts.append(sent.start)
                self.chars.append((sent.start_char, sent.end_char))

    def char_bounds(self) -> list[tuple[int, int]] | None:
        """(start_char, end_char) of every sentence, as ``doc.sents`` gives them; None when
        the Doc has no sentence boundaries or a hook computes them."""
        if not self.active or self.hooked:
            return None
        return list(self.chars)

    def bounds(self, span: Span) -> tuple[int, int]:
        if self.hooked or not self.starts:
            sent = span.sent
            return sent.start_char, sent.end_char
        return self.chars[max(bisect.bisect_right(self.starts, span.start) - 1, 0)]


def _data(span: Span, key: str) -> dict[str, Any]:
    return span_value(span.doc, key, span) or {}


def _prov(span: Span, component: str, rule: str | None, sents: _SentIndex, detail: str | None = None) -> dict:
    """:func:`provenance` as the plain dict the one ArticleFacts validation takes."""
    sent_start = sent_end = None
    if sents.active:
        sent_start, sent_end = sents.bounds(span)
    return {"component": component, "rule": rule or component, "start": span.start_char, "end": span.end_char,
            "sentence_start": sent_start, "sentence_end": sent_end, "detail": detail}


def _percentages(doc: Doc, text: str, sents: _SentIndex, spans: list[Span] | None = None) -> list[dict]:
    out = []
    for span in span_group(doc, PERCENT) if spans is None else spans:
        d = _data(span, PERCENT)
        if d.get("value") is None:
            continue
        start, end = span.start_char, span.end_char
        out.append({
            "text": text[start:end], "value": float(d["value"]), "unit": d.get("unit") or "percent",
            "subject": d.get("subject"), "kind": d.get("kind"), "qualifier": d.get("qualifier"),
            "start": start, "end": end, "provenance": _prov(span, "electx_percent", d.get("rule"), sents)})
    return out


def _money(doc: Doc, text: str, sents: _SentIndex, spans: list[Span] | None = None) -> list[dict]:
    out = []
    for span in span_group(doc, MONEY) if spans is None else spans:
        d = _data(span, MONEY)
        try:
            amount = Decimal(str(d.get("amount")))
        except (InvalidOperation, ValueError):
            continue
        if not d.get("currency"):
            continue
        start, end = span.start_char, span.end_char
        out.append({
            "text": text[start:end], "amount": amount, "currency": d["currency"],
            "qualifier": d.get("qualifier"), "subject": d.get("subject"), "predicate": d.get("predicate"),
            "equivalent_of": d.get("equivalent_of"), "exchange_rate": d.get("exchange_rate"),
            "start": start, "end": end, "provenance": _prov(span, "electx_money", d.get("rule"), sents)})
    return out


def _dates(doc: Doc, text: str, sents: _SentIndex) -> list[dict]:
    out = []
    for span in span_group(doc, DATES):
        d = _data(span, DATES)
        start, end = span.start_char, span.end_char
        out.append({
            "text": text[start:end], "value": d.get("value"), "timex": d.get("timex"),
            "granularity": d.get("granularity"), "event": d.get("event"), "reason": d.get("reason"),
            "start": start, "end": end, "provenance": _prov(span, "electx_dates", d.get("rule"), sents)})
    return out


def _mentions(text: str, pairs: Iterable) -> list[dict]:
    return [{"text": text[start:end], "start": start, "end": end} for start, end in pairs]


def _person_provenance(doc: Doc, rec: dict[str, Any], mentions: list[dict], sents: _SentIndex) -> dict | None:
    if not mentions:
        return None
    m = mentions[0]
    span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
    if span is None:
        return {"component": "electx_people", "rule": rec.get("rule") or "people", "start": m["start"], "end": m["end"]}
    return _prov(span, "electx_people", rec.get("rule"), sents, rec.get("evidence"))


def _people(doc: Doc, text: str, sents: _SentIndex) -> tuple[list[dict], list[dict]]:
    candidates: list[dict] = []
    officials: list[dict] = []
    for rec in doc._.electx_people or []:
        mentions = _mentions(text, rec.get("mentions") or [])
        prov = _person_provenance(doc, rec, mentions, sents)
        if rec.get("role") == "candidate":
            candidates.append({
                "name": rec["name"], "aliases": list(rec.get("aliases") or []), "party": rec.get("party"),
                "former_parties": list(rec.get("former_parties") or []),
                "office_sought": rec.get("office_sought"), "jurisdiction": rec.get("jurisdiction"),
                "mentions": mentions, "evidence": rec.get("evidence"), "provenance": prov})
            continue
        for off in rec.get("offices") or []:
            if not off.get("office"):
                continue
            oprov = prov
            if off.get("start") is not None and off.get("end") is not None:
                ospan = doc.char_span(off["start"], off["end"], alignment_mode="expand")
                oprov = (_prov(ospan, "electx_offices", off.get("rule") or "office", sents)
                         if ospan is not None
                         else {"component": "electx_offices", "rule": off.get("rule") or "office",
                               "start": off["start"], "end": off["end"]})
            officials.append({
                "name": rec["name"], "office": off["office"], "jurisdiction": off.get("jurisdiction"),
                "status": off.get("status") or "current", "mentions": mentions, "provenance": oprov})
    return candidates, officials


def _parties(doc: Doc, candidates: list[dict]) -> list[str]:
    seen: dict[str, None] = {}
    for span in span_group(doc, PARTIES):
        name = _data(span, PARTIES).get("name")
        if name:
            seen.setdefault(name, None)
    for c in candidates:
        for p in [c["party"], *c["former_parties"]]:
            if p:
                seen.setdefault(p, None)
    return list(seen)


def _claims(doc: Doc, sents: "_SentIndex | None" = None, percents: list[Span] | None = None,
            money: list[Span] | None = None) -> list[dict]:
    from .claims import build_claims
    from .components._figures import Sentences

    bounds = sents.char_bounds() if sents is not None else None
    out = build_claims(doc, Sentences(doc, bounds) if bounds is not None else None, percents, money)
    for c in out:
        rule = c.pop("rule", None)
        start, end = c.get("start"), c.get("end")
        if start is not None and end is not None:
            c["provenance"] = {"component": "electx_claims", "rule": rule or "claims", "start": start, "end": end}
    return out


def doc_to_facts(doc: Doc, model_name: str | None = None) -> ArticleFacts:
    """Collect every span group of a processed Doc into one ArticleFacts.

    The parts are gathered as plain dicts and validated in one go (one pydantic call for the
    whole tree instead of one per fact: the same models, the same checks)."""
    meta = doc_meta(doc)
    text = doc_text(doc)
    sents = _SentIndex(doc)
    candidates, officials = _people(doc, text, sents)
    pspans, mspans = span_group(doc, PERCENT), span_group(doc, MONEY)
    return ArticleFacts.model_validate({
        "doc_id": str(meta.get("doc_id") or "doc"),
        "published": meta.get("published"),
        "source": meta.get("source"),
        "title": meta.get("title"),
        "url": meta.get("url"),
        "path": meta.get("path"),
        "candidates": candidates,
        "officials": officials,
        "parties": _parties(doc, candidates),
        "percentages": _percentages(doc, text, sents, pspans),
        "money": _money(doc, text, sents, mspans),
        "dates": _dates(doc, text, sents),
        "claims": _claims(doc, sents, pspans, mspans),
        "findings": list(doc._.electx_findings or []),
        "extractor": {"version": __version__, "model": model_name or "unknown"},
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    })
