"""What rules see and what they say: normalized claim rows in, findings out.

A ``Row`` is a claim flattened for comparison: canonical key names, the interval in base units
(so trillions and billions compare without pint in the hot path) and the period as day ordinals.
A rule returns ``Draft`` findings; the engine stamps them with the rule's code and a fingerprint.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

from claimcheck.records import Claim
from claimcheck.values import format_interval
from claimcheck.vocabulary import Vocabulary

Verdict = Literal["conflict", "tension", "consistent", "undetermined"]
Confidence = Literal["high", "low"]
VERDICTS: tuple[Verdict, ...] = ("conflict", "tension", "consistent", "undetermined")


@dataclass(slots=True)
class Row:
    """One claim, normalized for comparison."""

    claim: Claim
    gid: str
    source: str
    subject: str | None
    measure: str | None
    scope: str | None
    event: str | None
    kind: str | None = None
    dimension: str | None = None
    factor: float = 1.0  # base magnitude = factor × magnitude in the claim's unit
    lo: float | None = None
    hi: float | None = None
    lo_inc: bool = True
    hi_inc: bool = True
    loose_lo: float | None = None
    loose_hi: float | None = None
    start: int = 0  # period as day ordinals, both inclusive; 0 where there is no period
    end: int = 0
    assumed: bool = False

    @property
    def has_period(self) -> bool:
        return self.start != 0

    def overlaps_in_time(self, other: "Row") -> bool:
        return self.start <= other.end and other.start <= self.end

    def interval(self, *, loose: bool = False) -> tuple[float | None, float | None, bool, bool]:
        if loose:
            return self.loose_lo, self.loose_hi, True, True
        return self.lo, self.hi, self.lo_inc, self.hi_inc

    # -- words for messages ----------------------------------------------------------------------

    def shown_value(self) -> str:
        value = self.claim.value
        return value.text if value is not None else ""

    def shown_interval(self, *, loose: bool = False) -> str:
        value = self.claim.value
        assert value is not None
        return value.interval_text(loose=loose)

    def shown_period(self) -> str:
        period = self.claim.period
        if period is None:
            return "undated"
        return period.label()

    def said(self) -> str:
        """'wang-2025 gives 41.9% (2022)'."""
        return f"{self.source} gives {self.shown_value()} ({self.shown_period()})"


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a rule may read besides its group: the vocabulary. Nothing global, no I/O."""

    vocabulary: Vocabulary


@dataclass(slots=True)
class Draft:
    """A finding as a rule returns it, before the engine stamps code and fingerprint."""

    verdict: Verdict
    rows: list[Row]
    message: str
    explanation: str
    confidence: Confidence = "high"
    assumptions: list[str] = field(default_factory=list)
    extra_ids: tuple[str, ...] = ()


class Finding(BaseModel):
    """One verdict on a pair or group of claims, with its arithmetic and its reason."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    name: str
    verdict: Verdict
    claim_ids: tuple[str, ...]
    message: str
    explanation: str
    confidence: Confidence
    assumptions: tuple[str, ...] = ()
    quotes: dict[str, str] = {}
    fingerprint: str

    def __str__(self) -> str:
        return f"{self.code} {self.verdict}: {self.message}"


def fingerprint(code: str, claims: list[Claim], extra: tuple[str, ...] = ()) -> str:
    """Stable across file order and line numbers; changes when a claim's content changes."""
    parts = sorted(_claim_digest(c) for c in claims)
    text = "\x1f".join([code, *sorted(extra), *parts])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _claim_digest(claim: Claim) -> str:
    period = claim.period
    date = claim.date
    return "\x1e".join([
        claim.global_id,
        claim.subject or "", claim.measure or "", claim.scope or "",
        claim.value.text if claim.value else "", claim.unit or "",
        f"{period.start}/{period.end}" if period else "",
        claim.event or "", f"{date.start}/{date.end}" if date else "",
        "|".join(claim.items or ()), str(claim.complete),
    ])


def interval_words(lo: float | None, hi: float | None, lo_inc: bool, hi_inc: bool, row: Row) -> str:
    """An interval held in base units, shown in the row's own unit."""
    value = row.claim.value
    assert value is not None
    f = row.factor
    return format_interval(None if lo is None else lo / f, None if hi is None else hi / f, lo_inc, hi_inc, value.unit)


def amount_words(amount: float, row: Row) -> str:
    """A distance held in base units, in the row's unit: '18.05 points', '1', '0.5 trillion USD'."""
    value = row.claim.value
    assert value is not None
    shown = format_interval(amount / row.factor, amount / row.factor, True, True, value.unit).strip("[]")
    shown = shown.replace("]", "")
    return shown.replace(" %", " points").replace("%/year", " points a year")


__all__ = ["VERDICTS", "Confidence", "Context", "Draft", "Finding", "Row", "Verdict", "fingerprint"]
