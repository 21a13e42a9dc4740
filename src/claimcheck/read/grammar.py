"""The value grammar: ``over 60%`` becomes the interval (60, 100] percent, under a stated reading.

A value is read in three steps. The text is split into tokens by one linear regex; a hedge phrase
("more than", "nearly", "between") is taken off the front and a hedge suffix ("or more", "a year")
off the back; what is left is a number with its scale word and unit. The hedge then turns the
number into an interval, using the precision of the digits as written and the tolerances.

The pieces live beside this module: numbers and number words (``numbers``), hedges and their
tolerances (``hedges``, ``tolerances``), currencies (``currencies``), units (``unit_words``) and the forms that
are not a hedged number (``forms``). This module combines them.
"""

from __future__ import annotations

import re

from claimcheck.errors import ArgumentTypeError, ValueParseError
from claimcheck.read import units
from claimcheck.read.currencies import CURRENCY_SYMBOLS, currency_name, currency_prefix
from claimcheck.read.forms import (
    CHANGE_AFTER,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    MULTIPLE_WORDS,
    as_change,
    finish_multiple,
    majority,
    measured_fraction,
    multiple,
    of_denominator,
    one_in,
    peek_multiple,
    position,
    rank,
    skip_of_tail,
)
from claimcheck.read.hedges import (
    HEDGE_WORDS,
    LOWER_BOUNDS,
    UPPER_BOUNDS,
    Hedge,
    cap_to_domain,
    check_domain,
    finish,
    make,
    prefix_hedge,
    suffix_hedge,
)
from claimcheck.read.numbers import (
    FRACTIONS,
    SCALES,
    SMALL_NUMBERS,
    TENS,
    Number,
    fraction_share,
    read_number,
    scale_number,
)
from claimcheck.read.tokens import TYPOGRAPHIC, Reading, tokenize, tokenize_as_written
from claimcheck.read.tolerances import DEFAULT_TOLERANCES, Tolerances, as_tolerances
from claimcheck.read.unit_words import (
    BASIS_POINTS,
    as_rate,
    canonical_unit,
    per_unit,
    physical_unit,
    rate_suffix,
    smaller_parts,
    unhyphenated,
    unit_after,
)
from claimcheck.read.values import Kind, Value, format_interval, format_number, overlap

_PER_CENT = re.compile(r"(?i)\bper cent\b")

_SPACED_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")

RANGE_SEPARATORS = ("-", "to", "through", "~")


def parse_value(text: str, *, unit: str | None = None, tolerances: Tolerances = DEFAULT_TOLERANCES) -> Value:
    """Read a value as written into an interval in real units.

    >>> parse_value("over 60%").interval_text()
    '(60, 100] %'
    >>> parse_value("$2.64 trillion").interval_text()
    '[2.635, 2.645] trillion USD'
    """
    if not isinstance(text, str):
        # Not even a number: its digits as written give the precision ("41.90" is not 41.9).
        raise ArgumentTypeError("parse_value", "text", text, "the value as written, a str such as '41.9%'")
    if unit is not None and not isinstance(unit, str):
        raise ArgumentTypeError("parse_value", "unit", unit, "None or a unit as text, such as 'USD' or 'km'")
    tolerances = as_tolerances(tolerances, "parse_value")
    written = " ".join(text.translate(TYPOGRAPHIC).split())
    bracketed = _IN_OTHER_UNITS.fullmatch(written)
    if bracketed:
        return _with_conversion(text, bracketed.group(1), bracketed.group(2), unit, tolerances)
    written = _PER_CENT.sub("percent", written)
    written = _SPACED_THOUSANDS.sub(",", written)  # "10 000": thousands grouped with spaces
    normalized = written.lower()
    if not normalized:
        raise ValueParseError(text, "it is empty")
    tokens = tokenize(normalized)
    # The same tokens as written, for units whose case matters: MB is a megabyte, mb a millibarn.
    as_written = tokenize_as_written(written) if len(written) == len(normalized) else tokens
    as_written = as_written if len(as_written) == len(tokens) else tokens
    tokens, as_written = unhyphenated(tokens, as_written)
    if len(tokens) >= 2 and tokens[-1] == "m" and tokens[-2][0].isdigit() and _is_length(unit):
        tokens[-1] = as_written[-1] = "meter"  # "12m" with a length declared (or in brackets after it): metres
    return parse(Reading(text, tokens, unit, tolerances, as_written))


