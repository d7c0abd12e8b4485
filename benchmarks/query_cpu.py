"""Benchmark: every named query and check on a store, in CPU seconds (for a loaded machine).

    .venv/bin/python benchmarks/query_cpu.py /tmp/kz17b-1m/dist/store [--timeout 60] [--memory 3]

Each query runs in a process of its own (a deadline of --timeout wall seconds and --memory GiB of
address space), once to warm the store's caches and once measured, with its default parameters;
prints the CPU and wall seconds of the measured run and the rows, slowest by CPU first, and the
load average. On a shared machine the wall time of benchmarks/scale.py's runner grows with the
load; the CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def _child(store_dir: Path, name: str) -> None:
    from kzmig_kg.pipeline.store import open_store
    from kzmig_kg.query.local import query_store
    from kzmig_kg.query.named import bind_params, named_queries
    query = named_queries()[name]
    store = open_store(store_dir)
    for _ in range(2):
        start, cpu = time.perf_counter(), time.process_time()
        result = query_store(store, query.text, bind_params(query, {}), source=name)
    rows = len(result.rows) if result.kind == "select" else len(result.triples or [])
    print(f"{time.process_time() - cpu:.3f} {time.perf_counter() - start:.3f} {rows}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--memory", type=float, default=3.0, help="GiB of address space")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.store, args.child)
        return
    from kzmig_kg.query.named import named_queries
    limit = int(args.memory * 2**30)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    print(f"[load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}]", flush=True)
    measured, failed = [], []
    for name in sorted(named_queries()):
        try:
            done = subprocess.run([sys.executable, __file__, str(args.store), "--child", name],
                                  capture_output=True, text=True, timeout=args.timeout,
                                  preexec_fn=limit_memory, check=True)
            cpu, wall, rows = done.stdout.split()[-3:]
            measured.append((float(cpu), float(wall), int(rows), name))
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError, ValueError):
            failed.append(name)
    print(f"{'query':<62} {'rows':>6} {'CPU s':>7} {'wall s':>7}")
    for cpu, wall, rows, name in sorted(measured, reverse=True):
        print(f"{name:<62} {rows:>6} {cpu:>7.2f} {wall:>7.2f}")
    print(f"{len(measured)} finished, {sum(c < 0.02 for c, *_ in measured)} under 20 ms of CPU, "
          f"{sum(c > 1 for c, *_ in measured)} over 1 s; not finished within {args.timeout:g} s or "
          f"{args.memory:g} GiB: {', '.join(failed) or 'none'}")
    print(f"[load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}]")


if __name__ == "__main__":
    main()
