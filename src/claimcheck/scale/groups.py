"""The rules of ``claimcheck.check`` run on groups that an engine (DuckDB, Spark) has gathered from the store.

An engine sends batches of **members**: one row per (group, claim row), the group named by its
blocking key (``name``, ``key``), ordered by group and, within a group, by claim id as ``check``
orders rows, each with the record columns of its claim. ``GroupRunner.run`` rebuilds the claims,
normalizes them with the engine's own ``Normalizer``, runs the rules registered for the key on each
group, and gives back each finding as a flat record (``Finding.to_record``) with the keys that put
the findings in the order ``check`` lists them: verdict, rule, group (by its first row), and the
order the rule gave.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from claimcheck.corpus.vocabulary import EMPTY, Vocabulary
from claimcheck.engine.check import KEYS, Normalizer, active_rules, chosen_rules, stamped
from claimcheck.engine.findings import VERDICTS, Context, Finding, Row
from claimcheck.engine.rules import Rule
from claimcheck.errors import Problem
from claimcheck.read.periods import Period
from claimcheck.store.columns import RECORD_COLUMNS, claims_of, key_of_text

MEMBER_COLUMNS = ["name", "key", "first_gid", "first_reading", "first_counted", "gid", "reading", "counted"]
INPUT_COLUMNS = [*MEMBER_COLUMNS, *RECORD_COLUMNS]
FINDING_SCHEMA = pa.schema([
    ("verdict_rank", pa.int8()), ("code", pa.string()), ("group_gid", pa.string()), ("group_reading", pa.int16()),
    ("group_counted", pa.bool_()), ("index", pa.int32()),
    ("name", pa.string()), ("verdict", pa.string()), ("confidence", pa.string()), ("message", pa.string()),
    ("explanation", pa.string()), ("assumptions", pa.list_(pa.string())), ("row_ids", pa.list_(pa.string())),
    ("row_readings", pa.list_(pa.int16())), ("row_counted", pa.list_(pa.bool_())),
    ("sides", pa.list_(pa.list_(pa.int32()))), ("extra_ids", pa.list_(pa.string())), ("gap", pa.float64()),
    ("location_file", pa.string()), ("location_line", pa.int64()), ("explained_by", pa.list_(pa.string())),
    ("fingerprint", pa.string()),
])
ORDER = ["verdict_rank", "code", "group_gid", "group_reading", "group_counted", "index"]
_RANK = {verdict: rank for rank, verdict in enumerate(VERDICTS)}


def chosen(vocabulary: Vocabulary | None, select: Sequence[str] | None, ignore: Sequence[str] | None) -> list[Rule]:
    """The rules ``check`` would run with these choices: every registered rule that is chosen and applies."""
    return active_rules(chosen_rules(select, ignore), Context(vocabulary or EMPTY))


def record_of(finding: Finding, rank_of_group: tuple[str, int, bool], index: int) -> dict[str, Any]:
    gid, reading, counted = rank_of_group
    return {"verdict_rank": _RANK[finding.verdict], "code": finding.code, "group_gid": gid,
            "group_reading": reading, "group_counted": counted, "index": index, **finding.to_record()}


class GroupRunner:
    """Runs the chosen rules on groups of stored claims, as ``check`` runs them on its own groups."""

    def __init__(self, vocabulary: Vocabulary | None, published: Mapping[str, Period],
                 select: Sequence[str] | None = None, ignore: Sequence[str] | None = None) -> None:
        self.ctx = Context(vocabulary or EMPTY)
        self.normalizer = Normalizer(self.ctx.vocabulary, published)
        self.rules: dict[str, list[Rule]] = {}
        for rule in chosen(vocabulary, select, ignore):
            self.rules.setdefault(rule.key, []).append(rule)

    @property
    def keys(self) -> list[str]:
        """The blocking keys the chosen rules group by (the data rules run on problems, not groups)."""
        return [key for key in self.rules if key != "problems"]

    def run(self, members: Mapping[str, list[Any]]) -> list[dict[str, Any]]:
        """The findings of the groups in ``members`` (columns as lists, every group whole), as records."""
        collecting = gc.isenabled()
        gc.disable()  # as check does: the rules make no reference cycles, and collections would walk every row
        try:
            return self._run(members)
        finally:
            if collecting:
                gc.enable()

    def _run(self, members: Mapping[str, list[Any]]) -> list[dict[str, Any]]:
        claims = claims_of({name: members[name] for name in RECORD_COLUMNS})
        rows_of: dict[str, list[Row]] = {}
        out: list[dict[str, Any]] = []
        names, keys = members["name"], members["key"]
        gids, readings, counted = members["gid"], members["reading"], members["counted"]
        start = 0
        total = len(names)
        while start < total:
            end = start + 1
            while end < total and names[end] == names[start] and keys[end] == keys[start]:
                end += 1
            group = []
            for i in range(start, end):
                rows = rows_of.get(gids[i])
                if rows is None:
                    rows = rows_of[gids[i]] = self.normalizer.rows(claims[i])
                group.append(next(r for r in rows if r.reading == readings[i] and r.counted_from_items == counted[i]))
            first = (members["first_gid"][start], members["first_reading"][start], members["first_counted"][start])
            for rule in self.rules.get(names[start], ()):
                found = rule.check(group, self.ctx, key_of_text(keys[start])) if KEYS[rule.key].with_vocabulary \
                    else rule.check(group, self.ctx)
                for index, finding in enumerate(stamped(rule, found)):
                    out.append(record_of(finding, first, index))
            start = end
        return out

    def problems(self, problems: Sequence[Problem]) -> list[dict[str, Any]]:
        """The findings of the data rules on the corpus's problems, as records."""
        out = []
        for rule in self.rules.get("problems", ()):
            chosen_problems = [p for p in problems if p.code == rule.code]
            for index, finding in enumerate(stamped(rule, rule.check(chosen_problems))):
                out.append(record_of(finding, ("", 0, False), index))
        return out


def findings_table(records: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(records, schema=FINDING_SCHEMA)


def write_findings(findings: Sequence[Finding], out: Path) -> None:
    """Findings already in ``check``'s order (the local engine's) as the engines' table, written whole or not."""
    import pyarrow.parquet as pq

    records = [record_of(finding, ("", 0, False), index) for index, finding in enumerate(findings)]
    temporary = out.with_name(f".{out.name}.tmp")
    pq.write_table(findings_table(records), temporary)
    temporary.replace(out)


def failing(findings: pa.Table, levels: Sequence[str], reviewed: set[str]) -> int:
    """How many findings of a table fail a run: of a verdict in ``levels``, and not reviewed."""
    return sum(1 for verdict, fingerprint in zip(findings.column("verdict").to_pylist(),
                                                  findings.column("fingerprint").to_pylist(), strict=True)
               if verdict in levels and fingerprint not in reviewed)


def in_order(table: pa.Table) -> pa.Table:
    """Findings in ``check``'s order, whichever part files (Spark's) or batches they came in."""
    return table.sort_by([(name, "ascending") for name in ORDER]) if table.num_rows else table


__all__ = ["FINDING_SCHEMA", "INPUT_COLUMNS", "MEMBER_COLUMNS", "ORDER", "GroupRunner", "chosen", "findings_table",
           "failing", "in_order", "record_of", "write_findings"]
