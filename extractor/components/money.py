"""``electx_money``: every money amount -> ``doc.spans["electx_money"]`` (label MONEY).

Forms: symbols and codes ("$", "US$", "£", "C$", "USD 5m"), currency words ("35 million
dollars", "£5,000 pounds"), scale words and suffixes ("£1.5bn", "$35m", "5k"), ranges
("£4bn-£6bn", "£4-6bn" -> two amounts), qualifiers ("more than $35 million"), spoken amounts
("six point two million dollars", "twelve hundred and fifty dollars"), amounts with no currency
that take the article's own ("something like 350 grand", "cost about nine and a half million"), and
parenthetical conversions ("$35 million (£28 million/€33 million)"): each conversion links to
its primary amount and records the implied exchange rate.  Conversions that imply rates
differing by more than 10% for the same currency pair add an EXCHANGE_RATE_MISMATCH finding.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import fastscan
from ..normalize.money import _scale_regex, amount_from_match, money_regex
from ..normalize.numbers import (DIGITS, clean, number_word_regex, parse_digits, parse_words, qualifier_after,
                                 qualifier_before, scale_factor, spoken_number_regex)
from ..normalize import figure_rules as rules
from ..spans import MONEY, PARTIES, register_extensions
from ._figures import Intervals, doc_text, drop_overlaps, make_span

LABEL = "MONEY"
RATE_TOLERANCE = 0.10
_OPEN = re.compile(r"\s{0,3}\(\s{0,3}$")
_SEP = re.compile(r"\s{0,3}(?:/|,|;|or|and)\s{0,3}$")


def _range_tail() -> re.Pattern[str]:
    return re.compile(rf"\s?(?:[-–]|to)\s?(?P<num>{DIGITS})(?P<scale>{_scale_regex()})")


class MoneyFinder:
    """Find money amounts in a Doc (bounded regexes over the text: linear)."""

    def __init__(self, name: str = "electx_money", rate_tolerance: float = RATE_TOLERANCE) -> None:
        self.name = name
        self.rate_tolerance = rate_tolerance
        register_extensions()
        self._tail = _range_tail()

    def find(self, text: str) -> list[tuple[int, int, dict]]:
        """(start_char, end_char, data) per amount, with conversions linked."""
        items: list[tuple[int, int, dict]] = []
        for m in fastscan.finditer(money_regex(), text):
            parsed = amount_from_match(m)
            if parsed is None:
                continue
            amount, code = parsed
            qual, qlen = qualifier_before(text[max(0, m.start() - 40):m.start()])
            rule = "money.symbol" if m.group("sym") is not None else "money.word"
            end = m.end()
            if m.group("sym") is not None and not m.group("scale") and not m.group("word"):
                tail = self._tail.match(text, end, min(len(text), end + 40))
                if tail:  # "£4-6bn": the first number takes the second's scale
                    f = scale_factor(tail.group("scale"))
                    second = parse_digits(tail.group("num"))
                    if f is not None and second is not None:
                        amount = clean(amount * f)
                        items.append((tail.start("num"), tail.end(), self._data(clean(second * f), code, qual,
                                                                                "money.range_tail")))
                        rule = "money.range_head"
            if qual is None:  # "$200 or less": the qualifier follows the amount
                qual, tlen = qualifier_after(text[end:end + 30])
                end += tlen
            items.append((m.start() - qlen, end, self._data(amount, code, qual, rule)))
        items = drop_overlaps(items)
        self._link_conversions(text, items)
        return items

    @staticmethod
    def _data(amount: Decimal, code: str, qual: str | None, rule: str) -> dict:
        return {"amount": str(amount), "currency": code, "qualifier": qual, "subject": None, "predicate": None,
                "equivalent_of": None, "exchange_rate": None, "rule": rule}

    @staticmethod
    def _link_conversions(text: str, items: list[tuple[int, int, dict]]) -> None:
        """Mark amounts in a parenthesis right after a primary amount as its equivalents."""
        i = 0
        while i < len(items):
            ps, pe, primary = items[i]
            j, prev_end = i + 1, pe
            while j < len(items):
                s, e, data = items[j]
                gap = text[prev_end:s]
                if not (_OPEN.fullmatch(gap) if j == i + 1 else (_SEP.fullmatch(gap) and "(" in text[pe:s])):
                    break
                if data["currency"] == primary["currency"]:
                    break
                data["equivalent_of"] = _without_qualifier(text, ps, pe, primary["qualifier"])
                data["qualifier"] = data["qualifier"] or primary["qualifier"]
                base = Decimal(primary["amount"])
                if base:
                    data["exchange_rate"] = round(float(Decimal(data["amount"]) / base), 6)
                data["rule"] = "money.conversion"
                prev_end = e
                j += 1
            i = j if j > i + 1 else i + 1

    def findings(self, text: str, items: list[tuple[int, int, dict]]) -> list[dict]:
        """EXCHANGE_RATE_MISMATCH for conversions whose implied rates for one pair differ too much."""
        out: list[dict] = []
        seen: dict[tuple[str, str], tuple[float, int, int]] = {}
        for s, e, d in items:
            if d["equivalent_of"] is None:
                continue
            base_cur = _primary_currency(items, s)
            if base_cur is None or not d["exchange_rate"]:
                continue
            pair = (base_cur, d["currency"])
            rate = d["exchange_rate"]
            if pair in seen:
                first = seen[pair][0]
                if max(rate, first) / min(rate, first) > 1 + self.rate_tolerance:
                    out.append({"code": "EXCHANGE_RATE_MISMATCH",
                                "message": f"{pair[0]}->{pair[1]} conversion {text[s:e]!r} implies {rate:g}, "
                                           f"an earlier one implies {first:g}",
                                "start": s, "end": e})
            else:
                seen[pair] = (rate, s, e)
        return out

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        items = self.find(text)
        # only a USD amount can become the article's own dollar: without one, skip the party count
        local = None
        if any(d["currency"] == "USD" for _s, _e, d in items):
            countries = Counter((s._.electx_parties or {}).get("country") for s in doc.spans.get(PARTIES, []))
            local = article_dollar(text, items, countries)
        if local:
            for start in bare_dollar_starts(text, items):
                for _s, _e, data in items:
                    if _s == start:
                        data["currency"] = local
        if items:  # "350 grand", "cost about nine and a half million": the article's own currency
            items = drop_overlaps(items + currencyless(text, items))
        spans = []
        kept = []
        for start, end, data in items:
            span = make_span(doc, start, end, LABEL)
            if span is None:
                continue
            span._.electx_money = data
            spans.append(span)
            kept.append((start, end, data))
        doc.spans[MONEY] = spans
        found = self.findings(text, kept)
        if found:
            if doc._.electx_findings is None:
                doc._.electx_findings = []
            doc._.electx_findings.extend(found)
        return doc


_REACH = 60  # the longest spoken number before a scale word ("three-quarters of a", "twelve hundred and fifty")


@lru_cache(maxsize=1)
def _currencyless_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(scale word, number ending just before it, what may follow it, money cue): currencies.json currencyless."""
    cl = rules.currencies().currencyless
    scales = rules.alternation([*cl.scales, *cl.informal_scales] or ["\x00"])
    nums = rf"(?P<num>{DIGITS}|(?i:\b(?:{spoken_number_regex()}|{number_word_regex()}|an?)\b))"
    follow = rules.alternation(cl.followers or ["\x00"])
    cues = rules.alternation(cl.cues or ["\x00"])
    return (re.compile(rf"(?i)(?<=\s)(?:{scales})\b"),
            re.compile(rf"(?<![\w.,$£€¥-]){nums}\s$"),
            re.compile(rf"\s{{0,2}}(?:[.,;:)!?\"”]|$)|\s(?i:{follow})\b"),
            re.compile(rf"(?i)\b(?:{cues})\b"))


