"""The release's parts that read the N-Triples as lines of bytes give what parsing every line gives:
the search index's words (``search_index._subject_runs``) and the JSON-LD dump
(``jsonld_stream.write_jsonld``), on literals with escapes, language tags, a typed record id, a
blank-node subject and a subject whose triples are not together."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from kzmig_kg.pipeline.release import _context
from kzmig_kg.pipeline.release.jsonld_stream import write_jsonld
from kzmig_kg.pipeline.release.search_index import _subject_runs

KZO = "https://w3id.org/kzmig/ontology#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TRIPLES = [
    ox.Triple(ox.NamedNode("https://w3id.org/kzmig/id/act/a"), RDFS_LABEL,
              ox.Literal('The "Law" on\nmigration \\ 2011', language="en")),
    ox.Triple(ox.NamedNode("https://w3id.org/kzmig/id/act/a"), RDFS_LABEL,
              ox.Literal("Закон о миграции", language="ru")),
    ox.Triple(ox.NamedNode("https://w3id.org/kzmig/id/act/a"), ox.NamedNode(KZO + "recordId"),
              ox.Literal("act-a", datatype=ox.NamedNode("https://w3id.org/kzmig/ontology#Id"))),
    ox.Triple(ox.NamedNode("https://w3id.org/kzmig/id/act/a"), ox.NamedNode(KZO + "sha256"),
              ox.Literal("3e1dd577")),
    ox.Triple(ox.NamedNode("https://w3id.org/kzmig/id/act/a"), ox.NamedNode(KZO + "year"),
              ox.Literal("2011", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))),
    ox.Triple(ox.BlankNode("b1"), RDFS_LABEL, ox.Literal("tab\there", language="kk-cyrl")),
    ox.Triple(ox.BlankNode("b1"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
              ox.NamedNode("http://www.w3.org/2004/02/skos/core#Concept")),
    ox.Triple(ox.NamedNode("https://w3id.org/kzmig/id/passage/p"),
              ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
              ox.NamedNode(KZO + "Passage")),
]


def test_the_words_read_from_lines_are_those_of_the_parsed_triples(tmp_path: Path) -> None:
    path = tmp_path / "kzmig.nt"
    ox.serialize(TRIPLES, str(path), ox.RdfFormat.N_TRIPLES)
    assert b"\\" in path.read_bytes()  # the escapes the lines are parsed for
    runs = {row[0]: row for row in _subject_runs(path)}
    assert set(runs) == {"https://w3id.org/kzmig/id/act/a", "b1",
                         "https://w3id.org/kzmig/id/passage/p"}
    act = runs["https://w3id.org/kzmig/id/act/a"]
    assert act[2:6] == ("act-a", 0, 0, 1)
    assert json.loads(act[6]) == [[RDFS_LABEL.value, 'The "Law" on\nmigration \\ 2011', "en"],
                                  [RDFS_LABEL.value, "Закон о миграции", "ru"]]
    blank = runs["b1"]
    assert blank[2:6] == (None, 1, 0, 1)
    assert json.loads(blank[6]) == [[RDFS_LABEL.value, "tab\there", "kk-cyrl"]]
    assert runs["https://w3id.org/kzmig/id/passage/p"][2:6] == (None, 0, 1, 0)


def test_the_jsonld_read_from_lines_holds_the_triples_with_their_escapes(tmp_path: Path) -> None:
    path = tmp_path / "kzmig.nt"
    late = ox.Triple(ox.NamedNode("https://w3id.org/kzmig/id/act/a"),
                     ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("a\\b\u00e9"))
    ox.serialize([*TRIPLES, late], str(path), ox.RdfFormat.N_TRIPLES)  # act/a in two runs
    scattered = {hash(ox.NamedNode("https://w3id.org/kzmig/id/act/a"))}
    assert write_jsonld(path, scattered, _context(), tmp_path / "kzmig.jsonld") == 3
    document = json.loads((tmp_path / "kzmig.jsonld").read_text(encoding="utf-8"))
    act = next(node for node in document["@graph"] if node["@id"] == "kzd:act/a")
    assert act["rdfs:label"][0] == {"@language": "en", "@value": 'The "Law" on\nmigration \\ 2011'}
    assert act["dct:title"] == [{"@value": "a\\b\u00e9"}]
    back = set(ox.parse(path=str(tmp_path / "kzmig.jsonld"), format=ox.RdfFormat.JSON_LD))
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in back
            if type(q.subject) is not ox.BlankNode} == {
        t for t in [*TRIPLES, late] if type(t.subject) is not ox.BlankNode}
