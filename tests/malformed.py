"""A corpus of malformed claim folders, one case per kind of damage a hand-edited file can carry.

Each case writes a claims folder (a good file beside the bad one, and a review file) and names
what the error message must contain: the file, the line where one exists, and the field.
Some cases are generated rather than stored: a 50 MB file, a symlink, bytes that are not UTF-8.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOOD = """\
source:
  id: good
  published: 2024
  text: sources/good.txt
claims:
  - id: share
    quote: "trade reached 41.9% of the total"
    subject: China
    measure: trade share
    value: 41.9%
    period: 2022
"""

REVIEW = """\
# a fact-checker's work, which no failed run may touch
reviews:
  - fingerprint: 0123456789abcdef
    verdict: confirmed
    note: checked by hand
"""


@dataclass(frozen=True)
class Case:
    kind: str
    build: Callable[[Path], None]
    expect: tuple[str, ...]  # fragments of the error output: file:line, field, words of the message


def _claim_file(body: str, *, name: str = "bad.yaml", published: str = "2024") -> Callable[[Path], None]:
    """A bad.yaml with a valid source and the given claims block."""
    def build(folder: Path) -> None:
        (folder / name).write_text(f"source:\n  id: bad\n  published: {published}\nclaims:\n{body}", encoding="utf-8")
    return build


def _raw(content: str | bytes, name: str = "bad.yaml") -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return build


def _with_text(text_path: str, setup: Callable[[Path], None] | None = None) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        if setup:
            setup(folder)
        (folder / "bad.yaml").write_text(f"source:\n  id: bad\n  text: {text_path}\nclaims: []\n", encoding="utf-8")
    return build


def _outside_symlink(folder: Path) -> None:
    secret = folder.parent / "secret.txt"
    secret.write_text("outside the claims folder", encoding="utf-8")
    os.symlink(secret, folder / "sources" / "link.txt")


def _big_file(folder: Path) -> None:
    claim = ("  - id: c{i}\n    subject: China\n    measure: trade share\n    value: 41.9%\n    period: 2022\n"
             "    note: " + "x" * 400 + "\n")
    with (folder / "bad.yaml").open("w", encoding="utf-8") as out:
        out.write("source:\n  id: bad\n  published: 2024\nclaims:\n")
        written, i = 0, 0
        while written < 50 * 1024 * 1024:
            written += out.write(claim.format(i=i))
            i += 1


def _alias_bomb(folder: Path) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (folder / "bad.yaml").write_text("source: {id: bad}\nbomb:\n" + "\n".join("  " + x for x in lines) + "\nclaims: []\n",
                                     encoding="utf-8")


def _deeply_nested(folder: Path) -> None:
    depth = 100_000
    (folder / "bad.yaml").write_text("source: {id: bad}\nclaims: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")


def _review(text: str) -> Callable[[Path], None]:
    return _raw(text, "review.yaml")


CASES = [
    Case("yaml syntax error", _raw("source:\n  id: bad\nclaims: [\n  - id: x\n"), ("bad.yaml:", "is not valid YAML")),
    Case("tab indentation", _raw("source:\n\tid: bad\nclaims: []\n"), ("bad.yaml:2", "is not valid YAML", "tab")),
    Case("UTF-16 with a byte-order mark", _raw(GOOD.replace("good", "bad").encode("utf-16")),
         ("bad.yaml", "not UTF-8")),
    Case("not UTF-8", _raw("source:\n  id: bad\n  title: Caf\xe9\nclaims: []\n".encode("latin-1")),
         ("bad.yaml", "not UTF-8", "byte 0xe9 at position")),
    Case("empty file", _raw(""), ("bad.yaml", "is empty")),
    Case("only comments", _raw("# nothing here yet\n"), ("bad.yaml", "is empty")),
    Case("a list where a mapping belongs", _raw("- source: {id: bad}\n"),
         ("bad.yaml:1", "must be a mapping with 'source' and 'claims'")),
    Case("claims is a mapping", _raw("source: {id: bad}\nclaims: {id: x}\n"), ("bad.yaml:2: claims", "must be a list")),
    Case("a claim is a string", _claim_file("  - just a sentence\n"), ("bad.yaml:4: claims[0]", "must be a mapping")),
    Case("source is a string", _raw("source: bad\nclaims: []\n"), ("bad.yaml:1: source", "not a mapping")),
    Case("value of the wrong type", _claim_file("  - {id: x, measure: m, value: {low: 1}}\n"),
         ("bad.yaml:5: claims[0].value",)),
    Case("boolean of the wrong type", _claim_file("  - {id: x, measure: m, items: [a], complete: perhaps}\n"),
         ("bad.yaml:5: claims[0].complete", "boolean")),
    Case("items not a list", _claim_file("  - {id: x, measure: m, items: a b c}\n"), ("bad.yaml:5: claims[0].items",)),
    Case("missing claim id", _claim_file("  - {measure: m, value: 5%}\n"), ("bad.yaml:5: claims[0].id", "is required")),
    Case("missing source", _raw("claims: []\n"), ("bad.yaml:1: source", "is missing")),
    Case("missing source id", _raw("source: {title: A}\nclaims: []\n"), ("bad.yaml:1: source.id", "is required")),
    Case("value without a measure", _claim_file("  - {id: x, value: 5%}\n"), ("bad.yaml:5: claims[0]", "needs a measure")),
    Case("unknown claim key", _claim_file("  - {id: x, measure: m, value: 5%, colour: red}\n"),
         ("bad.yaml:5: claims[0].colour", "unknown key 'colour'")),
    Case("unknown top-level key", _raw("source: {id: bad}\nclaim: []\n"), ("bad.yaml:2: claim", "unknown key 'claim'")),
    Case("key set by the loader", _claim_file("  - {id: x, measure: m, value: 5%, line: 3}\n"),
         ("bad.yaml:5: claims[0].line", "the loader sets it")),
    Case("duplicate YAML key", _claim_file("  - id: x\n    measure: m\n    measure: n\n"),
         ("bad.yaml:7: measure", "appears twice")),
    Case("bad id characters", _claim_file("  - {id: 'x y', measure: m, value: 5%}\n"),
         ("bad.yaml:5: claims[0].id", "must be letters, digits")),
    Case("duplicate id in a file", _claim_file("  - {id: x, measure: m, value: 5%}\n  - {id: x, measure: m, value: 6%}\n"),
         ("bad.yaml:6: claims[1].id", "already used on line 5")),
    Case("duplicate source id across files", _raw(GOOD.replace("  text: sources/good.txt\n", "")),
         ("good.yaml:2: source.id", "used by another file")),
    Case("unknown unit", _claim_file("  - {id: x, measure: m, value: 5 zorkmids per fortnight}\n"),
         ("bad.yaml:5: claims[0].value",)),
    Case("impossible date", _claim_file("  - {id: x, measure: m, value: 5%, period: 2023-02-30}\n"),
         ("bad.yaml:5: claims[0].period", "2023-02-30")),
    Case("reversed range", _claim_file("  - {id: x, measure: m, value: between 60 and 40%}\n"),
         ("bad.yaml:5: claims[0].value", "60")),
    Case("empty interval", _claim_file("  - {id: x, measure: m, value: over 100%}\n"), ("bad.yaml:5: claims[0].value",)),
    Case("relative period without a publication date",
         _raw("source: {id: bad}\nclaims:\n  - {id: x, measure: m, value: 5%, period: last year}\n"),
         ("bad.yaml:3: claims[0].period", "publication")),
    Case("quote not in the source", _raw("source:\n  id: bad\n  text: sources/good.txt\nclaims:\n"
                                         "  - {id: x, measure: m, value: 5%, quote: 'never said this'}\n"),
         ("bad.yaml:5: claims[0].quote", "is not in the source text")),
    Case("text path through ..", _with_text("../outside.txt"), ("bad.yaml:3: source.text", "outside the claims folder")),
    Case("absolute text path", _with_text("/etc/passwd"), ("bad.yaml:3: source.text", "outside the claims folder")),
    Case("text symlink out of the folder", _with_text("sources/link.txt", _outside_symlink),
         ("bad.yaml:3: source.text", "outside the claims folder")),
    Case("missing text file", _with_text("sources/missing.txt"), ("bad.yaml:3: source.text", "cannot be read")),
    Case("non-standard tag", _raw("source: !!python/object:os.system {id: bad}\nclaims: []\n"),
         ("bad.yaml:1", "tag", "not allowed")),
    Case("control characters", _raw("source:\n  id: bad\n  title: \"a\x07b\"\nclaims: []\n"),
         ("bad.yaml:3", "is not valid YAML")),
    Case("a file of 50 MB", _big_file, ("bad.yaml", "MB", "limit")),
    Case("deeply nested YAML", _deeply_nested, ("bad.yaml:2", "nesting")),
    Case("YAML alias bomb", _alias_bomb, ("bad.yaml:3", "alias")),
    Case("broken vocabulary", _raw("measures:\n  trade share: {drift: sideways}\n", "vocabulary.yaml"),
         ("vocabulary.yaml:2", "drift")),
    Case("corrupted review file", _review("reviews:\n  - fingerprint: 0123456789abcdef\n    verdict: [\n"),
         ("review.yaml:", "is not valid YAML")),
    Case("review file of the wrong shape", _review("- 0123456789abcdef\n"), ("review.yaml:1", "'reviews'")),
    Case("review entry for a claim that no longer exists",
         _review("reviews:\n  - fingerprint: 0123456789abcdef\n    verdict: confirmed\n    claims: [good/gone]\n"),
         ("review.yaml:2: claims", "no longer exist", "good/gone")),
]


def make_folder(root: Path, case: Case) -> Path:
    """The claims folder of ``case`` under ``root``: the good file, its source text, a review file, then the damage."""
    folder = root / "claims"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "good.txt").write_text("In 2022 trade reached 41.9% of the total.\n", encoding="utf-8")
    (folder / "good.yaml").write_text(GOOD, encoding="utf-8")
    (folder / "review.yaml").write_text(REVIEW, encoding="utf-8")
    case.build(folder)
    return folder


def _latin1_text(folder: Path) -> None:
    (folder / "sources" / "latin.txt").write_bytes("Caf\xe9 society".encode("latin-1"))


CASES.append(Case("source text not UTF-8", _with_text("sources/latin.txt", _latin1_text),
                  ("bad.yaml:3: source.text", "'sources/latin.txt' is not UTF-8")))
CASES.append(Case("NUL in the text path", _with_text('"sources/a\\0b.txt"'),
                  ("bad.yaml:3: source.text", "NUL character")))
# pint evaluates the numbers of a unit: '9**9**9' would run for hours (found by the unit guard's property test).
CASES.append(Case("a unit pint would compute for hours",
                  _claim_file("  - {id: x, measure: m, unit: '9**9**9', value: '5'}\n"),
                  ("bad.yaml:5: claims[0].value", "unit '9**9**9' is not a unit claimcheck knows")))


# Files that are not regular files: a FIFO blocks its reader forever, /dev/zero never ends and
# declares a size of 0. Each must be refused before it is read, within the time and memory limits.

def _fifo(name: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        os.mkfifo(folder / name)
    return build


def _link_to(target: str, name: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        os.symlink(target, folder / name)
    return build


def _socket(name: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        import socket

        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(folder / name))
    return build


def _fifo_as_text(folder: Path) -> None:
    os.mkfifo(folder / "sources" / "pipe.txt")


def _link_to_fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe")
    os.symlink(folder / "pipe", folder / "bad.yaml")


SPECIAL_FILES = [
    Case("a FIFO as a claim file", _fifo("bad.yaml"), ("bad.yaml", "is a FIFO (named pipe)", "not a regular file")),
    Case("a FIFO as the vocabulary", _fifo("vocabulary.yaml"), ("vocabulary.yaml", "is a FIFO", "not a regular file")),
    Case("a FIFO as a source text", _with_text("sources/pipe.txt", _fifo_as_text),
         ("bad.yaml:3: source.text", "'sources/pipe.txt' is a FIFO", "not a regular file")),
    Case("a link to a FIFO as a claim file", _link_to_fifo,
         ("bad.yaml", "is a FIFO (named pipe) through a symbolic link", "not a regular file")),
    Case("a link to /dev/zero as a claim file", _link_to("/dev/zero", "bad.yaml"),
         ("bad.yaml", "is a character device through a symbolic link", "not a regular file")),
    Case("a link to /dev/zero as the vocabulary", _link_to("/dev/zero", "vocabulary.yaml"),
         ("vocabulary.yaml", "is a character device through a symbolic link")),
    Case("a link to /dev/urandom as a claim file", _link_to("/dev/urandom", "bad.yaml"),
         ("bad.yaml", "is a character device")),
    Case("a socket as a claim file", _socket("bad.yaml"), ("bad.yaml", "is a socket", "not a regular file")),
    Case("a folder named like a claim file", lambda folder: (folder / "bad.yaml").mkdir(),
         ("bad.yaml", "is a folder", "not a regular file")),
]
CASES.extend(SPECIAL_FILES)


# The fields of claim files v2 (issue 13; issue 19, item 19): each wrong value is named at its line and field.
_STATUS_VOCABULARY = "measures:\n  status: {categories: [member, observer]}\n"


def _with_vocabulary(body: str, vocabulary: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        _claim_file(body)(folder)
        (folder / "vocabulary.yaml").write_text(vocabulary, encoding="utf-8")
    return build


CASES.extend([
    Case("stated: that is no date", _claim_file("  - {id: x, measure: m, value: 5%, period: 2022, stated: the day after never}\n"),
         ("bad.yaml:5: claims[0].stated", "cannot read period")),
    Case("also: with no value", _claim_file("  - {id: x, measure: m, also: $8.1 billion, period: 2022}\n"),
         ("bad.yaml:5: claims[0]", "needs a value")),
    Case("also: that is no value", _claim_file("  - {id: x, measure: m, value: 1.2 trillion yen, also: lots, period: 2022}\n"),
         ("bad.yaml:5: claims[0].also", "cannot read value")),
    Case("since: with no period", _claim_file("  - {id: x, measure: m, value: '30', since: founding}\n"),
         ("bad.yaml:5: claims[0].since", "give the period too")),
    Case("change: with no event", _claim_file("  - {id: x, measure: m, value: '30', period: 2022, change: '+1'}\n"),
         ("bad.yaml:5: claims[0]", "a change belongs to an event")),
    Case("change: that is no number", _claim_file("  - {id: x, event: e, date: 2020, change: plus one, measure: m}\n"),
         ("bad.yaml:5: claims[0].change", "cannot read value")),
    Case("derived: empty", _claim_file("  - {id: x, measure: m, value: 5%, period: 2022, derived: ''}\n"),
         ("bad.yaml:5: claims[0].derived", "must not be empty")),
    Case("a category the vocabulary does not declare",
         _with_vocabulary("  - {id: x, subject: Norway, measure: status, value: obsrver, period: 2022}\n", _STATUS_VOCABULARY),
         ("bad.yaml:5: claims[0].value", "not one of the categories declared")),
    Case("a measure kind that does not exist", _raw("measures:\n  m: {kind: stock}\n", "vocabulary.yaml"),
         ("vocabulary.yaml:2: measures.m.kind", "must be flow, ratio or state")),
    Case("category aliases that are no list", _raw("measures:\n  status:\n    categories:\n      observer: true\n",
                                                   "vocabulary.yaml"),
         ("vocabulary.yaml:3: measures.status.categories", "must be a list of names")),  # found by the fuzz run
    Case("a spread that is no amount", _raw("scopes:\n  s: {ambiguous: two lists, spread: wide}\n", "vocabulary.yaml"),
         ("vocabulary.yaml:2: scopes.s.spread", "cannot be read")),
])
