"""The loader on the causes of the misses of blind rounds 32-34 (blindF, blindG, blindH;
benchmarks/gold/README.md, "Fixes after rounds 32-34, by cause"), each in its general form, in
phrasings and languages no gold document has. One fixture per mechanism, each with a near miss."""

from __future__ import annotations

from kzmig_kg.loader.extract import extract_document
from kzmig_kg.loader.ingest import ingest_document

from .conftest import DATA
from .conftest import extracted_figures as figures


def _items(tmp_path, text: str, kind: str, **options) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [i for i in extract_document(path, **options).all_items() if i.kind == kind]


# --- tables: note marks and thin spaces in cells -------------------------------------------------

def test_a_note_mark_after_a_year_or_a_count_and_thin_space_thousands_keep_the_cell(tmp_path):
    found = figures(tmp_path, "Table 3. Emigrants by destination, persons\n\n"
                              "Destination      2024        2025†\n"
                              "Russia           9\u2009940      8\u2009760‡\n"
                              "Germany          1\u2009020      960\n\n"
                              "† Preliminary. ‡ Revised.\n\n"
                              "Кесте 2. Келгендер, адам\n\n"
                              "Жыл        Өзбекстан     Қытай\n"
                              "2024       4\u202f190        1\u202f870\n"
                              "2025ᵖ      4\u202f620*       1\u202f640\n")
    assert found[8760] == ("2025", "emigration", "RUS")       # "2025†" is the year, "8 760‡" the count
    assert found[960] == ("2025", "emigration", "DEU")
    assert found[4620] == ("2025", "immigration", "UZB")      # the row "2025ᵖ"
    assert found[1640] == ("2025", "immigration", "CHN")


def test_the_note_lines_under_a_table_are_no_rows(tmp_path):
    # near miss: "* Revised on 15 May 2026" under the table is neither a row nor a count
    found = figures(tmp_path, "Immigrants by country of origin, persons\n\n"
                              "Country       2024      2025*\n"
                              "China         1,870     1,640\n\n"
                              "* Revised on 15 May 2026.\n")
    assert found[1640] == ("2025", "immigration", "CHN")
    assert set(found) == {1870, 1640}


# --- tables: a row of a label alone heads the rows under it ---------------------------------------

def test_a_section_row_naming_a_direction_gives_it_to_the_country_rows_under_it(tmp_path):
    found = figures(tmp_path, "Table 2. Migration with partner countries, 2025, persons\n\n"
                              "                 Q1        Q2\n"
                              "Arrivals:\n"
                              "  Uzbekistan     1,020     1,195\n"
                              "  China          380       410\n"
                              "Departures:\n"
                              "  Russia         2,310     2,240\n\n"
                              "Таблица 5. Внешняя миграция, тыс. человек\n\n"
                              "Показатель                2024      2025\n"
                              "Выбывшие, всего           13,7      12,4\n"
                              "  в том числе:\n"
                              "    в Россию                9,9       8,9\n"
                              "    в Германию              1,0       0,9\n"
                              "Сальдо миграции           2,3       2,8\n")
    assert found[1195] == ("2025-Q2", "immigration", "UZB")
    assert found[380] == ("2025-Q1", "immigration", "CHN")
    assert found[2240] == ("2025-Q2", "emigration", "RUS")
    assert found[9900] == ("2024", "emigration", "RUS")        # "в том числе:" a part of the row above
    assert found[900] == ("2025", "emigration", "DEU")
    assert found[2800] == ("2025", "net", None)                # a row of its own direction


def test_a_section_row_that_names_no_direction_gives_none(tmp_path):
    # near miss: "Central Asia" heads its rows but names no flow: the rows keep no direction
    found = figures(tmp_path, "Table 6. Migration with neighbours, 2025, persons\n\n"
                              "                 Q1        Q2\n"
                              "Central Asia\n"
                              "  Uzbekistan     1,020     1,195\n")
    assert found[1020][1] is None and found[1020][2] == "UZB"


# --- tables: long form, key columns label the row -------------------------------------------------

