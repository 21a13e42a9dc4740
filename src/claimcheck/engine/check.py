"""The engine: normalize claims into rows, group them by each rule's blocking key, run the rules.

Rows are grouped, never compared all against all: each rule names a blocking key, and the cost
grows with the number of claims, not with its square. Rows are sorted by claim id and groups come
in order of their first claim, so the findings do not depend on the order of files or claims.

Normalizing reads time as the measure's kind says (``time_kind``): a flow over a window, a ratio
over a window, or a state at an instant; and keeps when each claim was stated (its ``stated:``,
else its source's publication), so that rules can tell a revision from a conflict.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from rich.console import Group
from rich.text import Text

from claimcheck.corpus.records import Claim, Corpus
from claimcheck.corpus.vocabulary import EMPTY, Vocabulary, normalize_name
from claimcheck.engine.findings import ACTION_ORDER, VERDICTS, Context, Finding, Key, Row, TimeKind, Verdict
from claimcheck.engine.kinds import chronology_keys, counted_over_a_window, duration_keys, signed, since_keys, time_kind
from claimcheck.engine.rules import RULES, Rule
from claimcheck.engine.rules.common import same_time
from claimcheck.errors import ClaimcheckError, Problem
from claimcheck.read import units
from claimcheck.read.periods import Period
from claimcheck.read.values import Value


@dataclass(frozen=True, slots=True)
class Coverage:
    """For one claim: what it was compared with, or why it was not, and how time is read for it."""

    claim_id: str
    compared_with: tuple[str, ...] = ()
    compared_count: int = 0
    reason: str | None = None
    possible_matches: tuple[str, ...] = ()
    match_reason: str | None = None  # why the possible matches look like one measure written two ways
    time: TimeKind | None = None  # flow, ratio or state: how the claim's time was read


@dataclass
class Report:
    """What ``check`` returns: the findings, sorted, and the coverage of every claim (worked out on first use)."""

    findings: list[Finding] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list, repr=False)
    selected: tuple[str, ...] = field(default=(), repr=False)  # the codes of the rules that ran
    vocabulary: Vocabulary = field(default_factory=Vocabulary, repr=False)
    _coverage: dict[str, Coverage] | None = field(default=None, repr=False)
    corpus: Corpus | None = field(default=None, repr=False)  # what was checked, for reports; None for bare claims

    @property
    def coverage(self) -> dict[str, Coverage]:
        if self._coverage is None:
            self._coverage = _coverage(self.rows, self.findings, self.selected, self.vocabulary)
        return self._coverage

    def by_verdict(self, verdict: Verdict) -> list[Finding]:
        return [f for f in self.findings if f.verdict == verdict]

    @property
    def conflicts(self) -> list[Finding]:
        return self.by_verdict("conflict")

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {v: 0 for v in VERDICTS}
        for finding in self.findings:
            counts[finding.verdict] += 1
        return counts

    def summary(self) -> str:
        """'11 findings: 0 conflict, 2 tension, 7 consistent, 2 undetermined'."""
        counts = self.counts()
        noun = "finding" if len(self.findings) == 1 else "findings"
        return f"{len(self.findings)} {noun}: " + ", ".join(f"{counts[v]} {v}" for v in VERDICTS)

    def __repr__(self) -> str:
        return f"Report({self.summary()})"

    def __rich__(self) -> Group:
        """The findings, those that need a reader first, each as its heading and message."""
        parts: list[Text | Finding] = [Text(self.summary(), style="bold")]
        for verdict in ACTION_ORDER:
            parts.extend(f for f in self.findings if f.verdict == verdict)
        return Group(*parts)


# --- blocking keys ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Blocking:
    """A blocking key: which rows it looks at, and the key that groups them (None: not grouped).

    ``among`` is "value", "date" or "items": rows with a value, a dated event or a list. For value
    rows, ``kinds`` narrows to kinds of value; the engine only asks the key of rows it applies to.
    ``with_changes`` also files the events that change a measure (``change:``) under the key.
    """

    among: str
    key: Callable[..., Any]  # a Key or None; a key that reads the vocabulary gives a list of keys
    kinds: frozenset[str] | None = None
    with_changes: bool = False
    # A key that reads the vocabulary (which relations a row takes part in) is called with it, and may
    # file one row under several keys (a list of them); its rules are told which key their group has.
    with_vocabulary: bool = False


def _with_period(key: Callable[[Row], Key | None]) -> Callable[[Row], Key | None]:
    """Values without a period (no publication date to read them against) are never grouped."""
    return lambda row: key(row) if row.start else None


KINDS = frozenset({"amount", "share", "count", "rate", "change_multiple", "rank", "difference", "category"})

KEYS: dict[str, Blocking] = {
    # A count of a flow (containers handled in a year, visitors in a month) is a total like an amount: it is
    # compared as a quantity, over its window, not as the size of a set.
    "quantity": Blocking("value", _with_period(lambda r: (r.subject, r.measure, r.scope, r.kind, r.dimension)
                                               if r.kind != "count" or r.time == "flow" else None),
                         KINDS - {"rank", "category"}),
    "count": Blocking("value", _with_period(lambda r: (r.subject, r.measure, r.scope) if r.time != "flow" else None),
                      frozenset({"count"}), with_changes=True),
    "measure": Blocking("value", _with_period(lambda r: (r.subject, r.measure, r.scope)),
                        frozenset({"rate", "change_multiple"})),
    "level": Blocking("value", _with_period(lambda r: (r.subject, r.measure, r.scope)),
                      frozenset({"amount", "count", "rate", "change_multiple"})),
    "rank": Blocking("value", _with_period(lambda r: (r.measure, r.scope)), frozenset({"rank"})),
    "category": Blocking("value", _with_period(lambda r: (r.subject, r.measure, r.scope)), frozenset({"category"})),
    "subject": Blocking("value", _with_period(lambda r: (r.subject,)), KINDS - {"category"}),
    "event": Blocking("date", lambda row: (row.event,) if row.event else None),
    "chronology": Blocking("any", chronology_keys, with_vocabulary=True),
    "duration": Blocking("any", duration_keys, with_vocabulary=True),
    "since": Blocking("any", since_keys, with_vocabulary=True),
    "scope": Blocking("value", _with_period(lambda r: (r.scope,) if r.scope else None), frozenset({"count", "share", "amount"})),
    "items": Blocking("items", lambda row: (row.gid,)),
}


# --- rows ---------------------------------------------------------------------------------------

class Normalizer:
    """Claims to rows, with every vocabulary look-up and unit conversion memoized."""

    def __init__(self, vocabulary: Vocabulary, published: Mapping[str, Period]):
        self.vocabulary = vocabulary
        self.published = published
        self.subjects: dict[str | None, str | None] = {None: None}
        self.events: dict[str | None, str | None] = {None: None}
        self.measures: dict[str | None, tuple[str | None, str | None]] = {None: (None, None)}
        self.scopes: dict[str | None, tuple[str | None, str | None]] = {None: (None, None)}
        self.readings: dict[Key, tuple[TimeKind, float, str]] = {}
        self.days: dict[Key, tuple[int, int]] = {}
        self.stated: dict[str, tuple[int, int]] = {}

    def rows(self, claim: Claim) -> list[Row]:
        # Hot path (once per claim): memoized look-ups inlined, one Row construction per writing of the value.
        subject = self.subjects.get(claim.subject, _MISSING)
        if subject is _MISSING:
            subject = self.subjects[claim.subject] = self.vocabulary.subject(claim.subject)
        measure_and_basis = self.measures.get(claim.measure) or self._variant("measure", claim.measure)
        scope_and_variant = self.scopes.get(claim.scope) or self._variant("scope", claim.scope)
        event = self.events.get(claim.event, _MISSING)
        if event is _MISSING:
            event = self.events[claim.event] = self.vocabulary.event(claim.event)
        measure, basis = measure_and_basis
        scope, variant = scope_and_variant
        period = claim.period
        if period is None:
            start = end = 0
        else:
            start, end = self._days(period)
        stated = self._stated(claim) if claim.stated is None else self._days(claim.stated)
        gid = f"{claim.source_id}/{claim.id}"
        value = claim.value
        if value is None:
            base = Row(claim, gid, subject, measure, scope, event, None, None, 1.0, None, None, True, True, start, end,
                       None, stated[0], stated[1], variant, basis)
            if claim.items is not None and claim.complete and measure and claim.date is None:
                return [base, self._from_items(base)]
            return [base]
        rows = [self._valued(claim, gid, subject, measure, scope, event, start, end, stated, variant, basis, value, 0)]
        for index, other in enumerate(claim.also, start=1):
            rows.append(self._valued(claim, gid, subject, measure, scope, event, start, end, stated, variant, basis,
                                     other, index))
        return rows

    def _variant(self, kind: str, written: str | None) -> tuple[str | None, str | None]:
        """(the canonical base name, the variant as written or None) of a measure or scope, memoized."""
        vocabulary = self.vocabulary
        canonical = vocabulary.measure(written) if kind == "measure" else vocabulary.scope(written)
        base = vocabulary.base_measure(canonical) if kind == "measure" else vocabulary.base_scope(canonical)
        found = (base, canonical if base != canonical else None)
        (self.measures if kind == "measure" else self.scopes)[written] = found
        return found

    def _days(self, period: Period) -> tuple[int, int]:
        """A period's first and last day as ordinals, one tuple per distinct period (a million rows share them)."""
        key = (period.start, period.end)
        found = self.days.get(key)
        if found is None:
            found = self.days[key] = (period.start.toordinal(), period.end.toordinal())
        return found

    def _valued(self, claim: Claim, gid: str, subject: str | None, measure: str | None, scope: str | None,
                event: str | None, start: int, end: int, stated: tuple[int, int], variant: str | None,
                basis: str | None, value: Value, reading: int) -> Row:
        windowed = value.kind == "count" and counted_over_a_window(claim.period, value.counted, measure)
        key = (measure, value.kind, value.unit, windowed)
        found = self.readings.get(key)
        if found is None:
            time = time_kind(self.vocabulary, measure, value, windowed=windowed)
            factor, dimension = (1.0, "category") if value.is_category else units.base_form(value.unit)
            found = self.readings[key] = (time, factor, dimension)
        time, factor, dimension = found
        if value.is_category:
            return Row(claim, gid, subject, measure, scope, event, value.kind, dimension, factor, None, None, True, True,
                       start, end, time, stated[0], stated[1], variant, basis, reading,
                       normalize_name(value.category or ""), value.negated)
        low, high = value.low_magnitude, value.high_magnitude
        return Row(claim, gid, subject, measure, scope, event, value.kind, dimension, factor,
                   None if low is None else low * factor, None if high is None else high * factor,
                   value.low_inclusive, value.high_inclusive, start, end, time, stated[0], stated[1], variant, basis,
                   reading)

    def _from_items(self, base: Row) -> Row:
        """A complete list implies its count: a row of kind count, beside the list's own row."""
        count = float(len(base.claim.items or ()))
        return Row(base.claim, base.gid, base.subject, base.measure, base.scope, base.event,
                   kind="count", dimension="item", lo=count, hi=count, start=base.start, end=base.end,
                   time=self.vocabulary.measure_kind(base.measure) or "state", stated_start=base.stated_start,
                   stated_end=base.stated_end, variant=base.variant, basis=base.basis, counted_from_items=True)

    def _stated(self, claim: Claim) -> tuple[int, int]:
        found = self.stated.get(claim.source_id)
        if found is None:
            published = self.published.get(claim.source_id)
            found = (0, 0) if published is None else self._days(published)
            self.stated[claim.source_id] = found
        return found


