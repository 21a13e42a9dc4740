"""Hedges: "over", "nearly", "about", "X or more", and how each turns a number into an interval.

The tolerances the hedges use are parameters (``Tolerances``) with documented defaults. An
unbounded side is closed by the domain of the value's kind: a share lies in [0, 100] percent.
"""

from __future__ import annotations

from typing import Literal, overload

from claimcheck.read import units
from claimcheck.read.numbers import Number, check_magnitude, starts_word_number
from claimcheck.read.tokens import Reading, by_first_word
from claimcheck.read.unit_words import canonical_unit, declared_unit_of, is_yearly_percent
from claimcheck.read.values import Kind, Value, format_interval, format_number

Hedge = Literal["exact", "over", "at_least", "under", "at_most", "nearly", "about", "just_over", "just_under"]

# Longest phrases first, so "just over" wins over "over".
_PREFIX_HEDGES: list[tuple[tuple[str, ...], Hedge]] = sorted(
    [
        (("more", "than"), "over"), (("over",), "over"), (("above",), "over"), (("exceeding",), "over"),
        (("greater", "than"), "over"), (("larger", "than"), "over"), (("bigger", "than"), "over"),
        (("higher", "than"), "over"), (("surpassing",), "over"), (("surpass",), "over"), (("surpasses",), "over"),
        ((">",), "over"), ((">", "="), "at_least"), (("<",), "under"), (("<", "="), "at_most"),
        (("smaller", "than"), "under"), (("lower", "than"), "under"),
        (("less", "than", "or", "equal", "to"), "at_most"), (("smaller", "than", "or", "equal", "to"), "at_most"),
        (("smaller", "or", "equal", "than"), "at_most"), (("lower", "or", "equal", "than"), "at_most"),
        (("less", "or", "equal", "than"), "at_most"), (("equal", "to", "or", "less", "than"), "at_most"),
        (("greater", "than", "or", "equal", "to"), "at_least"), (("more", "than", "or", "equal", "to"), "at_least"),
        (("bigger", "or", "equal", "than"), "at_least"), (("higher", "or", "equal", "than"), "at_least"),
        (("greater", "or", "equal", "than"), "at_least"), (("equal", "to", "or", "more", "than"), "at_least"),
        (("equal", "to", "or", "greater", "than"), "at_least"), (("at", "least", "or", "equal", "to"), "at_least"),
        (("exceeds",), "over"), (("exceed",), "over"), (("exceeded",), "over"), (("surpassed",), "over"),
        (("pass",), "over"), (("passes",), "over"), (("passed",), "over"), (("topped",), "over"),
        (("topping",), "over"), (("in", "excess", "of"), "over"), (("upwards", "of"), "over"),
        (("just", "over"), "just_over"), (("just", "above"), "just_over"), (("slightly", "more", "than"), "just_over"),
        (("at", "least"), "at_least"), (("no", "less", "than"), "at_least"), (("not", "less", "than"), "at_least"),
        (("no", "fewer", "than"), "at_least"), (("a", "minimum", "of"), "at_least"),
        (("under",), "under"), (("sub", "-"), "under"), (("less", "than"), "under"), (("below",), "under"), (("fewer", "than"), "under"),
        (("at", "most"), "at_most"), (("up", "to"), "at_most"), (("no", "more", "than"), "at_most"),
        (("not", "more", "than"), "at_most"), (("a", "maximum", "of"), "at_most"),
        (("nearly",), "nearly"), (("almost",), "nearly"), (("close", "to"), "nearly"), (("just", "under"), "just_under"),
        (("just", "below"), "just_under"), (("slightly", "less", "than"), "just_under"),
        (("about",), "about"), (("around",), "about"), (("approximately",), "about"), (("approx.",), "about"),
        (("roughly",), "about"), (("some",), "about"), (("circa",), "about"), (("c.",), "about"), (("~",), "about"),
        (("an", "estimated"), "about"), (("estimated",), "about"),
        (("equal", "to"), "exact"), (("equals",), "exact"), (("equals", "to"), "exact"), (("equaling", "to"), "exact"),
        (("equalling", "to"), "exact"), (("exactly",), "exact"), (("precisely",), "exact"),
    ],
    key=lambda item: -len(item[0]),
)