def test_a_table_in_long_form_is_read_by_its_key_columns(tmp_path):
    found = figures(tmp_path, "Export: migration by country, persons\n\n"
                              "iso_code;country;year;arrivals;departures;net\n"
                              "398;Kyrgyzstan;2024;1108;263;845\n"
                              "398;Kyrgyzstan;2025;1105;290;815\n\n"
                              "Көші-қон, адам\n\n"
                              "ел\tжыл\tкелгендер\tкеткендер\n"
                              "Ресей\t2024\t5210\t9940\n"
                              "Ресей\t2025\t4860\t8930\n")
    assert found[1105] == ("2025", "immigration", "KGZ")
    assert found[263] == ("2024", "emigration", "KGZ")
    assert found[815] == ("2025", "net", "KGZ")
    assert found[4860] == ("2025", "immigration", "RUS")
    assert found[9940] == ("2024", "emigration", "RUS")
    assert 398 not in found                                    # near miss: a country's code is no count


# --- tables: a table continued after a page break takes the caption of its first part -------------

def test_a_continued_table_takes_the_caption_of_its_first_part(tmp_path):
    found = figures(tmp_path, "Table 4 - Immigrants by country of origin, persons\n\n"
                              "Country        2023      2024\n"
                              "Uzbekistan     3,655     4,365\n\n"
                              "12                 Annual review 2025\n\n"
                              "Table 4 (continued)\n"
                              "Country        2023      2024\n"
                              "Mongolia       402       431\n\n"
                              "3-кесте. Кеткендер, адам\n\n"
                              "Ел        2023      2024\n"
                              "Ресей     11 217    9 874\n\n"
                              "3-кестенің жалғасы\n"
                              "Ел        2023      2024\n"
                              "Германия  1 388     1 046\n")
    assert found[431] == ("2024", "immigration", "MNG")
    assert found[1046] == ("2024", "emigration", "DEU")


def test_a_continuation_of_a_table_not_found_above_keeps_its_own_caption(tmp_path):
    # near miss: no "Таблица 7" above, so the continuation names no direction
    found = figures(tmp_path, "Таблица 6 – Прибывшие, человек\n\n"
                              "Страна      2023     2024\n"
                              "Китай       1 905    1 870\n\n"
                              "Продолжение таблицы 7\n"
                              "Страна      2023     2024\n"
                              "Беларусь    402      431\n")
    assert found[1870] == ("2024", "immigration", "CHN")
    assert found[431][1] is None


# --- periods: a part of a year qualified by a relative year, in either order ----------------------

def test_a_part_of_last_year_is_the_part_of_the_year_before_the_document(tmp_path):
    found = figures(tmp_path, "Павлодар, 5 ноября 2025 года.\n\n"
                              "В январе–сентябре в область прибыли 1 240 человек, больше, чем за "
                              "январь–сентябрь прошлого года, когда приехали 1 050 человек. За тот же "
                              "период прошлого года из области выехали 980 человек.\n\n"
                              "Өткен жылдың алғашқы алты айында елден 2 760 адам көшіп кетті.\n",
                    document_date="2025-11-05")
    assert found[1240] == ("2025-9M", "immigration", None)
    assert found[1050] == ("2024-9M", "immigration", None)     # Russian: the year after the part
    assert found[2760] == ("2024-H1", "emigration", None)      # Kazakh: the year before the part
    assert found[980][0] == "2024-9M"                          # "тот же период прошлого года"


def test_a_comparison_of_last_year_dates_only_its_own_number(tmp_path):
    # near miss: the previous year's part, compared ("чем за"), is not carried to the next paragraph
    found = figures(tmp_path, "Семей, 3 октября 2025 года.\n\n"
                              "За январь–июнь в область прибыли 2 100 человек, на 10% больше, чем за "
                              "тот же период прошлого года (1 900).\n\n"
                              "Из них 1 300 человек переехали из Китая.\n",
                    document_date="2025-10-03")
    assert found[1900][0] == "2024-H1"
    assert found[1300] == ("2025-H1", "immigration", "CHN")


def test_za_n_months_is_a_period_of_the_year_in_question(tmp_path):
    found = figures(tmp_path, "Усть-Каменогорск, 2 октября 2025 года\n\n"
                              "— Сколько человек переехало в область в этом году?\n\n"
                              "— За девять месяцев к нам прибыли 1 480 человек.\n\n"
                              "— Откуда?\n\n"
                              "— Больше всего приехали из Китая — 620 человек.\n",
                    document_date="2025-10-02")
    assert found[1480] == ("2025-9M", "immigration", None)
    assert found[620] == ("2025-9M", "immigration", "CHN")    # the answer's period carried on


