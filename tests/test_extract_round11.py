"""The loader on the causes of the misses of blind rounds 39-40 (blindM, blindN; benchmarks/gold/
README.md, "Fixes after rounds 39-40, by cause"), each in its general form, in phrasings, layouts
and languages no gold document has. One fixture per mechanism, each with a near miss."""

from __future__ import annotations

from .conftest import extracted_figures as figures

# --- tables: a group label centred over its columns ---------------------------------------------


def test_a_direction_centred_over_its_years_heads_every_column_under_it(tmp_path):
    # Russian labels, each direction centred over two years and a change column
    found = figures(tmp_path, "Миграция по странам, человек\n\n"
                              "                         Прибывшие                       Выбывшие\n"
                              "Страна          2023      2024   изменение      2023      2024   изменение\n"
                              "Россия          6 120     5 980     -140       11 300    10 870     -430\n"
                              "Киргизия          830       910      +80          240       255      +15\n")
    assert found[6120] == ("2023", "immigration", "RUS")
    assert found[11300] == ("2023", "emigration", "RUS")
    assert found[10870] == ("2024", "emigration", "RUS")
    assert found[240] == ("2023", "emigration", "KGZ")
    assert 140 not in found and 430 not in found


def test_a_group_label_starting_at_its_first_column_still_heads_the_columns_after_it(tmp_path):
    # near miss: labels aligned left over their columns keep the old rule
    found = figures(tmp_path, "International migration, persons\n\n"
                              "                 Arrivals                      Departures\n"
                              "Country          2023      2024      2025      2023      2024\n"
                              "Russia           5 210     5 150     5 020     10 270    9 940\n")
    assert found[5020] == ("2025", "immigration", "RUS")
    assert found[10270] == ("2023", "emigration", "RUS")
    assert found[9940] == ("2024", "emigration", "RUS")


# --- tables: a LaTeX tabular ----------------------------------------------------------------------


def test_a_latex_tabular_is_read_as_a_grid(tmp_path):
    # Russian caption, \hline rules, years as columns, a bold total row
    found = figures(tmp_path, "\\begin{table}[h]\n"
                              "\\caption{Выбывшие из Казахстана по странам, человек}\n"
                              "\\begin{tabular}{|l|r|r|}\n"
                              "\\hline\n"
                              "Страна & 2023 & 2024 \\\\\n"
                              "\\hline\n"
                              "Германия & 2 410 & 2 285 \\\\\n"
                              "Беларусь & 515 & 498 \\\\\n"
                              "\\textbf{Всего} & 15 330 & 14 920 \\\\\n"
                              "\\hline\n"
                              "\\end{tabular}\n"
                              "\\end{table}\n")
    assert found[2410] == ("2023", "emigration", "DEU")
    assert found[498] == ("2024", "emigration", "BLR")
    assert found[14920][:2] == ("2024", "emigration")


def test_a_multicolumn_direction_heads_the_years_under_it(tmp_path):
    found = figures(tmp_path, "\\begin{tabular}{lrrrr}\n"
                              "\\toprule\n"
                              "        & \\multicolumn{2}{c}{Immigrants} & "
                              "\\multicolumn{2}{c}{Emigrants} \\\\\n"
                              "\\cmidrule(lr){2-3} \\cmidrule(lr){4-5}\n"
                              "Country & 2022 & 2023        & 2022 & 2023 \\\\\n"
                              "\\midrule\n"
                              "Turkey  & 640  & 702         & 388  & 415 \\\\\n"
                              "\\bottomrule\n"
                              "\\end{tabular}\n")
    assert found[702] == ("2023", "immigration", "TUR")
    assert found[388] == ("2022", "emigration", "TUR")


def test_a_latex_tabular_of_shares_gives_no_flow(tmp_path):
    # near miss: a column of shares is no count
    found = figures(tmp_path, "\\begin{tabular}{lr}\n"
                              "\\hline\n"
                              "Country & Share of emigrants, \\% \\\\\n"
                              "\\hline\n"
                              "Russia & 71.4 \\\\\n"
                              "Germany & 12.9 \\\\\n"
                              "\\hline\n"
                              "\\end{tabular}\n")
    assert 71.4 not in found and 12.9 not in found


# --- JSON records pasted as text ------------------------------------------------------------------


