"""SHACL compiled to SPARQL SELECT queries, run on the pyoxigraph store itself (no copy).

Each (shape, constraint component) becomes one query returning the focus node and, where SHACL
reports one, the value node; the report is pyshacl's (focus node, path, severity, source shape,
constraint component, value, message). Nested shapes (sh:node, sh:or, sh:and, sh:not, sh:xone,
sh:qualifiedValueShape, sh:property inside them) become one boolean SPARQL expression per value
node, a FILTER over EXISTS patterns. A shape construct the compiler does not know raises
``UnsupportedShape`` naming the shape and the predicate: a constraint is never skipped silently.
Most checks on a path have two forms, a pass over the path's triples and look-ups per focus node;
counts on the store that stop early choose between them (``_lookups``).
tests/test_shacl_at_scale.py holds the report equal to pyshacl's on every fixture, in both forms.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ..errors import KzmigError
from ..namespaces import SH

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
TYPE_PATH = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/" \
            "<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"

TARGETS = {SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf, SH.target}
VALUE_COMPONENTS = {SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.minInclusive,
                    SH.minExclusive, SH.maxInclusive, SH.maxExclusive, SH.languageIn, SH.node,
                    SH["or"], SH["and"], SH["not"], SH.xone}
PROPERTY_ONLY = {SH.minCount, SH.maxCount, SH.uniqueLang, SH.lessThan, SH.lessThanOrEquals,
                 SH.disjoint, SH.qualifiedValueShape}
PARAMETERS = {SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount}
ANNOTATIONS = {RDF.type, SH.message, SH.name, SH.description, SH.order, SH.group, SH.path,
               SH.severity, SH.deactivated, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
               URIRef("http://www.w3.org/2000/01/rdf-schema#label")}
KNOWN = TARGETS | VALUE_COMPONENTS | PROPERTY_ONLY | PARAMETERS | ANNOTATIONS | {
    SH.property, SH.hasValue, SH.sparql}
COMPONENT = {SH["class"]: "Class", SH.datatype: "Datatype", SH.nodeKind: "NodeKind", SH["in"]: "In",
             SH.pattern: "Pattern", SH.minInclusive: "MinInclusive",
             SH.minExclusive: "MinExclusive", SH.maxInclusive: "MaxInclusive",
             SH.maxExclusive: "MaxExclusive", SH.languageIn: "LanguageIn", SH.node: "Node",
             SH["or"]: "Or", SH["and"]: "And", SH["not"]: "Not", SH.xone: "Xone",
             SH.minCount: "MinCount", SH.maxCount: "MaxCount", SH.uniqueLang: "UniqueLang",
             SH.lessThan: "LessThan", SH.lessThanOrEquals: "LessThanOrEquals",
             SH.disjoint: "Disjoint", SH.hasValue: "HasValue", SH.sparql: "SPARQL"}
RANGE_OPERATOR = {SH.minInclusive: ">=", SH.minExclusive: ">", SH.maxInclusive: "<=",
                  SH.maxExclusive: "<"}
# a datatype's lexical form is checked by casting it: an ill-typed literal fails, as in pyshacl
CASTS = {f"{XSD}{name}" for name in ("integer", "decimal", "double", "float", "boolean", "date",
                                      "dateTime")}
YEAR_FORMS = {f"{XSD}gYear": r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$",
              f"{XSD}gYearMonth": r"^-?[0-9]{4,}-(0[1-9]|1[0-2])(Z|[+-][0-9]{2}:[0-9]{2})?$"}
NODE_KINDS = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
              SH.BlankNodeOrIRI: "!isLiteral({v})", SH.BlankNodeOrLiteral: "!isIRI({v})",
              SH.IRIOrLiteral: "!isBlank({v})"}
RARE, FAN_OUT = 200, 50  # a nested path is walked backwards from at most RARE triples (_backwards)
MOST_DISTINCT = 4  # nested counts are written as n distinct values; more would be a slow pattern


class UnsupportedShape(KzmigError):
    """A shape uses a SHACL construct the SPARQL compiler does not implement."""


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


def validate_with_sparql(store: ox.Store, shapes: Graph, *, workers: int | None = None,
                         timings: list[tuple[float, float, Check]] | None = None,
                         forms: str = "auto") -> tuple[bool, Graph]:
    """Validate the union of the store's graphs against ``shapes``; return (conforms, report).

    The checks run on ``workers`` threads (default: the cores this process may use): pyoxigraph
    releases the GIL while it evaluates a query, so they run in parallel on one store without a
    copy. ``timings``, when given, receives (wall s, thread CPU s, check) for every check.
    ``forms``: "auto" writes a check as look-ups per focus node where its focus nodes are few
    beside the triples of its path's predicate, else as a pass over those triples; "lookup" and
    "scan" force one form (the tests hold both to pyshacl's report).
    Raises ``UnsupportedShape`` before running anything if a shape cannot be compiled."""
    if forms not in ("auto", "scan", "lookup"):
        raise ValueError(f"forms must be auto, scan or lookup, not {forms!r}")
    compiler = _Compiler(shapes, _Subclasses(store),
                         lambda predicate, most: _count(store, "", f"?s {predicate} ?o", most))
    checks = list(compiler.checks())
    workers = workers or len(os.sched_getaffinity(0))
    focus_sizes: dict[tuple[str, str], int] = {}
    lookups = _lookups(store, checks, focus_sizes) if forms == "auto" else \
        {id(c) for c in checks if c.lookup and forms == "lookup"}
    # the passes over the largest focus first, so that the threads end together; the results
    # are gathered in the checks' order whatever the order they ran in
    order = sorted(range(len(checks)), key=lambda i: -focus_sizes.get(checks[i].focus, 0))

    for check in checks:
        cls = compiler.single_class.get(check.focus)
        if check.anti_join and id(check) not in lookups and cls:
            # the rdf:type triples of the class and its subclasses as the focus of an anti-join,
            # without the sub-select's DISTINCT: 30% faster at 60,000 nodes (the query's DISTINCT
            # drops a node typed twice)
            types = " UNION ".join(f"{{ ?this <{RDF_NS}type> {c} }}"
                                   for c in compiler.subclasses(cls).split())
            check.query = check.query.replace(check.focus[1], f"{{ {types} }}", 1)

    def run(check: Check) -> tuple[list[Result], float, float]:
        wall, cpu = time.perf_counter(), time.thread_time()
        if check.source_constraint is not None:
            found = [r for node in _focus_nodes(store, check.focus)
                     for r in _run(store, check, compiler, node)]
        elif check.one_value and id(check) not in lookups and _one_value(store, check.one_value):
            found = []
        else:
            found = list(_run(store, check, compiler, lookup=id(check) in lookups))
        return found, time.perf_counter() - wall, time.thread_time() - cpu

    with ThreadPoolExecutor(max_workers=workers) as pool:
        ran = dict(zip(order, pool.map(run, [checks[i] for i in order]), strict=True))
    results: list[Result] = []
    for i, check in enumerate(checks):
        found, wall, cpu = ran[i]
        results.extend(found)
        if timings is not None:
            timings.append((wall, cpu, check))
    conforms = not any(r.check.severity == SH.Violation for r in results)
    return conforms, _report(results, conforms)


LOOKUP_COST = 3  # one index look-up per focus node costs about three triples of a pass
MOST_COUNTED = 5000  # a focus this large is read by a pass: the counts stop there


def _lookups(store: ox.Store, checks: list[Check],
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
            focus_sizes[check.focus] = _count(store, check.focus[0], rows, MOST_COUNTED)
        size = focus_sizes[check.focus]
        if size >= MOST_COUNTED:
            continue
        enough = LOOKUP_COST * size + 1
        key = (check.predicate, enough)
        if key not in triples:
            triples[key] = _count(store, "", f"?s {check.predicate} ?o", enough)
        if triples[key] >= enough:
            chosen.add(id(check))
    return chosen


def _count(store: ox.Store, prologue: str, pattern: str, most: int) -> int:
    query = f"{prologue}SELECT (COUNT(*) AS ?n) WHERE {{ SELECT * WHERE {{ {pattern} }} LIMIT {most} }}"
    return int(next(iter(store.query(query, use_default_graph_as_union=True)))["n"].value)


def _one_value(store: ox.Store, query: str) -> bool:
    return next(iter(store.query(query, use_default_graph_as_union=True)))["one"].value == "true"


def _focus_nodes(store: ox.Store, focus: tuple[str, str]) -> list:
    query = f"{focus[0]}SELECT ?this WHERE {{ {focus[1]} }}"
    return [row["this"] for row in store.query(query, use_default_graph_as_union=True)]


def _in_focus(store: ox.Store, focus: tuple[str, str], node) -> bool:
    query = f"{focus[0]}ASK {{ {focus[1]} }}"
    return bool(store.query(query, use_default_graph_as_union=True,
                            substitutions={ox.Variable("this"): node}))


def _run(store: ox.Store, check: Check, compiler: _Compiler,
         focus_node: ox.NamedNode | ox.BlankNode | ox.Literal | None = None,
         lookup: bool = False) -> Iterator[Result]:
    seen = set()
    substitutions = {ox.Variable("this"): focus_node} if focus_node is not None else None
    query = check.local if focus_node is not None else check.lookup if lookup else check.query
    candidates = check.candidates and not lookup
    for row in store.query(query, use_default_graph_as_union=True,
                           substitutions=substitutions):
        focus = row["this"] if focus_node is None else focus_node
        if focus_node is None and candidates and not _in_focus(store, check.focus, focus):
            continue
        value = row[check.value_column] if check.has_value else None
        if check.value_column == "this":
            value = focus
        key = (focus, value, tuple(row[name] for name in check.extra))
        if focus is None or key in seen:
            continue
        seen.add(key)
        result = Result(focus, value, check, _messages(check, focus, value, row))
        if check.detail_shape is not None and value is not None:
            for detail in compiler.detail_checks(check.detail_shape):
                result.details.extend(_run(store, detail, compiler, value))
        yield result


def _messages(check: Check, focus, value, row) -> list[str]:
    if check.source_constraint is None:
        return [str(m) for m in check.messages]
    bound = {"this": focus, "value": value}
    bound.update({name: row[name] for name in check.extra})
    texts = []
    for message in check.messages:
        text = str(message)
        for name, term in bound.items():
            if term is not None:
                text = re.sub(r"\{[?$]" + name + r"\}", lambda _m, t=term: t.value, text)
        texts.append(text)
    return texts


class _Subclasses:
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


class _Compiler:
    def __init__(self, shapes: Graph, subclasses: Callable[[str], str] | None = None,
                 triples: Callable[[str, int], int] | None = None) -> None:
        self.g = shapes
        self.subclasses = subclasses
        self.triples = triples  # the triples of a predicate in the store, counted up to a limit
        self.counter = itertools.count()
        self.details: dict[Node, list[Check]] = {}
        self.lock = threading.Lock()
        self.top: Node | None = None  # the top-level shape being compiled, for the error
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
            branches.append(f"?this {TYPE_PATH} {_term(c)} .")
        for n in self.g.objects(shape, SH.targetNode):
            branches.append(f"VALUES ?this {{ {_term(n)} }}")
        for p in self.g.objects(shape, SH.targetSubjectsOf):
            branches.append(f"?this {_term(p)} ?target_o .")
        for p in self.g.objects(shape, SH.targetObjectsOf):
            branches.append(f"?target_s {_term(p)} ?this .")
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
            self.single_class[focus] = _term(classes[0])
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
                    body = f"MINUS {{ ?this {TYPE_PATH} {_term(value)} }}" \
                        if predicate == SH["class"] else f"FILTER(!COALESCE({condition}, false))"
                    found = check(COMPONENT[predicate], body, False)
                    found.has_value, found.value_column = True, "this"  # the value is the focus
                    found.detail_shape = value if predicate == SH.node else None
                    yield found
                elif predicate == SH.hasValue:
                    yield check("HasValue", f"FILTER(!sameTerm(?this, {_term(value)}))", False)
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
                    body = f"{path('?this', '?value')} MINUS {{ ?value {TYPE_PATH} {_term(value)} }}"
                    lookup = f"OPTIONAL {{ {steps('?this', '?value')} }} FILTER(BOUND(?value)) " \
                             f"MINUS {{ ?value {TYPE_PATH} {_term(value)} }}"
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
                yield check(name, f"MINUS {{ {path('?this', _term(value))} }}", False,
                            lookup=f"OPTIONAL {{ {steps('?this', '?value')} FILTER(sameTerm("
                                   f"?value, {_term(value)})) }} FILTER(!BOUND(?value))")
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
                yield check(name, f"{path('?this', '?value')} ?this {_term(value)} ?other . "
                            f"FILTER(!COALESCE(?value {operator} ?other, false))", True,
                            candidates=True)
            elif predicate == SH.disjoint:
                # the path's pairs on their own first, then one look-up each (Oxigraph joined the
                # other property's every triple before the path's few)
                yield check(name, f"{self._first_step_first(path_node, shape)} "
                            f"FILTER EXISTS {{ ?this {_term(value)} ?value }}", True,
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

    # ---- boolean conditions for nested shapes

    def _value_condition(self, shape: Node, predicate: Node, value: Node, v: str) -> str:
        if predicate == SH["class"]:
            t = self._var()
            if self.subclasses is not None:
                return f"EXISTS {{ {v} <{RDF_NS}type> {t} . " \
                       f"VALUES {t} {{ {self.subclasses(_term(value))} }} }}"
            return f"EXISTS {{ {v} <{RDF_NS}type> {t} . " \
                   f"FILTER EXISTS {{ {t} <{RDFS_SUBCLASS}>* {_term(value)} }} }}"
        if predicate == SH.datatype:
            condition = f"(isLiteral({v}) && sameTerm(DATATYPE({v}), {_term(value)})"
            if str(value) in CASTS:
                condition += f" && COALESCE(IF(BOUND({v}) && {_term(value)}(STR({v})) = " \
                             f"{_term(value)}(STR({v})), true, true), false)"
            elif str(value) in YEAR_FORMS:
                condition += f" && REGEX(STR({v}), {_string(YEAR_FORMS[str(value)])})"
            return condition + ")"
        if predicate == SH.nodeKind:
            if value not in NODE_KINDS:
                raise self._unsupported(shape, predicate, f"node kind {value}")
            return NODE_KINDS[value].format(v=v)
        if predicate == SH["in"]:
            members = list(Collection(self.g, value))
            return "(" + (" || ".join(f"sameTerm({v}, {_term(m)})" for m in members)
                          or "false") + ")"
        if predicate == SH.pattern:
            flags = self.g.value(shape, SH.flags)
            extra = f", {_string(str(flags))}" if flags is not None else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {_string(str(value))}{extra}))"
        if predicate in RANGE_OPERATOR:
            return f"COALESCE({v} {RANGE_OPERATOR[predicate]} {_term(value)}, false)"
        if predicate == SH.languageIn:
            tags = list(Collection(self.g, value))
            return f"(isLiteral({v}) && (" + (" || ".join(
                f"langMatches(LANG({v}), {_string(str(t))})" for t in tags) or "false") + "))"
        if predicate == SH.node:
            return self._conforms(value, v)
        if predicate in (SH["or"], SH["and"], SH.xone):
            members = [self._conforms(m, v) for m in Collection(self.g, value)]
            if predicate == SH.xone:
                return "((" + " + ".join(f"IF(COALESCE({m}, false), 1, 0)" for m in members) + ") = 1)"
            return _lazy(members, predicate == SH["or"])
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
                    parts.append(f"sameTerm({x}, {_term(value)})")
                elif predicate in PROPERTY_ONLY or predicate == SH.sparql:
                    raise self._unsupported(shape, predicate, "inside a nested node shape")
            parts += [self._conforms(prop, x) for prop in self.g.objects(shape, SH.property)]
            return _lazy(parts, False)
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
                parts.append(f"EXISTS {{ {path(x, _term(value))} }}")
            elif predicate == SH.qualifiedValueShape:
                for bound, negate in ((SH.qualifiedMinCount, ""), (SH.qualifiedMaxCount, "!")):
                    count = self.g.value(shape, bound)
                    if count is not None:
                        n = int(count) + (1 if negate else 0)
                        parts.append(f"{negate}({self._at_least(x, path, n, value, shape, bound)})")
            elif predicate in PROPERTY_ONLY or predicate in (SH.sparql, SH.property):
                raise self._unsupported(shape, predicate, "inside a nested property shape")
        return _lazy(parts, False)

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

    # ---- paths and terms

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
            return f"{subject} {_term(node)} {obj} ."
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
            return _term(node)
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
            return _term(node)
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


def _lazy(parts: list[str], any_of: bool) -> str:
    """All (or any) of ``parts``, an error counting as false, the cheap ones first, as IFs:
    Oxigraph evaluates both sides of && and ||, and a nested EXISTS can read many nodes."""
    expression = "false" if any_of else "true"
    for part in sorted(parts, key=lambda p: (p.count("EXISTS"), len(p)), reverse=True):
        part = f"COALESCE({part}, false)"
        expression = f"IF({part}, true, {expression})" if any_of else \
            f"IF({part}, {expression}, false)"
    return expression


def _term(node: Node) -> str:
    if isinstance(node, BNode):
        raise UnsupportedShape(f"a blank node ({node}) as a constant in a shape")
    return node.n3()


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _rdflib(term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _report(results: list[Result], conforms: bool) -> Graph:
    report = Graph()
    report.bind("sh", SH)
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    report.add((root, SH.conforms, Literal(conforms)))
    for result in results:
        report.add((root, SH.result, _add_result(report, result)))
    return report


def _add_result(report: Graph, result: Result) -> BNode:
    node = BNode()
    check = result.check
    for detail in result.details:
        report.add((node, SH.detail, _add_result(report, detail)))
    report.add((node, RDF.type, SH.ValidationResult))
    report.add((node, SH.focusNode, _rdflib(result.focus)))
    report.add((node, SH.resultSeverity, check.severity))
    report.add((node, SH.sourceShape, check.shape))
    report.add((node, SH.sourceConstraintComponent, SH[f"{check.component}ConstraintComponent"]))
    if check.path is not None:
        report.add((node, SH.resultPath, check.path))
    if result.value is not None:
        report.add((node, SH.value, _rdflib(result.value)))
    if check.source_constraint is not None:
        report.add((node, SH.sourceConstraint, check.source_constraint))
    for message in result.messages:
        report.add((node, SH.resultMessage, Literal(message)))
    return node