def test_na_n_months_stays_a_duration(tmp_path):
    # near miss: "на шесть месяцев" (for six months) is how long, not when
    found = figures(tmp_path, "Алматы, 10 марта 2025 года\n\n"
                              "В 2024 году в Казахстан прибыли 16 020 человек. Разрешение выдается "
                              "на шесть месяцев; в 2024 году его получили 3 500 человек, прибывших "
                              "из Узбекистана.\n", document_date="2025-03-10")
    assert found[16020] == ("2024", "immigration", None)
    assert found[3500][0] == "2024"


def test_a_range_of_years_written_with_po_or_do_is_one_period(tmp_path):
    found = figures(tmp_path, "С 1991 по 2024 год статус кандаса получили свыше 1,1 млн этнических "
                              "казахов.\n\n"
                              "From 2009 to 2024 more than 320,000 people left for Russia.\n",
                    document_date="2025-01-10")
    assert found[1100000][0] == "1991/2024"
    assert found[320000][0] == "2009/2024"


def test_a_single_year_with_po_is_no_range(tmp_path):
    # near miss: "по 2024 году" alone names one year; "2019 по" with no year after is no range
    found = figures(tmp_path, "По 2024 году из Казахстана выбыли 13 680 человек.\n",
                    document_date="2025-01-10")
    assert found[13680] == ("2024", "emigration", None)


# --- countries: a Kazakh name in each of its spellings --------------------------------------------

def test_a_kazakh_country_name_is_read_in_its_variant_spellings(tmp_path):
    found = figures(tmp_path, "2025 жылы Қазақстанға Түркіменстаннан 290 адам, Тажікстаннан 150 адам, "
                              "Қыргызстаннан 1 105 адам көшіп келді.\n", document_date="2026-01-20")
    assert found[290] == ("2025", "immigration", "TKM")
    assert found[150] == ("2025", "immigration", "TJK")
    assert found[1105] == ("2025", "immigration", "KGZ")


def test_a_kazakh_word_near_a_country_name_is_no_country(tmp_path):
    # near miss: "түрлі" (various) starts like "Түрікменстан" and is no country
    found = figures(tmp_path, "2025 жылы түрлі елдерден 4 480 адам көшіп келді.\n",
                    document_date="2026-01-20")
    assert found[4480] == ("2025", "immigration", None)


# --- numbers that are no flows: age bands, service numbers, sanctions, people working abroad ------

def test_the_bands_of_an_age_grouping_are_no_counts(tmp_path):
    found = figures(tmp_path, "In 2024, 13,680 people emigrated; the bureau breaks them down by age "
                              "group (18-29, 30-44, 45+).\n\n"
                              "В 2024 году выбыли 13 680 человек; данные даны по возрастным группам: "
                              "16–24, 25–34, 35 лет и старше.\n", document_date="2025-02-01")
    assert set(found) == {13680}


def test_a_count_after_an_age_band_is_still_a_count(tmp_path):
    # near miss: "18-29 — 4,120" is a band and its count; the count stays
    found = figures(tmp_path, "Emigrants in 2024 by age group: 18-29 — 4,120 people.\n",
                    document_date="2025-02-01")
    assert 4120 in found and 18 not in found


def test_a_service_number_and_people_sanctioned_are_no_counts(tmp_path):
    found = figures(tmp_path, "В 2025 году в область прибыли 2 600 человек. К административной "
                              "ответственности привлечены 1 128 иностранцев. Единый номер полиции — 102.\n\n"
                              "In 2025, 2,600 people arrived; 415 foreigners were fined for overstaying. "
                              "Call the police number 102.\n\n"
                              "2025 жылы 380 шетелдік әкімшілік жауапкершілікке тартылды.\n",
                    document_date="2026-01-15")
    assert found[2600] == ("2025", "immigration", None)
    assert not {1128, 102, 415, 380} & set(found)


def test_a_number_of_people_who_arrived_is_kept_beside_a_sanction_elsewhere(tmp_path):
    # near miss: the sanction is in another clause; the arrivals keep their count
    found = figures(tmp_path, "In 2025, 415 foreigners were fined; 2,210 foreigners arrived for "
                              "permanent residence.\n", document_date="2026-01-15")
    assert found[2210] == ("2025", "immigration", None) and 415 not in found


