"""Act citations of the tenth round (issue 16: benchmarks/gold/README.md, "Issue 16, tenth round:
citations and jurisdictions"): local acts (maslikhats' decisions, akimats' resolutions), normative
resolutions of the Supreme Court and of the Constitutional Council, joint orders with a number per
minister, and acts of Uzbekistan, Russia, Tajikistan and the Eurasian Economic Union, each with the
act type, number, date, jurisdiction and issuer the loader must return; and near misses that must
give no citation.

Every act is one as published (no number or date is made up):
- maslikhats and akimats: Adilet / zanorda.kz pages of V12PB003311 (Aksu city maslikhat, 20 December
  2012 No. 84/11), V14GD002268 (Zhualy district maslikhat, 6 June 2014 No. 31-4), V16UL003811 (Sozak
  district maslikhat, 19 July 2016 No. 29), V15DB003623 (Kapshagay city maslikhat, 9 December 2015
  No. 56-227), V98R000035 (repealed by the decision of the Almaty city maslikhat of 12 December 2007
  No. 45), V11R0000920 (Almaty city akimat, 30 December 2011 No. 4/1125, registered 13 January 2012
  No. 920), G25R003632A (Almaty city akimat, 11 September 2025 No. 3/632);
- the Supreme Court: normative resolutions of 11 July 2003 No. 5 (its heading reworded by that of 21
  April 2022 No. 5), 24 December 2010 No. 20, 31 March 2017 No. 3, 16 July 2007 No. 5 (P07000005S_),
  20 April 2006 No. 3 (P06000003S_); the Constitutional Council: 29 April 2005 No. 3 (S050000003_),
  9 March 2017 No. 1 (S1700000001), 3 July 2018 No. 5 (S1800000005);
- joint orders: the Adilet English page of V1600014531 (data/sources/evidence.yaml): the Acting
  Minister of Foreign Affairs No. 11-1-2/555 of 24 November 2016 and the Minister of Internal Affairs
  No. 1100 of 28 November 2016; Nos. 11-1-4/245 and 611 of 1 September 2020; Nos. 11-1-4/612 and 872
  of 31 October 2024;
- Uzbekistan (nrm.uz, lex.uz): Decree No. УП-5415 and Resolution No. ПП-3666 of the President of 13
  April 2018, Cabinet of Ministers resolutions No. 638 of 9 August 2018 and No. 938 of 23 November
  2017, Law No. ЗРУ-534 of 2 May 2019;
- Russia (consultant.ru, docs.cntd.ru, garant.ru, cis-legislation.com): decrees of the President No.
  637 of 22 June 2006 (its text as of 30 June 2009), No. 621 of 11 July 2013 and No. 872 of 22
  November 2023, Government resolution No. 751 of 7 December 2006, Government order No. 1363-р of 28
  September 2009;
- Tajikistan (mmih.tj): Law No. 2107 of 13 November 2024, Government resolution No. 207 of 31 March
  2020;
- Kyrgyzstan (gov.kg, cbd.minjust.gov.kg): Government resolution No. 196 of 3 April 2017; the Law
  "On External Migration" of 17 July 2000 No. 61 and its amending laws of 23 May 2008 No. 98 and
  24 July 2013 No. 160 (as in tests/test_citations_round13.py and benchmarks/gold/ru-kgz-legal);
- Kazakh laws as Adilet's copies note them (bestprofi.com, pavlodar.com, zanorda.kz): No. 327-VI of
  13 May 2020, No. 82-VIII of 16 May 2024, No. 86-VIII of 21 May 2024 (printed with a Cyrillic І),
  No. 204-I of 13 December 1997 (printed 204-1), the Codes No. 212 of 9 January 2007 and No. 400-VI
  of 2 January 2021; Law No. 247-I of 29 June 1998 (printed 247-1);
- the Eurasian Economic Union (adilet.zan.kz H20EV000030, normativka.by, filling-form.ru): decisions
  of the Supreme Eurasian Economic Council of 23 December 2014 No. 98, of the Eurasian
  Intergovernmental Council of 29 May 2015 No. 3, of the Council of the Commission of 13 January
  2017 No. 8, of its Board of 28 September 2015 No. 125.
"""

from __future__ import annotations

import pytest

from kzmig_kg.loader.extract.actnumbers import normalise_act_number
from kzmig_kg.loader.extract.citations import find_citations

