"""The loader on the causes of the misses of blind rounds 35-36 (blindI, blindJ; benchmarks/gold/
README.md, "Fixes after rounds 35-36, by cause"), each in its general form, in phrasings, layouts
and languages no gold document has. One fixture per mechanism, each with a near miss."""

from __future__ import annotations

from kzmig_kg.loader.extract import extract_document

from .conftest import extracted_figures as figures


def _citations(tmp_path, text: str) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [i for i in extract_document(path).all_items() if i.kind == "citation"]


def _cited(tmp_path, text: str) -> list[tuple]:
    return [(c.get("act_type"), c.get("number"), c.get("year"))
            for c in _citations(tmp_path, text) if c.get("number")]

# --- tables: long form whatever the separator -----------------------------------------------------


def test_a_comma_separated_long_form_table_is_read_by_its_key_columns(tmp_path):
    # Russian headers in another order, the partner first, "все" for all partners together
    found = figures(tmp_path, "Выгрузка: внешняя миграция по кварталам\n\n"
                              "страна,год,квартал,поток,человек\n"
                              "все,2024,I кв.,прибывшие,3712\n"
                              "Кыргызстан,2024,I кв.,прибывшие,611\n"
                              "Россия,2024,II кв.,выбывшие,2207\n")
    assert found[3712] == ("2024-Q1", "immigration", None)
    assert found[611] == ("2024-Q1", "immigration", "KGZ")
    assert found[2207] == ("2024-Q2", "emigration", "RUS")


def test_a_quoted_csv_row_and_a_source_page_column_after_the_count(tmp_path):
    # "in"/"out" as the whole flow cell; the page column at the right is no count
    found = figures(tmp_path, "Sample rows\n\n"
                              "year,partner,flow,persons,src_page\n"
                              '"2023","Kyrgyz Republic","in","2 140","88"\n'
                              "2024,Turkey,out,730,91\n")
    assert found[2140] == ("2023", "immigration", "KGZ")
    assert found[730] == ("2024", "emigration", "TUR")
    assert 88 not in found and 91 not in found


def test_a_long_form_row_whose_count_stands_among_its_keys(tmp_path):
    # the count in the second column, tab- or semicolon-separated; Kazakh headers with bars
    found = figures(tmp_path, "Extract, persons\n\n"
                              "year\tpersons\tflow\tpartner\n"
                              "2024\t9940\tout\tRussia\n"
                              "2024\t4190\tin\tUzbekistan\n\n"
                              "год;человек;страна;поток\n"
                              "2023;5230;Россия;прибывшие\n\n"
                              "Жыл | Ел | Бағыт | Адам\n"
                              "2024 | Өзбекстан | келгендер | 4191\n")
    assert found[9940] == ("2024", "emigration", "RUS")
    assert found[4190] == ("2024", "immigration", "UZB")
    assert found[5230] == ("2023", "immigration", "RUS")
    assert found[4191] == ("2024", "immigration", "UZB")


def test_a_row_of_two_counts_among_words_is_no_long_form_row(tmp_path):
    # near miss: two numbers that are no years among the keys: which one is the count is unknown
    found = figures(tmp_path, "Extract\n\n"
                              "year\tpersons\tflow\tpartner\tbatch\n"
                              "2024\t9942\tout\tRussia\t17\n")
    assert 9942 not in found and 17 not in found


def test_commas_of_prose_numbers_and_decimal_columns_are_no_separators(tmp_path):
    # near misses: thousands after a space, decimal commas in a space-aligned table
    found = figures(tmp_path, "Emigrants by destination, persons\n\n"
                              "Destination      2023        2024\n"
                              "Russia           11,640      9,810\n"
                              "Germany          1,280       1,060\n\n"
                              "Выбывшие, тыс. человек\n\n"
                              "Страна        2023      2024\n"
                              "Израиль       0,4       0,3\n")
    assert found[9810] == ("2024", "emigration", "RUS")
    assert found[1280] == ("2023", "emigration", "DEU")
    assert found[300] == ("2024", "emigration", "ISR")
    assert 640 not in found and 810 not in found


# --- tables: a header wrapped onto a second line --------------------------------------------------

def test_a_header_cell_wrapped_onto_the_next_line_continues_that_cell(tmp_path):
    found = figures(tmp_path, "Table 4. External migration, persons\n\n"
                              "                     2024       2025     2025 as %\n"
                              "                                          of 2024\n"
                              "Arrivals\n"
                              "   January-March    3,112      3,512      112.9\n"
                              "   January-June     6,950      7,400      106.5\n")
    assert found[3512] == ("2025-Q1", "immigration", None)
    assert found[6950] == ("2024-H1", "immigration", None)
    assert 112.9 not in found and 106.5 not in found


