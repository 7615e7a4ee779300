"""The fact-check report: a ReconcileReport as JSON, a terminal table (rich) or one HTML page.

The HTML page is self-contained (inline CSS, no scripts, no external assets) and escapes
every piece of article text with :func:`html.escape`.
"""
from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from .reconcile import FINDING_ORDER, SEVERITY_ORDER, Group, GroupValue, ReconcileReport

if TYPE_CHECKING:
    from rich.console import Console

#: Verdicts in the order a fact-checker should read them.
VERDICT_ORDER = ("conflict", "compatible", "equivalent", "not_comparable", "agree", "single_source")


def to_json(report: ReconcileReport, indent: int | None = 2) -> str:
    """The report as a JSON string (the pydantic model's own serialization)."""
    return report.model_dump_json(indent=indent)


def ordered_groups(report: ReconcileReport) -> list[Group]:
    """Conflicts first, then explained differences, then the rest; by severity inside."""
    return sorted(report.groups, key=lambda g: (VERDICT_ORDER.index(g.verdict), SEVERITY_ORDER.index(g.severity)))


def _value_str(v: GroupValue, date: bool = False) -> str:
    q = {"more_than": "> ", "less_than": "< ", "about": "~", "at_least": ">= ", "at_most": "<= ",
         "up_to": "<= "}.get(v.qualifier or "", "")
    if isinstance(v.value, (int, float)):
        f = float(v.value)
        val = f"{int(f):,}" if f == int(f) else f"{f:g}"
    else:
        val = str(v.value) if v.value is not None else "?"
    unit = "" if date or not v.unit else f" {v.unit}"
    return f"{q}{val}{unit}"


def _group_title(g: Group) -> str:
    parts = [g.key.subject or "(no subject)", g.key.predicate]
    if g.key.event:
        parts.append(g.key.event)
    if g.key.question and not g.key.subject:  # the question words only help tell subjectless groups apart
        parts.append(f"about: {g.key.question}")
    return " / ".join(parts)


def _as_of_label(as_of: str) -> str:
    """'as of X', without doubling a stated 'As of'."""
    return as_of if as_of.lower().startswith("as of") else f"as of {as_of}"


