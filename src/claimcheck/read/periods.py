"""The period grammar: ``first half of 2024`` becomes 2024-01-01 .. 2024-06-30, granularity half.

A period is a closed interval of calendar days with the granularity it was written in. Nothing is
ever filled in from today's date: "2019" is the whole of 2019, and "March 2019" the whole month.
Relative forms ("last year", "since 2012", "for 15 consecutive years") resolve against an anchor,
the source's publication date or the claim's statement time, and are an error without one.

Three readings go beyond a span of days:

- an **instant** ("as of 1 July 2023", "by the end of 2018", "at the end of March 2020"): the day a
  state is observed, the last day of a month or year for "the end of";
- an **approximate part** ("mid-March 2021", "late 2024", "early 2023"): a third of the month or
  year, flagged approximate, with the whole month or year kept as its loose reading;
- a **streak** ("for 15 consecutive years", "for more than 9 consecutive years"): a run of years
  whose length is a value with its hedge, ending with the anchor's year.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Literal

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, model_validator

from claimcheck.errors import ArgumentError, ArgumentTypeError, ClaimcheckError, PeriodParseError
from claimcheck.read.grammar import parse_value
from claimcheck.read.numbers import ordinal_word_value

Granularity = Literal["day", "month", "quarter", "half", "year", "decade", "span"]


class Streak(BaseModel):
    """A run of consecutive years: its length as written (a hedged whole number) and the year it reaches."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str  # the length as written: "15", "more than 9", "four"
    min_years: int
    max_years: int | None  # None: no upper bound ("more than 9")
    last_year: int  # the year the run reaches, read as the anchor's year
    written: bool = False  # its years are written ("from 2017 to 2022", "every year since 2017"): no lag

    def first_years(self, *, lag: int = 0) -> tuple[int | None, int]:
        """The first year of the run: (earliest, latest); earliest is None when the length is unbounded.

        With ``lag`` the run may end up to that many years before ``last_year`` (annual data stated
        in 2020 often counts to 2019); a run whose years are written has none.
        """
        if self.written:
            lag = 0
        latest = self.last_year - self.min_years + 1
        earliest = None if self.max_years is None else self.last_year - lag - self.max_years + 1
        return earliest, latest

    def length_text(self) -> str:
        if self.max_years is None:
            return f"at least {self.min_years} years"
        if self.max_years == self.min_years:
            return f"{self.min_years} years"
        return f"{self.min_years} to {self.max_years} years"


