"""Time and peak memory of claimcheck.check on 10k, 100k and 1M synthetic claims, and the scaling exponent.

Run: python benchmarks/engine_scaling.py [sizes...]
Each size runs in a fresh process so that peak memory (max RSS) is its own. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def measure(n: int) -> dict:
    import resource

    sys.path.insert(0, str(HERE))
    from synthetic import synthetic_claims

    import claimcheck

    start = time.perf_counter()
    claims = synthetic_claims(n)
    generated = time.perf_counter() - start
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    report = claimcheck.check(claims)
    checked = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"n": n, "generate_s": generated, "check_s": checked, "findings": len(report.findings),
            "peak_rss_mb": peak_kb / 1024, "rss_before_check_mb": rss_before / 1024}


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(measure(int(sys.argv[2]))))
        return
    sizes = [int(s) for s in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    rows = []
    print(f"{'claims':>10} {'check s':>9} {'claims/s':>10} {'findings':>9} {'peak RSS MB':>12} {'(before check)':>15}")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout)
        rows.append(row)
        print(f"{n:>10,} {row['check_s']:>9.2f} {n / row['check_s']:>10,.0f} {row['findings']:>9,} "
              f"{row['peak_rss_mb']:>12.0f} {row['rss_before_check_mb']:>15.0f}")
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        exponent = math.log(last["check_s"] / first["check_s"]) / math.log(last["n"] / first["n"])
        print(f"scaling exponent (time ~ n^k) from {first['n']:,} to {last['n']:,}: k = {exponent:.2f}")


if __name__ == "__main__":
    main()
