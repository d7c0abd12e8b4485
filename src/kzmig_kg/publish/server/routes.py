"""The URL space of the server, one module per kind of resource."""

from __future__ import annotations

from starlette.routing import Route

from .dumps import dist_file, dist_index, void
from .editor import editor_page
from .graphs import named_graph
from .linked import INSTANCE_ROOTS, data_document, ontology, resource_iri
from .pages import home, kind_list, resource_page, search_page
from .queries import named_query, query_index
from .sparql import sparql_endpoint

SPARQL_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]

ROUTES = [
    Route("/", home),
    Route("/sparql", sparql_endpoint, methods=SPARQL_METHODS),
    Route("/sparql/", sparql_endpoint, methods=SPARQL_METHODS),
    Route("/editor", editor_page),
    *[Route(f"/{root}/{{rest:path}}", resource_iri) for root in INSTANCE_ROOTS],
    Route("/graph/{rest:path}", named_graph),
    Route("/page/{path:path}", resource_page),
    Route("/data/{path:path}", data_document),
    Route("/ontology", ontology),
    Route("/ontology.{suffix}", ontology),
    Route("/.well-known/void", void),
    Route("/void.ttl", void),
    Route("/dist/", dist_index),
    Route("/dist/{name}", dist_file),
    Route("/search", search_page),
    Route("/kinds", kind_list),
    Route("/queries", query_index),
    Route("/queries/{name:path}", named_query),
]