class Period(BaseModel):
    """A closed interval of days, both ends inclusive, with the granularity it was written in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    start: date
    end: date
    granularity: Granularity
    reading: str
    relative: bool = False
    assumed: bool = False
    instant: bool = False  # "as of", "by the end of": the day (or month, year) a state is observed
    approximate: bool = False  # "mid-March", "late 2024": a third of the month or year
    inferred: bool = False  # a publication date the curator inferred ("2022-06 (inferred)")
    loose_start: date | None = None  # for an approximate part, the whole month or year around it
    loose_end: date | None = None
    streak: Streak | None = None
    # "since 2012" begins on some day of 2012: the latest day it can have begun (31 December 2012).
    start_latest: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start > self.end:
            raise ValueError(f"period {self.text!r} starts ({self.start}) after it ends ({self.end})")
        if self.start_latest is not None and not self.start <= self.start_latest <= self.end:
            raise ValueError(f"period {self.text!r}: the latest start must lie within it")
        if (self.loose_start or self.start) > self.start or (self.loose_end or self.end) < self.end:
            raise ValueError(f"period {self.text!r}: its loose reading must contain its reading")
        return self

    @property
    def outer_start(self) -> date:
        """The start of the loose reading: the whole month or year of an approximate part."""
        return self.loose_start or self.start

    @property
    def outer_end(self) -> date:
        return self.loose_end or self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def loosely_overlaps(self, other: Period) -> bool:
        """Whether the loose readings overlap: an approximate part may be any day of its month or year."""
        return self.outer_start <= other.outer_end and other.outer_start <= self.outer_end

    def __repr__(self) -> str:
        return f"Period({self.text!r} → {self.start.isoformat()} .. {self.end.isoformat()}, {self.granularity})"

    def label(self, *, note: bool = True) -> str:
        """'2022', 'October 2013', 'Q3 2023', '2012–2022'; with ``note``, how a relative or assumed period was read."""
        core = self._core()
        if self.instant:
            core = f"as of {core}"
        if self.approximate:
            core = f"{core} (approximate)"
        if self.inferred:
            core = f"{core} (inferred)"
        if self.assumed and note:
            when = "its statement" if self.reading.startswith(_AS_OF_STATEMENT) else "publication"
            return f"{core}, assumed as of {when}"
        if self.relative and note:
            return f"{core}, from {self.text!r}"
        return core

    def _core(self) -> str:
        if self.approximate and self.text:
            return " ".join(self.text.split())
        if self.granularity == "year":
            return str(self.start.year)
        if self.granularity == "month":
            return f"{self.start:%B %Y}"
        if self.granularity == "day":
            return self.start.isoformat()
        if self.granularity == "quarter":
            return f"Q{(self.start.month + 2) // 3} {self.start.year}"
        if self.granularity == "half":
            return f"H{(self.start.month + 5) // 6} {self.start.year}"
        if self.granularity == "decade":
            return f"the {self.start.year}s"
        if self.start == date.min:
            return f"no later than {self.end.isoformat()}" if self.relative or not self.text else " ".join(self.text.split())
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31):
            return f"{self.start.year}–{self.end.year}"
        whole_months = self.start.day == 1 and self.end == _month_end(self.end.year, self.end.month)
        if whole_months:
            first = f"{self.start:%B}" if self.start.year == self.end.year else f"{self.start:%B %Y}"
            return f"{first}–{self.end:%B %Y}"
        if date.min < self.start and self.end < date.max:  # a span of days: "14 March–13 June 2025"
            first = f"{self.start.day} {self.start:%B}" + ("" if self.start.year == self.end.year else f" {self.start.year}")
            return f"{first}–{self.end.day} {self.end:%B %Y}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def __str__(self) -> str:
        return f"{self.label()}: {self.start.isoformat()} .. {self.end.isoformat()}"


# --- calendar helpers ---------------------------------------------------------------------------

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_NAMES = ("january|february|march|april|may|june|july|august|september|october|november|december|"
                "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_MONTH = rf"({_MONTH_NAMES})\.?"
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4}
_COUNT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_COUNT_WORDS.update({"a": 1, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100})
# Thirds of a month (days) and of a year (months): the documented reading of "early", "mid" and "late".
_THIRDS_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_THIRDS_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_THIRDS_OF_DECADE = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_PART = r"(early|mid|late)(?:-| |- )"
# Meteorological seasons of the northern hemisphere: the month each begins.
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON = r"(spring|summer|autumn|fall|winter)"
_THIRDS_OF_SEASON = {"early": 0, "mid": 1, "late": 2}  # a month each
_LOOSE_SEASON_DAY = 22  # the astronomical season ends by the 22nd of the month after the meteorological one

Reading = tuple[date, date, Granularity, str]


def _year(y: int, text: str) -> int:
    """Every year the grammar reads or works out passes here: the calendar Python keeps runs from 1 to 9999."""
    if not 1 <= y <= 9999:
        raise PeriodParseError(text, f"it resolves to the year {y}, outside the years 1 to 9999")
    return y


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _whole_year(y: int, text: str) -> tuple[date, date]:
    y = _year(y, text)
    return date(y, 1, 1), date(y, 12, 31)


def _shifted(day: date, text: str, *, days: int = 0, months: int = 0) -> date:
    """``day`` moved by ``months`` then ``days``, which must leave it in the years 1 to 9999, as _year does."""
    try:
        return day + relativedelta(months=months, days=days)
    except (OverflowError, ValueError):  # date arithmetic past 9999-12-31 or before 0001-01-01
        raise PeriodParseError(text, "it resolves to a day outside the years 1 to 9999") from None


def _months_before(end: date, months: int, text: str) -> date:
    """The day after ``end`` minus ``months`` months: where the past N months ending on ``end`` begin."""
    y, m = divmod(end.year * 12 + end.month - 1 - months, 12)
    y = _year(y, text)
    return date(y, m + 1, min(end.day, calendar.monthrange(y, m + 1)[1])) + timedelta(days=1)


_LONGEST_COUNT = 9999  # years or months: a longer run leaves the calendar whatever the publication date


def _count(word: str, text: str) -> int:
    word = word.strip()
    if word.isascii() and word.isdigit():  # not '²', which isdigit() takes for a digit
        digits = word.lstrip("0") or "0"
        if len(digits) > len(str(_LONGEST_COUNT)):
            raise PeriodParseError(text, f"{word[:20]!r} is more years or months than the calendar holds")
        return int(digits)
    if word in _COUNT_WORDS:
        return _COUNT_WORDS[word]
    raise PeriodParseError(text, f"{word!r} is not a number of years claimcheck knows")


_TYPOGRAPHIC = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-", "\u00a0": " ", "’": "'"})
_LEADING = re.compile(r"^(?:in|on|during|throughout|for the year|the year|in the year)\s+")
_INSTANT = re.compile(r"^as (?:of|at|on)\s+")
_END_OF = re.compile(r"^(?:(by|at|as of|as at|until|till|to)\s+)?(?:the\s+)?(end|start|beginning)(?:\s+of\s+|-)(.+)$")
_UNTIL = re.compile(r"^(?:until|till|up until)\s+(.+)$")
# "not before 2027", "from 2027 at the earliest": an earliest date with no latest, which a Period cannot hold.
_NO_EARLIER = re.compile(r"^(?:(not before|no earlier than|not earlier than|not until|not till|after|later than)\s+(.+)|"
                         r"(?:from |in )?(.+?),? (at the earliest|or later))$")
_DOCS = "see docs/values-and-periods.md"
_INFERRED = re.compile(r"\s*\((inferred|estimated|approximate)\)$")
_NO_LATER = re.compile(r"^(before|by|no later than|in or before|not later than)\s+(.+)$")


# --- the parser ---------------------------------------------------------------------------------


def parse_period(text: str, *, published: Period | date | str | int | None = None) -> Period:
    """Read a period as written; relative forms resolve against ``published`` (or a statement time).

    >>> p = parse_period("first half of 2024")
    >>> (p.start.isoformat(), p.end.isoformat(), p.granularity)
    ('2024-01-01', '2024-06-30', 'half')
    >>> parse_period("by the end of 2018").label()
    'as of 2018-12-31'
    """
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        raise ArgumentTypeError("parse_period", "text", text, "a period as written, a str such as 'May 2019' (or a year)")
    s = " ".join(text.translate(_TYPOGRAPHIC).lower().split()).rstrip(".")
    if not s:
        raise PeriodParseError(text, "it is empty")
    if len(s) > 200:
        raise PeriodParseError(text, "it is longer than any period claimcheck reads (200 characters)")
    anchor = publication(published)
    inferred = _INFERRED.search(s)
    if inferred:
        s = s[:inferred.start()]
    period = _read(s, text, anchor)
    if inferred:
        period = period.model_copy(update={"inferred": True,
                                           "reading": f"{period.reading}; {inferred[1]}, as the curator says"})
    return period


class _NoYear(Exception):
    """Raised where a form is read without its year; _read turns it into the one refusal of yearless dates."""


def _read(s: str, text: str, anchor: Period | None) -> Period:
    try:
        return _read_form(_LEADING.sub("", s), text, anchor)
    except _NoYear:
        raise PeriodParseError(text, _no_year(text, anchor)) from None


def _read_form(s: str, text: str, anchor: Period | None) -> Period:
    if m := _END_OF.fullmatch(s):
        return _end_of(m[1], m[2], m[3], text, anchor)
    if m := _UNTIL.fullmatch(s):
        return _end_of("until", "end", m[1], text, anchor)
    if m := _NO_EARLIER.fullmatch(s):
        _no_earlier(m[1] or m[4], m[2] or m[3], text, anchor)
    if (m := _NO_LATER.fullmatch(s)) and (not m[2].startswith("the end") or m[1] != "by"):
        return _no_later(m[1], m[2], text, anchor)
    if instant := _INSTANT.match(s):
        rest = s[instant.end():]
        inner = _day_before(rest, text, anchor) or _read(rest, text, anchor)
        if inner.streak is not None:
            return inner
        return inner.model_copy(update={"instant": True, "reading": f"as of: {inner.reading}"})
    found = _absolute(s, text, anchor)
    if found is not None:
        start, end, granularity, reading = found
        return Period(text=text, start=start, end=end, granularity=granularity, reading=reading)
    part = _approximate_part(s, text)
    if part is not None:
        return part
    relative = _relative(s, text, anchor)
    if relative is not None:
        return relative
    raise PeriodParseError(text, _unknown(s, text))


# Pieces of the grammar a text may hold without being one of its forms, named in the error that refuses it.
_PIECES = [(re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}|{_MONTH} \d{{1,2}}\b)"), "a day and month"),
           (re.compile(rf"\b{_MONTH}\b"), "a month"), (re.compile(rf"\b{_SEASON}\b"), "a season"),
           (re.compile(r"\b\d{4}\b"), "a year"), (re.compile(r"\b(?:from|between) .+ (?:to|and|until) "), "a span")]


def _unknown(s: str, text: str) -> str:
    """The refusal of an unknown period: what of the grammar it holds, so the curator sees what is missing."""
    found: list[str] = []
    for pattern, what in _PIECES:
        if (m := pattern.search(s)) and not (what == "a month" and "a day and month" in " ".join(found)):
            found.append(f"{what} ({_as_written(text, m[0].strip())!r})")
    if not found:
        return f"it is not a date or period claimcheck knows; {_DOCS}"
    return (f"it is not a date or period claimcheck knows: it has {', '.join(found)}, but not in a form the period "
            f"table gives; {_DOCS}")


_AS_OF_STATEMENT = "no period written; read as of the statement"


def as_of_publication(published: Period, *, stated: bool = False) -> Period:
    """The period read for a claim that gives none: the publication date (or the statement time) itself, flagged
    as assumed."""
    reading = _AS_OF_STATEMENT if stated else "no period written; read as of publication"
    return Period(text="", start=published.start, end=published.end, granularity=published.granularity,
                  reading=f"{reading} ({published.label(note=False)})", assumed=True,
                  approximate=published.approximate, loose_start=published.loose_start, loose_end=published.loose_end)


_PUBLISHED = "a publication date: a Period, a date, a year, or text such as '2025' or '2023-10'"


def publication(published: Period | date | str | int | None, function: str = "parse_period") -> Period | None:
    """The publication date a relative period resolves against, from what a caller of ``function`` gave."""
    if published is None or isinstance(published, Period):
        return published
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(published, date):
        return Period(text=published.isoformat(), start=published, end=published, granularity="day", reading="day")
    if not isinstance(published, (str, int)) or isinstance(published, bool):
        raise ArgumentTypeError(function, "published", published, _PUBLISHED)
    try:
        return parse_period(str(published))
    except PeriodParseError as exc:
        raise ArgumentError(function, "published", published, f"{_PUBLISHED}; {exc.reason}") from None


# --- absolute forms -----------------------------------------------------------------------------


def _absolute(s: str, text: str, anchor: Period | None) -> Reading | None:
    try:
        for pattern, build in _ABSOLUTE:
            if m := pattern.fullmatch(s):
                found = build(m, text)
                if found is not None:
                    return found
        return _dateutil_day(s)
    except _NoYear:
        raise PeriodParseError(text, _no_year(text, anchor)) from None


def _a_year(m: re.Match[str], text: str) -> Reading:
    return *_whole_year(int(m[1]), text), "year", "calendar year"


def _a_month(m: re.Match[str], text: str) -> Reading | None:
    y, mo = _year(int(m[1]), text), int(m[2])
    if not 1 <= mo <= 12:
        return None  # "2012-22" is a span of years
    return date(y, mo, 1), _month_end(y, mo), "month", "calendar month"


def _a_day(m: re.Match[str], text: str) -> Reading:
    try:
        d = date(_year(int(m[1]), text), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise PeriodParseError(text, str(exc)) from None
    return d, d, "day", "calendar day"


def _slashed_day(m: re.Match[str], text: str) -> Reading:
    """'10/1/2018' is 1 October 2018 (month first, as US news and dateutil write it); '25/12/2018' is day first."""
    first, second, y = int(m[1]), int(m[2]), _year(int(m[3]), text)
    month, day, how = first, second, "month first"
    if first > 12 >= second:
        month, day, how = second, first, "day first, as the first number is over 12"
    try:
        d = date(y, month, day)
    except ValueError as exc:
        raise PeriodParseError(text, str(exc)) from None
    return d, d, "day", f"calendar day ({how})"


def _year_span(m: re.Match[str], text: str) -> Reading:
    y1 = _year(int(m[1]), text)
    y2 = int(m[2]) if len(m[2]) == 4 else (y1 // 100) * 100 + int(m[2])
    _year(y2, text)
    if y2 < y1:
        raise PeriodParseError(text, f"the span runs backwards ({y1} to {y2})")
    return date(y1, 1, 1), date(y2, 12, 31), "span", f"whole years {y1} to {y2}, both included"


def _quarter(m: re.Match[str], text: str) -> Reading:
    q = int(m[1] or m[4] or _ORDINAL[m[5]])
    y = _year(int(m[2] or m[3] or m[6]), text)
    return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter", f"quarter {q}"


def _half(m: re.Match[str], text: str) -> Reading:
    h = int(m[1] or m[4] or _ORDINAL[m[5]])
    y = _year(int(m[2] or m[3] or m[6]), text)
    return date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half", f"half-year {h}"


def _months(m: re.Match[str], text: str) -> Reading:
    y = _year(int(m[3]), text)
    m1, m2 = _MONTHS[m[1]], _MONTHS[m[2]]
    if m2 < m1:
        raise PeriodParseError(text, "the months run backwards")
    return date(y, m1, 1), _month_end(y, m2), "span", f"months {m1} to {m2} of {y}"


def _month_span(m: re.Match[str], text: str) -> Reading:
    """'between August 2021 and July 2022': from the first day of one named month to the last of another."""
    start = date(_year(int(m[2]), text), _MONTHS[m[1]], 1)
    y, mo = _year(int(m[4]), text), _MONTHS[m[3]]
    if (y, mo) < (start.year, start.month):
        raise PeriodParseError(text, "the months run backwards")
    return start, _month_end(y, mo), "span", f"{calendar.month_name[start.month]} {start.year} to " \
        f"{calendar.month_name[mo]} {y}"


def _first_months(m: re.Match[str], text: str) -> Reading:
    n = _count(m[1], text)
    y = _year(int(m[2]), text)
    if not 1 <= n <= 12:
        raise PeriodParseError(text, f"a year has no {n} months")
    return date(y, 1, 1), _month_end(y, n), "span", f"months 1 to {n} of {y}"


def _decade(m: re.Match[str], text: str) -> Reading:
    decade = _year(int(m[1]) * 10, text)
    return date(decade, 1, 1), date(decade + 9, 12, 31), "decade", f"the decade {decade}–{decade + 9}"


def _a_named_month(m: re.Match[str], text: str) -> Reading:
    y, mo = _year(int(m[2]), text), _MONTHS[m[1]]
    return date(y, mo, 1), _month_end(y, mo), "month", "calendar month"


def _day_span(m: re.Match[str], text: str) -> Reading:
    """'14 March to 13 June 2025', '14–16 March 2025', 'March 14-16, 2025': from one day to another, both included.
    The first day takes its month and year from the second where it leaves them out; without a year, the span is
    refused as '14 March' is."""
    d1, m1, y1, d2, m2, y2 = (m[k] for k in ("d1", "m1", "y1", "d2", "m2", "y2"))
    if y2 is None:
        raise _NoYear
    end_year = _year(int(y2), text)
    start_year = _year(int(y1), text) if y1 else end_year
    try:
        start = date(start_year, _MONTHS[m1 or m2], int(d1))
        end = date(end_year, _MONTHS[m2 or m1], int(d2))
    except ValueError as exc:
        raise PeriodParseError(text, str(exc)) from None
    if start > end:
        how = "write the year of its first day too" if not y1 else "the first day comes after the last"
        raise PeriodParseError(text, f"the span runs backwards ({start.isoformat()} to {end.isoformat()}): {how}")
    return start, end, "span", f"days {start.isoformat()} to {end.isoformat()}, both included"


_THE = r"(?:the )?"
_TO_DAY = r"(?: ?- ?| to | through | until | till | and )"


def _day_named(name: str) -> str:
    return rf"(?:the )?(?P<{name}>\d{{1,2}})(?:st|nd|rd|th)?"


def _month_named(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_NAMES})\.?"


def _year_named(name: str) -> str:
    return rf"(?:,? (?P<{name}>\d{{4}}))"


# '14 March 2025 to 13 June 2025', '14 March to 13 June 2025', '14-16 March 2025', 'from 18 January to 12 February'
_DAYS_DAY_FIRST = re.compile(
    rf"(?:from |between )?{_day_named('d1')}(?: (?:of )?{_month_named('m1')}{_year_named('y1')}?)?{_TO_DAY}"
    rf"{_day_named('d2')} (?:of )?{_month_named('m2')}{_year_named('y2')}?")
# 'March 14 to June 13, 2025', 'March 14-16, 2025'
_DAYS_MONTH_FIRST = re.compile(
    rf"(?:from |between )?{_month_named('m1')} {_day_named('d1')}{_year_named('y1')}?{_TO_DAY}"
    rf"(?:{_month_named('m2')} )?{_day_named('d2')}{_year_named('y2')}?")
_ABSOLUTE: list[tuple[re.Pattern[str], Callable[[re.Match[str], str], Reading | None]]] = [
    (re.compile(r"(\d{4})"), _a_year),
    (re.compile(r"(\d{4})-(\d{2})"), _a_month),
    (re.compile(r"(\d{4})[-/](\d{2})[-/](\d{2})"), _a_day),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), _slashed_day),
    (re.compile(r"(?:from |between )?(\d{4}) ?(?:-|to|and|until|through) ?(\d{2}|\d{4})"), _year_span),
    (re.compile(rf"(?:q([1-4]) ?(\d{{4}})|(\d{{4}}) ?q([1-4])|{_THE}(first|second|third|fourth|1st|2nd|3rd|4th|last)"
                r"[ -]quarter (?:of )?(\d{4}))"), _quarter),
    (re.compile(rf"(?:h([12]) ?(\d{{4}})|(\d{{4}}) ?h([12])|{_THE}(first|second|1st|2nd)[ -]half (?:of )?(\d{{4}}))"),
     _half),
    (re.compile(rf"(?:from |between )?{_MONTH} ?(?:-|to|through|until|and) ?{_MONTH},? (\d{{4}})"), _months),
    (re.compile(rf"(?:from |between )?{_MONTH},? (\d{{4}}) ?(?:-|–|to|through|until|and) ?{_MONTH},? (\d{{4}})"),
     _month_span),
    (_DAYS_DAY_FIRST, _day_span),
    (_DAYS_MONTH_FIRST, _day_span),
    (re.compile(r"(?:the )?first (\w+) months (?:of )?(\d{4})"), _first_months),
    (re.compile(r"(?:the )?(\d{3})0'?s"), _decade),
    (re.compile(rf"{_MONTH},? (\d{{4}})"), _a_named_month),
]


_NO_YEAR = "it has no year"


def _as_written(text: str, piece: str | None = None) -> str:
    """The text (or a piece of it that parsing lower-cased) with the writer's capitals, spaces and dashes made plain."""
    written = " ".join(text.translate(_TYPOGRAPHIC).split()).rstrip(".")
    if piece is None:
        return written
    at = written.lower().find(piece)
    return piece if at < 0 or len(written) != len(written.lower()) else written[at:at + len(piece)]