MASLIKHAT = "Local representative body (maslikhat)"
AKIMAT = "Local executive body (akimat)"
AKSU = ("maslikhat-decision", "84/11", "2012-12-20", "KAZ")
ALMATY_AKIMAT = ("akimat-resolution", "4/1125", "2011-12-30", "KAZ")
SC_2003 = ("supreme-court-resolution", "5", "2003-07-11", "KAZ")
CC_2018 = ("constitutional-court-resolution", "5", "2018-07-03", "KAZ")
UZ_PP = ("presidential-resolution", "ПП-3666", "2018-04-13", "UZB")
RU_637 = ("presidential-decree", "637", "2006-06-22", "RUS")

# (text, (act type, number, date, jurisdiction), issuer)
FORMS = [
    # decisions of maslikhats
    pytest.param("решением Аксуского городского маслихата Павлодарской области от 20 декабря 2012 года "
                 "№ 84/11 утвержден бюджет", AKSU, MASLIKHAT, id="ru-maslikhat-decision"),
    pytest.param("Павлодар облысы Ақсу қалалық мәслихатының 2012 жылғы 20 желтоқсандағы № 84/11 шешімі", AKSU,
                 MASLIKHAT, id="kk-maslikhat-decision"),
    pytest.param("Decision of the Zhualynsky district maslikhat of the Zhambyl region of June 6, 2014 № 31-4",
                 ("maslikhat-decision", "31-4", "2014-06-06", "KAZ"), MASLIKHAT, id="en-maslikhat-decision"),
    pytest.param("Утратило силу решением VI сессии Маслихата города Алматы IV созыва от 12 декабря 2007 года "
                 "N 45", ("maslikhat-decision", "45", "2007-12-12", "KAZ"), MASLIKHAT,
                 id="ru-maslikhat-session-and-convocation"),
    pytest.param("Оңтүстік Қазақстан облысы Созақ аудандық мәслихатының 2016 жылғы 19 шілдедегі № 29 шешімі",
                 ("maslikhat-decision", "29", "2016-07-19", "KAZ"), MASLIKHAT, id="kk-district-maslikhat"),
    pytest.param("Алматы облысы Қапшағай қалалық мәслихатының 2015 жылғы 09 желтоқсандағы № 56-227 шешімі",
                 ("maslikhat-decision", "56-227", "2015-12-09", "KAZ"), MASLIKHAT,
                 id="kk-maslikhat-hyphen-number"),
    pytest.param("Решение Жуалынского районного маслихата Жамбылской области от 6 июня 2014 года № 31-4 "
                 "(зарегистрировано в Реестре государственной регистрации нормативных правовых актов за "
                 "№ 2268)", ("maslikhat-decision", "31-4", "2014-06-06", "KAZ"), MASLIKHAT,
                 id="ru-maslikhat-registered"),
    # resolutions of akimats
    pytest.param("постановлением акимата города Алматы от 30 декабря 2011 года № "
                 "4/1125", ALMATY_AKIMAT, AKIMAT,
                 id="ru-akimat-resolution"),
    pytest.param("Алматы қаласы әкімдігінің 2011 жылғы 30 желтоқсандағы N 4/1125 "
                 "қаулысы", ALMATY_AKIMAT, AKIMAT,
                 id="kk-akimat-resolution"),
    pytest.param("Resolution of the Almaty city akimat No. 4/1125 of 30 December 2011", ALMATY_AKIMAT, AKIMAT,
                 id="en-akimat-resolution"),
    pytest.param("Алматы қаласы әкімдігінің 2025 жылғы 11 қыркүйектегі № 3/632 қаулысы",
                 ("akimat-resolution", "3/632", "2025-09-11", "KAZ"), AKIMAT, id="kk-akimat-2025"),
    pytest.param("Постановление акимата города Алматы от 30 декабря 2011 года N 4/1125. Зарегистрировано "
                 "Департаментом юстиции города Алматы 13 января 2012 года за N 920.", ALMATY_AKIMAT, AKIMAT,
                 id="ru-akimat-registration-is-no-act"),
    # normative resolutions of the Supreme Court and the Constitutional Council
    pytest.param("Нормативное постановление Верховного Суда Республики Казахстан от 11 июля 2003 года N 5 «О "
                 "судебном решении по гражданским делам»", SC_2003, "Supreme Court", id="ru-supreme-court"),
    pytest.param("согласно нормативному постановлению Верховного Суда РК от 31.03.2017 № 3",
                 ("supreme-court-resolution", "3", "2017-03-31", "KAZ"), "Supreme Court",
                 id="ru-supreme-court-short"),
    pytest.param("Нормативное постановление Верховного Суда Республики Казахстан от 24 декабря 2010 года № "
                 "20",
                 ("supreme-court-resolution", "20", "2010-12-24", "KAZ"), "Supreme Court",
                 id="ru-supreme-court-2010"),
    pytest.param("Қазақстан Республикасы Жоғарғы Сотының 2007 жылғы 16 шілдедегі N 5 Нормативтік қаулысы",
                 ("supreme-court-resolution", "5", "2007-07-16", "KAZ"), "Supreme Court",
                 id="kk-supreme-court"),
    pytest.param("2006 жылғы 20 сәуірдегі № 3 Қазақстан Республикасы Жоғарғы Сотының нормативтік қаулысы",
                 ("supreme-court-resolution", "3", "2006-04-20", "KAZ"), "Supreme Court",
                 id="kk-supreme-court-date-first"),
    pytest.param("Normative Resolution of the Supreme Court of the Republic of Kazakhstan No. 5 of 11 July "
                 "2003",
                 SC_2003, "Supreme Court", id="en-supreme-court"),
    pytest.param("Нормативное постановление Конституционного Совета Республики Казахстан от 3 июля 2018 "
                 "года № 5",
                 CC_2018, "Constitutional Council", id="ru-constitutional-council"),
    pytest.param("Постановление Конституционного Совета Республики Казахстан от 29 апреля 2005 года N 3",
                 ("constitutional-court-resolution", "3", "2005-04-29", "KAZ"), "Constitutional Council",
                 id="ru-constitutional-council-2005"),
    pytest.param("Қазақстан Республикасы Конституциялық Кеңесінің 2017 жылғы 9 наурыздағы № 1 нормативтік "
                 "қаулысы", ("constitutional-court-resolution", "1", "2017-03-09", "KAZ"),
                 "Constitutional Council",
                 id="kk-constitutional-council"),
    # Uzbekistan
    pytest.param("Указ Президента Республики Узбекистан от 13 апреля 2018 года N УП-5415",
                 ("presidential-decree", "УП-5415", "2018-04-13", "UZB"), "President", id="ru-UZ-decree"),
    pytest.param("постановление Президента Республики Узбекистан от 13 апреля 2018 года N ПП-3666 «Об "
                 "организационных мерах по дальнейшему совершенствованию деятельности Министерства юстиции "
                 "Республики Узбекистан»", UZ_PP, "President", id="ru-UZ-presidential-resolution"),
    pytest.param("постановлением Президента РУз от 13.04.2018 № ПП-3666", UZ_PP, "President",
                 id="ru-UZ-abbreviated-state"),
    pytest.param("Resolution of the President of the Republic of Uzbekistan No. PP-3666 of 13 April 2018",
                 ("presidential-resolution", "PP-3666", "2018-04-13", "UZB"), "President",
                 id="en-UZ-presidential-resolution"),
    pytest.param("Постановление Кабинета Министров Республики Узбекистан от 09.08.2018 г. N 638",
                 ("government-resolution", "638", "2018-08-09", "UZB"), "Cabinet of Ministers",
                 id="ru-UZ-cabinet"),
    pytest.param("ПКМ РУз от 23.11.2017 № 938", ("government-resolution", "938", "2017-11-23", "UZB"),
                 "Cabinet of Ministers", id="ru-UZ-PKM"),
    pytest.param("в соответствии с ПП-3666 от 13 апреля 2018 года Министерство юстиции", UZ_PP, "President",
                 id="ru-UZ-resolution-by-its-number-alone"),
    pytest.param("Указ УП-5415 от 13.04.2018 определил задачи органов юстиции",
                 ("presidential-decree", "УП-5415", "2018-04-13", "UZB"), "President",
                 id="ru-UZ-decree-no-mark"),
    pytest.param("Постановлением Кабинета Министров Республики Узбекистан № 638 от 09.08.2018 г. внесены "
                 "изменения", ("government-resolution", "638", "2018-08-09", "UZB"), "Cabinet of Ministers",
                 id="ru-UZ-cabinet-number-before-date"),
    pytest.param("Закон Республики Узбекистан от 02.05.2019 г. N ЗРУ-534",
                 ("law", "ЗРУ-534", "2019-05-02", "UZB"), None, id="ru-UZ-law"),
    # Russia
    pytest.param("Указ Президента РФ от 22.06.2006 N 637", RU_637, "President", id="ru-RF-decree-637"),
    pytest.param("УКАЗ Президента РФ от 22.06.2006 N 637 (ред. от 30.06.2009) \"О МЕРАХ ПО ОКАЗАНИЮ "
                 "СОДЕЙСТВИЯ ДОБРОВОЛЬНОМУ ПЕРЕСЕЛЕНИЮ В РОССИЙСКУЮ ФЕДЕРАЦИЮ СООТЕЧЕСТВЕННИКОВ, ПРОЖИВАЮЩИХ "
                 "ЗА РУБЕЖОМ\"",
                 RU_637, "President", id="ru-RF-decree-capitals-redaction"),
    pytest.param("Presidential decree of the Russian Federation of 11.07.2013 No. 621",
                 ("presidential-decree", "621", "2013-07-11", "RUS"), "President", id="en-RF-decree-cis"),
    pytest.param("Decree of the President of the Russian Federation of June 22, 2006 No. 637 "
                 "(https://cis-legislation.com/document.fwx?rgn=13028)", RU_637, "President",
                 id="en-RF-decree-cis-legislation-address"),
    pytest.param("Указом Президента РФ от 22.11.2023 № 872 внесены изменения в Государственную программу",
                 ("presidential-decree", "872", "2023-11-22", "RUS"), "President", id="ru-RF-decree-2023"),
    pytest.param("постановления Правительства Российской Федерации от 7 декабря 2006 года N 751",
                 ("government-resolution", "751", "2006-12-07", "RUS"), "Government",
                 id="ru-RF-resolution-751"),
    pytest.param("распоряжение Правительства РФ от 28 сентября 2009 года N 1363-р",
                 ("government-order", "1363-р", "2009-09-28", "RUS"), "Government",
                 id="ru-RF-government-order"),
    # Tajikistan
    pytest.param("постановление Правительства Республики Таджикистан от 31 марта 2020 года № 207",
                 ("government-resolution", "207", "2020-03-31", "TJK"), "Government", id="ru-TJ-resolution"),
    pytest.param("Законом Республики Таджикистан от 13 ноября 2024 года № 2107 внесены изменения в Закон «О "
                 "миграции»", ("law", "2107", "2024-11-13", "TJK"), None, id="ru-TJ-law"),
    # the Eurasian Economic Union
    pytest.param("Решение Совета Евразийской экономической комиссии от 13 января 2017 года № 8",
                 ("eaeu-decision", "8", "2017-01-13", "EAEU"), "Council of the Eurasian Economic Commission",
                 id="ru-EEC-council"),
    pytest.param("утверждено Решением Коллегии Евразийской экономической комиссии от 28 сентября 2015 г. № "
                 "125",
                 ("eaeu-decision", "125", "2015-09-28", "EAEU"), "Board of the Eurasian Economic Commission",
                 id="ru-EEC-board"),
    pytest.param("Решением Высшего Евразийского экономического совета от 23 декабря 2014 года № 98",
                 ("eaeu-decision", "98", "2014-12-23", "EAEU"), "Supreme Eurasian Economic Council",
                 id="ru-EAEU-supreme-council"),
    pytest.param("утвержденного Решением Евразийского межправительственного совета от 29 мая 2015 г. № 3",
                 ("eaeu-decision", "3", "2015-05-29", "EAEU"), "Eurasian Intergovernmental Council",
                 id="ru-EAEU-intergovernmental-council"),
    pytest.param("Decision of the Council of the Eurasian Economic Commission No. 8 of 13 January 2017",
                 ("eaeu-decision", "8", "2017-01-13", "EAEU"), "Council of the Eurasian Economic Commission",
                 id="en-EEC-council"),
    pytest.param("Decision No. 98 of the Supreme Eurasian Economic Council of 23 December 2014",
                 ("eaeu-decision", "98", "2014-12-23", "EAEU"), "Supreme Eurasian Economic Council",
                 id="en-EAEU-supreme-council-issuer-after-number"),
    pytest.param("Order of the Government of the Russian Federation No. 1363-r of 28 September 2009",
                 ("government-order", "1363-r", "2009-09-28", "RUS"), "Government",
                 id="en-RF-government-order"),
    pytest.param("Решение Совета ЕЭК от 13.01.2017 № 8", ("eaeu-decision", "8", "2017-01-13", "EAEU"),
                 "Council of the Eurasian Economic Commission", id="ru-EEC-abbreviated"),
    # neighbours' acts cited in Kazakh
    pytest.param("Ресей Федерациясының 2002 жылғы 25 шілдедегі № 115-ФЗ Федералдық заңы да назарға алынды",
                 ("law", "115-ФЗ", "2002-07-25", "RUS"), None, id="kk-RF-federal-law"),
    pytest.param("Өзбекстан Республикасы Президентінің 2018 жылғы 13 сәуірдегі № ПП-3666 қаулысы", UZ_PP,
                 "President", id="kk-UZ-presidential-resolution"),
    pytest.param("Қырғыз Республикасының 2000 жылғы 17 шілдедегі № 61 «Сыртқы көші-қон туралы» Заңы",
                 ("law", "61", "2000-07-17", "KGZ"), None, id="kk-KG-law"),
    # Kyrgyzstan: the Government, since 2021 the Cabinet of Ministers
    pytest.param("постановление Правительства Кыргызской Республики от 3 апреля 2017 года № 196",
                 ("government-resolution", "196", "2017-04-03", "KGZ"), "Government", id="ru-KG-resolution"),
    pytest.param("постановлением Кабинета Министров Кыргызской Республики от 3 апреля 2017 года № 196",
                 ("government-resolution", "196", "2017-04-03", "KGZ"), "Cabinet of Ministers",
                 id="ru-KG-cabinet-is-the-government"),
    # English law-firm memos: the number first, the state and the date after it
    pytest.param("The Migration Law (Law No. 477-IV of the Republic of Kazakhstan dated 22 July 2011, as "
                 "amended) requires registration.", ("law", "477-IV", "2011-07-22", "KAZ"), None,
                 id="en-memo-number-then-state"),
    pytest.param("pursuant to Resolution No. 1427 of the Government of the Republic of Kazakhstan dated 1 "
                 "December 2011, employers", ("government-resolution", "1427", "2011-12-01", "KAZ"),
                 "Government", id="en-memo-issuer-after-number"),
    pytest.param("under Order of the Minister of Labour and Social Protection of Population No. 279 dated 30 "
                 "June 2023 (the “Rules”)", ("ministerial-order", "279", "2023-06-30", None),
                 "Minister of Labour and Social Protection of Population", id="en-memo-defined-term"),
    pytest.param("Government Decree No. 961 dated 30 November 2022 (the “Concept”) sets the priorities.",
                 ("government-resolution", "961", "2022-11-30", None), "Government",
                 id="en-memo-govt-decree"),
    # a neighbour named by the head's adjective, as memos write it
    pytest.param("Kyrgyz Law No. 61 of 17 July 2000 on External Migration applies.",
                 ("law", "61", "2000-07-17", "KGZ"), None, id="en-KG-adjective"),
    pytest.param("Tajik Government Resolution No. 207 of 31 March 2020 lists the states.",
                 ("government-resolution", "207", "2020-03-31", "TJK"), "Government", id="en-TJ-adjective"),
    pytest.param("Uzbek Cabinet of Ministers Resolution No. 638 of 9 August 2018",
                 ("government-resolution", "638", "2018-08-09", "UZB"), "Cabinet of Ministers",
                 id="en-UZ-adjective-cabinet"),
    pytest.param("Uzbekistan: Presidential Decree No. UP-5415 dated 13 April 2018 reorganised justice.",
                 ("presidential-decree", "UP-5415", "2018-04-13", "UZB"), "President", id="en-UZ-UP-number"),
    # amendments noted as Adilet's copies note them
    pytest.param("В настоящий Закон предусмотрено изменение в соответствии с Законом РК от 16.05.2024 г. "
                 "№ 82-VIII (изменение вводится в действие с 17.07.2024 г.)",
                 ("law", "82-VIII", "2024-05-16", "KAZ"), None, id="ru-amendment-note-second-head"),
    pytest.param("Законом РК от 21.05.2024 г. № 86-VІIІ", ("law", "86-VIII", "2024-05-21", "KAZ"), None,
                 id="ru-cyrillic-I-in-convocation"),
    pytest.param("Закон Республики Казахстан от 13.12.1997 N 204-1 \"О МИГРАЦИИ НАСЕЛЕНИЯ [редакция от "
                 "27.03.2002]\"", ("law", "204-I", "1997-12-13", "KAZ"), None,
                 id="ru-law-1997-ocr-redaction"),
    # a Kazakh law whose convocation OCR damaged, in a footnote of the convention it joined
    pytest.param("Республика Казахстан присоединилась к Конвенции в соответствии с Законом Республики "
                 "Казахстан "
                 "от 29 июня 1998 года № 247-1", ("law", "247-I", "1998-06-29", "KAZ"), None,
                 id="ru-law-ocr-1998"),
]


