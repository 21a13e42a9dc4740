"""claimcheck: check whether documents agree.

Quantitative and dated claims become typed records whose values are intervals in real units and
whose times are real periods; a rule engine says, for every group of claims about the same thing,
whether they conflict, are in tension, are consistent, or cannot be compared.
"""

from claimcheck.engine import Coverage, Report, check
from claimcheck.errors import ClaimcheckError, ClaimFileError, PeriodParseError, Problem, ValueParseError
from claimcheck.extraction import Candidate, extract
from claimcheck.findings import Finding
from claimcheck.loader import Corpus, load
from claimcheck.periods import Period, parse_period
from claimcheck.records import Claim, Source
from claimcheck.values import Tolerances, Value, parse_value

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
