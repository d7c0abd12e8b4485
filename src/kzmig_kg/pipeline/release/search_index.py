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

import itertools
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ...namespaces import PREFIXES
from ...paths import QUERIES_DIR, SEARCH_INDEX
from .nt_lines import literal, terms, value

__all__ = ["SEARCH_INDEX", "write_passages", "write_search_index"]

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
# the same, as the N-Triples text writes them (``_subject_runs``)
_RDF_TYPE_TEXT = f"<{_RDF_TYPE}>".encode()
_RECORD_ID_TEXT = f"<{_RECORD_ID}>".encode()
_CONCEPT_TEXT = f"<{_CONCEPT}>".encode()
_PASSAGE_TEXT = f"<{_PASSAGE}>".encode()
# the passages (a few thousand), then what rests on each (every observation): joined in Python,
# since Oxigraph's plan for the two in one query took 4.7 s of CPU at 1.1 million triples (0.6)
_PASSAGES = """
SELECT ?passage ?first ?last ?section ?file WHERE {
  ?passage kzo:firstLine ?first ; kzo:lastLine ?last ; oa:hasSource ?document .
  OPTIONAL { ?document kzo:fileName ?file }
  OPTIONAL { ?passage kzo:inSection/kzo:sectionNumber ?section }
}"""
_DERIVED = "SELECT ?s ?passage WHERE { ?s prov:wasDerivedFrom ?passage }"
_HEADER = re.compile(r"^#\s*(title|description|result)\s*:\s*(.*)$")


def write_search_index(store: ox.Store, path: Path, triples: Path,
                       queries_dir: Path = QUERIES_DIR, passages: Path | None = None) -> int:
    """Write the FTS5 index of ``store`` (and of the named queries) to ``path``; return its rows.

    The resources and their words are read from ``triples``, the release's N-Triples (every
    triple once), in one pass: a SPARQL query for them decodes every term of the on-disk store
    again (16 s of CPU at 1.1 million triples, 7.5 s in all this way). ``path`` is inside the release's
    temporary directory, so the index appears with the release. ``passages``: the SQLite file
    ``write_passages(store, ...)`` wrote, when it was read already (beside the dumps).

    Nothing here grows with the graph in memory: each subject's words and the passages are
    staged in that SQLite file (on disk; removed at the end) and read back in the order of the
    resources' IRIs, one resource at a time.
    """
    staging = path.with_name(f".{path.name}.staging")
    if passages is None:
        write_passages(store, staging)
    else:
        passages.replace(staging)
    source = sqlite3.connect(staging)
    connection = sqlite3.connect(path)
    try:
        _stage_subjects(source, triples)
        connection.execute(
            "CREATE VIRTUAL TABLE hits USING fts5(label, body, kind UNINDEXED, id UNINDEXED, "
            "iri UNINDEXED, passages UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')")
        counted = [0]

        def counting(rows: Iterator[tuple[str, ...]]) -> Iterator[tuple[str, ...]]:
            for row in rows:
                counted[0] += 1
                yield row
        connection.executemany("INSERT INTO hits VALUES (?, ?, ?, ?, ?, ?)", counting(
            itertools.chain(_rows(source), _named_query_rows(queries_dir))))
        connection.execute("INSERT INTO hits(hits) VALUES ('optimize')")
        connection.commit()
    finally:
        connection.close()
        source.close()
        staging.unlink(missing_ok=True)
    return counted[0]


def write_passages(store: ox.Store, path: Path) -> None:
    """The passages each resource of ``store`` rests on (file, first and last line, section),
    into a new SQLite file ``path`` (table ``passages``, in the store's order: ``seq``), for
    ``write_search_index``."""
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("CREATE TABLE passages (iri TEXT, seq INTEGER, file TEXT, "
                           "first INTEGER, last INTEGER, section TEXT)")
        details: dict[Any, list[tuple[str | None, int, int, str | None]]] = {}
        for row in store.query(_PASSAGES, use_default_graph_as_union=True, prefixes=prefixes):
            details.setdefault(row["passage"], []).append((
                row["file"].value if row["file"] is not None else None,
                int(row["first"].value), int(row["last"].value),
                row["section"].value if row["section"] is not None else None))
        derived = store.query(_DERIVED, use_default_graph_as_union=True, prefixes=prefixes)
        seq = itertools.count()
        rows = ((row["s"].value, next(seq), *detail) for row in derived
                for detail in details.get(row["passage"], ()))
        connection.executemany("INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?)", rows)
        connection.commit()
    finally:
        connection.close()


def _stage_subjects(connection: sqlite3.Connection, triples: Path) -> None:
    """Each run of one subject's triples in ``triples`` as a row of ``subjects``: its words
    (predicate, text, language: its strings and language-tagged literals but bookkeeping, as
    JSON), its ``kzo:recordId``, whether it is a SKOS concept, a passage, and has a string."""
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("CREATE TABLE subjects (iri TEXT, seq INTEGER, record_id TEXT, "
                       "concept INTEGER, passage INTEGER, worded INTEGER, words TEXT)")
    connection.executemany("INSERT INTO subjects VALUES (?, ?, ?, ?, ?, ?, ?)",
                           _subject_runs(triples))
    connection.commit()


