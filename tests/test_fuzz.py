"""Short fuzzing of the grammars, the extractor and the loader: nothing but ClaimcheckError may escape.

The long run (a million examples and more) is benchmarks/fuzz.py.
"""

from __future__ import annotations

from fuzzing import (
    PUBLISHED,
    TEXT,
    UNITS,
    VOCABULARY_TEXT,
    YAML_TEXT,
    fuzz_extract,
    fuzz_load,
    fuzz_period,
    fuzz_value,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SHORT = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SHORT
@given(text=TEXT, unit=UNITS)
def test_parse_value_raises_only_its_own_errors(text, unit):
    fuzz_value(text, unit)


@SHORT
@given(text=TEXT, published=PUBLISHED)
def test_parse_period_raises_only_its_own_errors(text, published):
    fuzz_period(text, published)


@SHORT
@given(text=st.lists(TEXT, max_size=4).map(" ".join), published=PUBLISHED)
def test_extract_raises_only_its_own_errors(text, published):
    fuzz_extract(text, published)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents=st.lists(YAML_TEXT, min_size=1, max_size=3), vocabulary=VOCABULARY_TEXT)
def test_load_raises_only_its_own_errors(documents, vocabulary):
    fuzz_load(documents, vocabulary)
