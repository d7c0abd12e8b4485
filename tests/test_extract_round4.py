"""The loader on the root causes of all blind rounds (benchmarks/gold/README.md, "Root causes"):
one fixture per general mechanism, each with a near miss that must not change."""

from __future__ import annotations

from kzmig_kg.loader.extract import extract_document

from .conftest import extracted_figures as figures


def test_a_bare_count_governed_by_a_verb_of_moving_after_it(tmp_path):
    found = figures(tmp_path, "In 2023, 5,310 people emigrated, while 2,870 immigrated. "
                              "Since then 140 have applied for a new permit.\n")
    assert found[2870] == ("2023", "immigration", None)
    assert found[5310] == ("2023", "emigration", None)
    assert 140 not in found            # the verb after it ("applied") is not one of moving


def test_a_verb_of_moving_in_the_next_clause_does_not_govern_the_number(tmp_path):
    found = figures(tmp_path, "The survey covered 320 households, and most of them emigrated later.\n")
    assert 320 not in found


def test_a_sign_written_as_a_word_keeps_the_number_where_data_stand(tmp_path):
    found = figures(tmp_path, "In 2024 the migration balance was minus 2,130 people, compared with "
                              "minus 3,480 in 2023. With Kyrgyzstan the balance stayed at minus 410.\n")
    assert found[-2130] == ("2024", "net", None)
    assert found[-3480] == ("2023", "net", None)
    # the compared year does not carry to the next sentence
    assert found[-410] == ("2024", "net", "KGZ")


def test_the_paragraph_after_a_paragraph_of_flows_is_still_about_them(tmp_path):
    found = figures(tmp_path, "In 2024, 7,400 people left the country for Russia.\n\n"
                              "Some say the outflow is falling: in 2023 the count was 9,050.\n\n"
                              "The city has 12 parks.\n\n"
                              "Rents rose; in 2023 the index was 1,240.\n")
    assert found[9050] == ("2023", "emigration", None)
    assert 1240 not in found           # two paragraphs after the last flow


def test_a_markdown_grid_is_read_as_a_table(tmp_path):
    found = figures(tmp_path, "Table 2. Immigrants by country of origin, persons\n\n"
                              "| Country | 2022 | 2023 |\n"
                              "|---|---:|---:|\n"
                              "| Uzbekistan | 4,231 | 3,877 |\n"
                              "| Total | 9,106 | 8,840 |\n")
    assert found[4231] == ("2022", "immigration", "UZB")
    assert found[8840] == ("2023", "immigration", None)
    assert len(found) == 4


def test_semicolons_in_running_text_make_no_table(tmp_path):
    found = figures(tmp_path, "In 2023, 1,210 people left for Germany; 2022; 2023 were hard years.\n")
    assert found[1210] == ("2023", "emigration", "DEU")
    assert 2022 not in found and 2023 not in found


def test_any_table_layout_is_read_from_its_labels(tmp_path):
    # half-years as columns: no specialised reader knows them
    found = figures(tmp_path, "Table 3. Emigrants by country of destination, persons\n\n"
                              "Country      H1 2024     H2 2024\n"
                              "Russia       4,380       5,560\n"
                              "Total        6,240       7,100\n")
    assert found[4380] == ("2024-H1", "emigration", "RUS")
    assert found[7100] == ("2024-H2", "emigration", None)
    # a row per year, a column per direction
    found = figures(tmp_path, "Migration of the population of Kazakhstan, persons\n\n"
                              "Year     Arrivals    Departures    Net\n"
                              "2022     16,990      18,020        -1,030\n")
    assert found[16990] == ("2022", "immigration", None)
    assert found[-1030] == ("2022", "net", None)
    assert 2022 not in found
    # a row per country, a column per direction, the year in the caption
    found = figures(tmp_path, "Таблица 5. Миграция со странами СНГ за 2024 год, человек\n\n"
                              "Страна\tПрибывшие\tВыбывшие\tСальдо\n"
                              "Россия\t2 905\t9 940\t-7 035\n")
    assert found[2905] == ("2024", "immigration", "RUS")
    assert found[9940] == ("2024", "emigration", "RUS")
    assert found[-7035] == ("2024", "net", "RUS")


def test_a_table_column_that_is_not_a_count_and_a_table_without_a_year_give_nothing(tmp_path):
    found = figures(tmp_path, "Table 6. Emigrants by country of destination in 2024\n\n"
                              "Country      Persons     Share, %\n"
                              "Russia       9,940       72.6\n")
    assert found == {9940: ("2024", "emigration", "RUS")}
    found = figures(tmp_path, "Staff of the regional offices\n\n"
                              "Office       Staff     Cases\n"
                              "Almaty       120       4,310\n")
    assert found == {}


