"""One pinned case per family of named queries of what the document does not say: a date it
gives only to the year, a signing it never dates, an inferred date, a rank it states that its
figures cannot confirm, an instrument it never says was introduced, a body presumed in charge, a
programme without a period, a national total that is one country's figure, codes whose counts
cannot be read, a measure whose direction cannot be coded. Each against the document's lines, and
with what the researcher sees (the row's columns, or the note on stderr)."""

from __future__ import annotations

from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.query.named import QUERIES_DIR, named_queries
from kzmig_kg.query.run import run_query
from kzmig_kg.query.silences import silence_notes

from .conftest import passage_text

PINNED = {"acts", "agreements", "events", "flows", "instruments", "org", "policy", "rq", "stats",
          "study", "timeline"}


def rows(release, name: str, **params: object) -> list[dict]:
    return run_query(name, {k: str(v) for k, v in params.items()}, store=release.store).values()


def test_every_family_of_named_queries_has_a_pinned_case() -> None:
    families = {name.split("-", 1)[0] for name in named_queries(QUERIES_DIR)
                if not name.startswith("checks/")}
    assert families == PINNED


def test_acts_an_amendment_dated_only_to_its_year_is_in_force_uncertainly(release) -> None:
    # lines 389-391: "(Law No. 477-1V, 2015)", the year and no day
    assert "(Law No. 477-1V, 2015)" in passage_text(390, 391)
    found = {r["act"].rsplit("/", 1)[1]: r for r in rows(release, "acts-in-force",
                                                             date="2015-06-30")}
    amendment = found["law-477-IV-amend-2015"]
    assert (amendment["stated"], amendment["certain"]) == ("2015", False)
    assert found["477-IV"]["certain"] is True


def test_acts_the_constitution_named_without_a_date_is_counted_under_no_year(release) -> None:
    # lines 95-97: the 1995 law guarantees the rights "established by the Constitution", undated
    assert "established by the Constitution" in passage_text(95, 96)
    [row] = [r for r in rows(release, "acts-by-type-and-year") if r["type"] == "Constitution"]
    assert (row["year"], row["acts"], row["numbers"]) == (None, 1, "constitution-kz")


def test_agreements_a_treaty_whose_signing_the_document_never_dates(release) -> None:
    # lines 134-137: "in 2001, the signed treaty Eurasian Economic Community was ratified"
    assert "in 2001, the signed treaty Eurasian Economic" in passage_text(134, 134)
    [row] = [r for r in rows(release, "agreements-timeline")
             if r["agreement"].endswith("/agr-eurasec-2000")]
    assert (row["signed"], row["ratified"], row["ratifiedBy"]) == (None, "2001", "172")


def test_events_an_inferred_day_and_a_year_without_a_day(release) -> None:
    found = {r["event"].rsplit("/", 1)[1]: r for r in rows(release, "events-2022-in-order")}
    mobilisation = found["ev-2022-09-21-russian-mobilisation"]
    assert (mobilisation["date"], mobilisation["precision"], mobilisation["inferred"]) == \
        ("2022-09-21", "day", True)
    # Expert B speaks of the mobilisation without a date (lines 2061-2068)
    assert "due to mobilisation" in passage_text(2061, 2068)
    assert "21" not in passage_text(2061, 2068)
    prices = found["ev-2022-cost-of-living-rise"]
    assert (prices["date"], prices["precision"], prices["inferred"]) == ("2022", "year", False)


def test_flows_a_rank_the_document_states_that_its_figures_cannot_confirm(release) -> None:
    # lines 986-987: Uzbekistan "the second-largest source country of immigrants after Russia"
    assert "after Russia" in passage_text(986, 987)
    by_country = {r["country"]: r for r in rows(release, "flows-top-partners-by-year",
                                                 **{"from": 2023, "to": 2023, "top": 3})
                  if r["role"] == "origin"}
    assert by_country["RUS"]["status"] == "no figure" and by_country["RUS"]["value"] is None
    assert by_country["UZB"]["note"] == "the document ranks Uzbekistan 2; the figures rank it 1"


def test_instruments_a_card_replaced_in_2020_that_the_document_never_says_was_introduced(
        release) -> None:
    assert "migration cards were replaced with a border crossing mark" in passage_text(411, 412)
    found = {r["instrument"].rsplit("/", 1)[1]: r for r in rows(release, "instruments-by-type",
                                                                type="EntryRecord")}
    card = found["inst-migration-card"]
    assert (card["status"], card["introduced"], card["introducedBy"]) == ("replaced", None, None)
    assert found["inst-border-crossing-mark"]["introduced"] == "2020-01-11"


def test_org_a_body_presumed_in_charge_because_no_later_change_is_named(release) -> None:
    [row] = [r for r in rows(release, "org-responsible-for-migration", year=2016)
             if r["function"] == "migration-authority"]
    assert (row["name"], row["since"], row["until"], row["basis"]) == \
        ("Agency for Migration and Demography", "1997", None, "presumed")
    [visas] = [r for r in rows(release, "org-responsible-for-migration", year=2016)
               if r["function"] == "visa-issuance"]
    assert visas["basis"] == "stated"


