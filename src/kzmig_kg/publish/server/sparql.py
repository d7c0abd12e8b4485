"""The SPARQL 1.1 Protocol endpoint (https://www.w3.org/TR/sparql11-protocol/), read-only:
``sparql_endpoint(request)``.

§2.1 query operation: GET with ``query=``, POST with a URL-encoded form, POST with the query as
the body (``application/sparql-query``); ``default-graph-uri`` and ``named-graph-uri`` select the
dataset (§2.1.4). §2.2 update operation: refused with 403, the endpoint is read-only. A GET
without a query returns the Service Description (or the query editor to a browser).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from .conneg import negotiate
from .description import service_description
from .editor import editor_page
from .formats import (
    ALIASES,
    BOOLEAN_TYPES,
    FORMAT_NAMES,
    GRAPH_ALIASES,
    GRAPH_TYPES,
    HTML,
    SOLUTION_TYPES,
    content_type,
)
from .guard import QueryRefused, check_query, query_form
from .problems import problem
from .workers import Answer, Job

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
CACHED_ANSWER_BYTES = 64_000   # with 512 entries: at most 32 MB
NOT_ACCEPTABLE = ("none of the media types in Accept is offered: SPARQL results as "
                  f"{', '.join(SOLUTION_TYPES[:4])}; RDF as {', '.join(GRAPH_TYPES[:4])}")

# format=xml and format=json name a graph's RDF/XML and JSON-LD for CONSTRUCT and DESCRIBE, as
# SPARQLWrapper means them (it sends format=xml by default, beside Accept: application/rdf+xml)
GRAPH_FORMAT_NAMES = {"xml": "application/rdf+xml", "json": "application/ld+json"}


async def sparql_endpoint(request: Request) -> ASGIApp:
    response = await query_response(request.app.state, request.scope, request.receive)
    return response if response is not None else await _describe(request)


async def query_response(state: Any, scope: Scope, receive: Receive) -> ASGIApp | None:
    """The answer to a protocol request with a query, from the raw ASGI scope (the server's fast
    path calls it without Starlette's routing); None for a GET without a query (the Service
    Description or the editor, which ``sparql_endpoint`` renders)."""
    settings = state.settings
    request_key = _get_key(scope, settings.base is None)
    if request_key is not None and (known := state.request_cache.get(request_key)) is not None:
        return known   # the same GET as before: its answer without parsing anything again
    headers = _headers(scope)
    try:
        params, query = await _read_request(scope, headers, receive, settings.max_body_bytes)
        if query is None:
            return None
        if not query.strip():   # the engine would report "error at 1:1: expected [_]"
            raise QueryRefused(400, "the query is empty; send a SPARQL query as 'query' (GET or a "
                                    "POST form) or as the body of an application/sparql-query POST")
        check_query(query, max_chars=settings.max_query_chars, service_allow=settings.service_allow)
    except QueryRefused as refused:
        return problem(refused.status, refused.message)
    accept = headers.get("accept")
    forced = params.get("format", [None])[-1]
    if forced in FORMAT_NAMES:  # an unknown name leaves the choice to Accept
        accept = FORMAT_NAMES[forced]
        if forced in GRAPH_FORMAT_NAMES and query_form(query) in ("CONSTRUCT", "DESCRIBE"):
            accept = GRAPH_FORMAT_NAMES[forced]
    solutions, graphs = _negotiated(accept)
    if solutions is None and graphs is None:
        return problem(406, NOT_ACCEPTABLE)
    if solutions is not None and solutions not in BOOLEAN_TYPES and query_form(query) == "ASK":
        solutions = negotiate(accept, BOOLEAN_TYPES)
        if solutions is None:
            return problem(406, "an ASK answer is a boolean: accept SPARQL results JSON or XML")
    job = Job(query=query, media=ALIASES.get(solutions, solutions) if solutions else "",
              graph_media=GRAPH_ALIASES.get(graphs, graphs) if graphs else "",
              default_graphs=tuple(params.get("default-graph-uri", ())),
              named_graphs=tuple(params.get("named-graph-uri", ())),
              max_rows=settings.max_rows, max_bytes=settings.max_response_bytes,
              base_iri=_endpoint_url(scope, headers, settings.base))
    # the release never changes under the server: an answer to the same request is the same
    cached = state.answer_cache.get(job)
    answer = cached or await state.pool.run(job, settings.timeout_s)
    if answer.status != 200:
        return problem(answer.status, answer.message)
    if cached is None and len(answer.body) <= CACHED_ANSWER_BYTES:
        state.answer_cache.put(job, answer)
    if request_key is not None and len(answer.body) <= CACHED_ANSWER_BYTES:
        state.request_cache.put(request_key, _answered(answer, "hit"))
    return _answered(answer, "hit" if cached else "miss")


class _Answered:
    """A query's answer as an ASGI response, its headers made once (Starlette's ``Response``
    costs a fifth of a simple query's time in the server process; a remembered answer is sent
    again as it is)."""

    __slots__ = ("body", "headers")

    def __init__(self, body: bytes, headers: list[tuple[bytes, bytes]]):
        self.body = body
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.headers})
        await send({"type": "http.response.body", "body": self.body})


def _answered(answer: Answer, cache: str) -> _Answered:
    return _Answered(answer.body, [
        (b"content-length", str(len(answer.body)).encode()),
        (b"content-type", content_type(answer.media).encode()), (b"vary", b"Accept"),
        (b"cache-control", b"public, max-age=300"), (b"x-answer-cache", cache.encode())])


_NEGOTIATED: dict[str | None, tuple[str | None, str | None]] = {}


def _negotiated(accept: str | None) -> tuple[str | None, str | None]:
    """The results type and the RDF type an ``Accept`` header chooses; remembered for the few
    hundred distinct headers clients send (the same client sends the same one each time)."""
    found = _NEGOTIATED.get(accept)
    if found is None:
        found = negotiate(accept, SOLUTION_TYPES), negotiate(accept, GRAPH_TYPES)
        if len(_NEGOTIATED) < 512:
            _NEGOTIATED[accept] = found
    return found


def _get_key(scope: Scope, by_host: bool) -> tuple | None:
    """What decides the answer to a GET: its path, its query string (the query, the dataset,
    format=), Accept, and the Host when relative IRIs resolve against the request's address."""
    if scope["method"] != "GET":
        return None
    accept = host = None
    for name, value in scope["headers"]:
        if name == b"accept" and accept is None:
            accept = value
        elif name == b"host" and host is None:
            host = value
    return (scope["path"], scope.get("root_path", ""), scope["query_string"], accept,
            (scope.get("scheme"), host) if by_host else None)