def test_json_records_one_per_line_are_a_long_form_table(tmp_path):
    # English keys; a count that looks like a year (1990) stays a count under a direction's key
    found = figures(tmp_path, "Response of the statistics API (persons):\n"
                              "[\n"
                              '  {"year": 2023, "to": "Kyrgyzstan", "arrivals": 1990, "departures": 310},\n'
                              '  {"year": 2024, "to": "Kyrgyzstan", "arrivals": 2105, "departures": 298},\n'
                              '  {"year": 2024, "to": "Turkey", "arrivals": 402, "departures": 1776}\n'
                              "]\n")
    assert found[1990] == ("2023", "immigration", "KGZ")
    assert found[310] == ("2023", "emigration", "KGZ")
    assert found[1776] == ("2024", "emigration", "TUR")


def test_json_records_of_no_flow_give_no_figure(tmp_path):
    # near miss: records of population and shares name no direction
    found = figures(tmp_path, "[\n"
                              '  {"year": 2024, "obl": "Kostanay", "pop": 826400, "urban_%": 54.1},\n'
                              '  {"year": 2025, "obl": "Kostanay", "pop": 822900, "urban_%": 54.3}\n'
                              "]\n")
    assert all(direction is None for _, direction, _ in found.values())


# --- a table of acts: title, date, number and identifier in cells of their own ------------------


def _citations(tmp_path, text: str) -> list:
    from kzmig_kg.loader.extract import extract_document

    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [i for i in extract_document(path).all_items() if i.kind == "citation"]


def test_each_row_of_a_table_of_acts_is_one_citation_in_any_column_order(tmp_path):
    # Russian, the number bare under "Номер", the identifier before the title, tabs between cells
    found = _citations(tmp_path, "Перечень нормативных правовых актов\n\n"
                                 "п/п\tНомер\tКод\tНаименование\tДата принятия\n"
                                 "1\t477-IV\tZ1100000477\tЗакон Республики Казахстан «О миграции населения»\t"
                                 "22.07.2011\n"
                                 "2\t961\tP2200000961\tПостановление Правительства Республики Казахстан\t"
                                 "30.11.2022\n")
    fields = sorted((c.fields.get("number"), c.fields.get("year"), c.fields.get("act_type"),
                     c.fields.get("adilet_id")) for c in found)
    assert fields == [("477-IV", 2011, "law", "Z1100000477"),
                      ("961", 2022, "government-resolution", "P2200000961")]


def test_a_numbered_row_of_no_act_is_no_citation(tmp_path):
    # near miss: a row numbered "No. 3" whose cells name no act
    found = _citations(tmp_path, "| Item | Country | Persons |\n"
                                 "|---|---|---|\n"
                                 "| No. 3 | Russia | 9,940 |\n")
    assert found == []


# --- time: an ordinal whose noun (quarter, half) is left out -------------------------------------


def test_an_ordinal_after_a_stated_quarter_is_the_next_quarter(tmp_path):
    found = figures(tmp_path, "Migration report, 2024.\n\n"
                              "In the first quarter of 2024, 1,240 people left for Germany, "
                              "in the second – 1,310, in the third – 1,180.\n")
    assert found[1240] == ("2024-Q1", "emigration", "DEU")
    assert found[1310] == ("2024-Q2", "emigration", "DEU")
    assert found[1180] == ("2024-Q3", "emigration", "DEU")


def test_an_ordinal_with_a_noun_of_its_own_is_no_quarter(tmp_path):
    # near miss: "the second wave" names its own noun, so 2,050 keeps the quarter stated before it
    found = figures(tmp_path, "Migration report, 2024.\n\n"
                              "In the first quarter of 2024 emigrants to Germany numbered 1,240; "
                              "the second wave of departures brought 2,050 more.\n")
    assert found[1240] == ("2024-Q1", "emigration", "DEU")
    assert found.get(2050, ("2024-Q1",))[0] != "2024-Q2"


# --- direction: the route, counted by the other country ------------------------------------------


def test_arrivals_in_another_country_from_kazakhstan_are_emigration(tmp_path):
    found = figures(tmp_path, "Mirror data, 2026.\n\n"
                              "In 2024 the German statistical office counted 4,100 arrivals from "
                              "Kazakhstan to Germany. Kazakhstan's bureau recorded 2,650 departures "
                              "to Germany.\n")
    # the German office's own count keeps its reporter (area DEU, partner KAZ; the round-15 decision,
    # tests/test_extract_round15.py): the mirror of Kazakhstan's emigration to Germany
    assert found[4100] == ("2024", "immigration", "KAZ")
    assert found[2650][1:] == ("emigration", "DEU")


