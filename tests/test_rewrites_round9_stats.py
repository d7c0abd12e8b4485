"""The named queries rewritten for 10M triples in round 9 (issue #17, part Q) give the rows of
their text before the rewrite (kept in tests/fixtures/queries-before-round9/) on the release,
for the default parameters and others; where the rewrite fixes an answer, the test names the
rows it changes."""

from __future__ import annotations

import pytest

from kzmig_kg.query.named import parse_named_query
from kzmig_kg.query.run import run_query

from .conftest import FIXTURES
from .test_rewrites_round8 import _rows

BEFORE = FIXTURES / "queries-before-round9"
CASES = [
    ("stats-country-series", {}),
    ("stats-country-series", {"country": "RUS", "direction": "EMI"}),
    ("stats-country-series", {"country": "WORLD", "direction": "NET"}),
    ("stats-country-series", {"country": "CHN", "direction": "IMM"}),
    ("stats-country-series", {"country": "USA", "direction": "IMM"}),
    ("stats-country-series", {"country": "IND", "direction": "foreign-students"}),
    ("flows-by-document", {}),
]


def _before(release, name: str, params: dict):
    return run_query(parse_named_query(name, BEFORE / f"{name}.rq"), params, store=release.store)


@pytest.mark.parametrize(("name", "params"), CASES,
                         ids=[f"{n}-{'-'.join(p.values()) or 'defaults'}" for n, p in CASES])
def test_rewrite_gives_the_rows_of_the_text_before(release, name: str, params: dict) -> None:
    now = run_query(name, params, store=release.store)
    assert now.rows, f"{name} {params} gives no row on the release: the comparison proves nothing"
    assert _rows(now) == _rows(_before(release, name, params))


def test_country_series_leaves_out_another_countrys_figure(release) -> None:
    """Kazakhstan's population series: the text before took an expert's figure for Uzbekistan's
    population (refArea UZB, 35 million in 2024) as Kazakhstan's; the series is Kazakhstan's own."""
    params = {"country": "WORLD", "direction": "population"}
    before, now = _rows(_before(release, "stats-country-series", params)), _rows(
        run_query("stats-country-series", params, store=release.store))
    dropped = [row for row in before if row not in now]
    assert [(row[2][0], row[3][0]) for row in dropped] == [("2024", "35000000")]
    assert now == [row for row in before if row not in dropped] and len(now) == 2