_MISSING: Any = object()  # Any: a cache miss that the type checker reads as the cached type


# --- check --------------------------------------------------------------------------------------


def check(claims: Corpus | Iterable[Claim], *, select: Iterable[str] | None = None,
          ignore: Iterable[str] | None = None, vocabulary: Vocabulary | None = None,
          progress: Progress | None = None) -> Report:
    """Run the rules over claims and return every finding with the coverage of every claim.

    ``claims`` is a ``Corpus`` from ``load`` (its vocabulary, sources and load problems are used)
    or any iterable of ``Claim``. ``select`` and ``ignore`` take rule codes, code prefixes
    (``CC9``), rule names or families (``quantity``). ``progress(done, total, step)`` is called as each step ends.
    """
    # The engine makes no reference cycles; pausing the cyclic collector saves a third of the time
    # on large inputs, where each collection would walk every live row.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check(claims, select, ignore, vocabulary, progress or _no_progress)
    finally:
        if collecting:
            gc.enable()


Progress = Callable[[int, int, str], None]


def _no_progress(done: int, total: int, step: str) -> None:
    pass


def _check(claims: Corpus | Iterable[Claim], select: Iterable[str] | None, ignore: Iterable[str] | None,
           vocabulary: Vocabulary | None, progress: Progress) -> Report:
    problems: list[Problem] = []
    published: dict[str, Period] = {}
    if isinstance(claims, Corpus):
        problems = list(claims.problems)
        vocabulary = vocabulary if vocabulary is not None else claims.vocabulary
        published = {sid: source.published for sid, source in claims.sources.items() if source.published}
        claim_list = list(claims.claims)
    else:
        claim_list = list(claims)
    if not all(isinstance(c, Claim) for c in claim_list):
        raise ClaimcheckError("check() takes a Corpus from load() or an iterable of Claim records")
    ctx = Context(vocabulary or EMPTY)
    rules = chosen_rules(select, ignore)

    normalizer = Normalizer(ctx.vocabulary, published)
    rows = [row for claim in claim_list for row in normalizer.rows(claim)]
    rows.sort(key=attrgetter("gid"))  # stable: the rows of one claim stay in the order they were made
    _check_unique(rows)

    findings: list[Finding] = []
    active = active_rules(rules, ctx)
    steps = len(active) + 2
    progress(1, steps, "claims normalized")
    groups_by_key = _group(rows, list(dict.fromkeys(rule.key for rule in active if rule.key != "problems")),
                           ctx.vocabulary)
    progress(2, steps, "claims grouped")
    for done, rule in enumerate(active, start=3):
        if rule.key == "problems":
            chosen = [p for p in problems if p.code == rule.code]
            findings.extend(stamped(rule, rule.check(chosen)))
        else:
            # Groups come in order of their first claim id (rows are sorted by id), whatever the input order.
            tell_key = KEYS[rule.key].with_vocabulary
            for key, group in groups_by_key[rule.key].items():
                findings.extend(stamped(rule, rule.check(group, ctx, key) if tell_key else rule.check(group, ctx)))
        progress(done, steps, f"{rule.code} {rule.name}")

    # Rules ran in order of code, over groups in order of their first claim id: bucketing by verdict
    # keeps that order, so the listing is deterministic without a sort.
    by_verdict: dict[str, list[Finding]] = {verdict: [] for verdict in VERDICTS}
    for finding in findings:
        by_verdict[finding.verdict].append(finding)
    ordered = [finding for verdict in VERDICTS for finding in by_verdict[verdict]]
    return Report(findings=ordered, rows=rows, selected=tuple(rule.code for rule in rules), vocabulary=ctx.vocabulary,
                  corpus=claims if isinstance(claims, Corpus) else None)


