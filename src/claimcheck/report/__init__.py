"""Reports: one list of findings, read against the review file, rendered in every format.

``common.shown`` turns each finding into what every format shows; ``terminal`` (rich), ``markdown``,
``html`` (with ``templates/``), ``data`` (JSON and CSV), ``ci`` (JUnit, SARIF, GitHub annotations)
and ``jsonld`` (schema.org ClaimReview and Observation) render it. A report knows the rule
registry, never a rule's internals.
"""
