"""Stage 6: write a release to ``dist/``: graph dumps, JSON-LD context, VoID/DCAT, reports, store.

``write_release`` fills a new directory; ``build.build_release`` makes it the release by one
rename (``outdir.replace_output``), so a failed build leaves the previous release intact.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ...namespaces import PREFIXES
from ...paths import ONTOLOGY_DIR
from ..reason import ReasoningResult
from ..store import persist_store, to_oxigraph
from ..validate import ValidationReport
from .framed import write_framed
from .jsonld_stream import write_jsonld
from .schemaorg import export_schemaorg
from .search_index import SEARCH_INDEX, write_search_index
from .void import DATASET_IRI, RELEASE_GRAPH, describe_release

__all__ = ["DATASET_IRI", "FILES", "RELEASE_GRAPH", "ReleaseInfo", "write_release"]

# file -> (pyoxigraph format or "json-ld", media type, title); every dump is streamed from the
# store by pyoxigraph's serialisers (10 to 25 times faster than rdflib's on this graph), JSON-LD
# node by node (jsonld_stream.py); the N-Quads are then bulk-loaded into the on-disk store.
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
    """Write every release file into ``out_dir``, a new directory (``outdir.Staging.path``).

    ``store`` is the in-memory store of the build's quads (``store.memory_store``); the release
    description is added to it in its own named graph.
    """
    tmp = Path(out_dir)
    description = describe_release(store, validation, reasoning, FILES)
    release_graph = to_oxigraph(RELEASE_GRAPH)
    store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), release_graph)
                 for s, p, o in description)
    triples = _write_dumps(store, tmp)
    if not (tmp / "store").is_dir():  # the streaming build fills its on-disk store there itself
        persist_store(store, tmp / "store", tmp / "kzmig.nq")  # the dump holds every quad
    description.serialize(tmp / "void.ttl", format="turtle", encoding="utf-8")
    validation.report_graph.serialize(tmp / "validation-report.ttl", format="turtle",
                                      encoding="utf-8")
    (tmp / "validation-report.txt").write_text(
        validation.summary(limit=10_000) + "\n" + reasoning.summary() + "\n", encoding="utf-8")
    if timings is not None:
        (tmp / "build-timings.json").write_text(json.dumps(timings, indent=2), encoding="utf-8")
    export_schemaorg(store, tmp / "kzmig-schemaorg.jsonld")
    write_framed(store, _context(), tmp)
    write_search_index(store, tmp / SEARCH_INDEX)
    # the SSSOM alignment of the ontology, as RDF (derived from the TSV with the sssom package)
    shutil.copyfile(ONTOLOGY_DIR / "mappings" / "kzmig.sssom.ttl", tmp / "kzmig.sssom.ttl")
    quads = len(store)
    files = sorted(p.name for p in tmp.iterdir() if not p.name.startswith("."))
    return ReleaseInfo(out_dir, triples, quads, files)


def _write_dumps(store: ox.Store, directory: Path) -> int:
    """Serialise the store into every dump format, each streamed by pyoxigraph into a temporary
    file renamed into place (no copy of the graph in memory); return the number of distinct
    triples."""
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    _serialize(store, directory / "kzmig.nq", ox.RdfFormat.N_QUADS)
    _serialize(store, directory / "kzmig.trig", ox.RdfFormat.TRIG, prefixes)
    for name, (fmt, _media, _title) in FILES.items():
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML, ox.RdfFormat.N_TRIPLES):
            # the triples merged: CONSTRUCT gives a triple in two named graphs once
            _serialize(store.query(MERGED_TRIPLES), directory / name, fmt,
                       None if fmt == ox.RdfFormat.N_TRIPLES else prefixes)
    context = _context()
    (directory / "context.jsonld").write_text(json.dumps({"@context": context}, indent=2),
                                              encoding="utf-8")
    write_jsonld(store, context, directory / "kzmig.jsonld")
    return _lines(directory / "kzmig.nt")  # N-Triples: one triple a line


MERGED_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def _serialize(triples: object, path: Path, fmt: ox.RdfFormat,
               prefixes: dict[str, str] | None = None) -> None:
    partial = path.with_name(f".{path.name}.partial")
    try:
        if prefixes is None:
            ox.serialize(triples, str(partial), fmt)
        else:
            ox.serialize(triples, str(partial), fmt, prefixes=prefixes)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(block.count(b"\n") for block in iter(lambda: stream.read(1 << 20), b""))


def _context() -> dict[str, object]:
    context: dict[str, object] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    context["@language"] = "en"
    return context
