"""Benchmark: the CPU of the streaming build's work before the release, piece by piece.

    .venv/bin/python benchmarks/prerelease_cpu.py --data /tmp/kzmig-1m/data [--repeat 2]

Each piece runs in this one process, ``--repeat`` times, and its lowest CPU time is printed with
the load average (the machine these were measured on is shared: CPU seconds are the figure to
read), beside the obvious alternative in the same run:
- records: ``read_records`` in one process as the build runs it (the cyclic garbage collector
  paused), and with the collector running, as before issue #17 part H;
- mapping: every record mapped as the build's mapping workers do (``map_slice`` into
  ``_ChunkDataset`` sinks written as N-Quads text every ``WORKER_SLICE`` records, the records
  frozen out of the collector, the collector off as in a worker), and with the collector on;
- the bulk load of that N-Quads text into a new on-disk pyoxigraph store: the floor the build
  is set against (issue #17: the build within 5x of pyoxigraph's bulk load).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kzmig_kg.mapping.context import MappingContext
from kzmig_kg.mapping.schema import RecordSet
from kzmig_kg.pipeline import records as records_stage
from kzmig_kg.pipeline.graph import map_derived, map_slice, register_passages
from kzmig_kg.pipeline.stream import WORKER_SLICE, _ChunkDataset, _NQuadsText


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True,
                        help="a data directory, e.g. from benchmarks/generate.py")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    _load("start")
    as_built = _lowest(args.repeat, lambda: records_stage.read_records(args.data, 1))
    collected = _lowest(args.repeat, lambda: records_stage._read_records(args.data, 1))
    records = records_stage.read_records(args.data, 1)
    print(f"records ({len(records.records):,}): {as_built:.2f} s CPU, collector paused; "
          f"{collected:.2f} s with it running ({collected / as_built:.2f}x)", flush=True)
    with tempfile.TemporaryDirectory(prefix="kzmig-prerelease-") as work:
        slices = Path(work) / "slices"
        gc.collect()
        gc.freeze()  # as map_in_workers does before it forks the workers
        try:
            off = _lowest(args.repeat, lambda: _map(records, slices, collector=False))
            on = _lowest(args.repeat, lambda: _map(records, slices, collector=True))
        finally:
            gc.unfreeze()
        lines = sum(1 for path in slices.iterdir() for _line in path.open("rb"))
        print(f"mapping ({lines:,} N-Quads lines): {off:.2f} s CPU, collector off; "
              f"{on:.2f} s with it on ({on / off:.2f}x)", flush=True)
        load = _lowest(args.repeat, lambda: _bulk_load(slices, Path(work) / "store"))
        print(f"bulk load of that text: {load:.2f} s CPU; records and mapping together "
              f"{(as_built + off) / load:.2f}x it (with the collector running in both: "
              f"{(collected + on) / load:.2f}x)", flush=True)
    _load("end")


def _map(records: RecordSet, out: Path, collector: bool) -> None:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    sinks, text = _ChunkDataset(), _NQuadsText()
    ctx = MappingContext(records=records, dataset=sinks)  # type: ignore[arg-type]
    register_passages(records, ctx)
    if not collector:
        gc.disable()
    try:
        total = len(records.records)
        for start in range(0, total, WORKER_SLICE):
            map_slice(records, ctx, start, min(total, start + WORKER_SLICE))
            sinks.write_nquads(out / f"slice-{start:09d}.nq", text)
        map_derived(records, ctx)
        sinks.write_nquads(out / "slice-derived.nq", text)
    finally:
        gc.enable()


def _bulk_load(slices: Path, location: Path) -> None:
    shutil.rmtree(location, ignore_errors=True)
    store = ox.Store(str(location))
    for path in sorted(slices.iterdir()):
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store


def _lowest(repeat: int, fn: Callable[[], object]) -> float:
    """The lowest process CPU seconds (all threads) of ``repeat`` runs of ``fn``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _load(when: str) -> None:
    one, five, fifteen = os.getloadavg()
    print(f"[load average {when}: {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores]",
          flush=True)


if __name__ == "__main__":
    main()
