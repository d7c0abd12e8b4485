"""What the server says about one IRI, read straight from the store (bounded, so in-process):
``description(store, iri)`` (its triples with blank nodes closed to depth 3) and ``exists``."""

from __future__ import annotations

import pyoxigraph as ox

CLOSURE_DEPTH = 3
ONTOLOGY_GRAPH = "https://w3id.org/kzmig/graph/ontology"


def exists(store: ox.Store, iri: str) -> bool:
    node = ox.NamedNode(iri)
    return (next(iter(store.quads_for_pattern(node, None, None, None)), None) is not None
            or next(iter(store.quads_for_pattern(None, None, node, None)), None) is not None)


def description(store: ox.Store, iri: str) -> list[ox.Triple]:
    """The triples whose subject is ``iri`` in any graph, with the blank nodes they reach."""
    seen: set[ox.Triple] = set()
    found: list[ox.Triple] = []
    frontier: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(iri)]
    for _ in range(CLOSURE_DEPTH + 1):
        following = []
        for subject in frontier:
            for quad in store.quads_for_pattern(subject, None, None, None):
                triple = quad.triple
                if triple in seen:
                    continue
                seen.add(triple)
                found.append(triple)
                if isinstance(triple.object, ox.BlankNode):
                    following.append(triple.object)
        if not following:
            break
        frontier = following
    return found


def graph_triples(store: ox.Store, graph: str) -> list[ox.Triple]:
    """Every triple of one named graph (the ontology document)."""
    return [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
