"""The loader on the causes of the misses of blind rounds 37-38 (blindK, blindL; benchmarks/gold/
README.md, "Fixes after rounds 37-38, by cause"), each in its general form, in phrasings, layouts
and languages no gold document has. One fixture per mechanism, each with a near miss."""

from __future__ import annotations

from kzmig_kg.loader.extract import extract_document

from .conftest import extracted_figures as figures


def _citations(tmp_path, text: str) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [i for i in extract_document(path).all_items() if i.kind == "citation"]


# --- tables: a lone mark of no value is a cell ---------------------------------------------------


def test_a_lone_ellipsis_between_runs_of_spaces_is_a_cell_of_no_value(tmp_path):
    # English headers, "..." in the first column: the values after it keep their columns
    found = figures(tmp_path, "International migration, persons\n\n"
                              "                 Arrivals            Departures\n"
                              "Country          2023      2024      2023      2024\n"
                              "Russia           5 210     5 150     10 270    9 940\n"
                              "Mongolia         ...       640       35        41\n")
    assert found[640] == ("2024", "immigration", "MNG")
    assert found[35] == ("2023", "emigration", "MNG")
    assert found[41] == ("2024", "emigration", "MNG")


def test_a_leader_of_dots_still_joins_a_label_to_its_value(tmp_path):
    # near miss: dots running from a label to its number are no cell
    found = figures(tmp_path, "Emigration, persons, 2024\n\n"
                              "Russia .......... 10 270\n"
                              "Germany … 940\n")
    assert found[10270] == ("2024", "emigration", "RUS")
    assert found[940] == ("2024", "emigration", "DEU")


# --- citations: the act's page on Adilet later in its bibliography entry -------------------------


def test_an_adilet_address_later_in_a_bibliography_entry_is_the_acts_identifier(tmp_path):
    found = _citations(tmp_path, "References\n\n"
                                 "1. Law of the Republic of Kazakhstan No. 477-IV of 22 July 2011 "
                                 "\"On Population Migration\". Available at: "
                                 "https://adilet.zan.kz/eng/docs/Z1100000477 (accessed 3 March 2025).\n"
                                 "2. Кодекс Республики Казахстан от 5 июля 2014 года № 235-V // Әділет, "
                                 "K1400000235.\n")
    by_number = {c.get("number"): c.get("adilet_id") for c in found}
    assert by_number == {"477-IV": "Z1100000477", "235-V": "K1400000235"}


def test_an_adilet_address_after_another_act_is_that_acts_own(tmp_path):
    # near miss: two acts in one entry; the address after the second is not the first's
    found = _citations(tmp_path, "1. Закон РК от 22 июля 2011 года № 477-IV; постановление Правительства "
                                 "РК от 30 ноября 2022 года № 961, URL: https://adilet.zan.kz/rus/docs/"
                                 "P2200000961\n")
    by_number = {c.get("number"): c.get("adilet_id") for c in found}
    assert by_number["477-IV"] is None
    assert by_number["961"] == "P2200000961"


# --- direction: "оттуда" is from there ------------------------------------------------------------


def test_from_there_is_the_way_in(tmp_path):
    found = figures(tmp_path, "В 2025 году больше всего людей прибыло из Кыргызстана: оттуда переселились "
                              "3 120 человек.\n")
    assert found[3120] == ("2025", "immigration", "KGZ")


def test_there_is_still_the_way_out(tmp_path):
    # near miss: "туда переехали" (moved there) leaves
    found = figures(tmp_path, "В 2025 году главным направлением осталась Германия: туда переехали "
                              "2 310 человек.\n")
    assert found[2310] == ("2025", "emigration", "DEU")


# --- a run after "respectively" shares its unit ---------------------------------------------------


def test_the_first_number_of_a_run_after_respectively_shares_the_runs_unit(tmp_path):
    found = figures(tmp_path, "В 2025 году из Узбекистана и Туркменистана прибыли, соответственно, "
                              "1 840 и 620 человек.\n")
    assert found[1840] == ("2025", "immigration", "UZB")
    assert found[620] == ("2025", "immigration", "TKM")


