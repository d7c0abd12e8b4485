"""Names for IRIs in the reader's language: ``Labeller(store).label(iri, languages)``.

The label is the first of rdfs:label, skos:prefLabel, dct:title, foaf:name, schema:name in the
first language of the reader's preference (Accept-Language; en, ru, kk), else any; else the IRI's
local name. Cached per IRI and language list: a release never changes under a running server.
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

LABEL_PROPERTIES = [ox.NamedNode(p) for p in (
    "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title", "http://xmlns.com/foaf/0.1/name", "https://schema.org/name")]
LANGUAGES = ("en", "ru", "kk")


def reader_languages(accept_language: str | None) -> tuple[str, ...]:
    """Our languages in the order the Accept-Language header prefers them (en when none fits)."""
    ranked = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.split("-")[0].lower()
        if primary in LANGUAGES and q > 0:
            ranked.append((-q, position, primary))
    chosen = [lang for _, _, lang in sorted(ranked)]
    return tuple(dict.fromkeys([*chosen, *LANGUAGES]))


def local_name(iri: str) -> str:
    for separator in ("#", "/"):
        if separator in iri.rstrip("/#"):
            return iri.rstrip("/#").rsplit(separator, 1)[1]
    return iri


class Labeller:
    def __init__(self, store: ox.Store):
        self.store = store
        self.label = lru_cache(maxsize=50_000)(self._label)

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
        return local_name(iri)

    def labels(self, iri: str) -> list[tuple[str, str]]:
        """Every (language, label) of an IRI, for the page's header."""
        node = ox.NamedNode(iri)
        found = []
        for prop in LABEL_PROPERTIES[:3]:
            for quad in self.store.quads_for_pattern(node, prop, None, None):
                if isinstance(quad.object, ox.Literal):
                    found.append((quad.object.language or "", quad.object.value))
        return list(dict.fromkeys(found))
