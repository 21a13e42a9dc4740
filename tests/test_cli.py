"""The command line: output, review and exit codes 0, 1 and 2, never a traceback.

Exit codes are checked through the installed console script, run as a subprocess, as CI runs it.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import claimcheck
from claimcheck.cli import main
from claimcheck.report.formats import FORMATS

CASES = Path(__file__).parent / "data" / "cases"
CLAIMCHECK = shutil.which("claimcheck") or str(Path(sys.executable).parent / "claimcheck")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


CONFLICTS = len(claimcheck.check(claimcheck.load(CASES)).conflicts)
MEMORY_LIMIT = 2 * 1024 ** 3  # bytes of address space: a run that grows past this is a bug, not a report


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def script(*args: str | bytes, cwd: Path | None = None, env: dict[str, str] | None = None,
           **kwargs) -> subprocess.CompletedProcess:
    """The console script as CI runs it, under a timeout and a memory limit."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    return subprocess.run([CLAIMCHECK, *args], capture_output=True, text=True, check=False, cwd=cwd, timeout=120,
                          env=environment, preexec_fn=_limited, **kwargs)


@pytest.fixture
def cases(tmp_path) -> Path:
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    return folder


def test_conflicts_exit_1_and_are_listed(capsys):
    code, out, _ = run(capsys, "check", str(CASES))
    assert code == 1
    corpus = claimcheck.load(CASES)
    assert out.startswith(f"claimcheck: {len(corpus.claims)} claims from 2 sources\nalpha ")
    assert out.index("Conflicts: cannot both be true") < out.index("Tensions:") < out.index("Consistent:")
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

    monkeypatch.setattr("claimcheck.scale.folder.load", broken)  # how check loads a folder
    code, out, err = run(capsys, "check", str(CASES))
    assert code == 2 and "internal error (RuntimeError: a bug)" in err and "Traceback" not in err


# --- the command line as a Unix tool ------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    result = script(flag)
    assert result.returncode == 0 and result.stdout == f"claimcheck {claimcheck.__version__}\n"


