"""Every example in the README and docs/ runs as written, in a scratch copy of the project.

Python blocks with ``>>>`` are doctests; other Python blocks are run; each ``claimcheck …`` or
``pytest --claimcheck …`` line of a shell block is run in a fresh copy of the project (so that a
review or an extract in the docs never touches the checkout), and must not end in a usage or
file error. Installing (``pip install``) and the test suite itself (``python -m pytest``) are not run.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
CLAIMCHECK = shutil.which("claimcheck") or str(Path(sys.executable).parent / "claimcheck")
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
# Commands whose status 1 is an answer (findings at the fail level), not a failure of the example.
_MAY_FIND = ("claimcheck check", "pytest --claimcheck")


def _blocks(language: str) -> list[tuple[str, int, str]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in _FENCE.finditer(text):
            if match.group(1) == language:
                found.append((page.relative_to(ROOT).as_posix(), text.count("\n", 0, match.start()) + 2,
                              match.group(2)))
    return found


def _commands() -> list[tuple[str, int, str]]:
    out = []
    for page, line, block in _blocks("sh"):
        for number, command in enumerate(block.replace("\\\n", " ").splitlines()):
            command = re.sub(r"\s+#.*$", "", command).strip()
            if command.startswith(("claimcheck ", "pytest --claimcheck")) or command == "claimcheck":
                out.append((page, line + number, command))
    return out


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A scratch copy of what the examples read: the claims, the pyproject.toml, the docs."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("claims", "docs"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("img"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    monkeypatch.chdir(copy)
    return copy


def _pages_with(language: str) -> list[str]:
    return sorted({page for page, _, _ in _blocks(language)})


@pytest.mark.parametrize("page", _pages_with("python"))
def test_python_examples_run(project, page):
    """A page's blocks run in order and share their names, as a reader who types them in would."""
    names: dict[str, object] = {"__name__": "__docs__"}
    for _, line, block in (found for found in _blocks("python") if found[0] == page):
        if ">>>" in block:
            test = doctest.DocTestParser().get_doctest(block, names, f"{page}:{line}", page, line)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            runner.run(test, clear_globs=False)
            names.update(test.globs)  # a DocTest works on a copy of the names it is given
            result = runner.summarize(verbose=False)
            assert result.attempted > 0 and result.failed == 0, f"{page}:{line}: {result.failed} example(s) failed"
        else:
            try:
                exec(compile(block, f"{page}:{line}", "exec"), names)
            except ModuleNotFoundError as missing:
                _skip_without_spark(missing, f"{page}:{line}")
                raise


def _skip_without_spark(missing: ModuleNotFoundError, where: str) -> None:
    """Spark is an optional extra: its examples are skipped without it, unless this run must have it."""
    if (missing.name or "").split(".")[0] == "pyspark" and not os.environ.get("CLAIMCHECK_REQUIRE_SPARK"):
        pytest.skip(f"{where} needs pyspark (pip install -e '.[spark]')")


@pytest.mark.parametrize(("page", "line", "command"), _commands(), ids=lambda v: str(v)[:60])
def test_shell_examples_run(project, page, line, command):
    environment = {**os.environ, "PATH": f"{Path(CLAIMCHECK).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-c", command], cwd=project, capture_output=True, text=True, timeout=300,
                            env=environment, check=False)
    allowed = (0, 1) if command.startswith(_MAY_FIND) else (0,)
    assert result.returncode in allowed, f"{page}:{line}: `{command}` exited {result.returncode}:\n{result.stderr}"
    assert "Traceback" not in result.stdout + result.stderr


def test_every_page_with_examples_is_read():
    """The collector sees the examples (a renamed fence would silently test nothing)."""
    assert len(_blocks("python")) >= 3 and len(_pages_with("python")) >= 3 and len(_commands()) >= 15
