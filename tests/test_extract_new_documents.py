"""The loader on documents it was not tuned on: one fixture per pattern of issue #16 (periods
carried forward, quarters and half-years, comparisons, scale words, ranked lists, tables in the
text, Russian legal references, footnotes and Adilet identifiers, a year never read as a count)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzmig_kg.loader.extract import DocumentError, extract_document


def figures(tmp_path: Path, text: str, **options) -> dict:
    """The figures of a document, by value: (period, direction, country, inferred)."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    found = {}
    for item in extract_document(path, **options).all_items():
        if item.kind == "figure" and item.get("value") is not None:
            found[item.get("value")] = (item.get("period"), item.get("direction"), item.get("country"),
                                        item.get("inferred"))
    return found


def citations(tmp_path: Path, text: str) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [i for i in extract_document(path).all_items() if i.kind == "citation"]


def test_a_period_stated_once_in_the_lead_is_carried_through_the_document(tmp_path):
    found = figures(tmp_path, "In the first quarter of 2022, 3,976 people left Kazakhstan.\n\n"
                              "Most of them went to Russia: 2,915 people.\n\n"
                              "Arrivals reached 2,841 people.\n")
    assert found[3976][:2] == ("2022-Q1", "emigration")
    assert found[2915][:3] == ("2022-Q1", "emigration", "RUS")
    assert found[2915][3]["period"] == "document"
    assert found[2841][:2] == ("2022-Q1", "immigration")


def test_quarters_half_years_month_ranges_and_nine_months_are_periods(tmp_path):
    found = figures(tmp_path, "In the first half of 2023, 7,900 people arrived. In the second quarter "
                              "alone, arrivals numbered 4,350. In January-June 2023, 10,652 ethnic Kazakhs "
                              "returned. Over the first nine months of 2023, 15,020 people arrived.\n")
    assert found[7900][0] == "2023-H1"
    assert found[4350][0] == "2023-Q2"          # the year from the period around it
    assert found[10652][0] == "2023-H1"
    assert found[15020][0] == "2023-9M"


def test_russian_quarters_and_half_years(tmp_path):
    found = figures(tmp_path, "В первом полугодии 2023 года в республику прибыли 7 910 человек. "
                              "В третьем квартале 2023 года выбыли 3 402 человека.\n")
    assert found[7910][:2] == ("2023-H1", "immigration")
    assert found[3402][:2] == ("2023-Q3", "emigration")


def test_a_figure_against_an_earlier_period_keeps_its_own_period_and_does_not_carry_it(tmp_path):
    found = figures(tmp_path, "In the first quarter of 2022, 4,000 people left.\n\nMost went to Russia: "
                              "2,915 people, against 3,540 in the first quarter of 2021. Germany "
                              "received 212 emigrants.\n")
    assert found[3540][:3] == ("2021-Q1", "emigration", "RUS")
    assert found[212][:3] == ("2022-Q1", "emigration", "DEU")


def test_the_same_period_and_a_year_earlier_take_the_part_or_year_around_them(tmp_path):
    found = figures(tmp_path, "In January-June 2023, 10,652 ethnic Kazakhs returned. In the same period "
                              "of 2022 the figure was 8,721.\n\nВ 2021 году выехали 26 717 человек. "
                              "Годом ранее выехали 25 126 человек.\n")
    assert found[8721][0] == "2022-H1"
    assert found[25126][:2] == ("2020", "emigration")


def test_thousand_and_over_without_a_unit(tmp_path):
    found = figures(tmp_path, "In 2023, 7.9 thousand people moved to Kazakhstan, while 6.2 thousand left "
                              "the country. Over 1,100 of the newcomers came from Uzbekistan. В 2021 году "
                              "прибыли 11,4 тыс. человек.\n")
    assert found[7900][:2] == ("2023", "immigration")
    assert found[6200][:2] == ("2023", "emigration")
    assert found[1100][1:3] == ("immigration", "UZB")
    assert found[11400][:2] == ("2021", "immigration")


def test_a_year_is_never_read_as_a_count(tmp_path):
    found = figures(tmp_path, "In 2022 arrivals stood at 16,700 people. In 2021 departures to Germany "
                              "reached 3,138 people.\n")
    assert 2022 not in found and 2021 not in found
    assert found[16700][:2] == ("2022", "immigration")
    assert found[3138][:3] == ("2021", "emigration", "DEU")


def test_ranked_lists_pair_each_country_with_its_number(tmp_path):
    found = figures(tmp_path, "In 2021 most emigrants went to Russia (26,717 people), followed by Germany "
                              "(617 people), Poland (125 people) and the United States (98 people).\n")
    assert found[617][:3] == ("2021", "emigration", "DEU")
    assert found[125][:3] == ("2021", "emigration", "POL")
    assert found[98][:3] == ("2021", "emigration", "USA")


def test_net_outflow_is_negative(tmp_path):
    assert figures(tmp_path, "In 2022 the net outflow was 1,135 people.\n")[-1135][:2] == ("2022", "net")


