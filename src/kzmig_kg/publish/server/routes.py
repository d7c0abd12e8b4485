"""The URL space of the server, one module per kind of resource."""

from __future__ import annotations

from starlette.routing import Route

from .sparql import sparql_endpoint

ROUTES = [
    Route("/sparql", sparql_endpoint, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]),
    Route("/sparql/", sparql_endpoint, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]),
]
