"""The loader on the causes of the misses of blind rounds 32-34 (blindF, blindG, blindH;
benchmarks/gold/README.md, "Fixes after rounds 32-34, by cause"), each in its general form, in
phrasings and languages no gold document has. One fixture per mechanism, each with a near miss."""

from __future__ import annotations

from kzmig_kg.loader.extract import extract_document

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
