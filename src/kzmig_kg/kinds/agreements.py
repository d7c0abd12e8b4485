"""International agreements: treaties, conventions, protocols, bilateral agreements, statements.

An agreement is a ``kzo:InternationalAgreement`` (⊑ ``eli:LegalResource``) with IRI
``https://w3id.org/kzmig/eli/kz/dogovor/{year}/{id}`` (year of signature, else ``undated``),
``eli:type_document kzt:dogovor``, ``dct:title``, ``kzo:party`` (⊑ ``eli:relevant_for``) each
party (countries, groupings), ``kzo:dateSigned``/``kzo:dateRatified`` at the stated precision
(``eli:date_document`` too when the day of signature is known), and type, scope and status as
concepts of SKOS schemes (``kzo:agreementType``, ``kzo:agreementScope``, ``kzo:agreementStatus``).
The act that ratified it points to it with ``kzo:ratifies`` (the acts carry that link; an
agreement record may state it too with ``ratified_by``, which emits the same triple).
"""

from __future__ import annotations

import datetime as dt

from rdflib import Graph, Literal, URIRef

from ..mapping import Field, Kind, MappingContext, Record, register, typed
from ..namespaces import DCTERMS, ELI, KZC, KZELI, KZO, KZT, RDF, RDFS, SKOS, WD, XSD
from .acts import OTHER_ACT_TYPES

# the treaty type of Kazakhstan's act-type scheme (data/jurisdictions/kz.yaml)
TREATY = OTHER_ACT_TYPES["international-agreement"]

AGREEMENT_TYPES: dict[str, tuple[str, str]] = {
    "treaty": ("treaty", "договор"),
    "agreement": ("agreement", "соглашение"),
    "convention": ("convention", "конвенция"),
    "protocol": ("protocol", "протокол"),
    "declaration": ("declaration", "декларация"),
    "joint-statement": ("joint statement", "совместное заявление"),
    "memorandum": ("memorandum", "меморандум"),
    "programme-participation": ("participation in a foreign programme",
                                "участие в программе другого государства"),
}
SCOPES: dict[str, tuple[str, str]] = {
    "multilateral": ("multilateral", "многосторонний"),
    "bilateral": ("bilateral", "двусторонний"),
}
STATUSES: dict[str, tuple[str, str, str]] = {
    "signed": ("signed", "подписан", "Signed by Kazakhstan; the text states no ratification."),
    "ratified": ("ratified", "ратифицирован", "Ratified (or approved) by Kazakhstan."),
    "in-force": ("in force", "действует",
                 "Applied between the parties; the text states no separate ratification."),
    "signed-not-ratified": ("signed, not ratified", "подписан, не ратифицирован",
                            "Signed by Kazakhstan and, as the text states, not ratified."),
    "planned": ("planned", "планируется", "Kazakhstan plans to conclude it (as of 2024)."),
    "under-negotiation": ("under negotiation", "в процессе",
                          "Work to conclude it is under way (as of 2024)."),
    "reported": ("reported to exist", "упоминается как действующий",
                 "The text says it exists but gives no date or status."),
    "not-stated": ("status not stated", "статус не указан",
                   "The text names it without saying whether Kazakhstan is a party."),
}
TYPE_SCHEME, SCOPE_SCHEME, STATUS_SCHEME = (KZC["agreement-types"], KZC["agreement-scopes"],
                                            KZC["agreement-statuses"])


def type_iri(code: str) -> URIRef:
    return KZC[f"agreement-type-{code}"]


def scope_iri(code: str) -> URIRef:
    return KZC[f"agreement-scope-{code}"]


def status_iri(code: str) -> URIRef:
    return KZC[f"agreement-status-{code}"]


def agreement_iri(record: Record) -> URIRef:
    year = record.get("signed").year if record.get("signed") else "undated"
    return KZELI[f"{TREATY.slug}/{year}/{record.id}"]