def test_people_working_abroad_are_a_stock_not_a_flow(tmp_path):
    found = figures(tmp_path, "An estimated 1.2 million Uzbek citizens were working there at the end "
                              "of 2024, and 4,365 Uzbek citizens moved to Kazakhstan in 2024.\n",
                    document_date="2025-10-02")
    assert 1200000 not in found
    assert found[4365] == ("2024", "immigration", "UZB")


# --- direction: a heading after a blank line ends the paragraph before it --------------------------

def test_a_heading_after_a_blank_line_starts_a_new_paragraph(tmp_path):
    found = figures(tmp_path, "В 2025 году в Казахстан приехали 16,9 тыс. человек. Сальдо в плюсе "
                              "третий год подряд 📈\n\n"
                              "2️⃣ КЫРГЫЗСТАН 🇰🇬\n"
                              "За тот же год к нам из Кыргызстана перебрались 1 105 человек, в обратную "
                              "сторону — 290.\n\n"
                              "Net migration stayed positive for a third year\n\n"
                              "3. TAJIKISTAN\n"
                              "In 2025, 296 people moved here from Tajikistan.\n",
                    document_date="2026-01-27")
    assert found[1105] == ("2025", "immigration", "KGZ")      # not the "Сальдо" of the paragraph above
    assert found[290] == ("2025", "emigration", "KGZ")
    assert found[296] == ("2025", "immigration", "TJK")


def test_a_sentence_broken_by_a_blank_line_goes_on(tmp_path):
    # near miss: a page break inside a sentence ("... left\n\nfor Russia") is no paragraph
    found = figures(tmp_path, "In 2024, 9,940 people left\n\nfor Russia, the bureau said.\n",
                    document_date="2025-02-01")
    assert found[9940] == ("2024", "emigration", "RUS")


# --- direction: a number compared with a reverse flow is of that flow ------------------------------

def test_a_number_compared_with_a_reverse_flow_takes_its_direction(tmp_path):
    found = figures(tmp_path, "In 2024, 13,680 people emigrated. The opposite flow grew: 16,020 people "
                              "settled in the country, against 12,890 a year before.\n\n"
                              "В 2024 году выбыли 13 680 человек. Встречный поток составил 16 020 человек "
                              "против 12 890 годом ранее.\n", document_date="2025-05-01")
    assert found[16020] == ("2024", "immigration", None)
    assert found[12890] == ("2023", "immigration", None)


def test_a_number_after_a_reverse_flow_that_is_not_compared_keeps_its_own(tmp_path):
    # near miss: "and 9,940 left for Russia" is a flow of its own, not a comparison
    found = figures(tmp_path, "In 2024, 13,680 people emigrated. The opposite flow grew: 16,020 people "
                              "settled in the country, and 9,940 left for Russia.\n",
                    document_date="2025-05-01")
    assert found[16020][1] == "immigration"
    assert found[9940] == ("2024", "emigration", "RUS")


# --- counts: a bare number that a verb of the sentence makes a count --------------------------------

def test_a_country_that_gained_or_lost_a_number_moved_it(tmp_path):
    found = figures(tmp_path, "In 2025 Kazakhstan gained 16,900 new residents and lost 12,300.\n\n"
                              "В 2025 году область потеряла 2 100 жителей, уехавших за рубеж.\n",
                    document_date="2026-03-01")
    assert found[12300] == ("2025", "emigration", None)
    assert found[2100] == ("2025", "emigration", None)


def test_lost_before_a_word_is_no_flow(tmp_path):
    # near miss: "lost their jobs" has no number after "lost"; the count of jobs is no flow
    found = figures(tmp_path, "In 2025, 4,300 migrants arrived; many lost their jobs within a year.\n",
                    document_date="2026-03-01")
    assert found[4300] == ("2025", "immigration", None) and len(found) == 1


def test_a_place_a_verb_and_the_count_closing_the_clause_are_a_list_item(tmp_path):
    found = figures(tmp_path, "— Откуда едут чаще всего?\n\n"
                              "— В 2025 году первое место у Китая — 930 человек, Монголия дала 610, "
                              "остальные приехали из Узбекистана и России.\n\n"
                              "In 2025 most arrivals came from China, 930 people; Mongolia sent 610.\n",
                    document_date="2025-11-04")
    assert found[610] == ("2025", "immigration", "MNG")       # not the place of "остальные приехали из"


