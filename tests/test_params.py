"""Parameters that help: country codes in any case and names in three languages, ids and values
that match nothing refused with the closest matches, years outside the graph's coverage named."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.errors import QueryError
from kzmig_kg.query.run import run_query


def _uzbekistan_2005(release, country: str) -> int:
    rows = run_query("stats-country-series", {"country": country}, store=release.store).values()
    return next(r["value"] for r in rows if r["year"] == 2005)


@pytest.mark.parametrize("country", ["UZB", "uzb", "Uzbekistan", "uzbekistan", "Узбекистан",
                                     "Өзбекстан"])
def test_a_country_by_code_in_any_case_or_by_name(release, country: str) -> None:
    assert _uzbekistan_2005(release, country) == 44648  # line 200: 44,648 immigrants in 2005


def test_an_unknown_country_names_the_closest(release) -> None:
    with pytest.raises(QueryError, match=r"no country or grouping 'Uzbekstan'; the closest are "
                                         r"Uzbekistan \(UZB\)"):
        run_query("stats-country-series", {"country": "Uzbekstan"}, store=release.store)


def test_an_indicator_by_its_notation_in_any_case_and_the_closest_when_unknown(release) -> None:
    rows = run_query("stats-country-series", {"country": "ind", "direction": "Foreign-Students"},
                     store=release.store).values()
    assert [r["value"] for r in rows] == [3500, 7321]
    with pytest.raises(QueryError, match="the closest are .*foreign-students"):
        run_query("stats-country-series", {"direction": "students"}, store=release.store)


def test_an_unknown_record_names_the_closest_ids(release) -> None:
    with pytest.raises(QueryError, match="the closest are ev-2022-02-24-war-ukraine"):
        run_query("flows-around-record", {"record": "ev-2022-02-24-war-ukrain"}, store=release.store)
    rows = run_query("flows-around-record", {"record": "EV-2022-02-24-WAR-UKRAINE", "years": "1"},
                     store=release.store).values()
    assert {(r["direction"], r["year"], r["value"]) for r in rows} >= {("EMI", 2021, 26717)}


def test_an_act_by_its_official_number_is_accepted(release) -> None:
    rows = run_query("instruments-introduced-by-act", {"act": "1146"}, store=release.store)
    assert rows.rows


def test_the_command_fails_in_one_line_with_exit_1(release) -> None:
    store = str(release.dir / "store")
    for params, expected in ((["record=no-such-id"], "no record with the id 'no-such-id'"),
                             (["year=1850"], "year=1850 is outside the graph's coverage (1991-2024)")):
        name = "flows-around-record" if params[0].startswith("record") else "stats-top-source-country"
        result = CliRunner().invoke(main, ["query", name, "--store", store,
                                           *[f"--param={p}" for p in params]])
        assert result.exit_code == 1, result.output
        assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_empty_answer_gets_a_note_on_stderr(release) -> None:
    # India is in the graph (its students, line 978), but no agreement with it is
    result = CliRunner().invoke(main, ["query", "agreements-with-country", "--param", "country=ind",
                                       "--store", str(release.dir / "store")])
    assert result.exit_code == 0
    assert "(0 rows)" in result.stdout
    assert result.stderr == ("note: no rows: the graph holds no answer to agreements-with-country "
                             "for country=ind\n")


def test_a_check_without_findings_says_so_rather_than_that_the_graph_lacks_an_answer(release) -> None:
    result = CliRunner().invoke(main, ["query", "stats-audit-mean-change",
                                       "--store", str(release.dir / "store")])
    assert result.exit_code == 0 and "(0 rows)" in result.stdout
    assert result.stderr == "note: no rows: stats-audit-mean-change finds nothing to report\n"
