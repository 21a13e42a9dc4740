"""Drafting claims from raw text: spans that state a value, read by the value and period grammars.

The extractor decides only *where* a value or a date is written. What it means is decided by
``parse_value`` and ``parse_period``, the same grammars a claim file is read with, so a draft
claim reads back exactly as the extractor read it. One pass of one regular expression cuts the
text into tokens, with their offsets into the original text (nothing is normalized in place,
so offsets never drift); spans grow around each number over hedges, ranges, scale words and
units, and are handed to the grammar, longest first.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.errors import ClaimcheckError
from claimcheck.extraction.clauses import Clauses
from claimcheck.extraction.dates import DateScan, PeriodSpan, periods_in
from claimcheck.extraction.guesses import SUBJECT_SKIP, guesses
from claimcheck.extraction.names import YEAR_DIGITS, in_a_name, year_like
from claimcheck.extraction.text import ADDRESS, LIST_HINT, Token, has_value_hint, sentences, tokenize
from claimcheck.extraction.words import (
    HEDGES_BY_FIRST,
    HEDGES_BY_LAST,
    MONTHS,
    MULTIPLES,
    NOT_COUNTED,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    RANKS,
    SCALE,
    plural,
    unitish,
)
from claimcheck.read.currencies import CURRENCY_BEFORE, CURRENCY_NAME_WORDS
from claimcheck.read.grammar import parse_value
from claimcheck.read.numbers import FRACTION_WORDS, VULGAR_FRACTIONS
from claimcheck.read.periods import Period
from claimcheck.read.values import Value


@dataclass(frozen=True, slots=True)
class Candidate:
    """A value found in text, with its period and where both are written.

    ``start`` and ``end`` index the original text (``text == source[start:end]``); ``sentence`` is
    the (start, end) of the sentence holding it; ``period_span`` that of the period, if any.
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
    period_text: str | None = None  # the period as the grammar read it, for a claim file

    @property
    def kind(self) -> str:
        if self.value is not None:
            return self.value.kind
        return "items" if self.items else "date"


@lru_cache(maxsize=65536)
def _read_value(text: str) -> Value | None:
    try:
        return parse_value(text)
    except ClaimcheckError:
        return None


