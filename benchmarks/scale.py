"""Benchmark: the pipeline on generated data of 100k, 1M (10M) triples, against the obvious tools.

    .venv/bin/python benchmarks/scale.py --sizes 100000 1000000 [--work /tmp/kzmig-scale]
    .venv/bin/python benchmarks/scale.py --queries-only --store /tmp/kzmig-1m/dist/store

For each size: generates the records (benchmarks/generate.py, same seed), then, each in a process
of its own so that its peak RSS is its own (os.wait4):
- `build_release(..., reason=False, stream=True)` (the streaming build; --no-stream for the
  whole-graph rdflib path): seconds per stage, triples/s, peak RSS;
- pyoxigraph's on-disk bulk load of the release's own kzmig.nq (the floor for any build);
- rdflib parsing kzmig.nq + pyshacl with the project's shapes (the obvious alternative), where it
  finishes within --alt-timeout;
- every named query and check (queries/*.rq, queries/checks/*.rq) with its default parameters:
  one warm-up then --repeat runs, p50 and p99 (highest of the runs when fewer than 100), rows;
  a query is stopped after --query-timeout seconds and its process limited to --query-memory.
Prints the load average with the figures: the machine these were measured on is shared.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402  (the generator beside this script)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/kzmig-scale"))
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--query-timeout", type=float, default=60.0)
    parser.add_argument("--query-memory", type=float, default=3.0, help="GiB per query process")
    parser.add_argument("--alt-timeout", type=float, default=600.0,
                        help="seconds rdflib + pyshacl may take before it counts as not finished")
    parser.add_argument("--no-alternative", action="store_true", help="skip rdflib + pyshacl")
    parser.add_argument("--queries-only", action="store_true")
    parser.add_argument("--no-queries", action="store_true", help="skip the named-query timings")
    parser.add_argument("--no-stream", action="store_true",
                        help="build through the whole-graph rdflib path instead of streaming")
    parser.add_argument("--store", type=Path, help="with --queries-only: the store to query")
    parser.add_argument("--only", help="with --queries-only: a glob of query names")
    args = parser.parse_args()
    _load("start")
    if args.queries_only:
        time_queries(args.store, args.repeat, args.query_timeout, args.query_memory, args.only)
        return
    for size in args.sizes:
        run_size(size, args)


def _load(when: str) -> None:
    one, five, fifteen = os.getloadavg()
    print(f"[load average {when}: {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores]",
          flush=True)


def run_size(size: int, args: argparse.Namespace) -> None:
    base = args.work / f"{size}"
    print(f"\n== target {size:,} triples ({base})", flush=True)
    generate.generate(ROOT / "data", base, size, args.seed)
    out = base / "dist"
    # an earlier run's release is replaced by the build itself (pipeline/outdir.py)
    build, rss, wall = _child(_build, (base / "data", out, not args.no_stream), timeout=3600)
    _load("after build")
    if build is None:
        print(f"build did not finish: {rss}")
        return
    triples = build["triples"]
    stages = " ".join(f"{name} {seconds:.1f} ({cpu:.1f} CPU)"
                      for name, (seconds, cpu) in build["stages"].items())
    build_cpu = LAST_CPU_SECONDS
    print(f"build: {triples:,} triples, {wall:.1f} s wall ({build_cpu:.1f} s CPU), "
          f"{triples / wall:,.0f} triples/s ({triples / build_cpu:,.0f} per CPU second), "
          f"peak RSS {rss / 2**20:,.0f} MiB (the largest process; all its processes together: "
          f"{LAST_TREE_PEAK[0] / 2**20:,.0f} MiB RSS, {LAST_TREE_PEAK[1] / 2**20:,.0f} MiB PSS); "
          f"stages (s, wall): {stages}")
    nq = out / "kzmig.nq"
    bulk, bulk_rss, bulk_wall = _child(_bulk_load, (nq, base / "bulk-store"), timeout=3600)
    print(f"pyoxigraph bulk load of kzmig.nq: {bulk_wall:.1f} s ({LAST_CPU_SECONDS:.1f} s CPU), "
          f"{triples / bulk_wall:,.0f} triples/s, peak RSS {bulk_rss / 2**20:,.0f} MiB; "
          f"build / bulk load = {wall / bulk_wall:.1f}x wall, "
          f"{build_cpu / max(LAST_CPU_SECONDS, 1e-9):.1f}x CPU")
    if not args.no_alternative:
        alt, alt_rss, alt_wall = _child(_rdflib_pyshacl, (nq,), timeout=args.alt_timeout)
        if alt is None:
            print(f"rdflib + pyshacl: did not finish ({alt_rss})")
        else:
            print(f"rdflib + pyshacl: {alt_wall:.1f} s (parse {alt['parse']:.1f}, shacl "
                  f"{alt['shacl']:.1f}), peak RSS {alt_rss / 2**20:,.0f} MiB, conforms "
                  f"{alt['conforms']}; build / (rdflib + pyshacl) = {wall / alt_wall:.2f}x")
    del bulk
    if not args.no_queries:
        time_queries(out / "store", args.repeat, args.query_timeout, args.query_memory, None)
    _load(f"end of {size:,}")


# -- children ------------------------------------------------------------------------------
# CPU seconds (user + system) of the last child: on a shared machine the wall time says more about
# the other processes than about this one
LAST_CPU_SECONDS = 0.0
# the highest sum of RSS and of PSS (shared pages divided among their processes) over the last
# child and its descendants (the build's workers), sampled every 0.2 s
LAST_TREE_PEAK = (0, 0)


def _child(fn: Callable[..., Any], args: tuple, timeout: float,
           memory_gib: float | None = None) -> tuple[Any, Any, float]:
    """Run ``fn(*args)`` in a forked process; return (value, peak RSS bytes, wall seconds), or
    (None, reason, seconds) when it failed, was killed or passed ``timeout``."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    start = time.perf_counter()
    process = context.Process(target=_run_child, args=(send, fn, args, memory_gib))
    process.start()
    send.close()
    sampling = threading.Event()
    sampler = threading.Thread(target=_sample_tree, args=(process.pid, sampling), daemon=True)
    sampler.start()
    value: Any = None
    reason = ""
    if receive.poll(timeout):
        try:
            status, value = receive.recv()
            if status != "ok":
                reason, value = value, None
        except EOFError:
            reason = "the process died"
    else:
        reason = f"stopped after {timeout:g} s"
        process.kill()
    sampling.set()
    sampler.join()
    _pid, _status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    global LAST_CPU_SECONDS
    LAST_CPU_SECONDS = usage.ru_utime + usage.ru_stime
    if value is None:
        return None, reason or f"exit status {_status}", wall
    return value, usage.ru_maxrss * 1024, wall


