"""Guesses at the subject and the measure of a value, from the words around it; every guess is marked as one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.extraction.text import Token
from claimcheck.extraction.words import MONTHS, NUMBER_WORDS
from claimcheck.read.values import Value

_PROPER = re.compile(r"\b((?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}|of|and|the)){0,4})(?:['’]s)?")


SUBJECT_SKIP = {"The", "In", "On", "At", "By", "For", "Since", "During", "From", "This", "That", "These", "Those",
                 "It", "Its", "A", "An", "As", "Over", "Under", "About", "Nearly", "With", "Among", "According",
                 "Last", "Next", "Some", "Most", "More", "Less", "All", "Both", "Each", "Every", "Many", "Few", "Only",
                 "Almost", "Around", "Approximately", "Roughly", "Just", "Between", "After", "Before",
                 "Meanwhile", "However", "Also", "Today", "Now", "Then", "There", "Here", "We", "They", "He", "She",
                 "Our", "Their", "His", "Her", "Such", "Total", "Overall", "Up", "To", "Of", "And", "But", "Or", "If"}


_MEASURE_STOP = {"said", "say", "says", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
                 "which", "that", "who", "while", "and", "or", "but", "in", "on", "at", "by", "for", "from", "to", "with"}


def guesses(text: str, tokens: list[Token], start: int, end: int, value: Value | None
             ) -> tuple[str | None, str | None]:
    """A fair guess at the subject (the sentence's first proper name) and the measure, where the sentence allows."""
    offset = tokens[0].start if tokens else 0
    subject = _subject(text, offset, tokens[-1].end if tokens else 0)
    after = text[end:min(len(text), end + 80)]
    if value is None:
        return subject, None
    return subject, _measure(text, max(offset, start - 160), start, after, value)


@lru_cache(maxsize=1024)
def _subject_of(sentence_text: str) -> str | None:
    for match in _PROPER.finditer(sentence_text):
        name = match.group(1)
        words = name.split()
        while words and words[0] in SUBJECT_SKIP:
            words.pop(0)
        while words and words[-1] in ("of", "and", "the"):
            words.pop()
        if words and not any(ch.isdigit() for ch in name) and words[0].lower() not in MONTHS and \
                words[0].lower() not in NUMBER_WORDS and words[0] not in SUBJECT_SKIP:
            return " ".join(words)
    return None


def _subject(text: str, start: int, end: int) -> str | None:
    # The first proper name lies near the start; a long sentence is not scanned to its end for each value.
    return _subject_of(text[start:min(end, start + 400)])


def _measure(text: str, offset: int, start: int, after: str, value: Value) -> str | None:
    measure = None
    if value.kind == "share":
        match = re.match(r"\s+of\s+(?:(?:its|the|their|his|her|our|all|total)\s+)*((?:[a-z]+\s+){0,2}[a-z]+)", after)
        if match:
            words = []
            for word in match.group(1).split():
                if word in _MEASURE_STOP:
                    break
                words.append(word)
            if words:
                measure = f"{' '.join(words)} share"
    elif value.kind == "rank":
        match = re.match(r"\s+((?:[a-z]+\s+){0,2}(?:partner|source|destination|market|investor|exporter|importer|"
                         r"economy|producer|consumer|donor|lender|supplier|buyer)s?)\b", after)
        measure = match.group(1) if match else None
    elif value.kind == "count" and value.counted:
        measure = value.counted
    elif value.kind in ("amount", "rate", "change_multiple"):
        before = text[offset:start]
        match = re.search(r"(?:['’]s\s+)?((?:[a-z]+\s+){0,1}[a-z]+)(?:\s+with\s+[^,;]+?)?\s+"
                          r"(?:has\s+|have\s+)?(?:reached|stood\s+at|was|were|totalled|totaled|hit|amounted\s+to|"
                          r"rose\s+to|grew|increased|fell|exceeded|of)\s*(?:by\s+)?(?:\w+\s+)?$", before)
        if match:
            measure = match.group(1)
    return measure


__all__ = ["SUBJECT_SKIP", "guesses"]
