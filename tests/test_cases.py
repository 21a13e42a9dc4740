"""The engine's cases: one hand-made claims folder per way of comparing in time, each with what it must give.

Each folder under tests/data/engine/ is a claims folder written in the style of news and reference
pages, with an ``expected.txt`` (YAML) listing every finding the check must give (code, verdict and
sides, and where it matters what a tension rests on) and, for some claims, why they were compared
with nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck import check, load

ENGINE = Path(__file__).parent / "data" / "engine"
CASES = sorted(folder for folder in ENGINE.iterdir() if (folder / "expected.txt").exists())


def expected(folder: Path) -> dict:
    return yaml.safe_load((folder / "expected.txt").read_text(encoding="utf-8"))


def found(report) -> set[tuple]:
    return {(f.code, f.verdict, f.sides) for f in report.findings if not f.code.startswith("CC9")}


@pytest.mark.parametrize("folder", CASES, ids=lambda folder: folder.name)
def test_a_case_gives_exactly_its_findings(folder):
    want = expected(folder)
    report = check(load(folder))
    assert found(report) == {(f["code"], f["verdict"], tuple(tuple(side) for side in f["sides"]))
                             for f in want["findings"]}
    by_sides = {(f.code, f.sides): f for f in report.findings}
    for f in want["findings"]:
        if "explained_by" in f:
            finding = by_sides[(f["code"], tuple(tuple(side) for side in f["sides"]))]
            assert list(finding.explained_by) == f["explained_by"], finding.explanation
        for words in f.get("says", []):
            finding = by_sides[(f["code"], tuple(tuple(side) for side in f["sides"]))]
            assert words in finding.message + " " + finding.explanation, finding.explanation


@pytest.mark.parametrize("folder", CASES, ids=lambda folder: folder.name)
def test_a_case_says_why_claims_were_not_compared(folder):
    report = check(load(folder))
    for claim, reason in (expected(folder).get("coverage") or {}).items():
        assert reason in report.coverage[claim].reason, report.coverage[claim].reason


def test_every_case_folder_has_its_expectations():
    assert {folder.name for folder in ENGINE.iterdir() if folder.is_dir()} == {folder.name for folder in CASES}
