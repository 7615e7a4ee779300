"""Cross-source reconciliation: one behaviour per test, on small hand-written facts."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractor.reconcile import (
    CONFLICT, CURRENCY_EQUIVALENT, DERIVED_MISMATCH, DIFFERENT_AS_OF, PERCENT_VS_POINTS, QUALIFIER_COMPATIBLE,
    ROUNDING, SHARES_OVER_100, WITHIN_MOE, check_results, reconcile,
)
from extractor.schema import ArticleFacts, Candidate, Claim, DateMention, Money


def art(doc_id: str, claims=(), published="2024-03-02", **kw) -> dict:
    return {"doc_id": doc_id, "published": published, "claims": list(claims), **kw}


def claim(subject, predicate, value, unit, text, **kw) -> dict:
    return {"subject": subject, "predicate": predicate, "value": value, "unit": unit, "text": text, **kw}


def groups_with(report, predicate):
    return [g for g in report.groups if g.key.predicate == predicate]


def only(report, predicate):
    found = groups_with(report, predicate)
    assert len(found) == 1, [g.model_dump() for g in found]
    return found[0]


# ---------------------------------------------------------------- verdicts and reason codes

def test_same_value_in_two_articles_agrees():
    r = reconcile([
        art("a", [claim("Mara Quint", "vote_share", 48.0, "percent", "Quint won 48 per cent of the vote")]),
        art("b", [claim("Mara Quint", "vote_share", 48.0, "percent", "Ms Quint finished with 48%")]),
    ])
    g = only(r, "vote_share")
    assert g.verdict == "agree"
    assert g.independent_sources == 2


def test_values_within_stated_precision_are_rounding():
    r = reconcile([
        art("a", [claim("Mara Quint", "vote_share", 48.0, "percent", "Quint won 48 per cent")]),
        art("b", [claim("Mara Quint", "vote_share", 48.3, "percent", "Quint won 48.3 per cent")]),
    ])
    g = only(r, "vote_share")
    assert g.verdict == "compatible"
    assert ROUNDING in g.reasons


def test_different_values_same_time_conflict_high():
    r = reconcile([
        art("a", [claim("Mara Quint", "vote_share", 48.0, "percent", "Quint won 48 per cent")]),
        art("b", [claim("Mara Quint", "vote_share", 44.0, "percent", "Quint won 44 per cent")]),
    ])
    g = only(r, "vote_share")
    assert g.verdict == "conflict"
    assert CONFLICT in g.reasons and g.severity == "high"


def test_conflict_with_different_as_of_is_flagged_and_not_averaged():
    r = reconcile([
        art("a", [claim("Mara Quint", "vote_share", 48.0, "percent", "Quint had 48 per cent", as_of="at midnight")]),
        art("b", [claim("Mara Quint", "vote_share", 44.0, "percent", "Quint had 44 per cent", as_of="final count")]),
    ])
    g = only(r, "vote_share")
    assert g.verdict == "conflict" and g.as_of_differs
    assert DIFFERENT_AS_OF in g.reasons and g.severity == "medium"
    assert g.estimate is None and "not averaged" in (g.estimate_note or "")


def test_margin_derived_from_rounded_shares_is_compatible_with_a_stated_margin():
    # 42 - 37 = 5 from whole-number shares carries +-1: the stated 4.4 fits
    r = reconcile([
        art("wire", [claim("Mara Quint", "margin", 4.4, "percentage points", "a margin of 4.4 percentage points"),
                     claim("Mara Quint", "vote_share", 41.6, "percent", "Quint won 41.6%"),
                     claim("Lee Sato", "vote_share", 37.2, "percent", "Sato's 37.2%")]),
        art("weekly", [claim("Mara Quint", "vote_share", 42.0, "percent", "Quint finished first with 42%"),
                       claim("Lee Sato", "vote_share", 37.0, "percent", "Sato took 37%")]),
    ])
    assert all(g.verdict != "conflict" for g in r.groups)
    margin = only(r, "margin")
    assert margin.verdict == "compatible" and ROUNDING in margin.reasons


def test_margin_derived_from_precise_shares_still_conflicts():
    r = reconcile([
        art("a", [claim("Mara Quint", "margin", 4.4, "percentage points", "a margin of 4.4 percentage points")]),
        art("b", [claim("Mara Quint", "vote_share", 42.1, "percent", "Quint won 42.1%"),
                  claim("Lee Sato", "vote_share", 36.4, "percent", "Sato took 36.4%")]),
    ])
    margin = only(r, "margin")
    assert margin.verdict == "conflict" and DERIVED_MISMATCH in margin.reasons


def test_a_vague_value_does_not_chain_two_precise_ones_together():
    # 15% fits both 14.9% and 15.4%, but those two cannot both hold
    r = reconcile([
        art("a", [claim("Mara Quint", "vote_share", 14.9, "percent", "Quint finished third with 14.9%")]),
        art("b", [claim("Mara Quint", "vote_share", 15.0, "percent", "Quint was third with 15%")]),
        art("c", [claim("Mara Quint", "vote_share", 15.4, "percent", "Quint was third with 15.4%")]),
    ])
    g = only(r, "vote_share")
    assert g.verdict == "conflict"
    by_article = {v.article: v.cluster for v in g.values}
    assert by_article["a"] != by_article["c"]


def test_more_than_is_compatible_with_a_larger_amount():
    r = reconcile([
        art("a", [claim("Tom Okafor", "spending", 35_000_000, "USD", "spent more than $35 million on ads",
                        qualifier="more_than")]),
        art("b", [claim("Tom Okafor", "spending", 38_000_000, "USD", "spent $38 million on ads")]),
    ])
    g = only(r, "spending")
    assert g.verdict == "compatible"
    assert QUALIFIER_COMPATIBLE in g.reasons


def test_less_than_is_not_compatible_with_a_larger_amount():
    r = reconcile([
        art("a", [claim("Tom Okafor", "spending", 5_000_000, "USD", "spent less than $5 million on ads",
                        qualifier="less_than")]),
        art("b", [claim("Tom Okafor", "spending", 8_000_000, "USD", "spent $8 million on ads")]),
    ])
    assert only(r, "spending").verdict == "conflict"


def test_stated_lead_against_shares_is_derived_mismatch():
    r = reconcile([
        art("a", [claim("Mara Quint", "margin", 3.0, "percentage points", "Quint held a 3-point lead")]),
        art("b", [claim("Mara Quint", "vote_share", 42.0, "percent", "Quint took 42 per cent"),
                  claim("Lee Sato", "vote_share", 37.0, "percent", "and Sato 37")]),
    ])
    g = only(r, "margin")
    assert g.verdict == "conflict"
    assert DERIVED_MISMATCH in g.reasons
    derived = [v for v in g.values if v.derived]
    assert derived and derived[0].value == 5.0 and derived[0].derivation == "42 - 37 = 5"


def test_within_article_margin_mismatch_is_found():
    r = reconcile([art("a", [
        claim("Mara Quint", "margin", 3.0, "percentage points", "a 3-point lead"),
        claim("Mara Quint", "vote_share", 42.0, "percent", "Quint took 42 per cent"),
        claim("Lee Sato", "vote_share", 37.0, "percent", "Sato took 37 per cent"),
    ])])
    assert only(r, "margin").verdict == "conflict"


def test_matching_margin_and_shares_agree_in_substance():
    r = reconcile([
        art("a", [claim("Mara Quint", "margin", 5.0, "percentage points", "Quint held a 5-point lead")]),
        art("b", [claim("Mara Quint", "vote_share", 42.0, "percent", "Quint took 42 per cent"),
                  claim("Lee Sato", "vote_share", 37.0, "percent", "Sato took 37 per cent")]),
    ])
    assert only(r, "margin").verdict in ("agree", "compatible")


def test_percent_vs_points_is_not_a_conflict():
    r = reconcile([
        art("a", [claim("Green", "margin", 4.0, "percentage points", "the Greens' lead grew by 4 points")]),
        art("b", [claim("Green", "margin", 10.0, "percent", "the Greens' lead grew by 10%")]),
    ])
    assert all(g.verdict != "conflict" for g in r.groups)
    assert any(PERCENT_VS_POINTS in f.message for f in r.findings)


def test_equal_value_percent_and_points_is_compatible():
    r = reconcile([
        art("a", [claim("Green", "margin", 4.0, "percentage points", "the Greens lead by 4 points")]),
        art("b", [claim("Green", "margin", 4.0, "percent", "the Greens lead by 4%")]),
    ])
    g = only(r, "margin")
    assert g.verdict == "compatible" and PERCENT_VS_POINTS in g.reasons


def test_poll_difference_within_margin_of_error():
    r = reconcile([
        art("a", [claim("Labour", "poll_share", 41.0, "percent", "Labour on 41% in the weekend survey of voters"),
                  claim(None, "other", 3.0, "percentage points", "a margin of error of 3 points")]),
        art("b", [claim("Labour", "poll_share", 39.0, "percent", "Labour on 39% in the weekend survey of voters")]),
    ])
    g = only(r, "poll_share")
    assert g.verdict == "compatible" and WITHIN_MOE in g.reasons


def test_poll_difference_without_stated_error_conflicts():
    r = reconcile([
        art("a", [claim("Labour", "poll_share", 41.0, "percent", "Labour on 41% in the weekend survey of voters")]),
        art("b", [claim("Labour", "poll_share", 36.0, "percent", "Labour on 36% in the weekend survey of voters")]),
    ])
    assert only(r, "poll_share").verdict == "conflict"


def test_one_article_stating_two_values_means_two_quantities():
    r = reconcile([
        art("a", [claim("Reform", "fundraising", 500_000, "GBP", "Reform received £500,000 from one donor"),
                  claim("Reform", "fundraising", 2_100_000, "GBP", "Reform received £2.1m in the quarter")]),
        art("b", [claim("Reform", "fundraising", 2_100_000, "GBP", "Reform took £2.1m in donations")]),
    ])
    assert all(g.verdict != "conflict" for g in r.groups)


def test_unrelated_wording_without_subject_is_not_compared():
    r = reconcile([
        art("a", [claim(None, "other", 12.0, "percent", "12% of tenants had moved home since the spring")]),
        art("b", [claim(None, "other", 30.0, "percent", "30% of council budgets went on social care")]),
    ])
    assert all(g.verdict == "single_source" for g in r.groups)


def test_similar_wording_without_subject_conflicts():
    r = reconcile([
        art("a", [claim(None, "turnout", 61.0, "percent", "turnout in the city mayoral election was 61%")]),
        art("b", [claim(None, "turnout", 52.0, "percent", "turnout in the city mayoral election was 52%")]),
    ])
    assert only(r, "turnout").verdict == "conflict"


# ---------------------------------------------------------------- currencies

def _converted_article(doc_id: str, usd: int, gbp: int, eur: int) -> ArticleFacts:
    text = f"spent ${usd // 1_000_000} million (£{gbp // 1_000_000} million/€{eur // 1_000_000} million)"
    return ArticleFacts(
        doc_id=doc_id, published="2024-05-01",
        money=[Money(text=f"${usd // 1_000_000} million", amount=usd, currency="USD", subject="Tom Okafor",
                     start=6, end=17),
               Money(text=f"£{gbp // 1_000_000} million", amount=gbp, currency="GBP", subject="Tom Okafor",
                     equivalent_of=f"${usd // 1_000_000} million", start=19, end=30),
               Money(text=f"€{eur // 1_000_000} million", amount=eur, currency="EUR", subject="Tom Okafor",
                     equivalent_of=f"${usd // 1_000_000} million", start=31, end=42)],
        claims=[Claim(subject="Tom Okafor", predicate="spending", value=usd, unit="USD", text=text)],
    )


def test_currency_equivalents_are_one_amount():
    r = reconcile([_converted_article("a", 40_000_000, 32_000_000, 37_000_000)])
    eq = [g for g in r.groups if g.verdict == "equivalent"]
    assert len(eq) == 1 and len(eq[0].values) == 3
    assert CURRENCY_EQUIVALENT in eq[0].reasons
    assert all(g.verdict != "conflict" for g in r.groups)
    assert len(groups_with(r, "spending")) == 1  # the conversions are not counted again


def test_disagreeing_implied_rates_are_a_low_note():
    r = reconcile([_converted_article("a", 40_000_000, 32_000_000, 37_000_000),
                   _converted_article("b", 100_000_000, 60_000_000, 92_000_000)])
    notes = [f for f in r.findings if "RATE_MISMATCH" in f.message]
    assert notes and notes[0].severity == "low" and notes[0].type == "equivalence"
    assert all(g.verdict != "conflict" for g in r.groups if g.verdict == "equivalent")


def test_amount_in_another_currency_is_equivalent_via_implied_rate():
    base = _converted_article("a", 40_000_000, 32_000_000, 37_000_000)
    other = art("b", [claim("Tom Okafor", "spending", 32_000_000, "GBP", "spent £32 million")])
    g = next(g for g in groups_with(reconcile([base, other]), "spending") if len(g.values) == 2)
    assert g.verdict == "compatible" and CURRENCY_EQUIVALENT in g.reasons


# ---------------------------------------------------------------- within one article

def test_shares_summing_past_100_are_flagged():
    r = reconcile([art("a", [
        claim("Mara Quint", "vote_share", 58.0, "percent", "Quint took 58 per cent"),
        claim("Lee Sato", "vote_share", 49.0, "percent", "Sato took 49 per cent"),
    ], candidates=[{"name": "Mara Quint"}, {"name": "Lee Sato"}])])
    g = only(r, "vote_share_total")
    assert g.verdict == "conflict" and SHARES_OVER_100 in g.reasons


def test_shares_within_100_are_not_flagged():
    r = reconcile([art("a", [
        claim("Mara Quint", "vote_share", 51.0, "percent", "Quint took 51 per cent"),
        claim("Lee Sato", "vote_share", 49.0, "percent", "Sato took 49 per cent"),
    ])])
    assert not groups_with(r, "vote_share_total")


# ---------------------------------------------------------------- duplicates

POLL_CLAIMS = [
    claim(None, "poll_share", 64.0, "percent", "64% of renters said housing costs would decide their vote"),
    claim(None, "poll_share", 22.0, "percent", "22% said they had never been contacted by a party"),
    claim(None, "other", 2150, "respondents", "The pollster questioned 2,150 adults online"),
]


def test_syndicated_articles_are_one_source():
    r = reconcile([art("wire-1", POLL_CLAIMS), art("paper-7", POLL_CLAIMS[:2])])
    assert [sorted(d.articles) for d in r.duplicates] == [["paper-7", "wire-1"]]
    g = next(g for g in r.groups if g.values[0].value == 64.0)
    assert g.verdict == "agree" and g.independent_sources == 1
    assert any(f.type == "duplicate_source" and g.id in f.groups for f in r.findings)


def test_identical_text_hash_is_one_source():
    r = reconcile([art("x", text_sha256="ab" * 32), art("y", text_sha256="ab" * 32)])
    assert r.duplicates and "identical text" in r.duplicates[0].reasons


def test_independent_articles_are_not_duplicates():
    r = reconcile([
        art("a", [claim("Mara Quint", "vote_share", 48.0, "percent", "Quint won 48 per cent of the vote")]),
        art("b", [claim("Mara Quint", "vote_share", 48.0, "percent", "Quint finished on 48%")]),
    ])
    assert r.duplicates == []


# ---------------------------------------------------------------- entities

def _people(r):
    return {e.canonical: e for e in r.entities if e.type in ("candidate", "official")}


def test_titled_and_surname_mentions_merge():
    r = reconcile([
        art("a", candidates=[{"name": "Rep. Dana Whitfield", "party": "Democratic", "office_sought": "mayor",
                              "jurisdiction": "Springfield"}]),
        art("b", candidates=[{"name": "Congresswoman Dana Whitfield", "party": "Democratic"}]),
        art("c", candidates=[{"name": "Whitfield"}]),
    ])
    people = _people(r)
    assert len(people) == 1
    assert sorted(next(iter(people.values())).articles) == ["a", "b", "c"]


def test_same_first_name_never_merges():
    r = reconcile([art("a", candidates=[{"name": "Rick Alvarado"}], officials=[]),
                   art("b", candidates=[], officials=[{"name": "Rick Tennant", "office": "adviser"}])])
    assert len(_people(r)) == 2


def test_ambiguous_surname_stays_apart():
    r = reconcile([art("a", officials=[{"name": "Gordon Pryce", "office": "chancellor"}]),
                   art("b", officials=[{"name": "Helen Pryce", "office": "minister"}]),
                   art("c", officials=[{"name": "Pryce", "office": "minister"}])])
    assert len(_people(r)) == 3


def test_party_switch_is_history_not_conflict():
    r = reconcile([
        art("a", published="2004-10-01", candidates=[{"name": "Norma Vale", "party": "Reform"}]),
        art("b", published="2005-02-01", candidates=[{"name": "Norma Vale", "party": "Forward",
                                                      "former_parties": ["Reform"]}]),
    ])
    ent = _people(r)["Norma Vale"]
    check = next(c for c in ent.attribute_checks if c.attribute == "party")
    assert check.verdict == "compatible" and "history" in (check.detail or "")
    assert ent.attributes["party"] == "Forward" and ent.attributes["former_parties"] == ["Reform"]


def test_unexplained_party_difference_is_conflict():
    r = reconcile([art("a", candidates=[{"name": "Norma Vale", "party": "Reform"}]),
                   art("b", candidates=[{"name": "Norma Vale", "party": "Forward"}])])
    check = next(c for c in _people(r)["Norma Vale"].attribute_checks if c.attribute == "party")
    assert check.verdict == "conflict"


# ---------------------------------------------------------------- dates

def _dates(doc_id, *dates, published=None, candidates=()):
    return ArticleFacts(doc_id=doc_id, published=published, candidates=list(candidates),
                        dates=[DateMention(text=t, value=v, event=e, start=0, end=len(t)) for t, v, e in dates])


def test_month_and_day_of_one_election_are_compatible():
    r = reconcile([_dates("a", ("November", "2026-11", "general")),
                   _dates("b", ("November 3", "2026-11-03", "general"))])
    g = only(r, "date")
    assert g.verdict == "compatible"


def test_two_days_for_one_general_election_conflict():
    r = reconcile([_dates("a", ("6 May", "2027-05-06", "general")),
                   _dates("b", ("13 May", "2027-05-13", "general"))])
    assert only(r, "date").verdict == "conflict"


def test_same_day_different_elections_stay_apart():
    r = reconcile([_dates("a", ("4 May", "2028-05-04", "general"), ("4 May", "2028-05-04", "election")),
                   _dates("b", ("4 May", "2028-05-04", "election"), ("4 May", "2028-05-04", "general"))])
    assert sorted(g.key.event for g in groups_with(r, "date")) == ["election", "general"]


def test_yearless_date_borrows_year_from_anchored_mention():
    r = reconcile([_dates("a", ("7 May", None, "general")),
                   _dates("b", ("Thursday 7 May", "2026-05-07", "general"))])
    g = only(r, "date")
    assert g.verdict == "agree" and "YEAR_BORROWED" in g.reasons


def test_reporting_day_tagged_with_the_event_is_not_a_conflicting_event_date():
    # "results released Wednesday" sits in a sentence about the runoff: the article tells when it
    # reports, and its own runoff date agrees with the other article's
    r = reconcile([_dates("a", ("Aug. 19", "2025-08-19", "runoff"), ("Wednesday", "2025-06-11", "runoff"),
                          published="2025-06-11"),
                   _dates("b", ("August 19", "2025-08-19", "runoff"), published="2025-06-13")])
    g = only(r, "date")
    assert g.verdict == "not_comparable" and "DISTINCT_QUANTITIES" in g.reasons


def test_two_far_apart_days_in_one_article_still_conflict_with_others():
    # a reported plan ("February") against the consensus date: not a reporting-day mention
    r = reconcile([_dates("a", ("10 February", "2027-02-10", "general"), ("6 May", "2027-05-06", "general"),
                          published="2027-01-03"),
                   _dates("b", ("6 May", "2027-05-06", "general"), published="2027-01-05")])
    assert only(r, "date").verdict == "conflict"


def test_primaries_of_different_races_are_not_compared():
    mayor = Candidate(name="Ivo Lund", office_sought="mayor", jurisdiction="Glenhaven")
    gov = Candidate(name="Kai Moreau", office_sought="governor", jurisdiction="Avondale")
    r = reconcile([_dates("a", ("June 2", "2026-06-02", "primary"), candidates=[mayor]),
                   _dates("b", ("June 9", "2026-06-09", "primary"), candidates=[gov])])
    assert all(g.verdict != "conflict" for g in r.groups)


# ---------------------------------------------------------------- estimates, scale, input

def test_truth_discovery_prefers_the_consensus():
    arts = [art(f"s{i}", [claim("Mara Quint", "vote_share", 48.0, "percent", f"Quint on 48 per cent ({i})")])
            for i in range(4)]
    arts.append(art("odd", [claim("Mara Quint", "vote_share", 41.0, "percent", "Quint on 41 per cent")]))
    g = only(reconcile(arts), "vote_share")
    assert g.verdict == "conflict" and g.severity == "low"
    assert g.estimate is not None and 47.0 < g.estimate.value <= 48.0


def test_findings_are_ordered_by_type():
    r = reconcile([
        art("a", [claim("Mara Quint", "vote_share", 48.0, "percent", "Quint won 48 per cent"),
                  claim("Lee Sato", "seats", 3, "seats", "Sato's party won 3 seats")]),
        art("b", [claim("Mara Quint", "vote_share", 44.0, "percent", "Quint won 44 per cent")]),
    ])
    order = ["conflict", "compatible", "equivalence", "agree", "single_source", "duplicate_source",
             "not_comparable"]
    seen = [order.index(f.type) for f in r.findings]
    assert seen == sorted(seen) and r.findings[0].type == "conflict"


def test_gold_style_dicts_are_accepted():
    gold = {"id": "g1", "published": None, "notes": "x", "claims": [
        {"subject": None, "predicate": "turnout", "value": 40.0, "unit": "percent", "qualifier": None,
         "as_of": None, "text": "turnout was 40%"}]}
    r = reconcile([gold])
    assert r.articles == ["g1"] and r.groups[0].values[0].start is None


def test_growth_is_roughly_linear():
    import time

    def facts(n):
        return [art(f"d{i}", [claim(f"Cand {i % 50}", "vote_share", 40.0 + i % 3, "percent",
                                    f"candidate {i % 50} took {40 + i % 3} per cent in ward {i}")])
                for i in range(n)]

    small, large = facts(400), facts(4000)
    t0 = time.perf_counter()
    reconcile(small)
    t1 = time.perf_counter()
    reconcile(large)
    t2 = time.perf_counter()
    assert (t2 - t1) < 25 * max(t1 - t0, 0.01)


# ---------------------------------------------------------------- official results

def _results(tmp_path: Path) -> Path:
    path = tmp_path / "results.csv"
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["race_id", "office_name", "stage", "candidate_name", "ballot_party", "votes", "percent"])
        w.writerow(["r1", "Governor", "general", "Mara Quint", "DEM", "520000", "52.1"])
        w.writerow(["r1", "Governor", "general", "Lee Sato", "REP", "470000", "47.9"])
    return path


def test_check_results_agree_rounding_and_conflict(tmp_path):
    facts = [art("a", [claim("Mara Quint", "vote_share", 52.0, "percent", "Quint won 52 per cent"),
                       claim("Lee Sato", "vote_share", 45.0, "percent", "Sato won 45 per cent"),
                       claim("Quint", "margin", 4.2, "percentage points", "a 4.2-point win"),
                       claim("Nobody Known", "vote_share", 1.0, "percent", "an independent took 1%")])]
    checks = {c.subject: c for c in check_results(facts, _results(tmp_path))}
    assert checks["Mara Quint"].verdict == "compatible" and ROUNDING in checks["Mara Quint"].reasons
    assert checks["Lee Sato"].verdict == "conflict"
    assert checks["Quint"].verdict == "agree" and checks["Quint"].official == pytest.approx(4.2)
    assert checks["Nobody Known"].verdict == "not_found"


def test_check_results_tolerates_missing_columns(tmp_path):
    path = tmp_path / "min.csv"
    path.write_text("candidate_name,votes\nMara Quint,1200\nLee Sato,800\n")
    facts = [art("a", [claim("Mara Quint", "vote_share", 60.0, "percent", "Quint took 60%"),
                       claim("Lee Sato", "votes", 800, "votes", "Sato got 800 votes")])]
    checks = {c.subject: c for c in check_results(facts, path)}
    assert checks["Mara Quint"].verdict == "agree"
    assert checks["Lee Sato"].verdict == "agree"


def test_long_claim_sentences_still_group_by_the_quantity():
    """Regression: names, titles and reporting verbs in long claim sentences kept two reports of
    the same promised tax cut apart, hiding a real conflict (about £6bn vs £4bn)."""
    from extractor.reconcile import reconcile

    a = {"doc_id": "a", "published": "2031-01-10", "parties": ["Conservative"],
         "officials": [{"name": "Ann Marsh", "office": "party leader", "jurisdiction": "Conservative"}],
         "claims": [{"subject": "Conservative", "predicate": "other", "value": 6e9, "unit": "GBP",
                     "qualifier": "about", "as_of": None,
                     "text": "Mrs Marsh is expected to say that around £6bn will be available for tax cuts "
                             "when she makes her announcement to party members on Monday"}]}
    b = {"doc_id": "b", "published": "2031-02-20", "parties": ["Conservative"],
         "officials": [{"name": "Ben Kerr", "office": "co-chairman", "jurisdiction": "Conservative"}],
         "claims": [{"subject": "Conservative", "predicate": "other", "value": 4e9, "unit": "GBP",
                     "qualifier": None, "as_of": None,
                     "text": "Dr Kerr also underlined the party's promises to cut tax by £4bn"}]}
    report = reconcile([a, b])
    groups = [g for g in report.groups if {v.article for v in g.values} == {"a", "b"}]
    assert groups and groups[0].verdict == "conflict"


# ---------------------------------------------------------------- the corpus clusters

def _cluster_scores(corpus_dir):
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "reconcile_dev.py"
    spec = importlib.util.spec_from_file_location("reconcile_dev", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return [mod.score_file(p, corpus_dir, None, False) for p in sorted((corpus_dir / "reconcile").glob("*.expected.json"))]


def test_corpus_clusters_find_every_planted_conflict_and_no_false_one(corpus_dir):
    rows = _cluster_scores(corpus_dir)
    assert rows and all(r["found"] == r["exp_conflicts"] for r in rows), [(r["file"], r["lines"]) for r in rows]
    assert all(r["false_conflicts"] == 0 for r in rows), [(r["file"], r["lines"]) for r in rows]


# ---------------------------------------------------------------- settings as data

def test_shipped_settings_come_from_models(tmp_path):
    from extractor.reconcile import ReconcileConfig
    from extractor.resources import models_dir

    cfg = ReconcileConfig.shipped()
    assert (models_dir() / "shared" / "reconcile.json").is_file()
    assert "vote_share" in cfg.strong_predicates and "the" in cfg.stopwords


def test_a_bad_settings_file_names_the_file_and_entry(tmp_path):
    import json

    from extractor.errors import RuleFileError
    from extractor.reconcile import ReconcileConfig, load_config
    from extractor.resources import models_dir

    data = json.loads((models_dir() / "shared" / "reconcile.json").read_text(encoding="utf-8"))
    data["window_days"] = "a while"
    bad = tmp_path / "reconcile.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError) as exc:
        load_config(bad)
    assert "reconcile.json" in str(exc.value) and "window_days" in str(exc.value)
    assert isinstance(ReconcileConfig.shipped().window_days, int)


def test_a_tuned_config_changes_one_run_only():
    from extractor.reconcile import ReconcileConfig

    arts = [art("a", [claim("Mara Quint", "vote_share", 48.0, "percent", "Quint won 48 per cent")], published="2024-01-01"),
            art("b", [claim("Mara Quint", "vote_share", 44.0, "percent", "Quint won 44 per cent")], published="2024-03-01")]
    narrow = ReconcileConfig.shipped().model_copy(update={"window_days": 10})
    assert all(g.verdict != "conflict" for g in reconcile(arts, narrow).groups)
    assert only(reconcile(arts), "vote_share").verdict == "conflict"
