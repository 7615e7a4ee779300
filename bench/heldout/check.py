#!/usr/bin/env python3
"""Validate the held-out gold set (gold/*.gold.json against texts/*.txt).

Errors (exit status 1):
  * keys and key order (top level and every entry), enumerated values, types;
  * origin = {repo: null, path: bench/heldout/texts/<id>.txt, commit: null}, basis "dataset metadata",
    `published` equal to the article's .meta.json;
  * every `text` is an exact substring of the article, occurring at least as often as it is
    used within one section (percentages / money / dates);
  * candidate / official names occur verbatim; no person is both candidate and official;
  * numeric values are numbers; money amounts positive;
  * date values are valid ISO (YYYY / YYYY-MM / YYYY-MM-DD); a weekday in the text matches a
    full-date value; yesterday / today / tomorrow agree with `published`;
  * currencies are ISO 4217; `equivalent_of` is a substring of a primary (non-equivalent)
    money text and the entry's own text is different;
  * percentage subjects are null or listed in candidates / officials / parties;
    candidate parties appear in `parties`;
  * coverage: every '%', 'per cent', 'percent', 'percentage point', 'N point(s)' and every
    currency-sign or currency-code amount ($ £ € C$ A$ NZ$ US$, USD/EUR/...) lies inside an
    annotated percentage / money text;
  * article length 250-550 words.
Warnings: date-like tokens not inside any date text (check the file's notes).

Usage: python3 check.py [--quiet]
"""
import datetime
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ISO4217 = set("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN
BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP
ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR
ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD
MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR
PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL
THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF
XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL
""".split())
TOP_KEYS = ["id", "text_file", "origin", "published", "published_basis", "candidates",
            "officials", "parties", "percentages", "money", "dates", "claims", "notes"]
CAND_KEYS = ["name", "party", "former_parties", "office_sought", "jurisdiction"]
OFF_KEYS = ["name", "office", "jurisdiction", "status"]
PCT_KEYS = ["text", "value", "subject", "kind"]
MONEY_KEYS = ["text", "amount", "currency", "qualifier", "subject"]
DATE_KEYS = ["text", "value", "event"]
CLAIM_KEYS = ["subject", "predicate", "value", "unit", "qualifier", "as_of", "text"]
PCT_KINDS = {"vote_share", "margin", "threshold", "poll", "turnout", "swing", "other"}
QUALS = {None, "more_than", "less_than", "about", "at_least", "at_most", "up_to"}
EVENTS = {"election", "primary", "runoff", "general", "vote", "other"}
PREDICATES = {"vote_share", "margin", "poll_share", "threshold", "spending", "fundraising",
              "cost", "seats", "turnout", "votes", "other"}
STATUS = {"current", "former", "nominated", "elect"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
COVER = [
    re.compile(r"%"),
    re.compile(r"\bper ?cent\b", re.I),
    re.compile(r"\bpercentage[- ]points?\b", re.I),
    re.compile(r"\b\d+(?:\.\d+)?[- ]points?\b", re.I),
    re.compile(r"[£$€]\s?\d"),
    re.compile(r"\b(?:USD|EUR|GBP|CAD|AUD|NZD|CHF)\s?\d"),
    re.compile(r"\d\s?(?:USD|EUR|GBP|CAD|AUD|NZD|CHF)\b"),
    re.compile(r"\b\d[\d,.]*\s(?:euros?|pounds|dollars)\b", re.I),
]
DATE_HINT = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|yesterday|today|tomorrow|"
    r"(?:last|next|this) (?:year|week|month|summer|autumn|fall|spring|winter)|(?:18|19|20)\d\d)\b")

errors, warnings = [], []


def err(fid, msg):
    errors.append(f"{fid}: {msg}")


def warn(fid, msg):
    warnings.append(f"{fid}: {msg}")


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def valid_iso(v):
    try:
        if re.fullmatch(r"\d{4}", v):
            return True
        if re.fullmatch(r"\d{4}-\d{2}", v):
            datetime.date(int(v[:4]), int(v[5:7]), 1)
            return True
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            datetime.date.fromisoformat(v)
            return True
    except (ValueError, TypeError):
        return False
    return False


def occurrences(hay, needle):
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = hay.find(needle, i + 1)
    return out


def keys_ok(fid, sec, it, expected, optional=()):
    ks = list(it)
    if ks != expected and ks != expected + list(optional):
        err(fid, f"{sec}: keys {ks} != {expected}")
        return False
    return True


def check(path):
    fid = os.path.basename(path)[: -len(".gold.json")]
    try:
        g = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        err(fid, f"invalid JSON: {e}")
        return
    if list(g) != TOP_KEYS:
        err(fid, f"top-level keys {list(g)} != {TOP_KEYS}")
        return
    if g["id"] != fid or g["text_file"] != f"{fid}.txt":
        err(fid, "id / text_file do not match the file name")
    tpath = os.path.join(HERE, "texts", g["text_file"])
    if not os.path.isfile(tpath):
        err(fid, "text file missing")
        return
    text = open(tpath, encoding="utf-8").read()
    nwords = len(text.split())
    if not 250 <= nwords <= 550:
        err(fid, f"article has {nwords} words (want 250-550)")
    if g["origin"] != {"repo": None, "path": f"bench/heldout/texts/{fid}.txt", "commit": None} \
            or list(g["origin"]) != ["repo", "path", "commit"]:
        err(fid, f"origin wrong: {g['origin']}")
    pub = g["published"]
    if not (isinstance(pub, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub) and valid_iso(pub)):
        err(fid, f"published not ISO: {pub!r}")
        pub = None
    if g["published_basis"] != "dataset metadata":
        err(fid, "published_basis must be 'dataset metadata'")
    mpath = os.path.join(HERE, "texts", f"{fid}.meta.json")
    try:
        meta = json.load(open(mpath, encoding="utf-8"))
        if list(meta) != ["published", "source", "title"]:
            err(fid, f"meta keys {list(meta)}")
        if meta.get("published") != g["published"]:
            err(fid, "meta published differs from gold published")
        if meta.get("title") not in text:
            err(fid, "meta title not in text")
    except Exception as e:  # noqa: BLE001
        err(fid, f"meta.json unreadable: {e}")

    cands, names = set(), set()
    for c in g["candidates"]:
        if not keys_ok(fid, "candidate", c, CAND_KEYS):
            continue
        if c["name"] in cands:
            err(fid, f"duplicate candidate {c['name']}")
        cands.add(c["name"])
        if c["name"] not in text:
            err(fid, f"candidate name not in text: {c['name']!r}")
        if not isinstance(c["former_parties"], list):
            err(fid, "former_parties must be a list")
        if c["office_sought"] and c["office_sought"] != c["office_sought"].lower():
            err(fid, f"office_sought not lowercase: {c['office_sought']}")
        for p in [c["party"]] + c["former_parties"]:
            if p is not None and p not in g["parties"]:
                err(fid, f"candidate party {p!r} not in parties")
    seen = set()
    for o in g["officials"]:
        if not keys_ok(fid, "official", o, OFF_KEYS):
            continue
        k = (o["name"], o["office"], o["jurisdiction"])
        if k in seen:
            err(fid, f"duplicate official {k}")
        seen.add(k)
        names.add(o["name"])
        if o["name"] not in text:
            err(fid, f"official name not in text: {o['name']!r}")
        if o["name"] in cands:
            err(fid, f"{o['name']} is both candidate and official")
        if o["status"] not in STATUS:
            err(fid, f"status {o['status']!r}")
        if o["office"] != o["office"].lower():
            err(fid, f"office not lowercase: {o['office']}")
    if len(set(g["parties"])) != len(g["parties"]):
        err(fid, "duplicate party")
    listed = cands | names | set(g["parties"])

    covered = [False] * len(text)
    dcovered = [False] * len(text)
    for sec in ("percentages", "money", "dates", "claims"):
        counts = {}
        for it in g[sec]:
            t = it.get("text")
            if not isinstance(t, str) or not t:
                err(fid, f"{sec}: empty text")
                continue
            counts[t] = counts.get(t, 0) + 1
            if t not in text:
                err(fid, f"{sec}: not an exact substring: {t!r}")
            for a, b in occurrences(text, t):
                target = covered if sec in ("percentages", "money") else dcovered if sec == "dates" else None
                if target is not None:
                    for k in range(a, b):
                        target[k] = True
        if sec != "claims":
            for t, n in counts.items():
                if len(occurrences(text, t)) < n:
                    err(fid, f"{sec}: {n} entries {t!r} but {len(occurrences(text, t))} occurrence(s)")

    for it in g["percentages"]:
        if not keys_ok(fid, "percentage", it, PCT_KEYS):
            continue
        if not is_num(it["value"]):
            err(fid, f"percentage value not a number: {it}")
        if it["kind"] not in PCT_KINDS:
            err(fid, f"kind {it['kind']!r}")
        if it["subject"] is not None and it["subject"] not in listed:
            err(fid, f"percentage subject {it['subject']!r} not listed")
        nums = re.findall(r"\d+(?:\.\d+)?", it["text"])
        if nums and not any(abs(float(n) - it["value"]) < 1e-9 for n in nums):
            err(fid, f"percentage value {it['value']} not among digits of {it['text']!r}")

    primary = [m["text"] for m in g["money"] if "equivalent_of" not in m]
    for it in g["money"]:
        if not keys_ok(fid, "money", it, MONEY_KEYS, ["equivalent_of"]):
            continue
        if not is_num(it["amount"]) or it["amount"] <= 0:
            err(fid, f"money amount not positive number: {it}")
        if it["currency"] not in ISO4217:
            err(fid, f"currency not ISO 4217: {it['currency']!r}")
        if it["qualifier"] not in QUALS:
            err(fid, f"qualifier {it['qualifier']!r}")
        if "equivalent_of" in it:
            eq = it["equivalent_of"]
            if not any(eq in p for p in primary) or eq == it["text"]:
                err(fid, f"equivalent_of {eq!r} matches no primary money text")
        t = it["text"]
        for sym, cur in (("NZ$", "NZD"), ("A$", "AUD"), ("C$", "CAD"), ("US$", "USD"), ("£", "GBP"), ("€", "EUR")):
            if sym in t and it["currency"] != cur:
                err(fid, f"money text {t!r} has {sym} but currency {it['currency']}")

    for it in g["dates"]:
        if not keys_ok(fid, "date", it, DATE_KEYS):
            continue
        v = it["value"]
        if v is None:
            err(fid, f"date value null (every held-out date must resolve): {it['text']!r}")
            continue
        if not valid_iso(v):
            err(fid, f"date value not ISO: {v!r}")
            continue
        if it["event"] not in EVENTS:
            err(fid, f"event {it['event']!r}")
        low = it["text"].lower()
        if len(v) == 10:
            d = datetime.date.fromisoformat(v)
            for i, wd in enumerate(WEEKDAYS):
                if re.search(rf"\b{wd}\b", low) and d.weekday() != i:
                    err(fid, f"{it['text']!r} -> {v} is a {WEEKDAYS[d.weekday()]}")
            for w, off in (("yesterday", -1), ("today", 0), ("tomorrow", 1)):
                if low == w and pub and d != datetime.date.fromisoformat(pub) + datetime.timedelta(days=off):
                    err(fid, f"{w} -> {v} disagrees with published {pub}")
        m = re.search(r"\b(1[89]\d\d|20\d\d)\b", it["text"])
        if m and not v.startswith(m.group(1)):
            err(fid, f"date {it['text']!r} states {m.group(1)} but value is {v}")

    for it in g["claims"]:
        if not keys_ok(fid, "claim", it, CLAIM_KEYS):
            continue
        if not is_num(it["value"]):
            err(fid, f"claim value not a number: {it}")
        if it["predicate"] not in PREDICATES:
            err(fid, f"predicate {it['predicate']!r}")
        if it["qualifier"] not in QUALS:
            err(fid, f"claim qualifier {it['qualifier']!r}")
        if not isinstance(it["unit"], str) or not it["unit"]:
            err(fid, f"claim unit must be a non-empty string: {it}")
        elif it["unit"].isupper() and len(it["unit"]) == 3 and it["unit"] not in ISO4217:
            err(fid, f"claim unit looks like a bad currency code: {it['unit']}")
        if it["as_of"] is not None and it["as_of"] not in text:
            warn(fid, f"claim as_of not verbatim: {it['as_of']!r}")

    for pat in COVER:
        for m in pat.finditer(text):
            if not any(covered[m.start():m.end()]):
                ctx = text[max(0, m.start() - 35):m.end() + 35].replace("\n", " ")
                err(fid, f"uncovered {m.group(0)!r}: ...{ctx}...")
    for m in DATE_HINT.finditer(text):
        if not any(dcovered[m.start():m.end()]):
            ctx = text[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
            warn(fid, f"date-like token not annotated: {m.group(0)!r} ...{ctx}...")
    if not isinstance(g["notes"], str) or not g["notes"]:
        err(fid, "notes must be a non-empty string")


def main():
    files = sorted(glob.glob(os.path.join(HERE, "gold", "*.gold.json")))
    for p in files:
        check(p)
    gids = {os.path.basename(p)[: -len(".gold.json")] for p in files}
    for t in glob.glob(os.path.join(HERE, "texts", "*.txt")):
        if os.path.basename(t)[:-4] not in gids:
            err(os.path.basename(t), "text without gold")
    if "--quiet" not in sys.argv:
        for w in warnings:
            print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(files)} gold files, {len(errors)} error(s), {len(warnings)} warning(s)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