def test_policy_programmes_without_a_period_are_named_not_silently_left_out(release) -> None:
    assert rows(release, "policy-programmes-in-force", year=2000) == []
    notes = silence_notes("policy-programmes-in-force", {"year": "2000"}, release.store)
    assert notes == [
        "pd-state-programme-1995 (dated 1995-01-11, lines 83-92) is left out: the document gives "
        "no period for it, so the graph cannot say whether it was in force",
        "pd-concept-2000 (dated 2000, lines 120-134) is left out: the document gives no period "
        "for it, so the graph cannot say whether it was in force"]
    result = CliRunner().invoke(main, ["query", "policy-programmes-in-force", "--param",
                                       "year=2000", "--store", str(release.dir / "store")])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1:] == [f"note: {note}" for note in notes]
    # a measure whose act the document does not name (lines 463-467)
    [measure] = [r for r in rows(release, "policy-measures-timeline", **{"from": 2018, "to": 2018})
                 if r["measure"] == "m-2018-migration-service-centres"]
    assert measure["enactedBy"] == "not named"


def test_rq_a_national_total_that_is_the_figure_for_russia(release) -> None:
    # lines 519-520: emigration fell to 29,088 in 2020, "subsequently increasing by 10.89% in
    # 2021. The main countries of emigration were Russia (26,717)"; lines 917-918: the outflow of
    # 2022 fell by 25.14% "compared to 2021 (26,717 people)", the whole country's
    assert "29,088 people in 2020" in passage_text(519, 519)
    assert "increasing by 10.89% in 2021. The main countries of emigration were Russia (26,717)" \
        in passage_text(520, 520)
    assert "compared to 2021 (26,717 people)" in passage_text(917, 918)
    [row] = [r for r in rows(release, "rq-national-balance") if r["year"] == 2021]
    assert (row["emigrants"], row["emigrationChange"]) == (26717, 10.89)
    notes = silence_notes("rq-national-balance", {}, release.store)
    assert notes == ["2021 EMI: the national total 26717 is also the document's figure for RUS "
                     "that year; the document may use a country's figure as the total "
                     "(`kzmig-kg audit` shows how its figures fail to reconcile)"]
    assert silence_notes("rq-national-balance", {"from": "2022", "to": "2023"},
                         release.store) == []
    assert silence_notes("stats-country-series", {"country": "WORLD", "direction": "EMI"},
                         release.store) == notes
    assert silence_notes("stats-country-series", {"country": "UZB"}, release.store) == []
    assert silence_notes("stats-country-series", {"country": "WORLD"}, release.store) == []  # IMM


def test_stats_a_top_source_the_document_gives_only_as_a_percent_change(release) -> None:
    [row] = rows(release, "stats-top-source-country", year=2019)
    assert (row["country"], row["value"], row["status"]) == ("UZB", 4174, "derived")
    assert "not stated" in row["note"]


def test_study_codes_whose_counts_cannot_be_read(release) -> None:
    codes = rows(release, "study-codes-per-theme", theme="B1")
    assert len(codes) == 19
    assert {r["count"] for r in codes} == {None}
    assert {r["status"] for r in codes} == {"illegible", "unassigned"}
    # the stray numbers printed in the B1 table (10, 16, 11, 12, 13) sum to 62, assigned to no code
    [theme] = [r for r in rows(release, "rq-codebook-themes") if r["notation"] == "B1"]
    assert (theme["codes"], theme["reported"], theme["unassigned"]) == (19, 0, 62)
    assert passage_text(1310, 1310) == "10"


def test_timeline_a_measure_whose_direction_cannot_be_coded(release) -> None:
    [row] = [r for r in rows(release, "timeline-measures-by-restrictiveness",
                             **{"from": 1996, "to": 1996}) if r["restrictiveness"] is None]
    assert (row["change"], row["items"]) == ("Unclear from the source", "m-1996-visa-categories")


def test_the_note_on_a_total_appears_only_where_the_answer_holds_that_total(release) -> None:
    # stats-net-migration-series lists the stated net balances, and none for 2021: no note
    assert 2021 not in {r["year"] for r in rows(release, "stats-net-migration-series")}
    assert silence_notes("stats-net-migration-series", {}, release.store) == []
    [note] = silence_notes("rq-arrivals-departures", {"year": "2021"}, release.store)
    assert note.startswith("2021 EMI: the national total 26717 is also the document's figure "
                           "for RUS")
    assert silence_notes("rq-arrivals-departures", {}, release.store) == []  # 2022 by default


def test_flows_around_a_record_note_the_total_only_when_its_years_reach_2021(release) -> None:
    war = [r for r in rows(release, "flows-around-record") if (r["direction"], r["year"]) ==
           ("EMI", 2021)]
    assert [r["value"] for r in war] == [26717]  # the war of 2022, give or take 3 years
    [note] = silence_notes("flows-around-record", {}, release.store)
    assert note.startswith("2021 EMI: the national total 26717")
    assert silence_notes("flows-around-record", {"years": "0"}, release.store) == []
    assert silence_notes("flows-around-record", {"record": "ev-2013-belt-and-road", "years": "2"},
                         release.store) == []
    assert silence_notes("flows-around-record", {"country": "RUS"}, release.store) == []


def test_acts_in_force_after_the_graphs_coverage_says_where_its_sources_end(release) -> None:
    latest = rows(release, "acts-in-force", date="2026-12-07")
    assert "https://w3id.org/kzmig/eli/kz/zakon/2024/law-477-IV-amend-2024" in \
        {r["act"] for r in latest}
    assert silence_notes("acts-in-force", {"date": "2026-12-07"}, release.store) == [
        "the graph's sources end in 2024: the answer is the state the document records up to "
        "2024; acts adopted, amended or repealed since are not in it"]
    assert silence_notes("acts-in-force", {"date": "2024-06-30"}, release.store) == []