def active_rules(rules: list[Rule], ctx: Context) -> list[Rule]:
    """The chosen rules that apply to this context (a rule may need something declared in the vocabulary)."""
    return [rule for rule in rules if rule.key == "problems" or rule.applies is None or rule.applies(ctx)]


def chosen_rules(select: Iterable[str] | None, ignore: Iterable[str] | None) -> list[Rule]:
    """The registered rules ``select`` and ``ignore`` choose, in order of code."""
    def matches(rule: Rule, pattern: str) -> bool:
        """A code or its prefix (CC1, CC101), a name or its family (quantity.disjoint, quantity), or an old name."""
        return rule.code.startswith(pattern.upper()) or pattern in (rule.name, *rule.aliases) or \
            rule.name.startswith(f"{pattern}.")

    def validated(patterns: Iterable[str] | None) -> list[str]:
        out = list(patterns or [])
        for pattern in out:
            if not any(matches(rule, pattern) for rule in RULES.values()):
                raise ClaimcheckError(f"no rule matches {pattern!r} (see 'claimcheck rules')")
        return out

    chosen, ignored = validated(select), validated(ignore)
    return [rule for _, rule in sorted(RULES.items())
            if (not chosen or any(matches(rule, p) for p in chosen)) and not any(matches(rule, p) for p in ignored)]


