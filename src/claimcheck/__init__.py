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
    "Coverage": "engine", "Report": "engine", "check": "engine",
    "ClaimcheckError": "errors", "ClaimFileError": "errors", "PeriodParseError": "errors", "Problem": "errors",
    "ValueParseError": "errors",
    "Candidate": "extraction", "extract": "extraction",
    "Finding": "findings",
    "Corpus": "loader", "load": "loader",
    "Period": "periods", "parse_period": "periods",
    "Claim": "records", "Source": "records",
    "Tolerances": "values", "Value": "values", "parse_value": "values",
}

if _TYPE_CHECKING:
    from claimcheck.engine import Coverage, Report, check
    from claimcheck.errors import ClaimcheckError, ClaimFileError, PeriodParseError, Problem, ValueParseError
    from claimcheck.extraction import Candidate, extract
    from claimcheck.findings import Finding
    from claimcheck.loader import Corpus, load
    from claimcheck.periods import Period, parse_period
    from claimcheck.records import Claim, Source
    from claimcheck.values import Tolerances, Value, parse_value


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
]
