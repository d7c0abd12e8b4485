"""The loader on the causes of the misses of blind rounds 41-42 (blindO, blindP; benchmarks/gold/
README.md, "Fixes after rounds 41-42, by cause"), each in its general form, in layouts and
languages no gold document has. One fixture per mechanism, each with a near miss."""

from __future__ import annotations

from kzmig_kg.loader.extract import extract_document
from kzmig_kg.loader.extract.linecells import joined_cells
from kzmig_kg.loader.extract.texmarks import plain_tex

from .conftest import extracted_figures as figures


def _citations(tmp_path, text: str) -> list:
    path = tmp_path / "acts.txt"
    path.write_text(text, encoding="utf-8")
    return [i for i in extract_document(path).all_items() if i.kind == "citation"]


# --- tables: a key written only in the first row of its block (merged spreadsheet cells) -------


def test_a_country_in_the_first_row_of_its_block_is_the_country_of_the_rows_under_it(tmp_path):
    # Kazakh headers, tab-separated, the country merged over its years
    found = figures(tmp_path, "Көші-қон елдер бойынша, адам\n\n"
                              "Ел\tЖыл\tКелгендер\tКеткендер\n"
                              "Ресей\t2023\t5 210\t10 270\n"
                              "\t2024\t5 150\t9 940\n"
                              "Өзбекстан\t2023\t3 100\t410\n"
                              "\t2024\t3 400\t380\n")
    assert found[5150] == ("2024", "immigration", "RUS")
    assert found[9940] == ("2024", "emigration", "RUS")
    assert found[3400] == ("2024", "immigration", "UZB")
    assert found[380] == ("2024", "emigration", "UZB")


def test_a_year_in_the_first_row_of_its_block_dates_the_quarters_under_it(tmp_path):
    # English headers, semicolons, quarters as bare ordinals under "Quarter"
    found = figures(tmp_path, "International migration by quarter, persons\n\n"
                              "Year;Quarter;Arrivals;Departures\n"
                              "2024;1;3 305;3 912\n"
                              ";2;4 118;3 372\n"
                              "2025;1;3 877;2 964\n"
                              ";2;4 260;3 047\n")
    assert found[3305] == ("2024-Q1", "immigration", None)
    assert found[3372] == ("2024-Q2", "emigration", None)
    assert found[4260] == ("2025-Q2", "immigration", None)


def test_a_row_with_no_key_of_its_own_is_no_block_of_the_row_above(tmp_path):
    # near miss: in a table of countries by year a row with an empty label carries nothing down
    found = figures(tmp_path, "Arrivals by country, persons\n\n"
                              "Country\t2023\t2024\n"
                              "Russia\t5 210\t5 150\n"
                              "\t3 000\t2 900\n")
    assert found[5150] == ("2024", "immigration", "RUS")
    assert 2900 not in found


# --- tables: every cell on a line of its own ------------------------------------------------------


def test_a_table_with_one_cell_per_line_is_read_by_its_rows(tmp_path):
    # English, three columns: period, arrivals from a country, departures to it
    found = figures(tmp_path, "Exchange of population with Tajikistan, persons\n\n"
                              "Period\n"
                              "Arrivals from Tajikistan\n"
                              "Departures to Tajikistan\n"
                              "2023\n"
                              "1 210\n"
                              "340\n"
                              "2024\n"
                              "1 385\n"
                              "298\n")
    assert found[1210] == ("2023", "immigration", "TJK")
    assert found[298] == ("2024", "emigration", "TJK")


def test_a_kazakh_table_with_one_cell_per_line_keeps_its_offsets(tmp_path):
    text = ("Ел\nКелгендер\nКеткендер\nРесей\n5 210\n10 270\nҚытай\n1 020\n330\n")
    joined = joined_cells(text)
    assert len(joined) == len(text)
    assert joined.split("\n")[:3] == ["Ел\tКелгендер\tКеткендер", "Ресей\t5 210\t10 270", "Қытай\t1 020\t330"]


def test_lines_whose_kinds_do_not_repeat_are_no_table(tmp_path):
    # near misses: a contact block (numbers out of step with the lines above) and short prose lines
    contacts = "Contacts\nMigration service\nAstana\n8 7172 71 50 14\nAlmaty\nAbai avenue\n52\n"
    prose = "We met in Almaty.\nThen we left.\nIt was 2023.\nThe year after,\nwe came back.\nAll of us.\n"
    assert joined_cells(contacts) == contacts
    assert joined_cells(prose) == prose


