"""Benchmark: the shapes compiled to SPARQL (pipeline/shacl_sparql/) on a release's store, on one
thread against a thread per core, and its slowest compiled queries.

    .venv/bin/python benchmarks/shacl_threads.py /tmp/kz17b-1m/dist/store [--workers 1 2] [--top 10]
        [--forms auto scan]

First, whether pyoxigraph releases the GIL while it evaluates a query: a Python loop runs beside
one long query on another thread; if the GIL were held, the loop would stop for the whole query.
Then, for each --workers count, the whole validation (wall and process CPU seconds, results,
peak RSS of the process so far), then the --top slowest checks by thread CPU seconds (shape,
constraint component). --forms: "auto" (the default: look-ups per focus node where the focus
nodes are few beside their path's triples), "scan" (every check a pass over its path's triples),
"lookup" (every check that has one in its look-up form). Prints the load average with the
figures: on a shared machine wall time counts the other processes' work too.
"""

from __future__ import annotations

import argparse
import os
import resource
import threading
import time
from pathlib import Path

GIL_PROBE = ("SELECT (COUNT(*) AS ?n) WHERE { ?o <http://purl.org/linked-data/sdmx/2009/measure#"
             "obsValue> ?v . ?o <http://www.w3.org/ns/prov#wasDerivedFrom> ?p }")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def gil_probe(store) -> None:
    done = threading.Event()
    seconds: list[float] = []

    def query() -> None:
        start = time.perf_counter()
        list(store.query(GIL_PROBE, use_default_graph_as_union=True))
        seconds.append(time.perf_counter() - start)
        done.set()

    worker = threading.Thread(target=query)
    worker.start()
    loops, longest, last = 0, 0.0, time.perf_counter()
    while not done.is_set():
        loops += 1
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    verdict = "released" if longest < seconds[0] / 2 else "HELD"
    print(f"GIL during a {seconds[0]:.2f} s query: {verdict} (a Python loop beside it ran {loops:,} "
          f"times, its longest pause {longest * 1000:.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, len(os.sched_getaffinity(0))])
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--forms", nargs="+", default=["auto"], choices=["auto", "scan", "lookup"])
    args = parser.parse_args()
    import pyoxigraph as ox

    from kzmig_kg.pipeline.shacl_sparql import validate_with_sparql
    from kzmig_kg.pipeline.validate import load_shapes
    store = ox.Store.read_only(str(args.store))
    shapes = load_shapes()[0]
    print(f"[load average at start: {_load()}]")
    gil_probe(store)
    for forms, workers in ((f, w) for f in args.forms for w in args.workers):
        timings: list = []
        wall, cpu = time.perf_counter(), time.process_time()
        conforms, report = validate_with_sparql(store, shapes, workers=workers, timings=timings,
                                                forms=forms)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"forms {forms}, {workers} thread(s): {wall:.1f} s wall, {cpu:.1f} s CPU, "
              f"{len(timings)} checks, "
              f"conforms {conforms}, {len(report)} report triples, peak RSS so far {peak:,.0f} MiB "
              f"[load average {_load()}]")
        print(f"  slowest {args.top} checks by thread CPU: CPU s, wall s, shape, component")
        for check_wall, check_cpu, check in sorted(timings, key=lambda t: -t[1])[:args.top]:
            shape = str(check.shape).rsplit("#", 1)[-1]
            path = f" ({str(check.path).rsplit('#', 1)[-1]})" if check.path is not None else ""
            print(f"  {check_cpu:6.2f} {check_wall:6.2f}  {shape}{path} {check.component}")
    print(f"[load average at end: {_load()}]")


if __name__ == "__main__":
    main()
