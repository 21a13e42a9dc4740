"""Where a sentence's clauses begin and end, found once per sentence and asked about by bisection.

A value's period, its quote and the guesses about it are read from its own clause first. A
clause ends at a semicolon, a colon, a spaced dash, or a comma before a word that starts a new
clause ("while", "but", "and", "with", "up" ...). Each question costs O(log n), so a sentence of
many clauses stays linear however many values it holds.
"""

from __future__ import annotations

import bisect
import re

# A comma (or spaced dash) before one of these words closes a clause; ";" and ":" always do.
_OPENERS = ("and", "but", "while", "whereas", "although", "though", "which", "who", "after", "before", "when",
            "as", "with", "compared", "up", "down", "against", "from", "accounting", "making", "bringing",
            "taking", "representing", "reaching", "rising", "falling", "according", "including", "excluding",
            "or", "so", "yet", "since", "until")
_BOUNDARY = re.compile(r"[;:]\s*|\s[—–-]\s+|,\s*(?=(?:" + "|".join(_OPENERS) + r")\b)", re.IGNORECASE)
_HARD = re.compile(r"[;:]")


class Clauses:
    """The clause boundaries of text[start:end]: ``index`` numbers the clause of a position."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        cuts = [(m.start(), m.end()) for m in _BOUNDARY.finditer(text, start, end)]
        self.cut_starts = [a for a, _ in cuts]  # where each boundary begins (the clause before it ends)
        self.cut_ends = [b for _, b in cuts]  # where the clause after it begins
        self.hard = [m.start() for m in _HARD.finditer(text, start, end)]

    def index(self, position: int) -> int:
        """The number of the clause holding ``position`` (0 for the first)."""
        return bisect.bisect_right(self.cut_starts, position)

    def span(self, position: int) -> tuple[int, int]:
        """(start, end) of the clause holding ``position``, without the boundary marks."""
        k = self.index(position)
        first = self.cut_ends[k - 1] if k > 0 else self.start
        last = self.cut_starts[k] if k < len(self.cut_starts) else self.end
        return first, last

    def crossed(self, a: int, b: int) -> bool:
        """Whether a clause boundary lies between positions ``a`` and ``b`` (in either order)."""
        low, high = min(a, b), max(a, b)
        k = bisect.bisect_left(self.cut_starts, low)
        return k < len(self.cut_starts) and self.cut_starts[k] < high

    def hard_between(self, a: int, b: int) -> bool:
        """Whether a semicolon or colon lies between positions ``a`` and ``b``."""
        low, high = min(a, b), max(a, b)
        k = bisect.bisect_left(self.hard, low)
        return k < len(self.hard) and self.hard[k] < high


__all__ = ["Clauses"]