def _headers(scope: Scope) -> dict[str, str]:
    """The request's headers by lower-case name, the first of each name (as Starlette's)."""
    found: dict[str, str] = {}
    for name, value in scope["headers"]:
        found.setdefault(name.decode("latin-1"), value.decode("latin-1"))
    return found


def _endpoint_url(scope: Scope, headers: dict[str, str], base: str | None) -> str:
    """The address of the endpoint as the client sees it (``description.endpoint_url`` for a
    Request), without its query string."""
    if base:
        return base.rstrip("/") + scope["path"]
    host = headers.get("host")
    if host is None:
        server = scope.get("server") or ("127.0.0.1", 80)
        host = f"{server[0]}:{server[1]}"
    return f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}{scope['path']}"


async def _read_request(scope: Scope, headers: dict[str, str], receive: Receive,
                        max_body: int) -> tuple[dict[str, list[str]], str | None]:
    """The protocol parameters and the query text (None: no query) of a request."""
    params = _multi(parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True))
    method = scope["method"]
    if method in ("GET", "HEAD"):
        if "update" in params:
            raise QueryRefused(403, "SPARQL Update is not accepted: this endpoint is read-only "
                                    "(and an update is never sent with GET)")
        return params, _one_query(params)
    if method != "POST":
        raise QueryRefused(405, f"{method} is not a SPARQL protocol operation; use GET or POST")
    media, _, rest = headers.get("content-type", "").partition(";")
    media = media.strip().lower()
    charset = _charset(rest)
    if charset not in (None, "utf-8", "utf8"):
        raise QueryRefused(400, f"the body is declared {charset}; SPARQL requests must be UTF-8")
    body = await _body(headers, receive, max_body)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise QueryRefused(400, "the body is not UTF-8; SPARQL requests must be UTF-8") from None
    if media == FORM:
        form = _multi(parse_qsl(text, keep_blank_values=True, errors="strict"))
        if "update" in form:
            raise QueryRefused(403, "SPARQL Update is not accepted: this endpoint is read-only")
        for name in ("default-graph-uri", "named-graph-uri"):
            params.setdefault(name, []).extend(form.get(name, []))
        if "format" in form:
            params["format"] = form["format"]
        query = _one_query(form)
        if query is None:
            raise QueryRefused(400, "the form has no 'query' field")
        return params, query
    if media == DIRECT:
        return params, text
    if media == UPDATE:
        raise QueryRefused(403, "SPARQL Update is not accepted: this endpoint is read-only")
    shown = media or "no Content-Type"
    raise QueryRefused(415 if media else 400,
                       f"a POST query needs Content-Type {FORM} or {DIRECT}, not {shown}")


def _one_query(params: dict[str, list[str]]) -> str | None:
    queries = params.get("query", [])
    if len(queries) > 1:
        raise QueryRefused(400, f"the request has {len(queries)} 'query' parameters; send exactly one")
    return queries[0] if queries else None


async def _body(headers: dict[str, str], receive: Receive, max_body: int) -> bytes:
    declared = headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_body:
        raise QueryRefused(413, f"the request body is {declared} bytes; this endpoint accepts at most "
                                f"{max_body}")
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise QueryRefused(400, "the client went away before sending the whole body")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > max_body:
            raise QueryRefused(413, f"the request body is over {max_body} bytes, this endpoint's limit")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _charset(parameters: str) -> str | None:
    for item in parameters.split(";"):
        key, _, value = item.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return None


def _multi(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, value in pairs:
        found.setdefault(key, []).append(value)
    return found


async def _describe(request: Request) -> Response:
    accept = request.headers.get("accept")
    offers = [HTML, *GRAPH_TYPES] if accept and "text/html" in accept else GRAPH_TYPES
    chosen = negotiate(accept, offers)
    if chosen == HTML:
        return await editor_page(request)
    if chosen is None:
        return problem(406, NOT_ACCEPTABLE)
    chosen = GRAPH_ALIASES.get(chosen, chosen)
    return Response(service_description(request, chosen), media_type=content_type(chosen),
                    headers={"Vary": "Accept"})