def _subject_runs(triples: Path) -> Iterator[tuple[str, int, str | None, int, int, int, str]]:
    """The runs of ``_stage_subjects`` from the N-Triples file ``triples``, read as lines
    (``nt_lines``: parsing every line took 2 of the index's 4 s of CPU at 1.1 million triples)."""
    subject: bytes | None = None
    seq = 0
    record_id: str | None = None
    concept = passage = worded = 0
    words: list[tuple[str, str, str | None]] = []
    with triples.open("rb") as lines:
        for line in lines:
            text, predicate, obj = terms(line)
            if text != subject:
                if subject is not None and (record_id is not None or concept or passage or worded):
                    yield value(subject), seq, record_id, concept, passage, worded, json.dumps(words)
                subject, seq = text, seq + 1
                record_id, concept, passage, worded, words = None, 0, 0, 0, []
            if obj[:1] != b'"':
                if predicate == _RDF_TYPE_TEXT:
                    if obj == _CONCEPT_TEXT:
                        concept = 1
                    elif obj == _PASSAGE_TEXT:
                        passage = 1
                continue
            if predicate == _RECORD_ID_TEXT:
                text_value, language, datatype = literal(line, obj)
                record_id = text_value
            elif obj[-1:] == b">":  # a typed literal: not words
                continue
            else:
                text_value, language, datatype = literal(line, obj)
            if datatype is not None:
                continue
            worded = 1
            iri = predicate[1:-1].decode()
            if iri not in _SKIPPED_PREDICATES:
                words.append((iri, text_value, language))
    if subject is not None and (record_id is not None or concept or passage or worded):
        yield value(subject), seq, record_id, concept, passage, worded, json.dumps(words)


def _rows(connection: sqlite3.Connection) -> Iterator[tuple[str, str, str, str, str, str]]:
    """The index's rows of the staged subjects, in the order of their IRIs: every record
    (``kzo:recordId``) and every SKOS concept that is not a record (its id the last segment of
    its IRI) with a string, passages aside; each with its passages, by first and last line."""
    # a subject whose triples are not one run in the file (it is in several graphs) has one row
    # a run here: they are merged. Its words, by subject, are kept only for the subject at hand.
    words_of: dict[str, list[tuple[bool, bool, str]]] = {}
    passages = _passages_by_iri(connection)
    pending = next(passages, None)
    runs = connection.execute("SELECT iri, record_id, concept, passage, worded, words "
                              "FROM subjects ORDER BY iri, seq")
    iri: str | None = None
    record_id: str | None = None
    concept = passage = worded = False

    def row() -> tuple[str, str, str, str, str, str] | None:
        nonlocal pending
        while pending is not None and pending[0] < iri:
            pending = next(passages, None)
        found: list[dict[str, object]] = []
        if pending is not None and pending[0] == iri:
            found = pending[1]
        if not ((record_id is not None or concept) and worded and not passage):
            return None
        resource_id = record_id or iri.rstrip("/").rsplit("/", 1)[-1]
        return (_joined(words_of.get("names", [])) + " | " + resource_id,
                _joined(words_of.get("bodies", [])), resource_kind(iri), resource_id, iri,
                json.dumps(sorted(found, key=lambda p: (p["first"], p["last"]))))

    for run_iri, run_record_id, run_concept, run_passage, run_worded, run_words in runs:
        if run_iri != iri:
            if iri is not None:
                made = row()
                if made is not None:
                    yield made
            iri, record_id, concept, passage, worded = run_iri, None, False, False, False
            words_of = {"names": [], "bodies": []}
        if run_record_id is not None:
            record_id = run_record_id
        concept, passage = concept or bool(run_concept), passage or bool(run_passage)
        worded = worded or bool(run_worded)
        for predicate, text, language in json.loads(run_words):
            # sorted later by this key: the first name, the hit's label, is an English label
            key = (predicate not in _LABELS, language not in (None, "en"), text)
            words_of["names" if predicate in _NAME_PREDICATES else "bodies"].append(key)
    if iri is not None:
        made = row()
        if made is not None:
            yield made


def _passages_by_iri(connection: sqlite3.Connection) -> Iterator[tuple[str, list[dict[str, object]]]]:
    """(IRI, its passages in the store's order) for each IRI with passages, in IRI order."""
    cursor = connection.execute("SELECT iri, file, first, last, section FROM passages "
                                "ORDER BY iri, seq")
    for iri, group in itertools.groupby(cursor, key=lambda row: row[0]):
        yield iri, [{"file": file, "first": first, "last": last, "section": section}
                    for _iri, file, first, last, section in group]


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
