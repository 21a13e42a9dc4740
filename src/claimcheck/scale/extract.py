"""Extraction over many documents at once: every core of the machine, each document in one process.

``extract_files`` reads and extracts each document in a pool of processes (one document is
the unit of work: extraction is a pure function of its text) and gives the results back in the
order of the files, so that what is written does not depend on which process finished first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from claimcheck.corpus.loader import MAX_TEXT_BYTES
from claimcheck.corpus.yamlfile import UnreadableFile, decode, read_regular_file
from claimcheck.errors import ClaimFileError, Problem, shown_path
from claimcheck.extraction.candidates import Candidate, extract
from claimcheck.extraction.drafts import draft_yaml
from claimcheck.read import units

Progress = Callable[[int, int], None]  # (documents done, documents in all)


def read_document(file: Path) -> str:
    """A document's text (UTF-8); ``ClaimFileError`` naming the file when it is not text."""
    problems: list[Any] = []
    try:  # a FIFO or a device is refused, never read until it ends
        data = read_regular_file(file, MAX_TEXT_BYTES, "for a document")
    except UnreadableFile as exc:
        raise ClaimFileError([Problem(shown_path(file), None, "", exc.reason)]) from None
    text = decode(data, shown_path(file), problems)
    if text is None:
        raise ClaimFileError(problems)
    return text


def _extracted(job: tuple[Path, str | None]) -> tuple[str, list[Candidate]]:
    file, published = job
    text = read_document(file)
    return text, extract(text, published=published)


def extract_files(files: Sequence[Path], *, published: str | None = None, jobs: int | None = None,
                  progress: Progress | None = None) -> Iterator[tuple[Path, str, list[Candidate]]]:
    """(file, text, candidates) for each document, in the order given, extracted across ``jobs`` processes."""
    tell = progress or (lambda done, total: None)
    workers = min(len(files), jobs if jobs is not None else (os.cpu_count() or 1))
    work = [(file, published) for file in files]
    if workers <= 1:
        for done, (file, job) in enumerate(zip(files, work, strict=True), start=1):
            text, candidates = _extracted(job)
            tell(done, len(files))
            yield file, text, candidates
        return
    units.registry()  # built once here (pint takes most of a second), and shared by the forked workers
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done, (file, (text, candidates)) in enumerate(zip(files, pool.map(_extracted, work), strict=True),
                                                          start=1):
            tell(done, len(files))
            yield file, text, candidates


def source_id_of(path: Path) -> str:
    """The source id a document's draft gets: its file name without suffix, as an id may be written."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-._") or "source"


def draft_of(path: Path, data: bytes, published: str | None) -> tuple[str, int]:
    """A document's draft claim file (its source text not linked: the draft's folder is not known), and how
    many candidates it holds; ``ClaimFileError`` when the bytes are not text."""
    problems: list[Any] = []
    text = decode(data, str(path), problems)
    if text is None:
        raise ClaimFileError(problems)
    candidates = extract(text, published=published)
    return draft_yaml(text, candidates, source_id=source_id_of(path), published=published, text_path=None,
                      origin=path.name), len(candidates)


def documents_in(paths: Sequence[Path]) -> list[Path]:
    """The documents named: files as they are, and the *.txt files of a folder, in order of name."""
    out: list[Path] = []
    for path in paths:
        out.extend(sorted(p for p in path.glob("*.txt") if p.is_file()) if path.is_dir() else [path])
    return out


__all__ = ["documents_in", "draft_of", "extract_files", "read_document", "source_id_of"]