def test_a_heading_at_the_left_under_the_header_is_no_continuation(tmp_path):
    # near miss: "Кеткендер" stands where the rows' labels stand: a section, not a header's tail
    found = figures(tmp_path, "Кесте 1. Сыртқы көші-қон, адам\n\n"
                              "                       2024       2025\n"
                              "Кеткендер\n"
                              "   қаңтар–наурыз      2 612      2 912\n"
                              "   қаңтар–маусым      5 950      6 100\n")
    assert found[2912] == ("2025-Q1", "emigration", None)
    assert found[5950] == ("2024-H1", "emigration", None)


# --- cumulative ranges: from the start of the year to a month, in any position --------------------

def test_period_rows_under_a_direction_heading_take_its_direction(tmp_path):
    found = figures(tmp_path, "Көші-қон, жыл басынан бері, адам\n\n"
                              "                       2024       2025\n"
                              "Көші-қон сальдосы\n"
                              "   қаңтар–қыркүйек      714      1 184\n")
    assert found[714] == ("2024-9M", "net", None)
    assert found[1184] == ("2025-9M", "net", None)


def test_from_the_start_of_the_year_to_a_month_in_a_sentence(tmp_path):
    found = figures(tmp_path, "С начала года по сентябрь 2025 года в республику прибыли 13 105 человек.\n\n"
                              "From the beginning of the year through June 2025, 8,400 people arrived "
                              "in Kazakhstan.\n\n"
                              "2025 жылдың басынан бастап қыркүйекке дейін елге 13 106 адам келді.\n\n"
                              "С начала 2024 года по июнь из страны выбыли 7 419 человек.\n")
    assert found[13105] == ("2025-9M", "immigration", None)
    assert found[8400] == ("2025-H1", "immigration", None)
    assert found[13106] == ("2025-9M", "immigration", None)
    assert found[7419] == ("2024-H1", "emigration", None)


def test_since_the_start_of_the_year_without_a_month_stays_the_year(tmp_path):
    # near miss: no month closes the range, so the period is the year
    found = figures(tmp_path, "Since the start of the year, 5,555 people arrived in Kazakhstan in 2025.\n")
    assert found[5555] == ("2025", "immigration", None)


# --- years paired in order: "respectively" and "the same two years" -------------------------------

def test_respectively_pairs_each_number_with_its_year_period_included(tmp_path):
    found = figures(tmp_path, "В 2021 и 2022 годах за рубеж выехали соответственно 22 381 и 18 941 "
                              "человек.\n\n"
                              "2023 және 2024 жылдары елден тиісінше 15 961 және 13 521 адам кетті.\n")
    assert found[22381] == ("2021", "emigration", None)
    assert found[18941] == ("2022", "emigration", None)
    assert found[15961] == ("2023", "emigration", None)
    assert found[13521] == ("2024", "emigration", None)


def test_the_same_two_years_takes_the_years_stated_before_in_order(tmp_path):
    found = figures(tmp_path, "In 2022 some 18,940 people emigrated and 15,960 in 2023 (Smith, 2024, p. 3); "
                              "arrivals rose from 12,320 to 15,380 over the same two years.\n\n"
                              "В 2022 году из страны выехали 18 942 человека, в 2023 году — 15 962. "
                              "Прибыло за те же два года 12 322 и 15 382 человека.\n")
    assert found[12320] == ("2022", "immigration", None)     # the year of the citation is no year of theirs
    assert found[15380] == ("2023", "immigration", None)
    assert found[12322] == ("2022", "immigration", None)
    assert found[15382] == ("2023", "immigration", None)


def test_the_same_year_is_no_pair_of_years(tmp_path):
    # near miss: "the same year" names one year, the figures keep theirs
    found = figures(tmp_path, "In 2023 arrivals were 15,383 and 16,213 in 2024; the same year 2,000 left.\n")
    assert found[15383] == ("2023", "immigration", None)
    assert found[16213] == ("2024", "immigration", None)


# --- "the corresponding period of last year"; a Kazakh abbreviation with its case ending ---------

def test_the_corresponding_period_of_last_year_is_that_part_of_the_year_before(tmp_path):
    found = figures(tmp_path, "В первом полугодии 2025 года прибыло 7 906 человек, тогда как в "
                              "соответствующем периоде прошлого года — 7 311 человек.\n\n"
                              "In the first half of 2025, 7,907 people arrived, against 7,312 in the "
                              "corresponding period of last year.\n")
    assert found[7311] == ("2024-H1", "immigration", None)
    assert found[7312] == ("2024-H1", "immigration", None)


