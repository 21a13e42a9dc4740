"""The same job on Spark, for a cluster: the store read, rows grouped by blocking key, check's rules per group.

Spark explodes each stored claim's blocking keys into members, finds each group's first row, joins
the members with their claims' records, and shuffles them by a hash of their group into buckets,
so that every group lands whole in one call of ``applyInArrow``: there ``GroupRunner`` (the code
DuckDB uses) sorts the bucket into groups and runs the registered rules. The findings, with the
data rules' findings on the corpus's problems, are sorted into ``check``'s order and written as
Parquet; ``claimcheck.scale.report.report_of`` reads them back for every report format.

Run it from Python (``check_store_spark``, ``local[2]`` by default), or submit it to a cluster
(docs/scale.md)::

    spark-submit --master yarn --py-files claimcheck.zip claimcheck/scale/submit.py FOLDER FINDINGS

The store must be where every executor can read it (HDFS, S3, a shared disk).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from claimcheck.engine.findings import Key
from claimcheck.errors import ClaimFileError
from claimcheck.scale.duck import ScaledRun
from claimcheck.scale.extract import draft_of, source_id_of
from claimcheck.scale.groups import FINDING_SCHEMA, INPUT_COLUMNS, ORDER, GroupRunner, findings_table
from claimcheck.store.columns import RECORD_COLUMNS
from claimcheck.store.store import Store, open_store, store_path

BUCKETS_PER_CORE = 4  # buckets a core works through: small enough to spread, large enough to amortize a call
SPARK_TYPES = {pa.int8(): "TINYINT", pa.int16(): "SMALLINT", pa.int32(): "INT", pa.int64(): "BIGINT",
               pa.string(): "STRING", pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN"}


def spark_type(arrow: pa.DataType) -> str:
    if pa.types.is_list(arrow):
        return f"ARRAY<{spark_type(arrow.value_type)}>"
    return SPARK_TYPES[arrow]


def spark_schema(schema: pa.Schema) -> str:
    """An Arrow schema as Spark's DDL ('code STRING, sides ARRAY<ARRAY<INT>>, ...')."""
    return ", ".join(f"`{f.name}` {spark_type(f.type)}" for f in schema)


_runners: dict[Key, GroupRunner] = {}


def _run_bucket(arguments: Key, table: pa.Table) -> pa.Table:
    """What each Python worker runs on a bucket; the rules' set-up is made once per worker process."""
    runner = _runners.get(arguments)
    if runner is None:
        from claimcheck.read.periods import Period

        meta, folder, published, select, ignore = arguments
        store = Store(Path(folder), store_path(folder), dict(meta))
        runner = _runners[arguments] = GroupRunner(
            store.vocabulary(), {sid: Period.model_validate_json(p) for sid, p in published}, select, ignore)
    table = table.sort_by([(name, "ascending") for name in ("name", "key", "gid", "reading", "counted")])
    return findings_table(runner.run({name: table.column(name).to_pylist() for name in INPUT_COLUMNS}))


