"""Benchmark: what running a SPARQL query outside the server process costs, per request.

    .venv/bin/python benchmarks/serve_hop.py [--store dist/store] [--seconds 5] [--clients 8]

A simple SELECT with a new text each time (no cache applies) is sent for --seconds (at most 30)
by keep-alive clients on 127.0.0.1 to four servers in turn, in the same run:
1. `kzmig-kg serve --processes 1 --workers 2`: each query in a killable worker process (the
   server as shipped);
2. the same application with each query run on a thread of the server process
   (`run_in_executor`): the "in-process fast path" (a runaway could then only be stopped by
   recycling the whole server process);
3. the same application with each query run inline on the event loop: no isolation at all (a
   runaway freezes the process), the floor of any way of running the query;
4. `oxigraph serve-read-only` on a copy of the store.
Variants 2 and 3 exist only here, to measure them; the server never runs a user query in its own
process. Printed per server: req/s, p99, the CPU time of all its processes per answer, and the
ratio of its rate to Oxigraph's. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import count
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve import SELECT, cpu_seconds, distinct_selects, http_request, load, wait_ready  # noqa: E402

from kzmig_kg.publish.servers import free_port, oxigraph_server  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MAX_SECONDS = 30
# the application of `kzmig-kg serve` with its worker pool replaced (argv: store, port, how)
IN_PROCESS = r'''
import asyncio, logging, sys, uvicorn, pyoxigraph as ox
from kzmig_kg.publish.server.app import create_app
from kzmig_kg.publish.server.worker_process import answer
from kzmig_kg.publish.server.wire import HEADER, decode_answer
from kzmig_kg.publish.server.workers import _prefixes
store_dir, port, how = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# the access log as `kzmig-kg serve` writes it (its stderr is discarded here, as the others')
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
app = create_app(store_dir, workers=1)
store, prefixes = ox.Store.read_only(store_dir), _prefixes()

def run(job):
    return decode_answer(answer(store, job, prefixes)[HEADER:])

class InProcess:
    async def run(self, job, timeout_s):
        if how == "thread":
            return await asyncio.get_running_loop().run_in_executor(None, run, job)
        return run(job)

app.state.pool = InProcess()
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
'''


def measured(pid: int, port: int, request, clients: int, seconds: float) -> tuple[float, float, float]:
    """(req/s, p99 ms, CPU microseconds per answer over ``pid`` and its descendants)."""
    before, started = cpu_seconds(pid), time.perf_counter()
    rate, _, p99, _ = load(port, request, clients, seconds)
    answers = rate * (time.perf_counter() - started)
    return rate, p99, (cpu_seconds(pid) - before) * 1e6 / answers if answers else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "dist" / "store")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    seconds = min(args.seconds, MAX_SECONDS)
    store = str(args.store)
    servers = {
        "kzmig-kg serve (a worker process per query)":
            [str(Path(sys.executable).with_name("kzmig-kg")), "serve", "--store", store,
             "--processes", "1", "--workers", "2", "--port", "{port}"],
        "the same, query on a thread (experiment)":
            [sys.executable, "-c", IN_PROCESS, store, "{port}", "thread"],
        "the same, query inline (experiment)": [sys.executable, "-c", IN_PROCESS, store, "{port}", "inline"],
    }
    print(f"new SELECT text each time, {args.clients} clients, {seconds:g} s each; load average "
          f"before: {_load()}")
    rows = {}
    for name, command in servers.items():
        port = free_port()
        server = subprocess.Popen([part.replace("{port}", str(port)) for part in command],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_ready(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", server)
            rows[name] = measured(server.pid, port, distinct_selects(), args.clients, seconds)
        finally:
            server.terminate()
            server.wait(15)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "store"
        shutil.copytree(args.store, copy)
        with oxigraph_server(copy, read_only=True, timeout_s=None) as oxigraph:
            numbers = count()
            rows["oxigraph serve-read-only"] = measured(
                oxigraph.process.pid, int(oxigraph.base.rsplit(":", 1)[1]),
                lambda: http_request("/query?" + urlencode({"query": f"{SELECT} # {next(numbers)}"},
                                                           quote_via=quote),
                                     "application/sparql-results+json"), args.clients, seconds)
    reference = rows["oxigraph serve-read-only"][0]
    print(f"{'server':<46} {'req/s':>8} {'p99 ms':>8} {'CPU us/req':>10} {'rate / oxigraph':>16}")
    for name, (rate, p99, cpu) in rows.items():
        print(f"{name:<46} {rate:>8.0f} {p99:>8.1f} {cpu:>10.0f} "
              f"{rate / reference if reference else 0:>16.2f}")
    print(f"load average after: {_load()}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
