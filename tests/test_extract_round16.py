"""The loader on the causes of the figure misses and extras of the twelfth round's blind sets
(blindT2, blindU2, blindV2; benchmarks/gold/README.md, "Issue 16, twelfth round: figures"), each in
its general form, in layouts and languages no gold document has, each with a near miss that must
not fire. Most are counts that are no migration flow: by the convention stated there, an indicator
(a quota, a population, births and deaths, border crossings and visits, permits issued) keeps its
value with a ``measure`` of its own and is never a flow."""

from __future__ import annotations

from pathlib import Path

from kzmig_kg.loader.extract import extract_document


def figures(tmp_path: Path, text: str, **options) -> dict:
    """The figures found in ``text``, by value: (measure, period, direction, partner)."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return {i.get("value"): (i.get("measure"), i.get("period"), i.get("direction"), i.get("country"))
            for i in extract_document(path, **options).all_items()
            if i.kind == "figure" and i.get("value") is not None and i.get("unit") != "percent"}


def flows(tmp_path: Path, text: str, **options) -> dict:
    """Only the figures the loader claims as flows: (period, direction, partner)."""
    return {value: rest[1:] for value, rest in figures(tmp_path, text, **options).items()
            if rest[0] == "flow"}


# --- the convention: indicators are no flows -------------------------------------------------------


def test_births_deaths_and_the_natural_increase_are_no_flows(tmp_path):
    found = figures(tmp_path, "Петропавл, 2025 жылғы 10 қазан. 2025 жылдың 9 айында облыста 3 120 сәби "
                              "дүниеге келді, 4 050 адам қайтыс болды, табиғи кему 930 адамды құрады. "
                              "Шетелден облысқа 1 410 адам көшіп келді.\n",
                    document_date="2025-10-10", language="kk")
    assert found[4050][0] == "vital" and found[4050][2] is None
    assert found[930][0] == "vital"
    assert found[1410] == ("flow", "2025-9M", "immigration", None)
    found = flows(tmp_path, "In January-June 2026 there were 5,210 births and 2,980 deaths in the "
                            "region. 2,300 people born in Uzbekistan moved to Kazakhstan in the same "
                            "period.\n", document_date="2026-07-20")
    assert 5210 not in found and 2980 not in found
    assert found[2300] == ("2026-H1", "immigration", "UZB")    # near miss: a place of birth


def test_border_crossings_visits_and_trips_are_no_flows(tmp_path):
    found = figures(tmp_path, "In the first half of 2026 foreign citizens crossed the state border "
                              "4.2 million times, of whom 3.1 million came from the CIS; residents made "
                              "1.6 million tourist trips abroad. 6,240 people emigrated over the same "
                              "period.\n", document_date="2026-08-01")
    assert all(found[value][0] != "flow" for value in (4200000, 3100000, 1600000) if value in found)
    assert found[6240] == ("flow", "2026-H1", "emigration", None)
    found = flows(tmp_path, "Алматы, 5 марта 2026 года. В 2025 году туристические поездки выросли, а "
                            "на постоянное жительство из Казахстана в Германию выехали 1 180 человек.\n",
                  document_date="2026-03-05")
    assert found[1180] == ("2025", "emigration", "DEU")        # near miss: tourism in another clause


def test_a_part_of_a_population_or_of_crossings_is_the_same_indicator(tmp_path):
    found = figures(tmp_path, "В 2025 году из-за рубежа прибыли 14 200 человек. За тот же год "
                              "государственную границу пересекли 12,4 млн иностранных граждан, из них "
                              "8,3 млн — граждане стран СНГ.\n", document_date="2026-01-20")
    assert found[12400000][0] == "crossings" and found[8300000][0] == "crossings"
    assert found[14200] == ("flow", "2025", "immigration", None)
    found = figures(tmp_path, "Население области на 1 июля 2025 года составило 826,4 тыс. человек, из "
                              "них 402,1 тыс. — горожане. За полугодие из-за рубежа прибыли 1 245 "
                              "человек.\n", document_date="2025-07-20")
    assert found[826400][0] == "population" and found[402100][0] == "population"
    assert found[1245][0] == "flow"


def test_a_quota_is_the_number_it_names_not_the_flows_beside_it(tmp_path):
    found = figures(tmp_path, "The resettlement quota for 2026 is 2,100 families, or about 7,000 "
                              "people. Under last year's quota, 1,245 kandases arrived in the region.\n",
                    document_date="2026-02-01")
    assert found[7000][0] == "quota"
    assert found[1245][0] == "flow" and found[1245][2] == "immigration"     # near miss: arrived under it
    found = figures(tmp_path, "2027 жылға облысқа 1 800 қандас қабылдау квотасы бөлінді. Өткен жылы "
                              "квота бойынша облысқа 1 320 қандас көшіп келді.\n",
                    document_date="2026-12-01", language="kk")
    assert found[1800][0] == "quota"
    assert found[1320][0] == "flow"                               # near miss: the verb of moving
    found = figures(tmp_path, "| 2 | Квоты | Норма о квотах приема | В 2025 году в Казахстан прибыли "
                              "16 350 человек |\n", document_date="2026-01-10")
    assert found[16350][0] == "flow"                              # near miss: another cell names it


def test_a_verb_of_moving_in_its_own_sentence_makes_a_flow(tmp_path):
    found = flows(tmp_path, "Ответ. По данным министерства, в 2025 году по линии оргнабора в "
                            "Республику Корея направлены 1 260 граждан.\n", document_date="2026-02-01")
    assert found[1260] == ("2025", "emigration", "KOR")


def test_an_average_age_and_a_page_count_are_no_figures(tmp_path):
    found = figures(tmp_path, "In 2025, 4,120 ethnic Kazakhs were granted kandas status. Two in three "
                              "are of working age (18 to 62); the average age of the heads of families "
                              "is 41.\n\nPage 3 of 22\n", document_date="2026-01-15")
    assert 41 not in found and 22 not in found
    assert found[4120][0] == "flow"


def test_a_population_that_grew_to_a_number_students_and_travellers_are_no_flows(tmp_path):
    found = figures(tmp_path, "Astana, 3 February 2026\n\nIn 2025 the population grew by 310,000 to 20.4 "
                              "million. Some 3.4 million Kazakhstanis travelled abroad, mostly to Turkey. "
                              "Net migration added 2,500 people to the population.\n",
                    document_date="2026-02-03")
    assert found[20400000][0] == "population" and found[3400000][0] == "crossings"
    assert found[2500] == ("flow", "2025", "net", None)        # near miss: migration named in it
    found = figures(tmp_path, "Алматы, 3 февраля 2026 года\n\nВ 2025 году население выросло на 310 тыс. "
                              "до 20,4 млн человек. В вузы Казахстана поступили 12 300 иностранных "
                              "студентов. На постоянное жительство прибыли 14 100 человек.\n",
                    document_date="2026-02-03")
    assert found[20400000][0] == "population" and found[12300][0] == "students"
    assert found[14100] == ("flow", "2025", "immigration", None)   # the year is not lost after it


def test_people_expelled_and_students_studying_are_no_flows(tmp_path):
    found = figures(tmp_path, "Astana, 20 January 2026\n\nSome 12,900 Kazakhstanis left for permanent "
                              "residence abroad in 2025, while 9,870 foreigners were expelled or deported.\n",
                    document_date="2026-01-20")
    assert found[9870][0] == "expulsions" and found[9870][2] is None
    assert found[12900] == ("flow", "2025", "emigration", None)
    found = flows(tmp_path, "Шымкент, 2026 жылғы 20 қаңтар.\n\n2025 жылы облысқа шетелден 3 410 адам көшіп "
                            "келді. Облыстағы ЖОО-ларда 6 200 шетелдік студент оқиды. Елден 430 шетелдік "
                            "шығарылды.\n", document_date="2026-01-20", language="kk")
    assert 6200 not in found and 430 not in found
    assert found[3410] == ("2025", "immigration", None)      # near miss: the flow beside them


def test_a_headlines_figure_stated_again_in_the_text_is_counted_once(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("Из Казахстана в Россию за полгода уехали 5 170 человек\n\nАстана, 20 июля 2026 года. В "
                    "январе–июне 2026 года из Казахстана в Россию на постоянное жительство уехали 5 170 "
                    "человек.\n", encoding="utf-8")
    found = [(i.get("value"), i.get("period")) for i in extract_document(path, document_date="2026-07-20")
             .all_items() if i.kind == "figure"]
    assert found == [(5170, "2026-H1")]
    # near miss: a headline's figure the text does not repeat stays
    found = flows(tmp_path, "Net migration turns positive at +2,570\n\nASTANA, 12 November 2025. In "
                            "January-September 2025, 11,870 people arrived and 9,300 left.\n",
                  document_date="2025-11-12")
    assert 2570 in found and found[11870] == ("2025-9M", "immigration", None)


def test_a_list_items_label_names_the_indicator_and_its_bracketed_value_too(tmp_path):
    found = figures(tmp_path, "Астана, 5 августа 2026 года\n\nВнешняя миграция, январь–июнь 2026 года\n\n"
                              "— Прибыло на ПМЖ: 8 120 (январь–июнь 2025: 7 480)\n"
                              "— Выбыло: 6 930\n"
                              "— Въезды иностранных туристов: 4,1 млн (3,8 млн)\n"
                              "— Выдано разрешений на привлечение иностранной рабочей силы: 6 400 (6 950)\n"
                              "— Численность населения на 1 июля 2026 года: 20,6 млн\n",
                    document_date="2026-08-05")
    assert {found[v][0] for v in (4100000, 3800000)} == {"crossings"}
    assert {found[v][0] for v in (6400, 6950)} == {"permits"}
    assert found[20600000][0] == "population"
    # near miss: the flows' items and their bracketed values stay flows
    assert found[8120] == ("flow", "2026-H1", "immigration", None)
    assert found[7480] == ("flow", "2025-H1", "immigration", None)
    assert found[6930] == ("flow", "2026-H1", "emigration", None)


def test_a_count_at_a_date_with_no_movement_named_is_a_stock(tmp_path):
    found = figures(tmp_path, "Astana, 20 January 2026\n\nAbout 410,000 labour migrants from Uzbekistan "
                              "were registered in Kazakhstan at the end of 2025. По состоянию на 1 января "
                              "2026 года в стране находились 38 тыс. граждан Кыргызстана.\n",
                    document_date="2026-01-20")
    assert found[410000][0] != "flow" and found.get(38000, ("stock",))[0] != "flow"
    # near miss: a movement named in a sentence with a date is a flow
    found = flows(tmp_path, "Astana, 20 January 2026\n\nAs of the end of 2025, 12,900 people had left "
                            "for permanent residence abroad.\n", document_date="2026-01-20")
    assert found[12900][1:] == ("emigration", None)


# --- a table's columns each with their own unit ------------------------------------------------------


def test_a_column_that_names_its_own_unit_keeps_it_and_visits_are_no_column_of_flows(tmp_path):
    found = figures(tmp_path, "Table 2. Arrivals of visitors and migrants by country, 2025\n\n"
                              "              Visitors        Immigrants     Emigrants\n"
                              "              (thousand       (persons)      (persons)\n"
                              "              trips)\n"
                              "Russia          1 310.2          2 040          8 615\n"
                              "China             201.7          1 650            112\n",
                    document_date="2026-03-01")
    assert found[2040] == ("flow", "2025", "immigration", "RUS")
    assert found[8615] == ("flow", "2025", "emigration", "RUS")
    assert found[112] == ("flow", "2025", "emigration", "CHN")
    assert 1310200 not in found and 201700 not in found
    found = figures(tmp_path, "Table 3. Migration by country, 2024\n\n"
                              "              Arrivals,      Arrivals     Departures\n"
                              "              thousand,      persons      persons\n"
                              "              all purposes\n"
                              "Russia          128.6          1 930        8 215\n",
                    document_date="2025-03-01")
    assert found[128600][1:] == ("2024", "immigration", "RUS")    # the column in thousands, alone
    assert found[1930] == ("flow", "2024", "immigration", "RUS") and 1930000 not in found
    found = figures(tmp_path, "Таблица 1. Выбывшие по странам назначения, тыс. человек\n\n"
                              "Страна        2024     2025\n"
                              "Россия        10,3      8,9\n"
                              "Германия       1,6      1,4\n", document_date="2026-03-01")
    assert found[8900] == ("flow", "2025", "emigration", "RUS")     # near miss: the caption's scale


# --- periods ----------------------------------------------------------------------------------------


def test_last_years_span_compared_after_a_figure_dates_nothing_after_it(tmp_path):
    found = flows(tmp_path, "Астана, 14 октября 2025 года\n\nВ январе–сентябре 2025 года из-за рубежа "
                            "прибыли 2 146 человек.\n\nЗа отчетный период выбыли 1 583 человека, а в "
                            "январе–сентябре прошлого года этот показатель составлял 1 912 человек. В "
                            "итоге сальдо миграции сложилось положительным – 563 человека.\n\nИз выбывших "
                            "1 190 уехали в Россию.\n", document_date="2025-10-14")
    assert found[1912] == ("2024-9M", "emigration", None)
    assert found[563] == ("2025-9M", "net", None)
    assert found[1190] == ("2025-9M", "emigration", "RUS")
    found = flows(tmp_path, "Көкшетау, 2025 жылғы 14 қазан\n\n2025 жылдың 9 айында облысқа шетелден "
                            "2 146 адам келді.\n\nОблыстан шетелге 1 583 адам көшіп кетті, ал былтыр "
                            "қаңтар-қыркүйекте бұл көрсеткіш 1 912 адам болған. Нәтижесінде сальдо 563 "
                            "адамды құрады.\n", document_date="2025-10-14", language="kk")
    assert found[1912][0] == "2024-9M" and found[563] == ("2025-9M", "net", None)
    # near miss: a later year stated in its own sentence dates what follows it
    found = flows(tmp_path, "In 2024, 10,400 people left Kazakhstan. In 2025, 9,100 people left. "
                            "Of them, 6,020 went to Russia.\n", document_date="2026-02-01")
    assert found[6020] == ("2025", "emigration", "RUS")


def test_a_lists_bare_brackets_are_of_the_period_its_first_bracket_names(tmp_path):
    found = flows(tmp_path, "Алматы, 5 августа 2026 года\n\nВнешняя миграция, январь–июнь 2026 года\n\n"
                            "• Прибыло на ПМЖ: 8 120 (январь–июнь 2025 г.: 7 480)\n"
                            "• Выбыло: 6 930 (7 210)\n"
                            "• Основные направления: Россия (5 310), Германия (870)\n",
                  document_date="2026-08-05")
    assert found[7210] == ("2025-H1", "emigration", None)
    assert found[6930] == ("2026-H1", "emigration", None)
    assert found[5310] == ("2026-H1", "emigration", "RUS")     # near miss: a country's bracket


def test_an_indicators_own_year_does_not_date_the_flows_after_it(tmp_path):
    found = flows(tmp_path, "Астана, 10 июля 2025 года\n\nМинистерство сообщает итоги января–июня 2025 "
                            "года.\n\n— Квота приема кандасов на 2025 год составляет 1 680 семей, или около "
                            "5 600 человек.\n— За полугодие статус кандаса получили 5 912 этнических "
                            "казахов.\n— Из них 2 840 прибыли из Узбекистана.\n", document_date="2025-07-10")
    assert 5600 not in found
    assert found[5912] == ("2025-H1", "immigration", None)
    assert found[2840] == ("2025-H1", "immigration", "UZB")
    found = flows(tmp_path, "Astana, 2 March 2026\n\nAs of 1 January 2026 the population stood at "
                            "20.5 million. In 2025, 14,300 people arrived, and 9,900 left.\n",
                  document_date="2026-03-02")
    assert found[14300] == ("2025", "immigration", None) and 20500000 not in found


def test_the_corresponding_counts_restate_the_totals_before_in_order(tmp_path):
    found = flows(tmp_path, "Published 28 September 2026\n\nIn January-June 2026 the country recorded "
                            "9,210 immigrants and 7,480 emigrants, a net gain of 1,730. In January-June "
                            "2025 the comparable totals were 8,300 and 8,150, a net gain of just 150.\n",
                  document_date="2026-09-28")
    assert found[8300] == ("2025-H1", "immigration", None)
    assert found[8150] == ("2025-H1", "emigration", None)
    assert found[150] == ("2025-H1", "net", None)
    found = flows(tmp_path, "Астана, 28 сентября 2026 года\n\nВ первом полугодии 2026 года в Казахстан "
                            "прибыли 8 945 человек, выбыли 7 630, сальдо составило плюс 1 315 человек. "
                            "Соответствующие показатели первого полугодия 2025 года — 8 112 и 8 047, "
                            "сальдо — плюс 65.\n", document_date="2026-09-28")
    assert found[8112] == ("2025-H1", "immigration", None)
    assert found[8047] == ("2025-H1", "emigration", None)
    # near miss: one number after the words keeps its own reading
    found = flows(tmp_path, "In 2025, 12,690 residents emigrated and 16,410 people arrived. In 2024 the "
                            "corresponding counts showed 15,880 arrivals.\n", document_date="2026-02-01")
    assert found[15880] == ("2024", "immigration", None)


def test_this_years_arrivals_are_of_the_span_counted_before(tmp_path):
    found = flows(tmp_path, "Published 2 August 2026\n\nIn the first half of 2026, 8,945 people arrived "
                            "for permanent residence. Repatriates accounted for 4,205 of this year's "
                            "arrivals.\n", document_date="2026-08-02")
    assert found[4205] == ("2026-H1", "immigration", None)
    # near miss: a whole year's text keeps the whole year
    found = flows(tmp_path, "Published 2 February 2027\n\nIn 2026, 17,900 people arrived for permanent "
                            "residence. Repatriates accounted for 8,010 of this year's arrivals.\n",
                  document_date="2026-12-30")
    assert found[8010] == ("2026", "immigration", None)


# --- directions -------------------------------------------------------------------------------------


def test_a_balance_of_the_exchange_in_russian_is_net(tmp_path):
    found = flows(tmp_path, "Астана, 20 июля 2026\n\nВ январе–июне 2026 года в Россию выехали 4 410 "
                            "человек.\n\nБаланс миграционного обмена с Россией остается отрицательным: "
                            "минус 3 020 человек. С Китаем республика получила прирост в 1 150 человек.\n",
                  document_date="2026-07-20")
    assert found[-3020] == ("2026-H1", "net", "RUS")
    assert found[1150] == ("2026-H1", "net", "CHN")
    # near miss: a growth of the flow itself is no balance
    found = flows(tmp_path, "Астана, 20 июля 2026\n\nВ январе–июне 2026 года из Китая прибыли 1 150 "
                            "человек, прирост к прошлому году составил 8%.\n", document_date="2026-07-20")
    assert found[1150] == ("2026-H1", "immigration", "CHN")


def test_a_relative_year_before_its_part_in_english_and_russian(tmp_path):
    found = flows(tmp_path, "Astana, 14 October 2025\n\nIn January-September 2025, 2,146 people arrived "
                            "from abroad.\n\nOver the reporting period 1,583 people left, while last year "
                            "in January-September this figure was 1,912 people. As a result the net "
                            "migration was positive at 563 people.\n", document_date="2025-10-14")
    assert found[1912] == ("2024-9M", "emigration", None)
    assert found[563] == ("2025-9M", "net", None)
    found = flows(tmp_path, "Астана, 14 июля 2025 года\n\nЗа январь–июнь 2025 года из страны выбыли 5 210 "
                            "человек, тогда как в прошлом году за январь–июнь — 5 940.\n",
                  document_date="2025-07-14")
    assert found[5940] == ("2024-H1", "emigration", None)
    # near miss: "last year" with a number between it and the months is a year of its own
    found = flows(tmp_path, "Astana, 14 October 2025\n\nLast year 11,200 people left; in January-September "
                            "2025, 8,300 left.\n", document_date="2025-10-14")
    assert found[11200] == ("2024", "emigration", None)
    assert found[8300] == ("2025-9M", "emigration", None)


# --- dates ------------------------------------------------------------------------------------------


def test_a_kazakh_date_with_the_year_in_the_genitive(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("2026 жылдың 1 қаңтарындағы жағдай бойынша облыс халқы 752,3 мың адам. 2025 жылдың "
                    "9 айында облысқа 1 200 адам көшіп келді.\n", encoding="utf-8")
    dates = [i.get("date") for i in extract_document(path, language="kk").all_items() if i.kind == "date"]
    assert "2026-01-01" in dates
    assert not any(d.startswith("2025-09") for d in dates)   # near miss: nine months, no month's name
