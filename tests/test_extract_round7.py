"""The loader on the causes of the misses of blind round 31 (blindE; benchmarks/gold/README.md,
"Round 31" and "Fixes after round 31, by cause"), each in its general form, in phrasings no gold
document has. One fixture per mechanism, each with a near miss that must not change."""

from __future__ import annotations

from kzmig_kg.loader.extract import extract_document

from .conftest import extracted_figures as figures


def _items(tmp_path, text: str, kind: str, **options) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [i for i in extract_document(path, **options).all_items() if i.kind == kind]


def test_a_cell_with_a_count_and_its_share_in_brackets_is_the_count(tmp_path):
    found = figures(tmp_path, "Таблица 2. Прибывшие в Казахстан по странам, человек "
                              "(в скобках: доля, %)\n\n"
                              "Страна            2022              2023\n"
                              "Узбекистан        4 615 (38,2%)     5 020 (40,1%)\n"
                              "Китай             2 030 (16,8%)     1 890 (15,1)\n"
                              "Всего            12 080 (100,0%)   12 520 (100)\n")
    assert found[4615] == ("2022", "immigration", "UZB")
    assert found[5020] == ("2023", "immigration", "UZB")       # the share took no column
    assert found[1890] == ("2023", "immigration", "CHN")
    assert found[12520] == ("2023", "immigration", None)
    assert not {38.2, 40.1, 16.8, 15.1, 100} & set(found)       # no share is a figure


def test_a_bracketed_number_above_a_hundred_is_no_share_and_stops_the_cut(tmp_path):
    # near miss: "(4 615)" cannot be a share, so the cell is not cut to "5 020" (and no row is read)
    found = figures(tmp_path, "Immigration by country, persons\n\n"
                              "Country        2023              2024\n"
                              "Uzbekistan     5 020 (4 615)     5 310 (5 020)\n")
    assert 5310 not in found or found[5310] != ("2024", "immigration", "UZB")


def test_all_destinations_and_all_origins_are_total_rows(tmp_path):
    found = figures(tmp_path, "Emigrants by destination, persons\n\n"
                              "Destination        2023      2024\n"
                              "Germany           1,310     1,020\n"
                              "All destinations  16,600    13,680\n")
    assert found[16600] == ("2023", "emigration", None)
    assert found[13680] == ("2024", "emigration", None)


def test_quarters_as_rows_under_direction_columns_take_the_year_of_the_heading(tmp_path):
    found = figures(tmp_path, "Миграция населения: 2025 год, по кварталам\n\n"
                              "Прибывшие в Казахстан и выбывшие из него, человек\n\n"
                              "| Период  | Прибыло | Выбыло | Сальдо |\n"
                              "|---------|---------|--------|--------|\n"
                              "| I кв.   | 3 840   | 3 120  | 720    |\n"
                              "| II кв.  | 4 215   | 3 460  | 755    |\n\n"
                              "Migration figures, 2024, by quarter\n\n"
                              "Arrivals in and departures from Kazakhstan, persons\n\n"
                              "Period    Arrivals    Departures    Net\n"
                              "Q3          4,530         3,905     625\n"
                              "Q4          4,610         3,950     660\n\n"
                              "Көші-қон: 2023 жыл\n\n"
                              "Келгендер мен кеткендер, адам\n\n"
                              "| Кезең        | Келгендер | Кеткендер |\n"
                              "| I жартыжылдық | 7 010    | 6 250     |\n")
    assert found[3840] == ("2025-Q1", "immigration", None)
    assert found[3460] == ("2025-Q2", "emigration", None)
    assert found[755] == ("2025-Q2", "net", None)
    assert found[3905] == ("2024-Q3", "emigration", None)
    assert found[660] == ("2024-Q4", "net", None)
    assert found[7010] == ("2023-H1", "immigration", None)
    assert found[6250] == ("2023-H1", "emigration", None)


def test_a_heading_with_two_years_or_a_sentence_does_not_date_the_table(tmp_path):
    # near misses: a heading naming two years, and a sentence ending in a full stop, above the caption
    found = figures(tmp_path, "Migration in 2024 and 2025, by quarter\n\n"
                              "Arrivals and departures, persons\n\n"
                              "Period    Arrivals    Departures\n"
                              "Q1          4,530         3,905\n\n"
                              "The bureau revised the data of 2023.\n\n"
                              "Arrivals and departures, persons\n\n"
                              "Period    Arrivals    Departures\n"
                              "Q2          4,610         3,950\n")
    assert found.get(4530, (None,))[0] in (None, "")
    assert found.get(4610, (None,))[0] in (None, "")


def test_nine_months_in_words_after_a_table_are_nine_months(tmp_path):
    found = figures(tmp_path, "2024 жылдың тоғыз айында елге 11 940 адам көшіп келді.\n"
                              "2024 жылдың алты айында елден 5 120 адам көшіп кетті.\n"
                              "За 9 месяцев 2024 года прибыли 11 940 человек, выбыли 9 870.\n")
    assert found[11940][0] == "2024-9M"
    assert found[5120] == ("2024-H1", "emigration", None)
    assert found[9870][0] == "2024-9M"