@pytest.mark.parametrize(("text", "act", "issuer"), FORMS)
def test_a_citation_form_gives_its_act(text, act, issuer) -> None:
    numbered = [c for c in find_citations(text) if c.number]
    assert len(numbered) == 1, [c.label() for c in numbered]
    citation = numbered[0]
    assert (citation.act_type, citation.number, citation.date, citation.jurisdiction) == act
    assert citation.issuer == issuer


# (text, (act type, first number, date, jurisdiction), issuers, the other numbers)
JOINT = [
    pytest.param("совместным приказом Министра иностранных дел Республики Казахстан от 1 сентября 2020 года "
                 "№ 11-1-4/245 и Министра внутренних дел Республики Казахстан от 1 сентября 2020 года № 611 "
                 "преамбула изложена в новой редакции",
                 ("joint-order", "11-1-4/245", "2020-09-01", "KAZ"),
                 "Minister of Foreign Affairs; Minister of Internal Affairs", ["611"], id="ru-joint-order"),
    pytest.param("совместный приказ исполняющего обязанности Министра иностранных дел Республики Казахстан "
                 "от 24 "
                 "ноября 2016 года № 11-1-2/555 и Министра внутренних дел Республики Казахстан от 28 ноября "
                 "2016 года № 1100", ("joint-order", "11-1-2/555", "2016-11-24", "KAZ"),
                 "Acting Minister of Foreign Affairs; Minister of Internal Affairs", ["1100"],
                 id="ru-joint-order-acting"),
    pytest.param("совместным приказом и.о. Министра иностранных дел Республики Казахстан от 24 ноября 2016 "
                 "года № 11-1-2/555 и Министра внутренних дел Республики Казахстан от 28 ноября 2016 года "
                 "№ 1100 утверждены Правила", ("joint-order", "11-1-2/555", "2016-11-24", "KAZ"),
                 "Acting Minister of Foreign Affairs; Minister of Internal Affairs", ["1100"],
                 id="ru-joint-order-i-o"),
    pytest.param("Joint order of the Acting Minister of Foreign Affairs of the Republic of Kazakhstan dated "
                 "November 24, 2016 № 11-1-2/555 and the Minister of Internal Affairs of the Republic of "
                 "Kazakhstan dated November 28, 2016 № 1100.",
                 ("joint-order", "11-1-2/555", "2016-11-24", "KAZ"),
                 "Acting Minister of Foreign Affairs; Minister of Internal Affairs", ["1100"],
                 id="en-joint-order-adilet"),
    pytest.param("Қазақстан Республикасы Сыртқы істер министрінің м.а. 2016 жылғы 24 қарашадағы "
                 "№ 11-1-2/555 және Қазақстан Республикасы Ішкі істер министрінің 2016 жылғы 28 "
                 "қарашадағы № 1100 бірлескен бұйрығы", ("joint-order", "11-1-2/555", "2016-11-24", "KAZ"),
                 "Acting Minister of Foreign Affairs; Minister of Internal Affairs", ["1100"],
                 id="kk-joint-order"),
    pytest.param("amended by the joint order of the Deputy Prime Minister - Minister of Foreign Affairs No. "
                 "11-1-4/612 and the Minister of Internal Affairs No. 872, both of 31 October 2024.",
                 ("joint-order", "11-1-4/612", "2024-10-31", None),
                 "Minister of Foreign Affairs; Minister of Internal Affairs", ["872"],
                 id="en-joint-order-both-of"),
]


