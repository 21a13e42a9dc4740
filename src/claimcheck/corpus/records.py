"""Typed records: a source document, the claims curated from it, and a corpus of both.

Records are frozen pydantic models that forbid unknown keys, so a typo in a claim file is an
error naming the field. Values and periods may be given as text; they are parsed on the way in,
periods against the source's publication date (passed as validation context ``published``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from rich import box
from rich.table import Table
from rich.text import Text

from claimcheck.corpus.vocabulary import Vocabulary
from claimcheck.errors import Problem, ValueParseError
from claimcheck.read import units
from claimcheck.read.categories import parse_category
from claimcheck.read.forms import is_superlative
from claimcheck.read.grammar import parse_value
from claimcheck.read.periods import Period, as_of_publication, parse_period
from claimcheck.read.tolerances import DEFAULT_TOLERANCES, Tolerances
from claimcheck.read.values import Value, overlap

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")

_GIVEN_FIELDS: dict[frozenset[str], set[str]] = {}
# Names that claims repeat, kept once each in memory (see Claim.model_post_init and the store's claims_of).
REPEATED_NAMES = ("source_id", "subject", "measure", "scope", "unit", "since", "event")


# Real corpora write the same values and periods again and again ("2022", "41.9%"): each reading is
# made once per process. Values and periods are frozen, so claims may share them.
@lru_cache(maxsize=1 << 16)
def _read_value(text: str, unit: str | None, tolerances: Tolerances) -> Value:
    return parse_value(text, unit=unit, tolerances=tolerances)


@lru_cache(maxsize=1 << 16)
def _read_period(text: str, anchor: Period | None) -> Period:
    return parse_period(text, published=anchor)


def _check_id(value: str, what: str) -> str:
    if not _ID.fullmatch(value):
        raise ValueError(f"{what} {value!r} must be letters, digits, '.', '_' or '-', starting with a letter or digit")
    return value


class Source(BaseModel):
    """A source document: who wrote it, when, and optionally where its text is."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str | None = None
    author: str | None = None
    affiliation: str | None = None
    published: Period | None = None
    text: str | None = Field(default=None, description="path to the source text, relative to the claims folder")
    citation: str | None = None
    note: str | None = None
    draft: bool = Field(default=False, description="written by 'claimcheck extract' and not yet reviewed by a person")

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _check_id(value, "source id")

    def __str__(self) -> str:
        """'wang-2025: Wang Jian, (untitled article ...), 2025'."""
        published = self.published.label(note=False) if self.published else None
        return f"{self.id}: " + ", ".join(part for part in (self.author, self.title, published) if part) \
            if (self.author or self.title or published) else self.id

    def __repr__(self) -> str:
        return f"Source({str(self)!r})"

    def __rich__(self) -> Text:
        return Text(str(self))

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> Any:
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            period = parse_period(str(value))
            if period.relative or period.instant or period.streak is not None or (
                    period.granularity not in ("year", "month", "day") and not period.approximate):
                raise ValueError(f"published must be a year, year-month or date, or an approximate part such as 'late 2021' (got {value!r})")
            return period
        return value