def test_a_place_and_a_verb_before_a_number_of_things_is_no_count(tmp_path):
    # near miss: "Russia signed 12 agreements" is a count of things, and "Mongolia has 21 provinces"
    found = figures(tmp_path, "In 2025, 930 people arrived from China. Russia signed 12 agreements and "
                              "Mongolia has 21 provinces.\n", document_date="2025-11-04")
    assert set(found) == {930}


def test_there_had_been_n_is_a_count(tmp_path):
    found = figures(tmp_path, "Preliminary data for January-June 2025 show 5,870 departures, while in the "
                              "same half of 2024 there had been 6,930.\n", document_date="2025-08-01")
    assert found[5870] == ("2025-H1", "emigration", None)
    assert found[6930] == ("2024-H1", "emigration", None)


# --- citations: a Kazakh head with its case ending; acts cited together under one head -------------

def _cited(tmp_path, text: str) -> list[tuple]:
    return [(c.get("act_type"), c.get("number"), c.get("year"))
            for c in _items(tmp_path, text, "citation") if c.get("number")]


def test_a_kazakh_citation_whose_head_has_a_case_ending(tmp_path):
    cited = _cited(tmp_path, "Қандастарды қабылдау Қазақстан Республикасының 2023 жылғы 20 сәуірдегі "
                             "№ 224-VII ҚРЗ Әлеуметтік кодексіне сәйкес жүзеге асырылады. Тәртіп "
                             "Қазақстан Республикасының 2011 жылғы 22 шілдедегі № 477-IV Заңымен "
                             "белгіленген.\n")
    assert ("code", "224-VII", 2023) in cited
    assert ("law", "477-IV", 2011) in cited


def test_an_issuer_does_not_run_past_the_end_of_its_sentence(tmp_path):
    # near miss: "кодексіне ... асырылады. ... № 961" is no code No. 961: the resolution is its own
    cited = _cited(tmp_path, "Қабылдау Әлеуметтік кодексіне сәйкес жүзеге асырылады. Басым бағыттар "
                             "Қазақстан Республикасы Үкіметінің 2022 жылғы 30 қарашадағы № 961 "
                             "қаулысымен мақұлданған.\n")
    # (the Social Code named in Kazakh is a citation by title, numbered from kz.yaml, round 16)
    assert cited == [("code", "224-VII", 2023), ("government-resolution", "961", 2022)]


def test_acts_cited_together_under_one_head_are_each_a_citation(tmp_path):
    cited = _cited(tmp_path, "С изменениями, внесенными постановлениями Правительства Республики "
                             "Казахстан от 31 декабря 2022 года № 1146 и от 12 февраля 2024 года № 80.\n\n"
                             "As amended by Government Resolution No. 1146 of 31 December 2022 and "
                             "No. 80 of 12 February 2024.\n")
    assert cited.count(("government-resolution", "1146", 2022)) == 2
    assert cited.count(("government-resolution", "80", 2024)) == 2


def test_a_number_without_its_date_after_a_citation_is_not_another_act(tmp_path):
    # near miss: "and No. 12 of the Rules" names a paragraph, not a second resolution
    cited = _cited(tmp_path, "Under Government Resolution No. 148 of 21 January 2012 and No. 12 of the "
                             "Rules, immigrants register within three days.\n")
    assert cited == [("government-resolution", "148", 2012)]


def test_a_row_indented_under_a_direction_row_is_a_part_of_it(tmp_path):
    found = figures(tmp_path, "Table 6. External migration, persons\n\n"
                              "Indicator                 2024        2025\n"
                              "Arrivals, total           16,020      15,240\n"
                              "   from Uzbekistan         4,190       4,620\n"
                              "Departures, total         13,680      12,440\n"
                              "   to Russia               9,940       8,760\n\n"
                              "Таблица 7. Миграция, человек\n\n"
                              "Показатель                2024        2025\n"
                              "Выбыло – всего            13 680      12 440\n"
                              "  в т.ч. в Германию        1 020²        960\n")
    assert found[4620] == ("2025", "immigration", "UZB")
    assert found[9940] == ("2024", "emigration", "RUS")      # under "Departures", not "Arrivals"
    assert found[1020] == ("2024", "emigration", "DEU")