def _check_unique(rows: list[Row]) -> None:
    for previous, row in zip(rows, rows[1:], strict=False):
        if previous.gid == row.gid and previous.reading == row.reading and \
                previous.counted_from_items == row.counted_from_items:
            raise ClaimcheckError(f"claim id {row.gid!r} is given twice")


def _group(rows: list[Row], names: list[str], vocabulary: Vocabulary = EMPTY) -> dict[str, dict[Key, list[Row]]]:
    """Every blocking's groups, filled in one pass over the sorted rows while they are hot in cache."""
    groups: dict[str, dict[Key, list[Row]]] = {name: {} for name in names}
    filing = Filing(names, vocabulary)
    for row in rows:
        for name, key in filing.keys(row):
            groups[name].setdefault(key, []).append(row)
    return groups


class Filing:
    """Which group of which blocking key each row joins: the one place that decides it, for ``check`` and for
    the engines that group rows elsewhere (``claimcheck.scale``: DuckDB, Spark)."""

    def __init__(self, names: Iterable[str], vocabulary: Vocabulary = EMPTY) -> None:
        names = list(names)
        self.vocabulary = vocabulary
        self.by_kind = {kind: [(n, KEYS[n].key) for n in names if KEYS[n].among == "value" and
                               (KEYS[n].kinds is None or kind in (KEYS[n].kinds or ()))] for kind in KINDS}
        self.by_date = [(n, KEYS[n].key) for n in names if KEYS[n].among == "date"]
        self.by_items = [(n, KEYS[n].key) for n in names if KEYS[n].among == "items"]
        self.changes = [(n, _change_key(KEYS[n].key)) for n in names if KEYS[n].with_changes]
        self.anything = [(n, KEYS[n].key) for n in names if KEYS[n].among == "any"]

    def keys(self, row: Row) -> list[tuple[str, Key]]:
        """(blocking name, key) of every group the row joins, in the order the engine files it."""
        out: list[tuple[str, Key]] = []
        kind = row.kind
        claim = row.claim
        if kind is not None:
            _keys(row, self.by_kind[kind], out)
        elif claim.date is not None:
            _keys(row, self.by_date, out)
            if row.measure is not None and not row.forecast:  # a change still expected has not happened
                _keys(row, self.changes, out)
        if claim.items is not None and self.by_items and not row.counted_from_items:
            _keys(row, self.by_items, out)
        for name, key_of in self.anything:
            for key in key_of(row, self.vocabulary) or ():
                out.append((name, key))
        return out


