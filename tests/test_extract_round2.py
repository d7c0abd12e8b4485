"""The loader on the patterns the second blind round of issue #16 found (benchmarks/gold, round 15):
one fixture per pattern, each with a near miss that must not change (precision)."""

from __future__ import annotations

from pathlib import Path

from kzmig_kg.loader.extract import extract_document


def _items(tmp_path: Path, text: str, **options) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract_document(path, **options).all_items()


def figures(tmp_path: Path, text: str, **options) -> dict:
    """The figures of a document, by value: (period, direction, country)."""
    return {i.get("value"): (i.get("period"), i.get("direction"), i.get("country"))
            for i in _items(tmp_path, text, **options) if i.kind == "figure" and i.get("value") is not None}


def test_a_table_with_a_share_column_after_the_years_is_read_and_the_shares_are_not_counts(tmp_path):
    found = figures(tmp_path, "Таблица 3. Прибывшие на постоянное жительство, человек\n\n"
                              "Страна\t2022\t2023\tДоля в 2023, %\n"
                              "Узбекистан\t4 231\t3 877\t38,2\n"
                              "Кыргызстан\t1 046\t982\t9,7\n")
    assert found[4231] == ("2022", "immigration", "UZB")
    assert found[3877] == ("2023", "immigration", "UZB")
    assert found[982] == ("2023", "immigration", "KGZ")
    assert not {v for v in found if v < 100}, "a share read as a count"


def test_a_table_whose_years_are_not_one_run_of_columns_is_not_read_as_one(tmp_path):
    found = figures(tmp_path, "Departures, persons\n\n"
                              "Country     2021    Note     2023\n"
                              "Germany     3 138   final    1 633\n")
    assert 3138 not in found and 1633 not in found


def test_moving_there_is_a_departure_and_the_ranking_after_it_keeps_the_direction(tmp_path):
    found = figures(tmp_path, "В 2024 году страну покинули 10 876 человек.\n\n"
                              "Основным направлением осталась Россия: туда переехали 7 932 человека. "
                              "На втором месте Германия (1 405 человек).\n", document_date="2025-02-20")
    assert found[7932] == ("2024", "emigration", "RUS")
    assert found[1405] == ("2024", "emigration", "DEU")


def test_of_them_n_with_a_dash_and_a_country_is_a_figure_of_that_country(tmp_path):
    found = figures(tmp_path, "В 2024 году число прибывших составило 16 015 человек, из них 3 460 — "
                              "выходцы из Узбекистана.\n")
    assert found[3460] == ("2024", "immigration", "UZB")
    found = figures(tmp_path, "In 2023, 9,870 people arrived, of them 4,612 from Uzbekistan.\n")
    assert found[4612] == ("2023", "immigration", "UZB")


def test_a_bracketed_year_label_is_the_period_of_its_number_only(tmp_path):
    found = figures(tmp_path, "3.1 Arrivals. 15,873 people moved to Kazakhstan for permanent residence "
                              "in 2023 (2022: 18,020).\n\n"
                              "3.2 Departures. 11,920 people left for Russia.\n")
    assert found[18020] == ("2022", "immigration", None)
    assert found[15873] == ("2023", "immigration", None)
    assert found[11920] == ("2023", "emigration", "RUS")     # 2022 is not carried forward


def test_the_upper_end_of_an_age_range_is_not_a_figure(tmp_path):
    found = figures(tmp_path, "In 2023, 15,882 residents emigrated. Two thirds of the emigrants were "
                              "aged 18 to 45. Эмигранты в возрасте от 18 до 45 лет составили 7 100 "
                              "человек.\n")
    assert 45 not in found and 18 not in found
    assert found[15882][:2] == ("2023", "emigration")
    assert 7100 in found


def test_a_bare_count_before_a_verb_of_moving_and_a_place_is_a_figure(tmp_path):
    found = figures(tmp_path, "In 2024, 9,870 ethnic Kazakhs returned; most came from China (2,031), "
                              "while 964 arrived from Mongolia.\n")
    assert found[964] == ("2024", "immigration", "MNG")
    # a bare number without a verb of moving and a place stays out
    assert 35 not in figures(tmp_path, "In 2024, 9,870 people arrived and 35 of the regions took part.\n")


def test_a_russian_code_cited_by_its_abbreviation_and_a_bracketed_number(tmp_path):
    found = [i for i in _items(tmp_path, "Ответственность предусмотрена статьей 517 КоАП "
                                         "(№ 235-V от 05.07.2014). Это подтвердил УК.\n")
             if i.kind == "citation"]
    assert [(c.get("act_type"), c.get("number"), c.get("year")) for c in found] == [("code", "235-V", 2014)]


def test_since_a_year_a_count_covers_the_years_to_the_latest_the_text_reports(tmp_path):
    text = ("ASTANA, 11 January 2024. 18,100 ethnic Kazakhs returned in 2023.\n\n"
            "Since 1991 more than 1.1 million kandases have settled in Kazakhstan. Arrivals have "
            "risen by 12% since 2019.\n")
    found = figures(tmp_path, text, document_date="2024-01-11")
    assert found[1100000][0] == "1991/2023"
    assert found[18100][0] == "2023"
    changes = [i for i in _items(tmp_path, text, document_date="2024-01-11")
               if i.kind == "figure" and i.get("stated_change_pct") is not None]
    assert all(i.get("period") != "2019/2023" for i in changes)


