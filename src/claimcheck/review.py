"""The review file: a fact-checker's verdicts on findings, keyed by fingerprint.

A reviewed finding no longer fails a run, but every report still shows it, marked. A fingerprint
hashes the content of the finding's claims, so editing a claim reopens its findings; an entry that
matches no finding any more is *stale* and is reported, never dropped. An entry naming a claim
that no longer exists is an error in the review file, as a dangling reference in a claim file is.

The file is edited as text: recording a verdict replaces or appends one entry and leaves the rest
of the file, comments and order included, as it was. Every write goes to a temporary file in the
same folder, which then replaces the old one, so a crash leaves the old file or the new, never half.
"""

from __future__ import annotations

import datetime
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from claimcheck.corpus.loader import REVIEW_FILE, validate_located
from claimcheck.corpus.records import Corpus
from claimcheck.corpus.yamlfile import SCHEMA, Located, compose, quoted, read_yaml
from claimcheck.engine.check import Report
from claimcheck.engine.findings import Finding
from claimcheck.errors import ClaimcheckError, ClaimFileError, Problem

# 'baseline': accepted in bulk by 'claimcheck review --baseline', not yet looked at by a person.
ReviewVerdict = Literal["confirmed", "explained", "false-positive", "baseline"]
REVIEW_VERDICTS: tuple[ReviewVerdict, ...] = ("confirmed", "explained", "false-positive", "baseline")
FailOn = Literal["conflict", "tension", "none"]
FAIL_LEVELS: dict[str, tuple[str, ...]] = {"conflict": ("conflict",), "tension": ("conflict", "tension"), "none": ()}

_FINGERPRINT = re.compile(r"[0-9a-f]{16}")
HEADER = ("# Fact-checkers' verdicts on claimcheck findings, keyed by fingerprint.\n"
          "# Written by 'claimcheck review'; edit freely, comments are kept.\n")


class ReviewEntry(BaseModel):
    """One verdict on one finding."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str
    verdict: ReviewVerdict
    explanation: str | None = None
    reason: str | None = None
    note: str | None = None
    reviewer: str | None = None
    date: datetime.date | None = None
    finding: str | None = None  # what was reviewed, for people reading the file: "CC101 quantity.disjoint"
    claims: tuple[str, ...] = ()
    line: int | None = None

    @field_validator("fingerprint")
    @classmethod
    def _fingerprint(cls, value: str) -> str:
        if not _FINGERPRINT.fullmatch(value):
            raise ValueError(f"{value!r} is not a finding fingerprint (16 hexadecimal digits, as reports show)")
        return value

    @model_validator(mode="after")
    def _says_why(self) -> ReviewEntry:
        if self.verdict == "explained" and not self.explanation:
            raise ValueError("an 'explained' verdict needs an explanation")
        if self.verdict == "false-positive" and not self.reason:
            raise ValueError("a 'false-positive' verdict needs a reason")
        return self

    @property
    def why(self) -> str:
        """The explanation, reason or note, whichever says most about the verdict."""
        return self.explanation or self.reason or self.note or ""

    def label(self) -> str:
        """'explained by A. Reviewer on 2026-11-26: different years'."""
        by = f" by {self.reviewer}" if self.reviewer else ""
        on = f" on {self.date.isoformat()}" if self.date else ""
        return f"{self.verdict}{by}{on}" + (f": {self.why}" if self.why else "")

    def as_yaml_fields(self) -> dict[str, object]:
        out: dict[str, object] = {"fingerprint": self.fingerprint, "verdict": self.verdict}
        for name in ("explanation", "reason", "note", "reviewer"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        if self.date:
            out["date"] = self.date.isoformat()
        if self.finding:
            out["finding"] = self.finding
        if self.claims:
            out["claims"] = list(self.claims)
        return out


@dataclass
class Reviews:
    """A review file's entries by fingerprint (empty when the file does not exist yet)."""

    path: Path
    entries: dict[str, ReviewEntry] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, finding: Finding) -> ReviewEntry | None:
        return self.entries.get(finding.fingerprint)


def default_review_path(claims_path: str | Path) -> Path:
    path = Path(claims_path)
    return (path if path.is_dir() else path.parent) / REVIEW_FILE


