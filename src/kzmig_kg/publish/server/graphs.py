"""The release's named graphs (``…/graph/records/legal/acts``) as documents: ``named_graph``
answers a graph's IRI with the graph itself (the Graph Store Protocol's direct identification),
in the format the client accepts, or with a page listing its subjects for a browser.

A graph is an information resource, so it is answered 200 rather than 303; a graph too large
to serialise in one answer is refused with a pointer to the dumps.
"""

from __future__ import annotations

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response

from .etags import validated
from .formats import DATA_TYPES, FORMAT_NAMES, HTML, SUFFIX_OF, content_type
from .formats import serialize_triples as serialize
from .linked import PAGE_FIRST, chosen
from .pages import not_found_page, render
from .problems import problem
from .resource import href

MAX_GRAPH_TRIPLES = 200_000  # a larger graph is read from the dumps or through /sparql
SUBJECTS_PER_PAGE = 200


async def named_graph(request: Request) -> Response:
    """/graph/{name}[.ttl|.jsonld|.rdf|.nt]: one named graph of the release."""
    state = request.app.state
    name, suffix = _split_suffix(request.path_params["rest"])
    iri = f"{state.settings.namespace}graph/{name}"
    graph = ox.NamedNode(iri)
    if not state.store.contains_named_graph(graph):
        return not_found_page(request, iri)
    media = FORMAT_NAMES[suffix] if suffix else chosen(request, PAGE_FIRST)
    if media is None:
        return problem(406, "a named graph is offered as text/html, text/turtle, application/ld+json, "
                            "application/rdf+xml and application/n-triples", {"Vary": "Accept"})
    page = _page_number(request) if media == HTML else 1
    if page is None:
        return problem(400, "page must be a whole number from 1; e.g. ?page=2")
    headers, not_modified = validated(request, f"{iri} {media} {page}", vary="Accept",
                                      alternates_at=f"/graph/{name}")
    if not_modified:
        return not_modified
    triples = _triples(state.store, graph)
    if triples is None:
        return problem(413, f"the graph {iri} holds more than {MAX_GRAPH_TRIPLES:,} triples: "
                            "download the release from /dist/ or query it at /sparql with GRAPH")
    if media == HTML:
        return _graph_page(request, iri, name, triples, page, headers)
    key = ("graph", iri, media)
    body = state.cache.get(key) or state.cache.put(key, serialize(triples, media))
    return Response(body, media_type=content_type(media), headers=headers)


def _split_suffix(rest: str) -> tuple[str, str | None]:
    stem, dot, suffix = rest.rpartition(".")
    if dot and FORMAT_NAMES.get(suffix) in DATA_TYPES:
        return stem, suffix
    return rest, None


def _page_number(request: Request) -> int | None:
    text = request.query_params.get("page", "1")
    return int(text) if text.isdigit() and int(text) >= 1 else None


def _triples(store: ox.Store, graph: ox.NamedNode) -> list[ox.Triple] | None:
    triples = []
    for quad in store.quads_for_pattern(None, None, None, graph):
        if len(triples) == MAX_GRAPH_TRIPLES:
            return None
        triples.append(quad.triple)
    return triples


def _graph_page(request: Request, iri: str, name: str, triples: list[ox.Triple], page: int,
                headers: dict[str, str]) -> Response:
    state = request.app.state
    namespace = state.settings.namespace
    subjects = sorted({t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)})
    start = (page - 1) * SUBJECTS_PER_PAGE
    shown = [(state.labeller.label(s), href(s, namespace)) for s in
             subjects[start:start + SUBJECTS_PER_PAGE]]
    return render("graph.html", request, iri=iri, name=name, triple_count=len(triples),
                  subject_count=len(subjects), subjects=shown, page=page, first=start + 1,
                  has_next=start + SUBJECTS_PER_PAGE < len(subjects),
                  formats=[(SUFFIX_OF[m], m) for m in DATA_TYPES], headers=headers)
