"""Loading claim folders: records with global ids, and every problem located by file, line and field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pydantic
import pytest

import claimcheck
from claimcheck import ClaimFileError, load

GOOD = """\
source:
  id: wang-2025
  title: Building a community with a shared future
  author: Wang Jian
  published: 2025
  text: sources/wang.txt
claims:
  - id: trade-share-2022
    quote: "accounting for 41.9% of its total trade"
    subject: China
    measure: trade share
    scope: neighbouring countries
    value: 41.9%
    period: 2022
  - id: asean-partner
    quote: "China has been ASEAN’s largest trading partner for 15 consecutive years"
    subject: China
    measure: largest trading partner
    scope: ASEAN
    value: largest
    period: for 15 consecutive years
  - id: conference
    quote: "In October 2013, the CPC Central Committee convened"
    event: central conference on neighbourhood work
    date: October 2013
"""

TEXT = ("In October 2013, the CPC Central Committee convened the conference. China has been ASEAN's largest "
        "trading partner for 15 consecutive  years. In 2022, trade reached $2.64 trillion, accounting for "
        "41.9% of its total trade.")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, "wang.yaml", GOOD)
    write(tmp_path, "sources/wang.txt", TEXT)
    return tmp_path


def test_loads_records_with_global_ids(folder):
    corpus = load(folder)
    assert [c.global_id for c in corpus.claims] == [
        "wang-2025/trade-share-2022", "wang-2025/asean-partner", "wang-2025/conference"]
    share = corpus.claim("wang-2025/trade-share-2022")
    assert share.value.low_magnitude == pytest.approx(41.85)
    assert share.period.start.year == 2022
    assert corpus.sources["wang-2025"].published.start.year == 2025


def test_relative_periods_resolve_against_the_source(folder):
    partner = load(folder).claim("wang-2025/asean-partner")
    assert (partner.period.start.year, partner.period.end.year) == (2011, 2025)


def test_a_claim_without_period_is_read_as_of_publication(tmp_path):
    write(tmp_path, "a.yaml", """\
        source: {id: a, published: 2023}
        claims:
          - {id: share, measure: trade share, value: over 60%}
        """)
    period = load(tmp_path).claim("a/share").period
    assert period.assumed and period.start.year == period.end.year == 2023


def test_a_single_file_loads(folder):
    assert len(load(folder / "wang.yaml").claims) == 3


def test_records_are_frozen_and_forbid_unknown_keys(folder):
    claim = load(folder).claims[0]
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        claim.value = None
    with pytest.raises(pydantic.ValidationError, match="colour"):
        claimcheck.Claim(id="x", measure="m", value="5%", colour="red")


def test_every_problem_is_reported_at_once_with_file_line_and_field(tmp_path):
    write(tmp_path, "sources/a.txt", "The trade share was 41.9% in 2022.")
    write(tmp_path, "a.yaml", """\
        source:
          id: a
          text: sources/a.txt
        claims:
          - id: one
            quote: "The trade share was 41.9%"
            measure: trade share
            value: 41.9%
            period: 2022
          - id: one
            measure: trade share
            value: 42%
            period: 2022
          - id: two
            measure: trade share
            value: 41.9 bananas per zork
            period: 2022
            colour: red
          - id: three
            measure: trade share
            value: 40%
            period: last year
          - id: four
            quote: "a sentence nobody wrote"
            measure: trade share
            value: 40%
            period: 2022
        """)
    write(tmp_path, "b.yaml", """\
        source:
          id: a
        claims: []
        """)
    write(tmp_path, "c.yaml", """\
        source:
          id: c
          text: ../../etc/passwd
        claims: []
        """)
    with pytest.raises(ClaimFileError) as info:
        load(tmp_path)
    problems = {(Path(p.path).name, p.line, p.field): p.message for p in info.value.problems}
    assert "already used on line 5" in problems[("a.yaml", 10, "claims[1].id")]
    assert "unknown key 'colour'" in problems[("a.yaml", 18, "claims[2].colour")]
    assert "not a unit" in problems[("a.yaml", 16, "claims[2].value")]
    assert "relative to the publication date" in problems[("a.yaml", 22, "claims[3].period")]
    assert "is not in the source text" in problems[("a.yaml", 24, "claims[4].quote")]
    assert "used by another file" in problems[("b.yaml", 2, "source.id")]
    assert "leads outside the claims folder" in problems[("c.yaml", 3, "source.text")]
    assert "the quote does not say '40%'" in problems[("a.yaml", 26, "claims[4].value")]
    assert len(info.value.problems) == 8
    assert "a.yaml:16: claims[2].value" in str(info.value)


def test_non_strict_load_keeps_good_records_and_lists_problems(tmp_path):
    write(tmp_path, "a.yaml", """\
        source: {id: a, published: 2025}
        claims:
          - {id: good, measure: m, value: 5%, period: 2022}
          - {id: bad, measure: m, value: five bananas per zork, period: 2022}
        """)
    corpus = load(tmp_path, strict=False)
    assert [c.id for c in corpus.claims] == ["good"]
    assert [(p.code, p.claim_id) for p in corpus.problems] == [("CC903", "a/bad")]


def test_quote_matching_ignores_whitespace_and_typographic_marks(folder):
    # The claim file quotes "ASEAN’s" with a typographic apostrophe; the text has a plain one and a double space.
    assert load(folder).claim("wang-2025/asean-partner").quote.startswith("China has been ASEAN’s")


def test_yaml_is_loaded_safely(tmp_path):
    write(tmp_path, "a.yaml", """\
        source: !!python/object/apply:os.system ["echo hacked"]
        claims: []
        """)
    with pytest.raises(ClaimFileError, match="tag .* is not allowed"):
        load(tmp_path)


def test_yaml_syntax_error_names_the_line(tmp_path):
    write(tmp_path, "a.yaml", "source:\n  id: a\nclaims:\n  - id: [unclosed\n")
    with pytest.raises(ClaimFileError) as info:
        load(tmp_path)
    assert info.value.problems[0].line is not None


def test_numbers_keep_the_digits_as_written(tmp_path):
    write(tmp_path, "a.yaml", """\
        source: {id: a}
        claims:
          - {id: share, measure: m, value: 41.90, unit: percent, period: 2013-10}
        """)
    claim = load(tmp_path).claim("a/share")
    assert claim.value.text == "41.90"
    assert claim.value.high_magnitude - claim.value.low_magnitude == pytest.approx(0.01)
    assert claim.period.granularity == "month"


def test_missing_folder_is_an_error():
    with pytest.raises(ClaimFileError, match="no such file"):
        load("/nonexistent/claims")


def test_tolerances_apply_to_a_whole_folder(tmp_path):
    write(tmp_path, "a.yaml", """\
        source: {id: a}
        claims:
          - {id: share, measure: m, value: nearly 60%, period: 2022}
        """)
    assert load(tmp_path).claim("a/share").value.low_magnitude == pytest.approx(54)
    wide = claimcheck.Tolerances(nearly=0.2)
    assert load(tmp_path, tolerances=wide).claim("a/share").value.low_magnitude == pytest.approx(48)


def test_fields_the_loader_sets_cannot_be_written(tmp_path):
    write(tmp_path, "a.yaml", """\
        source: {id: a}
        claims:
          - {id: x, measure: m, value: 5%, period: 2022, source_id: b}
        """)
    with pytest.raises(ClaimFileError, match="unknown key 'source_id'; the loader sets it"):
        load(tmp_path)


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    """Windows editors save UTF-8 with a byte-order mark; it is still UTF-8."""
    (tmp_path / "a.yaml").write_bytes("\ufeffsource: {id: a}\nclaims:\n  - {id: x, measure: m, value: 5%}\n"
                                      .encode("utf-8"))
    assert [c.global_id for c in load(tmp_path).claims] == ["a/x"]


def test_one_round_reports_a_claims_bad_field_and_its_unquoted_value(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("Exports reached 1.2 trillion yen ($8.1 billion) in January.\n")
    (tmp_path / "a.yaml").write_text(textwrap.dedent("""\
        source: {id: a, published: 2024-03-12, text: sources/a.txt}
        claims:
          - id: x
            quote: "Exports reached 1.2 trillion yen ($8.1 billion) in January"
            subject: Japan
            measure: exports
            value: 1.2 trillion yen
            also: $8.2 billion
            period: in January
        """), encoding="utf-8")
    with pytest.raises(ClaimFileError) as info:
        load(tmp_path)
    assert {(p.line, p.field, p.code) for p in info.value.problems} == {
        (8, "claims[0].also", "CC906"), (9, "claims[0].period", "CC904")}
    assert load(tmp_path, strict=False).claims == []  # the claim that failed is reported, not half-kept


def test_values_beyond_the_range_are_located_problems_and_the_check_runs(tmp_path):
    """'3 dB/m' and '5 km^400' loaded once and crashed the check; now each is a problem at its line."""
    write(tmp_path, "a.yaml", """\
        source: {id: a, published: 2025}
        claims:
          - {id: loss, measure: attenuation, value: 3 dB/m}
          - {id: area, measure: area, value: 5 km^400}
          - {id: power, measure: gain, unit: "dB**2", value: "5"}
          - {id: huge, measure: output, value: 1 x10^999 units}
          - {id: old, measure: m, value: 5%, period: 99999 years ago}
        """)
    corpus = load(tmp_path, strict=False)
    assert [(p.line, p.field) for p in corpus.problems] == [
        (3, "claims[0].value"), (4, "claims[1].value"), (5, "claims[2].value"), (6, "claims[3].value"),
        (7, "claims[4].period")]
    assert [p.code for p in corpus.problems][2:] == ["CC903", "CC903", "CC904"]
    findings = claimcheck.check(corpus).findings
    assert sorted(f.code for f in findings) == sorted(p.code for p in corpus.problems)


def test_a_long_list_of_items_is_checked_for_repeats_in_one_pass(tmp_path):
    """Issue 19, item 14: 32,000 items took 11 s, a count per item; benchmarks/parse_scaling.py times it."""
    names = [f"port {n}" for n in range(32_000)]
    write(tmp_path, "a.yaml", f"""\
        source: {{id: a, published: 2025}}
        claims:
          - {{id: ports, measure: ports, value: '32000', items: [{", ".join(names)}]}}
          - {{id: twice, measure: ports, value: '32002', items: [{", ".join(names + ["port 7", "port 31999"])}]}}
        """)
    corpus = load(tmp_path, strict=False)
    assert len(corpus.claim("a/ports").items) == 32_000
    [problem] = corpus.problems
    assert (problem.line, problem.field) == (4, "claims[1].items")
    assert "items lists 'port 31999', 'port 7' more than once" in problem.message


def test_the_size_limit_is_counted_while_reading_not_taken_from_the_size_a_file_declares(tmp_path, monkeypatch):
    """A file in /proc declares a size of 0 whatever it holds: the reader counts what it reads."""
    import os

    from claimcheck.corpus.yamlfile import UnreadableFile, read_regular_file

    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def declares_nothing(fd):
        result = real_fstat(fd)
        return os.stat_result((*result[:6], 0, *result[7:]))  # st_size is the seventh field

    monkeypatch.setattr(os, "fstat", declares_nothing)
    assert read_regular_file(path, 5000) == b"x" * 5000
    with pytest.raises(UnreadableFile, match="over the limit"):
        read_regular_file(path, 4999)
