"""Legal acts of Kazakhstan, modelled with ELI 1.5 (one eli:LegalResource per act).

The act types (their ontology classes, IRI segments and labels) are data: the scheme of the `kz`
jurisdiction in data/jurisdictions/kz.yaml, read once here (``ACT_TYPES``, by the generic name an
``act`` record's ``act_type`` gives); no Kazakh act type is named in code.

IRIs follow https://w3id.org/kzmig/eli/kz/{type}/{year}/{number}; an act whose number the source
does not state uses its record id in place of the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from rdflib import Graph, Literal, URIRef

from ..errors import KzmigError, RecordError
from ..mapping import Field, Kind, MappingContext, Record, register, typed
from ..namespaces import DCTERMS, ELI, EUC, EUL, KZELI, KZO, KZT, RDF, RDFS, SKOS
from ..paths import KAZAKH_SCHEME
from .evidence import PAGE_LANGUAGES, adilet_page, evidence_iri


@dataclass(frozen=True)
class ActType:
    cls: str       # ontology class local name
    slug: str      # IRI segment and act-type concept (transliterated Russian name)
    en: str
    ru: str


def _kazakh_act_types() -> tuple[dict[str, ActType], dict[str, ActType]]:
    """Kazakhstan's act types from its jurisdiction scheme (data/jurisdictions/kz.yaml), by the
    generic name the records use: those of ``act`` records, and those of other kinds (treaties)."""
    try:
        top = yaml.safe_load(KAZAKH_SCHEME.read_text(encoding="utf-8")) or {}
        [scheme] = [r for r in top.get("records", []) if r.get("code") == "KAZ"]
        acts: dict[str, ActType] = {}
        others: dict[str, ActType] = {}
        for entry in scheme["act_types"]:
            target = others if entry.get("records") else acts
            target[entry["generic"]] = ActType(entry["class"], entry["id"], entry["en"], entry["ru"])
    except (OSError, yaml.YAMLError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise KzmigError(f"{KAZAKH_SCHEME}: Kazakhstan's act types cannot be read ({error!r}); each of "
                         "its act_types needs id, class, en, ru and generic") from None
    return acts, others


ACT_TYPES, OTHER_ACT_TYPES = _kazakh_act_types()
STATUSES = {
    "in-force": ELI["InForce-inForce"],
    "not-in-force": ELI["InForce-notInForce"],
    "partially-in-force": ELI["InForce-partiallyInForce"],
}
ADILET_ID = re.compile(r"^[A-Z][0-9]{2}[0-9A-Z]{7}[0-9A-Z_]$")
URI_SAFE_NUMBER = re.compile(r"^[0-9A-Za-z-]+$")
ADILET_PAGE = "https://adilet.zan.kz/rus/docs/"
HTML = URIRef("http://www.iana.org/assignments/media-types/text/html")
# a convocation suffix is a Roman numeral (477-IV, 2586-XII, 50-VIII)
ROMAN = re.compile(r"^X{0,3}(IX|IV|V?I{0,3})$")
# Years of each convocation that numbers acts (477-IV): the Supreme Council of the Kazakh SSR and
# then the Republic (XII, XIII), the Parliament since 30 January 1996 (I to VIII). A convocation's
# first and last years overlap with its neighbours', since elections fall within a year.
CONVOCATIONS: dict[str, tuple[int, int | None]] = {
    "XII": (1990, 1993), "XIII": (1994, 1995), "I": (1996, 1999), "II": (1999, 2004),
    "III": (2004, 2007), "IV": (2007, 2012), "V": (2012, 2016), "VI": (2016, 2021),
    "VII": (2021, 2023), "VIII": (2023, None),
}
# Kazakhstan declared independence on 16 December 1991: an act dated before it is an act of the
# Kazakh SSR (a union republic from 5 December 1936), and is accepted only when typed as one
INDEPENDENCE = "1991-12-16"
KAZAKH_SSR_FROM = "1936-12-05"
SSR_ACT = "kazakh-ssr-act"
_YEAR_IN_ID = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")
# only these act types ratify treaties in Kazakhstan (laws; before 1995 Supreme Council resolutions;
# in 1995 presidential decrees having the force of law)
RATIFYING_TYPES = ("law", "constitutional-law", "supreme-council-resolution",
                   "decree-having-force-of-law", "presidential-decree")


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
    adopted = record.get("date_adopted")
    if adopted:
        ctx.add(act, ELI.date_document, adopted.literal())
    if date:
        if date.precision == "day" and not adopted:
            ctx.add(act, ELI.date_document, date.literal())
        ctx.add(act, KZO.dateStated, date.literal())
        ctx.add(act, KZO.year, date.year_literal())
    in_force = record.get("in_force_from")
    if in_force:
        if in_force.precision == "day":
            ctx.add(act, ELI.first_date_entry_in_force, in_force.literal())
        ctx.add(act, KZO.inForceFromStated, in_force.literal())
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
    for target in ctx.refs(record, "commences"):
        ctx.add(act, ELI.commences, target)
        ctx.add(act, ELI.changes, target)
    for target in ctx.refs(record, "replaces"):
        ctx.add(act, DCTERMS.replaces, target)
    for basis in ctx.refs(record, "based_on"):
        ctx.add(act, ELI.based_on, basis)
    for agreement in ctx.refs(record, "ratifies"):
        ctx.add(act, KZO.ratifies, agreement)
        ctx.add(act, ELI.refers_to, agreement)
    for other in ctx.refs(record, "refers_to"):
        ctx.add(act, ELI.refers_to, other)
    if record.get("adilet_id"):
        ctx.add(act, ELI.id_local, Literal(record.get("adilet_id")))
        ctx.add(act, RDFS.seeAlso, URIRef(ADILET_PAGE + record.get("adilet_id")))
    for page in ctx.refs(record, "evidence"):
        ctx.add(act, KZO.confirmedBy, page)
        if not record.get("passages"):
            ctx.add(act, DCTERMS.source, page)   # an act known from Adilet alone, not the thesis
    _adilet_versions(record, ctx, act)
    if record.get("status") in STATUSES:
        ctx.add(act, ELI.in_force, STATUSES[record.get("status")])
    if record.get("status") == "draft":
        ctx.add(act, KZO.legislativeStatus, Literal("draft under consideration", lang="en"))
    if record.get("wikidata"):
        ctx.add(act, SKOS.exactMatch, URIRef(f"http://www.wikidata.org/entity/{record.get('wikidata')}"))


def _adilet_versions(record: Record, ctx: MappingContext, act: URIRef) -> None:
    """One eli:LegalExpression per language of `official_title` (its eli:title), embodied by an
    HTML eli:Format whose exemplar is the stored Adilet page of that language (ELI's FRBR levels:
    the page is never the act itself)."""
    titles = record.get("official_title") or {}
    own_id = record.get("adilet_id")
    pages: dict[str, list[Record]] = {}      # the act's own Adilet pages, by language tag
    for evidence_id in record.get("evidence", []):
        page = ctx.records.by_id.get(evidence_id)
        adilet = adilet_page(str(page.get("url"))) if page is not None else None
        if adilet and adilet[1] == own_id:
            pages.setdefault(PAGE_LANGUAGES[adilet[0]][0], []).append(page)
    if own_id and not pages:
        ctx.errors.append(RecordError(
            record.file, record.line_of("adilet_id"), "adilet_id",
            f"no Adilet page of document {own_id} in `evidence` confirms the ID",
            "name the stored page (https://adilet.zan.kz/.../docs/ID) in `evidence`, or leave the "
            "ID out and say in `note` that no stored page confirms it"))
    for tag, title in titles.items():
        matching = [p for p in pages.get(tag, [])
                    if isinstance(p.get("title"), dict) and p.get("title").get(tag) == title]
        if not matching:
            ctx.errors.append(RecordError(
                record.file, record.line_of("official_title"), "official_title",
                f"no Adilet page in `evidence` gives the {tag} title '{title}'",
                "copy the title exactly as the stored page of that language gives it, and name "
                "the page in `evidence`"))
            continue
        lang3 = next(k for k, (t, _) in PAGE_LANGUAGES.items() if t == tag)
        expression, fmt = URIRef(f"{act}/{lang3}"), URIRef(f"{act}/{lang3}/html")
        typed(ctx, expression, ELI.LegalExpression, ELI.Expression)
        ctx.add(act, ELI.is_realized_by, expression)
        ctx.add(expression, ELI.realizes, act)
        ctx.add(expression, ELI.language, EUL[PAGE_LANGUAGES[lang3][1]])
        ctx.add(expression, ELI.title, Literal(title, lang=tag))
        typed(ctx, fmt, ELI.Format, ELI.Manifestation)
        ctx.add(expression, ELI.is_embodied_by, fmt)
        ctx.add(fmt, ELI.embodies, expression)
        ctx.add(fmt, ELI["format"], HTML)
        ctx.add(fmt, ELI.media_type, HTML)
        for page in matching:
            ctx.add(fmt, ELI.is_exemplified_by, URIRef(str(page.get("url"))))
            ctx.add(fmt, KZO.confirmedBy, evidence_iri(page))


ACT_TYPE_SCHEME = KZT[""]


def _act_type_vocabulary(graph: Graph) -> None:
    """The SKOS scheme of Kazakh act types that eli:type_document points to."""
    graph.add((ACT_TYPE_SCHEME, RDF.type, SKOS.ConceptScheme))
    graph.add((ACT_TYPE_SCHEME, SKOS.prefLabel, Literal("Kazakh legal act types", lang="en")))
    graph.add((ACT_TYPE_SCHEME, SKOS.prefLabel, Literal("Виды правовых актов Казахстана", lang="ru")))
    for act_type in (*ACT_TYPES.values(), *OTHER_ACT_TYPES.values()):
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
    act_type = record.get("act_type")
    value = record.get("adilet_id")
    if value and not ADILET_ID.match(value):
        problems.append(("adilet_id", f"'{value}' does not look like an Adilet document ID",
                         "11 characters such as Z1100000477 or U950002337_; leave out if unknown"))
    number = record.get("number")
    if number and re.search(r"-[IVX]*1[IVX]*$", number):
        problems.append(("number", f"'{number}' looks like OCR damage (1 for I)",
                         "normalise the Roman numeral, e.g. 477-IV; keep the printed form in "
                         "number_as_printed"))
    elif number and re.search(r"-[A-Za-z]+$", number) and not (
            number.rsplit("-", 1)[1].isupper() and ROMAN.match(number.rsplit("-", 1)[1])):
        problems.append(("number", f"'{number}' ends in '{number.rsplit('-', 1)[1]}', which is "
                         "not a convocation numeral",
                         "the suffix of a Kazakh act number is an upper-case Roman numeral "
                         "(477-IV, 2586-XII); keep other printed forms in number_as_printed"))
    if not record.get("passages") and not (record.get("evidence") and record.get("adilet_id")
                                           or record.get("evidence") and record.get("note")):
        problems.append(("passages", "an act without passages of the thesis and without the "
                         "Adilet page it comes from",
                         "give the passages, or name the Adilet page in `evidence` (with its "
                         "adilet_id or a note saying where on the page the act is listed)"))
    if not number and not record.get("note"):
        problems.append(("number", "the act has no number and no note saying why",
                         "give the official number, or say in `note` that the source gives none"))
    status = record.get("status")
    if (act_type == "draft-law") != (status == "draft"):
        problems.append(("status", f"a {act_type} with status '{status}': a draft law and only "
                         "a draft law has status 'draft'",
                         "write `status: draft` on a draft-law, or change act_type"))
    if record.get("ratifies") and act_type not in RATIFYING_TYPES:
        problems.append(("ratifies", f"a {act_type} cannot ratify an international agreement",
                         "ratification is by a law (before 1995 a Supreme Council resolution); "
                         "use refers_to for other acts that concern an agreement"))
    date, adopted = record.get("date"), record.get("date_adopted")
    if adopted and adopted.precision != "day":
        problems.append(("date_adopted", f"'{adopted}' is not a full date",
                         "date_adopted is the exact adoption date (YYYY-MM-DD) from a verified "
                         "reference; put partial dates in `date`"))
    elif adopted and date and str(adopted)[:len(str(date))] != str(date):
        problems.append(("date_adopted", f"'{adopted}' contradicts the stated date '{date}'",
                         "date_adopted must fall within the date the source states; record the "
                         "contradiction in `note` and keep the stated date"))
    in_force = record.get("in_force_from")
    if in_force and date:
        common = min(len(str(in_force)), len(str(date)))
        if str(in_force)[:common] < str(date)[:common]:
            problems.append(("in_force_from", f"in force from {in_force}, before the act's date "
                             f"{date}", "an act cannot take effect before it is adopted; check "
                             "both dates against the passage"))
    problems += _check_act_dates(record, number, date)
    for name in ("amends", "repeals", "commences", "replaces", "based_on"):
        if record.id in record.get(name, []):
            problems.append((name, f"the act refers to itself in '{name}'",
                             "point to the other act's id"))
    return problems


def _check_act_dates(record: Record, number: str | None, date) -> list[tuple[str, str, str]]:
    """The year in the id, the date, the number's convocation and independence must agree."""
    problems = []
    years_in_id = [int(y) for y in _YEAR_IN_ID.findall(record.id)]
    if date is not None and years_in_id and date.year not in years_in_id:
        problems.append(("date", f"the date {date} contradicts the year in the id '{record.id}'",
                         "make the id's year agree with the date field"))
    year = date.year if date is not None else (years_in_id[0] if years_in_id else None)
    if year is not None:
        problems += _independence_problems(record.get("act_type"), str(date or year), year)
    suffix = number.rsplit("-", 1)[1] if number and "-" in number else ""
    if year is not None and suffix in CONVOCATIONS:
        first, last = CONVOCATIONS[suffix]
        if year < first or (last is not None and year > last):
            span = f"{first}-{last}" if last else f"{first} on"
            problems.append(("number", f"'{number}' names convocation {suffix} ({span}), which "
                             f"did not sit in {year}",
                             "check the number's suffix and the date against the passage"))
    return problems


