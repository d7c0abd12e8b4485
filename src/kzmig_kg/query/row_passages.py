"""``add_passages(result, store, sources_dir)``: the text of the passages behind each row of a
query result (``kzmig-kg query --passages``).

A row's passages are the line ranges in its ``passages``/``passage``/``lines`` column, as the
named queries give them ("267-272 389-391"), else the passages that the resources of the row (its
IRIs, and the values that are record ids) are derived from (``prov:wasDerivedFrom``). The store
says which document and section each range belongs to; a range that passages of several
documents share is narrowed to the passages whose facts are in the row (its IRIs, record ids or
figures), else every one of them is shown, each with its document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .passage_text import PassageRef, with_text
from .results import QueryResult

__all__ = ["NO_PASSAGES", "PASSAGE_COLUMNS", "add_passages", "passage_lines", "row_passages"]
NO_PASSAGES = ("no row of the answer has passages to show: it has no passages or lines column "
               "and names no resource derived from a passage")
PASSAGE_COLUMNS = ("passages", "passage", "lines")
_RANGE = re.compile(r"\b(\d+)(?:-(\d+))?\b")
_ALL_PASSAGES = """
SELECT ?passage ?first ?last ?file ?section WHERE {
  ?passage a <https://w3id.org/kzmig/ontology#Passage> ;
    <https://w3id.org/kzmig/ontology#firstLine> ?first ;
    <https://w3id.org/kzmig/ontology#lastLine> ?last ;
    <http://www.w3.org/ns/oa#hasSource> ?document .
  OPTIONAL { ?document <https://w3id.org/kzmig/ontology#fileName> ?file }
  OPTIONAL { ?passage <https://w3id.org/kzmig/ontology#inSection>/
                      <https://w3id.org/kzmig/ontology#sectionNumber> ?section }
}"""
_DERIVED = """
SELECT ?s ?id ?passage WHERE {
  ?s <http://www.w3.org/ns/prov#wasDerivedFrom> ?passage ; <https://w3id.org/kzmig/ontology#recordId> ?id
}"""
# what a passage supports: the resources derived from it, their record ids and their figures
_SUPPORTED = """
SELECT ?passage ?key WHERE {
  { ?key <http://www.w3.org/ns/prov#wasDerivedFrom> ?passage }
  UNION { ?s <http://www.w3.org/ns/prov#wasDerivedFrom> ?passage ;
             <https://w3id.org/kzmig/ontology#recordId> ?key }
  UNION { ?s <http://www.w3.org/ns/prov#wasDerivedFrom> ?passage ;
             <http://purl.org/linked-data/sdmx/2009/measure#obsValue> ?key }
  UNION { ?s <http://www.w3.org/ns/prov#wasDerivedFrom> ?passage ;
             <https://w3id.org/kzmig/ontology#impliedValue> ?key }
}"""


def add_passages(result: QueryResult, store: ox.Store,
                 sources_dir: Path | None) -> list[list[PassageRef]]:
    """The passages of each row of ``result`` (a SELECT), with their text where the document is
    in ``sources_dir``; a ``passage_text`` column is added to the result with that text."""
    of_row = row_passages(store, sources_dir, result.variables)
    per_row = [of_row(row) for row in result.rows]
    if "passage_text" not in result.variables:
        result.variables.append("passage_text")
    return per_row


def row_passages(store: ox.Store, sources_dir: Path | None,
                 variables: list[str]) -> Callable[[dict[str, Any]], list[PassageRef]]:
    """A function giving one row's passages (and setting its ``passage_text``), for rows with
    these ``variables``; the store's passages are read once, so rows can stream through it."""
    by_iri: dict[str, PassageRef] = {}
    # a range in a passages column names no document: with several documents, the passages of
    # that range whose facts the row holds are shown, else every one, each with its document
    by_range: dict[tuple[int, int], dict[str, PassageRef]] = {}
    for row in store.query(_ALL_PASSAGES, use_default_graph_as_union=True):
        ref = PassageRef(row["file"].value if row["file"] is not None else None,
                         int(row["first"].value), int(row["last"].value),
                         row["section"].value if row["section"] is not None else None)
        by_iri[row["passage"].value] = ref
        by_range.setdefault((ref.first_line, ref.last_line), {})[row["passage"].value] = ref
    supported: dict[str, set[str]] | None = None   # read only when documents share a range

    def supports() -> dict[str, set[str]]:
        nonlocal supported
        if supported is None:
            supported = {}
            for row in store.query(_SUPPORTED, use_default_graph_as_union=True):
                supported.setdefault(row["passage"].value, set()).add(row["key"].value)
        return supported
    derived: dict[str, list[PassageRef]] = {}
    for row in store.query(_DERIVED, use_default_graph_as_union=True):
        if row["passage"].value in by_iri:
            derived.setdefault(row["s"].value, []).append(by_iri[row["passage"].value])
            derived.setdefault(row["id"].value, []).append(by_iri[row["passage"].value])
    files = {ref.file for ref in by_iri.values()}
    only_file = files.pop() if len(files) == 1 else None
    column = next((name for name in PASSAGE_COLUMNS if name in variables), None)

    def of_row(row: dict[str, Any]) -> list[PassageRef]:
        refs: list[PassageRef] = []
        if column is not None and row.get(column) is not None:
            terms = [term.value for term in row.values() if isinstance(term, ox.NamedNode | ox.Literal)]
            # and each word of a list column ("26000 26717", "ds-note-2022 ds-bns-2023b-flows")
            keys = set(terms) | {word for value in terms for word in value.split()}
            for match in _RANGE.finditer(row[column].value):
                first = int(match[1])
                last = int(match[2]) if match[2] else first
                candidates = by_range.get((first, last), {})
                if len({ref.file for ref in candidates.values()}) > 1:
                    fitting = [ref for iri, ref in candidates.items() if supports().get(iri, set()) & keys]
                    refs.extend(fitting or candidates.values())
                else:
                    refs.extend(candidates.values() or [PassageRef(only_file, first, last)])
        else:
            for term in row.values():
                if isinstance(term, ox.NamedNode | ox.Literal):
                    refs.extend(derived.get(term.value, []))
        refs = with_text(sorted(set(refs), key=lambda r: (r.first_line, r.last_line, r.file or "")),
                         sources_dir)
        text = "\n".join(f"[lines {ref.lines}] {' '.join(ref.text.split())}"
                         for ref in refs if ref.text is not None)
        row["passage_text"] = ox.Literal(text) if text else None
        return refs

    return of_row


def passage_lines(passage: PassageRef) -> str:
    """A passage as the commands print it: its lines and section, then its text indented."""
    where = (f", section {passage.section}" if passage.section
             else f" of {passage.file}" if passage.file else "")   # an ingested document has no sections
    head = f"    lines {passage.lines}{where}"
    if passage.text is None:
        return head
    body = "\n".join(f"      | {line}" for line in passage.text.splitlines())
    return f"{head}:\n{body}"
