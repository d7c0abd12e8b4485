"""Benchmark: time and peak memory of `kzmig-kg extract` on large text documents.

    .venv/bin/python benchmarks/extract_memory.py [--sizes 5 50] [--format jsonl]

Writes text documents of the given sizes (MB) made of the thesis repeated (a 135 KB text of real
prose with citations and figures, so every extraction step has work to do), runs the CLI on each
in a fresh process, and prints the wall time, the items written and the peak resident memory of
that process (``ru_maxrss``). The reader streams the text in 1 MiB blocks and extracts from
overlapping windows of 256 K characters, so peak memory should stay flat as the size grows.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THESIS = ROOT.parent / "shared" / "sources" / "000_81b0946b00ba0bf2.txt"
CLI = Path(sys.executable).with_name("kzmig-kg")


def make_document(path: Path, megabytes: int, newlines: bool = True) -> int:
    chunk = THESIS.read_bytes()
    if not newlines:  # one line of the whole size: a text exported without line breaks
        chunk = chunk.replace(b"\r", b" ").replace(b"\n", b" ") + b" "
    target = megabytes * (1 << 20)
    written = 0
    with open(path, "wb") as handle:
        while written < target:
            piece = chunk[: target - written]
            if newlines:
                piece = piece[: piece.rfind(b"\n") + 1] or piece  # whole lines, valid UTF-8
            else:
                piece = piece[: piece.rfind(b" ") + 1] or piece  # whole words, valid UTF-8
            handle.write(piece)
            written += len(piece)
    return written


def run(path: Path, out: Path, fmt: str) -> tuple[float, int, float, int, float]:
    """Seconds, exit code, peak RSS (MiB) of the child, lines written, and the child's CPU
    seconds (the figure to compare on a loaded machine, where wall time mostly measures waiting)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    done = subprocess.run([str(CLI), "extract", str(path), "--format", fmt, "--out", str(out)],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu_before
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
    lines = 0
    if out.exists():
        with open(out, encoding="utf-8") as handle:
            lines = sum(1 for _ in handle)
    # ru_maxrss of children is the largest of any child so far: report it only when it grew
    return seconds, done.returncode, max(peak, before) / 1024, lines, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50], help="sizes in MB")
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "ttl", "nt", "jsonld"])
    parser.add_argument("--no-newlines", action="store_true",
                        help="one line of text per document (the issue's 150 MB target at 50 MB)")
    args = parser.parse_args()
    if not THESIS.exists():
        print(f"{THESIS} not found: the benchmark repeats the thesis text", file=sys.stderr)
        return 2
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores shared: figures measured under load)"
          + ("; documents without newlines" if args.no_newlines else ""))
    print(f"{'size':>8} {'seconds':>8} {'MB/s':>6} {'CPU s':>7} {'MB/CPU s':>8} {'items':>9} "
          f"{'peak RSS':>9}  exit")
    with tempfile.TemporaryDirectory(prefix="kzmig-extract-") as tmp:
        for megabytes in sorted(args.sizes):
            doc = Path(tmp) / f"doc-{megabytes}mb.txt"
            size = make_document(doc, megabytes, newlines=not args.no_newlines)
            out = Path(tmp) / f"out-{megabytes}.{args.format}"
            seconds, code, peak, lines, cpu = run(doc, out, args.format)
            megabytes_read = size / (1 << 20)
            print(f"{megabytes_read:6.1f}MB {seconds:8.1f} {megabytes_read / seconds:6.2f} "
                  f"{cpu:7.1f} {megabytes_read / cpu:8.2f} {lines:9d} {peak:7.0f}MiB  {code}")
            doc.unlink()
            out.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
