"""The review file: a fact-checker's verdicts on findings, keyed by fingerprint.

A reviewed finding no longer fails a run, but every report still shows it, marked. A fingerprint
hashes the content of the finding's claims, so editing a claim reopens its findings; an entry that
matches no finding any more is *stale* and is reported, never dropped. An entry naming a claim
that no longer exists is an error in the review file, as a dangling reference in a claim file is.

The file is edited as text: recording a verdict replaces or appends one entry, in the file's own
style (block, flow or JSON), and leaves the rest of the file, comments and order included, as it
was. A writer holds the file's lock from reading it to replacing it, so writers at the same time
all keep their verdicts. Every write goes to a temporary file in the same folder, which then
replaces the old one, so a crash leaves the old file or the new, never half.
"""

from __future__ import annotations

import codecs
import datetime
import glob
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

if sys.platform == "win32":  # no flock; the test typeshed declares fcntl under, so mypy follows it
    fcntl = None
else:
    import fcntl

from claimcheck.corpus.loader import REVIEW_FILE, validate_located
from claimcheck.corpus.records import Corpus
from claimcheck.corpus.yamlfile import (
    MAX_FILE_BYTES,
    SCHEMA,
    Located,
    UnreadableFile,
    compose,
    decode,
    parse_yaml,
    quoted,
    read_regular_file,
)
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
    if not os.path.lexists(path):
        return Reviews(path)
    return _parsed(path, _read_text(path)[0], corpus)


def _read_text(path: Path) -> tuple[str, str]:
    """The review file's text, and the byte-order mark it began with ('' if none), to write it back."""
    shown = str(path)
    try:
        data = read_regular_file(path, MAX_FILE_BYTES, "for one file")
    except UnreadableFile as exc:
        raise ClaimFileError([Problem(shown, None, "", exc.reason, SCHEMA)]) from None
    problems: list[Problem] = []
    text = decode(data, shown, problems)
    if text is None:
        raise ClaimFileError(problems)
    return text, "\ufeff" if data.startswith(codecs.BOM_UTF8) else ""


def _parsed(path: Path, text: str, corpus: Corpus | None = None) -> Reviews:
    reviews = Reviews(path)
    problems: list[Problem] = []
    shown = str(path)
    data = parse_yaml(text, shown, problems)
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
#
# The file is edited as text, so that comments, order, quoting, line breaks (CRLF stays CRLF) and
# the style of the list (block, flow or JSON) stay as the fact-checker wrote them. Each edit is
# checked by reading the new text back before it replaces the file: every other entry must read
# as before, or the file is left unchanged and the edit refused.

LOCK_TIMEOUT = 30.0  # seconds; a writer holds the lock for the milliseconds of one edit


def record(path: str | Path, entry: ReviewEntry) -> None:
    """Add ``entry`` to the review file, replacing an entry with the same fingerprint; as ``record_all``."""
    record_all(path, [entry])


def record_all(path: str | Path, entries: Iterable[ReviewEntry]) -> None:
    """Add every entry in one write, each replacing an entry with the same fingerprint.

    The file is read, edited and replaced under its lock, so concurrent writers each keep their
    verdicts; the write is atomic. A file that is broken, or that the edit could not keep whole, is
    refused (``ClaimcheckError``) and left as it was.
    """
    path = Path(path)
    wanted = {entry.fingerprint: entry for entry in entries}  # the last entry given for a fingerprint wins
    with _locked(path):
        text, bom = _read_text(path) if os.path.lexists(path) else ("", "")
        before = _parsed(path, text)
        if wanted:
            _write_checked(path, before, bom + _with_entries(text, list(wanted.values())), dict(wanted))


