"""A throwaway Virtuoso 7 server (Debian ``virtuoso-opensource``) on 127.0.0.1, for tests,
benchmarks and trials: ``virtuoso_server(directory)`` runs one for a ``with`` block.

The database lives in ``directory`` (created fresh); the SPARQL endpoint is ``/sparql``
(read, union of all graphs as default graph), updates and Graph Store writes go to the digest
authenticated ``/sparql-auth`` and ``/sparql-graph-crud-auth`` as ``dba`` (password ``dba`` in a
new database).

Beyond the defaults: ``MaxQueryMem`` 1G and one thread per query (with the defaults some named
queries never returned while the server sat idle, "Low query memory limit" in its log), and a
``TransactionAfterImageLimit`` of 2 GB (the swap of a push is one update; at 1M triples the
default limit aborts it with SR325).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..errors import QueryError
from .servers import free_port

USER, PASSWORD = "dba", "dba"

INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = {d}
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
CheckpointInterval = 0
MaxQueryMem = 1G
ThreadsPerQuery = 1
TransactionAfterImageLimit = 2000000000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
"""


@dataclass
class VirtuosoServer:
    base: str                      # http://127.0.0.1:PORT
    process: subprocess.Popen
    directory: Path

    @property
    def query_url(self) -> str:
        return f"{self.base}/sparql"

    @property
    def auth_url(self) -> str:
        return f"{self.base}/sparql-auth"

    @property
    def graph_store_url(self) -> str:
        return f"{self.base}/sparql-graph-crud-auth"


def virtuoso_executable() -> str:
    found = shutil.which("virtuoso-t")
    if not found:
        raise QueryError("Virtuoso is not installed; apt-get install virtuoso-opensource")
    return found


@contextlib.contextmanager
def virtuoso_server(directory: Path, start_timeout: float = 120.0) -> Iterator[VirtuosoServer]:
    """Run a new Virtuoso database in ``directory`` on free ports of 127.0.0.1 for a ``with``
    block; the process is stopped when the block ends."""
    command = virtuoso_executable()
    directory.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(INI.format(d=directory.resolve(), sql_port=sql_port, http_port=http_port),
                   encoding="utf-8")
    log = (directory / "stdout.log").open("wb")
    process = subprocess.Popen([command, "+foreground", "+configfile", str(ini)], cwd=directory,
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = VirtuosoServer(f"http://127.0.0.1:{http_port}", process, directory)
    try:
        _wait_until_ready(server, start_timeout)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def _wait_until_ready(server: VirtuosoServer, start_timeout: float) -> None:
    probe = f"{server.query_url}?query={quote('ASK {}')}"
    deadline = time.monotonic() + start_timeout
    while True:
        if server.process.poll() is not None:
            output = (server.directory / "stdout.log").read_text("utf-8", "replace").strip()
            raise QueryError(f"Virtuoso exited at start: {output[-500:]}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise QueryError(f"Virtuoso did not answer within {start_timeout:g} s")
        time.sleep(0.2)
