"""How a measure moves in time: a flow over a window, a ratio over a window, or a state at an instant."""

from __future__ import annotations

import re

from claimcheck.corpus.vocabulary import Vocabulary
from claimcheck.engine.findings import TimeKind
from claimcheck.read import units
from claimcheck.read.values import Value

_SIGNED_WORDS = re.compile(r"\b(?:balance|surplus|deficit|net|profit|profits|loss|losses|change|income|earnings)\b")


def time_kind(vocabulary: Vocabulary, measure: str | None, value: Value) -> TimeKind:
    """How a claim's time is read: as the vocabulary declares for its measure, else from its value.

    Money is a flow over a window (a total); a share, a rate, a change, percentage points, money
    per unit and a percentage above 100 are ratios over a window; a count, a rank, a category and
    a physical quantity are states at an instant.
    """
    declared = vocabulary.measure_kind(measure)
    if declared is not None:
        return declared
    kind = value.kind
    if kind in ("share", "rate", "change_multiple", "difference"):
        return "ratio"
    if kind in ("count", "rank", "category"):
        return "state"
    if units.is_money(value.unit):
        return "flow"
    if "/" in value.unit or value.unit == units.PERCENT:
        return "ratio"
    return "state"


def signed(vocabulary: Vocabulary, measure: str | None) -> bool:
    """Whether a flow may be negative (a balance, a net figure), so that no window bounds another."""
    declared = vocabulary.signed(measure)
    if declared is not None:
        return declared
    return bool(measure and _SIGNED_WORDS.search(measure))


__all__ = ["signed", "time_kind"]
