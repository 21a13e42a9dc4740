"""The vocabulary: one canonical name for each subject, measure and scope, and relations between measures.

A vocabulary file looks like this::

    subjects:
      China: [PRC, "People's Republic of China"]
    scopes:
      neighbouring countries:
        aliases: [neighboring countries, periphery, countries in the neighborhood]
        ambiguous: no agreed list of countries; sources count between 14 and 29
    measures:
      trade share:
        aliases: [share of total trade, share of foreign trade]
        drift: 2 points a year
    relations:
      - trade volume = trade share × trade volume [world]

Relations are read by a small grammar (``part = share × whole``, or ``share = part / whole``);
they are never evaluated as code.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.corpus.yamlfile import SCHEMA, read_yaml
from claimcheck.errors import Problem, VocabularyError

_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "\u00a0": " "})


_PLAIN = re.compile(r"[a-z0-9']+(?: [a-z0-9']+)*")


def normalize_name(name: str) -> str:
    """Case, spacing, hyphens and typographic quotes do not make two names different."""
    if _PLAIN.fullmatch(name):  # already normal: the common case, a third of the cost
        return name
    return " ".join(name.translate(_TYPOGRAPHIC).casefold().replace("-", " ").replace("_", " ").split())


@dataclass(frozen=True, slots=True)
class Drift:
    """How far a measure can plausibly move in a year: absolute (in its unit) or relative."""

    per_year: float
    relative: bool
    text: str

    def allowance(self, years: float, level: float) -> float:
        """The largest change the drift allows over ``years``, near a value of ``level``."""
        if self.relative:
            return abs(level) * ((1 + self.per_year) ** years - 1)
        return self.per_year * years


@dataclass(frozen=True, slots=True)
class Term:
    measure: str
    scope: str | None  # None: the scope of the claims being related

    def __str__(self) -> str:
        return self.measure + (f" [{self.scope}]" if self.scope else "")


@dataclass(frozen=True, slots=True)
class Relation:
    """``part = share × whole``: within one subject and period, the part is the share of the whole."""

    part: Term
    share: Term
    whole: Term
    text: str


@dataclass
class Entry:
    canonical: str
    aliases: tuple[str, ...] = ()
    drift: Drift | None = None
    ambiguous: str | None = None
    note: str | None = None


@dataclass
class Vocabulary:
    subjects: dict[str, Entry] = field(default_factory=dict)
    measures: dict[str, Entry] = field(default_factory=dict)
    scopes: dict[str, Entry] = field(default_factory=dict)
    events: dict[str, Entry] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    _lookup: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lookup = {kind: {} for kind in ("subjects", "measures", "scopes", "events")}
        for kind in self._lookup:
            for entry in getattr(self, kind).values():
                for name in (entry.canonical, *entry.aliases):
                    self._lookup[kind][normalize_name(name)] = entry.canonical

    def _canonical(self, kind: str, name: str | None) -> str | None:
        if name is None:
            return None
        key = normalize_name(name)
        return self._lookup[kind].get(key, key)

    def subject(self, name: str | None) -> str | None:
        return self._canonical("subjects", name)

    def measure(self, name: str | None) -> str | None:
        return self._canonical("measures", name)

    def scope(self, name: str | None) -> str | None:
        return self._canonical("scopes", name)

    def event(self, name: str | None) -> str | None:
        return self._canonical("events", name)

    def drift(self, measure: str | None) -> Drift | None:
        entry = self.measures.get(measure or "")
        return entry.drift if entry else None

    def ambiguity(self, scope: str | None) -> str | None:
        entry = self.scopes.get(scope or "")
        return entry.ambiguous if entry else None


EMPTY = Vocabulary()


def similar(a: str, b: str) -> bool:
    """Whether two canonical measure names look like the same thing written two ways."""
    if a == b:
        return False
    words_a, words_b = set(a.split()), set(b.split())
    shared = len(words_a & words_b) / max(1, len(words_a | words_b))
    return shared >= 0.5 or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


# --- reading the file ---------------------------------------------------------------------------

_DRIFT = re.compile(r"(\d+(?:\.\d+)?)\s*(points?|percentage points?|%|percent)\s+(?:a|per|each|every)\s+year")
_TERM = r"\s*([^=×*/\[\]]+?)\s*(?:\[\s*([^\]]+?)\s*\])?\s*"
_PRODUCT = re.compile(rf"{_TERM}={_TERM}[×*]{_TERM}")
_QUOTIENT = re.compile(rf"{_TERM}={_TERM}/{_TERM}")


def parse_drift(text: str) -> Drift:
    m = _DRIFT.fullmatch(" ".join(str(text).lower().split()))
    if not m:
        raise VocabularyError(f"drift {text!r} must read like '2 points a year' or '15% a year'")
    number = float(m[1])
    if m[2] in ("%", "percent"):
        return Drift(number / 100, True, str(text))
    return Drift(number, False, str(text))


def parse_relation(text: str, vocabulary: Vocabulary | None = None) -> Relation:
    """Read ``part = share × whole`` or ``share = part / whole``; names go through the vocabulary."""
    vocabulary = vocabulary or EMPTY

    def term(measure: str, scope: str | None) -> Term:
        return Term(vocabulary.measure(measure) or measure, vocabulary.scope(scope) if scope else None)

    if m := _PRODUCT.fullmatch(text):
        return Relation(term(m[1], m[2]), term(m[3], m[4]), term(m[5], m[6]), text)
    if m := _QUOTIENT.fullmatch(text):
        return Relation(term(m[3], m[4]), term(m[1], m[2]), term(m[5], m[6]), text)
    raise VocabularyError(
        f"relation {text!r} must read 'part = share × whole' or 'share = part / whole', "
        "each name a measure, optionally with a [scope]")


def load_vocabulary(path: Path, shown: str, problems: list[Problem]) -> Vocabulary:
    """Read a vocabulary file; problems are appended (with their lines), never raised."""
    data = read_yaml(path, shown, problems)
    return build_vocabulary(data, shown, problems)


def build_vocabulary(data: Any, shown: str = "<vocabulary>", problems: list[Problem] | None = None) -> Vocabulary:
    """A vocabulary from plain data (as in a rule's example); problems are appended, or raised if no list is given."""
    collected: list[Problem] = [] if problems is None else problems
    vocabulary = _build(data, shown, collected)
    if problems is None and collected:
        raise VocabularyError("; ".join(str(p) for p in collected))
    return vocabulary


def _line(mapping: Any, key: str) -> int | None:
    return getattr(mapping, "key_lines", {}).get(key, getattr(mapping, "line", None))


def _build(data: Any, shown: str, problems: list[Problem]) -> Vocabulary:
    if data is None:
        return Vocabulary()
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, "", "must be a mapping of subjects, measures, scopes, events and relations", SCHEMA))
        return Vocabulary()
    sections: dict[str, dict[str, Entry]] = {"subjects": {}, "measures": {}, "scopes": {}, "events": {}}
    for key, value in data.items():
        if key in sections:
            if not isinstance(value, dict):
                problems.append(Problem(shown, _line(data, key), key, "must be a mapping of names to aliases", SCHEMA))
                continue
            for name, spec in value.items():
                entry = _entry(str(name), spec, shown, _line(value, name), f"{key}.{name}", problems)
                if entry is not None:
                    sections[key][entry.canonical] = entry
        elif key != "relations":
            problems.append(Problem(shown, _line(data, key), key,
                                    f"unknown key {key!r}; a vocabulary has subjects, measures, scopes, events and relations",
                                    SCHEMA))
    vocabulary = Vocabulary(**sections)
    _check_aliases(vocabulary, shown, problems)
    relations = data.get("relations") or []
    if not isinstance(relations, list):
        problems.append(Problem(shown, _line(data, "relations"), "relations", "must be a list", SCHEMA))
        relations = []
    for index, text in enumerate(relations):
        try:
            if not isinstance(text, str):
                raise VocabularyError("a relation must be one line of text")
            vocabulary.relations.append(parse_relation(text, vocabulary))
        except VocabularyError as exc:
            line = _line(data, "relations")
            problems.append(Problem(shown, None if line is None else line + 1 + index, f"relations[{index}]", str(exc),
                                    SCHEMA))
    return vocabulary


