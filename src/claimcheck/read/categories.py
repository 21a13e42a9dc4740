"""Category values: a status or an identity ("observer", "not yet ratified", "Germany") as a value.

A measure whose values are names rather than numbers is declared so in the vocabulary (its
``categories``, a closed list, or ``open``); a claim then writes the name as its value. The
negative form ("not a member", "has not yet ratified", "no longer an observer") is the same
category, negated.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimcheck.errors import ValueParseError
from claimcheck.read.values import CATEGORY, Value

_NEGATION = re.compile(r"^(?:(?:has|have|had|is|are|was|were)\s+)?(?:not(?:\s+yet)?|no\s+longer|never|yet\s+to|non-?)\s*"
                       r"(?:(?:been|be|become)\s+)?(?:(?:a|an|the)\s+)?", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:(?:is|was|are|were|became|becomes)\s+)?(?:a|an|the)\s+", re.IGNORECASE)
_NAME = re.compile(r"[^\W\d_][\w .,'’&()/-]*", re.UNICODE)


def parse_category(text: str, *, canonical: Callable[[str], str | None] | None = None,
                   allowed: tuple[str, ...] | None = None) -> Value:
    """Read a category as written: ``observer``, ``not a member``, ``Germany``.

    ``canonical`` maps a name to its canonical form (the vocabulary's), or to None when the name is
    not one the measure allows; ``allowed`` lists the allowed names, for the message.

    >>> parse_category("not a member").interval_text()
    'not member'
    """
    if not isinstance(text, str):
        raise ValueParseError(repr(text), f"a category must be text, not {type(text).__name__}")
    written = " ".join(text.split())
    negation = _NEGATION.match(written)
    negation_end = 0 if negation is None else negation.end()
    negated = negation_end > 0
    name = written[negation_end:] if negated else _ARTICLE.sub("", written)
    if not name or not _NAME.fullmatch(name) or len(name) > 200:
        raise ValueParseError(text, "a category is a name, such as 'observer' or 'not a member'")
    found = canonical(name) if canonical is not None else name
    if found is None:
        choices = ", ".join(repr(a) for a in allowed or ())
        raise ValueParseError(text, f"{name!r} is not one of the categories declared for the measure ({choices})")
    reading = f"category {found!r}" + (", negated" if negated else "")
    return Value(text=text, kind=CATEGORY, unit=CATEGORY, low_magnitude=None, high_magnitude=None, low_inclusive=True,
                 high_inclusive=True, loose_low_magnitude=None, loose_high_magnitude=None, reading=reading,
                 canonical=f"not {found}" if negated else found, category=found, negated=negated)


__all__ = ["parse_category"]
