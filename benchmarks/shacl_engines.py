"""Benchmark: SHACL at scale (pyshacl-turbo over the store) against pyshacl, report and time.

    .venv/bin/python benchmarks/shacl_engines.py                      # the fixtures, file by file
    .venv/bin/python benchmarks/shacl_engines.py --data /tmp/kzmig-scale/1000000/data [--no-pyshacl]

Without --data: every data fixture of tests/fixtures with the ontology, validated by both engines
with the project's shapes; prints, per file, whether the results (focus node, path, severity,
source shape, constraint component, value) are the same, and the count of files that differ.
With --data: the records streamed into a store (pipeline/stream.py), then `validate_store`
(pyshacl-turbo) and, unless --no-pyshacl, pyshacl on an rdflib copy as the build's small path
does; seconds, peak RSS of this process, whether the findings are equal. Prints the load average.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def _load(when: str) -> None:
    one, five, fifteen = os.getloadavg()
    print(f"[load average {when}: {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores]",
          flush=True)


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def compare_fixtures() -> int:
    import pyshacl
    import pyshacl_turbo
    from pyshacl_turbo.rdf import Input
    from rdflib import Graph
    from test_shacl_at_scale import FIXTURE_FILES, results

    from kzmig_kg.paths import ONTOLOGY_DIR
    from kzmig_kg.pipeline.validate import load_shapes

    shapes = load_shapes()[0]
    ontology = Graph()
    ontology.parse(ONTOLOGY_DIR / "kzmig.ttl")
    ontology.parse(ONTOLOGY_DIR / "imports" / "external.ttl")
    differ = 0
    seconds = {"pyshacl": 0.0, "turbo": 0.0}
    for path in FIXTURE_FILES:
        data = Graph()
        data += ontology
        data.parse(path)
        start = time.perf_counter()
        _c, reference, _t = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                             advanced=True, allow_warnings=True)
        middle = time.perf_counter()
        _c, found, _t = pyshacl_turbo.validate(
            Input(data.serialize(format="nt"), "nquads", None, {}), shacl_graph=shapes,
            inference="none", advanced=True, allow_warnings=True)
        seconds["pyshacl"] += middle - start
        seconds["turbo"] += time.perf_counter() - middle
        same = results(reference) == results(found)
        differ += not same
        print(f"{'same' if same else 'DIFFERENT':<9} {len(results(reference)):>4} results  "
              f"{path.relative_to(ROOT)}", flush=True)
    print(f"{len(FIXTURE_FILES)} fixture files, {differ} differ; pyshacl {seconds['pyshacl']:.1f} s, "
          f"pyshacl-turbo {seconds['turbo']:.1f} s in all")
    return differ


def compare_on_data(data_dir: Path, with_pyshacl: bool) -> None:
    from kzmig_kg.pipeline.records import read_records
    from kzmig_kg.pipeline.stream import stream_store
    from kzmig_kg.pipeline.validate import validate_store

    records = read_records(data_dir)
    store = stream_store(records)
    print(f"{len(records.records):,} records, {len(store):,} quads; RSS so far {_rss_mib():,.0f} MiB",
          flush=True)
    start = time.perf_counter()
    turbo = validate_store(store, records)
    seconds = time.perf_counter() - start
    print(f"pyshacl-turbo over the store: {seconds:.1f} s for {turbo.triples_checked:,} triples "
          f"({turbo.triples_checked / seconds:,.0f}/s), conforms {turbo.conforms}, "
          f"{len(turbo.findings)} results; peak RSS {_rss_mib():,.0f} MiB", flush=True)
    _load("after pyshacl-turbo")
    if not with_pyshacl:
        return
    import pyoxigraph as ox
    from rdflib import Dataset

    from kzmig_kg.pipeline.validate import validate_graph
    start = time.perf_counter()
    dataset = Dataset()
    dataset.parse(data=ox.serialize(store, format=ox.RdfFormat.N_QUADS), format="nquads")
    reference = validate_graph(dataset, records)
    seconds_ref = time.perf_counter() - start
    same = [str(f) for f in reference.findings] == [str(f) for f in turbo.findings]
    print(f"rdflib + pyshacl: {seconds_ref:.1f} s, conforms {reference.conforms}, "
          f"{len(reference.findings)} results; findings equal: {same}; "
          f"pyshacl / turbo = {seconds_ref / seconds:.1f}x; peak RSS {_rss_mib():,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="a records directory (benchmarks/generate.py)")
    parser.add_argument("--no-pyshacl", action="store_true", help="with --data: turbo only")
    args = parser.parse_args()
    _load("start")
    if args.data is None:
        sys.exit(1 if compare_fixtures() else 0)
    compare_on_data(args.data, not args.no_pyshacl)
    _load("end")


if __name__ == "__main__":
    main()
