"""The loader on the causes of the misses of blind rounds 43-47 (blindQ to blindU; benchmarks/gold/
README.md, "Issue 16, ninth round"), each in its general form, in layouts and languages no gold
document has. One fixture per mechanism, each with a near miss."""

from __future__ import annotations

from kzmig_kg.loader.extract import extract_document

from .conftest import extracted_figures as figures

# --- periods: the time a change is measured against is a comparison, not the text's period ------


def test_a_change_on_an_earlier_half_year_does_not_date_the_figures_after_it(tmp_path):
    found = figures(tmp_path, "Migration in January-June 2025\n\n"
                              "Arrivals reached 7,215, up 6.4% on the first half of 2024 (6,781). "
                              "Departures fell to 5,048. Russia received 3,655 of them.\n")
    assert found[7215] == ("2025-H1", "immigration", None)
    assert found[6781] == ("2024-H1", "immigration", None)
    assert found[5048] == ("2025-H1", "emigration", None)
    assert found[3655] == ("2025-H1", "emigration", "RUS")


def test_a_russian_change_against_an_earlier_quarter_does_not_date_the_figures_after_it(tmp_path):
    found = figures(tmp_path, "Миграция в первом квартале 2025 года\n\n"
                              "Прибыло 3 120 человек, рост на 4,1% к первому кварталу 2024 года. "
                              "Выбыло 2 410 человек, в том числе в Россию 1 730.\n")
    assert found[3120] == ("2025-Q1", "immigration", None)
    assert found[2410] == ("2025-Q1", "emigration", None)
    assert found[1730] == ("2025-Q1", "emigration", "RUS")


def test_a_kazakh_half_year_compared_with_does_not_date_the_figures_after_it(tmp_path):
    found = figures(tmp_path, "2025 жылдың бірінші жартыжылдығында елге 6 120 адам көшіп келді, "
                              "бұл 2024 жылдың бірінші жартыжылдығымен салыстырғанда көп. "
                              "Елден 4 310 адам көшіп кетті.\n")
    assert found[6120] == ("2025-H1", "immigration", None)
    assert found[4310] == ("2025-H1", "emigration", None)


def test_a_half_year_a_change_is_stated_on_is_still_a_period_when_it_leads(tmp_path):
    # near miss: "on" with no share of change before it is no comparison
    found = figures(tmp_path, "On the first half of 2025: 7,215 people arrived and 5,048 left.\n")
    assert found[7215] == ("2025-H1", "immigration", None)
    assert found[5048] == ("2025-H1", "emigration", None)


# --- internal moves named before their number, as an apposition -----------------------------------


def test_moves_between_regions_counted_in_an_apposition_are_no_external_flow(tmp_path):
    found = figures(tmp_path, "In the first half of 2025, 7,215 people arrived from abroad. Moves "
                              "between the regions of the country, 96,400 in the half-year, are "
                              "published separately.\n")
    assert found[7215] == ("2025-H1", "immigration", None)
    assert 96400 not in found
    found = figures(tmp_path, "В первом полугодии 2025 года из-за рубежа прибыло 7 215 человек. "
                              "Внутренняя миграция — 96 400 человек — учитывается отдельно.\n")
    assert found[7215] == ("2025-H1", "immigration", None)
    assert 96400 not in found


def test_a_count_after_an_external_flow_in_apposition_stays(tmp_path):
    # near miss: the apposition names no internal move
    found = figures(tmp_path, "In the first half of 2025, arrivals from abroad, 7,215 in all, rose.\n")
    assert found[7215] == ("2025-H1", "immigration", None)


# --- tables: the period in the title block above the caption, under or over the date of issue ---


def test_a_table_takes_the_period_of_the_title_above_its_date_of_issue(tmp_path):
    found = figures(tmp_path, "Статистический бюллетень «Миграция населения»\n"
                              "Январь–декабрь 2024 г.\n"
                              "Дата выпуска: 14.02.2025\n\n"
                              "Таблица 3. Внешняя миграция по странам\n"
                              "                         (человек)\n\n"
                              "Страна                 Прибыло     Выбыло     Сальдо\n"
                              "Российская Федерация     2 118     11 304     -9 186\n"
                              "Узбекистан               3 965        521      3 444\n")
    assert found[2118] == ("2024", "immigration", "RUS")
    assert found[-9186] == ("2024", "net", "RUS")
    assert found[521] == ("2024", "emigration", "UZB")


def test_an_english_table_takes_the_year_of_the_title_over_a_dated_line(tmp_path):
    found = figures(tmp_path, "Migration Bulletin\n"
                              "January-December 2024\n"
                              "Released: 14 February 2025\n\n"
                              "Table 2. External migration by country, persons\n\n"
                              "Country        Arrivals    Departures    Net\n"
                              "Russia            2,118        11,304   -9,186\n"
                              "Uzbekistan        3,965           521    3,444\n")
    assert found[2118] == ("2024", "immigration", "RUS")
    assert found[3444] == ("2024", "net", "UZB")


def test_a_table_under_only_a_date_of_issue_takes_no_year_from_it(tmp_path):
    # near miss: a day of issue is no period of the table
    found = figures(tmp_path, "Migration Bulletin\n"
                              "Released: 14 February 2025\n\n"
                              "Table 2. External migration by country, persons\n\n"
                              "Country        Arrivals    Departures    Net\n"
                              "Russia            2,118        11,304   -9,186\n"
                              "Uzbekistan        3,965           521    3,444\n")
    assert found.get(2118, (None,))[0] is None


# --- a numbered heading states the period of the paragraphs under it --------------------------------


def test_a_numbered_heading_dates_the_paragraphs_under_it(tmp_path):
    found = figures(tmp_path, "Outlook 2026\nPublished 3 March 2026\n\n"
                              "2. Flows in 2025\n\n"
                              "2.1 Kazakhstan registered 13,950 arrivals, down from 16,420 in 2024. "
                              "Departures fell faster, from 15,960 to 12,870.\n")
    assert found[13950] == ("2025", "immigration", None)
    assert found[16420] == ("2024", "immigration", None)
    assert found[15960] == ("2024", "emigration", None)
    assert found[12870] == ("2025", "emigration", None)


def test_a_russian_numbered_heading_dates_the_paragraph_under_it(tmp_path):
    found = figures(tmp_path, "Доклад о миграции\n\nII. Миграция в 2024 году\n\n"
                              "В республику прибыло 13 950 человек, выбыло 12 870 человек.\n")
    assert found[13950] == ("2024", "immigration", None)
    assert found[12870] == ("2024", "emigration", None)


def test_a_numbered_list_item_with_a_full_stop_is_still_a_sentence_of_its_own(tmp_path):
    # near miss: "1. ... in 2023." then "2. ..." keep their own years
    found = figures(tmp_path, "Key figures\n\n"
                              "1. In 2023, 16,420 people arrived in Kazakhstan.\n"
                              "2. In 2024, 13,950 people arrived in Kazakhstan.\n")
    assert found[16420] == ("2023", "immigration", None)
    assert found[13950] == ("2024", "immigration", None)