def prune(path: str | Path, fingerprints: Iterable[str]) -> int:
    """Remove the entries with these fingerprints; returns how many went. Locked and atomic, as ``record``."""
    path = Path(path)
    with _locked(path):
        text, bom = _read_text(path)
        before = _parsed(path, text)
        wanted = set(fingerprints)
        gone = [fp for fp in before.entries if fp in wanted]
        if gone:
            _write_checked(path, before, bom + _without(text, set(gone)), dict.fromkeys(gone))
    return len(gone)


def _write_checked(path: Path, before: Reviews, text: str, changed: dict[str, ReviewEntry | None]) -> None:
    """Replace the file with ``text`` if it reads back as ``before`` with ``changed`` applied (None: removed)."""
    expected = {fp: entry.as_yaml_fields() for fp, entry in before.entries.items()}
    for fp, entry in changed.items():
        if entry is None:
            expected.pop(fp, None)
        else:
            expected[fp] = entry.as_yaml_fields()
    try:
        after = _parsed(path, text.removeprefix("\ufeff"))
    except ClaimFileError:
        after = None
    found = None if after is None else {fp: entry.as_yaml_fields() for fp, entry in after.entries.items()}
    kept_order = after is not None and [fp for fp in after.entries if fp in before.entries] == [
        fp for fp in before.entries if fp in after.entries]
    if found != expected or not kept_order:
        raise ClaimcheckError(f"{path} is left unchanged: editing it as text would not keep every other entry as "
                              "it was. Make the change by hand, and please report the file that caused it")
    write_atomic(path, text)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold the review file's lock: ``flock`` on ``.<name>.lock`` beside it.

    The lock file stays (deleting it would let two writers lock two different files); the kernel
    releases the lock when its holder exits, even by ``kill -9``. Without ``fcntl`` (Windows)
    writes are still atomic but not serialized. Under the lock, temporary files left by writers
    that were killed are removed.
    """
    lock = path.with_name(f".{path.name}.lock")
    handle = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ClaimcheckError(f"{path} is being written by another process, which has held {lock.name} "
                                          f"for over {LOCK_TIMEOUT:.0f} seconds; try again") from None
                time.sleep(0.01)
        _remove_stale_temporaries(path)
        yield
    finally:
        os.close(handle)


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of ``write_atomic`` for this file; under the lock, none belongs to a live writer."""
    own = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        if own.fullmatch(leftover.name) and (leftover.is_symlink() or leftover.is_file()):
            leftover.unlink(missing_ok=True)


def _newline(text: str) -> str:
    """The file's own line break: that of its first line."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _block_entry(entry: ReviewEntry, indent: int, newline: str) -> list[str]:
    lines = []
    for number, (key, value) in enumerate(entry.as_yaml_fields().items()):
        lead = "- " if number == 0 else "  "
        if isinstance(value, list):
            lines.append(f"{lead}{key}:")
            lines.extend(f"  - {quoted(item)}" for item in value)
        else:
            shown = value if key == "verdict" else quoted(str(value))
            lines.append(f"{lead}{key}: {shown}")
    return [" " * indent + line + newline for line in lines]


def _flow_entry(entry: ReviewEntry) -> str:
    """The entry as a flow mapping that is JSON too, for a list written in flow style or a JSON file."""
    def shown(value: object) -> str:
        return f"[{', '.join(quoted(item) for item in value)}]" if isinstance(value, list) else quoted(str(value))
    return "{" + ", ".join(f"{quoted(key)}: {shown(value)}" for key, value in entry.as_yaml_fields().items()) + "}"


def _with_entries(text: str, entries: list[ReviewEntry]) -> str:
    """The file's text with each entry replaced where its fingerprint is, and the new ones appended together."""
    _, value = _reviews_entry(compose(text))
    present = {_fingerprint_of(item) for item in value.value} if isinstance(value, yaml.SequenceNode) else set()
    for entry in entries:
        if entry.fingerprint in present:
            text = _replaced(text, entry)
    new = [entry for entry in entries if entry.fingerprint not in present]
    return _appended(text, new) if new else text


