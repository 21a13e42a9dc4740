"""Time and size of every report format on synthetic claims, and what loading the pytest plugin costs.

Run: python benchmarks/report_speed.py [sizes...]   (default: 1000 10000)
Each size runs in a fresh process. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def measure(n: int) -> dict[str, dict[str, float]]:
    sys.path.insert(0, str(HERE))
    from synthetic import synthetic_claims

    import claimcheck
    from claimcheck.report.formats import FORMATS

    report = claimcheck.check(synthetic_claims(n))
    out = {}
    for name in FORMATS:
        start = time.perf_counter()
        text = claimcheck.render(report, name)
        out[name] = {"s": time.perf_counter() - start, "mb": len(text.encode("utf-8")) / 1e6}
    out["findings"] = {"s": float(len(report.findings)), "mb": 0.0}
    return out


def plugin_import_ms() -> float:
    """Milliseconds that importing the plugin adds to a fresh interpreter, best of five."""
    code = "import time, pytest; t = time.perf_counter(); import claimcheck.plugin; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return min(runs) * 1000


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(measure(int(sys.argv[2]))))
        return
    sizes = [int(s) for s in sys.argv[1:]] or [1_000, 10_000]
    rows = {}
    for n in sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        rows[n] = json.loads(done.stdout)
    print(f"{'format':<14}" + "".join(f"{f'{n:,} claims':>22}" for n in sizes) + f"{'exponent k':>12}")
    for name in rows[sizes[0]]:
        if name == "findings":
            continue
        cells = "".join(f"{rows[n][name]['s']:>10.3f} s {rows[n][name]['mb']:>7.2f} MB" for n in sizes)
        first, last = rows[sizes[0]][name]["s"], rows[sizes[-1]][name]["s"]
        k = math.log(last / first) / math.log(sizes[-1] / sizes[0]) if len(sizes) > 1 and first > 0 else float("nan")
        print(f"{name:<14}{cells}{k:>12.2f}")
    print("findings      " + "".join(f"{int(rows[n]['findings']['s']):>22,}" for n in sizes))
    print(f"importing claimcheck.plugin after pytest: {plugin_import_ms():.1f} ms (best of 5)")


if __name__ == "__main__":
    main()
