"""The period grammar: ``first half of 2024`` becomes 2024-01-01 .. 2024-06-30, granularity half.

A period is a closed interval of calendar days with the granularity it was written in. Nothing is
ever filled in from today's date: "2019" is the whole of 2019, and "March 2019" the whole month.
Relative forms ("last year", "since 2012", "for 15 consecutive years") resolve against the
publication date of the source, and are an error without one.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Literal

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, model_validator

from claimcheck.errors import PeriodParseError

Granularity = Literal["day", "month", "quarter", "half", "year", "decade", "span"]


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

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start > self.end:
            raise ValueError(f"period {self.text!r} starts ({self.start}) after it ends ({self.end})")
        return self

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def label(self, *, note: bool = True) -> str:
        """'2022', 'October 2013', 'Q3 2023', '2012–2022'; with ``note``, how a relative or assumed period was read."""
        if self.granularity == "year":
            core = str(self.start.year)
        elif self.granularity == "month":
            core = f"{self.start:%B %Y}"
        elif self.granularity == "day":
            core = self.start.isoformat()
        elif self.granularity == "quarter":
            core = f"Q{(self.start.month + 2) // 3} {self.start.year}"
        elif self.granularity == "half":
            core = f"H{(self.start.month + 5) // 6} {self.start.year}"
        elif self.granularity == "decade":
            core = f"the {self.start.year}s"
        elif self.granularity == "span" and self.start.month == 1 and self.start.day == 1 and (self.end.month, self.end.day) == (12, 31):
            core = f"{self.start.year}–{self.end.year}"
        else:
            core = f"{self.start.isoformat()}..{self.end.isoformat()}"
        if self.assumed and note:
            return f"{core}, assumed as of publication"
        if self.relative and note:
            return f"{core}, from {self.text!r}"
        return core


# --- calendar helpers ---------------------------------------------------------------------------

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4}
_COUNT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_COUNT_WORDS.update({"a": 1, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100})


def _year(y: int, text: str) -> int:
    if not 1 <= y <= 9999:
        raise PeriodParseError(text, f"year {y} is out of range")
    return y


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _whole_year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _count(word: str, text: str) -> int:
    word = word.strip()
    if word.isdigit():
        return int(word)
    if word in _COUNT_WORDS:
        return _COUNT_WORDS[word]
    raise PeriodParseError(text, f"{word!r} is not a number of years claimcheck knows")


_TYPOGRAPHIC = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-", "\u00a0": " ", "’": "'"})
_LEADING = re.compile(r"^(?:in|during|throughout|for the year|the year|as of|in the year)\s+")


# --- the parser ---------------------------------------------------------------------------------


def parse_period(text: str, *, published: Period | date | str | int | None = None) -> Period:
    """Read a period as written; relative forms resolve against ``published``.

    >>> p = parse_period("first half of 2024")
    >>> (p.start.isoformat(), p.end.isoformat(), p.granularity)
    ('2024-01-01', '2024-06-30', 'half')
    """
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        raise PeriodParseError(repr(text), f"a period must be text, not {type(text).__name__}")
    s = " ".join(text.translate(_TYPOGRAPHIC).lower().split()).rstrip(".")
    if not s:
        raise PeriodParseError(text, "it is empty")
    if len(s) > 200:
        raise PeriodParseError(text, "it is longer than any period claimcheck reads (200 characters)")
    s = _LEADING.sub("", s)
    anchor = _anchor(published, text)

    absolute = _absolute(s, text)
    if absolute is not None:
        start, end, granularity, reading = absolute
        return Period(text=text, start=start, end=end, granularity=granularity, reading=reading)

    relative = _relative(s, text, anchor)
    if relative is not None:
        return relative
    raise PeriodParseError(text, "it is not a date or period claimcheck knows (see docs/values-and-periods.md)")


def as_of_publication(published: Period) -> Period:
    """The period read for a claim that gives none: the publication date itself, flagged as assumed."""
    return Period(text="", start=published.start, end=published.end, granularity=published.granularity,
                  reading=f"no period written; read as of publication ({published.label(note=False)})", assumed=True)


def _anchor(published: Period | date | str | int | None, text: str) -> Period | None:
    if published is None or isinstance(published, Period):
        return published
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(published, date):
        return Period(text=published.isoformat(), start=published, end=published, granularity="day", reading="day")
    return parse_period(str(published))


def _absolute(s: str, text: str) -> tuple[date, date, Granularity, str] | None:
    if m := re.fullmatch(r"(\d{4})", s):
        y = _year(int(m[1]), text)
        return *_whole_year(y), "year", "calendar year"
    if (m := re.fullmatch(r"(\d{4})-(\d{2})", s)) and 1 <= int(m[2]) <= 12:
        # ISO year-month; "2012-22" (not a month) falls through to the span of years below.
        y, mo = _year(int(m[1]), text), int(m[2])
        if not 1 <= mo <= 12:
            raise PeriodParseError(text, f"month {mo} is out of range")
        return date(y, mo, 1), _month_end(y, mo), "month", "calendar month"
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
        try:
            d = date(_year(int(m[1]), text), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise PeriodParseError(text, str(exc)) from None
        return d, d, "day", "calendar day"
    if m := re.fullmatch(r"(?:from |between )?(\d{4}) ?(?:-|to|and|until|through) ?(\d{2}|\d{4})", s):
        y1 = _year(int(m[1]), text)
        y2 = int(m[2]) if len(m[2]) == 4 else (y1 // 100) * 100 + int(m[2])
        _year(y2, text)
        if y2 < y1:
            raise PeriodParseError(text, f"the span runs backwards ({y1} to {y2})")
        return date(y1, 1, 1), date(y2, 12, 31), "span", f"whole years {y1} to {y2}, both included"
    if m := re.fullmatch(r"(?:q([1-4]) ?(\d{4})|(\d{4}) ?q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th|last) quarter (?:of )?(\d{4}))", s):
        q = int(m[1] or m[4] or _ORDINAL[m[5]])
        y = _year(int(m[2] or m[3] or m[6]), text)
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter", f"quarter {q}"
    if m := re.fullmatch(r"(?:h([12]) ?(\d{4})|(\d{4}) ?h([12])|(first|second|1st|2nd) half (?:of )?(\d{4}))", s):
        h = int(m[1] or m[4] or _ORDINAL[m[5]])
        y = _year(int(m[2] or m[3] or m[6]), text)
        return date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half", f"half-year {h}"
    if m := re.fullmatch(rf"(?:from )?{_MONTH} ?(?:-|to|through|until) ?{_MONTH},? (\d{{4}})", s):
        y = _year(int(m[3]), text)
        m1, m2 = _MONTHS[m[1]], _MONTHS[m[2]]
        if m2 < m1:
            raise PeriodParseError(text, "the months run backwards")
        return date(y, m1, 1), _month_end(y, m2), "span", f"months {m1} to {m2} of {y}"
    if m := re.fullmatch(r"the first (\w+) months (?:of )?(\d{4})", s):
        n = _count(m[1], text)
        y = _year(int(m[2]), text)
        if not 1 <= n <= 12:
            raise PeriodParseError(text, f"a year has no {n} months")
        return date(y, 1, 1), _month_end(y, n), "span", f"months 1 to {n} of {y}"
    if m := re.fullmatch(r"(?:the )?(\d{3})0'?s", s):
        decade = _year(int(m[1]) * 10, text)
        return date(decade, 1, 1), date(decade + 9, 12, 31), "decade", f"the decade {decade}–{decade + 9}"
    if m := re.fullmatch(rf"(?:mid-|mid |early |late )?{_MONTH},? (\d{{4}})", s):
        y, mo = _year(int(m[2]), text), _MONTHS[m[1]]
        return date(y, mo, 1), _month_end(y, mo), "month", "calendar month"
    return _dateutil_day(s, text)


def _dateutil_day(s: str, text: str) -> tuple[date, date, Granularity, str] | None:
    """'5 October 2013', 'October 5, 2013': dateutil, parsed twice to see what the text left out."""
    if re.fullmatch(rf"(?:\d{{1,2}} )?{_MONTH}(?: \d{{1,2}})?", s):
        raise PeriodParseError(text, "it has no year, and claimcheck never takes one from today's date")
    if not re.search(r"\d", s) or len(s) > 40 or not re.fullmatch(r"[\w ,./-]+", s):
        return None
    try:
        first = dateparser.parse(s, default=datetime(1, 1, 1), fuzzy=False)
        second = dateparser.parse(s, default=datetime(2, 2, 2), fuzzy=False)
    except (ValueError, OverflowError, dateparser.ParserError):
        return None
    if first.year != second.year:
        raise PeriodParseError(text, "it has no year, and claimcheck never takes one from today's date")
    if first.month != second.month:
        return None
    if first.day != second.day:
        return date(first.year, first.month, 1), _month_end(first.year, first.month), "month", "calendar month"
    d = first.date()
    return d, d, "day", "calendar day"


def _relative(s: str, text: str, anchor: Period | None) -> Period | None:
    def need() -> Period:
        if anchor is None:
            raise PeriodParseError(
                text, "it is relative to the publication date, and none is known (set published: on the source)")
        return anchor

    def made(start: date, end: date, granularity: Granularity, reading: str) -> Period:
        if start > end:
            raise PeriodParseError(text, f"it resolves to an empty period ({start} after {end})")
        return Period(text=text, start=start, end=end, granularity=granularity, reading=reading, relative=True)

    n_words = r"(\d+|[a-z]+(?: [a-z]+)?)"
    if m := re.fullmatch(r"since (?:the )?(.+)", s):
        base = _absolute(m[1], text)
        if base is None:
            return None
        a = need()
        return made(base[0], a.end, "span", f"from {base[0]} to publication ({a.label()})")
    if s in ("this year", "the current year"):
        a = need()
        return made(*_whole_year(a.start.year), "year", f"the year of publication ({a.start.year})")
    if s in ("last year", "the previous year", "the past year"):
        a = need()
        return made(*_whole_year(a.start.year - 1), "year", f"the year before publication ({a.start.year - 1})")
    if m := re.fullmatch(rf"{n_words} years? ago", s):
        a = need()
        y = a.start.year - _count(m[1], text)
        return made(*_whole_year(y), "year", f"{_count(m[1], text)} years before publication ({y})")
    if m := re.fullmatch(rf"(?:compared (?:with|to) |since ){n_words} years? ago", s):
        a = need()
        y = a.start.year - _count(m[1], text)
        return made(date(y, 1, 1), a.end, "span", f"from {y} to publication ({a.label()})")
    decade = re.fullmatch(r"(?:over |in |during |for )?the (?:past|last) decade", s)
    years = re.fullmatch(
        rf"(?:for |over |in |during )?(?:the )?(?:(?:past|last|previous) {n_words} years|{n_words} (?:consecutive|straight|successive) years|{n_words} years in a row)",
        s)
    if decade or years:
        a = need()
        if decade:
            n = 10
        else:
            assert years is not None
            n = _count(years[1] or years[2] or years[3], text)
        if n < 1:
            raise PeriodParseError(text, "a run of years must be at least one year long")
        first = a.start.year - n + 1
        return made(date(first, 1, 1), a.end, "span",
                    f"{n} whole years ending with the year of publication ({first}–{a.end.year})")
    if m := re.fullmatch(r"(?:over |in |during )?the (?:past|last) (\w+) months", s):
        a = need()
        start = a.end - relativedelta(months=_count(m[1], text)) + relativedelta(days=1)
        return made(start, a.end, "span", "months before publication")
    return None


__all__ = ["Granularity", "Period", "as_of_publication", "parse_period"]