_CLAUSE_END = re.compile(r"[.!?][\"”’']?\s|[,;:()]")


def currencyless(text: str, items: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
    """Amounts written without a currency, in the article's most used currency (currencies.json
    'currencyless'): "something like 350 grand", "cost ratepayers about nine and a half million a year".
    A bare scale amount needs a money cue before it in its clause; none is found without a currency.
    """
    counts = Counter(d["currency"] for _s, _e, d in items if d["equivalent_of"] is None)
    if not counts:
        return []
    code = counts.most_common(1)[0][0]
    cl = rules.currencies().currencyless
    informal = {w.lower(): Decimal(f) for w, f in cl.informal_scales.items()}
    scale_rx, num_rx, end_rx, cue_rx = _currencyless_regexes()
    taken = Intervals([(s, e) for s, e, _d in items])
    out: list[tuple[int, int, dict]] = []
    for hit in scale_rx.finditer(text):
        m = num_rx.search(text, max(0, hit.start() - _REACH), hit.start())
        if m is None or not end_rx.match(text, hit.end()):
            continue
        start, end = m.start(), hit.end()
        if taken.overlaps(start, end):
            continue
        word = hit.group(0).lower()
        f = informal.get(word)
        if f is None:  # "N million": only after a money cue in the same clause
            before = text[max(0, start - cl.cue_window):start]
            ends = list(_CLAUSE_END.finditer(before))
            if ends:
                before = before[ends[-1].end():]
            if not cue_rx.search(before):
                continue
            f = scale_factor(word)
        num = m.group("num")
        base = Decimal(1) if num.lower() in ("a", "an") else parse_digits(num)
        if base is None:
            base = parse_words(num)
        if base is None or f is None:
            continue
        qual, qlen = qualifier_before(text[max(0, start - 40):start])
        out.append((start - qlen, end, MoneyFinder._data(clean(base * f), code, qual, "money.currencyless")))
    return out


def bare_dollar_starts(text: str, items: list[tuple[int, int, dict]]) -> list[int]:
    """Starts of the USD amounts written with a bare "$" or "dollars" (no "US$", "USD", "US dollars")."""
    bare = rules.currencies().bare_dollar
    out = []
    for s, e, d in items:
        if d["currency"] != "USD":
            continue
        m = money_regex().search(text, s, e)
        if m is None:
            continue
        sym, word = m.group("sym"), m.group("word") or m.group("word2")
        if (sym is not None and sym.strip() in bare.symbols and not (m.group("word") and word.lower() not in
                                                                       bare.words)) or (
                sym is None and word is not None and word.lower() in bare.words):
            out.append(s)
    return out


def article_dollar(text: str, items: list[tuple[int, int, dict]], countries: Counter) -> str | None:
    """The article's own dollar for bare "$": the one prefixed dollar it uses ("A$", "C$"), else the
    dollar country of most of its party mentions; None (USD stays) when US parties are as many.

    >>> article_dollar("", [(0, 4, {"currency": "AUD"})], Counter())
    'AUD'
    >>> article_dollar("", [], Counter({"ca": 3, "us": 1}))
    'CAD'
    >>> article_dollar("", [(0, 4, {"currency": "CAD"})], Counter({"us": 4, "ca": 1})) is None
    True
    """
    bare = rules.currencies().bare_dollar
    by_code = {code: country for country, code in bare.countries.items()}
    prefixed = {d["currency"] for _s, _e, d in items if d["currency"] in bare.prefixed}
    us = countries.get("us", 0)
    if len(prefixed) == 1:
        code = next(iter(prefixed))
        return code if countries.get(by_code.get(code, ""), 0) >= us else None
    if prefixed:
        return None
    ranked = [(n, c) for c, n in countries.items() if c in bare.countries]
    if not ranked:
        return None
    n, country = max(ranked)
    return bare.countries[country] if n > us else None


def _without_qualifier(text: str, start: int, end: int, qualifier: str | None) -> str:
    span_text = text[start:end]
    if qualifier is None:
        return span_text
    m = money_regex().search(span_text)
    return span_text[m.start():] if m else span_text


def _primary_currency(items: list[tuple[int, int, dict]], start: int) -> str | None:
    for s, _e, d in reversed([it for it in items if it[0] < start]):
        if d["equivalent_of"] is None:
            return d["currency"]
    return None


@Language.factory("electx_money", assigns=["doc.spans"], default_config={"rate_tolerance": RATE_TOLERANCE})
def make_money(nlp: Language, name: str, rate_tolerance: float) -> MoneyFinder:
    """Factory for the money finder."""
    return MoneyFinder(name, rate_tolerance)
