"""Where a sentence's clauses begin and end, found once per sentence and asked about by bisection.

A value's period, its quote and the guesses about it are read from its own clause first. A
clause ends at a semicolon, a colon, a spaced dash, a comma before a word that opens a new
clause ("while", "but", "and", "with", "up", "accounting" ...) or before an attribution
("..., the ministry said"), and at "and" before a new verb phrase once the clause holds a value
("Exports rose 12% in 2022 and imports fell 3%", a value on each side). Each question costs O(log n), so a sentence of
many clauses stays linear however many values it holds.
"""

from __future__ import annotations

import bisect
import re

# A comma (or spaced dash) before one of these words closes a clause; ";" and ":" always do.
OPENERS = ("and", "but", "while", "whereas", "although", "though", "which", "who", "after", "before", "when",
           "as", "with", "compared", "up", "down", "against", "from", "accounting", "making", "bringing",
           "taking", "representing", "reaching", "rising", "falling", "according", "including", "excluding",
           "or", "so", "yet", "since", "until", "about", "roughly", "nearly", "almost", "around", "some", "most",
           "equal", "equivalent", "more", "less", "on", "to")
_BOUNDARY = re.compile(
    r"(?:;|(?<!\d):|:(?!\d))\s*|\s[—–-]\s+|,\s*(?=(?:" + "|".join(OPENERS) + r")\b)"  # "2:01:09" is a time
    r"|,\s*(?=(?:the|its|their)\s+(?:highest|lowest|largest|biggest|smallest|best|worst|strongest|weakest|fastest|"
    r"slowest)\b)"
    r"|,\s*(?=[a-z]+ing\s)"  # "..., halting production at three plants"
    r"|,\s*(?=(?:[\w'’.-]+\s+){0,4}(?:said|says|say|reported|reports|estimated|estimates|estimate|told|added|"
    r"announced|showed|show|shows|found|finds|noted|wrote)\b)",
    re.IGNORECASE)
_HARD = re.compile(r";|(?<!\d):|:(?!\d)")
# "and" before a word that starts a new verb phrase, not before a number or a hedge ("27 states and 9
# candidates" is one clause).
_AND = re.compile(r"\s+and\s+(?=[A-Za-z])(?!(?:the|a|an|about|nearly|almost|some|over|under|up|more|less|at|"
                  r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                  r"hundred|half|a|its|their|his|her)\b)", re.IGNORECASE)


class Clauses:
    """The clause boundaries of text[start:end]: ``index`` numbers the clause of a position.

    ``values`` (the starts of the values in the sentence, sorted) lets "and" close a clause that
    already holds a value.
    """

    def __init__(self, text: str, start: int, end: int, values: list[int] | None = None) -> None:
        self.text = text
        self.start = start
        self.end = end
        cuts = [(m.start(), m.end()) for m in _BOUNDARY.finditer(text, start, end)]
        if values:
            cuts += self._and_cuts(text, start, end, values, cuts)
            cuts.sort()
        self.cut_starts = [a for a, _ in cuts]  # where each boundary begins (the clause before it ends)
        self.cut_ends = [b for _, b in cuts]  # where the clause after it begins
        self.hard = [m.start() for m in _HARD.finditer(text, start, end)]

    @staticmethod
    def _and_cuts(text: str, start: int, end: int, values: list[int], cuts: list[tuple[int, int]]
                  ) -> list[tuple[int, int]]:
        ordered = sorted(cuts)
        starts = [a for a, _ in ordered]
        out = []
        for match in _AND.finditer(text, start, end):
            k = bisect.bisect_left(starts, match.start())
            clause_start = ordered[k - 1][1] if k > 0 else start
            clause_end = starts[k] if k < len(starts) else end
            v = bisect.bisect_left(values, clause_start)
            after = bisect.bisect_left(values, match.end())
            if v < len(values) and values[v] < match.start() and after < len(values) and values[after] < clause_end:
                out.append(match.span())  # a value on each side: "exports rose 12% and imports fell 3%"
        return out

    def index(self, position: int) -> int:
        """The number of the clause holding ``position`` (0 for the first)."""
        return bisect.bisect_right(self.cut_starts, position)

    def span(self, position: int) -> tuple[int, int]:
        """(start, end) of the clause holding ``position``, without the boundary marks."""
        k = self.index(position)
        first = self.cut_ends[k - 1] if k > 0 else self.start
        last = self.cut_starts[k] if k < len(self.cut_starts) else self.end
        return first, last

    def previous(self, position: int) -> tuple[int, int] | None:
        """(start, end) of the clause before the one holding ``position``; None in the first clause."""
        k = self.index(position)
        if k == 0:
            return None
        first = self.cut_ends[k - 2] if k > 1 else self.start
        return first, self.cut_starts[k - 1]

    def after_comma(self, position: int) -> bool:
        """Whether the clause holding ``position`` follows a comma (not a semicolon, colon or "and")."""
        k = self.index(position)
        return k > 0 and self.text[self.cut_starts[k - 1]] == ","

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


__all__ = ["OPENERS", "Clauses"]
