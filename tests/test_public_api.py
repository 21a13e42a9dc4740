"""The public surface is exactly what __all__ lists (httpx keeps the same test)."""

import io
import pkgutil
import re
from pathlib import Path

import pytest
from rich.console import Console

import claimcheck
from claimcheck.report.formats import FORMATS, Options
from claimcheck.review import outcome

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


# --- reprs, str and rich renderings (what a programmer sees at the prompt) -----------------------

CLAIMS = Path(__file__).parent.parent / "claims"


@pytest.fixture(scope="module")
def seed():
    corpus = claimcheck.load(CLAIMS)
    return corpus, claimcheck.check(corpus)


def test_reprs_are_short(seed):
    corpus, report = seed
    shown = [corpus, report, *corpus.claims, *corpus.sources.values(), *report.findings,
             claimcheck.parse_value("over 60%"), claimcheck.parse_period("first half of 2024")]
    for thing in shown:
        assert len(repr(thing)) < 300, f"{type(thing).__name__}: {repr(thing)[:120]}..."
    assert repr(corpus).endswith(f"claims': 2 sources, {len(corpus.claims)} claims, 0 problems)")
    counts = report.counts()
    assert repr(report) == (f"Report({len(report.findings)} findings: {counts['conflict']} conflict, "
                            f"{counts['tension']} tension, {counts['consistent']} consistent, "
                            f"{counts['undetermined']} undetermined)")


def test_str_is_the_readable_reading():
    assert str(claimcheck.parse_period("first half of 2024")) == "H1 2024: 2024-01-01 .. 2024-06-30"
    assert str(claimcheck.parse_period("2022")) == "2022: 2022-01-01 .. 2022-12-31"
    assert str(claimcheck.parse_value("over 60%")) == \
        "over 60% → (60, 100] % ('over': strict lower bound, capped by the share domain)"
    assert repr(claimcheck.parse_value("41.9%")) == "Value('41.9%' → [41.85, 41.95] %)"


def test_claims_and_sources_read_as_one_line(seed):
    corpus, _ = seed
    claim = next(c for c in corpus.claims if c.id == "neighbour-trade-share-2022")
    assert str(claim) == ("wang-2025/neighbour-trade-share-2022: China · trade share · neighbouring countries = "
                          "41.9% → [41.85, 41.95] % (2022)")
    assert str(corpus.sources["wang-2025"]).startswith("wang-2025: Wang Jian, ")


def _rich(thing: object) -> str:
    out = io.StringIO()
    Console(file=out, width=100, color_system=None).print(thing)
    return out.getvalue()


def test_rich_print_shows_the_listing(seed):
    corpus, report = seed
    listing = _rich(report)
    assert listing.startswith(report.summary() + "\n")
    headline = next(f for f in report.findings if f.code == "CC101")
    assert f"CC101 quantity.disjoint  {headline.verdict} · confidence high" in listing
    verdicts = [line.split("  ", 1)[1].split(" ·")[0] for line in listing.splitlines() if " · confidence " in line]
    order = ["conflict", "tension", "undetermined", "consistent"]
    assert verdicts == sorted(verdicts, key=order.index), "those that need a reader come first"
    table = _rich(corpus)
    assert "wang-2025" in table and "Wang Jian" in table and "47" in table
    assert "liu-hu-2023/neighbour-trade-share:" in _rich(corpus.claims[3]) or _rich(corpus.claims[0])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_render_writes_every_format_from_python(seed, fmt, monkeypatch):
    monkeypatch.chdir(CLAIMS.parent)
    corpus, report = seed
    rendered = claimcheck.render(report, fmt)
    expected = FORMATS[fmt](outcome(corpus, report, CLAIMS / "review.yaml"), Options())
    when = re.compile(r'<time datetime="[^"]*">[^<]*</time>')  # the HTML says when it ran, to the minute
    assert when.sub("", rendered) == when.sub("", expected) and rendered


def test_render_names_what_it_expects(seed):
    _, report = seed
    with pytest.raises(claimcheck.ClaimcheckError, match="'format' must be one of text, markdown"):
        claimcheck.render(report, "docx")
    with pytest.raises(claimcheck.ClaimcheckError, match="must be the Report that check"):
        claimcheck.render("claims/", "text")


def test_render_of_claims_checked_without_a_corpus(seed):
    corpus, _ = seed
    report = claimcheck.check(corpus.claims)
    text = claimcheck.render(report)
    assert text.startswith(f"claimcheck: {len(corpus.claims)} claims from 2 sources")


def test_tolerances_keep_their_bounds_and_defaults():
    assert claimcheck.Tolerances() == claimcheck.Tolerances(nearly=0.10, approximately=0.05, just=0.05,
                                                            round_number=0.10)
    schema = claimcheck.Tolerances.model_json_schema()["properties"]["nearly"]
    assert schema["minimum"] == 0 and schema["exclusiveMaximum"] == 1 and schema["description"]
    with pytest.raises(ValueError, match="less than 1"):
        claimcheck.Tolerances(nearly=1.5)


USER_CODE = '''
import claimcheck
from claimcheck import Tolerances

loose = Tolerances(nearly=0.2)
value = claimcheck.parse_value("about 5", tolerances=Tolerances())
report = claimcheck.check(claimcheck.load("claims/", tolerances=loose))
page: str = claimcheck.render(report, "html")
source = claimcheck.Source(id="x")
'''


