"""Step 6: the extraction as RDF (Web Annotation), written as a stream.

Every item is an ``oa:Annotation`` whose target is an ``oa:SpecificResource`` on the document with
an ``oa:TextPositionSelector`` (code-point offsets, end exclusive) and an ``oa:TextQuoteSelector``
(the exact text with a short prefix and suffix), whose body describes what was found, and which
carries ``kzo:confidence``:

- a citation: ``kzo:ActCitation`` with ``eli:type_document`` (the act-type concept), ``eli:number``
  (normalised), ``kzo:numberAsPrinted``, ``kzo:year``, ``kzo:dateStated``, ``kzo:issuerName`` and
  ``eli:passed_by`` (the project's organisation IRI where the issuer is known), ``eli:jurisdiction``;
- a date: ``kzo:DateMention`` with ``kzo:dateStated`` (xsd:date, gYearMonth or gYear),
  ``kzo:statedPrecision``, ``kzo:eventKind`` and the event sentence as ``dct:description``;
- a figure: ``kzo:FigureClaim`` with ``sdmx-measure:obsValue``, ``sdmx-attribute:unitMeasure``,
  ``kzo:counterpartArea`` (the country code-list concept), ``kzo:flowDirection``,
  ``sdmx-dimension:refPeriod`` / ``kzo:year``, ``kzo:statedChangePercent``.

The document is a ``kzo:SourceDocument`` with its SHA-256, size, media type and sections. All nodes
are IRIs built from the document and the offsets, so the output is the same on every run and
each item can be written on its own: Turtle, N-Triples and JSON-LD are streamed item by item.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TextIO

from rdflib import Graph, Literal, URIRef

from .. import __version__
from ..kinds.acts import ACT_TYPES
from ..namespaces import (
    BIBO,
    DCAT,
    DCTERMS,
    ELI,
    EUC,
    KZC,
    KZD,
    KZO,
    KZT,
    OA,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SDMX_ATTRIBUTE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    XSD,
)
from .model import DocumentInfo, Item, Section

FORMATS = ("ttl", "nt", "jsonld")
AGENT = KZD["agent/kzmig-kg"]
DIRECTIONS = {"immigration": "IMM", "emigration": "EMI", "net": "NET"}
# The act types of the curated acts (kinds/acts.py), so citations and acts share their concepts.
ACT_TYPE_SLUGS = {key: act_type.slug for key, act_type in ACT_TYPES.items()}


def document_iri(info: DocumentInfo, document_id: str | None = None) -> URIRef:
    """The curated document's IRI when its id is given, else one built from the checksum."""
    return KZD[f"document/{document_id or 'sha256-' + info.sha256[:16]}"]


def _graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def document_graph(info: DocumentInfo, sections: list[Section], doc: URIRef) -> Graph:
    graph = _graph()
    add = graph.add
    add((doc, RDF.type, KZO.SourceDocument))
    add((doc, RDF.type, BIBO.Document))
    add((doc, RDF.type, PROV.Entity))
    add((doc, KZO.fileName, Literal(info.name)))
    add((doc, KZO.sha256, Literal(info.sha256)))
    add((doc, DCAT.byteSize, Literal(info.size, datatype=XSD.nonNegativeInteger)))
    add((doc, DCTERMS["format"], Literal(info.media_type)))
    add((doc, KZO.lineCount, Literal(info.lines, datatype=XSD.integer)))
    add((doc, KZO.characterCount, Literal(info.characters, datatype=XSD.integer)))
    add((doc, RDFS.label, Literal(info.title or info.name)))
    if info.title:
        add((doc, DCTERMS.title, Literal(info.title)))
    if info.pages is not None:
        add((doc, BIBO.numPages, Literal(info.pages, datatype=XSD.integer)))
    if info.text_sha256:
        add((doc, KZO.textSha256, Literal(info.text_sha256)))
    for section in sections:
        sec = URIRef(f"{doc}/section/{section.number}")
        add((sec, RDF.type, KZO.DocumentSection))
        add((sec, DCTERMS.isPartOf, doc))
        add((sec, KZO.sectionNumber, Literal(section.number)))
        add((sec, DCTERMS.title, Literal(section.title)))
        add((sec, RDFS.label, Literal(section.title)))
        add((sec, KZO.firstLine, Literal(section.line, datatype=XSD.positiveInteger)))
    run = URIRef(f"{doc}/extraction")
    add((run, RDF.type, PROV.Activity))
    add((run, RDFS.label, Literal(f"kzmig-kg {__version__} extraction from {info.name}")))
    add((run, PROV.used, doc))
    add((run, PROV.wasAssociatedWith, AGENT))
    add((AGENT, RDF.type, PROV.SoftwareAgent))
    add((AGENT, RDFS.label, Literal(f"kzmig-kg {__version__}")))
    return graph


