"""Every rule documents itself, and every documented example runs through the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import check
from claimcheck.engine.rules import RULES, SECTIONS, example_claims, resolve, rules_markdown

DOCS = Path(__file__).parent.parent / "docs" / "rules.md"
VALUE_RULES = sorted(code for code, rule in RULES.items() if rule.key != "problems")


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_its_sections(code):
    rule = RULES[code]
    required = SECTIONS if rule.key != "problems" else SECTIONS[:3]
    for title in required:
        assert rule.section(title), f"{code} has no '{title}' section"
    assert rule.summary.endswith(".")


@pytest.mark.parametrize("code", VALUE_RULES)
@pytest.mark.parametrize("title", ["Conflicting example", "Consistent example"])
def test_docstring_examples_give_their_verdict(code, title):
    example = RULES[code].examples()[title]
    claims, vocabulary = example_claims(example)
    report = check(claims, select=[code], vocabulary=vocabulary)
    assert example["expect"] in {f.verdict for f in report.findings}
    if example["expect"] == "consistent":
        assert "conflict" not in {f.verdict for f in report.findings}


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
