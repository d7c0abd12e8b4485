"""The loader on the causes of the figure misses and extras of blind rounds 51-53 and the tenth
round's new sets (benchmarks/gold/README.md, "Issue 16, tenth round"), each in its general form,
in layouts and languages no gold document has. One fixture per mechanism, each with a near miss."""

from __future__ import annotations

from .conftest import extracted_figures as figures

# --- a time stated to compare with dates its own number or sentence, not the text after it -------


def test_a_relative_time_after_a_number_does_not_date_the_next_list_item(tmp_path):
    found = figures(tmp_path, "Astana, 22 October 2025\n\n"
                              "In July-September 2025, 4,362 people arrived in Kazakhstan.\n"
                              "- Departures: 3,905 residents left, compared with 4,154 in the same "
                              "quarter a year before.\n"
                              "- The migration balance was positive at 457 people.\n",
                    document_date="2025-10-22")
    assert found[4154] == ("2024-Q3", "emigration", None)
    assert found[457] == ("2025-Q3", "net", None)
    found = figures(tmp_path, "В июле–сентябре 2025 года в Казахстан прибыли 4 362 человека.\n"
                              "— Выбыли 3 905 человек против 4 154 за тот же квартал годом ранее.\n"
                              "— Сальдо миграции составило 457 человек.\n", document_date="2025-10-22")
    assert found[4154] == ("2024-Q3", "emigration", None)
    assert found[457] == ("2025-Q3", "net", None)


def test_a_relative_time_that_leads_its_sentence_still_dates_the_sentence_after_it(tmp_path):
    # near miss: "A year earlier, ..." is the time of what follows it
    found = figures(tmp_path, "In July-September 2025, 4,362 people arrived in Kazakhstan.\n\n"
                              "A year earlier, 3,881 people arrived. Most of them, 2,100 people, came "
                              "from Uzbekistan.\n", document_date="2025-10-22")
    assert found[3881] == ("2024-Q3", "immigration", None)
    assert found[2100] == ("2024-Q3", "immigration", "UZB")


def test_the_same_period_last_year_in_kazakh_and_english_word_order(tmp_path):
    found = figures(tmp_path, "Қостанай, 2026 жылғы 12 қазан.\n\nБиылғы жылдың алғашқы тоғыз айында "
                              "өңірге 1 214 қандас көшіп келді. Былтыр осы кезеңде олардың саны 986 адам "
                              "болған еді.\n\nКелгендердің 742-сі Өзбекстаннан көшіп келген.\n",
                    document_date="2026-10-12", language="kk")
    assert found[986] == ("2025-9M", "immigration", None)
    assert found[742] == ("2026-9M", "immigration", "UZB")
    found = figures(tmp_path, "In the first nine months of 2026, 1,214 kandases arrived. Last year in "
                              "the same period, 986 arrived.\n\nOf the newcomers, 742 came from "
                              "Uzbekistan.\n", document_date="2026-10-12")
    assert found[986] == ("2025-9M", "immigration", None)
    assert found[742] == ("2026-9M", "immigration", "UZB")
    found = figures(tmp_path, "За девять месяцев 2026 года прибыли 1 214 кандасов. В прошлом году за "
                              "тот же период прибыли 986 человек.\n\nИз Узбекистана прибыли 742 "
                              "человека.\n", document_date="2026-10-12")
    assert found[986] == ("2025-9M", "immigration", None)
    assert found[742] == ("2026-9M", "immigration", "UZB")


def test_the_same_span_of_an_earlier_year_stated_in_full_dates_its_sentence_only(tmp_path):
    found = figures(tmp_path, "2025 жылдың бірінші жартыжылдығында Өзбекстаннан 2 318 адам көшіп келді."
                              "\n\nБұл көп: 2024 жылдың алғашқы алты айында Өзбекстаннан 2 088 адам "
                              "келген еді.\n\nҚазақстаннан Өзбекстанға 264 адам қоныс аударды.\n",
                    document_date="2025-09-03", language="kk")
    assert found[2088] == ("2024-H1", "immigration", "UZB")
    assert found[264] == ("2025-H1", "emigration", "UZB")
    found = figures(tmp_path, "In the first half of 2025, 2,318 people moved from Uzbekistan to "
                              "Kazakhstan.\n\nThat is more than in the first half of 2024, when 2,088 "
                              "people had come from Uzbekistan. In the other direction, 264 people left for "
                              "Uzbekistan.\n", document_date="2025-09-03")
    assert found[2088] == ("2024-H1", "immigration", "UZB")
    assert found[264] == ("2025-H1", "emigration", "UZB")


def test_a_later_span_after_an_earlier_one_moves_the_text_on(tmp_path):
    # near miss: the text going forward (H1 2024, then H1 2025) takes the later span
    found = figures(tmp_path, "In the first half of 2024, 2,088 people arrived.\n\nIn the first half of "
                              "2025, 2,318 people arrived. Departures were 1,264.\n")
    assert found[2088] == ("2024-H1", "immigration", None)
    assert found[1264] == ("2025-H1", "emigration", None)


