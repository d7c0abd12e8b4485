"""Stage 5: the embedded store: a pyoxigraph store on disk holding every quad of the release.

The graph is built with rdflib; its terms are converted to pyoxigraph terms once, here, and every
later step (dumps, VoID counts, the schema.org view, queries) reads pyoxigraph. pyoxigraph
canonicalises literals (xsd:positiveInteger -> xsd:integer, "05" -> "5"), so the graph uses
canonical forms only and the store holds exactly what the dumps hold.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from ..errors import KzmigError


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def memory_store(quads: Iterable[tuple[Node, Node, Node, Node]]) -> ox.Store:
    """An in-memory store of the (subject, predicate, object, graph) rdflib quads.

    The release's dumps are serialised from it (eight times faster than from the on-disk store),
    and the on-disk store is bulk-loaded from it with ``persist_store``.
    """
    memory = ox.Store()
    memory.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), to_oxigraph(g))
                  for s, p, o, g in quads)
    return memory


def persist_store(memory: ox.Store, store_dir: Path, nquads: Path | None = None) -> None:
    """Write the in-memory store to a new on-disk store at ``store_dir``; ``nquads``, a dump of
    that store already written, is loaded from the file instead of a second copy in memory."""
    if store_dir.exists():
        raise KzmigError(f"{store_dir} already exists; the store is always built fresh")
    store = ox.Store(str(store_dir))
    if nquads is not None:
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    else:
        store.bulk_load(ox.serialize(memory, format=ox.RdfFormat.N_QUADS),
                        format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store


def open_store(store_dir: Path) -> ox.Store:
    """Open a built store read-only."""
    if not (store_dir.is_dir() and any(store_dir.iterdir())):
        raise KzmigError(f"no store at {store_dir}; run `kzmig-kg build` first")
    try:
        return ox.Store.read_only(str(store_dir))
    except (OSError, RuntimeError) as error:  # RocksDB reports corruption as RuntimeError
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise KzmigError(f"cannot open the store at {store_dir} ({reason}); it is unreadable or "
                         "damaged: check its permissions, or run `kzmig-kg build` again") from None
