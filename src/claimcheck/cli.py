"""The command line: ``claimcheck check``, ``review``, ``rules`` and ``rule``.

Exit codes: 0 nothing new at or above --fail-on; 1 new, unreviewed findings at or above it; 2 a
usage error or a bad claim or review file, with a message naming file, line and field, and
nothing written.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from claimcheck.corpus.loader import load
from claimcheck.corpus.records import Corpus
from claimcheck.corpus.yamlfile import decode
from claimcheck.engine.check import check as run_check
from claimcheck.engine.rules import RULES, resolve, rule_text, rules_markdown
from claimcheck.errors import ClaimcheckError, ClaimFileError
from claimcheck.extraction.candidates import Candidate, extract
from claimcheck.extraction.drafts import draft_yaml
from claimcheck.read.periods import parse_period
from claimcheck.report.ci import render_github, render_junit, render_sarif
from claimcheck.report.data import render_csv, render_json
from claimcheck.report.html import render_html
from claimcheck.report.jsonld import render_claimreview, render_observations
from claimcheck.report.markdown import render_markdown
from claimcheck.report.terminal import print_report, render_text
from claimcheck.review import (
    FAIL_LEVELS,
    REVIEW_VERDICTS,
    Outcome,
    ReviewEntry,
    default_review_path,
    find_finding,
    outcome,
    prune,
    read_reviews,
    record,
    write_atomic,
)

FORMATS: dict[str, Callable[[Outcome, argparse.Namespace], str]] = {
    "text": lambda o, a: render_text(o, show_consistent=not a.hide_consistent, show_coverage=a.coverage),
    "markdown": lambda o, a: render_markdown(o, show_consistent=not a.hide_consistent),
    "html": lambda o, a: render_html(o),
    "json": lambda o, a: render_json(o),
    "csv": lambda o, a: render_csv(o),
    "junit": lambda o, a: render_junit(o),
    "sarif": lambda o, a: render_sarif(o),
    "github": lambda o, a: render_github(o),
    "claimreview": lambda o, a: render_claimreview(o),
    "observations": lambda o, a: render_observations(o),
}

CHECK_EXAMPLES = """\
examples:
  claimcheck check claims/                               list findings; exit 1 on new conflicts
  claimcheck check claims/ --fail-on tension             tensions fail the run too
  claimcheck check claims/ --format html -o report.html  a page to read in a browser
  claimcheck check claims/ --format sarif -o cc.sarif    for GitHub code scanning
  claimcheck check claims/ --format junit -o cc.xml      for CI test reports
  claimcheck check claims/ --select CC101 --coverage     one rule, and what was compared with nothing

formats: text (a terminal listing), markdown (a pull-request comment), html (one self-contained
page), json (docs/report.schema.json), csv, junit, sarif (2.1.0), github (workflow annotations),
claimreview and observations (schema.org JSON-LD, for publishing).

exit codes: 0 nothing new at or above --fail-on; 1 new, unreviewed findings at or above it;
2 a usage error or a bad claim or review file (the message names file, line and field).
"""

EXTRACT_EXAMPLES = """\
examples:
  claimcheck extract report.txt --published 2025 -o claims/report.yaml
  claimcheck extract a.txt b.txt --published 2024 -o drafts/
  claimcheck extract report.txt --format json           candidates with their offsets

A draft is marked 'draft: true' and leaves what it could not fill as null, with a TODO comment.
Values and periods are read with the same grammar as claim files, so a draft reads back as it was
extracted. Existing files are never overwritten without --force.
"""

REVIEW_EXAMPLES = """\
examples:
  claimcheck review claims/ 31357500fc9d --verdict explained \\
      --explanation "Liu and Hu count a wider set of neighbours" --reviewer "A. Checker"
  claimcheck review claims/ 45343630fb83 --verdict confirmed --note "asked the authors"
  claimcheck review claims/ 9a0b1c2d3e4f --verdict false-positive --reason "different measures"
  claimcheck review claims/ --prune                     drop entries that match no finding

