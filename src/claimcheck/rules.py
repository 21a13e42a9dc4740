"""The rules. Each is a decorated function with a stable code; its docstring is its documentation.

A rule is a pure function of one group of claim rows (all rows sharing the rule's blocking key)
and the context (the vocabulary). It does no I/O and never reaches into another group, so the
same code can run inside a distributed group-by. The examples in each docstring are claim records
that a test runs through the rule.

Codes live in ``RULES`` and are never reused; a renamed rule keeps its old name as an alias.
"""

from __future__ import annotations

import inspect
import math
import re
import textwrap
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import yaml

from claimcheck.errors import Problem
from claimcheck.findings import Context, Finding, Row, Texts, amount_words, interval_words
from claimcheck.periods import Period, parse_period
from claimcheck.records import Claim
from claimcheck.values import format_interval, gap, overlap
from claimcheck.vocabulary import build_vocabulary

SECTIONS = ("What it checks", "Why it matters", "Known problems", "Conflicting example", "Consistent example")

# Beyond this many distinct readings in one group, each is compared with its neighbours only
# (sorted by period and value), so that a group of 100k claims costs O(n log n), not O(n²).
MAX_PAIRWISE_READINGS = 64
NEIGHBOURS = 4


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    key: str  # the blocking key the engine groups rows by; "problems" for data rules
    check: Callable[..., Iterable[Finding]]
    aliases: tuple[str, ...] = ()
    applies: Callable[[Context], bool] | None = None  # None: always; else skipped when it says False

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else ""

    def section(self, title: str) -> str:
        match = re.search(rf"^{re.escape(title)}:{{1,2}}\n(.*?)(?=^\S[^\n]*:{{1,2}}\n|\Z)", self.doc, re.S | re.M)
        return textwrap.dedent(match.group(1)).strip() if match else ""

    def examples(self) -> dict[str, dict[str, Any]]:
        """The docstring's examples, as data: {'Conflicting example': {...}, 'Consistent example': {...}}."""
        out = {}
        for title in SECTIONS[3:]:
            text = self.section(title)
            if text:
                out[title] = yaml.safe_load(text)
        return out


RULES: dict[str, Rule] = {}
NAMES: dict[str, str] = {}


def rule(code: str, name: str, *, key: str, aliases: tuple[str, ...] = (),
         applies: Callable[[Context], bool] | None = None) -> Callable[[Callable], Callable]:
    """Register a rule under a stable code and a readable name."""

    def register(check: Callable) -> Callable:
        if code in RULES:
            raise ValueError(f"rule code {code} is used twice")
        RULES[code] = Rule(code, name, key, check, aliases, applies)
        for alias in (name, *aliases):
            NAMES[alias] = code
        return check

    return register


def resolve(code_or_name: str) -> Rule:
    """A rule by code (CC101), name (quantity.disjoint) or old name; KeyError if there is none."""
    code = code_or_name.upper() if code_or_name.upper() in RULES else NAMES.get(code_or_name)
    if code is None:
        raise KeyError(code_or_name)
    return RULES[code]


def example_claims(example: dict[str, Any]) -> tuple[list[Claim], Any]:
    """Claims and vocabulary from a docstring example: ``sources`` maps ids to publication dates."""
    published = {sid: _published(date) for sid, date in (example.get("sources") or {}).items()}
    claims = []
    for raw in example.get("claims", []):
        raw = dict(raw)
        source = raw.pop("source")
        claims.append(Claim.model_validate({**raw, "source_id": source}, context={"published": published.get(source)}))
    return claims, build_vocabulary(example.get("vocabulary"))


def _published(date: Any) -> Period | None:
    return parse_period(str(date)) if date is not None else None


# --- shared arithmetic --------------------------------------------------------------------------


def _readings(rows: list[Row]) -> list[list[Row]]:
    """Rows bucketed by identical reading (interval and period), in order of first appearance."""
    buckets: dict[tuple, list[Row]] = {}
    for row in rows:
        buckets.setdefault((row.lo, row.hi, row.lo_inc, row.hi_inc, row.start, row.end), []).append(row)
    return list(buckets.values())


def _pairs(readings: list[list[Row]]) -> Iterable[tuple[list[Row], list[Row]]]:
    """Pairs of distinct readings; past MAX_PAIRWISE_READINGS, only neighbours in order of period and value."""
    if len(readings) <= MAX_PAIRWISE_READINGS:
        for i, first in enumerate(readings):
            for second in readings[i + 1:]:
                yield first, second
        return
    ordered = sorted(readings, key=lambda b: (b[0].start, b[0].end, _sort_key(b[0].lo), _sort_key(b[0].hi), b[0].gid))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1:i + 1 + NEIGHBOURS]:
            yield first, second