def _keys(row: Row, plan: list[tuple[str, Callable[[Row], Key | None]]], out: list[tuple[str, Key]]) -> None:
    for name, key_of in plan:
        key = key_of(row)
        if key is not None:
            out.append((name, key))


def _change_key(key: Callable[[Row], Key | None]) -> Callable[[Row], Key | None]:
    """An event that changes a measure is filed as if it were a value of that measure, at its date."""
    def of(row: Row) -> Key | None:
        date = row.claim.date
        if date is None:
            return None
        row_start, row_end = row.start, row.end
        row.start, row.end = date.start.toordinal(), date.end.toordinal()
        try:
            return key(row)
        finally:
            row.start, row.end = row_start, row_end
    return of


def stamped(rule: Rule, drafts: Iterable[Finding]) -> Iterable[Finding]:
    """A rule's findings with its code and name."""
    for finding in drafts:
        finding.code, finding.name = rule.code, rule.name
        yield finding


# --- coverage -----------------------------------------------------------------------------------

_SHOWN_PARTNERS = 10
# The rule that compares a row of each kind, for saying so when it did not run.
_RULE_OF_KIND = {"count": "CC107", "rank": "CC106", "category": "CC109"}
_QUANTITY_RULE = "CC101"
_ITEMS_RULE = "CC103"
_EVENT_RULE = "CC102"


