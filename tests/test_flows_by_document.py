"""A document's figures with their own passages, on the built graph: ``flows-by-document`` lists
every figure of the thesis with its lines, whatever its period; ``stats-country-series`` gives the
figures' own lines. (The same queries on an ingested document: tests/test_ingest.py.)"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.errors import QueryError
from kzmig_kg.query.run import run_query

from .conftest import SOURCES

THESIS_FIGURES = """
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT (COUNT(DISTINCT ?obs) AS ?n) WHERE {
  ?obs a qb:Observation ; prov:wasDerivedFrom/oa:hasSource <https://w3id.org/kzmig/id/document/thesis>
}"""


def test_every_figure_of_the_thesis_with_its_lines_whatever_its_period(release) -> None:
    rows = run_query("flows-by-document", {"document": "thesis"}, store=release.store).values()
    [count] = release.query(THESIS_FIGURES)
    assert len(rows) == count["n"] > 200
    assert all(row["passages"] and row["document"] == "thesis" for row in rows)
    assert len({row["observation"] for row in rows}) == len(rows)          # one row per figure
    russia = [r for r in rows if (r["measure"], r["partner"], r["period"]) == ("EMI", "RUS", "2021")]
    assert [(r["value"], r["passages"], r["start"], r["end"]) for r in russia] == \
        [(26717, "519-523", "2021-01-01", "2021-12-31")]
    # periods that are not a calendar year are listed too: ranges of years, open ends
    assert {"2004-2010", "to-2018"} <= {row["period"] for row in rows}
    assert {row["status"] for row in rows} == {"stated", "derived"}


def test_the_document_by_its_title_or_an_unknown_one_named(release) -> None:
    by_title = run_query("flows-by-document", {
        "document": "Migration trends and migration management in Kazakhstan (master's thesis)"},
        store=release.store).values()
    assert by_title and {row["document"] for row in by_title} == {"thesis"}
    with pytest.raises(QueryError, match="no source document 'thesys'; .*thesis"):
        run_query("flows-by-document", {"document": "thesys"}, store=release.store)


def test_the_series_gives_each_figures_own_lines(release) -> None:
    rows = {r["year"]: r for r in run_query("stats-country-series", {"country": "RUS", "direction": "EMI"},
                                            store=release.store).values()}
    assert (rows[2021]["value"], rows[2021]["passages"]) == (26717, "519-523")
    assert (rows[2008]["value"], rows[2008]["passages"]) == (41159, "357-358")
    result = CliRunner().invoke(main, ["query", "stats-country-series", "--param", "country=RUS",
                                       "--param", "direction=EMI", "--store", str(release.dir / "store"),
                                       "--sources", str(SOURCES), "--passages"])
    assert result.exit_code == 0, result.output
    assert "lines 519-523, section 1.3" in result.stdout
    assert "reaching 26,717 people." in result.stdout