def _no_year(text: str, anchor: Period | None) -> str:
    """Why a date without a year is refused: the one rule for every yearless form ('in March', '12 February',
    'until the end of March', '14–16 March', 'in the autumn'), with the fix in the words the curator wrote."""
    written = _as_written(text)
    if leading := _LEADING.match(written.lower()):  # 'in March' is read as 'March': suggest 'March 2021'
        written = written[leading.end():]
    ends_with_season = re.search(rf"\b{_SEASON}$", written.lower())
    if anchor is None:
        example = f"write the year the text means ('{written}' followed by its year)"
    else:
        year = anchor.end.year
        if written.lower().endswith("winter"):  # the winter publication falls in, or the one after its December
            year -= anchor.end.month < 12
            written_year = f"{year}–{(year + 1) % 100:02d}"
        else:
            written_year = str(year)
        joined = " of " if ends_with_season and re.search(r"\bthe \w+$", written.lower()) else " "
        example = (f"write the year the text means, e.g. '{written}{joined}{written_year}' with the year of "
                   "publication, or its own year")
    return (f"{_NO_YEAR}: {example}. claimcheck never takes one from today's date, and does not guess from "
            "publication whether a date is the last one or, in a plan, the next")


def _dateutil_day(s: str) -> Reading | None:
    """'5 October 2013', 'October 5, 2013', '04th Jan 2019': dateutil, parsed twice to see what the text left out."""
    if re.fullmatch(rf"(?:the )?(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?)?{_MONTH}(?: \d{{1,2}}(?:st|nd|rd|th)?)?", s):
        raise _NoYear
    if not re.search(r"\d", s) or len(s) > 40 or not re.fullmatch(r"[\w ,./-]+", s):
        return None
    try:
        first = dateparser.parse(s, default=datetime(1, 1, 1), fuzzy=False)
        second = dateparser.parse(s, default=datetime(2, 2, 2), fuzzy=False)
    except (ValueError, OverflowError, dateparser.ParserError):
        return None
    if first.year != second.year:
        raise _NoYear
    if first.month != second.month:
        return None
    if first.day != second.day:
        return date(first.year, first.month, 1), _month_end(first.year, first.month), "month", "calendar month"
    d = first.date()
    return d, d, "day", "calendar day"


