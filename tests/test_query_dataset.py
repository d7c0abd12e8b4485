"""A query's own dataset (FROM / FROM NAMED) is honoured on the embedded store, by `kzmig-kg
query` and by the server's /sparql, instead of being replaced by the union of all graphs."""

from __future__ import annotations

import csv
import io
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.query.dataset import names_dataset
from kzmig_kg.query.local import query_store

from .conftest import Release, Served

ACTS = "https://w3id.org/kzmig/graph/records/legal/acts"
COUNT_FROM_ACTS = f"SELECT (COUNT(*) AS ?n) FROM <{ACTS}> WHERE {{ ?s ?p ?o }}"
COUNT_FROM_NOWHERE = "SELECT (COUNT(*) AS ?n) FROM <http://example.org/no-such-graph> WHERE { ?s ?p ?o }"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.mark.parametrize("text", [
    COUNT_FROM_ACTS,
    "select * from named <http://example.org/g> where { graph ?g { ?s ?p ?o } }",
    "PREFIX ex: <http://example.org/>\nCONSTRUCT { ?s ?p ?o }\nFROM ex:g\nWHERE { ?s ?p ?o }",
    "SELECT *FROM<http://example.org/g>WHERE{?s ?p ?o}",
])
def test_a_dataset_clause_is_seen(text: str) -> None:
    assert names_dataset(text)


@pytest.mark.parametrize("text", [
    COUNT_ALL,
    "SELECT ?from WHERE { ?s <http://example.org/from> ?from }",            # a variable, an IRI
    "PREFIX from: <http://example.org/>\nSELECT * WHERE { ?s from:x ex:from }",  # prefixed names
    'SELECT * WHERE { ?s ?p "moved FROM Uzbekistan" }  # FROM in a comment',
    "SELECT * WHERE { ?s ?p '''from\nFROM''' ; ?q \"x\"@from . _:from ?p ?o }",
    "# description: flows from 2000\nSELECT $from WHERE { BIND(1 AS $from) }",
])
def test_no_dataset_clause_is_seen(text: str) -> None:
    assert not names_dataset(text)


def _count(rows: list[dict]) -> int:
    return int(rows[0]["n"])


def test_the_embedded_store_reads_only_the_graphs_named(release: Release) -> None:
    in_acts = _count(release.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ACTS}> {{ ?s ?p ?o }} }}"))
    everything = _count(release.query(COUNT_ALL))
    assert 0 < in_acts < everything
    assert _count(release.query(COUNT_FROM_ACTS)) == in_acts
    assert _count(release.query(COUNT_FROM_NOWHERE)) == 0
    named = query_store(release.store, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{ACTS}> "
                                       "WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(named.rows[0]["n"].value) == in_acts


def test_kzmig_kg_query_reads_only_the_graphs_named(release: Release, tmp_path) -> None:
    in_acts = _count(release.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ACTS}> {{ ?s ?p ?o }} }}"))
    query = tmp_path / "from-acts.rq"
    query.write_text(COUNT_FROM_ACTS + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(query), "--store", str(release.dir / "store"),
                                       "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert list(csv.DictReader(io.StringIO(result.stdout))) == [{"n": str(in_acts)}]


def _sparql_count(served: Served, query: str) -> int:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(served.url + "/sparql", data=body,
                                     headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return int(list(csv.DictReader(io.StringIO(answer.read().decode())))[0]["n"])


def test_the_server_reads_only_the_graphs_named(served: Served, release: Release) -> None:
    in_acts = _count(release.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ACTS}> {{ ?s ?p ?o }} }}"))
    assert _sparql_count(served, COUNT_FROM_ACTS) == in_acts
    assert _sparql_count(served, COUNT_FROM_NOWHERE) == 0
    assert _sparql_count(served, COUNT_ALL) == _count(release.query(COUNT_ALL))
