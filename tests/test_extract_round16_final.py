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


def test_a_list_under_where_from_is_of_arrivals(tmp_path):
    text = ("Миграция за 9 месяцев 2026 года\n\n"
            "Куда уезжают:\nРоссия — 6 010\nГермания — 1 100\n\n"
            "Откуда приезжают:\nУзбекистан — 4 700\nКитай — 1 530\n")
    found = flows(tmp_path, text, document_date="2026-10-20", language="ru")
    assert found[6010][1:] == ("emigration", "RUS")
    assert found[4700][1:] == ("immigration", "UZB") and found[1530][1:] == ("immigration", "CHN")
    text = ("Migration, January-September 2026\n\n"
            "Where they go:\nRussia - 6,010 departures\n\n"
            "Where from:\nUzbekistan - 4,700\nChina - 1,530\n")
    found = flows(tmp_path, text, document_date="2026-10-20", language="en")
    assert found[4700][1:] == ("immigration", "UZB")
    # near miss: "Куда едут:" names destinations, no arrivals
    text = ("Миграция за 9 месяцев 2026 года\n\nВыезд из Казахстана.\nКуда едут:\nРоссия — 6 010\n")
    assert flows(tmp_path, text, document_date="2026-10-20", language="ru")[6010][1] == "emigration"


def test_gave_up_residence_and_moved_to_a_country(tmp_path):
    found = flows(tmp_path, "ASTANA, Oct 20 (Wire) - Between July and September 2026, 1,480 people gave up "
                            "their residence in Kazakhstan and moved to Germany.\n",
                  document_date="2026-10-20", language="en")
    assert found[1480] == ("2026-Q3", "emigration", "DEU")
    # near miss: another number between them is the other place's
    found = flows(tmp_path, "ASTANA, Oct 20 (Wire) - Between July and September 2026, 1,480 people left "
                            "Kazakhstan and 300 of them moved to Germany.\n",
                  document_date="2026-10-20", language="en")
    assert found[1480][2] is None


def test_the_whole_of_last_year_after_a_quarter_of_it(tmp_path):
    text = ("АСТАНА, 16 апреля 2025 года. В январе–марте 2025 года статус кандаса получили "
            "3 452 человека.\n\n"
            "Для сравнения, в первом квартале 2024 года статус кандаса получили 4 018 человек, а за весь "
            "прошлый год – почти 17,7 тысячи.\n")
    found = flows(tmp_path, text, document_date="2025-04-16", language="ru")
    assert found[4018][0] == "2024-Q1" and found[17700][0] == "2024"
    # near miss: "в прошлом квартале" is no whole year
    text = ("АСТАНА, 16 апреля 2025 года. В январе–марте 2025 года статус кандаса получили 3 452 человека, "
            "а в четвертом квартале 2024 года – 4 018.\n")
    assert flows(tmp_path, text, document_date="2025-04-16", language="ru")[4018][0] == "2024-Q4"


def test_a_telephone_line_named_before_its_number_is_no_count(tmp_path):
    text = ("Астана, 2026 жылғы 15 қазан. 2026 жылдың 9 айында 1 210 қандас көшіп келді.\n\n"
            "Байланыс орталығы: 1414\nContact centre: 1419\n")
    found = flows(tmp_path, text, document_date="2026-10-15", language="kk")
    assert 1210 in found and 1414 not in found and 1419 not in found


def test_the_staff_a_duty_covers_is_no_flow(tmp_path):
    text = ("Клиенту рекомендуется до 1 ноября 2026 г. проверить наличие уведомлений о прибытии по всем "
            "17 работникам-иностранцам филиала. The firm must file arrival notices for all 23 foreign "
            "employees.\n")
    found = flows(tmp_path, text, document_date="2026-10-15", language="ru")
    assert 17 not in found and 23 not in found
    # near miss: workers who arrived are a flow
    text = "В январе–сентябре 2026 года в Казахстан прибыли 17 работников-иностранцев из Китая.\n"
    assert flows(tmp_path, text, document_date="2026-10-15", language="ru")[17][1] == "immigration"


