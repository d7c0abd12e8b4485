"""The discourse context (loader/extract/discourse.py): a sentence that restates a series takes the
direction and country of the figure it echoes, within explicit limits; one fixture per rule, each
with the near miss that must not change."""

from __future__ import annotations

from .conftest import extracted_figures as figures


def test_a_restatement_takes_the_country_of_the_series_with_its_own_direction(tmp_path):
    found = figures(tmp_path, "В 2024 году из Туркменистана в Казахстан переехали 2 310 человек, а из "
                              "Казахстана в Туркменистан — 190 человек.\n\n"
                              "Годом ранее приток в Казахстан составлял 2 045 человек.\n")
    assert found[2310] == ("2024", "immigration", "TKM")
    assert found[190] == ("2024", "emigration", "TKM")
    assert found[2045] == ("2023", "immigration", "TKM")


def test_a_restatement_echoes_the_sentence_it_shares_words_with_not_the_nearest(tmp_path):
    found = figures(tmp_path, "В 2022 году статус кандаса получили 16 300 этнических казахов. Больше всего "
                              "из Узбекистана — 7 100 человек и из Монголии — 2 650.\n\n"
                              "Для сравнения: в 2021 году статус получили 11 900 человек.\n")
    assert found[11900] == ("2021", "immigration", None)
    assert found[2650][2] == "MNG"


def test_with_no_shared_words_the_paragraphs_lead_series_is_echoed_not_its_breakdown(tmp_path):
    found = figures(tmp_path, "In 2021, 8,400 people emigrated from Kazakhstan. Of them, 5,120 left for "
                              "Russia and 960 for Germany. A year earlier the figure was 9,050.\n")
    assert found[960][2] == "DEU"
    assert found[9050] == ("2020", "emigration", None)


def test_a_sentence_that_is_not_a_restatement_keeps_no_country_it_does_not_name(tmp_path):
    found = figures(tmp_path, "In 2023, 4,200 people arrived from Uzbekistan. In 2024 arrivals totalled "
                              "12,700 people.\n")
    assert found[4200] == ("2023", "immigration", "UZB")
    assert found[12700] == ("2024", "immigration", None)


def test_the_context_is_reset_two_paragraphs_on(tmp_path):
    found = figures(tmp_path, "В 2023 году в Казахстан из Китая переехали 3 300 человек.\n\n"
                              "Рынок труда\n\n"
                              "Численность работников составила 9 100 человек.\n\n"
                              "Для сравнения, в 2022 году учтено 8 700 человек.\n")
    assert found[3300] == ("2023", "immigration", "CHN")
    assert found.get(8700, (None, None, None))[2] is None


def test_a_kazakh_restatement_marker_carries_the_series(tmp_path):
    found = figures(tmp_path, "2024 жылы Қазақстанға Өзбекстаннан 5 140 адам көшіп келді.\n\n"
                              "Бір жыл бұрын бұл көрсеткіш 4 870 адам болды.\n")
    assert found[5140] == ("2024", "immigration", "UZB")
    assert found[4870] == ("2023", "immigration", "UZB")
