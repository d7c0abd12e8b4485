"""The loader on the causes of the figure misses and extras of the twelfth round's second three blind
sets (blindW2, blindX2, blindY2; benchmarks/gold/README.md, "Issue 16, twelfth round: tables and the
second three sets"), tables first, each in its general form, in layouts and languages no gold
document has. One fixture per mechanism, each with a near miss that must not fire."""

from __future__ import annotations

from pathlib import Path

from kzmig_kg.loader.extract import extract_document


def cells(tmp_path: Path, text: str, **options) -> set[tuple]:
    """The figures found in ``text``: (first words of their line, value, period, direction, partner,
    reporting area, breakdown)."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    return {(lines[i.line - 1].strip()[:12], i.get("value"), i.get("period"), i.get("direction"),
             i.get("country"), i.get("area"), i.get("breakdown"))
            for i in extract_document(path, **options).all_items()
            if i.kind == "figure" and i.get("value") is not None}


# --- a table of years whose rows the reader of year columns did not know: the whole table is read --


def test_a_total_named_by_the_country_then_its_parts_then_regions_in_thousands(tmp_path):
    found = cells(tmp_path, "Table 6.2. Emigrants by destination and by region of departure\n"
                            "                                        (thousand persons)\n"
                            "                         2023      2024\n"
                            "Republic of Kazakhstan   16.0      13.5\n"
                            "  of which to:\n"
                            "    Russia               11.9       9.8\n"
                            "By region:\n"
                            "Kostanay region           2.0       1.7\n"
                            "Almaty city               2.3       2.0\n", document_date="2025-09-01")
    assert ("Republic of ", 16000, "2023", "emigration", None, None, None) in found
    assert ("Russia      ", 9800, "2024", "emigration", "RUS", None, None) in found
    assert ("Kostanay reg", 1700, "2024", "emigration", None, None, "Kostanay region") in found
    assert ("Almaty city ", 2300, "2023", "emigration", None, None, "Almaty city") in found
    assert not any(f[4] == "KAZ" for f in found)       # the country's own total is no partner


def test_rows_named_by_direction_and_kazakhstans_end_under_year_columns(tmp_path):
    found = cells(tmp_path, "Таблица 3. Внешняя миграция населения, человек\n\n"
                            "                               2023         2024\n"
                            "Прибыло в Казахстан           14 102       15 876\n"
                            "Выбыло из Казахстана          15 994       13 511\n"
                            "Сальдо миграции               -1 892        2 365\n", document_date="2025-03-01")
    assert ("Прибыло в Ка", 14102, "2023", "immigration", None, None, None) in found
    assert ("Выбыло из Ка", 13511, "2024", "emigration", None, None, None) in found
    assert ("Сальдо мигра", -1892, "2023", "net", None, None, None) in found
    assert len(found) == 6
    # the same rows with no balance row: the reader of year columns reads them itself
    found = cells(tmp_path, "Table 2.1. External migration for permanent residence, persons\n\n"
                            "                          2023          2024*\n"
                            "Arrived in Kazakhstan   14,102        15,876\n"
                            "Left Kazakhstan         15,994        13,511\n", document_date="2025-11-18")
    assert {f[1:5] for f in found} == {(14102, "2023", "immigration", None),
                                       (15876, "2024", "immigration", None),
                                       (15994, "2023", "emigration", None),
                                       (13511, "2024", "emigration", None)}


def test_a_table_read_to_its_end_stops_at_the_source_line_under_it(tmp_path):
    # near miss: a line of prose right under the last row is no row of the table
    found = cells(tmp_path, "Table 3.1 Net migration of Kazakhstan with neighbouring countries (persons)\n"
                            "Country          2024        2025\n"
                            "Uzbekistan      3,960       4,415\n"
                            "Kyrgyzstan        812         891\n"
                            "Source: Bureau of National Statistics, 12 March 2026; 2025 preliminary.\n",
                  document_date="2026-05-05")
    assert ("Uzbekistan  ", 4415, "2025", "net", "UZB", None, None) in found
    assert {f[1] for f in found} == {3960, 4415, 812, 891}


def test_kazakhstans_row_in_a_neighbours_table_stays_its_partner(tmp_path):
    # near miss: a row "Казахстан" under a Kyrgyz office is Kazakhstan as partner, not a total
    found = cells(tmp_path, "НАЦИОНАЛЬНЫЙ СТАТИСТИЧЕСКИЙ КОМИТЕТ КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n\n"
                            "Выбывшие из республики по странам назначения, человек\n"
                            "                    2024        2025\n"
                            "Казахстан          1 108       1 020\n"
                            "Россия             9 940       9 480\n"
                            "Регионы:\n"
                            "Чуйская              410         388\n", document_date="2026-03-05")
    assert ("Казахстан   ", 1020, "2025", "emigration", "KAZ", "KGZ", None) in found


# --- a verb, a word or two, a bare count, then a bracket: the bracket closes the count's clause ---


def test_a_bare_count_after_its_verb_then_a_bracketed_comparison(tmp_path):
    found = cells(tmp_path, "В 2024 году из страны выехали на постоянное жительство 13 511 (годом ранее – "
                            "15 994).\n", document_date="2025-02-20")
    assert ("В 2024 году ", 13511, "2024", "emigration", None, None, None) in found
    found = cells(tmp_path, "В 2024 году в республику прибыли 15 876 человек, выбыли за ее пределы 13 511 "
                            "(в 2023 году – соответственно 14 102 и 15 994).\n", document_date="2025-02-20")
    assert {f[1:4] for f in found} == {(15876, "2024", "immigration"), (13511, "2024", "emigration"),
                                       (14102, "2023", "immigration"), (15994, "2023", "emigration")}
    # near miss: a count of things before the bracket stays out
    assert not cells(tmp_path, "В 2024 году открыли филиалы 13 511 (в 2023 году – 15 994).\n",
                     document_date="2025-02-20")


def test_the_bracket_in_english_and_kazakh(tmp_path):
    # in English, the bracket's label dates each number of its run
    found = cells(tmp_path, "In 2024 some 15,876 people arrived, while departures abroad numbered 13,511 "
                            "(2023: 14,102 and 15,994 respectively).\n", document_date="2025-02-20")
    assert {f[1:4] for f in found} == {(15876, "2024", "immigration"), (13511, "2024", "emigration"),
                                       (14102, "2023", "immigration"), (15994, "2023", "emigration")}
    # in Kazakh, "тиісінше" (respectively) before the run
    found = cells(tmp_path, "2024 жылы елге 15 876 адам келді, елден 13 511 адам көшіп кетті (2023 жылы "
                            "тиісінше 14 102 және 15 994).\n", document_date="2025-02-20", language="kk")
    assert {f[1:4] for f in found} == {(15876, "2024", "immigration"), (13511, "2024", "emigration"),
                                       (14102, "2023", "immigration"), (15994, "2023", "emigration")}
    # near miss: a number after the bracket's run is of the sentence's year
    found = cells(tmp_path, "In 2024, 13,511 left (2023: 15,994), and 15,876 arrived.\n",
                  document_date="2025-02-20")
    assert (15876, "2024", "immigration") in {f[1:4] for f in found}


# --- "departures came to N" amounts to N; a flow's trend "moved the other way"; "as many as in" ---


def test_came_to_a_number_is_an_amount_not_an_arrival(tmp_path):
    found = cells(tmp_path, "In 2024 the departures came to just over 13,380. About 2,100 people came to "
                            "Kazakhstan from China.\n", document_date="2025-06-03")
    assert ("In 2024 the ", 13380, "2024", "emigration", None, None, None) in found
    # near miss: people who came to Kazakhstan still arrived
    assert ("In 2024 the ", 2100, "2024", "immigration", "CHN", None, None) in found


def test_a_flow_whose_trend_moved_the_other_way_is_no_counter_flow(tmp_path):
    found = cells(tmp_path, "In 2024, 9,310 people left for Russia. Emigration to Germany moved the other "
                            "way: 1,070 people left for Germany.\n", document_date="2025-06-03")
    assert ("In 2024, 9,3", 1070, "2024", "emigration", "DEU", None, None) in found
    found = cells(tmp_path, "В 2024 году в Россию выехали 9 310 человек. Отток в Германию изменился в "
                            "обратную сторону: в Германию выехали 1 070 человек.\n",
                  document_date="2025-06-03")
    assert ("В 2024 году ", 1070, "2024", "emigration", "DEU", None, None) in found
    # near miss: departures in the opposite direction are the counter flow
    found = cells(tmp_path, "In 2024, 13,380 people left for Russia. Departures in the opposite direction "
                            "were modest: 512 people.\n", document_date="2025-06-03")
    assert ("In 2024, 13,", 512, "2024", "immigration", "RUS", None, None) in found


def test_a_year_after_as_many_as_is_compared_and_dates_no_later_sentence(tmp_path):
    found = cells(tmp_path, "Last year 6,940 newcomers came from Uzbekistan, three times as many as in 2019. "
                            "China followed with 2,480.\n", document_date="2025-06-03")
    assert ("Last year 6,", 2480, "2024", "immigration", "CHN", None, None) in found
    # near miss: a year of its own in the next sentence still dates it
    found = cells(tmp_path, "Last year 6,940 newcomers came from Uzbekistan, twice as high as in 2019. "
                            "In 2019 China followed with 2,480.\n", document_date="2025-06-03")
    assert ("Last year 6,", 2480, "2019", "immigration", "CHN", None, None) in found


# --- a change "from A to B" over a span of years: A in its first year, B in its last --------------


def test_a_change_from_one_count_to_another_over_a_span_of_years(tmp_path):
    for text in ("С 2015 по 2020 год число выбывших за рубеж снизилось с 30 047 до 13 852 человек.\n",
                 "Between 2015 and 2020 the number of emigrants fell from 30,047 to 13,852.\n",
                 "2015-2020 жылдары елден көшіп кеткендер саны 30 047-ден 13 852 адамға дейін азайды.\n"):
        found = {f[1:4] for f in cells(tmp_path, text, document_date="2025-03-12")}
        assert found == {(30047, "2015", "emigration"), (13852, "2020", "emigration")}, text
    # near miss: two flows of the whole span stay of the span
    found = {f[1:5] for f in cells(tmp_path, "From 2015 to 2020, 30,047 people left for Russia and 13,852 "
                                             "left for Germany.\n", document_date="2025-03-12")}
    assert found == {(30047, "2015/2020", "emigration", "RUS"), (13852, "2015/2020", "emigration", "DEU")}


# --- "the two countries ... respectively": the countries the sentence before names, in order ------


def test_respectively_after_the_two_countries_of_the_sentence_before(tmp_path):
    found = cells(tmp_path, "В 2025 году из Кыргызстана прибыли 1 277 человек, из Таджикистана – 402. В эти "
                            "страны выбыли соответственно 386 и 57 человек.\n", document_date="2026-05-05")
    assert {f[1:5] for f in found if f[3] == "emigration"} == {(386, "2025", "emigration", "KGZ"),
                                                               (57, "2025", "emigration", "TJK")}
    found = cells(tmp_path, "In 2025 Kyrgyzstan sent 1,277 people and Tajikistan 402. Departures to both "
                            "countries were 386 and 57 respectively.\n", document_date="2026-05-05")
    assert {f[1:5] for f in found if f[3] == "emigration"} == {(386, "2025", "emigration", "KGZ"),
                                                               (57, "2025", "emigration", "TJK")}
    # near miss: three countries named before, two numbers: no pairing
    found = cells(tmp_path, "In 2025, 1,277 people came from Kyrgyzstan, Tajikistan and Turkmenistan. "
                            "Departures to these countries were 386 and 57 respectively.\n",
                  document_date="2026-05-05")
    assert {f[4] for f in found if f[3] == "emigration"} == {None}


# --- a neighbour's people by its name ("узбекистанцев"), "его граждан" after the country ---------


def test_a_neighbours_people_by_its_name_and_its_citizens_after_a_possessive(tmp_path):
    found = cells(tmp_path, "В 2026 году в Казахстан переехали 2 315 узбекистанцев и 410 таджикистанцев.\n",
                  document_date="2026-08-12")
    assert {f[1:5] for f in found} == {(2315, "2026", "immigration", "UZB"),
                                       (410, "2026", "immigration", "TJK")}
    found = cells(tmp_path, "Кыргызстан остается вторым: в 2026 году к нам переселились почти 600 его "
                            "граждан против 512 в 2025 году.\n", document_date="2026-08-12")
    assert (600, "2026", "immigration", "KGZ") in {f[1:5] for f in found}
    # near misses: companies of a neighbour, its branches, are no people
    assert not cells(tmp_path, "В 2026 году в Казахстан переехали 2 315 узбекистанских компаний.\n",
                     document_date="2026-08-12")
    assert not cells(tmp_path, "В 2026 году в Казахстан перевели 600 его филиалов.\n",
                     document_date="2026-08-12")


# --- an interview's question with no time still names the direction of its answer ----------------


def test_a_question_without_a_time_names_the_direction_of_its_answer(tmp_path):
    found = cells(tmp_path, "— Значит, сальдо положительное?\n\n— Да, за 2024 год плюс 2 730 человек.\n",
                  document_date="2025-03-12")
    assert {f[1:4] for f in found} == {(2730, "2024", "net")}
    # near miss: a question of no flow gives its answer's count no direction
    found = cells(tmp_path, "— Где вы работаете?\n\n— В 2024 году в нашем центре 2 730 человек.\n",
                  document_date="2025-03-12")
    assert {f[3] for f in found} <= {None}


# --- a page of a reference or a footer; a change "сократился почти на N" -------------------------


def test_a_page_number_and_a_change_by_are_no_counts(tmp_path):
    found = cells(tmp_path, "Бюллетень миграции за 2024 год (выдержка, с. 11-12). Отток в Россию за год "
                            "сократился почти на 1,4 тыс. человек: в 2023 году в Россию выехали 10 870 "
                            "жителей.\n", document_date="2025-03-14")
    assert {f[1] for f in found} == {10870}
    found = cells(tmp_path, "Emigration to Russia fell to 48,905 people in 2024.\n\nPage 7 of 22\n",
                  document_date="2025-03-14")
    assert {f[1] for f in found} == {48905}
    # near misses: a village "с. Шарбакты" before a verb and its count; "с" (from) before a year
    found = cells(tmp_path, "В 2024 году с. Шарбакты покинули 120 человек.\n", document_date="2025-03-14")
    assert {f[1] for f in found} == {120}


# --- Kazakh: a place in the accusative before "таңдады" (chose) is the count's destination --------


def test_a_kazakh_place_chosen_in_the_accusative(tmp_path):
    found = cells(tmp_path, "2025 жылы елден көшіп кеткен 1 200 адам Германияны таңдады. Кеткендердің "
                            "басым бөлігі — 4 580 адам — Ресейді таңдады.\n", document_date="2025-08-12",
                  language="kk")
    assert {f[1:5] for f in found} == {(1200, "2025", "emigration", "DEU"),
                                       (4580, "2025", "emigration", "RUS")}
    # near miss: citizens of a country who chose work name no destination
    found = cells(tmp_path, "2025 жылы елден 4 580 адам кетті — Ресей азаматтары, олар жұмысты таңдады.\n",
                  document_date="2025-08-12", language="kk")
    assert {f[4] for f in found} == {None}


# --- an amount in monthly calculation indices written out, and an amount per head ----------------


def test_an_index_written_out_and_an_amount_per_head_are_no_counts(tmp_path):
    found = cells(tmp_path, "За январь – март 2025 года в республику переселились 2 905 кандасов. Выплата на "
                            "переселение – 70 месячных расчетных показателей на главу семьи и 45 – на "
                            "каждого члена семьи.\n", document_date="2025-05-21")
    assert {f[1] for f in found} == {2905}
    found = cells(tmp_path, "In 2025, 2,905 kandases arrived; the grant is 70 MCI for the head and 45 per "
                            "family member.\n", document_date="2025-05-21")
    assert {f[1] for f in found} == {2905}
    # near miss: a count "на постоянное жительство" is a count
    found = cells(tmp_path, "В 2025 году из Узбекистана прибыли 2 905 – на постоянное жительство.\n",
                  document_date="2025-05-21")
    assert {f[1:5] for f in found} == {(2905, "2025", "immigration", "UZB")}


# --- a capacity is no count -----------------------------------------------------------------------


def test_a_capacity_is_no_count(tmp_path):
    for text in ("2026 жылы ауданға 1 240 адам көшіп келді. Орталықта бір мезгілде 60 адам тұра "
                 "алады.\n",
                 "In 2026, 1,240 kandases arrived. The new centre for arriving kandases can house 60 "
                 "people.\n",
                 "В 2026 году прибыли 1 240 кандасов. Центр для прибывающих вмещает одновременно 60 "
                 "человек.\n"):
        assert {f[1] for f in cells(tmp_path, text, document_date="2026-11-01")} == {1240}, text
    # near miss: "одновременно" with a verb of moving is a count
    found = cells(tmp_path, "В 2026 году одновременно прибыли 1 240 кандасов.\n", document_date="2026-11-01")
    assert {f[1] for f in found} == {1240}
