"""Benchmark: `kzmig-kg push` of a release into each tested store, against `oxigraph load`.

    .venv/bin/python benchmarks/push.py [--release dist] [--repeat 3] [--chunk-size 20000]
        [--gsp] [--no-virtuoso] [--no-oxigraph]

Prints, for an Oxigraph server (read-write, on disk) and, when installed, a new Virtuoso
database: the median wall time of a push of the release's N-Quads (staging upload, count checks,
the swap) and its throughput in triples per second; then the same for `oxigraph load` of the
same file into a new store directory, the obvious alternative (offline, not atomic for readers
of a running server), and the ratio (target at 1M triples: push within 3x of the load). The
machine's load average is printed with the figures, and where the time of each push went
(reading the release, upload, counting the staging graphs, the swap, counting the live graphs).
``--gsp`` also times the Oxigraph push graph by graph through the Graph Store Protocol (the path
before the bulk upload). On the Oxigraph server it times, each into a new server, a first push
(no live graph yet: one transactional load, no staging or swap) and the same first push the way
it went before (bulk staging upload, then the swap), and a second push onto the live graphs
(staging and swap, the only atomic way to replace them there; the graphs that already hold the
release are kept). Figures only; nothing is asserted.
``--designs`` times instead, on the same file, each way the Oxigraph 0.5 server offers to write
it (see ``oxigraph_designs``), to find an atomic replacement cheaper than the swap.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from kzmig_kg.publish.push import StoreEndpoints, push_release, read_release
from kzmig_kg.publish.servers import oxigraph_executable, oxigraph_server
from kzmig_kg.publish.virtuoso import PASSWORD, USER, virtuoso_server

ROOT = Path(__file__).resolve().parents[1]


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def pushes(name: str, release: Path, endpoints: StoreEndpoints, args, times: int = 0) -> float:
    """The median wall time of ``times`` (default ``args.repeat``) pushes; prints the phases of
    each."""
    seconds = []
    for _ in range(times or args.repeat):
        started = time.perf_counter()
        result = push_release(release, endpoints, chunk_triples=args.chunk_size, timeout=3600)
        seconds.append(time.perf_counter() - started)
        phases = ", ".join(f"{phase} {value:.2f} s" for phase, value in result.phases.items())
        print(f"  {name}: {seconds[-1]:.2f} s ({phases}); load {os.getloadavg()[0]:.2f}", flush=True)
    return statistics.median(seconds)


def oxigraph_pushes(release: Path, work: Path, args) -> dict[str, float]:
    """First pushes into new Oxigraph servers, now and as before, and second pushes onto them."""
    runs: dict[str, list[float]] = {}
    for number in range(args.repeat):
        for how in ("now", "before"):
            with oxigraph_server(work / f"oxigraph-{how}-{number}", read_only=False,
                                 timeout_s=3600) as server:
                endpoints = StoreEndpoints.from_urls(server.query_url)
                if how == "before":    # staging and swap even with no live graph yet
                    endpoints = dataclasses.replace(endpoints, transactional=None)
                name = ("first push to Oxigraph, one transaction" if how == "now"
                        else "first push to Oxigraph, swap (before)")
                runs.setdefault(name, []).append(pushes(name, release, endpoints, args, 1))
                if how == "now":
                    name = "second push to Oxigraph (swap)"
                    runs.setdefault(name, []).append(pushes(name, release, endpoints, args, 1))
            shutil.rmtree(work / f"oxigraph-{how}-{number}", ignore_errors=True)
    return {name: statistics.median(seconds) for name, seconds in runs.items()}


def _post(url: str, body: bytes, media_type: str, method: str = "POST") -> None:
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": media_type})
    with urllib.request.urlopen(request, timeout=3600) as response:
        response.read()


def oxigraph_designs(release: Path, work: Path, args) -> dict[str, float]:
    """Each write path of the Oxigraph 0.5 server, on the release's N-Quads, each into a new
    server on disk: a transactional POST /store (atomic: the first push); the same with
    ?no_transaction (the bulk loader: not atomic, the floor); the second push as implemented onto
    a server whose live graphs hold the release (the graphs found unchanged are kept, the others,
    those with blank nodes, go through bulk staging, one COPY update and a DROP); one INSERT DATA
    update (atomic) and, for the same triples, a transactional POST /store: the server takes a
    SPARQL body of at most 128 MiB, so these carry the first ``--insert-triples`` triples only."""
    dump = (release / "kzmig.nq").read_bytes()
    results: dict[str, float] = {}

    @contextlib.contextmanager
    def fresh(name: str, load: bool = False):
        try:
            with oxigraph_server(work / name, load=release / "kzmig.nq" if load else None,
                                 read_only=False, timeout_s=3600) as server:
                yield server
        finally:
            shutil.rmtree(work / name, ignore_errors=True)

    with fresh("tx") as server:
        base = server.query_url.rsplit("/", 1)[0]
        results["POST /store, one transaction (first push)"] = timed(
            lambda: _post(f"{base}/store", dump, "application/n-quads"))
    with fresh("bulk") as server:
        base = server.query_url.rsplit("/", 1)[0]
        results["POST /store?no_transaction (bulk, not atomic)"] = timed(
            lambda: _post(f"{base}/store?no_transaction", dump, "application/n-quads"))
    with fresh("second", load=True) as server:
        name = "second push of the same release (unchanged graphs kept; the rest staged, COPY, DROP)"
        results[name] = pushes(name, release, StoreEndpoints.from_urls(server.query_url), args, 1)
    lines = dump.splitlines(keepends=True)[: args.insert_triples]
    graphs: dict[bytes, list[bytes]] = {}
    for line in lines:
        triple, _, graph = line.rstrip().rstrip(b" .").rpartition(b" ")
        graphs.setdefault(graph, []).append(triple + b" .")
    blocks = (b"GRAPH " + graph + b" {\n" + b"\n".join(triples) + b"\n}\n"
              for graph, triples in graphs.items())
    update = b"INSERT DATA {\n" + b"".join(blocks) + b"}"
    print(f"  INSERT DATA body: {len(update) / 2**20:.1f} MiB for {len(lines)} triples", flush=True)
    with fresh("insert-data") as server:
        base = server.query_url.rsplit("/", 1)[0]
        results[f"INSERT DATA, {len(lines)} triples, one update"] = timed(
            lambda: _post(f"{base}/update", update, "application/sparql-update"))
    with fresh("drop-insert", load=True) as server:
        base = server.query_url.rsplit("/", 1)[0]
        drops = b" ;\n".join(b"DROP SILENT GRAPH " + graph for graph in sorted(set(
            line.rstrip().rstrip(b" .").rpartition(b" ")[2] for line in dump.splitlines())))
        results[f"DROP the live graphs + INSERT DATA, {len(lines)} triples, one update"] = timed(
            lambda: _post(f"{base}/update", drops + b" ;\n" + update, "application/sparql-update"))
    with fresh("tx-part") as server:
        base = server.query_url.rsplit("/", 1)[0]
        results[f"POST /store, {len(lines)} triples, one transaction"] = timed(
            lambda: _post(f"{base}/store", b"".join(lines), "application/n-quads"))
    for name, seconds in results.items():
        print(f"  {name}: {seconds:.2f} s; load {os.getloadavg()[0]:.2f}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", type=Path, default=ROOT / "dist")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk-size", type=int, default=20_000)
    parser.add_argument("--gsp", action="store_true", help="also push to Oxigraph graph by graph")
    parser.add_argument("--no-virtuoso", action="store_true")
    parser.add_argument("--no-oxigraph", action="store_true", help="skip the Oxigraph server")
    parser.add_argument("--designs", action="store_true",
                        help="time each write path of the Oxigraph server instead (one run each)")
    parser.add_argument("--insert-triples", type=int, default=500_000,
                        help="triples of the INSERT DATA design (its body must stay under 128 MiB)")
    args = parser.parse_args()
    triples = sum(g.triples for g in read_release(args.release, args.chunk_size)[1])
    print(f"release {args.release}: {triples} triples; median of {args.repeat} runs; "
          f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as work:
        if args.designs:
            results.update(oxigraph_designs(args.release, Path(work), args))
        elif not args.no_oxigraph:
            results.update(oxigraph_pushes(args.release, Path(work), args))
        if args.gsp:
            with oxigraph_server(Path(work) / "oxigraph-gsp", read_only=False,
                                 timeout_s=3600) as server:
                name = "push to Oxigraph server (GSP)"
                endpoints = StoreEndpoints.from_urls(server.query_url, bulk=False)
                results[name] = pushes(name, args.release, endpoints, args)
        if args.no_virtuoso or args.designs:
            pass
        elif shutil.which("virtuoso-t"):
            os.environ.setdefault("KZMIG_PUSH_USER", USER)
            os.environ.setdefault("KZMIG_PUSH_PASSWORD", PASSWORD)
            with virtuoso_server(Path(work) / "virtuoso") as server:
                name = "push to Virtuoso"
                results[name] = pushes(name, args.release,
                                       StoreEndpoints.from_urls(server.auth_url), args)
        else:
            print("Virtuoso is not installed: skipped")
        loads = []
        for number in range(args.repeat):
            location = Path(work) / f"load-{number}"
            command = [oxigraph_executable(), "load", "--location", str(location),
                       "--file", str(args.release / "kzmig.nq")]
            loads.append(timed(lambda c=command: subprocess.run(c, check=True, capture_output=True)))
        results["oxigraph load (the alternative)"] = statistics.median(loads)
    baseline = results["oxigraph load (the alternative)"]
    for name, seconds in results.items():
        part = re.search(r"([0-9]+) triples", name)   # a design that carries part of the release
        rate = (int(part.group(1)) if part else triples) / seconds
        print(f"  {name:40s} {seconds:7.2f} s  {rate:10,.0f} triples/s  "
              f"{seconds / baseline:5.1f}x oxigraph load")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
