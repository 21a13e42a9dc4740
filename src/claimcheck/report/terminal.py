"""The listing a fact-checker reads in a terminal, drawn with rich.

A header names the sources. Then come the findings that need a reader (conflicts, tensions,
undetermined), and after them the checks that passed. Each disagreement shows its claims side by
side (source and date, the quote with its number marked, the value and its interval, the period),
then the gap, the verdict and the reason. A summary follows: counts per verdict (and, with
``statistics``, per rule and per source pair), stale reviews, and the coverage. Where the output is
not a terminal the same listing comes without colour, so logs and snapshots stay plain text.

Every string from a claim file is given to rich as ``Text``, never as markup: an author named
"Wang [/] Jian" or a quote holding "[link=…]" is printed as written.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from typing import IO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from claimcheck.engine.findings import ACTION_ORDER, VERDICT_STYLES
from claimcheck.report.common import Shown, counts_by_rule, counts_by_source_pair, shown, summary_line, uncompared
from claimcheck.review import Outcome

WIDTH = 100
NUMBER_STYLE = "bold underline"  # a number marked in a quote: no verdict's colour
_HEADINGS = {
    "conflict": "Conflicts: cannot both be true under any reading claimcheck allows",
    "tension": "Tensions: they disagree, but a difference of period, scope or definition could explain it",
    "undetermined": "Undetermined: could not be decided, with the reason",
    "consistent": "Consistent: checks that passed",
}
_STATUS = {"failing": ("NEW", "bold red"), "reviewed": ("reviewed", "green"), "open": ("open", "yellow"),
           "passed": ("passed", "green")}


def finding_renderable(item: Shown) -> RenderableType:
    """One finding: a heading, the message, the claims side by side, the gap and the reason."""
    finding = item.finding
    status, status_style = _STATUS[item.status]
    heading = Text.assemble((f"{finding.code} {finding.name}", "bold"), "  ",
                            (finding.verdict, VERDICT_STYLES[finding.verdict]),
                            f" · confidence {finding.confidence} · ", (status, status_style))
    parts: list[RenderableType] = [heading, Text(finding.message)]
    if item.claims:
        parts.append(_sides_table(item))
    facts = Text()
    if finding.gap_text:
        facts.append("Gap: ", style="bold").append(f"at least {finding.gap_text}\n")
    facts.append("Why: ", style="bold").append(finding.explanation)
    for assumption in finding.assumptions:
        facts.append("\nAssumes: ", style="bold").append(assumption)
    if item.review is not None:
        facts.append("\nReviewed: ", style="bold").append(item.review.label())
    if item.location and not item.claims:
        file, line = item.location
        facts.append("\nWhere: ", style="bold").append(f"{file}:{line}" if line else file)
    facts.append(f"\nfingerprint {finding.fingerprint}", style="dim")
    parts.append(facts)
    return Group(*parts)


def _sides_table(item: Shown) -> Table:
    table = Table(box=box.ROUNDED, show_header=True, header_style="bold", expand=True, padding=(0, 1))
    table.add_column("", style="bold", no_wrap=True, width=8)
    for side in item.claims:
        table.add_column(Text(side.claim_id), ratio=1, overflow="fold")
    table.add_row(Text("Source"), *(Text(s.source_label) for s in item.claims))
    table.add_row(Text("Quote"), *(_quote(s.quote_segments()) if s.quote else Text("(no quote)", style="dim")
                                   for s in item.claims))
    table.add_row(Text("Value"), *(Text(f"{s.value}  →  {s.interval}" if s.value else "") for s in item.claims))
    table.add_row(Text("Period"), *(Text(s.period or "none") for s in item.claims))
    table.add_row(Text("File"), *(Text(f"{s.file}:{s.line}" if s.line else s.file or "", style="dim")
                                  for s in item.claims))
    return table


def _quote(segments: Iterable[tuple[str, bool]]) -> Text:
    text = Text("“")
    for piece, marked in segments:
        text.append(piece, style=NUMBER_STYLE if marked else None)
    return text.append("”")


def header_renderable(outcome: Outcome) -> Group:
    """The sources checked, one line each: id, who and what, when, how many claims, and the file."""
    corpus = outcome.corpus
    per_source: dict[str, int] = {}
    for claim in corpus.claims:
        per_source[claim.source_id] = per_source.get(claim.source_id, 0) + 1
    title = Text(f"claimcheck: {_count(len(corpus.claims), 'claim')} from {_count(len(corpus.sources), 'source')}",
                 style="bold")
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1, overflow="fold")
    table.add_column(no_wrap=True, justify="right")
    for source_id, source in sorted(corpus.sources.items()):
        published = source.published.label(note=False) if source.published else "undated"
        about = " · ".join(part for part in (source.author, source.title, published) if part)
        table.add_row(Text(source_id), Text(about),
                      Text(_count(per_source.get(source_id, 0), "claim")))
    return Group(title, table)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def report_renderables(outcome: Outcome, *, show_consistent: bool = True, show_coverage: bool = False,
                       statistics: bool = False) -> list[RenderableType]:
    items = shown(outcome)
    out: list[RenderableType] = [header_renderable(outcome), Text("")]
    for verdict in ACTION_ORDER:
        of_verdict = [item for item in items if item.finding.verdict == verdict]
        if not of_verdict or (verdict == "consistent" and not show_consistent):
            continue
        out.append(Text(f"{_HEADINGS[verdict]} ({len(of_verdict)})", style=VERDICT_STYLES[verdict]))
        out.append(Text(""))
        for item in of_verdict:
            out.append(finding_renderable(item))
            out.append(Text(""))
    out.extend(summary_renderables(outcome, items, show_coverage=show_coverage, statistics=statistics))
    return out


def summary_renderables(outcome: Outcome, items: list[Shown], *, show_coverage: bool,
                        statistics: bool = False) -> list[RenderableType]:
    counts = outcome.report.counts()
    totals = Table(title="Summary", title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
    totals.add_column("verdict")
    totals.add_column("findings", justify="right")
    totals.add_column("failing", justify="right")
    totals.add_column("reviewed", justify="right")
    for verdict in ACTION_ORDER:
        of_verdict = [i for i in items if i.finding.verdict == verdict]
        totals.add_row(Text(verdict, style=VERDICT_STYLES[verdict]), str(counts[verdict]),
                       str(sum(i.fails for i in of_verdict)), str(sum(i.review is not None for i in of_verdict)))
    out: list[RenderableType] = [totals]
    if statistics:
        out.extend(_statistics(items))
    if outcome.stale:
        stale = Text("Stale reviews: these entries match no finding any more (a claim was edited, or the rule no "
                     "longer fires):", style="bold")
        for entry in outcome.stale:
            stale.append(f"\n  {entry.fingerprint} (line {entry.line}, {entry.verdict}) {entry.finding or ''}",
                         style="not bold")
        out.append(stale)
    alone = uncompared(outcome)
    coverage = Text(f"Coverage: {len(outcome.report.coverage) - len(alone)} claims compared, "
                    f"{len(alone)} compared with nothing", style="bold")
    if show_coverage:
        for cov in alone:
            line = f"\n  {cov.claim_id}: {cov.reason}"
            if cov.possible_matches:
                line += (f"; possible match for measure: {', '.join(cov.possible_matches)} ({cov.match_reason}:"
                         " add an alias if they are one measure)")
            coverage.append(line, style="not bold")
    elif alone:
        coverage.append(" (list them with --coverage)", style="not bold")
    out.append(coverage)
    out.append(Text(summary_line(outcome)))
    return out


def _statistics(items: list[Shown]) -> list[RenderableType]:
    """Counts per rule and per source pair, as ``--statistics`` shows them."""
    pairs = {(a if a == b else f"{a} × {b}"): verdicts for (a, b), verdicts in counts_by_source_pair(items).items()}
    return [_counts_table("By rule", "rule", counts_by_rule(items)), _counts_table("By source pair", "sources", pairs)]


def _counts_table(title: str, what: str, counts: dict[str, Counter[str]]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
    table.add_column(what)
    for verdict in ACTION_ORDER:
        table.add_column(verdict, justify="right")
    for name, verdicts in counts.items():
        table.add_row(Text(name), *(str(verdicts[v]) for v in ACTION_ORDER))
    return table


def plain_console(file: IO[str], *, width: int = WIDTH) -> Console:
    """A console that writes no colour or cursor codes: for files, pipes and snapshots."""
    return Console(file=file, width=width, color_system=None, force_terminal=False, no_color=True,
                   highlight=False, emoji=False, soft_wrap=False)


def render_text(outcome: Outcome, *, width: int = WIDTH, show_consistent: bool = True,
                show_coverage: bool = False, statistics: bool = False) -> str:
    """The listing as plain text at a fixed width."""
    out = io.StringIO()
    print_report(outcome, plain_console(out, width=width), show_consistent=show_consistent,
                 show_coverage=show_coverage, statistics=statistics)
    return _without_trailing_spaces(out.getvalue())


def _without_trailing_spaces(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.split("\n"))


def render_finding_text(item: Shown, *, width: int = WIDTH) -> str:
    out = io.StringIO()
    plain_console(out, width=width).print(finding_renderable(item))
    return _without_trailing_spaces(out.getvalue())


def print_report(outcome: Outcome, console: Console, *, show_consistent: bool = True,
                 show_coverage: bool = False, statistics: bool = False) -> None:
    for renderable in report_renderables(outcome, show_consistent=show_consistent, show_coverage=show_coverage,
                                         statistics=statistics):
        console.print(renderable)


__all__ = ["WIDTH", "finding_renderable", "header_renderable", "plain_console", "print_report",
           "render_finding_text", "render_text"]
