"""The neighbours' own statistics, issue 16, twelfth round (benchmarks/gold/README.md, "Issue 16,
twelfth round: citations and neighbours"): a stated change keeps its count's reporter, and a dateline
alone names no reporter. Each rule with variants and a near miss that must not fire."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kzmig_kg.loader.claims import draft_claims
from kzmig_kg.loader.extract import extract_document


def changes(tmp_path: Path, text: str, **options) -> list[tuple]:
    """The stated changes found in ``text``: (percent, period, direction, partner, reporting area)."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [(i.get("stated_change_pct"), i.get("period"), i.get("direction"), i.get("country"), i.get("area"))
            for i in extract_document(path, **options).all_items()
            if i.kind == "figure" and i.get("stated_change_pct") is not None]


# --- a neighbour's stated change is its own, as the count it qualifies -----------------------------

def test_a_stated_change_under_a_neighbours_office_as_issuer_is_that_offices(tmp_path):
    found = changes(tmp_path, "Национальный статистический комитет Кыргызской Республики\n"
                              "Бишкек, 6 марта 2026 г.\n\n"
                              "В 2025 году из Казахстана в Кыргызскую Республику прибыли 1 020 человек, "
                              "на 12% больше, чем годом ранее. В Казахстан выбыли 228 человек, на 8% "
                              "меньше, чем в 2024 году.\n", document_date="2026-03-06")
    assert found == [(12, "2025", "immigration", "KAZ", "KGZ"), (-8, "2025", "emigration", "KAZ", "KGZ")]


def test_a_stated_change_after_a_neighbours_office_as_source_is_that_offices(tmp_path):
    found = changes(tmp_path, "Astana, 12 February 2026\n\nThe Uzbek statistics agency registered 4,650 "
                              "people leaving for Kazakhstan in 2025, up 9% from 2024. Arrivals from "
                              "Kazakhstan, 310, rose by 4% compared to 2024.\n", document_date="2026-02-12")
    assert found == [(9, "2025", "emigration", "KAZ", "UZB"), (4, "2025", "immigration", "KAZ", "UZB")]


def test_near_miss_kazakhstans_bureau_states_a_change_of_its_flow_with_a_neighbour(tmp_path):
    found = changes(tmp_path, "Astana, 12 February 2026\n\nAccording to the Bureau of National Statistics, "
                              "4,650 people left Kazakhstan for Kyrgyzstan in 2025, up 9% from 2024.\n",
                    document_date="2026-02-12")
    assert found == [(9, "2025", "emigration", "KGZ", None)]


# --- a neighbour's stated change becomes a claim of its reference area ------------------------------

def test_a_neighbours_change_is_drafted_with_its_area_and_not_set_against_kazakhstans_flows(tmp_path):
    text = ("Национальный статистический комитет Кыргызской Республики\nБишкек, 6 марта 2026 г.\n\n"
            "В 2025 году из Казахстана в Кыргызскую Республику прибыли 1 020 человек, на 12% больше, чем "
            "годом ранее.\n")
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    items = list(extract_document(path, document_date="2026-03-06").all_items())
    countries = {"country-KAZ", "country-KGZ"}
    [claim], conflicts = draft_claims(text, items, "kg-1", [], countries)
    assert (claim["id"], claim["area"], claim["counterpart"], claim["direction"], claim["stated"],
            claim["base_period"]) == ("claim-kg-1-KGZ-IMM-KAZ-2025", "country-KGZ", "country-KAZ", "IMM",
                                      12, "2024")
    assert "counted by KGZ" in claim["note"] and "counted by KGZ" in claim["summary"] and conflicts == []
    # a reporter the graph has no country record of: no claim, as no figure
    assert draft_claims(text, items, "kg-1", [], {"country-KAZ"}) == ([], [])
    assert Decimal(str(claim["stated"])) == 12


# --- a dateline names where an item was written, not who counted ------------------------------------

def reported(tmp_path: Path, text: str, **options) -> dict:
    """The counts found in ``text``, by value: (direction, partner, reporting area)."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return {i.get("value"): (i.get("direction"), i.get("country"), i.get("area"))
            for i in extract_document(path, **options).all_items()
            if i.kind == "figure" and i.get("value") is not None}


def test_an_office_named_without_its_country_under_a_foreign_dateline_is_that_countrys(tmp_path):
    found = reported(tmp_path, "Отток в Казахстан\n\nБИШКЕК, 12 марта — По данным статистического "
                               "комитета, в 2025 году в Казахстан выехали 1 020 жителей республики, а из "
                               "Казахстана прибыли 228 человек.\n", document_date="2026-03-12")
    assert found[1020] == ("emigration", "KAZ", "KGZ") and found[228] == ("immigration", "KAZ", "KGZ")
    found = reported(tmp_path, "Uzbek departures\n\nTASHKENT, Feb 12 (Reuters) - The statistics agency said "
                               "4,650 people left for Kazakhstan in 2025.\n", document_date="2026-02-12")
    assert found[4650] == ("emigration", "KAZ", "UZB")
    found = reported(tmp_path, "Kyrgyz departures\n\nBISHKEK — The national statistics committee said 1,020 "
                               "people left for Kazakhstan in 2025.\n", document_date="2026-03-12")
    assert found[1020] == ("emigration", "KAZ", "KGZ")


def test_near_miss_a_dateline_alone_or_with_kazakhstans_bureau_makes_no_reporter(tmp_path):
    head = "Отток в Узбекистан\n\nТашкент. 3 апреля. КазТАГ – "
    count = "в 2025 году в Узбекистан из Казахстана выехали 4 650 человек.\n"
    # a Kazakh agency writing from Tashkent: Kazakhstan's own count
    found = reported(tmp_path, head + "В" + count[1:], document_date="2026-04-03")
    assert found[4650] == ("emigration", "UZB", None)
    found = reported(tmp_path, head + "По данным Бюро национальной статистики, " + count,
                     document_date="2026-04-03")
    assert found[4650] == ("emigration", "UZB", None)
    # a capital at a line's start with no date or agency is no dateline
    found = reported(tmp_path, "Обзор\n\nТашкент - крупнейший город региона. По данным статистического "
                               "комитета, " + count, document_date="2026-04-03")
    assert found[4650] == ("emigration", "UZB", None)
    found = reported(tmp_path, "Обзор\n\nТашкент - город, где в 2025 году по данным статистического комитета "
                               + count, document_date="2026-04-03")      # a year after the dash
    assert found[4650] == ("emigration", "UZB", None)
