"""Benchmark: `search` on the release's FTS5 index against the obvious alternative (a SPARQL
regex scan over every literal of the store), `show` warm, and both commands as new processes.

    .venv/bin/python benchmarks/search_show.py [--release dist] [--repeat 20] [--cli-repeat 5]

Targets: search and show under 100 ms warm and under 1 s as a new process (Python start and the
opening of the index or store included). Prints the load average beside the figures, since the
machine may be shared. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kzmig_kg.pipeline.store import open_store
from kzmig_kg.query.search import search
from kzmig_kg.query.show import describe

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("quotas", "Узбекистан", "patent labour migrants", "trafficking")
REFS = ("law-2011-477-IV", "country-UZB", "finding-quotas-protect-market")
SCAN = """SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isLiteral(?o) && REGEX(STR(?o), ?w, "i")) }"""


def median_ms(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", type=Path, default=ROOT / "dist")
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "sources")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cli-repeat", type=int, default=5)
    args = parser.parse_args()
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    store = open_store(args.release / "store")
    print(f"\nsearch, median of {args.repeat} warm runs (target < 100 ms)")
    print(f"{'words':<26} {'hits':>4} {'index ms':>9} {'scan ms':>9} {'scan/index':>10}")
    for words in WORDS:
        hits = search(words, args.release, sources_dir=args.sources)
        index = median_ms(lambda w=words: search(w, args.release, sources_dir=args.sources),
                          args.repeat)
        first = words.split()[0]
        scan = median_ms(lambda w=first: list(store.query(
            SCAN.replace("?w", '"' + w + '"'), use_default_graph_as_union=True)),
            max(3, args.repeat // 5))
        print(f"{words:<26} {len(hits):>4} {index:>9.1f} {scan:>9.1f} {scan / index:>9.0f}x")
    print(f"\nshow, median of {args.repeat} warm runs on an open store (target < 100 ms)")
    for ref in REFS:
        found = describe(ref, store=store, sources_dir=args.sources)
        ms = median_ms(lambda r=ref: describe(r, store=store, sources_dir=args.sources), args.repeat)
        print(f"{ref:<34} {len(found.properties):>3} properties {len(found.passages):>3} passages "
              f"{ms:>7.1f} ms")
    cli = Path(sys.executable).with_name("kzmig-kg")
    print(f"\nas a new process, median of {args.cli_repeat} (target < 1 s)")
    for argv in (["search", "quotas", "--kind", "finding", "--release", str(args.release)],
                 ["show", "law-2011-477-IV", "--store", str(args.release / "store")]):
        times = []
        for _ in range(args.cli_repeat):
            start = time.perf_counter()
            subprocess.run([str(cli), *argv], check=True, capture_output=True, timeout=60)
            times.append(time.perf_counter() - start)
        print(f"kzmig-kg {' '.join(argv[:2]):<28} {statistics.median(times):.2f} s")
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
