"""Server-rendered HTML for people (autoescaped Jinja2 templates, no JavaScript needed):
home, a page per resource, the ontology, lists of a kind, search, not-found."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import anyio.to_thread
import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from ...errors import QueryError
from ...query.search import MARK_END, MARK_START, search
from .describe import ONTOLOGY_GRAPH, exists, graph_triples
from .etags import validated
from .formats import DATA_TYPES, SUFFIX_OF
from .labels import reader_languages
from .resource import PAGE_SIZE, Value, href, resource_view

TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")),
                        autoescape=select_autoescape(default=True, default_for_string=True))
KZO = "https://w3id.org/kzmig/ontology#"
ENTRY_POINTS = [
    ("Legal acts", "http://data.europa.eu/eli/ontology#LegalResource"),
    ("Policy documents and programmes", KZO + "PolicyDocument"),
    ("State bodies and organisations", "http://www.w3.org/ns/org#FormalOrganization"),
    ("International agreements", KZO + "InternationalAgreement"),
    ("Events", KZO + "Event"),
    ("The interview study: experts interviewed", KZO + "Expert"),
    ("The interview study: interviews", KZO + "Interview"),
    ("Findings of the interview study", KZO + "Finding"),
    ("Codebook themes", KZO + "CodebookTheme"),
]
ENTRY_QUERIES = ["rq-flows-by-partner", "flows-partner-series", "study-theme-summary", "acts-in-force"]


def render(template: str, request: Request, status: int = 200, headers: dict | None = None,
           **context) -> HTMLResponse:
    html = TEMPLATES.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status, headers=headers)


def _languages(request: Request) -> tuple[str, ...]:
    return reader_languages(request.headers.get("accept-language"))


async def home(request: Request) -> Response:
    state = request.app.state
    queries = state.named_queries
    return render("home.html", request, stats=state.stats, kinds=state.kinds,
                  entries=[(title, iri, state.class_counts.get(iri, 0)) for title, iri in ENTRY_POINTS],
                  entry_queries=[(n, queries[n]) for n in ENTRY_QUERIES if n in queries],
                  queries=queries, headers={"Cache-Control": "public, max-age=3600"})


async def resource_page(request: Request) -> Response:
    """/page/{path}: the HTML page of https://w3id.org/kzmig/{path}."""
    state = request.app.state
    path = request.path_params["path"]
    iri = state.settings.namespace + path
    languages = _languages(request)
    headers, not_modified = validated(request, f"page:{iri}:{languages}:{request.url.query}",
                                      vary="Accept-Language", alternates_at=f"/data/{path}")
    if not_modified:
        return not_modified
    key = ("page", iri, languages, request.url.query)
    html = state.page_cache.get(key)
    if html is None:
        if not exists(state.store, iri):
            return not_found_page(request, iri)
        try:
            page = int(request.query_params.get("page", "1"))
        except ValueError:
            page = 1
        view = resource_view(state, iri, languages, request.query_params.get("incoming"), page)
        html = state.page_cache.put(key, TEMPLATES.get_template("resource.html").render(
            request=request, view=view, path=path, formats=[(SUFFIX_OF[m], m) for m in DATA_TYPES],
            sparql=quote(f"DESCRIBE <{iri}>"), page_size=PAGE_SIZE, language=languages[0]))
    return HTMLResponse(html, headers=headers)


async def kind_list(request: Request) -> Response:
    """/kinds?type=IRI: the instances of a class, with labels, paged."""
    state = request.app.state
    type_iri = request.query_params.get("type", "")
    languages = _languages(request)
    members = sorted({q.subject.value for q in state.store.quads_for_pattern(
        None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ox.NamedNode(type_iri), None) if isinstance(q.subject, ox.NamedNode)}) if type_iri else []
    items = sorted((Value(state.labeller.label(m, languages), href(m, state.settings.namespace))
                    for m in members), key=lambda v: v.text.lower())
    try:
        page = max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        page = 1
    size = 100
    return render("kinds.html", request, title=state.labeller.label(type_iri, languages) if type_iri else "",
                  type_iri=type_iri, items=items[(page - 1) * size: page * size], total=len(items),
                  page=page, pages=max(1, -(-len(items) // size)))


async def search_page(request: Request) -> Response:
    state = request.app.state
    text = request.query_params.get("q", "").strip()[:200]
    html = state.search_cache.get(text)
    if html is None:
        hits, problem_text = [], ""
        if text:
            try:
                hits = await anyio.to_thread.run_sync(lambda: search(
                    text, state.settings.release_dir, limit=50))
            except QueryError as exc:
                problem_text = str(exc)
        rows = [(f"/queries/{hit.id}" if hit.kind == "query" else href(hit.iri, state.settings.namespace),
                 hit.label, hit.kind, _marked(hit.snippet)) for hit in hits]
        html = TEMPLATES.get_template("search.html").render(q=text, hits=rows, problem=problem_text)
        if not problem_text:
            state.search_cache.put(text, html)
    return HTMLResponse(html)


def _marked(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, matched) pieces, from the index's [ ] marks around the matches."""
    pieces = []
    for part in re.split(r"(\[[^\[\]]*\])", snippet):
        if part.startswith(MARK_START) and part.endswith(MARK_END) and len(part) > 2:
            pieces.append((part[1:-1], True))
        elif part:
            pieces.append((part, False))
    return pieces


async def ontology_page(request: Request, headers: dict[str, str]) -> Response:
    state = request.app.state
    languages = _languages(request)
    terms: dict[str, list] = {}
    for triple in graph_triples(state.store, ONTOLOGY_GRAPH):
        if isinstance(triple.subject, ox.NamedNode) and triple.subject.value.startswith(KZO):
            terms.setdefault(triple.subject.value, []).append(triple)
    rows = []
    for iri in sorted(terms):
        kinds = sorted({state.labeller.label(t.object.value) for t in terms[iri]
                        if t.predicate.value.endswith("#type") and isinstance(t.object, ox.NamedNode)})
        comment = next((t.object.value for t in terms[iri] if t.predicate.value.endswith("#comment")
                        or t.predicate.value.endswith("#definition")), "")
        rows.append((iri.split("#", 1)[1], state.labeller.label(iri, languages), ", ".join(kinds), comment))
    return render("ontology.html", request, rows=rows, headers=headers)


def not_found_page(request: Request, iri: str) -> Response:
    words = iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
    return render("not_found.html", request, status=404, iri=iri, search=quote(words))
