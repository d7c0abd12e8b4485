"""Benchmark: SHACL engines on the same data, against pyshacl's report: time, peak RSS, equality.

    .venv/bin/python benchmarks/shacl_engines.py                          # the 74 fixtures
    .venv/bin/python benchmarks/shacl_engines.py --store /tmp/kz17b-1m/dist/store

The engines: ``sparql`` (the shapes compiled to SPARQL on the pyoxigraph store, what the
streaming build uses: pipeline/shacl_sparql/), ``turbo`` (pyshacl-turbo over the store's union
read as N-Triples text, the previous build), ``jena`` (Apache Jena 4.5's SHACL engine from
Debian, benchmarks/java/JenaShacl.java, on an N-Triples file) and ``rudof`` (pyrudof's native
engine, on the same N-Triples text).

Without --store: every data fixture of tests/fixtures with the ontology, validated by pyshacl
and by each engine; per engine, how many files give a different report (focus node, path,
severity, source shape, constraint component, value; tests/test_shacl_at_scale.py's `results`).
With --store (a release's on-disk store, e.g. a build of benchmarks/generate.py's data): each
engine in its own process with a deadline, on the same store; seconds, peak RSS of that process
and the number of results, and whether each engine's results equal the sparql engine's. The
load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ENGINES = ("sparql", "turbo", "jena", "rudof")
DEADLINE_S = 900
JAVA = ROOT / "benchmarks" / "java" / "JenaShacl.java"


def _load(when: str) -> str:
    one, five, fifteen = os.getloadavg()
    text = f"[load average {when}: {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores]"
    print(text, flush=True)
    return text


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _shapes_file(directory: Path) -> Path:
    from kzmig_kg.pipeline.validate import load_shapes
    path = directory / "shapes.ttl"
    load_shapes()[0].serialize(path, format="turtle")
    return path


def _jena(shapes: Path, data_files: list[Path], out_dir: Path) -> list[tuple[float, Path]]:
    from tests.jvm import JAVA_LIBS, jena_message_bundles
    bundles = jena_message_bundles(out_dir / "bundles")
    heap = os.environ.get("KZMIG_JENA_HEAP", "4g")
    done = subprocess.run(
        ["java", f"-Xmx{heap}", "-cp", f"{bundles}{os.pathsep}{JAVA_LIBS}/*", str(JAVA),
         str(shapes), str(out_dir), *map(str, data_files)],
        capture_output=True, text=True, timeout=DEADLINE_S, check=False)
    if done.returncode != 0:
        raise RuntimeError("Jena: " + " | ".join(done.stderr.strip().splitlines()[-3:]))
    timings = []
    for line in done.stdout.split("\n"):
        if line.strip():
            index, seconds, _count = line.split()
            timings.append((float(seconds), out_dir / f"{index}.nt"))
    return timings


def _rudof(shapes_text: str, data_text: str):
    import pyrudof
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(data_text, pyrudof.RDFFormat.NTriples)
    rudof.read_shacl(shapes_text, pyrudof.ShaclFormat.Turtle)
    rudof.validate_shacl()
    return rudof.serialize_shacl_validation_results(pyrudof.ResultShaclValidationFormat.Turtle)


def _report_graph(text: str, fmt: str):
    from rdflib import Graph
    return Graph().parse(data=text, format=fmt)


def compare_fixtures(engines: list[str]) -> int:
    import pyoxigraph as ox
    import pyshacl
    from rdflib import Graph

    from kzmig_kg.paths import ONTOLOGY_DIR
    from kzmig_kg.pipeline.shacl_sparql import validate_with_sparql
    from kzmig_kg.pipeline.validate import load_shapes
    from tests.test_shacl_at_scale import FIXTURE_FILES, results

    shapes = load_shapes()[0]
    shapes_text = shapes.serialize(format="turtle")
    ontology = Graph()
    ontology.parse(ONTOLOGY_DIR / "kzmig.ttl")
    ontology.parse(ONTOLOGY_DIR / "imports" / "external.ttl")
    seconds = dict.fromkeys(["pyshacl", *engines], 0.0)
    differ = dict.fromkeys(engines, 0)
    failed: dict[str, str] = {}
    references, texts = [], []
    for path in FIXTURE_FILES:
        data = Graph()
        data += ontology
        data.parse(path)
        start = time.perf_counter()
        report = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                  allow_warnings=True)[1]
        seconds["pyshacl"] += time.perf_counter() - start
        references.append(results(report))
        texts.append(data.serialize(format="nt"))
    found: dict[str, list[set]] = {}
    with tempfile.TemporaryDirectory(prefix="kzmig-shacl-") as tmp:
        work = Path(tmp)
        for engine in engines:
            found[engine] = []
            try:
                if engine == "jena":
                    files = []
                    for i, text in enumerate(texts):
                        files.append(work / f"data-{i}.nt")
                        files[-1].write_text(text, encoding="utf-8")
                    for took, report_file in _jena(_shapes_file(work), files, work):
                        seconds[engine] += took
                        found[engine].append(results(_report_graph(
                            report_file.read_text(encoding="utf-8"), "nt")))
                    continue
                for text in texts:
                    start = time.perf_counter()
                    if engine == "sparql":
                        store = ox.Store()
                        store.bulk_load(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES)
                        report = validate_with_sparql(store, shapes)[1]
                    elif engine == "turbo":
                        import pyshacl_turbo
                        from pyshacl_turbo.rdf import Input
                        report = pyshacl_turbo.validate(
                            Input(text, "nquads", None, {}), shacl_graph=shapes,
                            inference="none", advanced=True, allow_warnings=True)[1]
                    else:
                        report = _report_graph(_rudof(shapes_text, text), "turtle")
                    seconds[engine] += time.perf_counter() - start
                    found[engine].append(results(report))
            except Exception as error:  # an engine that cannot run is reported, not fatal
                failed[engine] = f"{type(error).__name__}: {str(error)[:200]}"
    for index, path in enumerate(FIXTURE_FILES):
        marks = []
        for engine in engines:
            if engine in failed or index >= len(found[engine]):
                continue
            same = found[engine][index] == references[index]
            differ[engine] += not same
            marks.append(f"{engine} {'same' if same else 'DIFFERENT'}")
        print(f"{len(references[index]):>4} results  {', '.join(marks):<60} "
              f"{path.relative_to(ROOT)}", flush=True)
    print(f"\n{len(FIXTURE_FILES)} fixture files; seconds in all: pyshacl {seconds['pyshacl']:.1f}")
    for engine in engines:
        state = failed.get(engine) or f"{differ[engine]} differ from pyshacl"
        print(f"  {engine:<7} {seconds[engine]:6.1f} s  {state}")
    return sum(differ.values()) + len(failed)


def run_engine(engine: str, store_dir: Path, union_file: Path, out: Path) -> None:
    """One engine on the store (child process): a JSON line of seconds, peak RSS, results."""
    import pyoxigraph as ox

    from kzmig_kg.pipeline.validate import load_shapes
    from tests.test_shacl_at_scale import results

    shapes = load_shapes()[0]
    start, cpu = time.perf_counter(), time.process_time()
    if engine == "sparql":
        from kzmig_kg.pipeline.shacl_sparql import validate_with_sparql
        store = ox.Store.read_only(str(store_dir))
        report = validate_with_sparql(store, shapes)[1]
    elif engine == "turbo":
        import pyshacl_turbo
        from pyshacl_turbo.rdf import Input
        store = ox.Store.read_only(str(store_dir))
        union = ox.serialize(store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"),
                             format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        report = pyshacl_turbo.validate(Input(union, "nquads", None, {}), shacl_graph=shapes,
                                        inference="none", advanced=True, allow_warnings=True)[1]
    elif engine == "rudof":
        report = _report_graph(_rudof(shapes.serialize(format="turtle"),
                                      union_file.read_text(encoding="utf-8")), "turtle")
    else:
        with tempfile.TemporaryDirectory(prefix="kzmig-jena-") as tmp:
            ((_took, report_file),) = _jena(_shapes_file(Path(tmp)), [union_file], Path(tmp))
            report = _report_graph(report_file.read_text(encoding="utf-8"), "nt")
    seconds = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the JVM's CPU, for jena
    cpu = time.process_time() - cpu + children.ru_utime + children.ru_stime
    found = sorted(results(report))
    rss = _rss_mib() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out.write_text(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mib": rss, "results": found}),
                   encoding="utf-8")


def compare_on_store(store_dir: Path, engines: list[str]) -> None:
    import pyoxigraph as ox
    with tempfile.TemporaryDirectory(prefix="kzmig-shacl-") as tmp:
        union_file = Path(tmp) / "union.nt"
        store = ox.Store.read_only(str(store_dir))
        start = time.perf_counter()
        with union_file.open("wb") as sink:
            ox.serialize(store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"),
                         sink, format=ox.RdfFormat.N_TRIPLES)
        triples = sum(1 for _ in union_file.open("rb"))
        del store
        print(f"{store_dir}: {triples:,} triples in the union (written as N-Triples for jena and "
              f"rudof in {time.perf_counter() - start:.1f} s, not counted in their time)", flush=True)
        _load("start")
        measured = {}
        for engine in engines:
            out = Path(tmp) / f"{engine}.json"
            try:
                subprocess.run([sys.executable, __file__, "--run", engine, "--store", str(store_dir),
                                "--union", str(union_file), "--out", str(out)],
                               timeout=DEADLINE_S, check=True)
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
                print(f"  {engine:<7} failed: {error}", flush=True)
                continue
            measured[engine] = json.loads(out.read_text(encoding="utf-8"))
            m = measured[engine]
            same = "" if "sparql" not in measured else \
                f"; results equal the sparql engine's: {m['results'] == measured['sparql']['results']}"
            print(f"  {engine:<7} {m['seconds']:7.1f} s ({m['cpu']:.1f} s CPU)  "
                  f"peak RSS {m['rss_mib']:7,.0f} MiB  "
                  f"{len(m['results'])} results{same}  ({triples / m['seconds']:,.0f} triples/s)",
                  flush=True)
            _load(f"after {engine}")
        if "sparql" in measured:
            base = measured["sparql"]["seconds"]
            print("ratios to the sparql engine: " + ", ".join(
                f"{e} {m['seconds'] / base:.1f}x" for e, m in measured.items() if e != "sparql"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a release's on-disk pyoxigraph store")
    parser.add_argument("--engines", default=",".join(ENGINES),
                        help=f"comma-separated, of {', '.join(ENGINES)}")
    parser.add_argument("--run", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--union", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    engines = [e for e in args.engines.split(",") if e]
    if args.run:
        run_engine(args.run, args.store, args.union, args.out)
        return
    _load("start")
    if args.store is None:
        sys.exit(1 if compare_fixtures(engines) else 0)
    compare_on_store(args.store, engines)
    _load("end")


if __name__ == "__main__":
    main()