def test_departures_from_another_country_to_kazakhstan_are_immigration(tmp_path):
    # near miss: the route back decides the other way; a verb of arriving with no route stays
    found = figures(tmp_path, "Mirror data, 2026.\n\n"
                              "In 2024 Rosstat recorded 12,950 departures from Russia to Kazakhstan, "
                              "while 4,860 people arrived from Russia.\n")
    assert found[12950] == ("2024", "emigration", "KAZ")      # Rosstat's count: Russia's departures
    assert found[4860][1:] == ("immigration", "RUS")


# --- citations: a Russian federal law's number keeps its kind -------------------------------------


def test_a_federal_laws_number_keeps_its_kind(tmp_path):
    found = _citations(tmp_path, "Foreign workers in Russia are governed by Federal Law No. 115-FZ of "
                                 "25 July 2002 and registered under Федеральный закон от 18.07.2006 "
                                 "№ 109-ФЗ.\n")
    assert sorted(c.fields.get("number") for c in found) == ["109-ФЗ", "115-FZ"]


def test_a_kazakh_laws_convocation_number_is_unchanged(tmp_path):
    # near miss: a number with its convocation stays as it was
    found = _citations(tmp_path, "The Law of the Republic of Kazakhstan No. 477-IV of 22 July 2011 "
                                 "applies.\n")
    assert [c.fields.get("number") for c in found] == ["477-IV"]


# --- ages: a range "N бен M жас", "age (N to M)", "N жасқа дейін" --------------------------------


def test_the_ends_of_an_age_range_are_no_counts(tmp_path):
    found = figures(tmp_path, "Көші-қон, 2024 жыл.\n\n"
                              "2024 жылы Ресейге 1 250 адам көшіп кетті. Олардың жартысы 20 мен 39 жас "
                              "аралығындағы азаматтар, ал үштен бірі 25 жасқа дейінгі жастар.\n\n"
                              "Most of the 2,480 people who left for Germany in 2024 were of working "
                              "age (18 to 63).\n")
    assert found[1250] == ("2024", "emigration", "RUS")
    assert found[2480] == ("2024", "emigration", "DEU")
    assert not {20, 39, 25, 18, 63} & set(found)


def test_two_counts_joined_by_and_stay_counts(tmp_path):
    # near miss: "и"/"мен" between two counts of people is no range of ages
    found = figures(tmp_path, "В 2024 году из Китая и Монголии прибыли 1 240 и 980 человек соответственно.\n")
    assert found[1240] == ("2024", "immigration", "CHN")
    assert found[980] == ("2024", "immigration", "MNG")


# --- an abbreviated Government resolution; the members of a body ---------------------------------


def test_an_abbreviated_government_resolution_is_cited(tmp_path):
    found = _citations(tmp_path, "Правила утверждены ПП РК от 21.01.2012 № 148; см. также "
                                 "ПП № 1146 от 31.12.2022.\n")
    assert sorted((c.fields.get("number"), c.fields.get("act_type")) for c in found) == \
        [("1146", "government-resolution"), ("148", "government-resolution")]


def test_members_of_a_working_group_are_no_flow(tmp_path):
    found = figures(tmp_path, "Протокол заседания, 2026 год.\n\n"
                              "На заседании присутствовали 11 членов рабочей группы. В 2025 году "
                              "из Узбекистана прибыли 4 615 человек.\n")
    assert 11 not in found
    assert found[4615] == ("2025", "immigration", "UZB")


def test_pp_as_a_word_of_another_meaning_is_no_citation(tmp_path):
    # near miss: "ПП" with no date or number after it names no act
    assert _citations(tmp_path, "Раздел ПП и сводная таблица обновлены.\n") == []


# --- a difference is no count ---------------------------------------------------------------------


def test_a_number_lower_than_a_year_before_is_a_difference(tmp_path):
    found = figures(tmp_path, "Migration report, 2025.\n\n"
                              "In 2025, 2,310 people arrived from China, 420 higher than in 2024.\n")
    assert found[2310] == ("2025", "immigration", "CHN")
    assert 420 not in found


def test_a_count_followed_by_a_comparison_stays_a_count(tmp_path):
    # near miss: "more than a year before" after a comma compares; the number before it is a count
    found = figures(tmp_path, "Migration report, 2025.\n\n"
                              "In 2025, 2,480 people left for Germany, more than a year before.\n")
    assert found[2480] == ("2025", "emigration", "DEU")
