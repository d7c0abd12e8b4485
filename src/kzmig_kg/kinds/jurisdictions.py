"""Jurisdictions as data: each state's act types, issuers and numbering as a SKOS scheme in data/,
and acts of any jurisdiction recorded with it, so a Kyrgyz or Uzbek law is recorded and published
with its own ELI jurisdiction and types with no change to the code.

- ``jurisdiction``: one record per state (data/jurisdictions/<id>.yaml); the record id is the ELI
  segment of its acts' IRIs (``kg``), ``code`` its ISO 3166-1 alpha-3 (``eli:jurisdiction`` is the
  EU country authority), ``act_types`` its kinds of act (a ``skos:Concept`` and
  ``eli:ResourceType`` each, with the project's generic type they correspond to, which the loader
  reads citations as), ``issuers`` the bodies that pass them, ``number_pattern`` how its acts are
  numbered, ``registry`` the official database whose identifiers go in ``eli:id_local``,
  ``named_acts`` the codes and laws texts name by title alone, with their numbers, dates and the
  pages that confirm them (read by the loader, not published);
- ``jurisdiction-act``: an act of such a jurisdiction, at
  ``https://w3id.org/kzmig/eli/{jurisdiction}/{act type}/{year}/{number}``.

Kazakhstan's acts keep their own kind (``act``, kinds/acts.py); its scheme here states the same
types as data, each ``skos:exactMatch`` the concept the ``act`` kind uses.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from ..errors import KzmigError
from ..mapping import Field, Kind, MappingContext, Record, register, typed
from ..namespaces import BASE, DCTERMS, ELI, EUC, KZC, KZO, KZT, RDFS, SKOS

ELI_BASE = BASE + "eli/"
_SEGMENT = re.compile(r"^[a-z]{2,3}$")
_SLUG = re.compile(r"^[a-z][a-z0-9-]*$")


def jurisdiction_iri(record: Record) -> URIRef:
    return KZC[f"jurisdiction/{record.id}"]


def act_type_iri(jurisdiction: str, slug: str) -> URIRef:
    return KZC[f"jurisdiction/{jurisdiction}/act-type/{slug}"]


def _jurisdiction_to_rdf(record: Record, ctx: MappingContext) -> None:
    scheme = jurisdiction_iri(record)
    typed(ctx, scheme, SKOS.ConceptScheme)
    ctx.text(scheme, SKOS.prefLabel, record.get("name"))
    ctx.text(scheme, RDFS.label, record.get("name"))
    ctx.add(scheme, SKOS.notation, Literal(record.get("code")))
    ctx.add(scheme, SKOS.exactMatch, EUC[record.get("code")])
    if record.get("registry"):
        ctx.add(scheme, RDFS.seeAlso, URIRef(record.get("registry")))
    if record.get("number_pattern"):
        ctx.add(scheme, SKOS.scopeNote, Literal(f"act numbers: {record.get('number_pattern')}", lang="en"))
    for act_type in record.get("act_types", []):
        concept = act_type_iri(record.id, act_type["id"])
        typed(ctx, concept, SKOS.Concept, ELI.ResourceType)
        ctx.add(concept, SKOS.inScheme, scheme)
        ctx.add(concept, SKOS.topConceptOf, scheme)
        ctx.add(concept, SKOS.notation, Literal(act_type["id"]))
        for lang in ("en", "ru", "kk", "ky", "uz", "tg"):
            if act_type.get(lang):
                ctx.add(concept, SKOS.prefLabel, Literal(act_type[lang], lang=lang))
        ctx.add(concept, RDFS.label, Literal(act_type["en"], lang="en"))
        if act_type.get("generic"):
            ctx.add(concept, SKOS.closeMatch if record.id != "kz" else SKOS.exactMatch,
                    KZT[act_type["kz_slug"]] if act_type.get("kz_slug") else KZT[act_type["id"]])
    for issuer in record.get("issuers", []):
        body = KZC[f"jurisdiction/{record.id}/issuer/{issuer['id']}"]
        typed(ctx, body, SKOS.Concept)
        ctx.add(body, SKOS.inScheme, scheme)
        for lang in ("en", "ru", "kk", "ky", "uz", "tg"):
            if issuer.get(lang):
                ctx.add(body, SKOS.prefLabel, Literal(issuer[lang], lang=lang))


def _check_jurisdiction(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    if not _SEGMENT.match(record.id):
        problems.append(("id", f"'{record.id}' is not an ELI jurisdiction segment",
                         "use the lower-case ISO 3166-1 alpha-2 code of the state, e.g. kg"))
    if not re.fullmatch(r"[A-Z]{3}", record.get("code") or ""):
        problems.append(("code", f"'{record.get('code')}' is not an ISO 3166-1 alpha-3 code", "e.g. KGZ"))
    seen: set[str] = set()
    for act_type in record.get("act_types", []):
        if not _SLUG.match(act_type["id"]) or act_type["id"] in seen:
            problems.append(("act_types", f"act type id '{act_type['id']}' is not a unique slug",
                             "lower-case letters, digits and '-', once per scheme"))
        seen.add(act_type["id"])
        issuers = {i["id"] for i in record.get("issuers", [])}
        if act_type.get("issued_by") and act_type["issued_by"] not in issuers:
            problems.append(("act_types", f"act type {act_type['id']}: issued_by '{act_type['issued_by']}' "
                             "is not one of the scheme's issuers", "name the id of one of its `issuers`"))
        for name in ("head_re", "issuer_re", "number_re"):
            problems += _pattern_problem("act_types", f"act type {act_type['id']}: {name}",
                                         act_type.get(name))
    return problems + _named_act_problems(record) + \
        _pattern_problem("cited_as", "", record.get("cited_as")) + \
        _pattern_problem("named_as", "", record.get("named_as"))


def _named_act_problems(record: Record) -> list[tuple[str, str, str]]:
    """A code or law named by title (``named_acts``) must be one of the scheme's types, issued by
    one of its issuers, dated to the day, with a pattern that compiles and a unique id."""
    problems: list[tuple[str, str, str]] = []
    generics = {t.get("generic") for t in record.get("act_types", []) if t.get("generic")}
    issuers = {i["id"] for i in record.get("issuers", [])}
    seen: set[str] = set()
    for entry in record.get("named_acts", []):
        where = f"named act {entry['id']}"
        if not _SLUG.match(entry["id"]) or entry["id"] in seen:
            problems.append(("named_acts", f"{where}: the id is not a unique slug",
                             "lower-case letters, digits and '-', once per scheme"))
        seen.add(entry["id"])
        if entry["act_type"] not in generics:
            problems.append(("named_acts", f"{where}: act_type '{entry['act_type']}' is not the generic "
                             "type of one of the scheme's act types",
                             f"use one of {', '.join(sorted(generics))}"))
        if entry.get("issuer") and entry["issuer"] not in issuers:
            problems.append(("named_acts", f"{where}: issuer '{entry['issuer']}' is not one of the "
                             "scheme's issuers", "name the id of one of its `issuers`"))
        if entry["date"].precision != "day":
            problems.append(("named_acts", f"{where}: date '{entry['date']}' is not a day",
                             "give the date of adoption as YYYY-MM-DD, as the evidence page prints it"))
        if not entry.get("number") and entry["act_type"] != "constitution":
            problems.append(("named_acts", f"{where}: no number", "give its official number (414-V)"))
        problems += _pattern_problem("named_acts", f"{where}: names_re", entry["names_re"])
    return problems


def _pattern_problem(field: str, where: str, pattern: str | None) -> list[tuple[str, str, str]]:
    """A pattern the loader reads citations with must compile (loader/extract/schemes.py)."""
    try:
        re.compile(pattern or "")
    except re.error as error:
        return [(field, f"{where} '{pattern}' is not a regular expression ({error})".strip(),
                 "write a Python regular expression, e.g. decision|решени")]
    return []


_TYPE_FIELDS = (
    Field("id", "text", required=True, doc="slug: the IRI segment of this type (zakon, kodeks)"),
    Field("en", "text", required=True), Field("ru", "text"), Field("kk", "text"), Field("ky", "text"),
    Field("uz", "text"),
    Field("generic", "text", doc="the project's generic act type the loader reads it as (law, code, "
                                 "presidential-decree, government-resolution, ...)"),
    Field("kz_slug", "text", doc="the matching concept of the Kazakh scheme (vocab/act-type/...)"),
    Field("class", "text", doc="the ontology class of acts of this type (Kazakhstan's scheme: "
                                "kinds/acts.py reads it)"),
    Field("records", "text", doc="the kind of record this type is for, when not `act` (agreement)"),
    Field("tg", "text"),
    Field("head_re", "text", doc="how a citation's head names this type (a regular expression, case-"
                                 "insensitive), for types the loader reads from the scheme"),
    Field("issuer_re", "text", doc="the issuer such a citation names (regular expression)"),
    Field("number_re", "text", doc="the mark of such an act's number (regular expression: ^ПП-)"),
    Field("only_here", "bool", doc="the type exists in this jurisdiction only, so a citation that "
                                   "names no state is of this one"),
    Field("issued_by", "text", doc="the id of the issuer (of `issuers`) the type implies, named when "
                                   "a citation gives only the number (ПП-3666: the President)"),
    Field("issued_since", "int", doc="the year from which `issued_by` issues acts of this type (a law of "
                                     "Kazakhstan is the Parliament's from 1996, the Supreme Council's "
                                     "before): ingest drafts a cited act of a later year with that issuer"),
)

_NAMED_ACT_FIELDS = (
    Field("id", "text", required=True, doc="slug: labour-code"),
    Field("act_type", "text", required=True, doc="the generic type (code, law, constitution)"),
    Field("number", "text", doc="official number as the evidence page prints it (414-V)"),
    Field("date", "date", required=True, doc="date of adoption, YYYY-MM-DD"),
    Field("issuer", "text", doc="the id of the issuer (of `issuers`) that passed it"),
    Field("id_local", "text", doc="its identifier in the registry, when a stored page confirms it"),
    Field("en", "text", required=True), Field("ru", "text"), Field("kk", "text"),
    Field("names_re", "text", required=True, doc="how texts name it in any language and case (a regular "
                                                  "expression, case-insensitive)"),
    Field("evidence", "iri", required=True, many=True, doc="the addresses of the pages that confirm its "
                                                            "number, date and identifier"),
)

register(Kind(
    name="jurisdiction",
    doc="A state whose legal acts the graph records: its act types, issuers and numbering (SKOS).",
    fields=(
        Field("code", "text", required=True, doc="ISO 3166-1 alpha-3"),
        Field("name", "langtext", required=True),
        Field("registry", "iri", doc="the official legal database (its ids go in eli:id_local)"),
        Field("number_pattern", "text", doc="how acts are numbered, e.g. '477-IV (serial-convocation)'"),
        Field("cited_as", "text", doc="how citations name the state (a regular expression, case-"
                                      "insensitive): the loader reads a citation's jurisdiction by it"),
        Field("named_as", "text", doc="how a text names the state itself in any form (a regular "
                                      "expression): a citation that names no state, in a text whose "
                                      "citations name none, is of the one state the text names"),
        Field("act_types", "struct", many=True, fields=_TYPE_FIELDS),
        Field("named_acts", "struct", many=True, fields=_NAMED_ACT_FIELDS,
              doc="codes and principal laws texts name by title alone, with their numbers and dates "
                  "and the pages that confirm them (the loader completes such citations from them)"),
        Field("issuers", "struct", many=True, fields=(
            Field("id", "text", required=True), Field("en", "text", required=True),
            Field("ru", "text"), Field("kk", "text"), Field("ky", "text"), Field("uz", "text"),
            Field("tg", "text"))),
    ),
    iri=jurisdiction_iri, to_rdf=_jurisdiction_to_rdf, check=_check_jurisdiction,
    needs_passages=False,     # its evidence is the official registry it names, not a passage
))


def jurisdiction_act_iri(record: Record) -> URIRef:
    date = record.get("date")
    year = date.year if date else "undated"
    number = record.get("number")
    natural = number if number and re.fullmatch(r"[0-9A-Za-z-]+", number) else record.id
    return URIRef(f"{ELI_BASE}{record.get('jurisdiction')}/{record.get('act_type')}/{year}/{natural}")


def _jurisdiction_act_to_rdf(record: Record, ctx: MappingContext) -> None:
    act = jurisdiction_act_iri(record)
    scheme = ctx.record(record.get("jurisdiction"))
    slugs = {t["id"] for t in scheme.get("act_types", [])}
    if record.get("act_type") not in slugs:
        raise KzmigError(f"{record.file}:{record.line_of('act_type')}: act_type "
                         f"'{record.get('act_type')}' is not a type of jurisdiction "
                         f"'{scheme.id}' ({', '.join(sorted(slugs))}); add it to its scheme or use one")
    typed(ctx, act, ELI.LegalResource, ELI.Work)
    ctx.add(act, ELI.type_document, act_type_iri(scheme.id, record.get("act_type")))
    ctx.add(act, ELI.jurisdiction, EUC[scheme.get("code")])
    if record.get("number"):
        ctx.add(act, ELI.number, Literal(record.get("number")))
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
    ctx.text(act, ELI.description, record.get("effect"))
    for target in ctx.refs(record, "amends"):
        ctx.add(act, ELI.amends, target)
    if record.get("id_local"):
        ctx.add(act, ELI.id_local, Literal(record.get("id_local")))
    if record.get("page"):
        ctx.add(act, RDFS.seeAlso, URIRef(record.get("page")))


register(Kind(
    name="jurisdiction-act",
    doc="A legal act of a jurisdiction described by a `jurisdiction` scheme (e.g. a Kyrgyz law).",
    fields=(
        Field("jurisdiction", "ref", required=True, refs=("jurisdiction",)),
        Field("act_type", "text", required=True, doc="the id of one of the jurisdiction's act types"),
        Field("number", "text", doc="official number as the jurisdiction writes it"),
        Field("cited_as", "text", many=True, doc="the citations as the documents write them"),
        Field("date", "date", doc="date of adoption or signature"),
        Field("title", "langtext", required=True),
        Field("effect", "text", required=True, doc="what it did, in our own words"),
        Field("amends", "ref", many=True, refs=("jurisdiction-act",)),
        Field("id_local", "text", doc="its identifier in the jurisdiction's official database"),
        Field("page", "iri", doc="the address of the page that confirms it (evidence)"),
    ),
    iri=jurisdiction_act_iri, to_rdf=_jurisdiction_act_to_rdf,
))

__all__ = ["ELI_BASE", "act_type_iri", "jurisdiction_act_iri", "jurisdiction_iri"]
