"""YAML read with the safe loader into plain data that remembers where each key was written.

Every scalar stays the text that was written (so ``41.90`` keeps its precision and ``2013-10``
stays a month); mappings remember the line of each key, for messages that name file and line.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from claimcheck.errors import Problem

SCHEMA = "CC900"
# libyaml's parser where PyYAML was built with it: the same safe loading, some 25 times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of ``text``, composed by the safe loader (no tags are constructed)."""
    return yaml.compose(text, Loader=SAFE_LOADER)


# Characters YAML will not keep as written inside a double-quoted scalar: non-printables and the
# line breaks beyond \n (NEL, LS, PS), which a reader folds into spaces.
_NOT_KEPT_BY_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def quoted(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly ``text`` (JSON escapes are YAML escapes)."""
    return _NOT_KEPT_BY_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


class Located(dict[str, Any]):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LocatedList(list[Any]):
    """A list that remembers the line of each item (1-based): a bad alias or relation is named where it is."""

    item_lines: list[int]


def item_line(items: object, index: int) -> int | None:
    """The line of ``items[index]``, where the list came from a file."""
    lines = getattr(items, "item_lines", ())
    return lines[index] if index < len(lines) else None


_STANDARD_TAG = "tag:yaml.org,2002:"
MAX_FILE_BYTES = 16 * 1024 * 1024  # some 100,000 claims: split larger collections into several files
MAX_DEPTH = 64  # a claim file needs four levels; deeper nesting is damage, or an attack


class _Reader:
    """Turns composed nodes into plain data, refusing aliases, foreign tags and deep nesting."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.seen: set[int] = set()

    def problem(self, node: yaml.Node, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, field, message, SCHEMA))

    def plain(self, node: yaml.Node, depth: int = 0) -> Any:
        if id(node) in self.seen:
            # The composer gives an alias the very node of its anchor; expanding those is how an
            # alias bomb explodes, and claim files have no need of them.
            self.problem(node, "", "uses a YAML alias (*name); aliases and anchors are not allowed in claim files")
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(node, "", f"is nested more than {MAX_DEPTH} levels deep")
            return None
        if not node.tag.startswith(_STANDARD_TAG) or node.tag.startswith(_STANDARD_TAG + "python"):
            self.problem(node, "", f"the YAML tag {node.tag[:80]!r} is not allowed")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            items = LocatedList(self.plain(item, depth + 1) for item in node.value)
            items.item_lines = [item.start_mark.line + 1 for item in node.value]
            return items
        assert isinstance(node, yaml.ScalarNode)
        if node.tag.endswith(":null"):
            return None
        if node.tag.endswith(":bool"):
            return node.value.lower() in ("true", "yes", "on")
        return node.value

    def _mapping(self, node: yaml.MappingNode, depth: int) -> Located:
        out = Located()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "", "a key must be plain text, not a list or mapping")
                continue
            key = key_node.value
            if key in out:
                self.problems.append(Problem(self.path, line, key, f"key {key!r} appears twice in one mapping",
                                             SCHEMA))
                continue
            out[key] = self.plain(value_node, depth + 1)
            out.key_lines[key] = line
        return out


class UnreadableFile(Exception):
    """Why a file was not read; the caller names the file and the field in a ``Problem``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_NOT_REGULAR = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
                stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder"}
_CHUNK = 1024 * 1024


def read_regular_file(path: Path, limit: int, over_limit: str = "") -> bytes:
    """The bytes of ``path`` if it is a regular file (or a link to one) of at most ``limit`` bytes.

    A FIFO would block the reader forever and a device (``/dev/zero``) never ends, so anything
    but a regular file is refused before it is read; it is opened without blocking, and judged
    by what was opened, not by a name looked up before. The size a file declares is not trusted
    either: reading stops, and the file is refused, at ``limit + 1`` bytes. ``over_limit`` ends
    the message of a file that is too large ("for one file; split it into several").
    """
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        kind = _kind(os.stat, path)  # a socket cannot be opened at all (ENXIO)
        raise UnreadableFile(_not_regular(path, kind) if kind else f"cannot be read: {exc.strerror or exc}") from None
    try:
        opened = os.fstat(handle)
        if not stat.S_ISREG(opened.st_mode):
            raise UnreadableFile(_not_regular(path, _NOT_REGULAR.get(stat.S_IFMT(opened.st_mode), "not a regular file")))
        megabytes = limit // 1024 // 1024
        if opened.st_size > limit:  # refused at once where the size is told honestly
            raise UnreadableFile(f"is {opened.st_size / 1024 / 1024:.0f} MB, over the limit of {megabytes} MB "
                                 f"{over_limit}".strip())
        chunks, total = [], 0
        while chunk := os.read(handle, min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(f"is over the limit of {megabytes} MB {over_limit}".strip())
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(handle)


def _kind(stat_of: Callable[[Path], os.stat_result], path: Path) -> str | None:
    try:
        return _NOT_REGULAR.get(stat.S_IFMT(stat_of(path).st_mode))
    except OSError:
        return None


def _not_regular(path: Path, kind: str) -> str:
    through = " through a symbolic link" if _kind(os.lstat, path) is None and os.path.islink(path) else ""
    return f"is {kind}{through}, not a regular file; claimcheck reads only regular files"


def decode(data: bytes, shown: str, problems: list[Problem]) -> str | None:
    """UTF-8 text (a UTF-8 byte-order mark is dropped), or None with a problem saying what the bytes are."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        problems.append(Problem(shown, None, "", "is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8; "
                                "save it as UTF-8", SCHEMA))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(Problem(shown, line, "", f"is not UTF-8 (byte 0x{data[exc.start]:02x} at position "
                                f"{exc.start}); save it as UTF-8", SCHEMA))
        return None


def read_yaml(path: Path, shown: str, problems: list[Problem]) -> Any:
    """The file's data, or None with a located problem appended."""
    text = read_text(path, shown, problems)
    return None if text is None else parse_yaml(text, shown, problems)


def read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    """A YAML file's text (a regular file of at most 16 MB, in UTF-8), or None with a problem appended."""
    try:
        data = read_regular_file(path, MAX_FILE_BYTES, "for one file; split it into several")
    except UnreadableFile as exc:
        problems.append(Problem(shown, None, "", exc.reason, SCHEMA))
        return None
    return decode(data, shown, problems)


def yaml_data(data: bytes, shown: str, problems: list[Problem]) -> Any:
    """The data of a YAML file's bytes, or None with a located problem appended."""
    text = decode(data, shown, problems)
    return None if text is None else parse_yaml(text, shown, problems)


def parse_yaml(text: str, shown: str, problems: list[Problem]) -> Any:
    """The data of YAML text, or None with a located problem appended."""
    try:
        node = compose(text)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line: int | None = text.count("\n", 0, exc.position) + 1
        problems.append(Problem(shown, line, "", f"is not valid YAML: character {exc.character!r} is not allowed "
                                f"(control characters cannot appear in YAML)", SCHEMA))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        if mark is not None and "\t" in _leading_space(text, mark.line):
            problem += f" (line {line} is indented with a tab; YAML indents with spaces)"
        problems.append(Problem(shown, line, "", f"is not valid YAML: {problem}", SCHEMA))
        return None
    except RecursionError:
        problems.append(Problem(shown, None, "", "is nested too deeply to read", SCHEMA))
        return None
    return None if node is None else _Reader(shown, problems).plain(node)


def _leading_space(text: str, line: int) -> str:
    lines = text.split("\n", line + 1)
    row = lines[line] if line < len(lines) else ""
    return row[:len(row) - len(row.lstrip())]