# --- instants and approximate parts -------------------------------------------------------------

_DAY_MONTH = re.compile(rf"(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH}|{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?")


def _day_before(s: str, text: str, anchor: Period | None) -> Period | None:
    """'as at 30 June' with no year: the last 30 June on or before the anchor, if the anchor gives a day or month."""
    m = _DAY_MONTH.fullmatch(s)
    if m is None:
        return None
    if anchor is None or anchor.granularity not in ("day", "month"):
        raise PeriodParseError(text, "it has no year; claimcheck never takes one from today's date, and reads it as "
                                     "the last such day before publication only when published: gives a month or day")
    day, month = int(m[1] or m[4]), _MONTHS[m[2] or m[3]]
    year = anchor.end.year
    try:
        found = date(year, month, day)
        if found > anchor.end:
            found = date(year - 1, month, day)
    except ValueError as exc:
        raise PeriodParseError(text, str(exc)) from None
    return Period(text=text, start=found, end=found, granularity="day", relative=True,
                  reading=f"no year written: the last {day} {calendar.month_name[month]} on or before publication "
                          f"({found.isoformat()})")


def _end_of(how: str | None, which: str, what: str, text: str, anchor: Period | None) -> Period:
    """'by the end of 2018' is 2018-12-31; 'at the start of March 2020' is 2020-03-01; 'until 12 February 2021' is
    that day: an instant. A month without its year is read against publication only after 'as of' (an observation,
    so a past one); 'until the end of March' may be a plan's, and is refused as 'in March' is."""
    if what in ("the year", "this year"):
        what = "this year"  # read against the anchor, as "this year" is
    if what in _MONTHS and len(what) > 3:
        if how not in ("as of", "as at"):
            raise _NoYear
        return _end_of_month_before(which, _MONTHS[what], text, anchor)
    inner = _read_after(what, repr(how) if how == "until" and which == "end" else f"'the {which} of'", text, anchor)
    day = inner.end if which == "end" else inner.start
    reading = f"the {which} of {inner.label(note=False)}: {day.isoformat()}"
    if inner.start == inner.end:
        reading = f"{how or 'at'} {day.isoformat()}"
    return Period(text=text, start=day, end=day, granularity="day", reading=reading, instant=True,
                  relative=inner.relative)