A verdict is keyed by the finding's fingerprint (at least 6 characters of it; 'claimcheck check'
prints them). A reviewed finding still appears in reports, marked, but no longer fails the run.
Editing one of its claims changes the fingerprint and reopens it; the old entry is then stale.
The file (default: review.yaml in the claims folder) keeps its comments and order; writes are atomic.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Check whether documents agree: quantitative and dated claims, compared by rules.",
        epilog="examples:\n  claimcheck check claims/\n  claimcheck review claims/ 31357500fc9d --verdict confirmed\n"
               "  claimcheck extract report.txt --published 2025 -o claims/report.yaml\n"
               "  claimcheck rules\n  claimcheck rule CC101\n\n'claimcheck COMMAND --help' tells more.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check a claims folder or file", epilog=CHECK_EXAMPLES,
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                description="Check a claims folder (one YAML file per source) or one claim file.")
    check.add_argument("path", help="a claims folder or a single claim file")
    check.add_argument("--format", "-f", choices=tuple(FORMATS), default="text", help="output format (default: text)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    check.add_argument("--review", metavar="FILE", help="the review file (default: review.yaml in the claims folder)")
    check.add_argument("--fail-on", choices=tuple(FAIL_LEVELS), default="conflict",
                       help="exit 1 when new, unreviewed findings of this verdict or worse exist (default: conflict)")
    check.add_argument("--select", action="append", metavar="CODES",
                       help="run only these rules: codes, prefixes or names, comma-separated or repeated")
    check.add_argument("--ignore", action="append", metavar="CODES", help="skip these rules (as --select)")
    check.add_argument("--hide-consistent", action="store_true", help="do not list the checks that passed")
    check.add_argument("--coverage", action="store_true", help="list the claims compared with nothing, and why")

    review = commands.add_parser("review", help="record a fact-checker's verdict on a finding",
                                 epilog=REVIEW_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
                                 description="Record a verdict on a finding, by its fingerprint, in the review file.")
    review.add_argument("path", help="the claims folder or file the finding came from")
    review.add_argument("fingerprint", nargs="?", help="the finding's fingerprint, or its first 6+ characters")
    review.add_argument("--verdict", choices=REVIEW_VERDICTS, help="confirmed, explained or false-positive")
    review.add_argument("--explanation", help="what explains the disagreement (required for 'explained')")
    review.add_argument("--reason", help="why the finding is wrong (required for 'false-positive')")
    review.add_argument("--note", help="anything else worth keeping")
    review.add_argument("--reviewer", help="who decided")
    review.add_argument("--date", type=datetime.date.fromisoformat, metavar="YYYY-MM-DD", help="default: today")
    review.add_argument("--review", metavar="FILE", help="the review file (default: review.yaml in the claims folder)")
    review.add_argument("--prune", action="store_true", help="remove entries that match no current finding")

    extracting = commands.add_parser("extract", help="draft claim records from documents", epilog=EXTRACT_EXAMPLES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     description="Draft a claim file from each document: every value and date found, "
                                                 "for a person to review and complete.")
    extracting.add_argument("files", nargs="+", metavar="FILE", help="plain-text documents (UTF-8)")
    extracting.add_argument("--source-id", metavar="ID", help="the source id (default: the file name without suffix; "
                            "one file only)")
    extracting.add_argument("--published", metavar="DATE", help="publication date or year, which anchors 'last year'; "
                            "without it, relative periods are left out")
    extracting.add_argument("--output", "-o", metavar="PATH",
                            help="write the draft here (a folder when there are several files); default: stdout")
    extracting.add_argument("--format", "-f", choices=("yaml", "json"), default="yaml",
                            help="yaml: a draft claim file (default); json: the candidates with offsets")
    extracting.add_argument("--force", action="store_true", help="overwrite existing files")

    rules = commands.add_parser("rules", help="list the rules", epilog="examples:\n  claimcheck rules\n"
                                "  claimcheck rules --markdown > docs/rules.md",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    rules.add_argument("--markdown", action="store_true", help="print docs/rules.md")
    one = commands.add_parser("rule", help="print one rule's documentation",
                              epilog="examples:\n  claimcheck rule CC101\n  claimcheck rule quantity.disjoint",
                              formatter_class=argparse.RawDescriptionHelpFormatter)
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
                return _fail(f"no rule {args.code!r} (see 'claimcheck rules')")
            return 0
        if args.command == "review":
            return _review(args)
        if args.command == "extract":
            return _extract(args)
        return _check(args)
    except ClaimFileError as exc:
        for problem in exc.problems:
            print(f"claimcheck: {problem} [{problem.code}]", file=sys.stderr)
        return _fail(f"{len(exc.problems)} problem(s) found; nothing was written")
    except ClaimcheckError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write: {exc}")
    except KeyboardInterrupt:
        return _fail("interrupted; nothing was written")
    except Exception as exc:  # noqa: BLE001 - the last guard: a bug must not print a traceback at a fact-checker
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        return _fail(f"internal error ({type(exc).__name__}: {exc}); nothing was written. Please report it with "
                     "the file that caused it; CLAIMCHECK_DEBUG=1 shows the traceback")


def _fail(message: str) -> int:
    print(f"claimcheck: {message}", file=sys.stderr)
    return 2


def _codes(patterns: list[str] | None) -> list[str] | None:
    if not patterns:
        return None
    return [code.strip() for pattern in patterns for code in pattern.split(",") if code.strip()]


def _load_and_check(path: str, select: list[str] | None, ignore: list[str] | None, *, live: bool):
    """Load strictly (a bad claim file is exit 2) and check, with a progress bar on a terminal."""
    if not live:
        corpus = load(path)
        return corpus, run_check(corpus, select=select, ignore=ignore)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        loading = bar.add_task("loading claims", total=None)
        corpus = load(path)
        bar.update(loading, total=1, completed=1)
        checking = bar.add_task("checking", total=None)

        def step(done: int, total: int, what: str) -> None:
            bar.update(checking, total=total, completed=done, description=f"checking: {what}")

        report = run_check(corpus, select=select, ignore=ignore, progress=step)
    return corpus, report


LONG_RUN_BYTES = 1_000_000  # claim files this large take seconds to check: worth a progress bar


def _long_run(path: str) -> bool:
    root = Path(path)
    files = root.glob("*.y*ml") if root.is_dir() else [root]
    try:
        return sum(f.stat().st_size for f in files) >= LONG_RUN_BYTES
    except OSError:
        return False


def _check(args: argparse.Namespace) -> int:
    to_terminal = args.output is None and args.format == "text" and sys.stdout.isatty()
    live = sys.stderr.isatty() and (to_terminal or args.output is not None) and _long_run(args.path)
    corpus, report = _load_and_check(args.path, _codes(args.select), _codes(args.ignore), live=live)
    review_path = Path(args.review) if args.review else default_review_path(args.path)
    result = outcome(corpus, report, review_path, args.fail_on)
    if to_terminal:
        from rich.console import Console

        print_report(result, Console(highlight=False), show_consistent=not args.hide_consistent,
                     show_coverage=args.coverage)
    else:
        rendered = FORMATS[args.format](result, args)
        if args.output is None:
            sys.stdout.write(rendered)
        else:
            write_atomic(Path(args.output), rendered)
            print(f"claimcheck: wrote {args.format} report to {args.output}", file=sys.stderr)
    if result.stale:
        print(f"claimcheck: {len(result.stale)} review entr{'y matches' if len(result.stale) == 1 else 'ies match'} "
              f"no finding any more (stale); see the report, or 'claimcheck review {args.path} --prune'",
              file=sys.stderr)
    return result.exit_code


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-._") or "source"


def _candidate_record(candidate: Candidate) -> dict:
    value, period = candidate.value, candidate.period
    return {
        "start": candidate.start, "end": candidate.end, "text": candidate.text, "kind": candidate.kind,
        "value": None if value is None else {"reading": value.canonical, "interval": value.interval_text(),
                                             "unit": value.unit, "low": value.low_magnitude,
                                             "high": value.high_magnitude},
        "period": None if period is None else {"text": candidate.period_text, "start": period.start.isoformat(),
                                               "end": period.end.isoformat(), "label": period.label()},
        "period_span": list(candidate.period_span) if candidate.period_span else None,
        "sentence": list(candidate.sentence), "subject": candidate.subject, "measure": candidate.measure,
        "items": list(candidate.items) if candidate.items else None,
    }


def _extract(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files]
    if args.source_id and len(files) > 1:
        return _fail("--source-id names one source; give one file, or let each file name its source")
    if args.published:
        parse_period(args.published)  # a bad date is a usage error now, not a surprise in every claim
    many = len(files) > 1
    output = Path(args.output) if args.output else None
    if many and output is not None and output.exists() and not output.is_dir():
        return _fail(f"{output} is a file; with several documents --output names a folder")
    drafts: list[tuple[Path | None, str]] = []
    for file in files:
        try:
            text = decoded(file.read_bytes(), str(file))
        except OSError as exc:
            return _fail(f"cannot read {file}: {exc.strerror or exc}")
        candidates = extract(text, published=args.published)
        source_id = args.source_id or _slug(file.stem)
        if args.format == "json":
            rendered = json.dumps({"file": str(file), "source_id": source_id,
                                   "candidates": [_candidate_record(c) for c in candidates]}, ensure_ascii=False,
                                  indent=1) + "\n"
            suffix = ".json"
        else:
            target_dir = (output if many else (output.parent if output else None)) or Path.cwd()
            rendered = draft_yaml(text, candidates, source_id=source_id, published=args.published,
                                  text_path=_relative(file, target_dir), origin=file.name)
            suffix = ".yaml"
        target = (output / f"{source_id}{suffix}") if many and output else output
        if target is not None and target.exists() and not args.force:
            return _fail(f"{target} exists; claimcheck extract never overwrites a file without --force")
        drafts.append((target, rendered))
    for target, rendered in drafts:  # write only once every document has been read
        if target is None:
            sys.stdout.write(rendered)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, rendered)
            print(f"claimcheck: wrote a draft of {rendered.count(chr(10) + '  - id: ')} claims to {target}",
                  file=sys.stderr)
    return 0


def decoded(data: bytes, shown: str) -> str:
    problems: list = []
    text = decode(data, shown, problems)
    if text is None:
        raise ClaimFileError(problems)
    return text


def _relative(file: Path, folder: Path) -> str | None:
    """The document's path from the draft's folder, if it lies inside it (the loader keeps texts inside)."""
    try:
        return file.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None


def _review(args: argparse.Namespace) -> int:
    corpus: Corpus = load(args.path)
    report = run_check(corpus)
    path = Path(args.review) if args.review else default_review_path(args.path)
    if args.prune:
        reviews = read_reviews(path)
        current = {finding.fingerprint for finding in report.findings}
        gone = prune(path, [fp for fp in reviews.entries if fp not in current]) if path.exists() else 0
        print(f"claimcheck: removed {gone} stale entr{'y' if gone == 1 else 'ies'} from {path}")
        return 0
    if not args.fingerprint or not args.verdict:
        return _fail("review needs a fingerprint and --verdict (or --prune); see 'claimcheck review --help'")
    read_reviews(path, corpus)  # refuse to add to a file that is already broken
    finding = find_finding(report, args.fingerprint)
    try:
        entry = ReviewEntry(fingerprint=finding.fingerprint, verdict=args.verdict, explanation=args.explanation,
                            reason=args.reason, note=args.note, reviewer=args.reviewer,
                            date=args.date or datetime.date.today(), finding=f"{finding.code} {finding.name}",
                            claims=finding.claim_ids)
    except ValidationError as exc:
        return _fail("; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors()))
    record(path, entry)
    print(f"claimcheck: recorded {entry.verdict} for {finding.code} {' '.join(finding.claim_ids)} "
          f"({finding.fingerprint}) in {path}")
    return 0


__all__ = ["FORMATS", "main"]
