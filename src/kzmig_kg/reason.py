"""Stage 4: OWL 2 consistency check of the ontology plus the data with owlready2 and HermiT.

HermiT works on a copy of the graph made for it (the release is never changed):
- ``xsd:date`` values become ``xsd:dateTime`` (midnight), because ``xsd:date`` is not in the OWL 2
  datatype map; ``xsd:gYear``/``xsd:gYearMonth`` values and any other datatype outside the map are
  left out, as are range axioms naming such datatypes;
- SHACL shapes, the release description and owl:imports (already merged) are not included.
What the check guarantees: the TBox and every class, object-property and supported data-property
assertion of the data are consistent together: no individual falls in two disjoint classes, no
functional property (ELI's date_document, in_force...) has two values, no domain or range
puts an individual into a class disjoint with its own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from .errors import InconsistentOntology
from .store import to_oxigraph

OWL2_DATATYPES = {XSD[name] for name in (
    "decimal", "integer", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger",
    "negativeInteger", "long", "int", "short", "byte", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte", "double", "float", "string", "normalizedString", "token",
    "language", "Name", "NCName", "NMTOKEN", "boolean", "hexBinary", "anyURI", "dateTime",
    "dateTimeStamp", "base64Binary",
)} | {RDF.PlainLiteral, RDF.XMLLiteral, RDF.langString, RDFS.Literal, OWL.real, OWL.rational}


@dataclass
class ReasoningResult:
    ran: bool
    consistent: bool | None
    seconds: float
    triples: int
    reason: str = ""

    def summary(self) -> str:
        if not self.ran:
            return f"OWL consistency (HermiT): NOT RUN: {self.reason}"
        state = "consistent" if self.consistent else "INCONSISTENT"
        return f"OWL consistency (HermiT): {state} ({self.triples} triples, {self.seconds:.2f} s)"


def _reasoning_triples(graphs: Iterable[Graph]) -> Iterator[tuple[Node, Node, Node]]:
    """The triples HermiT checks: datatypes it cannot handle converted or left out."""
    for graph in graphs:
        for s, p, o in graph:
            if p == OWL.imports:  # the import module is already in the copy; never fetch it
                continue
            if isinstance(o, Literal) and o.datatype is not None:
                if o.datatype == XSD.date:
                    o = Literal(f"{o}T00:00:00", datatype=XSD.dateTime)
                elif o.datatype not in OWL2_DATATYPES:
                    continue
            elif isinstance(o, URIRef) and str(o).startswith(str(XSD)):
                if o == XSD.date:
                    o = XSD.dateTime
                elif o not in OWL2_DATATYPES:
                    continue
            yield s, p, o


def reasoning_copy(graphs: list[Graph]) -> Graph:
    """The graph HermiT checks, as an rdflib graph (for tests and for explaining a failure)."""
    copy = Graph()
    for triple in _reasoning_triples(graphs):
        copy.add(triple)
    return copy


def check_consistency(dataset: Dataset, java: str | None = None) -> ReasoningResult:
    """Run HermiT on the ontology plus data; raise InconsistentOntology with an explanation."""
    java = java or shutil.which("java")
    graphs = [g for g in dataset.graphs() if not str(g.identifier).endswith("/graph/release")]
    if java is None:
        return ReasoningResult(False, None, 0.0, sum(1 for _ in _reasoning_triples(graphs)),
                               "Java not found; install a JRE (e.g. apt-get install default-jre-headless)")
    import owlready2

    owlready2.JAVA_EXE = java
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kzmig-reason-") as tmp:
        path = Path(tmp) / "kzmig-reasoning.nt"
        with path.open("w", encoding="utf-8") as out:  # N-Triples, written without an rdflib graph
            triples = 0
            for s, p, o in _reasoning_triples(graphs):
                out.write(f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} .\n")
                triples += 1
        world = owlready2.World()
        try:
            # owlready2 reports OWL 2 punning (qb:DimensionProperty individuals that are also
            # object properties) and HermiT's progress on the standard streams: keep the CLI quiet
            with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), \
                    contextlib.redirect_stderr(quiet):
                world.get_ontology(path.as_uri()).load()
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            raise InconsistentOntology(explain_inconsistency(reasoning_copy(graphs))) from None
        finally:
            world.close()
    return ReasoningResult(True, True, time.perf_counter() - start, triples)


def explain_inconsistency(graph: Graph) -> str:
    """Name the individuals behind the usual causes: disjoint classes, functional properties."""
    superclasses: dict[URIRef, set[URIRef]] = {}
    for cls in set(graph.subjects(RDF.type, OWL.Class)) | set(graph.objects(None, RDF.type)):
        superclasses[cls] = set(graph.transitive_objects(cls, RDFS.subClassOf))
    disjoint = {(a, b) for a, b in graph.subject_objects(OWL.disjointWith)}
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(graph, graph.value(group, OWL.members)))
        disjoint |= {(a, b) for i, a in enumerate(members) for b in members[i + 1:]}
    problems = []
    for individual in set(graph.subjects(RDF.type, None)):
        types: set = set()
        for cls in graph.objects(individual, RDF.type):
            types |= superclasses.get(cls, {cls})
        for a, b in disjoint:
            if a in types and b in types:
                problems.append(f"<{individual}> is both {_name(a)} and {_name(b)}, "
                                "which the ontology declares disjoint")
    for prop in graph.subjects(RDF.type, OWL.FunctionalProperty):
        seen: dict = {}
        for s, o in graph.subject_objects(prop):
            seen.setdefault(s, set()).add(o)
        for s, values in seen.items():
            if len(values) > 1:
                shown = ", ".join(sorted(str(v) for v in values))
                problems.append(f"<{s}> has {len(values)} values for functional property "
                                f"{_name(prop)}: {shown}")
    head = "HermiT found the ontology plus data inconsistent."
    if not problems:
        return head + (" No disjointness or functional-property clash was found by the "
                       "explainer; look for domain/range axioms that type an individual into "
                       "disjoint classes.")
    return head + "\n" + "\n".join(f"  - {p}" for p in sorted(set(problems)))


def _name(node: URIRef) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]
