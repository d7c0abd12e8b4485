"""pyshacl's ``validate`` on a graph whose SHACL-SPARQL texts are parsed once per test process.

pyshacl runs a SPARQL-based constraint (SHACL 5.3) once per focus node with the same text, and
rdflib parses the text anew each time with pyparsing: in the tests that validate fixture after
fixture against the same shapes, that parsing was most of their CPU (test_events.py 3.6 s and
test_instruments.py 2.1 s of parsing texts parsed before, under load 9). The
build does the same within one validation (``pipeline/validate._UnionGraph``); here the prepared
queries live for the process. A prepared query is evaluated as the text would be (rdflib's
``evalQuery`` with the same bindings), so the reports are pyshacl's own.
"""

from __future__ import annotations

from functools import cache

from pyshacl import validate
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query


@cache
def _prepared(text: str, namespaces: tuple[tuple[str, str], ...]) -> Query:
    return prepareQuery(text, initNs=dict(namespaces))


class _PreparedQueries(Graph):
    """The same store and triples as ``graph``; each SPARQL text prepared once per process, with
    the prefixes rdflib would have used for it (``initNs``, else the graph's bindings)."""

    def __init__(self, graph: Graph) -> None:
        super().__init__(store=graph.store, identifier=graph.identifier,
                         namespace_manager=graph.namespace_manager)

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True, **kwargs):  # noqa: N803 - rdflib's names
        if isinstance(query_object, str):
            namespaces = initNs if initNs is not None else dict(self.namespaces())
            query_object = _prepared(query_object, tuple(sorted((prefix, str(iri))
                                                                for prefix, iri in namespaces.items())))
        return super().query(query_object, processor, result, initNs, initBindings,
                             use_store_provided, **kwargs)


def validate_prepared(data: Graph, shacl_graph: Graph, **options) -> tuple:
    """``pyshacl.validate(data, shacl_graph=..., **options)``, in place on a view of ``data``
    (the shapes have no SHACL rules and inference stays off, so nothing is added to it: checked)."""
    assert type(data) is Graph, "a plain rdflib Graph (a dataset's union would need another view)"
    assert options.get("inference", "none") == "none"
    options.pop("inplace", None)
    size = len(data)
    answer = validate(_PreparedQueries(data), shacl_graph=shacl_graph, inplace=True, **options)
    assert len(data) == size, "pyshacl added triples to the data graph"
    return answer