def test_relative_years_count_from_the_document_date_and_complete_a_part_of_the_year(tmp_path):
    found = figures(tmp_path, "Over the past year, 8,850 people arrived in Kazakhstan for permanent "
                              "residence.\n\nВ текущем году из страны выехали 2 140 человек.\n\n"
                              "In the first half of this year 3,020 people emigrated.\n",
                    document_date="2025-09-01")
    assert found[8850] == ("2024", "immigration", None)
    assert found[2140] == ("2025", "emigration", None)
    assert found[3020] == ("2025-H1", "emigration", None)


def test_a_bare_count_governed_by_a_verb_of_moving_before_it(tmp_path):
    found = figures(tmp_path, "В 2024 году в Казахстан переехали 8 850 человек, а покинули страну "
                              "13 680. Год назад из Казахстана уехали 15 300 человек.\n",
                    document_date="2025-02-01")
    assert found[13680] == ("2024", "emigration", None)
    assert found[15300] == ("2024", "emigration", None)     # "год назад": a year before the date


def test_an_age_bound_and_a_number_inside_its_clause_are_no_counts(tmp_path):
    found = figures(tmp_path, "In 2024, 2,140 people emigrated; most were younger than 35. "
                              "The outflow of staff 50 Kbps was noted.\n")
    assert found == {2140: ("2024", "emigration", None)}


def test_a_labelled_figure_of_comparison_does_not_date_the_number_before_it(tmp_path):
    found = figures(tmp_path, "Immigration: 8,850 (2023: 9,120). Emigration: 13,680 (2023: 15,300).\n",
                    document_date="2025-02-01")
    assert found[9120] == ("2023", "immigration", None)
    assert found[8850][0] != "2023" and found[13680][0] != "2023"


def test_a_move_inside_the_country_is_not_a_migration_flow(tmp_path):
    found = figures(tmp_path, "В 2024 году в область прибыли 520 переселенцев из северных регионов страны "
                              "и 1 340 кандасов. In 2024, 2,300 people moved from other regions of "
                              "Kazakhstan, while 610 came from Uzbekistan.\n")
    assert 520 not in found and 2300 not in found
    assert found[1340] == ("2024", "immigration", None)
    assert found[610] == ("2024", "immigration", "UZB")


def test_a_movement_takes_its_direction_from_where_it_goes(tmp_path):
    found = figures(tmp_path, "In 2024 some 9,940 Kazakhstanis resettled in Russia, and 2,905 people "
                              "relocated here from Kyrgyzstan. 2024 жылы Германияға 1 020 адам қоныс "
                              "аударды. В 2024 году на ПМЖ в Россию переселились 7 120 жителей республики.\n")
    assert found[9940] == ("2024", "emigration", "RUS")
    assert found[2905] == ("2024", "immigration", "KGZ")
    assert found[1020] == ("2024", "emigration", "DEU")
    assert found[7120] == ("2024", "emigration", "RUS")


def test_the_verb_of_the_numbers_own_clause_beats_the_verb_of_the_clause_before(tmp_path):
    found = figures(tmp_path, "2024 жылы елге 8 850 адам келді, 13 680 адам кетті.\n"
                              "\nOutbound migration totalled 13,100 in 2023 and inbound migration 8,700.\n")
    assert found[8850] == ("2024", "immigration", None)
    assert found[13680] == ("2024", "emigration", None)
    assert found[13100] == ("2023", "emigration", None)
    assert found[8700] == ("2023", "immigration", None)


def test_spaced_thousands_in_any_context_and_with_a_decimal_comma(tmp_path):
    found = figures(tmp_path, "В 2024 году выбыли 1 236,5 тыс. человек; въехавших было 8 850.\n")
    assert found[1236500] == ("2024", "emigration", None)
    assert found[8850] == ("2024", "immigration", None)
    assert 236 not in found and 850 not in found


def test_a_verb_right_after_the_number_beats_one_in_the_clause_before(tmp_path):
    found = figures(tmp_path, "Between January and September 2024, 9,120 people arrived and 11,440 left.\n")
    assert found[9120] == ("2024-9M", "immigration", None)
    assert found[11440] == ("2024-9M", "emigration", None)


