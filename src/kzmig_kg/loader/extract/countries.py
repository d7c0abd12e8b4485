"""A gazetteer of country names (English, Russian, Kazakh) and groupings, to ISO 3166-1 alpha-3.

Built in, so extraction needs no curated data: the loader must work on documents nobody here has
seen. Names include the short and formal English names, the adjectives and plurals used for
people ("Uzbek nationals", "Russians"), and Russian stems that match every case ending
("Узбекистан" matches "Узбекистана", "Узбекистаном").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# alpha-3, English names, adjectives/people, Russian stems (matched with any ending), Kazakh.
_COUNTRIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("KAZ", ("Kazakhstan", "Republic of Kazakhstan", "RK", "Qazaqstan", "РК", "ҚР"),
     ("Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"), ("Казахстан", "Қазақстан", "казахстанц")),
    ("UZB", ("Uzbekistan", "Republic of Uzbekistan", "РУз"), ("Uzbek", "Uzbeks"),
     ("Узбекистан", "Өзбекстан", "узбек")),
    ("KGZ", ("Kyrgyzstan", "Kyrgyz Republic", "Kirghizia", "Kyrgyzia", "КР"),
     ("Kyrgyz", "Kirghiz", "Kyrgyzstani"),
     ("Кыргызстан", "Киргизи", "Қырғызстан", "кыргыз", "киргиз", "Қырғыз Республика")),
    ("TJK", ("Tajikistan", "Republic of Tajikistan"), ("Tajik", "Tajiks", "Tadjik"),
     ("Таджикистан", "Тәжікстан", "таджик")),
    ("TKM", ("Turkmenistan",), ("Turkmen", "Turkmens"), ("Туркменистан", "Түрікменстан", "туркмен")),
    ("RUS", ("Russia", "Russian Federation", "the RF", "РФ"), ("Russian", "Russians"),
     ("Росси", "Ресей", "россиян")),
    ("UKR", ("Ukraine",), ("Ukrainian", "Ukrainians"), ("Украин",)),
    ("BLR", ("Belarus", "Byelorussia", "Belorussia"), ("Belarusian", "Belarusians", "Belorussian"),
     ("Беларус", "Белорусси", "белорус")),
    ("MDA", ("Moldova", "Republic of Moldova"), ("Moldovan", "Moldovans"), ("Молдов", "Молдави")),
    ("ARM", ("Armenia",), ("Armenian", "Armenians"), ("Армени",)),
    ("AZE", ("Azerbaijan",), ("Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"),
     ("Азербайджан", "Әзербайжан")),
    ("GEO", ("Georgia",), ("Georgian", "Georgians"), ("Грузи",)),
    ("LTU", ("Lithuania",), ("Lithuanian", "Lithuanians"), ("Литв",)),
    ("LVA", ("Latvia",), ("Latvian", "Latvians"), ("Латви",)),
    ("EST", ("Estonia",), ("Estonian", "Estonians"), ("Эстони",)),
    ("MNG", ("Mongolia",), ("Mongolian", "Mongolians"), ("Монголи", "Моңғолия")),
    ("CHN", ("China", "People's Republic of China", "PRC", "КНР", "ҚХР"), ("Chinese",), ("Кита", "Қытай")),
    ("AFG", ("Afghanistan",), ("Afghan", "Afghans"), ("Афганистан", "Ауғанстан")),
    ("IRN", ("Iran", "Islamic Republic of Iran"), ("Iranian", "Iranians"), ("Иран",)),
    ("TUR", ("Turkey", "Türkiye", "Turkiye"), ("Turkish", "Turks"), ("Турци", "Түркия")),
    ("IND", ("India",), ("Indian", "Indians"), ("Инди", "Үндістан")),
    ("PAK", ("Pakistan",), ("Pakistani", "Pakistanis"), ("Пакистан", "Пәкістан")),
    ("BGD", ("Bangladesh",), ("Bangladeshi", "Bangladeshis"), ("Бангладеш",)),
    ("NPL", ("Nepal",), ("Nepali", "Nepalese"), ("Непал",)),
    ("LKA", ("Sri Lanka",), ("Sri Lankan",), ("Шри-Ланк",)),
    ("KOR", ("South Korea", "Republic of Korea", "Korea"), ("South Korean", "Korean", "Koreans"),
     ("Южн Коре", "Республик Коре", "Коре")),
    ("PRK", ("North Korea", "DPRK"), ("North Korean",), ("КНДР",)),
    ("JPN", ("Japan",), ("Japanese",), ("Япони", "Жапония")),
    ("VNM", ("Vietnam", "Viet Nam"), ("Vietnamese",), ("Вьетнам",)),
    ("THA", ("Thailand",), ("Thai",), ("Таиланд",)),
    ("PHL", ("Philippines",), ("Filipino", "Filipinos"), ("Филиппин",)),
    ("IDN", ("Indonesia",), ("Indonesian", "Indonesians"), ("Индонези",)),
    ("MYS", ("Malaysia",), ("Malaysian", "Malaysians"), ("Малайзи",)),
    ("SGP", ("Singapore",), ("Singaporean",), ("Сингапур",)),
    ("ISR", ("Israel",), ("Israeli", "Israelis"), ("Израил",)),
    ("ARE", ("United Arab Emirates", "UAE", "the Emirates"), ("Emirati",), ("ОАЭ", "Объединённ Араб",
                                                                          "Объединенн Араб")),
    ("SAU", ("Saudi Arabia",), ("Saudi", "Saudis"), ("Саудовск",)),
    ("QAT", ("Qatar",), ("Qatari",), ("Катар",)),
    ("KWT", ("Kuwait",), ("Kuwaiti",), ("Кувейт",)),
    ("IRQ", ("Iraq",), ("Iraqi", "Iraqis"), ("Ирак",)),
    ("SYR", ("Syria", "Syrian Arab Republic"), ("Syrian", "Syrians"), ("Сири",)),
    ("JOR", ("Jordan",), ("Jordanian",), ("Иордани",)),
    ("LBN", ("Lebanon",), ("Lebanese",), ("Ливан",)),
    ("EGY", ("Egypt",), ("Egyptian", "Egyptians"), ("Египт", "Мысыр")),
    ("DEU", ("Germany", "Federal Republic of Germany", "FRG", "ФРГ"), ("German", "Germans"),
     ("Германи", "немц")),
    ("POL", ("Poland",), ("Polish", "Poles"), ("Польш",)),
    ("CZE", ("Czech Republic", "Czechia"), ("Czech", "Czechs"), ("Чехи", "Чешск")),
    ("SVK", ("Slovakia",), ("Slovak", "Slovaks"), ("Словаки",)),
    ("HUN", ("Hungary",), ("Hungarian", "Hungarians"), ("Венгри",)),
    ("ROU", ("Romania",), ("Romanian", "Romanians"), ("Румыни",)),
    ("BGR", ("Bulgaria",), ("Bulgarian", "Bulgarians"), ("Болгари",)),
    ("SRB", ("Serbia",), ("Serbian", "Serbs"), ("Серби",)),
    ("GRC", ("Greece",), ("Greek", "Greeks"), ("Греци",)),
    ("ITA", ("Italy",), ("Italian", "Italians"), ("Итали",)),
    ("ESP", ("Spain",), ("Spanish", "Spaniards"), ("Испани",)),
    ("PRT", ("Portugal",), ("Portuguese",), ("Португали",)),
    ("FRA", ("France",), ("French",), ("Франци",)),
    ("BEL", ("Belgium",), ("Belgian", "Belgians"), ("Бельги",)),
    ("NLD", ("Netherlands", "the Netherlands", "Holland"), ("Dutch",), ("Нидерланд", "Голланди")),
    ("LUX", ("Luxembourg",), (), ("Люксембург",)),
    ("CHE", ("Switzerland",), ("Swiss",), ("Швейцари",)),
    ("AUT", ("Austria",), ("Austrian", "Austrians"), ("Австри",)),
    ("GBR", ("United Kingdom", "UK", "U.K.", "Great Britain", "Britain"), ("British", "Britons"),
     ("Великобритани", "Британи", "Ұлыбритания")),
    ("IRL", ("Ireland",), ("Irish",), ("Ирланди",)),
    ("SWE", ("Sweden",), ("Swedish", "Swedes"), ("Швеци",)),
    ("NOR", ("Norway",), ("Norwegian", "Norwegians"), ("Норвеги",)),
    ("FIN", ("Finland",), ("Finnish", "Finns"), ("Финлянди",)),
    ("DNK", ("Denmark",), ("Danish", "Danes"), ("Дани",)),
    ("USA", ("United States of America", "United States", "USA", "U.S.A.", "U.S.", "US", "America"),
     ("American", "Americans"), ("США", "АҚШ", "Соединённ Штат", "Соединенн Штат", "Америк")),
    ("CAN", ("Canada",), ("Canadian", "Canadians"), ("Канад",)),
    ("MEX", ("Mexico",), ("Mexican", "Mexicans"), ("Мексик",)),
    ("BRA", ("Brazil",), ("Brazilian", "Brazilians"), ("Бразили",)),
    ("ARG", ("Argentina",), ("Argentinian", "Argentine"), ("Аргентин",)),
    ("AUS", ("Australia",), ("Australian", "Australians"), ("Австрали",)),
    ("NZL", ("New Zealand",), ("New Zealander",), ("Нов Зеланди",)),
    ("ZAF", ("South Africa",), ("South African",), ("ЮАР",)),
    ("NGA", ("Nigeria",), ("Nigerian", "Nigerians"), ("Нигери",)),
    ("CUB", ("Cuba",), ("Cuban", "Cubans"), ("Куб",)),
    ("CYP", ("Cyprus",), ("Cypriot",), ("Кипр",)),
    ("MLT", ("Malta",), ("Maltese",), ("Мальт",)),
)
# Groupings: project ids of the kzc:countries code list (no ISO code).
_GROUPS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("group-CIS", ("Commonwealth of Independent States", "CIS countries", "CIS"), ("СНГ",)),
    ("group-EAEU", ("Eurasian Economic Union", "EAEU", "EEU", "EAEU countries"), ("ЕАЭС",)),
    ("group-EURASEC", ("Eurasian Economic Community", "EurAsEC", "EURASEC"), ("ЕврАзЭС",)),
    ("group-EU", ("European Union", "EU"), ("Евросоюз", "Европейск Союз")),
    ("group-OECD", ("OECD countries",), ()),
    ("group-CENTRAL-ASIA", ("Central Asian countries", "Central Asian republics", "Central Asia"),
     ("Центральн Ази",)),
    ("group-SOUTH-ASIA", ("South Asian countries", "South Asia"), ("Южн Ази",)),
    ("group-USSR-FORMER", ("former USSR", "former Soviet Union", "former Soviet republics"),
     ("бывш СССР",)),
    ("group-EUROPE", ("continental Europe", "Europe"), ("Европ",)),
    ("group-OTHER", ("other countries",), ("други стран",)),
)
# Words after a country name that make it something else ("US dollars", "Georgia State").
_NOT_AFTER = re.compile(r"\s*(?:dollars?|\$|English|language|Federation's\s+war)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    code: str          # ISO alpha-3, or a group id for groupings
    name: str          # canonical English name
    is_group: bool


@dataclass(frozen=True)
class Mention:
    place: Place
    start: int
    end: int
    form: str          # "name", "people" (adjective/plural) or "ru"


def _stem_pattern(stem: str) -> str:
    """A Russian or Kazakh stem with any ending, first letter in either case; a Kazakh stem in
    each of its spellings (``_kazakh_letters``)."""
    parts = []
    kazakh = bool(_KAZAKH_LETTER.search(stem))
    for part in stem.split():
        first = part[0]
        head = f"[{first.upper()}{first.lower()}]" if first.isalpha() else re.escape(first)
        parts.append(head + (_kazakh_letters(part[1:]) if kazakh else re.escape(part[1:])) + r"\w*")
    return r"\s+".join(parts)


_KAZAKH_LETTER = re.compile("[әіңғүұқөһ]")
# a Kazakh letter and the Russian one written for it without a Kazakh keyboard
_PLAIN = {"ә": "а", "і": "и", "ң": "н", "ғ": "г", "ү": "у", "ұ": "у", "қ": "к", "ө": "о"}
_CONSONANT = re.compile("[бвгғджзйкқлмнңпрстфхһцчшщ]")


def _kazakh_letters(rest: str) -> str:
    """The letters of a Kazakh stem after its first, matching the spellings of one name: a Kazakh
    letter or its plain Russian one, and the short vowel і/ы that Kazakh writes or leaves out
    between two consonants ("Түрікменстан", "Түркіменстан", "Түркменстан")."""
    out = []
    for index, letter in enumerate(rest):
        if letter in "іы" and 0 < index < len(rest) - 1 and _CONSONANT.match(rest[index - 1]) and \
                _CONSONANT.match(rest[index + 1]):
            out.append("[іыи]?")
            continue
        out.append(f"[{letter}{_PLAIN[letter]}]" if letter in _PLAIN else re.escape(letter))
        if _CONSONANT.match(letter) and index + 1 < len(rest) and _CONSONANT.match(rest[index + 1]):
            out.append("[іы]?")
    return "".join(out)


@lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]], dict[str, tuple[Place, str]]]:
    """The gazetteer as one regex per first letter (matching a big alternation at every position
    of the text would be slow), a regex of the letters that start a name, and the groups' places."""
    entries: list[tuple[str, str, Place, str]] = []   # (pattern, key, place, form)
    for code, names, people, stems in _COUNTRIES:
        place = Place(code, names[0], False)
        for name in names:
            entries.append((re.escape(name).replace(r"\ ", r"\s+"), name, place, "name"))
        for word in people:
            entries.append((re.escape(word), word, place, "people"))
        for stem in stems:
            entries.append((_stem_pattern(stem), stem, place, "ru"))
    for code, names, stems in _GROUPS:
        place = Place(code, names[0], True)
        for name in names:
            entries.append((re.escape(name).replace(r"\ ", r"\s+"), name, place, "name"))
        for stem in stems:
            entries.append((_stem_pattern(stem), stem, place, "ru"))
    entries.sort(key=lambda e: -len(e[1]))
    lookup: dict[str, tuple[Place, str]] = {}
    by_letter: dict[str, list[str]] = {}
    for index, (pattern, key, place, form) in enumerate(entries):
        lookup[f"g{index}"] = (place, form)
        letters = {key[0].lower(), key[0].upper()} if form == "ru" else {key[0]}
        for letter in letters:
            by_letter.setdefault(letter, []).append(f"(?P<g{index}>{pattern})")
    regexes = {letter: re.compile("(?:" + "|".join(parts) + r")(?![\w])")
               for letter, parts in by_letter.items()}
    starts = re.compile(r"(?<![\w-])[" + re.escape("".join(sorted(by_letter))) + "]")
    return starts, regexes, lookup


def find_places(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every country or grouping named in text[start:end], in order."""
    starts, regexes, lookup = _tables()
    end = len(text) if end is None else end
    found = []
    position = start
    for first in starts.finditer(text, start, end):
        if first.start() < position:
            continue
        match = regexes[first.group()].match(text, first.start(), end)
        if match is None:
            continue
        place, form = lookup[match.lastgroup]
        if form == "name" and _NOT_AFTER.match(text, match.end()):
            continue
        if place.code == "USA" and match.group() == "US" and not _us_is_country(text, match):
            continue
        found.append(Mention(place, match.start(), match.end(), form))
        position = match.end()
    return found


def _us_is_country(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 12):match.start()].lower()
    return bool(re.search(r"(?:the|to|from|in)\s+$", before))


def place_by_code(code: str) -> Place | None:
    for alpha3, names, _, _ in _COUNTRIES:
        if alpha3 == code:
            return Place(alpha3, names[0], False)
    for gid, names, _ in _GROUPS:
        if gid == code:
            return Place(gid, names[0], True)
    return None