def test_the_reporting_year_is_the_year_of_a_title_over_several_lines(tmp_path):
    found = figures(tmp_path, "ANNUAL REPORT\nof the migration service of Almaty region\nfor 2025\n\n"
                              "Almaty, 15 January 2026\n\n"
                              "1. In the reporting year 2,140 people arrived in the region from abroad, "
                              "12% more than the previous year (1,910 people).\n\n"
                              "2. The region was left by 3,870 residents for permanent residence abroad, "
                              "against 4,050 the year before.\n", document_date="2026-01-15")
    assert found[2140] == ("2025", "immigration", None)
    assert found[1910] == ("2024", "immigration", None)
    assert found[3870] == ("2025", "emigration", None)
    assert found[4050] == ("2024", "emigration", None)


def test_a_report_without_a_reporting_phrase_keeps_the_year_of_its_text(tmp_path):
    # near miss: the title's year does not override a year the sentence states
    found = figures(tmp_path, "ОТЧЕТ\nо работе управления\nза 2025 год\n\n"
                              "В отчетном году прибыли 1 380 человек; в 2019 году область покинули "
                              "7 140 человек.\n", document_date="2026-01-20")
    assert found[1380] == ("2025", "immigration", None)
    assert found[7140] == ("2019", "emigration", None)


def test_a_restatement_with_no_noun_takes_the_direction_of_the_series(tmp_path):
    found = figures(tmp_path, "2019 – 18,600 people are granted oralman status.\n\n"
                              "2020 – With borders closed, the count drops to 12,600.\n\n"
                              "2021 – The number was granted status: 9,900 people.\n")
    assert found[18600] == ("2019", "immigration", None)
    assert found[12600] == ("2020", "immigration", None)


def test_a_year_labelling_a_month_range_before_a_dash_is_its_year(tmp_path):
    found = figures(tmp_path, "2025, January–June – 5,120 kandases so far, against 6,020 in the same "
                              "months of 2024.\n", document_date="2026-03-03")
    assert found[5120] == ("2025-H1", "immigration", None)
    assert found[6020] == ("2024-H1", "immigration", None)


def test_the_same_half_of_another_year_takes_the_half_stated_before(tmp_path):
    found = figures(tmp_path, "Item 2. Statistics\n"
                              "In the second half of the year 4,100 people left Kazakhstan for permanent "
                              "residence. In the same half of 2023 departures had totalled 4,870.\n",
                    document_date="2024-12-20")
    assert found[4100] == ("2024-H2", "emigration", None)
    assert found[4870] == ("2023-H2", "emigration", None)


def test_a_timeline_date_dates_the_act_and_a_later_labelled_bracket_gives_its_identifier(tmp_path):
    found = {c.get("number"): (c.get("year"), c.get("adilet_id"))
             for c in _items(tmp_path, "8 July 2011 – Law No. 477-IV \"On Population Migration\" is "
                                       "signed (Adilet: Z1100000477).\n\n"
                                       "Later, Law No. 66-VI was adopted (see Z1700000066).\n",
                             "citation")}
    assert found["477-IV"] == (2011, "Z1100000477")
    # near miss: an unlabelled identifier further on is not claimed (it stays a citation of its own)
    assert found["66-VI"][1] is None


def test_a_month_in_kazakh_with_its_year_is_a_date_but_not_the_start_of_a_range(tmp_path):
    dates = [d.get("date") for d in _items(tmp_path, "IV тоқсанның деректері 2026 жылғы ақпанда "
                                                     "жарияланады. 2025 жылғы қаңтар-қыркүйек "
                                                     "аралығында 12 585 адам келді.\n", "date")]
    assert "2026-02" in dates
    assert "2025-01" not in dates


def test_a_service_line_number_in_a_bracket_is_a_phone(tmp_path):
    found = figures(tmp_path, "In 2024, 14,950 people received kandas status; the support line (1414) "
                              "answers questions.\n")
    assert found[14950] == ("2024", "immigration", None)
    assert 1414 not in found
    # near miss: the same number as a count of people
    assert figures(tmp_path, "In 2024, 1414 people arrived from Mongolia.\n")[1414] == \
        ("2024", "immigration", "MNG")


def test_months_as_rows_under_direction_columns_are_single_months(tmp_path):
    found = figures(tmp_path, "Миграция населения: 2025 год, по месяцам\n\n"
                              "Прибывшие и выбывшие, человек\n\n"
                              "| Месяц   | Прибыло | Выбыло |\n"
                              "|---------|---------|--------|\n"
                              "| Январь  | 1 240   | 1 010  |\n"
                              "| Май     | 1 310   | 1 090  |\n"
                              "| Всего   | 2 550   | 2 100  |\n")
    assert found[1240] == ("2025-M01-M01", "immigration", None)
    assert found[1090] == ("2025-M05-M05", "emigration", None)
    # near miss: a total row of the same table is the table's whole year, no month
    assert found[2550] == ("2025", "immigration", None)


def test_from_abroad_is_an_arrival_and_abroad_alone_a_departure(tmp_path):
    found = figures(tmp_path, "In 2025, 2,140 people came to the region from abroad, compared with the "
                              "previous year (1,910 people). In 2025, 3,870 residents moved abroad.\n")
    assert found[2140] == ("2025", "immigration", None)
    assert found[1910] == ("2024", "immigration", None)
    assert found[3870] == ("2025", "emigration", None)              # near miss: "moved abroad"
