"""Kazakhstan as one partner among several in a neighbour's own statistics (issue 16, twelfth round,
blindY2's Uzbek press release): Kazakhstan named as a list item, a part of the neighbour's total
("в том числе из Казахстана"), the balance "с Республикой Казахстан", and the neighbour's flows with
third countries in its own frame. Each with variants and a near miss that must not fire."""

from __future__ import annotations

from pathlib import Path

from kzmig_kg.loader.extract import extract_document

UZ_RU = ("АГЕНТСТВО СТАТИСТИКИ ПРИ ПРЕЗИДЕНТЕ РЕСПУБЛИКИ УЗБЕКИСТАН\nПресс-релиз\n\n"
         "Ташкент, 21 октября 2026 года\n\n")
UZ_EN = ("STATISTICS AGENCY UNDER THE PRESIDENT OF THE REPUBLIC OF UZBEKISTAN\nPress release\n\n"
         "Tashkent, 21 October 2026\n\n")
KG_RU = "Национальный статистический комитет Кыргызской Республики\nБишкек, 6 марта 2026 г.\n\n"


def flows(tmp_path: Path, text: str) -> list[tuple]:
    """(value, direction, partner, period, reporting area) of each flow found in ``text``."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [(i.get("value"), i.get("direction"), i.get("country"), i.get("period"), i.get("area"))
            for i in extract_document(path, document_date="2026-10-21").all_items()
            if i.kind == "figure" and i.get("measure") == "flow"]


def test_kazakhstan_as_an_item_of_a_neighbours_list_of_destinations(tmp_path):
    found = flows(tmp_path, UZ_RU +
                  "Основными странами выбытия за январь–сентябрь 2026 года остались Российская "
                  "Федерация (6 905 человек, или 60,3%), Республика Казахстан (3 118 человек, 27,2%) "
                  "и Кыргызская "
                  "Республика (402 человека).\n")
    assert found == [(6905, "emigration", "RUS", "2026-9M", "UZB"),
                     (3118, "emigration", "KAZ", "2026-9M", "UZB"),
                     (402, "emigration", "KGZ", "2026-9M", "UZB")]
    found = flows(tmp_path, UZ_EN +
                  "In January-September 2026 the main destinations were Russia (6,905 people), "
                  "Kazakhstan (3,118) and Kyrgyzstan (402).\n")
    assert [row[2] for row in found] == ["RUS", "KAZ", "KGZ"]


def test_kazakhstan_as_a_part_of_a_neighbours_total_is_the_parts_partner_only(tmp_path):
    found = flows(tmp_path, UZ_RU +
                  "В Узбекистан за январь–сентябрь 2026 года прибыли 2 037 человек, в том числе "
                  "из Казахстана – 476 (+11,0%), из Российской Федерации – 1 102.\n")
    assert found == [(2037, "immigration", None, "2026-9M", "UZB"),
                     (476, "immigration", "KAZ", "2026-9M", "UZB"),
                     (1102, "immigration", "RUS", "2026-9M", "UZB")]
    found = flows(tmp_path, UZ_EN +
                  "In January-September 2026, 2,037 people arrived in Uzbekistan, including 476 "
                  "from Kazakhstan and 1,102 from Russia.\n")
    assert [(row[0], row[2]) for row in found] == [(2037, None), (476, "KAZ"), (1102, "RUS")]
    found = flows(tmp_path, KG_RU +
                  "В 2025 году в Кыргызскую Республику прибыли 3 400 человек, из них из "
                  "Казахстана – 1 020, из России – 1 900.\n")
    assert found == [(3400, "immigration", None, "2025", "KGZ"), (1020, "immigration", "KAZ", "2025", "KGZ"),
                     (1900, "immigration", "RUS", "2025", "KGZ")]


def test_a_neighbours_balance_with_the_republic_of_kazakhstan(tmp_path):
    assert flows(tmp_path, UZ_RU +
                 "За январь–сентябрь 2026 года миграционное сальдо с Республикой Казахстан "
                 "по-прежнему отрицательное: минус 2 642 человека.\n") == \
        [(-2642, "net", "KAZ", "2026-9M", "UZB")]
    assert flows(tmp_path, UZ_EN +
                 "The net migration balance with the Republic of Kazakhstan in January-September "
                 "2026 was minus 2,642 people.\n") == \
        [(-2642, "net", "KAZ", "2026-9M", "UZB")]
    assert flows(tmp_path, KG_RU +
                 "Сальдо миграции с Республикой Казахстан в 2025 году составило минус 792 "
                 "человека.\n") == \
        [(-792, "net", "KAZ", "2025", "KGZ")]


def test_a_count_compared_with_a_flow_from_kazakhstan_stays_in_its_frame(tmp_path):
    found = flows(tmp_path, UZ_EN +
                  "In January-March 2026, 163 people arrived in Uzbekistan from Kazakhstan to "
                  "settle, compared with 171 a year earlier.\n")
    assert found == [(163, "immigration", "KAZ", "2026-Q1", "UZB"),
                     (171, "immigration", "KAZ", "2025-Q1", "UZB")]


def test_near_miss_kazakhstans_bureau_lists_its_own_destinations(tmp_path):
    found = flows(tmp_path,
                  "Бюро национальной статистики\nАстана, 21 октября 2026 года\n\nОсновными странами "
                  "выбытия за январь–сентябрь 2026 года остались Российская Федерация (6 905 человек), "
                  "Германия "
                  "(617 человек) и Узбекистан (402 человека).\n")
    assert found == [(6905, "emigration", "RUS", "2026-9M", None),
                     (617, "emigration", "DEU", "2026-9M", None),
                     (402, "emigration", "UZB", "2026-9M", None)]