def test_an_earlier_year_after_the_figure_behind_after_is_the_comparison(tmp_path):
    found = figures(tmp_path, "4.1 Kazakhstan ended 2025 with a net gain of 3,323 people, after a net "
                              "loss of 1,120 in 2024.\n4.2 The exchange with Russia alone produced a "
                              "negative balance of 6,739 people.\n")
    assert found[-1120] == ("2024", "net", None)
    assert found[-6739] == ("2025", "net", "RUS")
    found = figures(tmp_path, "В 2025 году сальдо составило 3 323 человека после 1 120 человек в 2024 году. "
                              "С Россией сложилось отрицательное сальдо 6 739 человек.\n")
    assert found[-6739] == ("2025", "net", "RUS")


def test_a_positive_balance_stays_positive(tmp_path):
    # near miss: "positive", and "negative" about something else before the number
    found = figures(tmp_path, "In 2025 the exchange with Russia produced a positive balance of 6,739 "
                              "people.\n")
    assert found[6739] == ("2025", "net", "RUS")


# --- direction: Kazakh verbs matched inside other words, conditionals, asides, compared numbers ---


def test_a_kazakh_word_that_holds_a_verb_of_leaving_is_no_departure(tmp_path):
    # "мемлекеттерден" (from states) holds "кетт"; "шет мемлекеттерден", "шетелден" is from abroad
    found = figures(tmp_path, "Биылғы жылдың алғашқы тоғыз айында өңірге шет мемлекеттерден 1 214 қандас "
                              "қоныстанды.\n", document_date="2026-10-12", language="kk")
    assert found[1214] == ("2026-9M", "immigration", None)
    found = figures(tmp_path, "2025 жылы облысқа шетелдерден 1 102 адам қоныстанды.\n", language="kk")
    assert found[1102] == ("2025", "immigration", None)
    # near miss: "шетелге" (abroad, the dative) and a real "кетті" stay departures
    found = figures(tmp_path, "2025 жылы облыстан шетелге 2 915 адам көшіп кетті.\n", language="kk")
    assert found[2915] == ("2025", "emigration", None)


def test_a_kazakh_conditional_of_coming_is_an_arrival(tmp_path):
    found = figures(tmp_path, "2025 жылдың бірінші жартыжылдығында Қырғызстанмен алмасу оң болды: одан "
                              "412 адам көшіп келсе, Қырғызстанға 157 адам кетті.\n", language="kk")
    assert found[412] == ("2025-H1", "immigration", "KGZ")
    assert found[157] == ("2025-H1", "emigration", "KGZ")
    # near miss: the auxiliary "азайып келеді" (is decreasing) in a title says no direction
    found = figures(tmp_path, "Шетелге көшетіндер азайып келеді\n\n2025 жылы облыстан Ресейге 3 240 адам "
                              "көшіп кетті.\n", language="kk")
    assert found[3240] == ("2025", "emigration", "RUS")


def test_an_aside_between_a_country_and_its_verb_of_sending(tmp_path):
    found = figures(tmp_path, "Turkmenistan, not shown in the table, sent 611 settlers in 2024.\n")
    assert found[611] == ("2024", "immigration", "TKM")
    found = figures(tmp_path, "Russia, as in earlier years, took 9,406 emigrants in 2024.\n")
    assert found[9406] == ("2024", "emigration", "RUS")


def test_a_number_compared_with_a_figure_is_of_its_series(tmp_path):
    found = figures(tmp_path, "Turkmenistan sent 611 settlers in 2024 after 540 in 2023.\n")
    assert found[540] == ("2023", "immigration", "TKM")
    found = figures(tmp_path, "In 2024 Russia remained the main destination, receiving 9,406 emigrants (73% "
                              "of the total), against 10,118 a year earlier.\n")
    assert found[10118] == ("2023", "emigration", "RUS")
    found = figures(tmp_path, "В 2024 году в Россию выехали 9 406 человек (73% от общего числа) против "
                              "10 118 годом ранее.\n")
    assert found[10118] == ("2023", "emigration", "RUS")
    # near miss: another clause with its own country is another series
    found = figures(tmp_path, "In 2024, 9,406 emigrants left for Russia, while Germany received 1,512.\n")
    assert found[1512] == ("2024", "emigration", "DEU")


# --- a forecast governs its whole sentence; a future verb of amount forecasts by itself ------------


def test_a_forecast_governs_a_number_in_a_later_clause_of_its_sentence(tmp_path):
    found = figures(tmp_path, "If current trends hold, we expect net migration to remain positive in "
                              "2025, at 3,000 to 4,000 people. In 2024, 9,100 people left.\n",
                    document_date="2025-05-05")
    assert 3000 not in found and 4000 not in found
    assert found[9100] == ("2024", "emigration", None)
    found = figures(tmp_path, "Departures are set to fall to 8,000 in 2025, the ministry said.\n")
    assert 8000 not in found


def test_a_russian_or_kazakh_future_verb_of_amount_is_a_forecast(tmp_path):
    found = figures(tmp_path, "По прогнозу бюро, в 2025 году из страны выедут около 9 тыс. человек, а сальдо "
                              "составит 2 500 человек.\n")
    assert 9000 not in found and 2500 not in found
    found = figures(tmp_path, "2025 жылы көші-қон сальдосы 2 500 адамға жетпек.\n", language="kk")
    assert 2500 not in found
    # near miss: the past tense is an observation
    found = figures(tmp_path, "В 2024 году сальдо миграции составило 2 500 человек, а выехали 9 100 "
                              "человек.\n")
    assert found[2500] == ("2024", "net", None)
    assert found[9100] == ("2024", "emigration", None)


