"""``claimcheck.check`` as the public API offers it: the engine's ``check``, its arguments checked first.

A misuse (``check(None)``, ``select='CC101'`` iterated letter by letter, ``select=[None]``) is
an ``ArgumentTypeError`` naming the parameter, what it got and what it expects, raised before
any rule runs. The engine itself (``engine.check``) trusts its callers in the package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import wraps
from os import PathLike
from typing import Any

from claimcheck.corpus.records import Claim, Corpus
from claimcheck.corpus.vocabulary import Vocabulary, build_vocabulary
from claimcheck.engine.check import Progress, Report
from claimcheck.engine.check import check as _engine_check
from claimcheck.errors import ArgumentTypeError

_CLAIMS = "a Corpus from load(), or an iterable of Claim records"


@wraps(_engine_check)
def check(claims: Corpus | Iterable[Claim], *, select: Iterable[str] | str | None = None,
          ignore: Iterable[str] | str | None = None, vocabulary: Vocabulary | Mapping[str, Any] | None = None,
          progress: Progress | None = None) -> Report:
    return _engine_check(_claims(claims), select=_patterns(select, "select"), ignore=_patterns(ignore, "ignore"),
                         vocabulary=_vocabulary(vocabulary), progress=_progress(progress))


def _claims(claims: object) -> Corpus | list[Claim]:
    if isinstance(claims, Corpus):
        return claims
    if isinstance(claims, (str, bytes, PathLike)):
        raise ArgumentTypeError("check", "claims", claims, f"{_CLAIMS}; to check a folder, check(load(path))")
    if not isinstance(claims, Iterable):
        raise ArgumentTypeError("check", "claims", claims, _CLAIMS)
    records = list(claims)
    for index, record in enumerate(records):
        if not isinstance(record, Claim):
            raise ArgumentTypeError("check", f"claims[{index}]", record, "a Claim record")
    return records


def _patterns(patterns: object, name: str) -> list[str] | None:
    """Rule codes, prefixes or names; one given as a str is one pattern, not its letters."""
    if patterns is None:
        return None
    if isinstance(patterns, str):
        return [patterns]
    expected = "rule codes, code prefixes or rule names: a str such as 'CC101', or a list of them"
    if not isinstance(patterns, Iterable) or isinstance(patterns, (bytes, Mapping)):
        raise ArgumentTypeError("check", name, patterns, expected)
    chosen = list(patterns)
    for index, pattern in enumerate(chosen):
        if not isinstance(pattern, str):
            raise ArgumentTypeError("check", f"{name}[{index}]", pattern, "a rule code, prefix or name as a str")
    return chosen


def _vocabulary(vocabulary: object) -> Vocabulary | None:
    if vocabulary is None or isinstance(vocabulary, Vocabulary):
        return vocabulary
    if isinstance(vocabulary, Mapping):
        return build_vocabulary(vocabulary, "the vocabulary given to check()")
    raise ArgumentTypeError("check", "vocabulary", vocabulary,
                            "None, a Vocabulary, or a mapping shaped like a vocabulary file")


def _progress(progress: object) -> Callable[[int, int, str], None] | None:
    if progress is None or callable(progress):
        return progress
    raise ArgumentTypeError("check", "progress", progress, "None or a function of (done, total, step)")


__all__ = ["check"]
