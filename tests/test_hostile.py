"""Hostile text in claim files stays inert in every report (the HTML page is also checked in a
browser, in test_html.py): no tag, link, formula or workflow command can form from a quote."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from claimcheck import check, load
from claimcheck.report.ci import render_github, render_junit, render_sarif
from claimcheck.report.data import render_csv
from claimcheck.report.markdown import render_markdown
from claimcheck.review import outcome

HOSTILE = Path(__file__).parent / "data" / "hostile"


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    shutil.copytree(HOSTILE, tmp_path / "hostile")
    (tmp_path / "hostile" / "c.yaml").write_text(
        "source: {id: c, published: 2024}\nclaims:\n"
        "  - id: newline\n    quote: \"x\\n::error file=pwned.py::injected seven\"\n"
        "    subject: Z\n    measure: \"ports\\r\\n::add-mask::secret\"\n    value: seven\n    period: 2022\n"
        "  - id: other\n    quote: \"control \\x01\\x02\\x0b chars and nine\"\n"
        "    subject: Z\n    measure: \"ports\\r\\n::add-mask::secret\"\n    value: nine\n    period: 2022\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    corpus = load("hostile")
    return outcome(corpus, check(corpus), "hostile/review.yaml")


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_markdown_forms_no_tag_link_or_table_break(hostile):
    text = render_markdown(hostile, show_consistent=True)
    assert "<script" not in text and "<img" not in text and "<a " not in text and "<b>" not in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text), "a link formed"
    assert "\\[click me\\](javascript:" in text, "the hostile quote is shown, escaped"
    tables = 0
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("| | "):  # a finding's claims, side by side
            tables += 1
            columns = _unescaped_pipes(line)
            row = number + 1
            while row < len(lines) and lines[row].startswith("|"):
                assert _unescaped_pipes(lines[row]) == columns, f"a quote broke the table: {lines[row]}"
                row += 1
    assert tables == 5


def test_csv_cells_cannot_become_formulas(hostile):
    rows = list(csv.reader(io.StringIO(render_csv(hostile), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert any("=cmd|" in cell for cell in cells), "the hostile quote is in the sheet"
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_junit_keeps_hostile_text_as_text(hostile):
    xml = render_junit(hostile)
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.find(".//injected") is None
    texts = " ".join((e.text or "") + " ".join(e.attrib.values()) for e in root.iter())
    assert "]]></failure><injected/>" in texts
    assert "<script>window.__pwned" in texts
    assert "\x01" not in xml and "\ufffd" in texts  # control characters XML forbids are replaced


def test_sarif_is_valid_json_holding_the_text_verbatim(hostile):
    log = json.loads(render_sarif(hostile))
    related = [loc["message"]["text"] for r in log["runs"][0]["results"] for loc in r.get("locations", [])]
    assert any("<script>window.__pwned" in text for text in related)


def test_github_annotations_cannot_inject_a_command(hostile):
    text = render_github(hostile)
    lines = text.split("\n")[:-1]
    assert len(lines) == len(hostile.report.findings) + 1  # one line each, and the summary
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert "\r" not in text
    assert "%0D%0A::add-mask::secret" in text, "the injected command stays inside its annotation's message"
