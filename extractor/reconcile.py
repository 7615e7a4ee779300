"""Cross-source reconciliation: merge entities, group claims, give each group a verdict.

Works on :class:`extractor.schema.ArticleFacts` (or the equivalent dicts, including gold
files with ``id`` instead of ``doc_id``); never sees spaCy.  Everything is found through
dict keys (buckets), never by comparing all claims pairwise, so the cost grows linearly::

    report = reconcile(facts)            # ReconcileReport
    report.groups[0].verdict             # 'conflict' | 'agree' | ...

Steps: (1) duplicate / syndicated articles are found from shared claim fingerprints,
identical ``text_sha256`` or titles and collapsed into one *source*; (2) people, parties
and races are merged across articles by normalized name; (3) claims (plus values derived
inside an article, e.g. a margin from two vote shares) are bucketed by
``(subject, predicate, unit dimension, event)``; inside a bucket claims about the same
question are linked (equal value, similar wording, or a specific key such as a named
candidate's vote share) and their values compared as intervals (precision, qualifier,
margin of error); (4) currency conversions, event dates and within-article sums are
checked; (5) a Gaussian truth-discovery model weights sources and gives a best estimate
where values share one ``as_of``.
"""
from __future__ import annotations

import calendar
import csv
import gc
import math
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field

from .resources import models_dir, read_json, validate_rule_file

Verdict = Literal["agree", "compatible", "equivalent", "conflict", "single_source", "not_comparable"]
Severity = Literal["high", "medium", "low", "info"]
FindingType = Literal[
    "conflict", "compatible", "equivalence", "agree", "single_source", "duplicate_source", "not_comparable",
]
#: Order in which findings are listed (most important first).
FINDING_ORDER: tuple[str, ...] = (
    "conflict", "compatible", "equivalence", "agree", "single_source", "duplicate_source", "not_comparable",
)
SEVERITY_ORDER: tuple[str, ...] = ("high", "medium", "low", "info")

# Reason codes
ROUNDING = "ROUNDING"
DIFFERENT_AS_OF = "DIFFERENT_AS_OF"
QUALIFIER_COMPATIBLE = "QUALIFIER_COMPATIBLE"
CURRENCY_EQUIVALENT = "CURRENCY_EQUIVALENT"
PERCENT_VS_POINTS = "PERCENT_VS_POINTS"
DERIVED_MISMATCH = "DERIVED_MISMATCH"
WITHIN_MOE = "WITHIN_MOE"
CONFLICT = "CONFLICT"
DATE_PRECISION = "DATE_PRECISION"
YEAR_BORROWED = "YEAR_BORROWED"
RATE_MISMATCH = "RATE_MISMATCH"
SHARES_OVER_100 = "SHARES_OVER_100"
DUPLICATE_SOURCE = "DUPLICATE_SOURCE"
DISTINCT_QUANTITIES = "DISTINCT_QUANTITIES"
NO_EXCHANGE_RATE = "NO_EXCHANGE_RATE"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReconcileConfig(_Model):
    """Tolerances and word lists of the reconciler: ``models/shared/reconcile.json``.

    ``ReconcileConfig.shipped()`` reads the shipped file; pass a modified copy
    (``ReconcileConfig.shipped().model_copy(update={...})``) to :func:`reconcile` to tune one run.
    """

    description: str = ""
    about_tolerance: float = Field(description="relative width of 'about X'")
    currency_tolerance: float = Field(description="relative slack when comparing via an implied rate")
    text_min_shared: int = Field(description="content words two claims must share to be one question")
    text_min_overlap: float = Field(description="shared / min(len) content words for one question")
    block_max: int = Field(description="content words shared by more claims are too common to link on")
    window_days: int = Field(description="claims published further apart are not compared")
    duplicate_min_shared: int = Field(description="shared claims for two articles to be one source")
    duplicate_min_fraction: float = Field(description="shared / smaller article's claims")
    fingerprint_max_articles: int = Field(description="a claim text in more articles is boilerplate")
    strong_predicates: list[str] = Field(description="predicates whose claims about one subject are one question")
    strong_date_events: list[str] = Field(description="events with one date per race (dates compared by year)")
    low_attributions: list[str] = Field(description="attributions that make a minority value low severity")
    moe_cues: list[str] = Field(description="phrases introducing a poll's margin of error")
    titles: list[str] = Field(description="words dropped from names before matching people")
    stopwords: list[str] = Field(description="words ignored when comparing the wording of claims")
    truth_iterations: int = Field(description="rounds of the truth-discovery estimate")

    @classmethod
    def shipped(cls) -> "ReconcileConfig":
        """The shipped settings (validated; a bad file raises RuleFileError naming the entry)."""
        return _shipped_config()


@lru_cache(maxsize=1)
def _shipped_config() -> ReconcileConfig:
    return load_config(models_dir() / "shared" / "reconcile.json")


def load_config(path: Path) -> ReconcileConfig:
    """Read and validate a reconciler settings file (the format of models/shared/reconcile.json)."""
    return validate_rule_file(ReconcileConfig, read_json(path), str(path))


# --------------------------------------------------------------------------- output models


class EntityMention(_Model):
    article: str
    text: str
    start: int | None = None
    end: int | None = None


class AttributeCheck(_Model):
    attribute: str
    verdict: Verdict
    values: list[dict[str, Any]] = Field(default_factory=list, description="{article, value}")
    detail: str | None = None


class Entity(_Model):
    id: str
    canonical: str
    type: Literal["candidate", "official", "party", "race", "event", "other"]
    articles: list[str] = Field(default_factory=list)
    mentions: list[EntityMention] = Field(default_factory=list)
    attributes: dict[str, Any] = Field(default_factory=dict)
    attribute_checks: list[AttributeCheck] = Field(default_factory=list)


class GroupKey(_Model):
    subject: str | None = None
    predicate: str
    unit: str | None = None
    event: str | None = None
    question: str | None = None


class GroupValue(_Model):
    article: str
    value: float | str | None
    unit: str | None = None
    qualifier: str | None = None
    as_of: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    derived: bool = False
    derivation: str | None = None
    derived_from: list[str] = Field(default_factory=list)
    equivalent_of: str | None = None
    attribution: str | None = None
    published: str | None = None
    source: str = Field(description="source cluster (duplicate articles share one)")
    cluster: int = Field(0, description="value cluster inside the group")
    converted: float | None = Field(None, description="value in the group's base unit")


class Estimate(_Model):
    value: float
    unit: str | None
    sources: int
    weights: dict[str, float] = Field(default_factory=dict)
    method: str = "gaussian truth discovery"


class Group(_Model):
    id: str
    key: GroupKey
    values: list[GroupValue]
    verdict: Verdict
    reasons: list[str] = Field(default_factory=list)
    severity: Severity = "info"
    as_of_differs: bool = False
    independent_sources: int = 1
    conflicting_clusters: list[tuple[int, int]] = Field(default_factory=list)
    estimate: Estimate | None = None
    estimate_note: str | None = None
    explanation: str = ""


class DuplicateSource(_Model):
    articles: list[str]
    reasons: list[str]
    shared_claims: int = 0


class ReportFinding(_Model):
    type: FindingType
    groups: list[str] = Field(default_factory=list)
    severity: Severity = "info"
    message: str


class ReconcileReport(_Model):
    articles: list[str]
    entities: list[Entity] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    duplicates: list[DuplicateSource] = Field(default_factory=list)
    findings: list[ReportFinding] = Field(default_factory=list)
    stats: dict[str, int] = Field(default_factory=dict)

    def group(self, group_id: str) -> Group:
        """The group with this id (KeyError when absent)."""
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)


class ResultCheck(_Model):
    article: str
    subject: str
    predicate: str
    claimed: float
    official: float | None
    unit: str | None
    verdict: Literal["agree", "compatible", "conflict", "not_found"]
    reasons: list[str] = Field(default_factory=list)
    text: str | None = None
    race: str | None = None


# --------------------------------------------------------------------------- small helpers


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SUFFIXES = ("ings", "ing", "ies", "es", "ed", "s", "e", "y")


