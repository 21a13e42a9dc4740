"""Values of one measure across sources, compared like with like in time: CC101."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Row
from claimcheck.engine.rules.compare import compare_key
from claimcheck.engine.rules.registry import rule


@rule("CC101", "quantity.disjoint", key="quantity")
def same_measure_disjoint(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Sources give values for one measure that cannot all hold.

    What it checks:
        Claims with the same subject, measure and scope (after the vocabulary) and compatible
        units are set into sides of claims that agree, and the sides are compared as intervals
        by how the measure moves in time. A total (a flow: money by default) is compared only
        over the same window: a Q1 total and a full-year total give no finding here (CC110
        bounds one by the other). A ratio (a share, a rate, a change) is compared over the same
        window, or over other windows through the measure's declared drift. A state (a physical
        quantity by default) is compared at the same instant, or at other instants through the
        declared drift. The same valid time stated at different times is a revision: a tension,
        never a conflict. Otherwise a gap is explained only by the declared spread of an
        ambiguous scope or of the measure's bases; beyond it, the verdict is conflict, with the
        ambiguity as a caveat. Counts are left to CC107, ranks to CC106, categories to CC109.

    Why it matters:
        This is the core disagreement a fact-checker looks for: one source says 41.9%, another
        "over 60%". Saying how far apart they are, and which explanation could and could not
        cover it, is what turns two numbers into a finding.

    Known problems:
        Two sources may use one name for different things (gross and net, goods and goods and
        services); until the vocabulary separates them, or declares them bases of one measure
        with a spread, the rule reports a conflict. A claim with no period is read as of its
        statement (its publication), and the finding says so: an undated figure that is years
        old in a recent text is compared as if it were current. Two sources about the same
        year, published on the same date (or in the same year when only the year is known),
        are taken to state it at the same time. A declared drift or spread is a judgement;
        too small a one raises false conflicts. One source's figures for two times are a change
        it reports ("rose to 27% from 24%"), never held against each other through the drift: a
        source that misstates its own earlier figure is missed.

    Conflicting example:
        # wang.yaml
        source: {id: wang, published: 2025}
        claims:
          - {id: share, subject: China, measure: trade share, scope: neighbours, value: "41.9%", period: 2022}
        ---
        # liu.yaml
        source: {id: liu, published: 2025}
        claims:
          - {id: share, subject: China, measure: trade share, scope: neighbours, value: "over 60%", period: 2022}

    Tension example:
        # statistics-office.yaml
        source: {id: statistics-office, published: 2023-01-13}
        claims:
          - {id: exports, subject: Japan, measure: exports, value: "$750 billion", period: 2022}
        ---
        # yearbook.yaml
        source: {id: yearbook, published: 2024-06-30}
        claims:
          - {id: exports, subject: Japan, measure: exports, value: "$747 billion", period: 2022}

    Consistent example:
        # wang.yaml
        source: {id: wang, published: 2025}
        claims:
          - {id: share, subject: China, measure: trade share, scope: neighbours, value: "41.9%", period: 2022}
        ---
        # liu.yaml
        source: {id: liu, published: 2025}
        claims:
          - {id: share, subject: China, measure: trade share, scope: neighbours, value: "over 40%", period: 2022}
    """
    yield from compare_key(rows, ctx)


__all__ = ["same_measure_disjoint"]