def test_a_note_mark_after_a_full_stop_ends_the_sentence_and_its_direction(tmp_path):
    found = figures(tmp_path, "38. In 2024, 13,890 ethnic Kazakhs arrived, against 9,830 in 2022.²\n\n"
                              "39. Emigration continued to fall: 13,250 persons left in 2024.\n")
    assert found[13890] == ("2024", "immigration", None)
    assert found[9830] == ("2022", "immigration", None)
    assert found[13250] == ("2024", "emigration", None)


# --- a bracket of comparison labelled by its time and a dash ----------------------------------------


def test_a_bracket_labelled_by_a_relative_time_and_a_dash_dates_only_its_number(tmp_path):
    found = figures(tmp_path, "В первом полугодии 2025 года в Казахстан прибыли 7,4 тыс. человек. "
                              "Выехали за это время 9,6 тыс. жителей (годом ранее — 10 230).\n")
    assert found[9600] == ("2025-H1", "emigration", None)
    assert found[10230] == ("2024-H1", "emigration", None)
    found = figures(tmp_path, "In the first half of 2025, 7,400 people arrived in Kazakhstan and "
                              "9,600 left (a year earlier - 10,230).\n")
    assert found[9600] == ("2025-H1", "emigration", None)
    assert found[10230] == ("2024-H1", "emigration", None)


def test_a_bracket_that_glosses_the_year_still_dates_the_number_before_it(tmp_path):
    # near miss: "(2024)" with no number after it is the number's own year
    found = figures(tmp_path, "Emigration from Kazakhstan: 9,600 people (2024), most of them to Russia.\n")
    assert found[9600] == ("2024", "emigration", None)


# --- "N of them": a part of the people just named -----------------------------------------------


def test_a_count_of_them_is_a_part_of_the_people_just_named(tmp_path):
    found = figures(tmp_path, "In 2024, 12,870 people emigrated. Germany stayed the second destination "
                              "of emigrants, receiving 1,090 of them.\n")
    assert found[1090] == ("2024", "emigration", "DEU")
    found = figures(tmp_path, "В 2024 году выбыли 12 870 человек; Германия приняла 1 090 из них.\n")
    assert found[1090] == ("2024", "emigration", "DEU")


def test_a_count_of_things_is_no_part_of_the_people(tmp_path):
    # near miss: "of them" after a count of regions
    found = figures(tmp_path, "In 2024, 12,870 people emigrated from 14 regions; 12 of them border Russia.\n")
    assert found[12870] == ("2024", "emigration", None)
    assert 12 not in found and 14 not in found


# --- ages in a bracket, and ratios of small numbers ---------------------------------------------------


def test_age_ranges_in_a_bracket_after_an_age_word_are_no_counts(tmp_path):
    found = figures(tmp_path, "In 2024, 12,870 people emigrated. Working-age people (16 to 62 for men, "
                              "16 to 61 for women) made up 68% of those who left.\n")
    assert not {16, 61, 62} & set(found)
    found = figures(tmp_path, "В 2024 году выбыли 12 870 человек. Лица трудоспособного возраста "
                              "(от 16 до 62 лет у мужчин, от 16 до 57 лет у женщин) составили "
                              "68% выбывших.\n")
    assert not {16, 57, 62} & set(found)
    assert found[12870] == ("2024", "emigration", None)


def test_a_bracket_of_counts_after_an_age_word_keeps_its_counts(tmp_path):
    # near miss: the bracket holds counts, not ranges of ages
    found = figures(tmp_path, "In 2024 the largest group of emigrants (8,750 to 9,100 people by "
                              "the two counts) left for Russia.\n")
    assert found[8750][1] == "emigration"


def test_a_ratio_of_small_numbers_is_no_count(tmp_path):
    found = figures(tmp_path, "In 2024, 12,870 people emigrated; 4 in 10 of them had lived abroad before, "
                              "and 3 out of 20 held a degree.\n")
    assert not {10, 20} & set(found)
    found = figures(tmp_path, "В 2024 году выбыли 12 870 человек, 2 из 15 — с детьми.\n")
    assert 15 not in found


def test_a_count_in_a_number_of_regions_is_no_ratio(tmp_path):
    # near miss: the first number is larger than the second
    found = figures(tmp_path, "In 2024, 350 in 12 regions arrived from abroad.\n")
    assert found[350] == ("2024", "immigration", None)


# --- a Russian adjective between a count and its people -------------------------------------------


def test_a_russian_adjective_before_the_people_keeps_the_unit(tmp_path):
    found = figures(tmp_path, "В январе–сентябре 2025 года в Германию переехали около 830 бывших жителей "
                              "страны, в Польшу — 120 молодых специалистов.\n")
    assert found[830] == ("2025-9M", "emigration", "DEU")


# --- a sentence ending in a colon states the period of the list under it ---------------------------


def test_a_sentence_that_introduces_a_list_states_its_period(tmp_path):
    found = figures(tmp_path, "PRESS RELEASE\nAstana, 22 April 2025\n\n"
                              "The Ministry reports the results of resettlement for the first "
                              "quarter of 2025:\n\n"
                              "- Kandas status was granted to 3,482 people.\n"
                              "- The leading countries of origin were:\n"
                              "    1) Uzbekistan – 1,907 people (a year earlier 1,760);\n"
                              "    2) China – 611.\n")
    assert found[3482] == ("2025-Q1", "immigration", None)
    assert found[1907] == ("2025-Q1", "immigration", "UZB")
    assert found[1760] == ("2024-Q1", "immigration", "UZB")
    assert found[611] == ("2025-Q1", "immigration", "CHN")
    found = figures(tmp_path, "Итоги переселения за девять месяцев 2025 года:\n\n"
                              "• прибыли 9 120 кандасов;\n• из Узбекистана — 4 310.\n")
    assert found[9120] == ("2025-9M", "immigration", None)
    assert found[4310] == ("2025-9M", "immigration", "UZB")


def test_a_colon_after_a_sentence_with_a_count_introduces_no_period(tmp_path):
    # near miss: a sentence with a count of its own is no lead
    found = figures(tmp_path, "In 2023, 16,420 people arrived; the main groups in 2025 were:\n\n"
                              "- from Uzbekistan 1,907 people.\n")
    assert found[16420] == ("2023", "immigration", None)


# --- Russian: departures "за рубеж", a migration balance "прирост населения" -------------------------


def test_russian_departures_abroad_and_a_migration_growth_of_the_population(tmp_path):
    found = figures(tmp_path, "В первом полугодии 2025 года на постоянное жительство за рубеж отбыли "
                              "6 712 человек. Из-за рубежа прибыли 8 400 человек. В итоге миграционный "
                              "прирост населения составил 1 688 человек.\n")
    assert found[6712] == ("2025-H1", "emigration", None)
    assert found[8400] == ("2025-H1", "immigration", None)
    assert found[1688] == ("2025-H1", "net", None)


