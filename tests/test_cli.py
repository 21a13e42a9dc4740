"""The command line: output, review and exit codes 0, 1 and 2, never a traceback.

Exit codes are checked through the installed console script, run as a subprocess, as CI runs it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import FORMATS, main

CASES = Path(__file__).parent / "data" / "cases"
CLAIMCHECK = shutil.which("claimcheck") or str(Path(sys.executable).parent / "claimcheck")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def script(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([CLAIMCHECK, *args], capture_output=True, text=True, check=False, cwd=cwd, timeout=120)


@pytest.fixture
def cases(tmp_path) -> Path:
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    return folder


def test_conflicts_exit_1_and_are_listed(capsys):
    code, out, _ = run(capsys, "check", str(CASES))
    assert code == 1
    assert out.startswith("Conflicts: cannot both be true")
    assert "CC101 quantity.disjoint  conflict · confidence high · NEW" in out
    assert "8 failing at --fail-on conflict, 0 reviewed." in " ".join(out.split())


def test_exit_codes_through_the_console_script(cases, tmp_path):
    listing = script("check", str(cases))
    assert listing.returncode == 1
    assert "\x1b[" not in listing.stdout, "not a terminal: the listing stays plain"
    assert script("check", str(cases), "--fail-on", "none").returncode == 0
    assert script("check", str(cases), "--select", "CC107").returncode == 0  # a tension only
    usage = script("check", str(cases), "--format", "docx")
    assert usage.returncode == 2 and "invalid choice: 'docx'" in usage.stderr
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.yaml").write_text("source: {id: a}\nclaims:\n  - {id: x, measure: m, value: over 100%}\n",
                                             encoding="utf-8")
    bad = script("check", str(tmp_path / "bad"))
    assert bad.returncode == 2
    assert "a.yaml:3: claims[0].value:" in bad.stderr and "Traceback" not in bad.stderr
    assert bad.stdout == ""


def test_fail_on_tension_counts_tensions(capsys):
    code, out, _ = run(capsys, "check", str(CASES), "--fail-on", "tension", "--format", "json")
    payload = json.loads(out)
    assert code == 1
    assert payload["failing"] == payload["counts"]["conflict"] + payload["counts"]["tension"] == 10


def test_bad_claim_file_exits_2_names_file_line_field_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("source: {id: a}\nclaims:\n  - {id: x, measure: m, value: 5%, colour: red}\n",
                                     encoding="utf-8")
    report = tmp_path / "report.html"
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "html", "--output", str(report))
    assert code == 2
    assert "a.yaml:3: claims[0].colour: unknown key 'colour'" in err
    assert "nothing was written" in err
    assert out == "" and not report.exists()


def test_missing_folder_and_unknown_rule_exit_2(tmp_path, capsys):
    assert run(capsys, "check", str(tmp_path / "nope"))[0] == 2
    code, _, err = run(capsys, "check", str(CASES), "--select", "CC999")
    assert code == 2 and "no rule matches 'CC999'" in err
    assert run(capsys, "rule", "CC999")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2


def test_select_takes_comma_separated_codes(capsys):
    code, out, _ = run(capsys, "check", str(CASES), "--select", "CC103,CC105", "--format", "json")
    assert {f["code"] for f in json.loads(out)["findings"]} == {"CC103", "CC105"}


def test_rules_and_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "CC101  quantity.disjoint" in out
    code, out, _ = run(capsys, "rule", "quantity.disjoint")
    assert code == 0 and out.startswith("CC101 quantity.disjoint") and "Known problems:" in out


@pytest.mark.parametrize("command", ["check", "review", "rules", "rule"])
def test_help_is_complete_with_an_example(command, capsys):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "examples:" in out and f"claimcheck {command}" in out
    if command == "check":
        for name in FORMATS:
            assert name in out
        assert "exit codes:" in out


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "claimcheck", "rules"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "CC107" in result.stdout


def test_output_file_is_written_and_stdout_stays_empty(cases, tmp_path, capsys):
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "check", str(cases), "--format", "json", "--output", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["counts"]["conflict"] == 8
    assert "wrote json report" in err


# --- review -------------------------------------------------------------------------------------


def _fingerprints(capsys, folder: Path) -> dict[str, dict]:
    run(capsys, "check", str(folder), "--format", "json")
    return {f["fingerprint"]: f for f in json.loads(run(capsys, "check", str(folder), "--format", "json")[1])["findings"]}


def test_review_stops_a_conflict_failing_but_keeps_it_in_reports(cases, capsys):
    findings = _fingerprints(capsys, cases)
    conflicts = [fp for fp, f in findings.items() if f["verdict"] == "conflict"]
    for fp in conflicts:
        code, out, _ = run(capsys, "review", str(cases), fp[:8], "--verdict", "confirmed", "--note", "known",
                           "--reviewer", "A. Checker", "--date", "2026-11-26")
        assert code == 0 and "recorded confirmed" in out
    code, out, _ = run(capsys, "check", str(cases), "--format", "json")
    payload = json.loads(out)
    assert code == 0 and payload["failing"] == 0
    reviewed = [f for f in payload["findings"] if f["status"] == "reviewed"]
    assert len(reviewed) == len(conflicts)
    assert reviewed[0]["review"] == {"verdict": "confirmed", "explanation": None, "reason": None, "note": "known",
                                     "reviewer": "A. Checker", "date": "2026-11-26"}


def test_review_needs_an_explanation_or_reason(cases, capsys):
    fp = next(iter(_fingerprints(capsys, cases)))
    code, _, err = run(capsys, "review", str(cases), fp, "--verdict", "explained")
    assert code == 2 and "needs an explanation" in err
    code, _, err = run(capsys, "review", str(cases), fp, "--verdict", "false-positive")
    assert code == 2 and "needs a reason" in err
    assert not (cases / "review.yaml").exists()


def test_review_refuses_unknown_or_ambiguous_fingerprints(cases, capsys):
    code, _, err = run(capsys, "review", str(cases), "ffffffffffff", "--verdict", "confirmed")
    assert code == 2 and "no finding has a fingerprint starting 'ffffffffffff'" in err
    code, _, err = run(capsys, "review", str(cases), "abc", "--verdict", "confirmed")
    assert code == 2 and "at least 6 characters" in err


def test_editing_a_claim_reopens_its_finding_and_the_old_entry_is_stale(cases, capsys):
    findings = _fingerprints(capsys, cases)
    fp, finding = next((fp, f) for fp, f in findings.items()
                       if f["verdict"] == "conflict" and "alpha/share-2022" in f["claim_ids"])
    run(capsys, "review", str(cases), fp, "--verdict", "confirmed", "--date", "2026-11-26")
    alpha = cases / "alpha.yaml"
    # A corrected value no longer matches its quote, so the curator says where it comes from.
    corrected = "value: 41.8%\n    derived: corrected from the statistical annex"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("value: 41.9%", corrected, 1), encoding="utf-8")
    code, out, err = run(capsys, "check", str(cases), "--format", "json")
    payload = json.loads(out)
    assert code == 1
    assert [e["fingerprint"] for e in payload["stale_reviews"]] == [fp]
    assert "matches no finding any more (stale)" in err
    reopened = [f for f in payload["findings"] if f["claim_ids"] == finding["claim_ids"] and f["code"] == "CC101"]
    assert reopened and reopened[0]["status"] == "failing" and reopened[0]["fingerprint"] != fp
    code, out, _ = run(capsys, "review", str(cases), "--prune")
    assert code == 0 and "removed 1 stale entry" in out
    assert json.loads(run(capsys, "check", str(cases), "--format", "json")[1])["stale_reviews"] == []


def test_review_of_a_deleted_claim_is_an_error_naming_the_line(cases, capsys):
    findings = _fingerprints(capsys, cases)
    fp = next(fp for fp, f in findings.items() if "alpha/share-2022" in f["claim_ids"])
    run(capsys, "review", str(cases), fp, "--verdict", "confirmed", "--date", "2026-11-26")
    alpha = cases / "alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("id: share-2022 ", "id: share-22 ", 1),
                     encoding="utf-8")
    before = (cases / "review.yaml").read_bytes()
    code, out, err = run(capsys, "check", str(cases))
    assert code == 2 and out == ""
    assert "review.yaml:4: claims: names claims that no longer exist: alpha/share-2022" in err
    assert (cases / "review.yaml").read_bytes() == before


def test_an_internal_error_is_a_message_not_a_traceback(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("claimcheck.cli.load", broken)
    code, out, err = run(capsys, "check", str(CASES))
    assert code == 2 and "internal error (RuntimeError: a bug)" in err and "Traceback" not in err