# --- a place after an apposition; a place, a verb and a count with a bracket after it --------------


def test_a_kazakh_place_and_verb_after_an_apposition_of_the_count(tmp_path):
    found = figures(tmp_path, "2025 жылы облыстан шетелге 2 915 адам көшіп кетті. Кеткендердің басым бөлігі, "
                              "яғни 2 530 адам, Ресейге қоныс аударды.\n", language="kk")
    assert found[2530] == ("2025", "emigration", "RUS")
    found = figures(tmp_path, "In 2025, 2,915 people left the region for abroad. Most of the leavers, 2,530 "
                              "people, moved to Russia.\n")
    assert found[2530] == ("2025", "emigration", "RUS")
    # near miss: a place compared with, not moved to ("Ресейге қарағанда", than to Russia)
    found = figures(tmp_path, "2025 жылы облыстан шетелге 2 915 адам көшіп кетті, яғни 2 530 адам, Ресейге "
                              "қарағанда аз.\n", language="kk")
    assert found.get(2530, (None, None, None))[2] is None


def test_a_place_a_verb_and_a_count_with_its_earlier_value_in_a_bracket(tmp_path):
    found = figures(tmp_path, "Arrivals in 2025: Uzbekistan remained the largest source, with 5,870 "
                              "newcomers. Kyrgyzstan supplied 744 (2024: 690), most of them of working "
                              "age.\n")
    assert found[744] == ("2025", "immigration", "KGZ")
    assert found[690] == ("2024", "immigration", "KGZ")
    found = figures(tmp_path, "Прибытия в 2025 году: Узбекистан дал 5 870 переселенцев, Кыргызстан дал 744 "
                              "(2024 год – 690).\n")
    assert found[744] == ("2025", "immigration", "KGZ")
    # near miss: the count does not close its clause ("sent 45 (a delegation) to the talks")
    found = figures(tmp_path, "Migration talks in 2025: Kyrgyzstan sent 45 (a delegation) to the talks.\n")
    assert 45 not in found


# --- a title line over a paragraph, with no full stop of its own, states the period ---------------


def test_a_long_title_with_its_period_over_a_paragraph_leads_the_text(tmp_path):
    found = figures(tmp_path, "Kandas resettlement in the first half of 2025: arrivals up, departures "
                              "down\n\n"
                              "The department reports the following results.\n\n"
                              "- 1,482 kandases were resettled in the region.\n"
                              "- Over the same six months, 2,915 residents left the region for other "
                              "countries; most of them (2,604) settled in Russia.\n",
                    document_date="2025-07-14")
    assert found[1482] == ("2025-H1", "immigration", None)
    assert found[2915] == ("2025-H1", "emigration", None)
    assert found[2604] == ("2025-H1", "emigration", "RUS")
    found = figures(tmp_path, "Переселение кандасов в первом полугодии 2025 года: прибывших больше, "
                              "выбывших меньше\n\nДепартамент сообщает следующие итоги.\n\n"
                              "— В область переселены 1 482 кандаса.\n", document_date="2025-07-14")
    assert found[1482] == ("2025-H1", "immigration", None)


def test_a_sentence_cut_by_a_page_break_is_no_title(tmp_path):
    # near misses: a dangling word before the blank line; a line of two sentences
    found = figures(tmp_path, "In 2024, 5,000 people left the region in the first half of 2025 compared "
                              "to\n\n"
                              "Russia, where 3,000 moved.\n")
    assert 5000 in found
    found = figures(tmp_path, "Migration in 2025: results are out. The short version below\n\n"
                              "Arrivals for permanent residence: 16,400 (2024: 16,000).\n")
    assert found[16400] == ("2025", "immigration", None)


def test_people_who_took_part_in_a_programme_are_no_flow(tmp_path):
    found = figures(tmp_path, "In the first half of 2025, 1,482 kandases arrived; 312 of them found jobs, "
                              "and 57 took part in a microcredit programme.\n")
    assert found[1482] == ("2025-H1", "immigration", None)
    assert 57 not in found
    found = figures(tmp_path, "В первом полугодии 2025 года прибыли 1 482 кандаса, 57 из них приняли участие "
                              "в программе микрокредитования.\n")
    assert 57 not in found


# --- a news item's lead states the period once, before its first count ---------------------------


def test_a_news_lead_with_a_part_of_the_year_and_no_count_dates_the_item(tmp_path):
    found = figures(tmp_path, "December 3, 2026 11:20 AM GMT+5\n\nALMATY - Fewer people left Kazakhstan in "
                              "the "
                              "first nine months of 2026, official data showed on Thursday.\n\nSome 8,900 "
                              "residents emigrated, down from 10,420 a year earlier.\n\nRussia took almost "
                              "5,800 of the emigrants against 7,050 in the same period of 2025. That left a "
                              "net "
                              "inflow of about 3,450 people, nearly three times the 1,190 recorded a year "
                              "before.\n", document_date="2026-12-03")
    assert found[8900] == ("2026-9M", "emigration", None)
    assert found[10420] == ("2025-9M", "emigration", None)
    assert found[5800] == ("2026-9M", "emigration", "RUS")
    assert found[7050] == ("2025-9M", "emigration", "RUS")
    assert found[3450] == ("2026-9M", "net", None)
    assert found[1190] == ("2025-9M", "net", None)
    found = figures(tmp_path, "Түркістан, 2025 жылғы 15 сәуір.\n\nОблыста 2025 жылдың бірінші тоқсанында "
                              "көші-қон ахуалы тұрақты болды.\n\nОблысқа шетелден 1 284 адам көшіп келді.\n",
                    document_date="2025-04-15", language="kk")
    assert found[1284] == ("2025-Q1", "immigration", None)


