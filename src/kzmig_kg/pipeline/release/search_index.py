"""The release's full-text index, ``search.sqlite``: SQLite FTS5 (from the standard library) over
the words of every record and vocabulary concept, and over the named queries' headers.

One row per resource: ``label`` holds its names (labels in every language, titles, notations,
record id), ``body`` every other text it carries (descriptions, notes, summaries, statements,
coding rationales...). ``kind``, ``id``, ``iri`` and ``passages`` (a JSON list of the line ranges
it rests on, with the document's file name and the section) are stored, not indexed.
The tokenizer folds case and diacritics in every script (``unicode61``), so Russian and Kazakh
labels are found by their own words; ``porter`` stems English words (quotas -> quota) and leaves
other scripts alone. ``query.search`` reads the file; nothing scans the graph per question.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from ...namespaces import PREFIXES
from ...paths import QUERIES_DIR, SEARCH_INDEX

__all__ = ["SEARCH_INDEX", "search_passages", "write_search_index"]

_NAME_PREDICATES = {
    "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel", "http://purl.org/dc/terms/title",
    "http://purl.org/dc/terms/alternative", "http://www.w3.org/2004/02/skos/core#notation",
    "https://w3id.org/kzmig/ontology#recommendationTitle",
}
_LABELS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
           "http://purl.org/dc/terms/title"}
# literals that are bookkeeping, not words a researcher searches for
_SKIPPED_PREDICATES = {
    "https://w3id.org/kzmig/ontology#sha256", "https://w3id.org/kzmig/ontology#fileName",
    "https://w3id.org/kzmig/ontology#datePrecision",
}
_RECORD_ID = "https://w3id.org/kzmig/ontology#recordId"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_CONCEPT = "http://www.w3.org/2004/02/skos/core#Concept"
_PASSAGE = "https://w3id.org/kzmig/ontology#Passage"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_PASSAGES = """
SELECT ?s ?first ?last ?section ?file WHERE {
  ?s prov:wasDerivedFrom ?passage .
  ?passage kzo:firstLine ?first ; kzo:lastLine ?last ; oa:hasSource ?document .
  OPTIONAL { ?document kzo:fileName ?file }
  OPTIONAL { ?passage kzo:inSection/kzo:sectionNumber ?section }
}"""
_HEADER = re.compile(r"^#\s*(title|description|result)\s*:\s*(.*)$")


def write_search_index(store: ox.Store, path: Path, triples: Path,
                       queries_dir: Path = QUERIES_DIR,
                       passages: dict[str, list[dict[str, object]]] | None = None) -> int:
    """Write the FTS5 index of ``store`` (and of the named queries) to ``path``; return its rows.

    The resources and their words are read from ``triples``, the release's N-Triples (every
    triple once), in one pass: a SPARQL query for them decodes every term of the on-disk store
    again (16 s of CPU at 1.1 million triples, 7.5 s in all this way). ``path`` is inside the release's
    temporary directory, so the index appears with the release. ``passages``: what
    ``search_passages(store)`` gives, when it was read already (beside the dumps).
    """
    if passages is None:
        passages = search_passages(store)
    texts, ids = _resources(triples)
    names: dict[str, list[tuple[bool, bool, str]]] = defaultdict(list)
    bodies: dict[str, list[tuple[bool, bool, str]]] = defaultdict(list)
    for iri in ids:
        for predicate, text, language in texts.get(iri, ()):
            # sorted later by this key: the first name, the hit's label, is an English label
            key = (predicate not in _LABELS, language not in (None, "en"), text)
            (names if predicate in _NAME_PREDICATES else bodies)[iri].append(key)
    rows = [(_joined(names[iri]) + " | " + ids[iri], _joined(bodies[iri]), resource_kind(iri),
             ids[iri], iri, json.dumps(sorted(passages.get(iri, ()),
                                              key=lambda p: (p["first"], p["last"]))))
            for iri in sorted(ids)]
    rows.extend(_named_query_rows(queries_dir))
    connection = sqlite3.connect(path)
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE hits USING fts5(label, body, kind UNINDEXED, id UNINDEXED, "
            "iri UNINDEXED, passages UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')")
        connection.executemany("INSERT INTO hits VALUES (?, ?, ?, ?, ?, ?)", rows)
        connection.execute("INSERT INTO hits(hits) VALUES ('optimize')")
        connection.commit()
    finally:
        connection.close()
    return len(rows)


def search_passages(store: ox.Store) -> dict[str, list[dict[str, object]]]:
    """The passages each resource of ``store`` rests on (file, first and last line, section)."""
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    passages: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in store.query(_PASSAGES, use_default_graph_as_union=True, prefixes=prefixes):
        passages[row["s"].value].append({
            "file": row["file"].value if row["file"] is not None else None,
            "first": int(row["first"].value), "last": int(row["last"].value),
            "section": row["section"].value if row["section"] is not None else None})
    return passages


def _resources(triples: Path) -> tuple[dict[str, list[tuple[str, str, str | None]]],
                                        dict[str, str]]:
    """The words of each subject of ``triples`` (predicate, text, language: its strings and
    language-tagged literals but bookkeeping), and the resources to index with their ids: every
    record (``kzo:recordId``) and every SKOS concept that is not a record (its id the last
    segment of its IRI), passages aside."""
    texts: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    record_ids: dict[str, str] = {}
    concepts: set[str] = set()
    passages: set[str] = set()
    worded: set[str] = set()  # subjects with a string: the others have no row, as ever
    for triple in ox.parse(path=str(triples), format=ox.RdfFormat.N_TRIPLES):
        obj = triple.object
        if type(obj) is not ox.Literal:
            if triple.predicate.value == _RDF_TYPE:
                if obj.value == _CONCEPT:
                    concepts.add(triple.subject.value)
                elif obj.value == _PASSAGE:
                    passages.add(triple.subject.value)
            continue
        subject, predicate = triple.subject.value, triple.predicate.value
        if predicate == _RECORD_ID:
            record_ids[subject] = obj.value
        if obj.language or obj.datatype.value == _XSD_STRING:
            worded.add(subject)
            if predicate not in _SKIPPED_PREDICATES:
                texts[subject].append((predicate, obj.value, obj.language))
    ids = {iri: record_ids.get(iri) or iri.rstrip("/").rsplit("/", 1)[-1]
           for iri in ((set(record_ids) | concepts) & worded) - passages}
    return texts, ids


def _joined(keyed: list[tuple[bool, bool, str]]) -> str:
    texts: list[str] = []
    for *_rank, text in sorted(keyed):
        if text not in texts:
            texts.append(text)
    return " | ".join(texts)


def resource_kind(iri: str) -> str:
    """A resource's kind, read from its IRI (built from the kind when it was minted)."""
    tail = iri.removeprefix("https://w3id.org/kzmig/")
    if tail.startswith("eli/kz/dogovor/"):
        return "agreement"
    if tail.startswith("eli/"):
        return "act"
    parts = tail.split("/")
    if parts[0] == "code" and len(parts) == 2:
        prefix = parts[1].split("-", 1)[0]
        return {"country": "country", "group": "country-group"}.get(prefix, "concept")
    if parts[0] == "code":
        return {"codebook": "code", "study-problems": "problem",
                "findings-themes": "theme"}.get(parts[1], parts[1])
    if parts[0] == "id" and len(parts) > 2:
        return {"obs": "observation"}.get(parts[1], parts[1])
    return "concept"


def _named_query_rows(queries_dir: Path) -> list[tuple[str, str, str, str, str, str]]:
    """The named queries' headers (``# title:``, ``# description:``, ``# result:``; the format
    ``query.named`` parses), contract checks left out."""
    rows = []
    for path in sorted(queries_dir.glob("*.rq")):
        header: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            match = _HEADER.match(line.strip())
            if match:
                header[match[1]] = match[2].strip()
            elif line.strip() and not line.lstrip().startswith("#"):
                break
        rows.append((f"{header.get('title', '')} | {path.stem}",
                     f"{header.get('description', '')} | {header.get('result', '')}",
                     "query", path.stem, "", "[]"))
    return rows
