"""Which period governs a value: its own clause's first, else one the sentence puts in front of all.

- A value takes the nearest period of its own clause. If that period is written but not read
  ("in March", "in the third quarter", with no year), the value has no period rather than one
  borrowed from another clause.
- A clause with no period of its own takes the period that opens the sentence ("In 2022, ...");
  a clause that only adds to the one before ("..., up 5%", "..., accounting for 41.9%") takes
  the period of that clause. Any other clause takes none.
- A streak ("for 15 consecutive years") dates its own clause only.
- A phrase set off by commas that opens with a past participle dates only what is inside it when the
  clause goes on in the present ("The tower, completed in 2010, is 828 metres tall"); in the past it
  dates the clause ("The contract, signed on 10/1/2018, was worth €120 million").
- The base of a change ("rose 5% from a year earlier", "a 38% increase on 2022") is no period of it.

Periods are looked up by bisection among a few neighbours, so a long sentence stays linear.
"""

from __future__ import annotations

import bisect
import re

from claimcheck.extraction.clauses import Clauses
from claimcheck.extraction.dates import PeriodSpan
from claimcheck.extraction.text import words_between

NEIGHBOURS = 3  # periods looked at on each side of a value

# Words that open a clause which only adds to the one before it: its period is that clause's.
ADDING = {"up", "down", "or", "a", "an", "to", "the", "accounting", "making", "representing", "bringing", "taking", "equal",
          "equivalent", "about", "roughly", "nearly", "almost", "around", "some", "just", "most"}

# What stands between a change and its base: "rose 5% from a year earlier", "up 7% on 2022".
_BASE_BEFORE = re.compile(r"(?i)\b(?:from|than|against|versus|vs\.?|compared\s+(?:with|to))\s*$")
# "on" is a base before a year only ("a 38% increase on 2022"); "on Wednesday" is when.
_ON_BEFORE = re.compile(r"(?i)\bon\s*$")
_A_YEAR_AS_BASE = re.compile(r"(?i)(?:(?:19|20)\d\d|last\s+year|the\s+previous\s+year|a\s+year\s+(?:earlier|before))")
_BASE_WORD = re.compile(r"(?i)(?:from|compared|than|against|versus)\b")
# ... or what says the base itself: "up 5% year on year".
_ON_A_YEAR = re.compile(r"(?i)(?:(?:year|month|quarter|week)[\s-]+on[\s-]+(?:year|month|quarter|week)|"
                        r"on\s+the\s+(?:year|month|quarter|week))")
# ... or what stands before it: "down 10% from the same period last year".
_SAME_BEFORE = re.compile(r"(?i)\b(?:from|than|on|compared\s+(?:with|to))\s+the\s+same\s+\w+\s*$")
# A phrase set off by commas that says something else about the subject: ", completed in 2010,", ", founded in
# 1998,". Bounded, so that a comma with no partner costs a few characters.
_ASIDE = re.compile(r",\s*(?:[a-z]+ed|built|born|begun|made|held|won|sold)\s[^,;:]{1,80},\s*(?=(\w+))")
_PRESENT = {"is", "are", "has", "have", "now", "still", "today", "currently", "remains", "remain"}


def _in_the_present(word: str) -> bool:
    """Whether the verb after a phrase set off by commas is in the present ('is', 'employs', 'now carries')."""
    word = word.lower()
    return word in _PRESENT or (word.endswith("s") and not word.endswith("ss") and word not in ("was", "this"))


def is_base(period: PeriodSpan, start: int, end: int, text: str, change: bool) -> bool:
    """Whether ``period`` is what a change at [start, end) is measured from, not when it happened.

    "compared with five years ago", read whole by the period grammar, is the span of the change
    ("nearly doubled compared with five years ago"); "compared with 1990", of which the grammar
    reads the year alone, is its base.
    """
    if not change or period.start < end or period.start - end > 40:
        return False
    if _ON_A_YEAR.fullmatch(period.text.strip()) or _BASE_BEFORE.search(text, end, period.start) is not None or \
            _SAME_BEFORE.search(text, end, period.start) is not None:
        return True
    if _ON_BEFORE.search(text, end, period.start) is not None and _A_YEAR_AS_BASE.match(period.text):
        return True
    return _BASE_WORD.match(period.text) is not None and (period.period is None or period.read != period.text)


class Periods:
    """The periods of one sentence, and the clauses they fall in."""

    def __init__(self, found: list[PeriodSpan], clauses: Clauses, text: str, sentence_start: int) -> None:
        self.found = found
        self.starts = [p.start for p in found]
        self.clauses = clauses
        self.text = text
        first = found[0] if found else None
        opens = first is not None and not first.streak and text[sentence_start:first.start].strip(" \"“‘'(") == "" \
            and clauses.index(first.start) == 0
        self.opening = first if opens else None  # "In 2022, ...": dates every clause
        self.bases: set[int] = set()  # starts of the periods that are the base of a change in the sentence
        self.asides = [m.span() for m in _ASIDE.finditer(text, sentence_start, clauses.end)
                       if _in_the_present(m.group(1))] if found else []
        self.aside_starts = [a for a, _ in self.asides]

    def _aside(self, position: int) -> tuple[int, int] | None:
        """The phrase set off by commas that holds ``position``, if any (they do not overlap)."""
        k = bisect.bisect_left(self.aside_starts, position) - 1
        return self.asides[k] if k >= 0 and position < self.asides[k][1] else None

    def near(self, start: int) -> list[PeriodSpan]:
        if len(self.found) <= 2 * NEIGHBOURS:
            return self.found
        k = bisect.bisect_left(self.starts, start)
        return self.found[max(0, k - NEIGHBOURS):k + NEIGHBOURS]

    def governing(self, start: int, end: int, change: bool) -> PeriodSpan | None:
        """The period that dates a value at [start, end) (a change when ``change``), or None."""
        clause = self.clauses.index(start)
        aside = self._aside(start)
        candidates = [p for p in self.near(start)
                      if p.start not in self.bases and not is_base(p, start, end, self.text, change) and
                      self._aside(p.start) in (None, aside)]
        own = [p for p in candidates if self.clauses.index(p.start) == clause]
        if own:
            return min(own, key=lambda p: min(abs(p.start - end), abs(start - p.end)))
        if self.opening is not None and self.opening.start not in self.bases and \
                not is_base(self.opening, start, end, self.text, change):
            return self.opening
        clause_start, _ = self.clauses.span(start)
        first_word = next(words_between(self.text, clause_start, start), "").lower()
        if clause > 0 and (first_word in ADDING or first_word.endswith("ing") or
                           clause_start == start):
            before = [p for p in candidates if self.clauses.index(p.start) == clause - 1 and not p.streak]
            if before:
                return max(before, key=lambda p: p.end)  # the one nearest the clause that adds to it
        return None


def close(period: PeriodSpan, start: int, end: int, clauses: Clauses) -> bool:
    """Whether a value and a period are close enough that the period dates the value and nothing else."""
    gap = max(period.start, start) - min(period.end, end)
    return gap < 80 and not clauses.hard_between(min(period.end, end), max(period.start, start))


__all__ = ["NEIGHBOURS", "Periods", "close", "is_base"]
