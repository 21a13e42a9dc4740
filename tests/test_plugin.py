"""The pytest plugin, run in a pytester sandbox: claim folders as tests, one item per finding."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from claimcheck import check, load
from claimcheck.review import ReviewEntry, record

pytest_plugins = ["pytester"]

CASES = Path(__file__).parent / "data" / "cases"


@pytest.fixture
def claims(pytester) -> Path:
    folder = pytester.path / "claims"
    shutil.copytree(CASES, folder)
    return folder


def test_off_unless_asked(pytester, claims):
    result = pytester.runpytest("claims")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_unreviewed_conflicts_fail_and_read_like_the_listing(pytester, claims):
    result = pytester.runpytest("--claimcheck", "claims", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=8, passed=5)
    result.stdout.fnmatch_lines([
        "*CC101 quantity.disjoint  conflict · confidence high · NEW*",
        "*Gap: at least*",
        "*Why:*",
        "*fingerprint *",
    ])
    assert "Traceback" not in result.stdout.str() and "FindingFailure" not in result.stdout.str()


def test_reviewed_findings_are_xfail_with_their_verdict(pytester, claims):
    report = check(load(claims))
    for finding in report.conflicts:
        record(claims / "review.yaml", ReviewEntry(fingerprint=finding.fingerprint, verdict="confirmed",
                                                   note="asked the authors"))
    result = pytester.runpytest("--claimcheck", "claims", "-rx")
    result.assert_outcomes(xfailed=8, passed=5)
    result.stdout.fnmatch_lines(["*XFAIL*reviewed: confirmed*asked the authors*"])


def test_fail_on_tension(pytester, claims):
    result = pytester.runpytest("--claimcheck", "claims", "--claimcheck-fail-on", "tension")
    result.assert_outcomes(failed=10, passed=3)


def test_k_selects_by_code_verdict_or_claim(pytester, claims):
    pytester.runpytest("--claimcheck", "claims", "-k", "CC102").assert_outcomes(failed=1, passed=1, deselected=11)
    pytester.runpytest("--claimcheck", "claims", "-k", "tension").assert_outcomes(passed=2, deselected=11)


def test_x_stops_at_the_first_failure(pytester, claims):
    result = pytester.runpytest("--claimcheck", "claims", "-x")
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] == 1 and outcomes.get("passed", 0) < 4


def test_junitxml(pytester, claims):
    pytester.runpytest("--claimcheck", "claims", "--junitxml=out.xml")
    root = ET.parse(pytester.path / "out.xml").getroot()
    cases = root.findall(".//testcase")
    assert len(cases) == 13 and len(root.findall(".//testcase/failure")) == 8
    assert any("CC101 quantity.disjoint" in case.get("name") for case in cases)


def test_ini_setting_turns_it_on(pytester, claims):
    pytester.makeini("[pytest]\nclaimcheck = true\nclaimcheck_fail_on = none\ntestpaths = claims\n")
    pytester.runpytest().assert_outcomes(passed=13)


def test_a_single_claim_file(pytester, claims):
    """A file of a folder holds the findings whose first claim it holds, checked against the whole folder."""
    pytester.runpytest("--claimcheck", "claims/alpha.yaml").assert_outcomes(failed=8, passed=4)
    # Every finding but one has a claim of alpha first: beta's file holds only the part its share and whole imply.
    pytester.runpytest("--claimcheck", "claims/beta.yaml").assert_outcomes(passed=1)


def test_a_bad_claim_file_is_a_collection_error_naming_file_and_line(pytester, claims):
    (claims / "beta.yaml").write_text("source: {id: beta}\nclaims:\n  - {id: x, colour: red}\n", encoding="utf-8")
    result = pytester.runpytest("--claimcheck", "claims")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*beta.yaml:3: claims[[]0[]].colour: unknown key 'colour'*"])
    assert "Traceback" not in result.stdout.str()


def test_the_plugins_own_names_match_the_packages():
    """The plugin spells these out so that merely loading it imports nothing heavy; they must not drift."""
    from claimcheck import plugin
    from claimcheck.corpus.loader import REVIEW_FILE, VOCABULARY_FILE
    from claimcheck.review import FAIL_LEVELS

    assert plugin.FAIL_LEVELS == tuple(FAIL_LEVELS)
    assert set(plugin.CLAIM_FILE_NAMES_SKIPPED) == {REVIEW_FILE, VOCABULARY_FILE}
