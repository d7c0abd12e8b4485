"""Documents, their sections and passages, and the sources a document cites."""

from __future__ import annotations

from rdflib import Literal, URIRef

from ..mapping import Field, Kind, MappingContext, Record, label, register, typed
from ..namespaces import BIBO, DCTERMS, KZD, KZO, OA, PROV, RDF, RDFS, XSD


def document_iri(record: Record) -> URIRef:
    return KZD[f"document/{record.id}"]


def section_iri(document_id: str, number: str) -> URIRef:
    return KZD[f"document/{document_id}/section/{number}"]


def _document_to_rdf(record: Record, ctx: MappingContext) -> None:
    doc = document_iri(record)
    typed(ctx, doc, KZO.SourceDocument, BIBO.Thesis if record.get("genre") == "thesis"
          else BIBO.Document, PROV.Entity)
    ctx.text(doc, DCTERMS.title, record.get("title"))
    ctx.text(doc, RDFS.label, record.get("title"))
    ctx.add(doc, KZO.fileName, Literal(record.get("file")))
    ctx.add(doc, KZO.sha256, Literal(record.get("sha256")))
    ctx.add(doc, KZO.lineCount, Literal(record.get("lines"), datatype=XSD.integer))
    ctx.add(doc, KZO.characterCount, Literal(record.get("characters"), datatype=XSD.integer))
    ctx.add(doc, DCTERMS.description, Literal(record.get("description"), lang="en")
            if record.get("description") else None)
    if record.get("publisher"):
        ctx.add(doc, DCTERMS.publisher, ctx.iri(record.get("publisher")))
    if record.get("date"):
        ctx.add(doc, DCTERMS.issued, record.get("date").literal())
    ctx.add(doc, DCTERMS.language, Literal(record.get("language", "en")))
    for section in record.get("sections", []):
        sec = section_iri(record.id, section["number"])
        typed(ctx, sec, KZO.DocumentSection)
        ctx.add(sec, DCTERMS.isPartOf, doc)
        ctx.add(sec, KZO.sectionNumber, Literal(section["number"]))
        ctx.add(sec, DCTERMS.title, Literal(section["title"], lang="en"))
        ctx.add(sec, RDFS.label, Literal(f"{section['number']} {section['title']}", lang="en"))
        ctx.add(sec, KZO.firstLine, Literal(section["line"], datatype=XSD.integer))


register(Kind(
    name="document",
    doc="A source document the graph's facts come from (the thesis), with its checksum and sections.",
    fields=(
        Field("file", "text", required=True,
              doc="file name under ../shared/sources/, or a path under data/ (ingested documents)"),
        Field("sha256", "text", required=True, doc="SHA-256 of the file's bytes"),
        Field("lines", "int", required=True), Field("characters", "int", required=True),
        Field("title", "langtext", required=True), Field("description", "text"),
        Field("genre", "enum", choices=("thesis", "report", "article", "news", "press-release",
                                        "bulletin", "legal", "other")),
        Field("publisher", "ref", refs=("organisation",)), Field("date", "date"),
        Field("language", "text"),
        Field("sections", "struct", many=True, fields=(
            Field("number", "text", required=True, doc="e.g. 1.1, ch4, appendix-b"),
            Field("title", "text", required=True),
            Field("line", "int", required=True, doc="line where the section heading stands"),
        )),
    ),
    iri=document_iri, to_rdf=_document_to_rdf, needs_passages=False,
))


def passage_iri(record: Record) -> URIRef:
    v = record.values
    return KZD[f"passage/{v['document']}/L{v['first_line']}-{v['last_line']}"]


def _passage_to_rdf(record: Record, ctx: MappingContext) -> None:
    v = record.values
    passage = passage_iri(record)
    typed(ctx, passage, OA.SpecificResource, KZO.Passage)
    ctx.add(passage, OA.hasSource, ctx.iri(v["document"]))
    selector = URIRef(f"{passage}/position")
    typed(ctx, selector, OA.TextPositionSelector)
    ctx.add(passage, OA.hasSelector, selector)
    ctx.add(selector, OA.start, Literal(v["start"], datatype=XSD.integer))
    ctx.add(selector, OA.end, Literal(v["end"], datatype=XSD.integer))
    ctx.add(passage, KZO.firstLine, Literal(v["first_line"], datatype=XSD.integer))
    ctx.add(passage, KZO.lastLine, Literal(v["last_line"], datatype=XSD.integer))
    span = f"{v['first_line']}" if v["first_line"] == v["last_line"] else \
        f"{v['first_line']}-{v['last_line']}"
    ctx.add(passage, RDFS.label, Literal(f"{v['document']} lines {span}", lang="en"))
    if v.get("section"):
        ctx.add(passage, KZO.inSection, section_iri(v["document"], v["section"]))


register(Kind(
    name="passage",
    doc="A line range of a document with its character offsets; written by `kzmig-kg passages --sync`.",
    fields=(
        Field("document", "ref", required=True, refs=("document",)),
        Field("first_line", "int", required=True), Field("last_line", "int", required=True),
        Field("start", "int", required=True, doc="character offset of the first character"),
        Field("end", "int", required=True, doc="character offset after the last character"),
        Field("section", "text", doc="number of the section the passage starts in"),
    ),
    iri=passage_iri, to_rdf=_passage_to_rdf, needs_passages=False,
))

SOURCE_TYPES = ("statistics", "report", "article", "book", "website", "press-release",
                "speech", "legal-commentary", "dataset", "other")


def source_iri(record: Record) -> URIRef:
    return KZD[f"source/{record.id}"]


def _source_to_rdf(record: Record, ctx: MappingContext) -> None:
    src = source_iri(record)
    typed(ctx, src, KZO.CitedSource, PROV.Entity, BIBO.Document)
    ctx.add(src, DCTERMS.bibliographicCitation, Literal(record.get("cited_as"), lang="en"))
    ctx.add(src, RDFS.label, Literal(record.get("cited_as"), lang="en"))
    ctx.text(src, DCTERMS.title, record.get("title"))
    if record.get("author_organisation"):
        ctx.add(src, DCTERMS.creator, ctx.iri(record.get("author_organisation")))
    for author in record.get("authors", []):
        ctx.add(src, DCTERMS.creator, Literal(author))
    if record.get("year"):
        ctx.add(src, DCTERMS.issued, Literal(str(record.get("year")), datatype=XSD.gYear))
    ctx.add(src, KZO.sourceType, Literal(record.get("source_type")))
    if record.get("pages"):
        ctx.add(src, BIBO.pages, Literal(record.get("pages")))
    ctx.add(src, RDF.type, PROV.Entity)


register(Kind(
    name="source",
    doc="A work the thesis cites in the text (statistics, reports, articles, press releases).",
    fields=(
        Field("cited_as", "text", required=True,
              doc="the in-text citation, normalised, e.g. 'Bureau of National Statistics 2023b'"),
        Field("source_type", "enum", required=True, choices=SOURCE_TYPES),
        Field("title", "langtext"),
        Field("author_organisation", "ref", refs=("organisation",)),
        Field("authors", "text", many=True),
        Field("year", "int", doc="publication year as cited; leave out for n.d."),
        Field("pages", "text"),
    ),
    iri=source_iri, to_rdf=_source_to_rdf,
))

__all__ = ["document_iri", "passage_iri", "section_iri", "source_iri", "label"]