def test_a_natural_growth_of_the_population_is_no_migration(tmp_path):
    # near miss: "естественный прирост населения" is a population figure, no flow
    found = figures(tmp_path, "В 2025 году в республику прибыли 8 400 человек, а естественный прирост "
                              "населения составил 212 000 человек.\n")
    assert found[8400] == ("2025", "immigration", None)
    assert found.get(212000, (None, None))[1] is None


# --- a time compared within the sentence does not date the sentences after it -------------------------


def test_an_earlier_time_compared_after_the_sentences_figure_is_not_carried(tmp_path):
    found = figures(tmp_path, "За первое полугодие 2025 года прибыли свыше 8,4 тыс. человек, тогда как "
                              "в первом полугодии 2024-го — около 7,9 тыс. Из Узбекистана переселились "
                              "3 015 человек.\n")
    assert found[8400] == ("2025-H1", "immigration", None)
    assert found[7900] == ("2024-H1", "immigration", None)
    assert found[3015] == ("2025-H1", "immigration", "UZB")
    found = figures(tmp_path, "In the first half of 2025 some 8,400 people arrived, while in the first "
                              "half of 2024 about 7,900 people arrived. From Uzbekistan came 3,015.\n")
    assert found[3015] == ("2025-H1", "immigration", "UZB")


def test_a_later_time_in_the_sentence_still_dates_the_sentences_after_it(tmp_path):
    # near miss: the second time is later, the text moves on to it
    found = figures(tmp_path, "In 2023, 7,900 people arrived, and in 2024 some 8,400 did. "
                              "From Uzbekistan came 3,015.\n")
    assert found[3015] == ("2024", "immigration", "UZB")


# --- Kazakh "of them" and a place after a dash; a ratio in words ------------------------------------


def test_a_kazakh_part_of_them_takes_the_place_after_the_dash(tmp_path):
    found = figures(tmp_path, "2025 жылы өңірден шетелге 2 084 адам көшіп кетті, олардың 1 903-і — Ресейге, "
                              "140-ы — Германияға.\n")
    assert found[2084] == ("2025", "emigration", None)
    assert found[1903] == ("2025", "emigration", "RUS")
    assert found[140] == ("2025", "emigration", "DEU")


def test_a_kazakh_part_of_them_with_no_place_after_the_dash_has_no_country(tmp_path):
    # near miss: the part is described, not sent anywhere
    found = figures(tmp_path, "2025 жылы өңірден шетелге 2 084 адам көшіп кетті, олардың 1 903-і — жастар.\n")
    assert found[2084] == ("2025", "emigration", None)
    assert found.get(1903, (None, None, None))[2] is None


def test_a_ratio_in_words_is_no_count(tmp_path):
    found = figures(tmp_path, "In 2024, 9,120 kandas arrived; Uzbekistan supplied four in ten arrivals, "
                              "and one out of five emigrants went to Germany.\n")
    assert not {10, 5} & set(found)
    assert found[9120] == ("2024", "immigration", None)
    # near miss: a count in words with no ratio before it
    found = figures(tmp_path, "In 2024 eight hundred people arrived from Mongolia.\n")
    assert found[800] == ("2024", "immigration", "MNG")


# --- MediaWiki tables and references ----------------------------------------------------------------


def test_a_mediawiki_table_is_read_as_a_grid(tmp_path):
    found = figures(tmp_path, "== Migration ==\n"
                              '{| class="wikitable sortable"\n'
                              "|+ External migration of Kazakhstan, persons\n"
                              "! Year !! Arrivals !! Departures !! Net\n"
                              '|- style="background:#eee"\n'
                              "| 2023 || 15,910 || 15,120 || 790\n"
                              "|-\n"
                              "| 2024 || 16,240 || 13,410 || 2,830\n"
                              "|}\n")
    assert found[15910] == ("2023", "immigration", None)
    assert found[13410] == ("2024", "emigration", None)
    assert found[2830] == ("2024", "net", None)


def test_a_mediawiki_table_of_countries_keeps_its_offsets(tmp_path):
    from kzmig_kg.loader.extract.wikitext import plain_wikitables
    source = ("{| class=\"wikitable\"\n|+ Кеткендер, 2025 жыл\n! Ел !! Адам\n|-\n| Ресей || 8 870\n"
              "|-\n| Германия || 1 120\n|}\nМәтін.")
    assert len(plain_wikitables(source)) == len(source)
    found = figures(tmp_path, source)
    assert found[8870] == ("2025", "emigration", "RUS")
    assert found[1120] == ("2025", "emigration", "DEU")


def test_bars_outside_a_mediawiki_table_are_left_alone():
    # near miss: no "{|" ... "|}" block, nothing changes
    from kzmig_kg.loader.extract.wikitext import plain_wikitables
    text = "| Russia || 8,870 |\n|-\n| Germany || 1,120 |\n"
    assert plain_wikitables(text) == text


def test_a_date_inside_a_wiki_reference_does_not_date_the_text(tmp_path):
    found = figures(tmp_path, "В 2024 году в Россию уехали 9 720 человек<ref>{{cite web |title=Миграция "
                              "|date=2025-02-14}}</ref>. Из Узбекистана прибыли 4 310 человек.\n")
    assert found[9720] == ("2024", "emigration", "RUS")
    assert found[4310] == ("2024", "immigration", "UZB")


# --- a statistics form: row codes, numbered columns, the reporting and the corresponding period ------


def test_a_statistics_form_with_row_codes_and_numbered_columns(tmp_path):
    found = figures(tmp_path, "Summary of external migration\n"
                              "Republic of Kazakhstan, January-September 2025\n"
                              "(persons)\n\n"
                              "Date of compilation: 18.10.2025\n\n"
                              "Indicator                           Line     Reporting    Same period of\n"
                              "                                    code     period       the previous year\n"
                              "A                                   B        1            2\n"
                              "Departures - total                  020      9 837        10 301\n"
                              "  of which to:\n"
                              "    Russian Federation              021      6 768        7 312\n"
                              "    Germany                         022        883          971\n")
    assert found[9837] == ("2025-9M", "emigration", None)
    assert found[10301] == ("2024-9M", "emigration", None)
    assert found[6768] == ("2025-9M", "emigration", "RUS")
    assert found[971] == ("2024-9M", "emigration", "DEU")
    assert not {20, 21, 22} & set(found)


def test_a_kazakh_form_with_a_corresponding_period_column(tmp_path):
    found = figures(tmp_path, "Сыртқы көші-қон, 2025 жылғы қаңтар–маусым\n\n"
                              "Көрсеткіш            Жол коды   Есепті кезең   Өткен жылдың сәйкес кезеңі\n"
                              "Келгендер – барлығы  010        8 415          7 884\n")
    assert found[8415] == ("2025-H1", "immigration", None)
    assert found[7884] == ("2024-H1", "immigration", None)
    assert 10 not in found


