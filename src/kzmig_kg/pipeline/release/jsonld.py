"""Compact JSON-LD from pyoxigraph's expanded JSON-LD (JSON-LD 1.1, section 6 "Compaction", simplified).

pyoxigraph writes expanded JSON-LD quickly; rdflib's JSON-LD serialiser is 20 times slower on the
release. The compaction here only shortens IRIs: property names, ``@type`` values and ``@id`` values
become compact IRIs (``kzo:Law``) or, under ``@vocab``, bare terms; value objects stay explicit, so
the default ``@language`` of the context never changes a literal. The context is embedded, never
referenced by URL, so no consumer has to fetch anything to read the file.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pyoxigraph as ox


def compact_jsonld(graph: ox.Store, context: dict[str, Any]) -> dict[str, Any]:
    """The triples of ``graph``'s default graph as a compacted JSON-LD document with ``context``."""
    expanded = json.loads(ox.serialize(graph, format=ox.RdfFormat.JSON_LD))
    prefixes = sorted(((ns, p) for p, ns in context.items()
                       if not p.startswith("@") and isinstance(ns, str)), key=lambda x: -len(x[0]))
    vocab = context.get("@vocab")

    @functools.cache
    def iri(value: str, *, as_term: bool) -> str:
        if value.startswith("_:"):
            return value
        if as_term and vocab and value.startswith(vocab):
            local = value[len(vocab):]
            if local and ":" not in local and not local.startswith("@"):
                return local
        for namespace, prefix in prefixes:
            if value.startswith(namespace):
                local = value[len(namespace):]
                if not local.startswith("//"):
                    return f"{prefix}:{local}"
        return value

    def value(obj: dict[str, Any]) -> dict[str, Any]:
        if "@id" in obj:
            return {"@id": iri(obj["@id"], as_term=False)}
        if "@type" in obj:
            return {**obj, "@type": iri(obj["@type"], as_term=True)}
        return obj

    nodes = []
    for node in expanded:
        out: dict[str, Any] = {}
        for key, values in node.items():
            if key == "@id":
                out[key] = iri(values, as_term=False)
            elif key == "@type":
                out[key] = [iri(t, as_term=True) for t in values]
            else:
                out[iri(key, as_term=True)] = [value(v) for v in values]
        nodes.append(out)
    return {"@context": context, "@graph": nodes}
