"""Where dates and periods are written, found fast, and read by the period grammar.

Python's re tries the date pattern's many alternatives at every word of the text, which costs
more than the rest of extraction together; RE2 runs a superset of it as one automaton over the
whole text, and re confirms only where RE2 points.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import re2

from claimcheck.errors import ClaimcheckError
from claimcheck.read.periods import Period, parse_period

_MONTH = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")


_YEAR = r"(?:(?:19|20)\d\d)"


_UNIT_WORD = r"(?:day|weekend|week|month|quarter|year|decade|century|summer|winter|spring|fall|autumn)"


_UNIT = _UNIT_WORD + r"\b"


_UNITS = _UNIT_WORD + r"s\b"


_UNIT_OR_UNITS = _UNIT_WORD + r"s?\b"


_COUNT = (r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred)")


# A month written with its capital, after a day: "3 March", never "12 may" (the verb).
_MONTH_CAPITALIZED = (r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|"
                      r"December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")


_STREAK = r"(?:consecutive|straight|successive)"


_DAY = r"(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b(?!\s*[-/:.]\s*\d))"


_DAY_IN_RANGE = r"(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b)"


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


_MOMENT = (rf"(?:today|tomorrow|yesterday|now|the\s+day\s+(?:after|before)\s+(?:tomorrow|yesterday)"
           rf"|(?:(?:this|next|last|coming)\s+)?{_WEEKDAY}|{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})")


_DATE_CORE = (
    # windows of a year: "the first nine months of 2022", "the three months to April", "the year to March"
    rf"(?:the\s+)?(?:first|last|past)\s+{_COUNT}\s+months?\s+(?:of\s+)?(?:{_YEAR}|(?:this|last|next)\s+year|the\s+year)"
    rf"|(?:the\s+)?(?:{_COUNT}\s+)?(?:days?|weeks?|months?|quarters?|year)\s+(?:to|ending|ended|through)\s+"
    rf"(?:(?:the\s+end\s+of\s+)?{_MONTH}(?:(?:\s*,)?\s+{_YEAR})?|{_WEEKDAY})"
    rf"|so\s+far\s+(?:this\s+year|in\s+{_YEAR})"
    # streaks: "the past 11 consecutive years", "more than 9 consecutive years", "four years in a row"
    rf"|(?:the\s+)?(?:past|last|previous)\s+{_COUNT}\s+{_STREAK}\s+{_UNITS}"
    rf"|(?:more\s+than|over|at\s+least|nearly|almost|some|about|around)\s+{_COUNT}\s+{_STREAK}\s+{_UNITS}"
    rf"|{_COUNT}\s+{_STREAK}\s+{_UNITS}|{_COUNT}\s+{_UNITS}\s+in\s+a\s+row"
    # ranges of months and whole dates: "Jan-Feb 2017", "January-September 2022", "10/1/2018"
    rf"|{_MONTH}\s*(?:-|–|to|through|until)\s*{_MONTH}(?:(?:\s*,)?\s+{_YEAR})?"
    rf"|\d{{1,2}}/\d{{1,2}}/(?:{_YEAR}|\d\d)(?!\d)"
    rf"|(?:(?:the\s+)?(?:beginning|end|start|middle|close)\s+of\s+)(?:{_MONTH}(?:(?:\s*,)?\s+{_YEAR})?|{_YEAR})"
    rf"|(?:end|start)-{_YEAR}"
    rf"|{_MOMENT}\s*(?:-|–|to|till|until|through)\s*(?:{_MOMENT})"
    rf"|(?:the\s+)?{_UNIT}\s+after\s+next"
    rf"|{_COUNT}\s+{_UNIT_OR_UNITS}\s+in\s+the\s+(?:future|past)"
    rf"|(?:(?:this|next|last|coming)\s+)?{_WEEKDAY}"
    rf"|(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to|till|until|through|and)\s*(?:the\s+)?\d{{1,2}}"
    rf"(?:st|nd|rd|th)?\s+(?:(?:of|in)\s+)?(?:(?:this|next|last)\s+month|{_MONTH}(?:,?\s+{_YEAR})?))"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_CAPITALIZED}(?:(?:\s*,)?\s+{_YEAR})?(?!\w)"
    rf"|(?:the\s+)?(?:month\s+of\s+){_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+(?:next|last|this)\s+year"
    rf"|(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:week|weekend|month)\s+of\s+"
    rf"(?:(?:this|next|last)\s+{_UNIT}|{_MONTH}|the\s+{_UNIT})"
    rf"|(?:the\s+)?(?:past|last|next|coming)\s+(?:few|several|couple\s+of)\s+{_UNITS}"
    rf"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|last)[\s-](?:half|quarter)(?:\s+of)?"
    rf"(?:\s+(?:{_YEAR}|(?:this|next|last)\s+year|the\s+year))?"
    rf"|(?:next|last|this)\s+year['’]s\s+(?:first|second|third|fourth)[\s-]quarter"
    rf"|(?:Q[1-4]|H[12])\s*{_YEAR}"
    rf"|(?:the\s+)?(?:next|last|past|previous|coming|following|first)\s+{_COUNT}\s+{_UNIT_OR_UNITS}"
    rf"|{_COUNT}\s+{_UNIT_OR_UNITS}\s+(?:ago|hence|from\s+(?:now|today)|later|earlier|before)"
    rf"|(?:the\s+)?(?:early|mid|late)[-\s]{_YEAR}s?"
    rf"|(?:the\s+)?(?:19|20|['’])\d0s\b"
    rf"|(?:(?:the\s+)?(?:beginning|end|start|middle)\s+of\s+)(?:the\s+)?(?:(?:this|next|last|coming)\s+)?"
    rf"(?:{_UNIT}|{_MONTH})"
    rf"|(?:the\s+)?week\s+(?:of|commencing|starting|beginning)(?:\s+on)?\s+(?:{_MONTH}\s+{_DAY}|{_DAY})"
    rf"|{_YEAR}\s*(?:,\s*)?{_MONTH}(?!\w)"
    rf"|(?:(?:early|mid|late)[-\s]+|(?:this|next|last|the\s+month\s+of|month\s+of)\s+)?{_MONTH}"
    rf"(?:\s+(?:{_DAY_IN_RANGE}\s*(?:-|–|to|through|and)\s*{_DAY}|{_DAY}))?(?:(?:\s*,)?\s+(?:of\s+)?{_YEAR})?(?!\w)"
    rf"|(?:summer|winter|spring|fall|autumn)\s+(?:of\s+)?{_YEAR}"
    rf"|{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    rf"|{_YEAR}\s*(?:-|/)\s*(?:0?[1-9]|1[0-2])\b(?!\s*(?:-|/)\s*\d)"
    rf"|(?:0?[1-9]|1[0-2])\s*(?:-|/)\s*{_YEAR}"
    rf"|{_YEAR}\s*(?:-|–|—|to|until|through)\s*(?:{_YEAR}|\d\d)\b(?!\s*(?:%|per\s*cent|percent))"
    rf"|week\s+\d{{1,2}}\b"
    rf"|(?:this\s+|next\s+|last\s+)?Q[1-4]\b"
    rf"|{_YEAR}\s+the\s+(?:first|second|third|fourth)\s+quarter"
    rf"|(?:the\s+)?(?:first|second|third|fourth|last)\s+week\s+(?:of\s+{_YEAR}|(?:next|last|this)\s+year)"
    rf"|(?:the\s+)?year\s+to\s+date|(?:the\s+)?same\s+{_UNIT}|that\s+{_UNIT}"
    rf"|(?:(?:early|mid|late|later|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    rf"the\s+rest\s+of|rest\s+of(?:\s+my)?|rest)[-\s]+)?(?:the\s+)?(?:(?:this|next|last|past|previous|coming|"
    rf"upcoming|following|current)\s+)?{_UNIT}"
    rf"|{_YEAR}(?![\d%.,]\d|\s*(?:%|per\s*cent|percent))\b"
)


# Where a date or period is written, resolvable or not: the extractor keeps those the period grammar reads.
_DATE_SPAN = re.compile(
    # "in the third": a quarter or half named before, its noun left out. The two-ended forms come
    # first: a preposition taken as the prefix of one end would cut "between 2012 and 2016" short.
    rf"(?i)\b(?:in\s+the\s+(?:first|second|third|fourth|final|last)(?=\s*(?:[.,;:)]|$))"
    rf"|between\s+(?:{_DATE_CORE}|{_DAY}|now|today)\s+and\s+(?:{_DATE_CORE}|now|today)"
    rf"|from\s+(?:{_DATE_CORE}|{_DAY}|today|now)\s+(?:to|until|till|through)\s+(?:{_DATE_CORE}|today|now)"
    rf"|(?:(?:in|since|by|during|from|until|till|through|throughout|before|after|as\s+of|as\s+at|at|over|of|for|"
    rf"compared\s+(?:with|to))\s+)?(?:{_DATE_CORE}))"
)


def date_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where dates and periods are written, whether or not the period grammar can resolve them."""
    return [(m.start(), m.end()) for m in DateScan(text).matches(start, len(text) if end is None else end)]