def test_a_row_of_small_numbers_with_a_country_is_data_not_column_numbers(tmp_path):
    # near miss: "Russia 1 2" is a row of counts, not the numbers of the columns
    found = figures(tmp_path, "Departures by country, 2025\n\n"
                              "Country      Q1     Q2     Q3\n"
                              "Russia       11     12     13\n"
                              "Germany      21     22     23\n")
    assert found[12] == ("2025-Q2", "emigration", "RUS")


# --- the current year in Kazakh; "the same quarter" in Russian ----------------------------------------


def test_a_kazakh_current_year_dates_the_months_after_it_by_the_documents_date(tmp_path):
    found = figures(tmp_path, "2023 жылы Ресейге 10 870 адам көшіп кеткен еді.\n\n"
                              "Ағымдағы жылдың алғашқы үш айында елге шетелден 2 115 адам келді, "
                              "оның ішінде 870-і Өзбекстаннан.\n", document_date="2025-04-18")
    assert found[10870] == ("2023", "emigration", "RUS")
    assert found[2115] == ("2025-Q1", "immigration", None)
    found = figures(tmp_path, "Осы жылдың алғашқы алты айында елге 6 115 адам келді.\n",
                    document_date="2025-08-01")
    assert found[6115] == ("2025-H1", "immigration", None)


def test_a_russian_same_quarter_of_last_year_keeps_the_quarter(tmp_path):
    found = figures(tmp_path, "В I квартале 2025 г. из страны выбыли 2 310 человек против 2 680 за тот "
                              "же квартал прошлого года. В аналогичном полугодии 2024 года прибыло "
                              "7 900 человек.\n")
    assert found[2310] == ("2025-Q1", "emigration", None)
    assert found[2680] == ("2024-Q1", "emigration", None)


def test_the_same_words_without_a_period_noun_are_no_period(tmp_path):
    # near miss: "тот же уровень" is no period
    found = figures(tmp_path, "В I квартале 2025 г. из страны выбыли 2 310 человек, почти тот же уровень "
                              "прошлого года.\n")
    assert found[2310] == ("2025-Q1", "emigration", None)


# --- the country that takes people in; a contrast of time only; a stock beside "population" ---------


def test_kazakhstan_taking_people_in_is_immigration_a_foreign_country_is_not(tmp_path):
    found = figures(tmp_path, "В 2025 году Казахстан принял около 1,7 тыс. переселенцев из Таджикистана.\n")
    assert found[1700] == ("2025", "immigration", "TJK")
    found = figures(tmp_path, "In 2025 Kazakhstan received 1,700 resettlers from Tajikistan.\n")
    assert found[1700] == ("2025", "immigration", "TJK")
    # near miss: Germany taking people in is emigration from Kazakhstan
    found = figures(tmp_path, "В 2025 году Германия приняла 1 118 бывших жителей Казахстана, уехавших "
                              "на постоянное жительство.\n")
    assert found[1118][1] == "emigration"


def test_a_contrast_of_time_only_keeps_the_partner(tmp_path):
    found = figures(tmp_path, "В 2019 году из Таджикистана в Казахстан переселились 520 человек, а в "
                              "2020-м — лишь 190.\n")
    assert found[190] == ("2020", "immigration", "TJK")
    found = figures(tmp_path, "In 2019, 520 people moved from Tajikistan to Kazakhstan, while in 2020 "
                              "only 190.\n")
    assert found[190] == ("2020", "immigration", "TJK")


def test_a_contrast_of_subject_drops_the_partner(tmp_path):
    # near miss: "а из Китая" names another subject
    found = figures(tmp_path, "В 2019 году из Таджикистана прибыли 520 человек, а прочие страны дали 190.\n")
    assert found.get(190, (None, None, None))[2] is None


def test_people_working_abroad_are_a_stock_even_beside_a_ministry_of_population(tmp_path):
    found = figures(tmp_path, "В 2025 году из Таджикистана прибыли 412 человек. В России, по оценкам "
                              "Министерства труда, миграции и занятости населения, работают около 600 тыс. "
                              "граждан республики.\n")
    assert found[412] == ("2025", "immigration", "TJK")
    assert 600000 not in found


# --- a printed data frame's index column -------------------------------------------------------------


def test_a_data_frames_index_column_is_no_cell(tmp_path):
    found = figures(tmp_path, "Out[3]:\n"
                              "    year     partner   direction  persons\n"
                              "44  2025      Russia    arrivals     5060\n"
                              "41  2025  Uzbekistan    arrivals     4460\n"
                              "38  2025       China    arrivals     1980\n")
    assert found[5060] == ("2025", "immigration", "RUS")
    assert found[1980] == ("2025", "immigration", "CHN")
    assert not {44, 41, 38} & set(found)
    # an R printout numbers its rows with no header either
    found = figures(tmp_path, "  year partner  direction persons\n"
                              "1 2025  Russia departures    8870\n"
                              "2 2025 Germany departures    1120\n")
    assert found[8870] == ("2025", "emigration", "RUS")
    assert found[1120] == ("2025", "emigration", "DEU")


def test_a_first_column_under_a_header_cell_is_a_cell(tmp_path):
    # near miss: the first column has its header; nothing is dropped
    found = figures(tmp_path, "code  year  partner  direction  persons\n"
                              "643   2025  Russia   departures  8870\n")
    assert found[8870] == ("2025", "emigration", "RUS")
    assert 643 not in found


# --- subtitles ------------------------------------------------------------------------------------


def test_a_sentence_running_over_subtitle_cues_is_one_sentence(tmp_path):
    found = figures(tmp_path, "1\n00:00:04,400 --> 00:00:09,000\nIn 2025, people from Kyrgyzstan\n\n"
                              "2\n00:00:09,200 --> 00:00:12,800\nwho moved to Kazakhstan numbered 1,286.\n\n"
                              "3\n00:00:13,000 --> 00:00:17,300\n"
                              "A year earlier 1,174 came from Kyrgyzstan.\n")
    assert found[1286] == ("2025", "immigration", "KGZ")
    assert found[1174] == ("2024", "immigration", "KGZ")
    found = figures(tmp_path, "WEBVTT\n\n00:00.500 --> 00:04.200\nВ 2025 году из Кыргызстана в Казахстан\n\n"
                              "00:04.400 --> 00:09.000 align:start\nпереехали 1 286 человек.\n")
    assert found[1286] == ("2025", "immigration", "KGZ")


def test_one_arrow_in_prose_is_no_subtitle():
    # near miss: a single timing-like line is left alone
    from kzmig_kg.loader.extract.subtitles import plain_subtitles
    text = "Schedule:\n10:00:00,000 --> 11:00:00,000 registration\nIn 2025, 1,286 arrived.\n"
    assert plain_subtitles(text) == text


# --- news feeds (RSS, Atom), a hotline, the gain of migration, the sentence's first figure's time ---


