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
    compact = _Compacted(iri, as_term=True), _Compacted(iri, as_term=False)
    gathered: dict[Any, list[ox.Triple]] = {}
    partial = path.with_name(f".{path.name}.partial")
    written = 0
    try:
        with partial.open("w", encoding="utf-8") as out:
            # the bytes json.dumps gives for the whole document, written piece by piece
            out.write('{"@context": ' + json.dumps(context) + ', "@graph": [')

            def emit(subject: Any, run: list[ox.Triple]) -> None:
                nonlocal written
                out.write((", " if written else "") + json.dumps(_node(subject, run, *compact)))
                written += 1

            subject, run = None, []
            for triple in ox.parse(path=str(triples), format=ox.RdfFormat.N_TRIPLES):
                this = triple.subject
                if scattered and hash(this) in scattered:
                    gathered.setdefault(this, []).append(triple)
                    continue
                if this != subject:
                    if run:
                        emit(subject, run)
                    subject, run = this, []
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


class _Compacted(dict[str, str]):
    """``iri(value, as_term=...)`` of ``jsonld.iri_compactor`` as a dict look-up (its cache's
    call with a keyword took a tenth of the dump's time)."""

    def __init__(self, iri: Any, *, as_term: bool) -> None:
        super().__init__()
        self._iri, self._as_term = iri, as_term

    def __missing__(self, value: str) -> str:
        found = self[value] = self._iri(value, as_term=self._as_term)
        return found


def _name(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _node(subject: ox.NamedNode | ox.BlankNode, triples: list[ox.Triple],
          terms: _Compacted, ids: _Compacted) -> dict[str, Any]:
    """The node object of ``subject``: ``@id``, ``@type``, then its properties by name, each
    with its values in a fixed order (so that two builds of the same graph write the same file).

    A value is kept as its items (JSON-LD's expanded form, 8. "Serialize RDF as JSON-LD": a
    language-tagged string keeps its tag, an xsd:string has no ``@type``; IRIs compacted), which
    are its sort key, and becomes a dict when the node is written."""
    types: set[str] = set()
    properties: dict[str, set[tuple[tuple[str, str], ...]]] = {}
    for triple in triples:
        obj = triple.object
        kind = type(obj)
        if kind is ox.Literal:
            language = obj.language
            if language:
                mark: tuple[tuple[str, str], ...] = (("@language", language), ("@value", obj.value))
            else:
                datatype = obj.datatype.value
                mark = ((("@value", obj.value),) if datatype == XSD_STRING
                        else (("@type", terms[datatype]), ("@value", obj.value)))
            predicate = triple.predicate.value
        else:
            name = "_:" + obj.value if kind is ox.BlankNode else obj.value
            predicate = triple.predicate.value
            if predicate == RDF_TYPE:
                types.add(terms[name])
                continue
            mark = (("@id", ids[name]),)
        key = terms[predicate]
        values = properties.get(key)
        if values is None:
            properties[key] = {mark}
        else:
            values.add(mark)
    node: dict[str, Any] = {"@id": ids[_name(subject)]}
    if types:
        node["@type"] = sorted(types)
    for name in sorted(properties):
        node[name] = [dict(mark) for mark in sorted(properties[name])]
    return node
