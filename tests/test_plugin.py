"""The pytest plugin, run in a pytester sandbox: claim folders as tests, one item per finding."""

from __future__ import annotations

import shutil
import textwrap
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
    """The plugin reads its fail levels from the light config module; they must not drift from the review's."""
    from claimcheck import config
    from claimcheck.review import FAIL_LEVELS

    assert config.FAIL_LEVELS == tuple(FAIL_LEVELS)


# --- which folders are claims folders ------------------------------------------------------------


def _project(pytester, claims_at: str = "claims") -> None:
    """A project with a test suite whose fixtures include a claims folder, and its own claims."""
    shutil.copytree(CASES, pytester.path / claims_at)
    shutil.copytree(CASES, pytester.path / "tests" / "fixtures" / "cases")
    (pytester.path / "tests" / "test_a.py").write_text("def test_a():\n    pass\n", encoding="utf-8")


def test_with_no_path_only_the_claims_folder_is_collected(pytester):
    _project(pytester)
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    result = pytester.runpytest("--claimcheck", "--collect-only", "-q")
    collected = result.stdout.str()
    assert "tests/test_a.py::test_a" in collected
    assert "claims/alpha.yaml::CC101" in collected
    assert "fixtures" not in collected, "a test suite's fixtures are not claims"


def test_the_configured_folder_is_collected(pytester):
    _project(pytester, claims_at="data/claims")
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\ntestpaths = ["tests"]\n\n'
                               '[tool.claimcheck]\npaths = ["data/claims"]\nfail-on = "none"\n')
    result = pytester.runpytest("--claimcheck")
    result.assert_outcomes(passed=14)  # 13 findings, none failing at fail-on none, and test_a
    assert "fixtures" not in result.stdout.str()


def test_a_folder_given_as_a_path_is_collected(pytester):
    _project(pytester)
    pytester.runpytest("--claimcheck", "tests/fixtures/cases").assert_outcomes(failed=8, passed=5)


def test_claim_files_the_loader_reads_are_collected_too(pytester):
    """A JSON-style claim file, and one whose header comment runs past 4 KB, are claim files."""
    folder = pytester.path / "claims"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        '{"source": {"id": "a", "published": 2025}, "claims": [{"id": "x", "subject": "China", '
        '"measure": "trade share", "scope": "neighbours", "value": "41.9%", "period": 2022}]}\n', encoding="utf-8")
    (folder / "b.yaml").write_text("# " + "a long header comment " * 300 + "\n" + textwrap.dedent("""\
        source: {id: b, published: 2025}
        claims:
          - {id: y, subject: China, measure: trade share, scope: neighbours, value: over 60%, period: 2022}
        """), encoding="utf-8")
    result = pytester.runpytest("--claimcheck", "claims")
    result.assert_outcomes(failed=1)
    assert "CC101" in result.stdout.str()


def test_a_bad_review_file_is_a_clean_collection_error(pytester, claims):
    (claims / "review.yaml").write_text("reviews:\n  - fingerprint: nothex\n    verdict: confirmed\n",
                                        encoding="utf-8")
    result = pytester.runpytest("--claimcheck", "claims")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*review.yaml:2: reviews[[]0[]].fingerprint: *not a finding fingerprint*"])
    assert "Traceback" not in result.stdout.str()


# --- what each finding says ---------------------------------------------------------------------


def test_tensions_and_undetermined_findings_pass_with_a_warning(pytester, claims):
    result = pytester.runpytest("--claimcheck", "claims")
    result.assert_outcomes(failed=8, passed=5, warnings=3)
    result.stdout.fnmatch_lines(["*ClaimcheckWarning: CC101 quantity.disjoint tension: alpha gives*"])
    # A team that wants them to fail says so, as with any warning.
    strict = pytester.runpytest("--claimcheck", "claims", "-W", "error::claimcheck.plugin.ClaimcheckWarning")
    strict.assert_outcomes(failed=11, passed=2)


def test_item_names_carry_the_rule_and_claim_not_the_verdict(pytester, claims):
    result = pytester.runpytest("--claimcheck", "claims", "--collect-only", "-q")
    names = [line for line in result.stdout.lines if "::" in line]
    assert len(names) == 13
    for name in names:
        assert not any(verdict in name for verdict in ("conflict", "tension", "consistent", "undetermined")), name
    assert "claims/alpha.yaml::CC102 event.date [alpha/conference …]" in names
    assert "claims/alpha.yaml::CC101 quantity.disjoint [alpha/share-2022 …]" in names


def test_the_failure_message_is_one_line(pytester, claims, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    result = pytester.runpytest("--claimcheck", "claims", "-rf", "--junitxml=out.xml")
    result.stdout.fnmatch_lines(["FAILED claims/alpha.yaml::CC102 event.date [[]alpha/conference …[]] - alpha dates *"])
    root = ET.parse(pytester.path / "out.xml").getroot()
    for failure in root.iter("failure"):
        assert "\n" not in failure.get("message") and "│" not in failure.get("message")
        assert "╭" in failure.text, "the listing is in the details"


def test_rich_markup_in_a_claim_file_is_shown_as_written(pytester):
    folder = pytester.path / "claims"
    folder.mkdir()
    (folder / "m.yaml").write_text(textwrap.dedent("""\
        source: {id: m, author: "Wang [/] Jian", title: "[link=https://evil.example]x[/link]", published: 2025}
        claims:
          - {id: a, quote: "[bold]41.9%[/bold]", subject: China, measure: trade share, value: 41.9%, period: 2022}
          - {id: b, quote: "over 60%", subject: China, measure: trade share, value: over 60%, period: 2022}
        """), encoding="utf-8")
    result = pytester.runpytest("--claimcheck", "claims")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Wang [[]/[]] Jian*", "*“[[]bold[]]41.9%[[]/bold[]]”*"])
    assert "MarkupError" not in result.stdout.str()
