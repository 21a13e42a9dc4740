"""The vocabulary: canonical names for subjects, measures, scopes and events, and what is declared about them.

A vocabulary file looks like this::

    subjects:
      China: [PRC, "People's Republic of China"]
    scopes:
      neighbouring countries:
        aliases: [neighboring countries, periphery, countries in the neighborhood]
        ambiguous: no agreed list of countries; sources count between 14 and 29
        spread: 10 points          # how far apart the definitions can move a value
      land neighbours:
        variant_of: neighbouring countries
    measures:
      trade share:
        aliases: [share of total trade, share of foreign trade]
        kind: ratio                # flow, ratio or state; inferred from the value when not given
        drift: 2 points a year     # how far it can move in a year, in its own units or relatively
      member states:
        kind: state
        drift: 2 members a year
      status:
        categories: [member, observer, candidate]
    relations:
      - trade volume = trade share × trade volume [world]

Relations are read by a small grammar (``part = share × whole``, or ``share = part / whole``);
they are never evaluated as code. Drifts and spreads are read by the value grammar.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from claimcheck.corpus.yamlfile import SCHEMA, item_line, read_yaml, yaml_data
from claimcheck.errors import ClaimcheckError, Problem, VocabularyError
from claimcheck.read import units
from claimcheck.read.grammar import parse_value
from claimcheck.read.values import compounded

_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "\u00a0": " "})
_PLAIN = re.compile(r"[a-z0-9']+(?: [a-z0-9']+)*")


def normalize_name(name: str) -> str:
    """Case, spacing, hyphens and typographic quotes do not make two names different."""
    if _PLAIN.fullmatch(name):  # already normal: the common case, a third of the cost
        return name
    return " ".join(name.translate(_TYPOGRAPHIC).casefold().replace("-", " ").replace("_", " ").split())


MeasureKind = Literal["flow", "ratio", "state"]
MEASURE_KINDS: tuple[MeasureKind, ...] = ("flow", "ratio", "state")


@dataclass(frozen=True, slots=True)
class Allowance:
    """How far a value may move: a drift per year, or the spread between a scope's definitions.

    Absolute (``amount`` in base units of ``dimension``: "2 points a year" is 0.02 of a share,
    "2 members a year" two items) or relative (``amount`` a fraction: "15% a year", "40%").
    """

    amount: float
    relative: bool
    dimension: str | None  # the base dimension of an absolute amount; None when relative
    text: str

    def applies_to(self, dimension: str | None) -> bool:
        """Whether the allowance is in the units of values of ``dimension`` (a relative one always is)."""
        return self.relative or self.dimension == dimension

    def allowance(self, years: float, level: float) -> float:
        """As a drift: the largest change it allows over ``years``, near a value of ``level`` (base units).

        A relative drift compounds; past what a float holds the allowance is infinite, not an error.
        """
        if self.relative:
            return abs(level) * (compounded(self.amount, years) - 1) if level else 0.0
        return self.amount * years

    def spread_at(self, level: float) -> float:
        """As a spread: how far apart two definitions can put a value near ``level`` (base units)."""
        return abs(level) * self.amount if self.relative else self.amount


Drift = Allowance  # a drift is an allowance per year


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


@dataclass(frozen=True, slots=True)
class Duration:
    """``years to join = Croatia joins the EU − Croatia applies to join the EU``: a duration is the time between
    two dated events."""

    measure: str
    later: str
    earlier: str
    text: str


@dataclass(frozen=True, slots=True)
class Within:
    """``members in the region + observers in the region ⊆ countries``: within one scope, the counts on the left
    (disjoint, added up) are at most the count on the right; ``*`` on the left is every other count of the scope."""

    parts: tuple[str, ...]
    whole: str
    text: str


@dataclass(frozen=True, slots=True)
class Order:
    """``18th National Congress of the CPC < central conference on neighbourhood work < ...``: events in this order."""

    events: tuple[str, ...]
    text: str


AnyRelation = Relation | Duration | Within | Order


@dataclass
class Entry:
    canonical: str
    aliases: tuple[str, ...] = ()
    drift: Allowance | None = None
    ambiguous: str | None = None
    note: str | None = None
    kind: MeasureKind | None = None
    categories: dict[str, str] | None = None  # normalized name or alias → canonical category
    open_categories: bool = False
    spread: Allowance | None = None
    variant_of: str | None = None
    signed: bool | None = None
    line: int | None = None
    alias_lines: tuple[int | None, ...] = ()  # where each alias is written, for a message about it


@dataclass
class Vocabulary:
    subjects: dict[str, Entry] = field(default_factory=dict)
    measures: dict[str, Entry] = field(default_factory=dict)
    scopes: dict[str, Entry] = field(default_factory=dict)
    events: dict[str, Entry] = field(default_factory=dict)
    relations: list[AnyRelation] = field(default_factory=list)
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

    def _base(self, entries: dict[str, Entry], name: str | None) -> Entry | None:
        entry = entries.get(name or "")
        if entry is not None and entry.variant_of:
            return entries.get(entry.variant_of, entry)
        return entry

    def drift(self, measure: str | None) -> Allowance | None:
        entry = self._base(self.measures, measure)
        return entry.drift if entry else None

    def ambiguity(self, scope: str | None) -> str | None:
        entry = self._base(self.scopes, scope)
        return entry.ambiguous if entry else None

    def scope_spread(self, scope: str | None) -> Allowance | None:
        entry = self._base(self.scopes, scope)
        return entry.spread if entry else None

    def basis_spread(self, measure: str | None) -> Allowance | None:
        """How far the bases of a measure (its declared variants) can move a value."""
        entry = self._base(self.measures, measure)
        return entry.spread if entry else None

    def base_scope(self, scope: str | None) -> str | None:
        """A scope declared as a variant of another is compared under the other: 'land neighbours' under
        'neighbouring countries'."""
        entry = self.scopes.get(scope or "")
        return entry.variant_of if entry is not None and entry.variant_of else scope

    def base_measure(self, measure: str | None) -> str | None:
        entry = self.measures.get(measure or "")
        return entry.variant_of if entry is not None and entry.variant_of else measure

    def measure_kind(self, measure: str | None) -> MeasureKind | None:
        entry = self._base(self.measures, measure)
        return entry.kind if entry else None

    def signed(self, measure: str | None) -> bool | None:
        entry = self._base(self.measures, measure)
        return entry.signed if entry else None

    def categories(self, measure: str | None) -> Entry | None:
        """The measure's entry when its values are categories (a closed list or open); None otherwise."""
        entry = self._base(self.measures, measure)
        return entry if entry is not None and (entry.categories is not None or entry.open_categories) else None

    def category(self, measure: str | None, name: str) -> str | None:
        """A category's canonical name for the measure: None when a closed list does not have it."""
        entry = self.categories(measure)
        if entry is None:
            return name
        if entry.categories is None:  # an open set names subjects: their aliases apply ("the U.S.")
            for spelling in (name, f"the {name}"):
                if normalize_name(spelling) in self._lookup["subjects"]:
                    return self.subject(spelling)
            return self.subject(name)
        return entry.categories.get(normalize_name(name))


