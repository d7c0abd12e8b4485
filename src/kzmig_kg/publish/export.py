"""Export the release graph in any of the supported RDF serialisations.

Serialised by pyoxigraph from the store, as the release's dumps are (10 to 25 times faster than
rdflib's serialisers on this graph); JSON-LD is compacted with the release's context.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from ..errors import KzmigError
from ..namespaces import PREFIXES
from ..pipeline.release.jsonld import compact_jsonld
from ..pipeline.store import open_store

# format -> pyoxigraph format (None: JSON-LD, compacted), named graphs kept
FORMATS = {
    "ttl": (ox.RdfFormat.TURTLE, False), "nt": (ox.RdfFormat.N_TRIPLES, False),
    "rdfxml": (ox.RdfFormat.RDF_XML, False), "jsonld": (None, False),
    "nq": (ox.RdfFormat.N_QUADS, True), "trig": (ox.RdfFormat.TRIG, True),
}
_MERGE = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def export_graph(store_dir: Path, fmt: str, out: Path | None = None) -> bytes:
    """Serialise the whole store (named graphs kept for nq/trig, merged otherwise); with ``out``,
    also write it there (to a temporary file renamed into place)."""
    if fmt not in FORMATS:
        raise KzmigError(f"unknown export format '{fmt}'; use one of {', '.join(FORMATS)}")
    store = open_store(Path(store_dir))
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    ox_format, keeps_graphs = FORMATS[fmt]
    if keeps_graphs:
        data = ox.serialize(store, format=ox_format,
                            prefixes=prefixes if ox_format == ox.RdfFormat.TRIG else None)
    else:
        merged = ox.Store()  # one default graph: a triple in two named graphs appears once
        merged.load(ox.serialize(store.query(_MERGE), format=ox.RdfFormat.N_TRIPLES),
                    format=ox.RdfFormat.N_TRIPLES)
        if ox_format is None:
            context: dict[str, object] = {**prefixes, "@language": "en"}
            data = json.dumps(compact_jsonld(merged, context)).encode("utf-8")
        else:
            data = ox.serialize(merged, format=ox_format,
                                prefixes=None if ox_format == ox.RdfFormat.N_TRIPLES else prefixes)
    if out is not None:
        _write_atomic(Path(out), data)
    return data


def _write_atomic(path: Path, data: bytes) -> None:
    if path.is_dir():
        raise OSError(errno.EISDIR, "is a directory; give a file path", str(path))
    if path.exists() and not path.is_file():
        _write_in_place(path, data)  # a device or a pipe (/dev/stdout) is written, never replaced
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            try:
                handle.write(data)
                handle.flush()
            except OSError as error:  # a write names no file: name the one the user gave
                raise OSError(error.errno, error.strerror, str(path)) from None
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; a plain file is what is asked for
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_in_place(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as handle:
            handle.write(data)
            handle.flush()
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
