"""The project's own sample corpus (corpus/) follows shared/eval/GOLD_FORMAT.md exactly.

Every gold file is checked for shape (keys and their order), verbatim spans, numeric values,
ISO dates and currencies, currency conversions and exhaustive coverage of percentage and
money figures; every reconciliation expectation must quote its articles verbatim.
"""
from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from extractor.resources import shared_data

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOLD_DIR, TEXT_DIR, RECON_DIR = CORPUS / "gold", CORPUS / "texts", CORPUS / "reconcile"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))
RECON_FILES = sorted(RECON_DIR.glob("*.expected.json"))

TOP_KEYS = ["id", "text_file", "origin", "published", "published_basis", "candidates", "officials",
            "parties", "percentages", "money", "dates", "claims", "notes"]
ITEM_KEYS = {
    "candidates": ["name", "party", "former_parties", "office_sought", "jurisdiction"],
    "officials": ["name", "office", "jurisdiction", "status"],
    "percentages": ["text", "value", "subject", "kind"],
    "money": ["text", "amount", "currency", "qualifier", "subject"],
    "dates": ["text", "value", "event"],
    "claims": ["subject", "predicate", "value", "unit", "qualifier", "as_of", "text"],
}
ENUMS = {
    ("percentages", "kind"): {"vote_share", "margin", "threshold", "poll", "turnout", "swing", "other"},
    ("money", "qualifier"): {None, "more_than", "less_than", "about", "at_least", "at_most", "up_to"},
    ("claims", "qualifier"): {None, "more_than", "less_than", "about", "at_least", "at_most", "up_to"},
    ("dates", "event"): {"election", "primary", "runoff", "general", "vote", "other"},
    ("claims", "predicate"): {"vote_share", "margin", "poll_share", "threshold", "spending", "fundraising",
                              "cost", "seats", "turnout", "votes", "other"},
    ("officials", "status"): {"current", "former", "nominated", "elect"},
}
FIGURE_PATTERNS = [re.compile(p, re.I) for p in (r"%", r"\bper ?cent\b", r"\bpercentage points?\b", r"[£$€]\s?\d")]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _text(gold: dict) -> str:
    return (TEXT_DIR / gold["text_file"]).read_text(encoding="utf-8")


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _valid_iso(value: str) -> bool:
    """True for YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date.

    >>> _valid_iso("2025-06-10"), _valid_iso("2020"), _valid_iso("2025-02-30"), _valid_iso("2020-summer")
    (True, True, False, False)
    """
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return False
    try:
        datetime.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return False
    return True


def _uncovered_figures(text: str, spans: list[str]) -> list[str]:
    """Percentage / currency figures in ``text`` that lie in none of the occurrences of ``spans``."""
    covered = [False] * len(text)
    for span in spans:
        start = text.find(span)
        while start >= 0:
            covered[start:start + len(span)] = [True] * len(span)
            start = text.find(span, start + 1)
    return [m.group(0) for pat in FIGURE_PATTERNS for m in pat.finditer(text)
            if not any(covered[m.start():m.end()])]


def _iso4217_codes() -> set[str]:
    return {c["code"] for c in shared_data("currencies")["currencies"]}


