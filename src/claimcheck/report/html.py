"""The HTML report: one self-contained page a fact-checker can read on a laptop or a phone.

The page opens with the sources it checked, when and on what it ran, a short legend of verdicts
and intervals, and a compact table of the disagreements (what, what each side says, the gap, the
verdict); the finding cards follow, each quote linked to its place in the source text, which the
page carries (up to ``MAX_EMBEDDED_TEXT`` characters a source).

The page loads nothing from the network. Every string from a claim file or a source text goes
through jinja2's autoescaping and is isolated for bidirectional text (``<bdi>``, or the Unicode
isolates inside attributes and options), so that a right-to-left override in an author's name
cannot reorder the text beside it. A Content-Security-Policy allows only the page's own style and
script (by hash), so even markup that slipped through could not run.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from claimcheck import __version__
from claimcheck.corpus.loader import find_quote
from claimcheck.corpus.records import Corpus
from claimcheck.engine.findings import ACTION_ORDER
from claimcheck.engine.rules import RULES
from claimcheck.errors import shown_path
from claimcheck.report.common import Shown, ShownClaim, shown, summary_line, uncompared
from claimcheck.review import Outcome

STATUS_WORDS = {"failing": "new: fails the run", "reviewed": "reviewed", "open": "open", "passed": "passed"}
MAX_EMBEDDED_TEXT = 2_000_000  # characters of one source text the page carries; past that it names the file
_FSI, _PDI = "\u2068", "\u2069"  # first-strong isolate and its end: <bdi> where no element may stand


def _asset(name: str) -> str:
    return resources.files("claimcheck.report").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _bdi(value: object) -> Markup:
    """A field from a claim file, escaped and isolated from the text around it."""
    return Markup("<bdi>%s</bdi>") % ("" if value is None else value)


def _isolated(value: object) -> str:
    """The same isolation as plain text, for attributes and <option>s, which hold no elements."""
    return f"{_FSI}{'' if value is None else value}{_PDI}"


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(loader=jinja2.FunctionLoader(lambda name: _asset(name)), autoescape=True,
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    environment.filters["bdi"] = _bdi
    environment.filters["isolated"] = _isolated
    return environment


@dataclass(frozen=True)
class Disagreement:
    """A row of the table at the top: what the finding is about, and what each side says."""

    item: Shown
    what: str
    sides: tuple[tuple[ShownClaim, ...], ...]


@dataclass(frozen=True)
class SourceText:
    """A source's text as the page carries it, cut at each quote: (text, anchor id or None)."""

    source_id: str
    path: str
    pieces: tuple[tuple[str, str | None], ...]
    note: str | None = None  # why the text is not carried, where it is not


def disagreements(items: list[Shown]) -> list[Disagreement]:
    """The conflicts and tensions, each with its sides (``Shown.sides``): the first side against the others."""
    out = []
    for item in items:
        if item.finding.verdict not in ("conflict", "tension") or not item.claims:
            continue
        what = item.finding.name
        if item.finding.rows:
            first = min(item.finding.rows, key=lambda row: row.gid).claim  # in the words of the claim file
            what = " · ".join(p for p in (first.subject, first.measure, first.scope) if p) or first.event or what
        # A rule that leaves one side (a claim against what another implies) shows each claim apart.
        sides = item.sides if len(item.sides) >= 2 else tuple((claim,) for claim in item.claims)
        out.append(Disagreement(item, what, sides))
    return out


def source_texts(corpus: Corpus) -> list[SourceText]:
    """Each source text the claims quote, cut at every quote so that a card can link to its place."""
    out = []
    for source_id, source in sorted(corpus.sources.items()):
        file = corpus.files.get(source_id)
        if not source.text or file is None:
            continue
        path = file.parent / source.text
        shown_as = shown_path(path)
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                text = handle.read(MAX_EMBEDDED_TEXT + 1)
        except OSError as exc:
            out.append(SourceText(source_id, shown_as, (), f"could not be read ({exc.strerror or exc})"))
            continue
        if len(text) > MAX_EMBEDDED_TEXT:
            out.append(SourceText(source_id, shown_as, (), f"is longer than {MAX_EMBEDDED_TEXT:,} characters, "
                                                          "so the page does not carry it"))
            continue
        spans = sorted((span, claim.global_id) for claim in corpus.claims
                       if claim.source_id == source_id and claim.quote
                       for span in [find_quote(text, claim.quote)] if span is not None)
        out.append(SourceText(source_id, shown_as, _cut(text, spans)))
    return out


def _cut(text: str, spans: list[tuple[tuple[int, int], str]]) -> tuple[tuple[str, str | None], ...]:
    """The text in pieces, each quoted span a piece with its claim's id; a quote overlapping the one
    before it gets an empty piece (an anchor) where it starts."""
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for (start, end), claim_id in spans:
        if start < at:
            pieces.append(("", claim_id))
            continue
        pieces += [(text[at:start], None), (text[start:end], claim_id)]
        at = end
    pieces.append((text[at:], None))
    return tuple(piece for piece in pieces if piece[0] or piece[1])


def render_html(outcome: Outcome, *, title: str | None = None, generated: datetime.datetime | None = None) -> str:
    """The page; ``generated`` is when the check ran (now, by default), which the page states."""
    items = shown(outcome)
    style, script = _asset("report.css"), _asset("report.js")
    corpus = outcome.corpus
    per_source: dict[str, int] = {}
    for claim in corpus.claims:
        per_source[claim.source_id] = per_source.get(claim.source_id, 0) + 1
    sources = [{"id": sid, "title": src.title, "author": src.author,
                "published": src.published.label(note=False) if src.published else None,
                "claims": per_source.get(sid, 0), "file": shown_path(corpus.files[sid]) if sid in corpus.files else None}
               for sid, src in sorted(corpus.sources.items())]
    texts = source_texts(corpus)
    linked = {claim_id for text in texts for _, claim_id in text.pieces if claim_id}
    alone = uncompared(outcome)
    codes = {item.finding.code for item in items}
    when = (generated or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    return _environment().get_template("report.html.j2").render(
        title=title or str(corpus.root.name or corpus.root),
        summary=summary_line(outcome),
        ran={"when": when.strftime("%Y-%m-%d %H:%M UTC"), "iso": when.isoformat(timespec="seconds"),
             "root": shown_path(corpus.root), "review": shown_path(Path(outcome.reviews.path)),
             "fail_on": outcome.fail_on, "claims": len(corpus.claims)},
        verdicts=ACTION_ORDER,
        counts=outcome.report.counts(),
        sources=sources,
        items=items,
        disagreements=disagreements(items),
        texts=texts,
        linked=linked,
        status_words=STATUS_WORDS,
        stale=outcome.stale,
        compared=len(outcome.report.coverage) - len(alone),
        alone=alone,
        rules=[rule for code, rule in sorted(RULES.items()) if code in codes or not code.startswith("CC9")],
        version=__version__,
        style=Markup(style), style_hash=_csp_hash(style),
        script=Markup(script), script_hash=_csp_hash(script),
    )


__all__ = ["MAX_EMBEDDED_TEXT", "Disagreement", "SourceText", "disagreements", "render_html", "source_texts"]
