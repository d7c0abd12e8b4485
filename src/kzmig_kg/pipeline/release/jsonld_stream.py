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
from json.encoder import encode_basestring_ascii as _json  # json.dumps of a str
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .jsonld import RDF_TYPE, iri_compactor
from .nt_lines import END, literal, name

_RDF_TYPE_TEXT = f"<{RDF_TYPE}>".encode()
_END = len(END)


def write_jsonld(triples: Path, scattered: set[int], context: dict[str, Any], path: Path) -> int:
    """Write the N-Triples file ``triples`` to ``path`` as compacted JSON-LD with ``context``
    (through a temporary file renamed into place); return the number of nodes. ``scattered``:
    the hashes of the subjects' pyoxigraph terms whose triples may not come together in the
    file. The file is read as lines of bytes (``nt_lines``), each subject's text compared, not
    parsed."""
    iri = iri_compactor(context)
    terms, ids = _Compacted(iri, as_term=True), _Compacted(iri, as_term=False)
    gathered: dict[str, list[bytes]] = {}
    partial = path.with_name(f".{path.name}.partial")
    written = 0
    try:
        with partial.open("w", encoding="utf-8") as out, triples.open("rb") as lines:
            # the bytes json.dumps gives for the whole document, written piece by piece
            out.write('{"@context": ' + json.dumps(context) + ', "@graph": [')

            def emit(subject: str, run: list[bytes]) -> None:
                nonlocal written
                out.write((", " if written else "") + _node(subject, run, terms, ids))
                written += 1

            subject = last = b""
            run: list[bytes] = []
            gather = False
            for line in lines:
                this = line[:line.index(b" ")]
                if this != last:  # a subject's term is made and hashed once a run
                    last = this
                    gather = bool(scattered) and hash(_term(this)) in scattered
                if gather:
                    gathered.setdefault(name(this), []).append(line)
                    continue
                if this != subject:
                    if run:
                        emit(name(subject), run)
                    subject, run = this, []
                run.append(line)
            if run:
                emit(name(subject), run)
            for found in sorted(gathered):
                emit(found, gathered[found])
            out.write("]}")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return written


class _Compacted(dict[str, str]):
    """``iri(value, as_term=...)`` of ``jsonld.iri_compactor`` as a dict look-up (its cache's
    call with a keyword took a tenth of the dump's time); ``by_text``: the same by a term's
    N-Triples text with the line's end (``<IRI> .\n``, ``_:label .\n``), and ``marks``: an
    object's value ``(("@id", compacted),)`` by that text."""

    def __init__(self, iri: Any, *, as_term: bool) -> None:
        super().__init__()
        self._iri, self._as_term = iri, as_term
        self.by_text = _ByText(lambda text: self[name(text[:-_END])])
        self.marks = _ByText(self._mark)

    def __missing__(self, value: str) -> str:
        found = self[value] = self._iri(value, as_term=self._as_term)
        return found

    def _mark(self, text: bytes) -> tuple[tuple[tuple[str, str], ...], str]:
        compacted = self[name(text[:-_END])]
        return (("@id", compacted),), f'{{"@id": {_json(compacted)}}}'


class _ByText(dict[bytes, Any]):
    def __init__(self, make: Any) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, text: bytes) -> Any:
        found = self[text] = self._make(text)
        return found


def _term(text: bytes) -> ox.NamedNode | ox.BlankNode:
    """A subject's pyoxigraph term from its text (for the scattered subjects' hashes)."""
    found = text.decode()
    return ox.NamedNode(found[1:-1]) if found[:1] == "<" else ox.BlankNode(found[2:])


def _node(subject: str, lines: list[bytes], terms: _Compacted, ids: _Compacted) -> str:
    """The node object of ``subject`` (its IRI, or ``_:label``) from its N-Triples ``lines``, as
    the JSON text ``json.dumps`` gives for it: ``@id``, ``@type``, then its properties by name,
    each with its values in a fixed order (so that two builds of the same graph write the same
    file).

    A value is kept as its items (JSON-LD's expanded form, 8. "Serialize RDF as JSON-LD": a
    language-tagged string keeps its tag, an xsd:string has no ``@type``; IRIs compacted), which
    are its sort key, beside its JSON text. The terms' texts are looked up as bytes
    (``terms.by_text``) and the line split here, and the text is written directly: per line, a
    function call, and a dict for each value for ``json.dumps``, were each a tenth of the
    dump's time."""
    types: set[str] = set()
    properties: dict[bytes, set[tuple[tuple[tuple[str, str], ...], str]]] = {}
    type_of, id_of = terms.by_text, ids.marks
    for line in lines:
        _subject, predicate, obj = line.split(b" ", 2)
        if obj[0] == 34:  # a literal: it starts with a quote
            value, language, datatype = literal(line, obj[:-_END])
            if language:
                mark: tuple[tuple[tuple[str, str], ...], str] = (
                    (("@language", language), ("@value", value)),
                    f'{{"@language": {_json(language)}, "@value": {_json(value)}}}')
            elif datatype is None:
                mark = (("@value", value),), f'{{"@value": {_json(value)}}}'
            else:
                compacted = terms[datatype]
                mark = ((("@type", compacted), ("@value", value)),
                        f'{{"@type": {_json(compacted)}, "@value": {_json(value)}}}')
        elif predicate == _RDF_TYPE_TEXT:
            types.add(type_of[obj])
            continue
        else:
            mark = id_of[obj]
        values = properties.get(predicate)
        if values is None:
            properties[predicate] = {mark}
        else:
            values.add(mark)
    text = '{"@id": ' + _json(ids[subject])
    if types:
        text += ', "@type": [' + ", ".join(map(_json, sorted(types))) + "]"
    keyed: dict[str, set[tuple[tuple[tuple[str, str], ...], str]]] = {}
    for predicate, values in properties.items():
        key = type_of[predicate + END]
        if key in keyed:
            keyed[key] |= values
        else:
            keyed[key] = values
    for key in sorted(keyed):
        values = keyed[key]
        if len(values) == 1:
            text += ", " + _json(key) + ": [" + next(iter(values))[1] + "]"
        else:
            text += ", " + _json(key) + ": [" + ", ".join(t for _m, t in sorted(values)) + "]"
    return text + "}"
