"""The engine: normalize claims into rows, group them by each rule's blocking key, run the rules.

Rows are grouped, never compared all against all: each rule names a blocking key, and the cost
grows with the number of claims, not with its square. Rows are sorted by claim id and groups come
in order of their first claim, so the findings do not depend on the order of files or claims.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from claimcheck.corpus.records import Claim, Corpus
from claimcheck.corpus.vocabulary import EMPTY, Vocabulary, similar
from claimcheck.engine.findings import VERDICTS, Context, Finding, Row, Verdict
from claimcheck.engine.rules import RULES, Rule
from claimcheck.errors import ClaimcheckError, Problem
from claimcheck.read import units


@dataclass(frozen=True, slots=True)
class Coverage:
    """For one claim: what it was compared with, or why it was not."""

    claim_id: str
    compared_with: tuple[str, ...] = ()
    compared_count: int = 0
    reason: str | None = None
    possible_matches: tuple[str, ...] = ()


@dataclass
class Report:
    """What ``check`` returns: the findings, sorted, and the coverage of every claim (worked out on first use)."""

    findings: list[Finding] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list, repr=False)
    _coverage: dict[str, Coverage] | None = field(default=None, repr=False)

    @property
    def coverage(self) -> dict[str, Coverage]:
        if self._coverage is None:
            self._coverage = _coverage(self.rows, self.findings)
        return self._coverage

    def by_verdict(self, verdict: Verdict) -> list[Finding]:
        return [f for f in self.findings if f.verdict == verdict]

    @property
    def conflicts(self) -> list[Finding]:
        return self.by_verdict("conflict")

    def counts(self) -> dict[str, int]:
        counts = {v: 0 for v in VERDICTS}
        for finding in self.findings:
            counts[finding.verdict] += 1
        return counts


# --- blocking keys ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Blocking:
    """A blocking key: which rows it looks at, and the key that groups them (None: not grouped).

    ``among`` is "value", "date" or "items": rows with a value, a dated event or a list. For value
    rows, ``kinds`` narrows to kinds of value; the engine only asks the key of rows it applies to.
    """

    among: str
    key: Callable[[Row], tuple | None]
    kinds: frozenset[str] | None = None


def _with_period(key: Callable[[Row], tuple]) -> Callable[[Row], tuple | None]:
    """Values without a period (no publication date to read them against) are never grouped."""
    return lambda row: key(row) if row.start else None


KINDS = frozenset({"amount", "share", "count", "rate", "change_multiple", "rank", "difference"})

KEYS: dict[str, Blocking] = {
    "quantity": Blocking("value", _with_period(lambda r: (r.subject, r.measure, r.scope, r.kind, r.dimension)),
                         KINDS - {"count", "rank"}),
    "count": Blocking("value", _with_period(lambda r: (r.subject, r.measure, r.scope)), frozenset({"count"})),
    "measure": Blocking("value", _with_period(lambda r: (r.subject, r.measure, r.scope)),
                        frozenset({"rate", "change_multiple"})),
    "rank": Blocking("value", _with_period(lambda r: (r.measure, r.scope)), frozenset({"rank"})),
    "subject": Blocking("value", _with_period(lambda r: (r.subject,))),
    "event": Blocking("date", lambda row: (row.event,) if row.event else None),
    "items": Blocking("items", lambda row: (row.gid,)),
}


# --- rows ---------------------------------------------------------------------------------------


class _Normalizer:
    """Claims to rows, with every vocabulary look-up and unit conversion memoized."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.subjects: dict[str, str | None] = {}
        self.measures: dict[str, str | None] = {}
        self.scopes: dict[str, str | None] = {}
        self.events: dict[str, str | None] = {}

    def row(self, claim: Claim) -> Row:
        # Hot path (once per claim): memoized look-ups inlined, one Row construction.
        subject = self.subjects.get(claim.subject, _MISSING)
        if subject is _MISSING:
            subject = self.subjects[claim.subject] = self._canonical(self.vocabulary.subject, claim.subject)
        measure = self.measures.get(claim.measure, _MISSING)
        if measure is _MISSING:
            measure = self.measures[claim.measure] = self._canonical(self.vocabulary.measure, claim.measure)
        scope = self.scopes.get(claim.scope, _MISSING)
        if scope is _MISSING:
            scope = self.scopes[claim.scope] = self._canonical(self.vocabulary.scope, claim.scope)
        event = None if claim.event is None else self._canonical(self.vocabulary.event, claim.event)
        value, period = claim.value, claim.period
        start = end = 0
        assumed = False
        if period is not None:
            start, end, assumed = period.start.toordinal(), period.end.toordinal(), period.assumed
        gid = f"{claim.source_id}/{claim.id}"
        dated, listed = claim.date is not None, claim.items is not None
        if value is None:
            return Row(claim, gid, claim.source_id, subject, measure, scope, event, start=start, end=end, assumed=assumed,
                       dated=dated, listed=listed)
        factor, dimension = units.base_form(value.unit)
        low, high = value.low_magnitude, value.high_magnitude
        loose_low, loose_high = value.loose_low_magnitude, value.loose_high_magnitude
        return Row(claim, gid, claim.source_id, subject, measure, scope, event, value.kind, dimension, factor,
                   None if low is None else low * factor, None if high is None else high * factor,
                   value.low_inclusive, value.high_inclusive,
                   None if loose_low is None else loose_low * factor, None if loose_high is None else loose_high * factor,
                   start, end, assumed, dated, listed)

    @staticmethod
    def _canonical(lookup: Callable[[str], str | None], text: str | None) -> str | None:
        return None if text is None else lookup(text)