@pytest.mark.parametrize("separator", ["   ", "\t"])
def test_tables_with_a_header_row_of_years_and_a_country_per_row(tmp_path, separator):
    rows = [["Country", "2020", "2021"], ["Russia", "25 126", "26 717"], ["Germany", "2 302", "3 138"],
            ["Total", "29 088", "31 200"]]
    table = "\n".join(separator.join(row) for row in rows)
    found = figures(tmp_path, f"Table 1. Emigrants from Kazakhstan by country of destination\n\n{table}\n")
    assert found[25126][:3] == ("2020", "emigration", "RUS")
    assert found[3138][:3] == ("2021", "emigration", "DEU")
    assert found[31200][:3] == ("2021", "emigration", None)
    assert found[26717][3] == {"period": "table", "country": "table", "direction": "table"}


def test_a_table_in_thousands_of_net_migration(tmp_path):
    found = figures(tmp_path, "Net migration by partner country, thousand persons\n\nCountry\t2021\t2022\n"
                              "Russia\t-21.3\t-17.9\nUzbekistan\t1.9\t2.4\n")
    assert found[-21300][:3] == ("2021", "net", "RUS")
    assert found[2400][:3] == ("2022", "net", "UZB")


def test_russian_legal_references_with_date_number_and_adilet_identifier(tmp_path):
    [law, code] = citations(tmp_path, "Закон Республики Казахстан от 22 июля 2011 года № 477-IV «О миграции "
                                      "населения» (Adilet: Z1100000477) и Кодекс Республики Казахстан об "
                                      "административных правонарушениях от 5 июля 2014 года № 235-V.\n")
    assert (law.get("act_type"), law.get("number"), law.get("year"), law.get("date"),
            law.get("adilet_id")) == ("law", "477-IV", 2011, "2011-07-22", "Z1100000477")
    assert (code.get("act_type"), code.get("number"), code.get("year")) == ("code", "235-V", 2014)


def test_footnote_marks_give_their_citation_the_adilet_identifier_of_the_note(tmp_path):
    found = citations(tmp_path, 'The Law of the Republic of Kazakhstan No. 477-IV of 22 July 2011 "On '
                                'Population Migration"[1] and the Code on Administrative Offences (No. '
                                '235-V of 5 July 2014)² apply.\n\nNotes\n[1] Adilet identifier Z1100000477.\n'
                                '² Adilet identifier K1400000235.\n')
    assert [(c.get("number"), c.get("year"), c.get("adilet_id")) for c in found] == \
        [("477-IV", 2011, "Z1100000477"), ("235-V", 2014, "K1400000235")]


def test_an_adilet_identifier_alone_is_a_citation_of_its_own(tmp_path):
    [alone] = citations(tmp_path, "See also Adilet document V1900018546 for the rules.\n")
    assert (alone.get("adilet_id"), alone.get("form"), alone.get("number")) == ("V1900018546", "adilet", None)


