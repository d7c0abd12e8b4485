"""Benchmark: where the CPU of one SPARQL request with a new text goes, part by part.

    .venv/bin/python benchmarks/serve_parts.py [--store dist/store] [--requests 3000] [--seconds 5]

The simple SELECT of benchmarks/serve.py, a new text each time (no cache applies), measured as
CPU microseconds per request (user + system, of every process and thread involved, from
/proc; unlike req/s this hardly depends on what else the machine runs), adding one layer at a
time, each in the same run:
1. query: pyoxigraph parses and runs it and writes SPARQL results JSON (in this process);
2. worker: what a SPARQL worker process does with a job (``worker_process.answer``: the dataset
   options, the query, the answer's bytes and their frame), in this process;
3. + hop: the job sent to a real worker process and its answer read back (``WorkerPool.run``,
   one at a time from an event loop): the pipes, the frames, the wake-ups on both sides; beside
   it the same with plain blocking reads (no event loop), and a bare pipe round trip between two
   processes (the kernel's share);
4. + application: the ASGI application of `kzmig-kg serve` called directly (no HTTP), its
   /sparql fast path with the caches missed: the protocol's checks, negotiation, the access log;
   beside it the server process's own share, layer by layer, with the worker pool replaced by a
   fixed answer (the protocol handling, + the access log line, + Starlette's layers);
5. + HTTP: `kzmig-kg serve --processes 1 --workers 1` (uvicorn) over keep-alive HTTP/1.1
   connections (1 and 8 clients);
and for comparison over the same connections: an empty ASGI application (one fixed answer, no
query) under uvicorn and, when granian is installed (it is not a dependency: `pip install
granian`), under granian, the floor of any Python application behind each HTTP server; the
application of `kzmig-kg serve` under granian (its own worker processes, each with one SPARQL
worker); and `oxigraph serve-read-only` on a copy of the store, for the whole. Each numbered
line prints the part's own cost (its total minus the line above). Figures only; nothing is
asserted. The load average is printed: on a busy machine every figure grows.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import count
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve import SELECT, cpu_seconds, distinct_selects, http_request, load, wait_ready  # noqa: E402

from kzmig_kg.publish.server.app import Guarded, create_app  # noqa: E402
from kzmig_kg.publish.server.prefork import descendants  # noqa: E402
from kzmig_kg.publish.server.sparql import query_response  # noqa: E402
from kzmig_kg.publish.server.wire import (  # noqa: E402
    HEADER,
    Job,
    decode_answer,
    encode_job,
    read_frame,
    write_all,
)
from kzmig_kg.publish.server.worker_process import answer  # noqa: E402
from kzmig_kg.publish.server.workers import WorkerPool, _prefixes  # noqa: E402
from kzmig_kg.publish.servers import free_port, oxigraph_server  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
JSON = "application/sparql-results+json"
BASE = "http://127.0.0.1/sparql"


def job(number: int) -> Job:
    return Job(f"{SELECT} # {number}", JSON, "text/turtle", base_iri=BASE)


def per_call(calls: int, each) -> float:
    """CPU microseconds per call of ``each(number)``, in this process."""
    each(-1)
    started = time.process_time()
    for number in range(calls):
        each(number)
    return (time.process_time() - started) * 1e6 / calls


def children_cpu() -> float:
    return sum(cpu_seconds(pid) for pid in descendants(os.getpid()) if _is_worker(pid))


def _is_worker(pid: int) -> bool:
    try:
        return b"worker_process" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def hop(store_dir: Path, calls: int) -> float:
    """CPU microseconds per job sent to a worker process and answered (this process + worker)."""
    pool = WorkerPool(store_dir, 1)
    pool.start()

    async def send_all() -> None:
        for number in range(calls):
            found = await pool.run(job(number), 30.0)
            assert found.status == 200, found

    try:
        loop = _loop()
        loop.run_until_complete(pool.run(job(-1), 30.0))
        before, started = children_cpu(), time.process_time()
        loop.run_until_complete(send_all())
        return ((time.process_time() - started) + children_cpu() - before) * 1e6 / calls
    finally:
        pool.close()


def pipe_round_trip(calls: int) -> float:
    """CPU microseconds of a bare round trip of a few hundred bytes over two pipes between two
    processes (blocking reads, no Python work on either side): the kernel's share of a hop."""
    jobs_read, jobs_write = os.pipe()
    answers_read, answers_write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(jobs_write)
        os.close(answers_read)
        while data := os.read(jobs_read, 65_536):
            os.write(answers_write, data)
        os._exit(0)
    os.close(jobs_read)
    os.close(answers_write)
    message = b"x" * 300
    before, started = os.times(), time.process_time()
    for _ in range(calls):
        os.write(jobs_write, message)
        os.read(answers_read, 65_536)
    mine = time.process_time() - started
    os.close(jobs_write)
    os.waitpid(child, 0)
    after = os.times()
    theirs = (after.children_user + after.children_system) - (before.children_user +
                                                              before.children_system)
    os.close(answers_read)
    return (mine + theirs) * 1e6 / calls


