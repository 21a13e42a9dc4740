"""A report from an engine's findings: the findings read back, with the rows of the corpus they are about.

The findings an engine wrote (DuckDB's or Spark's Parquet) become ``Finding`` objects again, their
words, sides and fingerprints as the rules gave them, over the rows the engine's ``Normalizer``
makes of the corpus; coverage is then worked out by ``check``'s own code on first use. Every
report format reads the result as it reads ``claimcheck.check``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyarrow.parquet as pq

from claimcheck.corpus.records import Corpus
from claimcheck.corpus.vocabulary import EMPTY
from claimcheck.engine.check import Normalizer, Report, chosen_rules
from claimcheck.engine.findings import Finding, Row
from claimcheck.scale.groups import in_order


def report_of(findings: str | Path, corpus: Corpus, *, select: Sequence[str] | None = None,
              ignore: Sequence[str] | None = None) -> Report:
    """The ``Report`` that ``check(corpus, select=..., ignore=...)`` gives, from the findings an engine wrote."""
    vocabulary = corpus.vocabulary or EMPTY
    normalizer = Normalizer(vocabulary, {sid: s.published for sid, s in corpus.sources.items() if s.published})
    rows = [row for claim in corpus.claims for row in normalizer.rows(claim)]
    rows.sort(key=lambda row: row.gid)
    by_ref: dict[tuple[str, int, bool], Row] = {(r.gid, r.reading, r.counted_from_items): r for r in rows}
    found = []
    for record in in_order(pq.read_table(findings)).to_pylist():
        refs = zip(record["row_ids"], record["row_readings"], record["row_counted"], strict=True)
        found.append(Finding.from_record(record, [by_ref[ref] for ref in refs]))
    return Report(findings=found, rows=rows, selected=tuple(rule.code for rule in chosen_rules(select, ignore)),
                  vocabulary=vocabulary)


__all__ = ["report_of"]