def test_a_sentence_with_a_year_and_no_count_after_the_first_count_is_no_lead(tmp_path):
    # near miss: a period named after the figures began (a law's quarter) does not re-date them
    found = figures(tmp_path, "In 2025, 8,900 residents emigrated.\n\nThe registration rules for foreign "
                              "residents were changed in the first quarter of 2024 by the ministry.\n\n"
                              "Russia took 5,800 of the emigrants.\n")
    assert found[5800] == ("2025", "emigration", "RUS")


def test_a_population_described_without_a_time_of_its_own_is_no_figure(tmp_path):
    found = figures(tmp_path, "In 2025, 4,460 people moved from Uzbekistan to Kazakhstan. Uzbekistan alone "
                              "has "
                              "36 million people. The nation of 20.4 million people keeps attracting "
                              "returnees.\n")
    assert found[4460] == ("2025", "immigration", "UZB")
    assert 36000000 not in found and 20400000 not in found
    # near miss: a population stated with its year stays an indicator, and no flow
    found = figures(tmp_path, "In 2025, 4,460 people moved from Uzbekistan. In 2024 the population of "
                              "Uzbekistan was 36 million.\n")
    assert found[36000000][1] is None


# --- a table's caption above a unit line; Kazakh "тыс" (outside) is no thousand -------------------


def test_a_caption_above_a_unit_line_gives_the_table_its_direction(tmp_path):
    found = figures(tmp_path, "4-кесте. Тұрақты тұруға республикадан тыс жерлерге көшіп кеткендер, баратын "
                              "елдер бойынша\nТаблица 4. Выбывшие на постоянное жительство за пределы "
                              "республики, по странам назначения\n\n                     адам / человек\n"
                              "Ел / Страна\t2024\t2025\nРесей / Россия\t9 110\t8 020\n"
                              "Германия / Германия\t1 240\t1 095\n", language="kk")
    assert found[9110] == ("2024", "emigration", "RUS")
    assert found[1095] == ("2025", "emigration", "DEU")
    found = figures(tmp_path, "Table 3. Arrivals for permanent residence, by country of previous "
                              "residence\n\n"
                              "persons\nCountry        2024      2025\nUzbekistan    5,204     5,611\n"
                              "China         2,377     2,095\n")
    assert found[5611] == ("2025", "immigration", "UZB")
    # near miss: a caption in thousands keeps its scale
    found = figures(tmp_path, "Таблица 2. Прибывшие из-за рубежа\n\nтыс. человек\nСтрана    2024    2025\n"
                              "Узбекистан    5,2    5,6\nКитай    2,4    2,1\n")
    assert found[5600] == ("2025", "immigration", "UZB")


# --- "there" is Kazakhstan when Kazakhstan was the destination named; registered people are a stock


def test_there_after_kazakhstan_named_as_the_destination_is_an_arrival(tmp_path):
    found = figures(tmp_path, "Бишкек, 12 августа 2025 г. В январе–июне 2025 года из Кыргызстана в Казахстан "
                              "переселились 538 человек. Годом ранее за тот же период туда переехали 611 "
                              "человек.\n\nВ обратном направлении за полугодие выбыли 174 человека против "
                              "152 "
                              "в первом полугодии 2024 года.\n", document_date="2025-08-12")
    assert found[611] == ("2024-H1", "immigration", "KGZ")
    assert found[174] == ("2025-H1", "emigration", "KGZ")
    assert found[152] == ("2024-H1", "emigration", "KGZ")
    found = figures(tmp_path, "In 2025, 538 people moved from Kyrgyzstan to Kazakhstan. A year earlier 611 "
                              "people moved there.\n")
    assert found[611] == ("2024", "immigration", "KGZ")
    # near miss: "there" after a foreign destination stays a departure
    found = figures(tmp_path, "In 2025, 9,100 people left Kazakhstan for Russia. A year earlier 9,900 people "
                              "moved there.\n")
    assert found[9900] == ("2024", "emigration", "RUS")


def test_people_on_the_migration_register_are_a_stock(tmp_path):
    found = figures(tmp_path, "В 2025 году из Кыргызстана прибыли 538 человек. По состоянию на 1 июля 2025 "
                              "года "
                              "в Казахстане на миграционном учете состояли свыше 40 тысяч граждан "
                              "Кыргызстана.\n")
    assert found[538] == ("2025", "immigration", "KGZ")
    assert 40000 not in found


# --- "the corresponding number", "to A from B", "a loss of N" ------------------------------------


def test_the_corresponding_number_of_another_year_restates_the_series(tmp_path):
    found = figures(tmp_path, "In 2024 Russia absorbed the bulk of the outflow: 4,495 of the emigrants left "
                              "for "
                              "Russia. In 2023 the corresponding number was 5,080.\n\nGermany received 402 "
                              "former residents of the region (2023: 433), and Belarus 88.\n")
    assert found[5080] == ("2023", "emigration", "RUS")
    assert found[402] == ("2024", "emigration", "DEU")
    assert found[88] == ("2024", "emigration", "BLR")
    found = figures(tmp_path, "В 2024 году в Россию выехали 4 495 человек. В 2023 году соответствующее число "
                              "составляло 5 080.\n\nВ Германию выехали 402 человека.\n")
    assert found[5080] == ("2023", "emigration", "RUS")
    assert found[402] == ("2024", "emigration", "DEU")


