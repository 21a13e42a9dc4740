"""The command line.

    claimcheck check claims/            check a claims folder (exit 0, 1 or 2)
    claimcheck rules [--markdown]       list the rules
    claimcheck rule CC101               print one rule's documentation

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on (conflicts by
default); 2 usage error or a claim-file problem.
"""

from __future__ import annotations

import argparse
import sys

from claimcheck.engine import check as run_check
from claimcheck.errors import ClaimcheckError
from claimcheck.loader import load
from claimcheck.report import render_json, render_text
from claimcheck.rules import RULES, resolve, rule_text, rules_markdown

FAIL_ON = {"conflict": ("conflict",), "tension": ("conflict", "tension"), "never": ()}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimcheck", description="Check whether documents agree.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="check a claims folder or file")
    check.add_argument("path", help="a claims folder (one YAML file per source) or a single claim file")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument("--select", action="append", metavar="CODE", help="run only these rules (code, prefix or name)")
    check.add_argument("--ignore", action="append", metavar="CODE", help="skip these rules (code, prefix or name)")
    check.add_argument("--fail-on", choices=tuple(FAIL_ON), default="conflict",
                       help="exit 1 when findings of this verdict or worse exist (default: conflict)")
    check.add_argument("--hide-consistent", action="store_true", help="do not list the checks that passed")
    check.add_argument("--coverage", action="store_true", help="list the claims that were compared with nothing")
    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--markdown", action="store_true", help="print docs/rules.md")
    one = commands.add_parser("rule", help="print one rule's documentation")
    one.add_argument("code", help="a rule code (CC101) or name (quantity.disjoint)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    try:
        if args.command == "rules":
            if args.markdown:
                sys.stdout.write(rules_markdown())
            else:
                for code, rule in sorted(RULES.items()):
                    print(f"{code}  {rule.name:32} {rule.summary}")
            return 0
        if args.command == "rule":
            try:
                sys.stdout.write(rule_text(resolve(args.code)))
            except KeyError:
                print(f"claimcheck: no rule {args.code!r} (see 'claimcheck rules')", file=sys.stderr)
                return 2
            return 0
        return _check(args)
    except ClaimcheckError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return 2


def _check(args: argparse.Namespace) -> int:
    corpus = load(args.path, strict=False)
    report = run_check(corpus, select=args.select, ignore=args.ignore)
    if args.format == "json":
        sys.stdout.write(render_json(report))
    else:
        sys.stdout.write(render_text(report, corpus, show_consistent=not args.hide_consistent,
                                     show_coverage=args.coverage))
    if corpus.problems:
        print(f"claimcheck: {len(corpus.problems)} problem(s) in the claim files (listed above as CC9xx findings)",
              file=sys.stderr)
        return 2
    failing = FAIL_ON[args.fail_on]
    return 1 if any(f.verdict in failing for f in report.findings) else 0
