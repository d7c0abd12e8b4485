"""The release's graph dumps, streamed by pyoxigraph's serialisers: ``write_dumps``.

Reading the on-disk store is the expensive part (every term is looked up in RocksDB: about 6 us a
quad, 7 s at a million), so the store is read once, into ``kzmig.nq``; every other dump parses a
file already written (about 1.3 us a quad): TriG from the N-Quads, N-Triples as the N-Quads' triples
merged (a triple in two named graphs once), Turtle and RDF/XML from the N-Triples, and JSON-LD
node by node (``jsonld_stream.py``). Nothing holds the graph in memory: a triple can only be
repeated in another graph if its subject is in several graphs, so only the triples of those
("scattered" subjects, found by a first pass) are remembered to drop the repeats. Each file is
written to a temporary name and renamed into place.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ...namespaces import PREFIXES
from ..forked import Forked
from .from_text import TextCounts, subject_text, unique_from_text
from .jsonld_stream import write_jsonld

# the store's dumps without the release description, written beside SHACL (write_data_dumps)
DATA_NQUADS = ".kzmig-data.nq"
DATA_NTRIPLES = ".kzmig-data.nt"


def write_dumps(store: ox.Store, directory: Path, files: dict[str, tuple[Any, str, str]],
                context: dict[str, Any], meanwhile: Callable[[], None] | None = None,
                data: tuple[set[int], list[ox.Quad]] | None = None) -> int:
    """Write every file of ``files`` (name -> (pyoxigraph format or "json-ld", ...)) from
    ``store`` into ``directory``, and ``context.jsonld``; return the number of distinct
    triples.

    With ``meanwhile``, the dumps read from files are written by forked processes once the file
    they read is written (TriG from ``kzmig.nq``; Turtle and RDF/XML, and JSON-LD, from
    ``kzmig.nt``, which this process writes), and this process runs ``meanwhile()`` (the
    release's parts that read the store) before it waits for them; without it, one after the
    other.

    ``data``: ``write_data_dumps`` wrote the N-Quads and N-Triples of ``store`` but for the
    quads given (the release description), and gave the scattered subjects: ``kzmig.nq`` is that
    file with those quads appended, not a new read of the store, and ``kzmig.nt`` likewise when
    no subject of those quads is in another graph (else it is merged from ``kzmig.nq``)."""
    nquads, triples = directory / "kzmig.nq", directory / "kzmig.nt"
    merged: set[int] | None = None
    if data is None:
        _serialize(store, nquads, ox.RdfFormat.N_QUADS)
    else:
        merged, added = data
        with (directory / DATA_NQUADS).open("ab") as out:
            out.write(ox.serialize(added, format=ox.RdfFormat.N_QUADS))
        os.replace(directory / DATA_NQUADS, nquads)
        if _described_elsewhere(store, added):
            merged = None
            (directory / DATA_NTRIPLES).unlink()
        else:
            # each subject's triples together, as a run: not scattered
            ordered = sorted({quad.triple for quad in added}, key=lambda t: str(t.subject))
            with (directory / DATA_NTRIPLES).open("ab") as out:
                out.write(ox.serialize(ordered, format=ox.RdfFormat.N_TRIPLES))
            os.replace(directory / DATA_NTRIPLES, triples)
    if meanwhile is None and merged is None:
        _write_trig(directory, files)
        scattered = _write_ntriples(nquads, triples)
        _write_from_ntriples(directory, files)
        _write_jsonld(directory, scattered, context)
        return _lines(triples)  # N-Triples: one triple a line
    if meanwhile is None:
        meanwhile = _nothing
    children = [Forked("writing the TriG dump", _write_trig, directory, files)]
    try:
        scattered = _write_ntriples(nquads, triples) if merged is None else merged
        children.append(Forked("writing the Turtle and RDF/XML dumps", _write_from_ntriples, directory,
                               files))
        children.append(Forked("writing the JSON-LD dump", _write_jsonld, directory, scattered, context))
        meanwhile()
        for child in children:
            child.result()
    finally:
        for child in children:
            child.stop()
    return _lines(triples)


def write_data_dumps(store: ox.Store, directory: Path, loaded: Path | None = None) -> set[int]:
    """``DATA_NQUADS`` (every quad of ``store``) and ``DATA_NTRIPLES`` (its triples merged) into
    ``directory``, for ``write_dumps`` to complete; return the scattered subjects.

    ``loaded``: the N-Quads text the store was filled from (``stream.stream_store``: in load
    order, repeats included). The two files are then made from it in one pass, each quad once,
    instead of from a read of the store (which decodes every term: 7 s of CPU at 1.1 million
    quads); the store is read only for the named graphs added after it was loaded, or as a whole
    if it still holds another number of quads than the file."""
    return write_counted_data_dumps(store, directory, loaded)[0]


def write_counted_data_dumps(store: ox.Store, directory: Path, loaded: Path | None = None
                             ) -> tuple[set[int], TextCounts | None]:
    """``write_data_dumps``, and VoID's counts of the quads written when they were all made from
    ``loaded`` (``from_text.TextCounts``; else None: ``void.describe_release`` counts them on the
    store)."""
    if loaded is not None and loaded.exists():
        made = _from_text(loaded, store, directory)
        if made is not None:
            return made
    _serialize(store, directory / DATA_NQUADS, ox.RdfFormat.N_QUADS)
    return _write_ntriples(directory / DATA_NQUADS, directory / DATA_NTRIPLES), None


def _data_dumps_from(loaded: Path, store: ox.Store, directory: Path) -> set[int] | None:
    """``write_data_dumps`` from the text ``loaded``; None when the store holds other quads."""
    made = _from_text(loaded, store, directory)
    return None if made is None else made[0]


def _from_text(loaded: Path, store: ox.Store, directory: Path
               ) -> tuple[set[int], TextCounts | None] | None:
    nquads, ntriples = directory / DATA_NQUADS, directory / DATA_NTRIPLES
    done = unique_from_text(loaded, nquads, ntriples)
    expected = len(store)
    if done.written == expected:
        return done.scattered, done.counts
    # named graphs added to the store after the load (the summary figures), read from it
    later = [quad for graph in store.named_graphs() if graph not in done.graphs
             for quad in store.quads_for_pattern(None, None, None, graph)]
    if not later or done.written + len(later) != expected:
        return None
    with nquads.open("ab") as out:
        out.write(ox.serialize(later, format=ox.RdfFormat.N_QUADS))
    subjects = {quad.subject for quad in later}
    if any(type(subject) is not ox.NamedNode or hash(subject_text(subject)) in done.subjects
           for subject in subjects):  # a triple may repeat one of the text: merged again
        return _write_ntriples(nquads, ntriples), None
    with ntriples.open("ab") as out:
        out.write(ox.serialize(list(dict.fromkeys(quad.triple for quad in later)),
                               format=ox.RdfFormat.N_TRIPLES))
    # their triples follow the text's, graph by graph: gathered by the JSON-LD like scattered ones
    return done.scattered | {hash(subject) for subject in subjects}, None


def data_triples(directory: Path) -> int:
    """The triples of the N-Triples ``write_data_dumps`` wrote into ``directory``."""
    return _lines(directory / DATA_NTRIPLES)


def _described_elsewhere(store: ox.Store, added: list[ox.Quad]) -> bool:
    """Whether a subject of ``added`` (quads of one graph) has triples in another graph of
    ``store``."""
    subjects = {quad.subject for quad in added if isinstance(quad.subject, ox.NamedNode)}
    graphs = {quad.graph_name for quad in added}
    if len(graphs) != 1:
        return True
    graph = next(iter(graphs))
    return any(bool(store.query(f"ASK {{ GRAPH ?g {{ {subject} ?p ?o }} FILTER(?g != {graph}) }}"))
               for subject in subjects)


def _nothing() -> None:
    return None


def _write_trig(directory: Path, files: dict[str, tuple[Any, str, str]]) -> None:
    for name, (fmt, _media, _title) in files.items():
        if fmt == ox.RdfFormat.TRIG:
            _serialize(ox.parse(path=str(directory / "kzmig.nq"), format=ox.RdfFormat.N_QUADS),
                       directory / name, fmt, _prefixes())


def _write_ntriples(nquads: Path, triples: Path) -> set[int]:
    """Every triple of ``nquads``'s named graphs once, into ``triples``; return the scattered
    subjects (``scattered_subjects``)."""
    scattered = scattered_subjects(nquads)
    _serialize(_merged(nquads, scattered), triples, ox.RdfFormat.N_TRIPLES)
    return scattered


def _write_from_ntriples(directory: Path, files: dict[str, tuple[Any, str, str]]) -> None:
    for name, (fmt, _media, _title) in files.items():
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
            _serialize(ox.parse(path=str(directory / "kzmig.nt"), format=ox.RdfFormat.N_TRIPLES),
                       directory / name, fmt, _prefixes())


def _write_jsonld(directory: Path, scattered: set[int], context: dict[str, Any]) -> None:
    (directory / "context.jsonld").write_text(json.dumps({"@context": context}, indent=2),
                                              encoding="utf-8")
    write_jsonld(directory / "kzmig.nt", scattered, context, directory / "kzmig.jsonld")


def _prefixes() -> dict[str, str]:
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def scattered_subjects(nquads: Path) -> set[int]:
    """The hashes of the subjects whose quads do not form one run (same graph, same subject) in
    the N-Quads file ``nquads``: those in several graphs, and any the store's order split. A
    subject outside it has all its quads together; a hash collision only adds a subject."""
    seen: set[int] = set()
    scattered: set[int] = set()
    last: tuple[Any, Any] | None = None
    for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
        run = (quad.graph_name, quad.subject)
        if run != last:
            key = hash(quad.subject)
            if key in seen:
                scattered.add(key)
            seen.add(key)
            last = run
    return scattered


def _merged(nquads: Path, scattered: set[int]) -> Iterator[ox.Triple]:
    """The triples of the named graphs of ``nquads``, each once."""
    repeated: set[ox.Triple] = set()
    for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            continue
        triple = quad.triple
        if hash(quad.subject) in scattered:
            if triple in repeated:
                continue
            repeated.add(triple)
        yield triple


def _serialize(data: ox.Store | Iterable[ox.Triple] | Iterable[ox.Quad], path: Path,
               fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None) -> None:
    partial = path.with_name(f".{path.name}.partial")
    try:
        if prefixes is None:
            ox.serialize(data, str(partial), fmt)
        else:
            ox.serialize(data, str(partial), fmt, prefixes=prefixes)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(block.count(b"\n") for block in iter(lambda: stream.read(1 << 20), b""))
