"""SPARQL for SHACL property paths: triple patterns, property paths and the order of their steps.

``PathWriter`` is the base of the compiler: the shapes graph, the counter of fresh variables and
the error naming the shape being compiled."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ...namespaces import SH
from .vocabulary import KNOWN, UnsupportedShape, sparql_term

RARE, FAN_OUT = 200, 50  # a nested path is walked backwards from at most RARE triples (_backwards)


class PathWriter:
    """SHACL paths of a shapes graph as SPARQL, with fresh variables and the compiler's errors."""

    def __init__(self, shapes: Graph, triples: Callable[[str, int], int] | None = None) -> None:
        self.g = shapes
        self.triples = triples  # the triples of a predicate in the store, counted up to a limit
        self.counter = itertools.count()
        self.top: Node | None = None  # the top-level shape being compiled, for the error

    def _exists_along(self, node: Node, x: str, shape: Node) -> str:
        """EXISTS a value along a sequence path, each further step in a FILTER EXISTS of its own:
        Oxigraph then stops at the first node that has the next step, where a join of the steps'
        patterns read every triple of a common last step (a data set's flows: 0.6 s at 1.1M).
        "" for a path of one step."""
        if isinstance(node, URIRef) or self.g.value(node, RDF.first) is None:
            return ""
        steps = list(Collection(self.g, node))
        ends = [x] + [self._var() for _ in steps]
        patterns = [self._pattern(step, ends[i], ends[i + 1], shape) for i, step in enumerate(steps)]
        if self._backwards(steps):
            text = patterns[0]  # from the last step's few triples back to x, x innermost
            for pattern in patterns[1:]:
                text = f"{pattern} FILTER EXISTS {{ {text} }}"
            return f"EXISTS {{ {text} }}"
        text = patterns[-1]
        for pattern in reversed(patterns[:-1]):
            text = f"{pattern} FILTER EXISTS {{ {text} }}"
        return f"EXISTS {{ {text} }}"

    def _backwards(self, steps: list[Node]) -> bool:
        """Whether to walk a path from its last step: when the first step is an inverse (one node
        can have thousands: a data set's observations) and the last step's predicate has at
        most RARE triples, many times fewer than the first's (a data set's indicators: 0.33 s
        -> 0.01 s at 1.1M)."""
        if self.triples is None or self.g.value(steps[0], SH.inversePath) is None:
            return False
        first, last = self._first_predicate(steps[0]), self._first_predicate(steps[-1])
        if not first or not last:
            return False
        rare = self.triples(last, RARE + 1)
        return rare <= RARE and self.triples(first, FAN_OUT * rare + 1) > FAN_OUT * rare

    def _walk(self, node: Node, shape: Node) -> Callable[[str, str], str]:
        return lambda subject, obj: self._pattern(node, subject, obj, shape)

    def _pattern(self, node: Node, subject: str, obj: str, shape: Node) -> str:
        """Triple patterns for a path: Oxigraph binds the subject inside EXISTS for a triple
        pattern but evaluates a property path over the whole store first."""
        if isinstance(node, URIRef):
            return f"{subject} {sparql_term(node)} {obj} ."
        if self.g.value(node, RDF.first) is not None:
            steps = list(Collection(self.g, node))
            ends = [subject] + [self._var() for _ in steps[1:]] + [obj]
            return " ".join(self._pattern(step, ends[i], ends[i + 1], shape)
                            for i, step in enumerate(steps))
        inverse = self.g.value(node, SH.inversePath)
        if inverse is not None:
            return self._pattern(inverse, obj, subject, shape)
        alternatives = self.g.value(node, SH.alternativePath)
        if alternatives is not None:
            return "{ " + " UNION ".join(f"{{ {self._pattern(p, subject, obj, shape)} }}"
                                         for p in Collection(self.g, alternatives)) + " }"
        return f"{subject} {self._path(node, shape)} {obj} ."

    def _path(self, node: Node, shape: Node) -> str:
        if isinstance(node, URIRef):
            return sparql_term(node)
        if (self.g.value(node, RDF.first)) is not None:
            return "(" + "/".join(self._path(p, shape) for p in Collection(self.g, node)) + ")"
        for predicate, template in ((SH.inversePath, "^({})"), (SH.zeroOrMorePath, "({})*"),
                                    (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
            inner = self.g.value(node, predicate)
            if inner is not None:
                return template.format(self._path(inner, shape))
        alternatives = self.g.value(node, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self._path(p, shape) for p in Collection(self.g, alternatives)) + ")"
        raise self._unsupported(shape, SH.path, f"the path {node}")

    def _first_step_first(self, node: Node, shape: Node) -> str:
        """?this to ?value along a path, its first step in a sub-select of its own: Oxigraph then
        follows the rest from those pairs instead of starting from the last step's every triple."""
        if isinstance(node, URIRef) or self.g.value(node, RDF.first) is None:
            return f"{{ SELECT ?this ?value WHERE {{ ?this {self._path(node, shape)} ?value }} }}"
        steps = list(Collection(self.g, node))
        ends = ["?this"] + [self._var() for _ in steps[1:]] + ["?value"]
        first = f"{{ SELECT ?this {ends[1]} WHERE {{ ?this {self._path(steps[0], shape)} {ends[1]} }} }}"
        return first + " " + " ".join(f"{ends[i]} {self._path(step, shape)} {ends[i + 1]} ."
                                      for i, step in enumerate(steps) if i > 0)

    def _first_predicate(self, node: Node) -> str:
        """The IRI of a path's first step (or of its first alternative), to estimate how many
        triples a pass over the path reads; "" where a step repeats (a look-up would recurse)."""
        if isinstance(node, URIRef):
            return sparql_term(node)
        if self.g.value(node, RDF.first) is not None:
            return self._first_predicate(self.g.value(node, RDF.first))
        inverse = self.g.value(node, SH.inversePath)
        if inverse is not None:
            return self._first_predicate(inverse)
        alternatives = self.g.value(node, SH.alternativePath)
        if alternatives is not None:
            return self._first_predicate(self.g.value(alternatives, RDF.first))
        return ""

    def _var(self) -> str:
        return f"?n{next(self.counter)}"

    def _deactivated(self, shape: Node) -> bool:
        return self.g.value(shape, SH.deactivated) == Literal(True)

    def _known(self, shape: Node) -> None:
        for predicate in set(self.g.predicates(shape, None)):
            if str(predicate).startswith(str(SH)) and predicate not in KNOWN:
                raise self._unsupported(shape, predicate, "not implemented")

    def _unsupported(self, shape: Node, predicate: Node, why: str) -> UnsupportedShape:
        if isinstance(shape, URIRef):
            name = shape.n3(self.g.namespace_manager)
        else:
            uses = sorted({str(p).rsplit("#", 1)[-1] for p in self.g.predicates(shape, None)})
            name = f"a nested shape ({', '.join(uses)})"
            if self.top is not None:
                name = f"{self.top.n3(self.g.namespace_manager)}, {name}"
        return UnsupportedShape(
            f"ontology/shapes: {name}: {predicate.n3(self.g.namespace_manager)} cannot be compiled "
            f"to SPARQL ({why}); rewrite the shape with supported constructs, or build with "
            "--no-stream so that pyshacl validates it")

