"""The ASGI application: ``create_app(store_dir, ...)`` serves one release read-only."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import anyio.to_thread
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from ...errors import KzmigError
from ...query.labels import Labeller
from ...query.named import named_queries
from .cache import ReleaseCache
from .problems import problem
from .settings import ServerSettings, release_tag
from .sparql import query_response
from .storedir import check_store_dir
from .workers import WorkerPool

ACCESS = logging.getLogger("kzmig_kg.server.access")
STATIC_DIR = Path(__file__).with_name("static")
KZO = "https://w3id.org/kzmig/ontology#"


@dataclass
class StoreStats:
    triples: int
    graphs: list[str]
    kinds: list[tuple[str, int]] = field(default_factory=list)


def create_app(store_dir: Path | str, *, base: str | None = None, workers: int = 2,
               timeout_s: float = 30.0, max_rows: int = 10_000,
               service_allow: tuple[str, ...] = (), sources_dir: Path | None = None,
               settings: ServerSettings | None = None) -> Starlette:
    """An ASGI app serving the store at ``store_dir`` (opened read-only): SPARQL at /sparql,
    linked data at /id/..., /eli/... and /ontology, pages for people. ``base`` is the served address
    of https://w3id.org/kzmig/ (e.g. http://127.0.0.1:8000/); without it links are relative to
    the request. Raises ``KzmigError`` when the store cannot be opened."""
    if settings is None:
        settings = ServerSettings(Path(store_dir), base=base, workers=workers, timeout_s=timeout_s,
                                  max_rows=max_rows, service_allow=tuple(service_allow),
                                  sources_dir=sources_dir)
    store = _open(settings.store_dir)
    pool = WorkerPool(settings.store_dir, settings.workers)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(pool.start)
        try:
            yield
        finally:
            pool.close()

    from . import routes
    app = Starlette(routes=[*routes.ROUTES, Mount("/static", StaticFiles(directory=STATIC_DIR),
                                                  name="static")],
                    middleware=[Middleware(Guarded, log=settings.access_log,
                                           prefix=urlsplit(settings.base or "/").path.rstrip("/"))],
                    exception_handlers={Exception: _internal_error, 500: _internal_error},
                    lifespan=lifespan)
    app.state.settings = settings
    app.state.store = store
    app.state.pool = pool
    app.state.release = release_tag(settings)
    app.state.stats = _stats(store)
    app.state.class_counts = _class_counts(store)
    app.state.labeller = Labeller(store)
    app.state.kinds = sorted(((app.state.labeller.label(iri), iri, n) for iri, n in
                              app.state.class_counts.items() if iri.startswith(KZO)),
                             key=lambda k: (-k[2], k[0]))
    app.state.named_queries = named_queries()
    app.state.dump_checksums = None
    # bounded in entries and in bytes, so that memory stays small whatever clients ask: at most
    # 16 + 8 + 2 + 16 MB of kept answers per server process (the request cache holds the same
    # answer bodies as the answer cache, not copies)
    app.state.cache = ReleaseCache(4096, 16 << 20)         # data documents
    app.state.page_cache = ReleaseCache(1024, 8 << 20)     # resource pages
    app.state.search_cache = ReleaseCache(256, 2 << 20)    # search pages
    app.state.answer_cache = ReleaseCache(512, 16 << 20)   # SPARQL answers of at most 64 kB
    app.state.request_cache = ReleaseCache(512, 16 << 20)  # the same answers by the GET that asked them
    app.state.param_cache = ReleaseCache(1024)    # named-query parameters checked, and their notes
    return app


def _open(store_dir: Path) -> ox.Store:
    check_store_dir(store_dir)
    try:
        return ox.Store.read_only(str(store_dir))
    except OSError as exc:
        raise KzmigError(f"{store_dir}: cannot open the store read-only: {exc}") from None


def _class_counts(store: ox.Store) -> dict[str, int]:
    answer = store.query("SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type",
                         use_default_graph_as_union=True)
    return {row["type"].value: int(row["n"].value) for row in answer
            if isinstance(row["type"], ox.NamedNode)}


def _stats(store: ox.Store) -> StoreStats:
    triples = len(store)
    graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    return StoreStats(triples, graphs)


async def _internal_error(request: Request, exc: Exception) -> object:
    logging.getLogger("kzmig_kg.server").error("%s %s failed: %s: %s", request.method,
                                               request.url.path, type(exc).__name__, exc)
    return problem(500, "the server could not answer this request; it has been logged")


# Set (to anything) in tests: every answer names the process that gave it, so that a test can see
# the server's processes share the clients. Off by default: a public server does not expose it.
PROCESS_HEADER_VARIABLE = "KZMIG_KG_SERVE_PROCESS_HEADER"
SPARQL_PATHS = ("/sparql", "/sparql/")
QUERY_METHODS = ("GET", "POST", "HEAD")


class Guarded:
    """Every answer: an access log line (method, path, status, milliseconds) and CORS headers
    (all routes are read-only); preflight requests answered here; paths under --base's path
    served as the same paths without it. A query to /sparql is answered here too, without
    Starlette's routing and exception layers (they cost as much CPU as the query itself)."""

    def __init__(self, app: ASGIApp, log: bool = True, prefix: str = ""):
        self.app = app
        self.log = log
        self.prefix = prefix  # the path of --base (http://host/kzmig/ -> /kzmig), also served
        self.cors = [(b"access-control-allow-origin", b"*"),
                     (b"access-control-expose-headers", b"Link, ETag, Location")]
        if os.environ.get(PROCESS_HEADER_VARIABLE):
            self.cors.append((b"x-kzmig-process", str(os.getpid()).encode()))


    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [0]
        if self.prefix and (scope["path"] + "/").startswith(self.prefix + "/"):
            # under --base's path the IRIs resolve too: /kzmig/id/... is /id/...
            scope = {**scope, "path": scope["path"][len(self.prefix):] or "/",
                     "raw_path": None, "root_path": scope.get("root_path", "") + self.prefix}
        if scope["method"] == "OPTIONS":
            headers = [(b"access-control-allow-origin", b"*"),
                       (b"access-control-allow-methods", b"GET, HEAD, POST, OPTIONS"),
                       (b"access-control-allow-headers", b"Accept, Content-Type, If-None-Match"),
                       (b"access-control-max-age", b"86400"), (b"content-length", b"0")]
            await send({"type": "http.response.start", "status": 204, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            status[0] = 204
        else:
            async def sending(message: dict) -> None:
                if message["type"] == "http.response.start":
                    status[0] = message["status"]
                    message["headers"] = [*message.get("headers", []), *self.cors]
                await send(message)
            try:
                if scope["path"] in SPARQL_PATHS and scope["method"] in QUERY_METHODS:
                    response = await query_response(scope["app"].state, scope, receive)
                    if response is not None:
                        await response(scope, receive, sending)
                        return
                await self.app(scope, receive, sending)
            finally:
                if self.log:
                    path = scope["path"] + ("?" + scope["query_string"].decode("latin-1")[:200]
                                            if scope.get("query_string") else "")
                    client = (scope.get("client") or ("-",))[0]
                    ACCESS.info('%s "%s %s" %d %.1fms', client, scope["method"], path,
                                status[0] or 500, (time.perf_counter() - started) * 1000)
        if self.log and scope["method"] == "OPTIONS":
            ACCESS.info('%s "OPTIONS %s" 204 %.1fms', (scope.get("client") or ("-",))[0],
                        scope["path"], (time.perf_counter() - started) * 1000)
