"""The loader on the causes of the false positives left after round 28 (benchmarks/gold/README.md,
"Round 29"): numbers that are not migration counts. One fixture per mechanism, each with a near
miss that must not change."""

from __future__ import annotations

from kzmig_kg.loader.extract import extract_document

from .conftest import extracted_figures as figures


def _items(tmp_path, text: str) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [i for i in extract_document(path).all_items() if i.kind == "figure"]


def test_a_duration_or_an_age_in_russian_or_kazakh_is_no_count(tmp_path):
    found = figures(tmp_path, "В 2024 году из Казахстана выехали 15 300 человек. Регламент — до 10 "
                              "минут.\n\n2024 жылы елден 9 940 адам көшіп кетті. Көшіп кеткендердің "
                              "жартысы 18-34 жас аралығындағы жастар, 25 жастағы түлектер.\n")
    assert found[15300] == ("2024", "emigration", None)
    assert found[9940] == ("2024", "emigration", None)
    assert set(found) == {15300, 9940}


def test_a_telephone_number_after_its_label_is_no_count(tmp_path):
    found = figures(tmp_path, "In 2024, 4,120 migrants arrived from Uzbekistan. Helpline: 1414.\n\n"
                              "Анықтама телефоны: 1414. 2024 жылы 1 414 қандас келді.\n")
    assert found[4120] == ("2024", "immigration", "UZB")
    assert found[1414] == ("2024", "immigration", None)     # the count with its unit, not the number
    assert sum(1 for i in _items(tmp_path, "Анықтама телефоны: 1414. 2024 жылы 1 414 қандас келді.\n")
               if i.get("value") == 1414) == 1


def test_a_population_is_an_indicator_without_a_direction(tmp_path):
    items = _items(tmp_path, "In 2024, 12,400 people left Kazakhstan for Russia. Kazakhstan, a country "
                             "of 20 million people, received remittances.\n\nЧисленность населения "
                             "области на 1 января 2025 года составила 525 тысяч человек. Из области "
                             "выехали 15 000 человек.\n")
    by_value = {i.get("value"): i for i in items}
    assert by_value[20000000].get("measure") == "population"
    assert by_value[20000000].get("direction") is None
    assert by_value[525000].get("measure") == "population"
    assert by_value[525000].get("direction") is None
    # near misses: the flows beside them keep their direction
    assert by_value[12400].get("direction") == "emigration"
    assert by_value[15000].get("direction") == "emigration"


def test_a_heading_with_a_sub_year_period_dates_the_list_under_it(tmp_path):
    found = figures(tmp_path, "Key numbers, January-June 2024\n• Arrived: 6,420\n• Left: 5,870\n"
                              "• Net: +550\n\nASTANA, 14 February 2025. In 2024, 9,940 people left "
                              "for Russia.\n")
    assert found[6420] == ("2024-H1", "immigration", None)
    assert found[5870] == ("2024-H1", "emigration", None)
    assert found[550] == ("2024-H1", "net", None)
    # near miss: a dateline's day still dates the text, not the figures
    assert found[9940] == ("2024", "emigration", "RUS")


def test_net_as_the_label_of_a_list_line_is_the_balance(tmp_path):
    found = figures(tmp_path, "In 2024:\n- arrivals: 18,140\n- departures: 13,690\n- net: 4,450\n"
                              "- the network of centres served 2,300 of the arrivals\n")
    assert found[4450] == ("2024", "net", None)
    assert found[13690] == ("2024", "emigration", None)
    assert found[2300][1] != "net"      # "network" is no label of a balance


def test_a_restatement_marker_restates_its_own_number_and_echoes_its_paragraph(tmp_path):
    found = figures(tmp_path, "Top destinations were Russia (9,940), Germany (1,020) and Belarus "
                              "(310).\n\nIn the first nine months of 2024, emigration totalled "
                              "10,400, against 11,900 a year earlier.\n\nEmigration to Russia was "
                              "8,940 in 2024. A year earlier the figure was 11,200.\n")
    assert found[9940][1:] == ("emigration", "RUS")
    # a total and the number it is compared with take no country from the paragraph before
    assert found[10400] == ("2024-9M", "emigration", None)
    assert found[11900] == ("2023-9M", "emigration", None)
    # near miss: a sentence that restates the series of its own paragraph keeps its country
    assert found[11200] == ("2023", "emigration", "RUS")
