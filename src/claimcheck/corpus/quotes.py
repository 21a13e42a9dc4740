"""Whether a claim's quote says what the claim says: its value, its second writing, its date, its items.

A value is said by its quote when the value as written appears in it, or when some span of the
quote reads, by the same grammar, to the same interval in the same unit ("41.9 per cent" says
41.9%; "more than 60 percent" says "over 60%"). A date likewise, by the period grammar. Each item
of a list must be named in the quote. A claim that is the curator's reading rather than the
quote's words (a value computed from the text, a list named elsewhere) says so with ``derived:``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.corpus.records import Claim
from claimcheck.errors import ClaimcheckError
from claimcheck.read.grammar import parse_value
from claimcheck.read.periods import Period, parse_period
from claimcheck.read.values import Value

_TYPOGRAPHIC = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-", "−": "-",
                              "\u00a0": " "})
_EDGE = "\"'()[],.;:!?"
MAX_SPAN_WORDS = 8  # the longest value or date a span of the quote is tried as: "nearly one-third of the total"
_NEGATIONS = re.compile(r"\b(?:not|no|never|yet to|non|no longer|n't)\b|n't\b", re.IGNORECASE)


def _plain(text: str) -> str:
    return " ".join(text.translate(_TYPOGRAPHIC).split()).casefold()


_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _contains(quote: str, written: str) -> bool:
    """Whether ``written`` stands in ``quote`` as a whole: '2' is not found in '2022', nor 'ten' in 'often'.

    A hyphen between words is a space here: "the fastest growing" stands in "the fastest-growing city".
    """
    needle = _WORD_HYPHEN.sub(" ", _plain(written))
    if not needle:
        return False
    return re.search(rf"(?<![\w.]){re.escape(needle)}(?![\w]|[.,]\d)", _WORD_HYPHEN.sub(" ", _plain(quote))) is not None


def _spans(quote: str) -> list[str]:
    words = [word.strip(_EDGE) for word in _plain(quote).split()]
    words = [word for word in words if word]
    return [" ".join(words[i:j]) for i in range(len(words))
            for j in range(i + 1, min(len(words), i + MAX_SPAN_WORDS) + 1)]


@lru_cache(maxsize=65536)
def _value_of(text: str, unit: str | None) -> Value | None:
    try:
        return parse_value(text, unit=unit)
    except ClaimcheckError:
        return None


def _same(a: Value, b: Value) -> bool:
    return (a.kind, a.unit, a.low_inclusive, a.high_inclusive, a.denominator) == (
        b.kind, b.unit, b.low_inclusive, b.high_inclusive, b.denominator) and \
        _close(a.low_magnitude, b.low_magnitude) and _close(a.high_magnitude, b.high_magnitude)


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is y
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def says_value(quote: str, value: Value, unit: str | None = None) -> bool:
    """Whether the quote writes the value, or a span of it reads to the same interval and unit."""
    if value.is_category:
        return says_category(quote, value)
    if _contains(quote, value.text):
        return True
    return any(found is not None and _same(found, value) for found in (_value_of(span, unit) for span in _spans(quote)))


def _forms(name: str) -> tuple[str, ...]:
    """A category's name in the singular and the plural: 'observer' stands in "four observers"."""
    if name.endswith("s"):
        return (name, name[:-1])
    return (name, name + "s", name + "es")


def says_category(quote: str, value: Value) -> bool:
    """The category's name (or the value as written) stands in the quote, and a negation with it when it is negated."""
    named = any(_contains(quote, form) for name in (value.text, value.category) if name for form in _forms(name))
    if not named or not value.negated or _contains(quote, value.text):
        return named
    return _NEGATIONS.search(quote.translate(_TYPOGRAPHIC)) is not None


@lru_cache(maxsize=65536)
def _period_of(text: str, anchor: Period | None) -> Period | None:
    try:
        return parse_period(text, published=anchor)
    except ClaimcheckError:
        return None


def says_date(quote: str, date: Period, anchor: Period | None) -> bool:
    if date.text and _contains(quote, date.text):
        return True
    for span in _spans(quote):
        found = _period_of(span, anchor)
        if found is not None and (found.start, found.end) == (date.start, date.end):
            return True
    return False


def says_item(quote: str, item: str) -> bool:
    return _contains(quote, item) or _contains(quote, re.sub(r"(?i)^the\s+", "", item))


def unquoted(claim: Claim, published: Period | None) -> list[tuple[str, str]]:
    """What a claim says that its quote does not: (field, message) for each, empty when all is said."""
    if claim.quote is None or claim.derived is not None:
        return []
    out = []
    value = claim.value
    if value is not None and not says_value(claim.quote, value, claim.unit):
        out.append(("value", f"the quote does not say {value.text!r} ({value.interval_text()}); correct the value, "
                             "or write derived: with how it follows from the text"))
    for other in claim.also:
        if not says_value(claim.quote, other):
            out.append(("also", f"the quote does not say {other.text!r} ({other.interval_text()}); correct it, or "
                                "write derived: with how it follows from the text"))
    if claim.date is not None and not says_date(claim.quote, claim.date, claim.stated or published):
        out.append(("date", f"the quote does not give the date {claim.date.text!r} ({claim.date.label(note=False)}); "
                            "correct the date, or write derived: with where the text gives it"))
    missing = [item for item in claim.items or () if not says_item(claim.quote, item)]
    if missing:
        out.append(("items", f"the quote does not name {', '.join(map(repr, missing))}; quote the span that names "
                             "them, or write derived: with where the text does"))
    return out


__all__ = ["says_category", "says_date", "says_item", "says_value", "unquoted"]
