"""`kzmig-kg serve --processes N`: several server processes answer on one port, each with its
share of the SPARQL workers; a runaway query in one leaves the others answering; Ctrl-C and
SIGTERM leave no process behind and print no traceback."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

from kzmig_kg.publish.server.app import PROCESS_HEADER_VARIABLE
from kzmig_kg.publish.servers import free_port

CLI = Path(sys.executable).with_name("kzmig-kg")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
NUMBER = ("SELECT ?number WHERE { <https://w3id.org/kzmig/eli/kz/zakon/2011/477-IV> "
          "<http://data.europa.eu/eli/ontology#number> ?number }")
TIMEOUT_S = 2.0


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path


def _start(release, tmp_path: Path, *flags: str) -> Server:
    port = free_port()
    log = tmp_path / f"serve-{port}.log"
    with log.open("wb") as written:
        process = subprocess.Popen(
            [str(CLI), "serve", "--store", str(release.dir / "store"), "--port", str(port),
             "--timeout-s", str(TIMEOUT_S), *flags],
            stdout=subprocess.DEVNULL, stderr=written, start_new_session=True,
            env={**os.environ, PROCESS_HEADER_VARIABLE: "1"})
    server = Server(process, port, log)
    deadline = time.monotonic() + 90
    answered: set[int] = set()   # every server process has started (its workers with it)
    while len(answered) < int(flags[flags.index("--processes") + 1]):
        assert process.poll() is None, f"kzmig-kg serve exited: {log.read_text()[-800:]}"
        assert time.monotonic() < deadline, "kzmig-kg serve did not start within 90 s"
        answered |= _answered_by(port)
    return server


def _answered_by(port: int) -> set[int]:
    """The server processes that answer eight new connections (none while it starts)."""
    found = set()
    for _ in range(8):
        try:
            status, pid, _ = _ask(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "ASK {}")
        except OSError:
            time.sleep(0.1)
            continue
        if status == 200:
            found.add(pid)
    return found


def _stop(server: Server) -> None:
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=10)


def _ask(connection: http.client.HTTPConnection, query: str) -> tuple[int, int, bytes]:
    """(status, pid of the server process that answered, body) of a query on ``connection``."""
    connection.request("GET", "/sparql?" + urlencode({"query": query}),
                       headers={"Accept": "application/sparql-results+json"})
    answer = connection.getresponse()
    body = answer.read()
    return answer.status, int(answer.getheader("x-kzmig-process") or 0), body


def _tree() -> dict[int, int]:
    """Every process's parent, from /proc."""
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            parents[int(name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def _descendants(pid: int) -> set[int]:
    parents, found, frontier = _tree(), set(), [pid]
    while frontier:
        parent = frontier.pop()
        children = {child for child, of in parents.items() if of == parent}
        found |= children
        frontier += children
    return found


def _workers(pid: int) -> set[int]:
    """The SPARQL worker processes under ``pid`` (`python -m kzmig_kg.publish.server.worker_process`)."""
    found = set()
    for child in _descendants(pid):
        try:
            if b"kzmig_kg.publish.server.worker_process" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.add(child)
        except OSError:
            continue
    return found


@pytest.fixture(scope="module")
def two_processes(release, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = _start(release, tmp_path_factory.mktemp("processes"), "--processes", "2",
                    "--workers", "4")
    yield server
    _stop(server)


def test_clients_are_answered_by_two_processes_of_the_server(two_processes: Server) -> None:
    connections = [http.client.HTTPConnection("127.0.0.1", two_processes.port, timeout=10)
                   for _ in range(16)]
    answered = [_ask(connection, NUMBER) for connection in connections]
    for connection in connections:
        connection.close()
    assert {status for status, _, _ in answered} == {200}
    assert {json.loads(body)["results"]["bindings"][0]["number"]["value"]
            for _, _, body in answered} == {"477-IV"}
    pids = {pid for _, pid, _ in answered}
    servers = {child for child, parent in _tree().items() if parent == two_processes.process.pid}
    assert len(pids) == 2 and pids <= servers, (pids, servers)
    # each server process has its share of the four SPARQL workers
    assert sorted(len(_workers(pid)) for pid in pids) == [2, 2]


def test_a_runaway_in_one_process_leaves_both_answering(two_processes: Server) -> None:
    runaway = http.client.HTTPConnection("127.0.0.1", two_processes.port, timeout=30)
    _, victim, _ = _ask(runaway, "ASK {}")   # the process this connection reaches
    workers_before = _workers(victim)
    outcome: dict[str, object] = {}

    def run_away() -> None:
        started = time.monotonic()
        outcome["status"] = _ask(runaway, RUNAWAY)[0]
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_away)
    thread.start()
    others = [http.client.HTTPConnection("127.0.0.1", two_processes.port, timeout=10)
              for _ in range(12)]
    answered: list[tuple[int, int]] = []
    try:
        while thread.is_alive() and len(answered) < 2000:   # while the runaway runs
            for connection in others:
                status, pid, _ = _ask(connection, f"{NUMBER} # {len(answered)}")  # no cache
                answered.append((status, pid))
    finally:
        thread.join(30)
        for connection in others:
            connection.close()
        runaway.close()
    assert outcome["status"] == 503
    assert outcome["seconds"] < TIMEOUT_S + 1
    assert {status for status, _ in answered} == {200}
    # both processes kept answering, the runaway's own too (on its other worker)
    assert victim in {pid for _, pid in answered}
    assert len({pid for _, pid in answered}) == 2
    # the worker that ran it was killed and replaced: one new pid among the process's workers
    deadline = time.monotonic() + 30
    while True:
        workers_after = _workers(victim)
        if len(workers_after) == 2 and len(workers_before - workers_after) == 1:
            break
        assert time.monotonic() < deadline, (workers_before, workers_after)
        time.sleep(0.05)


def test_a_server_process_that_dies_is_replaced(two_processes: Server) -> None:
    supervisor = two_processes.process.pid
    servers = {child for child, parent in _tree().items() if parent == supervisor}
    victim = min(servers)
    orphans = _workers(victim)
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while True:
        now = {child for child, parent in _tree().items() if parent == supervisor}
        fresh = now - servers
        if (victim not in now and len(fresh) == 1 and len(_workers(next(iter(fresh)))) == 2
                and not any(Path(f"/proc/{pid}").exists() for pid in orphans)):
            break
        assert time.monotonic() < deadline, (servers, now, orphans)
        time.sleep(0.05)
    connections = [http.client.HTTPConnection("127.0.0.1", two_processes.port, timeout=10)
                   for _ in range(16)]
    pids = {_ask(connection, NUMBER)[1] for connection in connections}
    for connection in connections:
        connection.close()
    assert pids == now, (pids, now)   # the new process answers on the same port


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm"])
def test_stopping_leaves_no_process_and_no_traceback(release, tmp_path: Path, stop: str) -> None:
    server = _start(release, tmp_path, "--processes", "2", "--workers", "2")
    every = _descendants(server.process.pid) | {server.process.pid}
    busy = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    busy.request("GET", "/sparql?" + urlencode({"query": RUNAWAY}))   # a worker mid-query
    try:
        if stop == "ctrl-c":
            os.killpg(server.process.pid, signal.SIGINT)   # what a terminal does
        else:
            server.process.send_signal(signal.SIGTERM)     # to the server only, as `kill` does
        assert server.process.wait(timeout=30) == 0
        deadline = time.monotonic() + 15
        while left := {pid for pid in every if Path(f"/proc/{pid}").exists()
                       and "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3]}:
            assert time.monotonic() < deadline, f"still running: {left}"
            time.sleep(0.05)
    finally:
        busy.close()
        _stop(server)
    written = server.log.read_text(encoding="utf-8")
    assert "Traceback" not in written and "KeyboardInterrupt" not in written, written


def test_a_repeated_get_keeps_its_own_accept_and_host(release) -> None:
    """A repeated GET is answered from the server's memory of requests, so that memory must
    tell apart what changes the answer: the media type asked for, and (without --base) the
    address relative IRIs resolve against."""
    from starlette.testclient import TestClient

    from kzmig_kg.publish.server.app import create_app

    query = "SELECT ?x WHERE { BIND(<relative> AS ?x) }"
    with TestClient(create_app(release.dir / "store", workers=1)) as client:
        for host in ("a.example", "b.example"):
            for accept, wanted in (("text/csv", "text/csv"),
                                   ("application/sparql-results+json",
                                    "application/sparql-results+json")):
                seen = []
                for _ in range(2):
                    answer = client.get("/sparql", params={"query": query},
                                        headers={"Host": host, "Accept": accept})
                    assert answer.status_code == 200
                    assert answer.headers["content-type"].startswith(wanted)
                    assert f"http://{host}/relative" in answer.text
                    seen.append(answer.headers["x-answer-cache"])
                assert seen[1] == "hit"
