"""The release stage's streamed writers on generated data (amendment chains, reorganisations,
thousands of observations), against independent readers: the dumps read back by pyoxigraph, the
JSON-LD expanded by pyld (offline), the framed documents against pyld's framing."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyld import jsonld
from rdflib import Graph
from rdflib.compare import isomorphic

from kzmig_kg.pipeline.release import FILES, _context, _write_dumps
from kzmig_kg.pipeline.release.framed import (
    FRAMES,
    KIND_IRIS,
    SUBGRAPHS,
    frame_triples,
    refuse_remote,
    write_document,
)
from kzmig_kg.pipeline.release.framing import frame_kind, frame_texts

from .conftest import DATA


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    """The streamed store of the curated records plus generated ones (~45,000 triples)."""
    from kzmig_kg.pipeline.records import read_records
    from kzmig_kg.pipeline.stream import stream_store

    from .test_generate import _generator
    out = tmp_path_factory.mktemp("generated")
    _generator().generate(DATA, out, 45_000, 17)
    return stream_store(read_records(out / "data"), chunk=500)


@pytest.fixture(scope="module")
def dumps(generated: ox.Store, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The dumps of ``generated`` and the number of triples ``_write_dumps`` returns."""
    out = tmp_path_factory.mktemp("dumps")
    return out, _write_dumps(generated, out)


def _merged(store: ox.Store) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in store
            if not isinstance(q.graph_name, ox.DefaultGraph)}


def _split(triples: set[ox.Triple]) -> tuple[set[ox.Triple], Graph]:
    """The ground triples, and those with a blank node as an rdflib graph (compared up to the
    blank nodes' names)."""
    ground = {t for t in triples
              if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)}
    blank = Graph().parse(data=ox.serialize(triples - ground, format=ox.RdfFormat.N_TRIPLES),
                          format="nt")
    return ground, blank


def test_every_dump_holds_the_merged_triples(generated: ox.Store, dumps: tuple[Path, int]) -> None:
    merged = _merged(generated)
    directory, triples = dumps
    assert triples == len(merged) > 40_000
    for name, (fmt, _media, _title) in FILES.items():
        if fmt == "json-ld":
            continue
        read = {ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(path=str(directory / name), format=fmt)}
        assert len(read) == len(merged), name
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES):  # blank node ids kept
            assert read == merged, name
    assert not [p.name for p in directory.iterdir() if p.name.startswith(".")]  # no partial file


def test_the_jsonld_expands_with_pyld_to_exactly_the_store_triples(
        generated: ox.Store, dumps: tuple[Path, int]) -> None:
    document = json.loads((dumps[0] / "kzmig.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == _context()
    ids = [node["@id"] for node in document["@graph"]]
    assert len(ids) == len(set(ids))  # one node per subject
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads",
                                      "documentLoader": refuse_remote})
    expanded = {ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)}
    (ground, blank), (expected_ground, expected_blank) = _split(expanded), _split(_merged(generated))
    assert ground == expected_ground
    assert len(blank) == len(expected_blank) > 0 and isomorphic(blank, expected_blank)


@pytest.mark.parametrize("kind", ["acts", "bodies"])  # observations: tests/test_framed.py
def test_framing_gives_pylds_document(generated: ox.Store, kind: str, tmp_path: Path) -> None:
    triples = set(generated.query(SUBGRAPHS[kind], use_default_graph_as_union=True))
    by_pyld = json.dumps(frame_triples(triples, {"@context": _context(), **FRAMES[kind]}),
                         ensure_ascii=False, indent=1)
    ours = frame_kind(triples, _context(), *KIND_IRIS[kind])
    assert json.dumps(ours, ensure_ascii=False, indent=1) == by_pyld
    # and as the release writes it: node by node, as text
    write_document(tmp_path / "framed.jsonld", _context(),
                   frame_texts(triples, _context(), *KIND_IRIS[kind]))
    assert (tmp_path / "framed.jsonld").read_text(encoding="utf-8") == by_pyld
    if kind == "acts":  # amended acts embedded in their amendments, amendments under @reverse
        embedded = [a for a in ours["@graph"]
                    if any("dct:title" in b for b in _listed(a.get("eli:amends", [])))]
        assert embedded and [a for a in ours["@graph"] if "@reverse" in a]


def _listed(value: object) -> list:
    return value if isinstance(value, list) else [value]


# the search index's resources as a SPARQL query over the store (how it was computed before it
# was read from the N-Triples): every record and every concept that is not a record, no passages
RESOURCES = """
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT DISTINCT ?s ?o WHERE {
  { ?s kzo:recordId ?id } UNION { ?s a skos:Concept FILTER NOT EXISTS { ?s kzo:recordId ?any } }
  FILTER NOT EXISTS { ?s a kzo:Passage }
  ?s ?p ?o
  FILTER(isLiteral(?o) && (datatype(?o) = xsd:string || lang(?o) != "")
         && ?p NOT IN (kzo:sha256, kzo:fileName, kzo:datePrecision))
}"""


def test_the_search_index_holds_every_resource_with_its_words(generated: ox.Store,
                                                              dumps: tuple[Path, int]) -> None:
    import sqlite3

    from kzmig_kg.pipeline.release.search_index import write_search_index

    index = dumps[0] / "search.sqlite"
    write_search_index(generated, index, dumps[0] / "kzmig.nt")
    expected: dict[str, set[str]] = {}
    for row in generated.query(RESOURCES, use_default_graph_as_union=True):
        expected.setdefault(row["s"].value, set()).add(row["o"].value)
    connection = sqlite3.connect(index)
    rows = connection.execute("SELECT iri, label, body FROM hits WHERE kind != 'query'").fetchall()
    connection.close()
    assert {iri for iri, _label, _body in rows} == set(expected) and len(rows) == len(expected)
    for iri, label, body in rows:
        words = set(label.split(" | ")) | set(body.split(" | "))
        assert expected[iri] <= words, iri
