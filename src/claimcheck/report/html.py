"""The HTML report: one self-contained page a fact-checker can read on a laptop or a phone.

The page loads nothing from the network. Every string from a claim file or a source text goes
through jinja2's autoescaping, and a Content-Security-Policy allows only the page's own style and
script (by hash), so even markup that slipped through could not run.
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources

import jinja2
from markupsafe import Markup

from claimcheck import __version__
from claimcheck.engine.findings import ACTION_ORDER
from claimcheck.engine.rules import RULES
from claimcheck.report.common import shown, summary_line, uncompared
from claimcheck.review import Outcome

STATUS_WORDS = {"failing": "new: fails the run", "reviewed": "reviewed", "open": "open", "passed": "passed"}


def _asset(name: str) -> str:
    return resources.files("claimcheck.report").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FunctionLoader(lambda name: _asset(name)), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def render_html(outcome: Outcome, *, title: str | None = None) -> str:
    items = shown(outcome)
    style, script = _asset("report.css"), _asset("report.js")
    corpus = outcome.corpus
    sources = [{"id": sid, "label": f"{src.author or src.title or sid} ({sid})"}
               for sid, src in sorted(corpus.sources.items())]
    alone = uncompared(outcome)
    codes = {item.finding.code for item in items}
    return _environment().get_template("report.html.j2").render(
        title=title or str(corpus.root.name or corpus.root),
        summary=summary_line(outcome),
        verdicts=ACTION_ORDER,
        counts=outcome.report.counts(),
        sources=sources,
        items=items,
        status_words=STATUS_WORDS,
        stale=outcome.stale,
        compared=len(outcome.report.coverage) - len(alone),
        alone=alone,
        rules=[rule for code, rule in sorted(RULES.items()) if code in codes or not code.startswith("CC9")],
        version=__version__,
        style=Markup(style), style_hash=_csp_hash(style),
        script=Markup(script), script_hash=_csp_hash(script),
    )


__all__ = ["render_html"]
