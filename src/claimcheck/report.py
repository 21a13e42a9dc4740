"""Reports from one list of findings: plain text for a terminal, JSON rows for machines."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from typing import Any

from claimcheck.engine import Report
from claimcheck.findings import VERDICTS, Finding
from claimcheck.loader import Corpus

_HEADINGS = {
    "conflict": "Conflicts: cannot both be true under any reading claimcheck allows",
    "tension": "Tensions: they disagree, but a difference of period, scope or definition could explain it",
    "undetermined": "Undetermined: could not be decided, with the reason",
    "consistent": "Consistent: checks that passed",
}
WIDTH = 100


def render_text(report: Report, corpus: Corpus | None = None, *, show_consistent: bool = True,
                show_coverage: bool = False, width: int = WIDTH) -> str:
    out: list[str] = []
    for verdict in VERDICTS:
        findings = report.by_verdict(verdict)
        if not findings or (verdict == "consistent" and not show_consistent):
            continue
        out.append(f"{_HEADINGS[verdict]} ({len(findings)})")
        out.append("=" * min(width, len(out[-1])))
        for finding in findings:
            out.extend(_finding_lines(finding, width))
            out.append("")
    if show_coverage:
        out.extend(_coverage_lines(report, width))
    out.append(summary(report, corpus))
    return "\n".join(out) + "\n"


def _finding_lines(finding: Finding, width: int) -> list[str]:
    wrap = textwrap.TextWrapper(width=width, initial_indent="  ", subsequent_indent="  ")
    more = textwrap.TextWrapper(width=width, initial_indent="    ", subsequent_indent="    ")
    lines = [f"{finding.code} {finding.name}  [{finding.verdict}, confidence {finding.confidence}]"]
    lines.extend(wrap.wrap(finding.message))
    lines.extend(more.wrap("Why: " + finding.explanation))
    for assumption in finding.assumptions:
        lines.extend(more.wrap("Assumes: " + assumption))
    for claim_id in finding.claim_ids:
        quote = finding.quotes.get(claim_id)
        lines.extend(more.wrap(f"{claim_id}: “{quote}”" if quote else claim_id))
    lines.append(f"    fingerprint {finding.fingerprint}")
    return lines


def _coverage_lines(report: Report, width: int) -> list[str]:
    alone = [c for c in report.coverage.values() if not c.compared_with]
    lines = [f"Coverage: {len(report.coverage) - len(alone)} claims compared, {len(alone)} not", "=" * 40]
    for cov in sorted(alone, key=lambda c: c.claim_id):
        line = f"  {cov.claim_id}: {cov.reason}"
        if cov.possible_matches:
            line += f"; possible match for measure: {', '.join(cov.possible_matches)} (add an alias?)"
        lines.extend(textwrap.wrap(line, width=width, subsequent_indent="      "))
    lines.append("")
    return lines


def summary(report: Report, corpus: Corpus | None = None) -> str:
    counts = report.counts()
    parts = ", ".join(f"{counts[v]} {v}" for v in VERDICTS)
    alone = sum(1 for c in report.coverage.values() if not c.compared_with and c.reason != "checked against its own items")
    where = f" from {_count(len(corpus.claims), 'claim')} in {_count(len(corpus.sources), 'source')}" \
        if corpus is not None else ""
    return (f"{_count(len(report.findings), 'finding')}{where}: {parts}; {_count(alone, 'claim')} compared with "
            "nothing (see --coverage).")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def as_rows(report: Report) -> list[dict[str, Any]]:
    """Flat JSON rows, one per finding."""
    return [finding.to_dict() for finding in report.findings]


def render_json(report: Report) -> str:
    payload = {
        "findings": as_rows(report),
        "coverage": [dataclasses.asdict(c) for c in sorted(report.coverage.values(), key=lambda c: c.claim_id)],
        "counts": report.counts(),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


__all__ = ["as_rows", "render_json", "render_text", "summary"]