def _independence_problems(act_type: str, stated: str, year: int) -> list[tuple[str, str, str]]:
    """An act wholly before independence must be typed as an act of the Kazakh SSR; an act of
    the Kazakh SSR must fall within the republic's years. ``stated`` is YYYY[-MM[-DD]]: a year or
    month that straddles a boundary is accepted either way."""
    before_independence = stated < INDEPENDENCE[:len(stated)]
    if stated < KAZAKH_SSR_FROM[:len(stated)]:
        return [("date", f"an act of {year}, before the Kazakh SSR ({KAZAKH_SSR_FROM}) and "
                 f"independence ({INDEPENDENCE})",
                 "check the year against the passage (OCR may misread digits)")]
    if before_independence and act_type != SSR_ACT:
        return [("act_type", f"an act of {stated}, before independence ({INDEPENDENCE}), typed as "
                 f"{act_type}", f"an act of the Kazakh SSR has act_type: {SSR_ACT}; otherwise "
                 "check the date against the passage (OCR may misread digits)")]
    if act_type == SSR_ACT and stated > INDEPENDENCE[:len(stated)]:
        return [("act_type", f"an act of the Kazakh SSR dated {stated}, after independence "
                 f"({INDEPENDENCE})", "give the act type of the Republic of Kazakhstan, or check "
                 "the date against the passage")]
    return []


