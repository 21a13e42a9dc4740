"""The public surface is exactly what __all__ lists (httpx keeps the same test)."""

import claimcheck


def test_all_is_the_public_surface():
    # pytest rewrites the package (the plugin lives in it) and leaves its "@py_" helpers behind.
    public = {name for name in dir(claimcheck) if not name.startswith(("_", "@"))} - {
        "ci", "cli", "engine", "errors", "extraction", "findings", "html", "loader", "periods", "plugin", "publish", "records",
        "report", "review", "rules", "terminal", "units", "values", "vocabulary", "yamlfile"}
    assert public | {"__version__"} == set(claimcheck.__all__)


def test_errors_are_value_errors():
    assert issubclass(claimcheck.ClaimcheckError, ValueError)
    for name in ("ClaimFileError", "PeriodParseError", "ValueParseError"):
        assert issubclass(getattr(claimcheck, name), claimcheck.ClaimcheckError)