def _agreement_to_rdf(record: Record, ctx: MappingContext) -> None:
    agr = agreement_iri(record)
    typed(ctx, agr, KZO.InternationalAgreement, ELI.LegalResource, ELI.Work)
    ctx.add(agr, ELI.type_document, KZT[TREATY.slug])
    ctx.text(agr, DCTERMS.title, record.get("title"))
    ctx.text(agr, RDFS.label, record.get("title"))
    for alt in record.get("alt_titles", []):
        ctx.add(agr, DCTERMS.alternative, Literal(alt, lang="en"))
    ctx.add(agr, KZO.agreementType, type_iri(record.get("agreement_type")))
    if record.get("scope"):
        ctx.add(agr, KZO.agreementScope, scope_iri(record.get("scope")))
    if record.get("status"):
        ctx.add(agr, KZO.agreementStatus, status_iri(record.get("status")))
    signed, ratified = record.get("signed"), record.get("ratified")
    if signed:
        ctx.add(agr, KZO.dateSigned, signed.literal())
        if signed.precision == "day":
            ctx.add(agr, ELI.date_document, signed.literal())
    if ratified:
        ctx.add(agr, KZO.dateRatified, ratified.literal())
    effective = record.get("effective")
    if effective:
        ctx.add(agr, KZO.dateEffective, effective.literal())
    first = signed or ratified or effective
    if first:
        ctx.add(agr, KZO.year, first.year_literal())
    for party_id, party in zip(record.get("parties", []), ctx.refs(record, "parties"), strict=True):
        ctx.add(agr, KZO.party, party)
        if ctx.record(party_id).kind in ("country", "country-group"):
            ctx.add(agr, ELI.relevant_for, party)
    if record.get("party_count"):
        ctx.add(agr, KZO.numberOfParties, Literal(record.get("party_count"), datatype=XSD.integer))
    for act in ctx.refs(record, "ratified_by"):
        ctx.add(act, KZO.ratifies, agr)
        ctx.add(act, ELI.refers_to, agr)
    for other in ctx.refs(record, "supplements"):
        ctx.add(agr, KZO.supplements, other)
        ctx.add(agr, ELI.related_to, other)
    ctx.text(agr, DCTERMS.description, record.get("summary"))
    if record.get("wikidata"):
        ctx.add(agr, SKOS.exactMatch, WD[record.get("wikidata")])


INDEPENDENCE_YEAR = 1991


def _wholly_before(first, second) -> bool:
    """``first`` ends before ``second`` begins, each at its stated precision (1996 is not before
    1996-05, 1995 is)."""
    common = min(len(str(first)), len(str(second)))
    return str(first)[:common] < str(second)[:common]


