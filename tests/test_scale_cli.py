"""The command line over the store: 'claimcheck store', 'check --engine', and 'extract' across processes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("duckdb")

from claimcheck import check, load  # noqa: E402
from claimcheck.cli import main  # noqa: E402
from claimcheck.scale import folder as folder_module  # noqa: E402
from claimcheck.store import open_store  # noqa: E402

ROOT = Path(__file__).parent.parent
CASES = Path(__file__).parent / "data" / "cases"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def claims(tmp_path) -> Path:
    target = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", target)
    return target


def report(capsys, folder: Path, *options: str) -> dict:
    code, out, _ = run(capsys, "check", str(folder), "--format", "json", *options)
    assert code == 1  # the seeds hold a conflict
    return json.loads(out)


def test_store_builds_then_reads_only_what_changed(claims, capsys):
    code, out, _ = run(capsys, "store", str(claims))
    assert code == 0 and "2 file(s) read, 0 unchanged" in out
    code, out, _ = run(capsys, "store", str(claims))
    assert code == 0 and "0 file(s) read, 2 unchanged" in out


def test_every_engine_gives_the_same_report(claims, capsys):
    local = report(capsys, claims, "--engine", "local")
    assert report(capsys, claims, "--engine", "duckdb") == local
    assert report(capsys, claims) == local  # auto: through the store, which now exists
    assert local["findings"] and local["coverage"]


def test_check_through_the_store_sees_an_edit_at_once(claims, capsys):
    run(capsys, "store", str(claims))
    before = report(capsys, claims)
    (claims / "third-2024.yaml").write_text("source: {id: third-2024, published: 2024}\nclaims:\n"
                                            "  - {id: share, subject: China, measure: trade share, "
                                            "scope: neighbouring countries, value: 75%, period: 2022}\n")
    after = report(capsys, claims)
    assert "third-2024/share" not in {c["claim_id"] for c in before["coverage"]}
    assert "third-2024/share" in {c["claim_id"] for c in after["coverage"]}
    assert after == report(capsys, claims, "--engine", "local")
    assert open_store(claims) is not None


def test_a_large_folder_gets_a_store_without_asking(claims, capsys, monkeypatch):
    monkeypatch.setattr(folder_module, "STORE_BYTES", 1)
    assert open_store(claims) is None
    report(capsys, claims)
    assert open_store(claims) is not None


def test_a_large_folder_that_fails_is_left_as_it_was(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(folder_module, "STORE_BYTES", 1)
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    (folder / "broken.yaml").write_text("source: {id: broken}\nclaims: [{id: y, measure: m, value: lots}]\n")
    before = sorted(p.name for p in folder.iterdir())
    assert run(capsys, "check", str(folder))[0] == 2
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_small_folder_gets_no_store(claims, capsys):
    report(capsys, claims)
    assert not (claims / ".claimcheck").exists()


def test_a_bad_claim_file_through_the_store_is_exit_2_naming_file_and_line(tmp_path, capsys):
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    (folder / "broken.yaml").write_text("source: {id: broken, published: 2024}\nclaims:\n"
                                        "  - {id: y, measure: m, value: 'lots', period: 2023}\n")
    code, _, err = run(capsys, "store", str(folder))
    assert code == 2 and "broken.yaml:3" in err
    out = tmp_path / "report.json"
    code, _, err = run(capsys, "check", str(folder), "--engine", "duckdb", "-o", str(out))
    assert code == 2 and "broken.yaml:3" in err and "Traceback" not in err
    assert not out.exists()


def test_an_engine_over_a_store_needs_a_folder(capsys):
    code, _, err = run(capsys, "check", str(CASES / "alpha.yaml"), "--engine", "duckdb")
    assert code == 2 and "not a folder" in err


def test_extract_over_a_folder_in_processes_writes_what_one_process_writes(tmp_path, capsys):
    documents = tmp_path / "documents"
    documents.mkdir()
    for source in (ROOT / "claims" / "sources").glob("*.txt"):
        for copy in range(3):
            shutil.copy(source, documents / f"{source.stem}-{copy}.txt")
    drafts = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"drafts-{jobs}"
        code, _, err = run(capsys, "extract", str(documents), "--published", "2025", "-o", str(out), "--jobs", jobs)
        assert code == 0, err
        drafts[jobs] = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.yaml")}
    assert len(drafts["1"]) == 6 and all(text.count("  - id: ") > 5 for text in drafts["1"].values())
    assert drafts["2"] == drafts["1"]


def test_extract_of_an_empty_folder_says_so(tmp_path, capsys):
    code, _, err = run(capsys, "extract", str(tmp_path))
    assert code == 2 and "no documents" in err


def test_the_findings_table_is_the_same_from_every_engine_and_fails_as_check_fails(claims, tmp_path, capsys):
    import pyarrow.parquet as pq

    from claimcheck.scale.groups import in_order

    tables = {}
    for engine in ("local", "duckdb"):
        out = tmp_path / f"{engine}.parquet"
        code, _, err = run(capsys, "check", str(claims), "--format", "parquet", "-o", str(out), "--engine", engine)
        assert code == 1 and "1 failing at --fail-on conflict" in err
        tables[engine] = in_order(pq.read_table(out)).drop_columns(["group_gid", "group_reading", "group_counted",
                                                                    "index"]).to_pylist()
    assert tables["duckdb"] == tables["local"]
    # In check's order (a report lists what needs a reader first), with the report's fingerprints and words.
    assert [r["fingerprint"] for r in tables["local"]] == [f.fingerprint for f in check(load(claims)).findings]
    expected = json.loads(run(capsys, "check", str(claims), "--format", "json")[1])["findings"]
    assert {r["fingerprint"]: r["message"] for r in tables["local"]} == {f["fingerprint"]: f["message"]
                                                                         for f in expected}
    conflict = next(f["fingerprint"] for f in expected if f["verdict"] == "conflict")
    assert run(capsys, "review", str(claims), conflict, "--verdict", "confirmed")[0] == 0
    code, _, err = run(capsys, "check", str(claims), "--format", "parquet", "-o", str(tmp_path / "again.parquet"))
    assert code == 0 and "0 failing" in err


def test_the_findings_table_needs_an_output_and_good_files(tmp_path, capsys):
    assert run(capsys, "check", str(CASES), "--format", "parquet")[0] == 2
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    (folder / "broken.yaml").write_text("source: {id: broken}\nclaims: [{id: y, measure: m, value: lots}]\n")
    out = tmp_path / "findings.parquet"
    code, _, err = run(capsys, "check", str(folder), "--format", "parquet", "-o", str(out))
    assert code == 2 and "broken.yaml" in err and not out.exists()