def test_the_package_and_its_public_calls_type_check_under_strict_mypy(tmp_path):
    """mypy --strict, with no plugin, passes on the whole package and reads Tolerances() and the other public
    calls as a user writes them (where mypy is installed: the dev extra has it). One run checks both."""
    api = pytest.importorskip("mypy.api")
    root = Path(__file__).parent.parent
    (tmp_path / "user.py").write_text(USER_CODE, encoding="utf-8")
    out, err, status = api.run(["--strict", "--no-incremental", "--config-file", str(root / "pyproject.toml"),
                                "--cache-dir", str(tmp_path / "mypy-cache"),
                                str(root / "src" / "claimcheck"), str(tmp_path / "user.py")])
    assert status == 0, out + err
    assert out.startswith("Success: no issues found"), out


# --- misuse: each public function names the parameter, what it got and what it expects -------------

MISUSES = [
    (lambda: claimcheck.parse_value(41.9), TypeError, "parse_value(): text must be the value as written", "41.9"),
    (lambda: claimcheck.parse_value("5", unit=3), TypeError, "parse_value(): unit must be", "3 of type int"),
    (lambda: claimcheck.parse_value("about 5", tolerances={"nearly2": 0.2}), ValueError,
     "parse_value(): tolerances must be a mapping of nearly, approximately, just, round_number (not 'nearly2')", ""),
    (lambda: claimcheck.parse_value("about 5", tolerances={"nearly": 2}), ValueError,
     "tolerances must be a mapping in which 'nearly' is less than 1", "{'nearly': 2}"),
    (lambda: claimcheck.parse_value("about 5", tolerances=[0.2]), TypeError, "a claimcheck.Tolerances or a mapping",
     "[0.2] of type list"),
    (lambda: claimcheck.parse_period(None), TypeError, "parse_period(): text must be a period as written", "None"),
    (lambda: claimcheck.parse_period("last year", published=[2025]), TypeError, "published must be a publication date",
     "[2025] of type list"),
    (lambda: claimcheck.parse_period("last year", published="soon"), ValueError, "published must be a publication date",
     "'soon'"),
    (lambda: claimcheck.load(123), TypeError, "load(): path must be a claims folder or claim file", "123 of type int"),
    (lambda: claimcheck.load([CLAIMS, 5]), TypeError, "load(): path[1] must be a claims folder", "5 of type int"),
    (lambda: claimcheck.load(b"claims"), TypeError, "load(): path must be", "b'claims' of type bytes"),
    (lambda: claimcheck.load(CLAIMS, strict="yes"), TypeError, "load(): strict must be True or False", "'yes'"),
    (lambda: claimcheck.load(CLAIMS, tolerances={"nearly": -1}), ValueError, "load(): tolerances", "{'nearly': -1}"),
    (lambda: claimcheck.check(None), TypeError, "check(): claims must be a Corpus from load()", "None"),
    (lambda: claimcheck.check("claims/"), TypeError, "check(load(path))", "'claims/'"),
    (lambda: claimcheck.check([claimcheck.load(CLAIMS).claims[0], "x"]), TypeError, "check(): claims[1] must be a Claim",
     "'x'"),
    (lambda: claimcheck.check(claimcheck.load(CLAIMS), select=[None]), TypeError, "check(): select[0] must be a rule code",
     "None"),
    (lambda: claimcheck.check(claimcheck.load(CLAIMS), ignore=5), TypeError, "check(): ignore must be rule codes", "5"),
    (lambda: claimcheck.check(claimcheck.load(CLAIMS), progress="bar"), TypeError, "check(): progress must be", "'bar'"),
    (lambda: claimcheck.check(claimcheck.load(CLAIMS), vocabulary=3), TypeError, "check(): vocabulary must be", "3"),
    (lambda: claimcheck.extract(None), TypeError, "extract(): text must be the document as a str", "None"),
    (lambda: claimcheck.extract(b"It rose 5%."), TypeError, "decode bytes first", "b'It rose 5%.' of type bytes"),
    (lambda: claimcheck.extract("It rose 5%.", published=[2025]), TypeError, "extract(): published must be",
     "[2025] of type list"),
    (lambda: claimcheck.extract("It rose 5%.", published="2025-13"), ValueError, "extract(): published must be", ""),
]


@pytest.mark.parametrize(("call", "kind", "expects", "got"), MISUSES)
def test_misuse_names_the_parameter_what_it_got_and_what_it_expects(call, kind, expects, got):
    with pytest.raises(claimcheck.ClaimcheckError) as caught:
        call()
    assert isinstance(caught.value, kind) and isinstance(caught.value, ValueError)
    assert expects in str(caught.value) and f"(got {got}" in str(caught.value)


def test_what_a_caller_obviously_means_is_accepted():
    corpus = claimcheck.load(CLAIMS, tolerances={"nearly": 0.2})
    assert corpus.claims == claimcheck.load(CLAIMS, tolerances=claimcheck.Tolerances(nearly=0.2)).claims
    assert claimcheck.parse_value("nearly 60%", tolerances={"nearly": 0.2}).low_magnitude == pytest.approx(48)
    one = claimcheck.check(corpus, select="CC101")
    assert [f.fingerprint for f in one.findings] == [f.fingerprint for f in claimcheck.check(corpus, select=["CC101"]).findings]
    assert one.findings and {f.code for f in one.findings} == {"CC101"}
    assert claimcheck.check(iter(corpus.claims)).findings  # any iterable of claims, a generator too
    assert claimcheck.extract("Trade rose 5% last year.", published=2025)[0].period.label(note=False) == "2024"
