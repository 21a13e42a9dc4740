"""The public surface is exactly what __all__ lists (httpx keeps the same test)."""

import pkgutil

import claimcheck

SUBMODULES = {module.name for module in pkgutil.iter_modules(claimcheck.__path__)}


def test_all_is_the_public_surface():
    # pytest rewrites the package (the plugin lives in it) and leaves its "@py_" helpers behind;
    # submodules and subpackages appear as attributes once imported, and are not public names.
    public = {name for name in dir(claimcheck) if not name.startswith(("_", "@"))} - SUBMODULES
    assert public | {"__version__"} == set(claimcheck.__all__)


def test_no_submodule_shadows_a_public_name():
    """A subpackage named like a public function (``claimcheck.extract``) would replace it once imported."""
    assert not SUBMODULES & set(claimcheck.__all__)


def test_errors_are_value_errors():
    assert issubclass(claimcheck.ClaimcheckError, ValueError)
    for name in ("ClaimFileError", "PeriodParseError", "ValueParseError"):
        assert issubclass(getattr(claimcheck, name), claimcheck.ClaimcheckError)
