"""The public surface is exactly what __all__ lists (httpx keeps the same test)."""

import claimcheck


def test_all_is_the_public_surface():
    public = {name for name in dir(claimcheck) if not name.startswith("_")} - {
        "cli", "engine", "errors", "findings", "loader", "periods", "records", "report", "rules", "units", "values",
        "vocabulary", "yamlfile"}
    assert public | {"__version__"} == set(claimcheck.__all__)


def test_errors_are_value_errors():
    assert issubclass(claimcheck.ClaimcheckError, ValueError)
    for name in ("ClaimFileError", "PeriodParseError", "ValueParseError"):
        assert issubclass(getattr(claimcheck, name), claimcheck.ClaimcheckError)