_IN_OTHER_UNITS = re.compile(r"(.*\S)\s*\(([^()]+)\)")


def _is_length(unit: str | None) -> bool:
    return unit is not None and units.known_unit(unit) and units.dimension_of(units.canonical(unit)) == "meter"


def _with_conversion(text: str, outer: str, inner: str, unit: str | None, tolerances: Tolerances) -> Value:
    """'12m (39ft)', '40C (104F)': a value, then the same quantity in other units, in brackets.

    What is in brackets settles what the first is ("12m" beside feet is metres, not millions) and
    must agree with it; a second currency is no conversion (claimcheck applies no exchange rate).
    """
    second = parse_value(inner, tolerances=tolerances)
    if second.kind != "amount" or units.is_money(second.unit):
        raise ValueParseError(text, f"{inner!r} in brackets is not the same quantity in other units (a figure in a "
                                    "second currency is written in also:)")
    first = parse_value(outer, unit=unit or second.unit, tolerances=tolerances)
    if units.dimension_of(first.unit) != units.dimension_of(second.unit):
        raise ValueParseError(text, f"{outer!r} and {inner!r} are not quantities of one kind")
    low, high = (None if x is None else float(units.quantity(x, second.unit).to(first.unit).magnitude)
                 for x in (second.low_magnitude, second.high_magnitude))
    if not overlap(first.low_magnitude, first.high_magnitude, first.low_inclusive, first.high_inclusive,
                   low, high, True, True):
        shown = format_interval(low, high, True, True, first.unit)
        raise ValueParseError(text, f"{inner!r} is {shown}, which {outer!r} ({first.interval_text()}) does not allow")
    return first.model_copy(update={
        "text": text, "reading": f"{first.reading}; {inner} in brackets, the same quantity",
        "canonical": f"{first.canonical} ({second.canonical})"})


