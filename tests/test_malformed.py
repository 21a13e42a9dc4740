"""Every kind of malformed claim folder: exit 2, a message naming file, line and field, no traceback,
nothing written, the review file untouched, and bounded memory and time.

The cases live in tests/malformed.py. Each runs the installed console script in a subprocess
limited to 1 GB of address space and 60 seconds: going over either fails the test.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from malformed import CASES, SPECIAL_FILES, make_folder

CLAIMCHECK = shutil.which("claimcheck") or str(Path(sys.executable).parent / "claimcheck")
MEMORY_LIMIT = 1024 * 1024 * 1024
TIME_LIMIT = 60


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_there_are_at_least_30_kinds():
    assert len({case.kind for case in CASES}) == len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[case.kind for case in CASES])
def test_malformed_folder(tmp_path, case):
    folder = make_folder(tmp_path, case)
    review_before = (folder / "review.yaml").read_bytes()
    files_before = sorted(p.name for p in folder.iterdir())
    output = tmp_path / "report.json"
    result = subprocess.run([CLAIMCHECK, "check", str(folder), "--format", "json", "--output", str(output)],
                            capture_output=True, text=True, timeout=TIME_LIMIT, preexec_fn=_limited, check=False)
    assert result.returncode == 2, result.stderr
    for fragment in case.expect:
        assert fragment in result.stderr, f"{fragment!r} not in:\n{result.stderr}"
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    assert not output.exists()
    assert (folder / "review.yaml").read_bytes() == review_before
    assert sorted(p.name for p in folder.iterdir()) == files_before


@pytest.mark.parametrize("case", SPECIAL_FILES, ids=[case.kind for case in SPECIAL_FILES])
def test_special_files_under_the_pytest_plugin(tmp_path, case):
    """pytest --claimcheck reads the same files: it too must refuse them, not hang on them."""
    folder = make_folder(tmp_path, case)
    result = subprocess.run([sys.executable, "-m", "pytest", "--claimcheck", str(folder), "-p", "no:cacheprovider"],
                            capture_output=True, text=True, timeout=TIME_LIMIT, preexec_fn=_limited, check=False,
                            cwd=tmp_path)
    assert result.returncode == pytest.ExitCode.INTERRUPTED, result.stdout  # a collection error
    assert case.expect[1] in result.stdout and "Traceback" not in result.stdout
