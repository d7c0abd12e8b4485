"""Organisations (W3C ORG), the change events of the migration authority, and function attestations.

* ``organisation``: a state body, international organisation, NGO, company ... as an
  ``org:Organization`` (``org:FormalOrganization`` unless it is a single-person office) with a
  project subclass, ``org:classification`` (a concept of the SKOS scheme ``kzc:org-types``),
  ``org:subOrganizationOf`` its parent, ``schema:foundingDate``/``schema:dissolutionDate`` at the
  precision the text gives and ``kzo:establishedBy`` the act or treaty that created it.
* ``org-change-event``: an ``org:ChangeEvent`` (establishment, reorganisation, transfer of
  functions) with ``org:originalOrganization``/``org:resultingOrganization``, ``prov:used`` the act
  behind it, an OWL-Time instant at the stated precision and the migration function(s) it concerns
  (``kzo:migrationFunction``, scheme ``kzc:migration-functions``).
* ``org-responsibility``: the document describing a body as performing a migration function in a
  given year without saying when it acquired it (``kzo:FunctionAttestation``).

Which body was responsible for a function in a year: the resulting organisation of the latest
change event, or the body of the latest attestation, for that function up to that year
(queries/org-responsible-for-migration.rq).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from ..mapping import Field, Kind, MappingContext, PartialDate, Record, label, register, typed
from ..namespaces import DCTERMS, KZC, KZD, KZO, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, TIME, WD


@dataclass(frozen=True)
class OrgType:
    cls: str     # ontology class local name
    en: str
    ru: str
    state: bool = False
    formal: bool = True   # an org:FormalOrganization (not a single-person office)


ORG_TYPES: dict[str, OrgType] = {
    "head-of-state": OrgType("HeadOfState", "head of state", "глава государства", True, False),
    "parliament": OrgType("Legislature", "legislature", "законодательный орган", True),
    "government": OrgType("Government", "government", "правительство", True),
    "ministry": OrgType("Ministry", "ministry", "министерство", True),
    "committee": OrgType("StateCommittee", "committee of a ministry or state committee",
                         "комитет", True),
    "state-agency": OrgType("StateAgency", "state agency", "государственное агентство", True),
    "state-department": OrgType("StateAgency", "department under a ministry",
                                "департамент при министерстве", True),
    "state-official": OrgType("StateOfficial", "state official with regulatory powers",
                              "должностное лицо", True, False),
    "local-executive": OrgType("LocalExecutiveBody", "local executive body (akimat)",
                               "местный исполнительный орган (акимат)", True),
    "service-centre": OrgType("ServiceCentre", "public service centre network",
                              "сеть центров обслуживания", True),
    "security-service": OrgType("StateAgency", "security or border service",
                                "служба безопасности или пограничная служба", True),
    "interdepartmental-body": OrgType("InterdepartmentalBody", "interdepartmental commission",
                                      "межведомственная комиссия", True),
    "foreign-state-body": OrgType("ForeignStateBody", "state body or office of another country",
                                  "государственный орган другой страны", False, False),
    "international-organisation": OrgType("InternationalOrganisation", "international organisation",
                                          "международная организация"),
    "ngo": OrgType("NonGovernmentalOrganisation", "non-governmental organisation",
                   "неправительственная организация"),
    "company": OrgType("Company", "company", "компания"),
    "university": OrgType("University", "university", "университет"),
    "research-institute": OrgType("ResearchOrganisation", "research institute",
                                  "научно-исследовательская организация"),
    "financial-centre": OrgType("SpecialEconomicZone", "financial centre with a special legal regime",
                                "финансовый центр с особым правовым режимом"),
    "technology-park": OrgType("SpecialEconomicZone", "technology park",
                               "технологический парк"),
    "other": OrgType("OtherOrganisation", "other organisation", "иная организация"),
}
ORG_TYPE_SCHEME = KZC["org-types"]
QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class MigrationFunction:
    en: str
    ru: str
    definition: str


MIGRATION_FUNCTIONS: dict[str, MigrationFunction] = {
    "migration-authority": MigrationFunction(
        "overall migration authority", "уполномоченный орган в сфере миграции",
        "The state body with overall responsibility for migration: monitoring migrants' affairs "
        "and shaping migration law and policy."),
    "patent-issuance": MigrationFunction(
        "issuing patents", "выдача патентов",
        "Issuing 'patents' (work permits for foreigners employed by private households) to "
        "foreigners."),
    "quota-setting": MigrationFunction(
        "setting the foreign-labour quota", "установление квоты на привлечение иностранной рабочей силы",
        "Setting (not only proposing) the quota for recruiting foreign labour."),
    "labour-immigrant-permits": MigrationFunction(
        "issuing labour immigrants' permits", "выдача разрешений трудовым иммигрантам",
        "Issuing, renewing and revoking the permits of labour immigrants."),
    "foreigner-registration": MigrationFunction(
        "registering foreigners' stay", "учёт пребывания иностранцев",
        "Receiving notifications of foreigners' arrival and stay and registering them."),
    "visa-issuance": MigrationFunction(
        "issuing visas", "выдача виз",
        "Issuing visas of the Republic of Kazakhstan to foreigners and setting the rules for it."),
}
FUNCTION_SCHEME = KZC["migration-functions"]

CHANGE_TYPES: dict[str, str] = {
    "establishment": "Establishment",
    "reorganisation": "Reorganisation",
    "transfer-of-functions": "TransferOfFunctions",
}


def function_iri(code: str) -> URIRef:
    return KZC[f"function-{code}"]


def org_type_iri(code: str) -> URIRef:
    return KZC[f"org-type-{code}"]


def organisation_iri(record: Record) -> URIRef:
    return KZD[f"org/{record.id}"]


def _organisation_to_rdf(record: Record, ctx: MappingContext) -> None:
    org = organisation_iri(record)
    org_type = ORG_TYPES[record.get("org_type")]
    typed(ctx, org, KZO[org_type.cls], ORG.Organization)
    if org_type.formal:
        typed(ctx, org, ORG.FormalOrganization)
    if org_type.state:
        typed(ctx, org, KZO.StateBody)
    ctx.add(org, ORG.classification, org_type_iri(record.get("org_type")))
    label(ctx, org, record.get("name"))
    for alt in record.get("alt_names", []):
        ctx.add(org, SKOS.altLabel, Literal(alt, lang="en"))
    if record.get("acronym"):
        ctx.add(org, SKOS.altLabel, Literal(record.get("acronym")))
    for parent in ctx.refs(record, "parent"):
        ctx.add(org, ORG.subOrganizationOf, parent)
    if record.get("created"):
        ctx.add(org, SCHEMA.foundingDate, record.get("created").literal())
    if record.get("dissolved"):
        ctx.add(org, SCHEMA.dissolutionDate, record.get("dissolved").literal())
    for act in ctx.refs(record, "created_by"):
        ctx.add(org, KZO.establishedBy, act)
    for act in ctx.refs(record, "proposed_by"):
        ctx.add(org, KZO.proposedBy, act)
    ctx.text(org, DCTERMS.description, record.get("remit"))
    if record.get("wikidata"):
        ctx.add(org, SKOS.exactMatch, WD[record.get("wikidata")])
    for country in ctx.refs(record, "country"):
        ctx.add(org, KZO.basedIn, country)


def _check_organisation(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    qid = record.get("wikidata")
    if qid and not QID.match(qid):
        problems.append(("wikidata", f"'{qid}' is not a Wikidata QID",
                         "write e.g. Q472311, and only a QID you have verified"))
    created, dissolved = record.get("created"), record.get("dissolved")
    if created and dissolved and dissolved.sort_key() < created.sort_key():
        problems.append(("dissolved", f"dissolved ({dissolved}) before it was created ({created})",
                         "check both dates against the passage"))
    if record.get("parent") == record.id:
        problems.append(("parent", "an organisation cannot be its own parent",
                         "name the body it belongs to, or leave parent out"))
    if record.get("created_by") and record.get("proposed_by"):
        problems.append(("proposed_by", "a body is either established by an act or only proposed",
                         "keep created_by for a body that exists, proposed_by for a planned one"))
    return problems


def _org_vocabulary(graph: Graph) -> None:
    """The SKOS schemes of organisation types and of migration functions."""
    graph.add((ORG_TYPE_SCHEME, RDF.type, SKOS.ConceptScheme))
    graph.add((ORG_TYPE_SCHEME, SKOS.prefLabel, Literal("Organisation types", lang="en")))
    graph.add((ORG_TYPE_SCHEME, SKOS.prefLabel, Literal("Типы организаций", lang="ru")))
    for code, org_type in ORG_TYPES.items():
        concept = org_type_iri(code)
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, ORG_TYPE_SCHEME))
        graph.add((concept, SKOS.topConceptOf, ORG_TYPE_SCHEME))
        graph.add((concept, SKOS.notation, Literal(code)))
        graph.add((concept, SKOS.prefLabel, Literal(org_type.en, lang="en")))
        graph.add((concept, SKOS.prefLabel, Literal(org_type.ru, lang="ru")))
        graph.add((concept, RDFS.label, Literal(org_type.en, lang="en")))
        graph.add((concept, RDFS.seeAlso, KZO[org_type.cls]))
    graph.add((FUNCTION_SCHEME, RDF.type, SKOS.ConceptScheme))
    graph.add((FUNCTION_SCHEME, SKOS.prefLabel, Literal("Migration functions of state bodies",
                                                        lang="en")))
    graph.add((FUNCTION_SCHEME, SKOS.prefLabel, Literal("Функции государственных органов в сфере "
                                                        "миграции", lang="ru")))
    for code, function in MIGRATION_FUNCTIONS.items():
        concept = function_iri(code)
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, FUNCTION_SCHEME))
        graph.add((concept, SKOS.topConceptOf, FUNCTION_SCHEME))
        graph.add((concept, SKOS.notation, Literal(code)))
        graph.add((concept, SKOS.prefLabel, Literal(function.en, lang="en")))
        graph.add((concept, SKOS.prefLabel, Literal(function.ru, lang="ru")))
        graph.add((concept, RDFS.label, Literal(function.en, lang="en")))
        graph.add((concept, SKOS.definition, Literal(function.definition, lang="en")))


register(Kind(
    name="organisation",
    doc="A state body, international organisation, NGO, company or other organisation.",
    fields=(
        Field("name", "langtext", required=True),
        Field("org_type", "enum", required=True, choices=tuple(ORG_TYPES)),
        Field("alt_names", "text", many=True), Field("acronym", "text"),
        Field("parent", "ref", refs=("organisation",), doc="the body it is part of, where stated"),
        Field("created", "date", doc="as precise as the text states it"),
        Field("dissolved", "date", doc="as precise as the text states it"),
        Field("created_by", "ref", many=True, refs=("act", "agreement"),
              doc="the act or treaty the text says established it"),
        Field("proposed_by", "ref", many=True, refs=("act",),
              doc="the draft act that proposes a body not yet established"),
        Field("remit", "text", doc="what it does, in our words"),
        Field("wikidata", "text", doc="verified Wikidata QID only, e.g. Q472311"),
        Field("country", "ref", refs=("country",)),
    ),
    iri=organisation_iri, to_rdf=_organisation_to_rdf, check=_check_organisation,
    needs_passages=False, vocabulary=_org_vocabulary,
))


def _add_time(ctx: MappingContext, subject: URIRef, date: PartialDate) -> None:
    """time:hasTime an instant at the stated precision, and kzo:year."""
    instant = URIRef(f"{subject}/time")
    typed(ctx, instant, TIME.Instant)
    ctx.add(subject, TIME.hasTime, instant)
    prop = {"day": TIME.inXSDDate, "month": TIME.inXSDgYearMonth,
            "year": TIME.inXSDgYear}[date.precision]
    ctx.add(instant, prop, date.literal())
    ctx.add(instant, RDFS.label, Literal(str(date)))
    ctx.add(subject, KZO.year, date.year_literal())


def change_event_iri(record: Record) -> URIRef:
    return KZD[f"org-change/{record.id}"]


def _change_event_to_rdf(record: Record, ctx: MappingContext) -> None:
    event = change_event_iri(record)
    typed(ctx, event, KZO[CHANGE_TYPES[record.get("change_type")]], ORG.ChangeEvent, PROV.Activity)
    ctx.text(event, RDFS.label, record.get("title"))
    ctx.text(event, DCTERMS.description, record.get("summary"))
    for org in ctx.refs(record, "original"):
        ctx.add(event, ORG.originalOrganization, org)
    for org in ctx.refs(record, "resulting"):
        ctx.add(event, ORG.resultingOrganization, org)
    for act in ctx.refs(record, "acts"):
        ctx.add(event, PROV.used, act)
    for code in record.get("functions", []):
        ctx.add(event, KZO.migrationFunction, function_iri(code))
    _add_time(ctx, event, record.get("date"))


def _check_change_event(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    change_type = record.get("change_type")
    original, resulting = record.get("original", []), record.get("resulting", [])
    if not resulting:
        problems.append(("resulting", "a change event needs the organisation(s) it resulted in",
                         "add resulting: [<organisation id>]"))
    if change_type == "reorganisation" and not original:
        problems.append(("original", "a reorganisation needs the organisation(s) it started from",
                         "add original: [<organisation id>]"))
    if change_type == "establishment" and original:
        problems.append(("original", "an establishment creates a body and has no original "
                                     "organisation", "use change_type: reorganisation instead"))
    if set(original) & set(resulting):
        problems.append(("resulting", "the same organisation is both original and resulting",
                         "a body that only gains a function is the resulting organisation; "
                         "the one that loses it is the original"))
    if change_type == "transfer-of-functions" and not record.get("functions"):
        problems.append(("functions", "a transfer of functions must say which function moved",
                         f"add functions: [{', '.join(MIGRATION_FUNCTIONS)}]"))
    return problems


register(Kind(
    name="org-change-event",
    doc="A change of the state bodies in charge of migration (W3C ORG change event): "
        "establishment, reorganisation or transfer of a function, with the act behind it.",
    fields=(
        Field("title", "langtext", required=True),
        Field("change_type", "enum", required=True, choices=tuple(CHANGE_TYPES)),
        Field("date", "date", required=True, doc="as precise as the text states it"),
        Field("original", "ref", many=True, refs=("organisation",),
              doc="the body (bodies) before the change, or the body that lost a function"),
        Field("resulting", "ref", many=True, refs=("organisation",),
              doc="the body (bodies) after the change, or the body that gained a function"),
        Field("functions", "enum", many=True, choices=tuple(MIGRATION_FUNCTIONS),
              doc="the migration function(s) the change concerns"),
        Field("acts", "ref", many=True, refs=("act", "agreement"),
              doc="the act(s) behind the change (prov:used)"),
        Field("summary", "text", doc="what changed, in our words"),
    ),
    iri=change_event_iri, to_rdf=_change_event_to_rdf, check=_check_change_event,
))


def responsibility_iri(record: Record) -> URIRef:
    return KZD[f"org-responsibility/{record.id}"]


def _responsibility_to_rdf(record: Record, ctx: MappingContext) -> None:
    node = responsibility_iri(record)
    typed(ctx, node, KZO.FunctionAttestation, PROV.Entity)
    body = ctx.iri(record.get("organisation"))
    ctx.add(node, KZO.responsibleBody, body)
    ctx.add(node, KZO.migrationFunction, function_iri(record.get("function")))
    function = MIGRATION_FUNCTIONS[record.get("function")]
    name = ctx.record(record.get("organisation")).get("name").get("en", record.get("organisation"))
    ctx.add(node, RDFS.label, Literal(f"{name}: {function.en} (stated for {record.get('attested')})",
                                      lang="en"))
    ctx.text(node, DCTERMS.description, record.get("summary"))
    _add_time(ctx, node, record.get("attested"))


register(Kind(
    name="org-responsibility",
    doc="The document describing a body as performing a migration function at a given time, "
        "without saying when it acquired the function.",
    fields=(
        Field("organisation", "ref", required=True, refs=("organisation",)),
        Field("function", "enum", required=True, choices=tuple(MIGRATION_FUNCTIONS)),
        Field("attested", "date", required=True,
              doc="when the text describes the body as doing so (e.g. 2024 for the interviews)"),
        Field("summary", "text", doc="what the text says, in our words"),
    ),
    iri=responsibility_iri, to_rdf=_responsibility_to_rdf,
))

__all__ = ["MIGRATION_FUNCTIONS", "ORG_TYPES", "change_event_iri", "function_iri",
           "organisation_iri", "org_type_iri", "responsibility_iri"]