def print_table(report: ReconcileReport, console: "Console | None" = None, limit: int | None = None) -> None:
    """Print the groups (conflicts and explained differences first) with each source's evidence."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    table = Table(title=f"Fact-check: {len(report.articles)} articles, {len(report.groups)} groups, "
                        f"{report.stats.get('conflicts', 0)} conflicts", show_lines=True)
    table.add_column("group", no_wrap=True)
    table.add_column("verdict", min_width=12, overflow="fold")
    table.add_column("claim", ratio=2, overflow="fold")
    table.add_column("article", ratio=2, overflow="fold")
    table.add_column("value", min_width=10, overflow="fold")
    table.add_column("as_of", ratio=2, overflow="fold")
    table.add_column("evidence", ratio=4, overflow="fold")
    style = {"conflict": "bold red", "compatible": "yellow", "equivalent": "cyan", "not_comparable": "magenta",
             "agree": "green", "single_source": "dim"}
    for g in ordered_groups(report)[:limit]:
        date = g.key.predicate == "date"
        verdict = f"[{style[g.verdict]}]{g.verdict}[/]" + (f"\n{g.severity}" if g.verdict == "conflict" else "")
        if g.reasons:
            verdict += "\n" + ", ".join(g.reasons)
        for k, v in enumerate(g.values):
            evidence = _clip(v.text) if v.text else (f"derived: {v.derivation}" if v.derivation else "")
            table.add_row(g.id if k == 0 else "", verdict if k == 0 else "", _group_title(g) if k == 0 else "",
                          v.article, _value_str(v, date), v.as_of or "", evidence, end_section=False)
    console.print(table)
    for f in sorted(report.findings, key=lambda f: (FINDING_ORDER.index(f.type), SEVERITY_ORDER.index(f.severity))):
        console.print(f"[bold]{f.type}[/] ({f.severity}) {', '.join(f.groups[:10])}: {f.message}", markup=True,
                      highlight=False)


_FIGURE = re.compile(r"[$£€¥]?\d")


def _clip(text: str, width: int = 120) -> str:
    """A long evidence sentence cut to ``width`` characters around its first figure.

    >>> _clip("Early on, " + "x" * 200 + " she won 42% of the vote in the end", 40)
    '…xxxxx she won 42% of the vote in the end'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    m = _FIGURE.search(text)
    mid = m.start() if m else 0
    lo = max(0, min(mid - width // 3, len(text) - width))
    hi = lo + width
    return ("…" if lo > 0 else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")


_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;background:#fafafa}
h1{font-size:1.4em} h2{font-size:1.1em;margin:0 0 .3em 0}
.group{border:1px solid #ccc;border-radius:6px;margin:1em 0;padding:.8em;background:#fff}
.conflict{border-left:6px solid #c0392b} .compatible{border-left:6px solid #e1a100}
.equivalent{border-left:6px solid #16a085} .agree{border-left:6px solid #27ae60}
.single_source{border-left:6px solid #999} .not_comparable{border-left:6px solid #8e44ad}
.verdict{font-weight:bold;text-transform:uppercase} .reasons{color:#555;font-size:.9em}
.sources{display:flex;flex-wrap:wrap;gap:.8em} .source{flex:1 1 22em;border:1px solid #ddd;padding:.5em;
border-radius:4px;background:#fcfcfc} .meta{font-size:.85em;color:#555} mark{background:#ffe08a}
.ctx{font-size:.92em;line-height:1.4} .findings li{margin:.3em 0} table{border-collapse:collapse}
td,th{border:1px solid #ddd;padding:.2em .5em;font-size:.9em}
"""


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    lo = 0 if lo < 0 else lo + 1
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return lo, hi


def _evidence_html(v: GroupValue, texts: dict[str, str] | None) -> str:
    """The evidence sentence with the claim highlighted; everything escaped."""
    text = (texts or {}).get(v.article)
    if v.text is None:
        return f"<div class='ctx'><i>derived: {html.escape(v.derivation or '')}</i><br>" + "<br>".join(
            html.escape(t) for t in v.derived_from) + "</div>"
    if text:
        start, end = v.start, v.end
        if start is None or end is None or text[start:end] != v.text:
            pos = text.find(v.text)
            start, end = (pos, pos + len(v.text)) if pos >= 0 else (None, None)
        if start is not None:
            lo, hi = _sentence_bounds(text, start, end)
            return (f"<div class='ctx'>{html.escape(text[lo:start])}<mark>{html.escape(text[start:end])}</mark>"
                    f"{html.escape(text[end:hi])}</div>")
    return f"<div class='ctx'><mark>{html.escape(v.text)}</mark></div>"


def to_html(report: ReconcileReport, texts: dict[str, str] | None = None, title: str = "Fact-check report") -> str:
    """One self-contained HTML page: findings, then each group with its sources side by side."""
    e = html.escape
    out = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{e(title)}</title>"
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{e(title)}</h1><p class='meta'>{len(report.articles)} articles, {len(report.groups)} groups, "
           f"{report.stats.get('conflicts', 0)} conflicts, {len(report.duplicates)} duplicate source cluster(s)</p>"]
    out.append("<h2>Findings</h2><ul class='findings'>")
    for f in sorted(report.findings, key=lambda f: (FINDING_ORDER.index(f.type), SEVERITY_ORDER.index(f.severity))):
        links = " ".join(f"<a href='#{e(g)}'>{e(g)}</a>" for g in f.groups[:20])
        out.append(f"<li class='finding-{e(f.type)}'><b>{e(f.type)}</b> ({e(f.severity)}) {links} "
                   f"{e(f.message)}</li>")
    out.append("</ul>")
    if report.duplicates:
        out.append("<h2>Duplicate sources</h2><ul>")
        for d in report.duplicates:
            out.append(f"<li>{e(', '.join(d.articles))}: {e('; '.join(d.reasons))}</li>")
        out.append("</ul>")
    out.append("<h2>Claim groups</h2>")
    for g in ordered_groups(report):
        date = g.key.predicate == "date"
        out.append(f"<section class='group {e(g.verdict)}' id='{e(g.id)}' data-verdict='{e(g.verdict)}'>")
        out.append(f"<h2>{e(g.id)}: {e(_group_title(g))} &mdash; <span class='verdict'>{e(g.verdict)}</span>"
                   + (f" ({e(g.severity)})" if g.verdict == "conflict" else "") + "</h2>")
        if g.reasons:
            out.append(f"<div class='reasons'>{e(', '.join(g.reasons))}</div>")
        out.append(f"<p>{e(g.explanation)}</p>")
        if g.estimate:
            out.append(f"<p class='meta'>best estimate {e(f'{g.estimate.value:g}')} {e(g.estimate.unit or '')} "
                       f"from {g.estimate.sources} independent sources ({e(g.estimate.method)})</p>")
        if g.estimate_note:
            out.append(f"<p class='meta'>{e(g.estimate_note)}</p>")
        by_article: dict[str, list[GroupValue]] = defaultdict(list)
        for v in g.values:
            by_article[v.article].append(v)
        out.append("<div class='sources'>")
        for article, vals in by_article.items():
            out.append(f"<div class='source'><div class='meta'><b>{e(article)}</b>"
                       + (f" &middot; published {e(vals[0].published)}" if vals[0].published else "")
                       + (f" &middot; source {e(vals[0].source)}" if vals[0].source != article else "") + "</div>")
            for v in vals:
                out.append(f"<div class='meta'>value <b>{e(_value_str(v, date))}</b>"
                           + (f" &middot; {e(_as_of_label(v.as_of))}" if v.as_of else "")
                           + (f" &middot; {e(v.attribution)}" if v.attribution else "") + "</div>")
                out.append(_evidence_html(v, texts))
            out.append("</div>")
        out.append("</div></section>")
    people = [x for x in report.entities if len(x.articles) > 1 or x.attribute_checks]
    if people:
        out.append("<h2>Entities in several articles</h2><table><tr><th>entity</th><th>type</th><th>articles</th>"
                   "<th>attributes</th><th>checks</th></tr>")
        for x in people:
            checks = "; ".join(f"{c.attribute}: {c.verdict}" + (f" ({c.detail})" if c.detail else "")
                               for c in x.attribute_checks)
            out.append(f"<tr><td>{e(x.canonical)}</td><td>{e(x.type)}</td><td>{e(', '.join(x.articles))}</td>"
                       f"<td>{e(json.dumps(x.attributes, ensure_ascii=False))}</td><td>{e(checks)}</td></tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)
