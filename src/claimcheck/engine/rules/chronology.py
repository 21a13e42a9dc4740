"""Chronology: durations against the dates they span (CC112); spans against the events they count from (CC114);
events in their order (CC115)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from claimcheck.corpus.vocabulary import Duration, Order
from claimcheck.engine.findings import Context, Finding, Key, Row
from claimcheck.engine.kinds import ordinal_in
from claimcheck.engine.rules.common import TIME
from claimcheck.engine.rules.registry import rule
from claimcheck.read import units

DAYS_A_YEAR = 365.2425


def _days(row: Row) -> tuple[int, int]:
    when = row.claim.date
    assert when is not None
    return when.outer_start.toordinal(), when.outer_end.toordinal()


def _label(row: Row) -> str:
    when = row.claim.date
    assert when is not None
    return when.label()


@rule("CC112", "chronology.duration", key="duration",
      applies=lambda ctx: any(isinstance(r, Duration) for r in ctx.vocabulary.relations))
def duration_against_dates(rows: list[Row], ctx: Context, key: Key) -> Iterable[Finding]:
    """A stated duration does not fit the dates of the events it spans.

    What it checks:
        For each relation ``duration = later event − earlier event`` declared in the vocabulary
        ("years to join = Croatia joins the EU − Croatia applies to join the EU"; "length of the
        lease = end of the lease − start of the lease"), every stated duration of that measure
        ("joined 12 years after applying", "a 30-year lease") is compared with the time between
        the two events' dates: the dates, as intervals, allow a range of durations, and a stated
        duration outside it is a conflict. An event's date is its report, or where it has not
        happened yet its latest plan: a schedule since superseded is not used. A duration that
        fits is a consistent check; a duration with one of its dates missing from the corpus is
        not evaluated.

    Why it matters:
        A duration and two dates are written in different places of a text, or in different
        texts; "joined 12 years after applying" with an application in 2003 and an accession in
        2013 is off by two years, and nothing but the subtraction shows it.

    Known problems:
        The duration must be in a unit of time ("12 years", "30-year"); "a decade" is not read as
        ten years. A date written as a year allows any day of it, so a duration in years is checked
        loosely: 2003 to 2013 allows 9 to 11 years. A whole number of a unit, unhedged, is read as
        prose counts it, rounded or in completed units: "eight months after it opened" allows 7.5
        to just under 9 months, so a duration that is exact by contract ("a 30-year lease") is held
        to it as loosely. One finding is given per stated duration, against every dating of its
        events; it fits when one pair of datings allows it.

    Conflicting example:
        # vocabulary.yaml
        relations: ["years to join = Croatia joins the EU − Croatia applies to join the EU"]
        ---
        # history.yaml
        source: {id: history, published: 2020}
        claims:
          - {id: applied, event: Croatia applies to join the EU, date: February 2003}
          - {id: joined, event: Croatia joins the EU, date: 1 July 2013}
          - {id: years, subject: Croatia, measure: years to join, value: 12 years}

    Consistent example:
        # vocabulary.yaml
        relations: ["years to join = Croatia joins the EU − Croatia applies to join the EU"]
        ---
        # history.yaml
        source: {id: history, published: 2020}
        claims:
          - {id: applied, event: Croatia applies to join the EU, date: February 2003}
          - {id: joined, event: Croatia joins the EU, date: 1 July 2013}
          - {id: years, subject: Croatia, measure: years to join, value: 10 years}
    """
    relation = ctx.vocabulary.relations[key[1]]
    if isinstance(relation, Duration):
        laters = _distinct_dates(_as_happened([r for r in rows if r.claim.date is not None and r.event == relation.later]))
        earliers = _distinct_dates(_as_happened([r for r in rows if r.claim.date is not None
                                                 and r.event == relation.earlier]))
        durations = [r for r in rows if r.kind is not None and r.measure == relation.measure and r.lo is not None
                     and r.dimension == TIME]
        for duration in durations:
            pairs = [(later, earlier) for later in laters for earlier in earliers]
            if pairs:
                yield _duration(duration, pairs, relation)


_TIME_UNITS = ("day", "week", "month", "year")


def _read_duration(duration: Row) -> tuple[float | None, float | None, str, bool]:
    """The duration's bounds in seconds, its unit, and whether a whole number was widened: prose counts whole
    months or years loosely, so "eight months after it opened" is any time from seven and a half months to
    just under nine (a bare whole number of a unit of time is rounded, or counted in completed units)."""
    value = duration.value
    unit = value.unit if value is not None and value.unit in _TIME_UNITS else "year"
    size = units.base_form(unit)[0]
    lo, hi = duration.lo, duration.hi
    if value is not None and value.unit in _TIME_UNITS and lo is not None and lo == hi \
            and float(lo / size).is_integer():
        return lo - size / 2, lo + size, unit, True
    return lo, hi, unit, False


def _duration(duration: Row, pairs: list[tuple[Row, Row]], relation: Duration) -> Finding:
    """One finding per stated duration, against every dating of its two events: it fits when some pair of
    datings allows it (where the datings disagree, that is the event rule's finding, CC102)."""
    lo, hi, unit, widened = _read_duration(duration)
    size = units.base_form(unit)[0]
    seconds_a_day = units.base_form("day")[0]

    def span_of(later: Row, earlier: Row) -> tuple[float, float]:
        (e_start, e_end), (l_start, l_end) = _days(earlier), _days(later)
        return max(0, l_start - e_end) * seconds_a_day, max(0, l_end - e_start) * seconds_a_day

    def text_of(span: tuple[float, float]) -> str:
        return f"[{span[0] / size:.2f}, {span[1] / size:.2f}] {unit}s"

    spans = [(later, earlier, span_of(later, earlier)) for later, earlier in pairs]
    fitting = [(later, earlier, span) for later, earlier, span in spans
               if (hi is None or hi >= span[0]) and (lo is None or lo <= span[1])]
    read = (f"{duration.shown_value()}, a whole number of {unit}s read as {lo / size:g} to under {hi / size:g}"
            if widened and lo is not None and hi is not None else duration.shown_interval())
    later, earlier, span = (fitting or spans)[0]
    shown = [(later, earlier, span)] if fitting else spans
    between = "; ".join(f"between {e.claim.event!r} ({_label(e)}) and {la.claim.event!r} ({_label(la)}) lie "
                        f"{text_of(sp)}" for la, e, sp in shown)
    head = (f"{duration.source} gives {duration.shown_value()} for {duration.claim.measure!r}; {between}: "
            f"{'it fits' if fitting else 'it does not fit'}.")
    why = (f"From the dates, {_label(later)} − {_label(earlier)} is {text_of(span)} (from {relation.text!r}); the "
           f"duration reads {read}.")
    datings = list({row.gid: row for la, e, _ in (fitting or spans) for row in (e, la)}.values())
    if fitting:
        if len(fitting) < len(spans):
            why += " Other datings of the events do not fit it: where they disagree, that is the event rule's " \
                   "finding (CC102)."
        return Finding.written("consistent", [duration, *datings], head, why, sides=[[duration], datings])
    gap = min(sp[0] - hi if hi is not None and hi < sp[0] else (lo or 0) - sp[1] for _, _, sp in spans)
    return Finding.written("conflict", [duration, *datings], head, why, sides=[[duration], datings], gap=gap)


@rule("CC114", "chronology.since", key="since")
def span_against_its_event(rows: list[Row], ctx: Context, key: Key) -> Iterable[Finding]:
    """A span counts from an event that is dated at another time.

    What it checks:
        A claim whose period counts from a named event ("since the 18th National Congress in
        2012": ``period: since 2012``, ``since: 18th National Congress of the CPC``) says when
        that event took place: some day of the year (or month, or day) the span starts in. Each
        claim that dates the event is held to it. A span whose start no dating of the event allows
        is a conflict; one that a dating allows is a consistent check; a span whose event no claim
        dates is undetermined, and says so.

    Why it matters:
        "Since" carries a date and an event at once, and a text that gets the year of the event
        wrong ("since the financial crisis of 2009") states every figure of the span over the
        wrong years. Where the event's own dates disagree among sources, that is the event
        rule's finding (CC102); here the span is checked against the dates that fit it, and the
        finding names those that do not.

    Known problems:
        The event must be named as the claims that date it name it (or as a vocabulary alias).
        A span written by its year allows any day of that year, so an event dated December 2012
        fits "since 2012" even where the text meant the span to start in 2013. A text that counts
        "since" an event loosely (the year after it, the season it began) raises a conflict that
        the curator settles with a ``note``.

    Conflicting example:
        # a.yaml
        source: {id: a, published: 2024}
        claims:
          - {id: crisis, event: global financial crisis, date: 2008}
          - {id: jobs, subject: the region, measure: jobs created, value: 1.2 million,
             period: since 2009, since: global financial crisis}

    Consistent example:
        # a.yaml
        source: {id: a, published: 2025}
        claims:
          - {id: congress, event: 18th National Congress of the CPC, date: November 2012}
          - {id: partners, subject: China, measure: partnership agreements signed, value: more than 110,
             period: since 2012, since: 18th National Congress of the CPC}
    """
    event = key[1]
    spans = [r for r in rows if r.claim.since is not None and r.reading == 0]
    datings = [r for r in rows if r.claim.date is not None and r.event == event]
    for span in spans:
        period = span.claim.period
        if period is None or period.start_latest is None:
            continue
        first, last = period.start.toordinal(), period.start_latest.toordinal()
        opening = _opening(period.start, period.start_latest)
        said = f"{span.source} counts {span.claim.measure or 'its value'!r} {period.text!r}, from {span.claim.since!r}"
        if not datings:
            yield Finding.written("undetermined", [span], f"{said}; no claim dates {span.claim.since!r}.",
                                  "The span's start can be checked only against a dated event; add a claim that "
                                  "dates it, with its quote.", sides=[[span]])
            continue
        fitting = [d for d in datings if _days(d)[0] <= last and first <= _days(d)[1]]
        dates = "; ".join(f"{d.source} dates it {_label(d)}" for d in datings)
        if fitting:
            others = [d for d in datings if d not in fitting]
            fits = "; ".join(f"{d.source} dates it {_label(d)}" for d in fitting)
            unfit = "; ".join(f"{d.source}'s {_label(d)}" for d in others)
            yield Finding.written("consistent", [span, *fitting], f"{said}; {fits}: it fits"
                                  + (f" ({unfit} does not: the event's own dates disagree)." if others else "."),
                                  f"The span starts in {opening}, and {_label(fitting[0])} lies within it."
                                  + (" The datings that do not fit are the event rule's finding (CC102)."
                                     if others else ""),
                                  sides=[[span], fitting])
            continue
        nearest = min(datings, key=lambda d: max(_days(d)[0] - last, first - _days(d)[1]))
        apart = _apart(nearest, opening, first, last)
        yield Finding.written("conflict", [span, *datings], f"{said}; {dates}: the span starts in {opening}, "
                              f"when the event did not take place.",
                              f"A span since an event starts when the event took place; {apart}.",
                              sides=[[span], datings])


def _apart(dating: Row, opening: str, first: int, last: int) -> str:
    start, end = _days(dating)
    if end < first:
        return f"{_label(dating)} ends {_plural(first - end, 'day')} before {opening} begins"
    return f"{_label(dating)} begins {_plural(start - last, 'day')} after {opening} ends"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _opening(start: date, latest: date) -> str:
    """'2012', 'October 2012' or '3 December 2012': the unit a span since an event starts in."""
    if start == latest:
        return f"{start.day} {start:%B %Y}"
    if (start.month, start.day, latest.month, latest.day) == (1, 1, 12, 31) and start.year == latest.year:
        return str(start.year)
    if start.day == 1 and (start.year, start.month) == (latest.year, latest.month):
        return f"{start:%B %Y}"
    return f"{start} to {latest}"


@rule("CC115", "chronology.order", key="chronology")
def events_in_order(rows: list[Row], ctx: Context, key: Key) -> Iterable[Finding]:
    """Events are dated out of their order.

    What it checks:
        Events whose names carry an ordinal (the 18th, 19th and 20th National Congress; the
        Second and Third Belt and Road Forum) must be dated in the order of their ordinals, and
        events that a vocabulary relation puts in order ("founding of the SCO < SCO Astana
        Summit", the events of a narrative) in that order. "The first of its kind" (a rank of 1
        for an event) cannot come after another event of the same name. Where an event is
        reported, the dates once planned or expected for it are left out: a superseded schedule
        is not a date of the event. A date range that cannot
        come before the next event's is a conflict; an order the dates allow is a consistent
        check, with the dates shown.

    Why it matters:
        An edition dated before the one it follows, or a summit of a body dated before the body
        was founded, is a copying error that each date alone hides.

    Known problems:
        The ordinal must be part of the event's name ("18th National Congress of the CPC"), and
        two series whose names differ only by the ordinal are taken for one (the 3rd plenary
        session of two congresses). Events dated by a year only may share it: they are in order
        as long as some day of each allows it.

    Conflicting example:
        # a.yaml
        source: {id: a, published: 2025}
        claims:
          - {id: eighteenth, event: 18th National Congress of the CPC, date: 2012}
          - {id: nineteenth, event: 19th National Congress of the CPC, date: 2011}

    Consistent example:
        # a.yaml
        source: {id: a, published: 2025}
        claims:
          - {id: eighteenth, event: 18th National Congress of the CPC, date: 2012}
          - {id: nineteenth, event: 19th National Congress of the CPC, date: October 2017}
          - {id: twentieth, event: 20th National Congress of the CPC, date: October 2022}
    """
    dated = _as_happened([r for r in rows if r.claim.date is not None])
    kind, name = key
    if kind == "ordinal":
        by_ordinal: dict[int, list[Row]] = {}
        for row in dated:
            found = ordinal_in(row.event or "")
            if found is not None:
                by_ordinal.setdefault(found[0], []).append(row)
        yield from _in_order([by_ordinal[n] for n in sorted(by_ordinal)], f"the editions of {name!r} by their ordinals")
    elif kind == "order":
        relation = ctx.vocabulary.relations[name]
        if isinstance(relation, Order):
            steps = [[r for r in dated if r.event == event] for event in relation.events]
            yield from _in_order([step for step in steps if step], f"the order {relation.text!r}")
    elif kind == "kind":
        others = [r for r in dated if r.event == name]
        for first in (r for r in rows if r.kind == "rank" and r.lo == 1 and r.subject == name):
            yield from _first_of_its_kind(first, others)


def _as_happened(dated: list[Row]) -> list[Row]:
    """The datings of each event as it happened: its reports where there are any, else its latest plan. A
    schedule superseded by the event, or by a later schedule, is not a date of the event."""
    reported = {r.event for r in dated if not r.forecast}
    latest: dict[str | None, int] = {}
    for row in dated:
        if row.forecast and row.event not in reported:
            latest[row.event] = max(latest.get(row.event, 0), row.stated_start)
    return [r for r in dated if not r.forecast or r.event not in reported and r.stated_start == latest[r.event]]


def _distinct_dates(rows: list[Row]) -> list[Row]:
    """One row per distinct date: three sources that date an opening alike make one check, not three."""
    seen: dict[tuple[int, int], Row] = {}
    for row in sorted(rows, key=lambda r: r.gid):
        seen.setdefault(_days(row), row)
    return list(seen.values())


def _in_order(steps: list[list[Row]], what: str) -> Iterable[Finding]:
    if len(steps) < 2:
        return
    broken = []
    for i in range(len(steps) - 1):
        for earlier in steps[i]:
            for later in steps[i + 1]:
                if _days(earlier)[0] > _days(later)[1]:
                    broken.append((earlier, later))
    rows = [row for step in steps for row in step]
    dates = "; ".join(f"{r.claim.event} {_label(r)}" for step in steps for r in step)
    if broken:
        earlier, later = broken[0]
        yield Finding.written("conflict", rows, f"{dates}: {earlier.claim.event!r} ({_label(earlier)}) is dated "
                              f"after {later.claim.event!r} ({_label(later)}), which it precedes in {what}.",
                              f"In {what}, each comes before the next; {_label(earlier)} lies wholly after "
                              f"{_label(later)}.", sides=steps)
        return
    yield Finding.written("consistent", rows, f"{dates}: in order.",
                          f"In {what}, each is dated no later than the next allows.", sides=steps)


def _first_of_its_kind(first: Row, others: list[Row]) -> Iterable[Finding]:
    period = first.claim.period
    if period is None:
        return
    earlier = [r for r in others if _days(r)[1] < period.outer_start.toordinal() and r.gid != first.gid]
    said = f"{first.source} calls {first.claim.subject!r} the first of its kind ({period.label()})"
    if earlier:
        yield Finding.written("conflict", [first, *earlier], f"{said}; {earlier[0].source} dates one "
                              f"{_label(earlier[0])}, before it.", "The first of its kind has no earlier edition.",
                              sides=[[first], earlier])
    elif others:
        yield Finding.written("consistent", [first, *others], f"{said}; no event of its name is dated before it.",
                              "Every dated event of the same name falls no earlier than the first.",
                              sides=[[first, *others]])


__all__ = ["duration_against_dates", "events_in_order", "span_against_its_event"]

