"""How ``claimcheck check`` reads and checks a claims folder: from its files, or through its store.

A small folder is loaded from its files and checked in this process, and nothing here imports
pyarrow or DuckDB. A folder with a store (``claimcheck store``), or one whose claim files are
larger than ``STORE_BYTES``, is read through its store, refreshed first so that the answer is
never stale. A report lists claims, so it holds the corpus in memory whatever the engine: it is
checked in this process unless DuckDB or Spark is asked for. The findings table
(``check_to_table``) holds no corpus: it is checked by DuckDB from ``DUCKDB_CLAIMS`` claims on.
docs/scale.md says how the sizes were measured.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path

from claimcheck.corpus.loader import claim_files, load
from claimcheck.corpus.records import Corpus
from claimcheck.engine.check import Report, check
from claimcheck.errors import ClaimcheckError, ClaimFileError

ENGINES = ("auto", "local", "duckdb", "spark")
# Claim files of this many bytes (about 25,000 claims) load faster from a store than from YAML.
STORE_BYTES = 5_000_000
# From this many claims the findings table is made by DuckDB: the local engine would hold the corpus, some 2 to 3 GB
# a million claims, where DuckDB held 1.2 GB at a million and 2.3 GB at ten million (benchmarks/README.md).
DUCKDB_CLAIMS = 2_000_000
Step = Callable[[str, int | None, int | None], None]  # (what, done, total)


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _needs(module: str, extra: str) -> None:
    if not _installed(module):
        raise ClaimcheckError(f"this needs {module}: pip install 'claimcheck[{extra}]'")


def through_store(path: str | Path, engine: str = "auto") -> bool:
    """Whether the folder is read through its store: asked for (an engine over the store), or worth it."""
    root = Path(path)
    if engine in ("duckdb", "spark"):
        if not root.is_dir():
            raise ClaimcheckError(f"--engine {engine} checks a claims folder's store; {root} is not a folder")
        return True
    if not root.is_dir() or not _installed("pyarrow"):
        return False
    if (root / ".claimcheck" / "store" / "meta.json").exists():
        return True
    try:
        return sum(f.stat().st_size for f in claim_files(root)) >= STORE_BYTES
    except OSError:
        return False


def load_and_check(path: str | Path, *, select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
                   engine: str = "auto", step: Step | None = None) -> tuple[Corpus, Report]:
    """The folder's corpus, loaded strictly (a bad claim file raises ``ClaimFileError``), and its report."""
    if engine not in ENGINES:
        raise ClaimcheckError(f"no engine {engine!r}; choose one of {', '.join(ENGINES)}")
    tell = step or (lambda what, done, total: None)
    if not through_store(path, engine):
        tell("loading claims", None, None)
        corpus = load(path)
        return corpus, check(corpus, select=select, ignore=ignore,
                             progress=lambda done, total, what: tell(f"checking: {what}", done, total))
    _needs("pyarrow", "store")
    from claimcheck.store import open_store, refresh, remove_store

    asked = open_store(path) is not None or engine != "auto"
    store = refresh(path, progress=lambda done, total: tell("reading claim files into the store", done, total)).store
    tell("loading claims from the store", None, None)
    corpus = store.corpus()
    if corpus.problems:
        if not asked:
            remove_store(path)  # a check that fails on its files leaves the folder as it found it
        raise ClaimFileError(list(corpus.problems))
    if engine in ("auto", "local"):  # the report holds the corpus anyway, and the local engine is the faster
        return corpus, check(corpus, select=select, ignore=ignore,
                             progress=lambda done, total, what: tell(f"checking: {what}", done, total))
    import tempfile

    from claimcheck.scale.report import report_of

    with tempfile.TemporaryDirectory(prefix=".claimcheck-findings-", dir=store.path) as work:
        out = Path(work) / "findings.parquet"
        if engine == "duckdb":
            _needs("duckdb", "duckdb")
            from claimcheck.scale.duck import check_store

            check_store(store, out, select=select, ignore=ignore,
                        progress=lambda done, total, what: tell(f"checking with DuckDB: {what}", done, total))
        else:
            _needs("pyspark", "spark")
            from claimcheck.scale.spark import check_store_spark

            tell("checking with Spark", None, None)
            check_store_spark(store, out, select=select, ignore=ignore)
        return corpus, report_of(out, corpus, select=select, ignore=ignore)


def check_to_table(path: str | Path, out: str | Path, *, select: Sequence[str] | None = None,
                   ignore: Sequence[str] | None = None, engine: str = "auto", step: Step | None = None) -> Path:
    """The folder's findings as a table (one row per finding, in ``check``'s order), with no report and no
    corpus held in memory: a Parquet file (DuckDB, local) or folder (Spark) at ``out``, written whole or not at
    all. From ``DUCKDB_CLAIMS`` claims on, DuckDB checks it. A bad claim file raises ``ClaimFileError``."""
    if engine not in ENGINES:
        raise ClaimcheckError(f"no engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if not Path(path).is_dir():
        raise ClaimcheckError(f"a findings table is made from a claims folder's store; {path} is not a folder")
    _needs("pyarrow", "store")
    from claimcheck.store import refresh

    tell = step or (lambda what, done, total: None)
    store = refresh(path, progress=lambda done, total: tell("reading claim files into the store", done, total)).store
    head = store.corpus(claims=False)
    if head.problems:
        raise ClaimFileError(list(head.problems))
    out = Path(out)
    if engine == "auto":
        engine = "duckdb" if store.claim_count >= DUCKDB_CLAIMS and _installed("duckdb") else "local"
    if engine == "duckdb":
        _needs("duckdb", "duckdb")
        from claimcheck.scale.duck import check_store

        check_store(store, out, select=select, ignore=ignore,
                    progress=lambda done, total, what: tell(f"checking with DuckDB: {what}", done, total))
    elif engine == "spark":
        _needs("pyspark", "spark")
        from claimcheck.scale.spark import check_store_spark

        tell("checking with Spark", None, None)
        check_store_spark(store, out, select=select, ignore=ignore)
    else:
        from claimcheck.scale.groups import write_findings

        report = check(store.corpus(), select=select, ignore=ignore)
        write_findings(report.findings, out)
    return out


__all__ = ["DUCKDB_CLAIMS", "ENGINES", "STORE_BYTES", "check_to_table", "load_and_check", "through_store"]
