"""Benchmark: the release stage's parts (pipeline/release/), each timed alone on a finished release.

    .venv/bin/python benchmarks/release_parts.py /tmp/kz17i-1m-base [--scratch /tmp/parts]
        [--only trig jsonld ...] [--repeat 3]

Each part runs in a forked process of its own, which opens the release's store read-only (a
fork never copies an open RocksDB), writes into ``--scratch`` (removed at the end) and is timed
by its own CPU seconds (user + system, its threads included, from ``wait4``) and wall seconds;
the release's files are read, never changed. The parts are those a streaming build runs
(``write_release`` with the store parts): the N-Quads and N-Triples made from the text the store
was loaded from (here the release's ``kzmig.nq``, in the store's order and without the repeats
a build's text has), VoID's description, TriG, Turtle with RDF/XML,
JSON-LD, the search index (with its passages), the framed documents and the schema.org view.
Prints the load average with the figures: on a shared machine the wall time counts the other
processes' work too, so the CPU seconds are the figure to compare.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kzmig_kg.pipeline.reason import ReasoningResult
from kzmig_kg.pipeline.release import FILES, PASSAGES, _context
from kzmig_kg.pipeline.release import dumps as release_dumps
from kzmig_kg.pipeline.release.framed import write_framed
from kzmig_kg.pipeline.release.schemaorg import export_schemaorg
from kzmig_kg.pipeline.release.search_index import write_passages, write_search_index
from kzmig_kg.pipeline.release.void import describe_release
from kzmig_kg.pipeline.validate import ValidationReport


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _store(release: Path) -> ox.Store:
    return ox.Store.read_only(str(release / "store"))


def _timed(part: Callable[[], object]) -> tuple[float, float, int]:
    """``part()`` in a forked child: (CPU s, wall s, exit status)."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            part()
        except BaseException as error:  # noqa: BLE001 - reported by the parent as a failure
            print(f"  failed: {type(error).__name__}: {error}", flush=True)
            code = 1
        os._exit(code)
    _pid, status, usage = os.wait4(pid, 0)
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start, status


def parts(release: Path, scratch: Path) -> dict[str, Callable[[], object]]:
    loaded = release / "kzmig.nq"
    context = _context()
    # what the store parts give the JSON-LD in a build (``write_data_dumps``), found here untimed
    scattered_found = release_dumps.scattered_subjects(loaded)

    counted = getattr(release_dumps, "write_counted_data_dumps", None)

    def from_text() -> None:
        release_dumps.write_data_dumps(_store(release), scratch, loaded)

    def void() -> None:
        validation = ValidationReport(True, Graph(), triples_checked=0)
        reasoning = ReasoningResult(False, None, 0.0, 0, "skipped with --no-reason")
        describe_release(_store(release), validation, reasoning, FILES)

    def void_counted() -> None:  # the counts taken by the text's pass (from-text) beside SHACL
        store = _store(release)
        counts = counted(store, scratch, loaded)[1] if counted is not None else None
        validation = ValidationReport(True, Graph(), triples_checked=0)
        reasoning = ReasoningResult(False, None, 0.0, 0, "skipped with --no-reason")
        start = time.process_time()
        if counts is None:  # a version without the text's counts: the queries
            describe_release(store, validation, reasoning, FILES)
        else:
            describe_release(store, validation, reasoning, FILES, counts)
        print(f"    (the description itself, from the text's counts: "
              f"{time.process_time() - start:.2f} s of CPU)")

    def trig() -> None:
        release_dumps._write_trig(scratch, FILES)

    def turtle_rdfxml() -> None:
        release_dumps._write_from_ntriples(scratch, FILES)

    def jsonld() -> None:
        release_dumps._write_jsonld(scratch, scattered_found, context)

    def search() -> None:
        (scratch / "search.sqlite").unlink(missing_ok=True)  # an earlier run's
        store = _store(release)
        write_passages(store, scratch / PASSAGES)
        write_search_index(store, scratch / "search.sqlite", scratch / "kzmig.nt",
                           passages=scratch / PASSAGES)

    def framed() -> None:
        write_framed(_store(release), context, scratch)

    def schemaorg() -> None:
        export_schemaorg(_store(release), scratch / "kzmig-schemaorg.jsonld")

    return {"from-text": from_text, "void": void, "from-text+void": void_counted, "trig": trig,
            "turtle+rdfxml": turtle_rdfxml, "jsonld": jsonld, "search": search, "framed": framed,
            "schemaorg": schemaorg}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path, help="a finished release (kzmig-kg build --out)")
    parser.add_argument("--scratch", type=Path, default=None,
                        help="where the parts write (default: a new directory beside the release)")
    parser.add_argument("--only", nargs="+", default=None, help="the parts to time")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each part (least CPU kept)")
    args = parser.parse_args()
    release = args.release.resolve()
    scratch = args.scratch or release.with_name(release.name + "-parts")
    scratch.mkdir(parents=True, exist_ok=False)
    try:
        for name in ("kzmig.nq", "kzmig.nt"):
            os.symlink(release / name, scratch / name)
        print(f"release parts of {release} (load average {_load()} at the start)")
        total = 0.0
        for name, part in parts(release, scratch).items():
            if args.only and name not in args.only:
                continue
            runs = [_timed(part) for _ in range(args.repeat)]
            cpu, wall, status = min(runs)
            total += cpu if name != "from-text+void" else 0.0
            state = "" if all(run[2] == 0 for run in runs) else "  FAILED"
            most = f" (most {max(runs)[0]:5.2f})" if args.repeat > 1 else ""
            print(f"  {name:24s} CPU {cpu:6.2f} s{most}   wall {wall:6.2f} s   load {_load()}{state}",
                  flush=True)
        print(f"  {'all (but from-text+void)':24s} CPU {total:6.2f} s")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