def blocking_hop(store_dir: Path, calls: int) -> float:
    """CPU microseconds per job sent to a real worker process with plain blocking writes and
    reads (no event loop): the hop without asyncio."""
    pool = WorkerPool(store_dir, 1)
    pool.start()
    worker = pool._idle[0]
    os.set_blocking(worker.jobs, True)
    os.set_blocking(worker.answers, True)

    def one(number: int) -> None:
        write_all(worker.jobs, encode_job(job(number)))
        assert decode_answer(read_frame(worker.answers)).status == 200

    try:
        one(-1)
        before, started = children_cpu(), time.process_time()
        for number in range(calls):
            one(number)
        return ((time.process_time() - started) + children_cpu() - before) * 1e6 / calls
    finally:
        pool.close()


def application(store_dir: Path, calls: int) -> float:
    """CPU microseconds per /sparql GET given to the ASGI application directly (this process and
    its worker): Starlette, the fast path, a cache miss, the worker hop, the access log."""
    # the access log written as `kzmig-kg serve` writes it (to stderr there, to nothing here)
    logging.basicConfig(level=logging.INFO, stream=open(os.devnull, "w"),  # noqa: SIM115
                        format="%(asctime)s %(name)s %(message)s")
    app = create_app(store_dir, workers=1, timeout_s=30.0)
    headers = [(b"host", b"127.0.0.1"), (b"accept", JSON.encode())]

    query_strings = {number: urlencode({"query": f"{SELECT} # {number}"}).encode()
                     for number in range(-1, calls)}   # made before the clock starts

    async def call(number: int) -> None:
        sent = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            sent.append(message)

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": "GET", "scheme": "http", "path": "/sparql", "raw_path": b"/sparql",
                 "root_path": "", "query_string": query_strings[number],
                 "headers": headers, "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
        await app(scope, receive, send)
        assert sent[0]["status"] == 200, sent

    async def all_calls() -> None:
        for number in range(calls):
            await call(number)

    loop = _loop()
    app.state.pool.start()
    try:
        loop.run_until_complete(call(-1))
        before, started = children_cpu(), time.process_time()
        loop.run_until_complete(all_calls())
        return ((time.process_time() - started) + children_cpu() - before) * 1e6 / calls
    finally:
        app.state.pool.close()


async def empty_app(scope: dict, receive, send) -> None:
    """An ASGI application that answers every request with the same few bytes."""
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", JSON.encode()), (b"content-length", b"2")]})
    await send({"type": "http.response.body", "body": b"{}"})


def kzmig_app():
    """`kzmig-kg serve`'s application, for granian's --factory (the store from the environment)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    return create_app(os.environ["SERVE_PARTS_STORE"], workers=1, timeout_s=30.0)


class _FixedAnswer:
    """A worker pool that answers every job at once with the same answer (no hop, no query)."""

    def __init__(self, found):
        self.found = found

    async def run(self, job: Job, timeout_s: float):
        return self.found


def application_layers(store_dir: Path, calls: int) -> list[tuple[str, float]]:
    """CPU microseconds per /sparql GET of the server process alone (the worker pool replaced by
    one fixed answer): the protocol handling (``sparql.query_response`` and sending its answer),
    + the access log line and CORS headers (``app.Guarded``), + Starlette's own layers."""
    logging.basicConfig(level=logging.INFO, stream=open(os.devnull, "w"),  # noqa: SIM115
                        format="%(asctime)s %(name)s %(message)s")
    app = create_app(store_dir, workers=1, timeout_s=30.0)
    store = ox.Store.read_only(str(store_dir))
    app.state.pool = _FixedAnswer(decode_answer(answer(store, job(0), _prefixes())[HEADER:]))
    headers = [(b"host", b"127.0.0.1"), (b"accept", JSON.encode())]
    numbers = count()
    query_strings = [urlencode({"query": f"{SELECT} # {number}"}).encode()
                     for number in range(4 * (calls + 1))]

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        pass

    def scope() -> dict:
        return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                "method": "GET", "scheme": "http", "path": "/sparql", "raw_path": b"/sparql",
                "root_path": "", "query_string": query_strings[next(numbers)], "headers": headers,
                "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80), "app": app}

    async def protocol(found: dict) -> None:
        await (await query_response(app.state, found, receive))(found, receive, send)

    layers = [("protocol handling", protocol),
              ("+ access log and CORS", lambda found: Guarded(None, log=True)(found, receive, send)),
              ("+ Starlette", lambda found: app(found, receive, send))]
    loop = _loop()
    measured = []
    for name, layer in layers:
        async def each_call(layer=layer) -> None:
            for _ in range(calls):
                await layer(scope())
        loop.run_until_complete(layer(scope()))
        started = time.process_time()
        loop.run_until_complete(each_call())
        measured.append((name, (time.process_time() - started) * 1e6 / calls))
    return measured


