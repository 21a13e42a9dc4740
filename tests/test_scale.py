"""The engines over the store give what claimcheck.check gives: the same findings, words, sides and fingerprints."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("duckdb")

from claimcheck import check, load  # noqa: E402
from claimcheck.engine.rules import RULES  # noqa: E402
from claimcheck.scale import duck  # noqa: E402
from claimcheck.scale.duck import check_store  # noqa: E402
from claimcheck.scale.report import report_of  # noqa: E402
from claimcheck.store import refresh  # noqa: E402

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
FOLDERS = [ROOT / "claims", DATA / "cases", *sorted(p for p in (DATA / "engine").iterdir() if p.is_dir())]
sys.path.insert(0, str(ROOT / "benchmarks"))


def copied(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / source.name
    shutil.copytree(source, target)
    return target


def assert_same_report(local, scaled) -> None:
    assert [f.to_dict() for f in scaled.findings] == [f.to_dict() for f in local.findings]
    assert [(f.location, f.odd_side) for f in scaled.findings] == [(f.location, f.odd_side) for f in local.findings]
    assert scaled.coverage == local.coverage


def duckdb_report(folder: Path, tmp_path: Path, **options):
    store = refresh(folder).store
    run = check_store(store, tmp_path / "findings.parquet", jobs=options.pop("jobs", 1), **options)
    corpus = load(folder, strict=False)
    return corpus, run, report_of(run.findings, corpus, **options)


@pytest.mark.parametrize("source", FOLDERS, ids=lambda p: p.name)
def test_duckdb_finds_what_check_finds(source, tmp_path):
    corpus, run, scaled = duckdb_report(copied(source, tmp_path), tmp_path)
    local = check(corpus)
    assert local.findings, "a corpus with findings, or the comparison shows nothing"
    assert_same_report(local, scaled)
    assert run.counts == {v: n for v, n in local.counts().items() if n}


EXAMPLES = [(code, title) for code, rule in sorted(RULES.items()) for title in rule.examples()]


@pytest.mark.parametrize(("code", "title"), EXAMPLES)
def test_duckdb_finds_what_check_finds_in_every_rules_examples(code, title, tmp_path):
    folder = tmp_path / "example"
    folder.mkdir()
    for name, text in RULES[code].examples()[title].items():
        (folder / name).write_text(text, encoding="utf-8")
    corpus, _, scaled = duckdb_report(folder, tmp_path)
    assert_same_report(check(corpus), scaled)


def test_duckdb_runs_the_data_rules_on_the_problems_of_the_files(tmp_path):
    folder = copied(DATA / "cases", tmp_path)
    (folder / "broken.yaml").write_text("source: {id: broken, published: 2024}\nclaims:\n"
                                        "  - {id: y, measure: m, value: 'lots', period: 2023}\n"
                                        "  - {id: y, measure: m, value: '4%', period: 2023}\n")
    corpus, _, scaled = duckdb_report(folder, tmp_path)
    local = check(corpus)
    assert {"CC902", "CC905"} <= {f.code for f in local.findings}
    assert_same_report(local, scaled)


def test_duckdb_takes_the_rules_chosen(tmp_path):
    folder = copied(ROOT / "claims", tmp_path)
    corpus, _, scaled = duckdb_report(folder, tmp_path, select=["CC1"], ignore=["CC101"])
    local = check(corpus, select=["CC1"], ignore=["CC101"])
    assert "CC101" not in {f.code for f in scaled.findings}
    assert_same_report(local, scaled)


def test_duckdb_in_a_pool_of_processes_and_small_batches_on_synthetic_claims(tmp_path, monkeypatch):
    from synthetic import write_claim_files

    folder = tmp_path / "synthetic"
    write_claim_files(folder, 3000)
    monkeypatch.setattr(duck, "BATCH_ROWS", 97)  # groups cut across many batches
    monkeypatch.setattr(duck, "PARTITION_MEMBERS", 1000)  # and several partitions
    corpus, run, scaled = duckdb_report(folder, tmp_path, jobs=2)
    local = check(corpus)
    assert len(local.findings) > 100
    assert_same_report(local, scaled)


def test_a_small_check_imports_neither_pyarrow_nor_duckdb_nor_spark(tmp_path):
    report = tmp_path / "report.json"
    code = ("import sys, claimcheck\nclaimcheck.check(claimcheck.load('claims'))\n"
            f"from claimcheck.cli import main\nmain(['check', 'claims', '--format', 'json', '-o', {str(report)!r}])\n"
            "print(sorted(m for m in ('pyarrow', 'duckdb', 'pyspark') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert report.stat().st_size > 0


def test_duckdb_refuses_a_store_made_by_other_code(tmp_path, monkeypatch):
    from claimcheck import ClaimcheckError
    from claimcheck.store import store as store_module

    store = refresh(copied(DATA / "cases", tmp_path)).store
    monkeypatch.setattr(store_module, "code_version", lambda: "another version")
    with pytest.raises(ClaimcheckError, match="another version of claimcheck"):
        check_store(store, tmp_path / "findings.parquet", jobs=1)
