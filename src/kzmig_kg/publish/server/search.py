"""A small ranked search over the graph's names and texts and the named queries' titles and
questions: ``SearchIndex.build(store, queries)`` then ``.search(q)``. (A full-text index built with
the release is being added to ``query/`` by issue #15; the page will use it once merged.)"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from .labels import Labeller

NAME_PROPERTIES = ("http://www.w3.org/2000/01/rdf-schema#label",
                   "http://www.w3.org/2004/02/skos/core#prefLabel", "http://purl.org/dc/terms/title",
                   "http://www.w3.org/2004/02/skos/core#notation", "http://data.europa.eu/eli/ontology#number")
TEXT_PROPERTIES = ("http://purl.org/dc/terms/description", "http://data.europa.eu/eli/ontology#description",
                   "http://www.w3.org/2004/02/skos/core#definition", "https://w3id.org/kzmig/ontology#summary",
                   "https://w3id.org/kzmig/ontology#subjectMatter", "http://www.w3.org/2000/01/rdf-schema#comment")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SKIP_TYPES = {"https://w3id.org/kzmig/ontology#Passage"}


@dataclass
class Hit:
    iri: str            # a graph IRI, or /queries/NAME for a named query
    label: str
    kind: str
    snippet: str
    score: float


@dataclass
class _Entry:
    iri: str
    names: str
    texts: str
    kind: str


class SearchIndex:
    def __init__(self, entries: list[_Entry]):
        self.entries = entries

    @classmethod
    def build(cls, store: ox.Store, labeller: Labeller, queries: dict) -> SearchIndex:
        names: dict[str, list[str]] = {}
        texts: dict[str, list[str]] = {}
        for props, into in ((NAME_PROPERTIES, names), (TEXT_PROPERTIES, texts)):
            for prop in props:
                for quad in store.quads_for_pattern(None, ox.NamedNode(prop), None, None):
                    if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal):
                        into.setdefault(quad.subject.value, []).append(quad.object.value)
        entries = []
        for iri in sorted(set(names) | set(texts)):
            types = [q.object.value for q in store.quads_for_pattern(ox.NamedNode(iri), RDF_TYPE, None, None)]
            if SKIP_TYPES.intersection(types):
                continue
            ours = [t for t in types if t.startswith("https://w3id.org/kzmig/ontology#")]
            kind = labeller.label((ours or types or [""])[0]) if types else "resource"
            entries.append(_Entry(iri, " | ".join(dict.fromkeys(names.get(iri, []))),
                                  " ".join(dict.fromkeys(texts.get(iri, []))), kind))
        for name, query in queries.items():
            entries.append(_Entry(f"/queries/{name}", query.title or name,
                                  f"{query.description} {name}", "named query"))
        return cls(entries)

    def search(self, text: str, limit: int = 50) -> list[Hit]:
        words = [w for w in re.findall(r"\w+", text.lower()) if w]
        if not words:
            return []
        hits = []
        for entry in self.entries:
            names, texts = entry.names.lower(), entry.texts.lower()
            score = 0.0
            for word in words:
                in_name = word in names
                in_text = word in texts
                if not (in_name or in_text):
                    score = 0.0
                    break
                score += (3.0 if re.search(rf"\b{re.escape(word)}", names) else 2.0 if in_name else 0.0)
                score += 1.0 if in_text else 0.0
            if score:
                hits.append(Hit(entry.iri, entry.names.split(" | ")[0] or entry.iri, entry.kind,
                                _snippet(entry.texts, words[0]), score))
        hits.sort(key=lambda h: (-h.score, h.label.lower()))
        return hits[:limit]


def _snippet(text: str, word: str, width: int = 160) -> str:
    at = text.lower().find(word)
    if at < 0:
        return text[:width]
    start = max(0, at - width // 3)
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")
