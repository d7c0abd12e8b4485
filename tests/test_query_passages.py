"""`query --passages`: the text of the passages behind each row of a query."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from kzmig_kg.cli import main

from .conftest import SOURCES, passage_text, thesis_lines


def _invoke(release, *args: str):
    return CliRunner().invoke(main, ["query", *args, "--store", str(release.dir / "store"),
                                     "--sources", str(SOURCES), "--passages"])


def test_rows_with_a_passages_column_get_the_text_of_those_lines(release) -> None:
    result = _invoke(release, "flows-top-partners-by-year", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    russia_2000 = next(r for r in rows if (r["year"], r["country"], r["role"]) ==
                       ("2000", "RUS", "destination"))
    assert russia_2000["passages"] == "213-214"
    assert russia_2000["passage_text"] == "[lines 213-214] " + passage_text(213, 214)
    assert "108,724" in russia_2000["passage_text"]


def test_rows_of_resources_get_the_passages_they_are_derived_from(release, tmp_path) -> None:
    query = tmp_path / "law.rq"
    query.write_text('SELECT ?law WHERE { ?law eli:number "477-IV" }\n', encoding="utf-8")
    result = _invoke(release, str(query))
    assert result.exit_code == 0, result.output
    assert "row 1:" in result.stdout
    assert "    lines 267-272, section 1.2:" in result.stdout
    assert thesis_lines()[270].strip() in result.stdout


def test_passages_need_a_select(release, tmp_path) -> None:
    query = tmp_path / "ask.rq"
    query.write_text("ASK { ?s ?p ?o }\n", encoding="utf-8")
    result = _invoke(release, str(query))
    assert result.exit_code == 1
    assert result.stderr == "error: --passages needs a SELECT query (its rows get the passages)\n"