EMPTY = Vocabulary()


def similar(a: str, b: str) -> bool:
    """Whether two canonical measure names look like the same thing written two ways."""
    if a == b:
        return False
    words_a, words_b = set(a.split()), set(b.split())
    shared = len(words_a & words_b) / max(1, len(words_a | words_b))
    return shared >= 0.5 or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


# --- reading the file ---------------------------------------------------------------------------

_PER_YEAR = re.compile(r"\s+(?:a|per|each|every)\s+year$|\s+(?:annually|yearly|per\s+annum)$")
_RANK_WORDS = {"rank", "ranks", "place", "places", "position", "positions"}


def parse_drift(text: str) -> Allowance:
    """'2 points a year', '15% a year', '2 members a year', '$50 billion a year', '1 rank a year'."""
    written = " ".join(str(text).split())
    match = _PER_YEAR.search(written.lower())
    if match is None:
        raise VocabularyError(f"drift {text!r} must read like '2 points a year', '15% a year', "
                              "'2 members a year' or '$50 billion a year'")
    return _allowance(written[:match.start()], str(text), "drift")


def parse_spread(text: str) -> Allowance:
    """'12 points' (of a share), '40%' (relative), '5 countries', '$100 billion'."""
    return _allowance(" ".join(str(text).split()), str(text), "spread")


def _allowance(amount: str, text: str, what: str) -> Allowance:
    """An amount read by the value grammar: percentage points are points of a share, a percentage is relative."""
    try:
        value = parse_value(amount)
    except ClaimcheckError as exc:
        raise VocabularyError(f"{what} {text!r} cannot be read: {getattr(exc, 'reason', exc)}") from None
    if value.low_magnitude is None or value.high_magnitude is None or value.is_category:
        raise VocabularyError(f"{what} {text!r} must be one amount, not a bound")
    number = (value.low_magnitude + value.high_magnitude) / 2  # the number as written, not its rounding
    if value.unit == units.PERCENT:
        digits = re.search(r"\d+(?:\.\d+)?", amount.replace(",", ""))  # "100%": the share's cap is no rounding
        return Allowance((float(digits[0]) if digits else number) / 100, True, None, text)
    if number < 0:
        raise VocabularyError(f"{what} {text!r} cannot be negative")
    if value.kind == "difference":  # points of a share: a share of 41.9% is 0.419 in base units
        factor, dimension = units.base_form(units.PERCENT)
        return Allowance(number * factor, False, dimension, text)
    unit = units.RANK if value.kind == "count" and (value.counted or "").lower() in _RANK_WORDS else value.unit
    factor, dimension = units.base_form(unit)
    return Allowance(number * factor, False, dimension, text)


