"""Benchmark: `kzmig-kg report` (all figures, PNG and SVG, tables, HTML) on the release store.

    .venv/bin/python benchmarks/report.py [--store dist/store] [--repeat 3]

Prints the wall time of each run of build_report into a temporary directory (the first run
includes importing matplotlib), their median, and the time of `kzmig-kg report` as a new process.
Target: under 20 s. Figures only; nothing is asserted.
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

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 20.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "dist" / "store")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kzmig-report-bench-"))
    try:
        start = time.perf_counter()
        from kzmig_kg.publish.report import build_report

        walls = []
        for run in range(args.repeat):
            if run:
                start = time.perf_counter()
            report = build_report(args.store, tmp / f"report-{run}")
            walls.append(time.perf_counter() - start)
            print(f"run {run + 1}: {walls[-1]:.2f} s ({len(report.figures)} figures, "
                  f"{len(report.files)} files)" + ("  (includes imports)" if run == 0 else ""))
        print(f"median {statistics.median(walls):.2f} s, min {min(walls):.2f} s "
              f"(target < {TARGET_S:g} s)")
        cli = Path(sys.executable).with_name("kzmig-kg")
        start = time.perf_counter()
        subprocess.run([str(cli), "report", "--store", str(args.store), "--out", str(tmp / "cli")],
                       check=True, capture_output=True, cwd=ROOT)
        print(f"`kzmig-kg report` as a new process: {time.perf_counter() - start:.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
