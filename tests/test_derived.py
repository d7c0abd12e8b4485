"""Figures the document implies but does not state: derived observations, and the rankings and
shares that use them or refuse a misleading total. Each case is pinned to the document's figures."""

from __future__ import annotations

import dataclasses

import pytest

from kzmig_kg.pipeline.derive import derive_observations
from kzmig_kg.pipeline.records import read_records
from kzmig_kg.query.run import run_query

from .conftest import DATA, passage_text

UZB_2019 = "https://w3id.org/kzmig/id/obs/ds-derived-flows/IMM/KAZ/UZB/total/2019"


def named(release, name: str, **params: object) -> list[dict[str, object]]:
    result = run_query(name, {k: str(v) for k, v in params.items()}, store=release.store)
    return result.values()


def test_uzbekistan_2019_is_derived_from_the_stated_fall_to_2554(release) -> None:
    # line 512: "decreased by 38.81% to 2,554 people in 2020"; 2019 is given nowhere
    assert "decreased by 38.81% to 2,554" in passage_text(511, 512)
    [row] = release.query(f"""
        SELECT ?value ?status ?rule ?input ?claim ?graph WHERE {{
          GRAPH ?graph {{ <{UZB_2019}> a kzo:DerivedObservation ; kzo:impliedValue ?value ;
                          sdmx-attribute:obsStatus ?status ; kzo:derivationRule ?rule ;
                          kzo:derivationInput ?in ; kzo:derivationClaim ?c }}
          ?in sdmx-measure:obsValue ?input . ?c kzo:statedValue ?claim }}""")
    assert row["input"] == 2554 and row["claim"] == pytest.approx(-38.81)
    assert row["value"] == round(2554 / (1 - 0.3881)) == 4174
    assert row["status"] == "http://purl.org/linked-data/sdmx/2009/code#obsStatus-I"
    assert row["rule"] == "https://w3id.org/kzmig/code/derivation-base-of-percent-change"
    assert row["graph"] == "https://w3id.org/kzmig/graph/derived"


def test_derived_figures_never_carry_a_stated_value_nor_duplicate_a_stated_key(release) -> None:
    assert release.query("SELECT ?o WHERE { ?o a kzo:DerivedObservation ; sdmx-measure:obsValue ?v }") == []
    duplicates = release.query("""
        SELECT ?d WHERE {
          ?d a kzo:DerivedObservation ; qb:dataSet/qb:structure ?dsd ;
             sdmx-dimension:refArea ?a ; kzo:counterpartArea ?c ; kzo:breakdown ?b ;
             sdmx-dimension:refPeriod ?p ; (kzo:flowDirection|kzo:indicator) ?m .
          ?s sdmx-measure:obsValue ?v ; sdmx-dimension:refArea ?a ; kzo:counterpartArea ?c ;
             kzo:breakdown ?b ; sdmx-dimension:refPeriod ?p ; (kzo:flowDirection|kzo:indicator) ?m .
        }""")
    assert duplicates == []
    assert len(release.query("SELECT ?o WHERE { ?o a kzo:DerivedObservation }")) >= 20


def test_a_key_whose_stated_figures_disagree_derives_nothing() -> None:
    records = read_records(DATA)
    assert any(d.record.id == "derived-claim-imm-UZB-2019-2020" for d in derive_observations(records))
    target = next(r for r in records.records if r.id == "bns23b-IMM-UZB-2020")
    conflicting = dataclasses.replace(target, id="conflict", values={**target.values,
                                      "dataset": "ds-thesis-flows", "value": 2600})
    records.records.append(conflicting)
    assert not any(d.record.id == "derived-claim-imm-UZB-2019-2020" for d in derive_observations(records))


def test_top_source_of_2019_is_the_derived_uzbekistan_figure_marked_so(release) -> None:
    [row] = named(release, "stats-top-source-country", year=2019)
    assert (row["country"], row["value"], row["status"]) == ("UZB", 4174, "derived")
    assert row["countries"] == 3 and "not stated" in row["note"]
    assert "511-512" in row["passages"].split()


def test_top_source_of_2023_is_russia_by_the_documents_word_without_a_figure(release) -> None:
    # line 986-987: Uzbekistan "the second-largest source country of immigrants after Russia"
    [row] = named(release, "stats-top-source-country", year=2023)
    assert (row["country"], row["value"], row["status"]) == ("RUS", None, "no figure")
    assert row["note"] == ("the document says Russia was the largest source in 2023; "
                           "it gives no figure for Russia that year")


