"""Reconcile the six dev clusters and compare with the expected files.

    PYTHONPATH=. python bench/reconcile_dev.py [--dev DIR] [--pred FACTS.jsonl] [-v]

Input: the gold files of each cluster's articles (``id`` -> ``doc_id``), or with ``--pred``
the extracted facts (``extractor extract`` JSONL) for those articles.  Per file it counts
(a) expected ``conflict`` groups reported as conflict, (b) expected agree / compatible /
equivalent / not_comparable groups wrongly reported as conflict, and (c) other conflicts
(matching no expected conflict group; listed with -v for inspection).

An expected value is matched to a reconciled value of the same article when the texts contain
one another (or, for derived values, when the values are equal).  A conflict counts for an
expected group when two of its values sit in different clusters of one conflict group that
are marked as conflicting.
"""
from __future__ import annotations

import argparse
from collections import defaultdict
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.reconcile import reconcile  # noqa: E402

DEV = Path("/work/shared/eval/dev")


def _fold(t: str | None) -> str:
    return " ".join((t or "").replace("\u00a0", " ").replace("’", "'").lower().split())


def load_inputs(dev: Path, ids: list[str], published: dict[str, str | None], pred: Path | None) -> list[dict]:
    if pred is None:
        out = []
        for i in ids:
            d = json.loads((dev / "gold" / f"{i}.gold.json").read_text(encoding="utf-8"))
            d["doc_id"] = d.pop("id")
            d["published"] = d.get("published") or published.get(i)
            out.append(d)
        return out
    by_id = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            by_id[rec.get("doc_id")] = rec
    out = []
    for i in ids:
        rec = by_id.get(i)
        if rec is None:
            rec = next((r for k, r in by_id.items() if k and (k.endswith(i) or i in k)), None)
        if rec is None or rec.get("status", "ok") != "ok":
            continue
        rec = dict(rec, doc_id=i)
        out.append(rec)
    return out


def _matches(exp: dict, val) -> bool:
    if exp["article"] != val.article:
        return False
    et = _fold(exp.get("text"))
    if exp.get("derived") or not et:
        return bool(val.derived) and isinstance(val.value, (int, float)) and exp.get("value") is not None \
            and abs(float(val.value) - float(exp["value"])) < 1e-6
    vt = _fold(val.text)
    return bool(vt) and (et in vt or vt in et)


def score_file(path: Path, dev: Path, pred: Path | None, verbose: bool) -> dict:
    exp = json.loads(path.read_text(encoding="utf-8"))
    ids = [a["id"] for a in exp["articles"]]
    published = {a["id"]: a.get("published") for a in exp["articles"]}
    report = reconcile(load_inputs(dev, ids, published, pred))
    # every (group, value index) each expected value maps to
    loc: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for eg in exp["claim_groups"]:
        for k, ev in enumerate(eg["values"]):
            loc[(eg["group"], k)] = [(gi, vi) for gi, g in enumerate(report.groups)
                                     for vi, v in enumerate(g.values) if _matches(ev, v)]
    # every expected group each reported value belongs to (a value can be in several: the wire
    # story's 41.6 is in the count-time conflict and in the rounding-compatible group)
    member: dict[tuple[int, int], set[str]] = defaultdict(set)
    for (gname, _), places in loc.items():
        for p in places:
            member[p].add(gname)
    conflict_pairs: list[tuple[int, int, int]] = []  # (group, value i, value j) in conflicting clusters
    for gi, g in enumerate(report.groups):
        if g.verdict != "conflict":
            continue
        bad = {tuple(sorted(p)) for p in g.conflicting_clusters}
        for i, a in enumerate(g.values):
            for j in range(i + 1, len(g.values)):
                if tuple(sorted((a.cluster, g.values[j].cluster))) in bad:
                    conflict_pairs.append((gi, i, j))

    def both_in(gi: int, i: int, j: int) -> set[str]:
        """The expected groups holding both values of a conflicting pair."""
        return member.get((gi, i), set()) & member.get((gi, j), set())

    found = missed = false = 0
    expected_conflicts = [eg for eg in exp["claim_groups"] if eg["verdict"] == "conflict"]
    lines = []
    for eg in expected_conflicts:
        ok = any(eg["group"] in both_in(gi, i, j) for gi, i, j in conflict_pairs)
        found += ok
        missed += not ok
        lines.append(f"    expected conflict {eg['group']}: {'FOUND' if ok else 'MISSED'}")
    non_conflict = {"agree", "compatible", "equivalent", "not_comparable"}
    checked = 0
    for eg in exp["claim_groups"]:
        if eg["verdict"] not in non_conflict:
            continue
        checked += 1
        # a group is reported as a conflict when two of its own values sit in conflicting clusters
        hit = [(gi, i, j) for gi, i, j in conflict_pairs if eg["group"] in both_in(gi, i, j)]
        if hit:
            false += 1
            lines.append(f"    FALSE conflict on expected {eg['verdict']} group {eg['group']}: "
                         + ", ".join(report.groups[gi].id for gi, _, _ in hit[:3]))
    # conflicts between values no expected group pairs (listed with -v for inspection)
    other = sorted({report.groups[gi].id for gi, i, j in conflict_pairs
                    if not both_in(gi, i, j) and member.get((gi, i)) and member.get((gi, j))})
    unmatched = sum(1 for places in loc.values() if not places)
    if verbose:
        for eg in exp["claim_groups"]:
            for k, ev in enumerate(eg["values"]):
                if not loc[(eg["group"], k)]:
                    lines.append(f"    unmatched value of {eg['group']}: {ev['article']} {ev.get('text')!r}")
        for gid in other:
            g = report.group(gid)
            lines.append(f"    other conflict {gid}: {g.explanation[:220]}")
    return {"file": path.name.replace(".expected.json", ""), "articles": len(ids),
            "exp_conflicts": len(expected_conflicts), "found": found, "missed": missed,
            "non_conflict_groups": checked, "false_conflicts": false, "other_conflicts": len(other),
            "unmatched_values": unmatched, "groups": len(report.groups),
            "duplicates": [d.articles for d in report.duplicates], "lines": lines}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--pred", type=Path, default=None, help="extracted facts JSONL instead of gold")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    rows = [score_file(p, args.dev, args.pred, args.verbose)
            for p in sorted((args.dev / "reconcile").glob("*.expected.json"))]
    head = f"{'file':<22}{'arts':>5}{'exp.confl':>10}{'found':>6}{'false':>6}{'(of non-c.)':>12}{'other':>6}" \
           f"{'unmatched':>10}{'groups':>7}  duplicates"
    print(f"input: {'gold' if args.pred is None else args.pred}")
    print(head)
    for r in rows:
        print(f"{r['file']:<22}{r['articles']:>5}{r['exp_conflicts']:>10}{r['found']:>6}{r['false_conflicts']:>6}"
              f"{r['non_conflict_groups']:>12}{r['other_conflicts']:>6}{r['unmatched_values']:>10}{r['groups']:>7}  "
              f"{r['duplicates']}")
        for line in r["lines"]:
            print(line)
    tot = {k: sum(r[k] for r in rows) for k in ("exp_conflicts", "found", "false_conflicts", "other_conflicts")}
    print(f"TOTAL: {tot['found']}/{tot['exp_conflicts']} expected conflicts found, "
          f"{tot['false_conflicts']} false conflicts, {tot['other_conflicts']} other conflicts")
    return 0 if tot["found"] == tot["exp_conflicts"] and tot["false_conflicts"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