def served(command: list[str], store_dir: Path, clients: int, seconds: float) -> tuple[float, float]:
    """(CPU microseconds per answer over the server's processes, req/s) of the server that
    ``command`` starts ({port} in it replaced), sent the new-text SELECT."""
    port = free_port()
    server = subprocess.Popen([part.replace("{port}", str(port)) for part in command],
                              cwd=Path(__file__).resolve().parent, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL,
                              env={**os.environ, "SERVE_PARTS_STORE": str(store_dir)})
    try:
        wait_ready(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", server)
        return _measured(server.pid, port, distinct_selects(), clients, seconds)
    finally:
        server.terminate()
        server.wait(15)


def oxigraph(store_dir: Path, clients: int, seconds: float) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "store"
        shutil.copytree(store_dir, copy)
        with oxigraph_server(copy, read_only=True, timeout_s=None) as server:
            numbers = count()
            return _measured(server.process.pid, int(server.base.rsplit(":", 1)[1]),
                             lambda: http_request("/query?" + urlencode(
                                 {"query": f"{SELECT} # {next(numbers)}"}, quote_via=quote), JSON),
                             clients, seconds)


def _measured(pid: int, port: int, request, clients: int, seconds: float) -> tuple[float, float]:
    before, started = cpu_seconds(pid), time.perf_counter()
    rate, _, _, _ = load(port, request, clients, seconds)
    answers = rate * (time.perf_counter() - started)
    return ((cpu_seconds(pid) - before) * 1e6 / answers if answers else 0.0), rate


def _loop() -> asyncio.AbstractEventLoop:
    import uvloop
    loop = uvloop.new_event_loop()
    asyncio.set_event_loop(loop)
    return loop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "dist" / "store")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    seconds = min(args.seconds, 30.0)
    store = ox.Store.read_only(str(args.store))
    prefixes = _prefixes()
    print(f"CPU per request, simple SELECT with a new text each time; load average before: {_load()}")
    rows = [("1. query (pyoxigraph: parse, run, results JSON)", per_call(
        args.requests, lambda n: store.query(f"{SELECT} # {n}", use_default_graph_as_union=True,
                                             base_iri=BASE).serialize(
            format=ox.QueryResultsFormat.JSON)))]
    rows.append(("2. worker (worker_process.answer)", per_call(
        args.requests, lambda n: answer(store, job(n), prefixes))))
    rows.append(("3. + hop to a worker process and back", hop(args.store, args.requests)))
    aside = [("   (3 with blocking reads, no event loop)", blocking_hop(args.store, args.requests)),
             ("   (a bare pipe round trip between two processes)", pipe_round_trip(args.requests))]
    aside += [(f"   (4's server process alone: {name})", cost)
              for name, cost in application_layers(args.store, args.requests)]
    rows.append(("4. + application (ASGI, no HTTP)", application(args.store, args.requests)))
    print(f"{'part':<58} {'total us':>9} {'part us':>8}")
    for index, (name, total) in enumerate(rows):
        own = total - rows[index - 1][1] if index else total
        print(f"{name:<58} {total:>9.0f} {own:>8.0f}")
    for name, total in aside:
        print(f"{name:<58} {total:>9.0f}")
    bin_dir = Path(sys.executable).parent
    kzmig = [str(bin_dir / "kzmig-kg"), "serve", "--port", "{port}", "--processes", "1",
             "--workers", "1", "--store", str(args.store)]
    for clients in (1, 8):
        total, rate = served(kzmig, args.store, clients, seconds)
        print(f"{f'5. + HTTP (uvicorn), {clients} client(s), {rate:.0f} req/s':<58} "
              f"{total:>9.0f} {total - rows[-1][1]:>8.0f}")
    granian = bin_dir / "granian"
    others = {"an empty ASGI application under uvicorn":
              [str(bin_dir / "uvicorn"), "--port", "{port}", "--log-level", "warning",
               "--no-access-log", "serve_parts:empty_app"]}
    if granian.exists():
        common = [str(granian), "--interface", "asgi", "--port", "{port}", "--workers", "1",
                  "--log-level", "warning", "--no-access-log"]
        others["an empty ASGI application under granian"] = [*common, "serve_parts:empty_app"]
        others["kzmig-kg's application under granian"] = [*common, "--factory",
                                                           "serve_parts:kzmig_app"]
    else:
        print("(granian is not installed: `pip install granian` adds its lines)")
    for name, command in others.items():
        for clients in (1, 8):
            total, rate = served(command, args.store, clients, seconds)
            print(f"{f'{name}, {clients} client(s), {rate:.0f} req/s':<68} {total:>9.0f}")
    for clients in (1, 8):
        total, rate = oxigraph(args.store, clients, seconds)
        print(f"{f'oxigraph serve-read-only, {clients} client(s), {rate:.0f} req/s':<68} {total:>9.0f}")
    print(f"load average after: {_load()}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
