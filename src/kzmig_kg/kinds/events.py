"""Events: dated happenings that shaped migration (independence, crises, the pandemic and its
border measures, the war, the reopening of borders, the abolition of the visa run ...).

An event is a ``kzo:Event`` (a subclass of ``prov:Activity`` and ``schema:Event``; both types are
asserted). Its time is an OWL-Time resource linked by ``time:hasTime``: a ``time:Instant`` for an
event the source dates to a day, month or year, or a ``time:ProperInterval`` with
``time:hasBeginning``/``time:hasEnd`` instants for a period. Each instant carries exactly one of
``time:inXSDDate``, ``time:inXSDgYearMonth`` or ``time:inXSDgYear``, at the precision the source
gives. For easy filtering and ordering the event also carries ``kzo:eventDate`` (the date or the
beginning, same precision), ``kzo:datePrecision`` (day, month, year), ``kzo:year`` (xsd:gYear)
and ``kzo:dateInferred`` (true when part of the date is not stated and was inferred from
context; the record's note says how). Event types are concepts of ``kzc:event-types``
(ontology/vocab/event-types.ttl).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Graph, Literal, URIRef

from ..mapping import Field, Kind, MappingContext, PartialDate, Record, label, register, typed
from ..namespaces import DCTERMS, KZC, KZD, KZO, PROV, SCHEMA, SKOS, TIME, XSD
from ..paths import ONTOLOGY_DIR

VOCAB_FILE = ONTOLOGY_DIR / "vocab" / "event-types.ttl"
SCHEME = KZC["event-types"]
_ID = re.compile(r"^ev-(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?-[a-z0-9][a-z0-9-]*$")
TIME_PROPERTY = {"day": TIME.inXSDDate, "month": TIME.inXSDgYearMonth, "year": TIME.inXSDgYear}


@lru_cache(maxsize=1)
def event_types() -> dict[str, URIRef]:
    """Notation -> concept of the event-type scheme (ontology/vocab/event-types.ttl)."""
    graph = Graph()
    graph.parse(VOCAB_FILE, format="turtle")
    return {str(graph.value(concept, SKOS.notation)): concept
            for concept in graph.subjects(SKOS.inScheme, SCHEME)}


def event_iri(record: Record) -> URIRef:
    return KZD[f"event/{record.id}"]


def _instant(ctx: MappingContext, node: URIRef, date: PartialDate) -> None:
    typed(ctx, node, TIME.Instant)
    ctx.add(node, TIME_PROPERTY[date.precision], date.literal())


def _event_to_rdf(record: Record, ctx: MappingContext) -> None:
    event = event_iri(record)
    typed(ctx, event, KZO.Event, PROV.Activity, SCHEMA.Event)
    label(ctx, event, record.get("title"))
    ctx.add(event, DCTERMS.description, Literal(record.get("summary"), lang="en"))
    ctx.add(event, KZO.eventType, event_types()[record.get("event_type")])
    date, end = record.get("date"), record.get("end")
    ctx.add(event, KZO.eventDate, date.literal())
    ctx.add(event, KZO.datePrecision, Literal(date.precision))
    ctx.add(event, KZO.year, date.year_literal())
    ctx.add(event, KZO.dateInferred, Literal(bool(record.get("date_inferred")),
                                             datatype=XSD.boolean))
    when = URIRef(f"{event}/time")
    ctx.add(event, TIME.hasTime, when)
    if end is not None or record.get("ongoing"):
        typed(ctx, when, TIME.ProperInterval)
        beginning = URIRef(f"{when}/beginning")
        ctx.add(when, TIME.hasBeginning, beginning)
        _instant(ctx, beginning, date)
        if end is not None:
            finish = URIRef(f"{when}/end")
            ctx.add(when, TIME.hasEnd, finish)
            _instant(ctx, finish, end)
    else:
        _instant(ctx, when, date)
    for place in ctx.refs(record, "countries"):
        ctx.add(event, KZO.eventPlace, place)
    if record.get("place"):
        ctx.add(event, KZO.placeDescription, Literal(record.get("place"), lang="en"))
    for agent in ctx.refs(record, "agents"):
        ctx.add(event, PROV.wasAssociatedWith, agent)
    for name, prop in (("acts", KZO.relatedAct), ("organisations", KZO.relatedOrganisation),
                       ("instruments", KZO.affectsInstrument),
                       ("statistics", KZO.relatedStatistic), ("policy", KZO.relatedPolicy),
                       ("part_of", KZO.partOfEvent), ("related_events", KZO.relatedEvent)):
        for target in ctx.refs(record, name):
            ctx.add(event, prop, target)
    for who in record.get("stated_by", []):
        ctx.add(event, KZO.statedBy, Literal(who))


def _check_event(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    date, end = record.get("date"), record.get("end")
    match = _ID.match(record.id)
    if not match:
        problems.append(("id", f"event id '{record.id}' is not ev-<yyyy>[-mm[-dd]]-<slug>",
                         "e.g. ev-2022-02-24-war-ukraine or ev-1998-rouble-crisis"))
    elif date is not None:
        stated = (date.year, date.month, date.day)
        in_id = tuple(int(g) if g else None for g in match.groups())
        clash = [i for i in range(3) if in_id[i] is not None and stated[i] is not None
                 and in_id[i] != stated[i]]
        if clash:
            problems.append(("date", f"the date {date} contradicts the date in the id "
                             f"'{record.id}'", "make the id's date agree with the date field"))
    if end is not None and date is not None and end.sort_key() < date.sort_key():
        problems.append(("end", f"the event ends ({end}) before it begins ({date})",
                         "check the dates; date is the beginning, end the end"))
    if end is not None and record.get("ongoing"):
        problems.append(("ongoing", "an event with an end date cannot be ongoing",
                         "remove ongoing: true or the end date"))
    if record.get("date_inferred") and not record.get("note"):
        problems.append(("date_inferred", "an inferred date needs a note saying how it was "
                         "inferred", "add note: what the text states and what was inferred"))
    for name in ("part_of", "related_events"):
        if record.id in record.get(name, []):
            problems.append((name, f"an event cannot refer to itself in '{name}'", "remove it"))
    return problems


register(Kind(
    name="event",
    doc="A dated event that shaped migration (crisis, war, pandemic, border measure, "
        "international event, proposal ...), with the precision the source gives.",
    fields=(
        Field("title", "langtext", required=True, doc="short name in our words"),
        Field("event_type", "enum", required=True, choices=tuple(sorted(event_types())),
              doc="a notation of ontology/vocab/event-types.ttl"),
        Field("date", "date", required=True,
              doc="the date, or the beginning of a period, only as precise as the text gives"),
        Field("end", "date", doc="the end of a period, where the text gives it"),
        Field("ongoing", "bool", doc="true for a period the text gives no end for"),
        Field("date_inferred", "bool",
              doc="true when part of the date is inferred from context (say how in note)"),
        Field("summary", "text", required=True, doc="what happened, in our words"),
        Field("countries", "ref", many=True, refs=("country", "country-group"),
              doc="where it happened or whose citizens it concerned"),
        Field("place", "text", doc="a place the country list cannot name (Gaza Strip)"),
        Field("agents", "ref", many=True, refs=("organisation",),
              doc="who carried it out or proposed it"),
        Field("acts", "ref", many=True, refs=("act", "agreement"),
              doc="acts or agreements that put it into effect or that the text connects with it"),
        Field("organisations", "ref", many=True, refs=("organisation",),
              doc="other bodies the text connects with it"),
        Field("instruments", "ref", many=True, refs=("instrument",),
              doc="instruments it introduced, suspended, restored or changed"),
        Field("statistics", "ref", many=True, refs=("observation", "stated-claim"),
              doc="figures the text connects with it"),
        Field("policy", "ref", many=True, refs=("policy-document", "policy-measure"),
              doc="programmes or measures the text connects with it"),
        Field("part_of", "ref", many=True, refs=("event",), doc="a larger event it belongs to"),
        Field("related_events", "ref", many=True, refs=("event",)),
        Field("stated_by", "text", many=True, doc="who states it, when not the document (Expert C)"),
    ),
    iri=event_iri, to_rdf=_event_to_rdf, check=_check_event,
))
