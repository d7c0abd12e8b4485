"""The list and timeline queries rewritten for 10M triples in round 9 (issue #17, part R) give the
rows of their text before the rewrite (kept in tests/fixtures/queries-before-round9/), in the same
order, on the release, for the default parameters and others."""

from __future__ import annotations

import pytest

from kzmig_kg.query.named import parse_named_query
from kzmig_kg.query.run import run_query

from .conftest import FIXTURES
from .test_rewrites_round8 import _rows

BEFORE = FIXTURES / "queries-before-round9"
CASES = [
    ("events-timeline", {}),
    ("events-timeline", {"from": "2022", "to": "2022"}),
    ("events-timeline", {"from": "1991", "to": "1999"}),
    ("acts-by-type-and-year", {}),
    ("acts-in-force", {}),
    ("acts-in-force", {"date": "2022-01-01"}),
    ("acts-in-force", {"date": "1995-06-30"}),
    ("acts-in-force", {"date": "2011-12-31"}),
    ("org-by-type", {}),
    ("org-by-type", {"type": "committee"}),
    ("org-by-type", {"type": "international-organisation"}),
    ("acts-ratifying-agreements", {}),
    ("agreements-timeline", {}),
    ("policy-measures-by-restrictiveness", {}),
    ("policy-measures-by-restrictiveness", {"from": "2000", "to": "2010"}),
    ("policy-measures-timeline", {}),
    ("policy-measures-timeline", {"from": "2000", "to": "2010"}),
    ("timeline-measures-by-restrictiveness", {}),
    ("timeline-measures-by-restrictiveness", {"from": "2022", "to": "2024"}),
    ("timeline-events-and-measures", {}),
    ("timeline-events-and-measures", {"kinds": "event"}),
    ("timeline-events-and-measures", {"from": "2000", "to": "2010", "kinds": "programme,act"}),
]


@pytest.mark.parametrize(("name", "params"), CASES,
                         ids=[f"{n}-{'-'.join(p.values()) or 'defaults'}" for n, p in CASES])
def test_rewrite_gives_the_rows_of_the_text_before(release, name: str, params: dict) -> None:
    before = parse_named_query(name, BEFORE / f"{name}.rq")
    now = run_query(name, params, store=release.store)
    assert now.rows, f"{name} {params} gives no row on the release: the comparison proves nothing"
    assert _rows(now) == _rows(run_query(before, params, store=release.store))
