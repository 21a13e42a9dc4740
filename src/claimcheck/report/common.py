"""What every report shows, in one place.

``shown(outcome)`` turns each finding into a ``Shown``: the finding, each claim as a ``ShownClaim``
(source, date, quote, value, interval, period, file and line), the claims grouped into the sides
of the disagreement, its review and whether it fails the run. Every renderer reads those, so the
formats cannot disagree.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from claimcheck.corpus.records import Claim, Corpus
from claimcheck.engine.check import Coverage
from claimcheck.engine.findings import ACTION_ORDER, Finding
from claimcheck.errors import shown_path
from claimcheck.review import Outcome, ReviewEntry


@dataclass(frozen=True)
class ShownClaim:
    """One claim of a finding, with what a reader needs beside it."""

    claim_id: str
    source_id: str
    source_title: str | None
    source_author: str | None
    published: str | None
    quote: str | None
    value: str | None
    interval: str | None
    period: str | None
    file: str | None
    line: int | None

    @property
    def source_who(self) -> str:
        """The author where known, else the title, else the source id."""
        return self.source_author or self.source_title or self.source_id

    @property
    def source_label(self) -> str:
        """'Wang Jian (2025)': the author where known, else the title, else the id."""
        return f"{self.source_who} ({self.published})" if self.published else self.source_who

    def quote_segments(self) -> list[tuple[str, bool]]:
        """The quote cut into (text, is_number) pieces, so every format can highlight the numbers."""
        return highlight_numbers(self.quote or "", self.value)


@dataclass(frozen=True)
class Shown:
    """A finding as every report shows it."""

    finding: Finding
    claims: tuple[ShownClaim, ...]  # every claim of the finding, by id
    # The claims that agree, side by side against the others: "three sources say 1957, two say 1958".
    sides: tuple[tuple[ShownClaim, ...], ...]
    review: ReviewEntry | None
    fails: bool
    location: tuple[str, int | None] | None

    @property
    def status(self) -> str:
        """failing (new, at or above the fail level), reviewed, open (below it) or passed (consistent)."""
        if self.review is not None:
            return "reviewed"
        if self.fails:
            return "failing"
        return "passed" if self.finding.verdict == "consistent" else "open"

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({side.source_id for side in self.claims}))

    @property
    def odd_claims(self) -> frozenset[str]:
        """The claim ids of the odd one out: the side fewer claims stand on than on any other."""
        odd = self.finding.odd_side
        return frozenset() if odd is None else frozenset(self.finding.sides[odd])


def shown(outcome: Outcome) -> list[Shown]:
    corpus = outcome.corpus
    files = {source_id: shown_path(path) for source_id, path in corpus.files.items()}
    claims_by_id: dict[str, ShownClaim] = {}
    out = []
    rank = {verdict: i for i, verdict in enumerate(ACTION_ORDER)}
    # What needs a reader first; within a verdict, the engine's order (stable, by rule and claim).
    for finding in sorted(outcome.report.findings, key=lambda f: rank[f.verdict]):
        found = []
        for row in sorted(finding.rows, key=lambda r: r.gid):
            claim = claims_by_id.get(row.gid)
            if claim is None:
                claim = claims_by_id[row.gid] = _claim(row.claim, corpus, files)
            found.append(claim)
        claims = tuple(found)
        if finding.location is not None:
            location: tuple[str, int | None] | None = finding.location
        elif claims and claims[0].file:
            location = (claims[0].file, claims[0].line)
        else:
            location = None
        out.append(Shown(finding, claims, _sides(finding, claims), outcome.review_of(finding), outcome.fails(finding),
                         location))
    return out


def _sides(finding: Finding, claims: tuple[ShownClaim, ...]) -> tuple[tuple[ShownClaim, ...], ...]:
    """The sides of a finding as the engine set them (``Finding.sides``): the claims that agree, together.
    A claim on no side (one that fits every side, or the whole a part is checked against) is in
    ``Shown.claims`` only."""
    by_id = {claim.claim_id: claim for claim in claims}
    sides = (tuple(by_id[i] for i in side if i in by_id) for side in finding.sides)
    return tuple(side for side in sides if side)


def _claim(claim: Claim, corpus: Corpus, files: dict[str, str]) -> ShownClaim:
    source = corpus.sources.get(claim.source_id)
    file = files.get(claim.source_id)
    value = claim.value
    return ShownClaim(
        claim_id=claim.global_id, source_id=claim.source_id,
        source_title=source.title if source else None, source_author=source.author if source else None,
        published=source.published.label(note=False) if source and source.published else None,
        quote=claim.quote, value=value.text if value else None, interval=value.interval_text() if value else None,
        period=claim.period.label() if claim.period else (claim.date.label() if claim.date else None),
        file=file, line=claim.line,
    )


_NUMBERISH = re.compile(r"(?<![\w.])(?:US\$|\$|€|£|¥)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per ?cent|percent))?"
                        r"(?:\s(?:thousand|million|billion|trillion))?(?![\w])", re.IGNORECASE)


def highlight_numbers(text: str, value_text: str | None = None) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, with the value as written (or else every number) marked."""
    if value_text:
        # Matched without regard to case on the text itself: lower() can change a string's length
        # ('İ' becomes two characters), and offsets found in the lowered copy would mark the wrong span.
        found = re.search(re.escape(value_text), text, re.IGNORECASE)
        if found:
            at, end = found.span()
            return [piece for piece in ((text[:at], False), (text[at:end], True), (text[end:], False)) if piece[0]]
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in _NUMBERISH.finditer(text):
        if match.start() > last:
            pieces.append((text[last:match.start()], False))
        pieces.append((match.group(), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def item_names(items: list[Shown]) -> list[str]:
    """Each finding's name as a test: 'CC101 quantity.disjoint [liu-hu-2023/neighbour-trade-share …]'.

    The rule and what the finding is about, never its verdict: a verdict that changes must not
    rename the test and break a CI's history. Not every claim id either: the first claim, and '…'
    where there are others, so that a claim joining a side keeps the name (unless it sorts first).
    Where two findings of a rule share their first claim, more ids are named until they differ.
    """
    names: list[str] = []
    taken: Counter[str] = Counter()
    wanted = [_name(item, 1) for item in items]
    clashing = {name for name, count in Counter(wanted).items() if count > 1}
    for item, name in zip(items, wanted, strict=True):
        depth = 1
        while name in clashing and depth < len(item.finding.claim_ids):
            depth += 1
            name = _name(item, depth)
        if taken[name]:
            name = f"{name[:-1]} #{item.finding.fingerprint[:8]}]"
        taken[name] += 1
        names.append(name)
    return names


def _name(item: Shown, depth: int) -> str:
    finding = item.finding
    ids = finding.claim_ids
    about = " ".join(ids[:depth]) + (" …" if len(ids) > depth else "") if ids else finding.fingerprint
    return f"{finding.code} {finding.name} [{about}]"


def counts_by_rule(items: list[Shown]) -> dict[str, Counter[str]]:
    """For each rule that found something ('CC101 quantity.disjoint'), its findings by verdict."""
    rules: dict[str, Counter[str]] = {}
    for item in items:
        rules.setdefault(f"{item.finding.code} {item.finding.name}", Counter())[item.finding.verdict] += 1
    return dict(sorted(rules.items()))


def counts_by_source_pair(items: list[Shown]) -> dict[tuple[str, str], Counter[str]]:
    """For each pair of sources (a source with itself for one-source findings), the verdicts between them."""
    pairs: dict[tuple[str, str], Counter[str]] = {}
    for item in items:
        sources = item.sources
        if not sources:
            continue
        pair = (sources[0], sources[-1]) if len(sources) <= 2 else (sources[0], "+".join(sources[1:]))
        pairs.setdefault(pair, Counter())[item.finding.verdict] += 1
    return dict(sorted(pairs.items()))


def uncompared(outcome: Outcome) -> list[Coverage]:
    """Coverage of the claims compared with nothing, by id."""
    return sorted((c for c in outcome.report.coverage.values()
                   if not c.compared_with and c.reason != "checked against its own items"),
                  key=lambda c: c.claim_id)


def summary_line(outcome: Outcome) -> str:
    """'11 findings from 58 claims in 2 sources: 0 conflict, 2 tension, ...; 0 failing, 1 reviewed.'"""
    counts = outcome.report.counts()
    corpus = outcome.corpus
    parts = ", ".join(f"{counts[v]} {v}" for v in ACTION_ORDER)
    stale = f", {_count(len(outcome.stale), 'stale review')}" if outcome.stale else ""
    return (f"{_count(len(outcome.report.findings), 'finding')} from {_count(len(corpus.claims), 'claim')} in "
            f"{_count(len(corpus.sources), 'source')}: {parts}; {len(outcome.failing)} failing at "
            f"--fail-on {outcome.fail_on}, {len(outcome.reviewed)} reviewed{stale}.")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


__all__ = ["Shown", "ShownClaim", "counts_by_rule", "counts_by_source_pair", "highlight_numbers", "item_names", "shown", "summary_line", "uncompared"]
