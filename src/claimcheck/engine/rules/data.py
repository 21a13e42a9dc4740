"""Data rules: bad records reported as findings, so that a run always finishes (CC900–CC905)."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Finding
from claimcheck.engine.rules.registry import rule
from claimcheck.errors import Problem


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



@rule("CC906", "data.value-not-in-quote", key="problems")
def value_not_in_quote(problems: list[Problem]) -> Iterable[Finding]:
    """A claim's value, second writing, date or items are not what its quote says.

    What it checks:
        The claim's ``value`` (and each ``also``) must be readable from its ``quote`` by the value
        grammar: written there as it is, or a span of the quote reads to the same interval in the
        same unit ("41.9 per cent" says 41.9%, "more than 60 percent" says over 60%). An event's
        ``date`` must be readable from the quote by the period grammar, and every item of a list must
        be named in it. A claim whose value is the curator's reading (computed from the text, or
        named elsewhere in it) says so with ``derived:`` and is not checked.

    Why it matters:
        A value copied wrong (49.1% for the quote's 41.9%) passes every other rule silently, and a
        fact-checker trusts the claim file. Saying which values are derived keeps the difference
        between what a source says and what a curator concluded.

    Known problems:
        A value the quote writes in a form the grammar does not read ("a hundred and more years") is
        reported though it is right: write ``derived:`` with the reading. Items named by another
        spelling than the quote's ("United States" for "the U.S.") are reported too. A claim with no
        quote is not checked.
    """
    yield from _data_rule(problems, "The claim must say what its quote says, or give derived: with its reasoning.")

__all__ = ["duplicate_id", "invalid_record", "period_unresolved", "quote_not_found", "unknown_unit", "value_not_in_quote", "value_unreadable"]
