"""Act citations of the eleventh round (issue 16: benchmarks/gold/README.md, "Issue 16, eleventh
round: citations and jurisdictions"): acts as news items and press releases cite them (not lawyers),
acts in Kyrgyz, Uzbek and Tajik as the neighbours' own databases print them, codes and laws named
without a number, and near misses that must give no citation.

Every act is one as published (no number or date is made up):
- Kazakhstan: data/legal/acts.yaml (Law No. 477-IV of 22 July 2011, Government resolutions No. 148
  of 21 January 2012 and No. 961 of 30 November 2022, Decree No. 2337 of 19 June 1995, Law No.
  327-VI of 13 May 2020); the English Adilet page of V1600014170 (adilet.zan.kz/eng/docs/V1600014170):
  Order No. 559 of 27 June 2016 of the Minister of Healthcare and Social Development, invalidated by
  Order No. 279 of 30 June 2023 of the Deputy Prime Minister - Minister of Labour and Social
  Protection, its preamble reworded by Order No. 138 of 17 April 2020; zanorda.kz V2300032989: Order
  No. 285 of 30 June 2023; zakon.uchet.kz P1600000802: Government resolution No. 802 of 15 December
  2016; the Code of Administrative Offences No. 235-V of 5 July 2014 (K1400000235) and the Labour Code
  No. 414-V of 23 November 2015 (K1500000414), as in the gold sets; Law No. 82-VIII of 16 May 2024
  (tests/test_citations_round14.py) and the Law on Citizenship of 20 December 1991 No. 1017-XII
  (blindK2);
- Russia: Federal Law No. 115-FZ of 25 July 2002 (as in tests/test_citations_round13.py);
- Uzbekistan (lex.uz): resolution of the President ПҚ-3430 of 12.12.2017 (lex.uz/pdfs/3454989), Law
  ЎРҚ-418 of 29.12.2016 (lex.uz/pdfs/3086492), Cabinet of Ministers resolutions No. 1023 of 26.12.2017
  (lex.uz/pdfs/3481808) and No. 278 of 09.04.2018 (lex.uz/pdfs/3648437); PP-3666 of 13 April 2018;
- Kyrgyzstan (gov.kg/ky/npa/s/4495): Cabinet of Ministers resolution No. 541 of 10.10.2023, Government
  resolution No. 839 of 18 December 2012; the Law "On External Migration" of 17 July 2000 No. 61;
- Tajikistan (mmih.tj, data/jurisdictions/tj.yaml): Law No. 2107 of 13 November 2024, Government
  resolution No. 207 of 31 March 2020.
"""

from __future__ import annotations

import pytest

from kzmig_kg.loader.extract.citations import find_citations

LAW_477 = ("law", "477-IV", "2011-07-22", "KAZ")
GOVRES_148 = ("government-resolution", "148", "2012-01-21", "KAZ")
GOVRES_961 = ("government-resolution", "961", "2022-11-30", "KAZ")
ORDER_279 = ("ministerial-order", "279", "2023-06-30", "KAZ")

