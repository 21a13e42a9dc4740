"""The rules, one module per family, each rule with its documentation.

Importing this package registers every rule in ``RULES``. To add a rule, write a decorated
function in the module of its family (or a new module imported here); see docs/architecture.md.
"""

from claimcheck.engine.rules import (  # noqa: F401 - importing a family registers its rules
    arithmetic,
    categories,
    chronology,
    counts,
    data,
    events,
    growth,
    quantity,
    rank,
    windows,
)
from claimcheck.engine.rules.registry import (
    EXPECTED,
    NAMES,
    REQUIRED_SECTIONS,
    RULES,
    SECTIONS,
    Rule,
    example_files,
    resolve,
    rule,
    rule_text,
    rules_markdown,
)

__all__ = ["EXPECTED", "NAMES", "REQUIRED_SECTIONS", "RULES", "SECTIONS", "Rule", "example_files", "resolve", "rule",
           "rule_text", "rules_markdown"]
