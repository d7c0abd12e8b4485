"""The planner: which form each compiled check runs in (a pass over its path's triples or a
look-up per focus node), and in which order, from counts on the store that stop early.

``plan_checks(store, checks, compiler, forms)`` returns the ids of the checks to run as look-ups
and the order to start them in."""

from __future__ import annotations

import pyoxigraph as ox

from .checks import Check
from .compiler import Compiler
from .vocabulary import RDF_NS, RDFS_SUBCLASS

LOOKUP_COST = 3  # one index look-up per focus node costs about three triples of a pass
MOST_COUNTED = 5000  # a focus this large is read by a pass: the counts stop there


def plan_checks(store: ox.Store, checks: list[Check], compiler: Compiler,
                forms: str) -> tuple[set[int], list[int]]:
    """The ids of the checks to run in their look-up form (``forms`` "auto": where their focus
    nodes are few beside their path's triples; "lookup" and "scan" force one form), and the
    indexes of ``checks`` in the order to start them. Rewrites the anti-joins on one class."""
    focus_sizes: dict[tuple[str, str], int] = {}
    lookups = choose_lookups(store, checks, focus_sizes) if forms == "auto" else \
        {id(c) for c in checks if c.lookup and forms == "lookup"}
    # the passes over the largest focus first, so that the threads end together; the results
    # are gathered in the checks' order whatever the order they ran in
    order = sorted(range(len(checks)), key=lambda i: -focus_sizes.get(checks[i].focus, 0))
    for check in checks:
        cls = compiler.single_class.get(check.focus)
        if check.anti_join and id(check) not in lookups and cls and compiler.subclasses:
            # the rdf:type triples of the class and its subclasses as the focus of an anti-join,
            # without the sub-select's DISTINCT: 30% faster at 60,000 nodes (the query's DISTINCT
            # drops a node typed twice)
            types = " UNION ".join(f"{{ ?this <{RDF_NS}type> {c} }}"
                                   for c in compiler.subclasses(cls).split())
            check.query = check.query.replace(check.focus[1], f"{{ {types} }}", 1)
    return lookups, order


def choose_lookups(store: ox.Store, checks: list[Check],
             focus_sizes: dict[tuple[str, str], int]) -> set[int]:
    """The ids of the checks to run in their look-up form: those whose focus nodes, times
    LOOKUP_COST, are fewer than the triples of their path's predicate. Both counts stop early
    (LIMIT), so that choosing costs a few milliseconds even on a large store; ``focus_sizes``
    receives the focus counts (up to MOST_COUNTED)."""
    chosen = set()
    triples: dict[tuple[str, int], int] = {}
    for check in checks:
        if not check.lookup or not check.predicate:
            continue
        if check.focus not in focus_sizes:
            # without the focus's DISTINCT: the count stops at MOST_COUNTED rows even where many
            # triples give a few nodes (sh:targetObjectsOf); an upper bound is enough to choose
            rows = check.focus[1].replace("SELECT DISTINCT ?this", "SELECT ?this", 1)
            focus_sizes[check.focus] = count_rows(store, check.focus[0], rows, MOST_COUNTED)
        size = focus_sizes[check.focus]
        if size >= MOST_COUNTED:
            continue
        enough = LOOKUP_COST * size + 1
        key = (check.predicate, enough)
        if key not in triples:
            triples[key] = count_rows(store, "", f"?s {check.predicate} ?o", enough)
        if triples[key] >= enough:
            chosen.add(id(check))
    return chosen


def count_rows(store: ox.Store, prologue: str, pattern: str, most: int) -> int:
    query = f"{prologue}SELECT (COUNT(*) AS ?n) WHERE {{ SELECT * WHERE {{ {pattern} }} LIMIT {most} }}"
    return int(next(iter(store.query(query, use_default_graph_as_union=True)))["n"].value)


class Subclasses:
    """A class and its subclasses in the store (rdfs:subClassOf*), as SPARQL terms, read once per
    class: a nested sh:class then tests a node's types against them (VALUES) instead of following
    rdfs:subClassOf* for every value (6x faster for AgreementPartyShape's sh:or)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.found: dict[str, str] = {}

    def __call__(self, cls: str) -> str:
        if cls not in self.found:
            query = f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS_SUBCLASS}>* {cls} }}"
            self.found[cls] = " ".join(
                sorted({str(row["c"]) for row in self.store.query(
                    query, use_default_graph_as_union=True)} | {cls}))
        return self.found[cls]


