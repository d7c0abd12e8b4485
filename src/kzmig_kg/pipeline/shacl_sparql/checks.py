"""A compiled check (one query for one shape and constraint component) and its results."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node


@dataclass
class Check:
    """One query for one (shape, constraint component); its rows are validation results."""

    shape: Node
    component: str
    query: str
    has_value: bool
    path: Node | None
    severity: URIRef
    messages: list[Literal]
    source_constraint: Node | None = None
    extra: list[str] = field(default_factory=list)
    value_column: str = "value"
    detail_shape: Node | None = None  # sh:node: pyshacl nests that shape's results (sh:detail)
    focus: tuple[str, str] = ("", "")  # the prologue and the pattern binding the focus nodes
    local: str = ""  # the query for one focus node, given as the substitution of ?this
    # the query reads every node that has the path (cheaper than joining the focus nodes);
    # the few results are then kept if their node is a focus node
    candidates: bool = False
    # the same check written for few focus nodes: one index look-up per focus node (OPTIONAL or
    # NOT EXISTS with ?this bound) instead of a pass over every triple of ``predicate``
    lookup: str = ""
    predicate: str = ""
    anti_join: bool = False  # the focus MINUS the nodes with the path
    # an ASK-like SELECT, true when every node with the path has one value: then a check that
    # needs two values of one node (sh:maxCount 1 and more, sh:uniqueLang) cannot fire
    one_value: str = ""


@dataclass
class Result:
    focus: ox.NamedNode | ox.BlankNode | ox.Literal
    value: ox.NamedNode | ox.BlankNode | ox.Literal | None
    check: Check
    messages: list[str]
    details: list[Result] = field(default_factory=list)

