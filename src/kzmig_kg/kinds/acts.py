"""Legal acts of Kazakhstan, modelled with ELI 1.5 (one eli:LegalResource per act).

IRIs follow https://w3id.org/kzmig/eli/kz/{type}/{year}/{number}; an act whose number the source
does not state uses its record id in place of the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from ..graph import MappingContext, typed
from ..namespaces import DCTERMS, ELI, EUC, KZELI, KZO, KZT, RDF, RDFS, SKOS
from ..schema import Field, Kind, Record, register


@dataclass(frozen=True)
class ActType:
    cls: str       # ontology class local name
    slug: str      # IRI segment and act-type concept (transliterated Russian name)
    en: str
    ru: str


ACT_TYPES: dict[str, ActType] = {
    "constitutional-law": ActType("ConstitutionalLaw", "konst-zakon", "Constitutional law",
                                  "Конституционный закон"),
    "code": ActType("Code", "kodeks", "Code", "Кодекс"),
    "law": ActType("Law", "zakon", "Law", "Закон"),
    "presidential-decree": ActType("PresidentialDecree", "ukaz", "Decree of the President",
                                   "Указ Президента"),
    "decree-having-force-of-law": ActType("DecreeHavingForceOfLaw", "ukaz-zakon",
                                          "Decree of the President having the force of law",
                                          "Указ Президента, имеющий силу закона"),
    "government-resolution": ActType("GovernmentResolution", "postanovlenie",
                                     "Resolution of the Government", "Постановление Правительства"),
    "cabinet-resolution": ActType("CabinetResolution", "postanovlenie-km",
                                  "Resolution of the Cabinet of Ministers",
                                  "Постановление Кабинета Министров"),
    "supreme-council-resolution": ActType("SupremeCouncilResolution", "postanovlenie-vs",
                                          "Resolution of the Supreme Council",
                                          "Постановление Верховного Совета"),
    "ministerial-order": ActType("MinisterialOrder", "prikaz", "Order or decree of a minister",
                                 "Приказ министра"),
    "joint-order": ActType("JointOrder", "sovmestnyi-prikaz",
                           "Joint order or decree of ministers", "Совместный приказ"),
    "instruction": ActType("Instruction", "instruktsiya", "Instruction", "Инструкция"),
    "official-resolution": ActType("OfficialResolution", "postanovlenie-dl",
                                   "Resolution of a state official",
                                   "Постановление должностного лица"),
    "draft-law": ActType("DraftLaw", "proekt-zakona", "Draft law", "Проект закона"),
}
STATUSES = {
    "in-force": ELI["InForce-inForce"],
    "not-in-force": ELI["InForce-notInForce"],
    "partially-in-force": ELI["InForce-partiallyInForce"],
}
ADILET_ID = re.compile(r"^[A-Z][0-9]{2}[0-9A-Z]{7}[0-9A-Z_]$")
URI_SAFE_NUMBER = re.compile(r"^[0-9A-Za-z-]+$")


def act_iri(record: Record) -> URIRef:
    act_type = ACT_TYPES[record.get("act_type")]
    date = record.get("date")
    year = date.year if date else "undated"
    number = record.get("number")
    natural = number if number and URI_SAFE_NUMBER.match(number) else record.id
    return KZELI[f"{act_type.slug}/{year}/{natural}"]


def _act_to_rdf(record: Record, ctx: MappingContext) -> None:
    act = act_iri(record)
    act_type = ACT_TYPES[record.get("act_type")]
    typed(ctx, act, KZO[act_type.cls], ELI.LegalResource, ELI.Work)
    ctx.add(act, ELI.type_document, KZT[act_type.slug])
    ctx.add(act, ELI.jurisdiction, EUC["KAZ"])
    if record.get("number"):
        ctx.add(act, ELI.number, Literal(record.get("number")))
    for printed in record.get("number_as_printed", []):
        ctx.add(act, KZO.numberAsPrinted, Literal(printed))
    for cited in record.get("cited_as", []):
        ctx.add(act, KZO.citedAs, Literal(cited))
    date = record.get("date")
    if date:
        if date.precision == "day":
            ctx.add(act, ELI.date_document, date.literal())
        ctx.add(act, KZO.dateStated, date.literal())
        ctx.add(act, KZO.year, date.year_literal())
    ctx.text(act, DCTERMS.title, record.get("title"))
    ctx.text(act, RDFS.label, record.get("title"))
    ctx.text(act, KZO.subjectMatter, record.get("subject"))
    ctx.text(act, ELI.description, record.get("effect"))
    for issuer in ctx.refs(record, "issuer"):
        ctx.add(act, ELI.passed_by, issuer)
    for target in ctx.refs(record, "amends"):
        ctx.add(act, ELI.amends, target)
        ctx.add(act, ELI.changes, target)
    for target in ctx.refs(record, "repeals"):
        ctx.add(act, ELI.repeals, target)
        ctx.add(act, ELI.changes, target)
    for basis in ctx.refs(record, "based_on"):
        ctx.add(act, ELI.based_on, basis)
    for agreement in ctx.refs(record, "ratifies"):
        ctx.add(act, KZO.ratifies, agreement)
        ctx.add(act, ELI.refers_to, agreement)
    for other in ctx.refs(record, "refers_to"):
        ctx.add(act, ELI.refers_to, other)
    if record.get("adilet_id"):
        ctx.add(act, ELI.id_local, Literal(record.get("adilet_id")))
    if record.get("status") in STATUSES:
        ctx.add(act, ELI.in_force, STATUSES[record.get("status")])
    if record.get("status") == "draft":
        ctx.add(act, KZO.legislativeStatus, Literal("draft under consideration", lang="en"))
    if record.get("wikidata"):
        ctx.add(act, SKOS.exactMatch, URIRef(f"http://www.wikidata.org/entity/{record.get('wikidata')}"))


ACT_TYPE_SCHEME = KZT[""]


def _act_type_vocabulary(graph: Graph) -> None:
    """The SKOS scheme of Kazakh act types that eli:type_document points to."""
    graph.add((ACT_TYPE_SCHEME, RDF.type, SKOS.ConceptScheme))
    graph.add((ACT_TYPE_SCHEME, SKOS.prefLabel, Literal("Kazakh legal act types", lang="en")))
    graph.add((ACT_TYPE_SCHEME, SKOS.prefLabel, Literal("Виды правовых актов Казахстана", lang="ru")))
    treaty = ActType("InternationalAgreement", "dogovor", "International agreement",
                     "Международный договор")
    for act_type in (*ACT_TYPES.values(), treaty):
        concept = KZT[act_type.slug]
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, RDF.type, ELI.ResourceType))
        graph.add((concept, SKOS.inScheme, ACT_TYPE_SCHEME))
        graph.add((concept, SKOS.topConceptOf, ACT_TYPE_SCHEME))
        graph.add((concept, SKOS.notation, Literal(act_type.slug)))
        graph.add((concept, SKOS.prefLabel, Literal(act_type.en, lang="en")))
        graph.add((concept, SKOS.prefLabel, Literal(act_type.ru, lang="ru")))
        graph.add((concept, RDFS.label, Literal(act_type.en, lang="en")))
        graph.add((concept, RDFS.seeAlso, KZO[act_type.cls]))


def _check_act(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    value = record.get("adilet_id")
    if value and not ADILET_ID.match(value):
        problems.append(("adilet_id", f"'{value}' does not look like an Adilet document ID",
                         "11 characters such as Z1100000477 or U950002337_; leave out if unknown"))
    number = record.get("number")
    if number and re.search(r"-[IVX]*1[IVX]*$", number):
        problems.append(("number", f"'{number}' looks like OCR damage (1 for I)",
                         "normalise the Roman numeral, e.g. 477-IV; keep the printed form in "
                         "number_as_printed"))
    return problems


register(Kind(
    name="act",
    doc="A legal act of Kazakhstan (law, code, resolution, decree, order, instruction, draft).",
    fields=(
        Field("act_type", "enum", required=True, choices=tuple(ACT_TYPES)),
        Field("number", "text", doc="official number, normalised (477-IV, not 477-1V)"),
        Field("number_as_printed", "text", many=True, doc="the number as the source prints it"),
        Field("cited_as", "text", many=True, doc="the citations as the source writes them"),
        Field("date", "date", doc="date of adoption or signature, as precise as the text gives"),
        Field("title", "langtext", required=True, doc="official title, or its subject if unknown"),
        Field("subject", "text", doc="what the act is about"),
        Field("effect", "text", required=True, doc="what it did, in our own words"),
        Field("issuer", "ref", many=True, refs=("organisation",)),
        Field("amends", "ref", many=True, refs=("act",)),
        Field("repeals", "ref", many=True, refs=("act",)),
        Field("based_on", "ref", many=True, refs=("act",)),
        Field("ratifies", "ref", many=True, refs=("agreement",)),
        Field("refers_to", "ref", many=True, refs=("act", "agreement")),
        Field("adilet_id", "text", doc="only where established; never parsed for meaning"),
        Field("status", "enum", choices=("in-force", "not-in-force", "partially-in-force",
                                         "draft", "unknown")),
        Field("wikidata", "text"),
    ),
    iri=act_iri, to_rdf=_act_to_rdf, check=_check_act, vocabulary=_act_type_vocabulary,
))
