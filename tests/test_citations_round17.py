"""Act citations and the neighbours, issue 16, twelfth round (benchmarks/gold/README.md, "Issue 16,
twelfth round: citations and neighbours"): each a general rule with variants and a near miss.

Every act named here is one as published: the Labour Code No. 414-V of 23 November 2015 (adilet.zan.kz
K1500000414), the Code of Administrative Offences No. 235-V of 5 July 2014, Government Resolution
No. 961 of 30 November 2022 (the migration policy concept), Presidential Decree No. 2337 of 19 June
1995. The near misses' amending laws are forms only: their numbers and dates are illustrative (a
test's text, never data).
"""

from __future__ import annotations

import pytest

from kzmig_kg.loader.extract.citations import find_citations


def _cited(text: str) -> list[tuple[str | None, str | None, int | None]]:
    return [(c.act_type, c.number, c.year) for c in find_citations(text)]


# --- an act named inside a law's unquoted title: its own head types it ----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Помимо статей Закона о миграции применяются нормы Трудового кодекса РК от 23.11.2015 "
                 "№ 414-V ЗРК, а порядок установлен приказом.", [("code", "414-V", 2015)],
                 id="code-genitive"),
    pytest.param("Помимо статей Закона о\nмиграции применяются нормы Трудового кодекса РК № 414-V ЗРК от "
                 "23.11.2015.", [("code", "414-V", 2015)], id="suffix-before-date-over-a-line"),
    pytest.param("Наряду с Законом о миграции применяется постановление Правительства РК от 30.11.2022 "
                 "№ 961.",
                 [("government-resolution", "961", 2022)], id="resolution-nominative"),
    pytest.param("Закон о занятости дополняет Указ Президента РК от 19 июня 1995 года № 2337.",
                 [("presidential-decree", "2337", 1995)], id="decree-accusative"),
    pytest.param("Закона об административных процедурах касаются нормы Кодекса РК об административных "
                 "правонарушениях от 05.07.2014 № 235-V ЗРК.", [("code", "235-V", 2014)],
                 id="code-with-its-own-title"),
])
def test_an_act_named_inside_a_laws_unquoted_title_is_typed_by_its_own_head(text, expected):
    assert _cited(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Принят Закон РК о внесении изменений и дополнений в Трудовой кодекс РК от 10 января 2022 "
                 "года № 101-VII.", [("law", "101-VII", 2022)], id="amends-the-code"),
    pytest.param("Согласно Закону РК о внесении изменений в некоторые законодательные акты по вопросам "
                 "миграции от 10 декабря 2013 года № 150-V патент введен.", [("law", "150-V", 2013)],
                 id="legislative-acts-is-no-head"),
])
def test_near_miss_an_act_the_law_amends_stays_in_its_title(text, expected):
    assert _cited(text) == expected


# --- Kazakh: a minister's order with the minister's post before the date ----------------------------

LABOUR_MINISTER = "Minister of Labour and Social Protection of Population"


@pytest.mark.parametrize(("text", "issuer"), [
    pytest.param("Рұқсаттар Қазақстан Республикасы Премьер-Министрінің орынбасары – Еңбек және халықты "
                 "әлеуметтік қорғау министрінің 2023 жылғы 30 маусымдағы № 279 бұйрығымен бекітілген "
                 "қағидаларға сәйкес беріледі.", LABOUR_MINISTER, id="deputy-prime-minister-and-minister"),
    pytest.param("Рұқсаттар Еңбек және халықты әлеуметтік қорғау министрінің 2023 жылғы 30 маусымдағы № 279 "
                 "бұйрығымен беріледі.", LABOUR_MINISTER, id="minister-without-the-state"),
    pytest.param("Тіркеу Ішкі істер министрінің 2016 жылғы 28 қарашадағы № 1100 бұйрығымен жүргізіледі.",
                 "Minister of Internal Affairs", id="internal-affairs"),
    # near misses: no ministry named, the order is still cited, from its date, without an issuer
    pytest.param("Бұл тәртіп Министрдің 2023 жылғы 30 маусымдағы № 279 бұйрығымен бекітілген.", None,
                 id="minister-alone"),
    pytest.param("Бұл тәртіп еңбек министрінің 2023 жылғы 30 маусымдағы № 279 бұйрығымен бекітілген.", None,
                 id="no-ministry-in-capitals"),
])
def test_a_kazakh_ministers_order_takes_the_minister_named_before_its_date(text, issuer):
    [order] = find_citations(text)
    number, year = ("1100", 2016) if "1100" in text else ("279", 2023)
    assert (order.act_type, order.number, order.year, order.issuer) == ("ministerial-order", number, year,
                                                                        issuer)
    if issuer is None:
        assert text[order.start:].startswith(str(year))      # no words before the date taken for it


