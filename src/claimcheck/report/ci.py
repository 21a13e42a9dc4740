"""Reports for CI systems: JUnit XML, SARIF 2.1.0 for code scanning, and GitHub workflow annotations.

All three read the same ``Shown`` findings as the other reports. A finding that fails the run is
a failure (JUnit), an unsuppressed result (SARIF) or an error annotation (GitHub); a reviewed one
is skipped, suppressed, or a notice. A test case is named by its rule and what it is about, never
by its verdict (``common.item_names``), so that CI history follows a finding whose verdict changes.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from claimcheck import __version__
from claimcheck.engine.rules import RULES, Rule
from claimcheck.report.common import Shown, item_names, shown, summary_line
from claimcheck.review import Outcome

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"conflict": "error", "tension": "warning", "undetermined": "note", "consistent": "none"}


_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: characters it forbids (most control characters) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


# --- JUnit --------------------------------------------------------------------------------------


def render_junit(outcome: Outcome) -> str:
    """One test case per finding; those that fail the run fail, reviewed ones are skipped with their verdict."""
    items = shown(outcome)
    failures = sum(1 for item in items if item.fails)
    skipped = sum(1 for item in items if item.review is not None)
    suites = ET.Element("testsuites", name="claimcheck", tests=str(len(items)), failures=str(failures),
                        errors="0", skipped=str(skipped))
    suite = ET.SubElement(suites, "testsuite", name="claimcheck", tests=str(len(items)), failures=str(failures),
                          errors="0", skipped=str(skipped))
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="fail_on", value=outcome.fail_on)
    for item, name in zip(items, item_names(items), strict=True):
        finding = item.finding
        case = ET.SubElement(suite, "testcase", classname=f"claimcheck.{finding.code}", name=xml_text(name),
                             time="0")
        if item.location:
            case.set("file", xml_text(item.location[0]))
            if item.location[1]:
                case.set("line", str(item.location[1]))
        if item.fails:
            failure = ET.SubElement(case, "failure", message=xml_text(finding.message), type=finding.verdict)
            failure.text = xml_text(_details(item))
        elif item.review is not None:
            ET.SubElement(case, "skipped", message=xml_text(f"reviewed: {item.review.label()}"))
        else:
            out = ET.SubElement(case, "system-out")
            out.text = xml_text(_details(item))
    ET.SubElement(suite, "system-out").text = summary_line(outcome)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _details(item: Shown) -> str:
    finding = item.finding
    lines = [finding.message, ""]
    for side in item.claims:
        lines.append(f"{side.claim_id} ({side.source_label}): “{side.quote or ''}” "
                     f"{side.value or ''} → {side.interval or ''}; period {side.period or 'none'}")
    if finding.gap_text:
        lines.append(f"Gap: at least {finding.gap_text}")
    lines += [f"Why: {finding.explanation}", f"fingerprint {finding.fingerprint}"]
    return "\n".join(lines)


# --- SARIF --------------------------------------------------------------------------------------


def render_sarif(outcome: Outcome) -> str:
    """SARIF 2.1.0, as GitHub code scanning reads it: rules, results with locations and fingerprints."""
    items = [item for item in shown(outcome) if item.finding.verdict != "consistent"]
    codes = sorted({item.finding.code for item in items} | {c for c in RULES if not c.startswith("CC9")})
    index = {code: i for i, code in enumerate(codes)}
    rules = [_rule_descriptor(RULES[code]) for code in codes]
    results = [_result(item, index[item.finding.code]) for item in items]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "claimcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": rules}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc.split("\n\n")[0] if rule.doc else rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": "error" if rule.code < "CC900" else "warning"},
        "properties": {"tags": ["claimcheck", rule.name.split(".")[0]]},
    }


def _result(item: Shown, rule_index: int) -> dict[str, Any]:
    finding = item.finding
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.verdict],
        "message": {"text": f"{finding.message} {finding.explanation}"},
        "partialFingerprints": {"claimcheckFingerprint/v1": finding.fingerprint},
        "properties": {"verdict": finding.verdict, "confidence": finding.confidence,
                       "claims": list(finding.claim_ids)},
    }
    locations = []
    for side in item.claims or ():
        if side.file:
            locations.append(_location(side.file, side.line, f"{side.claim_id}: {side.quote or ''}"))
    if not locations and item.location:
        locations.append(_location(item.location[0], item.location[1], finding.message))
    if locations:
        result["locations"] = locations[:1]
        if len(locations) > 1:
            result["relatedLocations"] = [{**loc, "id": i} for i, loc in enumerate(locations[1:], start=1)]
    if item.review is not None:
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": item.review.label()}]
    return result


def _location(file: str, line: int | None, text: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": file}}
    if line:
        physical["region"] = {"startLine": line}
    return {"physicalLocation": physical, "message": {"text": text}}


# --- GitHub annotations -------------------------------------------------------------------------


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


GITHUB_SHOWN_PER_KIND = 10  # annotations of each kind (error, warning, notice) GitHub shows for one step
_SEVERITY = ("error", "warning", "notice")


def render_github(outcome: Outcome) -> str:
    """Workflow commands: an annotation on the line of every claim of each finding that needs a reader.

    GitHub shows only the first ten annotations of each kind in a step, so the most severe come
    first, and one closing line says how many more there are; the summary closes the output. The
    two closing notices count among the ten notices.
    """
    found: dict[str, list[str]] = {kind: [] for kind in _SEVERITY}
    for item in shown(outcome):
        finding = item.finding
        if finding.verdict == "consistent":
            continue
        kind = "error" if item.fails else ("notice" if item.review is not None or finding.verdict == "undetermined"
                                           else "warning")
        title = _property(f"{finding.code} {finding.name} ({finding.verdict})")
        message = _data(finding.message + (f" Reviewed: {item.review.label()}." if item.review else "") +
                        f" [fingerprint {finding.fingerprint}]")
        places: list[tuple[str | None, int | None]] = [(c.file, c.line) for c in item.claims if c.file] or \
            ([item.location] if item.location else [(None, None)])
        for file, line in dict.fromkeys(places):
            where = (f"file={_property(file)}," if file else "") + (f"line={line}," if file and line else "")
            found[kind].append(f"::{kind} {where}title={title}::{message}")
    room = {"error": GITHUB_SHOWN_PER_KIND, "warning": GITHUB_SHOWN_PER_KIND, "notice": GITHUB_SHOWN_PER_KIND - 2}
    lines = [line for kind in _SEVERITY for line in found[kind][:room[kind]]]
    left = {kind: len(found[kind]) - room[kind] for kind in _SEVERITY if len(found[kind]) > room[kind]}
    if left:
        counts = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in left.items())
        lines.append(f"::notice title=claimcheck::{_data(f'{sum(left.values())} more annotations not shown ({counts}): GitHub shows {GITHUB_SHOWN_PER_KIND} of each kind per step. The full list is in the SARIF or HTML report.')}")
    lines.append(f"::notice title=claimcheck::{_data(summary_line(outcome))}")
    return "\n".join(lines) + "\n"


__all__ = ["render_github", "render_junit", "render_sarif"]