_SUFFIX_HEDGES: list[tuple[tuple[str, ...], Hedge]] = [
    (("or", "more"), "at_least"), (("or", "above"), "at_least"), (("or", "over"), "at_least"),
    (("or", "greater"), "at_least"), (("and", "more"), "at_least"),
    (("and", "above"), "at_least"), (("or", "higher"), "at_least"), (("+",), "at_least"), (("plus",), "at_least"),
    (("or", "less"), "at_most"), (("or", "fewer"), "at_most"), (("or", "below"), "at_most"),
    (("or", "under"), "at_most"), (("and", "below"), "at_most"), (("or", "lower"), "at_most"),
]

_PREFIX_HEDGES_BY_FIRST = by_first_word(_PREFIX_HEDGES)

_SUFFIX_HEDGES_BY_FIRST = by_first_word(_SUFFIX_HEDGES)

LOWER_BOUNDS: tuple[Hedge, ...] = ("over", "at_least")

UPPER_BOUNDS: tuple[Hedge, ...] = ("under", "at_most")

HEDGE_WORDS = {
    "exact": "", "over": "over", "at_least": "at least", "under": "under", "at_most": "at most",
    "nearly": "nearly", "about": "about", "just_over": "just over", "just_under": "just under",
}


def prefix_hedge(p: Reading) -> Hedge:
    for phrase, name in _PREFIX_HEDGES_BY_FIRST.get(p.cur.peek() or "", ()):
        if p.cur.accept(*phrase):
            p.said_exactly = phrase in (("exactly",), ("precisely",))
            return name
    return "exact"


def suffix_hedge(p: Reading) -> Hedge | None:
    cur = p.cur
    for phrase, name in _SUFFIX_HEDGES_BY_FIRST.get(cur.peek() or "", ()):
        start = cur.i
        if cur.accept(*phrase):
            following = cur.peek()
            if following is not None and (following[0].isdigit() or starts_word_number(following)
                                          or following == "than"):
                cur.i = start  # "above 1000 and below 1500": a second bound, not "and below"
                return None
            return name
    return None