def test_a_month_range_with_any_connector_and_in_kazakh(tmp_path):
    found = figures(tmp_path, "Between January and June 2024, 6,240 people emigrated.\n\n"
                              "С января до сентября из страны выбыли 11 440 человек.\n\n"
                              "2024 жылы қаңтар-маусым айларында елден 6 100 адам көшіп кетті.\n",
                    document_date="2024-10-20")
    assert found[6240] == ("2024-H1", "emigration", None)
    assert found[11440] == ("2024-9M", "emigration", None)
    assert found[6100] == ("2024-H1", "emigration", None)


def test_counts_of_things_stocks_of_students_and_age_bounds_are_no_flows(tmp_path):
    found = figures(tmp_path, "In 2024, 14,950 kandases arrived; each family received 70 monthly "
                              "calculation indices. About 60,000 Kazakhstani students study in Russia; "
                              "in 2024, 12,400 of them left to enrol. Two in three were under 25.\n")
    assert found == {14950: ("2024", "immigration", None), 12400: ("2024", "emigration", "RUS")}


def test_last_year_is_the_period_of_the_text_and_carries_like_a_stated_year(tmp_path):
    found = figures(tmp_path, "ASTANA, Feb 12, 2025 10:41 AM\n\nSome 16,020 people settled in the Central "
                              "Asian nation last year, while 13,680 left.\n\nEmigration to Russia fell "
                              "to 9,940 from 11,920 in 2023.\n", document_date="2025-02-12")
    assert 41 not in found                                  # a time of day
    assert found[16020] == ("2024", "immigration", None)    # settled in the nation: Kazakhstan
    assert found[13680] == ("2024", "emigration", None)
    assert found[9940] == ("2024", "emigration", "RUS")
    assert found[11920] == ("2023", "emigration", "RUS")


def test_country_abbreviations_units_with_adjectives_and_plans(tmp_path):
    found = figures(tmp_path, "В 2024 году из КНР в Республику Казахстан переехали 1 870 человек, из ФРГ — "
                              "95. Заявление рассматривается в срок до 30 календарных дней.\n\n"
                              "In 2024, 4,190 people arrived from Uzbekistan. The programme aims to "
                              "resettle 20,000 ethnic Kazakhs by 2029.\n")
    assert found[1870] == ("2024", "immigration", "CHN")
    assert found[95] == ("2024", "immigration", "DEU")
    assert 30 not in found and 20000 not in found
    assert found[4190] == ("2024", "immigration", "UZB")


