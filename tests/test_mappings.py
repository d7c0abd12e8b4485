"""The SSSOM mapping set (ontology/mappings/kzmig.sssom.tsv) aligns our classes and properties
with ELI, schema.org, ORG, Data Cube, PROV, Web Annotation and the DEMIG POLICY variables: it
passes the sssom package's validation, its RDF form in the release is the package's conversion
of the TSV, and every mapping that says it restates an axiom of the ontology does."""

from __future__ import annotations

import io

from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from kzmig_kg.paths import ONTOLOGY_DIR

MAPPINGS = ONTOLOGY_DIR / "mappings"
SKOS_BROAD = "http://www.w3.org/2004/02/skos/core#broadMatch"


# sssom (with pandas and linkml) is imported by the tests that use it: 1.2 s of CPU at collection
# that the xdist worker which does not run this file would otherwise spend too


def test_mapping_set_is_valid_sssom() -> None:
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate

    msdf = parse_sssom_table(str(MAPPINGS / "kzmig.sssom.tsv"))
    reports = validate(msdf, fail_on_error=False)
    assert all(not report.results for report in reports.values()), reports
    targets = {row.split(":")[0] for row in msdf.df["object_id"]}
    assert {"eli", "schema", "org", "qb", "prov", "demig"} <= targets


def test_release_rdf_is_the_sssom_conversion_of_the_tsv(release) -> None:
    from sssom.parsers import parse_sssom_table
    from sssom.writers import write_rdf

    out = io.StringIO()
    write_rdf(parse_sssom_table(str(MAPPINGS / "kzmig.sssom.tsv")), out)
    converted = Graph().parse(data=out.getvalue(), format="turtle")
    assert isomorphic(converted, Graph().parse(MAPPINGS / "kzmig.sssom.ttl", format="turtle"))
    assert isomorphic(converted, Graph().parse(release.dir / "kzmig.sssom.ttl", format="turtle"))


def test_mappings_that_restate_axioms_match_the_ontology() -> None:
    from sssom.parsers import parse_sssom_table

    ontology = Graph().parse(ONTOLOGY_DIR / "kzmig.ttl", format="turtle")
    msdf = parse_sssom_table(str(MAPPINGS / "kzmig.sssom.tsv"))
    df, expand = msdf.df, msdf.converter.expand
    declared = df[df["comment"].str.startswith("declared rdfs:sub")]
    assert len(declared) >= 10
    for row in declared.itertuples():
        subject, obj = URIRef(expand(row.subject_id)), URIRef(expand(row.object_id))
        assert expand(row.predicate_id) == SKOS_BROAD
        assert (subject, RDFS.subClassOf, obj) in ontology or \
            (subject, RDFS.subPropertyOf, obj) in ontology, f"{row.subject_id} {row.object_id}"
