"""The claims store: a claims folder parsed once into Parquet, re-parsed only where a file changed.

The store lives in the claims folder, in ``.claimcheck/store/``:

- ``meta.json``: what the store was made with (the store's format, a hash of the claimcheck code
  that reads claims, the vocabulary file's hash and text, the tolerances) and the names of the
  files below. It is written last, by a rename: a store is always the one it names, whole;
- ``files-N.parquet``: one row per claim file: its content hash (and its source text's), its
  source record, its problems, and how many claims it holds;
- ``claims-N.parquet``: segments of claims, one row per claim (``claimcheck.store.columns``).

Refreshing hashes every claim file, keeps the claims of the files whose hash (and source text's
hash) is unchanged, and parses the rest, in parallel across the cores when there are many. A
changed vocabulary, tolerance or claimcheck version parses everything again: a store never gives
an answer that a fresh ``load`` would not.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from claimcheck import __version__
from claimcheck.corpus.loader import (
    VOCABULARY_FILE,
    FileReading,
    add_reading,
    claim_files,
    no_claim_files,
    read_claim_file,
)
from claimcheck.corpus.records import Claim, Corpus, Source
from claimcheck.corpus.vocabulary import EMPTY, Vocabulary, load_vocabulary, vocabulary_from_bytes
from claimcheck.errors import ClaimcheckError, Problem, shown_path
from claimcheck.read import units
from claimcheck.read.tolerances import DEFAULT_TOLERANCES, Tolerances
from claimcheck.review import write_atomic
from claimcheck.store.columns import ColumnWriter, claims_from_table

STORE_FOLDER = Path(".claimcheck") / "store"
FORMAT = 1
CHUNK_BYTES = 16_000_000  # claim files a worker reads and writes as one segment (some 60,000 claims)
MIN_CHUNK_BYTES = 1_000_000  # below this, a run of files is not worth a worker of its own
ROW_GROUP = 65_536  # claims per Parquet row group: what a reader decodes at once
_PACKAGE = Path(__file__).resolve().parents[1]

FILE_SCHEMA = pa.schema([
    ("name", pa.string()), ("shown", pa.string()), ("sha", pa.string()), ("text_path", pa.string()),
    ("text_sha", pa.string()), ("source", pa.string()), ("source_id_line", pa.int64()),
    ("problems", pa.string()), ("before_source", pa.int64()), ("claims", pa.int64()),
])
Progress = Callable[[int, int], None]  # (files done, files in all)


def code_version() -> str:
    """A hash of the code that turns claim files into stored claims: a store made by other code is stale."""
    digest = hashlib.sha256(__version__.encode())
    for part in ("read", "corpus", "engine", "store"):
        for path in sorted((_PACKAGE / part).rglob("*.py")):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _sha(path: Path) -> str:
    if not path.is_file():  # a FIFO, a device: never read here; the loader refuses it, naming the file
        return "not a regular file"
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Store:
    """An opened store: its folder, what it was made with, and its files."""

    folder: Path  # the claims folder
    path: Path  # the store folder inside it
    meta: dict[str, Any]

    @property
    def segments(self) -> list[Path]:
        return [self.path / name for name in self.meta["segments"]]

    @property
    def claim_count(self) -> int:
        return int(self.meta["claims"])

    def require_current_code(self) -> None:
        """Refuse a store made by other claimcheck code: its columns and blocking keys may not be this code's."""
        if self.meta.get("code") != code_version():
            raise ClaimcheckError(f"the store in {self.path} was made by another version of claimcheck; refresh it "
                                  f"('claimcheck store {self.folder}')")

    def files(self) -> list[dict[str, Any]]:
        files: list[dict[str, Any]] = pq.read_table(self.path / self.meta["files"]).to_pylist()
        return files

    def vocabulary(self, problems: list[Problem] | None = None) -> Vocabulary | None:
        """The vocabulary the claims were read with (from the text the store keeps), or None."""
        text = self.meta["vocabulary_text"]
        if text is None:
            return None
        return vocabulary_from_bytes(text.encode("utf-8"), self.meta["vocabulary_shown"],
                                     [] if problems is None else problems)

    def sources(self) -> dict[str, Source]:
        """Every source, by id, as ``load`` would have them (a file whose source id is taken adds none)."""
        out: dict[str, Source] = {}
        for record in self.files():
            if record["source"] is not None:
                source = Source.model_validate_json(record["source"])
                out.setdefault(source.id, source)
        return out

    def published(self) -> dict[str, Any]:
        return {sid: source.published for sid, source in self.sources().items() if source.published}

    def batches(self, columns: list[str] | None = None) -> Iterator[pa.RecordBatch]:
        for segment in self.segments:
            yield from pq.ParquetFile(segment).iter_batches(columns=columns)

    def corpus(self, *, claims: bool = True) -> Corpus:
        """The corpus ``load(folder, strict=False)`` gives, rebuilt from the store; without ``claims``, all of it
        but the claims (sources, files, problems, vocabulary), for engines that read the claims themselves."""
        corpus = Corpus(root=self.folder)
        corpus.vocabulary = self.vocabulary(corpus.problems)
        files = self.files()
        if not files:
            corpus.problems.append(no_claim_files(self.folder))
        by_file: dict[str, list[tuple[int, Claim]]] = {}
        for segment in self.segments if claims else ():
            table = pq.read_table(segment)
            order = table.column("position").to_pylist()
            for name, position, claim in zip(table.column("file").to_pylist(), order, claims_from_table(table),
                                             strict=True):
                by_file.setdefault(name, []).append((position, claim))
        for record in files:
            found = [claim for _, claim in sorted(by_file.get(record["shown"], ()), key=lambda pair: pair[0])]
            reading = FileReading(
                record["shown"], None if record["source"] is None else Source.model_validate_json(record["source"]),
                record["source_id_line"], found, [Problem(**p) for p in json.loads(record["problems"])],
                record["before_source"])
            add_reading(corpus, reading, self.folder / record["name"])
        return corpus

    def admitted(self, corpus: Corpus) -> list[str]:
        """The files whose claims the corpus holds (as ``file`` names them): not one whose source id is taken."""
        names = {path.name for path in corpus.files.values()}
        return [record["shown"] for record in self.files() if record["name"] in names]


