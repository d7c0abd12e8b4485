"""Benchmark: every named query and check on a store, in CPU seconds (for a loaded machine).

    .venv/bin/python benchmarks/query_cpu.py /tmp/kz17b-1m/dist/store [--timeout 60] [--memory 3]
    .venv/bin/python benchmarks/query_cpu.py STORE --only 'acts-by-number' --repeat 20 --cli

Each query runs in a process of its own (a deadline of --timeout wall seconds and --memory GiB of
address space), once to warm the store's caches and then --repeat times measured, with its
default parameters, as a server runs it (the store open, the process warm); prints the CPU
seconds (median) and the wall p50 and p99 of the measured runs and the rows, each query as it
finishes, then all of them slowest by CPU first, and the load average. With --cli, also the wall
seconds of ``kzmig-kg query NAME --store STORE`` as a new process (start-up, imports and the
store's opening included), the median of --repeat runs. On a shared machine the wall time grows
with the load; the CPU time does not.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _child(store_dir: Path, name: str, repeat: int) -> None:
    from kzmig_kg.pipeline.store import open_store
    from kzmig_kg.query.local import query_store
    from kzmig_kg.query.named import bind_params, named_queries
    query = named_queries()[name]
    store = open_store(store_dir)
    cpus, walls = [], []
    for _ in range(repeat + 1):  # the first run warms the store's caches
        start, cpu = time.perf_counter(), time.process_time()
        result = query_store(store, query.text, bind_params(query, {}), source=name)
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - start)
    rows = len(result.rows) if result.kind == "select" else len(result.triples or [])
    walls = sorted(walls[1:])
    p99 = walls[min(len(walls) - 1, int(0.99 * len(walls)))]
    print(f"{statistics.median(cpus[1:]):.4f} {statistics.median(walls):.4f} {p99:.4f} {rows}")


def _cli_seconds(store_dir: Path, name: str, repeat: int, timeout: float) -> float:
    """Median wall seconds of `kzmig-kg query NAME --store STORE` as a new process."""
    command = [str(Path(sys.executable).with_name("kzmig-kg")), "query", name, "--store",
               str(store_dir), "--format", "csv"]
    walls = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, timeout=timeout, check=True)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--memory", type=float, default=3.0, help="GiB of address space")
    parser.add_argument("--repeat", type=int, default=1, help="measured runs after the warm-up")
    parser.add_argument("--only", help="a glob of query names (default: every query and check)")
    parser.add_argument("--cli", action="store_true",
                        help="also time `kzmig-kg query NAME` as a new process")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.store, args.child, args.repeat)
        return
    from kzmig_kg.query.named import named_queries
    limit = int(args.memory * 2**30)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    print(f"[load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}]", flush=True)
    measured, failed = [], []
    names = [n for n in sorted(named_queries()) if not args.only or fnmatch.fnmatch(n, args.only)]
    header = f"{'query':<62} {'rows':>6} {'CPU s':>7} {'p50 s':>7} {'p99 s':>7}" + \
        (f" {'CLI s':>6}" if args.cli else "")
    print(header, flush=True)
    for name in names:
        try:
            done = subprocess.run([sys.executable, __file__, str(args.store), "--child", name,
                                   "--repeat", str(args.repeat)],
                                  capture_output=True, text=True, timeout=args.timeout,
                                  preexec_fn=limit_memory, check=True)
            cpu, wall, p99, rows = done.stdout.split()[-4:]
            cli = _cli_seconds(args.store, name, args.repeat, args.timeout) if args.cli else 0.0
            measured.append((float(cpu), float(wall), float(p99), int(rows), name, cli))
            print(f"{name:<62} {rows:>6} {float(cpu):>7.3f} {float(wall):>7.3f} {float(p99):>7.3f}"
                  + (f" {cli:>6.2f}" if args.cli else ""), flush=True)
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError, ValueError):
            failed.append(name)
            print(f"{name:<62} {'-':>6} not finished within {args.timeout:g} s", flush=True)
    print("\nslowest by CPU first:")
    print(header)
    for cpu, wall, p99, rows, name, cli in sorted(measured, reverse=True):
        print(f"{name:<62} {rows:>6} {cpu:>7.3f} {wall:>7.3f} {p99:>7.3f}"
              + (f" {cli:>6.2f}" if args.cli else ""))
    print(f"{len(measured)} finished, {sum(c < 0.02 for c, *_ in measured)} under 20 ms of CPU, "
          f"{sum(c > 1 for c, *_ in measured)} over 1 s; not finished within {args.timeout:g} s or "
          f"{args.memory:g} GiB: {', '.join(failed) or 'none'}")
    print(f"[load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}]")


if __name__ == "__main__":
    main()
