"""What a value is: an interval in real units, with the reading that produced it.

``Value`` is what the value grammar (``claimcheck.read.grammar``) returns. This module also holds
the interval arithmetic the engine uses (``overlap``, ``gap``) and the formatting every report
shows: '[41.85, 41.95] %', '(60, 100] %', '[2.635, 2.645] trillion USD'.

Two readings are kept:

- the **strict** reading (``low``/``high``): the logical bounds of the hedge, with rounding only
  to the digits written ("41.9%" is [41.85, 41.95]);
- the **loose** reading (``loose_low``/``loose_high``): the strict interval widened where a round
  number was written ("over 60%" may come from 59.6%), used to say how robust a verdict is.
"""

from __future__ import annotations

import math
from typing import Final, Literal

import pint
from pydantic import BaseModel, ConfigDict

from claimcheck.read import units

Kind = Literal["amount", "share", "count", "rate", "change_multiple", "rank", "difference", "category"]
CATEGORY: Final = "category"  # the unit of a category value: it has no magnitude, only a name


class Value(BaseModel):
    """A value as an interval in real units, with the reading that produced it.

    A category ("observer", "Germany" as the largest partner) is a value too: its kind and unit are
    ``category``, it has no magnitudes, and ``category`` holds its canonical name, ``negated`` its
    negative form ("not a member").
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    kind: Kind
    unit: str
    low_magnitude: float | None
    high_magnitude: float | None
    low_inclusive: bool
    high_inclusive: bool
    loose_low_magnitude: float | None
    loose_high_magnitude: float | None
    reading: str
    canonical: str
    denominator: float | None = None
    counted: str | None = None
    category: str | None = None
    negated: bool = False

    @property
    def is_category(self) -> bool:
        return self.kind == CATEGORY

    @property
    def low(self) -> pint.Quantity[float] | None:
        return None if self.low_magnitude is None else units.quantity(self.low_magnitude, self.unit)

    @property
    def high(self) -> pint.Quantity[float] | None:
        return None if self.high_magnitude is None else units.quantity(self.high_magnitude, self.unit)

    def interval_text(self, *, loose: bool = False) -> str:
        if self.category is not None:
            return f"not {self.category}" if self.negated else self.category
        low = self.loose_low_magnitude if loose else self.low_magnitude
        high = self.loose_high_magnitude if loose else self.high_magnitude
        return format_interval(low, high, self.low_inclusive, self.high_inclusive, self.shown_unit)

    @property
    def shown_unit(self) -> str:
        """The unit as a reader sees it: '×' only for a multiple ('doubled'), nothing for a bare number, the
        noun of a count written with one ('37.2 million TEU')."""
        if self.unit == "dimensionless" and self.kind != "change_multiple":
            return ""
        if self.kind == "count" and self.counted:
            at = self.text.lower().find(self.counted.lower())
            return self.text[at:at + len(self.counted)] if at >= 0 else self.counted
        return self.unit

    def __str__(self) -> str:
        """'over 60% → (60, 100] % ('over': strict lower bound, capped by the share domain)'."""
        return f"{self.text} → {self.interval_text()} ({self.reading})"

    def __repr__(self) -> str:
        return f"Value({self.text!r} → {self.interval_text()})"


def format_number(x: float | None) -> str:
    if x is None or x == math.inf:
        return "∞"
    if x == -math.inf:
        return "-∞"
    if x == 0:
        return "0"
    if abs(x) >= 1e6 or abs(x) < 1e-3:
        return f"{x:.6g}"
    return f"{x:.6f}".rstrip("0").rstrip(".")


_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _scale(largest: float, unit: str) -> tuple[float, str]:
    """The scale word that shows a magnitude readably: 2.64e12 USD is '2.64 trillion USD'."""
    label = unit_label(unit)
    if unit not in PERCENT_UNITS and math.isfinite(largest):
        for factor, word in _SCALE_WORDS:
            if largest >= factor:
                return factor, f"{word} {label}".strip()
    return 1.0, label


def format_amount(amount: float, unit: str) -> str:
    """A distance between two values: '18.05 points' for percentages, '0.5 trillion USD', '74,534', '1'.
    Four significant digits: a gap says how far apart, not to the last unit."""
    factor, label = _scale(abs(amount), unit)
    label = {"%": "points", "%/year": "points a year"}.get(label, label)
    x = amount / factor
    if not math.isfinite(x):
        shown = format_number(x)  # a drift compounded past what a float holds covers an infinite distance
    else:
        shown = f"{round(x):,}" if abs(x) >= 1000 else format_number(float(f"{x:.4g}"))
    return f"{shown} {label}".strip()


def format_interval(low: float | None, high: float | None, low_inclusive: bool, high_inclusive: bool, unit: str) -> str:
    """'[41.85, 41.95] %', '(60, 100] %', '[2.635, 2.645] trillion USD'."""
    factor, label = _scale(max((abs(x) for x in (low, high) if x is not None), default=0.0), unit)
    low = None if low is None else low / factor
    high = None if high is None else high / factor
    suffix = f" {label}" if label else ""
    if low is not None and high is not None and low == high and low_inclusive and high_inclusive:
        return f"[{format_number(low)}]{suffix}"
    left = "[" if low_inclusive and low is not None else "("
    right = "]" if high_inclusive and high is not None else ")"
    low_text = "-∞" if low is None else format_number(low)
    return f"{left}{low_text}, {format_number(high)}{right}{suffix}"

PERCENT_UNITS = (units.PERCENT, units.PERCENT_PER_YEAR, units.PERCENTAGE_POINT)


def unit_label(unit: str) -> str:
    if unit.endswith(f" / {units.COUNT}"):  # money per person: "[19950, 22050] USD each"
        return f"{unit_label(unit.rsplit(' / ', 1)[0])} each"
    if unit.startswith(f"{units.COUNT} / "):  # a count per unit of time: "[18050, 19950] a day"
        per = unit.split(" / ", 1)[1]
        return f"{'an' if per == 'hour' else 'a'} {per}"
    return {"dimensionless": "×", units.PERCENT_PER_YEAR: "%/year", units.PERCENTAGE_POINT: "points", units.COUNT: ""}.get(
        unit, "%" if unit == units.PERCENT else unit
    )


def overlap(a_low: float | None, a_high: float | None, a_low_inc: bool, a_high_inc: bool,
            b_low: float | None, b_high: float | None, b_low_inc: bool, b_high_inc: bool) -> bool:
    """Whether two intervals share a point; None is unbounded."""
    return _before(a_high, a_high_inc, b_low, b_low_inc) is False and _before(b_high, b_high_inc, a_low, a_low_inc) is False


def _before(high: float | None, high_inc: bool, low: float | None, low_inc: bool) -> bool:
    """Whether an interval ending at ``high`` lies wholly below one starting at ``low``."""
    if high is None or low is None:
        return False
    if high < low:
        return True
    return high == low and not (high_inc and low_inc)


def compounded(growth: float, years: float) -> float:
    """(1 + growth) ** years, the factor a yearly growth builds up; infinite where a float cannot hold it.

    Over 100% a year for 1,025 years is more than 1e308: the bound is infinite, and the rule that
    asked still gives its finding.
    """
    try:
        # typeshed types float ** float as Any, as a negative base gives a complex; no growth here is below
        # -100% (a yearly rate's domain, a multiple's floor of 0), so the base is never negative.
        factor: float = (1 + growth) ** years
        return factor
    except OverflowError:
        return math.inf


def gap(a_low: float | None, a_high: float | None, b_low: float | None, b_high: float | None) -> float:
    """The distance between two disjoint intervals (0 where they touch or overlap)."""
    if a_high is not None and b_low is not None and a_high <= b_low:
        return b_low - a_high
    if b_high is not None and a_low is not None and b_high <= a_low:
        return a_low - b_high
    return 0.0

__all__ = ["CATEGORY", "Kind", "PERCENT_UNITS", "Value", "compounded", "format_amount", "format_interval",
           "format_number", "gap", "overlap", "unit_label"]
