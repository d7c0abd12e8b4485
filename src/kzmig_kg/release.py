"""Stage 6: write a release to ``dist/``: graph dumps, JSON-LD context, VoID/DCAT, reports, store.

Everything is written into a temporary directory beside the target and swapped in with renames,
so a failed build leaves the previous release intact.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from . import __version__
from .jsonld import compact_jsonld
from .namespaces import DCAT, DCTERMS, KZG, KZO, PREFIXES, PROV, RDF, RDFS, VOID, XSD
from .reason import ReasoningResult
from .schemaorg import export_schemaorg
from .store import persist_store, to_oxigraph
from .validate import ValidationReport

DATASET_IRI = URIRef("https://w3id.org/kzmig/id/dataset/kzmig-kg")
RELEASE_GRAPH = KZG["release"]
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")

# file -> (pyoxigraph format or "json-ld", media type, title); N-Quads is written first, by rdflib,
# and bulk-loaded into the store; every other dump is serialised from the store by pyoxigraph,
# which is 10 to 25 times faster than rdflib's serialisers on this graph.
FILES = {
    "kzmig.nq": (ox.RdfFormat.N_QUADS, "application/n-quads", "N-Quads, one named graph per source"),
    "kzmig.trig": (ox.RdfFormat.TRIG, "application/trig", "TriG, one named graph per source"),
    "kzmig.ttl": (ox.RdfFormat.TURTLE, "text/turtle", "Turtle, all triples merged"),
    "kzmig.nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples", "N-Triples, all triples merged"),
    "kzmig.jsonld": ("json-ld", "application/ld+json", "JSON-LD with the context in context.jsonld"),
    "kzmig.rdf": (ox.RdfFormat.RDF_XML, "application/rdf+xml", "RDF/XML, all triples merged"),
}


@dataclass
class ReleaseInfo:
    directory: Path
    triples: int
    quads: int
    files: list[str]


def write_release(store: ox.Store, validation: ValidationReport, reasoning: ReasoningResult,
                  out_dir: Path, timings: dict[str, float] | None = None) -> ReleaseInfo:
    """Write every release file into a temporary directory, then swap it in for ``out_dir``.

    ``store`` is the in-memory store of the build's quads (``store.memory_store``); the release
    description is added to it in its own named graph.
    """
    out_dir = Path(out_dir).resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))
    try:
        description = _describe(store, validation, reasoning)
        release_graph = to_oxigraph(RELEASE_GRAPH)
        store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), release_graph)
                     for s, p, o in description)
        triples = _write_dumps(store, tmp)
        persist_store(store, tmp / "store")
        description.serialize(tmp / "void.ttl", format="turtle", encoding="utf-8")
        validation.report_graph.serialize(tmp / "validation-report.ttl", format="turtle",
                                          encoding="utf-8")
        (tmp / "validation-report.txt").write_text(
            validation.summary(limit=10_000) + "\n" + reasoning.summary() + "\n", encoding="utf-8")
        if timings is not None:
            (tmp / "build-timings.json").write_text(json.dumps(timings, indent=2), encoding="utf-8")
        export_schemaorg(store, tmp / "kzmig-schemaorg.jsonld")
        quads = len(store)
        _swap(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    files = sorted(p.name for p in out_dir.iterdir())
    return ReleaseInfo(out_dir, triples, quads, files)


def _write_dumps(store: ox.Store, directory: Path) -> int:
    """Serialise the store into every dump format; return the number of distinct triples."""
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    ox.serialize(store, str(directory / "kzmig.nq"), ox.RdfFormat.N_QUADS)
    ox.serialize(store, str(directory / "kzmig.trig"), ox.RdfFormat.TRIG, prefixes=prefixes)
    merged = ox.Store()  # one default graph: a triple in two named graphs appears once
    merged.load(ox.serialize(store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"),
                             format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES)
    for name, (fmt, _media, _title) in FILES.items():
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
            ox.serialize(merged, str(directory / name), fmt, prefixes=prefixes)
        elif fmt == ox.RdfFormat.N_TRIPLES:
            ox.serialize(merged, str(directory / name), fmt)
    context = _context()
    (directory / "context.jsonld").write_text(json.dumps({"@context": context}, indent=2),
                                              encoding="utf-8")
    (directory / "kzmig.jsonld").write_text(json.dumps(compact_jsonld(merged, context)),
                                            encoding="utf-8")
    return len(merged)


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _context() -> dict[str, object]:
    context: dict[str, object] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    context["@language"] = "en"
    return context


def _describe(store: ox.Store, validation: ValidationReport, reasoning: ReasoningResult) -> Graph:
    """VoID + DCAT description of the release (for its own named graph), counted on the store."""
    graph = Graph()
    counts = {URIRef(row["g"].value): int(row["n"].value) for row in store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    total = sum(counts.values())
    def count(select: str) -> int:
        return int(next(iter(store.query(f"SELECT (COUNT(DISTINCT {select}) AS ?n) WHERE {{ "
                                         "GRAPH ?g { ?s ?p ?o } }")))["n"].value)

    subjects, properties = count("?s"), count("?p")
    classes = int(next(iter(store.query(
        "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?s a ?c } }")))["n"].value)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    ds = DATASET_IRI
    graph.add((ds, RDF.type, VOID.Dataset))
    graph.add((ds, RDF.type, DCAT.Dataset))
    graph.add((ds, RDF.type, PROV.Entity))
    graph.add((ds, DCTERMS.title, Literal("kzmig-kg: Kazakhstan migration governance knowledge graph",
                                          lang="en")))
    graph.add((ds, DCTERMS.description, Literal(
        "Legal acts, policy, institutions, agreements, events, migration statistics and the "
        "interview study of a 2024 thesis on migration in Kazakhstan, each fact linked to the "
        "passage it came from.", lang="en")))
    graph.add((ds, DCTERMS.license, LICENSE))
    graph.add((ds, URIRef(str(DCAT) + "version"), Literal(__version__)))
    graph.add((ds, DCTERMS.modified, Literal(now.isoformat(), datatype=XSD.dateTime)))
    graph.add((ds, VOID.triples, Literal(total, datatype=XSD.integer)))
    graph.add((ds, VOID.classes, Literal(classes, datatype=XSD.integer)))
    graph.add((ds, VOID.properties, Literal(properties, datatype=XSD.integer)))
    graph.add((ds, VOID.distinctSubjects, Literal(subjects, datatype=XSD.integer)))
    graph.add((ds, VOID.uriSpace, Literal("https://w3id.org/kzmig/")))
    for prefix in ("eli", "org", "prov", "oa", "qb", "skos", "time", "dct"):
        graph.add((ds, VOID.vocabulary, URIRef(str(PREFIXES[prefix]))))
    for identifier, count in sorted(counts.items()):
        if identifier == RELEASE_GRAPH:
            continue
        subset = URIRef(f"{ds}/graph/{str(identifier).rsplit('/graph/', 1)[-1]}")
        graph.add((ds, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, KZO.namedGraph, identifier))
        graph.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
    for name, (_fmt, media, title) in FILES.items():
        dist = URIRef(f"{ds}/distribution/{name}")
        graph.add((ds, DCAT.distribution, dist))
        graph.add((dist, RDF.type, DCAT.Distribution))
        graph.add((dist, DCAT.mediaType, Literal(media)))
        graph.add((dist, DCTERMS.title, Literal(title, lang="en")))
        graph.add((dist, DCAT.downloadURL, URIRef(f"https://w3id.org/kzmig/dist/{name}")))
        graph.add((ds, VOID.dataDump, URIRef(f"https://w3id.org/kzmig/dist/{name}")))
    check = BNode()
    graph.add((ds, KZO.shaclValidation, check))
    graph.add((check, KZO.conforms, Literal(validation.conforms)))
    graph.add((check, KZO.violationCount, Literal(len(validation.violations), datatype=XSD.integer)))
    graph.add((check, RDFS.label, Literal(validation.summary(limit=0), lang="en")))
    reasoner = BNode()
    graph.add((ds, KZO.reasonerCheck, reasoner))
    graph.add((reasoner, KZO.reasonerRan, Literal(reasoning.ran)))
    if reasoning.ran:
        graph.add((reasoner, KZO.conforms, Literal(bool(reasoning.consistent))))
    graph.add((reasoner, RDFS.label, Literal(reasoning.summary(), lang="en")))
    return graph