@pytest.mark.parametrize(("text", "act", "issuer", "others"), JOINT)
def test_a_joint_order_is_one_act_with_a_number_per_minister(text, act, issuer, others) -> None:
    [citation] = find_citations(text)
    assert (citation.act_type, citation.number, citation.date, citation.jurisdiction) == act
    assert citation.issuer == issuer
    assert citation.joint_numbers == others


# a local act's or a court's Adilet identifier has letters of its own (its region or kind)
IDENTIFIED = [
    pytest.param("решение Аксуского городского маслихата Павлодарской области от 20 декабря 2012 года "
                 "№ 84/11 (https://adilet.zan.kz/rus/docs/V12PB003311)", "84/11", "V12PB003311",
                 id="maslikhat-address"),
    pytest.param("Алматы қаласы әкімдігінің 2011 жылғы 30 желтоқсандағы N 4/1125 қаулысы (V11R0000920)",
                 "4/1125", "V11R0000920", id="akimat-identifier"),
    pytest.param("Нормативное постановление Конституционного Совета Республики Казахстан от 3 июля 2018 года "
                 "№ 5 (ИПС «Әділет»: S1800000005)", "5", "S1800000005",
                 id="constitutional-council-identifier"),
    pytest.param("Normative Resolution of the Supreme Court of the Republic of Kazakhstan No. 5 of 16 July "
                 "2007, https://adilet.zan.kz/eng/docs/P07000005S_", "5", "P07000005S_",
                 id="supreme-court-address"),
]


