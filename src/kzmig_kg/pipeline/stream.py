"""Stage 2 at scale: records to RDF chunk by chunk, straight into a pyoxigraph store.

The mappers write through ``MappingContext`` as they do for ``graph.build_graph``, but into
``_ChunkGraph`` sinks (a dict of subject -> set of (predicate, object)) instead of an rdflib
dataset; every ``chunk`` records the sinks' quads are converted to pyoxigraph terms, handed to
the store (the bulk loader of an on-disk store, in the build) and dropped, so the RDF terms held
in Python are bounded by one chunk, not by the graph.
The ontology and the kinds' vocabularies (a few thousand triples, parsed from Turtle) still go
through a small rdflib dataset. The quads are the same as ``build_graph``'s (a test holds the two
releases equal); rdflib's blank node ids are kept.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from ..mapping.context import MappingContext
from ..mapping.schema import RecordSet
from .graph import add_vocabularies, load_ontology, map_records, register_passages
from .store import to_oxigraph
from .stream_workers import LOADERS, map_in_workers

DEFAULT_CHUNK = 20_000  # records mapped between two conversions into the store
# records per slice when several workers map (stream_workers.py): small enough that the slices
# spread evenly over the workers and the parent loads the first ones while the rest are mapped
WORKER_SLICE = 5_000
_TERM_CACHE_LIMIT = 50_000  # IRIs kept converted (predicates, classes, codes); cleared past this


def stream_store(records: RecordSet, chunk: int = DEFAULT_CHUNK,
                 location: Path | None = None, workers: int = 1,
                 slice_size: int = WORKER_SLICE, loaded: Path | None = None) -> ox.Store:
    """A pyoxigraph store of every quad ``build_graph`` would give for ``records``: in memory, or
    on disk at ``location`` (a new directory), filled by the bulk loader chunk by chunk so that
    the memory does not grow with the graph. With ``workers`` above 1 and more than one slice of
    ``slice_size`` records, forked workers map the slices (``stream_workers.py``).

    ``loaded``: a new file that receives, as N-Quads, every quad handed to the store, in that
    order and with its repeats, so that the release's dumps need not read the store back
    (``release.dumps.write_data_dumps``)."""
    with _LoadedText(loaded) as text:
        return _stream_store(records, chunk, location, workers, slice_size, text)


def _stream_store(records: RecordSet, chunk: int, location: Path | None, workers: int,
                  slice_size: int, text: _LoadedText) -> ox.Store:
    store = ox.Store() if location is None else ox.Store(str(location))
    add = text.beside(store.extend if location is None else store.bulk_extend)
    converter = _Converter()
    fixed = Dataset()
    load_ontology(fixed)
    add_vocabularies(fixed)
    add([converter.quad(s, p, o, g) for s, p, o, g in fixed.quads((None, None, None, None))])
    del fixed
    if workers > 1 and len(records.records) > slice_size:
        template = MappingContext(records=records, dataset=_ChunkDataset())  # type: ignore[arg-type]
        register_passages(records, template)

        appending = threading.Lock()

        def load(path: Path) -> None:  # on a loader thread: the bulk loads run side by side
            if location is None:
                store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
            else:
                store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            with appending:  # a file's text whole, never interleaved with another's
                text.append_file(path)

        map_in_workers(records, template, load, _ChunkDataset, _NQuadsText, workers, slice_size,
                       location.parent if location is not None else Path(tempfile.gettempdir()),
                       lambda: _serial_errors(records),
                       loaders=LOADERS if location is not None else 1)
        return store
    sinks = _ChunkDataset()
    ctx = MappingContext(records=records, dataset=sinks)  # type: ignore[arg-type]

    def after_record(number: int) -> None:
        if number % chunk == 0:
            add(list(sinks.drain(converter)))

    map_records(records, ctx, after_record)
    add(list(sinks.drain(converter)))
    return store


def _serial_errors(records: RecordSet) -> None:
    """Map ``records`` serially into sinks that are emptied every record and raise the mapping's
    ``RecordErrors``, if any (the workers' checks see only their own slices)."""
    sinks = _ChunkDataset()
    ctx = MappingContext(records=records, dataset=sinks)  # type: ignore[arg-type]

    def forget(_number: int) -> None:
        for _quad in sinks.drain_triples():
            pass

    map_records(records, ctx, forget)  # raises RecordErrors


class _LoadedText:
    """The N-Quads text of every quad loaded into the store, written to ``path`` (``None``: not
    kept): the workers' slice files copied as they are, the parent's own quads serialised by
    pyoxigraph. Every line names its graph (``release.from_text`` relies on it): at a quad of
    the default graph the text is given up and removed, and the dumps read the store."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._out = None if path is None else path.open("wb")

    def __enter__(self) -> _LoadedText:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._out is not None:
            self._out.close()

    def beside(self, add: Callable[[list[ox.Quad]], None]) -> Callable[[list[ox.Quad]], None]:
        """``add``, that also writes the quads it is given."""
        if self._out is None:
            return add

        def both(quads: list[ox.Quad]) -> None:
            add(quads)
            if self._out is None:
                return
            if any(type(quad.graph_name) is ox.DefaultGraph for quad in quads):
                self._give_up()
                return
            self._out.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        return both

    def _give_up(self) -> None:
        if self._out is not None and self._path is not None:
            self._out.close()
            self._out = None
            self._path.unlink()

    def append_file(self, path: Path) -> None:
        if self._out is not None:
            with path.open("rb") as source:
                shutil.copyfileobj(source, self._out, 1 << 20)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _NQuadsText:
    """rdflib terms as N-Quads text, for the workers' slice files: writing the text in Python is
    cheaper than building pyoxigraph terms to serialise them, and the store's loader parses it
    into the same terms. IRIs (repeated in every record) are cached."""

    def __init__(self) -> None:
        self._iris: dict[str, str] = {}

    def term(self, term: Node) -> str:
        kind = type(term)
        if kind is URIRef:
            key = str(term)
            found = self._iris.get(key)
            if found is None:
                if len(self._iris) > _TERM_CACHE_LIMIT:
                    self._iris.clear()
                found = self._iris[key] = f"<{key}>"
            return found
        if kind is Literal:
            text = str(term)
            if '"' in text or "\\" in text or "\n" in text or "\r" in text:
                text = text.translate(_ESCAPES)
            if term.language:
                return f'"{text}"@{term.language}'
            datatype = term.datatype
            if datatype is None or str(datatype) == _XSD_STRING:
                return f'"{text}"'
            return f'"{text}"^^{self.term(datatype)}'
        if kind is BNode:
            return f"_:{term}"
        return to_oxigraph(term).__str__()  # a subclass of an rdflib term: pyoxigraph writes it


class _Converter:
    """rdflib terms to pyoxigraph terms, with the IRIs (repeated in every record) cached."""

    def __init__(self) -> None:
        self._iris: dict[str, ox.NamedNode] = {}

    def term(self, term: Node) -> Any:
        if type(term) is URIRef:
            # keyed by the plain string: a URIRef key compares by rdflib's __eq__, in Python
            key = str(term)
            found = self._iris.get(key)
            if found is None:
                if len(self._iris) > _TERM_CACHE_LIMIT:
                    self._iris.clear()
                found = self._iris[key] = ox.NamedNode(key)
            return found
        return to_oxigraph(term)

    def quad(self, s: Node, p: Node, o: Node, g: Node) -> ox.Quad:
        term = self.term
        return ox.Quad(term(s), term(p), term(o), term(g))


class _ChunkGraph:
    """The part of an rdflib ``Graph`` the mappers use (add, remove, objects, ``in``), holding
    only the triples added since the last drain. A subject's (predicate, object) pairs are a list,
    not a set: hashing rdflib's literals runs in Python, and the store drops repeated quads."""

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._by_subject: dict[Node, list[tuple[Node, Node]]] = {}

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        s, p, o = triple
        pairs = self._by_subject.get(s)
        if pairs is None:
            self._by_subject[s] = [(p, o)]
        else:
            pairs.append((p, o))

    def __contains__(self, triple: tuple[Node, Node, Node]) -> bool:
        s, p, o = triple
        return (p, o) in self._by_subject.get(s, ())

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        return (o for p, o in list(self._by_subject.get(subject, ())) if p == predicate)

    def remove(self, triple: tuple[Node, Node | None, Node | None]) -> None:
        s, p, o = triple
        pairs = self._by_subject.get(s)
        if pairs is None:
            return
        pairs[:] = [(p2, o2) for p2, o2 in pairs
                    if not ((p is None or p2 == p) and (o is None or o2 == o))]

    def drain(self) -> Iterator[tuple[Node, Node, Node]]:
        for s, pairs in self.drain_subjects():
            for p, o in pairs:
                yield s, p, o

    def drain_subjects(self) -> Iterator[tuple[Node, list[tuple[Node, Node]]]]:
        """Each subject with its (predicate, object) pairs, as ``drain`` gives them."""
        by_subject, self._by_subject = self._by_subject, {}
        yield from by_subject.items()


class _ChunkDataset:
    """The part of an rdflib ``Dataset`` the mappers use: ``graph(name)``."""

    def __init__(self) -> None:
        self._graphs: dict[URIRef, _ChunkGraph] = {}
        self.default_graph = self.graph(URIRef("urn:x-rdflib:default"))

    def graph(self, identifier: URIRef) -> _ChunkGraph:
        found = self._graphs.get(identifier)
        if found is None:
            found = self._graphs[identifier] = _ChunkGraph(identifier)
        return found

    def write_nquads(self, path: Path, text: _NQuadsText) -> None:
        """Write the quads added since the last drain to ``path`` as N-Quads, and drop them."""
        term = text.term
        with path.open("w", encoding="utf-8") as out:
            for identifier, graph in self._graphs.items():
                name = " " + term(identifier) + " .\n"
                for s, pairs in graph.drain_subjects():  # a subject's text once, not a triple
                    head = term(s) + " "
                    out.writelines(f"{head}{term(p)} {term(o)}{name}" for p, o in pairs)

    def drain_triples(self) -> Iterator[tuple[Node, Node, Node]]:
        for graph in self._graphs.values():
            yield from graph.drain()

    def drain(self, converter: _Converter) -> Iterator[ox.Quad]:
        for identifier, graph in self._graphs.items():
            name = converter.term(identifier)
            term = converter.term
            for s, p, o in graph.drain():
                yield ox.Quad(term(s), term(p), term(o), name)