# (text, (act type, number, date or year, jurisdiction)); a jurisdiction None where the text names
# no state: ingest records such an act as Kazakhstan's, the graph's own
NEWS = [
    pytest.param("В Казахстане, согласно постановлению правительства № 802 от 15 декабря 2016 года, квоту "
                 "распределяют акиматы.", ("government-resolution", "802", "2016-12-15", "KAZ"),
                 id="ru-number-before-date"),
    pytest.param("Правила в РК утверждены приказом министра труда (№ 279 от 30.06.2023).", ORDER_279,
                 id="ru-order-in-brackets"),
    pytest.param("как указано в приказе министра труда и соцзащиты (№ 138 от 17.04.2020)",
                 ("ministerial-order", "138", "2020-04-17", None), id="ru-order-in-brackets-no-state"),
    pytest.param("Закон РК «О миграции населения» от 22 июля 2011 года № 477-IV (далее – Закон) определяет "
                 "порядок.", LAW_477, id="ru-law-with-short-name"),
    pytest.param("Напомним, в Казахстане закон «О миграции населения» от 22 июля 2011 года № 477-IV "
                 "действует с поправками.", ("law", "477-IV", "2011-07-22", None), id="ru-law-small-letter"),
    pytest.param("постановлением правительства РК от 30 ноября 2022 года № 961 одобрена Концепция",
                 GOVRES_961, id="ru-government-small-letter"),
    pytest.param("Указом Главы государства от 19 июня 1995 года № 2337 утверждён порядок.",
                 ("presidential-decree", "2337", "1995-06-19", None), id="ru-head-of-state"),
    pytest.param("Соответствующий приказ министра труда и социальной защиты населения № 279 подписан 30 июня "
                 "2023 года.", ("ministerial-order", "279", 2023, None), id="ru-signed-on"),
    pytest.param("In Kazakhstan, the Government's Decree No. 961 of November 30, 2022, approved the new "
                 "concept", GOVRES_961, id="en-governments-decree"),
    pytest.param("Kazakhstan's Government Resolution 148 of January 21, 2012 sets the rules of stay.",
                 GOVRES_148, id="en-resolution-without-no"),
    pytest.param("under Government Resolution 148, foreigners must register within three days",
                 ("government-resolution", "148", None, None), id="en-resolution-without-no-or-date"),
    pytest.param("Government Resolution #802 dated 15 December 2016 sets the quota.",
                 ("government-resolution", "802", "2016-12-15", None), id="en-hash"),
    pytest.param('Law of the Republic of Kazakhstan No. 477-IV "On Population Migration" dated 22 July 2011 '
                 '(the "Migration Law")', LAW_477, id="en-law-firm"),
    pytest.param('in accordance with the Law of the Republic of Kazakhstan "On Population Migration" dated '
                 'July 22, 2011 No. 477-IV', LAW_477, id="en-embassy"),
    pytest.param("the Migration Law (Law No. 477-IV dated 22 July 2011) applies",
                 ("law", "477-IV", "2011-07-22", None), id="en-defined-term-first"),
    pytest.param("Order of the Minister of Labour and Social Protection No. 279 dated 30 June 2023",
                 ("ministerial-order", "279", "2023-06-30", None), id="en-order"),
    pytest.param("The Labour Ministry's Order No. 279 of June 30, 2023 replaced the old rules.",
                 ("ministerial-order", "279", "2023-06-30", None), id="en-ministrys-order"),
    pytest.param("Resolution No. 148 of the Kazakh government, adopted on 21 January 2012,", GOVRES_148,
                 id="en-of-the-kazakh-government"),
    pytest.param("Rules of Entry and Stay of Immigrants approved by Government Decree No. 148 of 21.01.2012",
                 ("government-resolution", "148", "2012-01-21", None), id="en-approved-by"),
    pytest.param("Decree of the Government of the Republic of Kazakhstan dated 21 January 2012 No. 148",
                 GOVRES_148, id="en-decree-of-the-government"),
    pytest.param("By Government Decree No. 802 (15 December 2016), quotas are set by region.",
                 ("government-resolution", "802", "2016-12-15", None), id="en-date-in-brackets"),
    pytest.param("Law of the RK dated 22.07.2011 No. 477-IV", LAW_477, id="en-rk"),
    pytest.param("fines under Article 517 of the Code of Administrative Offences No. 235-V of 5 July 2014",
                 ("code", "235-V", "2014-07-05", None), id="en-code-with-article"),
    pytest.param("By Presidential Decree No. 2337 of June 19, 1995",
                 ("presidential-decree", "2337", "1995-06-19", None), id="en-presidential-decree"),
    pytest.param("Order No. 83 of the Minister of Internal Affairs dated 27 January 2016",
                 ("ministerial-order", "83", "2016-01-27", None), id="en-issuer-after-number"),
    pytest.param("пункт 3 статьи 49 Закона Республики Казахстан от 22 июля 2011 года № 477-IV «О миграции "
                 "населения»", LAW_477, id="ru-article-and-paragraph"),
    pytest.param("поправки в закон о миграции населения от 22 июля 2011 года № 477-IV вступили в силу",
                 ("law", "477-IV", "2011-07-22", None), id="ru-amendments-to"),
    pytest.param("Глава государства подписал Закон Республики Казахстан от 13 мая 2020 года № 327-VI",
                 ("law", "327-VI", "2020-05-13", "KAZ"), id="ru-president-signed"),
    pytest.param("постановление Правительства РК от 21.01.2012 г. № 148", GOVRES_148, id="ru-short-date"),
    pytest.param("приказ Министра здравоохранения и социального развития РК № 559 от 27.06.2016 утратил силу",
                 ("ministerial-order", "559", "2016-06-27", "KAZ"), id="ru-number-then-date-order"),
    pytest.param("приказом Министерства труда и социальной защиты населения от 30 июня 2023 года № 285",
                 ("ministerial-order", "285", "2023-06-30", None), id="ru-ministry-order"),
    pytest.param("в соответствии с постановлением Правительства Республики Казахстан № 148 от 21.01.2012",
                 GOVRES_148, id="ru-press-release"),
    pytest.param("приказом и.о. Министра труда и социальной защиты населения РК от 30.06.2023 № 285",
                 ("ministerial-order", "285", "2023-06-30", "KAZ"), id="ru-acting-minister"),
    pytest.param("согласно Закону РК № 477-IV иммигранты регистрируются", ("law", "477-IV", None, "KAZ"),
                 id="ru-no-date"),
    pytest.param("Указ Президента РК от 19.06.1995 г. № 2337",
                 ("presidential-decree", "2337", "1995-06-19", "KAZ"), id="ru-decree"),
    pytest.param("Постановлением Правительства № 148 от 21 января 2012 г. утверждены Правила въезда",
                 ("government-resolution", "148", "2012-01-21", None), id="ru-no-state"),
    pytest.param("Қазақстан Республикасының 2011 жылғы 22 шілдедегі № 477-IV «Халықтың көші-қоны туралы» "
                 "Заңына сәйкес", LAW_477, id="kk-law"),
    pytest.param("Үкіметтің 2022 жылғы 30 қарашадағы № 961 қаулысымен бекітілген", GOVRES_961,
                 id="kk-government-alone"),
    pytest.param("Еңбек және халықты әлеуметтік қорғау министрінің 2023 жылғы 30 маусымдағы № 279 "
                 "бұйрығымен", ORDER_279, id="kk-order"),
    pytest.param("ҚР Еңбек кодексінің 2015 жылғы 23 қарашадағы № 414-V ҚРЗ талаптары",
                 ("code", "414-V", "2015-11-23", "KAZ"), id="kk-code-head-first-genitive"),
    pytest.param("as per Government Resolution No. 148 dd. 21.01.2012",
                 ("government-resolution", "148", "2012-01-21", None), id="en-dd"),
    pytest.param("Decree No. 148 of the Government of Kazakhstan (21 January 2012)", GOVRES_148,
                 id="en-issuer-then-bracketed-date"),
    pytest.param("On 30 November 2022 the Government adopted Resolution No. 961.",
                 ("government-resolution", "961", "2022-11-30", None), id="en-date-opens-the-sentence"),
    pytest.param("30 ноября 2022 года Правительство приняло постановление № 961.",
                 ("government-resolution", "961", "2022-11-30", None), id="ru-date-opens-the-sentence"),
    pytest.param("The Presidential Decree of 19 June 1995 No. 2337 having the force of law",
                 ("decree-having-force-of-law", "2337", "1995-06-19", None), id="en-force-of-law-after"),
    pytest.param("Приказом № 279 от 30.06.2023 года Заместителя Премьер-Министра – Министра труда и "
                 "социальной защиты населения утверждены Правила.", ("ministerial-order", "279", "2023-06-30",
                                                                       None), id="ru-issuer-after-date"),
    pytest.param("Мемлекет басшысының 1995 жылғы 19 маусымдағы № 2337 Жарлығы",
                 ("presidential-decree", "2337", "1995-06-19", "KAZ"), id="kk-head-of-state"),
    pytest.param("ҚР Үкіметінің 2012 жылғы 21 қаңтардағы № 148 қаулысымен", GOVRES_148,
                 id="kk-qr-government"),
    pytest.param("Russia's Federal Law No. 115-FZ of July 25, 2002 on the legal status of foreign citizens",
                 ("law", "115-FZ", "2002-07-25", "RUS"), id="en-federal-law"),
    pytest.param("согласно 115-ФЗ «О правовом положении иностранных граждан» от 25 июля 2002 года",
                 ("law", "115-ФЗ", "2002-07-25", "RUS"), id="ru-federal-number-title-date"),
    pytest.param("Uzbekistan's presidential resolution PP-3666 of April 13, 2018",
                 ("presidential-resolution", "PP-3666", "2018-04-13", "UZB"), id="en-uzbek-resolution"),
    pytest.param("the Law of the Republic of Tajikistan No. 2107 of 13 November 2024",
                 ("law", "2107", "2024-11-13", "TJK"), id="en-tajik-law"),
    pytest.param("Закон Кыргызской Республики «О внешней миграции» от 17 июля 2000 года № 61",
                 ("law", "61", "2000-07-17", "KGZ"), id="ru-kyrgyz-law"),
]