@pytest.mark.parametrize(("text", "number", "adilet"), IDENTIFIED)
def test_a_local_or_court_act_takes_its_adilet_identifier(text, number, adilet) -> None:
    [citation] = find_citations(text)
    assert (citation.number, citation.adilet_id) == (number, adilet)


def test_an_amending_act_named_in_the_brackets_is_a_citation_of_its_own() -> None:
    text = ("Нормативное постановление Верховного Суда Республики Казахстан от 11 июля 2003 года N 5 (с "
            "изменениями, внесенными нормативным постановлением Верховного Суда РК от 21.04.2022 г. № 5)")
    found = [(c.act_type, c.number, c.date) for c in find_citations(text)]
    assert found == [("supreme-court-resolution", "5", "2003-07-11"),
                     ("supreme-court-resolution", "5", "2022-04-21")]


def test_each_act_of_a_chain_of_amending_laws_is_cited() -> None:
    text = ("Закон Республики Казахстан от 22 июля 2011 года № 477-IV «О миграции населения» (с изменениями, "
            "внесенными законами РК от 13.05.2020 г. № 327-VI, от 16.05.2024 г. № 82-VIII и от 21.05.2024 г. "
            "№ 86-VІIІ)")
    assert [(c.act_type, c.number, c.date) for c in find_citations(text)] == [
        ("law", "477-IV", "2011-07-22"), ("law", "327-VI", "2020-05-13"), ("law", "82-VIII", "2024-05-16"),
        ("law", "86-VIII", "2024-05-21")]