def test_to_a_number_from_another_and_a_loss_of_a_number(tmp_path):
    found = figures(tmp_path, "In 2024 Kazakhstan registered 13,480 immigrants. Departures for permanent "
                              "residence abroad fell more sharply, to 11,920 from 15,440, so the net balance "
                              "turned positive at 1,560 after a loss of 1,100 people a year earlier.\n")
    assert found[15440] == ("2023", "emigration", None)
    assert found[1560] == ("2024", "net", None)
    assert found[-1100] == ("2023", "net", None)
    # near miss: a loss that is no balance keeps its sign ("a loss of 1,100 jobs" is no flow at all)
    found = figures(tmp_path, "In 2024, 11,920 people emigrated, from 15,440 in 2023.\n")
    assert found[15440] == ("2023", "emigration", None)


# --- "те же девять месяцев прошлого года"; "а 74 выбрали Беларусь"; ", годом ранее – 204" ---------


def test_the_same_months_of_last_year_in_russian(tmp_path):
    found = figures(tmp_path, "Костанай, 21 октября 2025 года. Итоги за январь–сентябрь. За этот период за "
                              "рубеж "
                              "выехали 4 870 жителей области, тогда как за те же девять месяцев прошлого "
                              "года "
                              "их было 5 320.\n", document_date="2025-10-21")
    assert found[4870] == ("2025-9M", "emigration", None)
    assert found[5320] == ("2024-9M", "emigration", None)


def test_a_count_that_chose_a_country(tmp_path):
    found = figures(tmp_path, "В 2025 году большинство уехавших обосновались в России: туда перебрались 4 "
                              "310 "
                              "человек. Еще 265 костанайцев переехали в Германию, а 74 выбрали Беларусь.\n")
    assert found[74] == ("2025", "emigration", "BLR")
    found = figures(tmp_path, "In 2025 most emigrants settled in Russia (4,310 people), while 74 chose "
                              "Belarus.\n")
    assert found[74] == ("2025", "emigration", "BLR")


def test_a_relative_time_labelling_the_number_after_it_is_not_the_number_befores(tmp_path):
    found = figures(tmp_path, "В 2025 году из Кыргызстана в Казахстан переехали 1 284 человека. В обратном "
                              "направлении за тот же год выехали 231 человек, годом ранее – 204.\n")
    assert found[231] == ("2025", "emigration", "KGZ")
    assert found[204] == ("2024", "emigration", "KGZ")
    # near miss: "..., a year earlier" with no number after it dates the number before it
    found = figures(tmp_path, "In 2025, 1,284 people moved from Kyrgyzstan to Kazakhstan, against 1,117 "
                              "people, a year earlier.\n")
    assert found[1117] == ("2024", "immigration", "KGZ")


# --- citizens of a neighbour who emigrate, with no word of Kazakhstan, are its own emigration -------


def test_citizens_of_a_neighbour_emigrating_are_not_kazakhstans_emigration(tmp_path):
    found = figures(tmp_path, "Bishkek, 14 May 2025\n\nIn 2024, 9,800 citizens of Kyrgyzstan emigrated, most "
                              "of them to Russia. Kazakhstan received 1,284 of them.\n")
    assert 9800 not in found
    assert found[1284][1] == "immigration"
    found = figures(tmp_path, "Бишкек, 14 мая 2025 года. В 2024 году эмигрировали 9 800 граждан Кыргызстана, "
                              "большинство — в Россию.\n")
    assert 9800 not in found
    # near misses: Kazakhstan's own citizens; foreign citizens leaving Kazakhstan
    found = figures(tmp_path, "In 2024, 12,000 citizens of Kazakhstan emigrated. That year 5,000 citizens of "
                              "Uzbekistan left Kazakhstan.\n")
    assert found[12000] == ("2024", "emigration", None)
    assert found[5000][1] == "emigration"


# --- probes of my own: a lead after a dateline on its line; Kazakh "ағымдағы жылдың N айында" ------


def test_a_lead_that_follows_a_dateline_on_its_own_line(tmp_path):
    found = figures(tmp_path, "ASTANA, Nov 4 (Steppe News) - Kazakhstan's population outflow slowed in "
                              "January-September 2025, the statistics bureau said on Tuesday.\n\nA total of "
                              "9,140 people left the country for permanent residence, compared with 10,260 "
                              "in "
                              "the same period last year. Of them, 6,020 moved to Russia.\n",
                    document_date="2025-11-04")
    assert found[9140] == ("2025-9M", "emigration", None)
    assert found[10260] == ("2024-9M", "emigration", None)
    assert found[6020] == ("2025-9M", "emigration", "RUS")


