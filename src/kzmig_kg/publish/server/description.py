"""SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/) of the
endpoint: ``service_description(request, media)``. It does not claim ``sd:BasicFederatedQuery``:
SERVICE is refused unless allow-listed."""

from __future__ import annotations

import pyoxigraph as ox
from starlette.requests import Request

from .formats import serialize_triples

SD = "http://www.w3.org/ns/sparql-service-description#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
FORMATS = "http://www.w3.org/ns/formats/"
RESULT_FORMATS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD"]


def endpoint_url(request: Request) -> str:
    base = request.app.state.settings.base
    if base:
        return base.rstrip("/") + request.url.path
    return str(request.url.replace(query=""))


def service_description(request: Request, media: str) -> bytes:
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")
    default = ox.BlankNode("default")

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    stats = request.app.state.stats
    triples = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), ox.NamedNode(endpoint_url(request))),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, sd("Graph")),
        ox.Triple(default, ox.NamedNode("http://rdfs.org/ns/void#triples"), ox.Literal(
            str(stats.triples), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    ]
    triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + name))
                for name in RESULT_FORMATS]
    for graph in stats.graphs:
        named = ox.BlankNode()
        triples += [ox.Triple(dataset, sd("namedGraph"), named),
                    ox.Triple(named, RDF_TYPE, sd("NamedGraph")),
                    ox.Triple(named, sd("name"), ox.NamedNode(graph))]
    return serialize_triples(triples, media)
