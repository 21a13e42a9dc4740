"""Drafting claims from raw text: spans that state a value, read by the value and period grammars.

The extractor decides only *where* a value or a date is written. What it means is decided by
``parse_value`` and ``parse_period``, the same grammars a claim file is read with, so a draft
claim reads back exactly as the extractor read it. One pass of one regular expression cuts the
text into tokens, with their offsets into the original text (nothing is normalized in place,
so offsets never drift); spans grow around each number (``spans``) and are handed to the
grammar, longest first. Each value then takes the period that governs it (``attach``), the
shortest quote that carries it (``quotes``) and guesses at what it measures (``guesses``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from claimcheck.errors import ArgumentTypeError
from claimcheck.extraction.attach import Periods, close, is_base
from claimcheck.extraction.clauses import Clauses
from claimcheck.extraction.dates import DateScan, PeriodSpan, periods_in
from claimcheck.extraction.guesses import SUBJECT_SKIP, Words, guesses
from claimcheck.extraction.names import code_at, furniture_lines, in_a_name, year_like
from claimcheck.extraction.quotes import Quotes
from claimcheck.extraction.spans import ANCHOR_WORDS, changed_before, is_anchor, read_value, spans_to_try
from claimcheck.extraction.text import ADDRESS, LIST_HINT, Token, has_value_hint, sentences, tokenize
from claimcheck.read import units
from claimcheck.read.forms import direction_of
from claimcheck.read.numbers import DIMENSION_WORDS, VULGAR_FRACTIONS
from claimcheck.read.periods import Period, parse_period, publication
from claimcheck.read.values import Value


@dataclass(frozen=True, slots=True)
class Candidate:
    """A value found in text, with its period and where both are written.

    ``start`` and ``end`` index the original text (``text == source[start:end]``); ``sentence`` is
    the (start, end) of the sentence holding it, ``quote`` the shortest part of it that carries
    the fact, and ``period_span`` where the period is written, if anywhere.
    """

    start: int
    end: int
    text: str
    value: Value | None  # None for a date with no value beside it (an event's date), and for a list
    period: Period | None
    sentence: tuple[int, int]
    period_span: tuple[int, int] | None = None
    subject: str | None = None
    measure: str | None = None
    items: tuple[str, ...] | None = None  # the members of an enumeration: "Russia, India and Kazakhstan"
    period_text: str | None = None  # the period as the grammar read it, for a claim file; or as written, unread
    scope: str | None = None
    quote: tuple[int, int] | None = None
    written: str | None = None  # the value as drafted where an end of a change takes the other's unit: "15 members"
    unit: str | None = None  # a unit the sentence declares: "weighed just over three pounds" is in lb
    also: str | None = None  # the same quantity in a second currency: "$8.1 billion" of "1.2 trillion yen ($8.1 billion)"
    note: str | None = None  # why a field is left for a person: "the level before the change"
    stated: str | None = None  # when a forecast or plan was made: "2013" of "In 2013, the ministry forecast ..."

    @property
    def kind(self) -> str:
        if self.value is not None:
            return self.value.kind
        return "items" if self.items else "date"

    @property
    def direction(self) -> str | None:
        """'up' or 'down' for a change ("rose 5%", "fell by a third"), None otherwise."""
        return direction_of(self.value) if self.value is not None else None

    @property
    def period_read(self) -> bool:
        """Whether the period written for the value (if any) was read by the period grammar."""
        return self.period is not None or self.period_text is None


@dataclass
class _Found:
    """A value found in a sentence, while the sentence is read."""

    first: int  # token range
    last: int
    start: int  # text offsets
    end: int
    value: Value
    written: str | None = None
    unit: str | None = None
    also: str | None = None
    also_span: tuple[int, int] | None = None
    pair: _Found | None = None  # the other end of "from X to Y" after a change
    own: list[tuple[int, int]] = field(default_factory=list)


def extract(text: str, *, published: str | int | date | Period | None = None) -> list[Candidate]:
    """Candidate values in ``text``, each with its hedge, the period that governs it, its quote, and offsets.

    ``published`` (a date or year) anchors relative periods ("last year"); without it they are left
    out. The machine's clock is never read.
    """
    if not isinstance(text, str):
        raise ArgumentTypeError("extract", "text", text, "the document as a str (decode bytes first)")
    out: list[Candidate] = []
    # Dates are found by RE2 in one pass over the whole text; sentences with no date, no value
    # hint and no list are skipped.
    scan = DateScan(text)
    anchor = publication(published, "extract")
    furniture = _Cover(furniture_lines(text))
    for sentence_start, sentence_end in sentences(text):
        has_value = has_value_hint(text, sentence_start, sentence_end)
        has_list = LIST_HINT.search(text, sentence_start, sentence_end) is not None
        found_periods = periods_in(text, sentence_start, sentence_end, anchor, scan)
        if not (has_value or has_list or found_periods):
            continue
        tokens = tokenize(text, sentence_start, sentence_end)
        # Numbers inside dates and web and mail addresses ("?q=30%25") are no values.
        addresses = [m.span() for m in ADDRESS.finditer(text, sentence_start, sentence_end)] if \
            _MAY_HOLD_AN_ADDRESS.search(text, sentence_start, sentence_end) else []
        cover = _Cover([(p.start, p.end) for p in found_periods] + addresses)
        values = _values(text, tokens, cover, sentence_start, sentence_end) if has_value else []
        clauses = Clauses(text, sentence_start, sentence_end, [v.start for v in values])
        periods = Periods(found_periods, clauses, text, sentence_start)
        # The base of a change ("2.1 million more than in 2011") dates no value of the sentence.
        bases_of = {id(v): [p for p in periods.near(v.start) if is_base(p, v.start, v.end, text,
                                                                        direction_of(v.value) is not None)]
                    for v in values}
        bases = {p.start for found_bases in bases_of.values() for p in found_bases}
        periods.bases = bases
        quotes = Quotes(text, tokens, clauses, [(v.start, v.end) for v in values],
                        [(p.start, p.end) for p in found_periods])
        found: list[Candidate] = []
        attached: set[int] = set()
        governing = {id(v): periods.governing(v.start, v.end, direction_of(v.value) is not None) for v in values}
        quoted = {}
        words = Words(tokens, quotes.token_starts, [(p.start, p.end) for p in found_periods])
        for v in values:
            own = [(p.start, p.end) for p in bases_of[id(v)]]
            if (governing_span := governing[id(v)]) is not None:
                own.append((governing_span.start, governing_span.end))
            quoted[id(v)] = quotes.quote(v.start, v.end, own + v.own, rank=v.value.kind == "rank")
        for v in values:
            period_span = governing[id(v)]
            if period_span is not None and close(period_span, v.start, v.end, clauses):
                attached.add(period_span.start)
            period, period_text, note = _period_of(v, period_span, governing)
            stated = _stated(text, periods.opening, period_span, v.start)
            quote = quoted[id(v)]
            if v.pair is not None:  # both ends of a change are quoted with each other
                other = quoted[id(v.pair)]
                quote = (min(quote[0], other[0]), max(quote[1], other[1]))
            subject, measure, scope = guesses(text, words, clauses, v.start, v.end, v.value)
            found.append(Candidate(
                v.start, v.end, text[v.start:v.end], v.value, period, (sentence_start, sentence_end),
                (period_span.start, period_span.end) if period_span else None, subject, measure, None, period_text,
                scope=scope, quote=quote, written=v.written, unit=v.unit, also=v.also, note=note, stated=stated))
        for span in found_periods:
            if span.period is None or span.start in attached or span.start in bases:
                continue  # a date with no value: when something happened (if the grammar reads it)
            subject, _, _ = guesses(text, words, clauses, span.start, span.end, None)
            found.append(Candidate(span.start, span.end, span.text, None, span.period,
                                   (sentence_start, sentence_end), (span.start, span.end), subject, None, None,
                                   span.read, quote=quotes.quote(span.start, span.end, [(span.start, span.end)])))
        for start, end, members in (lists_in(text, sentence_start, sentence_end) if has_list else ()):
            if not any(c.start < end and start < c.end for c in found if c.value is not None):
                subject, _, _ = guesses(text, words, clauses, start, end, None)
                found.append(Candidate(start, end, text[start:end], None, None, (sentence_start, sentence_end),
                                       None, subject, None, members, quote=quotes.quote(start, end, [(start, end)])))
        out.extend(c for c in sorted(found, key=lambda c: c.start) if not furniture.contains(c.start))
    return out


_MAY_HOLD_AN_ADDRESS = re.compile(r"@|://|www\.", re.IGNORECASE)


def _values(text: str, tokens: list[Token], cover: _Cover, sentence_start: int, sentence_end: int) -> list[_Found]:
    """The values of one sentence, read by the grammar from the longest span around each anchor that it reads."""
    values: list[_Found] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind != "num" and token.low not in ANCHOR_WORDS and "-" not in token.low and \
                token.text not in VULGAR_FRACTIONS or not is_anchor(tokens, i) or cover.contains(token.start):
            i += 1  # the first test is is_anchor's own, inlined: it is asked of every word of the text
            continue
        code_end = code_at(text, token.start, sentence_start, sentence_end) if token.kind == "num" else None
        if code_end is not None:  # a telephone number, a postcode, an address ...: no number in it is a value
            while i < len(tokens) and tokens[i].start < code_end:
                i += 1
            continue
        if in_a_name(text, tokens, i) or year_like(tokens, i):
            i += 1
            continue
        best = None
        for first, last in spans_to_try(tokens, i)[:12]:
            while last > first + 1 and tokens[last - 1].low in ("and", "or", "to", "-", "of", "the", "a", "with",
                                                                 "out", "in") and \
                    not (tokens[last - 1].low == "to" and tokens[last - 2].low == "equal") and \
                    not (tokens[last - 1].low == "in" and (last == len(tokens) or tokens[last].kind == "dot" or
                                                           tokens[last].low in DIMENSION_WORDS)):
                last -= 1
            start, end = tokens[first].start, tokens[last - 1].end
            if any(not (a <= start and end <= b) for a, b in cover.overlapping(start, end)):
                continue  # do not swallow a period ("20% in 2022") into the value
            value = read_value(text[start:end])
            if value is not None:
                best = (first, last, value)
                break
        if best is None:
            i += 1
            continue
        first, last, value = best
        if last - first == 1 and value.kind == "count" and tokens[first].kind == "word" and (
                tokens[first].low in ("one", "a", "an")  # "one of them", "the one"
                or first > 0 and tokens[first - 1].low in ("the", "these", "those")  # "between the two"
                or first + 1 < len(tokens) and tokens[first + 1].text == "-"):  # "two-way", "one-sided"
            i += 1  # a bare number word that is a pronoun or half of a compound, not a quantity
            continue
        if _a_window_of_a_superlative(tokens, first, value):
            i = last
            continue
        found = _Found(first, last, tokens[first].start, tokens[last - 1].end, value)
        _weighed(text, found)
        values.append(found)
        i = _bracketed(text, tokens, found, sentence_end, last)
    _restated(text, values)
    _pairs(text, tokens, values)
    return values


_SUPERLATIVES = {"highest", "lowest", "largest", "biggest", "smallest", "best", "worst", "strongest", "weakest",
                 "fastest", "slowest", "most", "least", "first"}


def _a_window_of_a_superlative(tokens: list[Token], first: int, value: Value) -> bool:
    """'the highest in eight months': the months are where the superlative holds, no quantity of their own."""
    if first < 2 or tokens[first - 1].low not in ("in", "for") or value.kind not in ("amount", "count"):
        return False
    if units.is_money(value.unit) or value.unit in (units.COUNT, units.MULTIPLE, units.PERCENT):
        return False
    return any(t.low in _SUPERLATIVES for t in tokens[max(0, first - 4):first - 1])


_WEIGHT_CUE = re.compile(r"(?i)\b(?:weigh\w*|heav(?:y|ier)|lighter|lbs?)\b")


def _weighed(text: str, v: _Found) -> None:
    """'weighed just over three pounds': pounds of weight, where the clause says so; money otherwise."""
    if v.value.unit == "GBP" and "pound" in text[v.start:v.end].lower() and \
            _WEIGHT_CUE.search(text, max(0, v.start - 60), v.start):
        value = read_value(text[v.start:v.end], "lb")
        if value is not None:
            v.value, v.unit = value, "lb"


_BRACKET = re.compile(r"\s*\(([^()\n]{1,40})\)")


def _bracketed(text: str, tokens: list[Token], v: _Found, sentence_end: int, last: int) -> int:
    """After a value, the same quantity in brackets: a second currency is its ``also`` ("1.2 trillion yen
    ($8.1 billion)"), other units join the value ("12m (39ft)"). Returns the token to go on from."""
    bracket = _BRACKET.match(text, v.end, sentence_end)
    if bracket is None:
        return last
    inner = read_value(bracket.group(1).strip())
    if inner is None or inner.kind not in ("amount", "difference", "change_multiple"):
        return last
    if units.is_money(v.value.unit) and units.is_money(inner.unit) and inner.unit != v.value.unit:
        v.also = bracket.group(1).strip()
        v.own.append(bracket.span())
    elif not units.is_money(inner.unit) and inner.kind == "amount":
        joined = read_value(text[v.start:bracket.end()])
        if joined is None:
            return last
        v.value, v.end = joined, bracket.end()
    else:
        return last
    k = last
    while k < len(tokens) and tokens[k].start < bracket.end():
        k += 1
    return k


_OR = re.compile(r"\s*,\s*or\s+")


def _restated(text: str, values: list[_Found]) -> None:
    """'fell $2.10, or 2.6%': the percentage restates the change, and is drafted as one ("fell 2.6%")."""
    for before, v in zip(values, values[1:], strict=False):
        direction = direction_of(before.value)
        if direction is None or direction_of(v.value) is not None or v.value.unit != units.PERCENT or \
                not _OR.fullmatch(text, before.end, v.start):
            continue
        written = f"{'rose' if direction == 'up' else 'fell'} {text[v.start:v.end]}"
        value = read_value(written)
        if value is not None:
            v.value, v.written = value, written


_TO = re.compile(r"\s+(?:[^,;:()]{0,24}\s)?to\s+")


def _pairs(text: str, tokens: list[Token], values: list[_Found]) -> None:
    """'grew from 15 to 25 members', 'rose from 19% in 2015 to 31% in 2023': the level before a change and
    the level after it. The first end takes the unit of the second where it has none of its own."""
    for a, b in zip(values, values[1:], strict=False):
        if a.first == 0 or tokens[a.first - 1].low != "from" or changed_before(tokens, a.first - 1) is None or \
                not _TO.fullmatch(text, a.end, b.start):
            continue
        a.pair, b.pair = b, a
        if a.value.kind in ("count", "amount") and a.value.unit in (units.COUNT, units.MULTIPLE) and \
                a.value.counted is None and (b.value.unit not in (units.COUNT, units.MULTIPLE) or b.value.counted):
            number_end = next((t.end for t in tokens[b.first:b.last] if t.kind == "num"), None)
            if number_end is None:
                continue
            written = text[a.start:a.end] + text[number_end:b.end]
            value = read_value(written)
            if value is not None:
                a.value, a.written = value, written


_FORECAST = re.compile(r"(?i)\b(?:forecast|forecasts|expected|expects|projected|projects|predicted|predicts|planned|"
                       r"plans|targeted|targets|aimed|aims|estimated|said|promised|pledged|vowed)\b")


def _stated(text: str, opening: PeriodSpan | None, own: PeriodSpan | None, start: int) -> str | None:
    """When a value was stated, where the sentence reports a forecast or a plan made at another time than
    the one it is about: "In 2013, the ministry forecast that exports would reach $5 billion by 2015"."""
    if opening is None or own is None or own is opening or opening.period is None or own.start < opening.end:
        return None
    if _FORECAST.search(text, opening.end, start) is None:
        return None
    return opening.read


def _period_of(v: _Found, span: PeriodSpan | None, governing: dict[int, PeriodSpan | None]
               ) -> tuple[Period | None, str | None, str | None]:
    """The period of a value, its text for a claim file, and a note where a person must say more.

    The two ends of a change share the period written for both: over years ("between 2012 and 2021,
    trade grew from $0.8 trillion to $1.5 trillion") the first end takes the first year and the
    second the last; within one period, the first end is the level before it, which the text does
    not date.
    """
    if span is None:
        return None, None, None
    if v.pair is not None and governing.get(id(v.pair)) is span and span.period is not None and \
            not (span.start > min(v.end, v.pair.end) and span.end < max(v.start, v.pair.start)):
        first = v.start < v.pair.start
        start, end = span.period.start.year, span.period.end.year
        if start < end:
            year = str(start if first else end)
            return parse_period(year), year, None
        if first:
            return None, None, "the level before the change, which the text does not date"
    if span.period is None:
        return None, span.read, f"the text says {span.read!r}, which claimcheck cannot date"
    return span.period, span.read, None


class _Cover:
    """Spans (periods, addresses, codes) sorted by start, asked about in O(log n): a long sentence stays linear."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach = []  # the furthest end of any span up to each one: covers nested in a long one are found
        furthest = -1
        for _, b in self.spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def contains(self, position: int) -> bool:
        k = bisect.bisect_right(self.starts, position)
        return k > 0 and self.reach[k - 1] > position

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        k = bisect.bisect_left(self.starts, end)
        return [(a, b) for a, b in self.spans[max(0, k - 3):k] if a < end and start < b]


_NAME = r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3}"


_NAME_AT = re.compile(rf"\b{_NAME}")


_BETWEEN_NAMES = re.compile(r",\s+")


_BEFORE_LAST_NAME = re.compile(r",?\s+(?:and|or)\s+")
_NAME_WHOLE = re.compile(_NAME)
_NAME_START = re.compile(r"\b(?:the\s+)?[A-Z]")
_WITHIN_A_NAME = re.compile(r"\s+(?:of\s+)?")


def _first_name(text: str, before: re.Match[str], name: re.Match[str]) -> re.Match[str]:
    """The longest name that ends where ``name`` ends and starts inside the name ``before`` it: names run
    to four words, so in "Russia Bank of China Bank of China" the second is cut at "China", yet a list
    may open with "Bank of China Bank of China"."""
    for start in _NAME_START.finditer(text, before.start(), before.end()):
        whole = _NAME_WHOLE.fullmatch(text, start.start(), name.end())
        if whole is not None:
            return whole
    return name


def lists_in(text: str, start: int, end: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """Enumerations of three or more names ("Russia, India, Indonesia and Uzbekistan"), with their members.

    The names are found in one pass and joined by what lies between them, so a long list of
    names that never closes with "and" costs no more than reading it once.
    """
    found = []
    run: list[re.Match[str]] = []
    for name in _NAME_AT.finditer(text, start, end):
        between = text[run[-1].end():name.start()] if run else ""
        if run and _BETWEEN_NAMES.fullmatch(between):
            run.append(name)
            continue
        if len(run) >= 2 and _BEFORE_LAST_NAME.fullmatch(between):
            members = [re.sub(r"^the\s+", "", m.group().strip()) for m in [*run, name]]
            if not any(m.split()[0] in SUBJECT_SKIP or (" " not in m and m.endswith("ly")) for m in members):
                found.append((run[0].start(), name.end(), tuple(members)))
            run = []
            continue
        run = [_first_name(text, run[-1], name) if run and _WITHIN_A_NAME.fullmatch(between) else name]
    return found


__all__ = ["Candidate", "extract", "lists_in"]