_MISSING = object()


# --- check --------------------------------------------------------------------------------------


def check(claims: Corpus | Iterable[Claim], *, select: Iterable[str] | None = None,
          ignore: Iterable[str] | None = None, vocabulary: Vocabulary | None = None,
          progress: Progress | None = None) -> Report:
    """Run the rules over claims and return every finding with the coverage of every claim.

    ``claims`` is a ``Corpus`` from ``load`` (its vocabulary and load problems are used) or any
    iterable of ``Claim``. ``select`` and ``ignore`` take rule codes, code prefixes (``CC9``) or
    rule names. ``progress(done, total, step)`` is called as each step ends, for a progress bar.
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
    if isinstance(claims, Corpus):
        problems = list(claims.problems)
        vocabulary = vocabulary if vocabulary is not None else claims.vocabulary
        claim_list = list(claims.claims)
    else:
        claim_list = list(claims)
    if not all(isinstance(c, Claim) for c in claim_list):
        raise ClaimcheckError("check() takes a Corpus from load() or an iterable of Claim records")
    ctx = Context(vocabulary or EMPTY)
    rules = _chosen_rules(select, ignore)

    normalizer = _Normalizer(ctx.vocabulary)
    rows = [normalizer.row(claim) for claim in claim_list]
    rows.sort(key=attrgetter("gid"))
    _check_unique(rows)

    findings: list[Finding] = []
    active = [rule for rule in rules if rule.key == "problems" or rule.applies is None or rule.applies(ctx)]
    steps = len(active) + 2
    progress(1, steps, "claims normalized")
    groups_by_key = _group(rows, list(dict.fromkeys(rule.key for rule in active if rule.key != "problems")))
    progress(2, steps, "claims grouped")
    for done, rule in enumerate(active, start=3):
        if rule.key == "problems":
            chosen = [p for p in problems if p.code == rule.code]
            findings.extend(_stamped(rule, rule.check(chosen)))
        else:
            # Groups come in order of their first claim id (rows are sorted by id), whatever the input order.
            for group in groups_by_key[rule.key].values():
                findings.extend(_stamped(rule, rule.check(group, ctx)))
        progress(done, steps, f"{rule.code} {rule.name}")

    # Rules ran in order of code, over groups in order of their first claim id: bucketing by verdict
    # keeps that order, so the listing is deterministic without a sort.
    by_verdict: dict[str, list[Finding]] = {verdict: [] for verdict in VERDICTS}
    for finding in findings:
        by_verdict[finding.verdict].append(finding)
    ordered = [finding for verdict in VERDICTS for finding in by_verdict[verdict]]
    return Report(findings=ordered, rows=rows)


def _chosen_rules(select: Iterable[str] | None, ignore: Iterable[str] | None) -> list[Rule]:
    def matches(rule: Rule, pattern: str) -> bool:
        return rule.code.startswith(pattern.upper()) or pattern in (rule.name, *rule.aliases)

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
        if previous.gid == row.gid:
            raise ClaimcheckError(f"claim id {row.gid!r} is given twice")


def _group(rows: list[Row], names: list[str]) -> dict[str, dict[tuple, list[Row]]]:
    """Every blocking's groups, filled in one pass over the sorted rows while they are hot in cache."""
    groups: dict[str, dict[tuple, list[Row]]] = {name: {} for name in names}
    by_kind = {kind: [(KEYS[n].key, groups[n]) for n in names if KEYS[n].among == "value" and
                      (KEYS[n].kinds is None or kind in KEYS[n].kinds)] for kind in KINDS}
    by_date = [(KEYS[n].key, groups[n]) for n in names if KEYS[n].among == "date"]
    by_items = [(KEYS[n].key, groups[n]) for n in names if KEYS[n].among == "items"]
    for row in rows:
        if row.kind is not None:
            _file(row, by_kind[row.kind])
        if row.dated:
            _file(row, by_date)
        if row.listed:
            _file(row, by_items)
    return groups