class Claim(BaseModel):
    """One quantitative or dated claim, as curated from a source.

    A claim carries a value (with subject, measure and scope), a dated event, or an
    enumeration (items), or several of these. Its global id is ``<source-id>/<claim-id>``.

    Time comes twice: ``period`` is when the value holds (its valid time), ``stated`` when it was
    said (by default the source's publication). Relative periods resolve against ``stated`` when
    it is given. A value may be written twice, in two currencies (``also``), and is never converted.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    source_id: str = ""
    quote: str | None = None
    subject: str | None = None
    measure: str | None = None
    scope: str | None = None
    unit: str | None = None
    stated: Period | None = None
    value: Value | None = None
    also: tuple[Value, ...] = ()
    period: Period | None = None
    since: str | None = None  # the event a "since 2012" period counts from: the 18th National Congress
    event: str | None = None
    date: Period | None = None
    change: Value | None = None
    items: tuple[str, ...] | None = None
    complete: bool = True
    derived: str | None = None
    note: str | None = None
    line: int | None = Field(default=None, exclude=True, description="line in the claim file, for messages only")

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _check_id(value, "claim id")

    @field_validator("stated", mode="before")
    @classmethod
    def _stated(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            stated = parse_period(str(value), published=(info.context or {}).get("published"))
            if stated.streak is not None:
                raise ValueError("stated must be a date or period, not a run of years")
            return stated
        return value

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"a value must be a number or text, not {value!r}")
        if isinstance(value, (int, float)):
            value = str(value)
        if not isinstance(value, str):
            return value
        context = info.context or {}
        vocabulary = context.get("vocabulary")
        measure = info.data.get("measure")
        if vocabulary is not None and measure and vocabulary.categories(vocabulary.measure(measure)) is not None:
            canonical = vocabulary.measure(measure)
            entry = vocabulary.categories(canonical)
            return parse_category(value, canonical=lambda name: vocabulary.category(canonical, name),
                                  allowed=tuple(dict.fromkeys((entry.categories or {}).values())))
        try:
            return _read_value(value, info.data.get("unit"), context.get("tolerances") or DEFAULT_TOLERANCES)
        except ValueParseError as exc:
            superlative = next((word for word in value.lower().split() if is_superlative(word.strip(",."))), None)
            if superlative is not None:  # a rank written in a way the grammar does not read: no category
                raise ValueParseError(value, f"{exc.reason}. {superlative!r} is a superlative, which a value reads as "
                                             "a rank when written as one: 'largest', 'the fastest-growing', "
                                             "'second-largest'") from None
            if measure and re.fullmatch(r"[^\W\d_][\w ,.'’-]*", value.strip()):
                raise ValueParseError(value, f"{exc.reason}. If {value.strip()!r} is a category (a status or a name), "
                                             f"declare it in vocabulary.yaml: measures: {measure}: {{categories: "
                                             f"[{value.strip()}, ...]}} or {{categories: open}}") from None
            raise

    @field_validator("also", mode="before")
    @classmethod
    def _also(cls, value: Any, info: ValidationInfo) -> Any:
        """The same quantity written again, in another currency or unit: text, or a list of texts."""
        texts = [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value
        if not isinstance(texts, (list, tuple)) or not texts:
            raise ValueError("also must be a value, or a list of values, each as written")
        readings = []
        tolerances = (info.context or {}).get("tolerances") or DEFAULT_TOLERANCES
        for text in texts:
            if isinstance(text, Value):
                readings.append(text)
                continue
            if isinstance(text, bool) or not isinstance(text, (str, int, float)):
                raise ValueError(f"each also must be a value as written, not {text!r}")
            readings.append(parse_value(str(text), tolerances=tolerances))
        return tuple(readings)

    @field_validator("change", mode="before")
    @classmethod
    def _change(cls, value: Any, info: ValidationInfo) -> Any:
        """What an event does to its subject's measure: '+1', '-2', 'one'; a leading sign is kept."""
        if isinstance(value, bool):
            raise ValueError(f"a change must be a number, not {value!r}")
        if isinstance(value, (int, float)):
            value = str(value)
        if isinstance(value, str):
            text = value.strip()
            body = text[1:] if text[:1] in "+-−" else text
            change = parse_value(body, unit=info.data.get("unit"))
            if change.low_magnitude is None or change.high_magnitude is None or change.is_category:
                raise ValueError(f"a change must be one number, such as +1 or -2 (got {value!r})")
            if text[:1] in "-−":
                change = change.model_copy(update={
                    "text": text, "low_magnitude": -change.high_magnitude, "high_magnitude": -change.low_magnitude,
                    "loose_low_magnitude": None if change.loose_high_magnitude is None else -change.loose_high_magnitude,
                    "loose_high_magnitude": None if change.loose_low_magnitude is None else -change.loose_low_magnitude})
            else:
                change = change.model_copy(update={"text": text})
            return change
        return value

    @field_validator("period", "date", mode="before")
    @classmethod
    def _period(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"a period must be text, not {value!r}")
        if isinstance(value, (str, int)):
            anchor = info.data.get("stated") or (info.context or {}).get("published")
            text = str(value)
            if info.field_name == "date" and (by := re.match(r"\s*by (?=the end of )", text, re.I)):
                # A state is observed "by the end of 2018"; an event expected "by the end of 2023" is no later.
                period = _read_period(f"no later than {text[by.end():]}", anchor)
                return period.model_copy(update={"text": text})
            return _read_period(text, anchor)
        return value

    @field_validator("items", mode="before")
    @classmethod
    def _items(cls, value: Any) -> Any:
        if isinstance(value, list):
            if not all(isinstance(item, str) and item.strip() for item in value):
                raise ValueError("items must be a list of non-empty names")
            duplicates = sorted(item for item, times in Counter(value).items() if times > 1)  # one pass, not one per item
            if duplicates:
                raise ValueError(f"items lists {', '.join(map(repr, duplicates))} more than once")
        return value

    @field_validator("since")
    @classmethod
    def _since(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        period = info.data.get("period")
        if not value.strip():
            raise ValueError("must not be empty; leave the key out instead")
        if period is None or period.assumed:
            raise ValueError("since names the event a period counts from: give the period too, as the text "
                             "does ('since 2012')")
        if period.start_latest is None:
            raise ValueError(f"since names the event a period counts from, and period {period.text!r} does not "
                             f"count from one: write it 'since <year or date of the event>'")
        return value

    @field_validator("derived", "note", "quote")
    @classmethod
    def _text(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be empty; leave the key out instead")
        return value

    @model_validator(mode="before")
    @classmethod
    def _as_of_statement(cls, data: Any, info: ValidationInfo) -> Any:
        """A value or list with no period is read as of its statement (``stated``, else the publication), and says so."""
        if not isinstance(data, dict) or data.get("period") is not None or (
                data.get("value") is None and data.get("items") is None) or data.get("date") is not None:
            return data
        published = (info.context or {}).get("published")
        stated = data.get("stated")
        if isinstance(stated, (str, int)) and not isinstance(stated, bool):
            try:
                stated = parse_period(str(stated), published=published)
            except ValueError:
                return data  # the stated field reports its own error
        anchor = stated if isinstance(stated, Period) else published
        if anchor is None:
            return data
        return {**data, "period": as_of_publication(anchor, stated=isinstance(stated, Period))}

    @model_validator(mode="after")
    def _says_something(self) -> Claim:
        if self.value is None and self.date is None and self.items is None:
            raise ValueError("a claim needs a value, a date (with event) or items")
        if (self.value is not None or self.items is not None) and not self.measure:
            raise ValueError("a claim with a value or items needs a measure")
        if self.date is not None and not self.event:
            raise ValueError("a claim with a date needs an event")
        if self.change is not None and (self.date is None or not self.measure):
            raise ValueError("a change belongs to an event that changes a measure: give event, date and measure")
        if self.also:
            if self.value is None or self.value.is_category:
                raise ValueError("also writes the value again: give the value first")
            _agree(self.value, self.also)
        return self

    def model_post_init(self, context: Any, /) -> None:
        """Shares what claims repeat. A corpus gives a handful of combinations of fields and writes the same
        names again and again; one set of given fields per combination (pydantic copies it before it
        changes it) and one copy of each name keep a million claims in half the memory."""
        given = frozenset(self.__pydantic_fields_set__)
        object.__setattr__(self, "__pydantic_fields_set__", _GIVEN_FIELDS.setdefault(given, set(given)))
        fields = self.__dict__
        for name in REPEATED_NAMES:
            if fields[name] is not None:
                fields[name] = sys.intern(fields[name])

    @property
    def global_id(self) -> str:
        return f"{self.source_id}/{self.id}"

    def __str__(self) -> str:
        """'wang-2025/trade-share-2022: China · trade share · neighbouring countries = 41.9% → [41.85, 41.95] % (2022)'."""
        about = " · ".join(part for part in (self.subject, self.measure, self.scope) if part)
        said = []
        if self.value is not None:
            period = f" ({self.period.label()})" if self.period else ""
            said.append(f"{about} = {self.value.text} → {self.value.interval_text()}{period}")
        if self.date is not None:
            said.append(f"{self.event} on {self.date.label()}")
        text = f"{self.global_id}: {'; '.join(said)}" if said else f"{self.global_id}: {about}:"
        if self.items is not None:
            text += f"{',' if said else ''} naming {len(self.items)} items"
        return text

    def __repr__(self) -> str:
        return f"Claim({str(self)!r})"

    def __rich__(self) -> Text:
        return Text(str(self))


def _agree(value: Value, also: tuple[Value, ...]) -> None:
    """``also`` gives the same quantity: another currency, never converted; or the same dimension, overlapping."""
    seen = {value.unit}
    for other in also:
        if other.is_category:
            raise ValueError(f"also {other.text!r} is a category, not a value")
        if other.unit in seen and (units.is_money(other.unit) or other.unit == value.unit):
            raise ValueError(f"also {other.text!r} is in {other.unit}, which the claim already gives; also is for "
                             "the same quantity in another currency or unit")
        seen.add(other.unit)
        if not (units.is_money(value.unit) and units.is_money(other.unit)) and _same_dimension(value, other):
            a = _in_base(value)
            b = _in_base(other)
            if not overlap(*a, *b):
                raise ValueError(f"also {other.text!r} ({other.interval_text()}) does not agree with the value "
                                 f"{value.text!r} ({value.interval_text()})")


def _same_dimension(a: Value, b: Value) -> bool:
    try:
        return units.dimension_of(a.unit) == units.dimension_of(b.unit)
    except Exception:  # noqa: BLE001 - pint fails on odd units in several ways; they are then not compared
        return False


def _in_base(value: Value) -> tuple[float | None, float | None, bool, bool]:
    factor = units.base_form(value.unit)[0]
    low, high = value.low_magnitude, value.high_magnitude
    return (None if low is None else low * factor, None if high is None else high * factor, value.low_inclusive,
            value.high_inclusive)


@dataclass(repr=False)
class Corpus:
    """What ``load`` returns: sources, claims, the vocabulary, and any problems found."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    vocabulary: Vocabulary | None = None
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # source id → its claim file

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    def __repr__(self) -> str:
        return (f"Corpus({self.root.as_posix()!r}: {_count(len(self.sources), 'source')}, "
                f"{_count(len(self.claims), 'claim')}, {_count(len(self.problems), 'problem')})")

    def __rich__(self) -> Table:
        """The sources, one row each, with how many claims each gives."""
        table = Table(title=Text(repr(self)), title_justify="left", box=box.SIMPLE_HEAD)
        for column in ("source", "author", "published", "claims"):
            table.add_column(column, justify="right" if column == "claims" else "left")
        per_source: dict[str, int] = {}
        for claim in self.claims:
            per_source[claim.source_id] = per_source.get(claim.source_id, 0) + 1
        for source_id, source in sorted(self.sources.items()):
            published = source.published.label(note=False) if source.published else ""
            table.add_row(Text(source_id), Text(source.author or ""), Text(published),
                          Text(str(per_source.get(source_id, 0))))
        return table

    def claim(self, global_id: str) -> Claim:
        for claim in self.claims:
            if claim.global_id == global_id:
                return claim
        raise KeyError(global_id)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


__all__ = ["REPEATED_NAMES", "Claim", "Corpus", "Source"]
