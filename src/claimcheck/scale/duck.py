"""DuckDB as the engine on one machine: blocking and grouping in SQL over the store, the rules in Python.

SQL unnests each stored claim's blocking keys into members (one row per claim row and key), finds
each group's first row, and streams the members, joined with their claims' records, ordered by
group: batches cut at group boundaries go to the rule functions of ``claimcheck.check``
(``GroupRunner``), in a pool of processes when there are several cores. No more than a few
batches are in Python at a time; DuckDB itself works in a database file beside the findings, and
spills to disk past its memory limit. Members are split into partitions by a hash of their group,
so that no sort holds more than a partition. The findings are sorted at the end into the order
``check`` lists them.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from claimcheck.read import units
from claimcheck.scale.groups import FINDING_SCHEMA, INPUT_COLUMNS, ORDER, GroupRunner, findings_table
from claimcheck.store.columns import RECORD_COLUMNS
from claimcheck.store.store import Store, store_path

BATCH_ROWS = 20_000  # members per batch sent to the rules: a few MB of claims
PARTITION_MEMBERS = 1_000_000  # members per partition: what one sort holds (some 300 MB of claims)
MEMORY_LIMIT = "512MB"  # DuckDB's own; past it, it spills to its temporary folder
Progress = Callable[[int, int, str], None]


@dataclass
class ScaledRun:
    """Where an engine wrote its findings, and what it found."""

    findings: Path
    claims: int
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


_runner: dict[str, GroupRunner] = {}


def start_runner(store_meta: dict[str, Any], folder: str, select: Sequence[str] | None,
                 ignore: Sequence[str] | None) -> None:
    """Set up this process to run rules on groups of ``store`` (in a worker, or in the engine's own process)."""
    store = Store(Path(folder), store_path(folder), store_meta)
    _runner["runner"] = GroupRunner(store.vocabulary(), store.published(), select, ignore)


def run_batch(data: bytes) -> bytes:
    """Members as Arrow IPC bytes in, finding records as Arrow IPC bytes out (what crosses between processes)."""
    table = pa.ipc.open_stream(data).read_all()
    records = _runner["runner"].run({name: table.column(name).to_pylist() for name in INPUT_COLUMNS})
    return _ipc(findings_table(records))


def _ipc(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    data: bytes = sink.getvalue().to_pybytes()
    return data


def check_store(store: Store, out: str | Path, *, select: Sequence[str] | None = None,
                ignore: Sequence[str] | None = None, jobs: int | None = None,
                progress: Progress | None = None) -> ScaledRun:
    """Check the store's claims with DuckDB; the findings go to the Parquet file ``out``, in ``check``'s order."""
    out = Path(out)
    step = progress or (lambda done, total, what: None)
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    store.require_current_code()
    head = store.corpus(claims=False)
    runner = GroupRunner(head.vocabulary, {sid: s.published for sid, s in head.sources.items() if s.published},
                         select, ignore)
    workers = max(1, jobs if jobs is not None else (os.cpu_count() or 1))
    work = Path(tempfile.mkdtemp(prefix=".claimcheck-duckdb-", dir=out.parent))
    try:
        pool = _pool(workers, store, select, ignore)  # before DuckDB starts its threads: see _pool
        con = duckdb.connect(str(work / "work.duckdb"), config={"memory_limit": MEMORY_LIMIT,
                                                                  "temp_directory": str(work / "spill"),
                                                                  "preserve_insertion_order": False})
        con.register("admitted_files", pa.table({"file": store.admitted(head)}))
        segments = [str(p) for p in store.segments]
        keys = runner.keys
        if segments and keys:
            con.sql(f"CREATE TEMP VIEW claims AS SELECT * FROM read_parquet([{_strings(segments)}]) "
                        "WHERE file IN (SELECT file FROM admitted_files)")
            con.sql(f"""CREATE TABLE members AS
                SELECT b.name AS name, b.key AS key, gid, b.reading AS reading, b.counted AS counted
                FROM (SELECT gid, unnest(blocks) AS b FROM claims) WHERE b.name IN ({_strings(keys)})""")
            con.sql("""CREATE TABLE groups AS
                SELECT name, key, min({'g': gid, 'r': reading, 'c': counted}) AS first,
                       hash(name, key) AS bucket FROM members GROUP BY name, key""")
            members = con.sql("SELECT count(*) FROM members").fetchall()[0][0]
        else:
            members = 0
        seconds["blocking"] = time.perf_counter() - started
        step(1, 3, "claims grouped")

        unsorted = work / "findings-unsorted.parquet"
        writer = pq.ParquetWriter(unsorted, FINDING_SCHEMA)
        writer.write_table(findings_table(runner.problems(head.problems)))
        partitions = max(1, -(-members // PARTITION_MEMBERS))
        started = time.perf_counter()
        for data in _in_pool(_batches(con, partitions), pool, workers):
            writer.write_table(pa.ipc.open_stream(data).read_all())
        writer.close()
        if pool is not None:
            pool.shutdown()
        seconds["rules"] = time.perf_counter() - started
        step(2, 3, "rules run")

        started = time.perf_counter()
        temporary = out.with_name(f".{out.name}.tmp")
        con.sql(f"COPY (SELECT * FROM read_parquet('{_quoted(unsorted)}') ORDER BY {', '.join(ORDER)}) "
                    f"TO '{_quoted(temporary)}' (FORMAT parquet)")
        os.replace(temporary, out)
        counts = dict(con.sql(f"SELECT verdict, count(*) FROM read_parquet('{_quoted(out)}') GROUP BY verdict")
                      .fetchall())
        con.close()
        seconds["sort"] = time.perf_counter() - started
        step(3, 3, "findings sorted")
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        shutil.rmtree(work, ignore_errors=True)
    return ScaledRun(out, store.claim_count, counts, seconds)


def _batches(con: duckdb.DuckDBPyConnection, partitions: int) -> Iterator[bytes]:
    """Members with their claims' records, a partition at a time, in batches that hold whole groups."""
    record_columns = ", ".join(f"c.{name}" for name in RECORD_COLUMNS)
    for partition in range(partitions):
        relation = con.sql(f"""
            SELECT g.name, g.key, g.first.g AS first_gid, g.first.r AS first_reading, g.first.c AS first_counted,
                   m.gid, m.reading, m.counted, {record_columns}
            FROM members m JOIN groups g USING (name, key) JOIN claims c USING (gid)
            WHERE g.bucket % {partitions} = {partition}
            ORDER BY g.name, g.key, m.gid, m.reading, m.counted""")
        carried: pa.Table | None = None
        for batch in relation.to_arrow_reader(batch_size=BATCH_ROWS):
            table = pa.Table.from_batches([batch]) if carried is None else pa.concat_tables(
                [carried, pa.Table.from_batches([batch])])
            cut = _last_group_start(table)
            if cut > 0:
                yield _ipc(table.slice(0, cut))
            carried = table.slice(cut)
        if carried is not None and carried.num_rows:
            yield _ipc(carried)


def _last_group_start(table: pa.Table) -> int:
    """Where the batch's last group starts: it may go on in the next batch."""
    names, keys = table.column("name").to_pylist(), table.column("key").to_pylist()
    cut = len(names) - 1
    while cut > 0 and names[cut - 1] == names[-1] and keys[cut - 1] == keys[-1]:
        cut -= 1
    return cut


def _pool(workers: int, store: Store, select: Sequence[str] | None,
          ignore: Sequence[str] | None) -> ProcessPoolExecutor | None:
    """The workers that run the rules, forked and started now, before DuckDB runs threads in this process
    (forking a process that runs threads is unsafe); None with one worker, which is this process."""
    arguments = (store.meta, str(store.folder), select, ignore)
    if workers == 1:
        start_runner(*arguments)
        return None
    units.registry()  # built once here (pint takes most of a second), and shared by the forked workers
    pool = ProcessPoolExecutor(max_workers=workers, initializer=start_runner, initargs=arguments,
                               mp_context=multiprocessing.get_context("fork"))
    for started in [pool.submit(os.getpid) for _ in range(workers)]:  # every worker forks at the first task
        started.result()
    return pool


def _in_pool(batches: Iterator[bytes], pool: ProcessPoolExecutor | None, workers: int) -> Iterator[bytes]:
    """Each batch's findings, in order, from the pool (or this process), a few batches in flight."""
    if pool is None:
        yield from map(run_batch, batches)
        return
    waiting: list[Future[bytes]] = []
    for batch in batches:
        waiting.append(pool.submit(run_batch, batch))
        while len(waiting) > 2 * workers:
            yield waiting.pop(0).result()
    for future in waiting:
        yield future.result()


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")



def _strings(items: Sequence[str]) -> str:
    """SQL string literals, comma-separated."""
    return ", ".join("'" + item.replace("'", "''") + "'" for item in items)


__all__ = ["ScaledRun", "check_store", "run_batch", "start_runner"]
