"""The pytest plugin: claim folders as tests, one item per finding.

Opt in with ``pytest --claimcheck`` (or ``claimcheck = true`` in the ini file). The claims checked
are the folders given as arguments (a claim file stands for its folder), or else the folders of
``[tool.claimcheck] paths``, or else the documented ``claims/`` beside the configuration: never a
folder of YAML files met on the way, such as a test suite's fixtures. A claims folder is checked
as a whole; each finding is an item, named by its rule and its first claim, never by its verdict.

An unreviewed finding at or above the fail level fails, and its failure is the finding's one-line
message with the listing below it; a reviewed one is an xfail with its verdict; a tension or an
undetermined finding below the fail level passes with a warning, so that it is seen; the rest
pass. The items work with ``-k`` (by code, rule name, verdict or claim id), ``-x`` and
``--junitxml``.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

# Only light modules here: claimcheck's engine is imported when a claims folder is collected, so
# that every pytest run of a project that merely has claimcheck installed stays as fast as before.
from claimcheck.config import FAIL_LEVELS, Settings, claim_folders, find_settings
from claimcheck.errors import ClaimcheckError

if TYPE_CHECKING:
    from claimcheck.corpus.records import Corpus
    from claimcheck.report.common import Shown
    from claimcheck.review import FailOn

CLAIM_SUFFIXES = (".yaml", ".yml")
_ROOTS = pytest.StashKey[set[Path]]()
_SETTINGS = pytest.StashKey[Settings]()


class ClaimcheckWarning(UserWarning):
    """A finding that does not fail the run but needs a reader: a tension, or an undetermined comparison."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("claimcheck", "check claim folders with claimcheck")
    group.addoption("--claimcheck", action="store_true", default=None,
                    help="collect claim folders (those given as paths, else [tool.claimcheck] paths, else ./claims) "
                         "as claimcheck findings")
    group.addoption("--claimcheck-fail-on", choices=FAIL_LEVELS, default=None,
                    help="findings of this verdict or worse fail, unless reviewed (default: conflict)")
    group.addoption("--claimcheck-review", metavar="FILE", default=None,
                    help="the review file (default: review.yaml in the claims folder)")
    parser.addini("claimcheck", type="bool", default=False, help="collect claim folders as claimcheck findings")
    parser.addini("claimcheck_fail_on", default="", help="conflict, tension or none (default: conflict)")


def _enabled(config: pytest.Config) -> bool:
    option = config.getoption("claimcheck")
    return bool(option) if option is not None else bool(config.getini("claimcheck"))


def _fail_on(config: pytest.Config) -> FailOn:
    value: str = config.getoption("claimcheck_fail_on") or config.getini("claimcheck_fail_on") or \
        config.stash[_SETTINGS].fail_on or "conflict"
    if value not in FAIL_LEVELS:
        raise pytest.UsageError(f"claimcheck_fail_on must be one of {', '.join(FAIL_LEVELS)} (got {value!r})")
    return value


def pytest_configure(config: pytest.Config) -> None:
    """Decide which folders are claims folders, and add the configured ones when no path was given."""
    if not _enabled(config):
        return
    try:
        settings = find_settings(config.rootpath)
    except ClaimcheckError as exc:
        raise pytest.UsageError(str(exc)) from None
    config.stash[_SETTINGS] = settings
    base = config.invocation_params.dir
    given = [(base / arg.split("::")[0]).resolve() for arg in config.args]
    roots = {path for path in given if path.is_dir()}
    roots |= {path.parent for path in given if path.suffix in CLAIM_SUFFIXES}
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        for folder in claim_folders(settings, config.rootpath):
            folder = folder.resolve()
            if not any(folder == arg or folder.is_relative_to(arg) for arg in given):
                config.args.append(str(folder))  # not under the paths pytest will walk: collect it too
            roots.add(folder)
    config.stash[_ROOTS] = roots


def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    config = parent.config
    if _enabled(config) and path.resolve() in config.stash.get(_ROOTS, set()) and _holds_yaml(path):
        return ClaimsFolder.from_parent(parent, path=path)
    return None


def _holds_yaml(path: Path) -> bool:
    return any(child.suffix in CLAIM_SUFFIXES for child in path.iterdir())


