"""Categories: a status or an identity that one subject cannot hold two ways at one time (CC109)."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Row
from claimcheck.engine.rules.compare import compare_key
from claimcheck.engine.rules.registry import rule


@rule("CC109", "category.disagree", key="category")
def category_disagree(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Sources give one subject two categories of one measure at one time.

    What it checks:
        Claims whose measure the vocabulary declares with ``categories`` (a status: member,
        observer, candidate; an identity: the largest trading partner is Germany) are set into
        sides by category. Different categories for one subject and measure at the same
        instant, or over validities that overlap, are a conflict ("observer" against
        "associate member"; Germany against the United States as largest partner); a negated
        category ("not a member") disagrees only with the category it negates. A status of the
        past is corrected, not revised: two sources that disagree about one time conflict
        whenever each said it. Categories at different times are not compared: a status changes.

    Why it matters:
        A status is a fact a reader acts on (who may vote, who is bound by a treaty), and it is
        often copied from an old page after it changed.

    Known problems:
        The categories of a closed list are taken to exclude each other; a subject that is both
        (a member and a founding member) needs the two declared as separate measures. An open
        set of names (a largest partner) is compared by the subjects' canonical names: an alias
        missing from the vocabulary ("the U.S." for "United States") is a false conflict.

    Conflicting example:
        # vocabulary.yaml
        measures:
          status: {categories: [member, observer, candidate, associate member]}
        ---
        # agency.yaml
        source: {id: agency, published: 2024-02-01}
        claims:
          - {id: norway, subject: Norway, measure: status, value: observer, period: as of 1 January 2024}
        ---
        # paper.yaml
        source: {id: paper, published: 2024-02-01}
        claims:
          - {id: norway, subject: Norway, measure: status, value: associate member, period: as of 1 January 2024}

    Consistent example:
        # vocabulary.yaml
        measures:
          status: {categories: [member, observer, candidate]}
        ---
        # agency.yaml
        source: {id: agency, published: 2024-02-01}
        claims:
          - {id: norway, subject: Norway, measure: status, value: observer, period: as of 1 January 2024}
        ---
        # paper.yaml
        source: {id: paper, published: 2024-02-01}
        claims:
          - {id: norway, subject: Norway, measure: status, value: not a member, period: as of 1 January 2024}
    """
    yield from compare_key(rows, ctx)


__all__ = ["category_disagree"]
