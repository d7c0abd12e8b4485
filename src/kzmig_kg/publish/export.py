"""Export the release graph in any of the supported RDF serialisations."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from ..errors import KzmigError
from ..namespaces import PREFIXES
from ..pipeline.store import open_store

FORMATS = {
    "ttl": ("turtle", False), "nt": ("nt", False), "rdfxml": ("xml", False),
    "jsonld": ("json-ld", False), "nq": ("nquads", True), "trig": ("trig", True),
}


def export_graph(store_dir: Path, fmt: str, out: Path | None = None) -> bytes:
    """Serialise the whole store (named graphs kept for nq/trig, merged otherwise)."""
    if fmt not in FORMATS:
        raise KzmigError(f"unknown export format '{fmt}'; use one of {', '.join(FORMATS)}")
    store = open_store(Path(store_dir))
    nquads = store.dump(format=ox.RdfFormat.N_QUADS)
    rdflib_format, keeps_graphs = FORMATS[fmt]
    if keeps_graphs:
        target: Graph | Dataset = Dataset()
        target.parse(data=nquads, format="nquads")
    else:
        target = Graph()
        dataset = Dataset()
        dataset.parse(data=nquads, format="nquads")
        for s, p, o, _g in dataset.quads((None, None, None, None)):
            target.add((s, p, o))
    for prefix, namespace in PREFIXES.items():
        target.bind(prefix, namespace)
    kwargs = {"context": {p: str(n) for p, n in PREFIXES.items()}} if fmt == "jsonld" else {}
    data = target.serialize(format=rdflib_format, encoding="utf-8", **kwargs)
    if out is not None:
        Path(out).write_bytes(data)
    return data
