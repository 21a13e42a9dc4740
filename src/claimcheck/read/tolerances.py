"""The tolerances of the value grammar's hedges, with their defaults; all are fractions of the number."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import ArgumentError, ArgumentTypeError

# A fraction of the number, at least 0 and below 1. The constraint rides on the type and the default
# is a plain assignment, so that type checkers (which read defaults, not Field(...)) know every
# field may be left out: Tolerances() and Tolerances(nearly=0.2) both type-check.
Fraction = Annotated[float, Field(ge=0, lt=1)]


class Tolerances(BaseModel):
    """Every tolerance the value grammar uses, with its default. All are fractions of the number."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nearly: Annotated[Fraction, Field(description="'nearly X' reads [X·(1-nearly), X)")] = 0.10
    approximately: Annotated[Fraction, Field(
        description="'about X' reads X ± the larger of approximately·X and half a unit of the last digit")] = 0.05
    just: Annotated[Fraction, Field(
        description="'just over X' reads (X, X·(1+just)]; 'just under X' reads [X·(1-just), X)")] = 0.05
    round_number: Annotated[Fraction, Field(
        description="the loose reading widens a round number by half its rounding unit, at most round_number·X")] = 0.10


DEFAULT_TOLERANCES = Tolerances()


def as_tolerances(given: object, function: str) -> Tolerances:
    """``tolerances`` as a public function was given it: a ``Tolerances``, a mapping of some of its fields, or None."""
    if given is None:
        return DEFAULT_TOLERANCES
    if isinstance(given, Tolerances):
        return given
    if not isinstance(given, Mapping):
        raise ArgumentTypeError(function, "tolerances", given, "a claimcheck.Tolerances or a mapping of its fields")
    try:
        return Tolerances.model_validate(dict(given))
    except ValidationError as exc:
        error = exc.errors()[0]
        name = ".".join(str(part) for part in error["loc"])
        if error["type"] == "extra_forbidden":
            expected = f"a mapping of {', '.join(Tolerances.model_fields)} (not {name!r})"
        else:
            expected = f"a mapping in which {name!r} is {error['msg'].removeprefix('Input should be ')}"
        raise ArgumentError(function, "tolerances", given, expected) from None


__all__ = ["DEFAULT_TOLERANCES", "Tolerances", "as_tolerances"]
