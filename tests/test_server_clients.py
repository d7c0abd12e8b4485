"""Real clients against `kzmig-kg serve` on 127.0.0.1: SPARQLWrapper in every return format,
rdflib's SPARQLStore, and the content-negotiation matrix of /sparql over HTTP."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from .conftest import Served

SELECT = ("PREFIX eli: <http://data.europa.eu/eli/ontology#> "
          "SELECT ?act ?number WHERE { ?act eli:number ?number } ORDER BY ?act")
CONSTRUCT = ("PREFIX eli: <http://data.europa.eu/eli/ontology#> "
             "CONSTRUCT { ?act eli:number ?number } WHERE { ?act eli:number ?number }")
ACT = "https://w3id.org/kzmig/eli/kz/zakon/2011/477-IV"


def _wrapper(served: Served, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    wrapper = SPARQLWrapper(served.url + "/sparql")
    wrapper.setQuery(query)
    wrapper.setReturnFormat(fmt)
    wrapper.setMethod(method)
    wrapper.setTimeout(30)
    return wrapper


@pytest.fixture(scope="module")
def expected(release) -> dict[str, str]:
    return {str(row["act"]): str(row["number"]) for row in release.query(
        "SELECT ?act ?number WHERE { ?act eli:number ?number }")}


@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_json_and_xml(served: Served, expected: dict[str, str], method: str) -> None:
    answer = _wrapper(served, SELECT, JSON, method).queryAndConvert()
    assert {b["act"]["value"]: b["number"]["value"] for b in answer["results"]["bindings"]} == expected
    document = _wrapper(served, SELECT, XML, method).queryAndConvert()
    numbers = sorted(node.firstChild.data for node in document.getElementsByTagName("literal"))
    assert numbers == sorted(expected.values())


def test_sparqlwrapper_csv_and_tsv(served: Served, expected: dict[str, str]) -> None:
    text = _wrapper(served, SELECT, CSV).queryAndConvert().decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["act"]: r["number"] for r in rows} == expected
    tsv = _wrapper(served, SELECT, TSV).queryAndConvert().decode().splitlines()
    assert tsv[0] == "?act\t?number" and len(tsv) == len(expected) + 1
    assert f"<{ACT}>\t\"477-IV\"" in tsv


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, JSONLD])
def test_sparqlwrapper_graph_formats(served: Served, expected: dict[str, str], fmt: str) -> None:
    answer = _wrapper(served, CONSTRUCT, fmt).query()
    body = answer.response.read()
    media = answer.response.headers["Content-Type"].split(";")[0]
    graph = Graph().parse(data=body, format=media)
    assert {str(s): str(o) for s, _, o in graph} == expected


@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_construct_with_its_default_format(served: Served, expected: dict[str, str],
                                                        method: str) -> None:
    # SPARQLWrapper's default return format is XML: for a CONSTRUCT it asks for RDF/XML and also
    # sends format=xml, which names RDF/XML here, not SPARQL results XML (that was a 406)
    wrapper = SPARQLWrapper(served.url + "/sparql")
    wrapper.setQuery(CONSTRUCT)
    wrapper.setMethod(method)
    wrapper.setTimeout(30)
    graph = wrapper.queryAndConvert()
    assert {str(s): str(o) for s, _, o in graph} == expected
    json_ld = _wrapper(served, CONSTRUCT, JSON, method).query()   # format=json: JSON-LD
    assert json_ld.response.headers["Content-Type"].startswith("application/ld+json")


def test_sparqlwrapper_ask(served: Served) -> None:
    answer = _wrapper(served, f"ASK {{ <{ACT}> ?p ?o }}", JSON).queryAndConvert()
    assert answer["boolean"] is True


def test_rdflib_sparqlstore(served: Served, expected: dict[str, str]) -> None:
    store = SPARQLStore(served.url + "/sparql", returnFormat="json")
    graph = Graph(store=store)
    rows = list(graph.query(SELECT))
    assert {str(act): str(number) for act, number in rows} == expected
    assert (URIRef(ACT), URIRef("http://data.europa.eu/eli/ontology#number"), Literal("477-IV")) in graph
    store.close()


def _get(served: Served, query: str, accept: str | None) -> tuple[int, str, bytes]:
    url = served.url + "/sparql?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers["Content-Type"].split(";")[0], answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"].split(";")[0], error.read()


SELECT_MATRIX = [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/json", "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv, application/sparql-results+xml;q=0.5", "text/csv"),
    ("text/*", "text/csv"),
    ("application/*;q=0.2, text/tab-separated-values", "text/tab-separated-values"),
    ("image/png", 406),
    ("text/turtle", 406),
]
CONSTRUCT_MATRIX = [
    (None, "text/turtle"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("application/ld+json", "application/ld+json"),
    ("application/ld+json;q=0.9, text/turtle;q=0.8", "application/ld+json"),
    ("application/sparql-results+json", 406),
]


@pytest.mark.parametrize(("accept", "wanted"), SELECT_MATRIX)
def test_conneg_select(served: Served, accept: str | None, wanted: str | int) -> None:
    status, media, body = _get(served, SELECT + " LIMIT 2", accept)
    if isinstance(wanted, int):
        assert status == wanted and b"Not Acceptable" in body
        return
    assert status == 200 and media == wanted
    if media.endswith("json"):
        assert len(json.loads(body)["results"]["bindings"]) == 2
    elif media.endswith("xml"):
        assert len(ET.fromstring(body).findall(".//{http://www.w3.org/2005/sparql-results#}result")) == 2
    else:
        assert len(body.decode().strip().splitlines()) == 3


@pytest.mark.parametrize(("accept", "wanted"), CONSTRUCT_MATRIX)
def test_conneg_construct(served: Served, accept: str | None, wanted: str | int) -> None:
    status, media, body = _get(served, CONSTRUCT, accept)
    if isinstance(wanted, int):
        assert status == wanted
        return
    assert status == 200 and media == wanted
    assert (URIRef(ACT), None, Literal("477-IV")) in Graph().parse(data=body, format=media)


@pytest.mark.parametrize(("accept", "wanted"), [(None, "application/sparql-results+json"),
                                                ("application/sparql-results+xml",
                                                 "application/sparql-results+xml"),
                                                ("text/csv", 406)])
def test_conneg_ask(served: Served, accept: str | None, wanted: str | int) -> None:
    status, media, body = _get(served, "ASK {}", accept)
    assert status == wanted if isinstance(wanted, int) else (status, media) == (200, wanted)


def test_every_graph_iri_resolves_on_the_served_address(served: Served) -> None:
    # --base maps https://w3id.org/kzmig/ onto the server: the act's IRI, rebased, dereferences
    request = urllib.request.Request(served.url + ACT.removeprefix("https://w3id.org/kzmig"),
                                     headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(request, timeout=30) as answer:  # follows the 303
        assert answer.url.endswith(".ttl")
        graph = Graph().parse(data=answer.read(), format="turtle")
    assert (URIRef(ACT), None, Literal("477-IV")) in graph
