"""Draft claim files: every candidate a claim, every unfilled field marked TODO, for a person to finish.
"""

from __future__ import annotations

import bisect
import re

from claimcheck.corpus.yamlfile import quoted
from claimcheck.extraction.candidates import Candidate

QUOTE_WORDS = 40  # a draft's quote: the sentence, or this many words around the value when it is longer


def _quote(text: str, candidate: Candidate, words_of: dict[tuple[int, int], tuple[list[tuple[int, int]], list[int]]]
           ) -> str:
    """The sentence around the candidate, cut to a window of words: always a substring of the text.

    ``words_of`` keeps each sentence's word offsets, found once however many candidates it holds.
    """
    start, end = candidate.sentence
    if (start, end) not in words_of:
        spans = [m.span() for m in re.finditer(r"\S+", text[start:end])]
        words_of[(start, end)] = spans, [w_end for _, w_end in spans]
    words, ends = words_of[(start, end)]
    if len(words) <= QUOTE_WORDS:
        return text[start:end]
    at = bisect.bisect_right(ends, candidate.start - start)
    first = max(0, min(at - QUOTE_WORDS // 2, len(words) - QUOTE_WORDS))
    chosen = words[first:first + QUOTE_WORDS]
    return text[start + chosen[0][0]:start + chosen[-1][1]]


def draft_yaml(text: str, candidates: list[Candidate], *, source_id: str, published: str | None,
               text_path: str | None, origin: str) -> str:
    """A claim file for a person to finish: every candidate a claim, every unfilled field marked TODO."""
    lines = [
        f"# DRAFT written by 'claimcheck extract' from {origin}.",
        "# Review every claim: delete those that are not claims, fill each field marked TODO, correct the",
        "# guesses (subject, measure), then remove 'draft: true'. 'claimcheck check' lists what is missing.",
        "source:",
        f"  id: {quoted(source_id)}",
        "  title: null  # TODO",
    ]
    lines.append(f"  published: {quoted(published)}" if published else "  published: null  # TODO: when was it published?")
    if text_path:
        lines.append(f"  text: {quoted(text_path)}")
    lines += ["  draft: true", "claims:"]
    words_of: dict[tuple[int, int], tuple[list[tuple[int, int]], list[int]]] = {}
    for number, candidate in enumerate(candidates, start=1):
        lines.append(f"  - id: c{number:03d}")
        lines.append(f"    quote: {quoted(_quote(text, candidate, words_of))}")
        if candidate.subject:
            lines.append(f"    subject: {quoted(candidate.subject)}  # a guess")
        else:
            lines.append("    subject: null  # TODO")
        if candidate.value is not None:
            if candidate.measure:
                lines.append(f"    measure: {quoted(candidate.measure)}  # a guess")
            else:
                lines.append("    measure: null  # TODO: what is measured?")
            lines.append(f"    value: {quoted(candidate.text)}")
            if candidate.period_text:
                lines.append(f"    period: {quoted(candidate.period_text)}")
        elif candidate.items:
            lines.append("    measure: null  # TODO: what do the items make up?")
            lines.append("    items: [" + ", ".join(quoted(item) for item in candidate.items) + "]")
        else:
            lines.append("    event: null  # TODO: what happened then?")
            lines.append(f"    date: {quoted(candidate.period_text or candidate.text)}")
    if not candidates:
        lines[-1] = "claims: []  # claimcheck extract found no values or dates"
    return "\n".join(lines) + "\n"


__all__ = ["QUOTE_WORDS", "draft_yaml"]