# --------------------------------------------------- patterns of the second blind round (16)

def test_a_table_with_a_column_per_quarter_takes_the_year_of_its_caption(tmp_path):
    found = figures(tmp_path, "Table 4. Net migration by quarter of 2024, persons\n\n"
                              "Quarter        Q1      Q2      Q3      Q4\n"
                              "Net          -512     730   1,244     318\n")
    assert found[-512] == ("2024-Q1", "net", None)
    assert found[1244] == ("2024-Q3", "net", None)
    # without a year in the caption the quarters cannot be dated: no figures from the table
    assert 1244 not in figures(tmp_path, "Table 4. Net migration by quarter, persons\n\n"
                                         "Quarter        Q1      Q2      Q3      Q4\n"
                                         "Net          -512     730   1,244     318\n")


def test_taking_and_took_stand_where_data_stand(tmp_path):
    found = figures(tmp_path, "In January-June 2025, 4,310 residents emigrated. Russia remained the top "
                              "destination, taking 3,015 of the emigrants, while Germany took 611.\n")
    assert found[3015] == ("2025-H1", "emigration", "RUS")
    assert found[611] == ("2025-H1", "emigration", "DEU")


def test_kandas_status_is_immigration_and_a_list_joined_by_i_keeps_each_country(tmp_path):
    found = figures(tmp_path, "В 2024 году статус кандаса получили 14 950 этнических казахов. Больше "
                              "всего кандасов прибыло из Узбекистана — 6 812 человек, из Китая — 3 204 "
                              "и из Туркменистана — 1 930.\n")
    assert found[14950] == ("2024", "immigration", None)
    assert found[3204] == ("2024", "immigration", "CHN")
    assert found[1930] == ("2024", "immigration", "TKM")


def test_a_named_code_followed_by_its_bracketed_citation_is_one_citation(tmp_path):
    found = [i for i in _items(tmp_path, "Organising illegal migration is an offence under Article 394 "
                                         "of the Criminal Code (Code of the Republic of Kazakhstan No. "
                                         "226-V, 3 July 2014). The Criminal Code applies.\n")
             if i.kind == "citation"]
    # the second, named by title, is numbered from kz.yaml's named acts (round 16)
    assert [(c.get("act_type"), c.get("number")) for c in found] == [("code", "226-V"), ("code", "226-V")]


# --------------------------------------------------- patterns of the third blind round (17)

def test_a_year_earlier_after_a_number_dates_that_number_only(tmp_path):
    found = figures(tmp_path, "Kazakhstan recorded a net inflow of 2,340 people in 2024. Departures to "
                              "Russia decreased to 9,870 from 11,920 a year earlier, while arrivals from "
                              "Uzbekistan grew by 8% to 4,190.\n")
    assert found[11920] == ("2023", "emigration", "RUS")
    assert found[4190] == ("2024", "immigration", "UZB")
    # before its number, "годом ранее" is the time of the sentence
    found = figures(tmp_path, "В 2024 году страну покинули 10 876 человек. Годом ранее страну покинули "
                              "13 225 человек.\n")
    assert found[13225][0] == "2023"


def test_a_bracketed_count_and_a_dash_before_the_destination_keep_their_country(tmp_path):
    found = figures(tmp_path, "В 2025 году выбыли из республики 2 410 человек. Большинство из них "
                              "(1 870 человек) уехали в Россию, еще 245 — в Германию.\n")
    assert found[1870] == ("2025", "emigration", "RUS")
    assert found[245] == ("2025", "emigration", "DEU")
    # "N человек, из Китая — M": the country after the comma is the next number's
    found = figures(tmp_path, "В 2023 году прибыли из Узбекистана — 2 540 человек, из Китая — 1 310 "
                              "человек.\n")
    assert found[2540][2] == "UZB" and found[1310][2] == "CHN"


def test_a_constitution_or_code_named_with_its_date_gets_its_year(tmp_path):
    found = [i for i in _items(tmp_path, "- Constitution of the Republic of Kazakhstan of 30 August 1995, "
                                         "Article 12.\n- The Labour Code applies.\n") if i.kind == "citation"]
    # (the Labour Code is dated from kz.yaml's named acts, round 16)
    assert [(c.get("act_type"), c.get("year")) for c in found] == [("constitution", 1995), ("code", 2015)]


# --------------------------------------------------- patterns of the fourth blind round (18)

def test_year_columns_written_with_g_are_years(tmp_path):
    found = figures(tmp_path, "2.1. Таблица 1 показывает выбывших на постоянное жительство (человек).\n\n"
                              "Страна\t2022 г.\t2023 г.\nГермания\t2 874\t1 633\nИзраиль\t301\t176\n")
    assert found[2874] == ("2022", "emigration", "DEU")
    assert found[176] == ("2023", "emigration", "ISR")


def test_a_bracketed_count_before_for_a_country_keeps_that_country(tmp_path):
    found = figures(tmp_path, "In July-December 2024, 5,230 residents left the country, most of them "
                              "(3,660) for Russia.\n")
    assert found[3660] == ("2024-H2", "emigration", "RUS")
