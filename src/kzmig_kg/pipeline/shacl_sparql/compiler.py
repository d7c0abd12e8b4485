"""The compiler of SHACL shapes to SPARQL: one ``Check`` (a SELECT on the store's union graph) per
(shape, constraint component), with its pass form and, where it has one, its look-up form.

``Compiler(shapes, subclasses, triples).checks()`` yields the checks of every top-level shape."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ...namespaces import SH
from .checks import Check
from .conditions import ConditionWriter
from .vocabulary import (
    COMPONENT,
    PROPERTY_ONLY,
    TARGETS,
    TYPE_PATH,
    VALUE_COMPONENTS,
    sparql_term,
)


class Compiler(ConditionWriter):
    """The checks of a shapes graph: ``checks()`` for the top-level shapes, ``detail_checks`` for
    the nested results of an sh:node failure (run per value node, from the runner's threads)."""

    def __init__(self, shapes: Graph, subclasses: Callable[[str], str] | None = None,
                 triples: Callable[[str, int], int] | None = None) -> None:
        super().__init__(shapes, subclasses, triples)
        self.details: dict[Node, list[Check]] = {}
        self.lock = threading.Lock()
        self.single_class: dict[tuple[str, str], str] = {}  # a focus that is one sh:targetClass
    def detail_checks(self, shape: Node) -> list[Check]:
        """The checks of a shape on one focus node, given as the substitution of ?this."""
        with self.lock:  # called from the threads that run the checks
            if shape not in self.details:
                self.details[shape] = [] if self._deactivated(shape) else \
                    list(self._shape_checks(shape, ("", "")))
            return self.details[shape]

    # ---- the top-level shapes and their targets

    def checks(self) -> Iterator[Check]:
        tops = {s for p in TARGETS for s in self.g.subjects(p, None)}
        for shape in sorted(tops, key=str):
            if self._deactivated(shape):
                continue
            self.top = shape
            yield from self._shape_checks(shape, self._focus(shape))

    def _focus(self, shape: Node) -> tuple[str, str]:
        prologue: dict[str, str] = {}
        branches = []
        for c in self.g.objects(shape, SH.targetClass):
            branches.append(f"?this {TYPE_PATH} {sparql_term(c)} .")
        for n in self.g.objects(shape, SH.targetNode):
            branches.append(f"VALUES ?this {{ {sparql_term(n)} }}")
        for p in self.g.objects(shape, SH.targetSubjectsOf):
            branches.append(f"?this {sparql_term(p)} ?target_o .")
        for p in self.g.objects(shape, SH.targetObjectsOf):
            branches.append(f"?target_s {sparql_term(p)} ?this .")
        for target in self.g.objects(shape, SH.target):
            select = self.g.value(target, SH.select)
            if select is None:
                raise self._unsupported(shape, SH.target, "a target other than a SPARQL SELECT")
            prologue.update(self._prefixes(target))
            branches.append(f"{{ {select} }}")
        union = " UNION ".join(f"{{ {b} }}" for b in branches)
        focus = "".join(prologue.values()), f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"
        classes = list(self.g.objects(shape, SH.targetClass))
        if len(branches) == 1 and len(classes) == 1:
            self.single_class[focus] = sparql_term(classes[0])
        return focus

    def _prefixes(self, node: Node) -> dict[str, str]:
        found = {}
        for owner in self.g.objects(node, SH.prefixes):
            for declaration in self.g.objects(owner, SH.declare):
                prefix = self.g.value(declaration, SH.prefix)
                namespace = self.g.value(declaration, SH.namespace)
                found[str(prefix)] = f"PREFIX {prefix}: <{namespace}>\n"
        return found

    # ---- one query per (shape, component)

    def _shape_checks(self, shape: Node, focus: tuple[str, str]) -> Iterator[Check]:
        self._known(shape)
        prologue, where = focus
        path_node = self.g.value(shape, SH.path)
        severity = self.g.value(shape, SH.severity) or SH.Violation
        messages = list(self.g.objects(shape, SH.message))
        path_predicate = "" if path_node is None else self._first_predicate(path_node)

        def check(component: str, body: str, has_value: bool, tail: str = "",
                  extra: tuple[str, ...] = (), candidates: bool = False,
                  lookup: str = "", lookup_tail: str | None = None) -> Check:
            columns = " ".join(["?this"] + (["?value"] if has_value else []) +
                               [f"?{name}" for name in extra])
            local = f"{prologue}SELECT DISTINCT {columns} WHERE {{ {body} }}{tail}"
            text = local if candidates else \
                f"{prologue}SELECT DISTINCT {columns} WHERE {{ {where} {body} }}{tail}"
            if lookup:
                tail = tail if lookup_tail is None else lookup_tail
                lookup = f"{prologue}SELECT DISTINCT {columns} WHERE {{ {where} {lookup} }}{tail}"
            return Check(shape, component, text, has_value, path_node, severity, messages,
                         extra=list(extra), focus=focus, local=local, candidates=candidates,
                         lookup=lookup, predicate=path_predicate if lookup else "")

        if path_node is None:
            for predicate, value in self.g.predicate_objects(shape):
                if predicate in VALUE_COMPONENTS:
                    condition = self._value_condition(shape, predicate, value, "?this")
                    body = f"MINUS {{ ?this {TYPE_PATH} {sparql_term(value)} }}" \
                        if predicate == SH["class"] else f"FILTER(!COALESCE({condition}, false))"
                    found = check(COMPONENT[predicate], body, False)
                    found.has_value, found.value_column = True, "this"  # the value is the focus
                    found.detail_shape = value if predicate == SH.node else None
                    yield found
                elif predicate == SH.hasValue:
                    yield check("HasValue", f"FILTER(!sameTerm(?this, {sparql_term(value)}))", False)
                elif predicate in PROPERTY_ONLY:
                    raise self._unsupported(shape, predicate, "a node shape cannot use it")
            for sparql in self.g.objects(shape, SH.sparql):
                yield self._sparql_check(shape, sparql, focus, severity, messages)
            for prop in self.g.objects(shape, SH.property):
                if not self._deactivated(prop):
                    yield from self._shape_checks(prop, focus)
            return

        # at the top level a property path is the faster form (inside EXISTS it is not: _pattern)
        path_text = self._path(path_node, shape)

        def path(subject: str, obj: str) -> str:
            return f"{subject} {path_text} {obj} ."

        def steps(subject: str, obj: str) -> str:  # triple patterns: ?this bound per focus node
            return self._pattern(path_node, subject, obj, shape)

        # two counts of one pass (a quarter of a grouping's time): every node one value? A triple
        # in two graphs counts twice, so the answer errs towards running the check
        one_value = "" if not isinstance(path_node, URIRef) else (
            f"SELECT ((COUNT(*) = COUNT(DISTINCT ?this)) AS ?one) WHERE {{ {path('?this', '?v')} }}")

        for predicate, value in self.g.predicate_objects(shape):
            name = COMPONENT.get(predicate)
            if predicate in VALUE_COMPONENTS:
                condition = self._value_condition(shape, predicate, value, "?value")
                if predicate == SH["class"]:  # an anti-join: the class's instances are read once
                    body = f"{path('?this', '?value')} MINUS {{ ?value {TYPE_PATH} {sparql_term(value)} }}"
                    lookup = f"OPTIONAL {{ {steps('?this', '?value')} }} FILTER(BOUND(?value)) " \
                             f"MINUS {{ ?value {TYPE_PATH} {sparql_term(value)} }}"
                else:
                    body = f"{path('?this', '?value')} FILTER(!COALESCE({condition}, false))"
                    lookup = f"OPTIONAL {{ {steps('?this', '?value')} }} " \
                             f"FILTER(BOUND(?value) && !COALESCE({condition}, false))"
                found = check(name, body, True, lookup=lookup)
                found.detail_shape = value if predicate == SH.node else None
                yield found
            elif predicate == SH.minCount and int(value) == 1:
                found = check(name, f"MINUS {{ {path('?this', '?value')} }}", False,
                              lookup=f"OPTIONAL {{ {steps('?this', '?value')} }} "
                                     "FILTER(!BOUND(?value))")
                found.anti_join = True
                yield found
            elif predicate == SH.minCount:
                enough = self._at_least("?this", path, int(value), "true", shape, predicate)
                yield check(name, f"FILTER(!({enough}))", False)
            elif predicate == SH.maxCount:
                found = check(name, path("?this", "?value"), False,
                              f" GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {int(value)})",
                              candidates=True, lookup=f"OPTIONAL {{ {steps('?this', '?value')} }}")
                found.one_value = one_value if int(value) >= 1 else ""
                yield found
            elif predicate == SH.hasValue:
                yield check(name, f"MINUS {{ {path('?this', sparql_term(value))} }}", False,
                            lookup=f"OPTIONAL {{ {steps('?this', '?value')} FILTER(sameTerm("
                                   f"?value, {sparql_term(value)})) }} FILTER(!BOUND(?value))")
            elif predicate == SH.uniqueLang:
                if value.toPython() is True:
                    same = "FILTER(!sameTerm(?a, ?b) && LANG(?a) != \"\" && " \
                           "LCASE(LANG(?a)) = LCASE(LANG(?b)))"
                    found = check(name, f"{path('?this', '?a')} {path('?this', '?b')} {same} "
                                  "BIND(LCASE(LANG(?a)) AS ?lang)", False, extra=("lang",),
                                  candidates=True,
                                  lookup=f"OPTIONAL {{ {steps('?this', '?a')} {steps('?this', '?b')} "
                                         f"{same} }} FILTER(BOUND(?a)) BIND(LCASE(LANG(?a)) AS ?lang)")
                    found.one_value = one_value
                    yield found
            elif predicate in (SH.lessThan, SH.lessThanOrEquals):
                operator = "<" if predicate == SH.lessThan else "<="
                yield check(name, f"{path('?this', '?value')} ?this {sparql_term(value)} ?other . "
                            f"FILTER(!COALESCE(?value {operator} ?other, false))", True,
                            candidates=True)
            elif predicate == SH.disjoint:
                # the path's pairs on their own first, then one look-up each (Oxigraph joined the
                # other property's every triple before the path's few)
                yield check(name, f"{self._first_step_first(path_node, shape)} "
                            f"FILTER EXISTS {{ ?this {sparql_term(value)} ?value }}", True,
                            candidates=True)
            elif predicate == SH.qualifiedValueShape:
                condition = self._conforms(value, "?value")
                for bound, component, operator in ((SH.qualifiedMinCount, "QualifiedMinCount", "<"),
                                                   (SH.qualifiedMaxCount, "QualifiedMaxCount", ">")):
                    count = self.g.value(shape, bound)
                    if count is None:
                        continue
                    if operator == "<":  # too few: every focus node, those without values too
                        yield check(component, f"OPTIONAL {{ {path('?this', '?value')} FILTER("
                                    f"COALESCE({condition}, false)) }}", False, f" GROUP BY ?this "
                                    f"HAVING (COUNT(DISTINCT ?value) < {int(count)})")
                    else:
                        yield check(component, f"{path('?this', '?value')} FILTER(COALESCE("
                                    f"{condition}, false))", False, f" GROUP BY ?this "
                                    f"HAVING (COUNT(DISTINCT ?value) > {int(count)})", candidates=True)
            elif predicate == SH.sparql:
                raise self._unsupported(shape, predicate, "SPARQL constraints on a property shape")
            elif predicate == SH.property:
                raise self._unsupported(shape, predicate, "a property shape inside a property shape")

    def _sparql_check(self, shape: Node, constraint: Node, focus: tuple[str, str],
                      severity: URIRef, messages: list[Literal]) -> Check:
        if self.g.value(constraint, SH.deactivated) == Literal(True):
            return Check(shape, "SPARQL", "SELECT ?this WHERE { FILTER(false) }", False, None,
                         severity, messages)
        select = str(self.g.value(constraint, SH.select))
        prologue = focus[0] + "".join(self._prefixes(constraint).values())
        inner = select.replace("$this", "?this")
        head = re.search(r"SELECT\s+(.*?)\s*WHERE", inner, re.S | re.I)
        if head is None:
            raise self._unsupported(shape, SH.sparql, "a SELECT without WHERE")
        constraint_messages = list(self.g.objects(constraint, SH.message))
        all_messages = messages + [m for m in constraint_messages if m not in messages]
        named = {n for m in all_messages for n in re.findall(r"\{[?$](\w+)\}", str(m))}
        extra = sorted(n for n in named if n not in ("this", "value", "path"))
        # pyshacl reports the focus node as the value of a node shape's result without ?value
        value = "(COALESCE(?value, ?this) AS ?result_value)" \
            if re.search(r"[?$]value\b", head.group(1)) else "(?this AS ?result_value)"
        columns = " ".join(["?this", value] + [f"?{n}" for n in extra])
        # run once per focus node with ?this pre-bound, as pyshacl does (SHACL 5.3.1)
        text = f"{prologue}SELECT DISTINCT {columns} WHERE {{ {{ {inner} }} }}"
        return Check(shape, "SPARQL", text, True, None, severity, all_messages,
                     source_constraint=constraint, extra=extra, value_column="result_value",
                     focus=focus, local=text)

