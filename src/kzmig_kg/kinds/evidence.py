"""Pages outside the thesis that confirm a fact about a record (e.g. an act's Adilet page for its
official identifier and adoption date): each a source of its own, cited by its address."""

from __future__ import annotations

from rdflib import Literal, URIRef

from ..mapping import Field, Kind, MappingContext, Record, register, typed
from ..namespaces import DCTERMS, FOAF, KZD, KZO, PROV, RDFS, SCHEMA


def evidence_iri(record: Record) -> URIRef:
    return KZD[f"evidence/{record.id}"]


def _evidence_to_rdf(record: Record, ctx: MappingContext) -> None:
    page = evidence_iri(record)
    typed(ctx, page, KZO.ExternalEvidence, PROV.Entity, FOAF.Document)
    ctx.add(page, SCHEMA.url, URIRef(record.get("url")))
    ctx.add(page, DCTERMS.publisher, Literal(record.get("publisher")))
    ctx.text(page, DCTERMS.title, record.get("title"))
    ctx.text(page, RDFS.label, record.get("title"))
    ctx.add(page, KZO.confirms, Literal(record.get("confirms"), lang="en"))


def _check_evidence(record: Record) -> list[tuple[str, str, str]]:
    url = str(record.get("url") or "")
    if not url.startswith("https://"):
        return [("url", f"'{url}' is not an https address", "give the address of the stored page")]
    return []


register(Kind(
    name="evidence",
    doc="A page outside the thesis (Adilet, Wikidata...) that confirms facts of a record; the "
        "record names it in its 'evidence' field.",
    fields=(
        Field("url", "text", required=True, doc="the address of the page"),
        Field("publisher", "text", required=True, doc="e.g. 'Adilet (Institute of Legislation and "
                                                      "Legal Information of the Republic of Kazakhstan)'"),
        Field("title", "langtext", required=True, doc="the page's title, as it gives it"),
        Field("confirms", "text", required=True, doc="what the page confirms, in a sentence"),
    ),
    iri=evidence_iri, to_rdf=_evidence_to_rdf, check=_check_evidence, needs_passages=False,
))

__all__ = ["evidence_iri"]
