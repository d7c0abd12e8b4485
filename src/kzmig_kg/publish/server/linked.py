"""Linked data (Cool URIs for the Semantic Web, §4.3 303 URIs): ``resource_iri`` answers 303 from a
thing's IRI to its page or a data document; ``data_document`` serves the document with an ETag
from the release, 304 on If-None-Match, and a Link header per alternate format; ``ontology``
serves the one ontology document behind every hash IRI ``…/ontology#Term``.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from .conneg import negotiate
from .describe import ONTOLOGY_GRAPH, description, exists, graph_triples
from .etags import etag, fresh, validated
from .formats import DATA_TYPES, FORMAT_NAMES, HTML, JSONLD, RDFXML, SUFFIX_OF, content_type
from .formats import serialize_triples as serialize
from .pages import not_found_page, ontology_page
from .problems import problem

PAGE_FIRST = [HTML, *DATA_TYPES]
GRAPH_NAMES = {"json": JSONLD, "xml": RDFXML}
ACCEPT_ALIASES = {"application/json": JSONLD, "application/xml": RDFXML, "text/xml": RDFXML}
INSTANCE_ROOTS = ("id", "eli", "code", "vocab", "scheme")  # and "graph": graphs.py


def thing_iri(request: Request) -> str:
    return request.app.state.settings.namespace + request.url.path.lstrip("/")


def local_path(iri: str, namespace: str) -> str | None:
    """The server path of an IRI in our namespace (None for any other IRI)."""
    return "/" + iri[len(namespace):] if iri.startswith(namespace) else None


def chosen(request: Request, offers: list[str]) -> str | None:
    """The format of a resource's answer: ``?format=`` first, then the ``Accept`` header."""
    forced = request.query_params.get("format")
    if forced:
        # a resource is a graph: json and xml name its JSON-LD and RDF/XML, as on /sparql
        media = GRAPH_NAMES.get(forced.lower()) or FORMAT_NAMES.get(forced.lower(), forced)
        return media if media in offers else None
    # plain JSON and XML clients get JSON-LD and RDF/XML, but only when they name them
    media = negotiate(request.headers.get("accept"), [*offers, *ACCEPT_ALIASES])
    media = ACCEPT_ALIASES.get(media, media)
    return media if media in offers else None


def alternates(request: Request, path: str) -> str:
    links = [f'<{path}.{SUFFIX_OF[m]}>; rel="alternate"; type="{m}"' for m in DATA_TYPES]
    return ", ".join([*links, f'<{path.replace("/data/", "/page/", 1)}>; rel="alternate"; type="text/html"'])


async def resource_iri(request: Request) -> Response:
    """/id/…, /eli/…: 303 See Other to /page/… (HTML) or /data/….{ttl,jsonld,rdf,nt}."""
    state = request.app.state
    iri = thing_iri(request)
    if not exists(state.store, iri):
        return not_found_page(request, iri)
    media = chosen(request, PAGE_FIRST)
    if media is None:
        return problem(406, "this resource is offered as text/html, text/turtle, application/ld+json, "
                            "application/rdf+xml and application/n-triples", {"Vary": "Accept"})
    path = request.url.path
    root = request.scope.get("root_path", "")  # the path of --base, when the request came under it
    target = f"{root}/page{path}" if media == HTML else f"{root}/data{path}.{SUFFIX_OF[media]}"
    return RedirectResponse(target, status_code=303, headers={
        "Vary": "Accept", "Cache-Control": "public, max-age=3600",
        "Link": alternates(request, f"/data{path}")})


async def data_document(request: Request) -> Response:
    """/data/{path}.{ext}: the description of one resource in one format."""
    state = request.app.state
    path = request.path_params["path"]
    stem, _, suffix = path.rpartition(".")
    media = FORMAT_NAMES.get(suffix)
    if not stem or media not in DATA_TYPES:
        return problem(404, f"no data document /data/{path}; the formats are .ttl, .jsonld, .rdf and .nt")
    iri = state.settings.namespace + stem
    tag = etag(state.release, iri + media)
    if fresh(request, tag):
        return Response(status_code=304, headers={"ETag": tag})
    body = state.cache.get(("data", iri, media))
    if body is None:
        triples = description(state.store, iri)
        if not triples:
            return not_found_page(request, iri)
        body = state.cache.put(("data", iri, media), serialize(triples, media))
    return Response(body, media_type=content_type(media), headers={
        "ETag": tag, "Cache-Control": "public, max-age=3600",
        "Link": alternates(request, f"/data/{stem}")})


async def ontology(request: Request) -> Response:
    """/ontology (and /ontology.{ttl,…}): the ontology document for every …/ontology#Term."""
    state = request.app.state
    suffix = request.path_params.get("suffix")
    if suffix:
        media = FORMAT_NAMES.get(suffix)
        if media not in DATA_TYPES:
            return problem(404, "the ontology is at /ontology.ttl, .jsonld, .rdf and .nt")
    else:
        media = chosen(request, PAGE_FIRST)
        if media is None:
            return problem(406, "the ontology is offered as HTML, Turtle, JSON-LD, RDF/XML and "
                                "N-Triples", {"Vary": "Accept"})
    headers, not_modified = validated(request, "ontology" + media, vary="Accept",
                                      alternates_at="/ontology")
    if not_modified:
        return not_modified
    if media == HTML:
        return await ontology_page(request, headers)
    body = state.cache.get(("ontology", media)) or state.cache.put(
        ("ontology", media), serialize(graph_triples(state.store, ONTOLOGY_GRAPH), media))
    return Response(body, media_type=content_type(media), headers=headers)