def _for_re2(pattern: str) -> str:
    """A superset of ``pattern`` that RE2 can run: lookaheads and word boundaries dropped (RE2 has no
    lookaround, and its \\b is ASCII's), and \\s and \\d widened to what they mean in Python's re on text."""
    spaces = r"\t-\r\x1c-\x20\x{85}\p{Z}"
    out = []
    i = 0
    in_class = False
    while i < len(pattern):
        if pattern.startswith(("(?!", "(?="), i):
            depth, j, in_lookahead_class = 0, i, False
            while True:  # skip to the lookahead's closing bracket (brackets in a class do not count)
                if pattern[j] == "\\":
                    j += 2
                    continue
                if in_lookahead_class:
                    in_lookahead_class = pattern[j] != "]"
                elif pattern[j] == "[":
                    in_lookahead_class = True
                else:
                    depth += {"(": 1, ")": -1}.get(pattern[j], 0)
                if depth == 0:
                    break
                j += 1
            i = j + 1
            continue
        if pattern[i] == "\\":
            escape = pattern[i:i + 2]
            if escape == r"\s":
                out.append(spaces if in_class else f"[{spaces}]")
            elif escape == r"\d":
                out.append(r"\p{Nd}")
            elif escape == r"\b" and not in_class:
                pass  # RE2's \b knows ASCII words only ('¹' is a word character to re): drop it, a superset
            else:
                out.append(escape)
            i += 2
            continue
        if pattern[i] == "[" and not in_class:
            in_class = True
        elif pattern[i] == "]" and in_class:
            in_class = False
        out.append(pattern[i])
        i += 1
    return "".join(out)


