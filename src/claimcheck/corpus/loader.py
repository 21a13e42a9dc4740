"""Loading a claims folder: YAML files in, typed records out, every problem located.

Each YAML file holds one source and its claims. The YAML is composed into nodes with the safe
loader and turned into plain data here, keeping every scalar as the text that was written (so
``41.90`` keeps its precision and ``2013-10`` stays a month) and the line of every key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from claimcheck.corpus.quotes import unquoted
from claimcheck.corpus.records import Claim, Corpus, Source
from claimcheck.corpus.vocabulary import Vocabulary, load_vocabulary
from claimcheck.corpus.yamlfile import SCHEMA, Located, UnreadableFile, decode, read_regular_file, read_yaml
from claimcheck.errors import ArgumentTypeError, ClaimFileError, Problem, shown_path
from claimcheck.read.tolerances import DEFAULT_TOLERANCES, Tolerances, as_tolerances

VOCABULARY_FILE = "vocabulary.yaml"
MAX_TEXT_BYTES = 64 * 1024 * 1024  # a source text longer than a few books is not one document
REVIEW_FILE = "review.yaml"
Model = TypeVar("Model", bound=BaseModel)
_SET_BY_THE_LOADER = {"source_id", "line"}
_NOT_CLAIM_FILES = {VOCABULARY_FILE, REVIEW_FILE, "vocabulary.yml", "review.yml"}

# Problem codes: each is also a data rule in the engine, so a run lists them as findings.
QUOTE_NOT_FOUND = "CC901"
VALUE_UNREADABLE = "CC902"
UNKNOWN_UNIT = "CC903"
PERIOD_UNRESOLVED = "CC904"
DUPLICATE_ID = "CC905"
VALUE_NOT_QUOTED = "CC906"


# --- loading ------------------------------------------------------------------------------------


def load(path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, strict: bool = True,
         tolerances: Tolerances = DEFAULT_TOLERANCES) -> Corpus:
    """Load a claims folder (one YAML file per source), a single claim file, or several of either.

    Claims from several paths are checked together, as one folder would be; they must share
    one vocabulary. Every problem in every file is collected. With ``strict`` (the default) any
    problem raises ``ClaimFileError`` listing them all; otherwise they are returned in
    ``Corpus.problems`` and the records that could be read are kept, so that a check can report
    the rest as findings. ``tolerances`` are the value grammar's (see ``claimcheck.Tolerances``).
    """
    roots = _roots(path)
    if not isinstance(strict, bool):
        raise ArgumentTypeError("load", "strict", strict, "True or False")
    tolerances = as_tolerances(tolerances, "load")
    if not roots:
        raise ClaimFileError([Problem(".", None, "", "no claims folder or file was given")])
    missing = [Problem(shown_path(root), None, "", "no such file or folder") for root in roots if not root.exists()]
    if missing:
        raise ClaimFileError(missing)
    folders = list(dict.fromkeys(root if root.is_dir() else root.parent for root in roots))
    corpus = Corpus(root=folders[0])
    vocabularies = [folder / VOCABULARY_FILE for folder in folders if (folder / VOCABULARY_FILE).exists()]
    if vocabularies:
        corpus.vocabulary = load_vocabulary(vocabularies[0], shown_path(vocabularies[0]), corpus.problems)
    for other in vocabularies[1:]:
        corpus.problems.append(Problem(shown_path(other), None, "", f"is a second vocabulary beside "
                                       f"{shown_path(vocabularies[0])}; paths checked together share one vocabulary, "
                                       "so check these folders apart or merge their vocabularies", SCHEMA))
    files: dict[Path, Path] = {}  # each claim file once, however many of the paths name it
    for root in roots:
        found = claim_files(root) if root.is_dir() else [root]
        if root.is_dir() and not found:
            corpus.problems.append(no_claim_files(root))
        for file in found:
            files.setdefault(file.resolve(), file)
    for file in files.values():
        add_reading(corpus, read_claim_file(file, file.parent, corpus.vocabulary, tolerances), file)
    if strict and corpus.problems:
        raise ClaimFileError(list(corpus.problems))
    return corpus


def _roots(path: object) -> list[Path]:
    """The paths ``load`` was given, each checked: a str or path-like of text, or an iterable of them."""
    expected = "a claims folder or claim file, as a str or Path, or a list of them"
    one = isinstance(path, (str, os.PathLike))
    given: list[object]
    if one:
        given = [path]
    elif isinstance(path, Iterable) and not isinstance(path, (bytes, bytearray, dict)):
        given = list(path)
    else:
        raise ArgumentTypeError("load", "path", path, expected)
    roots = []
    for index, each in enumerate(given):
        if not isinstance(each, (str, os.PathLike)) or not isinstance(os.fspath(each), str):
            raise ArgumentTypeError("load", "path" if one else f"path[{index}]", each, expected)
        roots.append(Path(each))
    return roots


def claim_files(folder: Path) -> list[Path]:
    """The claim files of a folder, in the order they are loaded: its YAML files but the vocabulary and the review
    file."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.name not in _NOT_CLAIM_FILES)