def _end_of_month_before(which: str, month: int, text: str, anchor: Period | None) -> Period:
    """'at the end of December' with no year: the last such month that had ended (or begun) by publication, when
    published: gives the day or month, as 'as at 30 June' is read."""
    if anchor is None or anchor.granularity not in ("day", "month"):
        raise PeriodParseError(text, f"{_NO_YEAR}; claimcheck reads it as the last such month before publication "
                                     "only when published: gives a month or day: otherwise write the year")
    year = anchor.end.year
    day = _month_end(year, month) if which == "end" else date(year, month, 1)
    if day > anchor.end:
        day = _month_end(year - 1, month) if which == "end" else date(year - 1, month, 1)
    return Period(text=text, start=day, end=day, granularity="day", instant=True, relative=True,
                  reading=f"no year written: the {which} of the last {calendar.month_name[month]} on or before "
                          f"publication ({day.isoformat()})")


def _no_later(how: str, what: str, text: str, anchor: Period | None) -> Period:
    """'before 2023', 'by 2021': a date with no earlier bound, up to the day before (or the last day of) the period.
    'Before the end of 2023' is up to its last day."""
    written = f"{how} {what}"
    if end_of := re.fullmatch(r"the end of (?:the )?(.+)", what):
        how, what = "by", "this year" if end_of[1] in ("year", "this year", "current year") else end_of[1]
    inner = _read_after(what, repr(how), text, anchor)
    if how == "before":
        if inner.start == date.min:
            raise PeriodParseError(text, "it ends before the first day claimcheck reads")
        end = date.fromordinal(inner.start.toordinal() - 1)
    else:
        end = inner.end
    return Period(text=text, start=date.min, end=end, granularity="span", relative=inner.relative,
                  reading=f"{written}: no earlier bound, no later than {end.isoformat()}")