def test_amending_laws_of_a_neighbour_listed_after_one_head() -> None:
    text = ("Закон Кыргызской Республики «О внешней миграции» от 17 июля 2000 года № 61 (в редакции "
            "Законов КР от 23 мая 2008 года № 98, 24 июля 2013 года № 160).")
    assert [(c.act_type, c.number, c.date, c.jurisdiction) for c in find_citations(text)] == [
        ("law", "61", "2000-07-17", "KGZ"), ("law", "98", "2008-05-23", "KGZ"),
        ("law", "160", "2013-07-24", "KGZ")]


def test_a_repealed_code_and_the_code_that_repealed_it() -> None:
    text = ("Кодекс Республики Казахстан от 9 января 2007 года № 212. Утратил силу Кодексом Республики "
            "Казахстан от 2 января 2021 года № 400-VI")
    assert [(c.act_type, c.number, c.date, c.jurisdiction) for c in find_citations(text)] == [
        ("code", "212", "2007-01-09", "KAZ"), ("code", "400-VI", "2021-01-02", "KAZ")]


def test_an_act_whose_citation_names_no_state_is_of_the_state_the_text_cites_most() -> None:
    memo = ("Under the Law of the Republic of Kazakhstan No. 477-IV dated 22 July 2011 and the Labour "
            "Code of the Republic of Kazakhstan No. 414-V of 23 November 2015, with Federal Law No. 115-FZ "
            "of 25 July 2002 for staff posted from Russia; the quota follows Government Decree No. 961 "
            "dated 30 November 2022.")
    assert [(c.number, c.jurisdiction) for c in find_citations(memo)] == [
        ("477-IV", "KAZ"), ("414-V", "KAZ"), ("115-FZ", "RUS"), ("961", "KAZ")]
    # the state its own sentence names, before the text's
    sentence = ("The Law of the Republic of Kazakhstan No. 477-IV of 22 July 2011 governs entry. For Russia, "
                "see Federal Law No. 115-FZ of 25 July 2002 and Presidential Decree No. 637 of 22 June 2006.")
    assert [(c.number, c.jurisdiction) for c in find_citations(sentence)] == [
        ("477-IV", "KAZ"), ("115-FZ", "RUS"), ("637", "RUS")]
    # two states as often, or none: the text does not say whose
    even = ("Law of the Republic of Kazakhstan No. 477-IV of 22 July 2011; Federal Law No. 115-FZ of 25 July "
            "2002; Government Decree No. 961 dated 30 November 2022.")
    assert [c.jurisdiction for c in find_citations(even)] == ["KAZ", "RUS", None]


