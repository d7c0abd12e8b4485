"""The SERVICE guard reads a prefixed endpoint name through the query's PREFIX declarations: an
allowed endpoint written as ``ex:sparql`` runs, and a refused one is named by its IRI (the
placeholder of the declaration's IRI was used instead, so the refusal named ``<0sparql>``)."""

from __future__ import annotations

import pytest

from kzmig_kg.publish.server.guard import QueryRefused, check_query

ALLOWED = "http://lod.example/sparql"
PREFIXED = ("PREFIX eli: <http://data.europa.eu/eli/ontology#>\nPREFIX ex: <http://lod.example/>\n"
            "SELECT * WHERE { ?act eli:number ?n SERVICE ex:sparql { ?act ?p ?o } }")


def test_an_allowed_endpoint_written_as_a_prefixed_name_runs() -> None:
    check_query(PREFIXED, max_chars=20_000, service_allow=(ALLOWED,))
    check_query(PREFIXED.replace("ex:sparql", f"<{ALLOWED}>"), max_chars=20_000,
                service_allow=(ALLOWED,))


def test_a_refused_prefixed_endpoint_is_named_by_its_iri() -> None:
    with pytest.raises(QueryRefused) as refused:
        check_query(PREFIXED.replace("ex:sparql", "ex:other"), max_chars=20_000,
                    service_allow=(ALLOWED,))
    assert refused.value.status == 400
    assert refused.value.message.startswith("SERVICE <http://lod.example/other> is not allowed")
