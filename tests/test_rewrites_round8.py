"""The named queries rewritten for 10M triples in round 8 (issue #17, parts L and N) give the rows of
their text before the rewrite (kept in tests/fixtures/queries-before-round8/) on the release,
for the default parameters and the other values the tests use."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kzmig_kg.query.named import parse_named_query
from kzmig_kg.query.run import run_query

from .conftest import FIXTURES

BEFORE = FIXTURES / "queries-before-round8"
CASES = [
    ("flows-partner-series", {}),
    ("flows-partner-series", {"from": "2010", "to": "2023"}),
    ("flows-partner-series", {"from": "2021", "to": "2021"}),
    ("flows-top-partners-by-year", {}),
    ("flows-top-partners-by-year", {"from": "2020", "to": "2023", "top": "1"}),
    ("flows-top-partners-by-year", {"from": "1991", "to": "2023", "top": "10"}),
    ("rq-flows-by-partner", {}),
    ("rq-flows-by-partner", {"from": "2000", "to": "2010"}),
    ("rq-arrivals-departures", {}),
    ("rq-arrivals-departures", {"year": "2021"}),
    ("rq-arrivals-departures", {"year": "2000"}),
    ("rq-arrivals-departures", {"year": "2015"}),
    ("timeline-events-and-measures", {}),
    ("timeline-events-and-measures", {"from": "2022", "to": "2022", "kinds": "event,act"}),
    ("timeline-events-and-measures", {"kinds": "event,measure,programme,act"}),
]


def _rows(result) -> list[tuple]:
    """Each row's values in order; a GROUP_CONCAT's words sorted (SPARQL leaves their order open)."""
    def value(term):
        if isinstance(term, ox.Literal):
            return (" ".join(sorted(term.value.split(" "))), term.datatype.value, term.language)
        return None if term is None else str(term)
    return [tuple(value(row.get(name)) for name in result.variables) for row in result.rows]


@pytest.mark.parametrize(("name", "params"), CASES,
                         ids=[f"{n}-{'-'.join(p.values()) or 'defaults'}" for n, p in CASES])
def test_rewrite_gives_the_rows_of_the_text_before(release, name: str, params: dict) -> None:
    before = parse_named_query(name, BEFORE / f"{name}.rq")
    now = run_query(name, params, store=release.store)
    assert now.rows, f"{name} {params} gives no row on the release: the comparison proves nothing"
    assert _rows(now) == _rows(run_query(before, params, store=release.store))
