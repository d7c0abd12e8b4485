"""The framed documents of ``framed.py`` without pyld: the same JSON, 50 to 100 times faster.

pyld frames about 4,000 triples a second (its IRI compaction is most of that), which made the
framed documents the largest part of the release stage from 100,000 triples on. The frames the
release uses are simple (the nodes of one class, every node embedded wherever it is referenced,
``@embed: @always``; for acts also ``@reverse`` of one property), and the context is prefixes
and a default language, so ``frame_kind`` does exactly what pyld's JSON-LD 1.1 Framing does for
them (pyld 2.0's ``_match_frame``, then Compaction), for a subgraph without blank nodes:
- the top-level nodes are those of the class, by ``@id``;
- a referenced node is embedded with all its triples, unless it is already open further up
  (an ancestor other than the parent): then it is a reference (pyld's circular-reference check);
- ``@reverse``: the nodes that point at the node by the property, in the order pyld's node map
  holds them (first mention while reading the triples sorted as N-Triples), embedded in full;
- compaction: keys in the order of their expanded IRIs (``@id``, ``@reverse``, ``@type`` first),
  IRIs as the shortest compact IRI of the context's prefixes, a string in the default language
  as a plain string, a single value without its array.
``tests/test_framed.py`` holds the output equal to pyld's on the curated graph and on generated
data; ``framed.py`` falls back to pyld for a subgraph with blank nodes (their relabelling and
pruning are not reproduced).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring  # json.dumps(ensure_ascii=False) of a str
from typing import Any

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def frame_kind(triples: Iterable[ox.Triple], context: dict[str, Any], kind_class: str,
               reverse: str | None = None) -> dict[str, Any]:
    """The framed document of the nodes of ``kind_class`` (a full IRI) in ``triples`` (no blank
    nodes), with ``context``; ``reverse``: a property (full IRI) whose subjects are embedded
    under ``@reverse`` in each top-level node."""
    return {"@context": context,
            "@graph": list(frame_nodes(triples, context, kind_class, reverse))}


def frame_texts(triples: Iterable[ox.Triple], context: dict[str, Any], kind_class: str,
                reverse: str | None = None) -> Iterator[str]:
    """The top-level nodes of ``frame_kind``'s document as JSON text, one at a time, each as
    ``json.dumps(node, ensure_ascii=False, indent=1)`` writes it two levels down (in the
    document's ``@graph``)."""
    framer = _Framer(*_node_map(triples), _Compactor(context))
    for node in _frame(framer, kind_class, reverse):
        yield framer.text(node, 2)


def frame_nodes(triples: Iterable[ox.Triple], context: dict[str, Any], kind_class: str,
                reverse: str | None = None) -> Iterator[dict[str, Any]]:
    """The top-level nodes of ``frame_kind``'s document, one at a time."""
    return _frame(_Framer(*_node_map(triples), _Compactor(context)), kind_class, reverse)


def _frame(framer: _Framer, kind_class: str, reverse: str | None) -> Iterator[dict[str, Any]]:
    nodes, types, compact = framer.nodes, framer.types, framer.compact
    top = sorted(node for node, classes in types.items() if kind_class in classes)
    pointing: dict[str, list[str]] = {}
    if reverse is not None:
        for node, properties in nodes.items():  # node-map order, as pyld walks it
            for value in properties.get(reverse, ()):
                if type(value) is str:
                    pointing.setdefault(value, []).append(node)
    for node in top:
        stack = [node]
        embedded = framer.embed(node, stack)
        if reverse is not None and node in pointing:
            amending = [framer.embed(other, stack + [other]) for other in pointing[node]]
            embedded = {"@id": embedded["@id"],
                        "@reverse": {compact.iri(reverse, vocab=True): _single(amending)},
                        **{k: v for k, v in embedded.items() if k != "@id"}}
        yield embedded


def _node_map(triples: Iterable[ox.Triple]) -> tuple[dict[str, dict[str, list[Any]]],
                                                     dict[str, list[str]]]:
    """Each node's properties (full IRI -> values: an IRI as ``str``, a literal as its expanded
    value object), in the order pyld's node map gets them from pyoxigraph's JSON-LD of the
    triples sorted as N-Triples: nodes by first mention (as subject or object), a node's
    properties by IRI, values as sorted; and each node's classes (``@type``)."""
    by_subject: dict[str, dict[str, list[Any]]] = {}
    types: dict[str, list[str]] = {}
    for triple in sorted(triples, key=str):
        subject, predicate, obj = triple.subject.value, triple.predicate.value, triple.object
        properties = by_subject.setdefault(subject, {})
        if predicate == RDF_TYPE and type(obj) is ox.NamedNode:
            types.setdefault(subject, []).append(obj.value)
            continue
        values = properties.setdefault(predicate, [])
        if type(obj) is ox.NamedNode:
            values.append(obj.value)
        elif obj.language:
            values.append({"@language": obj.language, "@value": obj.value})
        elif obj.datatype.value == XSD_STRING:
            values.append({"@value": obj.value})
        else:
            values.append({"@type": obj.datatype.value, "@value": obj.value})
    nodes: dict[str, dict[str, list[Any]]] = {}
    for subject, properties in by_subject.items():
        nodes.setdefault(subject, {})
        for predicate in sorted(properties):
            for value in properties[predicate]:
                if type(value) is str:
                    nodes.setdefault(value, {})
        nodes[subject] = {p: properties[p] for p in sorted(properties)}
    return nodes, types


class _Framer:
    """Embeds nodes, remembering each embedded node's output: an observation's data set, period
    and codes, or an amended act, are embedded thousands of times the same way, so they are built
    and turned into JSON text once (``text``)."""

    def __init__(self, nodes: dict[str, dict[str, list[Any]]], types: dict[str, list[str]],
                 compact: _Compactor) -> None:
        self.nodes, self.types, self.compact = nodes, types, compact
        # node -> [(IRIs looked up in the ancestors, those found there, output)]: the output
        # depends on the ancestors only through those look-ups
        self._done: dict[str, list[tuple[frozenset[str], frozenset[str], dict[str, Any]]]] = {}
        self._texts: dict[tuple[int, int], str] = {}  # (id of a remembered output, depth)
        self._kept: dict[int, dict[str, Any]] = {}

    def embed(self, node: str, stack: list[str], looked_up: set[str] | None = None
              ) -> dict[str, Any]:
        """``node`` compacted with every node it references embedded; ``stack`` ends with it.
        ``looked_up`` gathers the IRIs checked against the ancestors on the way."""
        above = set(stack[:-1])
        for tested, found, out in self._done.get(node, ()):
            if above & tested == found:
                if looked_up is not None:
                    looked_up |= tested
                return out
        tested: set[str] = set()
        out = self._embed(node, stack, tested)
        if len(stack) > 1:  # a top-level node is written once: not kept
            self._done.setdefault(node, []).append((frozenset(tested), frozenset(above & tested),
                                                   out))
            self._kept[id(out)] = out
        if looked_up is not None:
            looked_up |= tested
        return out

    def _embed(self, node: str, stack: list[str], tested: set[str]) -> dict[str, Any]:
        iri = self.compact.iri
        out: dict[str, Any] = {"@id": iri(node, vocab=False)}
        classes = self.types.get(node)
        if classes:
            out["@type"] = _single([iri(c, vocab=True) for c in classes])
        open_above = stack[:-1]
        for predicate, values in self.nodes[node].items():
            compacted = []
            for value in values:
                if type(value) is not str:
                    compacted.append(self.compact.value(value))
                    continue
                tested.add(value)
                if value in open_above:
                    compacted.append({"@id": iri(value, vocab=False)})
                else:
                    compacted.append(self.embed(value, stack + [value], tested))
            out[iri(predicate, vocab=True)] = _single(compacted)
        return out

    def text(self, value: Any, depth: int) -> str:
        """``value`` as ``json.dumps(value, ensure_ascii=False, indent=1)`` writes it ``depth``
        levels down (its lines after the first indented by ``depth``); a remembered output's text
        is kept."""
        if type(value) is str:
            return encode_basestring(value)
        key = (id(value), depth)
        kept = self._texts.get(key)
        if kept is not None:
            return kept
        inner = " " * (depth + 1)
        if type(value) is list:
            text = ("[\n" + ",\n".join(inner + self.text(item, depth + 1) for item in value)
                    + "\n" + " " * depth + "]") if value else "[]"
        else:
            text = ("{\n" + ",\n".join(f"{inner}{encode_basestring(k)}: "
                                       f"{self.text(v, depth + 1)}" for k, v in value.items())
                    + "\n" + " " * depth + "}") if value else "{}"
        if id(value) in self._kept:
            self._texts[key] = text
        return text


class _Compactor:
    """IRI and value compaction (JSON-LD 1.1 Compaction, IRI Compaction 6.3 and Value Compaction
    6.4) for a context of prefixes (simple term definitions) and a default ``@language``."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes = [(prefix, namespace) for prefix, namespace in context.items()
                         if not prefix.startswith("@") and isinstance(namespace, str)]
        self.language = context.get("@language")
        self._cache: dict[str, str] = {}

    def iri(self, value: str, *, vocab: bool) -> str:
        found = self._cache.get(value)
        if found is None:
            found = self._cache[value] = self._curie(value)
        return found

    def _curie(self, value: str) -> str:
        best = None
        for prefix, namespace in self.prefixes:
            if namespace and value != namespace and value.startswith(namespace):
                candidate = f"{prefix}:{value[len(namespace):]}"
                if best is None or (len(candidate), candidate) < (len(best), best):
                    best = candidate
        return value if best is None else best

    def value(self, value: dict[str, str]) -> Any:
        if "@type" in value:
            return {"@type": self.iri(value["@type"], vocab=True), "@value": value["@value"]}
        if value.get("@language") == self.language and self.language is not None:
            return value["@value"]
        if "@language" not in value and self.language is None:
            return value["@value"]
        return value


def _single(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values
