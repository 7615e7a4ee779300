"""Command line: thin typer wrappers over the library.

Exit codes: 0 success; 1 some documents failed (extract) or a conflict was found (check);
2 usage error (bad option, missing path, existing output without --force).
"""
from __future__ import annotations

import json
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import ElectxError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract checkable election facts from news articles and reconcile them across sources.")
rules_app = typer.Typer(no_args_is_help=True, help="Validate rule packs (models/ or an analyst's own folder).")
app.add_typer(rules_app, name="rules")


class ModelChoice(str, Enum):
    sm = "sm"
    blank = "blank"


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


Paths = Annotated[list[Path], typer.Argument(help="Files or folders: .txt (+ .meta.json sidecar), .json, .jsonl, .html")]
ModelOpt = Annotated[ModelChoice, typer.Option("--model", "-m", help="'sm': statistical + rules; 'blank': rules only")]
RulesOpt = Annotated[Optional[list[Path]], typer.Option("--rules", help="extra rule pack folder (country folders inside)")]
PublishedOpt = Annotated[Optional[str], typer.Option("--published", help="publication date (ISO) for inputs without one")]
WorkersOpt = Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="worker processes (default: all cores)")]


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists() and str(p) != "-"]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")


def _check_published(published: str | None) -> None:
    from .inputs import parse_published

    try:
        parse_published(published)
    except ValueError:
        _fail(f"--published {published!r} is not an ISO date (e.g. 2022-06-08)")


def _is_facts_file(path: Path) -> bool:
    """True for JSON Lines written by `extractor extract` (records with a status, no text)."""
    if path.suffix != ".jsonl" or not path.is_file():
        return False
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(rec, dict) and "status" in rec and "text" not in rec
    return False


def read_facts_file(path: Path) -> list[dict]:
    """The records of a facts JSONL file."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
    return out


def collect_facts(paths: list[Path], model: str = "sm", published: str | None = None,
                  rules: list[Path] | None = None, workers: int | None = None) -> list[dict]:
    """Facts for the given paths: read from facts JSONL files, extracted from everything else."""
    from .batch import run_batch

    records: list[dict] = []
    to_extract = []
    for p in paths:
        if _is_facts_file(p):
            records += read_facts_file(p)
        else:
            to_extract.append(p)
    if to_extract:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "facts.jsonl"
            run_batch(to_extract, out, model=model, rules_dirs=rules, workers=workers,
                      published=published, progress=False, force=True)
            records += read_facts_file(out)
    return records


@app.command()
def extract(
    paths: Paths,
    output: Annotated[str, typer.Option("--output", "-o", help="output file, '-' for stdout")] = "-",
    model: ModelOpt = ModelChoice.sm,
    published: PublishedOpt = None,
    workers: WorkersOpt = None,
    fmt: Annotated[Format, typer.Option("--format", help="jsonl: one record per article; csv: one row per fact")] = Format.jsonl,
    resume: Annotated[bool, typer.Option("--resume", help="skip documents already in the output")] = False,
    force: Annotated[bool, typer.Option("--force", help="overwrite an existing output")] = False,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="force the text encoding of .txt inputs")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="largest input read, in bytes, per file or JSONL line; texts over 100,000 characters are processed in chunks")] = 20_000_000,
    timeout: Annotated[float, typer.Option("--timeout", help="seconds allowed per document")] = 60.0,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="documents sent to a worker at a time and run through the model together")] = 8,
    rules: RulesOpt = None,
    engine: Annotated[Engine, typer.Option("--engine", help="local worker processes, or a Dask cluster")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (with --engine dask)")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="progress bar on stderr")] = True,
) -> None:
    """Extract facts from articles: one JSON line per input (its facts, or an error record)."""
    _check_paths(paths)
    _check_published(published)
    out = None if output == "-" else Path(output)
    try:
        if engine is Engine.dask:
            from .dask import run_dask

            summary = run_dask(paths, out, scheduler=scheduler, model=model.value, rules_dirs=rules,
                               published=published, fmt=fmt.value, force=force, encoding=encoding,
                               max_bytes=max_bytes)
        else:
            from .batch import run_batch

            summary = run_batch(paths, out, model=model.value, rules_dirs=rules, workers=workers,
                                resume=resume, force=force, fmt=fmt.value, published=published,
                                encoding=encoding, max_bytes=max_bytes, timeout=timeout,
                                progress=progress and sys.stderr.isatty(), batch_size=batch_size)
    except ElectxError as exc:
        _fail(str(exc))
    typer.echo(summary.describe(), err=True)
    raise typer.Exit(summary.exit_code)


@app.command()
def evaluate(
    paths: Paths,
    gold: Annotated[Path, typer.Option("--gold", help="folder of <id>.gold.json files")],
    model: ModelOpt = ModelChoice.sm,
    workers: WorkersOpt = None,
    rules: RulesOpt = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="write the scores as JSON here")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="list every miss and spurious item")] = False,
) -> None:
    """Extract (or read extracted facts) and score against gold annotations, per field."""
    from .evaluate import evaluate as run_eval, format_table, load_gold

    _check_paths([*paths, gold])
    gold_docs = load_gold(gold)
    if not gold_docs:
        _fail(f"no *.gold.json files in {gold}")
    try:
        preds = collect_facts(paths, model=model.value, rules=rules, workers=workers)
    except ElectxError as exc:
        _fail(str(exc))
    report = run_eval(gold_docs, preds)
    if report.missing_docs:
        typer.echo(f"warning: no prediction for {len(report.missing_docs)} article(s): "
                   f"{', '.join(report.missing_docs[:10])}", err=True)
    typer.echo(format_table(report))
    if verbose:
        for field, misses in report.misses.items():
            for m in misses:
                typer.echo(f"  [{field}] {m}")
    if json_out:
        json_out.write_text(report.model_dump_json(indent=2), encoding="utf-8")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line."""
    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@app.command()
