"""Citations in Russian: the act-type heads in every case (``Закон``, ``Постановлением``, ``КоАП``,
``ПП РК``), the issuer or unquoted title after them, then title, date and number in any order, an
act's short name in brackets, a year or an adoption clause. Entry: ``parse_russian`` (Russian
federal laws by their number alone are in ``federal``)."""

from __future__ import annotations

import re

from ..dates import DATE_PATTERN, YEAR
from .found import _close, _Parts
from .grammar import _TITLE_QUOTED, NUMBER

_HEAD_RU = re.compile(
    r"(?<![\w-])(?P<head>(?:[Фф]едеральн\w+\s+)?(?:[Кк]онституционн\w+\s+)?[Зз]акон(?:а|у|ом|е|ы|ов|ами|ам|ах)?|"
    r"(?:[А-ЯЁа-яё]+(?:ый|ой|ий|ого|его|ому|ему|ым|им|ом|ем)\s+)?[Кк]одекс\w*|[Уу]каз\w*|(?:[Нн]ормативн\w+\s+)?[Пп]остановлени\w*|"
    r"[Сс]овместн\w+\s+(?:приказ|постановлени)\w*|[Пп]риказ\w*|[Рр]аспоряжени\w*|[Ии]нструкци\w*|"
    r"[Рр]ешени\w*|[Пп]роект\w*\s+[Зз]акона|[Зз]аконопроект\w*|"
    # the codes' usual abbreviations, when a number or the state follows: "КоАП (№ 235-V ...)"
    r"(?:КоАП|УПК|ГПК|[УГТН]К)(?=[\s\u00a0]*(?:\(?[\s\u00a0]*№|РК\b|Республики))|"
    # a Government resolution abbreviated, its date or number after it: "ПП РК от 30.11.2022 № 961"
    r"ПП(?=[\s\u00a0]+(?:РК[\s\u00a0]+)?(?:от\b|№))|"
    # a Cabinet of Ministers' resolution abbreviated: "ПКМ РУз от 23.11.2017 № 938"
    r"ПКМ(?=[\s\u00a0]+(?:[А-ЯЁ][А-ЯЁа-яё]{1,3}[\s\u00a0]+)?(?:от\b|№)))(?![\w-])",
    re.IGNORECASE)                     # a heading's capitals: "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН от ..."
_STOP_RU = r"от\b|№|N\s*\d|«|\"|“|,\s*(?:имеющ|от\b)|\(|;"
# a word that ends its sentence ("асырылады. Басым"): an issuer never runs past it
# (a word with a dot inside is an abbreviation: "и.о. Министра")
_SENTENCE_END = r"(?<![.\w])[^\s\u00a0№«\"“();,.]{3,}\.[\s\u00a0]+[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]"
# the words of an issuer or an unquoted title: across a line break, never across a column's gap (three
# spaces) or a figure ("Трудовой кодекс Республики Казахстан      23.11.2015      414-V")
_GAP = r"(?:[ \t\u00a0]{1,2}|[ \t\u00a0]*\n[ \t\u00a0]*)"
# another act's head: an issuer never runs over it ("В настоящий Закон предусмотрено изменение в
# соответствии с Законом РК от ... № 82-VIII": the second head is the citation)
_ANOTHER_HEAD = (r"(?:[Зз]акон|[Уу]каз|[Пп]остановлени|[Пп]риказ|[Кк]одекс|[Рр]ешени|[Рр]аспоряжени)"
                 r"\w*(?![\w-])")
_ISSUER_RU = re.compile(
    rf"(?P<issuer>(?:{_GAP}(?!{_STOP_RU}|об?\b|{_SENTENCE_END}|{_ANOTHER_HEAD}|\d)[^\s\u00a0№«\"“();,]+){{0,12}}?)"
    rf"(?P<title>{_GAP}об?[\s\u00a0](?:(?![ \t\u00a0]{{3}}|\d)[^№«\"“();]){{3,120}}?)?"
    rf"(?=[\s\u00a0]*(?:{_STOP_RU}|,))")
# another act named inside an unquoted title ("Закона о миграции применяются нормы Трудового кодекса
# РК от ... № 414-V"): the date and number are that act's, and its own head its type; an act after
# "в" is the one the titled act amends ("о внесении изменений в Трудовой кодекс") and stays its title's
_INNER_HEAD = re.compile(r"(?<![\w-])(?:[А-ЯЁа-яё]+(?:ый|ой|ий|ого|его|ому|ему|ым|им)[\s\u00a0]+)?"
                         r"(?:(?:[Зз]акон|[Кк]одекс|[Уу]каз|[Пп]риказ)(?:а|у|ом|е)?|[Пп]остановлени\w*)"
                         r"(?![\w-])")
_AMENDED = frozenset({"в", "во", "и", "или"})


def _names_another_act(title: str) -> bool:
    for head in _INNER_HEAD.finditer(title):
        before = title[:head.start()].split()
        if before and before[-1].lower() not in _AMENDED:
            return True
    return False


_ALIAS_RU = re.compile(r"[\s\u00a0]*\((?:далее[\s\u00a0]*[-–—]?[\s\u00a0]*)?[^()\n№\d]{2,40}\)")
# the revision a legal database prints between the number and the title: "N 115-ФЗ (ред. от 08.08.2024)
# "О правовом положении ..."", "(с изм. и доп. по состоянию на 01.09.2025 г.)"
_REVISION_RU = re.compile(r"[\s\u00a0]*\((?:ред\.|в[\s\u00a0]+ред\.|с[\s\u00a0]+изм|с[\s\u00a0]+изменениями|"
                          r"редакци)[^()\n]{0,80}\)")
