"""The statistics queries rewritten for 10M triples in round 10 (issue #17, part S) give the rows
of their text before the rewrite (kept in tests/fixtures/queries-before-round10/) on the release
and on copies of it with figures added where the document has none for a check to find."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kzmig_kg.query.named import parse_named_query
from kzmig_kg.query.run import run_query

from .conftest import FIXTURES
from .test_rewrites_round8 import _rows

BEFORE = FIXTURES / "queries-before-round10"
STATISTICS = FIXTURES / "statistics"


def _with(release, *fixtures: str) -> ox.Store:
    """An in-memory copy of the release with the fixtures' triples added."""
    store = ox.Store()
    store.load(path=str(release.dir / "kzmig.nt"), format=ox.RdfFormat.N_TRIPLES)
    for name in fixtures:
        store.load(path=str(STATISTICS / name), format=ox.RdfFormat.TURTLE)
    return store


def _before_and_now(store: ox.Store, name: str) -> tuple[list[tuple], list[tuple]]:
    before = run_query(parse_named_query(name, BEFORE / f"{name}.rq"), {}, store=store)
    return _rows(before), _rows(run_query(name, {}, store=store))


@pytest.mark.parametrize(
    ("name", "fixtures"),
    [
        # the release's rank claims all hold; the added figures put partners above four of them
        ("stats-audit-rank", ("audit-additions.ttl",)),
    ],
    ids=["rank-added-figures"],
)
def test_rewrite_gives_the_rows_of_the_text_before(release, name: str, fixtures: tuple) -> None:
    store = release.store if not fixtures else _with(release, *fixtures)
    before, now = _before_and_now(store, name)
    assert now, f"{name} gives no row: the comparison proves nothing"
    assert now == before