def _coverage(rows: list[Row], findings: list[Finding], selected: tuple[str, ...],
              vocabulary: Vocabulary) -> dict[str, Coverage]:
    """What each claim was compared with, read off the findings (every comparison makes one), or why not."""
    partners: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    checked_alone: set[str] = set()
    for finding in findings:
        ids = finding.claim_ids
        if len(ids) == 1:
            checked_alone.add(ids[0])
            continue
        for claim_id in ids:
            counts[claim_id] += len(ids) - 1
            shown = partners[claim_id]
            if len(shown) < _SHOWN_PARTNERS:
                shown.update(ids[:_SHOWN_PARTNERS + 1])
                shown.discard(claim_id)
    context = _Neighbours(rows, vocabulary)
    suggestions = _AliasSuggestions(rows)
    out: dict[str, Coverage] = {}
    for row in rows:
        if row.gid in out and row.reading:
            continue  # a claim written twice is covered once, by its first writing
        if partners.get(row.gid):
            out[row.gid] = Coverage(claim_id=row.gid, compared_with=tuple(sorted(partners[row.gid])),
                                    compared_count=counts[row.gid], time=row.time)
        elif row.gid in checked_alone and not context.others(row):
            out[row.gid] = Coverage(claim_id=row.gid, reason="checked against its own items", time=row.time)
        else:
            matches = suggestions.of(row)
            reason = _why_alone(row, context, selected)
            if row.gid in checked_alone:
                reason = f"checked against its own items only: {reason}"
            out[row.gid] = Coverage(claim_id=row.gid, reason=reason,
                                    possible_matches=matches, match_reason=_why_alike(row, matches), time=row.time)
    return out