def test_a_bad_document_date_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("In 2022, 10 people left.\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"doc\.txt.*document date '14/05/2022'.*YYYY-MM-DD"):
        extract_document(path, document_date="14/05/2022")


def test_kazakh_quarters_people_and_directions(tmp_path):
    found = figures(tmp_path, "2022 жылдың бірінші тоқсанында Қазақстанға 3 450 адам келді, ал 5 120 адам "
                              "елден кетті. Ресейге 4 010 адам көшті.\n")
    assert found[3450][:2] == ("2022-Q1", "immigration")
    assert found[5120][:2] == ("2022-Q1", "emigration")
    assert found[4010][:3] == ("2022-Q1", "emigration", "RUS")


def test_a_russian_act_of_a_state_named_by_its_title_takes_the_year_it_was_adopted(tmp_path):
    [law] = citations(tmp_path, "Основы установлены Законом Кыргызской Республики «О внешней миграции», "
                                "принятым Жогорку Кенешем в 2000 году.\n")
    assert (law.get("act_type"), law.get("number"), law.get("year"), law.get("jurisdiction")) == \
        ("law", None, 2000, "KGZ")


def test_a_period_of_comparison_is_not_the_period_of_the_figures_after_it(tmp_path):
    found = figures(tmp_path, "За январь-ноябрь 2023 года выехали 8,7 тыс. человек, что на 20% меньше, чем "
                              "годом ранее. В Россию переехали 6 102 человека.\n")
    assert found[8700][:2] == ("2023-M01-M11", "emigration")
    assert found[6102][:3] == ("2023-M01-M11", "emigration", "RUS")


def test_a_section_number_is_not_a_count(tmp_path):
    found = figures(tmp_path, "3. Results\n\n3.2 Arrivals from Russia jumped to 8,450 in 2022.\n")
    assert list(found) == [8450]


def test_the_first_six_months_and_the_same_six_months_are_half_years(tmp_path):
    found = figures(tmp_path, "Kazakhstan received some 6,800 immigrants in the first six months of 2023.\n\n"
                              "Uzbekistan topped the list with 3,100 arrivals.\n\nNearly 5,900 people "
                              "emigrated over the same six months. За первые три месяца 2024 года прибыли "
                              "2 100 человек.\n")
    assert found[6800][:2] == ("2023-H1", "immigration")
    assert found[3100][:3] == ("2023-H1", "immigration", "UZB")
    assert found[5900][:2] == ("2023-H1", "emigration")
    assert found[2100][:2] == ("2024-Q1", "immigration")


def test_up_from_n_a_year_earlier_and_minus_n(tmp_path):
    found = figures(tmp_path, "The service registered 17,240 foreigners who arrived in 2023, up from 16,220 "
                              "a year earlier.\n\nThe net migration balance reached minus 4,900 people.\n")
    assert found[17240][:2] == ("2023", "immigration")
    assert found[16220][:2] == ("2022", "immigration")
    assert found[-4900][:2] == ("2023", "net")            # "a year earlier" is not carried on


def test_a_named_code_with_its_date_and_number_in_brackets(tmp_path):
    [code] = citations(tmp_path, "Уголовный кодекс Республики Казахстан (от 3 июля 2014 года № 226-V ЗРК).\n")
    assert (code.get("act_type"), code.get("number"), code.get("year")) == ("code", "226-V", 2014)


def test_a_title_citation_with_rk_takes_the_adilet_identifier_in_square_brackets(tmp_path):
    [law] = citations(tmp_path, "Порядок определён Законом РК «О миграции населения» [Z1100000477].\n")
    assert (law.get("act_type"), law.get("adilet_id"), law.get("jurisdiction")) == \
        ("law", "Z1100000477", "KAZ")


def test_h1_notation_and_a_russian_difference_and_comparison(tmp_path):
    found = figures(tmp_path, "Immigration rose to 9,450 people in H1 2024.\n\nEmigration fell to 7,020 "
                              "people.\n\nПо итогам 2023 года прибыли 17,2 тыс. человек, что на 4,1 тыс. "
                              "больше, чем в 2022 году. Выбыли 22,1 тыс. человек.\n")
    assert found[9450][:2] == ("2024-H1", "immigration")
    assert found[7020][:2] == ("2024-H1", "emigration")
    assert found[22100][:2] == ("2023", "emigration")
    assert 4100 not in found


def test_last_year_counts_from_the_document_date_and_spaced_thousands_without_a_unit(tmp_path):
    found = figures(tmp_path, "Число иммигрантов в 2022 году выросло до 16,7 тыс. человек. Эмигрантов стало "
                              "меньше: 19,2 тыс. против 29,1 тыс. годом ранее.\n\nВ Германию в прошлом году "
                              "уехали 2 980 человек, в Россию — 15 010.\n", document_date="2023-02-10")
    assert found[29100][:2] == ("2021", "emigration")
    assert found[2980][:3] == ("2022", "emigration", "DEU")
    assert found[15010][:3] == ("2022", "emigration", "RUS")


def test_received_n_and_m_respectively(tmp_path):
    found = figures(tmp_path, "In 2022, 14,900 residents emigrated. Germany and Russia received 1,100 and "
                              "11,800 of them respectively.\n")
    assert found[1100][:3] == ("2022", "emigration", "DEU")
    assert found[11800][:3] == ("2022", "emigration", "RUS")


def test_russian_moves_into_and_out_of_the_country_and_a_destination_after_the_verb(tmp_path):
    found = figures(tmp_path, "В январе–сентябре 2023 года в Казахстан переехали более 12 тысяч человек, а "
                              "выехали из страны 14,3 тысячи.\n\nПочти половина уехавших, 6 950 человек, "
                              "направилась в Россию; в Германию переселились 1 240 человек.\n")
    assert found[12000][:2] == ("2023-9M", "immigration")
    assert found[14300][:2] == ("2023-9M", "emigration")
    assert found[6950][:3] == ("2023-9M", "emigration", "RUS")
    assert found[1240][:3] == ("2023-9M", "emigration", "DEU")


def test_a_table_with_a_row_per_year_and_a_column_per_country(tmp_path):
    found = figures(tmp_path, "Emigration by destination, persons\n\nYear     Russia    Germany\n"
                              "2020     25 126    2 302\n2021     26 717    3 138\n")
    assert found[25126][:3] == ("2020", "emigration", "RUS")
    assert found[3138][:3] == ("2021", "emigration", "DEU")


def test_the_dateline_is_not_the_period_and_in_year_may_end_a_long_clause(tmp_path):
    found = figures(tmp_path, "ASTANA, 11 January 2024. A total of 18,100 ethnic Kazakhs returned to the "
                              "country and were granted kandas status in 2023, down from 24,600 in 2022.\n\n"
                              "Most of the returnees came from Uzbekistan (9,400).\n")
    assert found[18100][:2] == ("2023", "immigration")
    assert found[24600][:2] == ("2022", "immigration")
    assert found[9400][:3] == ("2023", "immigration", "UZB")