def _check_agreement(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    signed, ratified, status = record.get("signed"), record.get("ratified"), record.get("status")
    if signed and ratified and _wholly_before(ratified, signed):
        problems.append(("ratified", f"ratified ({ratified}) before it was signed ({signed})",
                         "check both dates against the passage"))
    effective = record.get("effective")
    if signed and effective and _wholly_before(effective, signed):
        problems.append(("effective", f"in effect from {effective}, before it was signed "
                         f"({signed})", "an agreement takes effect on or after its signature; "
                         "check both dates against the passage"))
    if status in ("planned", "under-negotiation") and (signed or ratified or record.get("effective")):
        problems.append(("status", f"status '{status}' but the record gives a signature or "
                                   "ratification date", "a planned agreement has no dates yet"))
    if record.get("ratified_by") and status not in ("ratified", "in-force"):
        problems.append(("status", f"status '{status}' but ratified_by names the ratifying act",
                         "set status: ratified"))
    if ratified and status in ("signed", "signed-not-ratified"):
        problems.append(("status", f"status '{status}' but a ratification date is given",
                         "set status: ratified, or remove the ratification date"))
    if record.get("scope") == "bilateral" and len(record.get("parties", [])) > 2:
        problems.append(("parties", "a bilateral agreement has two parties",
                         "set scope: multilateral, or list only the two parties"))
    if ratified and ratified.year < INDEPENDENCE_YEAR:
        problems.append(("ratified", f"ratified in {ratified.year}, before Kazakhstan's "
                         f"independence in {INDEPENDENCE_YEAR}",
                         "the date is Kazakhstan's ratification or accession; check it against "
                         "the passage (the signature of a multilateral treaty goes in `signed`)"))
    this_year = dt.date.today().year
    for name in ("signed", "ratified", "effective"):
        value = record.get(name)
        if value and value.year > this_year:
            problems.append((name, f"{name} in {value.year}, a year that has not come",
                             "check the year against the passage; a planned agreement has "
                             "status planned and no dates"))
    if record.get("supplements") == record.id:
        problems.append(("supplements", "an agreement cannot supplement itself",
                         "name the agreement it supplements"))
    return problems


def _agreement_vocabulary(graph: Graph) -> None:
    """The SKOS schemes of agreement types, scopes and statuses."""
    for scheme, en, ru, codes, iri in (
            (TYPE_SCHEME, "International agreement types", "Виды международных договоров",
             AGREEMENT_TYPES, type_iri),
            (SCOPE_SCHEME, "International agreement scopes", "Охват международных договоров",
             SCOPES, scope_iri),
            (STATUS_SCHEME, "Status of an international agreement for Kazakhstan",
             "Статус международного договора для Казахстана", STATUSES, status_iri)):
        graph.add((scheme, RDF.type, SKOS.ConceptScheme))
        graph.add((scheme, SKOS.prefLabel, Literal(en, lang="en")))
        graph.add((scheme, SKOS.prefLabel, Literal(ru, lang="ru")))
        for code, labels in codes.items():
            concept = iri(code)
            graph.add((concept, RDF.type, SKOS.Concept))
            graph.add((concept, SKOS.inScheme, scheme))
            graph.add((concept, SKOS.topConceptOf, scheme))
            graph.add((concept, SKOS.notation, Literal(code)))
            graph.add((concept, SKOS.prefLabel, Literal(labels[0], lang="en")))
            graph.add((concept, SKOS.prefLabel, Literal(labels[1], lang="ru")))
            graph.add((concept, RDFS.label, Literal(labels[0], lang="en")))
            if len(labels) > 2:
                graph.add((concept, SKOS.definition, Literal(labels[2], lang="en")))


register(Kind(
    name="agreement",
    doc="An international agreement Kazakhstan signed, ratified or is negotiating.",
    fields=(
        Field("title", "langtext", required=True),
        Field("alt_titles", "text", many=True, doc="other titles the document uses"),
        Field("agreement_type", "enum", required=True, choices=tuple(AGREEMENT_TYPES)),
        Field("scope", "enum", choices=tuple(SCOPES)),
        Field("signed", "date", doc="signature by Kazakhstan, as precise as the text states it"),
        Field("ratified", "date", doc="ratification by Kazakhstan, as precise as stated"),
        Field("effective", "date",
              doc="when it (or the arrangement it set up) took effect, where the text gives only that"),
        Field("parties", "ref", many=True, refs=("country", "country-group", "organisation"),
              doc="the parties the text names or implies (a grouping for 'the CIS states')"),
        Field("party_count", "int", doc="the number of parties or signatories the text states"),
        Field("ratified_by", "ref", many=True, refs=("act",),
              doc="the act by which Kazakhstan ratified it"),
        Field("supplements", "ref", refs=("agreement",), doc="the agreement it supplements"),
        Field("summary", "text", doc="what it provides, in our words"),
        Field("status", "enum", required=True, choices=tuple(STATUSES),
              doc="its status for Kazakhstan as the text gives it"),
        Field("wikidata", "text"),
    ),
    iri=agreement_iri, to_rdf=_agreement_to_rdf, check=_check_agreement,
    vocabulary=_agreement_vocabulary,
))

__all__ = ["AGREEMENT_TYPES", "STATUSES", "agreement_iri", "status_iri", "type_iri"]