def test_a_kazakh_abbreviated_country_keeps_its_case_ending_apart(tmp_path):
    found = figures(tmp_path, "2024 жылы елден 6 240 адам көшіп кетті: Германияға 612, АҚШ-қа 74 адам.\n")
    assert found[74] == ("2024", "emigration", "USA")
    assert found[612] == ("2024", "emigration", "DEU")


# --- a table's last row ends its paragraph ---------------------------------------------------------

def test_prose_after_a_table_reads_no_country_off_its_last_row(tmp_path):
    found = figures(tmp_path, "Показатель                 2024   2025\n"
                              "  в т. ч. в Россию                 2 230              4 380\n\n"
                              "Из общего числа прибывших за 2025 год 5 411 человек получили "
                              "статус кандаса.\n\n"
                              "Country          2024      2025\n"
                              "Germany          1,020     905\n\n"
                              "Of all arrivals in 2025, 5,412 people were ethnic Kazakhs.\n")
    assert found[5411] == ("2025", "immigration", None)
    assert found[5412][2] is None
    assert found[4380] == ("2025", None, "RUS")       # the table keeps its own rows


def test_a_sentence_broken_by_a_blank_line_still_goes_on(tmp_path):
    # near miss: a line of prose (single spaces) before a blank line does not end the paragraph
    found = figures(tmp_path, "In 2024 some 2,231 people left for Russia, and of the same group a\n\n"
                              "further 310 returned there later.\n")
    assert found[2231] == ("2024", "emigration", "RUS")


# --- Kazakh citations: no issuer, a date in figures, a bracket after the head, acts under one head --

def test_a_kazakh_citation_without_its_issuer_or_with_a_date_in_figures(tmp_path):
    cited = _cited(tmp_path, "Еңбек шарты кодекске сәйкес жасалады, ал шаралар 2023 жылғы 20 сәуірдегі "
                             "№ 224-VII Әлеуметтік кодексте реттеледі. Жауаптылық Әкімшілік құқық "
                             "бұзушылық туралы кодекстің (ҚР 05.07.2014 № 235-V ҚРЗ) 517-бабында "
                             "көзделген.\n")
    assert ("code", "224-VII", 2023) in cited
    assert ("code", "235-V", 2014) in cited


def test_kazakh_acts_cited_together_under_one_head_after_them(tmp_path):
    cited = _cited(tmp_path, "Қаулыға ҚР Үкіметінің 31.12.2022 № 1146 және 12.02.2024 № 80 қаулыларымен "
                             "өзгерістер енгізілді.\n")
    assert cited == [("government-resolution", "1146", 2022), ("government-resolution", "80", 2024)]


def test_a_number_and_date_in_figures_without_a_head_is_no_act(tmp_path):
    # near miss: a registration number dated in figures, with no head of an act after it
    cited = _cited(tmp_path, "Өтініш 12.03.2025 № 4471 болып тіркелді және қаралды.\n")
    assert cited == []


def test_an_adilet_identifier_in_brackets_after_a_kazakh_head_or_in_a_wiki_note(tmp_path):
    found = _citations(tmp_path, "Негіздер Қазақстан Республикасының 2011 жылғы 22 шілдедегі № 477-IV "
                                 "«Халықтың көші-қоны туралы» Заңында (Z1100000477) белгіленген.\n\n"
                                 "Выезд регулируется Законом Республики Казахстан от 22 июля 2011 года "
                                 "№ 477-IV «О миграции населения»[4].\n\n"
                                 "Примечания\n"
                                 "4. ↑ ИПС «Әділет», Z1100000477.\n")
    numbered = [c for c in found if c.get("number")]
    assert [c.get("adilet_id") for c in numbered] == ["Z1100000477", "Z1100000477"]
    assert len(found) == 2                 # neither identifier is an act of its own


# --- a run of numbers compared with the series before it -------------------------------------------

def test_a_compared_run_takes_the_directions_of_the_series_and_its_own_time(tmp_path):
    found = figures(tmp_path, "In 2024 the bureau recorded 16,210 arrivals and 13,520 departures in all, "
                              "compared with the previous year's 15,380 and 15,960.\n\n"
                              "В 2024 году прибыли 16 212 человек и выбыли 13 522 человека против "
                              "15 382 и 15 962 в 2023 году.\n")
    assert found[15380] == ("2023", "immigration", None)
    assert found[15960] == ("2023", "emigration", None)
    assert found[15382] == ("2023", "immigration", None)
    assert found[15962] == ("2023", "emigration", None)


