"""What rules see and what they say: normalized claim rows in, findings out.

A ``Row`` is a claim flattened for comparison: canonical key names, the interval in base units
(so trillions and billions compare without pint in the hot path) and the period as day ordinals.
A rule returns ``Finding`` objects; the engine stamps them with the rule's code and name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from claimcheck.corpus.records import Claim
from claimcheck.corpus.vocabulary import Vocabulary
from claimcheck.read.values import format_amount, format_interval

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
    dated: bool = False  # the claim dates an event
    listed: bool = False  # the claim lists items

    @property
    def has_period(self) -> bool:
        return self.start != 0

    def overlaps(self, other: Row) -> bool:
        """Whether the two strict intervals share a value (None is unbounded)."""
        if self.hi is not None and other.lo is not None and (
                self.hi < other.lo or (self.hi == other.lo and not (self.hi_inc and other.lo_inc))):
            return False
        if other.hi is not None and self.lo is not None and (
                other.hi < self.lo or (other.hi == self.lo and not (other.hi_inc and self.lo_inc))):
            return False
        return True

    def same_reading(self, other: Row) -> bool:
        return (self.lo == other.lo and self.hi == other.hi and self.start == other.start and self.end == other.end
                and self.lo_inc == other.lo_inc and self.hi_inc == other.hi_inc)

    def overlaps_in_time(self, other: Row) -> bool:
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
        """'wang-2025 gives 41.9% (2022)'; a bare count names what it counts: 'gives two global initiatives'."""
        value = self.claim.value
        counted = f" {self.claim.measure}" if value is not None and value.kind == "count" and not value.counted \
            and self.claim.measure else ""
        return f"{self.source} gives {self.shown_value()}{counted} ({self.shown_period()})"


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a rule may read besides its group: the vocabulary. Nothing global, no I/O."""

    vocabulary: Vocabulary


Texts = tuple[str, str, tuple[str, ...]]  # message, explanation, assumptions


class Finding:
    """One verdict on a pair or group of claims, with its arithmetic and its reason.

    Rules decide verdicts with numbers; the words are rendered on first use, so that a check of a
    million claims does not build a million sentences nobody reads. The engine stamps ``code``
    and ``name`` with the rule's.
    """

    __slots__ = ("code", "name", "verdict", "confidence", "rows", "_render", "_args", "_texts", "_extra_ids", "gap",
                 "location", "_fingerprint")

    def __init__(self, verdict: Verdict, rows: list[Row] | tuple[Row, ...], render: Callable[..., Texts],
                 args: tuple = (), confidence: Confidence = "high", extra_ids: tuple[str, ...] = (),
                 gap: float | None = None, location: tuple[str, int | None] | None = None) -> None:
        self.gap = gap  # the least distance between two readings, in base units of the first row
        self.location = location  # (file, line) for a finding about a file rather than claims
        self.code = ""
        self.name = ""
        self.verdict = verdict
        self.confidence = confidence
        self.rows = rows
        self._render = render
        self._args = args
        self._texts: Texts | None = None
        self._extra_ids = extra_ids
        self._fingerprint: str | None = None

    def _rendered(self) -> Texts:
        if self._texts is None:
            self._texts = self._render(self.rows, *self._args)
        return self._texts

    @property
    def message(self) -> str:
        return self._rendered()[0]

    @property
    def explanation(self) -> str:
        return self._rendered()[1]

    @property
    def assumptions(self) -> tuple[str, ...]:
        return self._rendered()[2]

    @property
    def claim_ids(self) -> tuple[str, ...]:
        ids = {row.gid for row in self.rows}
        ids.update(i for i in self._extra_ids if "/" in i and ":" not in i)
        return tuple(sorted(ids))

    @property
    def quotes(self) -> dict[str, str]:
        return {r.gid: r.claim.quote for r in sorted(self.rows, key=lambda r: r.gid) if r.claim.quote}

    @property
    def gap_text(self) -> str | None:
        """The gap in the first claim's unit: '18.05 points'; None where the rule measured none."""
        return None if self.gap is None or not self.rows else amount_words(self.gap, self.rows[0])

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:  # the engine stamps the code before anyone reads this
            self._fingerprint = fingerprint(self.code, [r.claim for r in self.rows], self._extra_ids)
        return self._fingerprint

    def to_dict(self) -> dict[str, Any]:
        """A flat JSON row."""
        return {"code": self.code, "name": self.name, "verdict": self.verdict, "claim_ids": list(self.claim_ids),
                "message": self.message, "explanation": self.explanation, "confidence": self.confidence,
                "assumptions": list(self.assumptions), "quotes": self.quotes, "gap": self.gap_text,
                "fingerprint": self.fingerprint}

    @classmethod
    def written(cls, verdict: Verdict, rows: list[Row], message: str, explanation: str,
                confidence: Confidence = "high", assumptions: list[str] | tuple[str, ...] = (),
                extra_ids: tuple[str, ...] = (), location: tuple[str, int | None] | None = None) -> Finding:
        """A finding whose words are already written (for rules that fire rarely)."""
        return cls(verdict, rows, _fixed, (message, explanation, tuple(assumptions)), confidence, extra_ids,
                   location=location)

    def __repr__(self) -> str:
        return f"Finding({self.code} {self.verdict} {', '.join(self.claim_ids)})"

    def __str__(self) -> str:
        return f"{self.code} {self.verdict}: {self.message}"


def _fixed(rows: list[Row], message: str, explanation: str, assumptions: tuple[str, ...]) -> Texts:
    return message, explanation, assumptions


def fingerprint(code: str, claims: list[Claim], extra: tuple[str, ...] = ()) -> str:
    """Stable across file order and line numbers; changes when a claim's content changes."""
    parts = sorted(_claim_digest(c) for c in claims)
    text = "\x1f".join([code, *sorted(extra), *parts])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _claim_digest(claim: Claim) -> str:
    period = claim.period
    date = claim.date
    parts = [
        claim.global_id, " ".join((claim.quote or "").split()),
        claim.subject or "", claim.measure or "", claim.scope or "",
        claim.value.text if claim.value else "", claim.unit or "",
        f"{period.start}/{period.end}" if period else "",
        claim.event or "", f"{date.start}/{date.end}" if date else "",
        "|".join(claim.items or ()), str(claim.complete),
    ]
    # Fields of claim files v2 join the digest only when given, so older findings keep their fingerprints.
    if claim.also:
        parts.append("also=" + "|".join(v.text for v in claim.also))
    if claim.stated is not None:
        parts.append(f"stated={claim.stated.start}/{claim.stated.end}")
    if claim.change is not None:
        parts.append(f"change={claim.change.text}")
    return "\x1e".join(parts)


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
    return format_amount(amount / row.factor, value.unit)


__all__ = ["VERDICTS", "Confidence", "Context", "Finding", "Row", "Texts", "Verdict", "fingerprint"]
