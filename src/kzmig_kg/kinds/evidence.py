"""Pages outside the thesis that confirm a fact about a record (e.g. an act's Adilet page for its
official identifier, title and adoption date): each a source of its own, cited by its address."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from ..mapping import Field, Kind, MappingContext, Record, register, typed
from ..namespaces import DCTERMS, EUL, FOAF, KZD, KZO, PROV, RDFS, SCHEMA

# an Adilet page address: language version (rus, kaz, eng) and the document's Adilet ID; the ID is
# only compared with the act's eli:id_local, never parsed for meaning
ADILET_PAGE = re.compile(r"^https://(?:www\.)?adilet\.zan\.kz/(rus|kaz|eng)/docs/([0-9A-Z_]{11})(?:[/?#]|$)")
# the language of each Adilet version, as a language tag and an EU language authority code
PAGE_LANGUAGES = {"rus": ("ru", "RUS"), "kaz": ("kk", "KAZ"), "eng": ("en", "ENG")}


def evidence_iri(record: Record) -> URIRef:
    return KZD[f"evidence/{record.id}"]


def adilet_page(url: str) -> tuple[str, str] | None:
    """(language version, Adilet ID) of an Adilet page address, or None for any other page."""
    match = ADILET_PAGE.match(url)
    return (match.group(1), match.group(2)) if match else None


def _evidence_to_rdf(record: Record, ctx: MappingContext) -> None:
    page = evidence_iri(record)
    typed(ctx, page, KZO.ExternalEvidence, PROV.Entity, FOAF.Document)
    ctx.add(page, SCHEMA.url, URIRef(record.get("url")))
    ctx.add(page, DCTERMS.publisher, Literal(record.get("publisher")))
    ctx.text(page, DCTERMS.title, record.get("title"))
    if record.get("title"):
        ctx.text(page, RDFS.label, record.get("title"))
    else:
        ctx.add(page, RDFS.label, Literal(str(record.get("url"))))
    ctx.add(page, KZO.confirms, Literal(record.get("confirms"), lang="en"))
    adilet = adilet_page(str(record.get("url")))
    if adilet:
        ctx.add(page, DCTERMS.language, EUL[PAGE_LANGUAGES[adilet[0]][1]])
        ctx.add(page, DCTERMS.identifier, Literal(adilet[1]))


def _check_evidence(record: Record) -> list[tuple[str, str, str]]:
    url = str(record.get("url") or "")
    if not url.startswith("https://"):
        return [("url", f"'{url}' is not an https address", "give the address of the stored page")]
    if "adilet.zan.kz" in url and not adilet_page(url):
        return [("url", f"'{url}' is not the address of an Adilet document page",
                 "give https://adilet.zan.kz/{rus|kaz|eng}/docs/{Adilet ID}... as stored")]
    adilet = adilet_page(url)
    title = record.get("title")
    if adilet and isinstance(title, dict) and PAGE_LANGUAGES[adilet[0]][0] not in title:
        lang = PAGE_LANGUAGES[adilet[0]][0]
        return [("title", f"the /{adilet[0]}/ page's title is not given in '{lang}'",
                 f"write the title as the page shows it, e.g. title: {{{lang}: ...}}")]
    return []


register(Kind(
    name="evidence",
    doc="A page outside the thesis (Adilet, Wikidata...) that confirms facts of a record; the "
        "record names it in its 'evidence' field.",
    fields=(
        Field("url", "text", required=True, doc="the address of the page"),
        Field("publisher", "text", required=True, doc="e.g. 'Adilet (Institute of Legislation and "
                                                      "Legal Information of the Republic of Kazakhstan)'"),
        Field("title", "langtext",
              doc="the page's title, as it gives it (an Adilet page: the act's title in the page's "
                  "language); left out when the stored text of the page shows none"),
        Field("confirms", "text", required=True, doc="what the page confirms, in a sentence"),
    ),
    iri=evidence_iri, to_rdf=_evidence_to_rdf, check=_check_evidence, needs_passages=False,
))

__all__ = ["PAGE_LANGUAGES", "adilet_page", "evidence_iri"]
