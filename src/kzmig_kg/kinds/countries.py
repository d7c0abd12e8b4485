"""Countries and country groupings: one SKOS code list, ``kzc:countries``.

Every country is a ``skos:Concept`` in the scheme ``https://w3id.org/kzmig/code/countries`` with
IRI ``https://w3id.org/kzmig/code/country-XXX`` (XXX = ISO 3166-1 alpha-3, also its
``skos:notation``) and is also a ``kzo:Country``. Groupings the statistics use ("CIS countries",
"other countries", the world total ...) are concepts of the same scheme (``kzo:CountryGroup``), so
the Data Cube's counterpart-area dimension takes countries and groupings from one code list
(integrity constraint IC-19). Links to other datasets are ``skos:exactMatch`` (never
``owl:sameAs``): the EU country authority table and Wikidata where the QID was verified.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from ..mapping import Field, Kind, MappingContext, Record, label, register, typed
from ..namespaces import EUC, KZC, KZO, RDFS, SKOS, WD

COUNTRY_SCHEME = KZC["countries"]
ALPHA3 = re.compile(r"^[A-Z]{3}$")
GROUP_ID = re.compile(r"^group-[A-Z][A-Z0-9-]*$")
QID = re.compile(r"^Q[1-9][0-9]*$")


def country_iri(record: Record) -> URIRef:
    return KZC[record.id]


def _country_to_rdf(record: Record, ctx: MappingContext) -> None:
    concept = country_iri(record)
    alpha3 = record.get("alpha3")
    typed(ctx, concept, SKOS.Concept, KZO.Country)
    ctx.add(concept, SKOS.inScheme, COUNTRY_SCHEME)
    ctx.add(concept, SKOS.topConceptOf, COUNTRY_SCHEME)
    ctx.add(concept, SKOS.notation, Literal(alpha3))
    label(ctx, concept, record.get("name"))
    for alt in record.get("alt_names", []):
        ctx.add(concept, SKOS.altLabel, Literal(alt, lang="en"))
    if record.get("historical"):
        ctx.add(concept, KZO.historicalCountry, Literal(True))
    else:
        ctx.add(concept, SKOS.exactMatch, EUC[alpha3])
    if record.get("wikidata"):
        ctx.add(concept, SKOS.exactMatch, WD[record.get("wikidata")])
    if record.get("geonames"):
        ctx.add(concept, SKOS.exactMatch, URIRef(f"https://sws.geonames.org/{record.get('geonames')}/"))


def _check_country(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    alpha3 = record.get("alpha3", "")
    if not ALPHA3.match(alpha3):
        problems.append(("alpha3", f"'{alpha3}' is not an ISO 3166-1 alpha-3 code",
                         "three capital letters, e.g. UZB"))
    elif record.id != f"country-{alpha3}":
        problems.append(("id", f"id '{record.id}' does not match alpha3 '{alpha3}'",
                         f"use id: country-{alpha3}"))
    qid = record.get("wikidata")
    if qid and not QID.match(qid):
        problems.append(("wikidata", f"'{qid}' is not a Wikidata QID", "write e.g. Q265"))
    return problems


register(Kind(
    name="country",
    doc="A country, as a concept of the kzc:countries code list (notation = ISO 3166-1 alpha-3).",
    fields=(
        Field("name", "langtext", required=True, doc="short name in en, ru and kk"),
        Field("alpha3", "text", required=True, doc="ISO 3166-1 alpha-3 code; the id is country-XXX"),
        Field("alt_names", "text", many=True, doc="other English names the document uses"),
        Field("wikidata", "text", doc="Wikidata QID, only where verified"),
        Field("geonames", "text", doc="GeoNames feature id, only where verified"),
        Field("historical", "bool", doc="a state that no longer exists (no EU authority code)"),
    ),
    iri=country_iri, to_rdf=_country_to_rdf, check=_check_country,
))


def group_iri(record: Record) -> URIRef:
    return KZC[record.id]


def _group_to_rdf(record: Record, ctx: MappingContext) -> None:
    concept = group_iri(record)
    typed(ctx, concept, SKOS.Concept, KZO.CountryGroup)
    ctx.add(concept, SKOS.inScheme, COUNTRY_SCHEME)
    ctx.add(concept, SKOS.topConceptOf, COUNTRY_SCHEME)
    ctx.add(concept, SKOS.notation, Literal(record.get("notation")))
    label(ctx, concept, record.get("name"))
    ctx.text(concept, SKOS.definition, record.get("definition"))
    for alt in record.get("alt_names", []):
        ctx.add(concept, SKOS.altLabel, Literal(alt, lang="en"))
    for member in ctx.refs(record, "members"):
        ctx.add(concept, KZO.hasMemberCountry, member)
    for organisation in ctx.refs(record, "organisation"):
        ctx.add(concept, KZO.groupOrganisation, organisation)
    for qid in record.get("close_match_wikidata", []):
        ctx.add(concept, SKOS.closeMatch, WD[qid])
    if record.get("membership_basis"):
        ctx.add(concept, RDFS.comment, Literal(record.get("membership_basis"), lang="en"))


def _check_group(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    if not GROUP_ID.match(record.id):
        problems.append(("id", f"group id '{record.id}' must look like group-XXX",
                         "e.g. group-CIS, group-CENTRAL-ASIA"))
    for qid in record.get("close_match_wikidata", []):
        if not QID.match(qid):
            problems.append(("close_match_wikidata", f"'{qid}' is not a Wikidata QID", "e.g. Q15180"))
    return problems


register(Kind(
    name="country-group",
    doc="A grouping of countries used by the statistics or the text (CIS, EAEU, other countries...).",
    fields=(
        Field("name", "langtext", required=True),
        Field("notation", "text", required=True, doc="short code, e.g. CIS"),
        Field("definition", "langtext", doc="what the grouping covers, in our words"),
        Field("alt_names", "text", many=True),
        Field("members", "ref", many=True, refs=("country",),
              doc="member countries the document names or implies"),
        Field("membership_basis", "text", doc="how the member list was established"),
        Field("organisation", "ref", refs=("organisation",),
              doc="the international organisation behind the grouping, if any"),
        Field("close_match_wikidata", "text", many=True, doc="verified QIDs of close concepts"),
    ),
    iri=group_iri, to_rdf=_group_to_rdf, check=_check_group,
))

__all__ = ["COUNTRY_SCHEME", "country_iri", "group_iri"]
