"""The command line: ``claimcheck check``, ``store``, ``review``, ``extract``, ``rules`` and ``rule``.

Exit codes: 0 nothing new at or above --fail-on; 1 new, unreviewed findings at or above it; 2 a
usage error or a bad claim or review file, with a message naming file, line and field, and
nothing written. A reader that closes the pipe early (``claimcheck rules | head -1``) ends the
run quietly, with the status of a process ended by SIGPIPE (141), as other Unix tools do.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import signal
import stat
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import IO, Any, cast

from pydantic import ValidationError

from claimcheck import __version__
from claimcheck.config import claim_folders, find_settings
from claimcheck.corpus.loader import VOCABULARY_FILE, load
from claimcheck.corpus.records import Corpus
from claimcheck.engine.check import check as run_check
from claimcheck.engine.rules import RULES, resolve, rule_text, rules_markdown
from claimcheck.errors import ClaimcheckError, ClaimFileError, shown_path
from claimcheck.extraction.candidates import Candidate
from claimcheck.extraction.drafts import draft_yaml
from claimcheck.read.periods import parse_period
from claimcheck.report.formats import EXTENSIONS, FORMATS, Options, format_for
from claimcheck.report.terminal import print_report
from claimcheck.review import (
    FAIL_LEVELS,
    REVIEW_VERDICTS,
    FailOn,
    ReviewEntry,
    default_review_path,
    find_finding,
    outcome,
    prune,
    read_reviews,
    record,
    record_all,
    write_atomic,
)
from claimcheck.scale.extract import documents_in, extract_files, source_id_of
from claimcheck.scale.folder import ENGINES, load_and_check

CHECK_EXAMPLES = """\
examples:
  claimcheck check                                       the folders in [tool.claimcheck], or ./claims/
  claimcheck check claims/                               list findings; exit 1 on new conflicts
  claimcheck check claims/a.yaml claims/b.yaml           several files or folders, checked together
  claimcheck check claims/ --fail-on tension             tensions fail the run too
  claimcheck check claims/ -o report.html                a page to read in a browser (format from the name)
  claimcheck check claims/ -o claimcheck.sarif           for GitHub code scanning
  claimcheck check claims/ --format junit -o cc.xml      for CI test reports
  claimcheck check claims/ --select quantity --coverage  one family of rules, and what was compared with nothing

formats: text (a terminal listing), markdown (a pull-request comment), html (one self-contained
page), json (its schema ships in the package: claimcheck/report/report.schema.json), csv, junit,
sarif (2.1.0), github (workflow annotations), claimreview and observations (schema.org JSON-LD,
for publishing). Without --format, the name of --output decides: .txt .md .html .json .csv .xml
.sarif; any other name needs --format.

configuration: [tool.claimcheck] in the nearest pyproject.toml may set paths, select, ignore,
fail-on and format; options given here win.

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

STORE_EXAMPLES = """\
examples:
  claimcheck store claims/                 read every claim file once; later runs re-read only changed files
  claimcheck check claims/                 uses the store, refreshed first, so it is never stale

A file is read again when its content (or its source text) changes; a changed vocabulary or
claimcheck version reads everything again. The store needs pyarrow: pip install 'claimcheck[store]'.
"""

REVIEW_EXAMPLES = """\
examples:
  claimcheck review claims/ 9744c88c36db --verdict confirmed --note "asked the authors" \\
      --reviewer "A. Checker"
  claimcheck review claims/ d471c2a2d35e --verdict explained --explanation "the third initiative came in 2023"
  claimcheck review claims/ ea5fd18a7a8e --verdict false-positive --reason "the share counts a wider neighbourhood"
  claimcheck review claims/ --baseline                  accept every current finding; only new ones fail
  claimcheck review claims/ --prune                     drop entries that match no finding

A verdict is keyed by the finding's fingerprint (at least 6 characters of it; 'claimcheck check'
prints them). A reviewed finding still appears in reports, marked, but no longer fails the run.
Editing one of its claims changes the fingerprint and reopens it; the old entry is then stale,
and 'claimcheck check' reports it. The file (default: review.yaml in the claims folder) keeps its
comments and order; writes are atomic.
"""