def test_a_local_act_number_keeps_its_digits_where_a_law_number_is_repaired() -> None:
    # "-1" after a law's serial is OCR damage to its convocation (247-I); a maslikhat's or an
    # akimat's number has no convocation
    assert normalise_act_number("247-1", 1998).number == "247-I"
    assert normalise_act_number("41-1", 2019, convocation=False).number == "41-1"


NEAR_MISSES = [
    pytest.param("Расчёт по СП РК 2.04-01-2017 и ГОСТ Р 7.0.5-2008, нормы СНиП 2.07.01-89*.", id="standards"),
    pytest.param("решение Специализированного межрайонного экономического суда города Алматы по делу "
                 "№ 7527-24-00-2/1234 от 12 марта 2024 года", id="court-case"),
    pytest.param("Постановлением судьи по делу об административном правонарушении № 5 от 3 мая 2024 года "
                 "наложен штраф.", id="administrative-case"),
    pytest.param("Приказ АО «Казахтелеком» № 123 от 01.02.2024 о премировании", id="company-order"),
    pytest.param("Решение № 3 общего собрания акционеров от 15 апреля 2025 года", id="shareholders"),
    pytest.param("письмом Комитета миграционной службы от 12.03.2024 исх. № 3-1/1234 разъяснено",
                 id="letter"),
    pytest.param("Please refer to our letter ref. No. 12/345 dated 5 March 2024.", id="letter-en"),
    pytest.param("Соглашение о трудовой деятельности и социальной защите трудящихся-мигрантов (Кишинев, 7 "
                 "октября 2002 года) применяется.", id="treaty-title-ru"),
    pytest.param("The Treaty on the Eurasian Economic Union of 29 May 2014 allows free movement.",
                 id="treaty-title-en"),
    pytest.param("Решением маслихата были утверждены новые ставки.", id="maslikhat-no-number-no-date"),
    pytest.param("Протокол № 12 внеочередной сессии маслихата от 5 мая 2025 года.", id="maslikhat-minutes"),
    pytest.param("The akimat's decision of last week raised the quota.", id="akimat-decision-prose"),
    pytest.param("Приказ № 45-к по личному составу.", id="staff-order"),
    pytest.param("Decision No. 7 of the Board of Directors of KazMunayGas JSC of 3 March 2024",
                 id="board-en"),
    pytest.param("по решению Совета ЕЭК ставки пошлин снижены", id="eec-prose"),
    pytest.param("Комиссияның 2024 жылғы 5 наурыздағы № 3 хаттамалық шешімі орындалды.",
                 id="kk-commission-minutes"),
    pytest.param("Жиналыстың 2025 жылғы 12 ақпандағы № 7 шешімі бойынша", id="kk-meeting-decision"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_gives_no_citation(text) -> None:
    assert [c.label() for c in find_citations(text)] == []


def test_the_unions_decision_is_published_with_no_country_and_a_neighbours_act_with_its_own(tmp_path) -> None:
    from rdflib import URIRef

    from kzmig_kg.loader.extract import extract_document
    from kzmig_kg.loader.to_rdf import item_graph

    text = tmp_path / "eaeu.txt"
    text.write_text("Решение Совета Евразийской экономической комиссии от 13 января 2017 года № 8.\n"
                    "Закон Кыргызской Республики от 17 июля 2000 года № 61 «О внешней миграции».\n",
                    encoding="utf-8")
    eli = "http://data.europa.eu/eli/ontology#"
    found = {}
    for item in extract_document(text, kinds=("citation",)).items():
        graph = item_graph(item, URIRef("https://w3id.org/kzmig/id/document/eaeu"))
        found[item.get("number")] = sorted(str(o) for o in graph.objects(None, URIRef(eli + "jurisdiction")))
    assert found == {"8": [], "61": ["http://publications.europa.eu/resource/authority/country/KGZ"]}
