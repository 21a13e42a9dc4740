"""The reports for machines and spreadsheets: JSON (its schema ships beside this module) and CSV, safe to open
in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from typing import Any

from claimcheck import __version__
from claimcheck.report.common import Shown, Side, shown
from claimcheck.review import Outcome

REPORT_SCHEMA_VERSION = 1
SCHEMA_FILE = "report.schema.json"  # in this package; no address on the web is promised


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of what ``render_json`` writes."""
    schema: dict[str, Any] = json.loads(resources.files("claimcheck.report").joinpath(SCHEMA_FILE)
                                        .read_text(encoding="utf-8"))
    return schema


# --- JSON ---------------------------------------------------------------------------------------


def finding_record(item: Shown) -> dict[str, Any]:
    """One finding as a JSON object (``report_schema()``, ``findings`` items)."""
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


__all__ = ["CSV_COLUMNS", "REPORT_SCHEMA_VERSION", "finding_record", "render_csv", "render_json", "report_schema",
           "spreadsheet_safe"]
