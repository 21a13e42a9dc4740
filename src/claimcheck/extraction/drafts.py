"""Draft claim files: every candidate a claim, every unfilled field marked TODO, for a person to finish.

A claim's quote is the shortest part of its sentence that carries it (several claims may share
one), its value is written as the text writes it, with a second currency in ``also:``, and its
period as the period grammar reads it. Where the draft had to say more than the quote does (the
first end of "from 15 to 25 member states" takes the second end's noun), it says why in
``derived:``. Guesses are marked as guesses.
"""

from __future__ import annotations

from claimcheck.corpus.yamlfile import quoted
from claimcheck.extraction.candidates import Candidate


def draft_yaml(text: str, candidates: list[Candidate], *, source_id: str, published: str | None,
               text_path: str | None, origin: str) -> str:
    """A claim file for a person to finish: every candidate a claim, every unfilled field marked TODO."""
    lines = [
        f"# DRAFT written by 'claimcheck extract' from {origin}.",
        "# Review every claim: delete those that are not claims, fill each field marked TODO, correct the",
        "# guesses (subject, measure, scope), then remove 'draft: true'. 'claimcheck check' lists what is missing.",
        "source:",
        f"  id: {quoted(source_id)}",
        "  title: null  # TODO",
    ]
    lines.append(f"  published: {quoted(published)}" if published else "  published: null  # TODO: when was it published?")
    if text_path:
        lines.append(f"  text: {quoted(text_path)}")
    lines += ["  draft: true", "claims:"]
    for number, candidate in enumerate(candidates, start=1):
        lines += _claim(text, candidate, f"c{number:03d}")
    if not candidates:
        lines[-1] = "claims: []  # claimcheck extract found no values or dates"
    return "\n".join(lines) + "\n"


def _claim(text: str, candidate: Candidate, claim_id: str) -> list[str]:
    start, end = candidate.quote or candidate.sentence
    lines = [f"  - id: {claim_id}", f"    quote: {quoted(text[start:end])}"]
    lines.append(_guess("subject", candidate.subject, "TODO"))
    if candidate.value is not None:
        lines.append(_guess("measure", candidate.measure, "TODO: what is measured?"))
        if candidate.scope:
            lines.append(_guess("scope", candidate.scope, ""))
        if candidate.unit:
            lines.append(f"    unit: {quoted(candidate.unit)}  # a guess, from the sentence (pounds of weight)")
        lines.append(f"    value: {quoted(candidate.written or candidate.text)}")
        if candidate.also:
            lines.append(f"    also: {quoted(candidate.also)}")
        if candidate.stated:
            lines.append(f"    stated: {quoted(candidate.stated)}  # when it was said, not when it holds")
        if candidate.period is not None and candidate.period_text:
            lines.append(f"    period: {quoted(candidate.period_text)}")
        elif candidate.note:
            lines.append(f"    period: null  # TODO: {candidate.note}")
        if candidate.written and candidate.written != candidate.text:
            lines.append(f"    derived: {quoted(_why_written(candidate.text, candidate.written))}")
    elif candidate.items:
        lines.append("    measure: null  # TODO: what do the items make up?")
        lines.append("    items: [" + ", ".join(quoted(item) for item in candidate.items) + "]")
    else:
        lines.append("    event: null  # TODO: what happened then?")
        lines.append(f"    date: {quoted(candidate.period_text or candidate.text)}")
    return lines


def _guess(field: str, guess: str | None, todo: str) -> str:
    if guess:
        return f"    {field}: {quoted(guess)}  # a guess"
    return f"    {field}: null  # {todo}".rstrip()


def _why_written(text: str, written: str) -> str:
    """Why the value drafted as ``written`` is not written so in the quote (``text``)."""
    if written.startswith(("rose ", "fell ")):
        return f"{text!r} restates the change before it, so it is drafted as {written!r}"
    return f"{text!r} is the first end of a change, and takes the unit of the second: {written!r}"


__all__ = ["draft_yaml"]