class ClaimsFolder(pytest.Directory):
    """A claims folder, checked as a whole; its findings are grouped under the file of their first claim."""

    def collect(self) -> list[pytest.Item | pytest.Collector]:
        from claimcheck.corpus.loader import load
        from claimcheck.engine.check import check
        from claimcheck.errors import ClaimFileError
        from claimcheck.report.common import item_names, shown
        from claimcheck.review import default_review_path, outcome

        settings = self.config.stash[_SETTINGS]
        review = self.config.getoption("claimcheck_review")
        try:
            corpus = load(self.path)
            report = check(corpus, select=settings.select or None, ignore=settings.ignore or None)
            result = outcome(corpus, report, Path(review) if review else default_review_path(self.path),
                             _fail_on(self.config))
        except ClaimFileError as exc:
            raise self.CollectError("\n".join(f"{p} [{p.code}]" for p in exc.problems)) from None
        except ClaimcheckError as exc:
            raise self.CollectError(str(exc)) from None
        items = shown(result)
        by_file: dict[Path, list[tuple[str, Shown]]] = {path.resolve(): [] for path in corpus.files.values()}
        for name, item in zip(item_names(items), items, strict=True):
            by_file.setdefault(self._file_of(item, corpus), []).append((name, item))
        return [ClaimFile.from_parent(self, path=path, findings=found) for path, found in sorted(by_file.items())]

    def _file_of(self, item: Shown, corpus: Corpus) -> Path:
        if item.claims:
            return corpus.files[item.claims[0].source_id].resolve()
        if item.location:
            return (self.path / Path(item.location[0]).name).resolve()
        return self.path.resolve()


class ClaimFile(pytest.File):
    def __init__(self, *, findings: list[tuple[str, Shown]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.findings = findings

    def collect(self) -> list[pytest.Item]:
        return [FindingItem.from_parent(self, name=name, shown=item) for name, item in self.findings]


class FindingFailure(Exception):
    """Raised by a finding that fails the run; pytest shows it through ``repr_failure``."""


class _Crash:
    """What pytest's short summary and --junitxml read as the failure's message: one line."""

    def __init__(self, path: Path, lineno: int, message: str) -> None:
        self.path, self.lineno, self.message = str(path), lineno, message


class FindingRepr:
    """A failing finding as pytest shows it: the one-line message first, then the listing."""

    def __init__(self, message: str, listing: str, crash: _Crash) -> None:
        self.message, self.listing, self.reprcrash = message, listing, crash

    def toterminal(self, writer: Any) -> None:
        for line in str(self).splitlines():
            writer.line(line)

    def __str__(self) -> str:
        return f"{self.message}\n\n{self.listing}"


class FindingItem(pytest.Item):
    def __init__(self, *, shown: Shown, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shown = shown
        finding = shown.finding
        self.extra_keyword_matches.update({finding.code, finding.name, finding.verdict, *finding.claim_ids})

    def runtest(self) -> None:
        finding = self.shown.finding
        if self.shown.review is not None:
            pytest.xfail(f"reviewed: {self.shown.review.label()}")
        if self.shown.fails:
            raise FindingFailure(finding.message)
        if finding.verdict in ("tension", "undetermined"):
            # Reported at the claim's own line, so that the summary points into the claim file.
            location = self.shown.location
            warnings.warn_explicit(
                ClaimcheckWarning(f"{finding.code} {finding.name} {finding.verdict}: {finding.message}"),
                ClaimcheckWarning, filename=str(location[0]) if location else str(self.path),
                lineno=(location[1] or 0) if location else 0)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, FindingFailure):
            from claimcheck.report.terminal import render_finding_text

            width = self.config.get_terminal_writer().fullwidth
            listing = render_finding_text(self.shown, width=max(60, min(width, 120))).rstrip("\n")
            path, line, _ = self.reportinfo()
            return FindingRepr(self.shown.finding.message, listing, _Crash(Path(path), (line or 0) + 1,
                                                                           self.shown.finding.message))
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        location = self.shown.location
        line = location[1] - 1 if location and location[1] else None
        return self.path, line, f"{self.shown.finding.verdict}: {self.name}"
