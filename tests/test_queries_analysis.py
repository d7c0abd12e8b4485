"""The analysis queries (rq-*, flows-*, timeline-*) on the real release, checked against the
figures, dates and headings of the thesis (line numbers of ../shared/sources/000_81b0946b00ba0bf2.txt)."""

from __future__ import annotations

import re

from kzmig_kg.query.run import run_query

from .conftest import thesis_lines


def named(release, name: str, **params) -> list[dict]:
    return run_query(name, {k: str(v) for k, v in params.items()}, store=release.store).values()


def test_the_research_questions_are_in_the_introduction() -> None:
    intro = " ".join(thesis_lines()[29:33])
    assert "How has the migratory situation changed post-pandemic" in intro
    assert "What steps can Kazakhstan take to develop effective migration management?" in intro


# ------------------------------------------------------------------ RQ1: the pandemic and the war

def test_national_balance_after_the_pandemic_and_with_the_war(release) -> None:
    rows = {r["year"]: r for r in named(release, "rq-national-balance", **{"from": 2019, "to": 2023})}
    # lines 916-918: emigrants 26,717 (2021), 19,383 (2022, -25.14%), 11,737 (2023, -33.35%)
    assert (rows[2021]["emigrants"], rows[2022]["emigrants"], rows[2023]["emigrants"]) == \
        (26717, 19383, 11737)
    assert rows[2022]["emigrationChange"] == -25.14 and rows[2023]["emigrationChange"] == -33.35
    assert "916-918" in rows[2022]["passages"]
    # lines 912-913: immigrants +57.85% in 2022
    assert rows[2022]["immigrationChange"] == 57.85
    # lines 923-924: net balance -6,722 (2022) and 9,293 (2023)
    assert rows[2022]["net"] == -6722 and rows[2023]["net"] == 9293
    assert "923-924" in rows[2023]["passages"]
    assert set(rows) <= set(range(2019, 2024))


def test_flows_by_partner_2019_2023(release) -> None:
    rows = named(release, "rq-flows-by-partner", **{"from": 2019, "to": 2023})
    found = {(r["direction"], r["country"], r["year"]): r["value"] for r in rows}
    assert found[("IMM", "RUS", 2021)] == 3456 and found[("IMM", "RUS", 2022)] == 5891  # 913-914
    assert found[("IMM", "BLR", 2022)] == 90 and found[("IMM", "BLR", 2023)] == 155      # 914-916
    assert [found[("IMM", "UZB", y)] for y in (2021, 2022, 2023)] == [4184, 6631, 6519]  # 986-987
    assert found[("IMM", "CHN", 2023)] == 987 and found[("IMM", "KGZ", 2023)] == 1022     # 974, 993
    assert all(2019 <= r["year"] <= 2023 for r in rows)


def test_arrivals_and_departures_of_2022(release) -> None:
    rows = named(release, "rq-arrivals-departures", year=2022)
    figures = {(r["measure"], r["country"], r["breakdown"], r["period"]): r["value"]
               for r in rows if r["kind"] == "figure"}
    # lines 929-930 and 982-985: arrivals of 2022 (Ministry of Internal Affairs)
    assert figures[("border-arrivals", "RUS", "total", "2022")] == 2900000
    assert figures[("border-arrivals", "UZB", "total", "2022")] == 2300000
    assert figures[("border-arrivals", "KGZ", "total", "2022")] == 730000
    assert figures[("border-arrivals", "TJK", "total", "2022")] == 330000
    assert figures[("border-arrivals-per-day", "RUS", "total", "2022")] == 30000         # 931-932
    # lines 939-941: Russian citizens who left since 21 September
    left = {c: v for (m, c, b, p), v in figures.items()
            if m == "departures-abroad" and b == "citizens-of-russia"}
    assert left == {"WORLD": 205000, "UZB": 47000, "KGZ": 46000, "TUR": 37000, "ARE": 19000}
    assert figures[("EMI", "WORLD", "total", "2022")] == 19383
    assert figures[("NET", "WORLD", "total", "2022")] == -6722
    changes = {(r["measure"], r["country"]): r["value"] for r in rows if r["kind"] == "stated change"}
    assert changes[("IMM", "WORLD")] == 57.85                                             # 912-913
    assert all(r["year"] == 2022 for r in rows)