def _appended(text: str, entries: list[ReviewEntry]) -> str:
    """``entries``, none of them in the file yet, added at the end of its list in the list's own style."""
    newline = _newline(text)
    def block(indent: int) -> list[str]:
        return [line for entry in entries for line in _block_entry(entry, indent, newline)]
    flow = ", ".join(_flow_entry(entry) for entry in entries)
    if not text.strip():
        return HEADER.replace("\n", newline) + "reviews:" + newline + "".join(block(0))
    root = compose(text)
    key, value = _reviews_entry(root)
    if isinstance(value, yaml.SequenceNode) and value.value:
        if value.flow_style:
            return _flow_insert(text, value, flow, newline)
        assert key is not None  # _reviews_entry finds a value only under its key
        return _block_append(text, key, value, block(value.start_mark.column), newline)
    if isinstance(root, yaml.MappingNode) and root.flow_style:  # JSON: {}, {"reviews": null}, {"reviews": []}
        if value is None:
            return _flow_insert(text, root, f'"reviews": [{flow}]', newline)
        if isinstance(value, yaml.SequenceNode):
            return _flow_insert(text, value, flow, newline)
        return text[:value.start_mark.index] + f"[{flow}]" + text[value.end_mark.index:]
    if key is None:  # only comments, or an empty document ('~')
        if isinstance(root, yaml.ScalarNode):
            text = text[:root.start_mark.index] + text[root.end_mark.index:]
        text = text if text.endswith(("\n", "\r")) else text + newline
        return text + "reviews:" + newline + "".join(block(0))
    # 'reviews:' with nothing under it, '~', or '[]': the empty value goes, the list is written below the key.
    assert value is not None
    text = text[:value.start_mark.index].rstrip(" ") + text[value.end_mark.index:]
    lines = text.splitlines(keepends=True)
    at = key.start_mark.line + 1
    if not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    return "".join(lines[:at] + block(0) + lines[at:])


def _replaced(text: str, entry: ReviewEntry) -> str:
    """The entry that has ``entry``'s fingerprint, replaced by it in the same place and style."""
    newline = _newline(text)
    _, value = _reviews_entry(compose(text))
    assert isinstance(value, yaml.SequenceNode)
    item = next(item for item in value.value if _fingerprint_of(item) == entry.fingerprint)
    if value.flow_style:
        return text[:item.start_mark.index] + _flow_entry(entry) + text[item.end_mark.index:]
    lines = text.splitlines(keepends=True)
    start, end = item.start_mark.line, _entry_end(text, lines, item)
    indent = len(lines[start]) - len(lines[start].lstrip(" "))
    new = _block_entry(entry, indent, newline)
    if end == len(lines) and not lines[-1].endswith(("\n", "\r")):
        new[-1] = new[-1].removesuffix(newline)  # the file ended without a line break; so does it still
    return "".join(lines[:start] + new + lines[end:])


def _block_append(text: str, key: yaml.Node, sequence: yaml.SequenceNode, new: list[str], newline: str) -> str:
    lines = text.splitlines(keepends=True)
    items = sequence.value
    end = _entry_end(text, lines, items[-1])
    if end == len(lines) and not lines[-1].endswith(("\n", "\r")):
        if _last_scalar_keeps_its_break(text, items[-1]):
            # A line break after the last entry would join its block scalar ('|' at the end of a file
            # without a final line break reads 'x', and 'x\n' with one): the new entry goes before it.
            at = _entry_end(text, lines, items[-2]) if len(items) > 1 else key.start_mark.line + 1
            return "".join(lines[:at] + new + lines[at:])
        lines[-1] += newline
    return "".join(lines[:end] + new + lines[end:])