def test_a_register_of_acts_with_one_cell_per_line_gives_each_act_its_date(tmp_path):
    found = _citations(tmp_path, "List of acts\n\n"
                                 "No.\nAct\nDate and number\n"
                                 "1\nLabour Code of the Republic of Kazakhstan\n23.11.2015 No. 414-V\n"
                                 "2\nCriminal Code of the Republic of Kazakhstan\n03.07.2014 No. 226-V\n")
    by_number = {c.get("number"): c.get("year") for c in found}
    assert by_number["414-V"] == 2015
    assert by_number["226-V"] == 2014


# --- LaTeX source: thin spaces, escaped percent signs, ties ---------------------------------------


def test_latex_thin_spaces_and_ties_in_running_text(tmp_path):
    # Russian running text of a LaTeX source: thousands written 12\,386, a tie before a month
    found = figures(tmp_path, "\\section{Иммиграция}\n"
                              "В 2024~году в Казахстан из Узбекистана прибыли 12\\,386~человек, "
                              "а выбыли в Россию 8\\,450 человек.\n")
    assert found[12386] == ("2024", "immigration", "UZB")
    assert found[8450] == ("2024", "emigration", "RUS")
    assert 12 not in found and 386 not in found


def test_latex_marks_keep_the_length_and_leave_plain_text_alone():
    latex = "\\section{X} about 40\\,\\% of 12\\,386 people aged 18--34, No.~477-IV"
    plain = plain_tex(latex)
    assert len(plain) == len(latex)
    assert "40%" in plain and "12 386" in plain and "18\u201334" in plain and "No. 477-IV" in plain
    # near miss: outside LaTeX a tilde is "about" and stays
    assert plain_tex("about ~5,000 people") == "about ~5,000 people"
    assert plain_tex("Rate \\, no digits") == "Rate \\, no digits"


def test_a_latex_footnote_citation_takes_the_adilet_identifier_on_the_next_line(tmp_path):
    found = _citations(tmp_path, "\\section{Law}\n"
                                 "The Law No.~477-IV of 22~July 2011 ``On Population Migration''\n"
                                 "(Adilet: Z1100000477) governs registration.\n")
    law = next(c for c in found if c.get("number") == "477-IV")
    assert law.get("adilet_id") == "Z1100000477"
    assert not any(c.exact == "Z1100000477" for c in found)


# --- tables: a balance column of one partner's flows ----------------------------------------------


def test_a_balance_column_beside_one_partners_flows_is_that_partners(tmp_path):
    found = figures(tmp_path, "Exchange with Uzbekistan, persons\n\n"
                              "Period\tArrivals from Uzbekistan\tDepartures to Uzbekistan\tNet\n"
                              "2023\t4 190\t982\t3 208\n"
                              "2024\t4 420\t1 010\t3 410\n")
    assert found[3208] == ("2023", "net", "UZB")
    assert found[3410] == ("2024", "net", "UZB")


def test_a_balance_column_beside_two_partners_flows_names_no_partner(tmp_path):
    # near miss: arrivals from one country, departures to another
    found = figures(tmp_path, "Migration, persons\n\n"
                              "Period\tArrivals from Uzbekistan\tDepartures to Russia\tNet\n"
                              "2023\t4 190\t9 940\t-5 750\n"
                              "2024\t4 420\t9 100\t-4 680\n")
    assert found[4190] == ("2023", "immigration", "UZB")
    assert -5750 not in found or found[-5750][2] is None


# --- a bulleted line starts a sentence; numbers that are no flows ---------------------------------


def test_a_bullet_after_a_full_stop_ends_the_sentence_and_its_country(tmp_path):
    # Russian bullets: the country of the line above is not that of the next bullet's flow
    found = figures(tmp_path, "Итоги 2024 года\n\n"
                              "• В 2024 году в область прибыли 2 870 человек из Узбекистана.\n"
                              "• Из области за рубеж выбыли 415 человек.\n")
    assert found[2870][2] == "UZB"
    assert found[415][2] is None


