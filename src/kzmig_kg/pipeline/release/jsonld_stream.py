"""``kzmig.jsonld`` written node by node from the release's N-Triples, never whole in memory.

The document is the one ``jsonld.compact_jsonld`` gives for all triples merged (JSON-LD 1.1, 4.3
"Node Objects": one node object per subject, its classes under ``@type``, IRIs compacted with the
published context, value objects explicit): ``{"@context": ..., "@graph": [node, ...]}``.
pyoxigraph's own JSON-LD serialiser writes expanded JSON-LD only (no prefixes, no ``@type``, one
object per run of triples), and compacting that needs it whole. Here the N-Triples file
(``dumps.py``) is read once: a subject's triples come together there, except for the few
"scattered" subjects ``dumps.scattered_subjects`` found, which are gathered and written last; each
node is turned into JSON and written, so the memory holds one node and the scattered ones.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .jsonld import RDF_TYPE, iri_compactor

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def write_jsonld(triples: Path, scattered: set[int], context: dict[str, Any], path: Path) -> int:
    """Write the N-Triples file ``triples`` to ``path`` as compacted JSON-LD with ``context``
    (through a temporary file renamed into place); return the number of nodes. ``scattered``:
    the hashes of the subjects whose triples may not come together in the file."""
    iri = iri_compactor(context)
    gathered: dict[Any, list[ox.Triple]] = {}
    partial = path.with_name(f".{path.name}.partial")
    written = 0
    try:
        with partial.open("w", encoding="utf-8") as out:
            # the bytes json.dumps gives for the whole document, written piece by piece
            out.write('{"@context": ' + json.dumps(context) + ', "@graph": [')

            def emit(subject: Any, run: list[ox.Triple]) -> None:
                nonlocal written
                out.write((", " if written else "") + json.dumps(_node(subject, run, iri)))
                written += 1

            subject, run = None, []
            for triple in ox.parse(path=str(triples), format=ox.RdfFormat.N_TRIPLES):
                if hash(triple.subject) in scattered:
                    gathered.setdefault(triple.subject, []).append(triple)
                    continue
                if triple.subject != subject:
                    if run:
                        emit(subject, run)
                    subject, run = triple.subject, []
                run.append(triple)
            if run:
                emit(subject, run)
            for subject in sorted(gathered, key=_name):
                emit(subject, gathered[subject])
            out.write("]}")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return written


def _name(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _node(subject: ox.NamedNode | ox.BlankNode, triples: list[ox.Triple],
          iri: Any) -> dict[str, Any]:
    """The node object of ``subject``: ``@id``, ``@type``, then its properties by name, each
    with its values in a fixed order (so that two builds of the same graph write the same file)."""
    types: set[str] = set()
    properties: dict[str, dict[Any, Any]] = {}
    for triple in triples:
        predicate, obj = triple.predicate.value, triple.object
        if predicate == RDF_TYPE and not isinstance(obj, ox.Literal):
            types.add(iri(_name(obj), as_term=True))
            continue
        value = _value(obj, iri)
        properties.setdefault(iri(predicate, as_term=True), {})[tuple(value.items())] = value
    node: dict[str, Any] = {"@id": iri(_name(subject), as_term=False)}
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