def test_an_rss_feeds_item_dates_do_not_date_the_next_items_text(tmp_path):
    found = figures(tmp_path, '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n'
                              "<item>\n<title>Fewer Kazakhs move to Russia</title>\n"
                              "<pubDate>Tue, 03 Mar 2026 11:05:00 +0500</pubDate>\n"
                              "<description><![CDATA[<p>Departures to Russia fell to 8,870 last year from "
                              "10,150 in 2024, while Germany took 1,120 emigrants.</p>]]></description>\n"
                              "</item>\n</channel></rss>\n", document_date="2026-03-06")
    assert found[8870] == ("2025", "emigration", "RUS")
    assert found[10150] == ("2024", "emigration", "RUS")
    assert found[1120] == ("2025", "emigration", "DEU")


def test_markup_outside_an_xml_document_is_left_alone():
    # near miss: a text that only mentions a tag is no feed
    from kzmig_kg.loader.extract.feeds import plain_feed
    text = "The page uses <title>Migration</title> in its head. In 2025, 1,120 left.\n"
    assert plain_feed(text) == text


def test_a_hotline_named_before_is_no_count(tmp_path):
    found = figures(tmp_path, "In 2025, 1,120 foreigners arrived; the hotline is 1414. "
                              "Горячая линия — 1414.\n")
    assert 1414 not in found
    assert found[1120] == ("2025", "immigration", None)


def test_a_gain_through_migration_is_a_balance_and_the_clause_after_it_keeps_its_verb(tmp_path):
    found = figures(tmp_path, "Kazakhstan gained 3,720 residents through migration in 2025, as 16,410 "
                              "people arrived and 12,690 left. In 2024 the gain was 2,270.\n")
    assert found[3720] == ("2025", "net", None)
    assert found[16410] == ("2025", "immigration", None)
    assert found[12690] == ("2025", "emigration", None)
    assert found[2270] == ("2024", "net", None)
    # near miss: "gained 3,720 residents" with no migration is arrivals
    found = figures(tmp_path, "In 2025 Almaty region gained 3,720 new residents from abroad.\n")
    assert found[3720][1] == "immigration"


def test_a_pin_cites_page_is_no_count(tmp_path):
    found = figures(tmp_path, "In 2025, 12,690 people emigrated.⁶\n\n"
                              "⁶ Ministry of Labour, Annual Report 2025, at 14 tbl. 3 (2026); "
                              "id. at 22 n.4.\n")
    assert not {14, 22} & set(found)
    # near miss: "at 14,200" after a verb is a count
    found = figures(tmp_path, "In 2025 emigration stood at 14,200 people.\n")
    assert found[14200] == ("2025", "emigration", None)


# --- "by the numbers": a number opening its line, labelled after a dash ------------------------------


def test_a_number_opening_its_line_is_labelled_by_the_words_after_its_dash(tmp_path):
    found = figures(tmp_path, "BY THE NUMBERS: Kazakhstan, 2025\n\n"
                              "16,410 — people who moved to Kazakhstan for permanent residence\n"
                              "12,690 — people who left Kazakhstan\n"
                              "4,460 — arrivals from Uzbekistan, the largest source\n"
                              "8,870 — departures to Russia\n"
                              "+3,720 — net migration\n")
    assert found[12690] == ("2025", "emigration", None)
    assert found[4460] == ("2025", "immigration", "UZB")
    assert found[8870] == ("2025", "emigration", "RUS")
    assert found[3720] == ("2025", "net", None)
    found = figures(tmp_path, "Цифры 2025 года\n\n"
                              "12 690 — столько человек выехали из Казахстана\n"
                              "4 460 — прибыли из Узбекистана\n")
    assert found[4460] == ("2025", "immigration", "UZB")


def test_a_number_opening_a_wrapped_line_of_prose_keeps_the_line_above(tmp_path):
    # near miss: hard-wrapped prose goes on after a comma, not a dash
    found = figures(tmp_path, "In 2000, the number of immigrants from Uzbekistan was\n"
                              "12,810, from Turkmenistan 2,058.\n")
    assert found[12810] == ("2000", "immigration", "UZB")


# --- "the corresponding figures ... respectively" --------------------------------------------------


def test_corresponding_figures_respectively_take_the_directions_of_the_totals_before(tmp_path):
    found = figures(tmp_path, "A total of 12,690 residents emigrated in 2025, of whom 8,870 moved to Russia. "
                              "Immigration reached 16,410, including 4,460 people from Uzbekistan.\n\n"
                              "The corresponding figures for 2024 were 13,610 and 15,880 respectively.\n")
    assert found[13610] == ("2024", "emigration", None)
    assert found[15880] == ("2024", "immigration", None)
    found = figures(tmp_path, "В 2025 году из страны выбыли 12 690 человек, прибыли 16 410 человек.\n\n"
                              "Соответствующие показатели 2024 года составили 13 610 и 15 880 человек "
                              "соответственно.\n")
    assert found[13610] == ("2024", "emigration", None)
    assert found[15880] == ("2024", "immigration", None)


def test_a_run_without_respectively_is_left_alone(tmp_path):
    # near miss: no "respectively", the numbers keep their own reading
    found = figures(tmp_path, "In 2025, 12,690 residents emigrated and 16,410 people arrived.\n\n"
                              "The corresponding figures for 2024 show 15,880 arrivals.\n")
    assert found[15880] == ("2024", "immigration", None)


# --- the first N months, for any N ------------------------------------------------------------------


def test_the_first_n_months_of_a_year_for_any_n(tmp_path):
    found = figures(tmp_path, "Over the first two months of 2026, 2,050 people have already left "
                              "Kazakhstan.\n")
    assert found[2050] == ("2026-M01-M02", "emigration", None)
    found = figures(tmp_path, "За первые восемь месяцев 2025 года из Казахстана выбыли 8 120 человек.\n")
    assert found[8120] == ("2025-M01-M08", "emigration", None)
    found = figures(tmp_path, "2025 жылдың алғашқы сегіз айында елге 10 240 адам көшіп келді.\n")
    assert found[10240] == ("2025-M01-M08", "immigration", None)


def test_a_count_of_months_alone_is_a_duration_not_a_period(tmp_path):
    # near miss: "for two months" after a year is no part of it
    found = figures(tmp_path, "In 2025, 2,050 people left Kazakhstan; most had waited two months "
                              "for papers.\n")
    assert found[2050] == ("2025", "emigration", None)


# --- Kazakh: the ablative of comparison; a place in the dative right after its number ---------------


def test_a_kazakh_comparison_in_the_ablative_does_not_date_the_figures_after_it(tmp_path):
    found = figures(tmp_path, "2025 жылы Қазақстаннан 12,7 мың адам көшіп кетті. Бұл 2024 жылғы "
                              "көрсеткіштен 6,8 пайызға аз. Кеткендердің 8,9 мыңы Ресейге, 1,1 мыңы "
                              "Германияға қоныс аударды.\n")
    assert found[12700] == ("2025", "emigration", None)
    assert found[8900] == ("2025", "emigration", "RUS")
    assert found[1100] == ("2025", "emigration", "DEU")