def finish(p: Reading, hedge: Hedge, number: Number, unit: str, kind: Kind, *, denominator: float | None = None,
            counted: str | None = None, multiple: bool = False, fraction_written: str | None = None) -> Value:
    if kind == "share" and (number.value > 100 or p.of_a_change):
        kind = "amount"  # "240% of GDP": more than a whole is a ratio, not a part of one; "rose 5%" no part at all
    if kind == "share" and unit == units.PERCENT and is_yearly_percent(p.declared_unit):
        # "around 4.5%" with unit: percent a year is a growth rate, not a share.
        unit, kind = units.PERCENT_PER_YEAR, "rate"
    if kind == "share" and unit == units.PERCENT and p.declared_unit not in (None, "%", "percent", units.PERCENT):
        raise p.fail(f"the value is a percentage but unit says {p.declared_unit!r}")
    x = number.value
    exact_count = kind == "count" and (number.integer_written or number.words)
    unrounded = exact_count or number.words or multiple or p.said_exactly
    rounding = 0.0 if unrounded else number.half_unit
    loose = 0.0 if unrounded else min(
        number.round_half_unit, p.tol.round_number * abs(x)) if number.round_half_unit > number.half_unit else rounding
    t = p.tol
    low_inc = high_inc = True
    low: float | None
    high: float | None
    loose_low: float | None
    loose_high: float | None
    if hedge == "exact":
        low, high, why = x - rounding, x + rounding, (
            "exact count" if exact_count else "exactly as written" if p.said_exactly else "exact (a word or fraction)" if number.words and not multiple
            else "as stated" if multiple else f"as stated (±{format_number(rounding)})" if number.stated
            else f"rounding of the digits given (±{format_number(rounding)})")
        loose_low, loose_high = x - max(loose, rounding), x + max(loose, rounding)
        if multiple:
            loose_low, loose_high = x * (1 - t.approximately), x * (1 + t.approximately)
    elif hedge in ("over", "just_over"):
        low, low_inc = x, False
        high = x + max(t.just * abs(x), rounding) if hedge == "just_over" else None
        why = f"'{HEDGE_WORDS[hedge]}': strict lower bound" + (f", upper tolerance {t.just:.0%}" if hedge == "just_over" else "")
        loose_low, loose_high = x - loose, high
    elif hedge == "at_least":
        low, high, why = x, None, "'at least': inclusive lower bound"
        loose_low, loose_high = x - loose, None
    elif hedge in ("under", "just_under"):
        low, high, high_inc = None, x, False
        if hedge == "just_under":
            low = x - max(t.just * abs(x), rounding)
        why = f"'{HEDGE_WORDS[hedge]}': strict upper bound" + (f", lower tolerance {t.just:.0%}" if hedge == "just_under" else "")
        loose_low, loose_high = low, x + loose
    elif hedge == "at_most":
        low, high, why = None, x, "'at most': inclusive upper bound"
        loose_low, loose_high = None, x + loose
    elif hedge == "nearly":
        low, high, high_inc = x - t.nearly * abs(x), x, False
        why = f"'nearly': just below, tolerance {t.nearly:.0%}"
        loose_low, loose_high = low - loose, x + loose
    else:  # about
        spread = max(t.approximately * abs(x), rounding)
        low, high = x - spread, x + spread
        why = f"'about': ±{format_number(spread)} (the larger of {t.approximately:.0%} and the rounding of the digits)"
        loose_low, loose_high = low - loose, high + loose
    low, high, low_inc, high_inc, capped = cap_to_domain(kind, unit, low, high, low_inc, high_inc)
    loose_low, loose_high, _, _, _ = cap_to_domain(kind, unit, loose_low, loose_high, True, True)
    if capped:
        why += f", capped by the {kind} domain"
    check_domain(p, kind, low, high)
    if low is not None and high is not None and (low > high or (low == high and not (low_inc and high_inc))):
        shown = format_interval(low, high, low_inc, high_inc, unit)
        raise p.fail(f"it reads as an empty interval, {shown}: nothing in the {kind} domain satisfies it")
    hedge_word = "exactly" if p.said_exactly and hedge == "exact" else HEDGE_WORDS[hedge]
    if multiple:
        canonical = f"{hedge_word} {format_number(x)} times"
    elif fraction_written:
        canonical = f"{hedge_word} {fraction_written}"
    elif number.with_unit:
        canonical = f"{hedge_word} {number.written}"
    else:
        canonical = f"{hedge_word} {number.written} {canonical_unit(unit, counted)}"
    canonical = canonical.strip()
    if denominator is not None:
        canonical = f"{hedge_word} {number.written} of {format_number(denominator)} {counted or ''}".strip()
    return make(p, p.text, kind, unit, low, high, low_inc, high_inc, loose_low, loose_high, why, canonical,
                      denominator=denominator, counted=counted)


def check_domain(p: Reading, kind: Kind, low: float | None, high: float | None) -> None:
    if kind == "share" and any(bound is not None and bound < 0 for bound in (low, high)):
        raise p.fail("a share must lie between 0% and 100%")
    if kind in ("count", "rank") and any(bound is not None and bound < 0 for bound in (low, high)):
        raise p.fail("a count cannot be negative")


