"""The tolerances of the value grammar's hedges, with their defaults; all are fractions of the number."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Tolerances(BaseModel):
    """Every tolerance the value grammar uses, with its default. All are fractions of the number."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nearly: float = Field(0.10, ge=0, lt=1, description="'nearly X' reads [X·(1-nearly), X)")
    approximately: float = Field(
        0.05, ge=0, lt=1, description="'about X' reads X ± the larger of approximately·X and half a unit of the last digit"
    )
    just: float = Field(0.05, ge=0, lt=1, description="'just over X' reads (X, X·(1+just)]; 'just under X' reads [X·(1-just), X)")
    round_number: float = Field(
        0.10, ge=0, lt=1, description="the loose reading widens a round number by half its rounding unit, at most round_number·X"
    )

DEFAULT_TOLERANCES = Tolerances()


__all__ = ["DEFAULT_TOLERANCES", "Tolerances"]
