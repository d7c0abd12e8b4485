"""`show`: one resource with its properties, incoming links and the passages' text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.errors import QueryError
from kzmig_kg.query.show import describe

from .conftest import SOURCES, thesis_lines


def test_a_law_with_its_properties_and_passages(release) -> None:
    law = describe("law-2011-477-IV", store=release.store, sources_dir=SOURCES)
    assert law.iri == "https://w3id.org/kzmig/eli/kz/zakon/2011/477-IV"
    assert law.label == "On Population Migration"
    assert {"en", "ru"} <= {label.lang for label in law.labels}
    properties = {prop.label: [value.text for value in prop.values] for prop in law.properties}
    assert properties["number"] == ["477-IV"]
    assert properties["number as printed"] == ["477-1V"]
    assert "Parliament of the Republic of Kazakhstan" in properties["passed by"]
    ranges = [(p.first_line, p.last_line, p.section) for p in law.passages]
    assert (267, 272, "1.2") in ranges
    for passage in law.passages:
        assert passage.text == "\n".join(thesis_lines()[passage.first_line - 1:passage.last_line])
    assert law.note is None


def test_incoming_links_are_counted(release) -> None:
    country = describe("country-UZB", store=release.store)
    counted = {link.label: link.count for link in country.incoming}
    expected = release.query("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x ?p kzc:country-UZB . "
                             "?p rdfs:label 'counterpart area'@en }")[0]["n"]
    assert counted["counterpart area"] == expected > 0


@pytest.mark.parametrize("ref", ["https://w3id.org/kzmig/code/country-UZB", "kzc:country-UZB",
                                 "COUNTRY-uzb", "uzb"])
def test_a_resource_by_iri_prefixed_name_or_id_in_any_case(release, ref: str) -> None:
    assert describe(ref, store=release.store).iri == "https://w3id.org/kzmig/code/country-UZB"


def test_a_vocabulary_code_by_its_local_name(release) -> None:
    code = describe("indicator-labour-quota-size", store=release.store)
    assert code.label == "Size of the annual quota for foreign labour"


def test_without_the_document_a_note_says_where_it_was_looked_for(release, tmp_path) -> None:
    law = describe("law-2011-477-IV", store=release.store, sources_dir=tmp_path)
    assert law.passages and all(passage.text is None for passage in law.passages)
    assert "000_81b0946b00ba0bf2.txt is not in" in law.note


def test_an_unknown_id_names_the_closest_ids(release) -> None:
    with pytest.raises(QueryError, match="closest ids are law-2011-477-IV"):
        describe("law-477-IV", store=release.store)


def test_the_command_prints_text_and_json(release) -> None:
    store = str(release.dir / "store")
    result = CliRunner().invoke(main, ["show", "law-2011-477-IV", "--store", store,
                                       "--sources", str(SOURCES)])
    assert result.exit_code == 0, result.output
    assert "  number: 477-IV" in result.output
    assert "lines 267-272, section 1.2:" in result.output
    assert thesis_lines()[268].strip() in result.output
    result = CliRunner().invoke(main, ["show", "law-2011-477-IV", "--store", store, "--format", "json"])
    assert json.loads(result.output)["id"] == "law-2011-477-IV"


def test_the_command_fails_in_one_line_on_an_unknown_id(release) -> None:
    result = CliRunner().invoke(main, ["show", "no-such-id", "--store", str(release.dir / "store")])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: nothing in the graph has the id or IRI 'no-such-id'")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("ref", "iri"), [
    ("uzbekistan", "https://w3id.org/kzmig/code/country-UZB"),
    ("Узбекистан", "https://w3id.org/kzmig/code/country-UZB"),
    ("migration card", "https://w3id.org/kzmig/id/instrument/inst-migration-card"),
    ("expert d", "https://w3id.org/kzmig/id/expert/expert-D"),
])
def test_a_resource_by_its_name_or_code_in_any_case(release, ref: str, iri: str) -> None:
    assert describe(ref, store=release.store).iri == iri


def test_a_name_of_two_resources_names_both(release) -> None:
    with pytest.raises(QueryError, match=r"'on population migration' is the name of 2 resources "
                                         r"\(kzeli:zakon/1997/204, kzeli:zakon/2011/477-IV\)"):
        describe("on population migration", store=release.store)


def test_labels_in_the_readers_languages(release) -> None:
    russian = describe("https://w3id.org/kzmig/id/org/parliament", store=release.store,
                       languages=("ru", "en", "kk"))
    assert russian.label == "Парламент Республики Казахстан"
    assert russian.labels[0].lang == "ru"
    kazakh = describe("https://w3id.org/kzmig/id/org/parliament", store=release.store,
                      languages=("kk", "en", "ru"))
    assert kazakh.label == "Қазақстан Республикасының Парламенті"
    law = describe("law-2011-477-IV", store=release.store, languages=("ru", "en", "kk"))
    passed_by = next(p for p in law.properties if p.predicate.endswith("#passed_by"))
    assert [v.text for v in passed_by.values] == ["Парламент Республики Казахстан"]


def test_incoming_links_of_one_property_a_page_at_a_time(release) -> None:
    based_in = "https://w3id.org/kzmig/ontology#basedIn"
    expected = {row["s"] for row in release.query(
        "SELECT DISTINCT ?s WHERE { ?s kzo:basedIn kzc:country-KAZ }")}
    assert len(expected) > 10
    first = describe("country-KAZ", store=release.store, incoming_of=based_in, page_size=10)
    assert first.incoming_page is not None
    assert first.incoming_page.count == len(expected)
    assert first.incoming_page.pages == -(-len(expected) // 10)
    seen = []
    for number in range(1, first.incoming_page.pages + 1):
        listed = describe("country-KAZ", store=release.store, incoming_of=based_in, page=number,
                          page_size=10).incoming_page
        assert listed.page == number and 1 <= len(listed.subjects) <= 10
        seen += [value.iri for value in listed.subjects]
    assert len(seen) == len(set(seen)) and set(seen) == {str(s) for s in expected}
    past_the_end = describe("country-KAZ", store=release.store, incoming_of=based_in, page=999,
                            page_size=10).incoming_page
    assert past_the_end.page == first.incoming_page.pages
    assert describe("country-KAZ", store=release.store).incoming_page is None