def parse(p: Reading) -> Value:
    cur = p.cur
    cur.accept("the")
    if cur.peek() in ("a", "an") and _a_compound(cur.rest()[1:]):
        cur.take()  # "a nine-member bloc", "a 40-country survey": the article of a compound adjective
    first = cur.peek() or ""
    if (first[:1].isdigit() or first in CURRENCY_SYMBOLS) and cur.peek(1) not in ("st", "nd", "rd", "th"):
        # "41.9%", "$2.64 trillion": of the forms that are no hedged number only "a 38% increase" can start so
        special = change(p) if cur.tokens[-1] in CHANGE_AFTER else None
    else:
        special = majority(p) or rank(p) or position(p) or multiple(p) or change(p)
    if special is not None:
        return special
    hedge: Hedge = "exact"
    hedge = prefix_hedge(p)
    if hedge == "exact" and cur.accept("between"):
        return range_value(p, between=True)
    if hedge == "exact" and cur.accept("from"):
        return range_value(p)  # "from 200 to 300"
    if hedge in ("over", "nearly", "about", "just_over", "just_under") and (
        peek_multiple(p) or cur.peek() in MULTIPLE_WORDS
    ):
        multiplied = multiple(p, hedge)
        if multiplied is None:
            raise p.fail_rest()
        return multiplied
    fraction = fraction_share(cur)
    number = None
    currency = None
    if fraction is not None:
        percent, written = fraction
        if not measured_fraction(p):
            skip_of_tail(p)
            share = Number(percent, 0.0, 0.0, False, True, written)
            if hedge in LOWER_BOUNDS + UPPER_BOUNDS and cur.peek() in ("and", "but", ",") and \
                    p.second_bound_allowed:
                bounded = second_bound(p, hedge, share, units.PERCENT, "share", None, written)
                if bounded is not None:  # "above one quarter and below a half"
                    return bounded
            if not cur.at_end():
                raise p.fail(f"{' '.join(cur.rest())!r} is not a unit or phrase claimcheck knows")
            return finish(p, hedge, share, units.PERCENT, "share", fraction_written=written)
        # "half a million", "a quarter million dollars", "one-half miles": a number, not a share
        cur.accept("of", "a") or cur.accept("of", "an") or cur.accept("a")
        number = scale_number(cur, Number(percent / 100, 0.0, 0.0, False, True, written))
    else:
        currency = currency_prefix(p)
        number = read_number(cur)
    if number is None:
        raise p.fail_rest()
    if currency is not None and cur.peek() == "t":  # "$2.174T": T is trillion only after a currency sign
        cur.take()
        number = number.scaled(1e12, "trillion")
    if hedge == "exact" and (cur.accept("±") or cur.accept("+", "/", "-") or cur.accept("plus", "or", "minus")):
        spread = read_number(cur)  # "9.83e-3 +/- 1e-5 km/s2": the interval is stated
        if spread is None or spread.value < 0:
            raise p.fail("'±' needs a number after it")
        number = Number(number.value, spread.value, spread.value, False, False,
                         f"{number.written} ± {spread.written}")
        number.stated = True
    if cur.peek() in RANGE_SEPARATORS and looks_like_range_end(p):
        if hedge not in ("exact", "about"):
            raise p.fail(f"a range cannot also be hedged with {HEDGE_WORDS[hedge]!r}")
        return range_value(p, first=number, currency=currency, about=hedge == "about")
    if hedge == "exact" and currency is None and cur.peek() not in (None, *RANGE_SEPARATORS):
        start = cur.i
        percent = cur.accept("%") or cur.accept("percent")  # "6% to 8%"
        first_unit = units.PERCENT if percent else physical_unit(p, len(cur.tokens) - cur.i)
        if first_unit is not None and cur.peek() in RANGE_SEPARATORS and looks_like_range_end(p):
            return range_value(p, first=number, first_unit=first_unit)  # "44 mg to 50 mg"
        cur.i = start
    denominator = None if currency else of_denominator(p, number.value)
    if denominator is None and currency is None and cur.peek() == "in":
        one_in_share = one_in(p, number, hedge)  # "one in five adults", "nearly one in five"
        if one_in_share is not None:
            return one_in_share
    if currency is None and (cur.accept("times") or cur.accept("fold") or cur.accept("x") or cur.accept("×")):
        return finish_multiple(p, hedge, number)
    kind: Kind
    if currency is not None:
        unit, kind, counted = currency, "amount", None
        per = per_unit(p)
        if per is not None:
            unit = f"{currency} / {per}"  # "$15.4/hour", "$350 per kg"
    else:
        unit, kind, counted = unit_after(p, number)
        if unit == BASIS_POINTS:  # "12 basis points": 0.12 percentage points, rounded as the basis points are
            unit, number = units.PERCENTAGE_POINT, Number(number.value / 100, number.half_unit / 100,
                                                           number.round_half_unit / 100, False, False,
                                                           f"{format_number(number.value / 100)}")
        if units.is_money(unit):
            number = money_tail(p, number, unit)
            per = per_unit(p)
            if per is not None:
                unit = f"{unit} / {per}"  # "3 dollars a gallon"
        elif kind == "amount":
            number = smaller_parts(p, number, unit)  # "2 hours 14 minutes", "5 feet 11 inches"
    if hedge in ("over", "under") and cur.accept("or", "equal"):
        cur.accept("to")  # "more than 5000 or equal to": the bound is inclusive
        hedge = "at_least" if hedge == "over" else "at_most"
    suffix = suffix_hedge(p)
    if suffix is not None:
        if hedge != "exact":
            raise p.fail(f"it is hedged twice ({HEDGE_WORDS[hedge]!r} and {HEDGE_WORDS[suffix]!r})")
        hedge = suffix
    per = rate_suffix(p)
    if per is not None:
        unit, kind = as_rate(p, unit, kind, per)
    if hedge in LOWER_BOUNDS + UPPER_BOUNDS and cur.peek() in ("and", "but", ",") and p.second_bound_allowed:
        bounded = second_bound(p, hedge, number, unit, kind, counted)
        if bounded is not None:
            return bounded
    if not cur.at_end():
        raise p.fail(f"{' '.join(cur.rest())!r} is not a unit or phrase claimcheck knows")
    return finish(p, hedge, number, unit, kind, denominator=denominator, counted=counted)