class _Neighbours:
    """For each comparable key, the rows that share it: to say why a row met none of them."""

    def __init__(self, rows: list[Row], vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.by_key: dict[Key, list[Row]] = defaultdict(list)
        self.dimensions: dict[Key, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # unit -> claims
        self.kinds: dict[Key, set[str]] = defaultdict(set)
        self.events: dict[str, int] = defaultdict(int)
        self.writings: dict[str, list[Row]] = defaultdict(list)  # a claim's rows: its value, then each 'also:'
        for row in rows:
            self.writings[row.gid].append(row)
            if row.kind is not None and row.start:
                self.by_key[self.key(row)].append(row)
                self.dimensions[(row.subject, row.measure, row.scope, row.kind)][row.dimension or ""].add(row.gid)
                self.kinds[(row.subject, row.measure, row.scope)].add(row.kind)
            if row.event:
                self.events[row.event] += 1

    @staticmethod
    def key(row: Row) -> Key:
        if row.kind == "rank":
            return ("rank", row.measure, row.scope)
        return (row.subject, row.measure, row.scope, row.kind, row.dimension)

    def others(self, row: Row) -> list[Row]:
        return [other for other in self.by_key.get(self.key(row), ()) if other.gid != row.gid]


def _why_alone(row: Row, context: _Neighbours, selected: tuple[str, ...]) -> str:
    claim = row.claim
    if claim.value is None and claim.items is not None:
        if _ITEMS_RULE not in selected:
            return f"the rule that compares a list with its count ({_ITEMS_RULE}) was not selected"
        return "an enumeration with no stated count"
    if claim.date is not None and claim.value is None:
        if _EVENT_RULE not in selected:
            return f"the rule that compares dates ({_EVENT_RULE}) was not selected"
        if claim.change is not None and claim.change.kind != "count":
            return (f"no other claim dates the event {claim.event!r}, and its change ({claim.change.text}) is not "
                    "used: events step counts only (CC107), not amounts")
        return f"no other claim dates the event {claim.event!r}"
    if claim.value is not None and not row.has_period:
        return "no period, and the source gives no publication date to read it against"
    # A figure written in two currencies is explained by the writing that met claims of its key, if any.
    row = next((w for w in context.writings[row.gid] if w.kind is not None and context.others(w)), row)
    rule = _QUANTITY_RULE if row.time == "flow" else _RULE_OF_KIND.get(row.kind or "", _QUANTITY_RULE)
    if rule not in selected:
        return f"the rule that compares claims of its kind ({rule} {RULES[rule].name}) was not selected"
    others = context.others(row)
    # Units of other claims only: a figure given in two currencies ('also:') is one claim, not two units.
    by_unit = context.dimensions[(row.subject, row.measure, row.scope, row.kind)]
    found = {unit for unit, gids in by_unit.items() if gids - {row.gid}} | {row.dimension or ""}
    if len(found) > 1 and not others:
        return f"incompatible units among claims with its key ({', '.join(sorted(found))})"
    other_kinds = context.kinds[(row.subject, row.measure, row.scope)] - {row.kind}
    if not others and other_kinds and row.kind not in ("rate", "change_multiple"):
        value = claim.value
        unit = f" in {value.unit}" if value is not None and value.unit not in ("item", "rank", "") else ""
        article = "an" if str(row.kind)[0] in "aeiou" else "a"
        return (f"it reads as {article} {row.kind}{unit}, and the other claims of its key as "
                f"{', '.join(sorted(other_kinds))}; values of different kinds are not compared (if it is misread, "
                "check its value and unit)")
    if not others:
        if row.kind in ("rank", "change_multiple", "rate", "category"):
            return f"no other claim of its kind ({row.kind}) shares its key (subject, measure, scope)"
        return "no other claim shares its key (subject, measure, scope)"
    when = ", ".join(sorted({o.shown_period() for o in others})[:4])
    if row.time != "flow" and all(o.source == row.source and not same_time(o, row) for o in others):
        return (f"the other claims of its key are from the same source at other times ({when}): a change it "
                "reports, not a disagreement")
    if row.time == "flow" and signed(context.vocabulary, row.measure):
        return (f"the other claims of its key are totals over other windows ({when}), and {claim.measure!r} can be "
                "negative, so no window bounds another")
    if row.time == "flow":
        return (f"the other claims of its key are totals over other windows ({when}); totals over different "
                "windows are not compared, and none of them contains this one as a whole")
    if row.time == "ratio":
        return (f"the other claims of its key are over other windows ({when}), and no drift is declared for "
                f"{claim.measure!r} to compare them through")
    return (f"the other claims of its key hold at other times ({when}), and no event in the corpus or declared "
            f"drift for {claim.measure!r} says how it changes between them")


# --- alias suggestions --------------------------------------------------------------------------

# Words that make two measures different things however alike their names look.
_CONTRASTS = [frozenset(pair.split("/")) for pair in (
    "member/observer", "members/observers", "ppp/nominal", "real/nominal", "exports/imports", "export/import",
    "exporter/importer", "inbound/outbound", "inward/outward", "gross/net", "goods/services", "public/private",
    "urban/rural", "male/female", "men/women", "surplus/deficit", "land/maritime", "land/sea", "domestic/foreign",
    "income/expenditure", "revenue/spending", "births/deaths", "largest/smallest", "highest/lowest", "first/last",
    "minimum/maximum", "annual/monthly", "direct/indirect", "full/associate", "candidate/member", "partner/member")]
_MEANING_WORDS = frozenset().union(*_CONTRASTS)
_WORD = re.compile(r"[a-z0-9]+")
_MOST_CANDIDATES = 200


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class _AliasSuggestions:
    """Measures of the same subject and scope, with the same kind and unit, whose names differ only in spelling.

    Candidates come from an index of stemmed words, so the cost grows with the claims, not with
    the square of the measures; a pair whose words differ by a contrast (member/observer,
    PPP/nominal, exports/imports) is never suggested.
    """

    def __init__(self, rows: list[Row]) -> None:
        self.index: dict[Key, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.cache: dict[Key, tuple[str, ...]] = {}
        for row in rows:
            if row.measure and row.kind is not None:
                for word in _WORD.findall(row.measure):
                    self.index[self._place(row)][_stem(word)].add(row.measure)

    @staticmethod
    def _place(row: Row) -> Key:
        return (row.subject, row.scope, row.kind, row.dimension)

    def of(self, row: Row) -> tuple[str, ...]:
        if not row.measure or row.kind is None:
            return ()
        key = (*self._place(row), row.measure)
        found = self.cache.get(key)
        if found is None:
            words = self.index.get(self._place(row), {})
            # A name alike differs by at most one word, so it holds one of this name's two rarest words.
            stems = sorted({_stem(w) for w in _WORD.findall(row.measure)}, key=lambda w: (len(words.get(w, ())), w))
            candidates = set().union(*(words.get(stem, set()) for stem in stems[:2]))
            if len(candidates) > _MOST_CANDIDATES:
                candidates = set()  # names this common are told apart by what they say, not suggested
            found = self.cache[key] = tuple(sorted(m for m in candidates if alike(row.measure, m)))
        return found


def _why_alike(row: Row, matches: tuple[str, ...]) -> str | None:
    if not matches:
        return None
    unit = f" in {row.dimension}" if row.dimension and row.dimension != "dimensionless" else ""
    words = {_stem(w) for w in _WORD.findall(row.measure or "")}
    differing = sorted(set().union(*({_stem(w) for w in _WORD.findall(m)} ^ words for m in matches)))
    how = (f"the names differ only by {', '.join(repr(w) for w in differing)}" if differing
           else "the names differ only in spelling, case or plural")
    return f"same subject and scope, both {str(row.kind).replace('_', ' ')}s{unit}; {how}"


def alike(a: str, b: str) -> bool:
    """Whether two canonical measure names look like one thing written two ways ('trade share', 'trade shares')."""
    if a == b:
        return False
    words_a, words_b = {_stem(w) for w in _WORD.findall(a)}, {_stem(w) for w in _WORD.findall(b)}
    differing = words_a ^ words_b
    if differing & _MEANING_WORDS:
        return False  # 'trade share (PPP)' is not 'trade share', nor 'observer states' 'member states'

    if words_a == words_b:
        return True  # only spelling, case or plural differs
    shared = len(words_a & words_b) / max(1, len(words_a | words_b))
    return shared >= 0.5 and len(differing) <= 1


__all__ = ["Blocking", "Coverage", "Filing", "KEYS", "Normalizer", "Report", "active_rules", "alike", "check",
           "chosen_rules", "stamped"]