def test_rows_at_one_indentation_take_no_direction_from_each_other(tmp_path):
    # near miss: "Uzbekistan" is not indented under "Arrivals", so it is no part of it
    found = figures(tmp_path, "Table 8. Migration, persons\n\n"
                              "Indicator        2024        2025\n"
                              "Arrivals         16,020      15,240\n"
                              "Uzbekistan        4,190       4,620\n")
    assert found[15240] == ("2025", "immigration", None)
    assert found[4620] == ("2025", None, "UZB")


# --- periods found by probes of my own ------------------------------------------------------------

def test_a_bracket_that_states_its_own_year_is_no_gloss_of_the_year_before_it(tmp_path):
    found = figures(tmp_path, "Kazakhstan received 4,370 migrants from Uzbekistan in 2024 "
                              "(4,190 in 2023).\n\n"
                              "В 2024 году из Китая прибыли 1 870 человек (в 2023 году — 2 240).\n",
                    document_date="2025-03-01")
    assert found[4370] == ("2024", "immigration", "UZB")
    assert found[4190] == ("2023", "immigration", "UZB")
    assert found[2240][0] == "2023"


def test_a_bracket_after_a_year_still_glosses_it(tmp_path):
    # near miss: "in 2009 (33,985)" with no year inside the bracket: the bracket is 2009's figure
    found = figures(tmp_path, "Immigration from Uzbekistan peaked in 2009 (33,985 people).\n",
                    document_date="2025-03-01")
    assert found[33985] == ("2009", "immigration", "UZB")


def test_a_russian_range_between_two_months(tmp_path):
    found = figures(tmp_path, "Между январем и сентябрем 2025 года прибыло 12 260 человек.\n",
                    document_date="2025-11-20")
    assert found[12260] == ("2025-9M", "immigration", None)


def test_a_year_label_before_a_signed_value_dates_it(tmp_path):
    found = figures(tmp_path, "Migration balance, 2025: +4,610 (2024: +2,340).\n\n"
                              "Чистая миграция в 2025 году составила плюс 4 600 человек.\n",
                    document_date="2026-02-03")
    assert found[4610] == ("2025", "net", None)
    assert found[2340] == ("2024", "net", None)
    assert found[4600] == ("2025", "net", None)                 # "чистая миграция" is the balance


def test_a_signed_value_in_a_labelled_bracket_is_of_its_label(tmp_path):
    # near miss: "(2024: +2,340)" labels the number inside it, not the one before the bracket
    found = figures(tmp_path, "Net migration in 2025 was +4,610 (2024: +2,340).\n",
                    document_date="2026-02-03")
    assert found[4610][0] == "2025" and found[2340][0] == "2024"


def test_a_section_row_naming_a_country_gives_it_to_the_direction_rows_under_it(tmp_path):
    found = figures(tmp_path, "Таблица 4. Миграционный обмен с основными странами, человек\n\n"
                              "                     2024        2025\n"
                              "Россия\n"
                              "  Прибыло            5 210       4 860\n"
                              "  Выбыло             9 940       8 930\n"
                              "Узбекистан\n"
                              "  Прибыло            4 190       4 620\n")
    assert found[4860] == ("2025", "immigration", "RUS")
    assert found[9940] == ("2024", "emigration", "RUS")
    assert found[4620] == ("2025", "immigration", "UZB")      # the next section's country


def test_a_section_row_naming_two_countries_gives_none(tmp_path):
    # near miss: "Russia and Belarus" names two partners, so its rows are of neither
    found = figures(tmp_path, "Table 11. Exchange, persons\n\n"
                              "                     2024        2025\n"
                              "Russia and Belarus\n"
                              "  Arrivals           5 610       5 270\n")
    assert found[5270] == ("2025", "immigration", None)


def test_quoted_csv_cells_and_a_mark_of_no_value_keep_the_table(tmp_path):
    found = figures(tmp_path, "Выгрузка: эмиграция, человек\n\n"
                              "\"страна\";\"год\";\"выбыло\"\n"
                              "\"Россия\";\"2024\";\"9940\"\n"
                              "\"Россия\";\"2025\";\"8930\"\n\n"
                              "Кесте 5. Кеткендер, адам\n\n"
                              "Ел\t2024\t2025\n"
                              "Ресей\t9 950\t8 940\n"
                              "Германия\t1 020\t—\n"
                              "Беларусь\t418\t402\n")
    assert found[8930] == ("2025", "emigration", "RUS")
    assert found[1020] == ("2024", "emigration", "DEU")
    assert found[402] == ("2025", "emigration", "BLR")         # the row after the dash is read


