"""Benchmark: every named query on the embedded store (warm), and `kzmig-kg query` end to end.

    .venv/bin/python benchmarks/queries.py [--store dist/store] [--repeat 20] [--cli-repeat 5]

Prints, for each named query in queries/ (with its default parameters), the rows it returns and the
median, fastest and slowest of --repeat timed runs after one untimed warm-up run (target: under
200 ms each), then the wall time of `kzmig-kg query NAME` as a new process, including the start of
Python and the opening of the store (target: under 1 s). Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from kzmig_kg.pipeline.store import open_store
from kzmig_kg.query.local import query_store
from kzmig_kg.query.named import bind_params, named_queries

ROOT = Path(__file__).resolve().parents[1]
QUERY_TARGET_MS = 200
CLI_TARGET_S = 1.0
CLI_QUERIES = ("rq-national-balance", "flows-partner-series", "timeline-events-and-measures",
               "rq-problems-and-responses")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "dist" / "store")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cli-repeat", type=int, default=5)
    args = parser.parse_args()
    store = open_store(args.store)
    queries = named_queries()
    print(f"{len(queries)} named queries on {args.store}, median of {args.repeat} warm runs "
          f"(target < {QUERY_TARGET_MS} ms)")
    print(f"{'query':<58} {'rows':>5} {'median ms':>10} {'min ms':>8} {'max ms':>8}")
    slow = []
    for name, query in queries.items():
        bound = bind_params(query, {})
        result = query_store(store, query.text, bound, source=name)  # warm-up
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            query_store(store, query.text, bound, source=name)
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        rows = len(result.rows) if result.kind == "select" else int(bool(result.boolean))
        flag = "  SLOW" if median > QUERY_TARGET_MS else ""
        if flag:
            slow.append(name)
        print(f"{name:<58} {rows:>5} {median:>10.1f} {min(times):>8.1f} {max(times):>8.1f}{flag}")
    print(f"over {QUERY_TARGET_MS} ms: {', '.join(slow) if slow else 'none'}")
    cli = Path(sys.executable).with_name("kzmig-kg")
    print(f"\n`kzmig-kg query NAME` as a new process, median of {args.cli_repeat} "
          f"(target < {CLI_TARGET_S:g} s)")
    for name in CLI_QUERIES:
        if name not in queries:
            continue
        walls = []
        for _ in range(args.cli_repeat):
            start = time.perf_counter()
            subprocess.run([str(cli), "query", name, "--store", str(args.store), "--format", "csv"],
                           check=True, capture_output=True, cwd=ROOT)
            walls.append(time.perf_counter() - start)
        flag = "  SLOW" if statistics.median(walls) > CLI_TARGET_S else ""
        print(f"  {name:<40} {statistics.median(walls):>6.3f} s (min {min(walls):.3f}){flag}")


if __name__ == "__main__":
    main()