def test_top_origin_countries_of_2023_follow_the_thesis_ranks(release) -> None:
    # lines 985-993: Russia first, Uzbekistan second, Turkmenistan 3rd, Kyrgyzstan 4th, China 5th,
    # Tajikistan 7th largest source of immigrants in 2023
    thesis_rank = {"RUS": 1, "UZB": 2, "TKM": 3, "KGZ": 4, "CHN": 5, "TJK": 7}
    rows = [r for r in named(release, "flows-top-partners-by-year", **{"from": 2023, "to": 2023, "top": 10})
            if r["role"] == "origin"]
    order = [r["country"] for r in rows if r["country"] in thesis_rank]
    assert len(order) >= 5
    assert order == sorted(order, key=thesis_rank.get)
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)


def test_top_destination_of_2000_is_russia(release) -> None:
    rows = [r for r in named(release, "flows-top-partners-by-year", **{"from": 2000, "to": 2000, "top": 2})
            if r["role"] == "destination"]
    # line 214: 108,724 emigrants to Russia and 35,938 to Germany in 2000
    assert [(r["rank"], r["country"], r["value"]) for r in rows] == [(1, "RUS", 108724), (2, "DEU", 35938)]


def test_flows_around_the_war(release) -> None:
    rows = named(release, "flows-around-record", record="ev-2022-02-24-war-ukraine", years=1)
    found = {(r["direction"], r["year"]): (r["side"], r["value"]) for r in rows}
    assert found[("EMI", 2021)] == ("before", 26717)
    assert found[("EMI", 2022)] == ("same year", 19383)
    assert found[("EMI", 2023)] == ("after", 11737)
    assert found[("NET", 2022)] == ("same year", -6722) and found[("NET", 2023)] == ("after", 9293)
    assert {r["itemYear"] for r in rows} == {2022} and {r["country"] for r in rows} == {"WORLD"}
    by_iri = named(release, "flows-around-record", record=rows[0]["item"], years=1)
    assert by_iri and {r["item"] for r in by_iri} == {rows[0]["item"]}


def test_flows_around_a_measure_with_a_partner(release) -> None:
    # the 2013 patent law and immigration from Uzbekistan (the brief's example question)
    rows = named(release, "flows-around-record", record="law-2013-153-V", years=3, country="UZB")
    assert rows and all(abs(r["offset"]) <= 3 for r in rows)
    assert {r["side"] for r in rows} >= {"before", "after"}
    assert all(r["year"] - r["offset"] == r["itemYear"] == 2013 for r in rows)


def test_partner_series_from_2000(release) -> None:
    rows = named(release, "flows-partner-series")
    found = {(r["direction"], r["country"], r["year"]): r for r in rows}
    assert found[("IMM", "UZB", 2005)]["value"] == 44648                                  # 199-200
    assert found[("EMI", "RUS", 2000)]["value"] == 108724                                 # 213-214
    assert found[("EMI", "DEU", 2000)]["value"] == 35938
    first = {d: next(r["country"] for r in rows if r["direction"] == d) for d in ("IMM", "EMI")}
    assert first == {"IMM": "UZB", "EMI": "RUS"}  # the largest partners over 2000-2023


# ------------------------------------------------------------------ timeline

def test_timeline_of_2022(release) -> None:
    rows = named(release, "timeline-events-and-measures", **{"from": 2022, "to": 2022, "kinds": "event"})
    dated = [(r["date"], r["item"].rsplit("/", 1)[-1]) for r in rows]
    # lines 902-911 and 938: the order of 2022
    expected = [("2022-01-01", "ev-2022-01-01-visa-free-restored"),
                ("2022-02-24", "ev-2022-02-24-war-ukraine"),
                ("2022-04-11", "ev-2022-04-11-land-borders-open"),
                ("2022-06-08", "ev-2022-06-08-pcr-requirement-ends"),
                ("2022-09-21", "ev-2022-09-21-russian-mobilisation")]
    assert [d for d in dated if d in expected] == expected
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {r["kind"] for r in rows} == {"event"}


