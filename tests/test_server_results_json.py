"""What the server writes, checked against the obvious way to write it. SPARQL results JSON
(``formats.serialize_rows``, written directly for speed) is byte for byte what ``json.dumps``
makes of the standard's term objects (``formats.term_json``): for every triple of the built
graph, and for the terms the graph does not hold (unbound variables, blank nodes, quoted triples,
escapes, non-ASCII, language tags). Turtle names no IRI with an escaped local name, also inside a
quoted triple."""

from __future__ import annotations

import json

import pyoxigraph as ox

from kzmig_kg.publish.server.formats import (
    SPARQL_JSON,
    TURTLE,
    serialize_rows,
    serialize_triples,
    term_json,
)

XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def by_json_dumps(variables: list[str], rows: list[list]) -> bytes:
    bindings = [{name: term_json(term) for name, term in zip(variables, row, strict=True)
                 if term is not None} for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode()


def test_every_triple_of_the_graph_is_written_as_json_dumps_writes_it(release) -> None:
    store = ox.Store.read_only(str(release.dir / "store"))
    rows = [[quad.subject, quad.predicate, quad.object, quad.graph_name]
            for quad in store.quads_for_pattern(None, None, None, None)]
    rows = [[term if not isinstance(term, ox.DefaultGraph) else None for term in row]
            for row in rows]
    assert len(rows) > 10_000
    written = serialize_rows(["s", "p", "o", "g"], rows, SPARQL_JSON)
    assert written == by_json_dumps(["s", "p", "o", "g"], rows)
    assert len(json.loads(written)["results"]["bindings"]) == len(rows)


def test_terms_the_graph_lacks_are_written_as_json_dumps_writes_them() -> None:
    quoted = ox.Triple(ox.NamedNode("http://a.example/s"), ox.NamedNode("http://a.example/p"),
                       ox.Literal("o"))
    rows = [[ox.NamedNode("http://a.example/\u00e9t\u00e9"),
             ox.Literal('q"uo\\te\n\t\x01\u2028 \u043f\u0430\u0441\u0441\u0430\u0436', language="ru")],
            [ox.BlankNode("b1"), None],
            [None, ox.Literal("3", datatype=XSD_INTEGER)],
            [quoted, ox.Literal("")]]
    variables = ["x", "\u0436"]
    assert serialize_rows(variables, rows, SPARQL_JSON) == by_json_dumps(variables, rows)
    assert serialize_rows(variables, [], SPARQL_JSON) == by_json_dumps(variables, [])
    assert serialize_rows([], [[]], SPARQL_JSON) == by_json_dumps([], [[]])


def test_turtle_writes_iris_in_full_where_a_prefixed_name_needs_an_escape() -> None:
    kzd, dct = "https://w3id.org/kzmig/id/", "http://purl.org/dc/terms/"
    quoted = ox.Triple(ox.NamedNode(kzd + "org/parliament"), ox.NamedNode(dct + "title"),
                       ox.Literal("Parliament"))
    triples = [ox.Triple(ox.NamedNode(kzd + "source"), ox.NamedNode(dct + "references"), quoted)]
    prefixes = {"kzd": kzd, "dct": dct}
    turtle = serialize_triples(triples, TURTLE, prefixes).decode()
    assert "\\" not in turtle
    assert f"<{kzd}org/parliament>" in turtle and "dct:title" in turtle
    assert [quad.triple for quad in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)] == triples
    plain = [ox.Triple(ox.NamedNode(kzd + "source"), ox.NamedNode(dct + "title"), ox.Literal("x"))]
    assert "kzd:source dct:title" in serialize_triples(plain, TURTLE, prefixes).decode()