def test_ranking_of_2023_shows_the_stated_ranks_the_figures_cannot_confirm(release) -> None:
    rows = [r for r in named(release, "flows-top-partners-by-year", **{"from": 2023, "to": 2023,
                                                                        "top": 3})
            if r["role"] == "origin"]
    by_country = {r["country"]: r for r in rows}
    assert by_country["RUS"]["status"] == "no figure" and by_country["RUS"]["value"] is None
    assert by_country["RUS"]["rank"] == 1 and "gives no figure" in by_country["RUS"]["note"]
    assert (by_country["UZB"]["value"], by_country["UZB"]["rank"], by_country["UZB"]["statedRank"]) \
        == (6519, 1, 2)
    assert by_country["UZB"]["note"] == "the document ranks Uzbekistan 2; the figures rank it 1"
    assert {r["countries"] for r in rows} == {6}


def test_ranking_of_2019_marks_the_derived_values(release) -> None:
    rows = [r for r in named(release, "flows-top-partners-by-year", **{"from": 2019, "to": 2019,
                                                                        "top": 3})
            if r["role"] == "origin"]
    assert [(r["country"], r["value"], r["status"]) for r in rows] == [
        ("UZB", 4174, "derived"), ("TKM", 879, "stated"), ("KGZ", 374, "derived")]
    assert "879 people in 2019" in passage_text(513, 514)


def test_emigration_shares_refuse_a_country_figure_used_as_the_national_total(release) -> None:
    rows = named(release, "stats-emigration-destinations", year=2021)
    assert rows[0]["country"] == "RUS" and rows[0]["emigrants"] == 26717
    assert all(r["total"] is None and r["share"] is None for r in rows)
    assert rows[0]["note"].startswith("no share: the stated total 26717 is not larger than Russia's")
    rows = named(release, "stats-emigration-destinations", year=2000)
    assert rows[0]["total"] == 155749 and rows[0]["share"] == pytest.approx(69.81)
    assert rows[0]["note"] is None


def test_country_series_takes_indicators_and_gaps_indian_students(release) -> None:
    # lines 978-981: students from India, 3,500 in 2017 to 7,321 in 2022
    assert "3,500" in passage_text(976, 981) and "7,321" in passage_text(976, 981)
    rows = {r["year"]: r for r in named(release, "stats-country-series", country="IND",
                                        direction="foreign-students")}
    assert (rows[2017]["value"], rows[2022]["value"]) == (3500, 7321)
    assert (rows[2022]["since"], rows[2022]["sinceValue"]) == (2017, 3500)
    assert rows[2022]["changeSince"] == pytest.approx(109.17)
    assert rows[2022]["previous"] is None


def test_country_series_takes_the_national_total_and_marks_derived_years(release) -> None:
    quota = {r["year"]: r["value"] for r in named(release, "stats-country-series", country="WORLD",
                                                  direction="labour-quota-size")}
    assert quota == {2008: 65000, 2024: 20000}  # lines 798-801: about 65,000 then about 20,000
    uzbekistan = {r["year"]: r for r in named(release, "stats-country-series", country="UZB",
                                              direction="IMM")}
    assert (uzbekistan[2019]["value"], uzbekistan[2019]["status"]) == (4174, "derived")
    assert uzbekistan[2020]["change"] == pytest.approx(-38.81)  # as the document states (line 512)
    assert uzbekistan[2020]["status"] == "stated"


def test_a_share_of_a_stated_whole_derives_the_part_with_bounds() -> None:
    records = read_records(DATA)
    share = next(r for r in records.records if r.id == "claim-expulsion-share")
    values = {k: v for k, v in share.values.items() if k not in ("lower", "upper")}
    records.records.append(dataclasses.replace(share, id="test-share", values={
        **values, "indicator": "expulsion-share", "stated": 50}))
    [part] = [d for d in derive_observations(records) if d.claim.id == "test-share"]
    whole = part.source.get("value")
    assert part.rule == "part-of-share" and part.source.get("indicator") == "migration-violations"
    assert part.record.get("value") == whole // 2
    assert (part.record.get("lower"), part.record.get("upper")) == (round(whole * 0.495),
                                                                    round(whole * 0.505))
    assert part.record.get("dataset") == "ds-derived-indicators"