def _act(citation, want_date) -> tuple:
    """The act as the probe states it: its year where the text gives only the year, else its date."""
    when = citation.year if isinstance(want_date, int) else citation.date
    return citation.act_type, citation.number, when, citation.jurisdiction


@pytest.mark.parametrize(("text", "act"), NEWS)
def test_a_news_form_gives_its_act(text, act) -> None:
    numbered = [c for c in find_citations(text) if c.number]
    assert [_act(c, act[2]) for c in numbered] == [act]


# (text, (act type, number, date, jurisdiction), issuer)
NEIGHBOURS = [
    pytest.param("Ўзбекистон Республикаси Президентининг Қарори, 12.12.2017 йилдаги ПҚ-3430-сон",
                 ("presidential-resolution", "ПҚ-3430", "2017-12-12", "UZB"), "President", id="uz-heading"),
    pytest.param("Ўзбекистон Республикасининг 29.12.2016 йилдаги ЎРҚ-418-сон Қонуни",
                 ("law", "ЎРҚ-418", "2016-12-29", "UZB"), None, id="uz-law"),
    pytest.param("Ўзбекистон Республикаси Вазирлар Маҳкамасининг 26.12.2017 йилдаги 1023-сон қарори",
                 ("government-resolution", "1023", "2017-12-26", "UZB"), "Cabinet of Ministers",
                 id="uz-cabinet"),
    pytest.param("Ўзбекистон Республикаси Вазирлар Маҳкамасининг қарори, 09.04.2018 йилдаги 278-сон",
                 ("government-resolution", "278", "2018-04-09", "UZB"), "Cabinet of Ministers",
                 id="uz-cabinet-heading"),
    pytest.param("O‘zbekiston Respublikasi Prezidentining 2018-yil 13-apreldagi PQ-3666-son qarori",
                 ("presidential-resolution", "PQ-3666", "2018-04-13", "UZB"), "President", id="uz-latin"),
    pytest.param("Кыргыз Республикасынын Министрлер Кабинетинин 10.10.23-ж. № 541 токтому",
                 ("government-resolution", "541", "2023-10-10", "KGZ"), "Cabinet of Ministers",
                 id="ky-cabinet"),
    pytest.param("Кыргыз Республикасынын Өкмөтүнүн 2012-жылдын 18-декабрындагы № 839 «Консулдук кызмат "
                 "көрсөтүүлөр үчүн алынуучу каражаттар жөнүндө» токтомуна",
                 ("government-resolution", "839", "2012-12-18", "KGZ"), "Government", id="ky-government"),
    pytest.param("Кыргыз Республикасынын 2000-жылдын 17-июлундагы № 61 «Тышкы миграция жөнүндө» Мыйзамы",
                 ("law", "61", "2000-07-17", "KGZ"), None, id="ky-law"),
    pytest.param("Қонуни Ҷумҳурии Тоҷикистон аз 13 ноябри соли 2024, № 2107",
                 ("law", "2107", "2024-11-13", "TJK"), None, id="tg-law"),
    pytest.param("қарори Ҳукумати Ҷумҳурии Тоҷикистон аз 31 марти соли 2020, № 207",
                 ("government-resolution", "207", "2020-03-31", "TJK"), "Government", id="tg-government"),
]