def annotation_iri(doc: URIRef, item: Item) -> URIRef:
    return URIRef(f"{doc}/{item.kind}/{item.start}-{item.end}")


def item_graph(item: Item, doc: URIRef) -> Graph:
    graph = _graph()
    add = graph.add
    ann = annotation_iri(doc, item)
    target, body = URIRef(f"{ann}/target"), URIRef(f"{ann}/body")
    position, quote = URIRef(f"{ann}/position"), URIRef(f"{ann}/quote")
    add((ann, RDF.type, OA.Annotation))
    add((ann, RDF.type, PROV.Entity))
    add((ann, OA.motivatedBy, OA.identifying if item.kind == "citation" else OA.describing))
    add((ann, OA.hasTarget, target))
    add((ann, OA.hasBody, body))
    add((ann, KZO.confidence, Literal(Decimal(str(round(item.confidence, 2))), datatype=XSD.decimal)))
    add((ann, PROV.wasGeneratedBy, URIRef(f"{doc}/extraction")))
    add((ann, RDFS.label, Literal(f"{item.kind} at line {item.line}: {' '.join(item.exact.split())}")))
    add((target, RDF.type, OA.SpecificResource))
    add((target, OA.hasSource, doc))
    add((target, OA.hasSelector, position))
    add((target, OA.hasSelector, quote))
    add((target, KZO.firstLine, Literal(item.line, datatype=XSD.positiveInteger)))
    add((target, KZO.lastLine, Literal(item.end_line, datatype=XSD.positiveInteger)))
    if item.section:
        add((target, KZO.inSection, URIRef(f"{doc}/section/{item.section}")))
    add((position, RDF.type, OA.TextPositionSelector))
    add((position, OA.start, Literal(item.start, datatype=XSD.nonNegativeInteger)))
    add((position, OA.end, Literal(item.end, datatype=XSD.nonNegativeInteger)))
    add((quote, RDF.type, OA.TextQuoteSelector))
    add((quote, OA.exact, Literal(item.exact)))
    add((quote, OA.prefix, Literal(item.prefix)))
    add((quote, OA.suffix, Literal(item.suffix)))
    {"citation": _citation_body, "date": _date_body, "figure": _figure_body}[item.kind](graph, body, item)
    return graph