def read_reviews(path: str | Path, corpus: Corpus | None = None) -> Reviews:
    """The review file at ``path``; raises ``ClaimFileError`` naming file, line and field of every problem.

    With ``corpus``, an entry that names a claim the corpus does not hold is a problem too.
    """
    path = Path(path)
    reviews = Reviews(path)
    if not path.exists():
        return reviews
    problems: list[Problem] = []
    shown = str(path)
    data = read_yaml(path, shown, problems)
    if not problems:
        _read_entries(data, shown, reviews, problems)
    if corpus is not None and not problems:
        known = {claim.global_id for claim in corpus.claims}
        for entry in reviews.entries.values():
            missing = [c for c in entry.claims if c not in known]
            if missing:
                problems.append(Problem(shown, entry.line, "claims", f"names claims that no longer exist: "
                                        f"{', '.join(missing)}; remove the entry or run 'claimcheck review --prune'"))
    if problems:
        raise ClaimFileError(problems)
    return reviews


def _read_entries(data: object, shown: str, reviews: Reviews, problems: list[Problem]) -> None:
    if data is None:
        return
    if not isinstance(data, Located) or set(data) - {"reviews"}:
        line = getattr(data, "line", 1) or 1
        problems.append(Problem(shown, line, "", "a review file is a mapping with one key, 'reviews', holding a list",
                                SCHEMA))
        return
    raw_entries = data.get("reviews") or []
    if not isinstance(raw_entries, list):
        problems.append(Problem(shown, data.key_lines["reviews"], "reviews", "must be a list of entries", SCHEMA))
        return
    for index, raw in enumerate(raw_entries):
        where = f"reviews[{index}]"
        if not isinstance(raw, Located):
            problems.append(Problem(shown, data.key_lines["reviews"], where, "must be a mapping", SCHEMA))
            continue
        if "line" in raw:
            problems.append(Problem(shown, raw.key_lines["line"], f"{where}.line", "unknown key 'line'", SCHEMA))
            continue
        entry = validate_located(ReviewEntry, {**raw, "line": raw.line}, {}, shown, where, problems, raw)
        if entry is None:
            continue
        if entry.fingerprint in reviews.entries:
            first = reviews.entries[entry.fingerprint].line
            problems.append(Problem(shown, raw.key_lines["fingerprint"], f"{where}.fingerprint",
                                    f"fingerprint {entry.fingerprint} is already reviewed on line {first}", SCHEMA))
            continue
        reviews.entries[entry.fingerprint] = entry


# --- writing ------------------------------------------------------------------------------------


def record(path: str | Path, entry: ReviewEntry) -> None:
    """Add ``entry`` to the review file, replacing an entry with the same fingerprint; atomic."""
    record_all(path, [entry])


def record_all(path: str | Path, entries: Iterable[ReviewEntry]) -> None:
    """Add every entry in one write, each replacing an entry with the same fingerprint; atomic."""
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    write_atomic(path, _with_entries(text, list(entries)))


def prune(path: str | Path, fingerprints: Iterable[str]) -> int:
    """Remove the entries with these fingerprints; returns how many went. Atomic."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    gone = set(fingerprints)
    lines = text.splitlines(keepends=True)
    spans = [span for fp, span in _entry_spans(text).items() if fp in gone]
    for start, end in sorted(spans, reverse=True):
        del lines[start:end]
    if spans:
        write_atomic(path, "".join(lines))
    return len(spans)


def _entry_lines(entry: ReviewEntry, indent: int) -> list[str]:
    lines = []
    for number, (key, value) in enumerate(entry.as_yaml_fields().items()):
        lead = "- " if number == 0 else "  "
        if isinstance(value, list):
            lines.append(f"{lead}{key}:\n")
            lines.extend(f"  - {quoted(item)}\n" for item in value)
        else:
            shown = value if key == "verdict" else quoted(str(value))
            lines.append(f"{lead}{key}: {shown}\n")
    return [" " * indent + line for line in lines]


def _with_entries(text: str, entries: list[ReviewEntry]) -> str:
    """The file's text with each entry replaced where its fingerprint is, and the new ones appended together."""
    if not entries:
        return text
    if not text.strip():
        return HEADER + "reviews:\n" + "".join(line for entry in entries for line in _entry_lines(entry, 0))
    if not text.endswith("\n"):
        text += "\n"
    spans = _entry_spans(text)
    replaced = sorted((e for e in entries if e.fingerprint in spans), key=lambda e: spans[e.fingerprint])
    if replaced:
        lines = text.splitlines(keepends=True)
        for entry in reversed(replaced):  # from the bottom up, so that the spans above stay where they are
            start, end = spans[entry.fingerprint]
            indent = len(lines[start]) - len(lines[start].lstrip(" "))
            lines[start:end] = _entry_lines(entry, indent)
        text = "".join(lines)
    new = [entry for entry in entries if entry.fingerprint not in spans]
    return _appended(text, new) if new else text