def _entry(name: str, spec: Any, shown: str, line: int | None, where: str, problems: list[Problem]) -> Entry | None:
    canonical = normalize_name(name)
    if spec is None:
        return Entry(canonical)
    if isinstance(spec, list):
        return Entry(canonical, tuple(str(a) for a in spec))
    if not isinstance(spec, dict):
        problems.append(Problem(shown, line, where, "must be a list of aliases or a mapping", SCHEMA))
        return None
    for key in sorted(set(spec) - {"aliases", "drift", "ambiguous", "note"}):
        problems.append(Problem(shown, _line(spec, key), f"{where}.{key}",
                                f"unknown key {key!r}; an entry has aliases, drift, ambiguous and note", SCHEMA))
    aliases = spec.get("aliases") or []
    if not isinstance(aliases, list):
        problems.append(Problem(shown, _line(spec, "aliases"), f"{where}.aliases", "must be a list", SCHEMA))
        aliases = []
    drift = None
    if spec.get("drift") is not None:
        try:
            drift = parse_drift(spec["drift"])
        except VocabularyError as exc:
            problems.append(Problem(shown, _line(spec, "drift"), f"{where}.drift", str(exc), SCHEMA))
    return Entry(canonical, tuple(str(a) for a in aliases), drift, spec.get("ambiguous"), spec.get("note"))


def _check_aliases(vocabulary: Vocabulary, shown: str, problems: list[Problem]) -> None:
    for kind in ("subjects", "measures", "scopes", "events"):
        owner: dict[str, str] = {}
        for entry in getattr(vocabulary, kind).values():
            for name in (entry.canonical, *entry.aliases):
                key = normalize_name(name)
                if owner.setdefault(key, entry.canonical) != entry.canonical:
                    problems.append(Problem(shown, None, f"{kind}.{entry.canonical}",
                                            f"{name!r} is also a name of {owner[key]!r}", SCHEMA))


__all__ = ["Drift", "Relation", "Term", "Vocabulary", "build_vocabulary", "load_vocabulary", "normalize_name",
           "parse_relation", "similar"]
