"""Benchmark: time and peak Python memory of each build stage, and of a named query end to end.

    .venv/bin/python benchmarks/build.py [--repeat 3]

Prints one line per stage (seconds, peak MiB traced by tracemalloc; the reasoner's Java process is
not traced), the full build's wall time, and `kzmig-kg query acts-by-number` as a new process.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kzmig_kg.pipeline.build import build_release

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    walls: list[float] = []
    per_stage: dict[str, list[tuple[float, float]]] = {}
    tmp = Path(tempfile.mkdtemp(prefix="kzmig-bench-"))
    try:
        for run in range(args.repeat):
            out = tmp / f"dist-{run}"
            start = time.perf_counter()
            result = build_release(ROOT / "data", out, reason=shutil.which("java") is not None)
            walls.append(time.perf_counter() - start)
            for name, measure in result.stages.items():
                per_stage.setdefault(name, []).append((measure.seconds, 0.0))
        memory = build_release(ROOT / "data", tmp / "dist-mem",
                               reason=shutil.which("java") is not None, measure_memory=True)
        print(f"records: {result.records}, triples: {result.release.triples}, "
              f"reasoner: {'ran' if result.reasoning.ran else 'not run'}")
        print(f"{'stage':<10} {'median s':>9} {'min s':>7} {'peak MiB':>9}")
        for name, values in per_stage.items():
            seconds = [v[0] for v in values]
            print(f"{name:<10} {statistics.median(seconds):>9.3f} {min(seconds):>7.3f} "
                  f"{memory.stages[name].peak_mib:>9.1f}")
        print(f"{'build':<10} {statistics.median(walls):>9.3f} {min(walls):>7.3f}   (wall)")
        cli = Path(sys.executable).with_name("kzmig-kg")
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run([str(cli), "query", "acts-by-number", "--store",
                            str(tmp / "dist-0" / "store")], check=True, capture_output=True,
                           cwd=ROOT)
            times.append(time.perf_counter() - start)
        print(f"{'query':<10} {statistics.median(times):>9.3f} {min(times):>7.3f}   "
              "(kzmig-kg query acts-by-number, new process)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
