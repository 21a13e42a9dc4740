"""The command line: output and exit codes 0, 1 and 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from claimcheck.cli import main

CASES = Path(__file__).parent / "data" / "cases"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_conflicts_exit_1_and_are_listed(capsys):
    code, out, _ = run(capsys, "check", str(CASES))
    assert code == 1
    assert out.startswith("Conflicts: cannot both be true")
    assert "CC101 quantity.disjoint  [conflict, confidence high]" in out
    assert out.rstrip().endswith("(see --coverage).")


def test_fail_on_never_exits_0(capsys):
    assert run(capsys, "check", str(CASES), "--fail-on", "never")[0] == 0


def test_json_output_is_flat_rows(capsys):
    code, out, _ = run(capsys, "check", str(CASES), "--format", "json")
    payload = json.loads(out)
    assert code == 1
    assert {"code", "name", "verdict", "claim_ids", "message", "explanation", "confidence", "fingerprint"} <= set(
        payload["findings"][0])
    assert payload["counts"]["conflict"] == 7


def test_bad_claim_file_exits_2_and_names_file_line_field(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("source: {id: a}\nclaims:\n  - {id: x, measure: m, value: 5%, colour: red}\n",
                                     encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert "a.yaml:3: claims[0].colour: unknown key 'colour'" in out
    assert "problem(s) in the claim files" in err


def test_missing_folder_and_unknown_rule_exit_2(tmp_path, capsys):
    assert run(capsys, "check", str(tmp_path / "nope"))[0] == 2
    code, _, err = run(capsys, "check", str(CASES), "--select", "CC999")
    assert code == 2 and "no rule matches 'CC999'" in err
    assert run(capsys, "rule", "CC999")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2


def test_rules_and_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "CC101  quantity.disjoint" in out
    code, out, _ = run(capsys, "rule", "quantity.disjoint")
    assert code == 0 and out.startswith("CC101 quantity.disjoint") and "Known problems:" in out


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "claimcheck", "rules"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "CC107" in result.stdout