COLOR_CHOICES = ("auto", "always", "never")
SIGPIPE_STATUS = 128 + int(getattr(signal, "SIGPIPE", 13))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Check whether documents agree: quantitative and dated claims, compared by rules.",
        epilog="examples:\n  claimcheck check claims/\n  claimcheck review claims/ 9744c88c36db --verdict confirmed\n"
               "  claimcheck extract report.txt --published 2025 -o claims/report.yaml\n"
               "  claimcheck rules\n  claimcheck rule CC101\n\n'claimcheck COMMAND --help' tells more.")
    parser.add_argument("--version", "-V", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check claims folders or files", epilog=CHECK_EXAMPLES,
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                description="Check claims folders (one YAML file per source) or claim files, "
                                            "all together.")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="claims folders or claim files (default: [tool.claimcheck] paths, or ./claims/)")
    check.add_argument("--format", "-f", choices=(*FORMATS, "parquet"),
                       help="output format (default: from the name of --output, else text); parquet: the findings "
                            "table, for corpora too large for a report (needs -o)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    check.add_argument("--review", metavar="FILE", help="the review file (default: review.yaml in the claims folder)")
    check.add_argument("--fail-on", choices=tuple(FAIL_LEVELS),
                       help="exit 1 when new, unreviewed findings of this verdict or worse exist (default: conflict)")
    check.add_argument("--select", action="append", metavar="CODES",
                       help="run only these rules: codes, code prefixes (CC1), names or name prefixes (quantity), "
                            "comma-separated or repeated")
    check.add_argument("--ignore", action="append", metavar="CODES", help="skip these rules (as --select)")
    check.add_argument("--hide-consistent", action="store_true", help="do not list the checks that passed")
    check.add_argument("--coverage", action="store_true", help="list the claims compared with nothing, and why")
    check.add_argument("--statistics", action="store_true", help="text: count the findings per rule and per source pair")
    check.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                       help="colour in the text listing: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR "
                            "forces it), always or never")
    check.add_argument("--url", metavar="URL", help="claimreview: the address of the page that publishes the reviews")
    check.add_argument("--engine", choices=ENGINES, default="auto",
                       help="auto (default): a large folder through its store, checked here, or by DuckDB from "
                            "2 million claims for --format parquet; local, duckdb or spark to choose (docs/scale.md)")

    store = commands.add_parser("store", help="build or refresh a claims folder's store (for large folders)",
                                epilog=STORE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
                                description="Read a claims folder into its store, .claimcheck/store/ inside it: "
                                            "Parquet that 'claimcheck check' reads instead of the YAML.")
    store.add_argument("path", help="a claims folder")
    store.add_argument("--jobs", "-j", type=int, metavar="N", help="processes that read claim files (default: "
                       "every core)")

    review = commands.add_parser("review", help="record a fact-checker's verdict on a finding",
                                 epilog=REVIEW_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
                                 description="Record a verdict on a finding, by its fingerprint, in the review file.")
    review.add_argument("path", help="the claims folder or file the finding came from")
    review.add_argument("fingerprint", nargs="?", help="the finding's fingerprint, or its first 6+ characters")
    review.add_argument("--verdict", choices=[v for v in REVIEW_VERDICTS if v != "baseline"],
                        help="confirmed, explained or false-positive")
    review.add_argument("--explanation", help="what explains the disagreement (required for 'explained')")
    review.add_argument("--reason", help="why the finding is wrong (required for 'false-positive')")
    review.add_argument("--note", help="anything else worth keeping")
    review.add_argument("--reviewer", help="who decided")
    review.add_argument("--date", type=datetime.date.fromisoformat, metavar="YYYY-MM-DD", help="default: today")
    review.add_argument("--review", metavar="FILE", help="the review file (default: review.yaml in the claims folder)")
    review.add_argument("--baseline", action="store_true",
                        help="accept every finding not yet reviewed (but the checks that passed) with the verdict "
                             "'baseline', so that only new findings fail")
    review.add_argument("--prune", action="store_true", help="remove entries that match no current finding")

    extracting = commands.add_parser("extract", help="draft claim records from documents", epilog=EXTRACT_EXAMPLES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     description="Draft a claim file from each document: every value and date found, "
                                                 "for a person to review and complete.")
    extracting.add_argument("files", nargs="+", metavar="FILE", help="plain-text documents (UTF-8), or folders of "
                            "*.txt documents")
    extracting.add_argument("--source-id", metavar="ID", help="the source id (default: the file name without suffix; "
                            "one file only)")
    extracting.add_argument("--published", metavar="DATE", help="publication date or year, which anchors 'last year'; "
                            "without it, relative periods are left out")
    extracting.add_argument("--output", "-o", metavar="PATH",
                            help="write the draft here (a folder when there are several files); default: stdout")
    extracting.add_argument("--format", "-f", choices=("yaml", "json"), default="yaml",
                            help="yaml: a draft claim file (default); json: the candidates with offsets")
    extracting.add_argument("--force", action="store_true", help="overwrite existing files")
    extracting.add_argument("--jobs", "-j", type=int, metavar="N",
                            help="processes that extract documents (default: every core)")

    rules = commands.add_parser("rules", help="list the rules", epilog="examples:\n  claimcheck rules\n"
                                "  claimcheck rules --markdown > docs/rules.md",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    rules.add_argument("--markdown", action="store_true", help="print docs/rules.md")
    one = commands.add_parser("rule", help="print one rule's documentation",
                              epilog="examples:\n  claimcheck rule CC101\n  claimcheck rule quantity.disjoint",
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    one.add_argument("code", help="a rule code (CC101) or name (quantity.disjoint)")
    return parser


# Options whose text is written into files or reports: they must be text, not stray bytes.
TEXT_OPTIONS = ("explanation", "reason", "note", "reviewer", "source_id", "published", "url")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    try:
        _check_text_options(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "rule":
            try:
                _stdout().write(rule_text(resolve(args.code)))
            except KeyError:
                return _fail(f"no rule {args.code!r} (see 'claimcheck rules')")
            return 0
        if args.command == "review":
            return _review(args)
        if args.command == "extract":
            return _extract(args)
        if args.command == "store":
            return _store(args)
        return _check(args)
    except BrokenPipeError:
        return _reader_went_away()
    except ClaimFileError as exc:
        for problem in exc.problems:
            print(f"claimcheck: {problem} [{problem.code}]", file=sys.stderr)
        return _fail(f"{len(exc.problems)} problem(s) found; nothing was written")
    except ClaimcheckError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}" + (f": {shown_path(exc.filename)}" if exc.filename else ""))
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


def _reader_went_away() -> int:
    """The reader closed the pipe: stop quietly, and keep Python's flush at exit from complaining again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass  # stdout is not a file descriptor (a test's capture): nothing more will be written to it
    return SIGPIPE_STATUS


def _stdout() -> IO[str]:
    """Standard output, or a clear error where it was closed (``claimcheck rules >&-``)."""
    if sys.stdout is None:
        raise ClaimcheckError("standard output is closed; give --output FILE, or leave stdout open")
    return sys.stdout


def _check_text_options(args: argparse.Namespace) -> None:
    for name in TEXT_OPTIONS:
        value = getattr(args, name, None)
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # Bytes the locale could not decode reach Python as lone surrogates: name them, write nothing.
            shown = value.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
            raise ClaimcheckError(f"--{name.replace('_', '-')} is not text in the terminal's encoding (got "
                                  f"'{shown}'); give it as UTF-8") from None


def _rules(args: argparse.Namespace) -> int:
    out = _stdout()
    if args.markdown:
        out.write(rules_markdown())
    else:
        for code, rule in sorted(RULES.items()):
            out.write(f"{code}  {rule.name:32} {rule.summary}\n")
    return 0


def _codes(patterns: list[str] | tuple[str, ...] | None) -> list[str] | None:
    if not patterns:
        return None
    return [code.strip() for pattern in patterns for code in pattern.split(",") if code.strip()]


# --- progress -----------------------------------------------------------------------------------


class Progress:
    """A progress bar on stderr that appears once a run has taken over a second; a quick run shows nothing."""

    DELAY = 1.0

    def __init__(self, enabled: bool) -> None:
        self._bar: Any = None
        self._task: Any = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._done = False
        if enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as Bar

            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            self._bar = Bar(*columns, console=Console(stderr=True, highlight=False), transient=True)
            self._task = self._bar.add_task("starting", total=None)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._timer = threading.Timer(self.DELAY, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _show(self) -> None:
        with self._lock:
            if not self._done:
                self._bar.start()

    def step(self, description: str, done: int = 0, total: int | None = None) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=description, completed=done, total=total)

    def checking(self, done: int, total: int, what: str) -> None:
        """The engine's progress callback."""
        self.step(f"checking: {what}", done, total)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        with self._lock:
            self._done = True
            if self._timer is not None:
                self._timer.cancel()
            if self._bar is not None:
                self._bar.stop()


# --- writing files ------------------------------------------------------------------------------


def _inputs(corpus: Corpus, review_path: Path | None) -> dict[str, str]:
    """What a report must never be written over: every file the check read, by real path."""
    protected: dict[str, str] = {}
    for source_id, file in corpus.files.items():
        protected[os.path.realpath(file)] = f"the claim file of source {source_id!r}"
        source = corpus.sources.get(source_id)
        if source is not None and source.text:
            protected[os.path.realpath(file.parent / source.text)] = f"the source text of {source_id!r}"
        protected.setdefault(os.path.realpath(file.parent / VOCABULARY_FILE), "a vocabulary file")
        protected.setdefault(os.path.realpath(default_review_path(file)), "a review file")
    if review_path is not None:
        protected[os.path.realpath(review_path)] = "the review file"
    return protected


def write_output(target: Path, text: str, protected: dict[str, str]) -> None:
    """Write ``text`` to ``target``: atomically to a file, through a device or a pipe, never over an input."""
    shown = shown_path(target)
    real = os.path.realpath(target)  # a symbolic link stays a link; the file it names is replaced
    if real in protected:
        raise ClaimcheckError(f"refusing to write over {shown}: it is {protected[real]}; choose another --output")
    try:
        mode: int | None = os.stat(real).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ClaimcheckError(f"cannot write {shown}: {exc.strerror}") from None
    try:
        if mode is not None and stat.S_ISDIR(mode):
            raise ClaimcheckError(f"cannot write {shown}: it is a folder; name a file")
        if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            # /dev/null, /dev/stdout or a named pipe: write through it. Renaming a file over it would
            # replace the device node itself.
            with open(real, "w", encoding="utf-8") as out:
                out.write(text)
            return
        if mode is not None and not stat.S_ISREG(mode):
            raise ClaimcheckError(f"cannot write {shown}: it is neither a file, a character device nor a pipe")
        Path(real).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(Path(real), text)
    except OSError as exc:
        raise ClaimcheckError(f"cannot write {shown}: {exc.strerror or exc}") from None


# --- check --------------------------------------------------------------------------------------


def _report_format(args: argparse.Namespace, configured: str | None) -> str:
    """--format; else what the name of --output asks for; else the configured format; else text."""
    if args.format:
        return str(args.format)
    if args.output:
        inferred = format_for(args.output)
        if inferred:
            return inferred
        if configured is None:
            raise ClaimcheckError(f"cannot tell the format from the name {args.output!r} (known endings: "
                                  f"{' '.join(EXTENSIONS)}); give --format, one of {', '.join(FORMATS)}")
    fmt = configured or "text"
    if fmt not in FORMATS:
        raise ClaimcheckError(f"[tool.claimcheck] format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    return fmt


def _colour(choice: str) -> bool:
    """--color always or never; auto: NO_COLOR turns it off, FORCE_COLOR on, else a terminal has colour."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout is not None and sys.stdout.isatty()


def _check(args: argparse.Namespace) -> int:
    settings = find_settings()
    paths = [Path(p) for p in args.paths] or claim_folders(settings)
    if not paths:
        raise ClaimcheckError("no claims folder given, and none found: give a path, set paths in [tool.claimcheck] "
                              "of pyproject.toml, or keep the claims in ./claims/")
    fail_on = cast(FailOn, args.fail_on or settings.fail_on or "conflict")
    select = _codes(args.select) or _codes(settings.select)
    ignore = _codes(args.ignore) or _codes(settings.ignore)
    if args.format == "parquet" or args.format is None and args.output and args.output.endswith(".parquet"):
        return _check_to_table(args, paths, select, ignore, fail_on)
    fmt = _report_format(args, settings.format)
    with Progress(enabled=sys.stderr is not None and sys.stderr.isatty()) as progress:
        corpus, report = _load_and_check(paths, select, ignore, args.engine, progress)
    review_path = Path(args.review) if args.review else default_review_path(paths[0])
    result = outcome(corpus, report, review_path, fail_on)
    options = Options(show_consistent=not args.hide_consistent, show_coverage=args.coverage,
                      statistics=args.statistics, url=args.url)
    colour = _colour(args.color)
    out = _stdout() if args.output is None else None
    if out is not None and fmt == "text" and (colour or out.isatty()):
        from rich.console import Console

        console = Console(file=out, highlight=False, emoji=False, force_terminal=colour or None, no_color=not colour,
                          color_system="auto" if colour else None)
        print_report(result, console, show_consistent=options.show_consistent,
                     show_coverage=options.show_coverage, statistics=options.statistics)
    else:
        rendered = FORMATS[fmt](result, options)
        if out is not None:
            out.write(rendered)
        else:
            write_output(Path(args.output), rendered, _inputs(corpus, review_path))
            print(f"claimcheck: wrote {fmt} report to {shown_path(args.output)}", file=sys.stderr)
    if result.stale:
        print(f"claimcheck: {len(result.stale)} review entr{'y matches' if len(result.stale) == 1 else 'ies match'} "
              f"no finding any more (stale); see the report, or 'claimcheck review {shown_path(paths[0])} --prune'",
              file=sys.stderr)
    return result.exit_code


def _load_and_check(paths: list[Path], select: list[str] | None, ignore: list[str] | None, engine: str,
                    progress: Progress) -> tuple[Corpus, Any]:
    """Load strictly (a bad claim file is exit 2) and check: one claims folder through its store when it has one
    or is large (claimcheck.scale.folder), anything else from its files, here."""
    if len(paths) == 1:
        return load_and_check(paths[0], select=select, ignore=ignore, engine=engine,
                              step=lambda what, done, total: progress.step(what, done or 0, total))
    if engine in ("duckdb", "spark"):
        raise ClaimcheckError(f"--engine {engine} checks one claims folder's store; give one folder")
    progress.step("loading claims")
    corpus = load(paths)
    return corpus, run_check(corpus, select=select, ignore=ignore, progress=progress.checking)


def _check_to_table(args: argparse.Namespace, paths: list[Path], select: list[str] | None,
                    ignore: list[str] | None, fail_on: FailOn) -> int:
    """The findings table (docs/scale.md), checked by DuckDB from 2 million claims, with no report built."""
    if args.output is None:
        return _fail("--format parquet writes a table: give -o FILE (a folder with --engine spark)")
    if len(paths) != 1:
        return _fail("--format parquet checks one claims folder; give one")
    from claimcheck.scale.folder import check_to_table

    with Progress(enabled=sys.stderr is not None and sys.stderr.isatty()) as progress:
        out = check_to_table(paths[0], args.output, select=select, ignore=ignore, engine=args.engine,
                             step=lambda what, done, total: progress.step(what, done or 0, total))
    import pyarrow.parquet as pq  # check_to_table has made sure it is installed

    from claimcheck.scale.groups import ORDER, failing, in_order

    findings = in_order(pq.read_table(out, columns=["verdict", "fingerprint", *ORDER]))
    review_path = Path(args.review) if args.review else default_review_path(paths[0])
    reviewed = set(read_reviews(review_path).entries)
    failed = failing(findings, FAIL_LEVELS[fail_on], reviewed)
    print(f"claimcheck: wrote {findings.num_rows:,} findings to {shown_path(out)}; {failed:,} failing at --fail-on "
          f"{fail_on}", file=sys.stderr)
    return 1 if failed else 0


# --- extract ------------------------------------------------------------------------------------


def _candidate_record(candidate: Candidate) -> dict[str, Any]:
    value, period = candidate.value, candidate.period
    return {
        "start": candidate.start, "end": candidate.end, "text": candidate.text, "kind": candidate.kind,
        "value": None if value is None else {"reading": value.canonical, "interval": value.interval_text(),
                                             "unit": value.unit, "low": value.low_magnitude,
                                             "high": value.high_magnitude},
        "period": None if period is None else {"text": candidate.period_text, "start": period.start.isoformat(),
                                               "end": period.end.isoformat(), "label": period.label()},
        "period_span": list(candidate.period_span) if candidate.period_span else None,
        "sentence": list(candidate.sentence), "quote": list(candidate.quote) if candidate.quote else None,
        "subject": candidate.subject, "measure": candidate.measure, "scope": candidate.scope,
        "direction": candidate.direction, "written": candidate.written, "also": candidate.also,
        "stated": candidate.stated, "note": candidate.note, "items": list(candidate.items) if candidate.items else None,
    }


def _extract(args: argparse.Namespace) -> int:
    files = documents_in([Path(f) for f in args.files])
    if not files:
        return _fail(f"no documents (*.txt) in {', '.join(shown_path(f) for f in args.files)}")
    if args.source_id and len(files) > 1:
        return _fail("--source-id names one source; give one file, or let each file name its source")
    if args.published:
        parse_period(args.published)  # a bad date is a usage error now, not a surprise in every claim
    many = len(files) > 1 or any(Path(f).is_dir() for f in args.files)  # a folder's drafts go to a folder
    output = Path(args.output) if args.output else None
    if many and output is not None and output.exists() and not output.is_dir():
        return _fail(f"{shown_path(output)} is a file; with several documents --output names a folder")
    protected = {os.path.realpath(file): "a document being extracted" for file in files}
    drafts: list[tuple[Path | None, str]] = []
    drafted_from: dict[str, Path] = {}
    with Progress(enabled=sys.stderr is not None and sys.stderr.isatty()) as progress:
        found = extract_files(files, published=args.published, jobs=args.jobs,
                              progress=lambda done, total: progress.step("extracting", done, total))
        for file, text, candidates in found:
            source_id = args.source_id or source_id_of(file)
            if args.format == "json":
                rendered = json.dumps({"file": str(file), "source_id": source_id,
                                       "candidates": [_candidate_record(c) for c in candidates]},
                                      ensure_ascii=False, indent=1) + "\n"
                suffix = ".json"
            else:
                target_dir = (output if many else (output.parent if output else None)) or Path.cwd()
                rendered = draft_yaml(text, candidates, source_id=source_id, published=args.published,
                                      text_path=_relative(file, target_dir), origin=file.name)
                suffix = ".yaml"
            target = (output / f"{source_id}{suffix}") if many and output else output
            if target is not None:
                key = os.path.realpath(target)
                if key in drafted_from:
                    return _fail(f"{shown_path(drafted_from[key])} and {shown_path(file)} would both be drafted to "
                                 f"{shown_path(target)}; rename one, or extract each alone with --source-id")
                drafted_from[key] = file
                if target.is_file() and not args.force:
                    return _fail(f"{shown_path(target)} exists; claimcheck extract never overwrites a file "
                                 "without --force")
            drafts.append((target, rendered))
    for target, rendered in drafts:  # write only once every document has been read
        if target is None:
            _stdout().write(rendered)
        else:
            write_output(target, rendered, protected)
            print(f"claimcheck: wrote a draft of {rendered.count(chr(10) + '  - id: ')} claims to "
                  f"{shown_path(target)}", file=sys.stderr)
    return 0


def _relative(file: Path, folder: Path) -> str | None:
    """The document's path from the draft's folder, if it lies inside it (the loader keeps texts inside)."""
    try:
        return file.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None


# --- store --------------------------------------------------------------------------------------


def _store(args: argparse.Namespace) -> int:
    """Build or refresh the folder's store; its problems are listed as check lists them (exit 2)."""
    try:
        from claimcheck.store import refresh
    except ImportError:
        return _fail("the store needs pyarrow: pip install 'claimcheck[store]'")
    if not Path(args.path).is_dir():
        return _fail(f"{shown_path(args.path)} is not a folder; the store is made for a claims folder")
    with Progress(enabled=sys.stderr is not None and sys.stderr.isatty()) as progress:
        done = refresh(args.path, jobs=args.jobs,
                       progress=lambda n, total: progress.step("reading claim files", n, total))
    store = done.store
    print(f"claimcheck: store of {store.claim_count:,} claims in {shown_path(store.path)}: {done.parsed} file(s) "
          f"read, {done.kept} unchanged, {done.removed} removed")
    problems = store.corpus(claims=False).problems
    if problems:
        raise ClaimFileError(problems)
    return 0


# --- review -------------------------------------------------------------------------------------


def _review(args: argparse.Namespace) -> int:
    corpus: Corpus = load(args.path)
    report = run_check(corpus)
    path = Path(args.review) if args.review else default_review_path(args.path)
    if args.prune:
        reviews = read_reviews(path)
        current = {finding.fingerprint for finding in report.findings}
        gone = prune(path, [fp for fp in reviews.entries if fp not in current]) if path.exists() else 0
        print(f"claimcheck: removed {gone} stale entr{'y' if gone == 1 else 'ies'} from {shown_path(path)}")
        return 0
    if args.baseline:
        return _baseline(args, corpus, report, path)
    if not args.fingerprint or not args.verdict:
        return _fail("review needs a fingerprint and --verdict (or --baseline, or --prune); "
                     "see 'claimcheck review --help'")
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
          f"({finding.fingerprint}) in {shown_path(path)}")
    return 0


def _baseline(args: argparse.Namespace, corpus: Corpus, report: Any, path: Path) -> int:
    """Accept every finding not yet reviewed, but the checks that passed, as the baseline."""
    if args.fingerprint or args.verdict:
        return _fail("--baseline accepts every finding at once; give no fingerprint and no --verdict")
    reviews = read_reviews(path, corpus)
    date = args.date or datetime.date.today()
    entries = [ReviewEntry(fingerprint=f.fingerprint, verdict="baseline", note=args.note, reviewer=args.reviewer,
                           date=date, finding=f"{f.code} {f.name}", claims=f.claim_ids)
               for f in report.findings if f.verdict != "consistent" and reviews.get(f) is None]
    if entries:
        record_all(path, entries)
    print(f"claimcheck: accepted {len(entries)} finding{'' if len(entries) == 1 else 's'} as the baseline in "
          f"{shown_path(path)}; from now on only new findings fail, and entries that match nothing are reported "
          "as stale")
    return 0


__all__ = ["main", "write_output"]
