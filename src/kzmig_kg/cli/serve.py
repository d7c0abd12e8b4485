"""The command that serves a release on the web: ``serve``."""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from ..errors import KzmigError
from .common import DIST, SOURCES, fail


@click.command()
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DIST / "store",
              show_default=True, help="The on-disk store written by `build` (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--bind", default=None, metavar="HOST:PORT",
              help="Host and port in one (as `oxigraph serve --bind`); overrides --host and --port.")
@click.option("--workers", default=None, type=click.IntRange(1, 64),
              help="Processes that run SPARQL queries, in all (a query past its limit kills its "
                   "process); shared out among the server processes.  [default: 2 per server "
                   "process]")
@click.option("--processes", default=None, type=click.IntRange(1, 64),
              help="Server processes answering on the port (one per core uses every core).  "
                   "[default: the cores, fewer when --workers gives each less than 2]")
@click.option("--timeout-s", default=30.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Wall-clock limit of one SPARQL query, in seconds.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(1),
              help="Most rows (or triples) one answer may have.")
@click.option("--base", default=None, metavar="URL",
              help="The address https://w3id.org/kzmig/ is served at, e.g. http://127.0.0.1:8000/ "
                   "(default: the address of each request).")
@click.option("--allow-service", "service_allow", multiple=True, metavar="URL",
              help="A SERVICE endpoint queries may call (repeatable; default: none).")
@click.option("--sources", "sources_dir", type=click.Path(path_type=Path), default=SOURCES,
              show_default=True, help="The source documents, to quote the passages on pages.")
def serve(store_dir: Path, host: str, port: int, bind: str | None, workers: int | None,
          processes: int | None, timeout_s: float, max_rows: int, base: str | None,
          service_allow: tuple[str, ...], sources_dir: Path) -> None:
    """Serve the release: SPARQL 1.1 endpoint at /sparql, linked data at /id/... and /eli/...,
    pages for people at /. Read-only; stop with Ctrl-C.

    \b
    Example:
      kzmig-kg serve --store dist/store --port 8000 --base http://127.0.0.1:8000/
      kzmig-kg serve --store dist/store --processes 2 --workers 4
    """
    if bind is not None:
        host, _, given = bind.rpartition(":")
        if not host or not given.isdigit() or not 0 <= int(given) <= 65535:
            fail(KzmigError(f"--bind {bind}: give HOST:PORT, e.g. --bind 127.0.0.1:8000"))
        port = int(given)
    if base is not None:
        _check_base(base)
    processes, shares = _shares(processes, workers)
    if processes > 1:
        _serve_forked(store_dir, host, port, shares, timeout_s=timeout_s, max_rows=max_rows,
                      base=base, service_allow=service_allow, sources_dir=sources_dir)
        return
    import uvicorn

    from ..publish.server.app import create_app

    listener = _listen(host, port)   # before the workers start: a busy port is one line
    port = listener.getsockname()[1]   # --port 0 takes a free port: print the one taken
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    try:
        app = create_app(store_dir, base=base, workers=shares[0], timeout_s=timeout_s,
                         max_rows=max_rows, service_allow=service_allow,
                         sources_dir=sources_dir if sources_dir.is_dir() else None)
    except KzmigError as error:
        fail(error)
    click.echo(f"serving {store_dir} at http://{host}:{port}/ (SPARQL at /sparql)", err=True)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                            timeout_graceful_shutdown=5)
    with contextlib.suppress(KeyboardInterrupt):   # Ctrl-C is how the server is stopped
        uvicorn.Server(config).run(sockets=[listener])


def _check_base(base: str) -> None:
    """--base must be an http(s) address the IRIs can resolve under (no query or fragment)."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        fail(KzmigError(f"--base {base}: give the http or https address the graph is served at, "
                        "e.g. --base http://127.0.0.1:8000/"))


def _shares(processes: int | None, workers: int | None) -> tuple[int, list[int]]:
    """The number of server processes and the SPARQL workers of each: a server process with one
    worker makes its clients wait while a runaway query holds it, so by default each has two."""
    cores = len(os.sched_getaffinity(0))
    if processes is None:
        processes = cores if workers is None else max(1, min(cores, workers // 2))
    if workers is None:
        workers = 2 * processes
    processes = min(processes, workers)
    return processes, [workers // processes + (1 if i < workers % processes else 0)
                       for i in range(processes)]


def _serve_forked(store_dir: Path, host: str, port: int, shares: list[int], **options) -> None:
    """One server process per share, each with its own SPARQL workers and caches, all answering
    on the same port (``publish.server.prefork``); the store is opened only after the fork, and
    the web stack imported there too (the supervisor stays small)."""
    from ..publish.server.prefork import START_FAILED, reuse_port_sockets, serve_forked
    from ..publish.server.storedir import check_store_dir

    try:
        check_store_dir(store_dir)
        sockets = reuse_port_sockets(host, port, len(shares))
    except KzmigError as error:
        fail(error)
    except OSError as error:
        fail(KzmigError(f"cannot listen on {host}:{port}: {error.strerror or error}; stop what "
                        "uses it or give another --port"))
    port = sockets[0].getsockname()[1]
    sources_dir = options.pop("sources_dir")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    def serve_one(index: int, listener: socket.socket) -> None:
        import uvicorn

        from ..publish.server.app import create_app

        try:
            app = create_app(store_dir, workers=shares[index], **options,
                             sources_dir=sources_dir if sources_dir.is_dir() else None)
        except KzmigError as error:
            click.echo(f"error: {error}", err=True)
            raise SystemExit(START_FAILED) from None
        config = uvicorn.Config(app, log_level="warning", access_log=False,
                                timeout_graceful_shutdown=5)
        try:
            uvicorn.Server(config).run(sockets=[listener])
        finally:
            app.state.pool.close()   # also when a second signal cut the graceful shutdown short

    click.echo(f"serving {store_dir} at http://{host}:{port}/ (SPARQL at /sparql) with "
               f"{len(shares)} server processes and {sum(shares)} SPARQL workers", err=True)
    code = serve_forked(sockets, serve_one)
    for listener in sockets:
        listener.close()
    if code:
        sys.exit(code)


def _listen(host: str, port: int) -> socket.socket:
    """The server's socket, bound; an address in use or not ours is an error naming it."""
    try:
        listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
    except OSError as error:
        fail(KzmigError(f"cannot listen on {host}:{port}: {error.strerror or error}; stop what "
                        "uses it or give another --port"))
    return listener


COMMANDS = (serve,)
