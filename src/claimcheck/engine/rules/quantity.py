"""Values of one measure across sources: CC101."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Row
from claimcheck.engine.rules.common import value_findings
from claimcheck.engine.rules.registry import rule


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
    yield from value_findings(rows, ctx)


__all__ = ["same_measure_disjoint"]
