"""The project's settings: ``[tool.claimcheck]`` in the nearest ``pyproject.toml``.

Both faces read it: ``claimcheck check`` with no path checks the configured folders, and
``pytest --claimcheck`` collects them and only them. Without a configuration, the documented
folder ``claims/`` (beside the ``pyproject.toml``, or in the working folder) is the default.

The module imports nothing heavy, so that the pytest plugin can read it at start-up.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from claimcheck.errors import ClaimcheckError, ClaimFileError, Problem

PYPROJECT = "pyproject.toml"
DEFAULT_FOLDER = "claims"
# review.FailOn's levels, typed so that a string tested against them is narrowed to one (review is too heavy here)
FAIL_LEVELS: tuple[Literal["conflict", "tension", "none"], ...] = ("conflict", "tension", "none")
# A list of strings, or one comma-separated string, for each key; fail-on and format are one word.
_LIST_KEYS = ("paths", "select", "ignore")
_WORD_KEYS = ("fail-on", "format")


@dataclass(frozen=True)
class Settings:
    """What ``[tool.claimcheck]`` says; ``file`` is the pyproject.toml it came from (None: no configuration)."""

    file: Path | None = None
    paths: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    format: str | None = None
    lines: dict[str, int] = field(default_factory=dict, repr=False)

    def problem(self, key: str, message: str) -> ClaimFileError:
        """An error in this configuration, naming the file, the key's line and the key."""
        shown = str(self.file) if self.file else PYPROJECT
        return ClaimFileError([Problem(shown, self.lines.get(key), f"tool.claimcheck.{key}", message)])


def find_settings(start: Path | None = None) -> Settings:
    """The settings of the nearest pyproject.toml with a ``[tool.claimcheck]`` table, from ``start`` upward."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / PYPROJECT
        if path.is_file():
            settings = read_settings(path)
            if settings.file is not None:
                return settings
    return Settings()


def read_settings(path: Path) -> Settings:
    """``[tool.claimcheck]`` of one pyproject.toml; Settings() when it has none; ClaimFileError when it is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ClaimFileError([Problem(str(path), getattr(exc, "lineno", None), "", f"is not valid TOML: {exc}")]) \
            from None
    table = data.get("tool", {}).get("claimcheck")
    if table is None:
        return Settings()
    lines = _key_lines(text)
    shown = Settings(file=path, lines=lines)
    if not isinstance(table, dict):
        raise shown.problem("", "must be a table")
    known = (*_LIST_KEYS, *_WORD_KEYS)
    for key in table:
        if key not in known:
            raise shown.problem(key, f"unknown key {key!r}; the keys are {', '.join(known)}")
    lists = {key: _strings(shown, key, table[key]) for key in _LIST_KEYS if key in table}
    words = {key: _word(shown, key, table[key]) for key in _WORD_KEYS if key in table}
    if words.get("fail-on") not in (None, *FAIL_LEVELS):
        raise shown.problem("fail-on", f"must be one of {', '.join(FAIL_LEVELS)} (got {words['fail-on']!r})")
    return Settings(file=path, paths=tuple(path.parent / p for p in lists.get("paths", ())),
                    select=tuple(lists.get("select", ())), ignore=tuple(lists.get("ignore", ())),
                    fail_on=words.get("fail-on"), format=words.get("format"), lines=lines)


def claim_folders(settings: Settings, start: Path | None = None) -> list[Path]:
    """The configured paths, or else the documented ``claims/`` folder where there is one."""
    if settings.paths:
        return list(settings.paths)
    base = settings.file.parent if settings.file else (start or Path.cwd())
    default = base / DEFAULT_FOLDER
    return [default] if default.is_dir() else []


def _strings(settings: Settings, key: str, value: object) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value):
        return [item.strip() for item in value]
    raise settings.problem(key, f"must be a list of strings (got {value!r})")


def _word(settings: Settings, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise settings.problem(key, f"must be a string (got {value!r})")
    return value.strip()


_TABLE = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*\"?([A-Za-z0-9_-]+)\"?\s*=")


def _key_lines(text: str) -> dict[str, int]:
    """The line of each key of ``[tool.claimcheck]`` (1-based), for messages; tomllib keeps no lines."""
    lines: dict[str, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        table = _TABLE.match(line)
        if table:
            inside = table.group(1).replace('"', "").replace(" ", "") == "tool.claimcheck"
            if inside:
                lines[""] = number
            continue
        key = _KEY.match(line)
        if inside and key:
            lines.setdefault(key.group(1), number)
    return lines


__all__ = ["DEFAULT_FOLDER", "Settings", "claim_folders", "find_settings", "read_settings"]