def test_a_run_of_things_after_respectively_is_no_flow(tmp_path):
    # near miss: the run's unit is no people
    found = figures(tmp_path, "In 2025 delegations came from Uzbekistan and Turkmenistan, respectively "
                              "52 and 31 delegations.\n")
    assert 52 not in found and 31 not in found


# --- a staff count beside a group name is no flow -------------------------------------------------


def test_staff_who_work_with_repatriates_are_no_flow(tmp_path):
    found = figures(tmp_path, "В 2025 году прибыли 2 960 человек. С кандасами в управлении работают "
                              "25 специалистов.\n")
    assert 2960 in found and 25 not in found


def test_repatriates_who_arrived_and_then_work_are_a_flow(tmp_path):
    # near miss: the count is of repatriates who arrived; "работают" is in another clause
    found = figures(tmp_path, "В 2025 году в область прибыли 410 кандасов, они работают на заводе.\n")
    assert found[410] == ("2025", "immigration", None)


# --- a series compared in the same part of another year -------------------------------------------


def test_a_run_compared_with_the_same_period_keeps_the_part_of_the_year(tmp_path):
    found = figures(tmp_path, "За январь–июнь 2025 года прибыли 8 120 человек, выбыли 6 340, против "
                              "7 900 и 6 810 за тот же период 2024 года.\n")
    assert found[7900] == ("2024-H1", "immigration", None)
    assert found[6810] == ("2024-H1", "emigration", None)


def test_a_run_compared_with_a_whole_year_keeps_the_year(tmp_path):
    # near miss: a year with no part stated beside the run is the whole year
    found = figures(tmp_path, "In 2025, 11,540 arrived and 9,320 left, compared with 12,010 and "
                              "10,150 in 2024.\n")
    assert found[12010] == ("2024", "immigration", None)
    assert found[10150] == ("2024", "emigration", None)


# --- "for the first time since 2011" dates nothing -----------------------------------------------


def test_the_year_of_first_time_since_is_no_period(tmp_path):
    found = figures(tmp_path, "2024 жылы көші-қон сальдосы 2011 жылдан бері алғаш рет оң болды: "
                              "+2 340 адам.\n")
    assert found[2340] == ("2024", "net", None)
    found = figures(tmp_path, "In 2024 the balance was positive for the first time since 2011: "
                              "+2,340 persons.\n")
    assert found[2340] == ("2024", "net", None)


def test_a_year_label_before_a_colon_still_dates_its_number(tmp_path):
    # near miss: "(2023: -1,200)" is the label of the number after it
    found = figures(tmp_path, "Net migration was positive: +2,340 persons (2023: -1,200).\n")
    assert found[-1200] == ("2023", "net", None)


# --- a run restating a series takes its partners --------------------------------------------------


def test_a_run_restating_a_series_takes_each_partner_in_order(tmp_path):
    found = figures(tmp_path, "В 2024 году из Узбекистана прибыли 4 610 человек, в Россию выехали 9 940. "
                              "В 2023 году эти цифры составили 4 120 и 10 270 соответственно.\n")
    assert found[4120] == ("2023", "immigration", "UZB")
    assert found[10270] == ("2023", "emigration", "RUS")


# --- "citizens of X" ------------------------------------------------------------------------------


def test_citizens_of_a_country_name_the_partner(tmp_path):
    found = figures(tmp_path, "В 2025 году 436 граждан Таджикистана переехали в Казахстан на ПМЖ.\n")
    assert found[436] == ("2025", "immigration", "TJK")


def test_citizens_of_kazakhstan_leaving_go_where_they_go(tmp_path):
    # near miss: citizens of Kazakhstan are no partner
    found = figures(tmp_path, "In 2025, 436 citizens of Kazakhstan moved to Germany.\n")
    assert found[436] == ("2025", "emigration", "DEU")


# --- a contrast clause of a time alone ------------------------------------------------------------


def test_a_clause_of_a_time_and_a_number_keeps_the_partner_before(tmp_path):
    found = figures(tmp_path, "В 2023 году из Казахстана в Германию переселились 2 920 человек, а в "
                              "2022 году — 3 018.\n")
    assert found[3018] == ("2022", "emigration", "DEU")