def test_the_current_years_n_months_in_kazakh_and_a_restated_series_in_its_paragraph(tmp_path):
    found = figures(tmp_path, "Өскемен, 2025 жылғы 8 қазан. Ағымдағы жылдың тоғыз айында облысқа шетелден "
                              "1 450 адам көшіп келген.\n\nӨткен жылдың осы кезеңінде бұл көрсеткіш 1 210 "
                              "адам "
                              "болатын. Көшіп келгендердің 820-сы Моңғолиядан келді.\n",
                    document_date="2025-10-08", language="kk")
    assert found[1450] == ("2025-9M", "immigration", None)
    assert found[1210] == ("2024-9M", "immigration", None)
    assert found[820] == ("2025-9M", "immigration", "MNG")


def test_a_number_compared_with_a_loss_is_a_loss(tmp_path):
    found = figures(tmp_path, "В январе–июне 2025 года в республику прибыли 6 240 человек, выбыли 8 930 "
                              "человек. Отрицательное сальдо миграции составило 2 690 человек против 3 150 "
                              "годом ранее.\n")
    assert found[-2690] == ("2025-H1", "net", None)
    assert found[-3150] == ("2024-H1", "net", None)
    found = figures(tmp_path, "In 2024 the region recorded a net loss of 2,690 people, against 3,150 a year "
                              "earlier.\n")
    assert found[-3150] == ("2023", "net", None)
    # near miss: a gain compared with a loss keeps its own sign
    found = figures(tmp_path, "In 2024 net migration was minus 2,690, against plus 310 in 2023.\n")
    assert found[310] == ("2023", "net", None)


# --- probes of my own: a legal commentary's norms and registrations; a neighbour's route ----------


def test_a_norm_of_what_an_employer_may_do_and_people_registered_are_no_figures(tmp_path):
    found = figures(tmp_path, "В 2024 году из-за рубежа прибыли 12 300 человек. В том же году на "
                              "миграционный "
                              "учет поставлены 1,3 млн иностранцев. Работодатель может привлечь не более 50 "
                              "иностранных работников без разрешения.\n")
    assert found[12300] == ("2024", "immigration", None)
    assert 1300000 not in found and 50 not in found


def test_a_route_in_a_foreign_country_from_kazakhstan_is_a_departure(tmp_path):
    found = figures(tmp_path, "In 2025, 2,100 people arrived in Uzbekistan from Kazakhstan, and 4,460 "
                              "arrived "
                              "in Kazakhstan from Uzbekistan.\n")
    assert found[2100] == ("2025", "emigration", "UZB")
    assert found[4460] == ("2025", "immigration", "UZB")
    found = figures(tmp_path, "Uzbekistan, with a population of 37 million, sent 4,460 people to Kazakhstan "
                              "in 2025.\n")
    assert 37000000 not in found
    assert found[4460] == ("2025", "immigration", "UZB")


# --- the tenth round's second part: the held-out sets blindE2, blindF2, blindG2 ---------------------


def test_a_line_between_a_total_and_its_parts_does_not_end_a_table_of_years(tmp_path):
    found = figures(tmp_path, "Table 2. Emigrants from Kazakhstan by country of destination\n"
                              "                 2023        2024        2025*\n"
                              "Total          12,307      10,771       9,412\n"
                              "of which:\n"
                              "Russia          8,896       7,640       6,870\n"
                              "Germany         1,514       1,388       1,203\n", document_date="2026-02-27")
    assert found[7640] == ("2024", "emigration", "RUS")
    assert found[1203] == ("2025", "emigration", "DEU")
    found = figures(tmp_path, "3-кесте. Қазақстаннан тыс жерлерге көшіп кеткендер\n\n"
                              "                 2024        2025\n"
                              "Барлығы        10 771       9 412\n"
                              "оның ішінде:\n"
                              "Ресей           7 640       6 870\n",
                    document_date="2026-02-27", language="kk")
    assert found[6870] == ("2025", "emigration", "RUS")
    # near miss: a line of prose after the rows ends the table; its numbers are no cells
    found = figures(tmp_path, "Table 2. Emigrants from Kazakhstan by country of destination\n"
                              "                 2023        2024\n"
                              "Russia          8,896       7,640\n"
                              "Note: 2024 data are preliminary, 31 March 2025 release\n",
                    document_date="2025-03-31")
    assert set(found) == {8896, 7640}


def test_country_names_written_in_kazakh(tmp_path):
    found = figures(tmp_path, "2025 жылы облысқа Түрікменстаннан 203 адам, Ауғанстаннан 41 адам көшіп "
                              "келді. Үндістаннан 36 адам келді, Ұлыбританияға 27 адам көшіп кетті.\n",
                    document_date="2026-02-05", language="kk")
    assert found[41] == ("2025", "immigration", "AFG")
    assert found[36] == ("2025", "immigration", "IND")
    assert found[27] == ("2025", "emigration", "GBR")
    # near miss: "ауа райы" (the weather) names no country
    found = figures(tmp_path, "2025 жылы ауа райына байланысты облысқа 52 адам көшіп келді.\n",
                    document_date="2026-02-05", language="kk")
    assert found[52] == ("2025", "immigration", None)