def test_the_partner_after_the_bracket_that_holds_the_number(tmp_path):
    text = ("External migration, January-June 2025.\n\nIn the first half of 2025, 1,612 people left the "
            "region. Most of those who left (about 1,350, or 84% of all departures) went to the Russian "
            "Federation.\n")
    assert flows(tmp_path, text, document_date="2025-08-14", language="en")[1350][1:] == ("emigration", "RUS")
    # near miss: a bracket with another clause after it names no place of the number
    text = ("External migration, January-June 2025.\n\nIn the first half of 2025, 1,612 people left the "
            "region (about 1,350 of them in spring); others went to the Russian Federation.\n")
    assert flows(tmp_path, text, document_date="2025-08-14", language="en").get(1350, (0, 0, None))[2] is None


# blindF3's tab-separated bulletin (1/25 before): the prose above the table compares two periods,
# and the title states the period after its subject's comma, in capitals
_PARTNERS = ("Table 3. Arrivals and departures by main partner country\npersons\n\n"
             "Partner country\tArrivals\tDepartures\tNet migration\n"
             "Russian Federation\t2 410\t6 720\t-4 310\n"
             "Uzbekistan\t4 786\t131\t4 655\n"
             "Total, all countries\t12 460\t9 870\t2 590\n")


def test_prose_comparing_two_periods_above_a_table_leaves_the_title_its_period(tmp_path):
    text = ("Bureau of National Statistics\n\nEXTERNAL MIGRATION, JANUARY-SEPTEMBER 2026\n\n"
            "In the first nine months of 2026 Kazakhstan received more migrants than it lost. Arrivals rose "
            "by 4.7% on January-September 2025 and departures fell by 7.2%; a year earlier the balance had "
            "stood at 1,265 persons.\n\n"
            + _PARTNERS)
    found = flows(tmp_path, text, document_date="2026-11-16", language="en")
    assert (found[2410], found[6720], found[-4310], found[9870]) == (
        ("2026-9M", "immigration", "RUS"), ("2026-9M", "emigration", "RUS"), ("2026-9M", "net", "RUS"),
        ("2026-9M", "emigration", None))
    text = ("Бюро национальной статистики\n\nВНЕШНЯЯ МИГРАЦИЯ, ЯНВАРЬ–СЕНТЯБРЬ 2026 ГОДА\n\n"
            "В январе–сентябре 2026 года прибывших стало больше на 4,7% по сравнению с январем–сентябрем "
            "2025 года; годом ранее "
            "сальдо составляло 1 265 человек.\n\n"
            "Таблица 3. Прибывшие и выбывшие по странам\nчеловек\n\n"
            "Страна\tПрибыло\tВыбыло\tСальдо\nРоссия\t2 410\t6 720\t-4 310\n")
    assert flows(tmp_path, text, document_date="2026-11-16", language="ru")[6720] == \
        ("2026-9M", "emigration", "RUS")


def test_near_miss_a_headline_before_the_comma_gives_the_table_its_period_only(tmp_path):
    text = ("Bureau of National Statistics\n\nARRIVALS FROM RUSSIA UP, JANUARY-SEPTEMBER 2026\n\n"
            "In the first nine months of 2026 Kazakhstan received more migrants than it lost. Arrivals rose "
            "by 4.7% on January-September 2025 and departures fell by 7.2%.\n\n" + _PARTNERS)
    found = flows(tmp_path, text, document_date="2026-11-16", language="en")
    # the headline's direction and partner stay out of the table's rows and columns
    assert (found[131], found[4655], found[9870]) == (
        ("2026-9M", "emigration", "UZB"), ("2026-9M", "net", "UZB"), ("2026-9M", "emigration", None))
