"""What rules see and what they say: normalized claim rows in, findings out.

A ``Row`` is a claim flattened for comparison: canonical key names, the interval in base units
(so trillions and billions compare without pint in the hot path), the valid time and the
statement time as day ordinals, and how time is read for its measure (a flow over a window, a
ratio over a window, or a state at an instant). A claim written twice (``also:``) gives a row per
writing. A rule returns ``Finding`` objects; the engine stamps them with the rule's code and name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from rich.text import Text

from claimcheck.corpus.records import Claim
from claimcheck.corpus.vocabulary import Vocabulary
from claimcheck.read.values import Value, format_amount, format_interval

Verdict = Literal["conflict", "tension", "consistent", "undetermined"]
Confidence = Literal["high", "low"]
Key = tuple[Any, ...]  # a grouping or signature key: a tuple of readings, names and numbers
VERDICTS: tuple[Verdict, ...] = ("conflict", "tension", "consistent", "undetermined")
TimeKind = Literal["flow", "ratio", "state"]
# Statements less than this many days apart are taken as said at the same time: a revision (a statistic
# revised, a plan superseded) comes months after what it revises, a misquote within days.
REVISION_GAP_DAYS = 90
# A statistic is revised in the years after it is first published; a figure said this long after the time it
# is about is a correction, not a revision, when it disagrees.
REVISION_WINDOW_DAYS = 3 * 365
# What a tension may rest on, in a field of its own (``Finding.explained_by``).
EXPLANATIONS = ("window", "drift", "change over time", "revision", "scope spread", "basis")
# What needs a reader comes first in every listing: then the checks that passed.
ACTION_ORDER: tuple[Verdict, ...] = ("conflict", "tension", "undetermined", "consistent")
# One colour per verdict, apart even on a 16-colour terminal: red, yellow, blue and green.
VERDICT_STYLES: dict[str, str] = {"conflict": "bold red", "tension": "bold yellow", "undetermined": "bold blue",
                                  "consistent": "bold green"}


@dataclass(slots=True)
class Row:
    """One claim (or one writing of its value), normalized for comparison."""

    claim: Claim
    gid: str
    subject: str | None
    measure: str | None  # the base measure: a variant is compared under its base
    scope: str | None  # the base scope, likewise
    event: str | None
    kind: str | None = None
    dimension: str | None = None
    factor: float = 1.0  # base magnitude = factor × magnitude in the value's unit
    lo: float | None = None
    hi: float | None = None
    lo_inc: bool = True
    hi_inc: bool = True
    start: int = 0  # valid time as day ordinals, both inclusive; 0 where there is none
    end: int = 0
    time: TimeKind | None = None
    stated_start: int = 0  # statement time: the claim's stated:, else its source's publication
    stated_end: int = 0
    variant: str | None = None  # the scope as written, when it is a declared variant of ``scope``
    basis: str | None = None  # the measure as written, when it is a declared variant of ``measure``
    reading: int = 0  # 0: the value; 1, 2 ...: its also:
    category: str | None = None  # a category value, normalized
    negated: bool = False
    counted_from_items: bool = False  # a complete list read as its count

    # What the claim says already is read from it, not copied: a million rows stay small.
    @property
    def source(self) -> str:
        return self.claim.source_id

    @property
    def dated(self) -> bool:
        """The claim dates an event."""
        return self.claim.date is not None

    @property
    def forecast(self) -> bool:
        """The claim dates an event still to come when it was said: a plan or an expectation ("expected to join
        by the end of 2023", said in July). Its change is not a step that happened, its date not the event's."""
        when = self.claim.date
        if when is None or not self.stated_end:
            return False
        start, end = when.outer_start.toordinal(), when.outer_end.toordinal()
        return self.stated_end < end and (self.stated_end <= start or when.start == date.min)

    @property
    def listed(self) -> bool:
        """The claim lists items."""
        return self.claim.items is not None

    @property
    def assumed(self) -> bool:
        period = self.claim.period
        return period is not None and period.assumed

    @property
    def loose_lo(self) -> float | None:
        """The loose (round-number) reading's lower end, in base units."""
        value = self.value
        if value is None:
            return self.lo
        return None if value.loose_low_magnitude is None else value.loose_low_magnitude * self.factor

    @property
    def loose_hi(self) -> float | None:
        value = self.value
        if value is None:
            return self.hi
        return None if value.loose_high_magnitude is None else value.loose_high_magnitude * self.factor

    @property
    def has_period(self) -> bool:
        return self.start != 0

    @property
    def value(self) -> Value | None:
        claim = self.claim
        if self.counted_from_items:
            return None
        return claim.value if self.reading == 0 else claim.also[self.reading - 1]

    def overlaps(self, other: Row) -> bool:
        """Whether the two strict intervals share a value (None is unbounded).

        Categories agree when they are the same; "not a member" agrees with every other category
        (an observer is not a member) and disagrees only with "member".
        """
        if self.category is not None or other.category is not None:
            if self.negated or other.negated:
                return self.category != other.category or self.negated == other.negated
            return self.category == other.category
        if self.hi is not None and other.lo is not None and (
                self.hi < other.lo or (self.hi == other.lo and not (self.hi_inc and other.lo_inc))):
            return False
        if other.hi is not None and self.lo is not None and (
                other.hi < self.lo or (other.hi == self.lo and not (other.hi_inc and self.lo_inc))):
            return False
        return True

    def same_reading(self, other: Row) -> bool:
        return (self.lo == other.lo and self.hi == other.hi and self.start == other.start and self.end == other.end
                and self.lo_inc == other.lo_inc and self.hi_inc == other.hi_inc and self.category == other.category
                and self.negated == other.negated)

    def overlaps_in_time(self, other: Row) -> bool:
        return self.start <= other.end and other.start <= self.end

    def same_window(self, other: Row) -> bool:
        return self.start == other.start and self.end == other.end

    def stated_together(self, other: Row) -> bool:
        """Whether the two were stated at the same time: their statement times overlap, or two publication dates
        lie less than ``REVISION_GAP_DAYS`` apart (a newspaper that quotes yesterday's release does not revise
        it). A curator's ``stated:`` records that the text reports an earlier statement: apart from the other's
        time, however close, it is another statement ("revised its January figure of 1.1 trillion")."""
        gap = 0 if self.claim.stated is not None or other.claim.stated is not None else REVISION_GAP_DAYS
        return self.stated_start - gap <= other.stated_end and other.stated_start - gap <= self.stated_end

    def why_not_revised(self, other: Row) -> str:
        """Why two statements of the same time are not a revision, in words for a finding."""
        times = f"({self.shown_stated()}; {other.shown_stated()})"
        if self.stated_start <= other.stated_end and other.stated_start <= self.stated_end:
            return f"were stated at the same time {times}"
        if self.stated_together(other):
            return f"were published less than {REVISION_GAP_DAYS} days apart {times}, too close for a revision"
        if self.category is not None or self.kind == "rank":
            return f"were stated at different times {times}, but a {'category' if self.category else 'rank'} " \
                   "of the past is corrected, not revised"
        return f"were stated at different times {times}, but the first more than " \
               f"{REVISION_WINDOW_DAYS // 365} years after the time it is about: a correction, not a revision"

    def may_revise(self, other: Row) -> bool:
        """Whether one of two statements about the same time may revise the other: they were said months apart,
        the first within ``REVISION_WINDOW_DAYS`` of the end of the time it is about, and it is a figure (a
        category or a rank of the past is corrected, not revised)."""
        if self.category is not None or self.kind == "rank" or not (self.stated_start and other.stated_start):
            return False
        if self.stated_together(other):
            return False
        first = min(self.stated_start, other.stated_start)
        return first <= max(self.end, other.end) + REVISION_WINDOW_DAYS

    def interval(self, *, loose: bool = False) -> tuple[float | None, float | None, bool, bool]:
        if loose:
            return self.loose_lo, self.loose_hi, True, True
        return self.lo, self.hi, self.lo_inc, self.hi_inc

    # -- words for messages ----------------------------------------------------------------------

    def shown_value(self) -> str:
        if self.counted_from_items:
            return f"a list of {len(self.claim.items or ())}"
        value = self.value
        return value.text if value is not None else ""

    def shown_interval(self, *, loose: bool = False) -> str:
        if self.counted_from_items:
            return f"[{len(self.claim.items or ())}]"
        value = self.value
        assert value is not None
        return value.interval_text(loose=loose)

    def shown_period(self) -> str:
        period = self.claim.period
        if period is None:
            return "undated"
        return period.label()

    def shown_stated(self) -> str:
        claim = self.claim
        if claim.stated is not None:
            return f"stated {claim.stated.label(note=False)}"
        if self.stated_start:
            return f"published {date.fromordinal(self.stated_start).year}" if _whole_year(self) else \
                f"published {date.fromordinal(self.stated_start).isoformat()}"
        return "statement time unknown"

    def what(self) -> str:
        """'41.9%'; a bare count names what it counts: 'two global initiatives'."""
        value = self.value
        counted = f" {self.claim.measure}" if (self.counted_from_items or value is not None and value.kind == "count"
                                                and not value.counted) and self.claim.measure else ""
        return f"{self.shown_value()}{counted}"

    def said(self) -> str:
        """'wang-2025 gives 41.9% (2022)', 'liu-hu-2023 gives two global initiatives (2023, ...)'."""
        return f"{self.source} gives {self.what()} ({self.shown_period()})"


def _whole_year(row: Row) -> bool:
    start, end = date.fromordinal(row.stated_start), date.fromordinal(row.stated_end)
    return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a rule may read besides its group: the vocabulary. Nothing global, no I/O."""

    vocabulary: Vocabulary


Texts = tuple[str, str, tuple[str, ...]]  # message, explanation, assumptions


class Finding:
    """One verdict on a group of claims, with its arithmetic and its reason.

    ``sides`` sets the claims that agree with each other against those that do not: "three sources
    say 1957, two say 1958" is one finding with two sides. A tension names what it rests on in
    ``explained_by`` (a window, drift over time, a change over time, a revision, a scope spread, a
    basis). Rules decide verdicts with numbers; the words are rendered on first use, so that a
    check of a million claims does not build a million sentences nobody reads. The engine stamps
    ``code`` and ``name`` with the rule's.
    """

    __slots__ = ("code", "name", "verdict", "confidence", "rows", "_render", "_args", "_texts", "_extra_ids", "gap",
                 "location", "_fingerprint", "_sides", "explained_by", "_signature")

    def __init__(self, verdict: Verdict, rows: Sequence[Row], render: Callable[..., Texts],
                 args: Key = (), confidence: Confidence = "high", extra_ids: tuple[str, ...] = (),
                 gap: float | None = None, location: tuple[str, int | None] | None = None,
                 sides: Sequence[Sequence[Row]] | None = None, explained_by: tuple[str, ...] = (),
                 signature: Key | Callable[[], Key] | None = None) -> None:
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
        self._sides = sides
        self.explained_by = explained_by
        self._signature = signature  # what the finding is about (or how to work it out), for the fingerprint

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
    def sides(self) -> tuple[tuple[str, ...], ...]:
        """The claim ids of each side, sides in order of their readings; one side per claim where no rule set them."""
        if self._sides is None:
            return tuple((gid,) for gid in self.claim_ids)
        return tuple(tuple(sorted({row.gid for row in side})) for side in self._sides)

    @property
    def odd_side(self) -> int | None:
        """The index of the side fewest sources stand on, when every other side has more.

        Sources, not claims: a date of application and a date of joining from one source imply one
        duration together, and are one voice against the duration that source states."""
        sizes = [len({gid.split("/", 1)[0] for gid in side}) for side in self.sides]
        if len(sizes) < 2:
            return None
        smallest = min(sizes)
        return sizes.index(smallest) if sizes.count(smallest) == 1 and smallest < max(sizes) else None

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
            if self._signature is not None:
                signature = self._signature() if callable(self._signature) else self._signature
                self._fingerprint = signature_fingerprint(self.code, signature)
            else:
                self._fingerprint = fingerprint(self.code, list({r.gid: r.claim for r in self.rows}.values()),
                                                self._extra_ids)
        return self._fingerprint

    def to_dict(self) -> dict[str, Any]:
        """A flat JSON row."""
        return {"code": self.code, "name": self.name, "verdict": self.verdict, "claim_ids": list(self.claim_ids),
                "sides": [list(side) for side in self.sides], "explained_by": list(self.explained_by),
                "message": self.message, "explanation": self.explanation, "confidence": self.confidence,
                "assumptions": list(self.assumptions), "quotes": self.quotes, "gap": self.gap_text,
                "fingerprint": self.fingerprint}

    def to_record(self) -> dict[str, Any]:
        """Everything the finding says, flat, with its rows as references (claim id, reading, counted from items):
        what an engine that runs the rules elsewhere (``claimcheck.scale``) sends back, for ``from_record``."""
        refs = [(row.gid, row.reading, row.counted_from_items) for row in self.rows]
        position = {id(row): index for index, row in enumerate(self.rows)}
        return {"code": self.code, "name": self.name, "verdict": self.verdict, "confidence": self.confidence,
                "message": self.message, "explanation": self.explanation, "assumptions": list(self.assumptions),
                "row_ids": [gid for gid, _, _ in refs], "row_readings": [reading for _, reading, _ in refs],
                "row_counted": [counted for _, _, counted in refs],
                "sides": None if self._sides is None else [[position[id(row)] for row in side] for side in self._sides],
                "extra_ids": list(self._extra_ids), "gap": self.gap,
                "location_file": None if self.location is None else self.location[0],
                "location_line": None if self.location is None else self.location[1],
                "explained_by": list(self.explained_by), "fingerprint": self.fingerprint}

    @classmethod
    def from_record(cls, record: dict[str, Any], rows: Sequence[Row]) -> Finding:
        """The finding ``to_record`` gave, with its rows found again (in the order of ``row_ids``)."""
        sides = record["sides"]
        location = None if record["location_file"] is None else (record["location_file"], record["location_line"])
        finding = cls.written(record["verdict"], list(rows), record["message"], record["explanation"],
                              record["confidence"], tuple(record["assumptions"]), tuple(record["extra_ids"]),
                              location, None if sides is None else [[rows[i] for i in side] for side in sides],
                              tuple(record["explained_by"]))
        finding.code, finding.name, finding.gap = record["code"], record["name"], record["gap"]
        finding._fingerprint = record["fingerprint"]
        return finding

    @classmethod
    def written(cls, verdict: Verdict, rows: list[Row], message: str, explanation: str,
                confidence: Confidence = "high", assumptions: list[str] | tuple[str, ...] = (),
                extra_ids: tuple[str, ...] = (), location: tuple[str, int | None] | None = None,
                sides: Sequence[Sequence[Row]] | None = None, explained_by: tuple[str, ...] = (),
                signature: Key | None = None, gap: float | None = None) -> Finding:
        """A finding whose words are already written (for rules that fire rarely)."""
        return cls(verdict, rows, _fixed, (message, explanation, tuple(assumptions)), confidence, extra_ids,
                   gap=gap, location=location, sides=sides, explained_by=explained_by, signature=signature)

    def __repr__(self) -> str:
        ids = self.claim_ids
        more = f" +{len(ids) - 2} more" if len(ids) > 2 else ""
        return f"Finding({self.code} {self.verdict} {', '.join(ids[:2])}{more})"

    def __str__(self) -> str:
        return f"{self.code} {self.verdict}: {self.message}"

    def __rich__(self) -> Text:
        """The heading and the message, as plain text: nothing from a claim file is read as markup."""
        return Text.assemble((f"{self.code} {self.name}", "bold"), "  ", (self.verdict, VERDICT_STYLES[self.verdict]),
                             f" · confidence {self.confidence}\n", self.message)


def _fixed(rows: list[Row], message: str, explanation: str, assumptions: tuple[str, ...]) -> Texts:
    return message, explanation, assumptions


def fingerprint(code: str, claims: list[Claim], extra: tuple[str, ...] = ()) -> str:
    """Stable across file order and line numbers; changes when a claim's content changes."""
    parts = sorted(_claim_digest(c) for c in claims)
    text = "\x1f".join([code, *sorted(extra), *parts])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def signature_fingerprint(code: str, signature: Key) -> str:
    """A fingerprint of what a finding is about (its key and the readings of its sides), not of who says them:
    it stays the same when another source joins a side with a reading that side already has."""
    text = "\x1f".join([code, repr(signature)])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def reading_signature(row: Row) -> Key:
    """What a row says, without who says it: its interval, unit, valid time and category."""
    return (row.lo, row.hi, row.lo_inc, row.hi_inc, row.dimension, row.start, row.end, row.category, row.negated)


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
    value = row.value
    unit = value.shown_unit if value is not None else "item"
    f = row.factor
    return format_interval(None if lo is None else lo / f, None if hi is None else hi / f, lo_inc, hi_inc, unit)


def amount_words(amount: float, row: Row) -> str:
    """A distance held in base units, in the row's unit: '18.05 points', '1', '0.5 trillion USD'."""
    value = row.value
    unit = value.shown_unit if value is not None else "item"
    text = format_amount(amount / row.factor, unit)
    head, _, noun = text.rpartition(" ")
    if head in ("1", "-1") and noun.islower() and noun.endswith("s") and not noun.endswith("ss"):
        noun = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]  # '1 country', '1 point', not '1 countries'
        return f"{head} {noun}"
    return text


__all__ = ["ACTION_ORDER", "EXPLANATIONS", "REVISION_GAP_DAYS", "REVISION_WINDOW_DAYS", "VERDICTS", "VERDICT_STYLES",
           "Confidence", "Context", "Finding", "Key", "Row", "Texts", "TimeKind", "Verdict", "fingerprint", "reading_signature",
           "signature_fingerprint"]
