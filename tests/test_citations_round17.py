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
