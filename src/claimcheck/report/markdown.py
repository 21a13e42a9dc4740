"""The Markdown report: a summary and each finding that needs a reader, fit for a pull-request comment.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimcheck.engine.findings import ACTION_ORDER
from claimcheck.report.common import Shown, ShownClaim, shown, summary_line, uncompared
from claimcheck.review import Outcome

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


def _escaped_line_start(match: re.Match[str]) -> str:
    mark = str(match.group(2))
    return str(match.group(1)) + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)


def _md_quote(side: ShownClaim) -> str:
    pieces = [(markdown_escape(t), marked) for t, marked in side.quote_segments()]
    return " ".join(f"**{t}**" if marked else t for t, marked in pieces if t)


def render_markdown(outcome: Outcome, *, show_consistent: bool = False) -> str:
    """A report fit for a pull-request comment: the summary, then each finding that needs a reader."""
    items = shown(outcome)
    counts = outcome.report.counts()
    lines = ["## claimcheck", "", markdown_escape(summary_line(outcome)), "",
             "| verdict | findings | failing | reviewed |", "|---|---:|---:|---:|"]
    for verdict in ACTION_ORDER:
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
    if item.claims:
        lines.append("| | " + " | ".join(f"`{s.claim_id}`" for s in item.claims) + " |")
        lines.append("|---|" + "---|" * len(item.claims))
        rows: list[tuple[str, Callable[[ShownClaim], str]]] = [
                ("Source", lambda s: markdown_escape(s.source_label)),
                ("Quote", lambda s: _md_quote(s) if s.quote else ""),
                ("Value", lambda s: markdown_escape(f"{s.value} → {s.interval}") if s.value else ""),
                ("Period", lambda s: markdown_escape(s.period or "none"))]
        for label, cell in rows:
            lines.append(f"| {label} | " + " | ".join(cell(s) for s in item.claims) + " |")
        lines.append("")
    facts = []
    if finding.gap_text:
        facts.append(f"**Gap:** at least {markdown_escape(finding.gap_text)}.")
    facts.append(f"**Why:** {markdown_escape(finding.explanation)}")
    lines += [" ".join(facts), "", f"<sub>fingerprint `{finding.fingerprint}` · confidence {finding.confidence}</sub>",
              ""]
    return lines


__all__ = ["RULES_DOC", "VERDICT_MARKS", "markdown_escape", "render_markdown"]