def _read_after(what: str, after: str, text: str, anchor: Period | None) -> Period:
    """The date a bound word ('by', 'not before', 'the end of') is followed by. Its own error stands where it says
    more than 'not a date after "by"': the date is relative, or has no year."""
    try:
        return _read(what, text, anchor)
    except PeriodParseError as exc:
        if "relative" in exc.reason or exc.reason.startswith(_NO_YEAR):
            raise
        raise PeriodParseError(text, f"{what!r} is not a date claimcheck reads after {after}; {_DOCS}") from None


def _no_earlier(how: str, what: str, text: str, anchor: Period | None) -> None:
    """'not before 2027', 'from 2027 at the earliest': refused, saying why. A Period with no latest day would need
    the engine to read an open end, as it reads the open start of 'by 2027'; until it does, the bound is a note."""
    inner = _read_after(what, repr(how), text, anchor)
    earliest = inner.start if how not in ("after", "later than") else _shifted(inner.end, text, days=1)
    what = _as_written(text, what)
    raise PeriodParseError(text, f"{how!r} gives an earliest date ({earliest.isoformat()}, from {what!r}) and no "
                                 "latest, and claimcheck does not read open-ended periods yet: leave period: or date: "
                                 f"out and keep {_as_written(text)!r} in the claim's note:, or write {what!r} only if "
                                 "the text means that date itself")


# 'autumn 2021', 'the summer of 2024', 'late summer 2022', 'winter 2023–24', 'in the autumn' (refused: no year)
_SEASON_FORM = re.compile(rf"(?:the )?(?:{_PART})?{_SEASON}(?:,? (?:of )?(\d{{4}})(?:[-/](\d{{2}}|\d{{4}}))?)?")


def _season(m: re.Match[str], text: str) -> Period:
    """A meteorological season of the northern hemisphere, approximate: 'summer 2024' is June–August 2024, loosely
    to 22 September (the astronomical summer); 'late summer' is its last month, loosely the whole season."""
    part, season, first, second = m[1], m[2], m[3], m[4]
    if first is None:
        raise _NoYear
    year = _year(int(first), text)
    if season == "winter":
        if second is None:
            raise PeriodParseError(text, f"a winter runs from December into the next year: write 'winter {year - 1}–"
                                         f"{year % 100:02d}' or 'winter {year}–{(year + 1) % 100:02d}'")
        if int(second) not in (year + 1, (year + 1) % 100):
            raise PeriodParseError(text, f"a winter runs from December {year} into {year + 1}, not into {second}")
    elif second is not None:
        raise PeriodParseError(text, f"a {season} lies within one year: write '{season} {year}'")
    begins = date(year, _SEASON_START[season], 1)
    loose_end = _shifted(begins, text, months=3).replace(day=_LOOSE_SEASON_DAY)
    months = (_THIRDS_OF_SEASON[part], _THIRDS_OF_SEASON[part]) if part else (0, 2)
    start = _shifted(begins, text, months=months[0])
    end = _shifted(begins, text, months=months[1] + 1, days=-1)
    name = f"{season} {year}" + (f"–{(year + 1) % 100:02d}" if season == "winter" else "")
    which = f"{part} {name}, read as its {('first', 'second', 'third')[months[0]]} month, {start:%B %Y}" if part \
        else f"{name}, read as {start:%B %Y}–{end:%B %Y}"
    return Period(text=text, start=start, end=end, granularity="span", approximate=True, loose_start=begins,
                  loose_end=loose_end,
                  reading=f"{which} (a meteorological season of the northern "
                          f"hemisphere); approximate, loosely {begins.isoformat()} to {loose_end.isoformat()}")


def _approximate_part(s: str, text: str) -> Period | None:
    """'mid-March 2021' is 11–20 March; 'late 2024' is September–December; 'the early 2010s' is 2010–2013;
    'summer 2024' is June–August."""
    if m := _SEASON_FORM.fullmatch(s):
        return _season(m, text)
    if m := re.fullmatch(rf"{_PART}{_MONTH},? (\d{{4}})", s):
        y, mo = _year(int(m[3]), text), _MONTHS[m[2]]
        first, last = _THIRDS_OF_MONTH[m[1]]
        last = min(last, _month_end(y, mo).day)
        return Period(text=text, start=date(y, mo, first), end=date(y, mo, last), granularity="span",
                      reading=f"{m[1]} {calendar.month_name[mo]} {y}, read as days {first}–{last} (a third of the "
                              "month); approximate", approximate=True, loose_start=date(y, mo, 1),
                      loose_end=_month_end(y, mo))
    if m := re.fullmatch(rf"(?:the )?{_PART}(\d{{3}})0'?s", s):
        decade = _year(int(m[2]) * 10, text)
        first, last = _THIRDS_OF_DECADE[m[1]]
        return Period(text=text, start=date(decade + first, 1, 1), end=date(decade + last, 12, 31), granularity="span",
                      reading=f"the {m[1]} {decade}s, read as {decade + first}–{decade + last}; approximate",
                      approximate=True, loose_start=date(decade, 1, 1), loose_end=date(decade + 9, 12, 31))
    if m := re.fullmatch(rf"{_PART}(\d{{4}})", s):
        y = _year(int(m[2]), text)
        first, last = _THIRDS_OF_YEAR[m[1]]
        return Period(text=text, start=date(y, first, 1), end=_month_end(y, last), granularity="span",
                      reading=f"{m[1]} {y}, read as {calendar.month_name[first]}–{calendar.month_name[last]} (a third "
                              "of the year); approximate", approximate=True, loose_start=date(y, 1, 1),
                      loose_end=date(y, 12, 31))
    return None


# --- relative forms -----------------------------------------------------------------------------

_N_WORDS = r"(\d+|[a-z]+(?: [a-z]+)?)"
_STREAK = re.compile(
    r"(?:for |over |in |during )?(?:the )?(?:(?:past|last|previous) )?"
    r"(.+?) (?:consecutive|straight|successive|running) years|"
    r"(?:for |over )?(?:the )?(?:(?:past|last|previous) )?(.+?) years in a row")