def change(p: Reading) -> Value | None:
    """A rise or fall and its amount: 'rose 5%', 'fell by a third', 'cut output by 2 million barrels',
    'an increase of 5%', 'a 38% increase', '14% higher'. None (the cursor unmoved) if it is not one."""
    cur = p.cur
    if p.of_a_change:
        return None  # the amount of a change is no change itself: "rose rose 5%" is nothing
    start = cur.i
    cur.accept("a") or cur.accept("an")
    word = cur.peek()
    direction = None
    if word in CHANGE_NOUNS and cur.peek(1) == "of":
        direction = CHANGE_NOUNS[cur.take()]
        cur.take()
        amount_end = len(cur.tokens)
    elif word in CHANGE_VERBS and not (word in ("up", "down") and cur.peek(1) in ("to", "from")):
        direction = CHANGE_VERBS[cur.take()]
        by = next((j for j in range(cur.i, min(cur.i + 4, len(cur.tokens))) if cur.tokens[j] == "by"), None)
        if by is not None and all(token.isalpha() for token in cur.tokens[cur.i:by]):
            cur.i = by + 1  # "cut output by 2 million barrels", "cut its fleet by half"
        cur.accept("an", "average", "of") or cur.accept("an", "average") or cur.accept("on", "average")
        amount_end = len(cur.tokens)
    elif len(cur.tokens) - cur.i >= 2 and cur.tokens[-1] in CHANGE_AFTER and word not in CHANGE_AFTER and \
            cur.tokens[-2] not in ("or", "and"):  # "5 or more" is a bound, "5 more" a change
        direction = CHANGE_AFTER[cur.tokens[-1]]
        amount_end = len(cur.tokens) - 1
    if direction is None or cur.i >= amount_end or cur.peek() in ("to", "from"):
        cur.i = start
        return None
    try:
        amount = parse(Reading(p.text, cur.tokens[cur.i:amount_end], p.declared_unit, p.tol,
                               p.as_written[cur.i:amount_end], of_a_change=True))
    except ValueParseError:
        cur.i = start  # "lower or equal than 300" is a bound, not a fall
        return None
    cur.i = len(cur.tokens)
    return as_change(p, amount, direction, " ".join(p.as_written[start:start + 1]))


def money_tail(p: Reading, number: Number, currency: str) -> Number:
    """After '75 USD': a scale word ('75 USD million'), or the cents ('3 dollars 50 cents')."""
    cur = p.cur
    if number.scale_word is None and cur.peek() in ("thousand", "million", "billion", "trillion"):
        word = cur.take()
        return number.scaled(SCALES[word], word)
    start = cur.i
    with_and = cur.accept("and")
    cents = read_number(cur)
    subunit = currency_name(p) if cents is not None else None
    if cents is None or subunit is None or not 0 <= cents.value < 100 or subunit == currency or \
            units.base_form(subunit)[1] != currency:
        cur.i = start
        return number
    written = f"{number.written} {currency}{' and' if with_and else ''} {cents.written} {subunit}"
    money = Number(number.value + cents.value / 100, cents.half_unit / 100, cents.half_unit / 100, False,
                    number.words and cents.words, written)
    money.with_unit = True
    return money


def _a_compound(rest: list[str]) -> bool:
    """A number and its noun, all that is left once a compound adjective is unhyphenated: ["nine", "member"]."""
    if len(rest) != 2:
        return False
    number, noun = rest
    return (number[:1].isdigit() or number in SMALL_NUMBERS or number.split("-")[0] in TENS) and noun.isalpha() and \
        noun not in SCALES and noun not in FRACTIONS


def second_bound(p: Reading, hedge: Hedge, number: Number, unit: str, kind: Kind, counted: str | None,
                  fraction_written: str | None = None) -> Value | None:
    """'greater than 100 and smaller than 300', 'at most 100 and at least 20': two bounds, one interval."""
    cur = p.cur
    start = cur.i
    cur.take()
    cur.accept("and")  # ", and"
    at = cur.i
    other = prefix_hedge(p)
    if (hedge in LOWER_BOUNDS) == (other in LOWER_BOUNDS) or other not in LOWER_BOUNDS + UPPER_BOUNDS:
        cur.i = start
        return None
    rest = Reading(p.text, cur.tokens[at:], p.declared_unit, p.tol, p.as_written[at:], second_bound_allowed=False)
    second = parse(rest)
    first = finish(p, hedge, number, unit, kind, counted=counted, fraction_written=fraction_written)
    if (second.kind, second.unit) != (first.kind, first.unit):
        raise p.fail(f"the two bounds are in different units ({first.unit} and {second.unit})")
    cur.i = len(cur.tokens)
    lower, upper = (first, second) if hedge in LOWER_BOUNDS else (second, first)
    low, high = lower.low_magnitude, upper.high_magnitude
    assert low is not None and high is not None  # both capped by their domain, or the hedge's number
    if low > high or (low == high and not (lower.low_inclusive and upper.high_inclusive)):
        shown = format_interval(low, high, lower.low_inclusive, upper.high_inclusive, unit)
        raise p.fail(f"the two bounds leave nothing between them, {shown}")
    return make(p, p.text, kind, unit, low, high, lower.low_inclusive, upper.high_inclusive,
                      lower.loose_low_magnitude, upper.loose_high_magnitude,
                      f"two bounds: {lower.reading}; {upper.reading}", f"{lower.canonical} and {upper.canonical}",
                      counted=counted)