def _appended(text: str, entries: list[ReviewEntry]) -> str:
    lines = text.splitlines(keepends=True)
    key, sequence = _reviews_entry(compose(text))
    if sequence is None or not isinstance(sequence, yaml.SequenceNode) or not sequence.value or sequence.flow_style:
        # 'reviews:' with nothing under it (or no such key yet): write the list there.
        added = ["reviews:\n", *(line for entry in entries for line in _entry_lines(entry, 0))]
        if key is None:
            return "".join(lines + added)
        key_line = key.start_mark.line
        return "".join(lines[:key_line] + added + lines[key_line + 1:])
    last = sequence.value[-1]
    indent = sequence.start_mark.column
    end = _trimmed_end(lines, last.start_mark.line, _end_line(last))
    return "".join(lines[:end] + [line for entry in entries for line in _entry_lines(entry, indent)] + lines[end:])


def _reviews_entry(root: yaml.Node | None) -> tuple[yaml.Node, yaml.Node] | tuple[None, None]:
    """The 'reviews' key node and its value node, or (None, None)."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "reviews":
                return key, value
    return None, None


def _end_line(node: yaml.Node) -> int:
    """The line after the node's last line (0-based, exclusive).

    A block collection's own end mark lies at the next token, which may be the next entry's dash;
    its last scalar's end mark is exact.
    """
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node.end_mark.line if node.end_mark.column == 0 else node.end_mark.line + 1


def _trimmed_end(lines: list[str], start: int, end: int) -> int:
    """Comments and blank lines after an entry belong to what follows it, not to the entry."""
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


def _entry_spans(text: str) -> dict[str, tuple[int, int]]:
    """Each entry's fingerprint and its lines [start, end), 0-based."""
    lines = text.splitlines(keepends=True)
    _, sequence = _reviews_entry(compose(text))
    spans: dict[str, tuple[int, int]] = {}
    if isinstance(sequence, yaml.SequenceNode) and not sequence.flow_style:
        for item in sequence.value:
            if not isinstance(item, yaml.MappingNode):
                continue
            for key, value in item.value:
                if isinstance(key, yaml.ScalarNode) and key.value == "fingerprint" and isinstance(value, yaml.ScalarNode):
                    start = item.start_mark.line
                    spans[value.value] = (start, _trimmed_end(lines, start, _end_line(item)))
    return spans


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


# --- a check with its reviews -------------------------------------------------------------------


@dataclass
class Outcome:
    """A check's report read against the review file: which findings are new, reviewed or stale."""

    corpus: Corpus
    report: Report
    reviews: Reviews
    fail_on: FailOn = "conflict"

    def review_of(self, finding: Finding) -> ReviewEntry | None:
        return self.reviews.get(finding)

    def fails(self, finding: Finding) -> bool:
        """At or above the fail level, and not reviewed: this finding fails the run."""
        return finding.verdict in FAIL_LEVELS[self.fail_on] and self.reviews.get(finding) is None

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.report.findings if self.fails(f)]

    @property
    def reviewed(self) -> list[Finding]:
        return [f for f in self.report.findings if self.reviews.get(f) is not None]

    @property
    def stale(self) -> list[ReviewEntry]:
        """Entries that match no finding of this run (their claims changed, or the rule no longer fires)."""
        current = {finding.fingerprint for finding in self.report.findings}
        return [entry for fp, entry in self.reviews.entries.items() if fp not in current]

    @property
    def exit_code(self) -> int:
        return 1 if self.failing else 0


def outcome(corpus: Corpus, report: Report, review_path: str | Path | None = None,
            fail_on: FailOn = "conflict") -> Outcome:
    """The report read against the review file (by default ``review.yaml`` in the claims folder)."""
    path = Path(review_path) if review_path is not None else corpus.root / REVIEW_FILE
    return Outcome(corpus, report, read_reviews(path, corpus), fail_on)


def find_finding(report: Report, prefix: str) -> Finding:
    """The finding whose fingerprint starts with ``prefix`` (at least 6 characters); ClaimcheckError otherwise."""
    prefix = prefix.strip().lower()
    if len(prefix) < 6:
        raise ClaimcheckError(f"give at least 6 characters of the fingerprint (got {prefix!r})")
    matches = [f for f in report.findings if f.fingerprint.startswith(prefix)]
    if not matches:
        raise ClaimcheckError(f"no finding has a fingerprint starting {prefix!r}; run 'claimcheck check' to list them")
    if len(matches) > 1:
        raise ClaimcheckError(f"{len(matches)} findings have fingerprints starting {prefix!r}; give more characters")
    return matches[0]


__all__ = ["FAIL_LEVELS", "REVIEW_VERDICTS", "Outcome", "ReviewEntry", "Reviews", "default_review_path",
           "find_finding", "outcome", "prune", "read_reviews", "record", "record_all", "write_atomic"]