def test_an_earlier_year_stated_for_comparison_dates_its_sentence_only(tmp_path):
    found = figures(tmp_path, "In 2025, 17,500 people moved to Kazakhstan. For comparison, in 2024 "
                              "15,932 people arrived.\n\nAs a result, net migration stood at plus 7,600.\n",
                    document_date="2026-02-12")
    assert found[15932] == ("2024", "immigration", None)
    assert found[7600] == ("2025", "net", None)
    found = figures(tmp_path, "2025 жылы облысқа шет елдерден 2 236 адам көшіп келген. Бұл көп: 2024 жылы "
                              "2 071 адам келген болатын.\n\nКелгендердің 1 694-і Өзбекстаннан.\n",
                    document_date="2026-02-05", language="kk")
    assert found[2071] == ("2024", "immigration", None)
    assert found[1694] == ("2025", "immigration", "UZB")
    # near miss: an earlier year stated as a fact of its own moves the text to it
    found = figures(tmp_path, "In 2025, 17,500 people moved to Kazakhstan. In 2024 15,932 people "
                              "arrived.\n\nOf them, 6,100 came from Uzbekistan.\n",
                    document_date="2026-02-12")
    assert found[6100] == ("2024", "immigration", "UZB")


def test_the_reverse_of_flows_to_several_partners_is_of_the_total(tmp_path):
    found = figures(tmp_path, "В 2025 году Казахстан покинули 9 412 человек.\n\nВ Россию направились "
                              "6 870 человек, в Германию — 1 203. Замыкает тройку Беларусь, где "
                              "обосновались 297 человек.\n\nВстречный поток за тот же год превысил 17 тыс. "
                              "человек.\n", document_date="2026-02-12")
    assert found[17000] == ("2025", "immigration", None)
    found = figures(tmp_path, "In 2025, 6,870 people left for Russia, 1,203 for Germany and 297 for "
                              "Belarus.\n\nThe reverse flow in the same year was 4,100 people.\n",
                    document_date="2026-02-12")
    assert found[4100] == ("2025", "immigration", None)
    # near miss: the reverse of a flow with one partner keeps that partner
    found = figures(tmp_path, "В 2025 году из Кыргызстана в Казахстан переселились 1 240 человек. "
                              "Встречный поток составил 380 человек.\n", document_date="2026-02-12")
    assert found[380] == ("2025", "emigration", "KGZ")


def test_a_balance_named_between_a_route_and_its_number_is_the_numbers(tmp_path):
    found = figures(tmp_path, "2.3 The reverse flow is much smaller: 3,870 people moved from Russia to "
                              "Kazakhstan in 2024, so net migration with Russia stood at minus 5,610.\n",
                    document_date="2025-12-02")
    assert found[-5610] == ("2024", "net", "RUS")
    assert found[3870] == ("2024", "immigration", "RUS")
    found = figures(tmp_path, "В 2024 году из России в Казахстан переехали 3 870 человек, поэтому сальдо "
                              "миграции с Россией составило минус 5 610 человек.\n",
                    document_date="2025-12-02")
    assert found[-5610] == ("2024", "net", "RUS")
    # near miss: a balance named before the route leaves the route's number its direction
    found = figures(tmp_path, "В 2024 году сальдо миграции с Россией было отрицательным: из России в "
                              "Казахстан переехали 3 870 человек.\n", document_date="2025-12-02")
    assert found[3870] == ("2024", "immigration", "RUS")


def test_the_neighbouring_country_is_the_neighbour_named_before(tmp_path):
    found = figures(tmp_path, "2025 жылдың қаңтар–қыркүйек айларында Қырғызстаннан Қазақстанға 1 184 адам "
                              "көшіп келді.\n\nБұл көрсеткіш өткен жылдың сәйкес кезеңімен салыстырғанда 14 "
                              "пайызға артық. Ол кезде көршілес елден 1 039 адам келген болатын.\n",
                    document_date="2025-11-25", language="kk")
    assert found[1039] == ("2024-9M", "immigration", "KGZ")
    found = figures(tmp_path, "В 2025 году из Узбекистана в Казахстан переехали 6 054 человека.\n\nГодом "
                              "ранее из соседней республики прибыли 5 870 человек.\n",
                    document_date="2026-02-12")
    assert found[5870] == ("2024", "immigration", "UZB")
    # near miss: neighbouring countries (a plural) are no one partner; Germany is no neighbour
    found = figures(tmp_path, "In 2025, 1,203 people left Kazakhstan for Germany.\n\nAnother 2,310 "
                              "moved to neighbouring countries.\n", document_date="2026-02-12")
    assert found[2310] == ("2025", "emigration", None)
    found = figures(tmp_path, "In 2025, 1,203 people left Kazakhstan for Germany.\n\nAnother 310 arrived "
                              "from the neighbouring country.\n", document_date="2026-02-12")
    assert found[310] == ("2025", "immigration", None)


def test_a_republic_named_after_the_word_is_not_kazakhstan(tmp_path):
    found = figures(tmp_path, "В первом полугодии 2025 года в Германию уехали 604 человека, в Республику "
                              "Беларусь — 117.\n", document_date="2025-08-12")
    assert found[117] == ("2025-H1", "emigration", "BLR")
    found = figures(tmp_path, "В первом полугодии 2025 года из Республики Корея прибыли 86 человек.\n",
                    document_date="2025-08-12")
    assert found[86] == ("2025-H1", "immigration", "KOR")
    found = figures(tmp_path, "In the first half of 2025, 604 people moved to Germany and 117 to the "
                              "Republic of Belarus.\n", document_date="2025-08-12")
    assert found[117] == ("2025-H1", "emigration", "BLR")
    # near miss: "в республику" alone, or "в Республику Казахстан", is an arrival
    found = figures(tmp_path, "В первом полугодии 2025 года в Республику Казахстан — 1 284 человека, из "
                              "них в республику на постоянное жительство — 940.\n",
                    document_date="2025-08-12")
    assert found[1284] == ("2025-H1", "immigration", None)
    assert found[940] == ("2025-H1", "immigration", None)