def _without(text: str, gone: set[str]) -> str:
    _, sequence = _reviews_entry(compose(text))
    assert isinstance(sequence, yaml.SequenceNode)
    items = sequence.value
    doomed = [index for index, item in enumerate(items) if _fingerprint_of(item) in gone]
    if sequence.flow_style:
        for index in reversed(doomed):  # an item, with the comma that joins it to the next (or the previous)
            item = items[index]
            if index + 1 < len(items):
                start, end = item.start_mark.index, items[index + 1].start_mark.index
            elif index > 0:
                start, end = items[index - 1].end_mark.index, item.end_mark.index
            else:  # the only item: its trailing comma goes with it ('[a,]' would leave '[,]')
                start, end = item.start_mark.index, item.end_mark.index
                comma = text.find(",", end, sequence.end_mark.index - 1)
                if comma != -1 and "#" not in text[end:comma]:
                    end = comma + 1
            text = text[:start] + text[end:]
            items = items[:index] + items[index + 1:]
        return text
    lines = text.splitlines(keepends=True)
    for index in reversed(doomed):
        del lines[items[index].start_mark.line:_entry_end(text, lines, items[index])]
    return "".join(lines)


def _flow_insert(text: str, collection: yaml.Node, item: str, newline: str) -> str:
    """``item`` added as the last member of a flow list or mapping, in the collection's own layout."""
    if not collection.value:
        after_open = collection.start_mark.index + 1
        return text[:after_open] + item + text[after_open:]
    last: yaml.Node | tuple[yaml.Node, yaml.Node] = collection.value[-1]  # a list's item or a mapping's pair
    last_start, last_end = (last[0] if isinstance(last, tuple) else last).start_mark, (
        last[1] if isinstance(last, tuple) else last).end_mark.index
    close = collection.end_mark.index - 1
    gap = "".join(line.split("#", 1)[0] for line in text[last_end:close].splitlines())
    line_start = text.rfind("\n", 0, close) + 1
    if line_start > last_end and not text[line_start:close].strip():
        # The closing bracket on a line of its own: the item gets a line of its own above it.
        comma = "," in gap
        head = text[:last_end] + ("" if comma else ",") + text[last_end:line_start]
        return head + " " * last_start.column + item + ("," if comma else "") + newline + text[line_start:]
    return text[:last_end] + ", " + item + text[last_end:]


def _reviews_entry(root: yaml.Node | None) -> tuple[yaml.Node, yaml.Node] | tuple[None, None]:
    """The 'reviews' key node and its value node, or (None, None)."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "reviews":
                return key, value
    return None, None


def _fingerprint_of(item: yaml.Node) -> str | None:
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "fingerprint" and isinstance(value, yaml.ScalarNode):
                return str(value.value)  # a scalar node's value is its text; types-PyYAML leaves it untyped
    return None


def _last_scalar(node: yaml.Node) -> yaml.Node:
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


_BLOCK_HEADER = re.compile(r"[|>]([1-9+-]*)")


def _chomping(text: str, node: yaml.Node) -> str | None:
    """'-' (strip), '+' (keep) or '' (clip) for a block scalar; None for any other node."""
    if not isinstance(node, yaml.ScalarNode) or node.style not in ("|", ">"):
        return None
    header = _BLOCK_HEADER.match(text, node.start_mark.index)
    indicators = header[1] if header else ""
    return "-" if "-" in indicators else "+" if "+" in indicators else ""


def _last_scalar_keeps_its_break(text: str, item: yaml.Node) -> bool:
    return _chomping(text, _last_scalar(item)) in ("", "+")


def _entry_end(text: str, lines: list[str], item: yaml.Node) -> int:
    """The line after an entry's last line (0-based, exclusive).

    A block collection's own end mark lies at the next token, which may be the next entry's dash;
    its last scalar's end mark is exact. Comments and blank lines after an entry belong to what
    follows it, except the blank lines a '|+' scalar keeps as part of its value.
    """
    last = _last_scalar(item)
    end = last.end_mark.line if last.end_mark.column == 0 else last.end_mark.line + 1
    floor = end if _chomping(text, last) == "+" else item.start_mark.line + 1
    while end > floor and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


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