def _is_anchor(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    low = token.low
    if token.kind == "num":
        return True
    if token.kind != "word":
        return token.text in VULGAR_FRACTIONS
    if low in NUMBER_WORDS or low in MULTIPLES:
        return True
    if low in ("a", "an") and i + 1 < len(tokens) and (tokens[i + 1].low in ("dozen", "hundred", "thousand", "majority")
                                                       or tokens[i + 1].low in FRACTION_WORDS):
        return True
    if low in ("half", "quarter") and i + 1 < len(tokens) and (tokens[i + 1].low in ("a", "an", "of") or
                                                                tokens[i + 1].low in SCALE):
        return True  # "half a million", "half of its trade", "quarter million"
    if low == "half" and i > 0 and tokens[i - 1].low == "than":
        return True  # "more than half"
    if low in ("majority", "minority") and i > 0 and tokens[i - 1].low in ("a", "the"):
        return True
    if low in RANKS and i > 0 and ((tokens[i - 1].low == "the" and low != "top")
                                    or tokens[i - 1].low.endswith(("'s", "’s"))):
        return True  # "the largest", "ASEAN's largest", "China's top"
    if low in ORDINAL_WORDS and i + 1 < len(tokens) and (
            tokens[i + 1].low in RANKS - {"top"}
            or [t.low for t in tokens[i + 1:i + 4]] == ["of", "its", "kind"]):
        return True  # "the second largest economy", "the first of its kind"
    if low == "most" and i + 1 < len(tokens) and (tokens[i + 1].low == "of" or
                                                  (tokens[i + 1].low.endswith("s") and tokens[i + 1].low.isalpha()
                                                   and len(tokens[i + 1].low) > 3)):
        return True  # "most countries in the region": a majority
    if "-" in low and low.split("-")[0] in NUMBER_WORDS:
        return True
    return False


def _spans(tokens: list[Token], i: int) -> list[tuple[int, int]]:
    """Token ranges around the anchor at ``i`` to try, longest first."""
    n = len(tokens)
    left = i
    if left > 0 and tokens[left - 1].text in ("-", "−") and tokens[left - 1].end == tokens[i].start and \
            (left == 1 or tokens[left - 2].end < tokens[left - 1].start or tokens[left - 2].text in "($<>="):
        left -= 1  # a minus sign: "-15€", "-1e-3 W/min"
    if left > 0 and tokens[left - 1].low in ("minus", "negative") and tokens[i].kind in ("num", "word"):
        left -= 1  # "minus five", "negative 3"
    # Leftwards: currency signs and words, "the" before ranks, hedges, "between", "from".
    if left > 0 and tokens[left - 1].low in CURRENCY_BEFORE:
        left -= 1
        if left > 0 and tokens[left].text == "$" and tokens[left - 1].low in CURRENCY_BEFORE - {"$"} \
                and tokens[left - 1].kind == "word":
            left -= 1  # "us $ 150 million", "C$ 300 million", "HK$ 10 billion"
    if left > 0 and tokens[left - 1].low in ("a", "an", "the") and tokens[i].low in {"majority", "minority"} | RANKS:
        left -= 1
    unhedged = left  # the span without its hedge: "c $ 16.4 million" when "between c $ 16.4 million" is no range
    for phrase in HEDGES_BY_LAST.get(tokens[left - 1].low, ()) if left > 0 else ():
        k = len(phrase)
        if left - k >= 0 and all(tokens[left - k + j].low == word for j, word in enumerate(phrase)):
            glued = left - k > 0 and tokens[left - k - 1].text in "<>=" and tokens[left - k - 1].end == tokens[left - k].start
            if not glued:  # "<>30" and "=>30" are no hedges claimcheck knows
                left -= k
            break
    from_left = left - 1 if left > 0 and tokens[left - 1].low == "from" else None  # "from 200 to 300"
    if left > 0 and tokens[left - 1].low == "just" and tokens[left].low in ("over", "under", "above", "below"):
        left -= 1
    if tokens[i].low in RANKS or tokens[i].low == "most":
        return [(left, i + 1)]
    if tokens[i].low in ORDINAL_WORDS:
        if i + 1 < n and tokens[i + 1].low in RANKS:
            return [(left, i + 2)]
        return [(i, i + 1)]
    # Rightwards: numbers, scale words, units, ranges, "of the top ten", rates, suffix hedges.
    right = i + 1
    limit = min(n, i + 14)
    bounded_twice = False
    ends = []
    prev_end = tokens[i].end
    while right < limit:
        token = tokens[right]
        low = token.low
        if low == "a" and [t.low for t in tokens[right + 1:right + 3]][:1] == ["year"] and right + 2 < n and \
                tokens[right + 2].low in ("earlier", "ago", "later", "before", "after", "on"):
            break  # "$1.17 billion a year earlier" is no rate
        second_bound = _second_bound_at(tokens, right) if low in ("and", "but", ",") and not bounded_twice else 0
        if second_bound:
            bounded_twice = True  # one second bound at most: a chain of them would make spans grow without end
            right += second_bound  # "greater than 100 and smaller than 300": on to the second number
            prev_end = tokens[right - 1].end
            limit = min(n, limit + second_bound)
            continue
        if low in ("of", "out") and not any(t.kind == "num" or t.low in NUMBER_WORDS or t.low in SCALE
                                            for t in tokens[right + 1:right + 4]):
            break  # "eight of the top ten" goes on to its denominator; "one-third of the total" stops here
        if low == "in" and right + 1 < n and (tokens[right + 1].low in NUMBER_WORDS or tokens[right + 1].kind == "num"
                                              and not YEAR_DIGITS.fullmatch(tokens[right + 1].text)):
            right += 1  # "one in five adults"; "5 in 2020" is a value and a period
            prev_end = token.end
            continue
        if token.kind == "num" or low in NUMBER_WORDS or low in SCALE or low in FRACTION_WORDS or low in \
                ("and", "-", "–", "−", "±", "to", "a", "an", "of", "the", "top", "out", "its", "their", "%", "percent", "per", "cent",
                 "percentage", "points", "point", "times", "fold", "x", "×", "or", "more", "less", "fewer", "above",
                 "below", "over", "under", "plus", "+", "year", "every", "each", "annually", "annum", "yearly",
                 "pp", "higher", "lower", "greater", "doubled", "tripled", "quadrupled", "halved", "hundreds",
                 "through", "~", "equal",
                 "nought", "naught",
                 "nearly", "almost", "about", "roughly") or low in CURRENCY_NAME_WORDS or (low.endswith("-fold")):
            right += 1
            prev_end = token.end
            ends.append(right)
            continue
        glued = token.start == prev_end
        last_word = right + 1 == n or right + 2 == n and tokens[right + 1].kind == "dot"
        if (token.kind == "word" and (unitish(token.text) or low in ("pm", "am") and "." in tokens[i].text
                                      or low == "in" and last_word and _after_a_number(tokens, right))) \
                or low in ("/", "^", "°", "squared", "cubed", "square",
                                                                         "cubic", "sq", "degrees", "degree") or \
                (token.kind == "num" and glued and tokens[right - 1].kind == "word") or \
                (low in ("-", "−") and glued and right + 1 < n and tokens[right + 1].kind == "num"
                 and tokens[right - 1].kind == "word"):
            right += 1  # a unit: "km", "kilometres per hour", "km/s2", "J/m^2", "°C", "s-1"
            prev_end = token.end
            ends.append(right)
            continue
        if token.kind == "word" and low not in NOT_COUNTED and low not in MONTHS:
            if token.text[:1].isupper() and token.text != token.text.upper() or token.text.isupper() and len(low) > 1:
                # a capitalized name of what is counted: "Two Economic Corridors", "five Central Asian countries"
                right += 1
                if right < n and (tokens[right].text[:1].isupper() or plural(tokens[right].low)):
                    continue
                ends.append(right)
                break
            if tokens[i].low in ("one", "1", "a", "an") and low not in ("hand", "of", "after", "another") and low.isalpha():
                right += 1  # "one country"
                ends.append(right)
                break
            # the counted noun, after up to two adjectives: "18 countries", "four new military bases"
            for j in range(right, min(n, right + 3)):
                word = tokens[j]
                if word.kind != "word" or word.low in NOT_COUNTED or word.low in MONTHS:
                    break
                if plural(word.low):
                    right = j + 1
                    ends.append(right)
                    break
            break
        break
    longest_first = sorted(set(ends), reverse=True)
    spans = [(from_left, end) for end in longest_first[:2]] if from_left is not None else []  # a range ends late
    spans += [(left, end) for end in longest_first]
    spans.append((left, i + 1))
    if left < unhedged < i:  # a hedge before a currency sign: the money without the hedge is tried too
        spans += [(unhedged, end) for end in longest_first[:2]]
    if left < i:
        spans += [(i, end) for end in longest_first] + [(i, i + 1)]
    return spans


def _after_a_number(tokens: list[Token], at: int) -> bool:
    """Whether the token before ``at`` is a number or a fraction of one ("2 in.", "2 1/2 in")."""
    return at > 0 and (tokens[at - 1].kind == "num" or tokens[at - 1].text in VULGAR_FRACTIONS)


def _second_bound_at(tokens: list[Token], at: int) -> int:
    """How many tokens "and less than or equal to" takes before a number at ``at``; 0 if it is not that."""
    start = at + 1 + (tokens[at].low == "," and at + 1 < len(tokens) and tokens[at + 1].low == "and")
    if start >= len(tokens):
        return 0
    for phrase in HEDGES_BY_FIRST.get(tokens[start].low, ()):
        end = start + len(phrase)
        if end < len(tokens) and [t.low for t in tokens[start:end]] == list(phrase) and \
                (tokens[end].kind == "num" or tokens[end].low in NUMBER_WORDS):
            return end - at
    return 0


def extract(text: str, *, published: str | None = None) -> list[Candidate]:
    """Candidate values in ``text``, each with its hedge, its period from the same sentence, and offsets.

    ``published`` (a date or year) anchors relative periods ("last year"); without it they are left
    out. The machine's clock is never read.
    """
    out: list[Candidate] = []
    # Dates are found by RE2 in one pass over the whole text; sentences with no date, no value
    # hint and no list are skipped.
    scan = DateScan(text)
    for sentence_start, sentence_end in sentences(text):
        has_value = has_value_hint(text, sentence_start, sentence_end)
        has_list = LIST_HINT.search(text, sentence_start, sentence_end) is not None
        found_periods = periods_in(text, sentence_start, sentence_end, published, scan)
        if not (has_value or has_list or found_periods):
            continue
        tokens = tokenize(text, sentence_start, sentence_end)
        # Numbers inside a web address or e-mail address ("?q=30%25") are part of a name.
        cover = _Cover([(p.start, p.end) for p in found_periods] +
                       [m.span() for m in ADDRESS.finditer(text, sentence_start, sentence_end)])
        values: list[tuple[int, int, Value]] = []
        i = 0 if has_value else len(tokens)
        while i < len(tokens):
            token = tokens[i]
            if not _is_anchor(tokens, i) or cover.contains(token.start) or in_a_name(text, tokens, i) \
                    or year_like(tokens, i):
                i += 1
                continue
            best = None
            for first, last in _spans(tokens, i)[:10]:
                while last > first + 1 and tokens[last - 1].low in ("and", "or", "to", "-", "of", "the", "a", "with",
                                                                     "out", "in") and \
                        not (tokens[last - 1].low == "to" and tokens[last - 2].low == "equal") and \
                        not (tokens[last - 1].low == "in" and (last == len(tokens) or tokens[last].kind == "dot")):
                    last -= 1
                start, end = tokens[first].start, tokens[last - 1].end
                if any(not (a <= start and end <= b) for a, b in cover.overlapping(start, end)):
                    continue  # do not swallow a period ("20% in 2022") into the value
                value = _read_value(text[start:end])
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
            values.append((tokens[first].start, tokens[last - 1].end, value))
            i = last
        attached = set()
        found = []
        clauses = Clauses(text, sentence_start, sentence_end)
        period_starts = [p.start for p in found_periods]
        for start, end, value in values:
            period_span = _nearest_period(found_periods, period_starts, start, end, clauses)
            if period_span is not None and _close(period_span, start, end, clauses):
                attached.add(period_span.start)
            subject, measure = guesses(text, tokens, start, end, value)
            found.append(Candidate(start, end, text[start:end], value,
                                   period_span.period if period_span else None, (sentence_start, sentence_end),
                                   (period_span.start, period_span.end) if period_span else None, subject, measure,
                                   None, period_span.read if period_span else None))
        for span in found_periods:
            if span.start not in attached:  # a date with no value: when something happened
                subject, _ = guesses(text, tokens, span.start, span.end, None)
                found.append(Candidate(span.start, span.end, span.text, None, span.period,
                                       (sentence_start, sentence_end), (span.start, span.end), subject, None, None,
                                       span.read))
        for start, end, members in (lists_in(text, sentence_start, sentence_end) if has_list else ()):
            if not any(c.start < end and start < c.end for c in found if c.value is not None):
                subject, _ = guesses(text, tokens, start, end, None)
                found.append(Candidate(start, end, text[start:end], None, None, (sentence_start, sentence_end),
                                       None, subject, None, members))
        out.extend(sorted(found, key=lambda c: c.start))
    return out


def _close(period: PeriodSpan, start: int, end: int, clauses: Clauses) -> bool:
    """Whether a value and a period are close enough that the period dates the value and nothing else."""
    gap = max(period.start, start) - min(period.end, end)
    return gap < 80 and not clauses.hard_between(min(period.end, end), max(period.start, start))


class _Cover:
    """Spans (periods, addresses) sorted by start, asked about in O(log n): a long sentence stays linear."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def contains(self, position: int) -> bool:
        k = bisect.bisect_right(self.starts, position)
        return any(a <= position < b for a, b in self.spans[max(0, k - 2):k])

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        k = bisect.bisect_left(self.starts, end)
        return [(a, b) for a, b in self.spans[max(0, k - 3):k] if a < end and start < b]


NEIGHBOURS = 3  # periods looked at on each side of a value


def _nearest_period(found: list[PeriodSpan], starts: list[int], start: int, end: int,
                    clauses: Clauses) -> PeriodSpan | None:
    """The period of the same clause if there is one, else the nearest in the sentence."""
    if not found:
        return None
    if len(found) > 2 * NEIGHBOURS:
        k = bisect.bisect_left(starts, start)
        found = found[max(0, k - NEIGHBOURS):k + NEIGHBOURS]

    def distance(p: PeriodSpan) -> tuple[int, int]:
        crosses_clause = 1 if clauses.crossed(min(p.end, end), max(p.start, start)) else 0
        return crosses_clause, min(abs(p.start - end), abs(start - p.end))

    return min(found, key=distance)


_NAME = r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3}"


_NAME_AT = re.compile(rf"\b{_NAME}")


_BETWEEN_NAMES = re.compile(r",\s+")


_BEFORE_LAST_NAME = re.compile(r",?\s+(?:and|or)\s+")


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
        run = [name]
    return found


__all__ = ["Candidate", "NEIGHBOURS", "extract", "lists_in"]
