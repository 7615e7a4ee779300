"""Score extracted facts against gold annotations (GOLD_FORMAT), with the matching rules of
the reference scorer ``shared/eval/score.py``: names match on last name plus compatible
first names, titles ignored; figures match on value (percent within 0.051, money within
0.5%, dates exactly); greedy one-to-one matching that prefers overlapping texts.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from pydantic import BaseModel

FIELDS = ["candidates", "candidate_party", "officials", "parties", "percentages", "money", "dates", "claims"]

_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "rep", "sen",
    "gov", "govs", "reps", "sens", "congresswoman", "congressman", "senator", "representative",
    "president", "mayor", "governor", "prime", "minister", "chancellor", "secretary", "judge",
    "justice", "rev", "hon", "the", "former", "candidate", "councilman", "councilwoman",
    "councilmember", "assemblyman", "assemblywoman", "lt", "gen", "col", "capt", "mp", "mep",
}
_PARTY_ALIASES = {
    "democrat": "democratic", "democrats": "democratic", "democratic party": "democratic",
    "dem": "democratic", "dems": "democratic", "republicans": "republican", "gop": "republican",
    "republican party": "republican", "rep": "republican", "labour party": "labour",
    "new labour": "labour", "labor": "labour", "conservatives": "conservative",
    "tory": "conservative", "tories": "conservative", "conservative party": "conservative",
    "liberal democrat": "liberal democrats", "lib dems": "liberal democrats",
    "lib dem": "liberal democrats", "greens": "green", "green party": "green",
    "independents": "independent", "uk independence party": "ukip",
    "scottish national party": "snp",
}


def norm_text(s: str | None) -> str:
    s = (s or "").lower().replace("\u2019", "'")
    s = re.sub(r"[^\w\s'-]", " ", s)
    return " ".join(s.split())


def name_tokens(name: str | None) -> list[str]:
    toks = norm_text(name).replace("'s", "").split()
    while toks and toks[0] in _TITLES:
        toks = toks[1:]
    return toks


def names_match(a: str | None, b: str | None) -> bool:
    """Same person: same last name and compatible first names (initials allowed)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if ta[-1] != tb[-1]:
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    fa, fb = ta[0], tb[0]
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


def party_key(p: Any) -> str:
    if isinstance(p, dict):
        p = p.get("name")
    t = norm_text(p)
    if t.startswith("the "):
        t = t[4:]
    return _PARTY_ALIASES.get(t, t)


