"""The engines for corpora too large for one process: the rules of ``claimcheck.check`` run per group
over the claims store, grouped by DuckDB on one machine or by Spark on a cluster; and extraction
spread over a pool of processes. See docs/scale.md.
"""
