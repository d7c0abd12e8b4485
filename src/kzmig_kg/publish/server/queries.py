"""The named queries of ``queries/`` as pages: ``/queries`` lists them, ``/queries/NAME`` is a form
with their typed parameters and the answer as a table with links, ``/queries/NAME.{csv,tsv,json,
xml}`` downloads the answer. Parameters are bound as typed terms (``query.named.bind_params``),
never spliced into the text; the named queries are our own, bounded, and run in a thread."""

from __future__ import annotations

from urllib.parse import urlencode

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response

from ...errors import QueryError
from ...query.local import query_store
from ...query.named import bind_params
from .formats import FORMAT_NAMES, content_type, serialize_rows
from .labels import reader_languages
from .pages import render
from .problems import problem
from .resource import value_of

INPUT_TYPES = {"xsd:integer": "number", "xsd:gYear": "number", "xsd:decimal": "text",
               "xsd:date": "date", "xsd:string": "text", "iri": "url"}
DOWNLOADS = ("csv", "tsv", "json", "xml")


async def query_index(request: Request) -> Response:
    queries = {n: q for n, q in request.app.state.named_queries.items() if not n.startswith("checks/")}
    return render("queries.html", request, queries=queries)


async def named_query(request: Request) -> Response:
    state = request.app.state
    name = request.path_params["name"]
    name, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    query = state.named_queries.get(name)
    if query is None:
        return problem(404, f"there is no named query '{name}'; the list is at /queries")
    given = {p.name: request.query_params[p.name] for p in query.params if request.query_params.get(p.name)}
    run = bool(dot) or "run" in request.query_params or not query.params
    result, error = None, None
    if run:
        try:
            bound = bind_params(query, given)
            result = await anyio.to_thread.run_sync(
                lambda: query_store(state.store, query.text, bound, source=f"queries/{name}.rq"))
        except QueryError as exc:
            error = str(exc).replace(str(query.path), f"queries/{name}.rq") if query.path else str(exc)
    if dot:
        media = FORMAT_NAMES.get(suffix)
        if suffix not in DOWNLOADS or media is None:
            return problem(404, f"answers download as {', '.join('.' + d for d in DOWNLOADS)}")
        if error or result is None or result.kind != "select":
            return problem(400, error or "this query does not give a table")
        body = serialize_rows(result.variables, [[row.get(v) for v in result.variables]
                                                 for row in result.rows], media)
        return Response(body, media_type=content_type(media), headers={
            "Content-Disposition": f'attachment; filename="{name.replace("/", "-")}.{suffix}"'})
    languages = reader_languages(request.headers.get("accept-language"))
    table = None
    if result is not None and result.kind == "select":
        table = [[value_of(row.get(v), state.labeller, state.settings.namespace, languages)
                  if row.get(v) is not None else None for v in result.variables] for row in result.rows]
    values = {p.name: given.get(p.name, p.default) for p in query.params}
    return render("query.html", request, name=name, query=query, values=values,
                  input_types=INPUT_TYPES, result=result, table=table, error=error,
                  downloads=[(d, f"/queries/{name}.{d}?{urlencode(values)}") for d in DOWNLOADS],
                  status=400 if error else 200)