_LONGEST_RELATION = 2000  # characters: a relation is one line; longer is damage, and the grammar stays linear


def parse_relation(text: str, vocabulary: Vocabulary | None = None) -> AnyRelation:
    """Read a relation; names go through the vocabulary. It is never evaluated as code.

    - ``part = share × whole`` or ``share = part / whole``: measures, each optionally with a [scope];
    - ``duration = later event − earlier event``: a measure and two events;
    - ``part + part ⊆ whole`` (or ``<=``): counts of one scope; ``*`` is every other count of it;
    - ``first event < second event < ...`` (or ``before``): events in their order.
    """
    vocabulary = vocabulary or EMPTY
    if len(text) > _LONGEST_RELATION:
        raise VocabularyError(f"relation of {len(text)} characters is longer than one relation can be")

    def term(written: str) -> Term:
        measure, scope = _term(written, text)
        return Term(vocabulary.measure(measure) or measure, vocabulary.scope(scope) if scope else None)

    def event(name: str) -> str:
        return vocabulary.event(name.strip()) or name.strip()

    parts = _relation_parts(text)
    if parts is not None and parts[1] in (["=", "×"], ["=", "*"]):
        terms = parts[0]
        relation = Relation(term(terms[0]), term(terms[1]), term(terms[2]), text)
    elif parts is not None and parts[1] == ["=", "/"]:
        terms = parts[0]
        relation = Relation(term(terms[1]), term(terms[0]), term(terms[2]), text)
    elif (names := _duration(text)) is not None:
        return Duration(vocabulary.measure(names[0]) or names[0], event(names[1]), event(names[2]), text)
    elif "⊆" in text or "<=" in text or "≤" in text or " within " in text:
        left, _, right = re.split(r"(⊆|<=|≤|\swithin\s)", text, maxsplit=1)
        part_names = tuple(part.strip() for part in left.split("+"))
        if not right.strip() or not all(part_names):
            raise VocabularyError(f"relation {text!r} must read 'part + part ⊆ whole', each name a measure or *")
        if "[" in text:
            raise VocabularyError(f"relation {text!r}: '⊆' adds up measures within one scope, and its names take no "
                                  "[scope]; give the parts measures of their own ('section 1 length + section 2 "
                                  "length ⊆ route length') and the claims one scope:")
        return Within(tuple(p if p == "*" else vocabulary.measure(p) or p for p in part_names),
                      vocabulary.measure(right.strip()) or right.strip(), text)
    elif "<" in text or " before " in text:
        events = tuple(event(name) for name in re.split(r"<|\sbefore\s", text))
        if len(events) < 2 or not all(events):
            raise VocabularyError(f"relation {text!r} must read 'first event < second event', each name an event")
        return Order(events, text)
    else:
        raise _not_a_relation(text)
    if relation.part == relation.whole:
        raise VocabularyError(f"relation {text!r} relates a measure to itself: its part and its whole are the same")
    return relation


def _not_a_relation(text: str) -> VocabularyError:
    return VocabularyError(
        f"relation {text!r} must read 'part = share × whole', 'share = part / whole', "
        "'duration = later event − earlier event', 'part + part ⊆ whole' or 'first event < second event'")


# Each relation is cut at its operators in one pass: regular expressions of optional-space names took
# cubic time on long runs of spaces ('a = b' + ' ' * 1600 + 'c' took 57 s).


def _relation_parts(text: str) -> tuple[list[str], list[str]] | None:
    """The terms of a product or quotient and the operators between them; a [scope] is skipped whole.

    None where the brackets do not pair up, as no product or quotient is written.
    """
    terms, operators, start, i = [], [], 0, 0
    while i < len(text):
        if text[i] == "[":
            close = text.find("]", i + 1)
            if close == -1:
                return None
            i = close
        elif text[i] == "]":
            return None
        elif text[i] in "=×*/":
            terms.append(text[start:i])
            operators.append(text[i])
            start = i + 1
        i += 1
    terms.append(text[start:])
    return terms, operators