def test_permits_in_force_and_a_plan_of_resettlement_are_no_flows(tmp_path):
    found = figures(tmp_path, "In 2025, 11,870 people left Kazakhstan. Employers held roughly 14,500 valid "
                              "permits for foreign staff at the end of 2025.\n", document_date="2026-03-10")
    assert 14500 not in found
    found = figures(tmp_path, "В 2025 году выбыли 11 870 человек. На конец года у работодателей было 14 500 "
                              "действующих разрешений на привлечение иностранной рабочей силы.\n",
                    document_date="2026-03-10")
    assert 14500 not in found
    found = figures(tmp_path, "В первом полугодии 2025 года в область прибыли 1 284 человека. В 2025 году на "
                              "переселение в область запланировано 1 500 кандасов, намечено принять ещё "
                              "300 переселенцев.\n", document_date="2025-08-12")
    assert 1500 not in found and 300 not in found
    # near miss: permits issued in the year are counted as before; resettled kandases are a flow
    found = figures(tmp_path, "In 2025 the ministry issued 11,470 work permits to foreign workers, and "
                              "1,284 kandases resettled in the region.\n", document_date="2026-03-10")
    assert 11470 in found
    assert found[1284] == ("2025", "immigration", None)


def _regional(tmp_path, text: str) -> dict:
    from kzmig_kg.loader.extract import extract_document

    path = tmp_path / "regional.txt"
    path.write_text(text, encoding="utf-8")
    items = extract_document(path, document_date="2026-02-01").all_items()
    return {i.get("value"): i.get("breakdown") for i in items
            if i.kind == "figure" and i.get("value") is not None}


def test_a_region_named_by_its_name_makes_the_figure_the_regions(tmp_path):
    # "Almaty region lost 1,200 residents" was drafted as Kazakhstan's emigration: ingest skips a
    # figure with a breakdown as regional (the graph's flows are national)
    found = _regional(tmp_path, "In 2025, Almaty region lost 1,200 residents to other countries.\n")
    assert found[1200] == "region"
    found = _regional(tmp_path, "In 2025, the Turkistan Region received 2,236 people from abroad.\n")
    assert found[2236] == "region"
    assert _regional(tmp_path, "В 2025 году Казахстан покинули 9 412 человек, из них 2 100 — жители "
                               "Карагандинской области.\n") == {9412: None, 2100: "region"}
    # near misses: a region the number's people are partly from, after it; a region of the world
    assert _regional(tmp_path, "In 2025, 9,412 people left Kazakhstan, most of them from East Kazakhstan "
                               "region.\n")[9412] is None
    assert _regional(tmp_path, "In 2025, the Central Asian region sent 5,000 migrants to "
                               "Kazakhstan.\n")[5000] is None


def test_an_item_whose_first_flow_is_a_regions_keeps_its_later_flows_regional(tmp_path):
    found = _regional(tmp_path, "О внешней миграции населения области в первом полугодии 2025 года\n\n"
                                "Из-за рубежа в область прибыли 1 284 человека.\n\nОсновным направлением "
                                "выезда остается Российская Федерация: туда переселились 2 870 человек. Из "
                                "Узбекистана прибыли 412 человек.\n\nПо республике в целом выбыли 9 412 "
                                "человек.\n")
    assert found == {1284: "region", 2870: "region", 412: "region", 9412: None}
    found = _regional(tmp_path, "Almaty region lost 1,200 residents to other countries in 2025. Another "
                                "310 moved to Russia.\n\nOverall, 9,412 people left Kazakhstan.\n")
    assert found == {1200: "region", 310: "region", 9412: None}
    # near miss: an item whose first flow is the country's keeps a region's figure to its sentence
    found = _regional(tmp_path, "In 2025, 9,412 people left Kazakhstan. Almaty region lost 1,200 residents "
                                "to other countries. Another 310 moved to Russia.\n")
    assert found == {9412: None, 1200: "region", 310: None}
    # "the region" in a sentence of the country is Central Asia, and no region's item follows it
    found = _regional(tmp_path, "Kazakhstan remains the main destination in the region: in 2025, 17,200 "
                                "people arrived in the country.\n\nAnother 9,412 left for Russia.\n")
    assert found == {17200: None, 9412: None}


def test_a_title_about_a_region_opens_a_regions_item(tmp_path):
    found = _regional(tmp_path, "External migration in Karaganda oblast, H1 2025\n\nIn January-June 2025, "
                                "1,284 people arrived from abroad and 3,912 residents left. Most went to "
                                "Russia (2,870).\n")
    assert found == {1284: "region", 3912: "region", 2870: "region"}
    found = _regional(tmp_path, "Павлодар облысына қоныстанған қандастар саны артты\n\n2025 жылдың тоғыз "
                                "айында шетелден 1 240 қандас көшіп келді.\n")
    assert found == {1240: "region"}
    # near miss: a title of the country that names a region
    found = _regional(tmp_path, "Migration from Kazakhstan: Almaty region leads departures\n\nIn 2025, 9,412 "
                                "people left Kazakhstan. Most went to Russia (6,870).\n")
    assert found == {9412: None, 6870: None}