def _sort_key(x: float | None) -> float:
    return float("-inf") if x is None else x


def _assumptions(rows: Iterable[Row]) -> list[str]:
    return [f"{r.gid} gives no period; it is read as of publication ({r.claim.period.label(note=False)})"
            for r in rows if r.assumed and r.claim.period is not None]


def _overlap(a: Row, b: Row, *, loose: bool = False) -> bool:
    if not loose:
        return a.overlaps(b)
    return overlap(*a.interval(loose=True), *b.interval(loose=True))


def _compare(rows: list[Row], split: int, ctx: Context) -> Finding:
    """The heart of the value rules: do two readings of one measure agree, and if not, what could explain it?

    ``rows`` holds the claims of the first reading, then those of the second from ``split`` on.
    The verdict is decided here with numbers only; the sentences are written by ``_compare_words``
    when somebody reads them.
    """
    a, b = rows[0], rows[split]
    if a.overlaps(b):
        return Finding("consistent", rows, _compare_words, (split, ctx, None))
    distance = gap(*a.interval()[:2], *b.interval()[:2])
    explained_by = []
    if not a.overlaps_in_time(b):
        drift = ctx.vocabulary.drift(a.measure)
        if drift is None or _drift_allowance(a, b, drift) >= distance:
            explained_by.append("period")
    if a.source != b.source and a.scope and ctx.vocabulary.ambiguity(a.scope):
        explained_by.append("scope definition")
    confidence = "low" if _overlap(a, b, loose=True) else "high"
    # A conflict needs overlapping periods; over different periods it is a tension, whose words say
    # whether the declared drift could cover the gap.
    verdict = "tension" if explained_by or not a.overlaps_in_time(b) else "conflict"
    return Finding(verdict, rows, _compare_words, (split, ctx, (distance, tuple(explained_by))), confidence,
                   gap=distance)


def _drift_allowance(a: Row, b: Row, drift) -> float:
    """The largest change the measure's declared drift allows between the two periods, in base units."""
    level = max(abs(x) for x in (a.lo, a.hi, b.lo, b.hi) if x is not None) / a.factor
    return drift.allowance(_years_apart(a, b), level) * a.factor


def _compare_words(rows: list[Row], split: int, ctx: Context, disjoint) -> Texts:
    a, b = rows[0], rows[split]
    shown = f"{a.said()}; {b.said()}"
    ia, ib = a.shown_interval(), b.shown_interval()
    assumptions = tuple(_assumptions(rows))
    if disjoint is None:
        when = "" if a.overlaps_in_time(b) else f" although their periods differ ({a.shown_period()} and {b.shown_period()})"
        return f"{shown}; {ia} and {ib} overlap.", f"The intervals {ia} and {ib} share values{when}.", assumptions
    distance, explained_by = disjoint
    lines = [f"{ia} and {ib} do not overlap; the gap is at least {amount_words(distance, a)}."]
    if _overlap(a, b, loose=True):
        lines.append(f"Under the round-number reading ({a.shown_interval(loose=True)} and {b.shown_interval(loose=True)}) "
                     "they would overlap, so this rests on reading the hedges strictly.")
    else:
        lines.append("They stay apart under the looser round-number reading too.")
    if not a.overlaps_in_time(b):
        years = _years_apart(a, b)
        period_words = (f"The periods differ ({a.shown_period()}; {b.shown_period()}) by "
                        f"{years:.1f} year{'' if years == 1 else 's'}.")
        drift = ctx.vocabulary.drift(a.measure)
        if drift is None:
            lines.append(f"{period_words} No drift is declared for {a.claim.measure!r}, so a change over time may "
                         "explain it.")
        else:
            allowance = _drift_allowance(a, b, drift)
            lines.append(f"{period_words} The declared drift of {drift.text} covers at most "
                         f"{amount_words(allowance, a)} over that time, which "
                         f"{'could' if 'period' in explained_by else 'cannot'} cover the gap.")
    if "scope definition" in explained_by:
        lines.append(f"The scope {a.claim.scope!r} has no agreed definition ({ctx.vocabulary.ambiguity(a.scope)}); "
                     "the sources may count different members, which could explain the gap.")
    elif a.source != b.source and a.scope:
        lines.append(f"Nothing declares the scope {a.claim.scope!r} ambiguous, so a difference of definition is "
                     "not assumed.")
    if explained_by:
        reason = f"; a difference of {' or '.join(explained_by)} could explain it"
    elif not a.overlaps_in_time(b):
        reason = "; their periods differ, by more than the declared drift can cover"
    else:
        reason = ""
    return f"{shown}; {ia} and {ib} do not overlap{reason}.", " ".join(lines), assumptions


