"""Numbers written in words, in English, Russian and Kazakh: "two thousand and thirty",
"восемьсот", "екі мың отыз" (2,030), "сегіз жүз" (800).

One public entry: ``find_number_words(text)``, the (start, end, value) of every run of number words.
Whether such a run is a count is decided by what follows it (a word for people), as for digits;
a lone "one" or "бір" is an article more often than a number, so a run needs a value of 10 or more,
and a scale word alone ("thousand persons", a table's unit line) is none.
"""

from __future__ import annotations

import re

_SMALL = {
    # English
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    # Russian (nominative and accusative, the forms a count of people takes)
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
    "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
    "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    # Kazakh
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90,
}
_HUNDRED = {"hundred", "жүз"}
_SCALE = {"thousand": 10**3, "тысяча": 10**3, "тысячи": 10**3, "тысяч": 10**3, "мың": 10**3,
          "million": 10**6, "миллион": 10**6, "миллиона": 10**6, "миллионов": 10**6}
_ALL = {*_SMALL, *_HUNDRED, *_SCALE}


def _trie(words: set[str]) -> str:
    """A regex alternation of ``words`` as a trie: at each position only the branches of its first
    letter are tried (a flat alternation of a hundred words made the scan of a long text slow)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + pattern(sub) for c, sub in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return pattern(tree)


# a number word as a whole word (the run is built from them in find_number_words)
_WORD = re.compile(rf"(?<![^\W\d_])(?:{_trie(_ALL | {'and'})})(?![^\W\d_])", re.IGNORECASE)
_JOIN = re.compile(r"(?:\s+(?:and\s+)?|-)", re.IGNORECASE)


def _value(words: list[str]) -> int:
    total, current = 0, 0
    for word in words:
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _HUNDRED:
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _SCALE[word]
            current = 0
    return total + current


def find_number_words(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of every run of number words whose value is 10 or more."""
    found = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        words = [w for _, _, w in run]
        if run and not all(w in _SCALE or w in _HUNDRED for w in words):
            value = _value(words)     # "thousand persons" (a unit line), "hundreds of": no count
            if value >= 10:
                found.append((run[0][0], run[-1][1], value))
        run.clear()

    for match in _WORD.finditer(text):
        word = match.group().lower()
        if word == "and" and run:
            continue
        if word == "and":
            close()
            continue
        # a run goes on over a space, "and" or a hyphen ("twenty-five", "two thousand and thirty")
        if run and not _JOIN.fullmatch(text, run[-1][1], match.start()):
            close()
        # "between four and seven": two numbers, not one (a word adds to the one before only below
        # its order: "twenty-five", "сто двадцать")
        if run and run[-1][2] in _SMALL and word in _SMALL and not (
                _SMALL[run[-1][2]] > _SMALL[word] and _SMALL[run[-1][2]] % 10 ** len(str(_SMALL[word])) == 0):
            close()
        run.append((match.start(), match.end(), word))
    close()
    return found
