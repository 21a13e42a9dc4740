"""claimcheck: check whether documents agree.

Quantitative and dated claims become typed records whose values are intervals in real units and
whose times are real periods; a rule engine says, for every group of claims about the same thing,
whether they conflict, are in tension, are consistent, or cannot be compared.
"""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING

# The public names load on first use (PEP 562): pint and pydantic take half a second, and the
# pytest plugin, which lives in this package, must not cost every pytest run that much.
_HOMES = {
    "Coverage": "engine.check", "Report": "engine.check", "check": "engine.api",
    "ClaimcheckError": "errors", "ClaimFileError": "errors", "PeriodParseError": "errors", "Problem": "errors",
    "ValueParseError": "errors",
    "Candidate": "extraction.candidates", "extract": "extraction.candidates",
    "Finding": "engine.findings",
    "Corpus": "corpus.records", "load": "corpus.loader",
    "Period": "read.periods", "parse_period": "read.periods",
    "Claim": "corpus.records", "Source": "corpus.records",
    "Tolerances": "read.tolerances", "Value": "read.values", "parse_value": "read.grammar",
    "render": "report.formats",
}

if _TYPE_CHECKING:
    from claimcheck.corpus.loader import load
    from claimcheck.corpus.records import Claim, Corpus, Source
    from claimcheck.engine.api import check
    from claimcheck.engine.check import Coverage, Report
    from claimcheck.engine.findings import Finding
    from claimcheck.errors import ClaimcheckError, ClaimFileError, PeriodParseError, Problem, ValueParseError
    from claimcheck.extraction.candidates import Candidate, extract
    from claimcheck.read.grammar import parse_value
    from claimcheck.read.periods import Period, parse_period
    from claimcheck.read.tolerances import Tolerances
    from claimcheck.read.values import Value
    from claimcheck.report.formats import render


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    value = getattr(_importlib.import_module(f"claimcheck.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__version__ = "0.1.0"

__all__ = [
    "Candidate",
    "Claim",
    "ClaimFileError",
    "ClaimcheckError",
    "Corpus",
    "Coverage",
    "Finding",
    "Period",
    "PeriodParseError",
    "Problem",
    "Report",
    "Source",
    "Tolerances",
    "Value",
    "ValueParseError",
    "__version__",
    "check",
    "extract",
    "load",
    "parse_period",
    "parse_value",
    "render",
]
