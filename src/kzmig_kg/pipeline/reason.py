"""Stage 4: OWL 2 consistency check of the ontology plus the data with HermiT.

The reasoner is the HermiT that owlready2 ships, run with its consistency check (``-k``) on an
N-Triples copy. owlready2's ``sync_reasoner_hermit`` would load that copy into its quadstore, save
it again and ask HermiT to classify and realise every individual (types the release does not use):
4.5 s where the consistency check alone takes 2.7 s. owlready2's own API checks the TBox for
unsatisfiable classes in the tests (tests/test_ontology.py).

HermiT works on a copy of the graph made for it (the release is never changed):
- ``xsd:date`` values become ``xsd:dateTime`` (midnight), because ``xsd:date`` is not in the OWL 2
  datatype map; ``xsd:gYear``/``xsd:gYearMonth`` values and any other datatype outside the map are
  left out, as are range axioms naming such datatypes;
- annotation assertions (labels, comments, SKOS notes, Dublin Core descriptions: every property
  declared an ``owl:AnnotationProperty`` and the built-in ones) are left out, since OWL 2 DL gives
  them no meaning: about a fifth of the triples, and a quarter of HermiT's time;
- SHACL shapes, the release description and owl:imports (already merged) are not included.
What the check guarantees: the TBox and every class, object-property and supported data-property
assertion of the data are consistent together: no individual falls in two disjoint classes, no
functional property (ELI's date_document, in_force...) has two values, no domain or range
puts an individual into a class disjoint with its own.

At scale: HermiT gets a copy of at most about 600k triples per GiB of its heap (``heap``,
$KZMIG_REASONER_HEAP, 2000M by default). A larger copy, or a HermiT that runs out of memory,
gets ``rule_check`` instead (OWL 2 RL rules as SPARQL; its result names the method and why).
Running out of memory is never read as an inconsistency.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from ..errors import InconsistentOntology, KzmigError
from .store import to_oxigraph

OWL2_DATATYPES = {XSD[name] for name in (
    "decimal", "integer", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger",
    "negativeInteger", "long", "int", "short", "byte", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte", "double", "float", "string", "normalizedString", "token",
    "language", "Name", "NCName", "NMTOKEN", "boolean", "hexBinary", "anyURI", "dateTime",
    "dateTimeStamp", "base64Binary",
)} | {RDF.PlainLiteral, RDF.XMLLiteral, RDF.langString, RDFS.Literal, OWL.real, OWL.rational}
BUILTIN_ANNOTATION_PROPERTIES = {RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy,
                                 OWL.versionInfo, OWL.deprecated, OWL.priorVersion,
                                 OWL.backwardCompatibleWith, OWL.incompatibleWith}
# HermiT runs once for a few seconds: the client compiler alone and a single-threaded collector
# start faster and leave the other core to pyshacl (3.9 s -> 3.4 s for the same check here).
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
DEFAULT_HEAP = "2000M"
HEAP_ENVIRONMENT = "KZMIG_REASONER_HEAP"
_HEAP = re.compile(r"^[1-9][0-9]*[kKmMgG]?$")
# Java reports running out of memory in these words (heap, GC overhead, or no heap at start).
_MEMORY_FAILURES = ("java.lang.OutOfMemoryError", "Could not reserve enough space",
                    "Initial heap size set to a larger value", "Cannot allocate memory")
# HermiT's answer for an inconsistent ontology: the exception the main thread ends with. An
# OutOfMemoryError's stack trace can also name this class, so only this line counts.
_INCONSISTENT = re.compile(r"^Exception in thread \S+ \S*InconsistentOntologyException\b", re.M)
HERMIT_MAIN = "org.semanticweb.HermiT.cli.CommandLine"
HERMIT_TIMEOUT_SECONDS = 600


@dataclass
class ReasoningResult:
    ran: bool
    consistent: bool | None
    seconds: float
    triples: int
    reason: str = ""
    method: str = "HermiT"

    def summary(self) -> str:
        if not self.ran:
            return f"OWL consistency ({self.method}): NOT RUN: {self.reason}"
        state = "consistent" if self.consistent else "INCONSISTENT"
        note = f"; {self.reason}" if self.reason else ""
        return (f"OWL consistency ({self.method}): {state} ({self.triples} triples, "
                f"{self.seconds:.2f} s{note})")


def _reasoning_triples(graphs: Iterable[Graph]) -> Iterator[tuple[Node, Node, Node]]:
    """The triples HermiT checks: annotations left out, datatypes it cannot handle converted or
    left out."""
    annotations = set(BUILTIN_ANNOTATION_PROPERTIES)
    for graph in graphs:
        annotations.update(graph.subjects(RDF.type, OWL.AnnotationProperty))
    for graph in graphs:
        for s, p, o in graph:
            if p == OWL.imports:  # the import module is already in the copy; never fetch it
                continue
            if p in annotations:
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


class ReasonerOutOfMemory(KzmigError):
    """HermiT ran out of memory: the check did not run to an answer (never an inconsistency)."""


def reasoner_heap(heap: str | None = None) -> str:
    """The Java heap for HermiT: ``heap``, else $KZMIG_REASONER_HEAP, else 2000M."""
    value = (heap or os.environ.get(HEAP_ENVIRONMENT) or DEFAULT_HEAP).strip()
    if not _HEAP.match(value):
        origin = "--reasoner-heap" if heap else HEAP_ENVIRONMENT
        raise KzmigError(f"{origin}: '{value}' is not a Java heap size; write a number with an "
                         "optional unit k, m or g, e.g. 4g or 2000M")
    return value


def check_consistency(dataset: Dataset, java: str | None = None,
                      heap: str | None = None) -> ReasoningResult:
    """Run HermiT on the ontology plus data; raise InconsistentOntology with an explanation.

    When HermiT runs out of memory the check is reported as not run, with the heap it had and
    how to raise it (``heap``, or $KZMIG_REASONER_HEAP), so that a build never fails for memory
    and never calls a graph inconsistent because the reasoner could not finish."""
    heap = reasoner_heap(heap)
    java = java or shutil.which("java")
    graphs = [g for g in dataset.graphs() if not str(g.identifier).endswith("/graph/release")]
    if java is None:
        return ReasoningResult(False, None, 0.0, sum(1 for _ in _reasoning_triples(graphs)),
                               "Java not found; install a JRE (e.g. apt-get install default-jre-headless)")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kzmig-reason-") as tmp:
        path = Path(tmp) / "kzmig-reasoning.nt"
        with path.open("w", encoding="utf-8") as out:  # N-Triples, written without an rdflib graph
            triples = 0
            for s, p, o in _reasoning_triples(graphs):
                out.write(f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} .\n")
                triples += 1
        limit = hermit_triple_limit(heap)
        if triples > limit:
            why = (f"HermiT skipped: {triples} triples exceed what a {heap} heap holds (about "
                   f"{limit}; raise it with --reasoner-heap or {HEAP_ENVIRONMENT})")
            return rule_check(path, triples, start, why)
        try:
            consistent = _run_hermit(java, path, heap)
        except ReasonerOutOfMemory as error:
            return rule_check(path, triples, start, str(error))
    if not consistent:
        raise InconsistentOntology(explain_inconsistency(reasoning_copy(graphs)))
    return ReasoningResult(True, True, time.perf_counter() - start, triples)


def hermit_triple_limit(heap: str) -> int:
    """The largest reasoning copy HermiT is given with ``heap``: about 600k triples per GiB
    (1.06M triples needed a 2 GB heap in issue #17's measurements; 3.5M did not fit)."""
    units = {"k": 2**10, "m": 2**20, "g": 2**30}
    size = int(heap.rstrip("kKmMgG")) * units.get(heap[-1].lower(), 1)
    return int(size / 2**30 * HERMIT_TRIPLES_PER_GIB)


def rule_check(path: Path, triples: int, start: float, why: str) -> ReasoningResult:
    """The OWL 2 RL rules that find the clashes this ontology can have, as SPARQL over an
    in-memory pyoxigraph store of the reasoning copy: cax-dw and cax-adc (an individual in two
    disjoint classes, its classes taken from rdf:type, subclasses, and the domains and ranges of
    the properties it is used with: cax-sco, prp-dom, prp-rng, prp-spo1) and prp-fp on
    functional data properties (two literal values that are not equal). Raises
    InconsistentOntology naming the individuals; HermiT checks more (any OWL 2 DL entailment)."""
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    return _rules_on(store, triples, start, why, union=False)


def rule_check_store(store: ox.Store, why: str) -> ReasoningResult:
    """``rule_check`` on the union of a store's graphs (the streaming build's store), without a
    copy: the rules read types, class and property axioms and literal values only, which the
    reasoning copy's conversions leave as they are for these checks."""
    return _rules_on(store, len(store), time.perf_counter(), why, union=True)


def _rules_on(store: ox.Store, triples: int, start: float, why: str,
              union: bool) -> ReasoningResult:
    problems = []
    for row in store.query(_DISJOINT_QUERY, use_default_graph_as_union=union):
        problems.append(f"<{row['x'].value}> is both {_name(URIRef(row['c1'].value))} and "
                        f"{_name(URIRef(row['c2'].value))}, which the ontology declares disjoint")
    for row in store.query(_FUNCTIONAL_QUERY, use_default_graph_as_union=union):
        problems.append(f"<{row['s'].value}> has 2 values for functional property "
                        f"{_name(URIRef(row['p'].value))}: {row['o1'].value}, {row['o2'].value}")
    if problems:
        raise InconsistentOntology(
            "The OWL 2 RL rule check found the ontology plus data inconsistent.\n"
            + "\n".join(f"  - {p}" for p in sorted(set(problems))))
    return ReasoningResult(True, True, time.perf_counter() - start, triples,
                           f"{why}; checked instead: {RULES_CHECKED}", method="OWL 2 RL rules")


RULES_CHECKED = ("disjoint classes (cax-dw, cax-adc, with cax-sco, prp-dom, prp-rng, prp-spo1) "
                 "and functional data properties (prp-fp) by SPARQL")
HERMIT_TRIPLES_PER_GIB = 600_000
_TYPES = """
  {{ ?{x} rdf:type/rdfs:subClassOf* ?{c} }}
  UNION {{ ?{x} ?{p}a ?{o}a . ?{p}a rdfs:subPropertyOf*/rdfs:domain/rdfs:subClassOf* ?{c} }}
  UNION {{ ?{o}b ?{p}b ?{x} . ?{p}b rdfs:subPropertyOf*/rdfs:range/rdfs:subClassOf* ?{c} }}
"""
_DISJOINT_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?x ?c1 ?c2 WHERE {
  {
    SELECT DISTINCT ?c1 ?c2 WHERE {
      { ?c1 owl:disjointWith ?c2 } UNION { ?c2 owl:disjointWith ?c1 }
      UNION {
        ?group a owl:AllDisjointClasses ; owl:members ?list .
        ?list rdf:rest*/rdf:first ?c1 . ?list rdf:rest*/rdf:first ?c2 .
        FILTER (?c1 != ?c2)
      }
    }
  }
  { SELECT DISTINCT ?x ?c1 WHERE { """ + _TYPES.format(x="x", c="c1", p="p1", o="o1") + """ } }
  { SELECT DISTINCT ?x ?c2 WHERE { """ + _TYPES.format(x="x", c="c2", p="p2", o="o2") + """ } }
  FILTER (STR(?c1) < STR(?c2))
}
"""
_FUNCTIONAL_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?s ?p ?o1 ?o2 WHERE {
  ?p a owl:FunctionalProperty .
  ?s ?p ?o1 , ?o2 .
  FILTER (isLiteral(?o1) && isLiteral(?o2) && STR(?o1) < STR(?o2) && !COALESCE(?o1 = ?o2, false))
}
"""


def hermit_classpath() -> str:
    """The classpath of the HermiT jar that owlready2 ships (found without importing owlready2)."""
    spec = importlib.util.find_spec("owlready2")
    if spec is None or spec.origin is None:
        raise KzmigError("owlready2 is not installed; it ships the HermiT reasoner: "
                         "pip install owlready2")
    hermit = Path(spec.origin).parent / "hermit"
    return os.pathsep.join([str(hermit), str(hermit / "HermiT.jar")])


def _run_hermit(java: str, path: Path, heap: str = DEFAULT_HEAP) -> bool:
    """Whether HermiT finds the ontology in ``path`` consistent. It answers "owl:Thing is
    satisfiable" for a consistent ontology and throws InconsistentOntologyException otherwise; it
    exits 0 even when it cannot read its input, so anything else is an error."""
    command = [java, f"-Xmx{heap}", *JAVA_OPTIONS, "-cp", hermit_classpath(), HERMIT_MAIN, "-k",
               path.as_uri()]
    try:
        done = subprocess.run(command, capture_output=True, text=True, errors="replace",
                              timeout=HERMIT_TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise KzmigError(f"HermiT did not finish within {HERMIT_TIMEOUT_SECONDS} s; run the build "
                         "with --no-reason to skip the consistency check") from None
    return hermit_verdict(done.returncode, done.stdout, done.stderr, path, heap)


def hermit_verdict(returncode: int, stdout: str, stderr: str, path: Path, heap: str) -> bool:
    """Read HermiT's answer from its exit code and output: True consistent, False inconsistent;
    ReasonerOutOfMemory when Java ran out of memory (whatever else the trace names), KzmigError
    for any other failure."""
    output = stdout + stderr
    memory = next((line.strip() for line in output.splitlines()
                   if any(words in line for words in _MEMORY_FAILURES)), None)
    if memory is not None:
        triples = sum(1 for _ in path.open(encoding="utf-8")) if path.exists() else 0
        raise ReasonerOutOfMemory(
            f"HermiT ran out of memory with a {heap} heap on {triples} triples ({memory}); the "
            f"consistency check did not run: give it more with --reasoner-heap or "
            f"{HEAP_ENVIRONMENT} (e.g. 8g), or skip it with --no-reason")
    if _INCONSISTENT.search(output):
        return False
    if returncode == 0 and f"{OWL.Thing} is satisfiable" in stdout:
        return True
    tail = "\n".join(output.strip().splitlines()[-5:])
    raise KzmigError(f"HermiT failed (exit code {returncode}) on {path.name}:\n{tail}\n"
                     "Check that `java -version` works; --no-reason skips the check.")


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
