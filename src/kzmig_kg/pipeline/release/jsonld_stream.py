"""``kzmig.jsonld`` written from the store subject by subject, never as one document in memory.

The document is the one ``jsonld.compact_jsonld`` gives for all triples merged (JSON-LD 1.1, 4.3
"Node Objects": one node object per subject, its classes under ``@type``, IRIs compacted with the
published context, value objects explicit): ``{"@context": ..., "@graph": [node, ...]}`` with the
nodes in the order of their compacted ``@id``. Each node is read from the store with one index
look-up (its quads in every named graph, a triple in two graphs once), turned into JSON and
written, so the memory holds the list of subjects and one node, not the graph: pyoxigraph's own
JSON-LD serialiser writes expanded JSON-LD only (no prefixes, no ``@type``, one object per run of
triples), and compacting that needs it whole.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .jsonld import RDF_TYPE, iri_compactor

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_SUBJECTS = "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"


def write_jsonld(store: ox.Store, context: dict[str, Any], path: Path) -> int:
    """Write every triple of ``store``'s named graphs to ``path`` as compacted JSON-LD with
    ``context`` (through a temporary file renamed into place); return the number of nodes."""
    iri = iri_compactor(context)
    subjects = sorted(((iri(_name(row["s"]), as_term=False), row["s"])
                      for row in store.query(_SUBJECTS)), key=lambda pair: pair[0])
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as out:
            # the bytes json.dumps gives for the whole document, written piece by piece
            out.write('{"@context": ' + json.dumps(context) + ', "@graph": [')
            for number, (key, subject) in enumerate(subjects):
                if number:
                    out.write(", ")
                out.write(json.dumps(_node(store, subject, key, iri)))
            out.write("]}")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return len(subjects)


def _name(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _node(store: ox.Store, subject: ox.NamedNode | ox.BlankNode, key: str,
          iri: Any) -> dict[str, Any]:
    """The node object of ``subject``: ``@id``, ``@type``, then its properties by name, each
    with its values in a fixed order (so that two builds of the same graph write the same file)."""
    types: set[str] = set()
    properties: dict[str, dict[Any, Any]] = {}
    for quad in store.quads_for_pattern(subject, None, None, None):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            continue
        predicate, obj = quad.predicate.value, quad.object
        if predicate == RDF_TYPE and not isinstance(obj, ox.Literal):
            types.add(iri(_name(obj), as_term=True))
            continue
        value = _value(obj, iri)
        properties.setdefault(iri(predicate, as_term=True), {})[tuple(value.items())] = value
    node: dict[str, Any] = {"@id": key}
    if types:
        node["@type"] = sorted(types)
    for name in sorted(properties):
        values = properties[name]
        node[name] = [values[mark] for mark in sorted(values)]
    return node


def _value(obj: ox.NamedNode | ox.BlankNode | ox.Literal, iri: Any) -> dict[str, str]:
    """An object as JSON-LD's expanded form writes it, its IRIs compacted (JSON-LD 1.1, 8.
    "Serialize RDF as JSON-LD": a language-tagged string keeps its tag, an xsd:string has no
    ``@type``)."""
    if isinstance(obj, ox.Literal):
        if obj.language:
            return {"@language": obj.language, "@value": obj.value}
        if obj.datatype.value == XSD_STRING:
            return {"@value": obj.value}
        return {"@type": iri(obj.datatype.value, as_term=True), "@value": obj.value}
    return {"@id": iri(_name(obj), as_term=False)}
