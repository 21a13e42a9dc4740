"""The hand-checked readings of every value and period in the seed documents (tests/gold/seed_readings.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck import ClaimcheckError, parse_period, parse_value

GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "seed_readings.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", GOLD["values"], ids=lambda row: row["text"])
def test_gold_values(row):
    value = parse_value(row["text"], unit=row.get("declared"))
    assert (value.kind, value.unit) == (row["kind"], row["unit"])
    for got, want in ((value.low_magnitude, row["low"]), (value.high_magnitude, row["high"])):
        assert (got is None and want is None) or got == pytest.approx(want, rel=1e-9)
    open_ends = set(row.get("open", []))
    assert value.low_inclusive == ("low" not in open_ends or value.low_magnitude is None)
    assert value.high_inclusive == ("high" not in open_ends or value.high_magnitude is None)
    assert value.denominator == row.get("denominator")


@pytest.mark.parametrize("row", GOLD["periods"], ids=lambda row: row["text"])
def test_gold_periods(row):
    if row.get("error"):
        with pytest.raises(ClaimcheckError):
            parse_period(row["text"], published=row.get("published"))
        return
    period = parse_period(row["text"], published=None if row.get("published") is None else str(row["published"]))
    assert (period.start, period.end, period.granularity) == (row["start"], row["end"], row["granularity"])