def _term(written: str, text: str) -> tuple[str, str | None]:
    """'trade volume [world]' is the measure 'trade volume' in the scope 'world'."""
    name, bracket, rest = written.partition("[")
    scope, _, after = rest.partition("]")
    name, scope = name.strip(), scope.strip()
    if not name or bracket and (not scope or after.strip()):
        raise _not_a_relation(text)
    return name, scope or None


_MINUS = re.compile(r"\s(?:−|-|minus)\s")
_NOT_IN_A_NAME = frozenset("=×*/<⊆[]+")


def _duration(text: str) -> tuple[str, str, str] | None:
    """'years to join = Croatia joins the EU − Croatia applies': the measure and the two events, or None."""
    measure, equals, events = text.partition("=")
    minus = _MINUS.search(events) if equals else None
    if minus is None:
        return None
    names = (measure.strip(), events[:minus.start()].strip(), events[minus.end():].strip())
    if not all(names) or any(_NOT_IN_A_NAME.intersection(name) for name in names):
        return None
    return names


def load_vocabulary(path: Path, shown: str, problems: list[Problem]) -> Vocabulary:
    """Read a vocabulary file; problems are appended (with their lines), never raised."""
    data = read_yaml(path, shown, problems)
    return build_vocabulary(data, shown, problems)


def vocabulary_from_bytes(data: bytes, shown: str, problems: list[Problem]) -> Vocabulary:
    """A vocabulary file's bytes read as ``load_vocabulary`` reads the file (for a store, or a Spark worker)."""
    return build_vocabulary(yaml_data(data, shown, problems), shown, problems)


def build_vocabulary(data: Any, shown: str = "<vocabulary>", problems: list[Problem] | None = None) -> Vocabulary:
    """A vocabulary from plain data (as in a rule's example); problems are appended, or raised if no list is given."""
    collected: list[Problem] = [] if problems is None else problems
    vocabulary = _build(data, shown, collected)
    if problems is None and collected:
        raise VocabularyError("; ".join(str(p) for p in collected))
    return vocabulary


def _line(mapping: Any, key: str) -> int | None:
    return getattr(mapping, "key_lines", {}).get(key, getattr(mapping, "line", None))


SECTIONS = ("subjects", "measures", "scopes", "events")
_KEYS = {
    "subjects": ("aliases", "note"),
    "measures": ("aliases", "note", "kind", "drift", "categories", "variant_of", "spread", "signed"),
    "scopes": ("aliases", "note", "ambiguous", "spread", "variant_of"),
    "events": ("aliases", "note"),
}


def _build(data: Any, shown: str, problems: list[Problem]) -> Vocabulary:
    if data is None:
        return Vocabulary()
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, "", "must be a mapping of subjects, measures, scopes, events and relations", SCHEMA))
        return Vocabulary()
    sections: dict[str, dict[str, Entry]] = {section: {} for section in SECTIONS}
    for key, value in data.items():
        if key in sections:
            if not isinstance(value, dict):
                problems.append(Problem(shown, _line(data, key), key, "must be a mapping of names to aliases", SCHEMA))
                continue
            for name, spec in value.items():
                entry = _entry(key, str(name), spec, shown, _line(value, name), problems)
                if entry is not None:
                    sections[key][entry.canonical] = entry
        elif key != "relations":
            problems.append(Problem(shown, _line(data, key), key,
                                    f"unknown key {key!r}; a vocabulary has subjects, measures, scopes, events and relations",
                                    SCHEMA))
    vocabulary = Vocabulary(subjects=sections["subjects"], measures=sections["measures"], scopes=sections["scopes"],
                            events=sections["events"])
    _check_aliases(vocabulary, shown, problems)
    _check_variants(vocabulary, shown, problems)
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
            line = item_line(relations, index) or _line(data, "relations")
            problems.append(Problem(shown, line, f"relations[{index}]", str(exc), SCHEMA))
    return vocabulary


