"""/sparql's 406 names the formats that fit the kind of answer asked for: RDF for a CONSTRUCT,
SPARQL results for a SELECT (it offered CSV to a CONSTRUCT that had asked for CSV)."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pytest

from .conftest import Served


def _refused(served: Served, query: str, accept: str) -> str:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(served.url + "/sparql", data=body, headers={"Accept": accept})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 406
    return refused.value.read().decode()


def test_a_construct_asked_as_csv_is_told_the_rdf_formats(served: Served) -> None:
    message = _refused(served, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", "text/csv")
    assert "RDF (Turtle, N-Triples, RDF/XML, JSON-LD)" in message
    assert "CSV" not in message


def test_a_select_asked_as_turtle_is_told_the_results_formats(served: Served) -> None:
    message = _refused(served, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/turtle")
    assert "SPARQL results (JSON, XML, CSV, TSV)" in message
    assert "Turtle" not in message