def test_a_kazakh_year_of_its_own_still_dates_its_figure(tmp_path):
    # near miss: "2024 жылғы көрсеткіш 13,6 мың адам болды" states that year's figure
    found = figures(tmp_path, "2024 жылы елден 13,6 мың адам көшіп кетті.\n")
    assert found[13600] == ("2024", "emigration", None)


# --- the whole the parts were of ------------------------------------------------------------------


def test_the_whole_after_its_parts_has_no_partner(tmp_path):
    found = figures(tmp_path, "In January-June 2025, Russia and Germany received 3,655 and 512 emigrants "
                              "respectively, out of 5,048 departures in total.\n")
    assert found[512] == ("2025-H1", "emigration", "DEU")
    assert found[5048] == ("2025-H1", "emigration", None)
    found = figures(tmp_path, "В 2025 году в Германию выехали 1 120 человек из общего числа 12 690 "
                              "выбывших.\n")
    assert found[12690] == ("2025", "emigration", None)


def test_a_part_named_after_a_total_word_keeps_its_partner(tmp_path):
    # near miss: "больше всего" after a count is no whole
    found = figures(tmp_path, "В 2025 году из Узбекистана прибыли 4 460 человек, больше всего среди "
                              "стран.\n")
    assert found[4460] == ("2025", "immigration", "UZB")


# --- Russian "since": a count over the years since then ---------------------------------------------


def test_a_russian_count_since_a_year_runs_to_the_latest_year_reported(tmp_path):
    found = figures(tmp_path, "В 2025 году статус кандаса получили 11 300 человек. А всего с 1991 года на "
                              "историческую родину вернулись около 1,2 млн этнических казахов.\n",
                    document_date="2025-10-09")
    assert found[1200000] == ("1991/2025", "immigration", None)


def test_a_change_since_a_year_or_a_range_from_it_is_no_count_since(tmp_path):
    # near misses: "с 2019 года по 2021 год" is a range; "с 2019 года число выросло" a change
    found = figures(tmp_path, "С 2019 года по 2021 год из Казахстана выбыли 98 400 человек.\n")
    assert found[98400] == ("2019/2021", "emigration", None)
    found = figures(tmp_path, "С 2019 года число выбывших выросло на 5% и в 2024 году составило 13 610 "
                              "человек.\n")
    assert found[13610] == ("2024", "emigration", None)


def test_people_held_liable_for_a_breach_named_in_between_are_no_flow(tmp_path):
    found = figures(tmp_path, "В 2024 году к административной ответственности за нарушение правил "
                              "пребывания привлечены 41 200 иностранцев, из Узбекистана прибыли "
                              "4 310 человек.\n")
    assert 41200 not in found
    assert found[4310] == ("2024", "immigration", "UZB")


# --- a neighbour's item: a long clause between a count and its year; columns to and from Kazakhstan ----


def test_a_count_and_its_year_after_a_long_clause(tmp_path):
    found = figures(tmp_path, "According to the agency, 4,460 citizens of Uzbekistan moved to Kazakhstan for "
                              "permanent residence in 2025, against 3,980 a year earlier.\n",
                    document_date="2026-02-12")
    assert found[4460] == ("2025", "immigration", "UZB")
    assert found[3980] == ("2024", "immigration", "UZB")


def test_columns_to_and_from_kazakhstan_are_directions_not_partners(tmp_path):
    found = figures(tmp_path, "Table 1. Permanent migration between Uzbekistan and Kazakhstan, "
                              "thousand persons\n\n"
                              "Year    To Kazakhstan    From Kazakhstan\n"
                              "2024         4.0               0.3\n"
                              "2025         4.5               0.3\n")
    assert found[4500] == ("2025", "immigration", "UZB")
    # near miss: a header of partner countries stays a header of partners
    found = figures(tmp_path, "Emigration from Kazakhstan, persons\n\n"
                              "Year    Russia    Germany\n"
                              "2024    9,940     1,020\n"
                              "2025    8,870     1,120\n")
    assert found[8870] == ("2025", "emigration", "RUS")
    assert found[1120] == ("2025", "emigration", "DEU")


# --- a numbered Russian report: the level compared with; a bracket labelled "2024 год –" -------------


def test_a_level_compared_with_and_a_labelled_bracket_in_a_numbered_report(tmp_path):
    found = figures(tmp_path, "ДОКЛАД\nо миграционной ситуации за 2025 год\n\n1. Общие сведения\n"
                              "1.1. В отчетном году в республику прибыли 16 410 человек, что на 3,3% больше "
                              "уровня 2024 года (15 880 человек).\n"
                              "1.2. Выбыли за пределы республики 12 690 человек (2024 год – 13 610).\n\n"
                              "2. Основные страны\n"
                              "2.1. Основной страной выбытия остается Россия (8 870 человек).\n",
                    document_date="2026-03-01")
    assert found[16410] == ("2025", "immigration", None)
    assert found[15880] == ("2024", "immigration", None)
    assert found[12690] == ("2025", "emigration", None)
    assert found[13610] == ("2024", "emigration", None)
    assert found[8870] == ("2025", "emigration", "RUS")


def test_a_year_of_its_own_before_a_bracket_is_not_a_level_compared(tmp_path):
    # near miss: "в 2024 году (15 880 человек)" is that year's figure, and it dates what follows
    found = figures(tmp_path, "Прибыли в 2024 году (15 880 человек). Из Китая прибыли 1 980 человек.\n")
    assert found[15880] == ("2024", "immigration", None)
    assert found[1980] == ("2024", "immigration", "CHN")


# --- a number compared with no time of its own; the year before last --------------------------------


def test_a_number_compared_with_no_time_of_its_own_is_of_the_year_before(tmp_path):
    found = figures(tmp_path, "Kazakhstan recorded 12,690 departures last year. Germany received 1,120 of "
                              "them, up from 1,020.\n", document_date="2026-02-18")
    assert found[1120] == ("2025", "emigration", "DEU")
    assert found[1020] == ("2024", "emigration", "DEU")
    found = figures(tmp_path, "В первом полугодии 2025 года прибыли 7 400 человек против 8 100.\n")
    assert found[8100] == ("2024-H1", "immigration", None)


def test_more_than_a_number_is_a_rounding_not_a_comparison(tmp_path):
    # near miss: "more than 25,000" keeps the year it is stated in
    found = figures(tmp_path, "Back in 2015, more than 25,000 people left for Russia alone.\n")
    assert found[25000] == ("2015", "emigration", "RUS")


def test_the_year_before_last_in_a_new_clause(tmp_path):
    found = figures(tmp_path, "В прошлом году Казахстан покинули 12,7 тыс. человек, в позапрошлом — "
                              "13,6 тыс.\n", document_date="2026-02-18")
    assert found[12700] == ("2025", "emigration", None)
    assert found[13600] == ("2024", "emigration", None)
    found = figures(tmp_path, "Last year 12,690 people left Kazakhstan; the year before last 13,610 "
                              "people left.\n", document_date="2026-02-18")
    assert found[13610] == ("2024", "emigration", None)