def no_claim_files(root: Path) -> Problem:
    return Problem(shown_path(root), None, "", "holds no claim files (*.yaml)", SCHEMA)


@dataclass
class FileReading:
    """What one claim file says when read on its own; ``load`` adds it to the corpus (the store caches it).

    ``problems`` are in the order ``load`` reports them; the first ``before_source`` of them come
    before the source id, so that a file whose source id another file already uses reports those
    and the duplicate, and nothing of its claims.
    """

    shown: str
    source: Source | None = None
    source_id_line: int | None = None
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    before_source: int = 0
    text_path: Path | None = None  # the source text that was read, resolved


def read_claim_file(file: Path, folder: Path, vocabulary: Vocabulary | None, tolerances: Tolerances) -> FileReading:
    """One claim file: its source, its claims and its problems, with nothing from any other file."""
    reading = FileReading(shown_path(file))
    _read_file(file, folder, vocabulary, tolerances, reading)
    return reading


def add_reading(corpus: Corpus, reading: FileReading, file: Path) -> None:
    """A file's reading added to the corpus: the one check across files is that source ids are unique."""
    source = reading.source
    if source is not None and source.id in corpus.sources:
        corpus.problems.extend(reading.problems[:reading.before_source])
        corpus.problems.append(Problem(reading.shown, reading.source_id_line, "source.id",
                                       f"source id {source.id!r} is used by another file too", DUPLICATE_ID))
        return
    corpus.problems.extend(reading.problems)
    if source is not None:
        corpus.sources[source.id] = source
        corpus.files[source.id] = file
    corpus.claims.extend(reading.claims)


def _read_file(file: Path, folder: Path, vocabulary: Vocabulary | None, tolerances: Tolerances,
               reading: FileReading) -> None:
    shown = reading.shown
    problems = reading.problems
    data = read_yaml(file, shown, problems)
    if data is None:
        if not any(p.path == shown for p in problems):
            problems.append(Problem(shown, None, "", "is empty", SCHEMA))
        return
    if not isinstance(data, Located):
        problems.append(Problem(shown, 1, "", "must be a mapping with 'source' and 'claims'", SCHEMA))
        return
    for key in data:
        if key not in ("source", "claims"):
            problems.append(Problem(shown, data.key_lines[key], key,
                                        f"unknown key {key!r}; a claim file has 'source' and 'claims'", SCHEMA))
    raw_source = data.get("source")
    if not isinstance(raw_source, Located):
        problems.append(Problem(shown, data.key_lines.get("source", 1), "source",
                                    "is missing or not a mapping (id, title, author, published, text)", SCHEMA))
        return
    source = validate_located(Source, raw_source, {}, shown, "source", problems)
    if source is None:
        return
    reading.source, reading.source_id_line, reading.before_source = source, raw_source.key_lines.get("id"), len(problems)
    source_text = _source_text(source, raw_source, folder, shown, reading)

    raw_claims = data.get("claims")
    if raw_claims is None:
        raw_claims = []
    if not isinstance(raw_claims, list):
        problems.append(Problem(shown, data.key_lines.get("claims"), "claims", "must be a list of claims", SCHEMA))
        return
    seen: dict[str, int] = {}
    context = {"published": source.published, "tolerances": tolerances, "vocabulary": vocabulary}
    for index, raw in enumerate(raw_claims):
        where = f"claims[{index}]"
        if not isinstance(raw, Located):
            problems.append(Problem(shown, data.key_lines.get("claims"), where, "must be a mapping", SCHEMA))
            continue
        claim_id = raw.get("id")
        first_line = seen.get(claim_id) if isinstance(claim_id, str) else None
        duplicate = first_line is not None
        if duplicate:
            # Reported, and the record is still read, so that its other problems are listed too.
            problems.append(Problem(shown, raw.key_lines.get("id", raw.line), f"{where}.id",
                                        f"claim id {claim_id!r} is already used on line {first_line}",
                                        DUPLICATE_ID, f"{source.id}/{claim_id}"))
        elif isinstance(claim_id, str):
            seen[claim_id] = raw.key_lines.get("id", raw.line)
        for key in _SET_BY_THE_LOADER & raw.keys():
            problems.append(Problem(shown, raw.key_lines[key], f"{where}.{key}",
                                    f"unknown key {key!r}; the loader sets it", SCHEMA, f"{source.id}/{claim_id}"))
        fields = {**raw, "source_id": source.id, "line": raw.line}
        before = len(problems)
        claim = validate_located(Claim, fields, context, shown, where, problems, raw,
                          f"{source.id}/{claim_id}" if isinstance(claim_id, str) else None)
        whole = claim is not None and not duplicate  # a duplicate's problems are listed; it is not kept
        if claim is None:
            # Check the quote against what did read, so that one round reports every problem of the claim.
            failed = {p.field.removeprefix(f"{where}.").split(".")[0] for p in problems[before:]}
            claim = _without(failed, fields, context)
            if claim is None:
                continue
        if source_text is not None and claim.quote and _normalized(claim.quote) not in source_text:
            problems.append(Problem(shown, raw.key_lines.get("quote", raw.line), f"{where}.quote",
                                        f"quote {_short(claim.quote)} is not in the source text {source.text!r}",
                                        QUOTE_NOT_FOUND, claim.global_id))
        for key, message in unquoted(claim, source.published):
            problems.append(Problem(shown, raw.key_lines.get(key, raw.line), f"{where}.{key}", message,
                                    VALUE_NOT_QUOTED, claim.global_id))
        if whole:
            reading.claims.append(claim)


