"""Ranks: two claims that cannot both hold the same rank (CC106)."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Row, Texts
from claimcheck.engine.rules.common import MAX_PAIRWISE_READINGS, NEIGHBOURS, assumptions_of
from claimcheck.engine.rules.registry import rule


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
            tuple(assumptions_of(rows))
    if a.overlaps_in_time(b):
        why = ("Only one subject can hold a rank for one measure, scope and time; ties are not modelled."
               if collision == "two subjects, one rank" else "One subject holds one rank at a time.")
        return f"{shown}: {collision}, over overlapping periods.", why, tuple(assumptions_of(rows))
    return (f"{shown}: {collision}, but over different periods, and rankings change.",
            f"The periods ({a.shown_period()}; {b.shown_period()}) do not overlap.", tuple(assumptions_of(rows)))


__all__ = ["rank_collision"]
