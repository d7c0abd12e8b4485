"""The loader on the causes of the misses of blind round 30 (blindD; benchmarks/gold/README.md,
"Issue 16, sixth round"), each in its general form, in phrasings no gold document has. One
fixture per mechanism, each with a near miss that must not change."""

from __future__ import annotations

from kzmig_kg.loader.extract import extract_document

from .conftest import extracted_figures as figures


def _citations(tmp_path, text: str) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [i for i in extract_document(path).all_items() if i.kind == "citation"]


def test_direction_column_headers_take_the_year_of_the_caption_not_its_publication_date(tmp_path):
    found = figures(tmp_path, "Миграция населения по странам, 2024 год, человек\n"
                              "Дата публикации: 14 февраля 2025 года\n\n"
                              "Страна        Прибыло   Выбыло    Сальдо\n"
                              "Россия          5 020    8 960    -3 940\n"
                              "Узбекистан      4 615      310     4 305\n"
                              "Всего          16 350   12 870     3 480\n\n"
                              "Көші-қон елдер бойынша, 2023 жыл, адам\n"
                              "Жарияланған күні: 2024 жылғы 12 наурыз\n\n"
                              "Ел               Келгендер   Кеткендер    Сальдо\n"
                              "Қытай                2 110         150     1 960\n"
                              "Барлық елдер        14 210      11 050     3 160\n")
    assert found[5020] == ("2024", "immigration", "RUS")
    assert found[8960] == ("2024", "emigration", "RUS")
    assert found[-3940] == ("2024", "net", "RUS")
    assert found[12870] == ("2024", "emigration", None)
    assert found[2110] == ("2023", "immigration", "CHN")
    assert found[150] == ("2023", "emigration", "CHN")
    assert found[1960] == ("2023", "net", "CHN")
    assert found[14210] == ("2023", "immigration", None)       # "Барлық елдер": a total row
    assert found[3160] == ("2023", "net", None)


def test_a_caption_dated_only_by_a_calendar_date_keeps_that_year(tmp_path):
    # near miss: no year outside the date, so the date's year is the table's
    found = figures(tmp_path, "Migration by partner country as of 1 July 2024, persons\n\n"
                              "Country     Arrivals   Departures    Net\n"
                              "Russia         5,020        8,960  -3,940\n"
                              "China          2,030          140   1,890\n")
    assert found[5020] == ("2024", "immigration", "RUS")
    assert found[1890] == ("2024", "net", "CHN")