def _growth_years(period) -> float:
    """Years of growth in a change's period: 2013–2023 (whole years) is 10, as "compared with ten years ago"."""
    if (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31):
        return float(period.end.year - period.start.year)
    return (period.end - period.start).days / 365.25


def _years_apart(a: Row, b: Row) -> float:
    return round(abs((a.start + a.end) / 2 - (b.start + b.end) / 2) / 365.25, 1)


def _agreeing(bucket: list[Row]) -> Finding:
    return Finding("consistent", bucket, _agreeing_words)


def _agreeing_words(bucket: list[Row]) -> Texts:
    first = bucket[0]
    sources = sorted({r.source for r in bucket})
    return (f"{len(bucket)} claims from {', '.join(sources)} give the same reading: {first.shown_interval()} "
            f"({first.shown_period()}).",
            f"Identical intervals {first.shown_interval()} over the same period.", tuple(_assumptions(bucket)))


# --- value rules --------------------------------------------------------------------------------


@rule("CC101", "quantity.disjoint", key="quantity")
def same_measure_disjoint(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Two claims give values for one measure that cannot both hold.

    What it checks:
        Claims with the same subject, measure and scope (after the vocabulary) and compatible
        units are compared as intervals. Disjoint intervals over overlapping periods are a
        conflict, unless the vocabulary declares the scope ambiguous (then a tension: the
        sources may count different members). Over different periods they are a tension that
        names the gap in years and says whether the measure's declared drift could cover it.
        Overlapping intervals are consistent. Counts are left to CC107, ranks to CC106.

    Why it matters:
        This is the core disagreement a fact-checker looks for: one source says 41.9%, another
        "over 60%". Saying how far apart they are, and what could and could not explain it,
        is what turns two numbers into a finding.

    Known problems:
        Two sources may use one name for different things (gross vs net, goods vs goods and
        services). Until the vocabulary separates them, the rule reports a conflict. A claim
        with no period is read as of publication; the finding says so.
        In a group with more than 64 distinct readings, each is compared only with its
        neighbours in order of period and value.

    Conflicting example:
        sources: {wang: 2025, liu: 2025}
        claims:
          - {source: wang, id: share, subject: China, measure: trade share, scope: neighbours, value: "41.9%", period: 2022}
          - {source: liu, id: share, subject: China, measure: trade share, scope: neighbours, value: "over 60%", period: 2022}
        expect: conflict

    Consistent example:
        sources: {wang: 2025, liu: 2025}
        claims:
          - {source: wang, id: share, subject: China, measure: trade share, scope: neighbours, value: "41.9%", period: 2022}
          - {source: liu, id: share, subject: China, measure: trade share, scope: neighbours, value: "over 40%", period: 2022}
        expect: consistent
    """
    yield from _value_findings(rows, ctx)


def _value_findings(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """One finding for a group whose readings all agree; otherwise one for each pair of readings."""
    if len(rows) < 2:
        return
    if len(rows) == 2:  # the common case, without bucketing
        a, b = rows
        yield _agreeing(rows) if a.same_reading(b) else _compare(rows, 1, ctx)
        return
    readings = _readings(rows)
    pairs = list(_pairs(readings))
    if all(first[0].overlaps(second[0]) for first, second in pairs):
        yield Finding("consistent", rows, _group_agrees_words, (len(readings), len(pairs)))
        return
    for bucket in readings:
        if len(bucket) > 1:
            yield _agreeing(bucket)
    for first, second in pairs:
        yield _compare(first + second, len(first), ctx)


def _group_agrees_words(rows: list[Row], n_readings: int, n_pairs: int) -> Texts:
    shown = "; ".join(row.said() for row in rows[:6]) + (f"; and {len(rows) - 6} more" if len(rows) > 6 else "")
    every = "every pair of readings overlaps" if n_pairs == n_readings * (n_readings - 1) // 2 else (
        f"each of {n_readings} readings overlaps its {NEIGHBOURS} neighbours in order of period and value")
    intervals = ", ".join(sorted({row.shown_interval() for row in rows}))
    return (f"{len(rows)} claims agree: {shown}.", f"Readings {intervals}; {every}.", tuple(_assumptions(rows)))


@rule("CC107", "count.named-set", key="count")
def named_set_count(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Two claims count one named set differently.

    What it checks:
        Counts with the same subject, measure and scope ("the two Global Initiatives", "the
        three global initiatives") are compared like other values. Different counts over
        overlapping periods are a conflict; over different periods a tension, since a named
        set can grow.

    Why it matters:
        A count of a named set is easy to copy and easy to get stale. When two sources count
        the same set differently, the reader needs to know whether time explains it.

    Known problems:
        The vocabulary must give both spellings of the set one measure name, or the two
        counts are never compared. Sets that are defined differently by each source (which
        countries are "neighbours") are not told apart.

    Conflicting example:
        sources: {a: 2025, b: 2025}
        claims:
          - {source: a, id: gi, subject: China, measure: global initiatives, value: two, period: 2024}
          - {source: b, id: gi, subject: China, measure: global initiatives, value: three, period: 2024}
        expect: conflict

    Consistent example:
        sources: {a: 2025, b: 2025}
        claims:
          - {source: a, id: gi, subject: China, measure: global initiatives, value: three, period: 2024}
          - {source: b, id: gi, subject: China, measure: global initiatives, value: three, period: 2024}
        expect: consistent
    """
    yield from _value_findings(rows, ctx)


@rule("CC102", "event.date", key="event")
def event_dates(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Two claims date one event differently.

    What it checks:
        Claims about the same event (after the vocabulary) are compared by their dates. Dates
        that do not overlap are a conflict; overlapping ones ("2013" and "October 2013") are
        consistent.

    Why it matters:
        Dates anchor everything else: a conference in 2013 and the same conference in 2014
        cannot both be right, and a wrong date moves every "since" and "ago" that rests on it.

    Known problems:
        Recurring events (an annual summit) need the edition in the event name ("the 17th G20
        summit"), or different editions are taken for one event.

    Conflicting example:
        sources: {a: 2025, b: 2025}
        claims:
          - {source: a, id: conf, event: central conference on neighbourhood work, date: October 2013}
          - {source: b, id: conf, event: central conference on neighbourhood work, date: 2014}
        expect: conflict

    Consistent example:
        sources: {a: 2025, b: 2025}
        claims:
          - {source: a, id: conf, event: central conference on neighbourhood work, date: October 2013}
          - {source: b, id: conf, event: central conference on neighbourhood work, date: 2013}
        expect: consistent
    """
    dated = sorted(rows, key=lambda r: r.gid)
    for i, a in enumerate(dated):
        for b in dated[i + 1:i + 1 + (len(dated) if len(dated) <= MAX_PAIRWISE_READINGS else NEIGHBOURS)]:
            da, db = a.claim.date, b.claim.date
            assert da is not None and db is not None
            shown = f"{a.source} dates {a.claim.event!r} {da.label()}; {b.source} dates it {db.label()}"
            if da.overlaps(db):
                yield Finding.written("consistent", [a, b], f"{shown}; the dates overlap.",
                            f"{da.start}..{da.end} and {db.start}..{db.end} share days.")
            else:
                days = min(abs((db.start - da.end).days), abs((da.start - db.end).days))
                yield Finding.written("conflict", [a, b], f"{shown}; the dates do not overlap.",
                            f"{da.start}..{da.end} and {db.start}..{db.end} are at least {days} days apart.")


@rule("CC103", "count.items", key="items")
def count_matches_items(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """A stated count does not match the items listed with it.

    What it checks:
        A claim that states a count and lists its items ("eight of the LDCs ..., namely
        Afghanistan, ...") must list as many items as it counts. Where the list is marked
        incomplete (``complete: false``, as in "among which"), the count must be at least the
        number listed.

    Why it matters:
        Counts and lists drift apart when a text is edited or translated; a reader trusts the
        number and never counts the names.

    Known problems:
        A list that names groups ("the five Central Asian countries") as one item undercounts;
        write the members out, or mark the list incomplete.

    Conflicting example:
        sources: {a: 2025}
        claims:
          - {source: a, id: ldcs, measure: least developed countries, scope: neighbours, value: eight, items: [Afghanistan, Bangladesh, Bhutan, Cambodia, Laos, Myanmar, Nepal]}
        expect: conflict

    Consistent example:
        sources: {a: 2025}
        claims:
          - {source: a, id: ldcs, measure: least developed countries, scope: neighbours, value: eight, items: [Afghanistan, Bangladesh, Bhutan, Cambodia, Laos, Myanmar, Nepal, Timor-Leste]}
        expect: consistent
    """
    for row in rows:
        items = row.claim.items or ()
        if row.claim.value is None or row.kind != "count":
            continue
        listed = len(items)
        count = row.shown_interval()
        inside = overlap(row.lo, row.hi, row.lo_inc, row.hi_inc, listed, listed, True, True)
        if row.claim.complete:
            verdict = "consistent" if inside else "conflict"
            message = (f"{row.source} counts {row.shown_value()!r} {row.claim.measure} and lists {listed}: "
                       f"{'they match' if inside else 'they differ'}.")
            explanation = f"The count reads {count}; the complete list has {listed} items: {', '.join(items)}."
        else:
            enough = row.hi is None or row.hi > listed or (row.hi == listed and row.hi_inc)
            verdict = "consistent" if enough else "conflict"
            message = (f"{row.source} counts {row.shown_value()!r} {row.claim.measure} and names {listed} of them: "
                       f"{'the count covers the names' if enough else 'it names more than it counts'}.")
            explanation = f"The count reads {count}; the partial list names {listed}: {', '.join(items)}."
        yield Finding.written(verdict, [row], message, explanation)


@rule("CC104", "arithmetic.part-share-whole", key="subject", applies=lambda ctx: bool(ctx.vocabulary.relations))
def part_share_whole(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """A part, its share and the whole do not multiply out.

    What it checks:
        For each relation ``part = share × whole`` declared in the vocabulary, claims about one
        subject are combined with interval arithmetic. A part and a share from one source
        imply a whole ($2.64 trillion at 41.9% implies [6.28, 6.32] trillion); it is compared
        with every stated whole over an overlapping period, or reported as an implied total
        when none is stated. A stated part and whole imply a share, which is compared with
        the stated shares of that scope.

    Why it matters:
        Numbers that each look plausible can be arithmetically impossible together. The
        implied total is also what a fact-checker looks up in official statistics.

    Known problems:
        The relation must be declared; two sources may define the whole differently (goods
        trade against goods and services). An implied total with nothing to compare it to is
        reported as undetermined, never as consistent.

    Conflicting example:
        sources: {a: 2025, b: 2025}
        vocabulary: {relations: ["trade volume = trade share × trade volume [world]"]}
        claims:
          - {source: a, id: part, subject: China, measure: trade volume, scope: neighbours, value: "$2.64 trillion", period: 2022}
          - {source: a, id: share, subject: China, measure: trade share, scope: neighbours, value: "41.9%", period: 2022}
          - {source: b, id: total, subject: China, measure: trade volume, scope: world, value: "$4 trillion", period: 2022}
        expect: conflict

    Consistent example:
        sources: {a: 2025, b: 2025}
        vocabulary: {relations: ["trade volume = trade share × trade volume [world]"]}
        claims:
          - {source: a, id: part, subject: China, measure: trade volume, scope: neighbours, value: "$2.64 trillion", period: 2022}
          - {source: a, id: share, subject: China, measure: trade share, scope: neighbours, value: "41.9%", period: 2022}
          - {source: b, id: total, subject: China, measure: trade volume, scope: world, value: "$6.3 trillion", period: 2022}
        expect: consistent
    """
    index: dict[tuple[str | None, str | None], list[Row]] = defaultdict(list)
    for row in rows:
        if row.claim.value is not None:
            index[(row.measure, row.scope)].append(row)
    for relation in ctx.vocabulary.relations:
        scopes = sorted({scope for (measure, scope) in index if measure == relation.share.measure}, key=str)
        for scope in scopes:
            if relation.share.scope and scope != relation.share.scope:
                continue
            part_scope = relation.part.scope or scope
            whole_scope = relation.whole.scope or scope
            parts = [r for r in index.get((relation.part.measure, part_scope), []) if r.kind in ("amount", "count")]
            shares = [r for r in index.get((relation.share.measure, scope), []) if r.kind == "share"]
            wholes = [r for r in index.get((relation.whole.measure, whole_scope), []) if r.kind in ("amount", "count")]
            for part in parts:
                for share in shares:
                    if part.source == share.source and part.overlaps_in_time(share):
                        yield from _implied_whole(part, share, [w for w in wholes if w.dimension == part.dimension],
                                                  relation.text, ctx)
                for whole in wholes:
                    if whole.dimension != part.dimension or not part.overlaps_in_time(whole):
                        continue
                    for share in shares:
                        if share.source in (part.source,) or not share.overlaps_in_time(part):
                            continue
                        yield _implied_share(part, whole, share, relation.text)


def _divide(numerator: Row, denominator: Row) -> tuple[float | None, float | None, bool, bool]:
    """Interval division of two positive intervals, keeping which ends are open."""
    n_lo, n_hi, d_lo, d_hi = numerator.lo, numerator.hi, denominator.lo, denominator.hi
    low = None if (n_lo is None or d_hi is None or d_hi <= 0) else n_lo / d_hi
    high = None if (n_hi is None or d_lo is None or d_lo <= 0) else n_hi / d_lo
    return low, high, numerator.lo_inc and denominator.hi_inc, numerator.hi_inc and denominator.lo_inc


def _whole_numbers(low: float | None, high: float | None, low_inc: bool, high_inc: bool) -> str:
    """For an implied count: the whole numbers it allows, when there are few ('so 25 or 26')."""
    if low is None or high is None or high - low > 5:
        return ""
    low, high = round(low, 9), round(high, 9)  # 8 ÷ (1/3) is 24, not 23.999999999
    first = math.floor(low) + 1 if (not low_inc or low != math.floor(low)) else int(low)
    last = math.ceil(high) - 1 if (not high_inc or high != math.ceil(high)) else int(high)
    numbers = [str(n) for n in range(first, last + 1)]
    if not numbers:
        return " (no whole number)"
    return f" (so {' or '.join(numbers)})" if len(numbers) <= 3 else ""


def _implied_whole(part: Row, share: Row, wholes: list[Row], relation: str, ctx: Context) -> Iterable[Finding]:
    low, high, low_inc, high_inc = _divide(part, share)
    implied = interval_words(low, high, low_inc, high_inc, part)
    if part.kind == "count":
        implied += _whole_numbers(low, high, low_inc, high_inc)
    arithmetic = (f"{part.shown_interval()} ÷ {share.shown_interval()} = {implied} "
                  f"(from {relation!r}).")
    if not wholes:
        yield Finding.written("undetermined", [part, share],
                    f"{part.source} gives {part.shown_value()} at {share.shown_value()} ({part.shown_period()}), "
                    f"which implies a whole of {implied}; no claim states the whole to compare it with.",
                    arithmetic + " An implied total is a figure to look up, not a check that passed.",
                    "high", _assumptions([part, share]))
        return
    for whole in sorted(wholes, key=lambda r: r.gid):
        agrees = overlap(low, high, low_inc, high_inc, whole.lo, whole.hi, whole.lo_inc, whole.hi_inc)
        same_time = whole.overlaps_in_time(part)
        verdict = "consistent" if agrees else ("conflict" if same_time else "tension")
        yield Finding.written(verdict, [part, share, whole],
                    f"{part.source} gives {part.shown_value()} at {share.shown_value()} ({part.shown_period()}), "
                    f"implying a whole of {implied}; {whole.said()}: {'they agree' if agrees else 'they do not agree'}.",
                    arithmetic + f" The stated whole reads {whole.shown_interval()}.", "high",
                    _assumptions([part, share, whole]))


def _implied_share(part: Row, whole: Row, share: Row, relation: str) -> Finding:
    low, high, low_inc, high_inc = _divide(part, whole)
    implied = interval_words(low, high, low_inc, high_inc, share)
    agrees = overlap(low, high, low_inc, high_inc, share.lo, share.hi, share.lo_inc, share.hi_inc)
    return Finding.written("consistent" if agrees else "conflict", [part, whole, share],
                 f"{part.source} and {whole.source} give a part of {part.shown_value()} and a whole of "
                 f"{whole.shown_value()}, a share of {implied}; {share.said()}: {'they agree' if agrees else 'they do not agree'}.",
                 f"{part.shown_interval()} ÷ {whole.shown_interval()} = {implied} (from {relation!r}); "
                 f"the stated share reads {share.shown_interval()}.", "high", _assumptions([part, whole, share]))


@rule("CC105", "growth.rate-vs-multiple", key="measure")
def growth_rate_against_multiple(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """A yearly growth rate and a change multiple over the same years do not compound to each other.

    What it checks:
        For one subject, measure and scope, a rate per year ("over 20% every year") and a
        change multiple ("nearly doubled compared with ten years ago") over overlapping
        periods are compared: the rate compounded over the multiple's years must meet the
        multiple's interval. Over 20% a year for ten years is more than ×6.19, not nearly ×2.

    Why it matters:
        Growth claims are often made in two forms in one text; compounding is where intuition
        fails and where the two forms part ways.

    Known problems:
        The number of years is read from the multiple's period (its end year minus its start
        year); a rate that held only for part of those years cannot be told apart.

    Conflicting example:
        sources: {a: 2023}
        claims:
          - {source: a, id: rate, subject: China, measure: trade volume, scope: neighbours, value: "over 20% every year", period: 2013-2023}
          - {source: a, id: multiple, subject: China, measure: trade volume, scope: neighbours, value: nearly doubled, period: compared with ten years ago}
        expect: conflict

    Consistent example:
        sources: {a: 2023}
        claims:
          - {source: a, id: rate, subject: China, measure: trade volume, scope: neighbours, value: "about 7% a year", period: 2013-2023}
          - {source: a, id: multiple, subject: China, measure: trade volume, scope: neighbours, value: nearly doubled, period: compared with ten years ago}
        expect: consistent
    """
    rates = sorted((r for r in rows if r.kind == "rate" and r.claim.value and r.claim.value.unit == "percent / year"),
                   key=lambda r: r.gid)
    multiples = sorted((r for r in rows if r.kind == "change_multiple"), key=lambda r: r.gid)
    for multiple in multiples:
        period = multiple.claim.period
        assert period is not None
        years = _growth_years(period)
        if years <= 0:
            continue
        for rate in rates:
            if not rate.overlaps_in_time(multiple):
                continue
            value = rate.claim.value
            assert value is not None
            r_lo, r_hi = value.low_magnitude, value.high_magnitude
            low = None if r_lo is None else (1 + r_lo / 100) ** years
            high = None if r_hi is None else (1 + r_hi / 100) ** years
            implied = format_interval(low, high, rate.lo_inc, rate.hi_inc, "dimensionless")
            agrees = overlap(low, high, rate.lo_inc, rate.hi_inc, multiple.lo, multiple.hi, multiple.lo_inc,
                             multiple.hi_inc)
            yield Finding.written("consistent" if agrees else "conflict", [rate, multiple],
                        f"{rate.said()}; compounded over {years:g} years that is {implied}; {multiple.said()} "
                        f"reads {multiple.shown_interval()}: {'they agree' if agrees else 'they do not agree'}.",
                        f"(1 + {rate.shown_interval()}) ^ {years:g} years = {implied}; the multiple reads "
                        f"{multiple.shown_interval()} over {period.label()}.", "high", _assumptions([rate, multiple]))


@rule("CC106", "rank.collision", key="rank", aliases=("rank.two-firsts",))
def rank_collision(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Two claims rank one measure in ways that cannot both hold at the same time.

    What it checks:
        Rank claims with the same measure and scope are compared pairwise: two different
        subjects given the same rank ("the largest trading partner" twice), or one subject
        given two different ranks, over overlapping periods are a conflict; over different
        periods a tension, since rankings change. Different subjects with different ranks, or
        one subject with the same rank, are consistent.

    Why it matters:
        "The largest trading partner" is a claim about everyone else too; two sources that
        crown different subjects cannot both be right at the same time.

    Known problems:
        "Largest" by one measure (trade in goods) and by another (goods and services) are
        different measures; the vocabulary must not alias them. Ties are not modelled. In a
        group of more than 64 rank claims, each is compared with its neighbours only.

    Conflicting example:
        sources: {a: 2025, b: 2025}
        claims:
          - {source: a, id: top, subject: China, measure: largest trading partner, scope: ASEAN, value: largest, period: 2023}
          - {source: b, id: top, subject: EU, measure: largest trading partner, scope: ASEAN, value: largest, period: 2023}
        expect: conflict

    Consistent example:
        sources: {a: 2025, b: 2025}
        claims:
          - {source: a, id: top, subject: China, measure: largest trading partner, scope: ASEAN, value: largest, period: 2023}
          - {source: b, id: second, subject: EU, measure: largest trading partner, scope: ASEAN, value: second largest, period: 2023}
        expect: consistent
    """
    window = len(rows) if len(rows) <= MAX_PAIRWISE_READINGS else NEIGHBOURS
    for i, a in enumerate(rows):
        for b in rows[i + 1:i + 1 + window]:
            same_subject, same_rank = a.subject == b.subject, a.overlaps(b)
            if same_subject == same_rank:
                yield Finding("consistent", [a, b], _rank_words, (None,))
            else:
                yield Finding("conflict" if a.overlaps_in_time(b) else "tension", [a, b], _rank_words,
                              ("one subject, two ranks" if same_subject else "two subjects, one rank",))


def _rank_words(rows: list[Row], collision: str | None) -> Texts:
    a, b = rows
    what = f"for {a.claim.measure!r} ({a.claim.scope or 'no scope'})"
    shown = (f"{a.source} ranks {a.claim.subject} {a.shown_value()!r} ({a.shown_period()}); "
             f"{b.source} ranks {b.claim.subject} {b.shown_value()!r} ({b.shown_period()}) {what}")
    if collision is None:
        return f"{shown}: the ranks do not collide.", f"Ranks {a.shown_interval()} and {b.shown_interval()}.", \
            tuple(_assumptions(rows))
    if a.overlaps_in_time(b):
        why = ("Only one subject can hold a rank for one measure, scope and time; ties are not modelled."
               if collision == "two subjects, one rank" else "One subject holds one rank at a time.")
        return f"{shown}: {collision}, over overlapping periods.", why, tuple(_assumptions(rows))
    return (f"{shown}: {collision}, but over different periods, and rankings change.",
            f"The periods ({a.shown_period()}; {b.shown_period()}) do not overlap.", tuple(_assumptions(rows)))


# --- data rules ---------------------------------------------------------------------------------


def _data_rule(problems: list[Problem], what: str) -> Iterable[Finding]:
    for problem in problems:
        yield Finding.written("undetermined", [], f"{problem}", f"{what} The record was left out of the comparisons.",
                    "high", [], tuple(filter(None, [problem.claim_id, f"{problem.path}:{problem.field}"])),
                    location=(problem.path, problem.line))


@rule("CC900", "data.invalid-record", key="problems")
def invalid_record(problems: list[Problem]) -> Iterable[Finding]:
    """A record in a claim or vocabulary file is malformed.

    What it checks:
        Unknown keys, missing fields, YAML that does not parse, a source text outside the
        claims folder: anything that stops a record from being read.

    Why it matters:
        A run always finishes and lists everything; a broken record is reported with its file,
        line and field rather than stopping the check or being dropped in silence.

    Known problems:
        None known: the record is reported, not guessed at.
    """
    yield from _data_rule(problems, "The record could not be read.")


@rule("CC901", "data.quote-not-found", key="problems")
def quote_not_found(problems: list[Problem]) -> Iterable[Finding]:
    """A claim's quote is not in its source text.

    What it checks:
        Where a source gives ``text:``, every quote must appear in it, ignoring differences of
        whitespace and of typographic quotes and dashes.

    Why it matters:
        A claim is only as good as its quote; a paraphrase passed off as a quote hides what the
        source really said.

    Known problems:
        Quotes that span a page break or a hyphenated line break in the source text do not
        match; quote the shorter span.
    """
    yield from _data_rule(problems, "The quote must be copied exactly from the source text.")


@rule("CC902", "data.value-unreadable", key="problems")
def value_unreadable(problems: list[Problem]) -> Iterable[Finding]:
    """A claim's value cannot be read by the value grammar.

    What it checks:
        The value must parse (see docs/values-and-periods.md): a number with its hedge, scale
        word and unit.

    Why it matters:
        An unread value is an unchecked claim; it is listed so that nobody takes silence for
        agreement.

    Known problems:
        The grammar is English only.
    """
    yield from _data_rule(problems, "The value could not be read.")


@rule("CC903", "data.unknown-unit", key="problems")
def unknown_unit(problems: list[Problem]) -> Iterable[Finding]:
    """A claim's value or unit names a unit claimcheck does not know, or two units that disagree.

    What it checks:
        ``unit:`` must be a pint unit, a currency code, or a counted noun, and it must agree
        with the unit written in the value. '¥' needs ``unit: JPY`` or ``unit: CNY``, and
        'francs' alone ``unit: CHF``, ``FRF``, ``BEF`` or the like.

    Why it matters:
        Comparing yuan with dollars, or yen with yuan, would give confident nonsense.

    Known problems:
        No exchange rates are applied, by design.
    """
    yield from _data_rule(problems, "The unit could not be resolved.")


@rule("CC904", "data.period-unresolved", key="problems")
def period_unresolved(problems: list[Problem]) -> Iterable[Finding]:
    """A claim's period or date cannot be resolved.

    What it checks:
        The period must parse, and a relative period ("last year", "for 15 consecutive years")
        needs the source's publication date.

    Why it matters:
        A claim without a time cannot be compared with any other; a relative period without an
        anchor would otherwise be silently read against today.

    Known problems:
        Periods named after events ("since the 18th Party Congress") must be written as dates.
    """
    yield from _data_rule(problems, "The period could not be resolved.")


@rule("CC905", "data.duplicate-id", key="problems")
def duplicate_id(problems: list[Problem]) -> Iterable[Finding]:
    """Two records share an id.

    What it checks:
        Claim ids are unique within their file, and source ids across the folder.

    Why it matters:
        Findings and review verdicts are keyed by id; a duplicate would make them ambiguous.

    Known problems:
        None known.
    """
    yield from _data_rule(problems, "Ids must be unique.")


# --- documentation ------------------------------------------------------------------------------


def rule_text(rule: Rule) -> str:
    """One rule's page, as ``claimcheck rule CODE`` prints it."""
    aliases = f" (also: {', '.join(rule.aliases)})" if rule.aliases else ""
    return f"{rule.code} {rule.name}{aliases}\n\n{rule.doc}\n"


def rules_markdown() -> str:
    """docs/rules.md, generated from the docstrings; a test keeps the file in step with the code."""
    out = ["# Rules", "", "Generated by `claimcheck rules --markdown` from the rules' docstrings; do not edit by hand.", "",
           "| code | name | summary |", "|---|---|---|"]
    out += [f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.summary} |" for _, r in sorted(RULES.items())]
    for _, r in sorted(RULES.items()):
        aliases = f" (also known as {', '.join(f'`{a}`' for a in r.aliases)})" if r.aliases else ""
        out += ["", f"## {r.code}", "", f"`{r.name}`{aliases}: {r.summary}", ""]
        for title in SECTIONS:
            body = r.section(title)
            if not body:
                continue
            out += [f"**{title}**", ""]
            out += (["```yaml", body, "```"] if title.endswith("example") else [body])
            out.append("")
    return "\n".join(out).rstrip() + "\n"


__all__ = ["MAX_PAIRWISE_READINGS", "RULES", "Rule", "example_claims", "resolve", "rule", "rule_text", "rules_markdown"]