def _fold(text: str) -> str:
    """Lowercase, accents removed, typographic quotes and spaces normalized.

    >>> _fold("José’s  Café")
    "jose's cafe"
    """
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("\u00a0", " ")
    return " ".join(text.lower().split())


def _stem(word: str) -> str:
    """A crude suffix stripper: enough to match 'cuts'/'cut', 'savings'/'save'.

    >>> _stem("savings"), _stem("save"), _stem("cuts"), _stem("tories")
    ('sav', 'sav', 'cut', 'tor')
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


_FIGURE = re.compile(r"[$£€¥]?\d[\d,.]*\s*(?:%|per\s?cent|percent|bn|m|billion|million|points?)?", re.I)


def _near_figure(text: str | None, reach: int = 48) -> str | None:
    """The words around the first figure of a claim's text: what the quantity is, without the
    rest of a long sentence (who said it, when, and other clauses) diluting the comparison.

    >>> _near_figure("In a speech to party members in the north-west on Saturday, the leader is expected "
    ...              "to say that around £6bn will be available for tax cuts when he sets out the plan next week")
    'the leader is expected to say that around £6bn will be available for tax cuts when he sets'
    """
    if not text or len(text) <= 2 * reach + 12:
        return text
    m = _FIGURE.search(text)
    if not m:
        return text
    a = max(0, m.start() - reach)
    b = min(len(text), m.end() + reach)
    a = text.find(" ", a) + 1 if a > 0 else 0
    b = text.rfind(" ", 0, b) if b < len(text) else b
    return text[a:b] if b > a else text


def _content_words(text: str | None, stop: frozenset[str], drop: frozenset[str] = frozenset()) -> frozenset[str]:
    if not text:
        return frozenset()
    out = set()
    for w in _WORD.findall(_fold(text)):
        w = w.replace("'", "").replace("-", "")
        if len(w) < 2 or w in stop:
            continue
        s = _stem(w)
        if s not in drop:
            out.add(s)
    return frozenset(out)


def _precision(value: float) -> float:
    """Half-unit of the last stated digit, assuming at least two significant digits for round
    integers ("$100 million" is read as 100 +- 0.5 million, "40" as 40 +- 0.5).

    >>> _precision(42.0), _precision(25.7), _precision(35000000), _precision(100000000), _precision(40)
    (0.5, 0.05, 500000.0, 5000000.0, 0.5)
    """
    if value is None or not math.isfinite(value):
        return 0.0
    d = Decimal(repr(float(value))).normalize()
    exp = d.as_tuple().exponent
    if not isinstance(exp, int):
        return 0.0
    if value == int(value) and exp > 0:
        exp = max(0, min(exp, len(str(abs(int(value)))) - 2))
    return 0.5 * 10.0 ** exp


def _parse_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _is_currency(unit: str | None) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()


def _dimension(unit: str | None) -> str:
    if unit in ("percent", "percentage points"):
        return "pct"
    if _is_currency(unit):
        return "money"
    return _fold(unit) if unit else ""


# --------------------------------------------------------------------------- input view


def _as_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, BaseModel):
        data = item.model_dump(mode="python")
    else:
        data = dict(item)
    if "doc_id" not in data:
        data["doc_id"] = data.get("id")
    data.setdefault("published", None)
    for key in ("candidates", "officials", "parties", "percentages", "money", "dates", "claims", "findings"):
        data[key] = list(data.get(key) or [])
    return data


def _float(v: Any) -> float | None:
    if v is None:
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------- reconciler


class _Item:
    """One value inside a bucket (a claim, a derived value, a money amount or a date)."""

    __slots__ = ("article", "value", "unit", "qualifier", "as_of", "text", "start", "end", "derived",
                 "derivation", "derived_from", "equivalent_of", "attribution", "published", "source",
                 "words", "lo", "hi", "num", "label", "tol")

    def __init__(self, **kw: Any) -> None:
        for name in self.__slots__:
            setattr(self, name, kw.get(name))
        self.derived = bool(self.derived)
        self.derived_from = self.derived_from or []


class Reconciler:
    """Holds the batch state; use :func:`reconcile` unless you need the config."""

    def __init__(self, config: ReconcileConfig | None = None) -> None:
        self.cfg = config or ReconcileConfig.shipped()
        self.stop = frozenset(self.cfg.stopwords) | frozenset(self.cfg.titles)  # "Mr", "Dr" say nothing of the quantity
        self.titles = frozenset(self.cfg.titles)
        self.months = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
        self.months.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})

    # ------------------------------------------------------------------ entry point
    def run(self, facts: Iterable[ArticleFactsLike]) -> ReconcileReport:
        arts = [_as_dict(f) for f in facts]
        arts = [a for a in arts if a.get("doc_id") and a.get("status", "ok") == "ok"]
        self.arts = {a["doc_id"]: a for a in arts}
        self.pub = {a["doc_id"]: a.get("published") for a in arts}
        self.groups: list[Group] = []
        self.findings: list[ReportFinding] = []
        self._pending_nc: list[tuple] = []
        self._subject_cache: dict[str, str] = {}
        self.duplicates = self._find_duplicates(arts)
        self.entities, self.person_of = self._merge_entities(arts)
        self.display = {e.id: e.canonical for e in self.entities}
        self.rates = self._rate_table(arts)
        self._claim_groups(arts)
        self._date_groups(arts)
        self._equivalence_groups(arts)
        self._share_sums(arts)
        self._truth_discovery()
        self._summarize()
        n_claims = sum(len(a["claims"]) for a in arts)
        return ReconcileReport(
            articles=[a["doc_id"] for a in arts], entities=self.entities, groups=self.groups,
            duplicates=self.duplicates, findings=self.findings,
            stats={"articles": len(arts), "claims": n_claims, "groups": len(self.groups),
                   "conflicts": sum(g.verdict == "conflict" for g in self.groups)},
        )

    # ------------------------------------------------------------------ duplicates
    def _find_duplicates(self, arts: list[dict]) -> list[DuplicateSource]:
        ids = [a["doc_id"] for a in arts]
        uf = _UnionFind(len(ids))
        reasons: dict[tuple[int, int], set[str]] = defaultdict(set)
        shared_count: Counter[tuple[int, int]] = Counter()
        for field, why in (("text_sha256", "identical text"), ("title", "identical title")):
            by: dict[str, list[int]] = defaultdict(list)
            for i, a in enumerate(arts):
                v = a.get(field)
                if v:
                    by[_fold(str(v))].append(i)
            for members in by.values():
                if 1 < len(members) <= self.cfg.fingerprint_max_articles:
                    for j in members[1:]:
                        if why == "identical title" and not self._close_dates(ids[members[0]], ids[j], 3):
                            continue
                        pair = (members[0], j)
                        reasons[pair].add(why)
                        uf.union(*pair)
        fp_index: dict[tuple, set[int]] = defaultdict(set)
        n_claims = [0] * len(arts)
        for i, a in enumerate(arts):
            fps = {(_fold(c.get("text") or ""), _float(c.get("value"))) for c in a["claims"] if c.get("text")}
            n_claims[i] = len(fps)
            for fp in fps:
                fp_index[fp].add(i)
        for members in fp_index.values():
            if 1 < len(members) <= self.cfg.fingerprint_max_articles:
                ms = sorted(members)
                for x in range(len(ms)):
                    for y in range(x + 1, len(ms)):
                        shared_count[(ms[x], ms[y])] += 1
        for (i, j), n in shared_count.items():
            smaller = max(1, min(n_claims[i], n_claims[j]))
            if n >= self.cfg.duplicate_min_shared and n / smaller >= self.cfg.duplicate_min_fraction:
                reasons[(i, j)].add(f"{n} of {smaller} claims identical in wording and value")
                uf.union(i, j)
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in range(len(ids)):
            clusters[uf.find(i)].append(i)
        self.source_of = {ids[i]: ids[uf.find(i)] for i in range(len(ids))}
        why_of: dict[int, set[str]] = defaultdict(set)
        shared_of: Counter[int] = Counter()
        for (i, j), r in reasons.items():
            root = uf.find(i)
            why_of[root] |= r
            shared_of[root] = max(shared_of[root], shared_count.get((i, j), 0))
        out = []
        for root, members in clusters.items():
            if len(members) < 2:
                continue
            why, shared = why_of[root], shared_of[root]
            out.append(DuplicateSource(articles=[ids[m] for m in members], reasons=sorted(why), shared_claims=shared))
        return out

    def _close_dates(self, a: str, b: str, days: int) -> bool:
        da, db = _parse_date(self.pub.get(a)), _parse_date(self.pub.get(b))
        return da is None or db is None or abs((da - db).days) <= days

    # ------------------------------------------------------------------ entities
    def _name_tokens(self, name: str) -> list[str]:
        toks = [t.strip(".,") for t in _fold(name).split()]
        while len(toks) > 1 and toks[0] in self.titles:
            toks = toks[1:]
        return [t for t in toks if t]

    def _merge_entities(self, arts: list[dict]) -> tuple[list[Entity], dict[str, str]]:
        records: list[tuple[str, str, str, dict]] = []  # (article, kind, name, record)
        for a in arts:
            for c in a["candidates"]:
                records.append((a["doc_id"], "candidate", c.get("name") or "", c))
            for o in a["officials"]:
                records.append((a["doc_id"], "official", o.get("name") or "", o))
        full: dict[str, str] = {}
        by_last: dict[str, set[str]] = defaultdict(set)
        for _, _, name, _ in records:
            toks = self._name_tokens(name)
            if len(toks) >= 2:
                key = " ".join(toks)
                full[key] = name
                by_last[toks[-1]].add(key)
        person_of: dict[str, str] = {}

        def resolve(name: str) -> str | None:
            toks = self._name_tokens(name)
            if not toks:
                return None
            if len(toks) >= 2:
                return " ".join(toks)
            keys = by_last.get(toks[0], set())
            return next(iter(keys)) if len(keys) == 1 else toks[0]

        people: dict[str, dict] = {}
        for art, kind, name, rec in records:
            key = resolve(name)
            if key is None:
                continue
            person_of[_fold(name)] = key
            for alias in rec.get("aliases") or []:
                person_of.setdefault(_fold(alias), key)
            p = people.setdefault(key, {"names": Counter(), "kinds": set(), "arts": {}, "mentions": []})
            p["names"][name] += 1
            p["kinds"].add(kind)
            per = p["arts"].setdefault(art, {"party": None, "former_parties": set(), "office_sought": None,
                                             "jurisdiction": None, "offices": []})
            if kind == "candidate":
                per["party"] = rec.get("party") or per["party"]
                per["former_parties"] |= set(rec.get("former_parties") or [])
                per["office_sought"] = rec.get("office_sought") or per["office_sought"]
                per["jurisdiction"] = rec.get("jurisdiction") or per["jurisdiction"]
            else:
                per["offices"].append((rec.get("office"), rec.get("jurisdiction"), rec.get("status") or "current"))
            ments = rec.get("mentions") or []
            if ments:
                p["mentions"] += [EntityMention(article=art, text=m["text"], start=m.get("start"), end=m.get("end"))
                                  for m in ments]
            else:
                p["mentions"].append(EntityMention(article=art, text=name))
        entities: list[Entity] = []
        races: dict[tuple[str, str], dict] = {}
        for key, p in sorted(people.items()):
            canonical = max(p["names"], key=lambda n: (len(self._name_tokens(n)), p["names"][n], n))
            kind = "candidate" if "candidate" in p["kinds"] else "official"
            ent = Entity(id=f"person:{key}", canonical=canonical, type=kind, articles=sorted(p["arts"]),
                         mentions=p["mentions"])
            self._person_attributes(ent, p["arts"])
            entities.append(ent)
            for art, per in p["arts"].items():
                if per["office_sought"]:
                    rk = (_fold(per["office_sought"]), _fold(per["jurisdiction"] or ""))
                    r = races.setdefault(rk, {"arts": set(), "cands": set(), "label": per})
                    r["arts"].add(art)
                    r["cands"].add(canonical)
        parties: dict[str, set[str]] = defaultdict(set)
        for a in arts:
            for name in a["parties"]:
                parties[name].add(a["doc_id"])
        for name, members in sorted(parties.items()):
            entities.append(Entity(id=f"party:{_fold(name)}", canonical=name, type="party", articles=sorted(members),
                                   mentions=[EntityMention(article=d, text=name) for d in sorted(members)]))
        for (office, juris), r in sorted(races.items()):
            label = f"{office} ({juris})" if juris else office
            entities.append(Entity(id=f"race:{office}|{juris}", canonical=label, type="race", articles=sorted(r["arts"]),
                                   attributes={"candidates": sorted(r["cands"])}))
        return entities, person_of

    def _person_attributes(self, ent: Entity, per_art: dict[str, dict]) -> None:
        arts = sorted(per_art, key=lambda d: (self.pub.get(d) or "", d))
        parties = {d: per_art[d]["party"] for d in arts if per_art[d]["party"]}
        former: set[str] = set().union(*(per_art[d]["former_parties"] for d in arts)) if arts else set()
        if parties:
            latest = parties[arts[-1]] if arts[-1] in parties else list(parties.values())[-1]
            ent.attributes["party"] = latest
            ent.attributes["former_parties"] = sorted((former | set(parties.values())) - {latest})
            distinct = set(parties.values())
            values = [{"article": d, "value": v} for d, v in parties.items()]
            if len(parties) >= 2 and len(distinct) == 1:
                ent.attribute_checks.append(AttributeCheck(attribute="party", verdict="agree", values=values))
            elif len(distinct) > 1:
                history = all(any(v in per_art[d]["former_parties"] for d in arts) for v in distinct - {latest})
                ent.attribute_checks.append(AttributeCheck(
                    attribute="party", verdict="compatible" if history else "conflict", values=values,
                    detail=("party switch over time (history, not a conflict): " if history else
                            "different parties and no article records a switch: ") + " -> ".join(
                        dict.fromkeys(parties[d] for d in arts if d in parties))))
        for field in ("office_sought", "jurisdiction"):
            vals = {d: per_art[d][field] for d in arts if per_art[d][field]}
            if vals:
                ent.attributes[field] = vals[arts[-1]] if arts[-1] in vals else list(vals.values())[-1]
                if len({_fold(v) for v in vals.values()}) > 1:
                    ent.attribute_checks.append(AttributeCheck(
                        attribute=field, verdict="compatible",
                        values=[{"article": d, "value": v} for d, v in vals.items()],
                        detail="different contests or wording in different articles"))
        offices: dict[tuple, dict[str, str]] = {}
        for d in arts:
            for office, juris, status in per_art[d]["offices"]:
                offices.setdefault((office or "", juris or ""), {})[d] = status
        if offices:
            ent.attributes["offices"] = []
            for (office, juris), by_art in offices.items():
                statuses = list(dict.fromkeys(by_art.values()))
                ent.attributes["offices"].append({"office": office, "jurisdiction": juris or None,
                                                  "status": by_art[max(by_art, key=lambda d: self.pub.get(d) or "")]})
                if len(by_art) >= 2:
                    ent.attribute_checks.append(AttributeCheck(
                        attribute=f"office: {office}", verdict="agree" if len(statuses) == 1 else "compatible",
                        values=[{"article": d, "value": s} for d, s in by_art.items()],
                        detail=None if len(statuses) == 1 else "status changes over time: " + " -> ".join(statuses)))

    def _subject_key(self, subject: str | None) -> str | None:
        if not subject:
            return None
        cached = self._subject_cache.get(subject)
        if cached is not None:
            return cached
        key = self._subject_cache[subject] = self._resolve_subject(subject)
        return key

    def _resolve_subject(self, subject: str) -> str:
        folded = _fold(subject)
        person = self.person_of.get(folded)
        if person:
            return person
        self.display.setdefault(f"person:{folded}", subject)
        return folded

    # ------------------------------------------------------------------ money helpers
    def _conversions(self, art: dict) -> list[tuple[dict, list[dict]]]:
        """(primary, [conversions]) per parenthetical conversion in one article."""
        money = art["money"]
        out: list[tuple[dict, list[dict]]] = []
        by_primary: dict[int, list[dict]] = defaultdict(list)
        for k, m in enumerate(money):
            eq = m.get("equivalent_of")
            if not eq:
                continue
            target = _fold(eq)
            best = None
            for j in range(len(money)):
                p = money[j]
                if p.get("equivalent_of") or j == k:
                    continue
                if _fold(p.get("text") or "").endswith(target):
                    if m.get("start") is not None and p.get("start") is not None:
                        if p["start"] <= m["start"] and (best is None or p["start"] > money[best]["start"]):
                            best = j
                    elif best is None or j < k:
                        best = j if (best is None or j <= k) else best
            if best is not None:
                by_primary[best].append(m)
        for j, convs in sorted(by_primary.items()):
            out.append((money[j], convs))
        return out

    def _rate_table(self, arts: list[dict]) -> dict[tuple[str, str], float]:
        samples: dict[tuple[str, str], list[float]] = defaultdict(list)
        for a in arts:
            for primary, convs in self._conversions(a):
                pa = _float(primary.get("amount"))
                if not pa:
                    continue
                for c in convs:
                    ca = _float(c.get("amount"))
                    if ca:
                        samples[(primary["currency"], c["currency"])].append(ca / pa)
        rates: dict[tuple[str, str], float] = {}
        for (x, y), vals in samples.items():
            r = statistics.median(vals)
            rates[(x, y)] = r
            rates.setdefault((y, x), 1 / r)
        return rates

    # ------------------------------------------------------------------ claims
    def _claim_groups(self, arts: list[dict]) -> None:
        buckets: dict[tuple, list[_Item]] = defaultdict(list)
        for a in arts:
            doc = a["doc_id"]
            # who is speaking or named says nothing about which quantity a claim is about
            people = [p.get("name") for p in [*a.get("candidates", []), *a.get("officials", [])] if isinstance(p, dict)]
            names = frozenset(w for p in [*a["parties"], *people] for w in _content_words(p, self.stop))
            conv_values = {(c["currency"], _float(c.get("amount"))) for _, cs in self._conversions(a) for c in cs}
            primaries = {(c.get("unit"), _float(c.get("value")), self._subject_key(c.get("subject")))
                         for c in a["claims"]}
            moe = self._moe(a)
            for c in a["claims"]:
                value = _float(c.get("value"))
                unit = c.get("unit")
                subj = self._subject_key(c.get("subject"))
                if (unit, value) in conv_values and any(p[2] == subj and p[0] != unit for p in primaries):
                    continue  # a currency conversion of another claim: count it once
                pred = c.get("predicate") or "other"
                drop = names | _content_words(c.get("subject"), self.stop)
                item = self._item(doc, value, unit, c, drop)
                key = (subj, pred, _dimension(unit), _fold(c["event"]) if c.get("event") else None)
                buckets[key].append(item)
                if moe is not None:
                    item.label = ("moe", moe)
            for key, item in self._derived_margins(a):
                buckets[key].append(item)
        for key, items in buckets.items():
            self._bucket(key, items)

    def _moe(self, art: dict) -> float | None:
        for c in art["claims"]:
            t = _fold(c.get("text") or "")
            if any(cue in t for cue in self.cfg.moe_cues) and c.get("unit") in ("percent", "percentage points"):
                return _float(c.get("value"))
        return None

    def _item(self, doc: str, value: float | None, unit: str | None, c: dict, drop: frozenset[str]) -> _Item:
        item = _Item(article=doc, value=value, unit=unit, qualifier=c.get("qualifier"), as_of=c.get("as_of"),
                     text=c.get("text"), start=c.get("start"), end=c.get("end"), attribution=c.get("attribution"),
                     published=self.pub.get(doc), source=self.source_of.get(doc, doc),
                     words=_content_words(_near_figure(c.get("text")), self.stop, drop))
        return item

    def _derived_margins(self, art: dict) -> list[tuple[tuple, _Item]]:
        """Leader minus runner-up from the vote shares of one article (per as_of)."""
        doc = art["doc_id"]
        by_asof: dict[tuple, dict[str, dict]] = defaultdict(dict)
        for c in art["claims"]:
            if c.get("predicate") == "vote_share" and c.get("unit") == "percent" and c.get("subject") \
                    and c.get("value") is not None and not c.get("qualifier"):
                subj = self._subject_key(c["subject"])
                slot = by_asof[(_fold(c.get("as_of") or ""), c.get("event"))]
                if subj in slot:
                    slot[subj] = {}  # two values for one subject: ambiguous
                else:
                    slot[subj] = c
        out = []
        for (as_of, event), shares in by_asof.items():
            shares = {s: c for s, c in shares.items() if c}
            if len(shares) < 2:
                continue
            ranked = sorted(shares.items(), key=lambda kv: -float(kv[1]["value"]))
            (s1, c1), (_, c2) = ranked[0], ranked[1]
            if float(c1["value"]) == float(c2["value"]):
                continue
            diff = round(float(c1["value"]) - float(c2["value"]), 6)
            item = _Item(article=doc, value=diff, unit="percentage points", as_of=c1.get("as_of"),
                         derived=True, derivation=f"{_num(c1['value'])} - {_num(c2['value'])} = {_num(diff)}",
                         derived_from=[c1.get("text") or "", c2.get("text") or ""], published=self.pub.get(doc),
                         source=self.source_of.get(doc, doc), words=frozenset(),
                         # a difference of two rounded shares is only as precise as both together
                         tol=_precision(float(c1["value"])) + _precision(float(c2["value"])))
            out.append(((s1, "margin", "pct", _fold(event) if event else None), item))
        return out

    def _interval(self, it: _Item, num: float, converted: bool = False) -> tuple[float, float]:
        tol = it.tol if it.tol is not None else _precision(it.value) if it.value is not None else 0.0
        if converted and it.value:
            tol = max(tol * abs(num / it.value), abs(num) * self.cfg.currency_tolerance)
        q = it.qualifier
        if q in ("more_than", "at_least"):
            return (num - tol, math.inf)
        if q in ("less_than", "at_most", "up_to"):
            return (-math.inf, num + tol)
        if q == "about":
            slack = max(tol, abs(num) * self.cfg.about_tolerance)
            return (num - slack, num + slack)
        return (num - tol, num + tol)

    def _bucket(self, key: tuple, items: list[_Item]) -> None:
        subj, pred, dim, event = key
        items = [it for it in items if it.value is not None]
        if not items:
            return
        # currencies: convert to the bucket's most common currency where a rate is known
        if dim == "money":
            base = Counter(it.unit for it in items).most_common(1)[0][0]
            split: dict[str, list[_Item]] = defaultdict(list)
            for it in items:
                if it.unit == base:
                    it.num = it.value
                    split[base].append(it)
                elif (base, it.unit) in self.rates:
                    it.num = it.value / self.rates[(base, it.unit)]
                    split[base].append(it)
                else:
                    it.num = it.value
                    split[it.unit].append(it)
            for unit, sub in split.items():
                self._question_groups(subj, pred, dim, event, sub, unit)
            return
        for it in items:
            it.num = it.value
        self._question_groups(subj, pred, dim, event, items, items[0].unit if dim != "pct" else "percent")

    def _question_groups(self, subj: str | None, pred: str, dim: str, event: str | None,
                         items: list[_Item], base_unit: str | None) -> None:
        cfg = self.cfg
        n = len(items)
        strong = subj is not None and pred in cfg.strong_predicates
        uf = _UnionFind(n)
        evidence: set[tuple[int, int]] = set()
        if strong:
            for i in range(1, n):
                uf.union(0, i)
        else:
            by_value: dict[tuple, list[int]] = defaultdict(list)
            if subj is not None:
                for i, it in enumerate(items):
                    by_value[(round(it.num, 6), it.unit)].append(i)
            else:  # identical wording and value
                for i, it in enumerate(items):
                    by_value[(round(it.num, 6), _fold(it.text or ""))].append(i)
            for members in by_value.values():
                for j in members[1:]:
                    uf.union(members[0], j)
            blocks: dict[str, list[int]] = defaultdict(list)
            for i, it in enumerate(items):
                for w in it.words:
                    blocks[w].append(i)
            seen: set[tuple[int, int]] = set()
            # the vaguer the key, the more shared wording is needed to call two claims one question
            need = cfg.text_min_shared + (1 if subj is None else 0)
            for members in blocks.values():
                if len(members) < 2 or len(members) > cfg.block_max:
                    continue
                for x in range(len(members)):
                    a = items[members[x]]
                    for y in range(x + 1, len(members)):
                        pair = (members[x], members[y])
                        if pair in seen:
                            continue
                        seen.add(pair)
                        b = items[members[y]]
                        shared = len(a.words & b.words)
                        small = min(len(a.words), len(b.words))
                        if shared >= min(need, small) and shared / small >= cfg.text_min_overlap:
                            uf.union(*pair)
                            evidence.add(pair)
        questions: dict[int, list[int]] = defaultdict(list)
        for i in range(n):
            questions[uf.find(i)].append(i)
        local_ev: dict[int, set[tuple[int, int]]] = defaultdict(set)
        pos = {}
        for members in questions.values():
            for k, i in enumerate(members):
                pos[i] = k
        for a, b in evidence:
            local_ev[uf.find(a)].add((pos[a], pos[b]))
        for root, members in questions.items():
            self._compare(subj, pred, event, [items[i] for i in members], strong, local_ev.get(root, set()),
                          base_unit)

    def _compare(self, subj: str | None, pred: str, event: str | None, items: list[_Item], strong: bool,
                 evidence: set[tuple[int, int]], base_unit: str | None) -> None:
        """Value clusters of one question, the conflicts between them, and the output groups."""
        ivals = [self._interval(it, it.num, it.unit != base_unit and _is_currency(it.unit)) for it in items]
        # a cluster is a run of values whose intervals share a point: a vague value ("15%")
        # compatible with two precise ones ("14.9%", "15.4%") must not chain them together
        order = sorted(range(len(items)), key=lambda i: (ivals[i][0], ivals[i][1]))
        comp = [0] * len(items)
        cid, hi = -1, -math.inf
        for i in order:
            lo, h = ivals[i]
            if cid < 0 or lo > hi + 1e-9:
                cid += 1
                hi = h
            else:
                hi = min(hi, h)
            comp[i] = cid
        ncomp = cid + 1
        members: list[list[int]] = [[] for _ in range(ncomp)]
        for i, c in enumerate(comp):
            members[c].append(i)
        uf = _UnionFind(ncomp)
        conflicts: list[tuple[int, int]] = []
        excused: list[tuple[int, int, str]] = []
        if ncomp > 1:
            stated: list[set[str]] = [{items[i].article for i in m if not items[i].derived} for m in members]
            arts_all: list[set[str]] = [{items[i].article for i in m} for m in members]
            linked: set[tuple[int, int]] = set()
            if strong:
                linked = {(x, y) for x in range(ncomp) for y in range(x + 1, ncomp)} if ncomp <= 50 else set()
            else:
                for a, b in evidence:
                    x, y = sorted((comp[a], comp[b]))
                    if x != y:
                        linked.add((x, y))
            for x, y in sorted(linked):
                if stated[x] & stated[y]:
                    continue  # one article states both: different quantities
                if not (arts_all[x] | arts_all[y]) or len(arts_all[x] | arts_all[y]) < 1:
                    continue
                units_x = {items[i].unit for i in members[x]}
                units_y = {items[i].unit for i in members[y]}
                if "percentage points" in units_x | units_y and "percent" in units_x | units_y \
                        and not (units_x & units_y):
                    excused.append((x, y, PERCENT_VS_POINTS))
                    continue
                if not self._within_window(members[x], members[y], items):
                    excused.append((x, y, DIFFERENT_AS_OF))
                    continue
                moe = max((it.label[1] for it in items if it.label and it.label[0] == "moe"), default=None)
                if moe is not None and pred in ("poll_share", "margin"):
                    gap = min(abs(items[i].num - items[j].num) for i in members[x] for j in members[y])
                    if gap <= moe:
                        uf.union(x, y)
                        excused.append((x, y, WITHIN_MOE))
                        continue
                conflicts.append((x, y))
                uf.union(x, y)
        out: dict[int, list[int]] = defaultdict(list)
        for c in range(ncomp):
            out[uf.find(c)].append(c)
        for comps in out.values():
            idx = [i for c in comps for i in members[c]]
            local = {c: k for k, c in enumerate(sorted(comps))}
            confl = [(local[x], local[y]) for x, y in conflicts if x in local and y in local]
            moe_merge = [(x, y) for x, y, why in excused if why == WITHIN_MOE and x in local and y in local]
            self._emit(subj, pred, event, [items[i] for i in idx], [local[comp[i]] for i in idx], confl,
                       moe_merge, base_unit)
        for x, y, why in excused:
            if why != WITHIN_MOE:
                self._pending_nc.append((subj, pred, why, [items[i] for i in members[x] + members[y]]))

    def _within_window(self, xs: list[int], ys: list[int], items: list[_Item]) -> bool:
        for i in xs[:50]:
            for j in ys[:50]:
                a, b = _parse_date(items[i].published), _parse_date(items[j].published)
                if a is None or b is None or abs((a - b).days) <= self.cfg.window_days:
                    return True
        return False

    def _emit(self, subj: str | None, pred: str, event: str | None, items: list[_Item], clusters: list[int],
              conflicts: list[tuple[int, int]], moe_merge: list[tuple[int, int]], base_unit: str | None,
              date_group: bool = False, extra_reasons: Iterable[str] = ()) -> Group:
        values = [GroupValue(
            article=it.article, value=it.value if not date_group else it.label, unit=it.unit, qualifier=it.qualifier,
            as_of=it.as_of, text=it.text, start=it.start, end=it.end, derived=it.derived, derivation=it.derivation,
            derived_from=it.derived_from, equivalent_of=it.equivalent_of, attribution=it.attribution,
            published=it.published, source=it.source, cluster=c,
            converted=None if date_group or it.num == it.value else it.num,
        ) for it, c in zip(items, clusters)]
        reasons: list[str] = list(extra_reasons)
        sources = {v.source for v in values}
        articles = {v.article for v in values}
        as_ofs = {_fold(v.as_of) if v.as_of else None for v in values}
        pubs = {v.published for v in values}
        as_of_differs = len(as_ofs) > 1 or (as_ofs == {None} and len(pubs) > 1)
        severity: Severity = "info"
        if conflicts:
            verdict: Verdict = "conflict"
            reasons.insert(0, CONFLICT)
            if any(v.derived for v in values):
                reasons.append(DERIVED_MISMATCH)
            if as_of_differs:
                reasons.append(DIFFERENT_AS_OF)
            severity = "medium" if as_of_differs else "high"
            weight = Counter()
            for v in values:
                weight[v.cluster] += 1
            by_cluster_sources: dict[int, set[str]] = defaultdict(set)
            for v in values:
                by_cluster_sources[v.cluster].add(v.source)
            counts = sorted(len(s) for s in by_cluster_sources.values())
            minority_low = any(v.attribution and _fold(v.attribution) in self.cfg.low_attributions for v in values)
            if minority_low or (len(sources) >= 3 and counts[0] * 3 <= counts[-1]):
                severity = "low"
        elif len(articles) == 1:
            verdict = "single_source"
        else:
            distinct = {(v.value, v.unit, v.qualifier) for v in values}
            if len(distinct) == 1:
                verdict = "agree"
            else:
                verdict = "compatible"
                if moe_merge:
                    reasons.append(WITHIN_MOE)
                if len({v.qualifier for v in values}) > 1:
                    reasons.append(QUALIFIER_COMPATIBLE)
                if len({v.unit for v in values}) > 1:
                    reasons.append(PERCENT_VS_POINTS if base_unit == "percent" else
                                   CURRENCY_EQUIVALENT if _is_currency(base_unit) else "UNIT_DIFFERS")
                main_unit = Counter(v.unit for v in values).most_common(1)[0][0] if base_unit == "percent" \
                    else base_unit  # shares and margins share one bucket: compare within the usual unit
                if not date_group and len({v.value for v in values if v.unit == main_unit}) > 1 \
                        and QUALIFIER_COMPATIBLE not in reasons:
                    reasons.append(ROUNDING)
        if len(sources) < len(articles) and len(articles) > 1:
            reasons.append(DUPLICATE_SOURCE)
        shown_unit = Counter(v.unit for v in values).most_common(1)[0][0] if base_unit == "percent" else base_unit
        key = GroupKey(subject=self._display(subj), predicate=pred if not date_group else "date",
                       unit=shown_unit, event=event,
                       question=self._question_label(items) if not date_group else None)
        group = Group(id=f"g{len(self.groups) + 1}", key=key, values=values, verdict=verdict,
                      reasons=list(dict.fromkeys(reasons)), severity=severity,
                      as_of_differs=as_of_differs if verdict == "conflict" else False,
                      independent_sources=len(sources), conflicting_clusters=conflicts)
        group.explanation = self._explain(group)
        self.groups.append(group)
        return group

    def _display(self, subj: str | None) -> str | None:
        if subj is None:
            return None
        return self.display.get(f"person:{subj}", subj)

    def _question_label(self, items: list[_Item]) -> str | None:
        counts = Counter(w for it in items for w in it.words)
        if not counts:
            return None
        need = max(1, len([it for it in items if it.words]) // 2)
        common = [w for w, n in counts.most_common(4) if n >= need]
        return " ".join(common) or None

    def _explain(self, g: Group) -> str:
        def show(v: GroupValue) -> str:
            q = {"more_than": "more than ", "less_than": "less than ", "about": "about ", "at_least": "at least ",
                 "at_most": "at most ", "up_to": "up to "}.get(v.qualifier or "", "")
            val = v.value if isinstance(v.value, str) else _num(v.value)
            unit = "" if g.key.predicate == "date" else f" {v.unit}" if v.unit else ""
            extra = f" [{v.as_of}]" if v.as_of else ""
            der = f" (derived: {v.derivation})" if v.derived else ""
            return f"{q}{val}{unit}{extra} ({v.article}){der}"

        subject = g.key.subject or "(no subject)"
        head = f"{subject} / {g.key.predicate}"
        listed = "; ".join(show(v) for v in g.values[:6]) + ("; ..." if len(g.values) > 6 else "")
        if g.verdict == "conflict":
            by_cluster: dict[int, list[GroupValue]] = defaultdict(list)
            for v in g.values:
                by_cluster[v.cluster].append(v)
            listed = " vs ".join(
                show(vs[0]).rsplit(" (", 1)[0] if not vs[0].derived else show(vs[0])
                for vs in by_cluster.values()) + " -- sources: " + "; ".join(
                f"{show(vs[0]).split(' (')[0]}: {', '.join(dict.fromkeys(v.article for v in vs))}"
                for vs in by_cluster.values())
            tail = (" The values carry different as_of (or publication dates): report each with its as_of; "
                    "do not average." if g.as_of_differs else " Same time reference: the sources disagree.")
            if DERIVED_MISMATCH in g.reasons:
                tail += " One value is derived from other figures, not stated."
            return f"{head}: values cannot all hold: {listed}.{tail}"
        if g.verdict == "single_source":
            return f"{head}: only one article reports it: {listed}."
        if g.verdict == "agree":
            dup = " The articles are one source (duplicates): not independent corroboration." \
                if DUPLICATE_SOURCE in g.reasons else ""
            return f"{head}: same value in {len({v.article for v in g.values})} articles: {listed}.{dup}"
        return f"{head}: {g.verdict} ({', '.join(g.reasons) or 'no reason'}): {listed}."

    # ------------------------------------------------------------------ dates
    def _date_parts(self, d: dict, published: str | None) -> tuple[int | None, int | None, int | None]:
        value = d.get("value")
        if value:
            parts = str(value).split("-")
            try:
                y = int(parts[0])
                m = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
                dd = int(parts[2]) if len(parts) > 2 and parts[2][:2].isdigit() else None
                return y, m, dd
            except ValueError:
                pass
        timex = d.get("timex") or ""
        mt = re.fullmatch(r"XXXX-(\d{2})(?:-(\d{2}))?", timex)
        if mt:
            return None, int(mt.group(1)), int(mt.group(2)) if mt.group(2) else None
        words = _fold(d.get("text") or "").replace(",", " ").split()
        month = next((self.months[w.rstrip(".")] for w in words if w.rstrip(".") in self.months), None)
        if month is None:
            return None, None, None
        day = next((int(w[:-2] if w[-2:] in ("st", "nd", "rd", "th") else w) for w in words
                    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", w)), None)
        return None, month, day

    def _date_groups(self, arts: list[dict]) -> None:
        strong_events = set(self.cfg.strong_date_events)
        dated: dict[tuple, list[tuple[_Item, tuple]]] = defaultdict(list)
        yearless: list[tuple[str, _Item, tuple]] = []
        race_of: dict[str, str | None] = {}
        for a in arts:
            doc = a["doc_id"]
            rs = {(_fold(c.get("office_sought") or ""), _fold(c.get("jurisdiction") or "")) for c in a["candidates"]
                  if c.get("office_sought")}
            race_of[doc] = "|".join(next(iter(rs))) if len(rs) == 1 else None
            for d in a["dates"]:
                y, m, dd = self._date_parts(d, a.get("published"))
                if y is None and m is None:
                    continue
                event = d.get("event") or "other"
                it = _Item(article=doc, value=d.get("value"), unit="date", text=d.get("text"), start=d.get("start"),
                           end=d.get("end"), published=self.pub.get(doc), source=self.source_of.get(doc, doc),
                           words=frozenset(), label=d.get("value"))
                parts = (y, m, dd)
                if event in strong_events:
                    if y is None:
                        yearless.append((event, it, parts))
                    else:
                        dated[(event, y)].append((it, parts))
                elif dd is not None:
                    dated[("~" + event, m, dd)].append((it, parts))
                elif y is not None:
                    dated[("~" + event, d.get("value"))].append((it, parts))
        # year-less strong-event dates borrow the year of anchored mentions with the same month(-day)
        anchors: dict[tuple, set[int]] = defaultdict(set)
        for key, its in dated.items():
            event = key[0]
            if event.startswith("~") or len(key) != 2:
                continue
            for _, (yy, m, dd) in its:
                anchors[(event, m, dd)].add(yy)
                anchors[(event, m, None)].add(yy)
        for event, it, (_, m, dd) in yearless:
            years = anchors.get((event, m, dd)) or anchors.get((event, m, None)) or set()
            pub = _parse_date(it.published)
            if len(years) == 1:
                y = next(iter(years))
            elif pub is not None:
                y = pub.year
            else:
                dated[(event, None, m, dd)].append((it, (None, m, dd)))
                continue
            it.derivation = f"year {y} borrowed from " + ("anchored mentions" if len(years) == 1 else "publication date")
            it.label = f"{y}-{m:02d}" + (f"-{dd:02d}" if dd else "")
            dated[(event, y)].append((it, (y, m, dd)))
        for key, its in dated.items():
            event = key[0].lstrip("~")
            if key[0].startswith("~") or len(key) > 2:
                # weak events: only identical dates group (several elections share a year)
                years = {p[0] for _, p in its} - {None}
                for year in sorted(years) or [None]:
                    sub = [(it, p) for it, p in its if p[0] == year or (p[0] is None and len(years) <= 1)]
                    if len({it.article for it, _ in sub}) < 2:
                        continue
                    for it, (_, m, dd) in sub:
                        if it.label is None and year is not None and m is not None:
                            it.label = f"{year}-{m:02d}" + (f"-{dd:02d}" if dd else "")
                            it.derivation = f"year {year} borrowed from anchored mentions"
                    self._emit(None, "date", event, [it for it, _ in sub], [0] * len(sub), [], [], "date",
                               date_group=True,
                               extra_reasons=[YEAR_BORROWED] if any(it.derivation for it, _ in sub) else [])
                continue
            # soft race split: only when several races are known
            races = {race_of.get(it.article) for it, _ in its} - {None} if event in ("primary", "runoff") else set()
            parts_by_race = [its] if len(races) <= 1 else [
                [x for x in its if race_of.get(x[0].article) == r] for r in sorted(races)
            ] + [[x for x in its if race_of.get(x[0].article) is None]]
            for sub in parts_by_race:
                if sub:
                    self._date_bucket(event, sub)

    def _near_publication(self, it: _Item, parts: tuple) -> bool:
        """A full date on the article's publication day or the day before."""
        y, m, dd = parts
        pub = _parse_date(it.published)
        if pub is None or y is None or m is None or dd is None:
            return False
        try:
            return 0 <= (pub - date(y, m, dd)).days <= 1
        except ValueError:
            return False

    def _date_bucket(self, event: str, its: list[tuple[_Item, tuple]]) -> None:
        """Dates of one event and year: day values cluster by equality; coarser values (a month,
        a year) join the cluster they contain, so 'November' never hides 'Nov 8' vs 'Nov 9'."""
        items = [it for it, _ in its]
        level = [0 if dd else 1 if m else 2 for _, (y, m, dd) in its]
        comps: list[tuple] = []  # (y, m, dd) of each cluster's finest value
        clusters = [0] * len(its)
        for lev in (0, 1, 2):
            for i, (_, (y, m, dd)) in enumerate(its):
                if level[i] != lev:
                    continue
                found = None
                for k, (cy, cm, cd) in enumerate(comps):
                    if cy == y and (m is None or cm == m) and (dd is None or cd == dd):
                        found = k
                        break
                if found is None:
                    comps.append((y, m, dd))
                    found = len(comps) - 1
                clusters[i] = found
        ncomp = len(comps)
        if len({it.article for it in items}) < 2 and ncomp == 1:
            return
        # an article that gives two days for one event, one of them its own publication day or the
        # day before ("late Tuesday", "results released Wednesday"), is telling when it reports, not
        # when the event is: that value does not count as a conflicting claim about the event
        per_art: dict[str, set[int]] = defaultdict(set)
        for it, c in zip(items, clusters):
            per_art[it.article].add(c)
        reporting = [len(per_art[it.article]) > 1 and self._near_publication(it, parts)
                     for it, (_, parts) in zip(items, its)]
        counted = [{it.article for it, c, r in zip(items, clusters, reporting) if c == k and not r}
                   for k in range(ncomp)]
        conflicts = [(x, y) for x in range(ncomp) for y in range(x + 1, ncomp)
                     if counted[x] and counted[y]] if ncomp <= 20 else []
        ambiguous = ncomp > 1 and len(conflicts) < ncomp * (ncomp - 1) // 2
        reasons = []
        if len(set(level)) > 1:
            reasons.append(DATE_PRECISION)
        if any(it.derivation for it in items):
            reasons.append(YEAR_BORROWED)
        if ambiguous:
            reasons.append(DISTINCT_QUANTITIES)
        group = self._emit(None, "date", event, items, clusters, conflicts, [], "date", date_group=True,
                           extra_reasons=reasons)
        if ambiguous and group.verdict == "compatible":
            group.verdict = "not_comparable"
            group.explanation = self._explain(group)

    # ------------------------------------------------------------------ conversions, sums
    def _equivalence_groups(self, arts: list[dict]) -> None:
        rates: dict[tuple[str, str], list[tuple[float, float, float, str, str]]] = defaultdict(list)
        for a in arts:
            doc = a["doc_id"]
            for primary, convs in self._conversions(a):
                pa = _float(primary.get("amount"))
                items = [self._money_item(doc, primary)] + [self._money_item(doc, c) for c in convs]
                details = []
                for c in convs:
                    ca = _float(c.get("amount"))
                    if pa and ca:
                        r = ca / pa
                        plo = (ca - _precision(ca)) / (pa + _precision(pa))
                        phi = (ca + _precision(ca)) / (pa - _precision(pa))
                        rates[(primary["currency"], c["currency"])].append((r, plo, phi, doc, primary.get("text")))
                        details.append(f"{r:.2f} {c['currency']}/{primary['currency']}")
                g = self._emit(self._subject_key(primary.get("subject")), primary.get("predicate") or "money",
                               "currency conversion", items, [0] * len(items), [], [], primary["currency"],
                               extra_reasons=[CURRENCY_EQUIVALENT])
                g.verdict = "equivalent"
                g.explanation = (f"One amount in {len(items)} currencies ({primary.get('text')!s}; implied rates "
                                 f"{', '.join(details)}): count once, never a conflict.")
        for (x, y), obs in rates.items():
            if len(obs) < 2:
                continue
            lo = max(o[1] for o in obs)
            hi = min(o[2] for o in obs)
            shown = ", ".join(f"{o[0]:.2f} ({o[4]}, {o[3]})" for o in obs[:6])
            if lo > hi:
                self.findings.append(ReportFinding(
                    type="equivalence", severity="low",
                    message=f"{RATE_MISMATCH}: implied {y}/{x} rates differ beyond rounding: {shown}."))
            elif len({round(o[0], 2) for o in obs}) > 1:
                self.findings.append(ReportFinding(
                    type="equivalence", severity="info",
                    message=f"Implied {y}/{x} rates differ slightly ({shown}); consistent within rounding."))

    def _money_item(self, doc: str, m: dict) -> _Item:
        amount = _float(m.get("amount"))
        return _Item(article=doc, value=amount, unit=m.get("currency"), qualifier=m.get("qualifier"),
                     text=m.get("text"), start=m.get("start"), end=m.get("end"), equivalent_of=m.get("equivalent_of"),
                     published=self.pub.get(doc), source=self.source_of.get(doc, doc), words=frozenset(), num=amount)

    def _share_sums(self, arts: list[dict]) -> None:
        for a in arts:
            named = {_fold(p) for p in a["parties"]} | {self._subject_key(c.get("name")) for c in a["candidates"]}
            slots: dict[tuple, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
            for c in a["claims"]:
                if c.get("predicate") in ("vote_share", "poll_share") and c.get("unit") == "percent" \
                        and c.get("subject") and c.get("value") is not None:
                    subj = self._subject_key(c["subject"])
                    if c["predicate"] == "poll_share" and subj not in named:
                        continue
                    slots[(c["predicate"], _fold(c.get("as_of") or ""), c.get("event"))][subj].append(c)
            for (pred, _, event), by_subj in slots.items():
                single = {s: cs[0] for s, cs in by_subj.items() if len(cs) == 1}
                if len(single) < 2:
                    continue
                lower = sum(float(c["value"]) for c in single.values() if c.get("qualifier") not in ("more_than", "at_least"))
                total = sum(float(c["value"]) for c in single.values())
                slack = sum(_precision(float(c["value"])) for c in single.values())
                if lower - slack <= 100:
                    continue
                doc = a["doc_id"]
                items = [self._item(doc, _float(c["value"]), "percent", c, frozenset()) for c in single.values()]
                for it in items:
                    it.num = it.value
                g = self._emit(None, f"{pred}_total", event, items, list(range(len(items))),
                               [(0, 1)], [], "percent", extra_reasons=[SHARES_OVER_100])
                g.severity = "medium"
                g.explanation = (f"Shares of one race in {doc} sum to {_num(total)}% (> 100): "
                                 + "; ".join(f"{it.text}" for it in items) + ". One figure is misread or misreported.")

    # ------------------------------------------------------------------ truth discovery
    def _truth_discovery(self) -> None:
        cands: list[tuple[Group, dict[str, float], float]] = []
        for g in self.groups:
            if g.key.predicate == "date" or g.verdict not in ("agree", "compatible", "conflict"):
                continue
            if g.independent_sources < 2 or SHARES_OVER_100 in g.reasons:
                continue
            nums = [v for v in g.values if isinstance(v.value, (int, float))]
            if not nums:
                continue
            as_ofs = {_fold(v.as_of) if v.as_of else None for v in nums}
            if len(as_ofs) > 1:
                g.estimate_note = ("values carry different as_of (" + ", ".join(sorted(str(a) for a in as_ofs))
                                   + "): not averaged; report each with its as_of")
                continue
            per_source: dict[str, list[float]] = defaultdict(list)
            for v in nums:
                per_source[v.source].append(v.converted if v.converted is not None else float(v.value))
            x = {s: sum(vs) / len(vs) for s, vs in per_source.items()}
            scale = max(max(_precision(float(v.value)) for v in nums), 1e-9)
            cands.append((g, x, scale))
        if not cands:
            return
        weight: dict[str, float] = defaultdict(lambda: 1.0)
        truths: list[float] = [0.0] * len(cands)
        for _ in range(self.cfg.truth_iterations):
            for k, (g, x, scale) in enumerate(cands):
                tw = sum(weight[s] for s in x)
                truths[k] = sum(weight[s] * v for s, v in x.items()) / tw
            err: dict[str, float] = defaultdict(float)
            cnt: Counter[str] = Counter()
            for k, (g, x, scale) in enumerate(cands):
                for s, v in x.items():
                    err[s] += ((v - truths[k]) / scale) ** 2
                    cnt[s] += 1
            for s in cnt:
                weight[s] = (1.0 + cnt[s]) / (1.0 + err[s])  # posterior precision, Gaussian errors
        for k, (g, x, scale) in enumerate(cands):
            g.estimate = Estimate(value=round(truths[k], 6), unit=g.key.unit, sources=len(x),
                                  weights={s: round(weight[s], 4) for s in x})
            if g.verdict == "conflict":
                g.estimate_note = "sources disagree: the estimate is a reliability-weighted consensus, check it"

    # ------------------------------------------------------------------ findings
    def _summarize(self) -> None:
        for subj, pred, why, items in self._pending_nc:
            arts = sorted({it.article for it in items})
            if len(arts) < 2:
                continue
            self.findings.append(ReportFinding(
                type="not_comparable", severity="info",
                message=f"{why}: {self._display(subj) or '(no subject)'} / {pred} values are not compared: "
                        + "; ".join(f"{_num(it.value)} {it.unit or ''} ({it.article})" for it in items[:6])))
        for g in self.groups:
            if g.verdict == "conflict":
                self.findings.append(ReportFinding(type="conflict", groups=[g.id], severity=g.severity,
                                                   message=g.explanation))
        for verdict, ftype in (("compatible", "compatible"), ("equivalent", "equivalence"), ("agree", "agree"),
                               ("single_source", "single_source")):
            chosen = [g for g in self.groups if g.verdict == verdict]
            if chosen:
                listed = "; ".join(f"{g.id} {g.key.subject or '-'} / {g.key.predicate}"
                                   + (f" ({', '.join(g.reasons)})" if g.reasons else "") for g in chosen[:12])
                self.findings.append(ReportFinding(
                    type=ftype, groups=[g.id for g in chosen], severity="info",
                    message=f"{len(chosen)} group(s) {verdict.replace('_', ' ')}: {listed}"
                            + ("; ..." if len(chosen) > 12 else "")))
        groups_of: dict[str, list[int]] = defaultdict(list)
        arts_of: list[set[str]] = []
        for k, g in enumerate(self.groups):
            arts_of.append({v.article for v in g.values})
            for art in arts_of[-1]:
                groups_of[art].append(k)
        for dup in self.duplicates:
            members = set(dup.articles)
            cand = sorted({k for art in dup.articles for k in groups_of[art]})
            ids = [self.groups[k].id for k in cand if len(arts_of[k] & members) >= 2]
            self.findings.append(ReportFinding(
                type="duplicate_source", groups=ids, severity="high" if ids else "medium",
                message=f"{', '.join(dup.articles)} are one source ({'; '.join(dup.reasons)}): their agreement "
                        "is not independent corroboration."))
        self.findings.sort(key=lambda f: (FINDING_ORDER.index(f.type), SEVERITY_ORDER.index(f.severity)))


def _num(v: Any) -> str:
    """Format a number compactly.

    >>> _num(35000000.0), _num(3.0), _num(25.7)
    ('35000000', '3', '25.7')
    """
    if v is None:
        return "?"
    f = float(v)
    return str(int(f)) if f == int(f) else f"{f:g}"


ArticleFactsLike = Any  # ArticleFacts | dict


def reconcile(facts: Iterable[ArticleFactsLike], config: ReconcileConfig | None = None) -> ReconcileReport:
    """Reconcile the facts of many articles (ArticleFacts or dicts, gold files accepted)."""
    # many small long-lived objects: the cyclic GC would rescan them again and again
    enabled = gc.isenabled()
    gc.disable()
    try:
        return Reconciler(config).run(facts)
    finally:
        if enabled:
            gc.enable()


# --------------------------------------------------------------------------- official results


def _read_results(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [{(k or "").strip().lower(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def check_results(facts: Iterable[ArticleFactsLike], results_csv: Path,
                  config: ReconcileConfig | None = None) -> list[ResultCheck]:
    """Compare vote-share, vote and margin claims with an official results table.

    The table uses FiveThirtyEight election-results columns, read by name:
    ``candidate_name`` and ``votes`` or ``percent`` are needed; ``race_id``, ``office_name``,
    ``stage``, ``cycle``, ``state``, ``party`` are used when present.  A percent column in
    0-1 units is detected per race.
    """
    rec = Reconciler(config)
    rows = _read_results(Path(results_csv))
    races: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if not row.get("candidate_name"):
            continue
        rid = row.get("race_id") or "|".join(row.get(k, "") for k in ("cycle", "state", "office_name", "stage"))
        races[rid].append(row)
    by_name: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    by_last: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    pct_scale: dict[str, float] = {}
    for rid, rs in races.items():
        pcts = [_float(r.get("percent")) for r in rs if _float(r.get("percent")) is not None]
        pct_scale[rid] = 100.0 if pcts and sum(pcts) <= 1.5 else 1.0
        for r in rs:
            toks = rec._name_tokens(r["candidate_name"])
            if toks:
                by_name[" ".join(toks)].append((rid, r))
                by_last[toks[-1]].append((rid, r))
    out: list[ResultCheck] = []
    for art in (_as_dict(f) for f in facts):
        stage_hint = {d.get("event") for d in art["dates"]} & {"primary", "runoff", "general"}
        for c in art["claims"]:
            if c.get("predicate") not in ("vote_share", "votes", "margin") or not c.get("subject") \
                    or c.get("value") is None:
                continue
            toks = rec._name_tokens(c["subject"])
            if not toks:
                continue
            matches = by_name.get(" ".join(toks)) or (by_last.get(toks[-1]) if len(toks) == 1 else None) or []
            if stage_hint and len(matches) > 1:
                narrowed = [m for m in matches if _fold(m[1].get("stage", "")) in stage_hint]
                matches = narrowed or matches
            check = ResultCheck(article=art["doc_id"], subject=c["subject"], predicate=c["predicate"],
                                claimed=float(c["value"]), official=None, unit=c.get("unit"), verdict="not_found",
                                text=c.get("text"))
            if len(matches) != 1:
                if len(matches) > 1:
                    check.reasons.append(f"ambiguous: {len(matches)} races")
                out.append(check)
                continue
            rid, row = matches[0]
            check.race = rid
            official = _official_value(c, row, races[rid], pct_scale[rid])
            if official is None:
                out.append(check)
                continue
            check.official = official
            claimed = float(c["value"])
            it = _Item(value=claimed, qualifier=c.get("qualifier"), unit=c.get("unit"), num=claimed)
            lo, hi = rec._interval(it, claimed)
            if claimed == official:
                check.verdict = "agree"
            elif lo <= official <= hi:
                check.verdict = "compatible"
                check.reasons.append(QUALIFIER_COMPATIBLE if c.get("qualifier") else ROUNDING)
            else:
                check.verdict = "conflict"
                check.reasons.append(CONFLICT)
                if c.get("as_of"):
                    check.reasons.append(DIFFERENT_AS_OF)
            out.append(check)
    return out


def _official_value(claim: dict, row: dict, race: list[dict], scale: float) -> float | None:
    pred = claim["predicate"]
    if pred == "votes":
        return _float(row.get("votes"))
    pct = _float(row.get("percent"))
    if pct is None:
        votes = _float(row.get("votes"))
        total = sum(_float(r.get("votes")) or 0 for r in race)
        pct = 100.0 * votes / total if votes is not None and total else None
        scale = 1.0
    if pct is None:
        return None
    pct *= scale
    if pred == "vote_share":
        return round(pct, 4)
    others = []
    for r in race:
        if r is row:
            continue
        p = _float(r.get("percent"))
        others.append(p * scale if p is not None else None)
    others = [p for p in others if p is not None]
    return round(pct - max(others), 4) if others else None
