"""International agreements: treaties, conventions, protocols, bilateral agreements."""

from __future__ import annotations

from rdflib import Literal, URIRef

from ..graph import MappingContext, typed
from ..namespaces import DCTERMS, ELI, KZELI, KZO, KZT, RDFS, SKOS, WD
from ..schema import Field, Kind, Record, register

AGREEMENT_TYPES = ("treaty", "agreement", "convention", "protocol", "declaration",
                   "joint-statement", "memorandum", "programme-participation")


def agreement_iri(record: Record) -> URIRef:
    year = record.get("signed").year if record.get("signed") else "undated"
    return KZELI[f"dogovor/{year}/{record.id}"]


def _agreement_to_rdf(record: Record, ctx: MappingContext) -> None:
    agr = agreement_iri(record)
    typed(ctx, agr, KZO.InternationalAgreement, ELI.LegalResource)
    ctx.add(agr, ELI.type_document, KZT["dogovor"])
    ctx.text(agr, DCTERMS.title, record.get("title"))
    ctx.text(agr, RDFS.label, record.get("title"))
    ctx.add(agr, KZO.agreementType, Literal(record.get("agreement_type")))
    ctx.add(agr, KZO.scope, Literal(record.get("scope")) if record.get("scope") else None)
    if record.get("signed"):
        signed = record.get("signed")
        ctx.add(agr, KZO.dateSigned, signed.literal())
        if signed.precision == "day":
            ctx.add(agr, ELI.date_document, signed.literal())
    if record.get("ratified"):
        ctx.add(agr, KZO.dateRatified, record.get("ratified").literal())
    for party in ctx.refs(record, "parties"):
        ctx.add(agr, KZO.party, party)
        ctx.add(agr, ELI.relevant_for, party)
    ctx.text(agr, DCTERMS.description, record.get("summary"))
    ctx.add(agr, KZO.agreementStatus, Literal(record.get("status")) if record.get("status")
            else None)
    if record.get("wikidata"):
        ctx.add(agr, SKOS.exactMatch, WD[record.get("wikidata")])


register(Kind(
    name="agreement",
    doc="An international agreement Kazakhstan signed, ratified or is negotiating.",
    fields=(
        Field("title", "langtext", required=True),
        Field("agreement_type", "enum", required=True, choices=AGREEMENT_TYPES),
        Field("scope", "enum", choices=("multilateral", "bilateral")),
        Field("signed", "date"), Field("ratified", "date"),
        Field("parties", "ref", many=True, refs=("country", "country-group", "organisation")),
        Field("summary", "text", doc="what it provides, in our words"),
        Field("status", "enum", choices=("signed", "ratified", "in-force", "planned",
                                         "under-negotiation", "signed-not-ratified")),
        Field("wikidata", "text"),
    ),
    iri=agreement_iri, to_rdf=_agreement_to_rdf,
))
