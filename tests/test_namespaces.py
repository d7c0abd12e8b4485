"""The standard vocabularies of ``kzmig_kg.namespaces`` give rdflib's terms, built once."""

from __future__ import annotations

import pickle

import pytest
from rdflib import URIRef
from rdflib import namespace as rdflib_namespaces

from kzmig_kg import namespaces

VOCABULARIES = ("DCAT", "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SKOS", "TIME",
                "VOID", "XSD")


@pytest.mark.parametrize("name", VOCABULARIES)
def test_every_defined_term_is_rdflibs(name: str) -> None:
    ours, theirs = getattr(namespaces, name), getattr(rdflib_namespaces, name)
    assert str(ours) == str(theirs)
    terms = [*theirs.__annotations__, *getattr(theirs, "_extras", ())]
    assert terms
    for term in terms:
        found = getattr(ours, term)
        assert type(found) is URIRef and found == theirs[term], term
        assert getattr(ours, term) is found, f"{name}.{term} is built again on each access"


def test_a_term_named_like_a_str_method_is_the_term() -> None:
    assert namespaces.DCTERMS.format == URIRef("http://purl.org/dc/terms/format")
    assert namespaces.DCTERMS.title == URIRef("http://purl.org/dc/terms/title")
    assert namespaces.DCTERMS["format"] == URIRef("http://purl.org/dc/terms/format")


def test_a_name_the_vocabulary_does_not_define_still_fails() -> None:
    with pytest.raises(AttributeError, match="tpye"):
        _ = namespaces.RDF.tpye
    with pytest.raises(AttributeError):
        _ = namespaces.SKOS.__wrapped__


def test_a_vocabulary_survives_pickling() -> None:
    again = pickle.loads(pickle.dumps(namespaces.SKOS))
    assert again == namespaces.SKOS and again.prefLabel == namespaces.SKOS.prefLabel