_STREAK_OVER = re.compile(
    r"(?:for |over |in )?(?:the )?(?P<length>.+?) (?:consecutive|straight|successive|running) years,? "
    r"\(?(?:from |between |in )?(?P<first>\d{4}) ?(?:to|and|through|until|-) ?(?P<last>\d{4})\)?")
# "for the sixth consecutive year", "for a sixth straight year", "for the sixth year in a row"
_STREAK_ORDINAL = re.compile(
    r"(?:for )?(?:the|a) (\w+(?:-\w+)?) (?:(?:consecutive|straight|successive|running) year|year in a row|"
    r"year running)")
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


def _calendar_word(s: str, text: str, anchor: Period | None) -> tuple[date, date, Granularity, str] | None:
    """The calendar words of news, read against a publication that gives the day (or month) they need:
    'yesterday', 'on Monday' (the last Monday on or before publication), 'last week', 'next month',
    'earlier this year'."""
    def need(granularity: tuple[str, ...], what: str) -> Period:
        if anchor is None or anchor.granularity not in granularity:
            raise PeriodParseError(text, f"{what} is read against the day of publication: give published: as a "
                                         f"{' or '.join(granularity)}, or write the date")
        return anchor

    if s in ("today", "yesterday", "tomorrow"):
        day = _shifted(need(("day",), repr(s)).end, text, days={"today": 0, "yesterday": -1, "tomorrow": 1}[s])
        return day, day, "day", f"{s}: {day.isoformat()}"
    if m := re.fullmatch(r"(last |next |this past |this coming |on )?(monday|tuesday|wednesday|thursday|friday|"
                         r"saturday|sunday)", s):
        when, weekday = (m[1] or "").strip(), _WEEKDAYS[m[2]]
        published = need(("day",), repr(s)).end
        back = (published.weekday() - weekday) % 7
        if when in ("next", "this coming"):
            day = _shifted(published, text, days=(weekday - published.weekday() - 1) % 7 + 1)
            reading = f"the first {m[2].title()} after publication"
        else:
            if when in ("last", "this past") and back == 0:
                back = 7
            day = _shifted(published, text, days=-back)
            reading = f"the last {m[2].title()} {'before' if when in ('last', 'this past') else 'on or before'} " \
                      "publication (news reports the past; write the date for one still to come)"
        return day, day, "day", f"{reading}: {day.isoformat()}"
    if m := re.fullmatch(r"(this|last|next|the past|the previous|the coming) week", s):
        published = need(("day",), repr(s)).end
        monday = _shifted(published, text, days=-published.weekday())
        shift = {"last": -7, "the past": -7, "the previous": -7, "next": 7, "the coming": 7}.get(m[1], 0)
        start = _shifted(monday, text, days=shift)
        return start, _shifted(start, text, days=6), "span", f"{s}: the week of {start.isoformat()}, Monday to Sunday"
    if m := re.fullmatch(r"(earlier |later )?(this|last|next|the previous|the coming) month", s):
        publication = need(("day", "month"), repr(s))
        shift = {"last": -1, "the previous": -1, "next": 1, "the coming": 1}.get(m[2], 0)
        first = _shifted(date(publication.start.year, publication.start.month, 1), text, months=shift)
        end = _shifted(first, text, months=1, days=-1)
        if m[1] and m[2] == "this":
            start, end = (first, publication.end) if m[1] == "earlier " else (publication.start, end)
            return start, end, "span", f"{s}: {start.isoformat()} to {end.isoformat()}"
        return first, end, "month", f"{s}: {first:%B %Y}"
    if m := re.fullmatch(r"(earlier|later) this year|(next|the coming) year", s):
        publication = need(("day", "month", "year", "quarter", "half"), repr(s))
        year = publication.start.year
        if m[2]:
            return *_whole_year(year + 1, text), "year", f"the year after publication ({year + 1})"
        start, end = (date(year, 1, 1), publication.end) if m[1] == "earlier" else (publication.start, date(year, 12, 31))
        return start, end, "span", f"{s}: {start.isoformat()} to {end.isoformat()}"
    return None


