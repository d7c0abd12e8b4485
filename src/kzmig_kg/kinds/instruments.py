"""Migration instruments: visa categories, visa-free regimes, stay rules, permits, quotas,
labour-market rules, entry records, information systems, identification means, tax preferences.

Each instrument is an individual of one subclass of ``kzo:MigrationInstrument`` (itself a
subclass of ``skos:Concept``), and a concept of the scheme ``kzc:migration-instruments``, so that
acts, policy measures and events can link it (``kzo:introducedBy``, ``kzo:changesInstrument``,
``kzo:affectsInstrument``) and SKOS tools can browse it. Stated validities and durations are
OWL-Time ``time:Duration`` nodes (``time:numericDuration`` + ``time:unitType``).
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from ..mapping import Field, Kind, MappingContext, Record, label, register, typed
from ..namespaces import DCTERMS, KZC, KZD, KZO, RDF, RDFS, SKOS, TIME, XSD

# instrument_type -> ontology class (every class is a subclass of kzo:MigrationInstrument)
INSTRUMENT_CLASSES: dict[str, str] = {
    "visa-category": "VisaCategory",
    "visa-regime": "VisaRegime",
    "stay-rule": "StayRule",
    "permit": "Permit",
    "entry-record": "EntryRecord",
    "quota": "Quota",
    "labour-market-rule": "LabourMarketRule",
    "information-system": "InformationSystem",
    "identification": "IdentificationMeans",
    "tax-preference": "TaxPreference",
}
STATUSES = ("in-force", "suspended", "replaced", "abolished", "planned", "unclear")
UNITS = {"hour": TIME.unitHour, "day": TIME.unitDay, "month": TIME.unitMonth,
         "year": TIME.unitYear}
DURATION_ROLES = ("validity", "maximum-stay", "reference-window", "entry-ban", "deadline",
                  "job-search", "transit")
QUALIFIERS = ("up-to", "exactly", "at-least")
SCHEME = KZC["migration-instruments"]
SOURCE_KINDS = ("act", "agreement", "policy-document", "policy-measure")


def instrument_iri(record: Record) -> URIRef:
    return KZD[f"instrument/{record.id}"]


def duration_iri(instrument: URIRef, role: str) -> URIRef:
    return URIRef(f"{instrument}/duration/{role}")


def _duration_label(duration: dict) -> str:
    if duration.get("text"):
        return duration["text"]
    value = duration["value"]
    unit = duration["unit"] + ("s" if value != 1 else "")
    prefix = {"up-to": "up to ", "at-least": "at least ", "exactly": ""}.get(
        duration.get("qualifier", "exactly"), "")
    return f"{prefix}{value} {unit}"


def _instrument_to_rdf(record: Record, ctx: MappingContext) -> None:
    inst = instrument_iri(record)
    typed(ctx, inst, KZO[INSTRUMENT_CLASSES[record.get("instrument_type")]],
          KZO.MigrationInstrument, SKOS.Concept)
    label(ctx, inst, record.get("name"))
    ctx.add(inst, SKOS.inScheme, SCHEME)
    ctx.add(inst, SKOS.notation, Literal(record.id))
    ctx.add(inst, SKOS.definition, Literal(record.get("definition"), lang="en"))
    for alt in record.get("alt_names", []):
        ctx.add(inst, SKOS.altLabel, Literal(alt, lang="en"))
    broader = ctx.refs(record, "broader")
    for concept in broader:
        ctx.add(inst, SKOS.broader, concept)
    if not broader:
        ctx.add(inst, SKOS.topConceptOf, SCHEME)
    for concept in ctx.refs(record, "related"):
        ctx.add(inst, SKOS.related, concept)
    introduced = record.get("introduced")
    if introduced:
        ctx.add(inst, KZO.dateIntroduced, introduced.literal())
        ctx.add(inst, KZO.year, introduced.year_literal())
    for name, prop in (("introduced_by", KZO.introducedBy), ("changed_by", KZO.changedBy),
                       ("regulated_by", KZO.regulatedBy)):
        for target in ctx.refs(record, name):
            ctx.add(inst, prop, target)
    for body in ctx.refs(record, "administered_by"):
        ctx.add(inst, KZO.administeredBy, body)
    for country in ctx.refs(record, "countries"):
        ctx.add(inst, KZO.appliesToCountry, country)
    if record.get("country_count") is not None:
        ctx.add(inst, KZO.countryCount, Literal(record.get("country_count"), datatype=XSD.integer))
    for duration in record.get("durations", []):
        node = duration_iri(inst, duration["role"])
        ctx.add(inst, KZO.hasDuration, node)
        typed(ctx, node, TIME.Duration)
        ctx.add(node, TIME.numericDuration,
                Literal(Decimal(str(duration["value"])), datatype=XSD.decimal))
        ctx.add(node, TIME.unitType, UNITS[duration["unit"]])
        ctx.add(node, KZO.durationRole, Literal(duration["role"]))
        ctx.add(node, KZO.durationQualifier, Literal(duration.get("qualifier", "exactly")))
        ctx.add(node, RDFS.label, Literal(_duration_label(duration), lang="en"))
    ctx.add(inst, KZO.instrumentStatus, Literal(record.get("status")))
    if record.get("list_position") is not None:
        ctx.add(inst, KZO.listPosition, Literal(record.get("list_position"), datatype=XSD.integer))
    for successor in ctx.refs(record, "replaced_by"):
        ctx.add(inst, KZO.replacedBy, successor)
    for stat in ctx.refs(record, "statistics"):
        ctx.add(inst, KZO.relatedStatistic, stat)
    for who in record.get("stated_by", []):
        ctx.add(inst, KZO.statedBy, Literal(who))


def _scheme(graph: Graph) -> None:
    """The SKOS concept scheme every instrument belongs to."""
    graph.add((SCHEME, RDF.type, SKOS.ConceptScheme))
    graph.add((SCHEME, SKOS.prefLabel, Literal("Migration instruments of Kazakhstan", lang="en")))
    graph.add((SCHEME, SKOS.prefLabel, Literal("Инструменты миграционной политики Казахстана",
                                               lang="ru")))
    graph.add((SCHEME, RDFS.label, Literal("Migration instruments of Kazakhstan", lang="en")))
    graph.add((SCHEME, DCTERMS.description, Literal(
        "Visa categories, visa-free regimes, stay rules, permits, quotas, labour-market rules, "
        "entry records, information systems, identification means and tax preferences that "
        "Kazakhstan's acts introduce and its policy measures change; each concept is also an "
        "individual of a subclass of kzo:MigrationInstrument.", lang="en")))


def _check_instrument(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    if not record.id.startswith("inst-"):
        problems.append(("id", f"instrument id '{record.id}' does not start with 'inst-'",
                         "name instruments inst-<slug>, e.g. inst-work-permit"))
    status, replaced_by = record.get("status"), record.get("replaced_by")
    if status == "replaced" and not replaced_by:
        problems.append(("replaced_by", "status 'replaced' needs the instrument that replaced it",
                         "add replaced_by: <instrument id>"))
    if replaced_by and status not in ("replaced", "abolished"):
        problems.append(("status", f"replaced_by is given but the status is '{status}'",
                         "set status: replaced (or abolished), or remove replaced_by"))
    if record.get("list_position") is not None and not record.get("introduced_by"):
        problems.append(("list_position", "a position in a list needs the act whose list it is",
                         "add introduced_by: <the act that lists it>"))
    if record.get("list_position") is not None and record.get("list_position") < 1:
        problems.append(("list_position", "list positions start at 1", "count from 1"))
    if record.get("country_count") is not None and record.get("country_count") < 1:
        problems.append(("country_count", "a country count must be at least 1",
                         "give the number of countries the source states"))
    roles = [d["role"] for d in record.get("durations", [])]
    for role in sorted({r for r in roles if roles.count(r) > 1}):
        problems.append(("durations", f"duration role '{role}' is given twice",
                         "give one duration per role"))
    for duration in record.get("durations", []):
        if duration["value"] <= 0:
            problems.append(("durations", f"duration {duration['value']} {duration['unit']} is "
                             "not positive", "durations are positive numbers"))
    for name in ("broader", "related", "replaced_by"):
        value = record.get(name) or []
        if record.id in (value if isinstance(value, list) else [value]):
            problems.append((name, f"an instrument cannot refer to itself in '{name}'",
                             "remove it"))
    return problems


register(Kind(
    name="instrument",
    doc="A migration instrument: visa category or regime, stay rule, permit, quota, labour-market "
        "rule, entry record, information system, identification means or tax preference.",
    fields=(
        Field("name", "langtext", required=True, doc="name in our words (English, Russian)"),
        Field("instrument_type", "enum", required=True, choices=tuple(INSTRUMENT_CLASSES)),
        Field("definition", "text", required=True, doc="what it is and does, in our words"),
        Field("alt_names", "text", many=True, doc="other names the source uses"),
        Field("introduced", "date", doc="when it was introduced, as precise as the source says"),
        Field("introduced_by", "ref", many=True, refs=SOURCE_KINDS,
              doc="the act, agreement, programme or measure that introduced it"),
        Field("changed_by", "ref", many=True, refs=SOURCE_KINDS,
              doc="acts, agreements, programmes or measures that changed it"),
        Field("regulated_by", "ref", many=True, refs=SOURCE_KINDS,
              doc="acts or programmes that define or regulate it without changing it"),
        Field("administered_by", "ref", many=True, refs=("organisation",),
              doc="the body that issues, sets or operates it"),
        Field("countries", "ref", many=True, refs=("country", "country-group"),
              doc="countries or groupings whose citizens it concerns"),
        Field("country_count", "int", doc="number of countries the source states it covers"),
        Field("durations", "struct", many=True, doc="validity and other durations the source states",
              fields=(
                  Field("value", "number", required=True),
                  Field("unit", "enum", required=True, choices=tuple(UNITS)),
                  Field("role", "enum", required=True, choices=DURATION_ROLES),
                  Field("qualifier", "enum", choices=QUALIFIERS),
                  Field("text", "text", doc="the duration in words, e.g. 90 days within 180"),
              )),
        Field("status", "enum", required=True, choices=STATUSES,
              doc="its state as the source last describes it"),
        Field("list_position", "int", doc="position in the list of the act that introduced it"),
        Field("replaced_by", "ref", refs=("instrument",)),
        Field("broader", "ref", many=True, refs=("instrument",)),
        Field("related", "ref", many=True, refs=("instrument",)),
        Field("statistics", "ref", many=True, refs=("observation", "stated-claim"),
              doc="figures the source gives about it"),
        Field("stated_by", "text", many=True, doc="who states it, when not the document (Expert B)"),
    ),
    iri=instrument_iri, to_rdf=_instrument_to_rdf, check=_check_instrument, vocabulary=_scheme,
))
