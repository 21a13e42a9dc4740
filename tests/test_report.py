"""Every format from one list of findings: each parses, carries the same findings, and marks reviews.

Text and Markdown are pinned as snapshots at a fixed width (tests/snapshots/); set
CLAIMCHECK_UPDATE_SNAPSHOTS=1 to rewrite them, then read the diff before committing it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest

from claimcheck import check, load
from claimcheck.errors import ClaimcheckError
from claimcheck.report.ci import render_github, render_junit, render_sarif
from claimcheck.report.common import highlight_numbers, item_names, shown
from claimcheck.report.data import CSV_COLUMNS, render_csv, render_json, report_schema, spreadsheet_safe
from claimcheck.report.jsonld import claim_reviews, observations, people
from claimcheck.report.markdown import markdown_escape, render_markdown
from claimcheck.report.terminal import render_text
from claimcheck.review import ReviewEntry, outcome, record

ROOT = Path(__file__).parent.parent
CASES = Path(__file__).parent / "data" / "cases"
SNAPSHOTS = Path(__file__).parent / "snapshots"
SCHEMA = report_schema()
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def reviewed_cases(tmp_path, monkeypatch):
    """The engine's test cases, with one conflict confirmed and one tension explained."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CASES, tmp_path / "cases")
    corpus = load("cases")
    report = check(corpus)
    conflict = report.conflicts[0]
    tension = report.by_verdict("tension")[0]
    record("cases/review.yaml", ReviewEntry(fingerprint=conflict.fingerprint, verdict="confirmed", note="known",
                                            reviewer="A. Checker", claims=conflict.claim_ids))
    record("cases/review.yaml", ReviewEntry(fingerprint=tension.fingerprint, verdict="explained",
                                            explanation="different years", claims=tension.claim_ids))
    return outcome(corpus, report, "cases/review.yaml")


def test_json_validates_against_the_published_schema(reviewed_cases):
    payload = json.loads(render_json(reviewed_cases))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(payload)
    assert payload["failing"] == 7 and payload["counts"]["conflict"] == 8
    assert sorted(f["status"] for f in payload["findings"]).count("reviewed") == 2


def test_the_schema_rejects_a_report_missing_a_field(reviewed_cases):
    payload = json.loads(render_json(reviewed_cases))
    del payload["findings"][0]["fingerprint"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload, SCHEMA)


def test_test_names_follow_the_rule_and_the_claims_not_the_verdict(reviewed_cases):
    items = shown(reviewed_cases)
    names = item_names(items)
    assert len(set(names)) == len(names), "every finding has a name of its own"
    for item, name in zip(items, names, strict=True):
        assert item.finding.verdict not in name
        assert name.startswith(f"{item.finding.code} {item.finding.name} [{item.finding.claim_ids[0]}")
    # A changed verdict keeps the name.
    retold = [replace(items[0], finding=_with_verdict(items[0].finding, "tension")), *items[1:]]
    assert item_names(retold) == names


def test_names_that_would_clash_name_more_claims():
    def item(code: str, ids: tuple[str, ...], fingerprint: str) -> SimpleNamespace:
        return SimpleNamespace(finding=SimpleNamespace(code=code, name="quantity.disjoint", claim_ids=ids,
                                                       fingerprint=fingerprint))

    items = [item("CC101", ("a/x", "b/y"), "1" * 16), item("CC101", ("a/x", "c/z"), "2" * 16),
             item("CC101", ("a/w", "b/y", "c/z"), "3" * 16), item("CC101", ("a/x", "b/y"), "4" * 16)]
    assert item_names(items) == [
        "CC101 quantity.disjoint [a/x b/y]", "CC101 quantity.disjoint [a/x c/z]",
        "CC101 quantity.disjoint [a/w …]", "CC101 quantity.disjoint [a/x b/y #44444444]"]


def _with_verdict(finding, verdict):
    copy = object.__new__(type(finding))
    for slot in type(finding).__slots__:
        setattr(copy, slot, getattr(finding, slot))
    copy.verdict = verdict
    return copy


def test_junit_failure_message_is_one_line_with_the_table_in_the_details(reviewed_cases):
    root = ET.fromstring(render_junit(reviewed_cases).encode("utf-8"))
    for failure in root.iter("failure"):
        assert "\n" not in failure.get("message") and "│" not in failure.get("message")
        assert failure.text.startswith(failure.get("message"))


