"""Time reconcile() on synthetic ArticleFacts: 1k, 10k, 100k claims (10 claims per article).

    PYTHONPATH=. python bench/reconcile_scale.py [--sizes 1000 10000 100000] [--seed 7]

Each synthetic article reports one of many races (five articles per race on average):
three candidates' vote shares, a stated margin, two spending amounts, turnout, a poll
figure, seats and a registration figure, with occasional misreported values so that
conflicts exist.  Prints claims, seconds, claims/s and the growth factor per size step.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.reconcile import reconcile  # noqa: E402

FIRST = ["Ana", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jude", "Kai", "Lena", "Milo", "Nia"]
LAST = ["Abbot", "Brandt", "Costa", "Dunne", "Eberly", "Faraday", "Garnett", "Holt", "Ishikawa", "Jansen",
        "Kowal", "Lund", "Moreau", "Novak", "Okafor", "Pryce", "Quint", "Rasku", "Sato", "Tamm"]
PLACES = ["Avondale", "Brookfield", "Cedar Falls", "Dunmore", "Elmwood", "Fairview", "Glenhaven", "Harbor City"]


def synth(n_articles: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    n_races = max(1, n_articles // 5)
    races = []
    for r in range(n_races):
        place = f"{rng.choice(PLACES)} District {r}"
        cands = [f"{rng.choice(FIRST)} {rng.choice(LAST)}-{r}-{k}" for k in range(3)]
        shares = sorted((rng.randint(20, 45) for _ in range(3)), reverse=True)
        races.append({"place": place, "cands": cands, "shares": shares, "spend": rng.randint(1, 90) * 100_000,
                      "turnout": round(rng.uniform(30, 70), 1), "poll": rng.randint(30, 55),
                      "seats": rng.randint(1, 40)})
    out = []
    for a in range(n_articles):
        race = races[a % n_races]
        c0, c1, c2 = race["cands"]
        s0, s1, s2 = race["shares"]
        err = rng.random() < 0.05
        margin = s0 - s1 + (2 if err else 0)
        claims = [
            {"subject": c0, "predicate": "vote_share", "value": float(s0), "unit": "percent",
             "text": f"{c0} won {s0} per cent of the vote in {race['place']}"},
            {"subject": c1, "predicate": "vote_share", "value": float(s1), "unit": "percent",
             "text": f"{c1} took {s1} per cent"},
            {"subject": c2, "predicate": "vote_share", "value": float(s2), "unit": "percent",
             "text": f"{c2} trailed on {s2} per cent"},
            {"subject": c0, "predicate": "margin", "value": float(margin), "unit": "percentage points",
             "text": f"a {margin}-point lead over {c1}"},
            {"subject": c0, "predicate": "spending", "value": float(race["spend"]), "unit": "USD",
             "qualifier": "more_than" if a % 3 == 0 else None,
             "text": f"{c0} spent ${race['spend']:,} on television advertising"},
            {"subject": c1, "predicate": "fundraising", "value": float(race["spend"] // 2), "unit": "USD",
             "text": f"{c1} raised ${race['spend'] // 2:,} from small donors"},
            {"subject": None, "predicate": "turnout", "value": race["turnout"], "unit": "percent",
             "text": f"turnout in {race['place']} reached {race['turnout']} per cent"},
            {"subject": c1, "predicate": "poll_share", "value": float(race["poll"] + (6 if err else 0)),
             "unit": "percent", "text": f"a survey of likely voters in {race['place']} put {c1} on {race['poll']}%"},
            {"subject": f"Party {a % n_races % 7}", "predicate": "seats", "value": float(race["seats"]),
             "unit": "seats", "text": f"the party holds {race['seats']} council seats in {race['place']}"},
            {"subject": None, "predicate": "other", "value": float(1000 + a % 97), "unit": "voters",
             "text": f"{1000 + a % 97} voters in ward {a} registered late"},
        ]
        out.append({
            "doc_id": f"synthetic-{a}", "published": f"2024-11-{1 + a % 20:02d}", "title": f"Race report {a}",
            "candidates": [{"name": c, "party": None, "former_parties": [], "office_sought": "council member",
                            "jurisdiction": race["place"]} for c in race["cands"]],
            "officials": [], "parties": [], "percentages": [], "money": [],
            "dates": [{"text": "November 5", "value": "2024-11-05", "event": "general"}],
            "claims": claims,
        })
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000], help="claims")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    print(f"{'claims':>8} {'articles':>8} {'seconds':>8} {'claims/s':>9} {'groups':>7} {'conflicts':>9} {'x time':>7}")
    prev = None
    for size in args.sizes:
        facts = synth(size // 10, args.seed)
        t0 = time.perf_counter()
        report = reconcile(facts)
        dt = time.perf_counter() - t0
        growth = f"{dt / prev:.1f}" if prev else "-"
        print(f"{size:>8} {len(facts):>8} {dt:>8.2f} {size / dt:>9.0f} {len(report.groups):>7} "
              f"{report.stats['conflicts']:>9} {growth:>7}")
        prev = dt
    return 0


if __name__ == "__main__":
    sys.exit(main())
