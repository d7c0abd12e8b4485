"""The SHACL vocabulary the compiler knows and the SPARQL text it writes for constants.

``sparql_term`` writes a shape's constant as SPARQL; ``UnsupportedShape`` is the error for a
construct the compiler does not implement."""

from __future__ import annotations

from rdflib import RDF, BNode, URIRef
from rdflib.term import Node

from ...errors import KzmigError
from ...namespaces import SH

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


class UnsupportedShape(KzmigError):
    """A shape uses a SHACL construct the SPARQL compiler does not implement."""


def lazy_condition(parts: list[str], any_of: bool) -> str:
    """All (or any) of ``parts``, an error counting as false, the cheap ones first, as IFs:
    Oxigraph evaluates both sides of && and ||, and a nested EXISTS can read many nodes."""
    expression = "false" if any_of else "true"
    for part in sorted(parts, key=lambda p: (p.count("EXISTS"), len(p)), reverse=True):
        part = f"COALESCE({part}, false)"
        expression = f"IF({part}, true, {expression})" if any_of else \
            f"IF({part}, {expression}, false)"
    return expression


def sparql_term(node: Node) -> str:
    if isinstance(node, BNode):
        raise UnsupportedShape(f"a blank node ({node}) as a constant in a shape")
    return node.n3()


def sparql_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


