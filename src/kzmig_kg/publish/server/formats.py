"""Media types the server speaks and the serialisation of SPARQL answers into them (SPARQL 1.1
Query Results JSON, XML, CSV and TSV; RDF by pyoxigraph): ``serialize_answer(...)``.

Results are serialised here rather than by pyoxigraph so that the row cap applies before anything
is written: a result over the cap is refused whole, never silently cut.
"""

from __future__ import annotations

import csv
import io
import json
import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from json.encoder import encode_basestring as _string  # as json.dumps(ensure_ascii=False)

import pyoxigraph as ox

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
RDFXML = "application/rdf+xml"
JSONLD = "application/ld+json"
HTML = "text/html"

SOLUTION_TYPES = [SPARQL_JSON, SPARQL_XML, CSV, TSV, "application/json", "application/xml",
                  "text/xml"]
BOOLEAN_TYPES = [SPARQL_JSON, SPARQL_XML, "application/json", "application/xml", "text/xml"]
GRAPH_TYPES = [TURTLE, NTRIPLES, RDFXML, JSONLD, "application/xml", "text/plain"]
DATA_TYPES = [TURTLE, JSONLD, RDFXML, NTRIPLES]      # of a resource's data document
# aliases answered with the canonical type
ALIASES = {"application/json": SPARQL_JSON, "application/xml": SPARQL_XML, "text/xml": SPARQL_XML}
GRAPH_ALIASES = {"application/xml": RDFXML, "text/plain": NTRIPLES}
RDF_FORMATS = {TURTLE: ox.RdfFormat.TURTLE, NTRIPLES: ox.RdfFormat.N_TRIPLES,
               RDFXML: ox.RdfFormat.RDF_XML, JSONLD: ox.RdfFormat.JSON_LD}
# ?format= values and file suffixes
FORMAT_NAMES = {"json": SPARQL_JSON, "xml": SPARQL_XML, "csv": CSV, "tsv": TSV, "ttl": TURTLE,
                "turtle": TURTLE, "nt": NTRIPLES, "ntriples": NTRIPLES, "rdf": RDFXML,
                "rdfxml": RDFXML, "jsonld": JSONLD, "html": HTML,
                # the names SPARQLWrapper sends as format=/output=
                "n3": TURTLE, "rdf+xml": RDFXML, "json-ld": JSONLD}
SUFFIX_OF = {TURTLE: "ttl", NTRIPLES: "nt", RDFXML: "rdf", JSONLD: "jsonld", SPARQL_JSON: "json",
             SPARQL_XML: "xml", CSV: "csv", TSV: "tsv", HTML: "html"}
CHARSET = {SPARQL_JSON, SPARQL_XML, CSV, TSV, TURTLE, NTRIPLES, RDFXML, JSONLD, HTML}


class TooLarge(Exception):
    """The answer is over the row or size cap."""


def content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media in CHARSET else media


def serialize_answer(answer: object, media: str, *, max_rows: int,
                     prefixes: dict[str, str] | None = None) -> bytes:
    """Bytes of a pyoxigraph answer (solutions, boolean or triples) in ``media`` (a canonical type)."""
    if isinstance(answer, ox.QueryBoolean):
        return _boolean(bool(answer), media)
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            if len(rows) >= max_rows:
                raise TooLarge(f"the answer has more than {max_rows} rows, this endpoint's limit; "
                               "add LIMIT (and OFFSET to page) to the query")
            rows.append([solution[name] for name in variables])
        return serialize_rows(variables, rows, media)
    triples = []
    for triple in answer:  # QueryTriples
        if len(triples) >= max_rows:
            raise TooLarge(f"the answer has more than {max_rows} triples, this endpoint's limit; "
                           "add LIMIT to the query")
        triples.append(triple)
    return serialize_triples(triples, media, prefixes)


def serialize_triples(triples: list, media: str, prefixes: dict[str, str] | None = None) -> bytes:
    """RDF in ``media``; Turtle with ``prefixes`` (default: the project's), less those under
    which an IRI of ``triples`` would need an escape to be a prefixed name."""
    if media != TURTLE:
        return ox.serialize(triples, format=RDF_FORMATS[media]) or b""
    if prefixes is None:
        prefixes = _prefixes()
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE,
                        prefixes=usable_prefixes(triples, prefixes)) or b""


# what Turtle writes backslash-escaped in a local name (PN_LOCAL_ESC less '_', '-' and '.')
_NEEDS_ESCAPE = re.compile(r"[~!$&'()*+,;=/?#@%]|^\.|\.$")