register(Kind(
    name="act",
    doc="A legal act of Kazakhstan (law, code, resolution, decree, order, instruction, draft).",
    fields=(
        Field("act_type", "enum", required=True, choices=tuple(ACT_TYPES)),
        Field("number", "text", doc="official number, normalised (477-IV, not 477-1V)"),
        Field("number_as_printed", "text", many=True, doc="the number as the source prints it"),
        Field("cited_as", "text", many=True, doc="the citations as the source writes them"),
        Field("date", "date", doc="date of adoption or signature, as precise as the text gives"),
        Field("date_adopted", "date",
              doc="exact adoption date (YYYY-MM-DD) from a verified reference (Adilet) where the "
                  "text gives less; becomes eli:date_document"),
        Field("in_force_from", "date",
              doc="date the act (or the change the text describes) took effect, as stated"),
        Field("title", "langtext", required=True, doc="official title, or its subject if unknown"),
        Field("subject", "text", doc="what the act is about"),
        Field("effect", "text", required=True, doc="what it did, in our own words"),
        Field("issuer", "ref", many=True, refs=("organisation",)),
        Field("amends", "ref", many=True, refs=("act",)),
        Field("repeals", "ref", many=True, refs=("act",)),
        Field("commences", "ref", many=True, refs=("act",),
              doc="acts this act brings into force (eli:commences)"),
        Field("replaces", "ref", many=True, refs=("act",),
              doc="acts this act supersedes where a formal repeal is not established (dct:replaces)"),
        Field("based_on", "ref", many=True, refs=("act",)),
        Field("ratifies", "ref", many=True, refs=("agreement",)),
        Field("refers_to", "ref", many=True, refs=("act", "agreement")),
        Field("adilet_id", "text",
              doc="only where a stored Adilet page named in `evidence` shows it; never parsed "
                  "for meaning"),
        Field("official_title", "langtext",
              doc="the title as the Adilet page of each language in `evidence` gives it (ru from "
                  "/rus/, kk from /kaz/, en from the unofficial /eng/ translation), copied exactly"),
        Field("evidence", "ref", many=True, refs=("evidence",),
              doc="pages outside the thesis that confirm the act's identifier, number or dates"),
        Field("status", "enum", choices=("in-force", "not-in-force", "partially-in-force",
                                         "draft", "unknown")),
        Field("wikidata", "text"),
    ),
    iri=act_iri, to_rdf=_act_to_rdf, check=_check_act, vocabulary=_act_type_vocabulary,
))