# --- a footnote mark after the bracket of the act's state of amendment ------------------------------

def test_a_note_mark_after_an_amendment_status_bracket_gives_the_act_its_adilet_id():
    # (the law cited again nearer the notes: the identifier is the marked citation's, not the nearest's)
    notes = "\n\nСогласно статье 1 Закона РК от 22.07.2011 г. № 477-IV кандасы ...\n\n_______________\n" \
            "¹ ИПС «Әділет», Z1100000477.\n"
    [law, _] = find_citations("Статус закреплен в Законе Республики Казахстан от 22 июля 2011 года № 477-IV "
                           "«О миграции населения» (с изменениями и дополнениями по состоянию на 01.09.2025 "
                           "г.)¹ (далее — Закон)." + notes)
    assert law.adilet_id == "Z1100000477"
    [law, _] = find_citations("The status is set by Law No. 477-IV of 22 July 2011 \"On Population "
                              "Migration\" (as amended on 1 September 2025)¹.\n\nArticle 1 of Law No. 477-IV "
                              "defines kandas.\n\n1. Adilet, Z1100000477.\n")
    assert law.adilet_id == "Z1100000477"


def test_near_miss_a_mark_after_a_bracket_citing_the_amending_act_is_that_acts():
    first, second = find_citations(
        "Статус закреплен в Законе Республики Казахстан от 22 июля 2011 года № 477-IV (изменения внесены "
        "Законом РК от 13 декабря 2013 года № 153-V)².\n\n_______________\n² ИПС «Әділет», Z1300000153.\n")
    assert (first.number, first.adilet_id) == ("477-IV", None)
    assert (second.number, second.adilet_id) == ("153-V", "Z1300000153")


# --- Kazakh: the law's head in the genitive, its quoted title before the state ----------------------

@pytest.mark.parametrize("text", [
    pytest.param("Қазақстан Республикасының 2011 жылғы 22 шілдедегі № 477-IV «Халықтың көші-қоны туралы» "
                 "Заңының 1-бабына сәйкес қандас мәртебесі беріледі.", id="genitive-head"),
    pytest.param("«Халықтың көші-қоны туралы» Қазақстан Республикасының 2011 жылғы 22 шілдедегі № 477-IV "
                 "Заңы квотаны белгілейді.", id="title-before-the-state"),
])
def test_a_kazakh_law_cited_with_its_title_and_its_head_in_any_case(text):
    [law] = find_citations(text)
    assert (law.act_type, law.number, law.year, law.jurisdiction, law.title) == (
        "law", "477-IV", 2011, "KAZ", "Халықтың көші-қоны туралы")


def test_near_miss_a_quoted_title_of_another_act_before_a_resolution_is_not_its_title():
    cited = find_citations("«Халықтың көші-қоны туралы» Заңына сәйкес Қазақстан Республикасы Үкіметінің 2012 "
                           "жылғы 21 қаңтардағы № 148 қаулысы қабылданды.")
    resolution = next(c for c in cited if c.number == "148")
    assert (resolution.act_type, resolution.title) == ("government-resolution", None)


# --- a legal database's revision bracket between the number and the title ---------------------------

