"""The examples in the public docstrings run."""

import doctest

import pytest

from claimcheck.read import grammar, periods


@pytest.mark.parametrize("module", [grammar, periods])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
