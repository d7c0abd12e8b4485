"""Names for IRIs in a reader's languages: ``Labeller(store).label(iri, languages)``, shared by
`kzmig-kg show` and the server's pages.

The label is the first of rdfs:label, skos:prefLabel, dct:title, foaf:name, schema:name in the
first of ``languages`` that has one, else a plain literal, else any; with none of those
properties, the labeller's ``fallback`` of the IRI (by default ``short_iri``: ``prefix:local``).
Cached per IRI and language list: a built store never changes under its readers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import pyoxigraph as ox

from ..namespaces import PREFIXES

__all__ = ["LANGUAGES", "Labeller", "short_iri"]
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
LABEL_PROPERTIES = [ox.NamedNode(p) for p in (
    "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title", "http://xmlns.com/foaf/0.1/name", "https://schema.org/name")]
LANGUAGES = ("en", "ru", "kk")


def short_iri(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace, else the IRI."""
    best = max((ns for ns in _PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in _PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


class Labeller:
    def __init__(self, store: ox.Store, fallback: Callable[[str], str] = short_iri,
                 cache_size: int = 50_000):
        self.store = store
        self.fallback = fallback
        self.label = lru_cache(maxsize=cache_size)(self._label)

    def _label(self, iri: str, languages: tuple[str, ...] = LANGUAGES) -> str:
        node = ox.NamedNode(iri)
        for prop in LABEL_PROPERTIES:
            values = [q.object for q in self.store.quads_for_pattern(node, prop, None, None)
                      if isinstance(q.object, ox.Literal)]
            if not values:
                continue
            for language in languages:
                for value in values:
                    if value.language == language:
                        return value.value
            plain = [v for v in values if not v.language]
            return (plain or values)[0].value
        return self.fallback(iri)
