"""The rules, one module per family, each rule with its documentation.

Importing this package registers every rule in ``RULES``. To add a rule, write a decorated
function in the module of its family (or a new module imported here); see docs/architecture.md.
"""

from claimcheck.engine.rules import arithmetic, counts, data, events, growth, quantity, rank  # noqa: F401 - registers
from claimcheck.engine.rules.registry import (
    NAMES,
    RULES,
    SECTIONS,
    Rule,
    example_claims,
    resolve,
    rule,
    rule_text,
    rules_markdown,
)

__all__ = ["NAMES", "RULES", "SECTIONS", "Rule", "example_claims", "resolve", "rule", "rule_text", "rules_markdown"]
