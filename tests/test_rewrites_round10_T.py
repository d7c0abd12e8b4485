"""The lists rewritten for 10M triples in round 10 (issue #17, part T) give the rows of their text
before the rewrite (kept in tests/fixtures/queries-before-round10/), in the same order: on the
release, for the default parameters and others, and on a graph made for their sort, where items
share a date and a label and only the item tells them apart."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kzmig_kg.query.local import query_store
from kzmig_kg.query.named import parse_named_query
from kzmig_kg.query.run import run_query

from .conftest import FIXTURES
from .test_rewrites_round8 import _rows

BEFORE = FIXTURES / "queries-before-round10"
CASES = [
    ("events-timeline", {}),
    ("events-timeline", {"from": "2022", "to": "2022"}),
    ("events-timeline", {"from": "1991", "to": "1999"}),
    ("acts-in-force", {}),
    ("acts-in-force", {"date": "2022-01-01"}),
    ("acts-in-force", {"date": "1995-06-30"}),
    ("acts-in-force", {"date": "2011-12-31"}),
    ("acts-in-force", {"date": "2024-12-31"}),
    ("agreements-timeline", {}),
    ("org-by-type", {}),
    ("org-by-type", {"type": "committee"}),
    ("org-by-type", {"type": "international-organisation"}),
    ("policy-measures-timeline", {}),
    ("policy-measures-timeline", {"from": "2000", "to": "2010"}),
    ("org-responsible-for-migration", {}),
    ("org-responsible-for-migration", {"year": "2024"}),
    ("org-responsible-for-migration", {"year": "2022"}),
    ("org-responsible-for-migration", {"year": "2010"}),
    ("timeline-events-and-measures", {}),
    ("timeline-events-and-measures", {"kinds": "act"}),
    ("timeline-events-and-measures", {"from": "2000", "to": "2010", "kinds": "programme,act"}),
    ("timeline-events-and-measures", {"kinds": "event,measure,programme,act"}),
]

# Acts of one year that share a label (as the 20,232 generated amendments do at 10M), given in
# an order that is not the IRIs', one of them a blank node, and two events of the same day and
# label: the rows differ only by the item, so the sort must still order them by it.
TIES = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix kzo: <https://w3id.org/kzmig/ontology#> .
@prefix ex: <https://w3id.org/kzmig/id/> .
ex:law-z a eli:LegalResource ; kzo:dateStated "2005"^^xsd:gYear ; rdfs:label "Amendment"@en ;
    eli:type_document ex:law-type .
ex:law-a a eli:LegalResource ; kzo:dateStated "2005"^^xsd:gYear ; rdfs:label "Amendment"@en ;
    eli:type_document ex:law-type .
ex:law-m a eli:LegalResource ; kzo:dateStated "2005"^^xsd:gYear ; rdfs:label "Amendment"@en ;
    eli:type_document ex:law-type ; eli:number "12-III" .
_:unnamed a eli:LegalResource ; kzo:dateStated "2005"^^xsd:gYear ; rdfs:label "Amendment"@en ;
    eli:type_document ex:law-type .
ex:law-type skos:notation "law" ; skos:prefLabel "Law"@en .
ex:event-b a kzo:Event ; kzo:eventDate "2005-03-01"^^xsd:date ; rdfs:label "Border closed"@en ;
    kzo:eventType ex:crisis .
ex:event-a a kzo:Event ; kzo:eventDate "2005-03-01"^^xsd:date ; rdfs:label "Border closed"@en ;
    kzo:eventType ex:crisis .
ex:crisis skos:notation "crisis" ; skos:prefLabel "Crisis"@en .
"""