_FORCE_RU = re.compile(r"[\s\u00a0]*,?[\s\u00a0]*имеющ\w+\s+силу\s+закона[\s\u00a0]*,?")
_NUMBER_RU = re.compile(rf"[\s\u00a0]*[,(]?[\s\u00a0]*(?:за[\s\u00a0]+)?(?:№|N|No\.?)[\s\u00a0]*"
                        rf"(?P<number>{NUMBER})")
_DATE_RU = re.compile(rf"[\s\u00a0]*(?:[,(][\s\u00a0]*)?от[\s\u00a0]+(?P<date>{DATE_PATTERN})")
_YEAR_RU = re.compile(rf"[\s\u00a0]*(?:,[\s\u00a0]*(?P<date>{DATE_PATTERN})|"
                      rf",[\s\u00a0]*(?P<year>{YEAR})(?![\d])|\([\s\u00a0]*(?P<year2>{YEAR})"
                      rf"[\s\u00a0]*(?:г\.|год)?[\s\u00a0]*\)|[\s\u00a0]+от[\s\u00a0]+(?P<year3>{YEAR})"
                      rf"[\s\u00a0]*(?:г\.|года)"
                      # news: "приказ ... № 279 подписан 30 июня 2023 года"
                      rf"|[\s\u00a0]*,?[\s\u00a0]*(?:подписан|принят|утвержд[её]н)\w*[\s\u00a0]+(?P<date4>{DATE_PATTERN}))")

# an issuer in the genitive after the number and date: "Приказом № 279 от 30.06.2023 года Заместителя
# Премьер-Министра – Министра труда и социальной защиты населения"
_ISSUER_AFTER_RU = re.compile(
    r"[\s\u00a0]+(?P<issuer>(?:исполняющего[\s\u00a0]+обязанности[\s\u00a0]+|и\.[\s\u00a0]?о\.[\s\u00a0]+)?"
    r"(?:Заместителя[\s\u00a0]+Премьер-Министра[\s\u00a0]*[-–—][\s\u00a0]*)?"
    r"(?:Министра|Министерства|Правительства|Президента)"
    r"(?:[\s\u00a0]+(?:[а-яё]+|РК|Республики|Казахстан|Кыргызской|Российской|Федерации)){0,9})")
_ADOPTED_RU = re.compile(rf"[\s\u00a0]*,?[\s\u00a0]*(?:принят|утвержд|подписан)\w*[^.;\d]{{0,60}}?"
                         rf"(?:в|от)[\s\u00a0]+(?P<year>{YEAR})[\s\u00a0]*(?:году|г\.)")


def parse_russian(text: str, match: re.Match[str]) -> _Parts | None:
    parts = _Parts(match.group("head"), match.start(), match.end(), "ru")
    pos = match.end()
    if (m := _ISSUER_RU.match(text, pos)) and m.end() > pos:
        parts.issuer, pos = m.group("issuer") or None, m.end()   # "Кодексом об ...": a title, no issuer
        if m.group("title"):
            if _names_another_act(m.group("title")):
                return None
            parts.title = m.group("title")
    if m := _FORCE_RU.match(text, pos):
        parts.force, pos = True, m.end()
    for _ in range(4):       # title, date and number come in any order
        if parts.title is None and (m := _TITLE_QUOTED.match(text, pos)):
            parts.title, pos = m.group("title"), m.end()
        elif parts.date_text is None and (m := _DATE_RU.match(text, pos)):
            parts.date_text, pos = m.group("date"), m.end()
        elif parts.number is None and (m := _NUMBER_RU.match(text, pos)):
            parts.number, pos = m.group("number"), m.end()
        elif (m := _ALIAS_RU.match(text, pos)) and (_DATE_RU.match(text, m.end()) or
                                                      _NUMBER_RU.match(text, m.end())):
            pos = m.end()             # "(КоАП РК) от 05.07.2014 № 235-V": the act's short name
        elif parts.title is None and (m := _REVISION_RU.match(text, pos)) and \
                _TITLE_QUOTED.match(text, m.end()):
            pos = m.end()             # "(ред. от 08.08.2024)" before the title
    if parts.number is None:
        if parts.title is not None and parts.date_text is not None:
            parts.end = pos           # "Закона от 22 июля 2011 года «О миграции населения»": dated and titled
            return parts
        # «Законом Кыргызской Республики «О внешней миграции», принятым ... в 2000 году»: a state's
        # act named by its title, dated by the words after it
        if parts.title is not None and parts.date_text is None and not parts.issuer and \
                re.fullmatch(r"[Зз]акон(?:а|у|ом|е)?", parts.head) and \
                re.match(r"[«\"“]\s*Об?\s", parts.title):
            parts.end = pos           # "Закон «О миграции населения»": a law by its quoted title alone
            return parts
        if parts.title is None or parts.date_text is not None or not parts.issuer or \
                not re.search(r"Республик|Федераци|(?<![\w])(?:РК|РФ|КР)(?![\w])", parts.issuer):
            return None
        if m := _ADOPTED_RU.match(text, pos):
            parts.date_text = m.group("year")
        parts.end = pos
        return parts
    if parts.date_text is None and (m := _YEAR_RU.match(text, pos)):
        parts.date_text = next(m.group(g) for g in ("date", "year", "year2", "year3", "date4") if m.group(g))
        pos = _close(text, parts, m.end())
    if m := _FORCE_RU.match(text, pos):
        parts.force, pos = True, m.end()   # "Указом ... № 2337, имеющим силу закона,"
    if not parts.issuer and (m := _ISSUER_AFTER_RU.match(text, pos)):
        parts.issuer, pos = m.group("issuer"), m.end()   # "Приказом № 279 от ... Заместителя ..."
    if parts.title is None and (m := _TITLE_QUOTED.match(text, pos)):
        parts.title, pos = m.group("title"), m.end()
    parts.end = pos
    return parts