def test_a_closed_pipe_ends_quietly():
    """`claimcheck rules | head -1`: the reader has gone before anything is written."""
    process = subprocess.Popen([CLAIMCHECK, "rules", "--markdown"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=_limited)
    process.stdout.close()
    error = process.stderr.read()
    assert process.wait(timeout=120) == 141  # 128 + SIGPIPE, as a Unix tool ended by the signal
    assert error == b""


def test_a_closed_stdout_is_a_clear_error():
    result = subprocess.run(["bash", "-c", f"'{CLAIMCHECK}' rules >&-"], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 2
    assert "standard output is closed" in result.stderr and "Traceback" not in result.stderr


def test_a_closed_stdout_does_not_stop_a_report_to_a_file(cases, tmp_path):
    target = tmp_path / "out.json"
    result = subprocess.run(["bash", "-c", f"'{CLAIMCHECK}' check '{cases}' -o '{target}' >&-"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1 and json.loads(target.read_text(encoding="utf-8"))["counts"]["conflict"] == CONFLICTS


def test_undecodable_bytes_in_an_option_are_refused(cases):
    fingerprint = next(iter(_json(cases)))
    result = subprocess.run([CLAIMCHECK, "review", str(cases), fingerprint, "--verdict", "confirmed",
                             "--reviewer", b"Jos\xe9"], capture_output=True, timeout=120, check=False,
                            env={**os.environ, "LC_ALL": "C.UTF-8"})
    error = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert "--reviewer is not text in the terminal's encoding (got 'Jos\\xe9')" in error and "Traceback" not in error
    assert not (cases / "review.yaml").exists()


def _json(folder: Path, *args: str) -> dict[str, dict]:
    result = script("check", str(folder), *args, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return {f["fingerprint"]: f for f in json.loads(result.stdout)["findings"]}


def test_several_paths_are_checked_together(cases):
    folder = _json(cases)
    files = _json(cases / "alpha.yaml", str(cases / "beta.yaml"))
    assert set(files) == set(folder) and len(folder) == len(claimcheck.check(claimcheck.load(CASES)).findings)
    # A file named twice, or a file and its folder, is read once.
    assert set(_json(cases, str(cases / "alpha.yaml"))) == set(folder)


def test_paths_from_different_vocabularies_are_refused(cases, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "gamma.yaml").write_text("source: {id: gamma}\nclaims: []\n", encoding="utf-8")
    (other / "vocabulary.yaml").write_text("subjects: {}\n", encoding="utf-8")
    result = script("check", str(cases), str(other))
    assert result.returncode == 2 and "is a second vocabulary beside" in result.stderr


def test_with_no_path_the_claims_folder_is_found(cases, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(cases, project / "claims")
    assert script("check", "--format", "json", cwd=project).returncode == 1
    nowhere = tmp_path / "empty"
    nowhere.mkdir()
    result = script("check", cwd=nowhere)
    assert result.returncode == 2 and "no claims folder given, and none found" in result.stderr


def test_the_pyproject_configuration(cases, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(cases, project / "data")
    (project / "sub").mkdir()
    (project / "pyproject.toml").write_text(textwrap.dedent("""\
        [project]
        name = "x"

        [tool.claimcheck]
        paths = ["data"]
        select = ["quantity"]
        fail-on = "tension"
        format = "json"
        """), encoding="utf-8")
    result = script("check", cwd=project / "sub")  # found from a folder below, as ruff finds its settings
    payload = json.loads(result.stdout)
    assert {f["code"] for f in payload["findings"]} == {"CC101"}
    assert result.returncode == 1 and payload["fail_on"] == "tension"
    # Options given on the command line win.
    override = script("check", "--fail-on", "none", "--format", "csv", cwd=project)
    assert override.returncode == 0 and override.stdout.startswith("fingerprint,code,")
    (project / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["data"]\ncolour = "red"\n', encoding="utf-8")
    bad = script("check", cwd=project)
    assert bad.returncode == 2
    assert "pyproject.toml:3: tool.claimcheck.colour: unknown key 'colour'" in bad.stderr


def test_select_takes_name_prefixes(cases):
    assert {f["code"] for f in _json(cases, "--select", "quantity").values()} == {"CC101"}
    assert {f["code"] for f in _json(cases, "--select", "count").values()} == {"CC103", "CC107"}
    assert {f["code"] for f in _json(cases, "--select", "quantity.disjoint").values()} == {"CC101"}
    unknown = script("check", str(cases), "--select", "quant")  # a prefix of a name's part is not a name
    assert unknown.returncode == 2 and "no rule matches 'quant'" in unknown.stderr


# --- colour -------------------------------------------------------------------------------------

SGR = "\x1b["


def test_colour_is_off_in_a_pipe_and_on_when_asked(cases):
    assert SGR not in script("check", str(cases)).stdout
    assert SGR in script("check", str(cases), "--color", "always").stdout
    assert SGR in script("check", str(cases), env={"FORCE_COLOR": "1"}).stdout
    assert SGR not in script("check", str(cases), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert SGR not in script("check", str(cases), "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert SGR in script("check", str(cases), "--color", "always", env={"NO_COLOR": "1"}).stdout


def test_a_tension_is_not_drawn_in_the_red_of_a_conflict(cases):
    out = script("check", str(cases), "--color", "always").stdout
    conflict = out[:out.index("Conflicts: cannot")].rsplit(SGR, 1)[1]
    tension = out[:out.index("Tensions: they")].rsplit(SGR, 1)[1]
    assert "31" in conflict.split(";") or "31m" in conflict  # red
    assert "33" in tension.split(";") or "33m" in tension  # yellow
    assert conflict != tension


# --- --output -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "starts"), [("r.html", "<!DOCTYPE html>"), ("r.json", "{"), ("r.md", "## claimcheck"),
                                              ("r.sarif", "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0"), ("r.xml", "<?xml"),
                                              ("r.csv", "fingerprint,"), ("r.txt", "claimcheck: ")])
def test_the_output_name_gives_the_format(cases, tmp_path, name, starts):
    target = tmp_path / name
    result = script("check", str(cases), "-o", str(target))
    assert result.returncode == 1, result.stderr
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_an_unknown_output_name_needs_a_format(cases, tmp_path):
    result = script("check", str(cases), "-o", str(tmp_path / "report.docx"))
    assert result.returncode == 2 and "give --format" in result.stderr
    assert not (tmp_path / "report.docx").exists()
    assert script("check", str(cases), "-o", str(tmp_path / "report.docx"), "--format", "html").returncode == 1


def test_output_into_a_missing_folder_creates_it(cases, tmp_path):
    target = tmp_path / "reports" / "today" / "r.json"
    result = script("check", str(cases), "-o", str(target))
    assert result.returncode == 1 and json.loads(target.read_text(encoding="utf-8"))["counts"]["conflict"] == CONFLICTS


def test_an_unwritable_output_names_the_file_not_a_temporary_one(cases, tmp_path):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    target = tmp_path / "a-file" / "r.json"  # its folder would have to be a file
    result = script("check", str(cases), "-o", str(target))
    assert result.returncode == 2 and f"cannot write {target}: Not a directory" in result.stderr
    assert ".tmp" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("victim", ["review.yaml", "alpha.yaml", "vocabulary.yaml", "sources/alpha.txt"])
def test_a_report_is_never_written_over_an_input(cases, victim):
    if victim == "review.yaml":
        fingerprint = next(iter(_json(cases)))
        assert script("review", str(cases), fingerprint, "--verdict", "confirmed").returncode == 0
    before = (cases / victim).read_bytes()
    result = script("check", str(cases), "--format", "json", "-o", str(cases / victim))
    assert result.returncode == 2 and "refusing to write over" in result.stderr
    assert (cases / victim).read_bytes() == before


def test_output_through_a_device_or_a_pipe(cases, tmp_path):
    assert script("check", str(cases), "--format", "json", "-o", "/dev/null").returncode == 1
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = script("check", str(cases), "--format", "json", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.returncode == 1 and json.loads(received[0])["counts"]["conflict"] == CONFLICTS
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the pipe is still a pipe"


def test_output_through_a_symbolic_link_keeps_the_link(cases, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert script("check", str(cases), "-o", str(link)).returncode == 1
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["counts"]["conflict"] == CONFLICTS


def test_extract_refuses_two_documents_drafted_to_one_file(tmp_path):
    for folder in ("d1", "d2"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.txt").write_text("In 2022 exports rose 5%.\n", encoding="utf-8")
    result = script("extract", "d1/r.txt", "d2/r.txt", "-o", "out/", cwd=tmp_path)
    assert result.returncode == 2
    assert "d1/r.txt and d2/r.txt would both be drafted to out/r.yaml" in result.stderr
    assert not (tmp_path / "out").exists()


# --- paths a terminal can open ------------------------------------------------------------------


def test_problem_paths_open_from_the_working_folder(tmp_path):
    folder = tmp_path / "work" / "claims"
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text("source: {id: a}\nclaims:\n  - {id: x, measure: m, value: 5%, colour: red}\n",
                                   encoding="utf-8")
    below = script("check", "claims", cwd=tmp_path / "work")
    assert "claimcheck: claims/a.yaml:3: claims[0].colour" in below.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    beside = script("check", "../work/claims", cwd=elsewhere)
    named = beside.stderr.split("claimcheck: ", 1)[1].split(":", 1)[0]
    assert (elsewhere / named).exists(), f"{named} cannot be opened from the working folder"


def test_a_duplicate_id_does_not_hide_the_records_other_problems(tmp_path):
    (tmp_path / "a.yaml").write_text("source: {id: a}\nclaims:\n  - {id: x, measure: m, value: 5%}\n"
                                     "  - {id: x, measure: m, value: over 100%, colour: red}\n", encoding="utf-8")
    result = script("check", str(tmp_path))
    assert result.returncode == 2
    assert "claims[1].id: claim id 'x' is already used on line 3" in result.stderr
    assert "claims[1].colour: unknown key 'colour'" in result.stderr
    assert "claims[1].value:" in result.stderr


# --- baseline -----------------------------------------------------------------------------------


def test_a_baseline_accepts_every_finding_and_reports_what_goes_stale(cases):
    result = script("review", str(cases), "--baseline", "--date", "2026-11-26")
    report = claimcheck.check(claimcheck.load(cases))
    needing = sum(1 for f in report.findings if f.verdict != "consistent")
    assert result.returncode == 0 and f"accepted {needing} findings as the baseline" in result.stdout
    findings = _json(cases, "--fail-on", "tension")
    assert all(f["status"] in ("reviewed", "passed") for f in findings.values())
    assert {f["review"]["verdict"] for f in findings.values() if f["review"]} == {"baseline"}
    assert script("check", str(cases), "--fail-on", "tension").returncode == 0
    again = script("review", str(cases), "--baseline")
    assert "accepted 0 findings" in again.stdout
    alpha = cases / "alpha.yaml"
    corrected = "value: 41.8%\n    derived: corrected from the statistical annex"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("value: 41.9%", corrected, 1), encoding="utf-8")
    after = script("check", str(cases), "--format", "json")
    payload = json.loads(after.stdout)
    assert after.returncode == 1, "the edited claim's conflict is new"
    assert payload["stale_reviews"] and "(stale)" in after.stderr


# --- progress -----------------------------------------------------------------------------------


def _on_a_terminal(*args: str) -> tuple[int, str]:
    """Run with stderr on a pseudo-terminal, as a person at a terminal sees it; stdout is a pipe."""
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.Popen([CLAIMCHECK, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=terminal, preexec_fn=_limited, env={**os.environ, "COLUMNS": "120"})
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    return process.wait(timeout=120), seen.decode("utf-8", "replace")


def test_progress_shows_on_a_run_over_a_second_and_not_on_a_quick_one(cases, tmp_path):
    big = tmp_path / "big"
    big.mkdir()
    values = ["41.9%", "over 60%", "about 40%", "nearly 50%", "42%"]
    lines = ["source: {id: big, published: 2025}", "claims:"]
    lines += [f"  - {{id: c{i}, subject: S{i % 400}, measure: trade share, value: \"{values[i % 5]}\", "
              f"period: {2000 + i % 20}}}" for i in range(60_000)]
    (big / "big.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    code, seen = _on_a_terminal("check", str(big), "-o", str(tmp_path / "big.json"))
    assert code == 0 and "wrote json report" in seen
    if time.monotonic() - started < 2.0:
        pytest.skip("this machine checked 60,000 claims in under two seconds: no progress was due")
    assert "loading claims" in seen or "checking:" in seen, "no progress on a run of several seconds"
    started = time.monotonic()
    code, seen = _on_a_terminal("check", str(cases), "-o", str(tmp_path / "quick.json"))
    assert code == 1
    if time.monotonic() - started < 1.0:  # on a loaded machine even this run can pass the second
        assert "loading claims" not in seen and "checking" not in seen


def test_statistics_count_per_rule_and_per_source_pair(cases):
    plain = script("check", str(cases)).stdout
    assert "By rule" not in plain and "By source pair" not in plain
    out = script("check", str(cases), "--statistics").stdout
    findings = list(_json(cases).values())
    rules = out[out.index("By rule"):out.index("By source pair")]
    cc101 = [sum(1 for f in findings if f["code"] == "CC101" and f["verdict"] == v)
             for v in ("conflict", "tension", "undetermined", "consistent")]
    assert re.search(r"CC101 quantity\.disjoint\s+" + r"\s+".join(map(str, cc101)) + r"\n", rules)
    pairs = out[out.index("By source pair"):out.index("Coverage:")]
    between = sum(1 for f in findings if {c.split("/")[0] for c in f["claim_ids"]} == {"alpha", "beta"})
    row = re.search(r"alpha × beta((?:\s+\d+){4})\n", pairs)
    assert row and sum(map(int, row.group(1).split())) == between


def test_extract_refuses_a_fifo_instead_of_waiting_on_it(tmp_path):
    os.mkfifo(tmp_path / "doc.txt")
    result = script("extract", str(tmp_path / "doc.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "is a FIFO (named pipe), not a regular file" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_fifo_among_claim_files_is_refused_through_the_store(tmp_path):
    shutil.copytree(CASES, tmp_path / "claims")
    os.mkfifo(tmp_path / "claims" / "zz.yaml")
    result = script("check", "claims", cwd=tmp_path)
    assert result.returncode == 2 and "zz.yaml: is a FIFO (named pipe)" in result.stderr