def test_a_compared_run_longer_than_the_series_before_it_is_left_alone(tmp_path):
    # near miss: one figure before, two after: no series to pair them with
    found = figures(tmp_path, "In 2024, 16,213 people arrived, compared with 15,383 and 15,963 in 2022 "
                              "and 2023.\n")
    assert found[16213] == ("2024", "immigration", None)
    assert found[15383][1] == "immigration"


# --- numbers that name an issue or count pages -----------------------------------------------------

def test_an_episode_or_issue_number_and_a_page_count_are_no_flows(tmp_path):
    found = figures(tmp_path, "Borderlines, episode 47: who leaves Kazakhstan? In 2025, 13,950 people "
                              "left.\n\n"
                              "Миграция населения: бюллетень 12. В 2024 г. выбыли 13 700 человек.\n\n"
                              "1. Демографический ежегодник, 2024. – Астана, 2025. – 280 с.\n"
                              "2. Migration in Central Asia. – London, 2023. – 315 p.\n")
    assert found[13950] == ("2025", "emigration", None)
    assert found[13700] == ("2024", "emigration", None)
    assert not {47, 12, 280, 315} & set(found)


def test_a_count_before_a_date_written_with_s_is_kept(tmp_path):
    # near miss: "с." followed by a day is "since", not pages
    found = figures(tmp_path, "Из страны выбыли 312 с. 1 января 2024 года.\n")
    assert found[312][1] == "emigration"


# --- a bracket's year that glosses a word, not a period --------------------------------------------

def test_a_bracket_about_a_word_dates_nothing_after_it(tmp_path):
    found = figures(tmp_path, "В целом за 1991–2024 гг. статус оралмана (с 2020 г. – кандаса) получили "
                              "более 1,1 млн чел.\n\n"
                              "Over 2015-2024 the repatriation programme (renamed in 2020) resettled "
                              "about 310,000 people.\n")
    assert found[1100000] == ("1991/2024", "immigration", None)
    assert found[310000][0] == "2015/2024"


def test_a_bracket_glossing_a_period_still_dates_what_follows(tmp_path):
    # near miss: "the past decade (2015–2024)" names the period of the number after it
    found = figures(tmp_path, "Over the past decade (2015–2024) some 310,001 people emigrated.\n")
    assert found[310001] == ("2015/2024", "emigration", None)


# --- a number after "and" with its own verb --------------------------------------------------------

def test_a_number_after_and_moves_as_its_own_verb_says(tmp_path):
    found = figures(tmp_path, "Take 2022: that year 15,280 people emigrated and only 12,130 settled here.\n\n"
                              "В 2022 году из страны выехали 15 283 человека и лишь 12 133 переехали "
                              "к нам.\n")
    assert found[12130] == ("2022", "immigration", None)
    assert found[12133] == ("2022", "immigration", None)
    assert found[15280] == ("2022", "emigration", None)


def test_numbers_joined_by_and_before_one_verb_share_it(tmp_path):
    # near miss: "4,615 and 2,034 people arrived": one verb for both
    found = figures(tmp_path, "In 2022, 4,615 and 2,034 people arrived from Uzbekistan and China.\n")
    assert found[4615][1] == found[2034][1] == "immigration"


# --- countries as the subjects of a verb of sending or taking in -----------------------------------

def test_countries_that_sent_or_took_numbers_of_people_give_the_direction(tmp_path):
    found = figures(tmp_path, "Arrivals came to 17,240 in 2025, so the balance was plus 3,290. Uzbekistan "
                              "and China sent 5,210 and 1,880 people respectively.\n\n"
                              "В 2024 году прибыли 17 241 человек. Узбекистан и Китай дали 5 211 и "
                              "1 881 человек.\n\n"
                              "In 2024 departures reached 13,950: Russia and Germany took 8,731 and 905 "
                              "people respectively.\n")
    assert found[5210] == ("2025", "immigration", "UZB")
    assert found[1880] == ("2025", "immigration", "CHN")
    assert found[5211] == ("2024", "immigration", "UZB")
    assert found[8731] == ("2024", "emigration", "RUS")


def test_countries_that_sent_things_send_no_people(tmp_path):
    # near miss: the run's unit is no word for people, so the first number is no count
    found = figures(tmp_path, "In 2025, 17,242 people arrived. Uzbekistan and China sent 52 and 31 "
                              "delegations.\n")
    assert 52 not in found and 31 not in found