def make(p: Reading, text: str, kind: Kind, unit: str, low: float | None, high: float | None, low_inc: bool,
          high_inc: bool, loose_low: float | None, loose_high: float | None, reading: str, canonical: str,
          *, denominator: float | None = None, counted: str | None = None) -> Value:
    if p.declared_unit is not None and kind not in ("share", "rank", "change_multiple") and unit != p.declared_unit \
            and not (kind == "rate" and is_yearly_percent(p.declared_unit)):
        declared, _, _ = declared_unit_of(p.text, p.declared_unit)
        if units.dimension_of(declared) != units.dimension_of(unit):
            raise p.fail(f"the value is in {unit} but unit says {p.declared_unit!r}")
    problem = units.unit_problem(unit)  # every value's unit, however it was put together ('dB a year')
    if problem is not None:
        raise p.fail(f"its unit {unit!r} {problem}")
    factor = units.base_form(unit)[0]
    for bound in (low, high, loose_low, loose_high):
        if bound is not None:
            check_magnitude(bound, p.text)
            check_magnitude(bound * factor, p.text)  # in base units too, where the engine compares it
    if loose_low is not None and low is not None:
        loose_low = min(loose_low, low)
    if loose_high is not None and high is not None:
        loose_high = max(loose_high, high)
    # Built from fields this function has checked: pydantic's validation of each of them again is a
    # tenth of the extractor's time on text dense with numbers.
    return Value.model_construct(
        _ALL_FIELDS, text=text, kind=kind, unit=unit, low_magnitude=_real(low), high_magnitude=_real(high),
        low_inclusive=low_inc, high_inclusive=high_inc, loose_low_magnitude=_real(loose_low),
        loose_high_magnitude=_real(loose_high), reading=reading, canonical=canonical, denominator=_real(denominator),
        counted=counted, category=None, negated=False)


# One set of the fields set, shared: pydantic copies it before it changes it (model_copy), and a set
# per value would be half of each value's memory.
_ALL_FIELDS = set(Value.model_fields)


def _real(x: float | None) -> float | None:
    return None if x is None else float(x)

_DOMAINS: dict[str, tuple[float | None, float | None]] = {
    "share": (0.0, 100.0), "count": (0.0, None), "rank": (1.0, None), "change_multiple": (0.0, None),
    "difference": (-100.0, 100.0),
}


def _never_below_zero(unit: str) -> bool:
    """Money, percentages and physical magnitudes; not degrees (of heat, as often as of angle), a bare ratio or
    a rate in %."""
    if unit in (units.MULTIPLE, units.PERCENT_PER_YEAR, "degree") or "degree_" in unit:
        return False
    return units.is_money(unit) or unit == units.PERCENT or unit not in (units.COUNT, units.RANK)


@overload
def cap_to_domain(kind: Kind, unit: str, low: float, high: float, low_inc: bool, high_inc: bool,
                  ) -> tuple[float, float, bool, bool, bool]: ...
@overload
def cap_to_domain(kind: Kind, unit: str, low: float | None, high: float | None, low_inc: bool, high_inc: bool,
                  ) -> tuple[float | None, float | None, bool, bool, bool]: ...
def cap_to_domain(kind: Kind, unit: str, low: float | None, high: float | None, low_inc: bool, high_inc: bool,
                  ) -> tuple[float | None, float | None, bool, bool, bool]:
    """Close an unbounded side with the domain of the kind: a share lies in [0, 100] percent."""
    domain_low, domain_high = _DOMAINS.get(kind, (None, None))
    if kind in ("amount", "rate") and low is None and _never_below_zero(unit):
        domain_low = 0.0  # "under $5" is [0, 5), "up to 12m" [0, 12]; a loss written "-$15" stays negative
    if kind == "rate" and unit == units.PERCENT_PER_YEAR:
        domain_low = -100.0
    capped = False
    if domain_low is not None and (low is None or low < domain_low):
        low, low_inc, capped = domain_low, True, True
    if domain_high is not None and (high is None or high > domain_high):
        high, high_inc, capped = domain_high, True, True
    return low, high, low_inc, high_inc, capped

__all__ = ["HEDGE_WORDS", "LOWER_BOUNDS", "UPPER_BOUNDS", "Hedge", "cap_to_domain",
           "check_domain", "finish", "make", "prefix_hedge", "suffix_hedge"]