def test_a_contrast_clause_with_its_own_place_keeps_its_own(tmp_path):
    # near miss: the second clause names its own partner and verb
    found = figures(tmp_path, "В 2024 году в Россию переселились 11 920 человек, а из Китая прибыли "
                              "1 400.\n")
    assert found[1400] == ("2024", "immigration", "CHN")
    # nor does "the rest" take the partner of the clause before
    found = figures(tmp_path, "В 2024 году в Россию выехали 11 920 человек, а остальные — 2 300.\n")
    assert found[2300] == ("2024", "emigration", None)


# --- a forecast by a modal verb -------------------------------------------------------------------


def test_a_forecast_by_a_modal_verb_is_no_flow(tmp_path):
    assert figures(tmp_path, "2030 жылға қарай кету 6 мың адамға дейін азаюы мүмкін.\n") == {}
    assert figures(tmp_path, "By 2030 emigration could fall to 6,000 people a year.\n") == {}


def test_what_people_could_do_in_a_past_year_is_a_flow(tmp_path):
    # near miss: "could leave" in a past year, no forecast verb
    found = figures(tmp_path, "В 2024 году отток сократился до 6 тыс. человек.\n")
    assert found[6000] == ("2024", "emigration", None)


# --- a time zone ----------------------------------------------------------------------------------


def test_the_zone_of_a_time_of_day_is_no_count(tmp_path):
    found = figures(tmp_path, "Отправлено: 14.04.2026 16:05:11 GMT+0600\n"
                              "Тема: RE: запрос данных о миграции\n\nВ 2025 году прибыли 4 360 человек.\n")
    assert set(found) == {4360}
    found = figures(tmp_path, "Sent: Mon, 6 Apr 2026 09:40 -0300\nSubject: RE: migration data request\n\n"
                              "In 2025, 4,360 people moved to Kazakhstan.\n")
    assert set(found) == {4360}


# --- a chart's data labels ------------------------------------------------------------------------


def test_a_charts_values_over_its_years_are_the_series_of_its_caption(tmp_path):
    found = figures(tmp_path, "Рисунок 3. Прибывшие из Узбекистана, тыс. человек\n\n"
                              "   4,1       4,7       5,0\n"
                              "   2021      2022      2023\n")
    assert found[4100] == ("2021", "immigration", "UZB")
    assert found[5000] == ("2023", "immigration", "UZB")
    found = figures(tmp_path, "3-сурет. Ресейге кеткендер, адам\n\n"
                              "   2022      2023      2024\n"
                              "   14 010    11 920    9 940\n")
    assert found[11920] == ("2023", "emigration", "RUS")


def test_a_chart_of_shares_is_no_flow(tmp_path):
    # near miss: the same layout under a caption of a share
    found = figures(tmp_path, "Figure 2. Share of emigrants with higher education, %\n"
                              "   41.2      43.0      44.8\n"
                              "   2021      2022      2023\n")
    assert not any(value in found for value in (41.2, 43, 44.8))


# --- a table drawn with bars ends its paragraph ---------------------------------------------------


def test_prose_after_a_bar_table_reads_no_partner_off_its_last_row(tmp_path):
    found = figures(tmp_path, "Кеткендер, 2025 жыл, адам\n\n"
                              "| Ел         | I жартыжылдық | II жартыжылдық |\n"
                              "|------------|---------------|----------------|\n"
                              "| Ресей      | 4 240         | 4 385          |\n"
                              "| Германия   | 390           | 424            |\n"
                              "| Барлығы    | 4 630         | 4 809          |\n\n"
                              "2024 жылмен салыстырғанда кеткендер азайды: ол кезде шетелге 9 940 адам "
                              "көшіп кеткен еді.\n")
    assert found[424] == ("2025-H2", "emigration", "DEU")
    assert found[9940] == ("2024", "emigration", None)


def test_a_sentence_right_under_a_bar_table_still_reads_its_own_partner(tmp_path):
    # near miss: the prose names its own partner
    found = figures(tmp_path, "Прибывшие, 2025 год, человек\n\n"
                              "| Страна       | I полугодие | II полугодие |\n"
                              "|--------------|-------------|--------------|\n"
                              "| Узбекистан   | 1 240       | 1 385        |\n\n"
                              "В 2024 году из Китая прибыли 3 410 человек.\n")
    assert found[3410] == ("2024", "immigration", "CHN")
