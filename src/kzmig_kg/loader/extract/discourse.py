"""Discourse: what a figure's sentence leaves out, taken from the figures stated before it.

One public entry: ``inherit(text, figure, sentence, paragraph, recent, named_country)``.

A sentence often restates a series already reported at another time or for comparison ("Годом
ранее поток в Казахстан составлял 3 877 человек", "Для сравнения: в 2023 году статус получили
18 100 человек", "A year earlier the figure was 3,540") and names neither the direction nor the
country of that series. They are those of the earlier figure whose sentence it echoes. The rules,
and when the context is reset:

- the candidates are the figures of the same paragraph and of the paragraph just before it, that
  have a direction; a paragraph further back (a heading, a new topic) resets the context;
- the direction is carried when the sentence (and the one before it) has no flow word of its own;
- the country is carried only when the sentence marks itself as a restatement (``a year
  earlier``, ``for comparison``, ``годом ранее``, ``для сравнения``, ``бір жыл бұрын`` ...) and
  names no country and no total of its own; otherwise a figure without a country is a total;
- of the candidates (with the sentence's own direction, when it has one), the one whose sentence
  shares the most content stems with this sentence is echoed; a tie goes to the first (a
  paragraph states its series first and breaks it down after: "Of them, 5,313 came from ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import FigureFound
from .context import TOTAL

# "this number", "бұл сан", "эта цифра": a sentence that points back to the series stated before
ANAPHOR_OF_SERIES = re.compile(r"\bthis\s+(?:number|figure)\b|\bthe\s+corresponding\s+(?:number|figure)\b|"
                               r"(?<![а-яё])соответствующ\w+\s+(?:числ|цифр)\w*|"
                               r"\bthe\s+(?:same\s+)?figure\s+(?:was|stood|had)\b|"
                               r"(?<![\w])(?:бұл\s+(?:сан|көрсеткіш)\w*|"
                               r"эт(?:а|от|о)\s+(?:цифр|числ|показател)\w*)", re.IGNORECASE)
RESTATEMENT = re.compile(
    ANAPHOR_OF_SERIES.pattern + r"|"
    r"\b(?:a\s+year\s+(?:earlier|before|ago)|the\s+(?:previous|preceding|prior)\s+year|the\s+year\s+before|"
    r"last\s+year|for\s+comparison|by\s+comparison|in\s+comparison|(?:in\s+)?the\s+same\s+period|"
    r"previously|a\s+year-earlier)\b"
    r"|(?<![а-яёәіңғүұқөһ])(?:годом\s+(?:ранее|раньше)|год\s+назад|в\s+(?:прошлом|предыдущем)\s+году|"
    r"для\s+сравнения|за\s+аналогичный\s+период|прошлого\s+года|ранее|"
    r"бір\s+жыл\s+(?:бұрын|бұрынғы)|өткен\s+жыл\w*|алдыңғы\s+жыл\w*|салыстыр\w*)"
    r"(?![а-яёәіңғүұқөһ])",
    re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{4,}")
# words every migration sentence has: sharing them says nothing about the series
_COMMON = {"year", "years", "people", "persons", "number", "were", "with", "from", "that", "this",
           "году", "года", "годом", "человек", "чел", "было", "были", "составил", "составило",
           "составлял", "жылы", "адам", "более", "около", "over", "about", "than", "чем", "всего"}


@dataclass
class Stated:
    """A figure already found, with the sentence it was found in."""

    figure: FigureFound
    sentence: tuple[int, int]
    paragraph: int


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in _COMMON}


def inherit(text: str, figure: FigureFound, sentence: tuple[int, int], paragraph: int,
            recent: list[Stated], named_country: bool) -> None:
    """Complete ``figure`` (found in ``sentence`` of ``paragraph``) from the series it echoes among
    ``recent``; ``named_country`` tells whether its sentence names a country of its own."""
    own = text[sentence[0]:sentence[1]]
    at = figure.start - sentence[0]
    # the marker restates the number it precedes or the one right before it ("against 11,900 a
    # year earlier"), not a number of the sentence stated before the marker's own
    restates = any(m.start() < at or not re.search(r"\d", own[at + 1:m.start()].lstrip("0123456789,. "))
                   for m in RESTATEMENT.finditer(own))
    # a number compared within its sentence belongs to the series of the sentence's first figure
    restates = restates and not any(s.sentence == sentence and s.figure.start < figure.start
                                    for s in recent)
    wants_direction = figure.direction is None
    wants_country = restates and not figure.country and not figure.country_name and \
        not named_country and not TOTAL.search(own)
    if not (wants_direction or wants_country):
        return
    candidates = [s for s in recent if paragraph - s.paragraph <= 1 and s.sentence[0] < sentence[0]
                  and s.figure.direction and (wants_direction or s.figure.direction == figure.direction)]
    if not candidates:
        return
    # the marker words ("a year earlier") are shared by any two restatements, not by a series
    stems = _stems(RESTATEMENT.sub(" ", own))

    def echo(pair: tuple[int, Stated]) -> tuple[int, int, int]:
        start, end = pair[1].sentence
        return len(stems & _stems(RESTATEMENT.sub(" ", text[start:end]))), \
            pair[1].paragraph == paragraph, -pair[0]

    stated = max(enumerate(candidates), key=echo)[1]
    echoed = stated.figure
    if wants_direction:
        figure.direction, figure.direction_source = echoed.direction, "context"
        figure.notes.append("direction: that of the series stated before")
    # a paragraph that broke the series down by several countries ("Russia 9,120 ... Germany
    # 800"): a restatement naming none restates their total, not one of them
    countries = {s.figure.country for s in candidates
                 if s.paragraph == stated.paragraph and s.figure.direction == echoed.direction}
    if wants_country and echoed.country and len(countries) == 1:
        figure.country, figure.country_name, figure.country_source = \
            echoed.country, echoed.country_name, "context"
        figure.notes.append("country: that of the series this sentence restates")