def _number(value) -> Literal:
    """A whole number as xsd:integer, any other as xsd:decimal (as the curated observations)."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return Literal(int(number), datatype=XSD.integer)
    return Literal(number, datatype=XSD.decimal)


def _gyear(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


def _date_literal(iso: str) -> Literal:
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(iso)]
    return Literal(iso, datatype=datatype)


def _citation_body(graph: Graph, body: URIRef, item: Item) -> None:
    f = item.fields
    graph.add((body, RDF.type, KZO.ActCitation))
    if f.get("act_type") in ACT_TYPE_SLUGS:
        graph.add((body, ELI.type_document, KZT[ACT_TYPE_SLUGS[f["act_type"]]]))
    if f.get("number"):
        graph.add((body, ELI.number, Literal(f["number"])))
    if f.get("number_as_printed"):
        graph.add((body, KZO.numberAsPrinted, Literal(f["number_as_printed"])))
    if f.get("year"):
        graph.add((body, KZO.year, _gyear(f["year"])))
    if f.get("date"):
        graph.add((body, KZO.dateStated, _date_literal(f["date"])))
    if f.get("issuer"):
        graph.add((body, KZO.issuerName, Literal(f["issuer"], lang="en")))
    for org in f.get("issuer_ids") or []:
        graph.add((body, ELI.passed_by, KZD[f"org/{org}"]))
    if re.fullmatch(r"[A-Z]{3}", f.get("jurisdiction") or ""):
        # a state's ISO alpha-3 code; the Eurasian Economic Union ("EAEU") is in no country authority
        graph.add((body, ELI.jurisdiction, EUC[f["jurisdiction"]]))
    if f.get("title"):
        graph.add((body, DCTERMS.title, Literal(f["title"])))
    graph.add((body, RDFS.label, Literal(f.get("label") or item.exact)))


def _date_body(graph: Graph, body: URIRef, item: Item) -> None:
    f = item.fields
    graph.add((body, RDF.type, KZO.DateMention))
    graph.add((body, KZO.dateStated, _date_literal(f["date"])))
    graph.add((body, KZO.year, _gyear(int(f["date"][:4]))))
    graph.add((body, KZO.statedPrecision, Literal(f["precision"])))
    if f.get("event_type"):
        graph.add((body, KZO.eventKind, Literal(f["event_type"])))
    if f.get("event"):
        graph.add((body, DCTERMS.description, Literal(f["event"])))


def _figure_body(graph: Graph, body: URIRef, item: Item) -> None:
    f = item.fields
    graph.add((body, RDF.type, KZO.FigureClaim))
    if f.get("value") is not None:
        graph.add((body, SDMX_MEASURE.obsValue, _number(f["value"])))
    if f.get("value_max") is not None:
        graph.add((body, KZO.valueUpperBound, _number(f["value_max"])))
    graph.add((body, SDMX_ATTRIBUTE.unitMeasure, KZC[f"unit-{f['unit']}"]))
    if f.get("country"):
        graph.add((body, KZO.counterpartArea, KZC[f"country-{f['country']}"]))
    if f.get("direction") in DIRECTIONS:
        graph.add((body, KZO.flowDirection, KZC[f"flow-{DIRECTIONS[f['direction']]}"]))
    if f.get("year"):
        graph.add((body, KZO.year, _gyear(f["year"])))
        graph.add((body, SDMX_DIMENSION.refPeriod, KZD[f"period/{f['year']}"]))
    elif f.get("period_start") and f.get("period_end"):
        graph.add((body, SDMX_DIMENSION.refPeriod, KZD[f"period/{f['period_start']}-{f['period_end']}"]))
    if f.get("stated_change_pct") is not None:
        graph.add((body, KZO.statedChangePercent, _number(f["stated_change_pct"])))
    if f.get("measure"):
        graph.add((body, KZO.measureKind, Literal(f["measure"])))
    if f.get("rate"):
        graph.add((body, KZO.rate, Literal(f["rate"])))
    graph.add((body, RDFS.label, Literal(" ".join(item.exact.split()))))


# ------------------------------------------------------------------------------ streaming

def _turtle_body(graph: Graph) -> str:
    text = graph.serialize(format="turtle")
    return "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")).strip()


def _jsonld_nodes(graph: Graph, context: dict) -> list:
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    if isinstance(data, dict) and "@graph" in data:
        return data["@graph"]
    if isinstance(data, dict):
        data.pop("@context", None)
        return [data]
    return data


def write_rdf(out: TextIO, fmt: str, info: DocumentInfo, sections: list[Section],
              items: Iterable[Item], document_id: str | None = None) -> int:
    """Write the document and every item as RDF; return the number of items written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    doc = document_iri(info, document_id)
    head = document_graph(info, sections, doc)
    count = 0
    if fmt == "nt":
        out.write(head.serialize(format="nt"))
        for item in items:
            out.write(item_graph(item, doc).serialize(format="nt"))
            count += 1
        return count
    if fmt == "ttl":
        for prefix, namespace in PREFIXES.items():
            out.write(f"@prefix {prefix}: <{namespace}> .\n")
        out.write("\n" + _turtle_body(head) + "\n")
        for item in items:
            out.write("\n" + _turtle_body(item_graph(item, doc)) + "\n")
            count += 1
        return count
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    out.write('{\n"@context": ' + json.dumps(context) + ',\n"@graph": [\n')
    first = True
    for node in _jsonld_nodes(head, context):
        out.write(("" if first else ",\n") + json.dumps(node, ensure_ascii=False))
        first = False
    for item in items:
        for node in _jsonld_nodes(item_graph(item, doc), context):
            out.write(("" if first else ",\n") + json.dumps(node, ensure_ascii=False))
            first = False
        count += 1
    out.write("\n]\n}\n")
    return count


def write_jsonl(out: TextIO, items: Iterable[Item]) -> int:
    count = 0
    for item in items:
        out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
        count += 1
    return count