def _entry(section: str, name: str, spec: Any, shown: str, line: int | None, problems: list[Problem]) -> Entry | None:
    canonical = normalize_name(name)
    where = f"{section}.{name}"
    if spec is None:
        return Entry(canonical, line=line)
    if isinstance(spec, list):
        return Entry(canonical, tuple(str(a) for a in spec), line=line,
                     alias_lines=tuple(item_line(spec, i) or line for i in range(len(spec))))
    if not isinstance(spec, dict):
        problems.append(Problem(shown, line, where, "must be a list of aliases or a mapping", SCHEMA))
        return None
    allowed = _KEYS[section]
    for key in sorted(set(spec) - set(allowed)):
        problems.append(Problem(shown, _line(spec, key), f"{where}.{key}",
                                f"unknown key {key!r}; an entry of {section} has {', '.join(allowed)}", SCHEMA))

    def problem(key: str, message: str) -> None:
        problems.append(Problem(shown, _line(spec, key), f"{where}.{key}", message, SCHEMA))

    aliases = spec.get("aliases") or []
    if not isinstance(aliases, list):
        problem("aliases", "must be a list")
        aliases = []
    entry = Entry(canonical, tuple(str(a) for a in aliases), ambiguous=spec.get("ambiguous"), note=spec.get("note"),
                  line=line, alias_lines=tuple(item_line(aliases, i) or _line(spec, "aliases") for i in range(len(aliases))))
    for key, parse in (("drift", parse_drift), ("spread", parse_spread)):
        if spec.get(key) is not None:
            try:
                setattr(entry, key, parse(spec[key]))
            except VocabularyError as exc:
                problem(key, str(exc))
    kind = spec.get("kind")
    if kind is not None and kind not in MEASURE_KINDS:
        problem("kind", f"must be flow, ratio or state (got {kind!r})")
    elif kind is not None:
        entry.kind = kind
    if spec.get("variant_of") is not None:
        entry.variant_of = normalize_name(str(spec["variant_of"]))
    if spec.get("signed") is not None:
        if not isinstance(spec["signed"], bool):
            problem("signed", "must be true or false")
        else:
            entry.signed = spec["signed"]
    if spec.get("categories") is not None:
        _categories(entry, spec["categories"], problem)
    return entry


def _categories(entry: Entry, spec: Any, problem: Any) -> None:
    """``categories: open``, a list of names, or a mapping of names to aliases; a category is a state."""
    if entry.kind not in (None, "state"):
        problem("categories", f"a measure with categories is a state, not a {entry.kind}")
        return
    entry.kind = "state"
    if spec == "open":
        entry.open_categories = True
        return
    names = {str(name): [] for name in spec} if isinstance(spec, list) else spec if isinstance(spec, dict) else None
    if not names:
        problem("categories", "must be 'open', a list of names, or a mapping of names to their aliases")
        return
    entry.categories = {}
    for name, aliases in names.items():
        if aliases is not None and not isinstance(aliases, list):
            aliases = [aliases] if isinstance(aliases, str) else None
            if aliases is None:
                problem("categories", f"the aliases of {str(name)!r} must be a list of names")
                continue
        for spelling in (name, *(aliases or [])):
            key = normalize_name(str(spelling))
            if entry.categories.setdefault(key, str(name)) != str(name):
                problem("categories", f"{spelling!r} names two categories")


def _check_aliases(vocabulary: Vocabulary, shown: str, problems: list[Problem]) -> None:
    for kind in SECTIONS:
        owner: dict[str, tuple[str, int | None]] = {}
        for entry in getattr(vocabulary, kind).values():
            lines = (entry.line, *entry.alias_lines)
            for index, name in enumerate((entry.canonical, *entry.aliases)):
                line = lines[index] if index < len(lines) else entry.line
                key = normalize_name(name)
                first, first_line = owner.setdefault(key, (entry.canonical, line))
                if first != entry.canonical:
                    where = f" (line {first_line})" if first_line else ""
                    problems.append(Problem(shown, line or entry.line, f"{kind}.{entry.canonical}",
                                            f"{name!r} is also a name of {first!r}{where}", SCHEMA))


def _check_variants(vocabulary: Vocabulary, shown: str, problems: list[Problem]) -> None:
    for kind in ("measures", "scopes"):
        entries = getattr(vocabulary, kind)
        for entry in entries.values():
            base = entry.variant_of
            if base is None:
                continue
            where = f"{kind}.{entry.canonical}.variant_of"
            if base not in entries:
                problems.append(Problem(shown, entry.line, where, f"{base!r} is not declared under {kind}", SCHEMA))
                entry.variant_of = None
            elif entries[base].variant_of is not None:
                problems.append(Problem(shown, entry.line, where, f"{base!r} is itself a variant; name the base "
                                        f"{entries[base].variant_of!r}", SCHEMA))
                entry.variant_of = None


__all__ = ["EMPTY", "MEASURE_KINDS", "Allowance", "AnyRelation", "Drift", "Duration", "Entry", "Order", "Within", "MeasureKind", "Relation", "Term", "Vocabulary",
           "build_vocabulary", "load_vocabulary", "normalize_name", "parse_drift", "parse_relation", "parse_spread",
           "similar", "vocabulary_from_bytes"]
