"""The reports for machines and spreadsheets: JSON (its schema ships beside this module) and CSV, safe to open
in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from typing import Any

from claimcheck import __version__
from claimcheck.report.common import Shown, ShownClaim, shown
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
                    "period": s.period, "file": s.file, "line": s.line} for s in item.claims],
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
                      "possible_matches": list(c.possible_matches), "match_reason": c.match_reason}
                     for c in sorted(outcome.report.coverage.values(), key=lambda c: c.claim_id)],
    }
    # No indentation: the standard library encodes indented JSON in pure Python, ten times slower.
    return json.dumps(payload, ensure_ascii=False) + "\n"


# --- CSV ----------------------------------------------------------------------------------------

CSV_COLUMNS = ("fingerprint", "code", "name", "verdict", "confidence", "status", "review", "side", "claim_id", "source",
               "quote", "value", "interval", "period", "file", "line", "message", "gap", "explanation")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: a leading = + - @ tab or return gets a quote mark."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def render_csv(outcome: Outcome) -> str:
    """One row for every claim of every finding, numbered by the side it is on (empty for a claim on no
    side, such as one that fits every side); a finding with no claim (a problem in a file) has one row
    with the claim's cells empty. Rows of one finding share its cells."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in shown(outcome):
        finding = item.finding
        head = [finding.fingerprint, finding.code, finding.name, finding.verdict, finding.confidence, item.status,
                item.review.label() if item.review else ""]
        tail = [finding.message, finding.gap_text or "", finding.explanation]
        sides: list[tuple[str, ShownClaim | None]] = [
            (str(number), claim) for number, side in enumerate(item.sides, start=1) for claim in side]
        on_a_side = {claim.claim_id for _, claim in sides if claim is not None}
        sides += [("", claim) for claim in item.claims if claim.claim_id not in on_a_side]
        sides = sides or [("", None)]
        for number, claim in sides:
            writer.writerow([spreadsheet_safe(str(cell)) for cell in (*head, number, *_claim_cells(claim), *tail)])
    return out.getvalue()


def _claim_cells(claim: ShownClaim | None) -> list[str]:
    if claim is None:
        return [""] * 8
    return [claim.claim_id, claim.source_id, claim.quote or "", claim.value or "", claim.interval or "",
            claim.period or "", claim.file or "", str(claim.line or "")]


__all__ = ["CSV_COLUMNS", "REPORT_SCHEMA_VERSION", "finding_record", "render_csv", "render_json", "report_schema",
           "spreadsheet_safe"]