def _sample_tree(pid: int, done: threading.Event) -> None:
    from kzmig_kg.publish.server.prefork import descendants
    global LAST_TREE_PEAK
    peak_rss = peak_pss = 0
    while not done.wait(0.2):
        rss = pss = 0
        for member in [pid, *descendants(pid)]:
            try:
                with open(f"/proc/{member}/smaps_rollup") as rollup:
                    for line in rollup:
                        if line.startswith("Rss:"):
                            rss += int(line.split()[1]) * 1024
                        elif line.startswith("Pss:"):
                            pss += int(line.split()[1]) * 1024
            except OSError:  # ended between the listing and the read
                continue
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
    LAST_TREE_PEAK = (peak_rss, peak_pss)


def _run_child(send, fn, args, memory_gib) -> None:
    if memory_gib:
        limit = int(memory_gib * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        send.send(("ok", fn(*args)))
    except BaseException as error:  # reported by the parent as a line
        send.send(("error", f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"))


def _build(data: Path, out: Path, stream: bool) -> dict:
    from kzmig_kg.pipeline.build import build_release
    result = build_release(data, out, reason=False, stream=stream)
    return {"triples": result.release.triples,
            "stages": {name: (m.seconds, m.cpu_seconds) for name, m in result.stages.items()}}


def _bulk_load(nq: Path, location: Path) -> int:
    import shutil

    import pyoxigraph as ox
    if location.exists():
        shutil.rmtree(location)
    store = ox.Store(str(location))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    return len(store)


def _rdflib_pyshacl(nq: Path) -> dict:
    from pyshacl import validate
    from rdflib import Dataset

    from kzmig_kg.pipeline.validate import load_shapes
    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(str(nq), format="nquads")
    parsed = time.perf_counter()
    shapes, _files = load_shapes()
    conforms, _report, _text = validate(dataset, shacl_graph=shapes, inference="none",
                                        advanced=True, allow_warnings=True, inplace=True)
    return {"parse": parsed - start, "shacl": time.perf_counter() - parsed,
            "conforms": bool(conforms)}


# -- named queries -------------------------------------------------------------------------
def _run_query(store_dir: Path, name: str, repeat: int) -> dict:
    from kzmig_kg.pipeline.store import open_store
    from kzmig_kg.query.local import query_store
    from kzmig_kg.query.named import bind_params, named_queries
    query = named_queries()[name]
    store = open_store(store_dir)
    bound = bind_params(query, {})
    times = []
    result = None
    for _ in range(repeat + 1):  # the first run warms the store's caches
        start = time.perf_counter()
        result = query_store(store, query.text, bound, source=name)
        times.append((time.perf_counter() - start) * 1000)
    rows = len(result.rows) if result.kind == "select" else len(result.triples or [])
    return {"times": times[1:], "rows": rows}


def time_queries(store_dir: Path, repeat: int, timeout: float, memory_gib: float,
                 only: str | None) -> None:
    from kzmig_kg.query.named import named_queries
    names = sorted(named_queries(pattern=only) if only else named_queries())
    print(f"{len(names)} named queries and checks on {store_dir}: p50 / p99 of {repeat} warm "
          f"runs (ms), each process stopped at {timeout:g} s or {memory_gib:g} GiB", flush=True)
    print(f"{'query':<62} {'rows':>6} {'p50 ms':>9} {'p99 ms':>9}")
    failed, slow = [], []
    p50s = []
    for name in names:
        value, reason, _wall = _child(_run_query, (store_dir, name, repeat), timeout, memory_gib)
        if value is None:
            failed.append(name)
            print(f"{name:<62} {'-':>6} FAILED: {reason}", flush=True)
            continue
        times = sorted(value["times"])
        p50 = statistics.median(times)
        p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
        p50s.append(p50)
        if p50 > 1000:
            slow.append(name)
        print(f"{name:<62} {value['rows']:>6} {p50:>9.1f} {p99:>9.1f}", flush=True)
    if p50s:
        print(f"queries: {len(p50s)} ran, median p50 {statistics.median(p50s):.1f} ms, "
              f"slowest p50 {max(p50s):.1f} ms; over 1 s: {', '.join(slow) or 'none'}; "
              f"failed: {', '.join(failed) or 'none'}")
    print(json.dumps({"failed": failed, "over_1s": slow}))


if __name__ == "__main__":
    main()