@pytest.mark.parametrize(
    ("name", "params"), CASES, ids=[f"{n}-{'-'.join(p.values()) or 'defaults'}" for n, p in CASES]
)
def test_rewrite_gives_the_rows_of_the_text_before(release, name: str, params: dict) -> None:
    before = parse_named_query(name, BEFORE / f"{name}.rq")
    now = run_query(name, params, store=release.store)
    assert now.rows, f"{name} {params} gives no row on the release: the comparison proves nothing"
    assert _rows(now) == _rows(run_query(before, params, store=release.store))


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("events-timeline", {"from": "2005", "to": "2005"}),
        ("timeline-events-and-measures", {"from": "2005", "to": "2005", "kinds": "event,act"}),
    ],
)
def test_items_that_share_a_date_and_a_label_keep_their_order(name: str, params: dict) -> None:
    store = ox.Store()
    store.load(
        TIES.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://w3id.org/kzmig/graph/ties")
    )
    now = run_query(name, params, store=store)
    items = [str(row["item"]) for row in now.rows]
    acts = [item for item in items if "law-" in item]
    assert acts == [
        "<https://w3id.org/kzmig/id/law-a>",
        "<https://w3id.org/kzmig/id/law-m>",
        "<https://w3id.org/kzmig/id/law-z>",
    ]
    assert len(items) == 6 and items[0].startswith("_:")
    assert _rows(now) == _rows(run_query(parse_named_query(name, BEFORE / f"{name}.rq"), params, store=store))


def test_rows_hold_each_value_under_its_own_variable() -> None:
    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("https://example.org/a"),
            ox.NamedNode("https://example.org/p"),
            ox.Literal("x"),
            ox.NamedNode("https://example.org/g"),
        )
    )
    result = query_store(
        store,
        "SELECT ?unbound ?o ?s ?one WHERE { ?s ?p ?o "
        "OPTIONAL { ?s <https://example.org/q> ?unbound } BIND (1 AS ?one) }",
    )
    assert result.variables == ["unbound", "o", "s", "one"]
    assert result.rows == [
        {
            "unbound": None,
            "o": ox.Literal("x"),
            "s": ox.NamedNode("https://example.org/a"),
            "one": ox.Literal(1),
        }
    ]


@pytest.mark.parametrize("date", ["2011-12-31", "2022-01-01", "2024-12-31"])
def test_acts_in_force_still_leaves_out_the_acts_repealed_or_replaced(release, date: str) -> None:
    """The successors' part is what the rewrite changed: without it the release has more acts in
    force on these dates, so the comparison above covers it."""
    text = (BEFORE / "acts-in-force.rq").read_text(encoding="utf-8")
    start, end = (
        text.index("  OPTIONAL {\n    SELECT ?act ?date ?successor"),
        text.index("  FILTER (!BOUND(?successor))\n"),
    )
    without = parse_named_query("acts-in-force", None, text[:start] + text[end:])
    now = run_query("acts-in-force", {"date": date}, store=release.store)
    assert len(run_query(without, {"date": date}, store=release.store).rows) > len(now.rows)


# Passages that lose one of their lines: a passage without both gives no range, before and after.
HALF_PASSAGES = """
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
DELETE { GRAPH ?g { ?passage kzo:lastLine ?last } } WHERE {
  GRAPH ?g { ?passage kzo:lastLine ?last } ?passage kzo:firstLine ?first
  FILTER (STRENDS(STR(?first), "1") || STRENDS(STR(?first), "3")) } ;
DELETE { GRAPH ?g { ?passage kzo:firstLine ?first } } WHERE {
  GRAPH ?g { ?passage kzo:firstLine ?first } FILTER (STRENDS(STR(?first), "7")) }
"""
PASSAGE_CASES = [
    ("agreements-timeline", {}),
    ("org-by-type", {}),
    ("policy-measures-timeline", {}),
    ("timeline-events-and-measures", {}),
]


@pytest.fixture(scope="module")
def half_passages(release) -> ox.Store:
    store = ox.Store()
    store.load(path=str(release.dir / "kzmig.nq"), format=ox.RdfFormat.N_QUADS)
    store.update(HALF_PASSAGES)
    return store


@pytest.mark.parametrize(("name", "params"), PASSAGE_CASES, ids=[n for n, _ in PASSAGE_CASES])
def test_passages_without_both_lines_give_the_rows_of_the_text_before(
    release, half_passages: ox.Store, name: str, params: dict
) -> None:
    before = parse_named_query(name, BEFORE / f"{name}.rq")
    now = run_query(name, params, store=half_passages)
    assert _rows(now) != _rows(run_query(name, params, store=release.store)), "nothing changed"
    assert _rows(now) == _rows(run_query(before, params, store=half_passages))
