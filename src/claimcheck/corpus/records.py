"""Typed records: a source document, the claims curated from it, and a corpus of both.

Records are frozen pydantic models that forbid unknown keys, so a typo in a claim file is an
error naming the field. Values and periods may be given as text; they are parsed on the way in,
periods against the source's publication date (passed as validation context ``published``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from claimcheck.corpus.vocabulary import Vocabulary
from claimcheck.errors import Problem
from claimcheck.read.grammar import parse_value
from claimcheck.read.periods import Period, as_of_publication, parse_period
from claimcheck.read.tolerances import DEFAULT_TOLERANCES
from claimcheck.read.values import Value

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


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
    text: str | None = Field(None, description="path to the source text, relative to the claims folder")
    citation: str | None = None
    note: str | None = None
    draft: bool = Field(False, description="written by 'claimcheck extract' and not yet reviewed by a person")

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _check_id(value, "source id")

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> Any:
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            period = parse_period(str(value))
            if period.granularity not in ("year", "month", "day"):
                raise ValueError(f"published must be a year, year-month or date (got {value!r})")
            return period
        return value


class Claim(BaseModel):
    """One quantitative or dated claim, as curated from a source.

    A claim carries a value (with subject, measure and scope), a dated event, or an
    enumeration (items), or several of these. Its global id is ``<source-id>/<claim-id>``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    source_id: str = ""
    quote: str | None = None
    subject: str | None = None
    measure: str | None = None
    scope: str | None = None
    unit: str | None = None
    value: Value | None = None
    period: Period | None = None
    event: str | None = None
    date: Period | None = None
    items: tuple[str, ...] | None = None
    complete: bool = True
    note: str | None = None
    line: int | None = Field(None, exclude=True, description="line in the claim file, for messages only")

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _check_id(value, "claim id")

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"a value must be a number or text, not {value!r}")
        if isinstance(value, (int, float)):
            value = str(value)
        if isinstance(value, str):
            tolerances = (info.context or {}).get("tolerances") or DEFAULT_TOLERANCES
            return parse_value(value, unit=info.data.get("unit"), tolerances=tolerances)
        return value

    @field_validator("period", "date", mode="before")
    @classmethod
    def _period(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"a period must be text, not {value!r}")
        if isinstance(value, (str, int)):
            published = (info.context or {}).get("published")
            return parse_period(str(value), published=published)
        return value

    @field_validator("items", mode="before")
    @classmethod
    def _items(cls, value: Any) -> Any:
        if isinstance(value, list):
            if not all(isinstance(item, str) and item.strip() for item in value):
                raise ValueError("items must be a list of non-empty names")
            duplicates = sorted({item for item in value if value.count(item) > 1})
            if duplicates:
                raise ValueError(f"items lists {', '.join(map(repr, duplicates))} more than once")
        return value

    @model_validator(mode="before")
    @classmethod
    def _as_of_publication(cls, data: Any, info: ValidationInfo) -> Any:
        """A value with no period is read as of the source's publication, and says so."""
        published = (info.context or {}).get("published")
        if isinstance(data, dict) and data.get("value") is not None and data.get("period") is None and published:
            data = {**data, "period": as_of_publication(published)}
        return data

    @model_validator(mode="after")
    def _says_something(self) -> Claim:
        if self.value is None and self.date is None and self.items is None:
            raise ValueError("a claim needs a value, a date (with event) or items")
        if (self.value is not None or self.items is not None) and not self.measure:
            raise ValueError("a claim with a value or items needs a measure")
        if self.date is not None and not self.event:
            raise ValueError("a claim with a date needs an event")
        return self

    @property
    def global_id(self) -> str:
        return f"{self.source_id}/{self.id}"


@dataclass
class Corpus:
    """What ``load`` returns: sources, claims, the vocabulary, and any problems found."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    vocabulary: Vocabulary | None = None
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # source id → its claim file

    def __iter__(self):
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    def claim(self, global_id: str) -> Claim:
        for claim in self.claims:
            if claim.global_id == global_id:
                return claim
        raise KeyError(global_id)


__all__ = ["Claim", "Corpus", "Source"]
