"""Organisations: state bodies (W3C ORG), international organisations, NGOs, companies."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from ..graph import MappingContext, label, typed
from ..namespaces import KZD, KZO, ORG, SKOS, WD
from ..schema import Field, Kind, Record, register

# org_type -> ontology class (every class is a subclass of org:Organization)
ORG_CLASSES: dict[str, str] = {
    "head-of-state": "HeadOfState",
    "parliament": "Legislature",
    "government": "Government",
    "ministry": "Ministry",
    "committee": "StateCommittee",
    "state-agency": "StateAgency",
    "state-department": "StateAgency",
    "state-official": "StateOfficial",
    "local-executive": "LocalExecutiveBody",
    "service-centre": "ServiceCentre",
    "security-service": "StateAgency",
    "international-organisation": "InternationalOrganisation",
    "ngo": "NonGovernmentalOrganisation",
    "company": "Company",
    "university": "University",
    "research-institute": "ResearchOrganisation",
    "financial-centre": "SpecialEconomicZone",
    "technology-park": "SpecialEconomicZone",
    "other": "OtherOrganisation",
}
STATE_TYPES = {"head-of-state", "parliament", "government", "ministry", "committee",
               "state-agency", "state-department", "state-official", "local-executive",
               "service-centre", "security-service"}
QID = re.compile(r"^Q[1-9][0-9]*$")


def organisation_iri(record: Record) -> URIRef:
    return KZD[f"org/{record.id}"]


def _organisation_to_rdf(record: Record, ctx: MappingContext) -> None:
    org = organisation_iri(record)
    org_type = record.get("org_type")
    typed(ctx, org, KZO[ORG_CLASSES[org_type]], ORG.Organization)
    if org_type in STATE_TYPES or org_type in {"international-organisation", "ngo", "company",
                                              "university"}:
        ctx.add(org, ORG.classification, KZO[ORG_CLASSES[org_type]])
    if org_type != "state-official":
        typed(ctx, org, ORG.FormalOrganization)
    label(ctx, org, record.get("name"))
    for alt in record.get("alt_names", []):
        ctx.add(org, SKOS.altLabel, Literal(alt, lang="en"))
    if record.get("acronym"):
        ctx.add(org, SKOS.altLabel, Literal(record.get("acronym")))
    for parent in ctx.refs(record, "parent"):
        ctx.add(org, ORG.subOrganizationOf, parent)
    if record.get("created"):
        ctx.add(org, KZO.founded, record.get("created").literal())
    if record.get("dissolved"):
        ctx.add(org, KZO.dissolved, record.get("dissolved").literal())
    for act in ctx.refs(record, "created_by"):
        ctx.add(org, KZO.establishedBy, act)
    ctx.text(org, KZO.remit, record.get("remit"))
    if record.get("wikidata"):
        ctx.add(org, SKOS.exactMatch, WD[record.get("wikidata")])
    for country in ctx.refs(record, "country"):
        ctx.add(org, KZO.basedIn, country)


register(Kind(
    name="organisation",
    doc="A state body, international organisation, NGO, company or other organisation.",
    fields=(
        Field("name", "langtext", required=True),
        Field("org_type", "enum", required=True, choices=tuple(ORG_CLASSES)),
        Field("alt_names", "text", many=True), Field("acronym", "text"),
        Field("parent", "ref", refs=("organisation",), doc="the body it is part of"),
        Field("created", "date"), Field("dissolved", "date"),
        Field("created_by", "ref", many=True, refs=("act",)),
        Field("remit", "text", doc="what it does, in our words"),
        Field("wikidata", "text", doc="verified Wikidata QID only, e.g. Q472311"),
        Field("country", "ref", refs=("country",)),
    ),
    iri=organisation_iri, to_rdf=_organisation_to_rdf, needs_passages=False,
))
