"""The graph's acts, observations and documents read straight from the records:
``record_index(records)``, the same ``GraphIndex`` that ``reconcile.graph_index`` reads from the
RDF graph, without building the graph (ingest's reconciliation took most of its time building
it). The IRIs come from the kinds' own IRI builders, so both indexes name the same resources;
tests/test_ingest_speed_index.py checks that they agree on the curated data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..kinds.statistics import DEFAULT_COUNTERPART, parse_period
from ..mapping import Record, RecordSet, registered_kinds
from .reconcile import Act, GraphIndex, Observation, _cited_form
from .to_rdf import ACT_TYPE_SLUGS

_TYPE_OF_SLUG = {slug: key for key, slug in ACT_TYPE_SLUGS.items()}


def _iri(records: RecordSet, record_id: str) -> str:
    record = records.by_id[record_id]
    return str(registered_kinds()[record.kind].iri(record))


def _title(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("en")
    return value or None


def _act(records: RecordSet, record: Record, act_type: str | None, year: int | None) -> Act:
    return Act(_iri(records, record.id), record.id, act_type, record.get("number"), year,
               _title(record.get("title")), {_cited_form(c) for c in record.get("cited_as", [])},
               set(record.get("number_as_printed", [])),
               {_iri(records, o).rsplit("/", 1)[-1] for o in record.get("issuer", [])},
               {_iri(records, t) for t in record.get("amends", [])})


def _acts(records: RecordSet) -> list[Act]:
    acts = []
    for record in records.of_kind("act"):
        date = record.get("date")
        acts.append(_act(records, record, record.get("act_type"), date.year if date else None))
    for record in records.of_kind("jurisdiction-act"):
        date = record.get("date")
        acts.append(_act(records, record, _TYPE_OF_SLUG.get(record.get("act_type")),
                         date.year if date else None))
    for record in records.of_kind("agreement"):
        first = record.get("signed") or record.get("ratified") or record.get("effective")
        acts.append(_act(records, record, None, first.year if first else None))
    return acts


def _observation(records: RecordSet, record: Record) -> Observation | None:
    iri = str(registered_kinds()["observation"].iri(record))
    period = parse_period(record.get("period"))
    if period is None:
        return None
    area = record.get("counterpart", DEFAULT_COUNTERPART)
    country = area[len("country-"):] if area.startswith("country-") else None
    return Observation(iri, record.id, Decimal(str(record.get("value"))), record.get("direction"),
                       record.get("indicator"), country, area,
                       period.begin.year if period.begin else None, period.end.year if period.end else None,
                       _iri(records, record.get("dataset")))


def record_index(records: RecordSet) -> GraphIndex:
    """Acts, observations and documents of the records, as graph_index has them (derived
    observations carry an implied value, not an sdmx-measure:obsValue, so neither index has them)."""
    observations: dict[str, Observation] = {}
    for record in records.of_kind("observation"):
        found = _observation(records, record)
        if found is not None:
            observations.setdefault(found.iri, found)
    documents = {r.get("sha256"): (_iri(records, r.id), r.id) for r in records.of_kind("document")}
    return GraphIndex(_acts(records), list(observations.values()), documents)