def test_timeline_kinds(release) -> None:
    rows = named(release, "timeline-events-and-measures")
    kinds = {r["kind"] for r in rows}
    assert kinds == {"event", "measure", "programme"}
    assert any(r["item"].endswith("/pd-concept-2023-2027") for r in rows)
    acts = named(release, "timeline-events-and-measures", kinds="act")
    numbers = {r["item"].rsplit("/", 1)[-1] for r in acts}
    assert "477-IV" in numbers and {r["kind"] for r in acts} == {"act"}
    measures = [r for r in rows if r["kind"] == "measure"]
    assert {r["restrictiveness"] for r in measures} <= {1, -1, 0, None}
    assert all(r["status"] in ("enacted", "planned", "proposed") for r in measures)


def test_measures_by_restrictiveness_count_every_measure(release) -> None:
    rows = named(release, "timeline-measures-by-restrictiveness")
    stored = release.query("SELECT (COUNT(*) AS ?n) WHERE { ?m a kzo:PolicyMeasure }")[0]["n"]
    assert sum(r["measures"] for r in rows) == stored
    assert all(r["enacted"] <= r["measures"] for r in rows)
    concept = {r["year"]: r for r in rows if "m-2023-neo-nomad-visa" in r["items"]}
    assert list(concept) == [2022]  # the 2023-2027 concept was adopted in 2022 (Res. No. 961)


# ------------------------------------------------------------------ RQ2: steps for migration management

RECOMMENDATION = re.compile(r"^(\d)\. (.+):$")


def _recommendations_in_the_thesis() -> dict[int, str]:
    found = {}
    for line in thesis_lines()[1130:1180]:
        match = RECOMMENDATION.match(line.strip())
        if match:
            found[int(match[1])] = match[2]
    return found


def test_problems_and_the_recommendations_answering_them(release) -> None:
    assert len(_recommendations_in_the_thesis()) == 8
    rows = named(release, "rq-problems-and-responses")
    answered = {int(n) for r in rows for n in (r["recommendations"] or "").split()}
    assert answered == set(range(1, 9)), "every recommendation answers some problem"
    # lines 1125-1127: the challenges the conclusions name are problems of the study
    ids = {r["problem"].rsplit("/", 1)[-1] for r in rows}
    assert {"problem-skilled-labour-retention", "problem-unskilled-migrant-integration",
            "problem-illegal-migration", "problem-migrant-rights-protection"} <= ids
    assert [r["experts"] for r in rows] == sorted((r["experts"] for r in rows), reverse=True)
    assert all(0 <= r["experts"] <= 9 for r in rows)  # nine interviewees (Appendix A)
    for row in rows:
        if row["measures"]:
            assert row["recommendations"], f"{row['label']}: measures without a recommendation"
            assert all(m.startswith("m-") for m in row["measures"].split())


def test_measures_of_the_2023_2027_concept(release) -> None:
    rows = named(release, "rq-measures-and-recommendations")
    assert {r["measure"] for r in rows} == {
        "m-2023-academic-mobility", "m-2023-talent-long-term-visas", "m-2023-business-immigration-tax",
        "m-2023-investor-visas", "m-2023-e-visa-development", "m-2023-in-demand-residence-permits",
        "m-2023-neo-nomad-visa", "m-2023-digital-monitoring", "m-2023-refugees-asylum",
        "m-2023-emigrant-labour-contracts", "m-2023-pea-regulation-review",
        "m-2023-bilateral-labour-agreements"}
    assert all("pd-concept-2023-2027" in r["sources"].split() for r in rows)
    taken_up = {int(n) for r in rows for n in (r["recommendations"] or "").split()}
    assert taken_up and taken_up <= set(range(1, 9))
    every = named(release, "rq-measures-and-recommendations", enactedBy="all")
    assert len(every) > len(rows) and {r["measure"] for r in rows} <= {r["measure"] for r in every}


def test_codebook_themes(release) -> None:
    rows = named(release, "rq-codebook-themes")
    assert sorted(r["notation"] for r in rows) == [f"B{i}" for i in range(1, 9)]
    labels = " | ".join(r["label"] for r in rows)
    # theme names printed in Appendix B (lines 1223-1225, 1668, 1993, 3004, 3111)
    for name in ("Current Policy and Regulation Enhancements", "Reasons for movement",
                 "Specific Migrant Origins", "Human trafficking", "Impact of immigration"):
        assert name.lower() in labels.lower(), name
    for row in rows:
        assert row["codes"] >= row["illegible"] and row["count"] == row["reported"] + row["unassigned"]
