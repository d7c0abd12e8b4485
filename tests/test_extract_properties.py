"""Property-based tests (hypothesis) of the citation grammar, act numbers and number parsing."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzmig_kg.loader.extract.actnumbers import convocations_in, normalise_act_number
from kzmig_kg.loader.extract.citations import find_citations
from kzmig_kg.loader.extract.events import find_dates
from kzmig_kg.loader.extract.figures import find_figures
from kzmig_kg.loader.extract.numbers import parse_number
from kzmig_kg.loader.extract.textutil import Sentences

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FILLER = ["The policy changed considerably over the decade.", "Experts noted several problems.",
          "This remained a challenge for the authorities.", "Migration flows fluctuated.",
          "Kazakhstan continued to attract workers from the region."]
HEADS_EN = [
    ("Law", "law"),
    ("Law of the Republic of Kazakhstan", "law"),
    ("Resolution of the Government of the Republic of Kazakhstan", "government-resolution"),
    ("Government Resolution", "government-resolution"),
    ("Decree of the Government of the Republic of Kazakhstan", "government-resolution"),
    ("Joint Decree of the Minister of Internal Affairs of the Republic of Kazakhstan", "joint-order"),
    ("Order of the Minister of Foreign Affairs of the Republic of Kazakhstan", "ministerial-order"),
    ("Constitutional Law of the Republic of Kazakhstan", "constitutional-law"),
    ("Resolution of the Cabinet of Ministers of the Republic of Kazakhstan", "cabinet-resolution"),
    ("Labour Code of the Republic of Kazakhstan", "code"),
]
HEADS_RU = [
    ("Закон Республики Казахстан", "law"),
    ("Постановление Правительства Республики Казахстан", "government-resolution"),
    ("приказ Министра внутренних дел Республики Казахстан", "ministerial-order"),
    ("Кодекс Республики Казахстан", "code"),
]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


@st.composite
def act_numbers(draw, year: int, with_convocation: bool) -> str:
    serial = str(draw(st.integers(min_value=1, max_value=99999)))
    if not with_convocation:
        return serial
    return f"{serial}-{draw(st.sampled_from(convocations_in(year)))}"


@st.composite
def citations(draw):
    """A citation in one of the forms documents use, with the fields it must yield."""
    year = draw(st.integers(min_value=1991, max_value=2024))
    russian = draw(st.booleans())
    head, act_type = draw(st.sampled_from(HEADS_RU if russian else HEADS_EN))
    number = draw(act_numbers(year, act_type in {"law", "constitutional-law", "code"}
                              and draw(st.booleans())))
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    if russian:
        form = draw(st.sampled_from(["{h} от {d} {m} {y} года № {n}", "{h} № {n} от {d} {m} {y} г.",
                                     "({h} № {n}, {y})"]))
        text = form.format(h=head, d=day, m=MONTHS_RU[month - 1], y=year, n=number)
    else:
        form = draw(st.sampled_from(["({h} No. {n}, {y})", "{h} No. {n} ({y})",
                                     "{h} dated {d} {m} {y} No. {n}", "{h} No. {n} of {m} {d}, {y}"]))
        text = form.format(h=head, d=day, m=MONTHS_EN[month - 1], y=year, n=number)
    return text, act_type, number, year


@SETTINGS
@given(citations(), st.sampled_from(FILLER), st.sampled_from(FILLER))
def test_a_citation_in_prose_is_found_with_its_fields(citation, before, after) -> None:
    text, act_type, number, year = citation
    found = [c for c in find_citations(f"{before} As required by {text}, the rules apply. {after}")
             if c.form != "title"]
    assert [(c.act_type, c.number, c.year) for c in found] == [(act_type, number, year)], text


@SETTINGS
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1991, max_value=2024),
       st.data())
def test_ocr_damage_in_the_convocation_is_repaired(serial: int, year: int, data) -> None:
    convocation = data.draw(st.sampled_from([c for c in convocations_in(year) if "I" in c]
                                            or ["IV"]))
    damaged = data.draw(st.sampled_from(["1", "l", "|"]))
    printed = f"{serial}-{convocation.replace('I', damaged, 1)}"
    result = normalise_act_number(printed, year)
    assert result.number == f"{serial}-{convocation}"
    assert result.repaired


@SETTINGS
@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators(value: int) -> None:
    assert parse_number(f"{value:,}") == value
    assert parse_number(f"{value:,}".replace(",", "\u00a0")) == value
    assert parse_number(f"-{value:,}") == -value


@SETTINGS
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_decimal_points(value: Decimal) -> None:
    assert parse_number(f"{value:.2f}") == value


COUNTRIES = [("Uzbekistan", "UZB"), ("Russia", "RUS"), ("China", "CHN"), ("Kyrgyzstan", "KGZ"),
             ("Germany", "DEU"), ("Tajikistan", "TJK"), ("Turkey", "TUR"), ("the USA", "USA")]


@st.composite
def flow_sentences(draw):
    year = draw(st.integers(min_value=1991, max_value=2024))
    name, code = draw(st.sampled_from(COUNTRIES))
    value = draw(st.integers(min_value=10, max_value=9_999_999))
    scaled = draw(st.booleans()) and value >= 1000
    shown = f"{format((Decimal(value) / 1000).normalize(), 'f')} thousand" if scaled else f"{value:,}"
    expected = Decimal(value)
    direction = draw(st.sampled_from(["immigration", "emigration"]))
    if direction == "immigration":
        form = draw(st.sampled_from(["In {y}, the number of immigrants from {c} was {v}.",
                                     "In {y}, {v} people arrived from {c}.",
                                     "Immigration from {c} amounted to {v} people in {y}."]))
    else:
        form = draw(st.sampled_from(["In {y}, the number of emigrants to {c} was {v}.",
                                     "In {y}, {v} people left for {c}.",
                                     "Emigration to {c} amounted to {v} people in {y}."]))
    return form.format(y=year, c=name, v=shown), expected, code, year, direction


@SETTINGS
@given(flow_sentences(), st.sampled_from(FILLER))
def test_a_flow_figure_is_found_with_its_fields(sentence, filler) -> None:
    text, value, code, year, direction = sentence
    document = f"{filler} {text} {filler}"
    figures = find_figures(document, Sentences.of(document), [])
    assert [(f.value, f.country, f.year, f.direction) for f in figures] == \
        [(value, code, year, direction)], text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_any_text_is_handled(text: str) -> None:
    """No input makes a step raise: the grammar and the figure steps return what they find."""
    sentences = Sentences.of(text)
    citations = find_citations(text)
    taken = [(c.start, c.end) for c in citations]
    dates = find_dates(text, sentences, taken)
    figures = find_figures(text, sentences, taken, [(d.start, d.end, d.year) for d in dates if d.year])
    for found in [*citations, *dates, *figures]:
        assert 0 <= found.start <= found.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Law", "No.", "477-1V", ",", "2011", "(", ")", "Resolution", "of",
                                 "the", "Government", "№", "от", "22", "июля", "года", "people",
                                 "44,648", "in", "Uzbekistan", "%", "by", "\n", "million", "-"]),
                max_size=40))
def test_citation_fragments_are_handled(words: list[str]) -> None:
    text = " ".join(words)
    for citation in find_citations(text):
        assert text[citation.start:citation.end].strip() == text[citation.start:citation.end]
        if citation.number:
            assert citation.number_as_printed