def usable_prefixes(triples: list, prefixes: dict[str, str]) -> dict[str, str]:
    r"""``prefixes`` without those under which some IRI of ``triples`` has a local name that
    Turtle could only write with backslash escapes (``kzd:passage\/p-1``: valid, but readers
    and people stumble on it): those IRIs are written in full instead."""
    iris = sorted(set(_iris(term for triple in triples for term in triple)))
    return {name: namespace for name, namespace in prefixes.items()
            if not any(_NEEDS_ESCAPE.search(iri[len(namespace):])
                       for iri in _starting_with(iris, namespace))}


def _iris(terms) -> Iterator[str]:
    """The IRIs the Turtle of ``terms`` names: IRIs, literals' datatypes, and those inside
    quoted triples."""
    for term in terms:
        if isinstance(term, ox.NamedNode):
            yield term.value
        elif isinstance(term, ox.Literal):
            yield term.datatype.value
        elif isinstance(term, ox.Triple):
            yield from _iris(term)


def _starting_with(ordered: list[str], start: str):
    """The strings of the sorted list ``ordered`` that begin with ``start``, in order."""
    for text in ordered[bisect_left(ordered, start):]:
        if not text.startswith(start):
            return
        yield text


def serialize_rows(variables: list[str], rows: list[list], media: str) -> bytes:
    if media == SPARQL_JSON:
        return _json_results(variables, rows)
    if media == SPARQL_XML:
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f"<variable name={quoteattr(name)}/>" for name in variables]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            out += [f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
                    for name, term in zip(variables, row, strict=True) if term is not None]
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode()
    if media == CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([[_csv_term(term) for term in row] for row in rows])
        return buffer.getvalue().encode()
    if media == TSV:
        lines = ["\t".join(f"?{name}" for name in variables)]
        lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(f"not a results format: {media}")


def _json_results(variables: list[str], rows: list[list]) -> bytes:
    """SPARQL results JSON, the bytes ``json.dumps(..., ensure_ascii=False)`` of the dicts
    ``term_json`` makes would be, written directly: a third of a simple query's time in a
    worker went to building those dicts and walking them again."""
    names = [_string(name) + ": " for name in variables]
    bindings = [", ".join(name + _json_term(term) for name, term in zip(names, row, strict=True)
                          if term is not None) for row in rows]
    return ('{"head": {"vars": [' + ", ".join(_string(name) for name in variables)
            + ']}, "results": {"bindings": [' + ", ".join("{" + row + "}" for row in bindings)
            + "]}}").encode()


def _json_term(term) -> str:
    kind = type(term)
    if kind is ox.NamedNode:
        return '{"type": "uri", "value": ' + _string(term.value) + "}"
    if kind is ox.Literal:
        if term.language:
            return ('{"type": "literal", "value": ' + _string(term.value) + ', "xml:lang": '
                    + _string(term.language) + "}")
        datatype = term.datatype.value
        if datatype != "http://www.w3.org/2001/XMLSchema#string":
            return ('{"type": "literal", "value": ' + _string(term.value) + ', "datatype": '
                    + _string(datatype) + "}")
        return '{"type": "literal", "value": ' + _string(term.value) + "}"
    if kind is ox.BlankNode:
        return '{"type": "bnode", "value": ' + _string(term.value) + "}"
    return json.dumps(term_json(term), ensure_ascii=False)


def _boolean(value: bool, media: str) -> bytes:
    if media == SPARQL_JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
            f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()


def term_json(term) -> dict[str, str]:
    """A pyoxigraph term as SPARQL 1.1 Query Results JSON writes one (section 3.2.2)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        found = {"type": "literal", "value": term.value}
        if term.language:
            found["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            found["datatype"] = term.datatype.value
        return found
    return {"type": "triple", "value": str(term)}


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _csv_term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if hasattr(term, "value") else str(term)


_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_XML_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


# xml.sax.saxutils would do, but it imports urllib.request and with it ssl and email: 10 MB more
# in every SPARQL worker process
def escape(text: str) -> str:
    return text.translate(_XML_TEXT)


def quoteattr(text: str) -> str:
    return '"' + text.translate(_XML_ATTRIBUTE) + '"'


@cache
def _prefixes() -> dict[str, str]:
    # imported on first use: a SPARQL worker gets the prefixes from the server and so never
    # loads rdflib (20 MB of memory in each worker)
    from ...namespaces import PREFIXES
    return {name: str(ns) for name, ns in PREFIXES.items()}
