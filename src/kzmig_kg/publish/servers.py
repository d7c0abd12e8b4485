"""A local Oxigraph server (the ``oxigraph`` command of the PyPI package) on 127.0.0.1, for tests,
benchmarks and trials: ``oxigraph_server(location, load=...)`` runs one for a ``with`` block."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..errors import QueryError
from ..query.remote import USER_AGENT


@dataclass
class OxigraphServer:
    """A running ``oxigraph`` server process bound to 127.0.0.1."""

    base: str                      # http://127.0.0.1:PORT
    process: subprocess.Popen
    read_only: bool

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    @property
    def store_url(self) -> str:
        return f"{self.base}/store"

    def put(self, data: bytes, media_type: str, graph: str | None = None,
            timeout: float = 60.0) -> None:
        """Graph Store Protocol PUT (read-write server only): replace the default graph
        (``graph="default"``), a named graph (its IRI), or, with ``graph=None``, the whole
        dataset (N-Quads or TriG)."""
        if self.read_only:
            raise QueryError("the server was started read-only")
        url = self.store_url
        if graph == "default":
            url += "?default"
        elif graph is not None:
            url += f"?graph={quote(graph, safe='')}"
        request = urllib.request.Request(url, data=data, method="PUT",
                                         headers={"Content-Type": media_type,
                                                  "User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()[:500]
            raise QueryError(f"upload to {url} failed: HTTP {exc.code}: {detail}") from None
        except OSError as exc:
            raise QueryError(f"upload to {url} failed: {exc}") from None


def oxigraph_executable() -> str:
    """The ``oxigraph`` command of the PyPI package ``oxigraph`` (beside Python, else on PATH)."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise QueryError("the Oxigraph server is not installed; pip install oxigraph "
                         "(it is in the test extras: pip install -e '.[test]')")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def oxigraph_server(location: Path | None = None, *, load: Path | None = None,
                    read_only: bool | None = None, timeout_s: int | None = 30,
                    start_timeout: float = 30.0) -> Iterator[OxigraphServer]:
    """Run an Oxigraph server on 127.0.0.1 (a free port) for the duration of a ``with`` block.

    ``location``: the server's store directory (None: in memory, read-write); ``load``: an RDF
    file (N-Quads, TriG, Turtle...) loaded into ``location`` first with ``oxigraph load``. The
    server answers with the union of the named graphs as default graph, like the embedded store,
    and cancels queries after ``timeout_s`` seconds (None: no limit; Oxigraph 0.5 starts a thread
    per query that sleeps out the whole limit, so at a thousand queries a second it runs out of
    threads and aborts, "Resource temporarily unavailable"). It is read-only when it has a location,
    unless ``read_only=False``. The process is stopped when the block ends.

    >>> with oxigraph_server(Path("srv"), load=Path("dist/kzmig.nq")) as server:  # doctest: +SKIP
    ...     query_endpoint(server.query_url, "ASK { ?s ?p ?o }")
    """
    command = oxigraph_executable()
    if load is not None:
        if location is None:
            raise QueryError("loading a file needs a store location")
        done = subprocess.run([command, "load", "--location", str(location), "--file", str(load)],
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise QueryError(f"oxigraph load {load} failed: {done.stderr.strip()[-500:]}")
    if read_only is None:
        read_only = location is not None
    if read_only and location is None:
        raise QueryError("a read-only server needs a store location")
    port = free_port()
    args = [command, "serve-read-only" if read_only else "serve", "--bind", f"127.0.0.1:{port}",
            "--union-default-graph"]
    if timeout_s is not None:
        args += ["--timeout-s", str(timeout_s)]
    if location is not None:
        args += ["--location", str(location)]
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a full pipe would block it
        process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
        server = OxigraphServer(f"http://127.0.0.1:{port}", process, read_only)
        try:
            _wait_until_ready(server, start_timeout, log)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _wait_until_ready(server: OxigraphServer, start_timeout: float, log) -> None:
    probe = f"{server.query_url}?query={quote('ASK {}')}"
    deadline = time.monotonic() + start_timeout
    while True:
        if server.process.poll() is not None:
            log.seek(0)
            output = log.read().decode("utf-8", "replace").strip()
            raise QueryError(f"the Oxigraph server exited at start: {output[-500:]}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise QueryError(f"the Oxigraph server did not answer within {start_timeout:g} s")
        time.sleep(0.1)
