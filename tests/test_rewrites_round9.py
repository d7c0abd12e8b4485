"""The Data Cube checks rewritten for 10M triples in round 9 (issue #17, part P) give the rows of
their text before the rewrite (kept in tests/fixtures/queries-before-round9/) on the release, on
a copy of the release broken in each of their ways, and on every fixture set of
tests/test_ic_reference.py."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest

from kzmig_kg.query.named import QUERIES_DIR

from .conftest import FIXTURES
from .test_ic_reference import FIXTURE_SETS, normalised_store, rows

BEFORE = FIXTURES / "queries-before-round9"
CHECKS = sorted(path.name for path in BEFORE.glob("qb-ic-*.rq"))

# One break for each of the five checks over 1 s at 10M, each on a copy of a real Kazakh
# immigration figure of 2005:
# a copy with the same key (IC-12), a copy without its period (IC-11), without its unit (IC-13),
# without its value (IC-14), in a second data set (IC-1), and a typed observation without one.
BREAKS = """
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
PREFIX kzc: <https://w3id.org/kzmig/code/>
INSERT { ?copy ?p ?o } WHERE {
  ?obs kzo:flowDirection kzc:flow-IMM ; kzo:counterpartArea kzc:country-UZB ;
       sdmx-dimension:refPeriod/skos:notation "2005" ; ?p ?o .
  VALUES ?case { "same-key" "no-period" "no-unit" "no-value" "two-data-sets" }
  BIND (IRI(CONCAT(STR(?obs), "-", ?case)) AS ?copy) } ;
DELETE { ?copy sdmx-dimension:refPeriod ?v } WHERE { ?obs sdmx-dimension:refPeriod ?v .
  FILTER (STRENDS(STR(?obs), "-no-period")) BIND (?obs AS ?copy) } ;
DELETE { ?copy sdmx-attribute:unitMeasure ?v } WHERE { ?obs sdmx-attribute:unitMeasure ?v .
  FILTER (STRENDS(STR(?obs), "-no-unit")) BIND (?obs AS ?copy) } ;
DELETE { ?copy sdmx-measure:obsValue ?v } WHERE { ?obs sdmx-measure:obsValue ?v .
  FILTER (STRENDS(STR(?obs), "-no-value")) BIND (?obs AS ?copy) } ;
INSERT { ?copy qb:dataSet ?other } WHERE {
  ?copy qb:dataSet ?dataset . FILTER (STRENDS(STR(?copy), "-two-data-sets"))
  ?other a qb:DataSet . FILTER (?other != ?dataset) } ;
INSERT DATA { <https://w3id.org/kzmig/id/obs/typed-without-data-set> a qb:Observation }
"""


@cache
def broken_release(release_dir: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(release_dir / "kzmig.nt"), format=ox.RdfFormat.N_TRIPLES)
    store.update(BREAKS)
    return store


def old_and_new(name: str) -> tuple[Path, Path]:
    return BEFORE / name, QUERIES_DIR / "checks" / name


def release_rows(store: ox.Store, query: Path) -> set[tuple[str, ...]]:
    """Rows on the built store, whose default graph is the union of its named graphs."""
    solutions = store.query(query.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    names = [variable.value for variable in solutions.variables]
    return {tuple(str(row[name]) if row[name] is not None else "" for name in names)
            for row in solutions}


@pytest.mark.parametrize("name", CHECKS)
def test_rewrite_gives_the_rows_of_the_text_before_on_the_release(release, name: str) -> None:
    before, now = old_and_new(name)
    assert release_rows(release.store, now) == release_rows(release.store, before) == set()
    broken = broken_release(release.dir)
    found = rows(broken, now)
    assert found, f"{name} finds nothing on the broken copy: the comparison proves nothing"
    assert found == rows(broken, before)


@pytest.mark.parametrize("fixture", FIXTURE_SETS)
@pytest.mark.parametrize("name", CHECKS)
def test_rewrite_gives_the_rows_of_the_text_before_on_the_fixtures(name: str, fixture: str) -> None:
    before, now = old_and_new(name)
    store = normalised_store(fixture)
    assert rows(store, now) == rows(store, before)


def test_every_check_kept_before_is_still_a_check() -> None:
    assert CHECKS and all((QUERIES_DIR / "checks" / name).is_file() for name in CHECKS)