@pytest.mark.parametrize("text", [
    pytest.param('Федеральный закон от 18.07.2006 N 109-ФЗ (ред. от 08.08.2024) "О миграционном учете '
                 'иностранных граждан и лиц без гражданства в Российской Федерации"', id="red-ot"),
    pytest.param("Федеральный закон от 18.07.2006 № 109-ФЗ (с изм. и доп., вступ. в силу с 01.01.2025) «О "
                 "миграционном учете иностранных граждан и лиц без гражданства в Российской Федерации»",
                 id="s-izm"),
])
def test_a_revision_bracket_before_the_title_is_read_past(text):
    [law] = find_citations(text)
    assert (law.act_type, law.number, law.year, law.jurisdiction) == ("law", "109-ФЗ", 2006, "RUS")
    assert law.title.startswith("О миграционном учете")


def test_near_miss_a_revision_bracket_without_a_title_after_it_ends_the_citation():
    [law] = find_citations("Статус определяет Федеральный закон от 25.07.2002 № 115-ФЗ (ред. от 08.08.2024), "
                           "а учет ведется отдельно.")
    assert (law.number, law.title) == ("115-ФЗ", None) and law.end < 70


# --- the number's suffix names the state ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("Нормы Кодекса об административных правонарушениях от 05.07.2014 № 235-V ЗРК применяются.",
                 id="ru-ZRK"),
    pytest.param("Article 517 of the Code on Administrative Offences No. 235-V ZRK of 5 July 2014 applies.",
                 id="en-ZRK"),
])
def test_a_number_suffixed_zrk_is_kazakhstans_in_a_text_that_names_no_state(text):
    [code] = find_citations(text)
    assert (code.act_type, code.number, code.year, code.jurisdiction) == ("code", "235-V", 2014, "KAZ")


def test_near_miss_the_same_number_without_its_suffix_names_no_state():
    [code] = find_citations("Нормы Кодекса об административных правонарушениях от 05.07.2014 № 235-V "
                            "применяются.")
    assert (code.number, code.jurisdiction) == ("235-V", None)


# --- Kazakh titles of codes named alone, confirmed by their pages (data/jurisdictions/kz.yaml) ---------

@pytest.mark.parametrize(("text", "number", "page"), [
    pytest.param("Іс Қылмыстық-процестік кодекстің 201-бабына сәйкес жүргізіледі.", "231-V",
                 "http://adilet.zan.kz/kaz/docs/K1400000231/k14231_.htm", id="criminal-procedure"),
    pytest.param("Көмек «Халық денсаулығы және денсаулық сақтау жүйесі туралы» Қазақстан Республикасы "
                 "Кодексінің 12-бабына сәйкес көрсетіледі.", "360-VI", "https://prg.kz/m/amp/document/36896883",
                 id="health"),
])
def test_a_kazakh_code_named_by_its_kazakh_title_takes_the_schemes_number_and_evidence(text, number, page):
    [code] = find_citations(text)
    assert (code.act_type, code.number, code.jurisdiction) == ("code", number, "KAZ")
    assert page in code.evidence


def test_near_miss_the_repealed_code_of_criminal_procedure_by_its_old_name_is_not_the_2014_code():
    assert [c.number for c in find_citations("Бұрынғы Қылмыстық іс жүргізу кодексі күшін жойды.")] == []


@pytest.mark.parametrize(("text", "number"), [
    pytest.param("Көші-қон «Халықтың көші-қоны туралы» Заңымен реттеледі.", "477-IV",
                 id="migration-no-state"),
    pytest.param("Пана іздеушілер «Босқындар туралы» Қазақстан Республикасының Заңына сәйкес тіркеледі.",
                 "216-IV", id="refugees"),
    pytest.param("Пана іздеушілер «Босқындар туралы» Заңының 5-бабына сәйкес тіркеледі.", "216-IV",
                 id="refugees-genitive-no-state"),
])
def test_a_kazakh_law_named_by_its_quoted_title_with_or_without_the_state(text, number):
    [law] = find_citations(text)
    assert (law.act_type, law.number, law.jurisdiction) == ("law", number, "KAZ")


def test_near_miss_a_draft_law_by_its_kazakh_title_is_no_citation():
    assert find_citations("«Халықтың көші-қоны туралы» заң жобасы Мәжілісте талқыланды.") == []
