"""Every rule documents itself, and every documented example is a claims folder that gives its verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import check, load
from claimcheck.engine.rules import EXPECTED, REQUIRED_SECTIONS, RULES, example_files, resolve, rules_markdown

DOCS = Path(__file__).parent.parent / "docs" / "rules.md"
VALUE_RULES = sorted(code for code, rule in RULES.items() if rule.key != "problems")
EXAMPLES = [(code, title) for code in VALUE_RULES for title in RULES[code].examples()]


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_its_sections(code):
    rule = RULES[code]
    required = REQUIRED_SECTIONS if rule.key != "problems" else REQUIRED_SECTIONS[:3]
    for title in required:
        assert rule.section(title), f"{code} has no '{title}' section"
    assert rule.summary.endswith(".")


def write_example(folder: Path, code: str, title: str) -> Path:
    for name, text in RULES[code].examples()[title].items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("code", "title"), EXAMPLES)
def test_docstring_examples_are_claim_files_that_give_their_verdict(code, title, tmp_path):
    corpus = load(write_example(tmp_path, code, title))  # strict: a CC900 error in an example fails here
    verdicts = {f.verdict for f in check(corpus, select=[code]).findings}
    assert EXPECTED[title] in verdicts, f"{code} {title} gives {sorted(verdicts)}"
    if EXPECTED[title] != "conflict":
        assert "conflict" not in verdicts


def test_examples_cover_a_conflict_and_a_consistent_case_per_rule():
    for code in VALUE_RULES:
        assert {"Conflicting example", "Consistent example"} <= set(RULES[code].examples()), code


def test_an_example_names_each_of_its_files():
    files = example_files("# a.yaml\nsource: {id: a}\n---\n# vocabulary.yaml\nmeasures: {}\n")
    assert list(files) == ["a.yaml", "vocabulary.yaml"]
    with pytest.raises(ValueError, match="does not start with"):
        example_files("source: {id: a}\n")


def test_codes_and_names_resolve():
    assert resolve("CC101").name == "quantity.disjoint"
    assert resolve("quantity.disjoint").code == "CC101"
    assert resolve("cc101").code == "CC101"
    with pytest.raises(KeyError):
        resolve("CC999")
    assert len({rule.name for rule in RULES.values()}) == len(RULES)


def test_docs_rules_md_is_generated_from_the_code():
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `claimcheck rules --markdown > docs/rules.md`")
