"""SHACL compiled to SPARQL SELECT queries, run on the pyoxigraph store itself (no copy).

Each (shape, constraint component) becomes one query returning the focus node and, where SHACL
reports one, the value node; the report is pyshacl's (focus node, path, severity, source shape,
constraint component, value, message). Nested shapes (sh:node, sh:or, sh:and, sh:not, sh:xone,
sh:qualifiedValueShape, sh:property inside them) become one boolean SPARQL expression per value
node, a FILTER over EXISTS patterns. A shape construct the compiler does not know raises
``UnsupportedShape`` naming the shape and the predicate: a constraint is never skipped silently.
Most checks on a path have two forms, a pass over the path's triples and look-ups per focus node;
counts on the store that stop early choose between them (``planner``).
tests/test_shacl_at_scale.py holds the report equal to pyshacl's on every fixture, in both forms.

The entry is ``validate_with_sparql``; its parts, each a module with one entry, imported in this
order only: ``vocabulary`` (the SHACL terms known, SPARQL constants, ``UnsupportedShape``),
``checks`` (``Check``, ``Result``), ``paths`` (SHACL paths as SPARQL), ``conditions`` (nested
shapes as boolean expressions), ``compiler`` (``Compiler``: a ``Check`` per shape and component),
``planner`` (``plan_checks``: look-ups or passes, and the order), ``runner`` (``run_checks``: the
thread pool) and ``report`` (``build_report``: pyshacl's report graph).
"""

from __future__ import annotations

import os

import pyoxigraph as ox
from rdflib import Graph

from ...namespaces import SH
from .checks import Check, Result
from .compiler import Compiler
from .planner import Subclasses, choose_lookups, count_rows, plan_checks
from .report import build_report
from .runner import run_checks
from .vocabulary import UnsupportedShape

# the names the tests and benchmarks imported from the single module this package was
_Compiler, _Subclasses, _count, _lookups = Compiler, Subclasses, count_rows, choose_lookups
__all__ = ["Check", "Result", "UnsupportedShape", "validate_with_sparql", "_Compiler",
           "_Subclasses", "_count", "_lookups"]


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
    compiler = Compiler(shapes, Subclasses(store),
                        lambda predicate, most: count_rows(store, "", f"?s {predicate} ?o", most))
    checks = list(compiler.checks())
    lookups, order = plan_checks(store, checks, compiler, forms)
    ran = run_checks(store, checks, compiler, lookups, order,
                     workers or len(os.sched_getaffinity(0)))
    results: list[Result] = []
    for check, (found, wall, cpu) in zip(checks, ran, strict=True):
        results.extend(found)
        if timings is not None:
            timings.append((wall, cpu, check))
    conforms = not any(r.check.severity == SH.Violation for r in results)
    return conforms, build_report(results, conforms)
