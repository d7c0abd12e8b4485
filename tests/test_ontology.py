"""The ontology parses, labels every term, matches the official vocabularies, and is consistent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kzmig_kg.errors import InconsistentOntology, KzmigError
from kzmig_kg.namespaces import KZO
from kzmig_kg.paths import ONTOLOGY_DIR
from kzmig_kg.pipeline.reason import check_consistency, reasoning_copy

from .conftest import FIXTURES, ROOT, require_executable

VOCAB = ROOT.parent / "shared" / "vocab"
OFFICIAL = {
    "http://data.europa.eu/eli/ontology#": ["eli-1.5.rdf"],
    "http://www.w3.org/2004/02/skos/core#": ["skos.rdf"],
    "http://www.w3.org/2006/time#": ["time.ttl"],
    "http://purl.org/linked-data/cube#": ["cube.ttl"],
    "http://purl.org/linked-data/sdmx/2009/dimension#": ["sdmx-dimension.ttl"],
    "http://purl.org/linked-data/sdmx/2009/measure#": ["sdmx-measure.ttl"],
    "http://purl.org/linked-data/sdmx/2009/attribute#": ["sdmx-attribute.ttl"],
    "http://purl.org/linked-data/sdmx/2009/code#": ["sdmx-code.ttl"],
}
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kzmig.ttl", format="turtle")


@pytest.fixture(scope="module")
def imports() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "imports" / "external.ttl", format="turtle")


def test_ontology_header(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/kzmig/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionIRI) is not None
    assert ontology.value(header, URIRef("http://purl.org/dc/terms/license")) is not None
    assert ontology.value(header, URIRef("http://purl.org/dc/terms/description")) is not None


def test_every_term_has_english_label_and_comment(ontology: Graph) -> None:
    terms = {s for s in ontology.subjects(RDF.type, None)
             if isinstance(s, URIRef) and str(s).startswith(str(KZO))}
    assert len(terms) > 30
    missing = []
    for term in sorted(terms):
        for prop in (RDFS.label, RDFS.comment):
            if not any(isinstance(v, Literal) and v.language == "en"
                       for v in ontology.objects(term, prop)):
                missing.append(f"{term} lacks an English {prop.split('#')[-1]}")
    assert not missing, "\n".join(missing)


def test_act_types_are_subclasses_of_eli_legal_resource(ontology: Graph) -> None:
    eli_legal_resource = URIRef("http://data.europa.eu/eli/ontology#LegalResource")
    for name in ("ConstitutionalLaw", "Code", "Law", "PresidentialDecree", "GovernmentResolution",
                 "CabinetResolution", "SupremeCouncilResolution", "MinisterialOrder", "JointOrder",
                 "Instruction", "DraftLaw"):
        ancestors = set(ontology.transitive_objects(KZO[name], RDFS.subClassOf))
        assert eli_legal_resource in ancestors, name


@pytest.mark.parametrize("namespace", sorted(OFFICIAL))
def test_declared_external_terms_exist_in_the_official_vocabulary(imports: Graph,
                                                                  namespace: str) -> None:
    official = Graph()
    for name in OFFICIAL[namespace]:
        official.parse(VOCAB / name)
    declared = {s for s in imports.subjects(RDF.type, None) if str(s).startswith(namespace)}
    if not declared:
        pytest.skip(f"nothing declared from {namespace}")
    problems = []
    for term in sorted(declared):
        official_types = set(official.objects(term, RDF.type))
        if not official_types:
            problems.append(f"{term} is not defined in the official vocabulary")
            continue
        ours = set(imports.objects(term, RDF.type)) & DECLARATION_TYPES
        theirs = official_types & DECLARATION_TYPES
        if theirs and ours and not ours & theirs and not (
                ours == {OWL.ObjectProperty} and OWL.AnnotationProperty in theirs):
            problems.append(f"{term}: declared {sorted(ours)}, official {sorted(theirs)}")
        if OWL.Class in ours and not official_types & {OWL.Class, RDFS.Class}:
            problems.append(f"{term} is declared a class but is not one officially")
    assert not problems, "\n".join(problems)


def test_every_external_term_used_is_declared(release, imports: Graph, ontology: Graph) -> None:
    """Predicates and classes of the release outside our namespace are in the import module."""
    declared = set(imports.subjects(RDF.type, None))
    builtin = (str(RDF), str(RDFS), str(OWL), "http://www.w3.org/ns/shacl#")
    ours = "https://w3id.org/kzmig/"
    used = set()
    for _s, p, o, _g in release.dataset.quads((None, None, None, None)):
        used.add(p)
        if p == RDF.type and isinstance(o, URIRef):
            used.add(o)
    undeclared = sorted(str(t) for t in used
                        if not str(t).startswith(builtin) and not str(t).startswith(ours)
                        and t not in declared)
    assert not undeclared, "declare these in ontology/imports/external.ttl:\n" + "\n".join(undeclared)


def test_release_is_consistent_under_hermit(release) -> None:
    require_executable("java", "HermiT runs on Java")
    assert release.result.reasoning.ran
    assert release.result.reasoning.consistent is True


def test_reasoning_copy_converts_dates_and_drops_unsupported_datatypes() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    graph = Graph()
    act = URIRef("https://w3id.org/kzmig/eli/kz/zakon/2011/477-IV")
    graph.add((act, URIRef("http://data.europa.eu/eli/ontology#date_document"),
               Literal("2011-07-22", datatype=URIRef(xsd + "date"))))
    graph.add((act, KZO.year, Literal("2011", datatype=URIRef(xsd + "gYear"))))
    graph.add((KZO.year, RDFS.range, URIRef(xsd + "gYear")))
    copy = reasoning_copy([graph])
    values = {o for o in copy.objects(act, None)}
    assert Literal("2011-07-22T00:00:00", datatype=URIRef(xsd + "dateTime")) in values
    assert len(copy) == 1


def test_reasoning_copy_leaves_out_annotation_assertions_only() -> None:
    """Labels and declared annotation properties carry no OWL 2 DL meaning; the declaration of an
    annotation property and every class and property assertion stay."""
    skos_note = URIRef("http://www.w3.org/2004/02/skos/core#editorialNote")
    act = URIRef("https://w3id.org/kzmig/eli/kz/zakon/2011/477-IV")
    graph = Graph()
    graph.add((skos_note, RDF.type, OWL.AnnotationProperty))
    graph.add((act, RDF.type, KZO.Law))
    graph.add((act, RDFS.label, Literal("Law No. 477-IV", lang="en")))
    graph.add((act, RDFS.comment, Literal("On migration of the population", lang="en")))
    graph.add((act, skos_note, Literal("Amended four times", lang="en")))
    graph.add((act, KZO.recordId, Literal("law-477-iv")))
    copy = reasoning_copy([graph])
    assert set(copy) == {(skos_note, RDF.type, OWL.AnnotationProperty), (act, RDF.type, KZO.Law),
                         (act, KZO.recordId, Literal("law-477-iv"))}


def _dataset_with(fixture: Path) -> Dataset:
    dataset = Dataset()
    dataset.graph(URIRef("https://w3id.org/kzmig/graph/ontology")).parse(
        ONTOLOGY_DIR / "kzmig.ttl")
    dataset.graph(URIRef("https://w3id.org/kzmig/graph/ontology")).parse(
        ONTOLOGY_DIR / "imports" / "external.ttl")
    dataset.graph(URIRef("https://w3id.org/kzmig/graph/fixture")).parse(fixture)
    return dataset


@pytest.mark.parametrize("fixture, words", [
    ("disjoint-types.ttl", "act-and-passage> is both LegalAct and Passage"),
    ("two-adoption-dates.ttl", "2 values for functional property date_document"),
])
def test_inconsistency_fails_with_an_explanation(fixture: str, words: str) -> None:
    require_executable("java", "HermiT runs on Java")
    with pytest.raises(InconsistentOntology) as caught:
        check_consistency(_dataset_with(FIXTURES / "reasoning" / fixture))
    assert words in str(caught.value)


def test_hermit_failing_to_read_its_input_is_an_error_not_a_pass(tmp_path: Path) -> None:
    """HermiT exits 0 when it cannot read its input; the check must not take that for consistent."""
    from kzmig_kg.pipeline import reason

    java = require_executable("java", "HermiT runs on Java")
    with pytest.raises(KzmigError, match="HermiT failed"):
        reason._run_hermit(java, tmp_path / "missing.nt")


def _unsatisfiable_classes(graphs: list[Graph], tmp_path: Path) -> list[str]:
    """The classes owlready2 + HermiT find unsatisfiable when classifying ``graphs``."""
    import owlready2

    path = tmp_path / "tbox.nt"
    reasoning_copy(graphs).serialize(path, format="nt", encoding="utf-8")
    owlready2.JAVA_EXE = shutil.which("java")
    world = owlready2.World()
    try:
        world.get_ontology(path.as_uri()).load()
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        return sorted(c.iri for c in world.inconsistent_classes() if c.iri != str(OWL.Nothing))
    finally:
        world.close()


def _tbox() -> list[Graph]:
    return [Graph().parse(ONTOLOGY_DIR / "kzmig.ttl"),
            Graph().parse(ONTOLOGY_DIR / "imports" / "external.ttl")]


def test_tbox_is_coherent_under_owlready2_and_hermit(tmp_path: Path) -> None:
    """owlready2 classifies the ontology and its import module: no class is unsatisfiable."""
    require_executable("java", "HermiT runs on Java")
    assert _unsatisfiable_classes(_tbox(), tmp_path) == []


def test_an_unsatisfiable_class_is_found(tmp_path: Path) -> None:
    require_executable("java", "HermiT runs on Java")
    bad = Graph().parse(format="turtle", data="""
        @prefix kzo: <https://w3id.org/kzmig/ontology#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        kzo:ActPassage a owl:Class ; rdfs:subClassOf kzo:LegalAct, kzo:Passage .""")
    assert _unsatisfiable_classes([*_tbox(), bad], tmp_path) == [str(KZO.ActPassage)]


