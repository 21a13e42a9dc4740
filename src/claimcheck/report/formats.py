"""Every report format by name, and ``render``, the one public call that writes any of them.

``claimcheck.render(report, "html")`` renders the check's report, read against the review file of
the claims folder; the CLI's ``--format`` and the extension of ``--output`` name the same formats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from claimcheck.corpus.loader import REVIEW_FILE
from claimcheck.corpus.records import Corpus, Source
from claimcheck.engine.check import Report
from claimcheck.errors import ClaimcheckError
from claimcheck.report.ci import render_github, render_junit, render_sarif
from claimcheck.report.data import render_csv, render_json
from claimcheck.report.html import render_html
from claimcheck.report.jsonld import render_claimreview, render_observations
from claimcheck.report.markdown import render_markdown
from claimcheck.report.terminal import WIDTH, render_text
from claimcheck.review import FailOn, Outcome, Reviews, outcome, read_reviews


@dataclass(frozen=True)
class Options:
    """What a reader may ask of a report; each format reads the options that concern it."""

    show_consistent: bool = True  # text and markdown: list the checks that passed
    show_coverage: bool = False  # text: list the claims compared with nothing
    statistics: bool = False  # text: counts per rule and per source pair
    width: int = WIDTH  # text: the line width
    url: str | None = None  # claimreview: the page the fact-checks are published on


Renderer = Callable[[Outcome, Options], str]

FORMATS: dict[str, Renderer] = {
    "text": lambda o, opt: render_text(o, width=opt.width, show_consistent=opt.show_consistent,
                                       show_coverage=opt.show_coverage, statistics=opt.statistics),
    "markdown": lambda o, opt: render_markdown(o, show_consistent=opt.show_consistent),
    "html": lambda o, opt: render_html(o),
    "json": lambda o, opt: render_json(o),
    "csv": lambda o, opt: render_csv(o),
    "junit": lambda o, opt: render_junit(o),
    "sarif": lambda o, opt: render_sarif(o),
    "github": lambda o, opt: render_github(o),
    "claimreview": lambda o, opt: render_claimreview(o, url=opt.url),
    "observations": lambda o, opt: render_observations(o),
}

# The format an output file's name asks for; JSON-LD (.jsonld) has two formats, so it must be named.
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json",
    ".csv": "csv", ".xml": "junit", ".sarif": "sarif", ".sarif.json": "sarif",
}


def format_for(path: str | Path) -> str | None:
    """The format a file name asks for ('report.html' → 'html', 'cc.sarif.json' → 'sarif'), or None."""
    suffixes = [s.lower() for s in Path(path).suffixes]
    for length in (2, 1):
        if len(suffixes) >= length and "".join(suffixes[-length:]) in EXTENSIONS:
            return EXTENSIONS["".join(suffixes[-length:])]
    return None


def render(result: Report | Outcome, format: str = "text", *, review: str | Path | None = None,
           fail_on: FailOn = "conflict", options: Options | None = None) -> str:
    """A report of ``result`` (what ``check`` returned) in one of ``FORMATS``, as text.

    Findings are read against the review file ``review`` (by default ``review.yaml`` in the
    claims folder, where there is one); ``fail_on`` decides which findings fail the run.
    An ``Outcome`` (a report already read against its reviews) is rendered as it is.
    """
    renderer = FORMATS.get(format)
    if renderer is None:
        raise ClaimcheckError(f"'format' must be one of {', '.join(FORMATS)} (got {format!r})")
    if isinstance(result, Outcome):
        read = result
    elif isinstance(result, Report):
        read = _read_against_reviews(result, review, fail_on)
    else:
        raise ClaimcheckError(f"'result' must be the Report that check() returns (got {type(result).__name__})")
    return renderer(read, options or Options())


def _read_against_reviews(report: Report, review: str | Path | None, fail_on: FailOn) -> Outcome:
    if report.corpus is not None:
        corpus = report.corpus
        return outcome(corpus, report, review if review is not None else corpus.root / REVIEW_FILE, fail_on)
    # Claims checked without a corpus: no folder, so no review file unless one is named.
    claims = list({row.claim.global_id: row.claim for row in report.rows}.values())  # a claim may give several rows
    corpus = Corpus(root=Path("."), claims=claims, sources={c.source_id: Source(id=c.source_id) for c in claims})
    reviews = read_reviews(review, corpus) if review is not None else Reviews(Path(REVIEW_FILE))
    return Outcome(corpus, report, reviews, fail_on)


__all__ = ["EXTENSIONS", "FORMATS", "Options", "format_for", "render"]
