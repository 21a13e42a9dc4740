"""A claim as one row of columns, and back: the claim's own fields, its reading, and the groups it joins.

Three sets of columns describe each claim:

- **the record**: every field of ``Claim`` under its own name, plain text and numbers as they are,
  and the parsed readings (value, period, stated, also, date, change, items) as their JSON, from
  which ``claims_of`` rebuilds the claim exactly (a test proves the round trip);
- **the reading**, flat, for people and SQL: the global id, the canonical subject, measure, scope
  and event, the interval in base units with its inclusivity, unit, kind and dimension, how time is
  read (flow, ratio, state), the window or instant and the statement time;
- **the blocks**: for each of the claim's rows (a value written twice gives two), every blocking key
  it is grouped by, worked out by the engine's own ``Filing``, so that SQL or Spark can group rows
  exactly as ``claimcheck.check`` does without knowing what the keys are.
"""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import pyarrow as pa
from pydantic import BaseModel, TypeAdapter
from pydantic_core import to_json

from claimcheck.corpus.records import REPEATED_NAMES, Claim
from claimcheck.corpus.vocabulary import Vocabulary
from claimcheck.engine.check import KEYS, Filing, Normalizer
from claimcheck.engine.findings import Key, Row
from claimcheck.read.periods import Period

_PLAIN_TYPES = {str: pa.string(), bool: pa.bool_(), int: pa.int64()}


def _plain_type(annotation: Any) -> pa.DataType | None:
    """The Arrow type of a field that is text, a flag or a number (optionally None); None for anything richer."""
    if annotation in _PLAIN_TYPES:
        return _PLAIN_TYPES[annotation]
    arguments = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
    if len(arguments) == 1 and arguments[0] in _PLAIN_TYPES and type(None) in annotation.__args__:
        return _PLAIN_TYPES[arguments[0]]
    return None


# Every field of Claim, read off the model so that a new field is stored without a change here.
PLAIN_FIELDS = {name: t for name, info in Claim.model_fields.items() if (t := _plain_type(info.annotation))}
JSON_FIELDS: dict[str, TypeAdapter[Any]] = {name: TypeAdapter(info.annotation)
                                            for name, info in Claim.model_fields.items()
                                            if name not in PLAIN_FIELDS and info.annotation is not None}
_DEFAULTS = {name: info.get_default(call_default_factory=True) for name, info in Claim.model_fields.items()}
_FIELDS_SET = frozenset(Claim.model_fields)

BLOCK = pa.struct([("name", pa.string()), ("key", pa.string()), ("reading", pa.int16()), ("counted", pa.bool_())])
READING_COLUMNS = [
    ("gid", pa.string()), ("file", pa.string()), ("position", pa.int32()),
    ("canonical_subject", pa.string()), ("canonical_measure", pa.string()), ("canonical_scope", pa.string()),
    ("canonical_event", pa.string()), ("kind", pa.string()), ("dimension", pa.string()), ("value_text", pa.string()),
    ("value_unit", pa.string()), ("low", pa.float64()), ("high", pa.float64()), ("low_inclusive", pa.bool_()),
    ("high_inclusive", pa.bool_()), ("time", pa.string()), ("period_start", pa.date32()),
    ("period_end", pa.date32()), ("instant", pa.bool_()), ("stated_start", pa.date32()), ("stated_end", pa.date32()),
]
SCHEMA = pa.schema([*READING_COLUMNS, *((name, t) for name, t in PLAIN_FIELDS.items()),
                    *((f"{name}_json", pa.string()) for name in JSON_FIELDS), ("blocks", pa.list_(BLOCK))])


def key_text(key: Key) -> str:
    """A blocking key as text that SQL can group by: equal keys, equal texts."""
    return json.dumps(key, ensure_ascii=False, separators=(",", ":"))


def key_of_text(text: str) -> Key:
    """The key ``key_text`` wrote (keys are tuples of text, numbers and tuples)."""
    def tupled(item: Any) -> Any:
        return tuple(tupled(part) for part in item) if isinstance(item, list) else item
    key: Key = tupled(json.loads(text))
    return key


def _day(ordinal: int) -> datetime.date | None:
    return datetime.date.fromordinal(ordinal) if ordinal else None


