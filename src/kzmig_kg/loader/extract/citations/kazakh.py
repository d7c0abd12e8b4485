"""Citations in Kazakh: the date (``2011 жылғы 22 шілдедегі``, ``22.07.2011``) and number before the
head (``... № 477-IV Заңы``), with an optional issuer and title and a second act under the same
head; the head first with its date and number in brackets; and a code titled head first as Adilet
titles it (``Еңбек кодексі 2015 жылғы ... № 414-V ҚРЗ``). Patterns only: the entry reads them."""

from __future__ import annotations

import re

from ..dates import MONTH_KK, YEAR
from .grammar import NUMBER

# "2022 жылғы 30 қарашадағы", "2022 ж. 30 қарашадағы", "30.11.2022", "30.11.2022 ж." (жылғы shortened)
_KK_DATE = (rf"(?:{YEAR}\s+(?:жылғы|ж\.)\s*\d{{1,2}}\s+{MONTH_KK}|"
            rf"\d{{1,2}}\.\d{{1,2}}\.{YEAR}(?:\s*(?:жылғы|ж\.)(?!\w))?)")
_KK_HEAD = (r"(?:Заңы|Кодексі|қаулысы|Жарлығы|бұйрығы|Конституциялық\s+заңы|"
            # the head with a case ending after it: "... № 224-VII ҚРЗ Әлеуметтік кодексіне сәйкес"
            r"(?:Конституциялық\s+)?[Зз]аң(?:ы|ына|ын|ымен|ында|ынан|ының|дар\w*)(?![\w])|[Кк]одекс\w*|[Ққ]аулы\w*|"
            r"[Жж]арлы[ғқ]\w*|[Бб]ұйры[ғқ]\w*|"
            # a maslikhat's or an akim's decision: "... мәслихатының 2012 жылғы ... № 84/11 шешімі"
            r"[Шш]ешім\w*)(?![\w])")
# "министрінің м.а.": acting minister
_ACTING = r"м\.\s?а\."
# a neighbour's act in Kazakh: "Ресей Федерациясының 2002 жылғы ... № 115-ФЗ Федералдық заңы"
_NEIGHBOUR = r"(?:Ресей\s+Федерациясы(?:ның)?|(?:Қырғыз|Өзбекстан|Тәжікстан)\s+Республикасы(?:ның)?)"
_KK = re.compile(
    # the issuer may be left out ("ал ... 2023 жылғы 20 сәуірдегі № 224-VII Әлеуметтік кодексте"),
    # written "ҚР" ("ҚР Үкіметінің 31.12.2022 № 1146"); the date in words or in figures
    # (a deputy prime minister who is also a minister: "Премьер-Министрінің орынбасары – Еңбек және
    # халықты әлеуметтік қорғау министрінің", hyphened words and a dash between the posts)
    rf"(?:(?P<issuer>(?:Қазақстан\s+Республикасы(?:ның)?|ҚР|{_NEIGHBOUR})(?:\s+(?!туралы\b)(?:{_ACTING}|"
    rf"[А-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі]+(?:-[А-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі]+)?|[–—]))"
    rf"{{0,10}}?"
    # the Government or the head of state named alone, as news write it: "Үкіметтің ... № 961 қаулысымен"
    rf"|(?<![\w])(?:Үкіметтің|Үкіметінің|Мемлекет\s+басшысының|Президенттің|Президентінің)"
    rf")"
    rf"\s+)?"
    rf"(?<![\w.])(?P<date>{_KK_DATE})\s+(?:№|N)\s*(?P<number>{NUMBER})(?:\s+ҚРЗ)?"
    # another act under the same head: "№ 1146 және 12.02.2024 № 80 қаулыларымен"
    # or a joint act's second signatory with its own date and number: "... № 11-1-2/555 және Қазақстан
    # Республикасы Ішкі істер министрінің 2016 жылғы 28 қарашадағы № 1100 бірлескен бұйрығы"
    rf"(?:\s*(?:,|және|мен)\s+(?P<issuer2>(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)(?:\s+(?!туралы\b)"
    rf"(?:{_ACTING}|[А-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі]+)){{1,7}}?\s+)?"
    rf"(?P<date2>{_KK_DATE})\s+№\s*(?P<number2>{NUMBER})(?:\s+ҚРЗ)?)?"
    # (the nearest head: a title never runs past another act's head, number or date)
    # (a hard-wrapped line may break a quoted title, not a blank line: "№ 477-IV «Халықтың
    # көші-қоны\nтуралы» Заңына"; an unquoted one stays on its line, so a list's next row is no title)
    rf"(?:\s+(?P<title>[^.;\n()№]{{0,120}}?|[^.;\n()№«]{{0,40}}?«(?:[^«»\n]|\n(?![ \t]*\n)){{1,120}}?»"
    rf"[^.;\n()№«]{{0,20}}?))??\s+(?P<head>{_KK_HEAD})")
# the head, then its date and number in brackets: "кодекстің (ҚР 05.07.2014 № 235-V ҚРЗ)"
# the head first, then the date and number, as Adilet titles codes: "Қазақстан Республикасының Еңбек
# кодексі 2015 жылғы 23 қарашадағы № 414-V ҚРЗ"
_KK_HEAD_FIRST = re.compile(
    rf"(?P<issuer>Қазақстан\s+Республикасының|ҚР)\s+(?P<title>[^.;\n()№«»\d]{{0,80}}?)\s*"
    # (in any case: "ҚР Еңбек кодексінің 2015 жылғы 23 қарашадағы № 414-V ҚРЗ талаптары")
    rf"(?P<head>[Кк]одекс(?:і|інің|іне|ін|інде)|Заң(?:ы|ының|ына|ын|ында))\s+(?P<date>{_KK_DATE})\s+№\s*"
    rf"(?P<number>{NUMBER})(?:\s+ҚРЗ)?")
# a region's, city's or district's body right before a citation's date: "Павлодар облысы Ақсу қалалық
# мәслихатының" (read back from the date, not in _KK: a pattern that may open at any capital letter
# would be tried at each of them)
_KK_LOCAL_BODY = re.compile(r"(?P<issuer>[А-ЯӘҒҚҢӨҰҮҺІ][^\s№]*(?:\s+[^\s№.;,()«»\d]+){0,5}?\s+"
                            r"(?:мәслихатының|әкімдігінің|әкімінің))\s+$")
# a minister named without the state right before a citation's date, as news write it: "Еңбек және
# халықты әлеуметтік қорғау министрінің ... № 279 бұйрығымен" (the ministry's name opens with a capital,
# its other words in small letters; read back from the date, as _KK_LOCAL_BODY; the entry keeps it only
# when it names a known ministry)
KK_MINISTER = re.compile(rf"(?<![\w])(?P<issuer>[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+(?:\s+[а-яәғқңөұүһі]+){{0,5}}\s+"
                         rf"министрінің(?:\s+{_ACTING})?)\s+$")
# a quoted title right before the state that opens a citation: "«Халықтың көші-қоны туралы» Қазақстан
# Республикасының 2011 жылғы ... № 477-IV Заңы"
KK_TITLE_BEFORE = re.compile(r"«(?P<title>(?:[^«»\n]|\n(?![ \t]*\n)){3,160}?\s+туралы)»\s*$")
_KK_BRACKET = re.compile(
    rf"(?P<head>{_KK_HEAD})\s*\(\s*(?:(?P<issuer>ҚР|Қазақстан\s+Республикасының)\s+)?(?P<date>{_KK_DATE})\s*"
    rf"№\s*(?P<number>{NUMBER})(?:\s+ҚРЗ)?\s*\)")
