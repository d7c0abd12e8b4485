"""kzmig.jsonld is usable as JSON: one node object per subject, with its classes under @type,
compacted with the published context; read back as RDF (pyoxigraph's JSON-LD 1.1 parser) it
holds the same triples as the N-Quads."""

from __future__ import annotations

import json
from collections import Counter

import pyoxigraph as ox


def _triples(path, fmt) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt)}


def _without_blank_nodes(triples: set[ox.Triple]) -> set[ox.Triple]:
    return {t for t in triples
            if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)}


def test_one_node_object_per_subject_with_its_types(release) -> None:
    document = json.loads((release.dir / "kzmig.jsonld").read_text(encoding="utf-8"))
    context = json.loads((release.dir / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == context
    nodes = document["@graph"]
    ids = Counter(node["@id"] for node in nodes)
    assert ids.most_common(1)[0][1] == 1
    subjects = {t.subject for t in _triples(release.dir / "kzmig.nq", ox.RdfFormat.N_QUADS)}
    assert len(nodes) == len(subjects)
    untyped = [n["@id"] for n in nodes if "@type" not in n and not n["@id"].startswith("_:")]
    assert untyped == []
    law = next(n for n in nodes if n["@id"] == "kzeli:zakon/2011/477-IV")
    assert {"kzo:Law", "eli:LegalResource"} <= set(law["@type"])
    assert "rdf:type" not in law and "eli:number" in law and "dct:title" in law


def test_same_triples_as_the_nquads(release) -> None:
    from_jsonld = _triples(release.dir / "kzmig.jsonld", ox.RdfFormat.JSON_LD)
    from_nquads = _triples(release.dir / "kzmig.nq", ox.RdfFormat.N_QUADS)
    assert len(from_jsonld) == len(from_nquads)
    assert _without_blank_nodes(from_jsonld) == _without_blank_nodes(from_nquads)


def test_pyld_expands_it_to_exactly_the_nquads_triples(release) -> None:
    """An independent JSON-LD processor (pyld, offline: the context is embedded) reads the same
    triples; blank nodes (the ontology's lists and restrictions) up to their names."""
    from pyld import jsonld
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kzmig_kg.pipeline.release.framed import refuse_remote

    document = json.loads((release.dir / "kzmig.jsonld").read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads",
                                      "documentLoader": refuse_remote})
    by_pyld = {ox.Triple(q.subject, q.predicate, q.object)
               for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)}
    from_nquads = _triples(release.dir / "kzmig.nq", ox.RdfFormat.N_QUADS)
    assert _without_blank_nodes(by_pyld) == _without_blank_nodes(from_nquads)

    def blank(triples: set[ox.Triple]) -> Graph:
        rest = triples - _without_blank_nodes(triples)
        return Graph().parse(data=ox.serialize(rest, format=ox.RdfFormat.N_TRIPLES), format="nt")

    assert len(blank(by_pyld)) == len(blank(from_nquads)) > 0
    assert isomorphic(blank(by_pyld), blank(from_nquads))