def looks_like_range_end(p: Reading) -> bool:
    nxt = p.cur.peek(1)
    if nxt is None:
        return False
    negative = nxt in ("-", "minus") and (p.cur.peek(2) or " ")[0].isdigit()  # "-18 °C to -34 °C"
    return nxt[0].isdigit() or nxt[0] in ".$€£" or nxt in SMALL_NUMBERS or nxt.split("-")[0] in TENS or negative


def range_value(p: Reading, *, between: bool = False, first: Number | None = None, currency: str | None = None,
           first_unit: str | None = None, about: bool = False) -> Value:
    cur = p.cur
    if first is None:
        currency = currency_prefix(p)
        first = read_number(cur)
        if first is None:
            raise p.fail_rest()
    if between and cur.peek() != "and" and currency is None:
        first_unit, _, _ = unit_after(p, first)
    elif not between and first_unit is None and currency is None and cur.peek() not in RANGE_SEPARATORS:
        percent = cur.accept("%") or cur.accept("percent")  # "from 6% to 8%"
        first_unit = units.PERCENT if percent else physical_unit(p, len(cur.tokens) - cur.i)  # "from -18 °C to -34 °C"
    if not (cur.accept("and") if between else any(cur.accept(word) for word in RANGE_SEPARATORS)):
        raise p.fail("a range needs two numbers, as in 'between 10 and 20' or '10-20'")
    currency = currency_prefix(p) or currency
    second = read_number(cur)
    if second is None:
        raise p.fail_rest()
    if second.scale_word and not first.scale_word and first.value * SCALES[second.scale_word] <= second.value:
        # "$1-2 billion": the scale word of the second number applies to the first; in "$400,000 to $2
        # million" it cannot (the range would run backwards).
        first = first.scaled(SCALES[second.scale_word], second.scale_word)
    kind: Kind
    if currency is not None:
        unit, kind, counted = currency, "amount", None
        currency_name(p)  # "$1-2 billion dollars"
    else:
        unit, kind, counted = unit_after(p, second)
    if first_unit is not None and first_unit != unit:
        raise p.fail(f"the two ends of the range have different units ({first_unit} and {unit})")
    per = rate_suffix(p)
    if per is not None:
        unit, kind = as_rate(p, unit, kind, per)
    if not cur.at_end():
        raise p.fail(f"{' '.join(cur.rest())!r} is not a unit or phrase claimcheck knows")
    if first.value > second.value and not first.value < 0:
        raise p.fail(f"the range runs backwards ({first.written} is more than {second.written})")
    low, high = sorted((first.value, second.value))  # "-18 °C to -34 °C" runs down to the colder end
    if kind == "count" and low < 0:
        unit, kind = units.MULTIPLE, "amount"  # "between negative ten and fifteen"
    if kind == "share" and high > 100:
        kind = "amount"  # "90-120%": a ratio
    reading, canonical_hedge = "range: both ends inclusive, as written", ""
    if about:  # "around 10-15 exabytes"
        low, high = low - p.tol.approximately * abs(low), high + p.tol.approximately * abs(high)
        reading = f"'about' a range: each end widened by {p.tol.approximately:.0%}"
        canonical_hedge = f"about {format_number(first.value)}-{format_number(second.value)}"
        low, high, _, _, _ = cap_to_domain(kind, unit, low, high, True, True)
    check_domain(p, kind, low, high)
    canonical = canonical_hedge or f"between {format_number(low)} and {format_number(high)}"
    canonical = f"{canonical} {canonical_unit(unit, counted)}".strip()
    return make(p, p.text, kind, unit, low, high, True, True, low, high, reading, canonical, counted=counted)

__all__ = ["RANGE_SEPARATORS", "parse_value"]
