"""Security of the public endpoint: SERVICE refused without opening a connection (a listener on
127.0.0.1 records none), updates and LOAD refused, body, query length, rows and response size
capped with one-line messages, a runaway query killed at its limit while another client is
answered, no stack traces."""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from kzmig_kg.publish.server import create_app
from kzmig_kg.publish.server.settings import ServerSettings

from .conftest import Served

DIRECT = {"Content-Type": "application/sparql-query"}


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.setblocking(False)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"

    def connections(self) -> int:
        count = 0
        while select.select([self.sock], [], [], 0.2)[0]:
            conn, _ = self.sock.accept()
            conn.close()
            count += 1
        return count


@pytest.fixture
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.sock.close()


@pytest.fixture(scope="module")
def client(release):
    app = create_app(release.dir / "store", workers=1)
    with TestClient(app) as test_client:
        yield test_client


def service_queries(url: str) -> list[str]:
    base, _, local = url.rpartition("/")
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX remote: <{base}/> SELECT * WHERE {{ SERVICE remote:{local} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x ?y ?z . OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} LIMIT 1",
        f"ASK {{ SERVICE#comment\n<{url}> {{ ?s ?p ?o }} }}",
    ]


def test_service_is_refused_and_no_connection_is_opened(client: TestClient, listener: Listener) -> None:
    for query in service_queries(listener.url):
        answer = client.post("/sparql", content=query, headers=DIRECT)
        assert answer.status_code == 400, query
        assert "SERVICE" in answer.text and "not allowed" in answer.text
        get = client.get("/sparql", params={"query": query})
        assert get.status_code == 400
    assert listener.connections() == 0


def test_service_words_in_strings_and_names_are_not_service_calls(client: TestClient) -> None:
    for query in ('SELECT ("SERVICE <http://127.0.0.1:9/>" AS ?x) {}',
                  "PREFIX service: <http://example.org/> SELECT ?service WHERE { ?service a service:x }",
                  "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } LIMIT 1"):
        assert client.post("/sparql", content=query, headers=DIRECT).status_code == 200, query


def test_an_allow_listed_service_is_called(release, listener: Listener) -> None:
    # the listener does record connections: with its endpoint allow-listed the store calls it
    # (it never answers, so the query runs into its 1 s limit)
    app = create_app(release.dir / "store", workers=1, timeout_s=1, service_allow=(listener.url,))
    with TestClient(app) as allowed:
        answer = allowed.post("/sparql", content=service_queries(listener.url)[0], headers=DIRECT)
    assert answer.status_code in (500, 503)
    assert listener.connections() >= 1


def test_updates_and_load_are_refused(client: TestClient, listener: Listener, release) -> None:
    before = len(release.store)
    cases = [
        client.post("/sparql", data={"update": "CLEAR ALL"}),
        client.post("/sparql", data={"update": f"LOAD <{listener.url}>"}),
        client.post("/sparql", content=f"LOAD <{listener.url}>",
                    headers={"Content-Type": "application/sparql-update"}),
        client.get("/sparql", params={"update": "DROP ALL"}),
        client.post("/sparql", content=f"LOAD <{listener.url}>", headers=DIRECT),
        client.post("/sparql", data={"query": "INSERT DATA { <http://a> <http://b> <http://c> }"}),
        client.put("/sparql", content="ASK {}", headers=DIRECT),
        client.delete("/sparql"),
    ]
    for answer in cases:
        assert answer.status_code in (400, 403, 405), answer.text
        assert answer.text.count("\n") == 1
    assert [a.status_code for a in cases[:4]] == [403] * 4
    assert listener.connections() == 0
    assert len(release.store) == before


