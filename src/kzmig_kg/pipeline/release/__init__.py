"""Stage 6: write a release to ``dist/``: graph dumps, JSON-LD context, VoID/DCAT, reports, store.

``write_release`` fills a new directory; ``build.build_release`` makes it the release by one
rename (``outdir.replace_output``), so a failed build leaves the previous release intact.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ...namespaces import PREFIXES
from ...paths import ONTOLOGY_DIR
from ..forked import Forked
from ..reason import ReasoningResult
from ..store import persist_store, to_oxigraph
from ..validate import ValidationReport
from .dumps import data_triples, write_counted_data_dumps, write_dumps
from .framed import write_framed
from .from_text import TextCounts
from .schemaorg import export_schemaorg
from .search_index import SEARCH_INDEX, write_passages, write_search_index
from .void import DATASET_IRI, RELEASE_GRAPH, describe_release

__all__ = ["DATASET_IRI", "FILES", "RELEASE_GRAPH", "ReleaseInfo", "StoreParts",
           "start_store_parts", "write_release"]

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


# the search index's passages (``search_index.write_passages``), read by ``write_search_index``
PASSAGES = ".search-passages.sqlite"


@dataclass
class ReleaseInfo:
    directory: Path
    triples: int
    quads: int
    files: list[str]


def write_release(store: ox.Store, validation: ValidationReport, reasoning: ReasoningResult,
                  out_dir: Path, timings: dict[str, float] | None = None,
                  parallel: bool = False, store_parts: StoreParts | None = None) -> ReleaseInfo:
    """Write every release file into ``out_dir``, a new directory (``outdir.Staging.path``).

    ``store`` is the in-memory store of the build's quads (``store.memory_store``); the release
    description is added to it in its own named graph. ``parallel``: the dumps read from files
    are written by forked processes while this one writes the parts read from the store
    (``dumps.write_dumps``); the files are the same. ``store_parts``: those parts, started on the
    on-disk store beside SHACL (``start_store_parts``), with the N-Quads and N-Triples of every
    graph but the release description's; waited for before the store changes.
    """
    tmp = Path(out_dir)
    scattered: set[int] | None = None
    if store_parts is not None:
        # the dumps' child only: the other's parts (the search index's passages) are waited for
        # by the search index, while the forked dumps run
        scattered = store_parts.dumps_result()
        if validation.triples_checked is None:  # the default graph is empty (validate_store)
            validation.triples_checked = (store_parts.counts.triples if store_parts.counts
                                          else data_triples(tmp))
    counted = store_parts.counts if store_parts is not None else None
    description = describe_release(store, validation, reasoning, FILES, counted)
    release_graph = to_oxigraph(RELEASE_GRAPH)
    described = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), release_graph)
                 for s, p, o in description]
    store.extend(described)

    def from_store() -> None:
        if store_parts is None:
            _store_parts(store, tmp)
        else:
            store_parts.parts_result()
        # kzmig.nt is complete before the forked dumps start: the index is made while they run
        write_search_index(store, tmp / SEARCH_INDEX, tmp / "kzmig.nt", passages=tmp / PASSAGES)

    data = (scattered, described) if scattered is not None else None
    triples = _write_dumps(store, tmp, from_store if parallel else None, data)
    if not parallel:
        from_store()
    if not (tmp / "store").is_dir():  # the streaming build fills its on-disk store there itself
        persist_store(store, tmp / "store", tmp / "kzmig.nq")  # the dump holds every quad
    description.serialize(tmp / "void.ttl", format="turtle", encoding="utf-8")
    validation.report_graph.serialize(tmp / "validation-report.ttl", format="turtle",
                                      encoding="utf-8")
    (tmp / "validation-report.txt").write_text(
        validation.summary(limit=10_000) + "\n" + reasoning.summary() + "\n", encoding="utf-8")
    if timings is not None:
        (tmp / "build-timings.json").write_text(json.dumps(timings, indent=2), encoding="utf-8")
    # the SSSOM alignment of the ontology, as RDF (derived from the TSV with the sssom package)
    shutil.copyfile(ONTOLOGY_DIR / "mappings" / "kzmig.sssom.ttl", tmp / "kzmig.sssom.ttl")
    quads = len(store)
    files = sorted(p.name for p in tmp.iterdir() if not p.name.startswith("."))
    return ReleaseInfo(out_dir, triples, quads, files)


class StoreParts:
    """The release's parts read from the store, written by two forked processes: ``result()``
    gives the scattered subjects of the dumps (the search index's passages are in ``PASSAGES``);
    then ``counts`` holds VoID's counts of the dumps when they were made from the loaded text."""

    counts: TextCounts | None = None

    def __init__(self, store: ox.Store, out_dir: Path, loaded: Path | None = None) -> None:
        # The children read a checkpoint of the on-disk store (hard links to its files), never
        # the store itself: RocksDB's background compaction deletes files that a second,
        # read-only instance may not have opened yet.
        self._snapshot = out_dir / ".store-snapshot"
        store.flush()
        store.backup(str(self._snapshot))
        self._loaded = loaded
        # from the fork server, not this process: each opens the checkpoint in RocksDB (``Forked``)
        self._dumps = Forked("writing the N-Quads and N-Triples of the store", _data_dumps_at,
                             self._snapshot, out_dir, loaded, start="forkserver")
        self._parts = Forked("writing the schema.org view, framed documents and passages",
                             _store_parts_at, self._snapshot, out_dir, start="forkserver")

    def result(self) -> set[int]:
        try:
            scattered = self.dumps_result()
            self.parts_result()
            return scattered
        finally:
            self.stop()

    def dumps_result(self) -> set[int]:
        """The scattered subjects, once the N-Quads and N-Triples are written (the other
        child's parts may still be running: ``parts_result``)."""
        try:
            scattered, self.counts = self._dumps.result()
            return scattered
        except BaseException:
            self.stop()
            raise

    def parts_result(self) -> None:
        """Once the schema.org view, framed documents and passages are written."""
        try:
            self._parts.result()
        finally:
            self.stop()

    def stop(self) -> None:
        self._dumps.stop()
        self._parts.stop()
        shutil.rmtree(self._snapshot, ignore_errors=True)
        if self._loaded is not None:
            self._loaded.unlink(missing_ok=True)


def start_store_parts(store: ox.Store, out_dir: Path, loaded: Path | None = None) -> StoreParts:
    """Write the release's parts read from the store (its N-Quads and N-Triples without the
    release description, ``dumps.write_data_dumps``; the schema.org view, the framed documents,
    and the search index's passages) into ``out_dir`` in forked processes, while SHACL runs:
    none of them reads the release description, which waits for SHACL. ``loaded``: the text the
    store was loaded from, which the N-Quads and N-Triples are made from (removed after)."""
    return StoreParts(store, out_dir, loaded)


def _data_dumps_at(snapshot: Path, out_dir: Path, loaded: Path | None
                   ) -> tuple[set[int], TextCounts | None]:
    return write_counted_data_dumps(ox.Store.read_only(str(snapshot)), out_dir, loaded)


def _store_parts_at(snapshot: Path, out_dir: Path) -> None:
    _store_parts(ox.Store.read_only(str(snapshot)), out_dir)


def _store_parts(store: ox.Store, out_dir: Path) -> None:
    export_schemaorg(store, out_dir / "kzmig-schemaorg.jsonld")
    write_framed(store, _context(), out_dir)
    # on disk, not sent back: a resource's passages for every observation grow with the graph
    write_passages(store, out_dir / PASSAGES)


def _write_dumps(store: ox.Store, directory: Path,
                 meanwhile: Callable[[], None] | None = None,
                 data: tuple[set[int], list[ox.Quad]] | None = None) -> int:
    """Every dump of ``FILES`` and ``context.jsonld``; return the number of distinct triples."""
    return write_dumps(store, directory, FILES, _context(), meanwhile, data)


def _context() -> dict[str, object]:
    context: dict[str, object] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    context["@language"] = "en"
    return context
