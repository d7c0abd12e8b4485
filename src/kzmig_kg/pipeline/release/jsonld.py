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
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def iri_compactor(context: dict[str, Any]) -> Callable[..., str]:
    """``iri(value, as_term=...)``: ``value`` as a compact IRI of ``context``'s prefixes (the longest
    namespace that matches), as a bare term under its ``@vocab`` when ``as_term``, or unchanged;
    blank node ids (``_:b1``) stay as they are."""
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

    return iri


def compact_jsonld(graph: ox.Store, context: dict[str, Any]) -> dict[str, Any]:
    """The triples of ``graph``'s default graph as a compacted JSON-LD document with ``context``."""
    expanded = json.loads(ox.serialize(graph, format=ox.RdfFormat.JSON_LD))
    iri = iri_compactor(context)

    def value(obj: dict[str, Any]) -> dict[str, Any]:
        if "@id" in obj:
            return {"@id": iri(obj["@id"], as_term=False)}
        if "@type" in obj:
            return {**obj, "@type": iri(obj["@type"], as_term=True)}
        return obj

    # pyoxigraph writes one node object per triple; a consumer wants one per subject (JSON-LD
    # 1.1, 4.3 "Node Objects"), with its types under @type.
    nodes: dict[str, dict[str, Any]] = {}
    seen: set[tuple[str, str, str]] = set()
    for node in expanded:
        subject = iri(node["@id"], as_term=False)
        out = nodes.setdefault(subject, {"@id": subject})
        for key, values in node.items():
            if key == "@id":
                continue
            as_type = key == "@type" or (key == RDF_TYPE and all("@id" in v for v in values))
            name = "@type" if as_type else iri(key, as_term=True)
            for item in values:
                if as_type:
                    compacted: Any = iri(item if key == "@type" else item["@id"], as_term=True)
                else:
                    compacted = value(item)
                # a value object's items as the key: json.dumps per value took a third of the
                # release stage at 100k triples
                mark = (subject, name, compacted if isinstance(compacted, str)
                        else tuple(sorted(compacted.items())))
                if mark not in seen:
                    seen.add(mark)
                    out.setdefault(name, []).append(compacted)
    return {"@context": context, "@graph": [nodes[k] for k in sorted(nodes)]}
