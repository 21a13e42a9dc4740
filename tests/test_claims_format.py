"""The worked examples of docs/claims-format.md ("Writing real claims") are claims folders that load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck import check, load
from claimcheck.engine.rules import example_files

DOC = Path(__file__).parent.parent / "docs" / "claims-format.md"


def examples() -> list[tuple[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## Writing real claims"):]
    found = []
    for heading, body in re.findall(r"^### (.+?)\n(.*?)(?=^### |\Z)", section, re.S | re.M):
        for block in re.findall(r"```yaml\n(.*?)```", body, re.S):
            found.append((heading, block))
    return found


def test_every_case_has_an_example():
    text = DOC.read_text(encoding="utf-8")
    headings = set(re.findall(r"^### (.+)$", text[text.index("## Writing real claims"):], re.M))
    assert len(headings) >= 10 and {heading for heading, _ in examples()} == headings


@pytest.mark.parametrize(("heading", "block"), examples(), ids=lambda value: value[:40])
def test_an_example_is_a_claims_folder_that_loads_and_checks(heading, block, tmp_path):
    for name, text in example_files(block).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = load(tmp_path)  # strict: any problem in an example fails here
    assert corpus.claims or corpus.vocabulary
    report = check(corpus)
    assert not [f for f in report.findings if f.code.startswith("CC9")]