def _quoted(obj: object):
    """Yield every (article, text) pair quoted anywhere inside a reconcile expectation."""
    if isinstance(obj, dict):
        if isinstance(obj.get("article"), str) and isinstance(obj.get("text"), str):
            yield obj["article"], obj["text"]
        for value in obj.values():
            yield from _quoted(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _quoted(value)


gold_param = pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
recon_param = pytest.mark.parametrize("path", RECON_FILES, ids=lambda p: p.name.removesuffix(".expected.json"))


# ---------------------------------------------------------------- the helpers themselves

def test_uncovered_figures_reports_an_unannotated_figure():
    assert _uncovered_figures("Turnout was 40 per cent and she spent $2m.", ["$2m"]) == ["per cent"]


def test_uncovered_figures_accepts_a_covering_span():
    assert _uncovered_figures("Smith took 51.2%-47.9% in the end.", ["51.2%", "47.9%"]) == []


def test_uncovered_figures_ignores_non_figures():
    assert _uncovered_figures("The 12th District runs along Route 66.", []) == []


def test_valid_iso_rejects_seasons_and_impossible_days():
    assert not _valid_iso("2020-summer") and not _valid_iso("2025-02-29") and _valid_iso("2024-02-29")


# ---------------------------------------------------------------- corpus layout

def test_corpus_has_at_least_fourteen_articles():
    assert len(GOLD_FILES) >= 14


def test_every_text_has_gold_and_meta():
    text_ids = {p.stem for p in TEXT_DIR.glob("*.txt")}
    gold_ids = {p.name.removesuffix(".gold.json") for p in GOLD_FILES}
    meta_ids = {p.name.removesuffix(".meta.json") for p in TEXT_DIR.glob("*.meta.json")}
    assert text_ids == gold_ids == meta_ids


def test_at_least_three_reconcile_clusters():
    assert len(RECON_FILES) >= 3


# ---------------------------------------------------------------- per gold file

@gold_param
def test_top_level_keys_in_format_order(path):
    gold = _load(path)
    assert list(gold) == TOP_KEYS
    assert path.name == f"{gold['id']}.gold.json" and gold["text_file"] == f"{gold['id']}.txt"


@gold_param
def test_origin_points_at_corpus_text(path):
    gold = _load(path)
    assert gold["origin"] == {"repo": None, "path": f"corpus/texts/{gold['id']}.txt", "commit": None}
    assert gold["published_basis"] == "dataset metadata"


@gold_param
def test_meta_agrees_with_gold(path):
    gold = _load(path)
    meta = _load(TEXT_DIR / f"{gold['id']}.meta.json")
    assert list(meta) == ["published", "source", "title"]
    assert meta["published"] == gold["published"] and _valid_iso(meta["published"]) and len(meta["published"]) == 10
    assert meta["source"] and meta["title"] == _text(gold).splitlines()[0]


@gold_param
def test_article_length_is_250_to_600_words(path):
    assert 250 <= len(_text(_load(path)).split()) <= 600


@gold_param
def test_item_keys_in_format_order(path):
    gold = _load(path)
    for section, keys in ITEM_KEYS.items():
        for item in gold[section]:
            extra = ["equivalent_of"] if section == "money" and "equivalent_of" in item else []
            assert list(item) == keys + extra, (section, item)


@gold_param
def test_enumerated_fields_use_allowed_values(path):
    gold = _load(path)
    for (section, key), allowed in ENUMS.items():
        for item in gold[section]:
            assert item[key] in allowed, (section, item)


@gold_param
def test_every_text_is_an_exact_substring(path):
    gold = _load(path)
    text = _text(gold)
    for section in ("percentages", "money", "dates", "claims"):
        for item in gold[section]:
            assert item["text"] in text, (section, item["text"])


@gold_param
def test_repeated_spans_occur_often_enough(path):
    gold = _load(path)
    text = _text(gold)
    for section in ("percentages", "money", "dates"):
        for span, n in Counter(item["text"] for item in gold[section]).items():
            assert text.count(span) >= n, (section, span)


@gold_param
def test_people_named_verbatim_and_listed_once(path):
    gold = _load(path)
    text = _text(gold)
    candidates = [c["name"] for c in gold["candidates"]]
    assert len(candidates) == len(set(candidates))
    assert all(name in text for name in candidates + [o["name"] for o in gold["officials"]])
    assert not set(candidates) & {o["name"] for o in gold["officials"]}


@gold_param
def test_candidate_parties_are_listed(path):
    gold = _load(path)
    assert len(gold["parties"]) == len(set(gold["parties"]))
    for c in gold["candidates"]:
        assert {p for p in [c["party"], *c["former_parties"]] if p} <= set(gold["parties"])


@gold_param
def test_offices_are_lowercase(path):
    gold = _load(path)
    offices = [c["office_sought"] for c in gold["candidates"]] + [o["office"] for o in gold["officials"]]
    assert all(o is None or o == o.lower() for o in offices)


@gold_param
def test_percentage_subjects_are_listed(path):
    gold = _load(path)
    listed = {c["name"] for c in gold["candidates"]} | {o["name"] for o in gold["officials"]} | set(gold["parties"])
    assert all(p["subject"] is None or p["subject"] in listed for p in gold["percentages"])


@gold_param
def test_values_are_numbers(path):
    gold = _load(path)
    assert all(_is_number(p["value"]) for p in gold["percentages"])
    assert all(_is_number(m["amount"]) and m["amount"] > 0 for m in gold["money"])
    assert all(_is_number(c["value"]) for c in gold["claims"])


@gold_param
def test_dates_are_valid_iso(path):
    gold = _load(path)
    assert all(d["value"] is not None and _valid_iso(d["value"]) for d in gold["dates"])


@gold_param
def test_weekday_dates_fall_on_that_weekday(path):
    for d in _load(path)["dates"]:
        if len(d["value"]) == 10:
            day = datetime.date.fromisoformat(d["value"])
            named = [i for i, w in enumerate(WEEKDAYS) if re.search(rf"\b{w}\b", d["text"], re.I)]
            assert named in ([], [day.weekday()]), d


@gold_param
def test_yesterday_and_today_agree_with_published(path):
    gold = _load(path)
    published = datetime.date.fromisoformat(gold["published"])
    offsets = {"yesterday": -1, "today": 0, "this morning": 0}
    for d in gold["dates"]:
        if d["text"].lower() in offsets:
            assert d["value"] == (published + datetime.timedelta(days=offsets[d["text"].lower()])).isoformat(), d


@gold_param
def test_currencies_are_iso_4217(path):
    codes = _iso4217_codes()
    assert all(re.fullmatch(r"[A-Z]{3}", m["currency"]) and m["currency"] in codes for m in _load(path)["money"])


@gold_param
def test_currency_symbol_matches_code(path):
    """The first currency symbol in an amount's text (safe-first order: 'C$' before '$') names its code."""
    table = [(sym, c["code"]) for c in shared_data("currencies")["currencies"] for sym in c["symbols"]]
    for m in _load(path)["money"]:
        found = next((code for sym, code in table if sym in m["text"]), None)
        assert found is None or m["currency"] == found, m


@gold_param
def test_equivalent_of_points_to_a_primary_amount(path):
    money = _load(path)["money"]
    primaries = [m["text"] for m in money if "equivalent_of" not in m]
    for m in money:
        if "equivalent_of" in m:
            assert any(m["equivalent_of"] in p for p in primaries), m


@gold_param
def test_every_percent_and_money_figure_is_annotated(path):
    gold = _load(path)
    spans = [p["text"] for p in gold["percentages"]] + [m["text"] for m in gold["money"]]
    assert _uncovered_figures(_text(gold), spans) == []


@gold_param
def test_notes_are_present(path):
    assert isinstance(_load(path)["notes"], str) and _load(path)["notes"]


# ---------------------------------------------------------------- reconcile expectations

@recon_param
def test_reconcile_articles_exist(path):
    recon = _load(path)
    ids = [a["id"] for a in recon["articles"]]
    assert 2 <= len(ids) <= 4 and all((GOLD_DIR / f"{i}.gold.json").is_file() for i in ids)
    assert list(recon) == ["id", "description", "articles", "entity_merges", "must_not_merge", "claim_groups", "findings"]


@recon_param
def test_reconcile_quotes_articles_verbatim(path):
    recon = _load(path)
    ids = {a["id"] for a in recon["articles"]}
    for article, text in _quoted(recon):
        assert article in ids, article
        assert text in (TEXT_DIR / f"{article}.txt").read_text(encoding="utf-8"), (article, text)


@recon_param
def test_reconcile_findings_reference_known_groups(path):
    recon = _load(path)
    groups = {g["group"] for g in recon["claim_groups"]}
    assert all(set(f["groups"]) <= groups for f in recon["findings"])
