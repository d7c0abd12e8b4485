"""The loader on the causes of the figure misses and extras of the tenth round's last held-out sets
(blindH2, blindI2, blindJ2) and the eleventh round's new ones (benchmarks/gold/README.md, "Issue 16,
eleventh round: figures", its second part on blindN2, blindO2, blindP2 and its third on blindQ2,
blindR2, blindS2), each in its general form, in layouts and languages no gold document has. One
fixture per mechanism, each with a near miss that must not fire."""

from __future__ import annotations

from pathlib import Path

from kzmig_kg.loader.extract import extract_document


def reported(tmp_path: Path, text: str, **options) -> dict:
    """The figures found in ``text``, by value: (period, direction, partner, reporting area)."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return {i.get("value"): (i.get("period"), i.get("direction"), i.get("country"), i.get("area"))
            for i in extract_document(path, **options).all_items()
            if i.kind == "figure" and i.get("value") is not None}


# --- a neighbour's own statistics keep their reporter: refArea the neighbour, partner Kazakhstan --


def test_a_neighbours_office_as_issuer_reports_the_whole_document(tmp_path):
    found = reported(tmp_path, "National Statistics Committee of the Kyrgyz Republic\n"
                               "Express information, 5 March 2026\n\n"
                               "Table 4. Migration exchange with Kazakhstan (persons)\n"
                               "                              2024      2025\n"
                               "Arrivals from Kazakhstan       263       228\n"
                               "Departures to Kazakhstan     1,108     1,020\n\n"
                               "In 2025, 1,020 residents left for Kazakhstan, down from 1,108 a year "
                               "earlier.\n", document_date="2026-03-05")
    assert found[263] == ("2024", "immigration", "KAZ", "KGZ")
    assert found[1108] == ("2024", "emigration", "KAZ", "KGZ")
    assert found[1020] == ("2025", "emigration", "KAZ", "KGZ")
    found = reported(tmp_path, "Агентство статистики при Президенте Республики Узбекистан\n"
                               "Ташкент, 10 февраля 2026 года\n\n"
                               "В 2025 году в Казахстан выбыли 4 650 граждан республики, а в обратном "
                               "направлении прибыли 310 человек.\n", document_date="2026-02-10")
    assert found[4650] == ("2025", "emigration", "KAZ", "UZB")
    assert found[310] == ("2025", "immigration", "KAZ", "UZB")     # the counter flow follows it


def test_a_neighbours_office_given_as_source_reports_its_sentence_and_what_follows(tmp_path):
    found = reported(tmp_path, "Шымкент, 2026 жылғы 3 ақпан.\n\nТәжікстан статистика агенттігінің "
                               "мәліметі бойынша, 2025 жылы Қазақстанға 412 адам көшіп кетті. Керісінше "
                               "бағытта, яғни Қазақстаннан Тәжікстанға, 58 адам қоныс аударды.\n",
                     document_date="2026-02-03", language="kk")
    assert found[412] == ("2025", "emigration", "KAZ", "TJK")
    assert found[58] == ("2025", "immigration", "KAZ", "TJK")
    found = reported(tmp_path, "Astana, 12 February 2026\n\nThe Tajik agency registered 412 people "
                               "leaving for Kazakhstan in 2025, up from 365 in 2024.\n",
                     document_date="2026-02-12")
    assert found[412] == ("2025", "emigration", "KAZ", "TJK")
    assert found[365] == ("2024", "emigration", "KAZ", "TJK")      # compared with it: the same frame


def test_a_kazakh_source_naming_a_neighbour_as_partner_keeps_kazakhstan_as_reporter(tmp_path):
    # near misses: Kazakhstan's own bureau; a Bishkek dateline with no office; the office's name
    # followed by a comma and a route is no office of Kazakhstan
    found = reported(tmp_path, "Astana, 5 March 2026\n\nAccording to the Bureau of National Statistics "
                               "of Kazakhstan, 1,020 people arrived from Kyrgyzstan in 2025, and 228 "
                               "residents left for Kyrgyzstan.\n", document_date="2026-03-05")
    assert found[1020] == ("2025", "immigration", "KGZ", None)
    assert found[228] == ("2025", "emigration", "KGZ", None)
    found = reported(tmp_path, "Бишкек, 5 марта 2026 г.\n\nВ 2025 году из Кыргызстана в Казахстан "
                               "переехали 1 020 человек, а из Казахстана в Кыргызстан — 228.\n",
                     document_date="2026-03-05")
    assert found[1020] == ("2025", "immigration", "KGZ", None)
    assert found[228] == ("2025", "emigration", "KGZ", None)


def test_a_neighbours_table_of_its_exchange_with_kazakhstan_and_its_balance_row(tmp_path):
    found = reported(tmp_path, "State Committee on Statistics of the Republic of Tajikistan\n\n"
                               "Table 7. Migration exchange of Tajikistan with Kazakhstan (persons)\n"
                               "                                  2024      2025\n"
                               "Arrived                            52        58\n"
                               "Departed                          365       412\n"
                               "Migration gain (+), loss (-)     -313      -354\n",
                     document_date="2026-02-20")
    assert found[52] == ("2024", "immigration", "KAZ", "TJK")
    assert found[412] == ("2025", "emigration", "KAZ", "TJK")
    assert found[-354] == ("2025", "net", "KAZ", "TJK")     # the reporter's balance, as it states it
    # near miss: Kazakhstan's own bureau over the same table of its exchange with Tajikistan
    found = reported(tmp_path, "Bureau of National Statistics of the Republic of Kazakhstan\n\n"
                               "Table 7. Migration exchange with Tajikistan (persons)\n"
                               "                                  2024      2025\n"
                               "Arrived                           365       412\n"
                               "Departed                           52        58\n"
                               "Migration gain (+), loss (-)      313       354\n",
                     document_date="2026-02-20")
    assert found[412] == ("2025", "immigration", "TJK", None)
    assert found[354] == ("2025", "net", "TJK", None)


def test_a_neighbours_office_named_in_kazakh_with_the_formal_name_of_its_country(tmp_path):
    found = reported(tmp_path, "Алматы, 2026 жылғы 10 наурыз. Қырғыз Республикасы Ұлттық статистика "
                               "комитетінің дерегінше, 2025 жылы Қырғызстаннан Қазақстанға 1 020 адам "
                               "көшіп кеткен.\n", document_date="2026-03-10", language="kk")
    assert found[1020] == ("2025", "emigration", "KAZ", "KGZ")


# --- "9 274 жителя": the count's genitive singular is a unit; its lead's span dates the item -----


def test_a_count_in_the_genitive_singular_leads_the_item_with_its_span_of_months(tmp_path):
    found = reported(tmp_path, "АСТАНА. КАЗИНФОРМ – С января по сентябрь 2026 года за рубеж выехали "
                               "9 274 жителя Казахстана. Из Узбекистана за тот же период прибыли 1 032 "
                               "уроженца этой страны.\n\nЭто меньше, чем годом ранее, когда страну "
                               "покинули 10 456 человек.\n", document_date="2026-11-18")
    assert found[9274] == ("2026-9M", "emigration", None, None)
    assert found[1032] == ("2026-9M", "immigration", "UZB", None)
    found = reported(tmp_path, "ASTANA, 18 November 2026. January through September 2026, 9,274 "
                               "residents left Kazakhstan for good, against 10,456 in the same period "
                               "of 2025.\n", document_date="2026-11-18")
    assert found[9274] == ("2026-9M", "emigration", None, None)
    assert found[10456] == ("2025-9M", "emigration", None, None)


def test_residents_who_lived_somewhere_are_a_stock_not_a_flow(tmp_path):
    # near miss: the same unit with a verb of living, after a paragraph about departures
    found = reported(tmp_path, "С января по июнь 2026 года из области выехали 1 204 человека.\n\n"
                               "На 1 января 2026 года в поселке проживали 9 273 жителя.\n",
                     document_date="2026-07-18")
    assert 9273 not in found
    assert found[1204][0] == "2026-H1"


def test_each_number_keeps_the_office_named_nearest_before_it(tmp_path):
    # two offices in one sentence: Rosstat counts the first, Kazakhstan's bureau the second
    found = reported(tmp_path, "МОСКВА, 24 апреля 2026 г. По подсчетам Росстата, в 2025 году из "
                               "Казахстана в Россию прибыли 31 400 человек, тогда как Бюро национальной "
                               "статистики насчитало лишь 8 760 выехавших в Россию.\n",
                     document_date="2026-04-24")
    assert found[31400] == ("2025", "immigration", "KAZ", "RUS")
    assert found[8760] == ("2025", "emigration", "RUS", None)
    found = reported(tmp_path, "In 2024 Destatis counted 4,100 arrivals from Kazakhstan, while "
                               "Kazakhstan's bureau recorded 2,650 departures to Germany.\n",
                     document_date="2026-01-10")
    assert found[4100] == ("2024", "immigration", "KAZ", "DEU")
    assert found[2650] == ("2024", "emigration", "DEU", None)


def test_a_neighbours_table_of_countries_its_kazakhstan_row_and_its_other_rows(tmp_path):
    found = reported(tmp_path, "STATE COMMITTEE ON STATISTICS OF THE REPUBLIC OF TAJIKISTAN\n\n"
                               "Table 6. External migration by country, 2025 (persons)\n"
                               "Countries                Arrived   Departed   Net migration\n"
                               "Total                      1 310      5 020        -3 710\n"
                               "  Kazakhstan                  58        412          -354\n"
                               "  Russian Federation         910      4 300        -3 390\n",
                     document_date="2026-03-01")
    assert found[58] == ("2025", "immigration", "KAZ", "TJK")
    assert found[-354] == ("2025", "net", "KAZ", "TJK")
    assert found[4300] == ("2025", "emigration", "RUS", "TJK")     # Tajikistan's own, with Russia
    assert found[1310] == ("2025", "immigration", None, "TJK")
    # near miss: Kazakhstan's bureau over a table whose first row is the country as a whole
    found = reported(tmp_path, "Bureau of National Statistics\n\n"
                               "Table 6. External migration by region, 2025 (persons)\n"
                               "Region                   Arrived   Departed   Net migration\n"
                               "Kazakhstan                14 795     16 930        -2 135\n"
                               "  Almaty                   3 210      2 980           230\n",
                     document_date="2026-03-01")
    assert found[14795][2:] == (None, None)


# --- a quarterly table's commentary: the caption's year and "for the year as a whole" -----------


def test_the_year_as_a_whole_after_a_table_of_quarters(tmp_path):
    table = ("Table 3. External migration by quarter, 2025 (persons)\n"
             "                  Q1       Q2       Q3       Q4     2025\n"
             "Arrivals       3,412    4,105    4,260    3,018   14,795\n"
             "Departures     3,950    4,388    4,712    3,880   16,930\n\n")
    found = reported(tmp_path, "Express information, 16 February 2026\n\n" + table +
                     "For the year as a whole, 16,930 people left, 2.4% fewer than in 2024 (17,350 "
                     "people).\n", document_date="2026-02-16")
    assert found[16930] == ("2025", "emigration", None, None)
    assert found[17350][0] == "2024"
    found = reported(tmp_path, "Экспресс-информация, 16.02.2026\n\n" + table.replace("Arrivals  ",
                     "Прибыло   ").replace("Departures", "Выбыло    ") +
                     "За год в целом из республики выбыло 16 930 человек, прибыло 14 795, что "
                     "меньше, чем в 2024 году (17 350 человек).\n", document_date="2026-02-16")
    assert found[16930] == ("2025", "emigration", None, None)
    assert found[17350][0] == "2024"
    # near miss: a Kazakh year stated before "жыл бойы" is that year, not the text's
    found = reported(tmp_path, "2026 жылғы бірінші тоқсанда 4 100 адам көшіп келді. Еске сала кетейік, "
                               "2025 жыл бойы Қазақстанға 16,7 мың адам көшіп келді.\n",
                     document_date="2026-04-20", language="kk")
    assert found[16700][0] == "2025"


# --- ranked lists with leader dots or dashes, under a lead-in line and a blank line --------------


def test_a_ranked_list_with_leaders_under_its_lead_in(tmp_path):
    found = reported(tmp_path, "Astana, 14 August 2026\n\nIn the first half of 2026, 8,846 people "
                               "arrived in Kazakhstan.\n\nTop countries of origin of the arrivals:\n\n"
                               "  1. Uzbekistan ............ 3,406\n  2. China ................. 1,388\n\n"
                               "Main destinations of those who left:\n\n  1. Russia -- 4,371\n"
                               "  2. Germany -- 598\n", document_date="2026-08-14")
    assert found[3406] == ("2026-H1", "immigration", "UZB", None)
    assert found[1388] == ("2026-H1", "immigration", "CHN", None)
    assert found[4371] == ("2026-H1", "emigration", "RUS", None)
    found = reported(tmp_path, "Астана, 14 августа 2026 г.\n\nВ первом полугодии 2026 года в Казахстан "
                               "прибыли 8 846 человек.\n\nОсновные страны выбытия прибывших (изменение к "
                               "I полугодию 2025 года):\n  1. Узбекистан ........ 3 406 (+9,2%)\n"
                               "  2. Китай ............. 1 388 (-2,0%)\n", document_date="2026-08-14")
    assert found[3406] == ("2026-H1", "immigration", "UZB", None)
    assert found[1388] == ("2026-H1", "immigration", "CHN", None)


def test_leader_dots_in_prose_still_end_nothing_but_an_ellipsis_ends_a_sentence(tmp_path):
    # near miss: a contents line's leader to a page number is no figure (no migration word); an
    # ellipsis before a capital still ends its sentence
    found = reported(tmp_path, "Contents\n\nExternal migration ........ 12\nInternal migration ........ 17"
                               "\n\nIn 2025, 14,795 people arrived... Then 16,930 left.\n",
                     document_date="2026-02-16")
    assert 12 not in found and 17 not in found
    assert found[14795][1] == "immigration" and found[16930][1] == "emigration"


def test_a_count_registered_in_a_when_clause_of_its_time(tmp_path):
    found = reported(tmp_path, "In July-September 2025, 4,310 people moved to Kazakhstan, 6.8% more "
                               "than in the same quarter of 2024, when 4,036 were registered.\n",
                     document_date="2025-10-21")
    assert found[4036] == ("2024-Q3", "immigration", None, None)
    # near miss: things registered are no people
    found = reported(tmp_path, "In July-September 2025, 4,310 people moved to Kazakhstan; 36 new "
                               "companies were registered.\n", document_date="2025-10-21")
    assert 36 not in found


# --- a caption's "by country of departure" names the countries, not the table's direction -------


def test_arrivals_by_country_of_departure_are_arrivals(tmp_path):
    found = reported(tmp_path, "Таблица 1. Прибывшие на постоянное жительство по странам выбытия, человек"
                               "\n\nСтрана            2024      2025\nУзбекистан       6 512     7 128\n"
                               "Китай            2 604     2 377\n", document_date="2026-03-01")
    assert found[6512] == ("2024", "immigration", "UZB", None)
    found = reported(tmp_path, "Table 1. Emigrants by country of arrival, persons\n\n"
                               "Country           2024      2025\nRussia           8 905     8 120\n"
                               "Germany          1 164     1 020\n", document_date="2026-03-01")
    assert found[8905] == ("2024", "emigration", "RUS", None)
    # near miss: a caption whose own word is the direction keeps it
    found = reported(tmp_path, "Table 2. Departures for permanent residence, persons\n\n"
                               "Country           2024      2025\nRussia           8 905     8 120\n",
                     document_date="2026-03-01")
    assert found[8905] == ("2024", "emigration", "RUS", None)


def test_a_neighbours_ministry_in_the_title_and_the_flows_that_follow_its_first(tmp_path):
    found = reported(tmp_path, "Минтруд Узбекистана: в Казахстан уехали меньше\n\nТашкент, 20 октября "
                               "2025 г.\n\nВ январе–сентябре 2025 года в Казахстан выехали 2 410 граждан "
                               "Узбекистана. Годом ранее в соседнюю республику переселились 2 630 "
                               "человек.\n\nЗа девять месяцев из Казахстана в Узбекистан вернулись и "
                               "переселились 310 человек. В целом за рубеж выехали около 9,4 тыс. "
                               "жителей республики. Зарплаты выше: около "
                               "420 тыс. тенге против 65 тыс. сумов.\n", document_date="2025-10-20")
    assert found[2410] == ("2025-9M", "emigration", "KAZ", "UZB")
    assert found[2630] == ("2024-9M", "emigration", "KAZ", "UZB")      # "the neighbouring republic"
    assert found[310] == ("2025-9M", "immigration", "KAZ", "UZB")
    assert found[9400][1:] == ("emigration", None, "UZB")              # abroad: Uzbekistan's own total
    assert 65000 not in found


# --- Kazakhstan named as one end decides over the word of the number -----------------------------


def test_a_table_of_partners_as_they_record_their_exchange_with_kazakhstan(tmp_path):
    found = reported(tmp_path, "Table 2. Exchange with Kazakhstan as the partner countries record it, "
                               "2025 (persons)\nPartner         Left for Kazakhstan   Came from Kazakhstan"
                               "   Gain for Kazakhstan\nUzbekistan            4,915                  688"
                               "                  +4,227\nKyrgyzstan            1,063                  246"
                               "                    +817\n", document_date="2026-03-18")
    assert found[4915] == ("2025", "immigration", "UZB", None)
    assert found[246] == ("2025", "emigration", "KGZ", None)
    assert found[4227] == ("2025", "net", "UZB", None)


def test_departures_to_kazakhstan_arrive_in_it(tmp_path):
    found = reported(tmp_path, "The Tajik corridor grew by about 9% on 2024, when 365 departures to "
                               "Kazakhstan were registered.\n", document_date="2026-03-18")
    assert found[365] == ("2024", "immigration", "TJK", None)
    # near misses: a counter flow after the route; "data from Kazakhstan's bureau" is no route
    found = reported(tmp_path, "В 2024 году из Кыргызстана в Казахстан переехали 982 человека, тогда как "
                               "в обратном направлении — 240.\n", document_date="2025-07-18")
    assert found[240] == ("2024", "emigration", "KGZ", None)
    found = reported(tmp_path, "In the first half of 2026 Kazakhstan registered 1,146 immigrants from "
                               "Kyrgyzstan, up from 978 in January-June 2025, data from Kazakhstan's "
                               "Bureau of National Statistics show.\n", document_date="2026-09-09")
    assert found[978] == ("2025-H1", "immigration", "KGZ", None)


# --- Kazakh: a quarter of "this year", and an office named after its country ---------------------


def test_a_kazakh_quarter_of_this_year_and_a_neighbours_agency_named_after_its_country(tmp_path):
    found = reported(tmp_path, "Шымкент, 2026 жылғы 28 сәуір. Биылғы жылдың бірінші тоқсанында "
                               "Өзбекстаннан Қазақстанға 1 412 адам көшіп келді.\n\nӨзбекстан Президенті "
                               "жанындағы Статистика агенттігі сол тоқсанда Қазақстанға көшіп кеткен өз "
                               "азаматтарының санын 1 284 адам деп көрсеткен.\n",
                     document_date="2026-04-28", language="kk")
    assert found[1412] == ("2026-Q1", "immigration", "UZB", None)
    assert found[1284] == ("2026-Q1", "emigration", "KAZ", "UZB")
    # near miss: "бірінші тоқсанда" with a year of its own keeps that year
    found = reported(tmp_path, "2025 жылғы бірінші тоқсанда Қазақстанға 1 236 адам көшіп келді.\n",
                     document_date="2026-04-28", language="kk")
    assert found[1236][0] == "2025-Q1"


# --- balances stated as a loss far before the number; a compared time after "тыс." ---------------


def test_a_net_loss_named_well_before_its_number_is_negative(tmp_path):
    found = reported(tmp_path, "Uzbekistan's net loss in its exchange with Kazakhstan therefore widened "
                               "to 1,121 persons in 2025.\n", document_date="2026-04-22")
    assert found[-1121][1] == "net"
    # near miss: a loss named in an earlier sentence does not reach the number
    found = reported(tmp_path, "The net loss narrowed. In 2025 net migration was 1,121 persons.\n",
                     document_date="2026-04-22")
    assert found[1121][1] == "net"


def test_a_compared_time_after_a_number_in_thousands_dates_nothing_after_it(tmp_path):
    found = reported(tmp_path, "За январь–сентябрь 2026 года в Казахстан прибыли 13 480 человек. Выехали "
                               "за рубеж около 12,1 тыс. граждан, тогда как за те же месяцы 2025 года "
                               "страну покинули почти 14,6 тыс. человек. В результате сальдо составило "
                               "1 380 человек.\n", document_date="2026-10-22")
    assert found[14600][0] == "2025-9M"
    assert found[1380] == ("2026-9M", "net", None, None)


def test_a_country_that_lost_residents_through_migration_and_the_loss_restated(tmp_path):
    found = reported(tmp_path, "In 2025, 14,795 people settled in Kazakhstan and 16,930 left, so the "
                               "country lost 2,135 residents through external migration. In 2024 the loss "
                               "had been smaller, at 1,210.\n", document_date="2026-03-01")
    assert found[-2135] == ("2025", "net", None, None)
    assert found[-1210] == ("2024", "net", None, None)
    # near miss: residents lost to one country by emigration stay emigration
    found = reported(tmp_path, "In 2025 the country lost 2,135 residents to Russia.\n",
                     document_date="2026-03-01")
    assert found[2135][1:3] == ("emigration", "RUS")


# --- a table of years by rows, its columns named by a partner and Kazakhstan's end ---------------


def test_columns_of_a_partner_and_kazakhstans_end_over_two_header_lines(tmp_path):
    found = reported(tmp_path, "Astana, 12 February 2026\n\nThe records are summarised below (persons).\n\n"
                               "    Year    Departed from Tajikistan    Arrived in Tajikistan\n"
                               "            to Kazakhstan               from Kazakhstan\n"
                               "    2023            301                        49\n"
                               "    2024            365                        52\n",
                     document_date="2026-02-12")
    assert found[301] == ("2023", "immigration", "TJK", None)
    assert found[52] == ("2024", "emigration", "TJK", None)
    # the same table under the Tajik agency's own sentence keeps its reporter (the mirror above)
    found = reported(tmp_path, "Astana, 12 February 2026\n\nThe Tajik agency's records are summarised "
                               "below (persons).\n\n    Year    Departed from Tajikistan to Kazakhstan"
                               "    Arrived in Tajikistan from Kazakhstan\n"
                               "    2023            301                        49\n",
                     document_date="2026-02-12")
    assert found[301] == ("2023", "emigration", "KAZ", "TJK")
    assert found[49] == ("2023", "immigration", "KAZ", "TJK")
    # near miss: columns of Kazakhstan's ends alone name no partner
    found = reported(tmp_path, "Year    To Kazakhstan    From Kazakhstan\n2023      16,410    12,690\n",
                     document_date="2024-02-12")
    assert found[16410][2] is None


def test_a_loss_that_narrowed_by_a_number_is_a_change_not_a_flow(tmp_path):
    found = reported(tmp_path, "In 2025 the loss to Russia narrowed by 930 people, while 8,905 people "
                               "left for Russia.\n", document_date="2026-03-01")
    assert 930 not in found
    assert found[8905][1:3] == ("emigration", "RUS")


def test_kazakh_half_years_without_a_year_and_a_compared_period_made_an_adjective(tmp_path):
    found = reported(tmp_path, "Қостанай, 2026 жылғы 18 қараша. 2026 жылдың қаңтар–қыркүйек айларында "
                               "облысқа 1 364 адам көшіп келді. Бұл өткен жылдың сәйкес кезеңіндегі 1 212 "
                               "адамнан 12,5 пайызға көп. Осы кезеңде облыстан шетелге 2,3 мың адам көшіп "
                               "кетті.\n\nБірінші жартыжылдықта облысқа 842 адам келсе, үшінші тоқсанда "
                               "тағы 522 адам қоныс тепті.\n", document_date="2026-11-18", language="kk")
    assert found[1212][0] == "2025-9M"
    assert found[2300][:2] == ("2026-9M", "emigration")
    assert found[842][:2] == ("2026-H1", "immigration")
    assert found[522][0] == "2026-Q3"
    # near miss: the same period of last year leading its own sentence still dates that sentence
    found = reported(tmp_path, "2026 жылдың қаңтар–қыркүйек айларында облысқа 1 364 адам көшіп келді. "
                               "Өткен жылдың сәйкес кезеңінде 1 212 адам көшіп келген еді.\n",
                     document_date="2026-11-18", language="kk")
    assert found[1212][0] == "2025-9M"


def test_a_year_earlier_after_a_table_of_one_year_counts_from_the_tables_year(tmp_path):
    table = ("Таблица 2. Внешняя миграция по странам, 2025 год (человек)\n\n"
             "Страна            Прибыло   Выбыло   Сальдо\nУзбекистан         7 128      612     6 516\n"
             "Россия             2 236    8 905    -6 669\n\n")
    found = reported(tmp_path, "Дата выпуска: 20.03.2026\n\n" + table + "Для сравнения: годом ранее "
                     "сальдо внешней миграции составило 3 336 человек.\n", document_date="2026-03-20")
    assert found[3336] == ("2024", "net", None, None)
    # near miss: a year the text states after the table is the time again
    found = reported(tmp_path, "Дата выпуска: 20.03.2026\n\n" + table + "В 2023 году прибыли 15 200 "
                     "человек, годом ранее — 14 100.\n", document_date="2026-03-20")
    assert found[14100][0] == "2022"


def test_a_count_among_the_arrivals_and_a_count_weighed_by_already(tmp_path):
    found = reported(tmp_path, "С января по сентябрь 2026 года в Казахстан прибыли 12 500 человек. "
                               "Среди прибывших 7 420 – этнические казахи.\n", document_date="2026-11-18")
    assert found[7420] == ("2026-9M", "immigration", None, None)
    found = reported(tmp_path, "In 2023, 4,320 citizens of Uzbekistan moved to Kazakhstan, and in 2024 "
                               "already 4,650.\n", document_date="2025-08-18")
    assert found[4650] == ("2024", "immigration", "UZB", None)
    # near miss: among the arrivals, a share is no count
    found = reported(tmp_path, "In 2025, 12,500 people arrived. Among the arrivals, 38.6% were aged 25-39.\n",
                     document_date="2026-02-18")
    assert set(found) & {25, 39} == set()


def test_partners_that_contributed_counts_respectively(tmp_path):
    found = reported(tmp_path, "In 2025 China followed with 2,958, while Turkmenistan and Mongolia "
                               "contributed 1,177 and 604 immigrants respectively.\n",
                     document_date="2026-04-01")
    assert found[1177][1:3] == ("immigration", "TKM")
    assert found[604][1:3] == ("immigration", "MNG")
    # near miss: money contributed is no count of people
    found = reported(tmp_path, "In 2025 donors contributed 1,177 million tenge to the resettlement "
                               "programme.\n", document_date="2026-04-01")
    assert 1177 not in found and 1177000000 not in found


def test_the_notes_under_a_quarterly_table_are_of_its_year(tmp_path):
    found = reported(tmp_path, "Дата выпуска: 12.02.2026\n\nТаблица 5. Выбывшие по странам назначения, "
                               "2025 год (человек)\n                  I кв.   II кв.   III кв.   IV кв.\n"
                               "Россия            1 705    1 590    1 520    1 615\n\n"
                               "² Данные за IV квартал предварительные.\n\n"
                               "Годовой отток оказался на 4,0% меньше, чем в 2024 году (6 700 человек); "
                               "годом ранее в Россию выехали 7 910 человек.\n",
                     document_date="2026-02-12")
    assert found[7910] == ("2024", "emigration", "RUS", None)
    # near miss: a paragraph of prose under the table is no note, its own year stands
    found = reported(tmp_path, "Таблица 5. Выбывшие по странам назначения, 2025 год (человек)\n"
                               "                  I кв.   II кв.\nРоссия            1 705    1 590\n\n"
                               "Данные за IV квартал 2026 года: в Россию выехали 1 615 человек.\n",
                     document_date="2027-02-12")
    assert found[1615][0] == "2026-Q4"


def test_the_same_months_of_an_earlier_year_told_in_the_past_perfect_date_their_sentence_only(tmp_path):
    found = reported(tmp_path, "- In January–June 2026, 8,610 people arrived in Kazakhstan.\n"
                               "- Departures fell to 7,402 persons; in the same six months of 2025, 8,170 "
                               "people had left the country.\n- Net migration thus turned positive, at "
                               "+1,208 people.\n", document_date="2026-07-20")
    assert found[8170][0] == "2025-H1"
    assert found[1208] == ("2026-H1", "net", None, None)
    # near miss: the same months of 2025 told in the simple past move the text on, as before
    found = reported(tmp_path, "In January–June 2026, 8,610 people arrived.\n\nIn the same six months of "
                               "2025, 8,170 people left. Of them, 4,100 went to Russia.\n",
                     document_date="2026-07-20")
    assert found[4100][0] == "2025-H1"


def test_students_enrolled_are_no_flow(tmp_path):
    found = reported(tmp_path, "In July-September 2025, 4,412 people arrived in Kazakhstan, and about "
                               "1,150 foreign students enrolled at Kazakh universities this autumn.\n",
                     document_date="2025-10-20")
    assert 1150 not in found and found[4412][1] == "immigration"
    # near miss: students who arrived are arrivals
    found = reported(tmp_path, "In 2025, 1,150 foreign students arrived in Kazakhstan.\n",
                     document_date="2026-01-20")
    assert found[1150][1] == "immigration"


def test_two_small_number_words_in_a_row_are_two_numbers(tmp_path):
    from kzmig_kg.loader.extract.numwords import find_number_words
    assert find_number_words("between four and seven arrivals per departure") == []
    assert [v for _, _, v in find_number_words("eleven and twelve")] == [11, 12]
    # near misses: a word below the order of the one before adds to it
    assert [v for _, _, v in find_number_words("сто двадцать пять человек")] == [125]
    assert [v for _, _, v in find_number_words("twenty-five people, жиырма бес адам")] == [25, 25]


def test_a_series_restated_last_year_is_of_the_same_span(tmp_path):
    found = reported(tmp_path, "2026 жылдың қаңтар–қыркүйек айларында Қазақстаннан Өзбекстанға 318 адам "
                               "қоныс аударды, былтыр бұл көрсеткіш 356 адам болған.\n",
                     document_date="2026-10-19", language="kk")
    assert found[356] == ("2025-9M", "emigration", "UZB", None)
    found = reported(tmp_path, "In January-September 2026, 318 people moved from Kazakhstan to "
                               "Uzbekistan; in 2025 the corresponding number was 356.\n",
                     document_date="2026-10-19")
    assert found[356][0] == "2025-9M"
    # near miss: a year's own figure with no series restated keeps the year
    found = reported(tmp_path, "In January-September 2026, 318 people moved from Kazakhstan to "
                               "Uzbekistan. In 2025 as a whole, 512 people moved there.\n",
                     document_date="2026-10-19")
    assert found[512][0] == "2025"


def test_a_part_of_the_figure_before_in_a_quarter_of_its_half_year(tmp_path):
    found = reported(tmp_path, "В январе–июне 2025 года в Казахстан выехали 2 410 человек.\n\nПочти "
                               "половина из них – 1 180 человек – уехала во втором квартале.\n\nВстречный "
                               "поток скромнее: из Казахстана прибыли около 300 человек.\n",
                     document_date="2025-08-18")
    assert found[1180][0] == "2025-Q2"
    assert found[300][0] == "2025-H1"      # the part's quarter dates nothing after it
    # near miss: a quarter stated for the text, not for a part, moves it on
    found = reported(tmp_path, "В январе–июне 2025 года в Казахстан выехали 2 410 человек.\n\nВо втором "
                               "квартале выехали 1 180 человек. Из Казахстана прибыли 150 человек.\n",
                     document_date="2025-08-18")
    assert found[150][0] == "2025-Q2"


def test_a_place_then_an_approximate_count_and_fewer_than_the_count_of_a_year(tmp_path):
    found = reported(tmp_path, "In January-September 2025, Russia took 6,200 emigrants. Germany received "
                               "830 and Belarus just over 300.\n", document_date="2025-10-20")
    assert found[300] == ("2025-9M", "emigration", "BLR", None)
    found = reported(tmp_path, "In 2025, 12,100 people left Kazakhstan, about 10% fewer than the 13,450 "
                               "of 2024.\n", document_date="2026-02-20")
    assert found[13450] == ("2024", "emigration", None, None)
    # near miss: "over" after a place that names no count
    found = reported(tmp_path, "In 2025, 12,100 people left Kazakhstan; Russia over 2020-2025 took most.\n",
                     document_date="2026-02-20")
    assert 2020 not in found


def test_nationals_who_work_somewhere_at_any_time_are_a_stock(tmp_path):
    found = reported(tmp_path, "In 2025, 412 people moved from Tajikistan to Kazakhstan, while in Russia an "
                               "estimated 600,000 Tajik nationals work at any time.\n",
                     document_date="2026-02-12")
    assert 600000 not in found and found[412][1:3] == ("immigration", "TJK")


def test_a_count_of_the_years_immigrants_is_no_count_of_years(tmp_path):
    found = reported(tmp_path, "In 2025 Uzbekistan again supplied the largest group: 6,402 of the year's "
                               "immigrants came from there.\n", document_date="2026-04-01")
    assert found[6402][1] == "immigration"
    # near miss: "35 of the years" stays a count of years
    found = reported(tmp_path, "In 2025, 6,402 immigrants arrived; in 35 of the years since 1991 "
                               "arrivals exceeded departures.\n", document_date="2026-04-01")
    assert 35 not in found


def test_newcomers_who_previously_lived_in_a_country_came_from_it(tmp_path):
    found = reported(tmp_path, "In 2024, 17,690 people settled in Kazakhstan from abroad; 8,140 of them had "
                               "previously lived in Uzbekistan.\n", document_date="2025-06-01")
    assert found[8140] == ("2024", "immigration", "UZB", None)
    found = reported(tmp_path, "В 2024 году в Казахстан прибыли 17 690 человек, 8 140 из них ранее "
                               "проживали в Узбекистане.\n", document_date="2025-06-01")
    assert found[8140] == ("2024", "immigration", "UZB", None)
    # near miss: people who left and had lived in a region of Kazakhstan name no partner
    found = reported(tmp_path, "In 2024, 12,100 people left Kazakhstan; 4,020 of them had previously "
                               "lived in Almaty.\n", document_date="2025-06-01")
    assert found[4020][2] is None


# --- the second part's held-out sets (blindN2, blindO2, blindP2) ----------------------------------


def test_permits_said_to_be_valid_after_their_count_are_a_stock(tmp_path):
    found = reported(tmp_path, "In 2024, 4,310 workers arrived from Uzbekistan. About 2,900 permits to "
                               "employ foreign labour were valid at the end of 2024.\n",
                     document_date="2025-03-01")
    assert 2900 not in found and found[4310][1:3] == ("immigration", "UZB")
    found = reported(tmp_path, "В 2024 году из Узбекистана прибыли 4 310 работников. На конец года "
                               "действовали 2 900 разрешений на привлечение иностранной рабочей силы.\n",
                     document_date="2025-03-01")
    assert 2900 not in found
    # near miss: permits issued in the year are kept as before (an indicator of their own)
    found = reported(tmp_path, "In 2024, employers were issued 2,900 work permits for migrants.\n",
                     document_date="2025-03-01")
    assert 2900 in found


def test_a_service_telephone_number_is_no_count(tmp_path):
    found = reported(tmp_path, "2025 жылдың бірінші жартыжылдығында Қазақстанға 6 120 қандас келді.\n\n"
                               "Анықтама үшін: 1414 бірыңғай байланыс орталығы.\n", language="kk",
                     document_date="2025-07-22")
    assert 1414 not in found and 6120 in found
    found = reported(tmp_path, "In the first half of 2025, 6,120 kandas arrived. Questions on migration: "
                               "hotline 1414.\n", document_date="2025-07-22")
    assert 1414 not in found and 6120 in found


def test_moves_within_the_republic_are_internal(tmp_path):
    found = reported(tmp_path, "В 2025 году из-за рубежа прибыли 12 736 человек. Кроме того, в пределах "
                               "республики сменили место жительства 231,4 тыс. человек.\n",
                     document_date="2026-02-01")
    assert 231400 not in found and 12736 in found
    found = reported(tmp_path, "In 2025, 12,736 people arrived from abroad, and 231,400 people changed "
                               "their residence within the country.\n", document_date="2026-02-01")
    assert 231400 not in found and 12736 in found
    # near miss: "within the year" names no move inside the country
    found = reported(tmp_path, "In 2025, 12,736 people arrived from abroad; 2,100 left within the year.\n",
                     document_date="2026-02-01")
    assert 2100 in found


def test_a_sum_in_kazakh_tenge_is_no_count_of_people(tmp_path):
    found = reported(tmp_path, "2025 жылы облысқа 540 қандас көшіп келді. Қандастарға көшу үшін 1,2 млрд "
                               "теңге субсидия төленді.\n", language="kk", document_date="2026-01-15")
    assert 1200000000 not in found and 540 in found


def test_newcomers_in_russian_are_arrivals(tmp_path):
    found = reported(tmp_path, "За январь–июнь 2025 года за рубеж выехали 2 146 жителей области. Среди "
                               "новоселов больше всего выходцев из России (312 человек) и Узбекистана "
                               "(276).\n", document_date="2025-08-01")
    assert found[312][1:3] == ("immigration", "RUS")
    assert found[276][1:3] == ("immigration", "UZB")


def test_the_reporting_period_of_a_heading_without_its_year_takes_the_leads_year(tmp_path):
    found = reported(tmp_path, "Число уехавших сократилось за девять месяцев\n\nАСТАНА, 14 ноября 2026. Бюро "
                               "опубликовало данные о миграции за январь–сентябрь 2026 года.\n\nЗа отчетный "
                               "период в Казахстан прибыли 13,6 тыс. человек, тогда как годом ранее – "
                               "11,9 тыс.\n", document_date="2026-11-14")
    assert found[13600][:2] == ("2026-9M", "immigration")
    assert found[11900][:2] == ("2025-9M", "immigration")


def test_an_exchange_in_a_contrasting_clause_is_not_the_numbers_partner(tmp_path):
    found = reported(tmp_path, "In 2025, net migration: the exchange with Uzbekistan alone brought a gain of "
                               "6,830, whereas "
                               "the exchange with Russia produced a net loss of 6,980.\n",
                     document_date="2026-03-01")
    assert found[6830][1:3] == ("net", "UZB") and found[-6980][1:3] == ("net", "RUS")
    # near miss: the partner of a balance named after it in the same clause is kept
    found = reported(tmp_path, "In 2025, Kazakhstan recorded a net gain of 3,808 from its migration exchange "
                               "with Uzbekistan.\n", document_date="2026-03-01")
    assert found[3808][1:3] == ("net", "UZB")


def test_a_place_of_the_clause_before_a_semicolon_is_no_partner_of_a_count_from_kazakhstan(tmp_path):
    found = reported(tmp_path, "В 2025 году доля Германии среди выбывших выросла до 9,1%; для "
                               "сравнения, в 2024 году из страны выбыли 15 870 человек.\n",
                     document_date="2026-03-01")
    assert found[15870][1:3] == ("emigration", None)
    # near miss: the count of the place's own clause keeps it
    found = reported(tmp_path, "В 2024 году в Германию выбыли 1 160 человек.\n", document_date="2026-03-01")
    assert found[1160][1:3] == ("emigration", "DEU")


def test_citizens_and_natives_of_a_country_came_from_it(tmp_path):
    found = reported(tmp_path, "В 2024 году в Казахстан прибыли 16 380 человек, в том числе 4 100 граждан и "
                               "уроженцев из Кыргызстана.\n", document_date="2025-03-01")
    assert found[4100][1:3] == ("immigration", "KGZ")
    # near miss: "и" before a second count's place is another item, not the same group
    found = reported(tmp_path, "В 2024 году из Кыргызстана прибыли 4 100 граждан и 300 человек из Китая.\n",
                     document_date="2025-03-01")
    assert found[4100][2] == "KGZ"


def test_a_kazakh_comparison_of_the_list_item_before_dates_no_later_item(tmp_path):
    found = reported(tmp_path, "2026 жылдың бірінші тоқсанының қорытындысы:\n\n"
                               "• облысқа 2 450 қандас көшіп келді, бұл өткен жылдың сәйкес кезеңімен "
                               "салыстырғанда 5,2%-ға көп;\n"
                               "• олардың 1 310-ы Қытайдан келді.\n", language="kk",
                     document_date="2026-04-20")
    assert found[2450][:2] == ("2026-Q1", "immigration")
    assert found[1310] == ("2026-Q1", "immigration", "CHN", None)
    # near miss: "ол кезде" (then) points back to the compared period, which dates its number
    found = reported(tmp_path, "2026 жылдың бірінші тоқсанында облысқа 2 450 қандас көшіп келді. Бұл өткен "
                               "жылдың сәйкес кезеңімен салыстырғанда 5,2%-ға көп. Ол кезде 2 329 адам "
                               "келген болатын.\n", language="kk", document_date="2026-04-20")
    assert found[2329][0] == "2025-Q1"


def test_a_signed_count_after_a_connective_and_a_net_exchange(tmp_path):
    found = reported(tmp_path, "In 2025, Russia took 10,120 emigrants and sent 1,905. Kazakhstan's net "
                               "exchange with Russia was therefore minus 8,215.\n",
                     document_date="2026-03-01")
    assert found[-8215] == ("2025", "net", "RUS", None)
    found = reported(tmp_path, "В 2025 году в Россию выехали 10 120 человек, прибыли оттуда 1 905. Сальдо "
                               "обмена с Россией составило, таким образом, минус 8 215 человек.\n",
                     document_date="2026-03-01")
    assert found[-8215][1:3] == ("net", "RUS")
    # near miss: "therefore" before a year is no count
    found = reported(tmp_path, "In 2025, Russia took 10,120 emigrants; departures therefore fell below "
                               "the level of 2019.\n", document_date="2026-03-01")
    assert 2019 not in found


def test_a_part_after_v_tom_chisle_with_its_verb_and_place(tmp_path):
    found = reported(tmp_path, "За январь–сентябрь 2026 года в область прибыли 1 045 кандасов, в том "
                               "числе 702 переехали из Узбекистана.\n", document_date="2026-10-20")
    assert found[702] == ("2026-9M", "immigration", "UZB", None)
    # near miss: a part of a stock after "в том числе", with no verb of moving, stays out
    found = reported(tmp_path, "В 2026 году в области проживают 1 045 кандасов, в том числе 702 "
                               "пенсионера.\n",
                     document_date="2026-10-20")
    assert 702 not in found


# --- the third part: blindQ2, blindR2, blindS2 ------------------------------------------------------


def test_a_list_under_a_heading_of_where_people_come_from_or_go(tmp_path):
    found = reported(tmp_path, "Итоги 2025 года: из Казахстана выехали 9 000 человек.\n\n"
                               "Откуда чаще всего приезжают:\n• Узбекистан — 3 100\n• Китай — 1 200\n\n"
                               "Куда уезжают:\n• Россия — 5 000\n", document_date="2026-02-01")
    assert found[3100] == ("2025", "immigration", "UZB", None)
    assert found[1200] == ("2025", "immigration", "CHN", None)
    assert found[5000] == ("2025", "emigration", "RUS", None)
    found = reported(tmp_path, "In 2025, 9,000 people left Kazakhstan.\n\nWhere the newcomers come from:\n"
                               "- Uzbekistan - 3,100\n\nWhere do leavers head?\n- Russia - 5,000\n",
                     document_date="2026-02-01")
    assert found[3100][1] == "immigration"
    assert found[5000][1] == "emigration"
    # near miss: "where" that asks nothing of a flow's direction sets none
    found = reported(tmp_path, "In 2025, 9,000 people left Kazakhstan, most of them for Russia, where "
                               "they go on living.\n", document_date="2026-02-01")
    assert found[9000][1] == "emigration"


def test_a_year_ago_is_the_same_span_a_year_before(tmp_path):
    found = reported(tmp_path, "Январь–сентябрь 2026 года.\n\nСальдо — плюс 1 675 человек. Год назад было "
                               "минус 410.\n", document_date="2026-11-16")
    assert found[1675][0] == "2026-9M"
    assert found[-410] == ("2025-9M", "net", None, None)
    found = reported(tmp_path, "In the first half of 2026, net migration was plus 1,675 people. A year ago "
                               "it was minus 410.\n", document_date="2026-08-01")
    assert found[-410][0] == "2025-H1"
    # near miss: "через год" is no year before
    found = reported(tmp_path, "За первый квартал 2026 года выбыли 2 100 человек. Через год назад не "
                               "оглянешься.\n", document_date="2026-05-01")
    assert found[2100][0] == "2026-Q1"


def test_the_same_period_of_an_earlier_year_is_no_this_period(tmp_path):
    text = ("Kazakhstan gained residents in the first six months of 2026.\n\nA total of 8,942 people "
            "moved to the country, against 8,105 a year earlier. Departures fell to just over 7,600 "
            "from 8,390 in the same period of 2025, leaving a net inflow of about 1,300 people.\n")
    found = reported(tmp_path, text, document_date="2026-08-17")
    assert found[7600][0] == "2026-H1"
    assert found[8390][0] == "2025-H1"
    assert found[1300] == ("2026-H1", "net", None, None)
    # near miss: "in the same period" with no time of its own is the period of the sentence before
    found = reported(tmp_path, "In the first half of 2026, 8,942 people moved to Kazakhstan. In the same "
                               "period, 7,600 people left.\n", document_date="2026-08-17")
    assert found[7600][0] == "2026-H1"


def test_a_kazakh_formal_name_declines_its_last_word(tmp_path):
    found = reported(tmp_path, "2025 жылдың бірінші жартыжылдығында облыстан 3 000 адам көшіп кетті. "
                               "Кетушілердің басым бөлігі, яғни 2 604 адам, Ресей Федерациясына қоныс "
                               "аударды. Олардың 180 адамы – Беларусь Республикасына көшті.\n",
                     language="kk", document_date="2025-08-01")
    assert found[2604] == ("2025-H1", "emigration", "RUS", None)
    assert found[180][2] == "BLR"
    # near miss: the genitive of a formal name ("citizens of the Russian Federation") is no destination
    found = reported(tmp_path, "2025 жылы облыстан 3 000 адам көшіп кетті, оның 1 684 адамы Ресей "
                               "Федерациясының азаматтары.\n", language="kk", document_date="2026-02-01")
    assert found[1684][2] is None


def test_the_same_series_after_a_dash_in_a_while_clause_keeps_its_partner(tmp_path):
    found = reported(tmp_path, "В первом полугодии 2026 года в Российскую Федерацию выбыли 5 120 человек, "
                               "тогда как за январь–июнь прошлого года — 5 940.\n",
                     document_date="2026-09-03")
    assert found[5940] == ("2025-H1", "emigration", "RUS", None)
    found = reported(tmp_path, "In the first half of 2026, 5,050 people left for Russia, while in the same "
                               "half of 2025 — 5,870.\n", document_date="2026-09-03")
    assert found[5870][2] == "RUS"
    # near miss: a place of its own after the dash keeps it
    found = reported(tmp_path, "В 2025 году в Германию выехали 900 человек, а в Россию — 5 000.\n",
                     document_date="2026-03-01")
    assert found[5000][2] == "RUS"


def test_resettled_there_names_the_country_before(tmp_path):
    found = reported(tmp_path, "Russia is still where most of those leaving head. Some 5,050 residents of "
                               "Kazakhstan resettled there in the first half of 2026, compared with 5,870 "
                               "in the first half of 2025.\n", document_date="2026-08-17")
    assert found[5050] == ("2026-H1", "emigration", "RUS", None)
    assert found[5870] == ("2025-H1", "emigration", "RUS", None)


def test_a_second_subject_whose_verb_is_left_out(tmp_path):
    found = reported(tmp_path, "In the first half of 2026, Tajikistan sent 214 people, and Kyrgyzstan "
                               "about 430.\n", document_date="2026-08-01")
    assert found[430] == ("2026-H1", "immigration", "KGZ", None)
    found = reported(tmp_path, "В 2025 году Россия приняла 10 100 человек, а Германия около 900.\n",
                     document_date="2026-03-01")
    assert found[900] == ("2025", "emigration", "DEU", None)
    # near miss: a country with no verb of sending before it sets no direction from one
    found = reported(tmp_path, "In 2025 the survey covered Tajikistan, and Kyrgyzstan about 430 "
                               "households.\n", document_date="2026-03-01")
    assert found.get(430, (None, None))[1] is None


def test_natsstatkom_in_a_title_reports_the_whole_item(tmp_path):
    text = ("Нацстатком: отток в Казахстан сократился\n\nБишкек, 5 марта 2026 г.\n\n"
            "Комитет опубликовал итоги за 2025 год. На постоянное жительство в Казахстан выбыли 1 034 "
            "человека.\n\nВстречное движение скромнее: из Казахстана прибыли 412 человек.\n\n"
            "Только в IV квартале в Казахстан уехали 298 жителей страны.\n\n"
            "Всего за 2025 год около 4,9 тыс. человек отправились в Российскую Федерацию.\n")
    found = reported(tmp_path, text, document_date="2026-03-05")
    assert found[1034] == ("2025", "emigration", "KAZ", "KGZ")
    assert found[298] == ("2025-Q4", "emigration", "KAZ", "KGZ")
    assert found[4900][3] == "KGZ"        # the neighbour's own third-country flow, not Kazakhstan's
    # near miss: a Kazakh item quoting no office keeps Kazakhstan's frame
    found = reported(tmp_path, "Астана, 5 марта 2026 г.\n\nВ 2025 году в Кыргызстан выбыли 1 034 "
                               "человека.\n", document_date="2026-03-05")
    assert found[1034] == ("2025", "emigration", "KGZ", None)


def test_a_migration_exchange_with_a_sign_is_a_balance(tmp_path):
    found = reported(tmp_path, "В 2025 году из Казахстана в Россию выехали 9 000 человек, а прибыли 2 000. "
                               "Миграционный обмен с Россией остался отрицательным – минус 7 000 человек.\n",
                     document_date="2026-03-05")
    assert found[-7000] == ("2025", "net", "RUS", None)
    # near miss: an exchange that grew, with a count of arrivals, is no balance
    found = reported(tmp_path, "В 2025 году миграционный обмен с Россией вырос: прибыли 2 000 человек.\n",
                     document_date="2026-03-05")
    assert found[2000][1] == "immigration"


def test_the_other_way_after_a_route_through_kazakhstan(tmp_path):
    found = reported(tmp_path, "In 2025, 742 people moved from Kyrgyzstan to Kazakhstan and 301 went the "
                               "other way.\n", document_date="2026-03-01")
    assert found[742] == ("2025", "immigration", "KGZ", None)
    assert found[301] == ("2025", "emigration", "KGZ", None)
    # near miss: a second count of the same route keeps its direction
    found = reported(tmp_path, "In 2025, 742 people moved from Kyrgyzstan to Kazakhstan and 301 from "
                               "Tajikistan to Kazakhstan.\n", document_date="2026-03-01")
    assert found[301][1] == "immigration"


def test_a_ministry_of_the_population_is_no_population(tmp_path):
    found = reported(tmp_path, "In the first half of 2026, 9,000 people arrived. The Ministry of Labour and "
                               "Social Protection of the Population said that 4,120 ethnic Kazakhs had been "
                               "granted kandas status over the same period.\n", document_date="2026-08-17")
    assert found[4120] == ("2026-H1", "immigration", None, None)
    # near miss: a population stays no flow
    found = reported(tmp_path, "In 2025 the population of the region reached 1,200,000 people.\n",
                     document_date="2026-08-17")
    assert found.get(1200000, (None, None))[1] is None


def test_an_age_range_after_a_comma_is_no_count(tmp_path):
    found = reported(tmp_path, "In 2025, 4,120 kandases arrived. Most of them are of working age, between "
                               "18 and 45.\n", document_date="2026-08-17")
    assert 45 not in found
    assert found[4120][1] == "immigration"
    # near miss: a count after a comma that follows no age word stays
    found = reported(tmp_path, "In 2025, by region: Turkistan, 4,120 arrivals.\n", document_date="2026-08-17")
    assert found[4120][1] == "immigration"


def test_the_bound_of_rows_left_out_is_no_count(tmp_path):
    found = reported(tmp_path, "В 2025 году прибыли 9 000 человек.\n\n* Включая страны, обмен с которыми не "
                               "превысил 50 человек в каждом направлении.\n", document_date="2026-03-01")
    assert 50 not in found
    found = reported(tmp_path, "In 2025, 9,000 people arrived.\n\n* Including countries with which the "
                               "exchange was below 50 people in either direction.\n",
                     document_date="2026-03-01")
    assert 50 not in found
    # near miss: a flow said not to exceed a number, with no class of rows, stays
    found = reported(tmp_path, "In 2025, 9,000 people arrived; departures to Russia did not exceed 4,000.\n",
                     document_date="2026-03-01")
    assert found[4000][1:3] == ("emigration", "RUS")