# --- a counter-flow phrase after its number ---------------------------------------------------------


def test_a_number_before_a_counter_flow_phrase_is_the_reverse_flow(tmp_path):
    found = figures(tmp_path, "In 2025, 1,286 Kyrgyz citizens moved to Kazakhstan, while 334 people came "
                              "the other way.\n")
    assert found[1286] == ("2025", "immigration", "KGZ")
    assert found[334] == ("2025", "emigration", "KGZ")
    found = figures(tmp_path, "В 2025 году из Кыргызстана в Казахстан переехали 1 286 человек, а 334 "
                              "человека переехали в обратном направлении.\n")
    assert found[334] == ("2025", "emigration", "KGZ")


def test_a_number_in_another_clause_before_the_phrase_keeps_its_flow(tmp_path):
    # near miss: a semicolon between the number and the phrase
    found = figures(tmp_path, "In 2025, 1,286 Kyrgyz citizens moved to Kazakhstan, 334 of them with "
                              "children; few moved the other way.\n")
    assert found[334][1] == "immigration"


# --- a heading in capitals; a label line after a closed bracket ------------------------------------


def test_months_in_a_heading_in_capitals_and_labels_on_the_next_line(tmp_path):
    found = figures(tmp_path, "EXTERNAL MIGRATION, JANUARY-SEPTEMBER 2025\n\n"
                              "Arrivals: 12,242 (Jan-Sep 2024: 11,860)\n"
                              "Departures: 9,321 (Jan-Sep 2024: 10,410)\n")
    assert found[12242] == ("2025-9M", "immigration", None)
    assert found[11860] == ("2024-9M", "immigration", None)
    assert found[9321] == ("2025-9M", "emigration", None)


def test_a_word_for_people_after_a_line_break_without_a_bracket_is_the_unit(tmp_path):
    # near miss: a number wrapped before its unit keeps it ("12,690\npeople left")
    found = figures(tmp_path, "In 2025 a total of 12,690\npeople left Kazakhstan.\n")
    assert found[12690] == ("2025", "emigration", None)


# --- blindV, W, X (rounds 48-50): a table of one partner with directions as rows -----------------


def test_a_table_of_one_partner_with_directions_as_rows_and_years_as_columns(tmp_path):
    found = figures(tmp_path, "Table 2. Migration between Kazakhstan and Germany, persons\n"
                              "                        2022      2023\n"
                              "Departures to Germany   1,804     1,512\n"
                              "Arrivals from Germany     121        96\n"
                              "Net                    -1,683    -1,416\n")
    assert found[1804] == ("2022", "emigration", "DEU")
    assert found[96] == ("2023", "immigration", "DEU")
    # the net row stays net, each cell of its own column's year
    assert found[-1683] == ("2022", "net", "DEU")
    assert found[-1416] == ("2023", "net", "DEU")


def test_a_russian_table_of_one_partner_with_directions_as_rows(tmp_path):
    found = figures(tmp_path, "Таблица 4. Миграционный обмен с Кыргызстаном, человек\n"
                              "               2023     2024\n"
                              "Прибывшие       870      912\n"
                              "Выбывшие        240      203\n"
                              "Сальдо          630      709\n")
    assert found[870] == ("2023", "immigration", "KGZ")
    assert found[203] == ("2024", "emigration", "KGZ")
    assert found[709] == ("2024", "net", "KGZ")


def test_a_direction_row_that_names_its_own_partner_keeps_it(tmp_path):
    # near miss: the row's own country goes before the caption's
    found = figures(tmp_path, "Table 3. Migration with Russia, persons\n"
                              "                          2023     2024\n"
                              "Arrivals from Russia     2,977    3,184\n"
                              "Arrivals from China      2,650    2,861\n")
    assert found[2977] == ("2023", "immigration", "RUS")
    assert found[2861] == ("2024", "immigration", "CHN")


def test_a_range_we_expect_is_a_forecast_not_a_figure(tmp_path):
    found = figures(tmp_path, "In 2024, 8,905 people left for Russia. We expect departures to Russia "
                              "to settle at 8,000–9,000 a year.\n")
    assert found[8905] == ("2024", "emigration", "RUS")
    assert 8000 not in found
    # near miss: what was expected and then happened is an observation
    found = figures(tmp_path, "As expected, 8,905 people left for Russia in 2024.\n")
    assert found[8905] == ("2024", "emigration", "RUS")


def test_a_result_clause_of_a_plan_is_a_plan(tmp_path):
    found = figures(tmp_path, "In 2025, 1,906 kandases arrived. Next year the Ministry will open two more "
                              "adaptation and integration centres, bringing their number to 18.\n")
    assert found[1906] == ("2025", "immigration", None)
    assert 18 not in found
    # near miss: a result clause of what happened is a figure
    found = figures(tmp_path, "In 2025, 640 kandases arrived in March, bringing the total to 1,906.\n")
    assert 1906 in found


# --- directions: a status that "went to" people; the country's gain ------------------------------


def test_a_status_that_went_to_a_number_of_people_is_no_departure(tmp_path):
    found = figures(tmp_path, "Kandas status in 2025\n\nIn the second quarter the status went to "
                              "3,540 people.\n")
    assert found[3540] == ("2025-Q2", "immigration", None)
    # near miss: people who went to a country left
    found = figures(tmp_path, "In 2025, 3,540 people went to Russia.\n")
    assert found[3540] == ("2025", "emigration", "RUS")


def test_what_the_country_gained_is_its_net_migration(tmp_path):
    found = figures(tmp_path, "In 2025 net migration was positive: the country gained 835 people.\n")
    assert found[835] == ("2025", "net", None)
    # near miss: a gain beside a loss is the inflow
    found = figures(tmp_path, "In 2025 Kazakhstan gained 16,900 new residents and lost 12,300.\n")
    assert found[16900] == ("2025", "immigration", None)


# --- units and periods: the Kazakh possessive percent; the same span of time in Russian -----------


def test_a_kazakh_percent_in_the_possessive_is_a_share_not_people(tmp_path):
    found = figures(tmp_path, "2025 жылы Өзбекстаннан 1 884 адам көшіп келді. Олардың 61 пайызы "
                              "Түркістан облысына орналасқан.\n")
    assert found[1884] == ("2025", "immigration", "UZB")
    path = tmp_path / "doc.txt"
    units = {i.get("value"): i.get("unit") for i in extract_document(path).all_items() if i.kind == "figure"}
    assert units[61] == "percent"
    assert units[1884] == "persons"


def test_the_same_span_of_time_in_an_earlier_year_takes_the_texts_months(tmp_path):
    found = figures(tmp_path, "В январе–сентябре 2025 года страну покинули 9 400 человек. Для сравнения: "
                              "в 2019 году за тот же отрезок времени выбыло 33 тыс. человек.\n")
    assert found[33000] == ("2019-9M", "emigration", None)
    found = figures(tmp_path, "За девять месяцев 2025 года выбыло 9 400 человек; за тот же промежуток "
                              "времени 2019 года — 33 тыс. человек.\n")
    assert found[33000] == ("2019-9M", "emigration", None)
    # near miss: a year with no such words is the whole year
    found = figures(tmp_path, "В январе–сентябре 2025 года выбыло 9 400 человек. В 2019 году выбыло "
                              "33 тыс. человек.\n")
    assert found[33000][0] == "2019"