_re2_options = re2.Options()


_re2_options.max_mem = 64 << 20  # the date pattern's automaton needs more than RE2's default 8 MB


_DATE_SPAN_SUPERSET = re2.compile(_for_re2(_DATE_SPAN.pattern), _re2_options)


_TAIL = 400  # characters before a cut in the middle of a word in which a date could end at the cut


class DateScan:
    """``_DATE_SPAN.finditer`` over a whole text, made fast.

    Python's re tries the date pattern's many alternatives at every word of the text, which costs
    more than the rest of extraction together. RE2 runs a superset of the pattern (no lookaheads)
    as one automaton over the whole text, once. Wherever the real pattern matches, the superset
    matches too, so RE2's leftmost-first scan covers that position with one of its matches: re,
    with its lookaheads, need only be tried at the positions those matches cover. The result is
    exactly that of ``_DATE_SPAN.finditer`` (a property test compares the two).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [m.span() for m in _DATE_SPAN_SUPERSET.finditer(text)]
        self.starts = [a for a, _ in self.spans]

    def matches(self, start: int, end: int) -> list[re.Match[str]]:
        found: list[re.Match[str]] = []
        position = start  # where finditer would go on searching
        k = max(0, bisect.bisect_right(self.starts, start) - 1)
        spans = self.spans[k:]
        if end < len(self.text) and (self.text[end].isalnum() or self.text[end] == "_"):
            # re sees the text end at ``end`` (a word boundary there) where RE2 saw the word go on: the
            # superset is run again on the last stretch, cut where re's text ends.
            tail = max(start, end - _TAIL)
            spans = sorted(spans + [(tail + a, tail + b) for a, b in
                                    (m.span() for m in _DATE_SPAN_SUPERSET.finditer(self.text[tail:end]))])
        for a, b in spans:
            if a >= end:
                break
            position = max(position, a)
            while position < min(b, end):
                match = _DATE_SPAN.match(self.text, position, end)
                if match is None:
                    position += 1
                else:
                    found.append(match)
                    position = match.end()
        return found


@dataclass(frozen=True, slots=True)
class PeriodSpan:
    """Where a date or period is written, and how the period grammar reads it (``period`` None: it does not)."""

    start: int
    end: int
    text: str
    period: Period | None
    read: str  # the part of ``text`` the period grammar read ("2013" of "from 2013"), or all of it, unread

    @property
    def streak(self) -> bool:
        """"for 15 consecutive years", "four years in a row": what holds for a run of years, in its own clause."""
        return _STREAK_WORDS.search(self.text) is not None


_STREAK_WORDS = re.compile(r"(?i)\b(?:consecutive|straight|successive|in\s+a\s+row)\b")


@lru_cache(maxsize=8192)
def _read_period(text: str, published: Period | str | None) -> Period | None:
    try:
        return parse_period(text, published=published)
    except ClaimcheckError:
        return None


# The words before a date that the period grammar may not read: "from 2013", "by 2027", "compared with 1990".
_PREPOSITION = re.compile(r"(?i)^(?:in|since|by|during|from|until|till|through|throughout|before|after|as\s+of|"
                          r"as\s+at|at|over|of|for|on|compared\s+(?:with|to))\s+")


_THE = re.compile(r"(?i)^the\s+")


def periods_in(text: str, start: int, end: int, published: Period | str | None, scan: DateScan | None = None
               ) -> list[PeriodSpan]:
    """The dates and periods written in text[start:end], read by the period grammar against ``published``.

    Those the grammar does not read are kept too (``period`` None): "on February 11" is a date with
    no year, never a count of eleven. ``scan``, the text's date scan, saves scanning again per sentence.
    """
    found = []
    for match in (scan or DateScan(text)).matches(start, end):
        written = " ".join(match.group().split())
        read, period = written, _read_period(written, published)
        if period is None:
            # "from 2013", "in the first half of 2024": the preposition may be more than the grammar reads.
            without = _PREPOSITION.sub("", written)
            for shorter in (without, _THE.sub("", without)):
                if shorter != read and (period := _read_period(shorter, published)) is not None:
                    read = shorter
                    break
        if period is None and _A_UNIT_ALONE.fullmatch(written):
            continue  # "a year", "per day": the unit of a rate, no date
        found.append(PeriodSpan(match.start(), match.end(), match.group(), period, read))
    return found


_A_UNIT_ALONE = re.compile(r"(?i)(?:(?:the|a|an|per|each|every)\s+)?(?:day|week|month|quarter|year|decade|century)s?")


__all__ = ["DateScan", "PeriodSpan", "date_spans", "periods_in"]