def version() -> None:
    """Print the extractor's version."""
    typer.echo(__version__)


@rules_app.command("check")
def rules_check(
    directory: Annotated[Optional[Path], typer.Argument(help="a country pack folder, or a folder of them (default: the shipped models/countries)")] = None,
) -> None:
    """Validate rule packs and report alias collisions; exit 1 on any problem."""
    from .resources import models_dir
    from .rules import check_pack

    target = directory or models_dir() / "countries"
    _check_paths([target])
    try:
        problems = check_pack(target)
    except ElectxError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1)
    for p in problems:
        typer.echo(p)
    errors = [p for p in problems if not p.lower().startswith(("warning", "note"))]
    typer.echo(f"{target}: {len(errors)} problem(s), {len(problems) - len(errors)} warning(s)", err=True)
    raise typer.Exit(1 if errors else 0)


@app.command()
def reconcile(
    paths: Paths,
    output: Annotated[str, typer.Option("--output", "-o", help="report file (JSON), '-' for stdout")] = "-",
    model: ModelOpt = ModelChoice.sm,
    published: PublishedOpt = None,
    workers: WorkersOpt = None,
    rules: RulesOpt = None,
) -> None:
    """Reconcile facts across articles (articles, or JSONL written by `extract`) into a JSON report."""
    from .reconcile import reconcile as run_reconcile
    from .report import to_json

    _check_paths(paths)
    _check_published(published)
    facts = collect_facts(paths, model=model.value, published=published, rules=rules, workers=workers)
    text = to_json(run_reconcile([f for f in facts if f.get("status") == "ok"]))
    if output == "-":
        typer.echo(text)
    else:
        Path(output).write_text(text, encoding="utf-8")


@app.command()
def check(
    paths: Paths,
    model: ModelOpt = ModelChoice.sm,
    published: PublishedOpt = None,
    workers: WorkersOpt = None,
    rules: RulesOpt = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="also write a self-contained HTML report")] = None,
    results: Annotated[Optional[Path], typer.Option("--results", help="official results CSV (FiveThirtyEight columns)")] = None,
) -> None:
    """Print conflicts and explained differences; exit 1 when a conflict is found."""
    from rich.console import Console

    from .reconcile import check_results, reconcile as run_reconcile
    from .report import print_table, to_html

    _check_paths(paths + ([results] if results else []))
    _check_published(published)
    facts = [f for f in collect_facts(paths, model=model.value, published=published, rules=rules, workers=workers)
             if f.get("status") == "ok"]
    report = run_reconcile(facts)
    console = Console()
    print_table(report, console)
    conflict = any(g.verdict == "conflict" for g in report.groups)
    if results:
        mismatches = check_results(facts, results)
        for m in mismatches:
            console.print(str(m))
        conflict = conflict or any(m.verdict == "conflict" for m in mismatches)
    if html:
        texts = _texts_for(paths)
        html.write_text(to_html(report, texts), encoding="utf-8")
        typer.echo(f"HTML report written to {html}", err=True)
    raise typer.Exit(1 if conflict else 0)


def _texts_for(paths: list[Path]) -> dict[str, str]:
    """Article texts by doc_id, for highlighting evidence in the HTML report."""
    from .inputs import InputDocument, iter_documents

    out: dict[str, str] = {}
    article_paths = [p for p in paths if not _is_facts_file(p)]
    for item in iter_documents(article_paths):
        if isinstance(item, InputDocument):
            out[item.doc_id] = item.text
    return out


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