# --- partners: a Russian place four words after its number ---------------------------------------


def test_a_russian_place_four_words_after_its_number_in_the_same_clause(tmp_path):
    found = figures(tmp_path, "В 2025 году страну покинули 9 400 человек. Еще 1 102 бывших жителя "
                              "республики обосновались в Германии.\n")
    assert found[1102] == ("2025", "emigration", "DEU")
    # near miss: after a comma, four words lead to another item's place
    found = figures(tmp_path, "В 2024 году прибыли 3 862 человека. Чаще всего переезжали граждане "
                              "Узбекистана — 1 544, на втором месте выходцы из Кыргызстана — 706 человек.\n")
    assert found[1544] == ("2024", "immigration", "UZB")
    assert found[706] == ("2024", "immigration", "KGZ")


def test_a_kazakh_verb_at_the_end_of_the_numbers_clause_gives_its_direction(tmp_path):
    found = figures(tmp_path, "2024 жылы Қырғызстаннан 812 адам келіп, 197 адам сол елге көшіп кетті.\n")
    assert found[812] == ("2024", "immigration", "KGZ")
    assert found[197] == ("2024", "emigration", "KGZ")
    # near miss: the order reversed keeps each number's own verb
    found = figures(tmp_path, "2024 жылы Қырғызстанға 197 адам кетіп, 812 адам келді.\n")
    assert found[197][1] == "emigration"
    assert found[812][1] == "immigration"


def test_the_two_countries_are_kazakhstan_and_the_partner_named_before(tmp_path):
    found = figures(tmp_path, "In 2024, 7,215 people moved from Uzbekistan to Kazakhstan.\n\n"
                              "Net migration between the two countries was 6,929 in favour of Kazakhstan.\n")
    assert found[6929] == ("2024", "net", "UZB")
    found = figures(tmp_path, "2024 жылы Өзбекстаннан 7 215 адам көшіп келді.\n\n"
                              "Екі ел арасындағы көші-қон сальдосы 6 929 адамды құрады.\n")
    assert found[6929][1:] == ("net", "UZB")
    # near miss: two foreign countries named before: "the two" are not Kazakhstan and a partner
    found = figures(tmp_path, "In 2024, 7,215 people moved from Uzbekistan to Kyrgyzstan. Net migration "
                              "between the two countries was 6,929.\n")
    assert found[6929][2] is None


def test_a_bracketed_earlier_value_after_a_counter_flow_takes_its_partner(tmp_path):
    found = figures(tmp_path, "Arrivals from Uzbekistan fell to 4,015 in 2024 from 4,387 in 2023. Departures "
                              "in the opposite direction were modest: 512 people (2023: 468).\n")
    assert found[512] == ("2024", "emigration", "UZB")
    assert found[468] == ("2023", "emigration", "UZB")
    found = figures(tmp_path, "В 2024 году из Узбекистана прибыли 4 015 человек, а в обратном направлении "
                              "выбыли 512 человек (2023 год – 468).\n")
    assert found[468] == ("2023", "emigration", "UZB")
    # near miss: a bracket that names its own partner keeps it
    found = figures(tmp_path, "Arrivals from Uzbekistan were 4,015 in 2024. Departures in the opposite "
                              "direction were 512 (China, 2023: 88).\n")
    assert found[88][2] != "UZB"


def test_a_russian_when_clause_after_a_year_with_its_noun_is_of_that_year(tmp_path):
    found = figures(tmp_path, "В 2024 году выбыли 12 466 человек. По сравнению с 2023 годом, когда из "
                              "страны выбыло 13 225 человек, отток сократился на 5,7%.\n")
    assert found[12466] == ("2024", "emigration", None)
    assert found[13225] == ("2023", "emigration", None)
    # near miss: a year with its noun and no "when" clause compares, the count is the text's year
    found = figures(tmp_path, "В 2024 году по сравнению с 2023 годом из страны выбыло 12 466 человек.\n")
    assert found[12466][0] == "2024"


def test_a_place_a_word_of_focus_a_verb_and_the_count_that_closes_the_clause(tmp_path):
    found = figures(tmp_path, "In 2025, 12,300 people moved to Kazakhstan. Uzbekistan alone sent 4,460.\n")
    assert found[4460] == ("2025", "immigration", "UZB")
    found = figures(tmp_path, "В 2025 году в Казахстан переехали 12 300 человек. "
                              "Узбекистан один дал 4 460.\n")
    assert found[4460] == ("2025", "immigration", "UZB")
    # near miss: a number that does not close the clause is no count of the place
    found = figures(tmp_path, "In 2025, 12,300 people moved to Kazakhstan. Uzbekistan alone sent 45 "
                              "officials to the talks.\n")
    assert 45 not in found


# --- a neighbour's own emigration in its own news item -------------------------------------------


def test_a_neighbours_own_emigration_is_not_kazakhstans(tmp_path):
    found = figures(tmp_path, "Бишкек, 3 марта 2025 года. В 2024 году Кыргызстан покинули 9 800 человек.\n")
    assert 9800 not in found
    found = figures(tmp_path, "Bishkek, 3 March 2025. In 2024, 9,800 people left Kyrgyzstan.\n")
    assert 9800 not in found
    found = figures(tmp_path, "Ташкент, 3 марта 2025 года. В 2024 году из Узбекистана выехали 120 тыс. "
                              "человек, из них в Казахстан – 4 460.\n")
    assert 120000 not in found
    assert found[4460] == ("2024", "immigration", "UZB")
    # near misses: leaving Kazakhstan, and leaving a neighbour for Kazakhstan
    found = figures(tmp_path, "In 2024, 9,800 people left Kazakhstan.\n")
    assert found[9800] == ("2024", "emigration", None)
    found = figures(tmp_path, "В 2023 году из Кыргызстана в Казахстан переехали 982 человека, а из "
                              "Казахстана в Кыргызстан — 310 человек.\n")
    assert found[982] == ("2023", "immigration", "KGZ")
    assert found[310] == ("2023", "emigration", "KGZ")


def test_a_destination_in_a_clause_before_a_semicolon_is_no_origin_of_an_inflow(tmp_path):
    found = figures(tmp_path, "In 2024, 9,800 people left Kazakhstan, most of them for Russia; 2,100 moved "
                              "to Kazakhstan.\n")
    assert found[9800] == ("2024", "emigration", None)
    assert found[2100] == ("2024", "immigration", None)
    # near miss: an origin before the semicolon stays the partner
    found = figures(tmp_path, "In 2024 the largest inflow came from Uzbekistan; 4,460 people arrived.\n")
    assert found[4460] == ("2024", "immigration", "UZB")
