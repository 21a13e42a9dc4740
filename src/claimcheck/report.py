"""Reports from one list of findings. This module holds what every format shows, and the formats
for people and spreadsheets that need no markup library: JSON, CSV and Markdown.

``shown(outcome)`` turns each finding into a ``Shown``: the finding, each claim as a ``Side``
(source, date, quote, value, interval, period, file and line), its review and whether it fails
the run. Every renderer reads those, so the formats cannot disagree.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck import __version__
from claimcheck.findings import VERDICTS, Finding
from claimcheck.review import Outcome, ReviewEntry

REPORT_SCHEMA_VERSION = 1
SCHEMA_URL = "https://claimcheck.example.org/schema/report-v1.json"


@dataclass(frozen=True)
class Side:
    """One claim of a finding, with what a reader needs beside it."""

    claim_id: str
    source_id: str
    source_title: str | None
    source_author: str | None
    published: str | None
    quote: str | None
    value: str | None
    interval: str | None
    period: str | None
    file: str | None
    line: int | None

    @property
    def source_label(self) -> str:
        """'Wang Jian (2025)': the author where known, else the title, else the id."""
        who = self.source_author or self.source_title or self.source_id
        return f"{who} ({self.published})" if self.published else who

    def quote_segments(self) -> list[tuple[str, bool]]:
        """The quote cut into (text, is_number) pieces, so every format can highlight the numbers."""
        return highlight_numbers(self.quote or "", self.value)


@dataclass(frozen=True)
class Shown:
    """A finding as every report shows it."""

    finding: Finding
    sides: tuple[Side, ...]
    review: ReviewEntry | None
    fails: bool
    location: tuple[str, int | None] | None

    @property
    def status(self) -> str:
        """failing (new, at or above the fail level), reviewed, open (below it) or passed (consistent)."""
        if self.review is not None:
            return "reviewed"
        if self.fails:
            return "failing"
        return "passed" if self.finding.verdict == "consistent" else "open"

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({side.source_id for side in self.sides}))


def shown(outcome: Outcome) -> list[Shown]:
    corpus = outcome.corpus
    files = {source_id: display_path(path) for source_id, path in corpus.files.items()}
    sides_by_claim: dict[str, Side] = {}
    out = []
    for finding in outcome.report.findings:
        found = []
        for row in sorted(finding.rows, key=lambda r: r.gid):
            side = sides_by_claim.get(row.gid)
            if side is None:
                side = sides_by_claim[row.gid] = _side(row.claim, corpus, files)
            found.append(side)
        sides = tuple(found)
        if finding.location is not None:
            location: tuple[str, int | None] | None = finding.location
        elif sides and sides[0].file:
            location = (sides[0].file, sides[0].line)
        else:
            location = None
        out.append(Shown(finding, sides, outcome.review_of(finding), outcome.fails(finding), location))
    return out


def _side(claim, corpus, files: dict[str, str]) -> Side:
    source = corpus.sources.get(claim.source_id)
    file = files.get(claim.source_id)
    value = claim.value
    return Side(
        claim_id=claim.global_id, source_id=claim.source_id,
        source_title=source.title if source else None, source_author=source.author if source else None,
        published=source.published.label(note=False) if source and source.published else None,
        quote=claim.quote, value=value.text if value else None, interval=value.interval_text() if value else None,
        period=claim.period.label() if claim.period else (claim.date.label() if claim.date else None),
        file=file, line=claim.line,
    )


def display_path(path: Path) -> str:
    """A path relative to the working folder where it lies under it, so reports and SARIF name repo files."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


_NUMBERISH = re.compile(r"(?<![\w.])(?:US\$|\$|€|£|¥)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per ?cent|percent))?"
                        r"(?:\s(?:thousand|million|billion|trillion))?(?![\w])", re.IGNORECASE)