def subject_match(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return pred is None
    if pred is None:
        return False
    return names_match(gold, pred) or (party_key(gold) != "" and party_key(gold) == party_key(pred))


def office_match(gold: str | None, pred: str | None) -> bool:
    stop = {"of", "the", "u", "s", "us"}
    g, p = set(norm_text(gold).split()) - stop, set(norm_text(pred).split()) - stop
    return bool(g) and bool(p) and (g <= p or p <= g)


def _num(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _overlap(a: dict, b: dict) -> bool:
    ta, tb = norm_text(a.get("text")), norm_text(b.get("text"))
    return bool(ta) and bool(tb) and (ta in tb or tb in ta)


def match(gold: list[dict], pred: list[dict], same: Callable[[dict, dict], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: first pairs whose texts overlap, then any that ``same`` accepts."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for strict in (True, False):
        for i, g in enumerate(gold):
            if i in used_g:
                continue
            for j, p in enumerate(pred):
                if j in used_p or not same(g, p) or (strict and not _overlap(g, p)):
                    continue
                pairs.append((i, j))
                used_g.add(i)
                used_p.add(j)
                break
    return pairs


def _same_percent(g: dict, p: dict) -> bool:
    a, b = _num(g.get("value")), _num(p.get("value"))
    return a is not None and b is not None and abs(a - b) <= 0.051


def _same_money(g: dict, p: dict) -> bool:
    a, b = _num(g.get("amount")), _num(p.get("amount"))
    if a is None or b is None or (g.get("currency") or "").upper() != (p.get("currency") or "").upper():
        return False
    return abs(a - b) <= 0.005 * max(abs(a), 1.0)


def _same_date(g: dict, p: dict) -> bool:
    return g.get("value") is not None and str(g.get("value")) == str(p.get("value"))


def _same_claim(g: dict, p: dict) -> bool:
    a, b = _num(g.get("value")), _num(p.get("value"))
    if a is None or b is None or norm_text(g.get("predicate")) != norm_text(p.get("predicate")):
        return False
    return subject_match(g.get("subject"), p.get("subject")) and abs(a - b) <= max(0.051, 0.005 * abs(a))


def _same_person(g: dict, p: dict) -> bool:
    return names_match(g.get("name"), p.get("name"))


def _same_official(g: dict, p: dict) -> bool:
    return _same_person(g, p) and office_match(g.get("office"), p.get("office"))


@dataclass
class Tally:
    """Counts for one field, micro-averaged over articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    sub_ok: int = 0
    sub_n: int = 0
    kind_ok: int = 0
    kind_n: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, gold: list, pred: list, pairs: list, doc_id: str, label: Callable[[dict], str]) -> None:
        self.tp += len(pairs)
        self.fp += len(pred) - len(pairs)
        self.fn += len(gold) - len(pairs)
        mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
        self.misses += [f"{doc_id}: missed {label(g)}" for i, g in enumerate(gold) if i not in mg]
        self.misses += [f"{doc_id}: spurious {label(p)}" for j, p in enumerate(pred) if j not in mp]


class FieldScore(BaseModel):
    field: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    subject_acc: float | None = None
    kind_acc: float | None = None


class EvalReport(BaseModel):
    rows: list[FieldScore]
    mean_f1: float
    missing_docs: list[str]
    misses: dict[str, list[str]]


def _row(name: str, t: Tally) -> FieldScore:
    p = t.tp / (t.tp + t.fp) if t.tp + t.fp else 0.0
    r = t.tp / (t.tp + t.fn) if t.tp + t.fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return FieldScore(field=name, tp=t.tp, fp=t.fp, fn=t.fn, precision=round(p, 4), recall=round(r, 4),
                      f1=round(f, 4),
                      subject_acc=round(t.sub_ok / t.sub_n, 4) if t.sub_n else None,
                      kind_acc=round(t.kind_ok / t.kind_n, 4) if t.kind_n else None)


def _list(d: dict, key: str) -> list:
    v = d.get(key) or []
    return v if isinstance(v, list) else []


def score_article(g: dict, p: dict, tallies: dict[str, Tally]) -> None:
    """Add one article's gold/prediction comparison to the tallies."""
    doc_id = g.get("id") or g.get("doc_id") or "?"
    gc, pc = _list(g, "candidates"), _list(p, "candidates")
    tallies["candidates"].add(gc, pc, match(gc, pc, _same_person), doc_id, lambda c: str(c.get("name")))
    gp = [c for c in gc if c.get("party")]
    pp = [c for c in pc if c.get("party")]
    pairs = match(gp, pp, lambda a, b: _same_person(a, b) and party_key(a["party"]) == party_key(b["party"]))
    tallies["candidate_party"].add(gp, pp, pairs, doc_id, lambda c: f"{c.get('name')}={c.get('party')}")
    go, po = _list(g, "officials"), _list(p, "officials")
    tallies["officials"].add(go, po, match(go, po, _same_official), doc_id,
                             lambda o: f"{o.get('name')}={o.get('office')}")
    gpa = [{"k": k} for k in sorted({party_key(x) for x in _list(g, "parties")} - {""})]
    ppa = [{"k": k} for k in sorted({party_key(x) for x in _list(p, "parties")} - {""})]
    tallies["parties"].add(gpa, ppa, match(gpa, ppa, lambda a, b: a["k"] == b["k"]), doc_id, lambda x: x["k"])
    figure_fields: list[tuple[str, Callable, Callable]] = [
        ("percentages", _same_percent, lambda x: f"{x.get('value')}% '{x.get('text')}'"),
        ("money", _same_money, lambda x: f"{x.get('amount')} {x.get('currency')} '{x.get('text')}'"),
        ("dates", _same_date, lambda x: f"{x.get('value')} '{x.get('text')}'"),
        ("claims", _same_claim, lambda x: f"{x.get('subject')} {x.get('predicate')}={x.get('value')}"),
    ]
    for name, same, label in figure_fields:
        gl = [x for x in _list(g, name) if name != "dates" or x.get("value")]
        pl = _list(p, name)
        if name == "dates":  # a date the gold leaves unresolved is neither found nor spurious
            unresolved = [x for x in _list(g, name) if not x.get("value")]
            pl = [x for x in pl if not any(_overlap(u, x) for u in unresolved) or any(_overlap(x, k) for k in gl)]
        pairs = match(gl, pl, same)
        t = tallies[name]
        t.add(gl, pl, pairs, doc_id, label)
        for i, j in pairs:
            if name in ("percentages", "money") and gl[i].get("subject") is not None:
                t.sub_n += 1
                t.sub_ok += subject_match(gl[i]["subject"], pl[j].get("subject"))
            if name == "percentages" and gl[i].get("kind"):
                t.kind_n += 1
                t.kind_ok += norm_text(gl[i]["kind"]) == norm_text(pl[j].get("kind"))


def load_gold(gold_dir: Path) -> list[dict]:
    """Every ``*.gold.json`` in a folder, sorted by file name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.gold.json"))]


def evaluate(gold: Iterable[dict], predictions: Iterable[dict]) -> EvalReport:
    """Precision, recall and F1 per field, micro-averaged over the gold articles."""
    preds = {str(p.get("doc_id")): p for p in predictions if p.get("status", "ok") == "ok"}
    tallies = {f: Tally() for f in FIELDS}
    missing = []
    for g in gold:
        p = preds.get(str(g.get("id")))
        if p is None:
            missing.append(str(g.get("id")))
            p = {}
        score_article(g, p, tallies)
    rows = [_row(f, tallies[f]) for f in FIELDS]
    mean = round(sum(r.f1 for r in rows) / len(rows), 4)
    return EvalReport(rows=rows, mean_f1=mean, missing_docs=missing,
                      misses={f: tallies[f].misses for f in FIELDS})


def format_table(report: EvalReport) -> str:
    """The reference scorer's table layout."""
    lines = [f"{'field':16} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}  extra"]
    for r in report.rows:
        extra = " ".join(f"{k}={getattr(r, k)}" for k in ("subject_acc", "kind_acc") if getattr(r, k) is not None)
        lines.append(f"{r.field:16} {r.tp:5} {r.fp:5} {r.fn:5} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f}  {extra}")
    lines.append(f"mean F1 over {len(report.rows)} fields: {report.mean_f1:.3f}")
    return "\n".join(lines)
