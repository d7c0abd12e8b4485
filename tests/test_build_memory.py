"""What the streaming build no longer keeps in memory, against the whole-graph way it replaced:
the union's distinct triples counted from the merged N-Triples instead of a SPARQL DISTINCT,
and the search index's words and passages staged in SQLite instead of dicts of the graph."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyoxigraph as ox

from kzmig_kg.pipeline.release.dumps import data_triples, write_data_dumps
from kzmig_kg.pipeline.release.search_index import write_search_index
from kzmig_kg.pipeline.validate import _COUNT_UNION, validate_store

KZO = "https://w3id.org/kzmig/ontology#"
ID = "https://w3id.org/kzmig/id/"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RECORD_ID = ox.NamedNode(KZO + "recordId")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")


def _graph(name: str) -> ox.NamedNode:
    return ox.NamedNode(f"https://w3id.org/kzmig/graph/records/{name}")


def _scattered_store() -> ox.Store:
    """Two resources: ``a`` described in three graphs (one triple repeated in all three, as a
    shared reference period is), ``b`` in one; two passages, ``a`` resting on both."""
    store = ox.Store()
    a, b = ox.NamedNode(ID + "act/a"), ox.NamedNode(ID + "act/b")
    for number, name in enumerate(("one", "two", "three")):
        graph = _graph(name)
        store.add(ox.Quad(a, RDFS_LABEL, ox.Literal("Migration Law", language="en"), graph))
        store.add(ox.Quad(a, ox.NamedNode(KZO + f"note{number}"),
                          ox.Literal(f"note {name}", language="en"), graph))
    store.add(ox.Quad(a, RECORD_ID, ox.Literal("a"), _graph("one")))
    store.add(ox.Quad(b, RECORD_ID, ox.Literal("b"), _graph("two")))
    store.add(ox.Quad(b, RDFS_LABEL, ox.Literal("Закон о миграции", language="ru"), _graph("two")))
    thesis = ox.NamedNode(ID + "document/thesis")
    store.add(ox.Quad(thesis, ox.NamedNode(KZO + "fileName"), ox.Literal("thesis.md"),
                      _graph("one")))
    for first in (40, 12):
        passage = ox.NamedNode(ID + f"passage/thesis/L{first}-{first + 1}")
        graph = _graph("one")
        store.add(ox.Quad(passage, ox.NamedNode(KZO + "firstLine"), ox.Literal(str(first),
                          datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), graph))
        store.add(ox.Quad(passage, ox.NamedNode(KZO + "lastLine"), ox.Literal(str(first + 1),
                          datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), graph))
        store.add(ox.Quad(passage, ox.NamedNode("http://www.w3.org/ns/oa#hasSource"), thesis, graph))
        store.add(ox.Quad(a, DERIVED, passage, graph))
    return store


def test_the_merged_ntriples_count_the_unions_distinct_triples(tmp_path: Path) -> None:
    store = _scattered_store()
    write_data_dumps(store, tmp_path)
    distinct = int(next(iter(store.query(_COUNT_UNION)))["n"].value)
    assert data_triples(tmp_path) == distinct < len(store)  # the repeated label counts once


def test_validating_without_the_count_leaves_it_to_the_dumps_unless_the_default_graph_is_used(
        ) -> None:
    store = _scattered_store()
    counted = validate_store(store)
    assert counted.triples_checked == int(next(iter(store.query(_COUNT_UNION)))["n"].value)
    assert validate_store(store, count_triples=False).triples_checked is None
    store.add(ox.Quad(ox.NamedNode(ID + "act/c"), RECORD_ID, ox.Literal("c")))  # default graph
    assert validate_store(store, count_triples=False).triples_checked == \
        int(next(iter(store.query(_COUNT_UNION)))["n"].value)


def test_a_resource_in_several_graphs_is_one_row_with_all_its_words_and_passages(
        tmp_path: Path) -> None:
    store = _scattered_store()
    write_data_dumps(store, tmp_path)
    triples = tmp_path / ".kzmig-data.nt"
    # the scattered subject's triples really are apart in the N-Triples file
    subjects = [line.split(" ", 1)[0] for line in triples.read_text(encoding="utf-8").splitlines()]
    runs = [s for i, s in enumerate(subjects) if i == 0 or subjects[i - 1] != s]
    assert runs.count(f"<{ID}act/a>") > 1
    index = tmp_path / "search.sqlite"
    write_search_index(store, index, triples, queries_dir=tmp_path)
    connection = sqlite3.connect(index)
    rows = connection.execute("SELECT label, body, kind, id, iri, passages FROM hits").fetchall()
    connection.close()
    assert rows == [
        ("Migration Law | a", "a | note one | note three | note two", "act", "a", f"{ID}act/a",
         json.dumps([{"file": "thesis.md", "first": 12, "last": 13, "section": None},
                     {"file": "thesis.md", "first": 40, "last": 41, "section": None}])),
        ("Закон о миграции | b", "b", "act", "b", f"{ID}act/b", "[]")]
    assert not (tmp_path / ".search.sqlite.staging").exists()


def test_findings_name_their_record_from_the_records_read_again() -> None:
    """The streaming build drops its records after the RDF stage; a SHACL finding still names
    the record's file and line, from the records read again (``build._RecordsOnDemand``)."""
    from kzmig_kg.pipeline.build import _RecordsOnDemand
    from kzmig_kg.pipeline.records import read_records
    from kzmig_kg.pipeline.stream import stream_store

    from .conftest import DATA
    records = read_records(DATA)
    store = stream_store(records)
    instrument = ox.NamedNode(ID + "instrument/inst-system-berkut")  # a second status: maxCount 1
    store.add(ox.Quad(instrument, ox.NamedNode(KZO + "instrumentStatus"), ox.Literal("planned"),
                      ox.NamedNode("https://w3id.org/kzmig/graph/records/instruments/instruments")))
    kept = validate_store(store, records)
    again = validate_store(store, _RecordsOnDemand(DATA))  # type: ignore[arg-type]
    assert not again.conforms and [str(f) for f in again.findings] == [str(f) for f in kept.findings]
    assert any(f.where.startswith("data/instruments/instruments.yaml:") for f in again.findings)