def test_limits_have_clear_messages(release) -> None:
    settings = ServerSettings(release.dir / "store", workers=1, max_rows=5, max_query_chars=300,
                              max_body_bytes=1000, max_response_bytes=600, access_log=False)
    with TestClient(create_app(release.dir / "store", settings=settings)) as limited:
        rows = limited.get("/sparql", params={"query": "SELECT ?s WHERE { ?s a kzo:Law }"})
        assert rows.status_code == 422 and "more than 5 rows" in rows.text and "LIMIT" in rows.text
        triples = limited.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s a kzo:Law }"})
        assert triples.status_code == 422 and "more than 5 triples" in triples.text
        size = limited.get("/sparql", params={
            "query": "SELECT ?d WHERE { ?s <http://data.europa.eu/eli/ontology#description> ?d } LIMIT 5"})
        assert size.status_code == 422 and "over this endpoint's limit of 600" in size.text
        long = limited.get("/sparql", params={"query": "ASK {}" + " " * 400})
        assert long.status_code == 413 and "at most 300" in long.text
        body = limited.post("/sparql", content="ASK {}" + " " * 2000, headers=DIRECT)
        assert body.status_code == 413 and "1000" in body.text
        assert limited.get("/sparql", params={"query": "SELECT ?s WHERE { ?s a kzo:Law } LIMIT 5"}
                           ).status_code == 200


def test_bad_requests_are_one_line_without_traceback(client: TestClient) -> None:
    for answer in (client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p "}),
                   client.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"}),
                   client.post("/sparql", content="ASK {}".encode("utf-16"),
                               headers={"Content-Type": "application/sparql-query; charset=UTF-16"}),
                   client.get("/sparql", params={"query": "SELECT * {}"}, headers={"Accept": "image/png"})):
        assert 400 <= answer.status_code < 500
        assert answer.text.count("\n") == 1
        assert "Traceback" not in answer.text and "File \"" not in answer.text
    syntax = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p "}).text
    assert syntax.startswith("Bad Request: the query is not valid SPARQL 1.1: error at 1:")
    for empty in (client.get("/sparql?query="), client.post("/sparql", data={"query": " "}),
                  client.post("/sparql", content="", headers=DIRECT)):
        assert empty.status_code == 400 and empty.text.startswith("Bad Request: the query is empty;")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError), open(f"/proc/{entry}/stat") as stat:
                if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.add(int(entry))
    return found


def _ask(url: str, query: str, timeout: float = 60) -> tuple[int, str, float]:
    started = time.monotonic()
    request = urllib.request.Request(url + "/sparql", data=query.encode(), headers=DIRECT)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), time.monotonic() - started


def test_a_runaway_query_is_killed_while_others_are_answered(served: Served, release) -> None:
    laws = len(release.query("SELECT ?s WHERE { ?s a kzo:Law }"))
    workers_before = _children(served.process.pid)
    runaway: dict[str, tuple[int, str, float]] = {}
    thread = threading.Thread(target=lambda: runaway.setdefault("answer", _ask(
        served.url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")))
    thread.start()
    answered = 0
    while thread.is_alive() and answered < 200:
        # a new text each time, so the answer comes from the second worker, not the answer cache
        status, body, _ = _ask(served.url, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a kzo:Law }} # {answered}",
                               30)
        assert status == 200 and f'"value": "{laws}"' in body.replace('"value":"', '"value": "')
        answered += 1
    thread.join(60)
    status, body, elapsed = runaway["answer"]
    assert status == 503 and "stopped" in body
    assert served.timeout_s <= elapsed < served.timeout_s + 10  # killed at its limit, not finished
    assert answered >= 1
    # the worker that ran it is gone and a fresh one took its place
    workers_after = _children(served.process.pid)
    assert len(workers_after) >= len(workers_before) - 1
    assert workers_before - workers_after, "no worker process was killed"
    # and the workers answer right after it (a worker's pipe once turned non-blocking here)
    for number in range(6):
        status, body, _ = _ask(served.url, f"ASK {{ ?s ?p ?o }} # after the runaway {number}")
        assert status == 200, body


def test_an_internal_fault_is_a_one_line_500_and_logged(release, caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(release.dir / "store", workers=1)

    class Broken:
        def label(self, *args):
            raise RuntimeError("secret detail of the fault")

    with TestClient(app, raise_server_exceptions=False) as broken:
        app.state.labeller = Broken()
        answer = broken.get("/page/id/org/parliament")
    assert answer.status_code == 500
    assert answer.text == ("Internal Server Error: the server could not answer this request; "
                           "it has been logged\n")
    assert any("secret detail of the fault" in r.getMessage() for r in caplog.records)
