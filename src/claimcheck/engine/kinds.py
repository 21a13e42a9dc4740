"""How a measure moves in time: a flow over a window, a ratio over a window, or a state at an instant."""

from __future__ import annotations

import re

from claimcheck.corpus.vocabulary import Duration, Order, Vocabulary
from claimcheck.engine.findings import Key, Row, TimeKind
from claimcheck.read import units
from claimcheck.read.numbers import ordinal_word_value
from claimcheck.read.periods import Period
from claimcheck.read.values import Value

_SIGNED_WORDS = re.compile(r"\b(?:balance|surplus|deficit|net|profit|profits|loss|losses|change|income|earnings)\b")


def time_kind(vocabulary: Vocabulary, measure: str | None, value: Value, *, windowed: bool = False) -> TimeKind:
    """How a claim's time is read: as the vocabulary declares for its measure, else from its value.

    Money is a flow over a window (a total); a share, a rate, a change, percentage points, money
    per unit and a percentage above 100 are ratios over a window; a count, a rank, a category and
    a physical quantity are states at an instant, except a count ``windowed`` over part of a year
    (``counted_over_a_window``): containers handled in the first half of 2022 are a total.
    """
    declared = vocabulary.measure_kind(measure)
    if declared is not None:
        return declared
    kind = value.kind
    if kind in ("share", "rate", "change_multiple", "difference"):
        return "ratio"
    if kind == "count" and windowed:
        return "flow"
    if kind in ("count", "rank", "category"):
        return "state"
    if units.is_money(value.unit):
        return "flow"
    if "/" in value.unit or value.unit == units.PERCENT:
        return "ratio"
    return "state"


# What news counts as a total over a month: "40,000 visitors in March", "12,000 passengers carried in May".
# A month is otherwise a time a state holds ("the tenth member in March 2024").
_COUNTED_OVER_A_MONTH = re.compile(
    r"\b(?:passengers?|visitors?|tourists?|arrivals?|departures?|trips?|journeys?|riders?|ridership|flights?|"
    r"sales|sold|cases|deaths|births|admissions|applications|downloads|shipments?|containers?|teu|carried|"
    r"handled|produced|exported|imported|issued|registered)\b", re.IGNORECASE)


def counted_over_a_window(period: Period | None, counted: str | None = None, measure: str | None = None) -> bool:
    """Whether a count's period is a window within a year (a quarter, a half, "January–June 2022", the year to
    date; a month, where what is ``counted`` or the ``measure`` is a total over it): what is counted over a window is a total,
    not a state (a membership is counted at an instant or for a year, never for a quarter)."""
    if period is None or period.instant or period.streak is not None or period.start.year != period.end.year:
        return False
    if period.granularity in ("quarter", "half"):
        return True
    if period.granularity == "month":
        return any(name and _COUNTED_OVER_A_MONTH.search(name) for name in (counted, measure))
    whole_year = (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31)
    return period.granularity == "span" and not whole_year and (period.end - period.start).days >= 27


def signed(vocabulary: Vocabulary, measure: str | None) -> bool:
    """Whether a flow may be negative (a balance, a net figure), so that no window bounds another."""
    declared = vocabulary.signed(measure)
    if declared is not None:
        return declared
    return bool(measure and _SIGNED_WORDS.search(measure))


_ORDINAL_IN_NAME = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                              r"tenth|eleventh|twelfth|\w+teenth|\w+tieth|\w+ty-\w+(?:st|nd|rd|th))\b\s*")


def ordinal_in(name: str) -> tuple[int, str] | None:
    """The ordinal of an event's name and the name without it: '18th national congress of the cpc' is
    (18, 'national congress of the cpc'); None for a name with no ordinal."""
    found = _ORDINAL_IN_NAME.search(name)
    if found is None:
        return None
    word = found.group().strip()
    digits = re.match(r"\d+", word)
    number = int(digits.group()) if digits else ordinal_word_value(word)
    if number is None:
        return None
    return number, " ".join((name[:found.start()] + name[found.end():]).split())


def chronology_keys(row: Row, vocabulary: Vocabulary) -> list[Key]:
    """The chronology groups a row takes part in: its ordinal series, the orders that name it, its kind of event."""
    keys: list[Key] = []
    name = row.event if row.claim.date is not None else (
        row.subject if row.kind == "rank" and row.lo == 1 else None)
    if name is None:
        return keys
    ordinal = ordinal_in(name)
    if ordinal is not None and row.claim.date is not None:
        keys.append(("ordinal", ordinal[1]))
    keys.append(("kind", name))
    for index, relation in enumerate(vocabulary.relations):
        if isinstance(relation, Order) and name in relation.events:
            keys.append(("order", index))
    return keys


def since_keys(row: Row, vocabulary: Vocabulary) -> list[Key]:
    """A row whose period counts from an event (``since:``), and the rows that date that event."""
    keys = []
    if row.claim.since is not None and row.reading == 0 and not row.counted_from_items:  # one row per claim
        keys.append(("since", vocabulary.event(row.claim.since)))
    if row.claim.date is not None and row.event:
        keys.append(("since", row.event))
    return keys


def duration_keys(row: Row, vocabulary: Vocabulary) -> list[Key]:
    """The duration relations a row takes part in: as one of their events, or as a value of their measure."""
    keys = []
    for index, relation in enumerate(vocabulary.relations):
        if not isinstance(relation, Duration):
            continue
        if row.claim.date is not None and row.event in (relation.later, relation.earlier) or \
                row.kind is not None and row.measure == relation.measure:
            keys.append(("duration", index))
    return keys


__all__ = ["chronology_keys", "duration_keys", "ordinal_in", "signed", "since_keys", "time_kind"]
