"""The validation report, as pyshacl writes it, from the results of the compiled checks."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ...namespaces import SH
from .checks import Result


def build_report(results: list[Result], conforms: bool) -> Graph:
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


def _rdflib(term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