def test_a_dash_cell_is_no_value(tmp_path):
    # near miss: "—" is no figure of its own
    found = figures(tmp_path, "Emigrants by destination, persons\n\n"
                              "Country\t2024\t2025\n"
                              "Germany\t1,020\t—\n")
    assert set(found) == {1020}


def test_from_month_to_month_is_a_range_not_a_comparison(tmp_path):
    found = figures(tmp_path, "ASTANA, 12 August 2025\n\n"
                              "From January to June, 7,930 people moved to the country for permanent "
                              "residence, while 6,840 left. A year earlier the figures were 7,410 and "
                              "7,120.\n",
                    document_date="2025-08-12")
    assert found[7930] == ("2025-H1", "immigration", None)
    assert found[6840] == ("2025-H1", "emigration", None)
    assert found[7410] == ("2024-H1", "immigration", None)


def test_a_part_looked_at_alone_dates_its_sentence_only(tmp_path):
    found = figures(tmp_path, "ASTANA, 12 August 2025\n\n"
                              "In the first half of 2025, 7,930 people arrived.\n\n"
                              "In the second quarter alone, arrivals reached 4,320.\n\n"
                              "Ethnic Kazakhs accounted for 5,410 of the arrivals.\n\n"
                              "Только во втором квартале прибыли 4 330 человек.\n\n"
                              "Кандасы составили 5 420 прибывших.\n",
                    document_date="2025-08-12")
    assert found[4320] == ("2025-Q2", "immigration", None)
    assert found[5410] == ("2025-H1", "immigration", None)     # not the quarter looked at alone
    assert found[4330][0] == "2025-Q2"
    assert found[5420][0] == "2025-H1"


def test_a_stated_part_without_alone_is_carried(tmp_path):
    # near miss: "In the second quarter" with no "alone" is the time of what follows
    found = figures(tmp_path, "ASTANA, 12 August 2025\n\n"
                              "In the second quarter, arrivals reached 4,320. Ethnic Kazakhs accounted "
                              "for 2,410 of them.\n", document_date="2025-08-12")
    assert found[2410][0] == "2025-Q2"


# --- a region's figures are not the country's ------------------------------------------------------

REGIONS = ("Таблица 2. Внешняя миграция по отдельным регионам, 2025 год, человек\n\n"
           "Регион                      Прибыло   Выбыло\n"
           "г. Астана                   2 118     1 097\n"
           "Северо-Казахстанская обл.   295       1 960\n"
           "Республика Казахстан        15 240    12 440\n\n"
           "Семей, 4 ноября 2025 года. В 2025 году в область из-за рубежа прибыли 1 860 человек.\n")


def test_a_region_row_and_a_region_sentence_are_a_breakdown_not_the_country(tmp_path):
    items = _items(tmp_path, REGIONS, "figure", document_date="2025-11-04")
    breakdown = {i.get("value"): i.get("breakdown") for i in items}
    assert breakdown[2118] == "г. Астана"
    assert breakdown[1960] == "Северо-Казахстанская обл."
    assert breakdown[1860] == "region"
    assert breakdown[15240] is None                      # near miss: the Republic's row is the country's


def test_ingest_records_the_country_total_not_a_region_row(tmp_path):
    path = tmp_path / "regions.txt"
    path.write_text(REGIONS, encoding="utf-8")
    draft = ingest_document(path, data_dir=DATA, review_dir=tmp_path / "review", doc_id="regions-2025",
                            date="2025-11-04")
    recorded = {(o["direction"], o["period"]): o["value"] for o in draft.observations}
    assert recorded == {("IMM", "2025"): 15240, ("EMI", "2025"): 12440}
    assert sum("not of the country" in s for s in draft.skipped) == 5


def test_a_table_drawn_with_box_drawing_characters(tmp_path):
    found = figures(tmp_path, "Table 17. Immigrants by origin, persons\n\n"
                              "┌────────────┬────────┬────────┐\n"
                              "│ Country    │ 2024   │ 2025   │\n"
                              "├────────────┼────────┼────────┤\n"
                              "│ Uzbekistan │ 4,190  │ 4,620  │\n"
                              "│ China      │ 1,870  │ 1,640  │\n"
                              "└────────────┴────────┴────────┘\n")
    assert found[4620] == ("2025", "immigration", "UZB")
    assert found[1870] == ("2024", "immigration", "CHN")