def test_junit_is_xml_with_one_case_per_finding(reviewed_cases):
    root = ET.fromstring(render_junit(reviewed_cases).encode("utf-8"))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == len(reviewed_cases.report.findings)
    assert suite.get("failures") == "7" and len(suite.findall("testcase/failure")) == 7
    assert len(suite.findall("testcase/skipped")) == 2
    skipped = suite.find("testcase/skipped").get("message")
    assert skipped.startswith("reviewed: ")
    failure = suite.find("testcase/failure")
    assert failure.get("type") == "conflict" and "fingerprint" in failure.text
    assert all(case.get("file", "").startswith("cases/") for case in cases)


def test_sarif_validates_against_the_sarif_2_1_0_schema(reviewed_cases):
    log = json.loads(render_sarif(reviewed_cases))
    validator = jsonschema.Draft202012Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(log)] == []
    log["runs"][0]["results"][0]["level"] = "severe"  # the check can fail
    assert list(validator.iter_errors(log))


def test_no_address_points_at_a_placeholder(reviewed_cases):
    for text in (render_sarif(reviewed_cases), render_json(reviewed_cases), json.dumps(SCHEMA)):
        assert "example.org" not in text and "helpUri" not in text


def test_sarif_has_what_github_code_scanning_reads(reviewed_cases):
    log = json.loads(render_sarif(reviewed_cases))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["version"]
    rules = driver["rules"]
    for rule in rules:
        assert rule["id"].startswith("CC") and rule["shortDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run["results"]
    assert len(results) == sum(1 for f in reviewed_cases.report.findings if f.verdict != "consistent")
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        assert result["level"] in ("error", "warning", "note")
        assert len(result["partialFingerprints"]["claimcheckFingerprint/v1"]) == 16
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("cases/") and location["region"]["startLine"] >= 1
    suppressed = [r for r in results if r.get("suppressions")]
    assert len(suppressed) == 2
    assert suppressed[0]["suppressions"][0]["kind"] == "external"


def test_csv_opens_with_the_csv_module(reviewed_cases):
    rows = list(csv.DictReader(io.StringIO(render_csv(reviewed_cases), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert {r["status"] for r in rows} == {"failing", "reviewed", "open", "passed"}
    assert all(r["fingerprint"] and r["verdict"] for r in rows)


def test_csv_has_a_row_for_every_claim_of_every_finding(reviewed_cases):
    rows = list(csv.DictReader(io.StringIO(render_csv(reviewed_cases), newline="")))
    items = shown(reviewed_cases)
    assert len(rows) == sum(max(1, len(item.claims)) for item in items)
    for item in items:
        mine = [r for r in rows if r["fingerprint"] == item.finding.fingerprint]
        assert sorted(r["claim_id"] for r in mine) == sorted(c.claim_id for c in item.claims)
        side_of = {claim: str(n) for n, side in enumerate(item.finding.sides, start=1) for claim in side}
        assert all(r["side"] == side_of.get(r["claim_id"], "") for r in mine)
        assert {r["message"] for r in mine} == {item.finding.message}
    # Claims that agree share a side: alpha's and beta's 2022 shares against the others.
    three_sides = next(item for item in items if len(item.finding.sides) == 3)
    shared = [r for r in rows if r["fingerprint"] == three_sides.finding.fingerprint and r["side"] == "2"]
    assert {r["claim_id"] for r in shared} == {"alpha/share-2022", "beta/new-share"}


def test_spreadsheet_formulas_are_made_inert():
    assert spreadsheet_safe("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    for lead in "+-@\t\r":
        assert spreadsheet_safe(lead + "x").startswith("'")
    assert spreadsheet_safe("41.9%") == "41.9%"


def test_github_annotations_are_one_line_each(reviewed_cases):
    lines = render_github(reviewed_cases).splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert lines[-1].startswith("::notice title=claimcheck::")


def test_github_annotations_come_most_severe_first_and_stop_where_github_stops(reviewed_cases):
    lines = render_github(reviewed_cases).splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds == sorted(kinds, key=["::error", "::warning", "::notice"].index), "errors, then warnings, then notices"
    for kind in ("::error", "::warning", "::notice"):
        assert kinds.count(kind) <= 10, f"GitHub would hide the {kind} annotations past ten"
    # The failing findings name more claims between them than GitHub shows: ten error annotations are shown.
    failing_claims = sum(len(item.claims) for item in shown(reviewed_cases) if item.fails)
    assert failing_claims > 10 and kinds.count("::error") == 10
    assert f"more annotations not shown ({failing_claims - 10} errors" in lines[-2]


def test_github_annotates_every_claim_of_a_finding(reviewed_cases):
    item = next(i for i in shown(reviewed_cases) if i.fails and len(i.claims) == 2)
    text = render_github(reviewed_cases)
    for side in item.claims:
        assert f"file={side.file},line={side.line},title={item.finding.code}" in text


def test_markdown_escapes_links_tags_and_tables():
    hostile = "<script>alert(1)</script> [click](javascript:alert(1)) | =cmd *bold*"
    escaped = markdown_escape(hostile)
    assert "<" not in escaped and "&lt;script&gt;" in escaped
    assert not re.search(r"(?<!\\)[\[\]|*]", escaped), "an unescaped bracket, pipe or star is left"
    assert markdown_escape("- a bullet") == "\\- a bullet" and markdown_escape("12. a list") == "12\\. a list"
    assert markdown_escape("41.9% of trade") == "41.9% of trade"


def test_the_value_is_marked_where_it_stands_even_when_case_folding_changes_lengths():
    # 'İ'.lower() is two characters: offsets found in a lowered copy would mark 'of th'.
    text = "İİİİİ trade reached 41.9% of the total"
    assert [piece for piece, marked in highlight_numbers(text, "41.9%") if marked] == ["41.9%"]
    assert [piece for piece, marked in highlight_numbers("İİ OVER 60% of it", "over 60%") if marked] == ["OVER 60%"]


def test_numbers_in_quotes_are_marked():
    assert highlight_numbers("accounting for 41.9% of its total trade", "41.9%") == [
        ("accounting for ", False), ("41.9%", True), (" of its total trade", False)]
    marked = [t for t, m in highlight_numbers("reached $2.64 trillion in 2022") if m]
    assert marked == ["$2.64 trillion", "2022"]


def test_json_ld_export(reviewed_cases):
    with pytest.raises(ClaimcheckError, match="needs the address of the page"):
        claim_reviews(reviewed_cases)
    with pytest.raises(ClaimcheckError, match=r"1 entry of cases/review.yaml has no 'reviewer' \(line \d+\)"):
        claim_reviews(reviewed_cases, url="https://checks.example.org/trade")
    unsigned = next(e for e in reviewed_cases.reviews.entries.values() if not e.reviewer)
    record("cases/review.yaml", unsigned.model_copy(update={"reviewer": "B. Checker", "line": None}))
    signed = outcome(reviewed_cases.corpus, reviewed_cases.report, "cases/review.yaml")
    reviews = claim_reviews(signed, url="https://checks.example.org/trade")
    assert len(reviews) == 2
    assert all(r["@type"] == "ClaimReview" and r["@context"] == "https://schema.org" for r in reviews)
    assert {r["reviewRating"]["alternateName"] for r in reviews} == {"Documents disagree", "Disagreement explained"}
    assert {r["author"]["name"] for r in reviews} == {"A. Checker", "B. Checker"}
    assert all(r["url"] == f"https://checks.example.org/trade#f-{r['identifier']}" for r in reviews)
    found = observations(reviewed_cases)
    assert len(found) == sum(1 for c in reviewed_cases.corpus.claims if c.value is not None)
    first = found[0]
    assert first["@type"] == "Observation" and first["value"]["@type"] == "QuantitativeValue"
    assert first["value"]["minValue"] <= first["value"]["maxValue"]


# --- snapshots ----------------------------------------------------------------------------------


def _snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("CLAIMCHECK_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


@pytest.fixture
def seed(monkeypatch):
    monkeypatch.chdir(ROOT)
    corpus = load("claims")
    return outcome(corpus, check(corpus), "claims/review.yaml")


def test_text_listing_snapshot(seed):
    _snapshot("seed.txt", render_text(seed, width=100, show_coverage=True))


def test_markdown_snapshot(seed):
    _snapshot("seed.md", render_markdown(seed))


def test_claimreview_names_each_author_apart():
    assert people("Liu Changxi, Hu Shaoyu") == ["Liu Changxi", "Hu Shaoyu"]
    assert people("Wang Jian") == ["Wang Jian"]
    assert people("Smith, John") == ["Smith, John"]  # a surname first is one person
    assert people("A. Author and B. Author; C. Author") == ["A. Author", "B. Author", "C. Author"]
    assert people("") == [] and people(None) == []


def test_claimreview_lists_two_authors_as_two_people(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    corpus = load("claims")
    report = check(corpus)
    headline = next(f for f in report.findings if f.code == "CC101")
    review = tmp_path / "review.yaml"
    record(review, ReviewEntry(fingerprint=headline.fingerprint, verdict="explained", reviewer="A. Checker",
                               explanation="different neighbourhoods"))
    (node,) = claim_reviews(outcome(corpus, report, review), url="https://checks.example.org/p")
    authors = {a["name"] for work in node["itemReviewed"]["appearance"] for a in work["author"]}
    assert authors == {"Liu Changxi", "Hu Shaoyu", "Wang Jian"}
