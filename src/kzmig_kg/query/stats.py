"""Statistics of a built store: triples per named graph and instances per class."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..pipeline.store import open_store
from .local import query_store
from .results import python_value


@dataclass
class GraphStats:
    triples: int
    per_graph: list[tuple[str, int]]
    per_class: list[tuple[str, int]]


def graph_stats(store_dir: Path) -> GraphStats:
    """Count triples per named graph and instances per class in the on-disk store."""
    store = open_store(Path(store_dir))
    per_graph = query_store(store, """
        SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY DESC(?n) ?g""")
    per_class = query_store(store, """
        SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }
        GROUP BY ?class ORDER BY DESC(?n) ?class""")
    graphs = [(row["g"].value, python_value(row["n"])) for row in per_graph.rows]
    classes = [(row["class"].value, python_value(row["n"])) for row in per_class.rows]
    return GraphStats(sum(n for _, n in graphs), graphs, classes)
