"""Nested shapes (sh:node, sh:or, sh:and, sh:not, sh:xone, sh:qualifiedValueShape, sh:property
inside them) as one boolean SPARQL expression per value node, EXISTS patterns under IFs.

``ConditionWriter`` adds these expressions to ``PathWriter``; the compiler builds on it."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from rdflib import Graph
from rdflib.collection import Collection
from rdflib.term import Node

from ...namespaces import SH
from .paths import PathWriter
from .vocabulary import (
    CASTS,
    NODE_KINDS,
    PROPERTY_ONLY,
    RANGE_OPERATOR,
    RDF_NS,
    RDFS_SUBCLASS,
    VALUE_COMPONENTS,
    YEAR_FORMS,
    lazy_condition,
    sparql_string,
    sparql_term,
)

MOST_DISTINCT = 4  # nested counts are written as n distinct values; more would be a slow pattern


class ConditionWriter(PathWriter):
    """The boolean expressions of value constraints and nested shapes on one value variable."""

    def __init__(self, shapes: Graph, subclasses: Callable[[str], str] | None = None,
                 triples: Callable[[str, int], int] | None = None) -> None:
        super().__init__(shapes, triples)
        self.subclasses = subclasses  # a class and its subclasses in the store, as SPARQL terms

    def _value_condition(self, shape: Node, predicate: Node, value: Node, v: str) -> str:
        if predicate == SH["class"]:
            t = self._var()
            if self.subclasses is not None:
                return f"EXISTS {{ {v} <{RDF_NS}type> {t} . " \
                       f"VALUES {t} {{ {self.subclasses(sparql_term(value))} }} }}"
            return f"EXISTS {{ {v} <{RDF_NS}type> {t} . " \
                   f"FILTER EXISTS {{ {t} <{RDFS_SUBCLASS}>* {sparql_term(value)} }} }}"
        if predicate == SH.datatype:
            condition = f"(isLiteral({v}) && sameTerm(DATATYPE({v}), {sparql_term(value)})"
            if str(value) in CASTS:
                condition += f" && COALESCE(IF(BOUND({v}) && {sparql_term(value)}(STR({v})) = " \
                             f"{sparql_term(value)}(STR({v})), true, true), false)"
            elif str(value) in YEAR_FORMS:
                condition += f" && REGEX(STR({v}), {sparql_string(YEAR_FORMS[str(value)])})"
            return condition + ")"
        if predicate == SH.nodeKind:
            if value not in NODE_KINDS:
                raise self._unsupported(shape, predicate, f"node kind {value}")
            return NODE_KINDS[value].format(v=v)
        if predicate == SH["in"]:
            members = list(Collection(self.g, value))
            return "(" + (" || ".join(f"sameTerm({v}, {sparql_term(m)})" for m in members)
                          or "false") + ")"
        if predicate == SH.pattern:
            flags = self.g.value(shape, SH.flags)
            extra = f", {sparql_string(str(flags))}" if flags is not None else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {sparql_string(str(value))}{extra}))"
        if predicate in RANGE_OPERATOR:
            return f"COALESCE({v} {RANGE_OPERATOR[predicate]} {sparql_term(value)}, false)"
        if predicate == SH.languageIn:
            tags = list(Collection(self.g, value))
            return f"(isLiteral({v}) && (" + (" || ".join(
                f"langMatches(LANG({v}), {sparql_string(str(t))})" for t in tags) or "false") + "))"
        if predicate == SH.node:
            return self._conforms(value, v)
        if predicate in (SH["or"], SH["and"], SH.xone):
            members = [self._conforms(m, v) for m in Collection(self.g, value)]
            if predicate == SH.xone:
                return "((" + " + ".join(f"IF(COALESCE({m}, false), 1, 0)" for m in members) + ") = 1)"
            return lazy_condition(members, predicate == SH["or"])
        if predicate == SH["not"]:
            return f"!COALESCE({self._conforms(value, v)}, false)"
        raise self._unsupported(shape, predicate, "no compilation for it")

    def _conforms(self, shape: Node, x: str) -> str:
        """A SPARQL expression, true when the node in variable ``x`` conforms to ``shape``."""
        self._known(shape)
        if self._deactivated(shape):
            return "true"
        parts = []
        path_node = self.g.value(shape, SH.path)
        if path_node is None:
            for predicate, value in self.g.predicate_objects(shape):
                if predicate in VALUE_COMPONENTS:
                    parts.append(self._value_condition(shape, predicate, value, x))
                elif predicate == SH.hasValue:
                    parts.append(f"sameTerm({x}, {sparql_term(value)})")
                elif predicate in PROPERTY_ONLY or predicate == SH.sparql:
                    raise self._unsupported(shape, predicate, "inside a nested node shape")
            parts += [self._conforms(prop, x) for prop in self.g.objects(shape, SH.property)]
            return lazy_condition(parts, False)
        path = self._walk(path_node, shape)
        for predicate, value in self.g.predicate_objects(shape):
            if predicate in VALUE_COMPONENTS:
                v = self._var()
                parts.append(f"NOT EXISTS {{ {path(x, v)} FILTER(!COALESCE("
                             f"{self._value_condition(shape, predicate, value, v)}, false)) }}")
            elif predicate in (SH.minCount, SH.maxCount) and int(value) == (
                    predicate == SH.minCount) and (along := self._exists_along(path_node, x, shape)):
                parts.append(along if predicate == SH.minCount else f"!({along})")
            elif predicate == SH.minCount:
                parts.append(self._at_least(x, path, int(value), "true", shape, predicate))
            elif predicate == SH.maxCount:
                parts.append(f"!({self._at_least(x, path, int(value) + 1, 'true', shape, predicate)})")
            elif predicate == SH.hasValue:
                parts.append(f"EXISTS {{ {path(x, sparql_term(value))} }}")
            elif predicate == SH.qualifiedValueShape:
                for bound, negate in ((SH.qualifiedMinCount, ""), (SH.qualifiedMaxCount, "!")):
                    count = self.g.value(shape, bound)
                    if count is not None:
                        n = int(count) + (1 if negate else 0)
                        parts.append(f"{negate}({self._at_least(x, path, n, value, shape, bound)})")
            elif predicate in PROPERTY_ONLY or predicate in (SH.sparql, SH.property):
                raise self._unsupported(shape, predicate, "inside a nested property shape")
        return lazy_condition(parts, False)

    def _at_least(self, x: str, path: Callable[[str, str], str], n: int, shape: Node | str, owner: Node,
                  predicate: Node) -> str:
        """EXISTS n distinct values of ``path`` from ``x`` (each conforming to ``shape``)."""
        if n <= 0:
            return "true"
        if n > MOST_DISTINCT:
            raise self._unsupported(owner, predicate, f"a count of {n}: nested counts are written "
                                    f"as at most {MOST_DISTINCT} distinct values")
        names = [self._var() for _ in range(n)]
        patterns = " ".join(path(x, v) for v in names)
        filters = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(names, 2)]
        if shape != "true":
            filters += [f"COALESCE({self._conforms(shape, v)}, false)" for v in names]
        condition = f" FILTER({' && '.join(filters)})" if filters else ""
        return f"EXISTS {{ {patterns}{condition} }}"

