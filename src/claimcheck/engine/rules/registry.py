"""The rule registry: every rule a decorated function with a stable code; its docstring is its page.

A rule is a pure function of one group of claim rows (all rows sharing the rule's blocking key)
and the context (the vocabulary). It does no I/O and never reaches into another group, so the
same code can run inside a distributed group-by. The examples in each docstring are claim files
that a test loads as a claims folder and runs through the rule.

Codes live in ``RULES`` and are never reused; a renamed rule keeps its old name as an alias.
"""

from __future__ import annotations

import functools
import inspect
import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from claimcheck.engine.findings import Context, Finding

Check = Callable[..., Iterable[Finding]]  # a rule: its group (and keys) in, findings out

SECTIONS = ("What it checks", "Why it matters", "Known problems", "Conflicting example", "Tension example",
            "Consistent example")
REQUIRED_SECTIONS = ("What it checks", "Why it matters", "Known problems", "Conflicting example", "Consistent example")
# The verdict each example must give, by its section's title.
EXPECTED = {"Conflicting example": "conflict", "Tension example": "tension", "Consistent example": "consistent"}
_FILE_NAME = re.compile(r"#\s*([A-Za-z0-9._-]+\.ya?ml)\s*$")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    key: str  # the blocking key the engine groups rows by; "problems" for data rules
    check: Check
    aliases: tuple[str, ...] = ()
    applies: Callable[[Context], bool] | None = None  # None: always; else skipped when it says False

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else ""

    def section(self, title: str) -> str:
        match = re.search(rf"^{re.escape(title)}:{{1,2}}\n(.*?)(?=^\S[^\n]*:{{1,2}}\n|\Z)", self.doc, re.S | re.M)
        return textwrap.dedent(match.group(1)).strip() if match else ""

    def examples(self) -> dict[str, dict[str, str]]:
        """The docstring's examples as claim files: {'Conflicting example': {'wang.yaml': text, ...}, ...}.

        An example is a claims folder written out: YAML documents separated by ``---``, each opened
        by a comment naming its file (``# wang-2025.yaml``, ``# vocabulary.yaml``), so that each can be
        pasted into a file of that name as it is.
        """
        out = {}
        for title in EXPECTED:
            text = self.section(title)
            if text:
                out[title] = example_files(text)
        return out


RULES: dict[str, Rule] = {}
NAMES: dict[str, str] = {}


def rule(code: str, name: str, *, key: str, aliases: tuple[str, ...] = (),
         applies: Callable[[Context], bool] | None = None) -> Callable[[Check], Check]:
    """Register a rule under a stable code and a readable name."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule code {code} is used twice")
        RULES[code] = Rule(code, name, key, _once_per_claim(check), aliases, applies)
        for alias in (name, *aliases):
            NAMES[alias] = code
        return check

    return register


def _once_per_claim(check: Check) -> Check:
    """The rule, without the undetermined findings a second writing of a claim repeats.

    A figure given in two currencies (``also:``) is one claim read twice; where its other writing
    already gives a finding on the same claims (or more), "no claim states the whole" in dollars
    after the same in yen is noise. Only findings that read an ``also:`` writing are weighed.
    """

    @functools.wraps(check)
    def run(*args: Any) -> list[Finding]:
        found = list(check(*args))
        repeated = [f for f in found if f.verdict == "undetermined" and any(row.reading for row in f.rows)]
        if not repeated:
            return found
        dropped: set[int] = set()
        for finding in repeated:
            ids = set(finding.claim_ids)
            if any(other is not finding and id(other) not in dropped and ids <= set(other.claim_ids)
                   and (other.verdict != "undetermined" or _writing(other) < _writing(finding)) for other in found):
                dropped.add(id(finding))
        return [f for f in found if id(f) not in dropped]

    return run


def _writing(finding: Finding) -> int:
    """Which writing a finding reads: 0 for claims' values, more for their ``also:``."""
    return sum(row.reading for row in finding.rows)


def resolve(code_or_name: str) -> Rule:
    """A rule by code (CC101), name (quantity.disjoint) or old name; KeyError if there is none."""
    code = code_or_name.upper() if code_or_name.upper() in RULES else NAMES.get(code_or_name)
    if code is None:
        raise KeyError(code_or_name)
    return RULES[code]


def example_files(text: str) -> dict[str, str]:
    """An example's files by name, from YAML documents each opened by '# name.yaml'."""
    files = {}
    for number, document in enumerate(re.split(r"(?m)^---\s*$", text)):
        lines = document.strip().splitlines()
        name = _FILE_NAME.fullmatch(lines[0].strip()) if lines else None
        if name is None:
            raise ValueError(f"document {number + 1} of the example does not start with '# <file>.yaml'")
        files[name.group(1)] = "\n".join(lines[1:]) + "\n"
    return files


def rule_text(rule: Rule) -> str:
    """One rule's page, as ``claimcheck rule CODE`` prints it."""
    aliases = f" (also: {', '.join(rule.aliases)})" if rule.aliases else ""
    return f"{rule.code} {rule.name}{aliases}\n\n{rule.doc}\n"


def rules_markdown() -> str:
    """docs/rules.md, generated from the docstrings; a test keeps the file in step with the code."""
    out = ["# Rules", "", "Generated by `claimcheck rules --markdown` from the rules' docstrings; do not edit by hand.", "",
           "| code | name | summary |", "|---|---|---|"]
    out += [f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.summary} |" for _, r in sorted(RULES.items())]
    for _, r in sorted(RULES.items()):
        aliases = f" (also known as {', '.join(f'`{a}`' for a in r.aliases)})" if r.aliases else ""
        out += ["", f"## {r.code}", "", f"`{r.name}`{aliases}: {r.summary}", ""]
        for title in SECTIONS:
            body = r.section(title)
            if not body:
                continue
            out += [f"**{title}**", ""]
            out += (["```yaml", body, "```"] if title.endswith("example") else [body])
            out.append("")
    return "\n".join(out).rstrip() + "\n"


__all__ = ["EXPECTED", "NAMES", "REQUIRED_SECTIONS", "RULES", "SECTIONS", "Rule", "example_files", "resolve", "rule",
           "rule_text", "rules_markdown"]