def _frozen(value: Any) -> Any:
    """A value made hashable (the worker's cache is keyed by its arguments)."""
    if isinstance(value, dict):
        return tuple((k, _frozen(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def session(master: str | None = None) -> Any:
    """A Spark session: the one already running (spark-submit's), else one on ``master`` (``local[2]``)."""
    from pyspark.sql import SparkSession

    if master is None and SparkSession.getActiveSession() is not None:
        return SparkSession.getActiveSession()
    if (master or "local").startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers run this Python, with claimcheck
    builder = SparkSession.builder.appName("claimcheck").master(master or "local[2]")
    return (builder.config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC").getOrCreate())


def check_store_spark(store: Store, out: str | Path, *, select: Sequence[str] | None = None,
                      ignore: Sequence[str] | None = None, spark: Any = None, master: str | None = None) -> ScaledRun:
    """Check the store's claims on Spark; the findings go to the Parquet folder ``out``, in ``check``'s order."""
    from pyspark.sql import functions as F

    started = time.perf_counter()
    spark = spark or session(master)
    store.require_current_code()
    head = store.corpus(claims=False)
    published = {sid: s.published.model_dump_json() for sid, s in head.sources.items() if s.published}
    runner = GroupRunner(head.vocabulary, {}, select, ignore)
    problems = spark.createDataFrame(findings_table(runner.problems(head.problems)).to_pylist(),
                                     spark_schema(FINDING_SCHEMA))
    frames = [problems]
    keys = runner.keys
    segments = [str(p) for p in store.segments]
    if segments and keys:
        claims = spark.read.parquet(*segments).where(F.col("file").isin(store.admitted(head)))
        members = (claims.select("gid", F.explode("blocks").alias("b"))
                   .select(F.col("b.name").alias("name"), F.col("b.key").alias("key"), "gid",
                           F.col("b.reading").alias("reading"), F.col("b.counted").alias("counted"))
                   .where(F.col("name").isin(keys)))
        groups = members.groupBy("name", "key").agg(F.min(F.struct("gid", "reading", "counted")).alias("first"))
        buckets = BUCKETS_PER_CORE * spark.sparkContext.defaultParallelism
        joined = (members.join(groups, ["name", "key"]).join(claims.select("gid", *RECORD_COLUMNS), "gid")
                  .select("name", "key", F.col("first.gid").alias("first_gid"),
                          F.col("first.reading").alias("first_reading"), F.col("first.counted").alias("first_counted"),
                          "gid", "reading", "counted", *RECORD_COLUMNS)
                  .withColumn("bucket", F.pmod(F.xxhash64("name", "key"), F.lit(buckets))))
        arguments = (_frozen(store.meta), str(store.folder), tuple(sorted(published.items())),
                     None if select is None else tuple(select), None if ignore is None else tuple(ignore))

        def run_bucket(table: pa.Table) -> pa.Table:  # Spark reads the hints: a table in, a table out
            return _run_bucket(arguments, table)

        frames.append(joined.groupBy("bucket").applyInArrow(run_bucket, spark_schema(FINDING_SCHEMA)))
    findings = frames[0]
    for frame in frames[1:]:
        findings = findings.unionByName(frame)
    findings.orderBy(*ORDER).write.mode("overwrite").parquet(str(out))
    counts = {row["verdict"]: row["count"] for row in spark.read.parquet(str(out)).groupBy("verdict").count().collect()}
    return ScaledRun(Path(out), store.claim_count, counts, {"spark": time.perf_counter() - started})


DRAFT_SCHEMA = "path STRING, source_id STRING, candidates INT, draft STRING, problem STRING"


def _drafts(batches: Iterator[pa.RecordBatch], published: str | None) -> Iterator[pa.RecordBatch]:
    """Documents (path, content) in, their drafts out; a document that is not text gives its problem instead."""
    for batch in batches:
        rows = []
        for path, content in zip(batch.column("path").to_pylist(), batch.column("content").to_pylist(), strict=True):
            name = Path(path.removeprefix("file:"))
            try:
                draft, count = draft_of(name, content, published)
                rows.append({"path": path, "source_id": source_id_of(name), "candidates": count, "draft": draft,
                             "problem": None})
            except ClaimFileError as exc:
                rows.append({"path": path, "source_id": source_id_of(name), "candidates": 0, "draft": None,
                             "problem": str(exc)})
        yield pa.RecordBatch.from_pylist(rows, schema=pa.schema([
            ("path", pa.string()), ("source_id", pa.string()), ("candidates", pa.int32()), ("draft", pa.string()),
            ("problem", pa.string())]))


def extract_on_spark(documents: str, out: str | Path, *, published: str | None = None, spark: Any = None,
                     master: str | None = None) -> int:
    """Draft a claim file from each ``*.txt`` document under ``documents`` (a folder or glob Spark can read), on
    Spark: the drafts go to the Parquet folder ``out``, one row per document, in order of path. Returns how many."""
    spark = spark or session(master)
    files = (spark.read.format("binaryFile").option("pathGlobFilter", "*.txt").load(str(documents))
             .select("path", "content"))

    def drafts(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        return _drafts(batches, published)

    files.mapInArrow(drafts, DRAFT_SCHEMA).orderBy("path").write.mode("overwrite").parquet(str(out))
    count: int = spark.read.parquet(str(out)).count()
    return count


def main(argv: list[str] | None = None) -> int:
    """``spark-submit … submit.py check FOLDER FINDINGS`` or ``… submit.py extract DOCUMENTS DRAFTS``: the jobs."""
    parser = argparse.ArgumentParser(prog="submit.py", description=main.__doc__)
    jobs = parser.add_subparsers(dest="job", required=True)
    checking = jobs.add_parser("check", help="check a claims folder's store")
    checking.add_argument("folder", help="the claims folder whose store (.claimcheck/store) to check")
    checking.add_argument("findings", help="where to write the findings (a Parquet folder)")
    checking.add_argument("--select", action="append", help="rule codes, prefixes or names to run")
    checking.add_argument("--ignore", action="append", help="rule codes, prefixes or names to skip")
    extracting = jobs.add_parser("extract", help="draft claim files from documents")
    extracting.add_argument("documents", help="a folder (or glob) of *.txt documents")
    extracting.add_argument("drafts", help="where to write the drafts (a Parquet folder, a row per document)")
    extracting.add_argument("--published", help="publication date or year, which anchors 'last year'")
    for job in (checking, extracting):
        job.add_argument("--master", help="the Spark master when not run by spark-submit (default local[2])")
    args = parser.parse_args(argv)
    if args.job == "extract":
        count = extract_on_spark(args.documents, args.drafts, published=args.published, master=args.master)
        print(f"claimcheck: drafts of {count} documents written to {args.drafts}")
        return 0
    store = open_store(args.folder)
    if store is None:
        print(f"claimcheck: {args.folder} has no store; run 'claimcheck store {args.folder}' first", file=sys.stderr)
        return 2
    run = check_store_spark(store, args.findings, select=args.select, ignore=args.ignore, master=args.master)
    print(f"claimcheck: {sum(run.counts.values())} findings from {run.claims} claims written to {run.findings}: "
          + ", ".join(f"{n} {v}" for v, n in sorted(run.counts.items())))
    return 0


__all__ = ["DRAFT_SCHEMA", "check_store_spark", "extract_on_spark", "main", "session", "spark_schema"]