def test_a_word_broken_across_lines_is_read_whole_and_quoted_as_printed(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("In 2024, Kazakhstan registered 16,020 immi-\ngrants for permanent residence. Emi-\n"
                    "gration to Ger-\nmany fell to 1,020 persons.\n", encoding="utf-8")
    items = [i for i in extract_document(path).all_items() if i.kind == "figure"]
    found = {i.get("value"): (i.get("period"), i.get("direction"), i.get("country"), i.exact) for i in items}
    assert found[16020] == ("2024", "immigration", None, "16,020 immi-\ngrants")
    assert found[1020][:3] == ("2024", "emigration", "DEU")


def test_a_note_mark_after_the_words_that_complete_a_citation_gives_it_the_notes_identifier(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("Return is governed by the Law No. 477-IV of 22 July 2011.⁶ Permits follow the "
                    "Order No. 219 of 2020 and the Code No. 235-V.⁷\n\n⁶ Adilet, Z1100000477.\n"
                    "⁷ Adilet, K1400000235.\n", encoding="utf-8")
    cited = {i.get("number"): i.get("adilet_id") for i in extract_document(path).all_items()
             if i.kind == "citation"}
    assert cited == {"477-IV": "Z1100000477", "219": None, "235-V": "K1400000235"}


def test_a_list_with_dot_leaders_under_a_caption_and_in_out_rows_are_tables(tmp_path):
    found = figures(tmp_path, "Arrivals by country of origin, 2024\n\n"
                              "Uzbekistan ........ 4,190\nChina ............. 1,870\n")
    assert found == {4190: ("2024", "immigration", "UZB"), 1870: ("2024", "immigration", "CHN")}
    found = figures(tmp_path, "Migration, thousand persons\n\n          2023    2024\n"
                              "In        13.9    16.0\nOut       15.3    13.7\n")
    assert found[13900] == ("2023", "immigration", None)
    assert found[13700] == ("2024", "emigration", None)


def test_a_heading_with_its_year_is_not_a_dateline(tmp_path):
    found = figures(tmp_path, "Departures, 2024 (persons): Russia 9,940; Germany 1,020.\n\n"
                              "ASTANA, 2025. In 2023, 15,300 people emigrated.\n")
    assert found[9940] == ("2024", "emigration", "RUS")
    assert found[15300] == ("2023", "emigration", None)


def test_a_plus_sign_and_months_of_the_current_year(tmp_path):
    found = figures(tmp_path, "The migration balance with Russia was negative (−6,835) in 2024, while that "
                              "with Uzbekistan was positive (+3,678).\n\nЗа девять месяцев текущего года "
                              "выехали 9 875 человек, прибыли — 6 420.\n", document_date="2025-10-15")
    assert found[3678] == ("2024", "net", "UZB")
    assert found[-6835] == ("2024", "net", "RUS")
    assert found[9875] == ("2025-9M", "emigration", None)
    assert found[6420] == ("2025-9M", "immigration", None)


def test_differences_and_telephone_numbers_are_no_counts(tmp_path):
    found = figures(tmp_path, "In 2024, 13,680 people emigrated, 1,640 fewer than in 2023. Immigration rose "
                              "by 2,140 people to 16,020.\n\n2024 жылы елден 13 100 адам кетті, бұл 2023 "
                              "жылмен салыстырғанда 1 620 адамға аз.\n\nВ 2024 году прибыли 8 850 человек. "
                              "Справки: 8 (7172) 71-52-04.\n")
    assert found == {13680: ("2024", "emigration", None), 16020: ("2024", "immigration", None),
                     13100: ("2024", "emigration", None), 8850: ("2024", "immigration", None)}


def test_a_run_restating_a_series_takes_its_directions_in_order(tmp_path):
    found = figures(tmp_path, "In the first half of 2025, 7,010 people immigrated and 6,240 emigrated; in "
                              "the same period of 2024 the numbers were 6,420 and 7,830 respectively.\n\n"
                              "В I полугодии 2023 года прибыли 5 890 и выбыли 4 980 человек, в 2022 году — "
                              "5 120 и 5 430 соответственно.\n")
    assert found[6420] == ("2024-H1", "immigration", None)
    assert found[7830] == ("2024-H1", "emigration", None)
    assert found[5890] == ("2023-H1", "immigration", None)
    assert found[5430][1] == "emigration" and found[5120][1] == "immigration"


def test_since_a_year_does_not_reach_a_number_with_its_own_year(tmp_path):
    found = figures(tmp_path, "Since 2020, flights have carried many passengers to Moscow; 9,940 people "
                              "emigrated to Russia in 2024.\n\nSince 1991 more than 1.1 million kandases "
                              "have settled in Kazakhstan.\n", document_date="2025-03-01")
    assert found[9940] == ("2024", "emigration", "RUS")
    assert found[1100000][0] == "1991/2024"     # to the latest year the text reports


def test_kazakh_comparisons_and_periods_and_moving_as_a_migration_word(tmp_path):
    found = figures(tmp_path, "Биыл алғашқы алты айда Ресейге 4 380 адам көшті.\n\n2024 жылы Қытайдан "
                              "1 870 адам келді. Бұл 2023 жылмен салыстырғанда аз: ол кезде 2 107 адам "
                              "келген.\n\nThe number of Kazakhstanis moving to Germany has been falling: "
                              "1,020 in 2024 after 1,210 in 2023.\n\nОсновными странами выезда стали Россия "
                              "(9 940 чел.) и Германия (1 020 чел.).\n", document_date="2025-08-01")
    assert found[4380] == ("2025-H1", "emigration", "RUS")
    assert found[1870] == ("2024", "immigration", "CHN")
    assert found[2107] == ("2023", "immigration", "CHN")
    assert found[1210] == ("2023", "emigration", "DEU")
    assert found[9940][1:] == ("emigration", "RUS")


def test_a_bracketed_share_between_a_count_and_its_place(tmp_path):
    found = figures(tmp_path, "Of the 13,680 who left in 2024, 9,940 (72.7%) settled in Russia, 1,020 (7.5%) "
                              "in Germany.\n")
    assert found[9940] == ("2024", "emigration", "RUS")
    assert found[1020] == ("2024", "emigration", "DEU")


def test_a_caption_naming_one_partner_gives_the_tables_country(tmp_path):
    table = ("Migration exchange of Kazakhstan with the Russian Federation, persons\n\n"
             "Year      Arrivals    Departures    Net\n"
             "2022         5,912        14,018    -8,106\n"
             "2023         5,406        11,217    -5,811\n")
    found = figures(tmp_path, table)
    assert found[5912] == ("2022", "immigration", "RUS")
    assert found[-5811] == ("2023", "net", "RUS")
    # near miss: a caption naming two partners gives the table no country
    two = figures(tmp_path, table.replace("the Russian Federation", "Russia and Uzbekistan"))
    assert two[5912] == ("2022", "immigration", None)
