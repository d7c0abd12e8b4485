"""The named queries of ``queries/`` as pages: ``/queries`` lists them, ``/queries/NAME`` is a form
with their typed parameters and the answer as a table with links, ``/queries/NAME.{csv,tsv,json,
xml}`` downloads the answer; a link that gives parameters runs the query like the form's button.
Parameters are bound as typed terms (``query.named.bind_params``),
never spliced into the text, after the checks ``kzmig-kg query`` makes (``query.params``: a name,
code or id in any case; a miss answers 400 with the closest matches), and the answer carries the
notes on what the document does not say (``query.silences``). They run like any query of
/sparql: on the killable worker pool, under the same wall-clock limit, row cap and response size
(a page answers 503 when its query is stopped)."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ...errors import QueryError
from ...query.named import NamedQuery, bind_params
from ...query.params import check_params
from ...query.silences import silence_notes
from .formats import FORMAT_NAMES, content_type
from .guard import query_form
from .labels import reader_languages
from .pages import render
from .problems import problem
from .resource import value_of
from .workers import ROWS, Answer, Job

INPUT_TYPES = {"xsd:integer": "number", "xsd:gYear": "number", "xsd:decimal": "text",
               "xsd:date": "date", "xsd:string": "text", "iri": "text"}  # an IRI, an id or a name
DOWNLOADS = ("csv", "tsv", "json", "xml")
CACHED_ROWS = 500   # a page's answer kept in the answer cache up to this many rows


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
    # every name but the form's button is a parameter, so a misspelt one is refused, not ignored
    given = {key: value for key, value in request.query_params.items() if key != "run" and value}
    run = bool(dot) or "run" in request.query_params or not query.params or bool(given)
    media = FORMAT_NAMES.get(suffix) if dot else ROWS
    if dot and (suffix not in DOWNLOADS or media is None):
        return problem(404, f"answers download as {', '.join('.' + d for d in DOWNLOADS)}")
    if dot and query_form(query.text) != "SELECT":
        return problem(400, f"queries/{name}.rq does not give a table to download; run it at "
                            f"/queries/{name}")
    result, error, status, notes = None, None, 200, []
    if run:
        try:
            checked = await _remembered(state, "params", check_params, query, given)
            bound = bind_params(query, checked)
        except QueryError as exc:
            error, status = _named(str(exc), query, name), 400
        else:
            answer = await _run(state, query, bound, media)
            if answer.status != 200:
                error, status = _named(answer.message, query, name), answer.status
                status = 400 if status == 500 else status   # our query, the reader's parameters
            elif not dot:
                notes = await _remembered(state, "notes", silence_notes, query.name, checked)
            result = answer.result
    if dot:
        if error:
            return problem(status, error)
        return Response(answer.body, media_type=content_type(media), headers={
            "Content-Disposition": f'attachment; filename="{name.replace("/", "-")}.{suffix}"'})
    languages = reader_languages(request.headers.get("accept-language"))
    table = None
    if result is not None and result.kind == "select":
        table = [[value_of(row.get(v), state.labeller, state.settings.namespace, languages)
                  if row.get(v) is not None else None for v in result.variables] for row in result.rows]
    values = {p.name: given.get(p.name, p.default) for p in query.params}
    return render("query.html", request, name=name, query=query, values=values,
                  input_types=INPUT_TYPES, result=result, table=table, error=error, notes=notes,
                  downloads=[(d, f"/queries/{name}.{d}?{urlencode(values)}") for d in DOWNLOADS],
                  status=status)


async def _remembered(state, what: str, check, subject, values: dict[str, str]):
    """``check(subject, values, store)`` run off the event loop (it reads small vocabularies of
    the store) and remembered, its QueryError too: the release never changes, nor its verdict."""
    key = (what, getattr(subject, "name", subject), tuple(sorted(values.items())))
    outcome = state.param_cache.get(key)
    if outcome is None:
        try:
            outcome = await run_in_threadpool(check, subject, values, state.store)
        except QueryError as exc:
            outcome = exc
        state.param_cache.put(key, outcome)
    if isinstance(outcome, QueryError):
        raise outcome
    return outcome


async def _run(state, query: NamedQuery, bound: dict, media: str) -> Answer:
    """The named query on the worker pool (the answer cache first: the release never changes)."""
    settings = state.settings
    job = Job(query=query.text, media=media, graph_media="", max_rows=settings.max_rows,
              max_bytes=settings.max_response_bytes, substitutions=tuple(sorted(bound.items())))
    cached = state.answer_cache.get(job)
    if cached is not None:
        return cached
    answer = await state.pool.run(job, settings.timeout_s)
    if answer.status == 200 and _small(answer):
        state.answer_cache.put(job, answer)
    return answer


def _small(answer: Answer) -> bool:
    if answer.result is None:
        return len(answer.body) <= 64_000
    return len(answer.result.rows) + len(answer.result.triples) <= CACHED_ROWS


def _named(message: str, query: NamedQuery, name: str) -> str:
    return message.replace(str(query.path), f"queries/{name}.rq") if query.path else message
