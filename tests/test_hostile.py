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
from rich.console import Console

from claimcheck import check, load
from claimcheck.report.ci import render_github, render_junit, render_sarif
from claimcheck.report.common import shown
from claimcheck.report.data import render_csv
from claimcheck.report.markdown import render_markdown
from claimcheck.report.terminal import print_report, render_text
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
    assert len(lines) == sum(len(item.claims) for item in shown(hostile) if item.finding.verdict != "consistent") + 1
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert "\r" not in text
    assert "%0D%0A::add-mask::secret" in text, "the injected command stays inside its annotation's message"


# Rich markup, emoji codes and a hyperlink in every text field a listing shows.
MARKUP = """\
source:
  id: m
  title: "[link=https://evil.example]click[/link]"
  author: "Wang [/] Jian"
  published: 2024
claims:
  - id: one
    quote: "[bold red]trade[/] reached 41.9% :smile: [/link]"
    subject: "[blink]China"
    measure: trade share
    value: 41.9%
    period: 2022
  - id: two
    quote: "over 60% [link=https://evil.example/2]of trade[/link]"
    subject: "[blink]China"
    measure: trade share
    value: over 60%
    period: 2022
"""


@pytest.fixture
def markup(tmp_path, monkeypatch):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "m.yaml").write_text(MARKUP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    corpus = load("m")
    return outcome(corpus, check(corpus), "m/review.yaml")


def test_rich_markup_in_a_field_is_printed_as_written(markup):
    text = render_text(markup, width=160)
    assert "Wang [/] Jian" in text and "[link=https://evil.example]click[/link]" in text
    assert "“[bold red]trade[/] reached 41.9% :smile: [/link]”" in text
    assert "[link=https://evil.example/2]of trade[/link]" in text


def test_no_hyperlink_or_style_reaches_a_real_terminal(markup):
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=160)
    print_report(markup, console)
    written = out.getvalue()
    assert "\x1b]8;" not in written, "a hyperlink escape was written"
    assert "\x1b[5m" not in written, "a claim file made the terminal blink"
    assert "[/]" in written and ":smile:" in written
