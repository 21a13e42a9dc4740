"""The pytest plugin: claim folders as tests, one item per finding.

Opt in with ``pytest --claimcheck claims/`` (or ``claimcheck = true`` in the ini file, with the
claims folder among ``testpaths``). A folder holding claim files is collected as one node; each
finding is an item. An unreviewed finding at or above the fail level fails, and its failure reads
like the terminal listing; a reviewed one is an xfail with its verdict; the rest pass. The items
work with ``-k`` (by code, rule name, verdict or claim id), ``-x`` and ``--junitxml``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# Only names here: claimcheck itself is imported when a claims folder is collected, so that every
# pytest run of a project that merely has claimcheck installed stays as fast as before.
FAIL_LEVELS = ("conflict", "tension", "none")
CLAIM_FILE_NAMES_SKIPPED = ("vocabulary.yaml", "review.yaml")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("claimcheck", "check claim folders with claimcheck")
    group.addoption("--claimcheck", action="store_true", default=None,
                    help="collect claim folders (and claim files) given as paths as claimcheck findings")
    group.addoption("--claimcheck-fail-on", choices=tuple(FAIL_LEVELS), default=None,
                    help="findings of this verdict or worse fail, unless reviewed (default: conflict)")
    group.addoption("--claimcheck-review", metavar="FILE", default=None,
                    help="the review file (default: review.yaml in the claims folder)")
    parser.addini("claimcheck", type="bool", default=False, help="collect claim folders as claimcheck findings")
    parser.addini("claimcheck_fail_on", default="conflict", help="conflict, tension or none")


def _enabled(config: pytest.Config) -> bool:
    option = config.getoption("claimcheck")
    return bool(option) if option is not None else bool(config.getini("claimcheck"))


def _fail_on(config: pytest.Config) -> str:
    value = config.getoption("claimcheck_fail_on") or config.getini("claimcheck_fail_on")
    if value not in FAIL_LEVELS:
        raise pytest.UsageError(f"claimcheck_fail_on must be one of {', '.join(FAIL_LEVELS)} (got {value!r})")
    return value


def _is_claim_file(path: Path) -> bool:
    if path.suffix not in (".yaml", ".yml") or path.name in CLAIM_FILE_NAMES_SKIPPED:
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return any(line.startswith("source:") for line in head.splitlines())


def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if _enabled(parent.config) and any(_is_claim_file(p) for p in sorted(path.glob("*.y*ml"))):
        return ClaimsFolder.from_parent(parent, path=path)
    return None


class ClaimsFolder(pytest.Directory):
    """A claims folder, checked as a whole; its findings are grouped under the file of their first claim."""

    def collect(self):
        from claimcheck.corpus.loader import load
        from claimcheck.engine.check import check
        from claimcheck.errors import ClaimFileError
        from claimcheck.report.common import shown
        from claimcheck.review import default_review_path, outcome

        try:
            corpus = load(self.path)
        except ClaimFileError as exc:
            raise self.CollectError("\n".join(f"{p} [{p.code}]" for p in exc.problems)) from None
        review = self.config.getoption("claimcheck_review")
        result = outcome(corpus, check(corpus), Path(review) if review else default_review_path(self.path),
                         _fail_on(self.config))
        by_file: dict[Path, list] = {path.resolve(): [] for path in corpus.files.values()}
        for item in shown(result):
            by_file.setdefault(self._file_of(item, corpus), []).append(item)
        return [ClaimFile.from_parent(self, path=path, findings=items) for path, items in sorted(by_file.items())]

    def _file_of(self, item, corpus) -> Path:
        if item.sides:
            return corpus.files[item.sides[0].source_id].resolve()
        if item.location:
            return (self.path / Path(item.location[0]).name).resolve()
        return self.path.resolve()


class ClaimFile(pytest.File):
    def __init__(self, *, findings: list, **kwargs) -> None:
        super().__init__(**kwargs)
        self.findings = findings

    def collect(self):
        return [FindingItem.from_parent(self, name=_item_name(item), shown=item) for item in self.findings]


def _item_name(item) -> str:
    finding = item.finding
    return f"{finding.code} {finding.name} [{' '.join(finding.claim_ids) or finding.fingerprint}]"


class FindingFailure(Exception):
    """Raised by a finding that fails the run; pytest shows it through ``repr_failure``."""


class FindingItem(pytest.Item):
    def __init__(self, *, shown, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown = shown
        finding = shown.finding
        self.extra_keyword_matches.update({finding.code, finding.name, finding.verdict, *finding.claim_ids})

    def runtest(self) -> None:
        if self.shown.review is not None:
            pytest.xfail(f"reviewed: {self.shown.review.label()}")
        if self.shown.fails:
            raise FindingFailure()

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, FindingFailure):
            from claimcheck.report.terminal import render_finding_text

            width = self.config.get_terminal_writer().fullwidth
            return render_finding_text(self.shown, width=max(60, min(width, 120))).rstrip("\n")
        return super().repr_failure(excinfo)

    def reportinfo(self):
        location = self.shown.location
        line = location[1] - 1 if location and location[1] else None
        return self.path, line, f"{self.shown.finding.verdict}: {self.name}"