def test_no_java_means_the_check_is_reported_as_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from kzmig_kg.pipeline import reason

    monkeypatch.setattr(reason.shutil, "which", lambda _name: None)
    result = check_consistency(_dataset_with(FIXTURES / "reasoning" / "disjoint-types.ttl"))
    assert result.ran is False
    assert "Java not found" in result.reason


def test_every_ontology_term_used_is_declared(release, ontology: Graph) -> None:
    """Classes and properties of our own namespace used in the release are in ontology/kzmig.ttl."""
    declared = set(ontology.subjects(RDF.type, None))
    used = set()
    for _s, p, o, _g in release.dataset.quads((None, None, None, None)):
        used.add(p)
        if p == RDF.type and isinstance(o, URIRef):
            used.add(o)
    undeclared = sorted(str(t) for t in used if str(t).startswith(str(KZO)) and t not in declared)
    assert not undeclared, "declare these in ontology/kzmig.ttl:\n" + "\n".join(undeclared)


def test_loader_output_uses_only_declared_terms(tmp_path: Path, ontology: Graph,
                                                imports: Graph) -> None:
    """`kzmig-kg extract` RDF speaks the same vocabulary as the release."""
    from kzmig_kg.loader.extract import extract_document
    from kzmig_kg.loader.to_rdf import write_rdf

    from .conftest import THESIS

    run = extract_document(THESIS)
    out = tmp_path / "thesis.ttl"
    with out.open("w", encoding="utf-8") as stream:
        write_rdf(stream, "ttl", run.document, run.sections, run.items())
    graph = Graph().parse(out)
    declared = set(ontology.subjects(RDF.type, None)) | set(imports.subjects(RDF.type, None))
    used = set(graph.predicates()) | set(graph.objects(None, RDF.type))
    builtin = (str(RDF), str(RDFS), str(OWL))
    undeclared = sorted(str(t) for t in used if t not in declared and not str(t).startswith(builtin))
    assert not undeclared, undeclared