def _without(failed: set[str], fields: dict[str, Any], context: dict[str, Any]) -> Claim | None:
    """The claim read without the fields that failed, or None where the claim as a whole did (no such claim is
    kept: it only lets the quote checks see the fields that did read)."""
    if not failed or "" in failed or failed & {"id", "quote", "source_id"}:
        return None
    try:
        return Claim.model_validate({k: v for k, v in fields.items() if k not in failed}, context=context)
    except ValidationError:
        return None


def validate_located(model: type[Model], fields: dict[str, Any], context: dict[str, Any], shown: str, where: str,
                     problems: list[Problem], raw: Located | None = None, claim_id: str | None = None) -> Model | None:
    """The model validated from located fields, or None with each error appended as a located problem."""
    located: object = raw if raw is not None else fields
    try:
        return model.model_validate(fields, context=context)
    except ValidationError as exc:
        for error in exc.errors():
            loc = [str(part) for part in error["loc"]]
            key = loc[0] if loc else ""
            line = getattr(located, "key_lines", {}).get(key, getattr(located, "line", None))
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = f"unknown key {key!r}"
            elif error["type"] == "missing":
                message = "is required"
            field_name = f"{where}.{'.'.join(loc)}" if loc else where
            problems.append(Problem(shown, line, field_name, message, _code_for(key, message), claim_id))
        return None


def _code_for(key: str, message: str) -> str:
    if key in ("period", "date", "stated"):
        return PERIOD_UNRESOLVED
    if key in ("value", "unit", "also", "change"):
        return UNKNOWN_UNIT if "unit" in message else VALUE_UNREADABLE
    return SCHEMA


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-", "−": "-", "\u00a0": " "})


def _normalized(text: str) -> str:
    """Whitespace, typographic quotes and dashes do not matter when a quote is matched."""
    return " ".join(text.translate(_QUOTES).split())


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` stands in the source ``text`` as written, matched as the loader matches quotes
    (whitespace, typographic quotes and dashes do not matter); None where it is not there."""
    alike: dict[str, set[str]] = {}
    for original, plain in _QUOTES.items():
        alike.setdefault(str(plain), {str(plain)}).add(chr(original))
    pieces = []
    for word in _normalized(quote).split(" "):
        pieces.append("".join(f"[{''.join(re.escape(c) for c in sorted(alike[c]))}]" if c in alike else re.escape(c)
                              for c in word))
    found = re.search(r"\s+".join(pieces), text)
    return found.span() if found else None


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _source_text(source: Source, raw: Located, folder: Path, shown: str, reading: FileReading) -> str | None:
    problems = reading.problems
    if not source.text:
        return None
    line = raw.key_lines.get("text")
    if "\x00" in source.text:
        problems.append(Problem(shown, line, "source.text", "a path cannot contain a NUL character", SCHEMA))
        return None
    target = (folder / source.text).resolve()
    if not target.is_relative_to(folder.resolve()):
        problems.append(Problem(shown, line, "source.text",
                                    f"{source.text!r} leads outside the claims folder; keep source texts inside it", SCHEMA))
        return None
    reading.text_path = target
    try:
        data = read_regular_file(target, MAX_TEXT_BYTES, "for a source text")
    except UnreadableFile as exc:
        problems.append(Problem(shown, line, "source.text", f"{source.text!r} {exc.reason}", SCHEMA))
        return None
    unreadable: list[Problem] = []
    text = decode(data, source.text, unreadable)
    if text is None:
        problems.extend(Problem(shown, line, "source.text", f"{p.path!r} {p.message}", SCHEMA) for p in unreadable)
        return None
    return _normalized(text)


__all__ = ["Corpus", "FileReading", "add_reading", "claim_files", "find_quote", "load", "no_claim_files",
           "read_claim_file", "validate_located"]  # Corpus lives in records; kept here for its readers
