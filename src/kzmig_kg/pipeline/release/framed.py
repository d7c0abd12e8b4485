"""Framed JSON-LD per kind (JSON-LD 1.1 Framing, with pyld): ``write_framed`` writes one document
for each of acts, bodies and observations, for readers of JSON rather than RDF.

Each document frames a subgraph of the release, chosen by a CONSTRUCT: the nodes of the kind with
all their triples, plus the nodes a reader wants inside them (an act's passages and the acts that
amend it; an observation's dataset, reference period, passages and the notation and label of its
codes). Every triple of a framed document is a triple of the release. Framing is offline: the
context is the published one (``context.jsonld``), embedded in the frame, and any attempt to load
a remote document fails.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from pyld import jsonld

from .framing import frame_texts

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
"""

def _subgraph(kind_class: str, *inside: str) -> str:
    """CONSTRUCT of the nodes of ``kind_class`` with all their triples, and the nodes ``?s``
    that each pattern of ``inside`` reaches from one of them (``?item``; a pattern with
    ``KIND`` names the class itself)."""
    branches = [f"{{ ?s a {kind_class} . ?s ?p ?o }}"]
    branches += [f"{{ {pattern.replace('KIND', kind_class)} }}" if "KIND" in pattern
                 else f"{{ ?item a {kind_class} . {pattern} }}" for pattern in inside]
    return PREFIXES + "CONSTRUCT { ?s ?p ?o } WHERE {\n  " + "\n  UNION ".join(branches) + "\n}"


# an item's passages: the passage nodes and their text-position selectors. Each from the items'
# distinct sources in a sub-select: joined in one group, Oxigraph started from the passages and
# joined each with every item derived from it (every observation at scale): 0.6 s of CPU for the
# acts' 950 triples at 1.1 million, 0.1 s this way
PASSAGES = ("{ SELECT DISTINCT ?s WHERE { ?item a KIND ; prov:wasDerivedFrom ?s } } "
            "?s a oa:SpecificResource . ?s ?p ?o",
            "{ SELECT DISTINCT ?source WHERE { ?item a KIND ; prov:wasDerivedFrom ?source } } "
            "?source oa:hasSelector ?s . ?s ?p ?o")
SUBGRAPHS = {
    "acts": _subgraph("eli:LegalResource", *PASSAGES),
    "bodies": _subgraph("org:Organization", *PASSAGES),
    "observations": _subgraph(
        "qb:Observation", *PASSAGES,
        "?item qb:dataSet|sdmx-dimension:refPeriod ?s . ?s ?p ?o",
        # the codes of its dimensions and attributes: only their notation and label
        "?item ?dimension ?s . ?s ?p ?o . VALUES ?p { skos:notation skos:prefLabel }"),
}

# the framed documents are written by framing.py (pyld's output, 15 to 30 times faster; pyld for a
# subgraph with blank nodes); a kind whose nodes carry more triples than this (a generated graph
# of millions of triples) gets no framed document: its framed JSON would run to gigabytes
FRAME_LIMIT_TRIPLES = 100_000
KIND_CLASSES = {"acts": "eli:LegalResource", "bodies": "org:Organization",
                "observations": "qb:Observation"}
ELI = "http://data.europa.eu/eli/ontology#"
# the full IRIs of KIND_CLASSES and of the property framed under @reverse, for framing.py
KIND_IRIS = {"acts": (ELI + "LegalResource", ELI + "amends"),
             "bodies": ("http://www.w3.org/ns/org#Organization", None),
             "observations": ("http://purl.org/linked-data/cube#Observation", None)}

FRAMES: dict[str, dict[str, Any]] = {
    # an act as one object: its passages and, under "@reverse", the acts that amend it
    "acts": {"@type": "eli:LegalResource", "@reverse": {"eli:amends": {}}},
    "bodies": {"@type": "org:Organization"},
    "observations": {"@type": "qb:Observation"},
}


def framed_name(kind: str) -> str:
    return f"kzmig-{kind}.framed.jsonld"


def write_framed(store: ox.Store, context: dict[str, Any], directory: Path) -> list[str]:
    """Write ``kzmig-KIND.framed.jsonld`` for every kind into ``directory`` (each through a
    temporary file renamed into place) whose nodes carry at most ``FRAME_LIMIT_TRIPLES``
    triples; return the file names."""
    names = []
    for kind, construct in SUBGRAPHS.items():
        # counted up to one past the limit: at a million triples the observations alone carry
        # 700,000, and counting them all only to skip them took seconds
        size = store.query(f"{PREFIXES}SELECT (COUNT(*) AS ?n) WHERE {{ SELECT * WHERE {{ "
                           f"?s a {KIND_CLASSES[kind]} ; ?p ?o }} LIMIT {FRAME_LIMIT_TRIPLES + 1} }}",
                           use_default_graph_as_union=True)
        if int(next(iter(size))["n"].value) > FRAME_LIMIT_TRIPLES:
            continue
        triples = set(store.query(construct, use_default_graph_as_union=True))
        target = directory / framed_name(kind)
        partial = target.with_name(f".{target.name}.partial")
        try:
            if any(type(t.subject) is ox.BlankNode or type(t.object) is ox.BlankNode
                   for t in triples):
                document = frame_triples(triples, {"@context": context, **FRAMES[kind]})
                partial.write_text(json.dumps(document, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
            else:
                write_document(partial, context, frame_texts(triples, context, *KIND_IRIS[kind]))
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        names.append(target.name)
    return names


def write_document(path: Path, context: dict[str, Any], nodes: Iterable[str]) -> None:
    """Write ``{"@context": context, "@graph": [nodes]}`` to ``path`` node by node (each the
    JSON text ``framing.frame_texts`` gives), in the bytes ``json.dumps(document,
    ensure_ascii=False, indent=1)`` gives for the whole document."""
    empty = json.dumps({"@context": context, "@graph": []}, ensure_ascii=False, indent=1)
    head = empty[:-len("[]\n}")]
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        first = True
        for text in nodes:
            out.write("[\n  " if first else ",\n  ")
            first = False
            out.write(text)
        out.write("[]\n}" if first else "\n ]\n}")


def frame_triples(triples: set[ox.Triple], frame: dict[str, Any]) -> dict[str, Any]:
    """``triples`` framed by ``frame``; every node embedded wherever it is referenced (a node
    already being embedded further up becomes a reference, so cycles end)."""
    expanded = json.loads(ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.JSON_LD))
    return jsonld.frame(with_types(expanded), frame,
                        {"embed": "@always", "documentLoader": refuse_remote})


def with_types(expanded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pyoxigraph's expanded JSON-LD with rdf:type objects as ``@type``, as JSON-LD's "RDF to
    Object" conversion gives them (framing matches on ``@type``); pyld's own ``from_rdf`` does the
    same but takes 12 s on the 7,000 triples of the observations."""
    for node in expanded:
        classes = node.pop(RDF_TYPE, None)
        if classes is None:
            continue
        literal = [c for c in classes if "@id" not in c]
        if literal:             # rdf:type with a literal object: not a class, keep it as it is
            node[RDF_TYPE] = literal
        node["@type"] = node.get("@type", []) + [c["@id"] for c in classes if "@id" in c]
    return expanded


def refuse_remote(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    raise jsonld.JsonLdError(f"framing is offline; refused to load {url}", "jsonld.LoadDocumentError",
                             code="loading document failed")
