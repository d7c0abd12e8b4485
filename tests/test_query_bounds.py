"""Bounded queries: a deadline and Ctrl-C for local queries, a deadline for a whole endpoint
exchange, streamed rows, a row cap for tables, updates refused, and complete orderings."""

from __future__ import annotations

import http.server
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.errors import QueryError
from kzmig_kg.query.bounded import UPDATE_REFUSED, stream_query
from kzmig_kg.query.named import bind_params, named_queries
from kzmig_kg.query.remote import query_endpoint
from kzmig_kg.query.results import format_result
from kzmig_kg.query.run import run_query

CLI = Path(sys.executable).parent / "kzmig-kg"
CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT_CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def query_file(tmp_path: Path, text: str, name: str = "q.rq") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "# a comment\nPREFIX ex: <http://example.org/#>\n  delete where { ?s ?p ?o }",
    "DROP ALL", "LOAD <http://example.org/x.ttl>", "CLEAR DEFAULT",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
@pytest.mark.parametrize("mode", ["local", "endpoint"])
def test_updates_are_refused(release, tmp_path: Path, text: str, mode: str) -> None:
    path = query_file(tmp_path, text)
    where = ["--store", str(release.dir / "store")] if mode == "local" else \
        ["--endpoint", "http://127.0.0.1:9/query"]  # refused before any connection
    result = CliRunner().invoke(main, ["query", str(path), *where])
    assert result.exit_code == 1
    assert result.output == f"error: {path}: {UPDATE_REFUSED}\n"


def test_a_runaway_query_stops_at_its_timeout(release, tmp_path: Path) -> None:
    path = query_file(tmp_path, COUNT_CROSS)
    done = subprocess.run([str(CLI), "query", str(path), "--store", str(release.dir / "store"),
                           "--timeout", "2"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (f"error: {path}: stopped after 2 s (--timeout); narrow the query "
                           "(a LIMIT, fewer joins) or raise --timeout\n")


def test_rows_are_streamed_before_the_timeout(release) -> None:
    chunks: list[str] = []
    with pytest.raises(QueryError, match="stopped after 2 s"):
        stream_query(release.dir / "store", CROSS, {}, "csv", chunks.append, timeout=2)
    lines = "".join(chunks).splitlines()
    assert lines[0] == "a,b,c,d,e,f,g,h,i,j,k,l"
    assert len(lines) > 1000  # rows reached the output while the engine was still producing


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
        return [int(p) for p in handle.read().split()]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_stops_a_busy_engine(release, tmp_path: Path, stop: signal.Signals) -> None:
    path = query_file(tmp_path, COUNT_CROSS)
    process = subprocess.Popen([str(CLI), "query", str(path), "--store",
                                str(release.dir / "store"), "--timeout", "600"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not _children(process.pid):  # the worker has started and is counting
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)  # polling, within the deadline: a busy loop took a core from the query
    worker = _children(process.pid)[0]
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=30)  # far below the --timeout of 600 s
    assert process.returncode != 0 and "Traceback" not in stderr, stderr
    assert not Path(f"/proc/{worker}").exists() or \
        Path(f"/proc/{worker}/stat").read_text().split()[2] == "Z"


def test_the_table_format_stops_at_max_rows(release, tmp_path: Path) -> None:
    path = query_file(tmp_path, CROSS)
    result = CliRunner().invoke(main, ["query", str(path), "--store", str(release.dir / "store"),
                                       "--max-rows", "5"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2 + 5 + 2 and lines[-2] == "(5 rows)"
    assert lines[-1] == "(stopped at 5 rows, --max-rows; use --format csv for every row)"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_streamed_output_is_the_gathered_output(release, fmt: str) -> None:
    query = named_queries()["stats-country-series"]
    gathered = format_result(run_query(query, {}, store=release.store), fmt)
    chunks: list[str] = []
    stream_query(release.dir / "store", query.text, bind_params(query, {}), fmt, chunks.append,
                 timeout=60)
    if fmt == "json":
        assert json.loads("".join(chunks)) == json.loads(gathered)
    else:
        assert "".join(chunks) == gathered + "\n"


def _sorted_rows(release, name: str) -> list[str]:
    chunks: list[str] = []
    query = named_queries()[name]
    stream_query(release.dir / "store", query.text, bind_params(query, {}), "tsv", chunks.append,
                 timeout=120)
    return "".join(chunks).splitlines()


def _cells(rows: list[str], loose: bool) -> list[list[str]]:
    """Each row's cells; with ``loose``, a cell's space-separated parts in sorted order."""
    return [[" ".join(sorted(part.strip('"') for part in cell.split(" "))) if loose else cell
             for cell in row.split("\t")] for row in rows]


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_orders_its_rows_completely(release, name: str) -> None:
    """Two runs (a worker process, this one) give the same rows in the same order; ORDER BY names
    every projected variable, so that no two different rows can tie."""
    query = named_queries()[name]
    text = query.text
    first = format_result(run_query(query, {}, store=release.store), "tsv").splitlines()
    if len(first) > 2:  # the contract checks answer no rows: their ORDER BY is checked below
        # GROUP_CONCAT joins its values in an order SPARQL leaves open: compare them as sets
        loose = "GROUP_CONCAT" in text.upper()
        assert _cells(_sorted_rows(release, name), loose) == _cells(first, loose)
    variables = re.findall(r"\?(\w+)", first[0])
    order = re.findall(r"ORDER\s+BY\s+([^\n]*(?:\n(?!\s*(?:LIMIT|OFFSET))[^\n]*)*)", text, re.I)
    assert order, f"{name} has no ORDER BY"
    keys = set(re.findall(r"\?(\w+)", order[-1]))
    assert set(variables) <= keys, f"{name}: ORDER BY lacks {sorted(set(variables) - keys)}"


class _Trickle(http.server.BaseHTTPRequestHandler):
    """Sends the headers at once, then one byte every half second, for up to a minute."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        pause = threading.Event()
        try:
            for byte in (b" " * 120):
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                pause.wait(0.5)
        except OSError:  # the client gave up: what the test wants
            pass

    def log_message(self, *args) -> None:
        pass


def test_a_trickling_endpoint_meets_the_deadline() -> None:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/query"
        with pytest.raises(QueryError, match=r"did not answer within 2 s"):
            query_endpoint(url, "SELECT * WHERE { ?s ?p ?o }", timeout=2)
        done = subprocess.run([str(CLI), "query", "rq-national-balance", "--endpoint", url,
                               "--timeout", "2"], capture_output=True, text=True, timeout=60,
                              env={**os.environ})
        assert done.returncode == 1 and "did not answer within 2 s" in done.stderr
        assert "Traceback" not in done.stderr
    finally:
        httpd.shutdown()
        httpd.server_close()
