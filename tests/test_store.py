"""The claims store: claims → store → claims gives the same claims, and a store is never stale."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from pydantic import ValidationError  # noqa: E402
from strategies import claim_records  # noqa: E402

from claimcheck import Claim, load, parse_period  # noqa: E402
from claimcheck.corpus.vocabulary import EMPTY  # noqa: E402
from claimcheck.store import columns, store  # noqa: E402
from claimcheck.store.store import is_current, open_store, refresh  # noqa: E402

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
FOLDERS = [ROOT / "claims", DATA / "cases", *sorted(p for p in (DATA / "engine").iterdir() if p.is_dir())]


def same_corpus(a, b) -> None:
    assert a.claims == b.claims
    assert [c.line for c in a.claims] == [c.line for c in b.claims]
    assert a.sources == b.sources and list(a.sources) == list(b.sources)
    assert a.problems == b.problems
    assert a.files == b.files
    assert a.vocabulary == b.vocabulary


@pytest.fixture
def folder(tmp_path):
    def copy(source: Path) -> Path:
        target = tmp_path / source.name
        shutil.copytree(source, target)
        return target
    return copy


@pytest.mark.parametrize("source", FOLDERS, ids=lambda p: p.name)
def test_the_store_rebuilds_the_corpus_load_gives(folder, source):
    claims = folder(source)
    built = refresh(claims)
    assert built.parsed == len(list(claims.glob("*.yaml"))) - (claims / "vocabulary.yaml").exists()
    same_corpus(built.store.corpus(), load(claims, strict=False))
    assert is_current(claims)


def test_a_store_read_from_another_working_folder_names_files_as_load_does(folder, monkeypatch):
    claims = folder(DATA / "cases")
    (claims / "broken.yaml").write_text("source:\n  id: broken\nclaims:\n  - id: a\n", encoding="utf-8")
    monkeypatch.chdir(claims.parent)
    refresh(claims)
    monkeypatch.chdir(claims)
    again = refresh(claims)
    assert again.parsed > 0  # the names it stored were seen from the parent folder
    problems = load(claims, strict=False).problems
    assert problems and problems[0].path == "broken.yaml"
    same_corpus(again.store.corpus(), load(claims, strict=False))


@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=12, unique=True).flatmap(
    lambda ids: st.tuples(*(claim_records(i) for i in ids))))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_claims_to_columns_and_back_are_equal(records):
    published = parse_period("2025-06-30")
    claims = []
    for record in records:
        try:
            claims.append(Claim.model_validate({**record, "source_id": "s", "line": 7},
                                               context={"published": published}))
        except ValidationError:
            continue  # a shape the records refuse (a change needs a measure, say): nothing to store
    table = columns.ColumnWriter(EMPTY).table(claims, "claims/s.yaml", {"s": published})
    back = columns.claims_from_table(table)
    assert back == claims
    assert [c.model_dump() for c in back] == [c.model_dump() for c in claims]
    assert table.column("position").to_pylist() == list(range(len(claims)))


def test_a_claim_written_twice_and_a_list_keep_every_reading(folder):
    claims = folder(DATA / "engine" / "also")
    corpus = refresh(claims).store.corpus()
    assert any(c.also for c in corpus.claims)
    same_corpus(corpus, load(claims, strict=False))


def test_only_changed_files_are_parsed_again(folder):
    claims = folder(ROOT / "claims")
    refresh(claims)
    wang = claims / "wang-2025.yaml"
    wang.write_text(wang.read_text(encoding="utf-8").replace("41.9%", "42.9%"), encoding="utf-8")
    assert not is_current(claims)
    again = refresh(claims)
    assert (again.parsed, again.kept) == (1, 1)
    same_corpus(again.store.corpus(), load(claims, strict=False))
    assert refresh(claims).parsed == 0


def test_a_new_and_a_removed_file_are_seen(folder):
    claims = folder(DATA / "cases")
    refresh(claims)
    (claims / "beta.yaml").unlink()
    (claims / "gamma.yaml").write_text("source: {id: gamma, published: 2024}\nclaims:\n"
                                       "  - {id: one, measure: exports, value: $3 billion, period: 2023}\n")
    again = refresh(claims)
    assert (again.parsed, again.removed) == (1, 1)
    same_corpus(again.store.corpus(), load(claims, strict=False))


def test_a_changed_vocabulary_reads_everything_again(folder):
    claims = folder(ROOT / "claims")
    refresh(claims)
    vocabulary = claims / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n# a comment changes the hash\n", encoding="utf-8")
    assert not is_current(claims)
    assert refresh(claims).parsed == 2


def test_a_changed_source_text_reads_its_claim_file_again(folder):
    claims = folder(ROOT / "claims")
    refresh(claims)
    text = next((claims / "sources").glob("*.txt"))
    text.write_text("a different text, which holds none of the quotes\n", encoding="utf-8")
    again = refresh(claims)
    assert again.parsed == 1
    corpus = again.store.corpus()
    assert any(p.code == "CC901" for p in corpus.problems)  # the quotes are no longer in the text
    same_corpus(corpus, load(claims, strict=False))


def test_other_claimcheck_code_reads_everything_again(folder, monkeypatch):
    claims = folder(DATA / "cases")
    refresh(claims)
    monkeypatch.setattr(store, "code_version", lambda: "another version")
    assert not is_current(claims)
    assert refresh(claims).parsed == 2


def test_problems_and_a_taken_source_id_come_back_as_load_gives_them(folder):
    claims = folder(DATA / "cases")
    (claims / "zeta.yaml").write_text("source: {id: alpha, published: 2024}\nclaims:\n  - {id: x, measure: m}\n")
    (claims / "broken.yaml").write_text("source: {id: broken}\nclaims:\n  - {id: y, measure: m, value: 'lots'}\n")
    refresh(claims)
    refresh(claims)  # from the files table alone
    expected = load(claims, strict=False)
    assert any(p.code == "CC905" for p in expected.problems) and any(p.code == "CC902" for p in expected.problems)
    same_corpus(open_store(claims).corpus(), expected)


def test_the_store_is_whole_and_kept_out_of_version_control(folder):
    claims = folder(ROOT / "claims")
    built = refresh(claims).store
    meta = json.loads((built.path / "meta.json").read_text())
    on_disk = {p.name for p in built.path.glob("*.parquet")}
    assert on_disk == {*meta["segments"], meta["files"]}
    assert (claims / ".claimcheck" / ".gitignore").read_text().strip().endswith("*")
    assert load(claims).claims == built.corpus().claims  # the store's folder is no claim file


def test_files_parsed_by_a_pool_of_processes_give_the_same_store(folder, monkeypatch):
    claims = folder(ROOT / "claims")
    monkeypatch.setattr(store, "CHUNK_BYTES", 1)  # a chunk, and a segment, per file
    built = refresh(claims, jobs=2)
    same_corpus(built.store.corpus(), load(claims, strict=False))
