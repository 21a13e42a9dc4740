"""The Spark job, in local mode (local[2]), gives what claimcheck.check and DuckDB give.

Spark needs Java and pyspark (``pip install -e '.[spark]'``); ``.ci/run`` installs both and sets
CLAIMCHECK_REQUIRE_SPARK, so in CI these tests fail rather than skip when Spark cannot start.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(ROOT / "benchmarks"))


def _missing() -> str | None:
    try:
        import duckdb  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark or duckdb is not installed: pip install -e '.[spark,duckdb]' (.ci/run does)"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java for Spark: install Debian's openjdk-17-jre-headless (.ci/run does)"
    return None


@pytest.fixture(scope="module")
def spark():
    reason = _missing()
    if reason:
        if os.environ.get("CLAIMCHECK_REQUIRE_SPARK"):
            pytest.fail(reason)
        pytest.skip(reason)
    from claimcheck.scale.spark import session

    spark = session("local[2]")
    yield spark
    spark.stop()


def copied(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / source.name
    shutil.copytree(source, target)
    return target


def three_reports(folder: Path, tmp_path: Path, spark):
    from claimcheck import check, load
    from claimcheck.scale.duck import check_store
    from claimcheck.scale.report import report_of
    from claimcheck.scale.spark import check_store_spark
    from claimcheck.store import refresh

    store = refresh(folder).store
    corpus = load(folder, strict=False)
    on_spark = check_store_spark(store, tmp_path / "spark-findings", spark=spark)
    on_duckdb = check_store(store, tmp_path / "duckdb-findings.parquet", jobs=1)
    return check(corpus), report_of(on_spark.findings, corpus), report_of(on_duckdb.findings, corpus), on_spark


def assert_all_agree(local, *others) -> None:
    expected = [f.to_dict() for f in local.findings]
    assert expected, "a corpus with findings, or the comparison shows nothing"
    for other in others:
        assert [f.to_dict() for f in other.findings] == expected
        assert other.coverage == local.coverage


# The corpora test_scale.py checks DuckDB on: the seeds, the cases and every engine corpus.
FOLDERS = [ROOT / "claims", DATA / "cases", *sorted(p for p in (DATA / "engine").iterdir() if p.is_dir())]


@pytest.mark.parametrize("source", FOLDERS, ids=lambda p: p.name)
def test_spark_duckdb_and_check_agree(source, tmp_path, spark):
    local, on_spark, on_duckdb, run = three_reports(copied(source, tmp_path), tmp_path, spark)
    assert_all_agree(local, on_spark, on_duckdb)
    assert run.counts == {v: n for v, n in local.counts().items() if n}


def test_spark_agrees_on_synthetic_claims_in_many_buckets(tmp_path, spark):
    from synthetic import write_claim_files

    folder = tmp_path / "synthetic"
    write_claim_files(folder, 2000)
    local, on_spark, on_duckdb, _ = three_reports(folder, tmp_path, spark)
    assert len(local.findings) > 50
    assert_all_agree(local, on_spark, on_duckdb)


def test_the_job_as_spark_submit_runs_it(tmp_path, spark, capsys):
    from claimcheck.scale.spark import main
    from claimcheck.store import refresh

    folder = copied(ROOT / "claims", tmp_path)
    assert main(["check", str(folder), str(tmp_path / "out")]) == 2  # no store yet: the job says so
    assert "has no store" in capsys.readouterr().err
    refresh(folder)
    assert main(["check", str(folder), str(tmp_path / "out")]) == 0
    from claimcheck import load

    assert f"findings from {len(load(folder).claims)} claims" in capsys.readouterr().out
    assert list((tmp_path / "out").glob("part-*.parquet"))


def test_extraction_on_spark_drafts_what_one_process_drafts(tmp_path, spark):
    import pyarrow.parquet as pq

    from claimcheck.scale.extract import draft_of
    from claimcheck.scale.spark import extract_on_spark

    documents = tmp_path / "documents"
    documents.mkdir()
    for source in sorted((ROOT / "claims" / "sources").glob("*.txt")):
        shutil.copy(source, documents / source.name)
    (documents / "latin1.txt").write_bytes("caf\xe9 at 5%".encode("latin-1"))
    assert extract_on_spark(str(documents), tmp_path / "drafts", published="2025", spark=spark) == 3
    rows = pq.read_table(tmp_path / "drafts").to_pylist()
    assert [Path(r["path"]).name for r in rows] == ["latin1.txt", "liu-hu-2023.txt", "wang-2025.txt"]
    assert "not UTF-8" in rows[0]["problem"] and rows[0]["draft"] is None
    for row in rows[1:]:
        file = documents / Path(row["path"]).name
        assert (row["draft"], row["candidates"]) == draft_of(file, file.read_bytes(), "2025")
        assert row["candidates"] > 10