def _file(row: Row, plan: list[tuple[Callable[[Row], tuple | None], dict[tuple, list[Row]]]]) -> None:
    for key_of, found in plan:
        key = key_of(row)
        if key is not None:
            group = found.get(key)
            if group is None:
                found[key] = [row]
            else:
                group.append(row)


def _stamped(rule: Rule, drafts: Iterable[Finding]) -> Iterable[Finding]:
    for finding in drafts:
        finding.code, finding.name = rule.code, rule.name
        yield finding


# --- coverage -----------------------------------------------------------------------------------

_SHOWN_PARTNERS = 10


def _coverage(rows: list[Row], findings: list[Finding]) -> dict[str, Coverage]:
    """What each claim was compared with, read off the findings (every comparison makes one)."""
    partners: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    checked_alone: set[str] = set()
    for finding in findings:
        ids = [row.gid for row in finding.rows]
        if len(ids) == 1:
            checked_alone.add(ids[0])
            continue
        for claim_id in ids:
            counts[claim_id] += len(ids) - 1
            shown = partners[claim_id]
            if len(shown) < _SHOWN_PARTNERS:
                shown.update(ids[:_SHOWN_PARTNERS + 1])
                shown.discard(claim_id)
    measures: dict[tuple, set[str]] = defaultdict(set)
    dimensions: dict[tuple, set[str]] = defaultdict(set)
    for row in rows:
        if row.measure:
            measures[(row.subject, row.scope)].add(row.measure)
        if row.dimension:
            dimensions[(row.subject, row.measure, row.scope, row.kind)].add(row.dimension)
    out: dict[str, Coverage] = {}
    for row in rows:
        if partners.get(row.gid):
            out[row.gid] = Coverage(claim_id=row.gid, compared_with=tuple(sorted(partners[row.gid])),
                                    compared_count=counts[row.gid])
        elif row.gid in checked_alone:
            out[row.gid] = Coverage(claim_id=row.gid, reason="checked against its own items")
        else:
            out[row.gid] = Coverage(claim_id=row.gid, reason=_why_alone(row, dimensions),
                                    possible_matches=_possible_matches(row, measures))
    return out


def _why_alone(row: Row, dimensions: dict[tuple, set[str]]) -> str:
    claim = row.claim
    if claim.items is not None:
        return "an enumeration with no stated count"
    if claim.date is not None and claim.value is None:
        return f"no other claim dates the event {claim.event!r}"
    if claim.value is not None and not row.has_period:
        return "no period, and the source gives no publication date to read it against"
    if claim.value is not None and len(dimensions[(row.subject, row.measure, row.scope, row.kind)]) > 1:
        found = ", ".join(sorted(dimensions[(row.subject, row.measure, row.scope, row.kind)]))
        return f"incompatible units among claims with its key ({found})"
    if row.kind in ("rank", "change_multiple", "rate"):
        return f"no other claim of its kind ({row.kind}) shares its key (subject, measure, scope)"
    return "no other claim shares its key (subject, measure, scope)"


def _possible_matches(row: Row, measures: dict[tuple, set[str]]) -> tuple[str, ...]:
    if not row.measure:
        return ()
    return tuple(sorted(m for m in measures[(row.subject, row.scope)] if similar(row.measure, m)))


__all__ = ["Blocking", "Coverage", "KEYS", "Report", "check"]
