"""YAML read with the safe loader into plain data that remembers where each key was written.

Every scalar stays the text that was written (so ``41.90`` keeps its precision and ``2013-10``
stays a month); mappings remember the line of each key, for messages that name file and line.
"""

from __future__ import annotations

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


class Located(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


_STANDARD_TAG = "tag:yaml.org,2002:"


def _plain(node: yaml.Node, path: str, problems: list[Problem]) -> Any:
    if not node.tag.startswith(_STANDARD_TAG) or node.tag.startswith(_STANDARD_TAG + "python"):
        problems.append(Problem(path, node.start_mark.line + 1, "", f"the YAML tag {node.tag!r} is not allowed", SCHEMA))
        return None
    if isinstance(node, yaml.MappingNode):
        out = Located()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            line = key_node.start_mark.line + 1
            if key in out:
                problems.append(Problem(path, line, key, f"key {key!r} appears twice in one mapping", SCHEMA))
                continue
            out[key] = _plain(value_node, path, problems)
            out.key_lines[key] = line
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, path, problems) for item in node.value]
    assert isinstance(node, yaml.ScalarNode)
    if node.tag.endswith(":null"):
        return None
    if node.tag.endswith(":bool"):
        return node.value.lower() in ("true", "yes", "on")
    return node.value


def read_yaml(path: Path, shown: str, problems: list[Problem]) -> Any:
    """The file's data, or None with a located problem appended."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(shown, None, "", f"cannot be read: {exc}", SCHEMA))
        return None
    try:
        node = compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problems.append(Problem(shown, line, "", f"is not valid YAML: {getattr(exc, 'problem', None) or exc}", SCHEMA))
        return None
    return None if node is None else _plain(node, shown, problems)