class ColumnWriter:
    """Claims into columns, with the rows and blocks the engine makes of them; one writer serves many files."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.filing = Filing(KEYS, vocabulary)
        # Claims share their readings (corpus.records reads each text once): each one's JSON is made once. The
        # reading is held beside its JSON so that its id is not reused while the memo lives.
        self.json: dict[int, tuple[Any, str]] = {}
        self.keys: dict[Key, str] = {}

    def _json(self, value: Any, adapter: TypeAdapter[Any]) -> str | None:
        if value is None:
            return None
        if isinstance(value, BaseModel):
            found = self.json.get(id(value))
            if found is None:
                if len(self.json) > 1 << 16:
                    self.json.clear()
                found = self.json[id(value)] = (value, to_json(value).decode())
            return found[1]
        return adapter.dump_json(value).decode()

    def _key(self, key: Key) -> str:
        found = self.keys.get(key)
        if found is None:
            if len(self.keys) > 1 << 16:
                self.keys.clear()
            found = self.keys[key] = key_text(key)
        return found

    def table(self, claims: list[Claim], file: str, published: Mapping[str, Period]) -> pa.Table:
        """The claims of one file (whose sources were published as ``published`` says) as a table."""
        normalizer = Normalizer(self.vocabulary, published)
        columns: dict[str, list[Any]] = {name: [] for name in SCHEMA.names}
        reading = [columns[name] for name, _ in READING_COLUMNS]
        plain = [(name, columns[name]) for name in PLAIN_FIELDS]
        nested = [(name, adapter, columns[f"{name}_json"]) for name, adapter in JSON_FIELDS.items()]
        del columns["blocks"]  # built column by column below: Arrow makes structs from dicts slowly
        offsets, block_names, block_keys, block_readings, block_counted = [0], [], [], [], []
        for position, claim in enumerate(claims):
            rows = normalizer.rows(claim)
            for column, item in zip(reading, _reading(rows[0], file, position), strict=True):
                column.append(item)
            for name, column in plain:
                column.append(getattr(claim, name))
            for name, adapter, column in nested:
                column.append(self._json(getattr(claim, name), adapter))
            for row in rows:
                for name, key in self.filing.keys(row):
                    block_names.append(name)
                    block_keys.append(self._key(key))
                    block_readings.append(row.reading)
                    block_counted.append(row.counted_from_items)
            offsets.append(len(block_names))
        arrays = [pa.array(columns[name], type=SCHEMA.field(name).type) for name in SCHEMA.names[:-1]]
        blocks = pa.StructArray.from_arrays(
            [pa.array(block_names, pa.string()), pa.array(block_keys, pa.string()),
             pa.array(block_readings, pa.int16()), pa.array(block_counted, pa.bool_())], fields=list(BLOCK))
        arrays.append(pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), blocks))
        return pa.Table.from_arrays(arrays, schema=SCHEMA)


def _reading(row: Row, file: str, position: int) -> Key:
    """The reading columns of a claim's first row, in the order of ``READING_COLUMNS``."""
    value = row.value
    period = row.claim.period
    return (row.gid, file, position, row.subject, row.measure, row.scope, row.event, row.kind, row.dimension,
            value.text if value else None, value.unit if value else None, row.lo, row.hi, row.lo_inc, row.hi_inc,
            row.time, _day(row.start), _day(row.end), bool(period and period.instant), _day(row.stated_start),
            _day(row.stated_end))


RECORD_COLUMNS = [*PLAIN_FIELDS, *(f"{name}_json" for name in JSON_FIELDS)]


@cache
def _reader(name: str) -> Callable[[str | None], Any]:
    """Per field, a memo of JSON text → reading: real corpora repeat their values and periods."""
    adapter = JSON_FIELDS[name]
    memo: dict[str, Any] = {}

    def read(text: str | None) -> Any:
        if text is None:
            return _DEFAULTS[name]
        found = memo.get(text)
        if found is None:
            if len(memo) > 1 << 16:
                memo.clear()
            found = memo[text] = adapter.validate_json(text)
        return found
    return read


def claims_of(columns: Mapping[str, list[Any]]) -> list[Claim]:
    """The claims whose record columns are given (as lists, one item per claim), rebuilt exactly.

    They were validated when they were stored, and every field is given: each is built as
    ``Claim.model_construct`` builds it, without its search for defaults, a third of the cost of
    reading a store (the round trip is tested).
    """
    names = list(Claim.model_fields)  # in the model's order, as validation would set them
    values = [[None if text is None else sys.intern(text) for text in columns[name]] if name in REPEATED_NAMES else
              columns[name] if name in PLAIN_FIELDS else [_reader(name)(text) for text in columns[f"{name}_json"]]
              for name in names]
    out = []
    new, set_attribute = object.__new__, object.__setattr__
    for fields in zip(*values, strict=True):
        claim = new(Claim)
        set_attribute(claim, "__dict__", dict(zip(names, fields, strict=True)))
        set_attribute(claim, "__pydantic_fields_set__", _FIELDS_SET)
        set_attribute(claim, "__pydantic_extra__", None)
        set_attribute(claim, "__pydantic_private__", None)
        out.append(claim)
    return out


def claims_from_table(table: pa.Table | pa.RecordBatch) -> list[Claim]:
    return claims_of({name: table.column(name).to_pylist() for name in RECORD_COLUMNS})


__all__ = ["BLOCK", "ColumnWriter", "JSON_FIELDS", "PLAIN_FIELDS", "RECORD_COLUMNS", "SCHEMA", "claims_from_table",
           "claims_of", "key_of_text", "key_text"]
