"""The one exception family of claimcheck.

Every error is a ``ClaimcheckError``, which is also a ``ValueError``, and carries the fields it
names so that callers can act on them without parsing the message.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class ClaimcheckError(ValueError):
    """Base of every error claimcheck raises on purpose."""


class ValueParseError(ClaimcheckError):
    """A value such as ``over 60%`` could not be read."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read value {_show(text)}: {reason}")


class PeriodParseError(ClaimcheckError):
    """A period such as ``first half of 2024`` could not be read."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read period {_show(text)}: {reason}")


class VocabularyError(ClaimcheckError):
    """A vocabulary entry or relation is malformed."""


class ArgumentError(ClaimcheckError):
    """A public function was given an argument it cannot use; names the parameter, what it got and what it expects."""

    def __init__(self, function: str, parameter: str, got: object, expected: str) -> None:
        self.function = function
        self.parameter = parameter
        self.got = got
        self.expected = expected
        super().__init__(f"{function}(): {parameter} must be {expected} (got {_show_argument(got)})")


class ArgumentTypeError(ArgumentError, TypeError):
    """An argument of the wrong type: a ``TypeError`` too, so that code written for Python's own
    type errors still catches it, and a ``ClaimcheckError``, so that code written for ours does."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a claims folder, located by file, line and field."""

    path: str
    line: int | None
    field: str
    message: str
    code: str = "CC900"
    claim_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ClaimFileError(ClaimcheckError):
    """One or more problems in claim files; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.field))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in claim files:"
        super().__init__("\n".join([head, *("  " + str(p) for p in self.problems)]))


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as a terminal or an editor opened in the working folder can follow it.

    Relative to the working folder where the path lies under it; otherwise as it was given.
    """
    given = Path(path)
    try:
        return given.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return given.as_posix()


def _show_argument(got: object) -> str:
    """What a caller passed, and its type where the value alone does not say it: "b'abc' of type bytes"."""
    if got is None or isinstance(got, (bool, str)):
        return _show(got) if isinstance(got, str) else repr(got)
    shown = repr(got)
    if len(shown) > 80:
        shown = shown[:80] + "..."
    return f"{shown} of type {type(got).__name__}"


def _show(text: str, limit: int = 80) -> str:
    """Quote user text for a message, shortened so a 100 KB input does not flood the terminal."""
    if len(text) > limit:
        return repr(text[:limit]) + f"... ({len(text)} characters)"
    return repr(text)
