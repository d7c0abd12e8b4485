"""Benchmark: `kzmig-kg serve` under load on 127.0.0.1, against `oxigraph serve-read-only`.

    .venv/bin/python benchmarks/serve.py [--store dist/store] [--seconds 5] [--clients 1,8,32]
        [--processes N] [--workers N]

Starts the server (a new process, as a user would; by default one server process per core with
two SPARQL workers each), then for each scenario and each number of
concurrent clients (keep-alive HTTP/1.1 connections) sends requests for --seconds (at most 30;
every scenario stops by itself) and prints requests per second and the p50/p99 latency:
a resource page (HTML), the same resource as Turtle, a simple SELECT, the heaviest named query
(the slowest on the embedded store), a named-query page, a search. The simple SELECT is sent two
ways: the same text each time (answered from the server's memory after the first) and a new
text each time (a numbered comment, so no cache applies and a worker runs every query). Both are
then sent the same way to `oxigraph serve-read-only` on a copy of the store, each printed with
kzmig-kg's rate for the same requests as a ratio. Oxigraph runs
without --timeout-s: its 0.5 server starts one thread per query that sleeps out the whole limit,
so at thousands of queries a second it piles up tens of thousands of threads and aborts
("Resource temporarily unavailable"); that was why it died at 8 and 32 clients here before.
--only WORDS keeps the scenarios whose name contains WORDS (e.g. --only SELECT). Last: a runaway query
(stopped at --timeout-s) while 8 clients send the simple SELECT, and the server's memory.
The "CPU ms/req" column is the CPU time the server (all its processes: the supervisor, the
server processes and their SPARQL workers) spent per answer, from /proc: unlike req/s it hardly
depends on what else the machine runs. Memory is summed over the same processes. Figures only; nothing
is asserted. Targets (issue #13): Turtle >= 1000 req/s, page >= 500,
SELECT >= 300, p99 < 50 ms at 8 clients; SELECT within 2x of Oxigraph; runaway stopped within
its limit + 1 s with the others' p99 < 200 ms; RSS < 400 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from itertools import count
from pathlib import Path
from urllib.parse import quote, urlencode

from pyoxigraph import NamedNode

from kzmig_kg.pipeline.store import open_store
from kzmig_kg.publish.server.prefork import descendants
from kzmig_kg.publish.servers import free_port, oxigraph_server
from kzmig_kg.query.local import query_store
from kzmig_kg.query.named import bind_params, named_queries

ROOT = Path(__file__).resolve().parents[1]
ACT = "eli/kz/zakon/2011/477-IV"
SELECT = ("SELECT ?number WHERE { <https://w3id.org/kzmig/eli/kz/zakon/2011/477-IV> "
          "<http://data.europa.eu/eli/ontology#number> ?number }")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
MAX_SECONDS = 30


async def _connect(port: int, deadline: float, dropped: list[int]):
    while True:
        try:
            return await asyncio.open_connection("127.0.0.1", port)
        except ConnectionError:
            dropped.append(1)
            if time.perf_counter() > deadline:
                return None
            await asyncio.sleep(0.01)


async def _client(port: int, request: bytes | Callable[[], bytes], deadline: float,
                  latencies: list[float], errors: list[int], dropped: list[int]) -> None:
    connection = await _connect(port, deadline + 5, dropped)
    if connection is None:
        return
    reader, writer = connection
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                status = await _exchange(reader, writer, request() if callable(request) else request)
            except (ConnectionError, asyncio.IncompleteReadError, ValueError):
                status = None
            if status is None:  # the server closed or reset the connection: open another
                dropped.append(1)
                writer.close()
                connection = await _connect(port, deadline + 5, dropped)
                if connection is None:
                    return
                reader, writer = connection
                continue
            latencies.append(time.perf_counter() - started)
            if status >= 400:
                errors.append(status)
    finally:
        writer.close()


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    request: bytes) -> int | None:
    writer.write(request)
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        return None
    length = 0
    chunked = False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value:
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readline()).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(length)
    return int(status_line.split()[1])


def http_request(path: str, accept: str = "*/*", body: bytes | None = None,
                 content_type: str = "") -> bytes:
    head = f"{'POST' if body else 'GET'} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: {accept}\r\n"
    if body:
        head += f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
    return (head + "\r\n").encode() + (body or b"")


def load(port: int, request: bytes | Callable[[], bytes], clients: int,
         seconds: float) -> tuple[float, float, float, int]:
    """(req/s, p50 ms, p99 ms, errors) of ``clients`` keep-alive connections for ``seconds``;
    errors count answers >= 400 and connections the server dropped."""
    latencies: list[float] = []
    errors: list[int] = []
    dropped: list[int] = []

    async def run() -> float:
        deadline = time.perf_counter() + seconds
        started = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*[
            _client(port, request, deadline, latencies, errors, dropped) for _ in range(clients)]),
            timeout=seconds + 60)
        return time.perf_counter() - started

    elapsed = asyncio.run(run())
    latencies.sort()
    if not latencies:
        return 0.0, 0.0, 0.0, len(errors) + len(dropped)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return (len(latencies) / elapsed, statistics.median(latencies) * 1000, p99 * 1000,
            len(errors) + len(dropped))


def distinct(make: Callable[[int], bytes]) -> Callable[[], bytes]:
    """Requests numbered 0, 1, 2...: a new comment in each query, so no two share an answer."""
    numbers = count()
    return lambda: make(next(numbers))


def distinct_selects() -> Callable[[], bytes]:
    return distinct(lambda n: http_request("/sparql?" + urlencode({"query": f"{SELECT} # {n}"}),
                                           "application/sparql-results+json"))


def cycle_act_numbers(store_dir: Path) -> Callable[[], bytes]:
    """The acts-by-number page for every act number of the release in turn (a number the graph
    does not hold is refused with its closest matches, so the numbers are real; after the first
    round the answers come from the answer cache and the page is rendered each time)."""
    store = open_store(store_dir)
    numbers = sorted({q.object.value for q in store.quads_for_pattern(
        None, NamedNode("http://data.europa.eu/eli/ontology#number"), None, None)})
    requests = [http_request("/queries/acts-by-number?" + urlencode({"run": "1", "number": n}),
                             "text/html") for n in numbers]
    turn = count()
    return lambda: requests[next(turn) % len(requests)]


def cycle_pages(store_dir: Path, template: str) -> Callable[[], bytes]:
    """Requests for every resource of /id/ and /eli/ in turn (about 4,000: more than the
    server's caches hold, so each is rendered afresh)."""
    store = open_store(store_dir)
    paths = sorted({q.subject.value.removeprefix("https://w3id.org/kzmig/") for q in
                    store.quads_for_pattern(None, None, None, None)
                    if isinstance(q.subject, NamedNode)
                    and q.subject.value.startswith(("https://w3id.org/kzmig/id/", "https://w3id.org/kzmig/eli/"))})
    numbers = count()
    return lambda: http_request(template.format(paths[next(numbers) % len(paths)]),
                                "text/html" if template.startswith("/page") else "text/turtle")


def heaviest_named_query(store_dir: Path) -> tuple[str, str]:
    store = open_store(store_dir)
    timed = []
    for name, query in named_queries().items():
        if name.startswith("checks/") or query.params:
            continue  # parameters are bound by substitution, which /sparql does not do
        started = time.perf_counter()
        query_store(store, query.text, bind_params(query, {}), source=name)
        timed.append((time.perf_counter() - started, name, query.text))
    _, name, text = max(timed)
    return name, text


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants now alive: the server's processes, their SPARQL workers."""
    return [pid, *descendants(pid)]


def rss_mb(pid: int) -> float:
    """Resident memory summed over the whole process tree (shared pages counted in each)."""
    total = 0
    for each in process_tree(pid):
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def rss_by_kind(pid: int) -> str:
    """The RSS of each kind of process of the tree: the supervisor (or the one server process),
    the server processes it forked, the SPARQL workers."""
    kinds: dict[str, list[float]] = {}
    for each in process_tree(pid):
        try:
            command = Path(f"/proc/{each}/cmdline").read_bytes()
            rss = next(int(line.split()[1]) for line in
                       Path(f"/proc/{each}/status").read_text().splitlines()
                       if line.startswith("VmRSS:")) / 1024
        except (OSError, StopIteration):
            continue
        kind = ("SPARQL workers" if b"worker_process" in command else
                "supervisor" if each == pid else "server processes")
        kinds.setdefault(kind, []).append(rss)
    return "; ".join(f"{kind} {len(sizes)} x {sum(sizes) / len(sizes):.0f} MB"
                     for kind, sizes in kinds.items())


def pss_mb(pid: int) -> float:
    """Proportional memory summed over the process tree: a page shared by n processes (what the
    forked processes inherit) counts 1/n in each, so the sum is what the tree holds."""
    total = 0
    for each in process_tree(pid):
        try:
            for line in Path(f"/proc/{each}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its descendants now alive (/proc/PID/stat)."""
    total = 0
    for each in process_tree(pid):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])   # utime, stime (fields 14 and 15)
        except (OSError, ValueError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def measured(pid: int, port: int, request: bytes | Callable[[], bytes], clients: int,
             seconds: float) -> tuple[float, float, float, int, float]:
    """``load(...)`` and the server's CPU milliseconds per answer."""
    before, started = cpu_seconds(pid), time.perf_counter()
    rate, p50, p99, errors = load(port, request, clients, seconds)
    answers = rate * (time.perf_counter() - started)
    return rate, p50, p99, errors, (cpu_seconds(pid) - before) * 1000 / answers if answers else 0.0


def wait_ready(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("kzmig-kg serve exited at start")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("kzmig-kg serve did not start within 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "dist" / "store")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--workers", type=int, default=None,
                        help="SPARQL workers in all (default: the server's, 2 per process)")
    parser.add_argument("--processes", type=int, default=None,
                        help="server processes (default: the server's, one per core)")
    parser.add_argument("--timeout-s", type=float, default=3.0)
    parser.add_argument("--only", default="", help="run only the scenarios whose name contains this")
    args = parser.parse_args()
    seconds = min(args.seconds, MAX_SECONDS)
    levels = [int(c) for c in args.clients.split(",")]
    name, heavy = heaviest_named_query(args.store)
    port = free_port()
    command = [str(Path(sys.executable).with_name("kzmig-kg")), "serve", "--store", str(args.store),
               "--port", str(port), "--timeout-s", str(args.timeout_s)]
    for flag, value in (("--workers", args.workers), ("--processes", args.processes)):
        if value is not None:
            command += [flag, str(value)]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, stdout=log, stderr=log)
        try:
            wait_ready(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", server)
            scenarios = [
                ("resource page (HTML)", http_request(f"/page/{ACT}", "text/html")),
                ("resource page, a new resource each time (not cached)", cycle_pages(args.store, "/page/{}")),
                ("resource as Turtle", http_request(f"/data/{ACT}.ttl", "text/turtle")),
                ("Turtle, a new resource each time (not cached)", cycle_pages(args.store, "/data/{}.ttl")),
                ("simple SELECT (same text: answer cache)", http_request(
                    "/sparql?" + urlencode({"query": SELECT}), "application/sparql-results+json")),
                ("simple SELECT (new text each time: run by a worker)", distinct_selects()),
                (f"heaviest named query ({name}, new text each time)", distinct(
                    lambda n: http_request("/sparql", "application/sparql-results+json",
                                           urlencode({"query": f"{heavy}\n# {n}"}).encode(),
                                           "application/x-www-form-urlencoded"))),
                ("named-query page (acts-by-number, each act's number in turn)",
                 cycle_act_numbers(args.store)),
                ("search ?q=quota", http_request("/search?q=quota", "text/html")),
            ]
            scenarios = [(label, request) for label, request in scenarios if args.only in label]
            print(f"kzmig-kg serve, {len(process_tree(server.pid)) - 1} child processes (server "
                  f"processes, SPARQL workers), {seconds:g} s per run; "
                  f"load average before: {_load()}")
            print(f"{'scenario':<58} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} "
                  f"{'CPU ms/req':>10}")
            ours = {}
            for label, request in scenarios:
                for clients in levels:
                    rate, p50, p99, errors, cpu = measured(server.pid, port, request, clients, seconds)
                    if label.startswith("simple SELECT"):
                        ours[label, clients] = rate
                    print(f"{label:<58} {clients:>7} {rate:>8.0f} {p50:>8.1f} {p99:>8.1f} {errors:>6} "
                          f"{cpu:>10.2f}")
            print(f"load average after: {_load()}")
            if not args.only:
                _runaway(port, seconds, args.timeout_s)
            print(f"server RSS summed over all its processes ({len(process_tree(server.pid))}: "
                  f"supervisor, server processes, SPARQL workers): {rss_mb(server.pid):.0f} MB "
                  f"(shared pages counted in each); proportional (PSS): {pss_mb(server.pid):.0f} MB; "
                  f"by process: {rss_by_kind(server.pid)}")
        finally:
            server.terminate()
            server.wait(timeout=15)
    _oxigraph(args.store, seconds, levels, ours)


def _runaway(port: int, seconds: float, timeout_s: float) -> None:
    body = urlencode({"query": RUNAWAY}).encode()
    result: dict[str, float] = {}

    def runaway() -> None:
        started = time.perf_counter()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/sparql", data=body)
        try:
            urllib.request.urlopen(request, timeout=60).read()
            result["status"] = 200
        except urllib.error.HTTPError as error:
            result["status"] = error.code
        result["elapsed"] = time.perf_counter() - started

    import threading
    import urllib.error
    thread = threading.Thread(target=runaway)
    thread.start()
    rate, p50, p99, errors = load(port, distinct_selects(), 8, max(seconds, timeout_s + 1))
    thread.join(60)
    print(f"runaway query: HTTP {result.get('status')} after {result.get('elapsed', 0):.2f} s "
          f"(limit {timeout_s:g} s); meanwhile 8 clients' simple SELECTs (new texts): {rate:.0f} req/s, "
          f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, {errors} errors; load average {_load()}")


def _oxigraph(store_dir: Path, seconds: float, levels: list[int],
              ours: dict[tuple[str, int], float]) -> None:
    """The simple SELECT on `oxigraph serve-read-only`, sent as to kzmig-kg: the same text each
    time, and a new text each time (a numbered comment); each printed with kzmig-kg's rate for
    the same requests as a ratio (Oxigraph keeps no answer cache, so its two rates are alike)."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "store"
        shutil.copytree(store_dir, copy)
        with oxigraph_server(copy, read_only=True, timeout_s=None) as server:
            port = int(server.base.rsplit(":", 1)[1])
            same = http_request("/query?" + urlencode({"query": SELECT}, quote_via=quote),
                                "application/sparql-results+json")
            new = distinct(lambda n: http_request(
                "/query?" + urlencode({"query": f"{SELECT} # {n}"}, quote_via=quote),
                "application/sparql-results+json"))
            print(f"oxigraph serve-read-only (no --timeout-s) on a copy of the store; load average {_load()}")
            for label, request, mine in (("same text", same, "simple SELECT (same text"),
                                         ("new text each time", new, "simple SELECT (new text")):
                for clients in levels:
                    if server.process.poll() is not None:
                        print(f"oxigraph serve-read-only exited with code {server.process.returncode}")
                        return
                    rate, p50, p99, errors, cpu = measured(server.process.pid, port, request,
                                                           clients, seconds)
                    kzmig = next((r for (name, c), r in ours.items()
                                  if name.startswith(mine) and c == clients), None)
                    ratio = f"{kzmig / rate:.2f}" if kzmig is not None and rate else "-"
                    if errors:
                        ratio = f"not comparable: Oxigraph dropped {errors} connections"
                    print(f"{'simple SELECT, ' + label + ' (oxigraph)':<58} {clients:>7} {rate:>8.0f} "
                          f"{p50:>8.1f} {p99:>8.1f} {errors:>6} {cpu:>10.2f}   kzmig-kg/oxigraph = {ratio}")
            print(f"load average after: {_load()}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
