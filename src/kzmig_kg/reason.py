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

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .errors import InconsistentOntology

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


def reasoning_copy(graphs: list[Graph]) -> Graph:
    """The graph HermiT checks: datatypes it cannot handle converted or left out."""
    copy = Graph()
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
            copy.add((s, p, o))
    return copy


def check_consistency(dataset: Dataset, java: str | None = None) -> ReasoningResult:
    """Run HermiT on the ontology plus data; raise InconsistentOntology with an explanation."""
    java = java or shutil.which("java")
    graphs = [g for g in dataset.graphs() if not str(g.identifier).endswith("/graph/release")]
    copy = reasoning_copy(graphs)
    if java is None:
        return ReasoningResult(False, None, 0.0, len(copy),
                               "Java not found; install a JRE (e.g. apt-get install default-jre-headless)")
    import owlready2

    owlready2.JAVA_EXE = java
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kzmig-reason-") as tmp:
        path = Path(tmp) / "kzmig-reasoning.nt"
        copy.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        world.get_ontology(path.as_uri()).load()
        try:
            with open(os.devnull, "w") as quiet, _redirect_stdout(quiet):
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            raise InconsistentOntology(explain_inconsistency(copy)) from None
        finally:
            world.close()
    return ReasoningResult(True, True, time.perf_counter() - start, len(copy))


class _redirect_stdout:
    """owlready2 prints HermiT's progress on stdout; keep the CLI output readable."""

    def __init__(self, target):
        self.target = target

    def __enter__(self):
        import contextlib

        self._cm = contextlib.redirect_stdout(self.target)
        return self._cm.__enter__()

    def __exit__(self, *exc):
        return self._cm.__exit__(*exc)


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