def store_path(folder: str | Path) -> Path:
    return Path(folder) / STORE_FOLDER


def remove_store(folder: str | Path) -> None:
    """The folder's store removed, and its .claimcheck folder when nothing else is in it."""
    path = store_path(folder)
    shutil.rmtree(path, ignore_errors=True)
    (path.parent / ".gitignore").unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        path.parent.rmdir()


def open_store(folder: str | Path) -> Store | None:
    """The folder's store as it is, or None if it has none (it may be stale: see ``refresh``)."""
    path = store_path(folder)
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("format") != FORMAT:
        return None
    return Store(Path(folder), path, meta)


def _environment(folder: Path, tolerances: Tolerances) -> dict[str, Any]:
    vocabulary = folder / VOCABULARY_FILE
    text = vocabulary.read_bytes().decode("utf-8", errors="replace") if vocabulary.is_file() else None
    return {"format": FORMAT, "code": code_version(), "tolerances": tolerances.model_dump(),
            "vocabulary_sha": None if text is None else hashlib.sha256(text.encode()).hexdigest(),
            "vocabulary_text": text, "vocabulary_shown": shown_path(vocabulary),
            # Messages and claims name files as seen from the working folder: seen from another, read them again.
            "folder_shown": shown_path(folder)}


# --- parsing one file (in this process or a worker) ---------------------------------------------

_worker: dict[str, Any] = {}


def _start_worker(folder: Path, vocabulary: Vocabulary | None, tolerances: Tolerances) -> None:
    _worker.update(folder=folder, vocabulary=vocabulary, tolerances=tolerances,
                   writer=ColumnWriter(vocabulary or EMPTY))


