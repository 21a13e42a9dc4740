"""The store and the engines on 100k, 1M and 10M synthetic claims: times, peak memory, scaling exponents.

Run: python benchmarks/scale.py [sizes...] [--spark-up-to N] [--local-up-to N] [--agree-up-to N] [--work DIR]

For each size the claims are written as claim files (``synthetic.write_claim_files``: one source
a file, some fifty claims each), then each step runs in a fresh process so that its peak memory
(max RSS, of the process and of its largest worker) is its own:

- build: claim files to the store (YAML, validation, grammars, blocking keys), and a refresh with
  nothing changed;
- load: the whole corpus rebuilt from the store as ``Claim`` records;
- local: ``claimcheck.check`` on that corpus (the load not counted);
- duckdb: ``claimcheck.scale.duck.check_store``, from the store to the sorted findings file;
- spark: the same job on Spark, local[2], up to ``--spark-up-to`` claims;
- agree: the findings of local, DuckDB (and Spark) compared, fingerprint and words, up to
  ``--agree-up-to`` claims.

Each step also reports its CPU time (the process's and its workers'): the machine is shared, and
CPU time says what the work costs where wall time says how busy the machine was. Prints numbers;
asserts nothing (the agreement is printed as equal or not).
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def _peaks() -> dict[str, float]:
    """Peak memory of this process and of its largest worker, and the CPU time of both: on a machine that
    others share, CPU time says what the work costs where wall time says how busy the machine was."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"rss_mb": own.ru_maxrss / 1024, "worker_rss_mb": workers.ru_maxrss / 1024,
            "cpu_seconds": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime}


def step(name: str, folder: Path) -> dict:
    """One measurement, run in this (fresh) process."""
    sys.path.insert(0, str(HERE))
    from claimcheck.store import open_store, refresh

    started = time.perf_counter()
    if name == "build":
        done = refresh(folder)
        out = {"seconds": time.perf_counter() - started, "claims": done.store.claim_count}
        started = time.perf_counter()
        again = refresh(folder)
        out["refresh_seconds"] = time.perf_counter() - started
        out["refresh_parsed"] = again.parsed
        return {**out, **_peaks()}
    store = open_store(folder)
    if name == "load":
        corpus = store.corpus()
        return {"seconds": time.perf_counter() - started, "claims": len(corpus.claims), **_peaks()}
    if name == "local":
        import claimcheck

        corpus = store.corpus()
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        report = claimcheck.check(corpus)
        return {"seconds": time.perf_counter() - started, "load_seconds": loaded, "findings": len(report.findings),
                **_peaks()}
    if name == "duckdb":
        from claimcheck.scale.duck import check_store

        run = check_store(store, folder.parent / f"{folder.name}-duckdb.parquet")
        return {"seconds": time.perf_counter() - started, "findings": sum(run.counts.values()),
                "phases": run.seconds, **_peaks()}
    if name == "spark":
        from claimcheck.scale.spark import check_store_spark, session

        spark = session("local[2]")
        started = time.perf_counter()  # the JVM's start is not the job's
        run = check_store_spark(store, folder.parent / f"{folder.name}-spark", spark=spark)
        return {"seconds": time.perf_counter() - started, "findings": sum(run.counts.values()), **_peaks()}
    if name == "agree":
        import claimcheck
        from claimcheck.scale.report import report_of

        corpus = store.corpus()
        local = [f.to_dict() for f in claimcheck.check(corpus).findings]
        out = {"findings": len(local)}
        for engine, path in (("duckdb", folder.parent / f"{folder.name}-duckdb.parquet"),
                             ("spark", folder.parent / f"{folder.name}-spark")):
            if path.exists():
                found = [f.to_dict() for f in report_of(path, corpus).findings]
                out[engine] = "equal" if found == local else f"DIFFERENT ({len(found)} findings)"
        return out
    raise SystemExit(f"no step {name}")


def measure(name: str, folder: Path) -> dict:
    result = subprocess.run([sys.executable, __file__, "--step", name, str(folder)], capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"}
    return json.loads(result.stdout.strip().splitlines()[-1])


def exponent(rows: list[tuple[int, float]]) -> str:
    rows = [(n, s) for n, s in rows if s]
    if len(rows) < 2:
        return "-"
    (n0, s0), (n1, s1) = rows[0], rows[-1]
    return f"{math.log(s1 / s0) / math.log(n1 / n0):.2f}"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--step":
        print(json.dumps(step(sys.argv[2], Path(sys.argv[3]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000, 1_000_000, 10_000_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/claimcheck-scale-bench"))
    parser.add_argument("--spark-up-to", type=int, default=100_000)
    parser.add_argument("--local-up-to", type=int, default=1_000_000)
    parser.add_argument("--agree-up-to", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the claim files and stores")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from synthetic import write_claim_files

    table: dict[int, dict[str, dict]] = {}
    for n in args.sizes:
        folder = args.work / f"claims-{n}"
        if not (folder / ".claimcheck").exists():
            shutil.rmtree(folder, ignore_errors=True)
            started = time.perf_counter()
            write_claim_files(folder, n)
            print(f"{n:,} claims written as claim files in {time.perf_counter() - started:.1f} s", flush=True)
        results = table[n] = {}
        shutil.rmtree(folder / ".claimcheck", ignore_errors=True)
        for name in ("build", "load", "local", "duckdb", "spark", "agree"):
            if name in ("load", "local") and n > args.local_up_to or name == "spark" and n > args.spark_up_to or \
                    name == "agree" and n > args.agree_up_to:
                continue
            results[name] = measure(name, folder)
            print(f"  {n:>10,} {name:7} {json.dumps(results[name])}", flush=True)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    print()
    print(f"{'claims':>11} {'build s':>8} {'claims/s':>9} {'refresh s':>9} {'load s':>7} {'load MB':>8} "
          f"{'local s':>8} {'local MB':>9} {'duckdb s':>9} {'duckdb MB':>10} {'spark s':>8} {'agree':>12}")
    for n, r in table.items():
        def get(name, key, form="{:.1f}", r=r):
            value = r.get(name, {}).get(key)
            return form.format(value) if isinstance(value, (int, float)) else "-"

        duck_mb = r.get("duckdb", {})
        duck_mb = max(duck_mb.get("rss_mb", 0), duck_mb.get("worker_rss_mb", 0)) if duck_mb else None
        local_mb = r.get("local", {}).get("rss_mb")
        agree = r.get("agree", {})
        agreement = ", ".join(f"{k} {v}" for k, v in agree.items() if k != "findings") or "-"
        build = r.get("build", {})
        print(f"{n:>11,} {get('build', 'seconds'):>8} "
              f"{(n / build['seconds']) if build.get('seconds') else 0:>9,.0f} {get('build', 'refresh_seconds'):>9} "
              f"{get('load', 'seconds'):>7} {get('load', 'rss_mb', '{:.0f}'):>8} {get('local', 'seconds'):>8} "
              f"{'-' if local_mb is None else f'{local_mb:.0f}':>9} {get('duckdb', 'seconds'):>9} "
              f"{'-' if duck_mb is None else f'{duck_mb:.0f}':>10} {get('spark', 'seconds'):>8} {agreement:>12}")
    for name, label in (("build", "store build"), ("load", "load from the store"), ("local", "local check"),
                        ("duckdb", "DuckDB check")):
        rows = [(n, r.get(name, {}).get("seconds")) for n, r in table.items()]
        print(f"scaling exponent (time ~ n^k), {label}: k = {exponent(rows)}")


if __name__ == "__main__":
    main()
