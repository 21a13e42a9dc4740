"""The news-sentence regression set (tests/gold/news_sentences.yaml): its cases, and how a case is scored.

Used by tests/test_news_sentences.py, which asserts every case, and by benchmarks/peers.py, which
prints the scores. A candidate stands for an expected value when its span overlaps the expected
span and it has the expected unit and number (the number as written: either bound or the middle);
the other fields are then compared one by one.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from claimcheck import parse_period
from claimcheck.extraction.candidates import Candidate, extract

GOLD = Path(__file__).parent / "gold" / "news_sentences.yaml"

_HEDGED = re.compile(r"(?i)\b(?:about|around|approximately|roughly|some|nearly|almost|over|under|more than|less than|"
                     r"fewer than|at least|at most|up to|just over|just under|below|above|sub)\b|[<>~]")


@dataclass
class Expected:
    span: str
    unit: str
    number: float
    bounds: str
    period: tuple[date, date] | None
    quote: str
    direction: str | None = None
    written: str | None = None
    also: str | None = None
    stated: tuple[date, date] | None = None
    guesses: dict[str, str] = field(default_factory=dict)

    @property
    def hedged(self) -> bool:
        return bool(_HEDGED.search(self.span))


@dataclass
class Case:
    id: str
    text: str
    published: str
    values: list[Expected]
    refused: list[str]
    dates: list[tuple[date, date]] | None
    pending: str | None


def cases() -> list[Case]:
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    default_published = str(data["published"])
    out = []
    for raw in data["cases"]:
        values = []
        for value in raw["values"]:
            number, unit = value["value"]
            values.append(Expected(
                span=value["span"], unit=unit, number=float(number), bounds=value["bounds"],
                period=period_bounds(value["period"]), quote=value["quote"], direction=value.get("direction"),
                written=value.get("written"), also=value.get("also"), stated=period_bounds(value.get("stated")),
                guesses={k: value[k] for k in ("subject", "measure", "scope") if k in value}))
        out.append(Case(raw["id"], raw["text"], str(raw.get("published", default_published)), values,
                        raw.get("refused", []), [period_bounds(d) for d in raw["dates"]] if "dates" in raw else None,
                        raw.get("pending")))
    return out


_MONTHS = {name: k for k, name in enumerate(calendar.month_name) if name}


def period_bounds(written: str | None) -> tuple[date, date] | None:
    """The first and last day of a period as the set writes it: "2023", "March 2020", "Q3 2023", "H1 2021",
    "2012–2021", "2022-05-01", "2013-01-01..2024-06-30" (none of the period grammar's relative forms)."""
    if written is None:
        return None
    if ".." in written:
        first, last = written.split("..")
        return date.fromisoformat(first), date.fromisoformat(last)
    if m := re.fullmatch(r"(\d{4})–(\d{4})", written):
        return date(int(m[1]), 1, 1), date(int(m[2]), 12, 31)
    if m := re.fullmatch(r"([QH])([1-4]) (\d{4})", written):
        months = 3 if m[1] == "Q" else 6
        year, k = int(m[3]), int(m[2])
        return date(year, months * (k - 1) + 1, 1), _month_end(year, months * k)
    if m := re.fullmatch(r"([A-Z][a-z]+) (\d{4})", written):
        year, month = int(m[2]), _MONTHS[m[1]]
        return date(year, month, 1), _month_end(year, month)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", written):
        return date.fromisoformat(written), date.fromisoformat(written)
    year = int(written)
    return date(year, 1, 1), date(year, 12, 31)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def label(candidate: Candidate) -> tuple[date, date] | None:
    """A candidate's period as its first and last day (labels are a report's business, and may change)."""
    return (candidate.period.start, candidate.period.end) if candidate.period is not None else None


def stated(candidate: Candidate, case: Case) -> tuple[date, date] | None:
    """When a candidate says its value was stated, as first and last day."""
    if candidate.stated is None:
        return None
    period = parse_period(candidate.stated, published=case.published)
    return period.start, period.end


def number_right(candidate: Candidate, expected: Expected) -> bool:
    """Whether a candidate has the expected unit and, as either bound or the middle, the expected number."""
    value = candidate.value
    if value is None or value.unit != expected.unit:
        return False
    low, high = value.low_magnitude, value.high_magnitude
    numbers = [x for x in (low, high) if x is not None]
    if low is not None and high is not None:
        numbers.append((low + high) / 2)
    return any(math.isclose(x, expected.number, rel_tol=1e-3, abs_tol=1e-9) for x in numbers)


def where(case: Case, expected: Expected) -> tuple[int, int]:
    at = case.text.find(expected.span)
    assert at >= 0, f"{case.id}: {expected.span!r} is not in the text"
    return at, at + len(expected.span)


def matched(case: Case, found: list[Candidate]) -> list[tuple[Expected, Candidate | None]]:
    """Each expected value with the candidate that stands for it (each candidate used once), or None."""
    values = [c for c in found if c.value is not None]
    used: set[int] = set()
    pairs = []
    for expected in case.values:
        start, end = where(case, expected)
        best = None
        for k, candidate in enumerate(values):
            if k in used or not (candidate.start < end and start < candidate.end):
                continue
            if number_right(candidate, expected):
                best = k
                break
        if best is not None:
            used.add(best)
        pairs.append((expected, values[best] if best is not None else None))
    return pairs


def extracted(case: Case) -> list[Candidate]:
    return extract(case.text, published=case.published)


@dataclass
class Scores:
    expected: int = 0
    found: int = 0
    right: int = 0
    hedged: int = 0
    hedged_right: int = 0
    bounds_right: int = 0
    directions: int = 0
    directions_right: int = 0
    spurious_directions: int = 0
    periods_right: int = 0
    quotes_right: int = 0

    @property
    def f1(self) -> float:
        return 2 * self.right / (self.expected + self.found) if self.expected + self.found else 1.0


def score(all_cases: list[Case]) -> Scores:
    s = Scores()
    for case in all_cases:
        found = extracted(case)
        s.found += sum(c.value is not None for c in found)
        for expected, candidate in matched(case, found):
            s.expected += 1
            s.hedged += expected.hedged
            s.directions += expected.direction is not None
            if candidate is None:
                continue
            s.right += 1
            same_bounds = candidate.value.interval_text() == expected.bounds
            s.bounds_right += same_bounds
            s.hedged_right += expected.hedged and same_bounds
            direction = candidate.direction
            s.directions_right += expected.direction is not None and direction == expected.direction
            s.spurious_directions += expected.direction is None and direction is not None
            s.periods_right += label(candidate) == expected.period
            s.quotes_right += case.text[slice(*candidate.quote)] == expected.quote
    return s


__all__ = ["Case", "Expected", "GOLD", "Scores", "cases", "extracted", "label", "matched", "number_right", "score",
           "stated", "where"]