def _parse(file: Path) -> tuple[dict[str, Any], pa.Table]:
    """A claim file read, as its row of the files table and its claims as a table."""
    folder, vocabulary, tolerances = _worker["folder"], _worker["vocabulary"], _worker["tolerances"]
    sha = _sha(file)
    reading = read_claim_file(file, folder, vocabulary, tolerances)
    source = reading.source
    published = {source.id: source.published} if source is not None and source.published else {}
    table = _worker["writer"].table(reading.claims, reading.shown, published)
    text = reading.text_path
    record = {"name": file.name, "shown": reading.shown, "sha": sha,
              "text_path": None if text is None else os.path.relpath(text, folder),
              "text_sha": None if text is None else _sha(text),
              "source": None if source is None else source.model_dump_json(),
              "source_id_line": reading.source_id_line,
              "problems": json.dumps([dataclasses.asdict(p) for p in reading.problems], ensure_ascii=False),
              "before_source": reading.before_source, "claims": len(reading.claims)}
    return record, table


def _parse_chunk(job: tuple[list[Path], Path]) -> tuple[list[dict[str, Any]], str | None]:
    """Claim files read and their claims written as one segment (by the worker that read them, so that
    writing Parquet is spread over the cores too): their rows of the files table, and the segment's name."""
    files, segment = job
    records, tables = [], []
    for file in files:
        record, table = _parse(file)
        records.append(record)
        tables.append(table)
    if not any(table.num_rows for table in tables):
        return records, None
    _write_parquet(pa.concat_tables(tables), segment)
    return records, segment.name


def _unchanged(record: dict[str, Any], folder: Path, sha: str) -> bool:
    if record["sha"] != sha:
        return False
    if record["text_path"] is None:
        return True
    text = folder / record["text_path"]
    return text.exists() and _sha(text) == str(record["text_sha"])


# --- refreshing ---------------------------------------------------------------------------------


@dataclass
class Refreshed:
    store: Store
    parsed: int  # files parsed this time
    kept: int  # files whose claims were kept
    removed: int