def _relative(s: str, text: str, anchor: Period | None) -> Period | None:
    def need() -> Period:
        if anchor is None:
            raise PeriodParseError(
                text, "it is relative to the publication date, and none is known (set published: on the source)")
        return anchor

    def made(start: date, end: date, granularity: Granularity, reading: str, streak: Streak | None = None,
             start_latest: date | None = None) -> Period:
        if start > end:
            raise PeriodParseError(text, f"it resolves to an empty period ({start} after {end})")
        return Period(text=text, start=start, end=end, granularity=granularity, reading=reading, relative=True,
                      streak=streak, start_latest=None if start_latest is None else min(start_latest, end))

    if (m := re.fullmatch(r"since (?:the )?(.+)", s)) and (base := _absolute(m[1], text, anchor)) is not None:
        a = need()
        return made(base[0], a.end, "span", f"from {base[0]} to publication ({a.label()})", start_latest=base[1])
    if calendar_word := _calendar_word(s, text, anchor):
        return made(*calendar_word)
    if s in ("this year", "the current year"):
        a = need()
        return made(*_whole_year(a.start.year, text), "year", f"the year of publication ({a.start.year})")
    if s in ("last year", "the previous year", "the past year"):
        a = need()
        return made(*_whole_year(a.start.year - 1, text), "year", f"the year before publication ({a.start.year - 1})")
    if s in ("so far this year", "the year to date", "year to date", "this year so far", "so far in the year"):
        a = need()
        return made(date(a.end.year, 1, 1), a.end, "span",
                    f"the year to date: from 1 January {a.end.year} to publication ({a.label()})")
    if s in ("so far", "to date", "until now", "up to now"):
        a = need()  # a running total of unknown start: no earlier bound
        return Period(text=text, start=date.min, end=a.end, granularity="span", relative=True,
                      reading=f"{s}: no earlier bound, up to publication ({a.label()})")
    if m := re.fullmatch(rf"within (?:the next )?{_N_WORDS} (years?|months?)", s):
        a = need()  # a plan: from its statement, no later than that many years or months on
        n = _count(m[1], text)
        months = n * 12 if m[2].startswith("year") else n
        total = a.end.year * 12 + a.end.month - 1 + months
        y, mo = _year(total // 12, text), total % 12 + 1
        end = min(date(y, mo, a.end.day), _month_end(y, mo)) if a.granularity == "day" else _month_end(y, mo)
        return made(a.start, end, "span", f"{s}: from its statement ({a.label()}) to no later than {end.isoformat()}")
    if m := re.fullmatch(rf"(?:compared (?:with|to) |since ){_N_WORDS} years? ago", s):
        a = need()
        y = _year(a.start.year - _count(m[1], text), text)
        return made(date(y, 1, 1), a.end, "span", f"from {y} to publication ({a.label()})",
                    start_latest=date(y, 12, 31))
    if m := re.fullmatch(rf"{_N_WORDS} years? ago", s):
        a = need()
        y = _year(a.start.year - _count(m[1], text), text)
        return made(*_whole_year(y, text), "year", f"{_count(m[1], text)} years before publication ({y})")
    if m := _STREAK_OVER.fullmatch(s):
        return _streak_over(m, text, made)
    if m := re.fullmatch(r"(?:in )?every year since (\d{4})", s):
        return _every_year_since(m, text, need(), made)
    if m := _STREAK_ORDINAL.fullmatch(s):
        length = ordinal_word_value(m[1]) or (int(m[1][:-2]) if m[1][:-2].isdigit() else None)
        if length is None:
            raise PeriodParseError(text, f"{m[1]!r} is not an ordinal claimcheck reads")
        return _streak(str(length), text, need(), made)
    if m := _STREAK.fullmatch(s):
        return _streak(m[1] or m[2], text, need(), made)
    if re.fullmatch(r"(?:over |in |during |for )?the (?:past|last) decade", s) or \
            (m := re.fullmatch(rf"(?:for |over |in |during )?(?:the )?(?:past|last|previous) {_N_WORDS} years", s)):
        a = need()
        n = 10 if m is None or "decade" in s else _count(m[1], text)  # m is None: the decade form matched
        if n < 1:
            raise PeriodParseError(text, "a run of years must be at least one year long")
        first = _year(a.start.year - n + 1, text)
        return made(date(first, 1, 1), a.end, "span",
                    f"{n} whole years ending with the year of publication ({first}–{a.end.year})")
    if m := re.fullmatch(r"(?:over |in |during )?the (?:past|last) (\w+) months", s):
        a = need()
        months = _count(m[1], text)
        if months < 1:
            raise PeriodParseError(text, "a run of months must be at least one month long")
        start = _months_before(a.end, months, text)
        return made(start, a.end, "span", "months before publication")
    return None


def _streak(length: str, text: str, anchor: Period, made: Callable[..., Period],
            ending: str = "the year of publication") -> Period:
    """'15 consecutive years', 'more than 9 consecutive years': a run of whole years ending with the anchor's year."""
    low, high = _streak_length(length, text)
    if low < 1:
        raise PeriodParseError(text, "a run of years must be at least one year long")
    last = anchor.end.year
    first = _year(last - low + 1, text)
    streak = Streak(text=length, min_years=low, max_years=high, last_year=last)
    run = f"{low} whole years" if high == low else f"at least {low} whole years" if high is None else \
        f"{low} to {high} whole years"
    return made(date(first, 1, 1), anchor.end, "span",
                f"a streak of {run} ending with {ending}, so {first}–{last}"
                + ("" if high == low else " at the least"), streak)


def _streak_over(m: re.Match[str], text: str, made: Callable[..., Period]) -> Period:
    """'for three consecutive years, from 2011 to 2013': a streak whose years are written; they must fit its length."""
    first, last = _year(int(m["first"]), text), _year(int(m["last"]), text)
    if first > last:
        raise PeriodParseError(text, f"the run starts ({first}) after it ends ({last})")
    years = last - first + 1
    low, high = _streak_length(m["length"], text)
    if years < low or (high is not None and years > high):
        raise PeriodParseError(text, f"{first} to {last} is {years} years, which {m['length']!r} years does not allow")
    end = Period(text=str(last), start=date(last, 1, 1), end=date(last, 12, 31), granularity="year", reading="")
    period = _streak(str(years), text, end, made, ending=str(last))
    assert period.streak is not None
    return period.model_copy(update={"relative": False, "streak": period.streak.model_copy(update={"written": True})})


def _every_year_since(m: re.Match[str], text: str, anchor: Period, made: Callable[..., Period]) -> Period:
    """'every year since 2017': a run from that year to the anchor's, its first year written."""
    first = _year(int(m[1]), text)
    if first > anchor.end.year:
        raise PeriodParseError(text, f"{first} is after the publication ({anchor.label()})")
    period = _streak(str(anchor.end.year - first + 1), text, anchor, made)
    assert period.streak is not None
    return period.model_copy(update={"streak": period.streak.model_copy(update={"written": True})})


def _streak_length(length: str, text: str) -> tuple[int, int | None]:
    """The whole numbers of years a hedged length allows: 'more than 9' is 10 or more, 'nearly 10' is 9."""
    try:
        value = parse_value(length)
    except ClaimcheckError:
        raise PeriodParseError(text, f"{length!r} is not a number of years claimcheck knows") from None
    if value.kind != "count" or value.low_magnitude is None:
        raise PeriodParseError(text, f"{length!r} is not a number of years claimcheck knows")
    low, high = value.low_magnitude, value.high_magnitude
    first = math.floor(low) + 1 if not value.low_inclusive and low == math.floor(low) else math.ceil(low)
    if high is None:
        return first, None
    last = math.ceil(high) - 1 if not value.high_inclusive and high == math.ceil(high) else math.floor(high)
    if last < first:
        raise PeriodParseError(text, f"{length!r} allows no whole number of years")
    return first, last


__all__ = ["Granularity", "Period", "Streak", "as_of_publication", "parse_period", "publication"]