@pytest.mark.parametrize(("text", "act", "issuer"), NEIGHBOURS)
def test_a_neighbours_act_in_its_own_language(text, act, issuer) -> None:
    found = find_citations(text)
    assert [(c.act_type, c.number, c.date, c.jurisdiction) for c in found] == [act]
    assert found[0].issuer == issuer


NEAR_MISSES = [
    pytest.param("Суд рассмотрел дело № 2-1234/2024 от 12 марта 2024 года.", id="court-case"),
    pytest.param("В ответ на письмо исх. № 01-12/345 от 05.03.2024 сообщаем.", id="outgoing-letter"),
    pytest.param("under Order No. 45 of Kaspi Bank JSC dated 3 April 2024", id="company-order"),
    pytest.param("Purchase Order No. 5521 of 3 May 2024 was shipped to the client.", id="purchase-order"),
    pytest.param("согласно ГОСТ 7.32-2017 и СТ РК 1.5-2019", id="standards"),
    pytest.param("ISO 9001:2015 certification No. 123", id="iso"),
    pytest.param("Договор о Евразийском экономическом союзе от 29 мая 2014 года предусматривает",
                 id="treaty-title"),
    pytest.param("Закон сохранения энергии здесь ни при чём.", id="law-of-physics"),
    pytest.param("the law of supply and demand explains wages in 2023", id="law-of-economics"),
    pytest.param("Телефон горячей линии: 1414, 8 800 080 7777.", id="phone"),
    pytest.param("регистрационный номер 12345 от 12.05.2024 присвоен заявлению", id="registration-number"),
    pytest.param("United Nations General Assembly Resolution 2758 of 25 October 1971", id="un-resolution"),
    pytest.param("Decision No. 7 of the Almaty City Court of 5 June 2024 in case 2-123/24",
                 id="court-decision"),
    pytest.param("План мероприятий № 3 на 2024 год утверждён директором школы.", id="school-plan"),
    pytest.param("пункт 3 статьи 49 устанавливает срок", id="article-without-act"),
    pytest.param("the Order of Kurmet was awarded in 2019", id="state-award"),
    pytest.param("Приказ № 12-к о приёме на работу от 3 мая 2024 года", id="staff-order"),
    pytest.param("Government Resolution 148 percent of the plan", id="number-with-unit"),
    pytest.param("The Government Decree 2023, as the press called it, was never published.",
                 id="year-after-head"),
    pytest.param("On 30 November 2022, 1,200 people arrived. The Government adopted new rules.",
                 id="date-and-subject-no-act"),
    pytest.param("«Эркин Тоо» газетасынын 2021-жылдын 24-сентябрындагы № 99 саны", id="ky-newspaper-issue"),
    pytest.param("Ташкентдаги 2024-yil 5-maydagi 12-son maktab", id="uz-school-number"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_gives_no_citation(text) -> None:
    assert [c.label() for c in find_citations(text)] == []


def test_an_act_referred_to_by_its_short_name_is_one_citation() -> None:
    found = find_citations("Закон РК «О миграции населения» от 22 июля 2011 года № 477-IV (далее – Закон) "
                           "определяет порядок. Согласно статье 15 Закона, иммигранты обязаны "
                           "зарегистрироваться, а пункт 3 статьи 49 Закона устанавливает сроки.")
    assert [(c.number, c.year) for c in found] == [("477-IV", 2011)]


def test_a_code_named_with_a_reference_number_is_its_entrys_citation() -> None:
    text = ("Employment of foreign workers follows the Labour Code [3]. Breaches are sanctioned under the "
            "administrative code [4].\n\nReferences\n[3] Labour Code of the Republic of Kazakhstan No. 414-V "
            "of 23 November 2015.\n[4] Code of the Republic of Kazakhstan on Administrative Offences No. "
            "235-V of 5 July 2014.\n")
    assert [(c.act_type, c.number, c.year) for c in find_citations(text)] == [
        ("code", "414-V", 2015), ("code", "235-V", 2014)]
    # near miss: a reference number that points to an entry citing no act leaves the code cited by name
    text = ("Employment of foreign workers follows the Labour Code [3].\n\nReferences\n[3] Smith, J. (2020). "
            "Labour markets in Central Asia. Almaty.\n")
    # (numbered from kz.yaml's named acts, round 16)
    assert [(c.act_type, c.number, c.form) for c in find_citations(text)] == [("code", "414-V", "title")]


# a code or a law a careful lawyer identifies without its number: a citation by title, which ingest
# resolves against the graph's acts (gold README, "what counts as a citation")
TITLES = [
    pytest.param("Порядок определяет Закон «О миграции населения».",
                 ("law", "О миграции населения", "477-IV"), id="ru-law-quoted-title"),
    pytest.param("Нарушение правил пребывания наказывается по Кодексу об административных правонарушениях.",
                 ("code", "Кодекс об административных правонарушениях", "235-V"),
                 id="ru-code-titled-after-head"),
    pytest.param("fines under the Code of Administrative Offences apply.",
                 ("code", "Code of Administrative Offences", "235-V"),
                 id="en-code-of-administrative-offences"),
    pytest.param("Employment of foreign workers follows the Labour Code.", ("code", "Labour Code", "414-V"),
                 id="en-labour-code"),
    pytest.param("«Халықтың көші-қоны туралы» Қазақстан Республикасының Заңына сәйкес кандастар тіркеледі.",
                 ("law", "Халықтың көші-қоны туралы", "477-IV"), id="kk-law-by-title"),
]


@pytest.mark.parametrize(("text", "act"), TITLES)
def test_an_act_named_without_its_number_is_a_citation_by_title(text, act) -> None:
    found = find_citations(text)
    # its number from the schemes' named acts (round 16), the title as the text gives it
    assert [(c.act_type, c.title, c.number, c.form) for c in found] == [(*act, "title")]


def test_a_state_bodys_act_takes_the_one_state_its_text_names() -> None:
    text = "В Казахстане, согласно постановлению правительства № 802 от 15 декабря 2016 года, квоты растут."
    assert [c.jurisdiction for c in find_citations(text)] == ["KAZ"]
    # near misses: a text that names two states, and an act with no body named
    text = ("Мигранты из Узбекистана едут в Казахстан; согласно постановлению правительства № 802 от 15 "
            "декабря 2016 года квоты растут.")
    assert [c.jurisdiction for c in find_citations(text)] == [None]
    text = "Unlike the Kyrgyz Republic, Law No. 477-IV of 22 July 2011 sets quotas."
    assert [c.jurisdiction for c in find_citations(text)] == [None]


def test_a_title_alone_resolves_at_ingest_to_the_graphs_act(release, tmp_path) -> None:
    from kzmig_kg.loader.reconcile import graph_index, reconcile_document

    text = tmp_path / "news.txt"
    text.write_text("Порядок определяет Закон «О миграции населения». Employment of foreign workers follows "
                    "the Labour Code. Нарушения наказываются по Кодексу об административных "
                    "правонарушениях.\n", encoding="utf-8")
    report = reconcile_document(text, index=graph_index(store_dir=release.dir / "store"))
    resolved = [(r.status, r.graph_id) for r in report.results if r.item.kind == "citation"]
    # the same act cited again is a passage of its record; the graph holds no Code of Administrative
    # Offences, so that one is what the graph lacks
    assert resolved == [("match", "law-2011-477-IV"), ("match", "code-labour"), ("missing", None)]


@pytest.mark.parametrize("text", [
    pytest.param("Бишкек. Кабинет Министров Кыргызской Республики постановлением от 10 октября 2023 года "
                 "№ 541 утвердил Положение о порядке пребывания иностранных граждан.",
                 id="ru-subject-issuer"),
    pytest.param("The Cabinet of Ministers of the Kyrgyz Republic adopted Resolution No. 541 on 10 October "
                 "2023.", id="en-subject-issuer"),
])
def test_a_neighbours_cabinet_resolution_is_typed_by_that_states_scheme(text) -> None:
    # Kyrgyzstan's Cabinet issues its government resolutions (kg.yaml), not Kazakhstan's cabinet
    # resolutions of the 1990s: the type follows the state once the text gives it
    found = find_citations(text)
    assert [(c.act_type, c.number, c.date, c.jurisdiction, c.issuer) for c in found] == [
        ("government-resolution", "541", "2023-10-10", "KGZ", "Cabinet of Ministers")]
    # near miss: with no state named, a Cabinet of Ministers' resolution stays the Kazakh type
    found = find_citations("The Cabinet of Ministers adopted Resolution No. 1055 on 4 November 1992.")
    assert [(c.act_type, c.jurisdiction) for c in found] == [("cabinet-resolution", None)]


def test_a_date_dates_the_act_of_its_sentences_subject_only() -> None:
    found = find_citations("On 30 November 2022, 1,200 people arrived. The Government adopted Resolution "
                           "No. 961.")
    assert [(c.number, c.year) for c in found] == [("961", None)]     # another sentence's date
    found = find_citations("In 2023 the Government said that Resolution No. 961 works.")
    assert [(c.number, c.year) for c in found] == [("961", None)]     # a year, not the act's date


def test_a_russian_issuer_after_the_number_and_date_is_the_acts() -> None:
    found = find_citations("Приказом № 279 от 30.06.2023 года Заместителя Премьер-Министра – Министра "
                           "труда и социальной защиты населения утверждены Правила.")
    assert [(c.number, c.issuer) for c in found] == [("279", "Minister of Labour and Social Protection of "
                                                             "Population")]
    # near miss: a subject in the nominative after the act is not its issuer
    found = find_citations("Закон от 22 июля 2011 года № 477-IV Президент подписал в Астане.")
    assert [(c.number, c.issuer) for c in found] == [("477-IV", None)]


@pytest.mark.parametrize("text", [
    pytest.param("1. Конституция Республики Казахстан, принятая на республиканском референдуме 30 "
                 "августа 1995 года.", id="ru-adopted-by-referendum"),
    pytest.param("1. Конституция Республики Казахстан (принята на референдуме 30 августа 1995 года).",
                 id="ru-in-brackets"),
    pytest.param("the Constitution of the Republic of Kazakhstan (adopted by referendum on 30 August 1995)",
                 id="en-adopted-by-referendum"),
])
def test_the_constitution_is_dated_by_its_referendum(text) -> None:
    assert [(c.act_type, c.date) for c in find_citations(text)] == [("constitution", "1995-08-30")]


def test_a_law_cited_without_its_issuer_is_drafted_as_the_parliaments_from_1996(tmp_path) -> None:
    from kzmig_kg.loader.ingest import ingest_document
    from tests.conftest import DATA

    note = tmp_path / "note.txt"
    note.write_text("Справка\n\nПорядок изменён Законом Республики Казахстан от 16 мая 2024 года № 82-VIII, "
                    "а ранее Законом Республики Казахстан от 20 декабря 1991 года № 1017-XII «О гражданстве "
                    "Республики Казахстан».\n", encoding="utf-8")
    draft = ingest_document(note, data_dir=DATA, review_dir=tmp_path / "review", doc_id="note")
    # kz.yaml: a law is the Parliament's from 1996 (issued_since); the Law on Citizenship of 1991 (the
    # Supreme Council's, blindK2) is not drafted as the Parliament's
    assert [(a["number"], a.get("issuer")) for a in draft.acts] == [("82-VIII", ["parliament"]),
                                                                   ("1017-XII", None)]
