"""Tokens of a value as written, a cursor over them, and the state of reading one value.

One alternation with no nested quantifiers cuts the text into tokens, so tokenizing is linear in
the length of the text; every reader moves the cursor forward only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from claimcheck.errors import ValueParseError
from claimcheck.read.tolerances import Tolerances

# One alternation, no nested quantifiers: tokenizing is linear in the length of the text.
_TOKEN = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)"
    r"|(?P<word>[a-z]+(?:[-'._][a-z]+)*\.?)"
    r"|(?P<sym>us\$|[$€£¥₹₩₽₺₿₡₾₭₦₱₫₴₪฿₮₸~×±%+/^°½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒<>=,*]|-)"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)"
)

TYPOGRAPHIC = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-", "\u00a0": " ", "’": "'", "‘": "'", "“": '"', "”": '"'})

_TOKEN_AS_WRITTEN = re.compile(_TOKEN.pattern, re.IGNORECASE)


def tokenize_as_written(text: str) -> list[str]:
    return [m.group() for m in _TOKEN_AS_WRITTEN.finditer(text) if m.lastgroup not in ("space", "other")]


def tokenize(text: str) -> list[str]:
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "space":
            continue
        if kind == "other":
            raise ValueParseError(text, f"unexpected character {match.group()!r}")
        out.append(match.group())
    return out


class Cursor:
    """Tokens with a position; every helper consumes forward only, so parsing is linear."""

    __slots__ = ("text", "tokens", "i")

    def __init__(self, text: str, tokens: list[str]):
        self.text = text
        self.tokens = tokens
        self.i = 0

    def peek(self, k: int = 0) -> str | None:
        try:  # asked dozens of times per value: no length is taken where an index will do
            return self.tokens[self.i + k]
        except IndexError:
            return None

    def take(self) -> str:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def accept(self, *words: str) -> bool:
        i, tokens = self.i, self.tokens
        try:
            if tokens[i] != words[0]:
                return False  # most tries fail on the first word: no slice is made for them
        except IndexError:
            return False
        if len(words) == 1 or tuple(tokens[i:i + len(words)]) == words:
            self.i = i + len(words)
            return True
        return False

    def at_end(self) -> bool:
        return self.i >= len(self.tokens)

    def rest(self) -> list[str]:
        return self.tokens[self.i:]


PhraseItem = TypeVar("PhraseItem", bound=Sequence[Any])  # a phrase, or a (phrase, meaning) pair


def by_first_word(items: list[PhraseItem], phrase_of: Callable[[PhraseItem], Sequence[str]] = lambda item: item[0],
                  ) -> dict[str, list[PhraseItem]]:
    """Phrases indexed by their first word, longest first: a cursor tries only those that can match."""
    index: dict[str, list[PhraseItem]] = {}
    for item in sorted(items, key=lambda item: -len(phrase_of(item))):
        index.setdefault(phrase_of(item)[0], []).append(item)
    return index


class Reading:
    """The state of reading one value: its tokens under a cursor, the declared unit and the tolerances.

    The readers of numbers, hedges, units and special forms are functions of this state, each
    moving the cursor forward only.
    """

    def __init__(self, text: str, tokens: list[str], declared_unit: str | None, tolerances: Tolerances,
                 as_written: list[str] | None = None, *, second_bound_allowed: bool = True,
                 of_a_change: bool = False) -> None:
        self.text = text
        self.cur = Cursor(text, tokens)
        self.declared_unit = declared_unit
        self.tol = tolerances
        self.as_written = tokens if as_written is None else as_written
        self.second_bound_allowed = second_bound_allowed  # two bounds make an interval; a chain would recurse
        self.said_exactly = False  # "exactly 2%": the number as written, with no rounding
        self.of_a_change = of_a_change  # the amount of a rise or fall: a percentage of it is no share of a whole

    def fail(self, reason: str) -> ValueParseError:
        return ValueParseError(self.text, reason)

    def fail_rest(self) -> ValueParseError:
        rest = " ".join(self.cur.rest())
        if not rest:
            return self.fail("a hedge needs a number after it")
        return self.fail(f"expected a number at {rest[:40]!r}")

__all__ = ["TYPOGRAPHIC", "Cursor", "Reading", "by_first_word", "tokenize", "tokenize_as_written"]