def refresh(folder: str | Path, *, tolerances: Tolerances = DEFAULT_TOLERANCES, jobs: int | None = None,
            progress: Progress | None = None) -> Refreshed:
    """Build the folder's store, or bring it up to date with the folder; returns it with what was done."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ClaimcheckError(f"{folder} is not a folder; the store is made for a claims folder")
    path = store_path(folder)
    path.mkdir(parents=True, exist_ok=True)
    ignore = path.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# claimcheck's store, rebuilt from the claim files; not for version control\n*\n")
    with (path / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one refresh at a time; readers see whole stores only (meta.json)
        return _refresh(folder, path, tolerances, jobs, progress or (lambda done, total: None))


def _refresh(folder: Path, path: Path, tolerances: Tolerances, jobs: int | None, progress: Progress) -> Refreshed:
    environment = _environment(folder, tolerances)
    old = open_store(folder)
    same_environment = old is not None and all(old.meta.get(k) == v for k, v in environment.items())
    previous = {r["name"]: r for r in old.files()} if old is not None and same_environment else {}
    files = claim_files(folder)
    kept: dict[str, dict[str, Any]] = {}
    dirty: list[Path] = []
    for file in files:
        record = previous.get(file.name)
        if record is not None and _unchanged(record, folder, _sha(file)):
            kept[file.name] = record
        else:
            dirty.append(file)
    removed = len(set(previous) - {f.name for f in files})

    problems: list[Problem] = []
    vocabulary_path = folder / VOCABULARY_FILE
    vocabulary = load_vocabulary(vocabulary_path, environment["vocabulary_shown"], problems) \
        if vocabulary_path.exists() else None

    number = int(old.meta.get("generation", 0)) + 1 if old is not None else 1
    counter = iter(range(1_000_000))

    def segment_name() -> str:
        return f"claims-{number}-{next(counter)}.parquet"

    segments: list[str] = []
    # Segments holding only kept files are kept as they are; the others keep the rows of their kept files.
    if old is not None and same_environment:
        kept_shown = {r["shown"] for r in kept.values()}
        for segment in old.segments:
            table = pq.read_table(segment, columns=["file"])
            names = set(table.column("file").to_pylist())
            if names <= kept_shown:
                segments.append(segment.name)
            elif names & kept_shown:
                full = pq.read_table(segment)
                mask = pc.is_in(full.column("file"), value_set=pa.array(sorted(kept_shown)))
                name = segment_name()
                _write_parquet(full.filter(mask), path / name)
                segments.append(name)
    parsed: dict[str, dict[str, Any]] = {}
    chunks = _chunks(dirty, jobs if jobs is not None else (os.cpu_count() or 1))
    jobs_of = [(chunk, path / segment_name()) for chunk in chunks]
    for records, written in _parse_all(jobs_of, folder, vocabulary, tolerances, jobs, progress):
        parsed.update((record["name"], record) for record in records)
        if written is not None:
            segments.append(written)

    records = [kept[f.name] if f.name in kept else parsed[f.name] for f in files]
    files_name = f"files-{number}.parquet"
    _write_parquet(pa.Table.from_pylist(records, schema=FILE_SCHEMA), path / files_name)
    meta = {**environment, "generation": number, "segments": segments, "files": files_name,
            "claims": sum(r["claims"] for r in records)}
    write_atomic(path / "meta.json", json.dumps(meta, ensure_ascii=False))
    for leftover in path.glob("*.parquet"):  # earlier generations, and anything a crash left behind
        if leftover.name not in segments and leftover.name != files_name:
            leftover.unlink(missing_ok=True)
    return Refreshed(Store(folder, path, meta), parsed=len(parsed), kept=len(kept), removed=removed)


def _chunks(files: list[Path], workers: int) -> list[list[Path]]:
    """Files in runs, in order: each run is read, and written as a segment, by one worker. A run is at most
    ``CHUNK_BYTES``, and small enough that every worker gets a few."""
    sizes = [file.stat().st_size for file in files]
    most = min(CHUNK_BYTES, max(MIN_CHUNK_BYTES, sum(sizes) // (4 * workers)))
    chunks: list[list[Path]] = []
    size = most
    for file, file_size in zip(files, sizes, strict=True):
        if size >= most:
            chunks.append([])
            size = 0
        chunks[-1].append(file)
        size += file_size
    return chunks


def _parse_all(jobs_of: list[tuple[list[Path], Path]], folder: Path, vocabulary: Vocabulary | None,
               tolerances: Tolerances, jobs: int | None,
               progress: Progress) -> Iterator[tuple[list[dict[str, Any]], str | None]]:
    total = sum(len(chunk) for chunk, _ in jobs_of)
    workers = min(len(jobs_of), jobs if jobs is not None else (os.cpu_count() or 1))
    done = 0
    results: Iterator[tuple[list[dict[str, Any]], str | None]]
    if workers <= 1:
        _start_worker(folder, vocabulary, tolerances)
        results = map(_parse_chunk, jobs_of)
    else:
        units.registry()  # built once here (pint takes most of a second), and shared by the forked workers
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                   initargs=(folder, vocabulary, tolerances))
        results = pool.map(_parse_chunk, jobs_of)
    try:
        for records, segment in results:
            done += len(records)
            progress(done, total)
            yield records, segment
    finally:
        if workers > 1:
            pool.shutdown(cancel_futures=True)


def _write_parquet(table: pa.Table, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, temporary, row_group_size=ROW_GROUP)
    os.replace(temporary, path)


def is_current(folder: str | Path, *, tolerances: Tolerances = DEFAULT_TOLERANCES) -> bool:
    """Whether the folder's store holds exactly what its claim files say now (without changing anything)."""
    folder = Path(folder)
    store = open_store(folder)
    if store is None or any(store.meta.get(k) != v for k, v in _environment(folder, tolerances).items()):
        return False
    records = {r["name"]: r for r in store.files()}
    files = claim_files(folder)
    return set(records) == {f.name for f in files} and all(_unchanged(records[f.name], folder, _sha(f))
                                                           for f in files)


__all__ = ["FORMAT", "STORE_FOLDER", "Refreshed", "Store", "code_version", "is_current", "open_store", "refresh",
           "remove_store", "store_path"]