def test_a_line_of_equals_signs_under_a_heading_is_no_table(tmp_path):
    # near miss: a heading underlined with "=" and a sentence under it keep their own reading
    found = figures(tmp_path, "Arrivals in 2025\n================\n\n"
                              "In 2025, 4,620 people arrived from Uzbekistan.\n")
    assert found == {4620: ("2025", "immigration", "UZB")}


def test_a_cell_with_its_unit_is_the_count_and_a_unit_of_thousands_scales_it(tmp_path):
    found = figures(tmp_path, "Таблица 20. Выбывшие по странам\n\n"
                              "Страна       2024           2025\n"
                              "Россия       9 940 чел.     8 760 чел.\n\n"
                              "Table 21. Arrivals by origin\n\n"
                              "Country       2024          2025\n"
                              "Uzbekistan    4.2 thous.    4.6 thous.\n\n"
                              "Кесте 22. Келгендер\n\n"
                              "Ел            2024          2025\n"
                              "Қытай         1 870 адам    1 640 адам\n")
    assert found[8760] == ("2025", "emigration", "RUS")
    assert found[4600] == ("2025", "immigration", "UZB")
    assert found[1640] == ("2025", "immigration", "CHN")


def test_a_cell_with_another_unit_is_no_count(tmp_path):
    # near miss: "12 days" in a cell is no count of people
    found = figures(tmp_path, "Table 23. Processing time of applications, Russia\n\n"
                              "Country       2024          2025\n"
                              "Russia        12 days       9 days\n")
    assert not found


def test_an_issuer_named_after_the_number_and_date_types_the_act(tmp_path):
    cited = _cited(tmp_path, "The rules follow Resolution No. 148 (21.01.2012) of the Government.\n")
    assert cited == [("government-resolution", "148", 2012)]


def test_a_resolution_with_no_issuer_anywhere_keeps_no_type(tmp_path):
    # near miss: "of the Rules" names no issuer
    cited = _cited(tmp_path, "See Resolution No. 148 (21.01.2012) of the Rules.\n")
    assert cited == [(None, "148", 2012)]


def test_this_years_in_kazakh_dates_by_the_document(tmp_path):
    found = figures(tmp_path, "Астана, 2026 жылғы 5 ақпан\n\n"
                              "2025 жылы елге 16 900 адам көшіп келді.\n\n"
                              "Биылғы қаңтарда елге 1 210 адам келді.\n", document_date="2026-02-05")
    assert found[16900][0] == "2025"
    assert found[1210][0].startswith("2026")                   # not the year of the paragraph before


def test_a_superscript_note_mark_after_a_number_keeps_its_unit_and_place(tmp_path):
    found = figures(tmp_path, "In 2024, 9,940¹ people left for Russia and 1,020² for Germany.\n",
                    document_date="2025-03-01")
    assert found[9940] == ("2024", "emigration", "RUS")
    assert found[1020] == ("2024", "emigration", "DEU")


def test_a_superscript_that_is_no_note_mark_stays(tmp_path):
    # near miss: a note mark at the start of a note line is the note's own label, no count
    found = figures(tmp_path, "In 2024, 9,940 people left for Russia.¹\n\n"
                              "¹ Bureau of National Statistics, 2025.\n", document_date="2025-03-01")
    assert set(found) == {9940}


def test_any_english_word_may_qualify_the_people_after_a_count(tmp_path):
    found = figures(tmp_path, "In 2025, 1,105 Kyrgyz citizens moved to Kazakhstan, while 290 Kazakhstan "
                              "residents moved to Kyrgyzstan.\n", document_date="2026-03-20")
    assert found[290] == ("2025", "emigration", "KGZ")


def test_a_unit_of_time_between_a_number_and_people_is_no_qualifier(tmp_path):
    # near miss: "30 days people" is a duration, then the people of the next clause
    found = figures(tmp_path, "Within 30 days people must register; in 2025, 292 people arrived from "
                              "Kyrgyzstan.\n", document_date="2026-03-20")
    assert set(found) == {292}