def highlight_numbers(text: str, value_text: str | None = None) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, with the value as written (or else every number) marked."""
    if value_text:
        at = text.lower().find(value_text.lower())
        if at >= 0:
            end = at + len(value_text)
            return [piece for piece in ((text[:at], False), (text[at:end], True), (text[end:], False)) if piece[0]]
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in _NUMBERISH.finditer(text):
        if match.start() > last:
            pieces.append((text[last:match.start()], False))
        pieces.append((match.group(), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


# --- summaries ----------------------------------------------------------------------------------


def counts_by_source_pair(items: list[Shown]) -> dict[tuple[str, str], Counter]:
    """For each pair of sources (a source with itself for one-source findings), the verdicts between them."""
    pairs: dict[tuple[str, str], Counter] = {}
    for item in items:
        sources = item.sources
        if not sources:
            continue
        pair = (sources[0], sources[-1]) if len(sources) <= 2 else (sources[0], "+".join(sources[1:]))
        pairs.setdefault(pair, Counter())[item.finding.verdict] += 1
    return dict(sorted(pairs.items()))


def uncompared(outcome: Outcome) -> list:
    """Coverage of the claims compared with nothing, by id."""
    return sorted((c for c in outcome.report.coverage.values()
                   if not c.compared_with and c.reason != "checked against its own items"),
                  key=lambda c: c.claim_id)


def summary_line(outcome: Outcome) -> str:
    """'11 findings from 58 claims in 2 sources: 0 conflict, 2 tension, ...; 0 failing, 1 reviewed.'"""
    counts = outcome.report.counts()
    corpus = outcome.corpus
    parts = ", ".join(f"{counts[v]} {v}" for v in VERDICTS)
    stale = f", {_count(len(outcome.stale), 'stale review')}" if outcome.stale else ""
    return (f"{_count(len(outcome.report.findings), 'finding')} from {_count(len(corpus.claims), 'claim')} in "
            f"{_count(len(corpus.sources), 'source')}: {parts}; {len(outcome.failing)} failing at "
            f"--fail-on {outcome.fail_on}, {len(outcome.reviewed)} reviewed{stale}.")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# --- JSON ---------------------------------------------------------------------------------------


def finding_record(item: Shown) -> dict[str, Any]:
    """One finding as a JSON object (docs/report.schema.json, ``findings`` items)."""
    finding = item.finding
    review = item.review
    return {
        **finding.to_dict(),
        "status": item.status,
        "review": None if review is None else {
            "verdict": review.verdict, "explanation": review.explanation, "reason": review.reason,
            "note": review.note, "reviewer": review.reviewer,
            "date": review.date.isoformat() if review.date else None},
        "location": None if item.location is None else {"file": item.location[0], "line": item.location[1]},
        "claims": [{"id": s.claim_id, "source": s.source_id, "source_title": s.source_title,
                    "source_author": s.source_author,
                    "published": s.published, "quote": s.quote, "value": s.value, "interval": s.interval,
                    "period": s.period, "file": s.file, "line": s.line} for s in item.sides],
    }


def render_json(outcome: Outcome) -> str:
    items = shown(outcome)
    payload = {
        "$schema": SCHEMA_URL,
        "schema_version": REPORT_SCHEMA_VERSION,
        "claimcheck": __version__,
        "fail_on": outcome.fail_on,
        "counts": outcome.report.counts(),
        "failing": sum(1 for item in items if item.fails),
        "findings": [finding_record(item) for item in items],
        "stale_reviews": [{"fingerprint": e.fingerprint, "verdict": e.verdict, "line": e.line,
                           "finding": e.finding, "claims": list(e.claims)} for e in outcome.stale],
        "coverage": [{"claim_id": c.claim_id, "compared_with": list(c.compared_with),
                      "compared_count": c.compared_count, "reason": c.reason,
                      "possible_matches": list(c.possible_matches)}
                     for c in sorted(outcome.report.coverage.values(), key=lambda c: c.claim_id)],
    }
    # No indentation: the standard library encodes indented JSON in pure Python, ten times slower.
    return json.dumps(payload, ensure_ascii=False) + "\n"


# --- CSV ----------------------------------------------------------------------------------------

CSV_COLUMNS = ("fingerprint", "code", "name", "verdict", "confidence", "status", "review", "claim_ids", "sources",
               "message", "gap", "a_claim", "a_quote", "a_interval", "a_period", "b_claim", "b_quote",
               "b_interval", "b_period", "explanation")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: a leading = + - @ tab or return gets a quote mark."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def render_csv(outcome: Outcome) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in shown(outcome):
        finding = item.finding
        a = item.sides[0] if item.sides else None
        b = item.sides[1] if len(item.sides) > 1 else None
        row = [finding.fingerprint, finding.code, finding.name, finding.verdict, finding.confidence, item.status,
               item.review.label() if item.review else "", " ".join(finding.claim_ids), " ".join(item.sources),
               finding.message, finding.gap_text or "",
               *(_side_cells(a)), *(_side_cells(b)), finding.explanation]
        writer.writerow([spreadsheet_safe(str(cell)) for cell in row])
    return out.getvalue()


def _side_cells(side: Side | None) -> list[str]:
    if side is None:
        return ["", "", "", ""]
    return [side.claim_id, side.quote or "", side.interval or "", side.period or ""]


# --- Markdown -----------------------------------------------------------------------------------

VERDICT_MARKS = {"conflict": "🔴", "tension": "🟠", "undetermined": "⚪", "consistent": "🟢"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(?=\s|$)")
RULES_DOC = "docs/rules.md"


def markdown_escape(text: str) -> str:
    """Text that Markdown shows as written, on one line: no links, tags, emphasis, headings or table breaks.

    Brackets are escaped, so no link can form; angle brackets become entities, so no tag or
    autolink can; a heading, list or quote mark at the start is escaped; spaces are kept at the edges.
    """
    text = re.sub(r"\s+", " ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _MARKDOWN_LINE_START.sub(_escaped_line_start, text.strip())


def _escaped_line_start(match: re.Match) -> str:
    mark = match.group(2)
    return match.group(1) + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)


def _md_quote(side: Side) -> str:
    pieces = [(markdown_escape(t), marked) for t, marked in side.quote_segments()]
    return " ".join(f"**{t}**" if marked else t for t, marked in pieces if t)


def render_markdown(outcome: Outcome, *, show_consistent: bool = False) -> str:
    """A report fit for a pull-request comment: the summary, then each finding that needs a reader."""
    items = shown(outcome)
    counts = outcome.report.counts()
    lines = ["## claimcheck", "", markdown_escape(summary_line(outcome)), "",
             "| verdict | findings | failing | reviewed |", "|---|---:|---:|---:|"]
    for verdict in VERDICTS:
        of_verdict = [i for i in items if i.finding.verdict == verdict]
        lines.append(f"| {VERDICT_MARKS[verdict]} {verdict} | {counts[verdict]} | "
                     f"{sum(i.fails for i in of_verdict)} | {sum(i.review is not None for i in of_verdict)} |")
    lines.append("")
    for item in items:
        if item.finding.verdict == "consistent" and not show_consistent:
            continue
        lines.extend(_markdown_finding(item))
    if outcome.stale:
        lines += ["### Stale reviews", "", "These review entries match no finding any more (a claim was edited, or "
                  "the rule no longer fires):", ""]
        lines += [f"- `{e.fingerprint}` ({markdown_escape(e.verdict)}, line {e.line}) "
                  f"{markdown_escape(e.finding or '')}" for e in outcome.stale]
        lines.append("")
    alone = uncompared(outcome)
    if alone:
        lines += ["<details><summary>Coverage: " + f"{len(alone)} claims compared with nothing</summary>", ""]
        lines += [f"- `{c.claim_id}`: {markdown_escape(c.reason or '')}" for c in alone]
        lines += ["", "</details>", ""]
    return "\n".join(lines)


def _markdown_finding(item: Shown) -> list[str]:
    finding = item.finding
    status = {"failing": "**new**", "reviewed": f"reviewed: {markdown_escape(item.review.label())}" if item.review
              else "", "open": "open", "passed": "passed"}[item.status]
    lines = [f"### {VERDICT_MARKS[finding.verdict]} {finding.verdict}: [{finding.code} {finding.name}]"
             f"({RULES_DOC}#{finding.code.lower()}) · {status}", "",
             markdown_escape(finding.message), ""]
    if item.sides:
        lines.append("| | " + " | ".join(f"`{s.claim_id}`" for s in item.sides) + " |")
        lines.append("|---|" + "---|" * len(item.sides))
        rows = [("Source", lambda s: markdown_escape(s.source_label)),
                ("Quote", lambda s: _md_quote(s) if s.quote else ""),
                ("Value", lambda s: markdown_escape(f"{s.value} → {s.interval}") if s.value else ""),
                ("Period", lambda s: markdown_escape(s.period or "none"))]
        for label, cell in rows:
            lines.append(f"| {label} | " + " | ".join(cell(s) for s in item.sides) + " |")
        lines.append("")
    facts = []
    if finding.gap_text:
        facts.append(f"**Gap:** at least {markdown_escape(finding.gap_text)}.")
    facts.append(f"**Why:** {markdown_escape(finding.explanation)}")
    lines += [" ".join(facts), "", f"<sub>fingerprint `{finding.fingerprint}` · confidence {finding.confidence}</sub>",
              ""]
    return lines


__all__ = ["CSV_COLUMNS", "REPORT_SCHEMA_VERSION", "Shown", "Side", "counts_by_source_pair", "display_path",
           "finding_record", "highlight_numbers", "markdown_escape", "render_csv", "render_json", "render_markdown",
           "shown", "spreadsheet_safe", "summary_line", "uncompared"]
