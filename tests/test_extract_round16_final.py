"""The loader on the causes of the figure misses of the sets written after the twelfth round
(blindC3, blindD3, blindE3; benchmarks/gold/README.md, "Written after the round"), each in its
general form, in another language or layout than the gold document's, with a near miss that must
not fire."""

from __future__ import annotations

from pathlib import Path

from kzmig_kg.loader.extract import extract_document


def flows(tmp_path: Path, text: str, **options) -> dict:
    """The flows found in ``text``, by value: (period, direction, partner)."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return {i.get("value"): (i.get("period"), i.get("direction"), i.get("country"))
            for i in extract_document(path, **options).all_items()
            if i.kind == "figure" and i.get("value") is not None and i.get("unit") != "percent"
            and i.get("measure") == "flow"}


_DISTRICTS = ("Table 1. Arrivals from and departures to countries outside Kazakhstan, by district\n"
              "persons\n\n"
              "District / town              Arrivals   Departures   Balance\n"
              "Aksu city                         312          288        24\n"
              "Ekibastuz city                    137          296      -159\n"
              "Region, total                     958        1 612      -654\n\n"
              "Most of those who left went abroad for good, 96 people moved to Germany.\n")


def test_a_table_dated_only_by_the_title_after_its_subject_comma(tmp_path):
    text = ("Department of Statistics of Pavlodar Region\n\n"
            "External migration of the population of Pavlodar region, January-June 2025\n"
            "Release date: 14 August 2025\n\n"
            "In the first half of the year the exchange of population with other countries "
            "stayed negative.\n\n"
            + _DISTRICTS)
    found = flows(tmp_path, text, document_date="2025-08-14", language="en")
    assert found[312] == ("2025-H1", "immigration", None)
    assert found[296] == ("2025-H1", "emigration", None)
    assert found[-654] == ("2025-H1", "net", None)
    assert found[96] == ("2025-H1", "emigration", "DEU")     # the text after the table: its half-year


def test_a_headline_title_dates_no_table(tmp_path):
    # near miss: the title's part after its last comma names no period, so the table has no year
    text = ("Department of Statistics of Pavlodar Region\n\n"
            "Migration in January-June 2025: arrivals down, departures to Russia up\n"
            "Release date: 14 August 2025\n\n"
            "The exchange of population with other countries stayed negative in every district.\n\n"
            + _DISTRICTS)
    found = flows(tmp_path, text, document_date="2025-08-14", language="en")
    assert 312 not in found and 288 not in found


def test_respectively_with_the_years_after_it(tmp_path):
    found = flows(tmp_path, "Главным источником прибытия был Узбекистан: 6 120, 5 873 и 5 411 человек "
                            "соответственно в 2022, 2023 и 2024 годах.\n", language="ru")
    assert [found[v][0] for v in (6120, 5873, 5411)] == ["2022", "2023", "2024"]
    found = flows(tmp_path, "Uzbekistan was the main source of arrivals: 6,120, 5,873 and 5,411 people "
                            "respectively in 2022, 2023 and 2024.\n", language="en")
    assert [found[v][0] for v in (6120, 5873, 5411)] == ["2022", "2023", "2024"]


def test_respectively_with_fewer_years_after_it_pairs_none(tmp_path):
    # near miss: two numbers, one year after "respectively": the year is both numbers', no pairing
    found = flows(tmp_path, "В Россию и Германию выехали 6 120 и 1 204 человека соответственно "
                            "в 2024 году.\n", language="ru")
    assert found[6120][0] == found[1204][0] == "2024"


def test_the_year_after_the_number_and_after_its_dash(tmp_path):
    found = flows(tmp_path, "Выезд в Германию сокращается. Германия приняла 2 318 бывших жителей "
                            "Казахстана в 2022 году и 1 204 – в 2024 году.\n", language="ru")
    assert found[2318][:2] == ("2022", "emigration") and found[1204][0] == "2024"
    found = flows(tmp_path, "Emigration to Germany is falling. Germany took in 2,318 former residents "
                            "of Kazakhstan in 2022 and 1,204 - in 2024.\n", language="en")
    assert found[2318][0] == "2022" and found[1204][0] == "2024"


def test_a_part_of_the_nine_months_in_its_quarter_dates_only_itself(tmp_path):
    text = ("Павлодар, 10 октября 2025 года. За девять месяцев 2025 года область покинули 2 870 человек.\n\n"
            "Прибывших из-за рубежа было меньше: 1 012 человек за девять месяцев, из них 418 – в третьем "
            "квартале. В итоге сальдо внешней миграции сложилось отрицательное, минус 1 858 человек.\n")
    found = flows(tmp_path, text, document_date="2025-10-10", language="ru")
    assert found[418][:2] == ("2025-Q3", "immigration")
    assert found[-1858][:2] == ("2025-9M", "net")
    # near miss: the quarter of a sentence of its own dates what follows it
    text = ("Павлодар, 10 октября 2025 года. За девять месяцев 2025 года область покинули 2 870 человек.\n\n"
            "В третьем квартале прибыли 418 человек. Сальдо составило минус 407 человек.\n")
    assert flows(tmp_path, text, document_date="2025-10-10", language="ru")[-407][0] == "2025-Q3"


def test_a_year_earlier_then_a_part_of_the_year(tmp_path):
    text = ("Павлодар, 10 октября 2025 года. За январь–сентябрь 2025 года из области выбыли "
            "2 870 человек.\n\n"
            "Годом ранее за январь–сентябрь из области выбыли более 3,3 тыс. человек.\n")
    assert flows(tmp_path, text, document_date="2025-10-10", language="ru")[3300][0] == "2024-9M"
    text = ("Pavlodar, 10 October 2025. In January-September 2025, 2,870 people left the region.\n\n"
            "A year earlier, in January-September, 3,300 people left it.\n")
    assert flows(tmp_path, text, document_date="2025-10-10", language="en")[3300][0] == "2024-9M"