def test_a_sentence_running_on_after_a_line_break_keeps_its_country(tmp_path):
    # near miss: a line break without a bullet inside a sentence does not cut it
    found = figures(tmp_path, "В 2024 году из Узбекистана в Казахстан\nприбыли 2 870 человек.\n")
    assert found[2870] == ("2024", "immigration", "UZB")


def test_a_service_line_an_attendance_and_a_day_of_the_month_are_no_counts(tmp_path):
    found = figures(tmp_path, "Справочная линия миграционной службы: 1414.\n"
                              "Present: 12 people.\n"
                              "Отчет представлять до 10 числа месяца, следующего за отчетным.\n"
                              "В 2024 году из Китая прибыли 640 человек.\n")
    assert 1414 not in found and 12 not in found and 10 not in found
    assert found[640] == ("2024", "immigration", "CHN")


def test_a_balance_takes_the_partner_of_the_exchange_named_after_it(tmp_path):
    found = figures(tmp_path, "В 2024 году сальдо составило +1 210 — итог миграционного обмена "
                              "с Таджикистаном.\n")
    assert found[1210][1:] == ("net", "TJK")


def test_a_partner_of_an_exchange_in_another_clause_is_not_the_numbers(tmp_path):
    # near miss: a semicolon between the number and the exchange
    found = figures(tmp_path, "In 2024 the net gain was +1,210; the exchange with Tajikistan was balanced.\n")
    assert found[1210][2] is None


def test_a_table_of_one_cell_per_line_at_the_very_end_of_a_file(tmp_path):
    # no line break after the last cell
    found = figures(tmp_path, "Обмен с Кыргызстаном, человек\n\nПериод\nПрибыло из Кыргызстана\n"
                              "Выбыло в Кыргызстан\n2023\n512\n131\n2024\n470\n109")
    assert found[512] == ("2023", "immigration", "KGZ")
    assert found[109] == ("2024", "emigration", "KGZ")


def test_a_table_of_one_cell_per_line_with_its_source_under_the_last_row(tmp_path):
    # Kazakh, the caption's year, a source line in the same block after the rows
    found = figures(tmp_path, "Кесте 1. Көші-қон, 2024 жыл, адам\n\n"
                              "Ел\nКелгендер\nКеткендер\nРесей\n5 210\n10 270\nҚытай\n1 020\n330\n"
                              "Дереккөз: ҰСБ\n")
    assert found[10270] == ("2024", "emigration", "RUS")
    assert found[1020] == ("2024", "immigration", "CHN")


def test_a_year_in_the_first_row_of_its_block_in_columns_aligned_by_spaces(tmp_path):
    # Russian, a text export aligned by spaces: the blank year cell is only spaces
    found = figures(tmp_path, "Внешняя миграция по кварталам, человек\n\n"
                              "Год    Квартал   Прибыло   Выбыло\n"
                              "2024   I         3 305     3 912\n"
                              "       II        4 118     3 372\n"
                              "2025   I         3 877     2 964\n"
                              "       II        4 260     3 047\n")
    assert found[4118] == ("2024-Q2", "immigration", None)
    assert found[3047] == ("2025-Q2", "emigration", None)


def test_an_indented_part_of_a_row_is_no_merged_cell(tmp_path):
    # near miss: a row indented under a total keeps its own label and takes no key from above
    found = figures(tmp_path, "Migration in 2024, persons\n\n"
                              "Flow                    2024\n"
                              "Arrivals, total         16 990\n"
                              "   from Uzbekistan       4 420\n")
    assert found[4420] == ("2024", "immigration", "UZB")


def test_siunitx_numbers_in_a_latex_tabular(tmp_path):
    found = figures(tmp_path, "\\begin{table}\n\\caption{Emigration by destination, persons}\n"
                              "\\begin{tabular}{lrr}\n\\toprule\nDestination & 2023 & 2024 \\\\\n\\midrule\n"
                              "Russia & \\num{11217} & \\num[group-separator={,}]{8450} \\\\\n"
                              "Germany & \\num{1\\,244} & \\num{910} \\\\\n"
                              "\\bottomrule\n\\end{tabular}\n\\end{table}\n")
    assert found[11217] == ("2023", "emigration", "RUS")
    assert found[8450] == ("2024", "emigration", "RUS")
    assert found[1244] == ("2023", "emigration", "DEU")
    assert plain_tex("\\num{11217} & \\num{1\\,244}") == "11217       & 1 244       "
