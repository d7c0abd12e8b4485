"""The document loader (kzmig_kg.loader): citations, dates and figures from text and PDF,
anchored by offsets and lines; bad input; the CLI; the thesis end to end."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
from rdflib import Graph, Namespace

from kzmig_kg.loader.extract import DocumentError, extract_document
from kzmig_kg.loader.extract.actnumbers import convocations_in, normalise_act_number
from kzmig_kg.loader.extract.citations import find_citations
from kzmig_kg.loader.extract.numbers import parse_number
from tests.conftest import FIXTURES, THESIS

HERE = FIXTURES / "extract"
CLI = Path(sys.executable).with_name("kzmig-kg")
OA = Namespace("http://www.w3.org/ns/oa#")
KZO = Namespace("https://w3id.org/kzmig/ontology#")


def items_of(path: Path, kind: str | None = None, **options) -> list:
    items = extract_document(path, **options).all_items()
    return [i for i in items if kind is None or i.kind == kind]


def make_pdf(path: Path, pages: list[list[str]], user_password: str | None = None) -> Path:
    """A PDF with a real text layer (Helvetica, one text line per string), written with pypdf."""
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 740 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if user_password is not None:
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


# ----------------------------------------------------------------------------- citation grammar

CITATIONS = [
    # text, act_type, number, year, issuer (None = any)
    ("(Law No. 477-1V, 2011)", "law", "477-IV", 2011, None),
    ("Law No. 201-V (2014)", "law", "201-V", 2014, None),
    ("Resolution of the Government of the Republic of Kazakhstan No. 961, 2022",
     "government-resolution", "961", 2022, "Government"),
    ("Joint Decree of the Minister of Internal Affairs of the Republic of Kazakhstan No. 215, 2004",
     "joint-order", "215", 2004, "Minister of Internal Affairs"),
    ("Constitutional Law of the Republic of Kazakhstan No. 438-V (2015)", "constitutional-law",
     "438-V", 2015, None),
    ("Resolution of the Cabinet of Ministers of the Republic of\nKazakhstan No. 1055, 1992",
     "cabinet-resolution", "1055", 1992, "Cabinet of Ministers"),
    ("Resolution of the Supreme\n Council of the Republic of Kazakhstan No. 2586-XII1-V, 1993",
     "supreme-council-resolution", "2586-XII", 1993, "Supreme Council"),
    ("Resolution of the Chief State Sanitary Doctor of the Republic of Kazakhstan No. 27,\n2022",
     "official-resolution", "27", 2022, "Chief State Sanitary Doctor"),
    ("Decree of the Minister of Labour and Social Protection\n\nof Population of the Republic of "
     "Kazakhstan No. 217, 2023", "ministerial-order", "217", 2023,
     "Minister of Labour and Social Protection of Population"),
    ("Criminal Code of the Republic of Kazakhstan No. 167,\n\n2006", "code", "167", 2006, None),
    ("Government Resolution No. 961 (2022)", "government-resolution", "961", 2022, "Government"),
    ("Law of the Republic of Kazakhstan dated 22 July 2011 No. 477-IV \"On Population Migration\"",
     "law", "477-IV", 2011, None),
    ("Government Decree No 148 of January 21, 2012", "government-resolution", "148", 2012,
     "Government"),
    ("Presidential Decree No. 2337 of 19 June 1995", "presidential-decree", "2337", 1995, "President"),
    ("Labour Code of the Republic of Kazakhstan No. 414-V dated 23 November 2015", "code", "414-V",
     2015, None),
    ("RK Law No. 477-IV dated 22.07.2011", "law", "477-IV", 2011, None),
    ("Закон Республики Казахстан от 22 июля 2011 года № 477-IV «О миграции населения»", "law",
     "477-IV", 2011, None),
    ("согласно Закону Республики Казахстан «О миграции населения» от 22 июля 2011 года № 477-IV",
     "law", "477-IV", 2011, None),
    ("постановлением Правительства Республики Казахстан от 21 января 2012 года № 148",
     "government-resolution", "148", 2012, "Government"),
    ("Указ Президента Республики Казахстан, имеющий силу закона, от 19 июня 1995 г. N 2337",
     "decree-having-force-of-law", "2337", 1995, "President"),
    ("Кодекс Республики Казахстан об административных правонарушениях от 5 июля 2014 года № 235-V "
     "ЗРК", "code", "235-V", 2014, None),
    ("приказом Министра внутренних дел Республики Казахстан от 27 марта 2015 года № 274",
     "ministerial-order", "274", 2015, "Minister of Internal Affairs"),
    ("Постановление Верховного Совета Республики Казахстан от 1 ноября 1993 г. № 2586-XII",
     "supreme-council-resolution", "2586-XII", 1993, "Supreme Council"),
    ("(Закон РК № 477-IV, 2011)", "law", "477-IV", 2011, None),
    ("приказ Министра здравоохранения Республики Казахстан от 31 июля 2020 года № ҚР ДСМ-64/2020",
     "ministerial-order", "ҚР ДСМ-64/2020", 2020, "Minister of Health"),
    ("Қазақстан Республикасының 2011 жылғы 22 шілдедегі № 477-IV Заңы", "law", "477-IV", 2011, None),
]


@pytest.mark.parametrize(("text", "act_type", "number", "year", "issuer"), CITATIONS)
def test_citation_grammar(text: str, act_type: str, number: str, year: int, issuer: str | None) -> None:
    found = [c for c in find_citations(f"As set out in {text}, the rules apply.") if c.form != "title"]
    assert len(found) == 1, [(c.number, c.form) for c in found]
    citation = found[0]
    assert (citation.act_type, citation.number, citation.year) == (act_type, number, year)
    if issuer:
        assert citation.issuer == issuer
    if re.search(r"Kazakhstan|Казахстан|Қазақстан|\bRK\b|\bРК\b", text):
        assert citation.jurisdiction == "KAZ"


def test_citation_keeps_the_printed_number_and_notes_the_repair() -> None:
    (citation,) = find_citations("(Law No. 477-1V, 2020)")
    assert citation.number == "477-IV" and citation.number_as_printed == "477-1V"
    assert any("OCR" in note for note in citation.notes)
    assert any("did not sit in 2020" in note for note in citation.notes)   # cited by the base law's number


def test_several_numbers_cited_together() -> None:
    found = find_citations("Visa-free entry was extended by Resolutions of the Government Nos. 838 and 286.")
    assert [(c.number, c.act_type) for c in found] == [("838", "government-resolution"),
                                                       ("286", "government-resolution")]


def test_acts_named_by_title_and_in_titles() -> None:
    text = ('established in 1992 by the Resolution of the Supreme Council of the Republic of '
            'Kazakhstan "On Enactment of the Law of the Republic of Kazakhstan on Immigration". '
            'On June 19, 1995, Kazakhstan enacted the Law on the Legal Status of Foreigners. '
            'It must be addressed through the adoption of the "Law on Combating Human Trafficking '
            'in the Republic of Kazakhstan," which is currently under consideration.')
    found = find_citations(text)
    kinds = [(c.form, c.act_type, c.title) for c in found]
    assert ("issuer", "supreme-council-resolution",
            "On Enactment of the Law of the Republic of Kazakhstan on Immigration") in kinds
    assert ("title", "law", "On Immigration") in kinds               # named inside the title
    foreigners = next(c for c in found if c.title == "On the Legal Status of Foreigners")
    assert foreigners.year == 1995
    draft = next(c for c in found if c.title and "Trafficking" in c.title)
    assert draft.act_type == "draft-law"


def test_no_citation_in_ordinary_prose() -> None:
    text = ("The law of supply and demand, the code of conduct and the order of events matter. "
            "In 2011, 4,120 people arrived; see p. 12 and No. 5 of the list.")
    assert [c for c in find_citations(text) if c.form != "title"] == []


@pytest.mark.parametrize(("printed", "year", "number", "repaired"), [
    ("477-1V", 2011, "477-IV", True), ("477-IV", 2011, "477-IV", False),
    ("37-1V", 2008, "37-IV", True), ("1-1", 1996, "1-I", True), ("2586-XII1-V", 1993, "2586-XII", True),
    ("50-VIII", 2023, "50-VIII", False), ("235-V ЗРК", 2014, "235-V", False), ("148", 2012, "148", False),
    ("11-1-2/555", 2016, "11-1-2/555", False), ("477 - IV", None, "477-IV", False),
    ("477-ІV", 2011, "477-IV", False),   # Cyrillic І
])
def test_act_numbers(printed: str, year: int | None, number: str, repaired: bool) -> None:
    result = normalise_act_number(printed, year)
    assert (result.number, result.repaired) == (number, repaired)


def test_convocations() -> None:
    assert convocations_in(2011) == ["IV"] and convocations_in(1993) == ["XII"]
    assert set(convocations_in(2016)) == {"V", "VI"}


@pytest.mark.parametrize(("printed", "value"), [
    ("2,900,000", Decimal(2900000)), ("44,648", Decimal(44648)), ("17,3", Decimal("17.3")),
    ("0.19", Decimal("0.19")), ("-1,426", Decimal(-1426)), ("−504", Decimal(-504)),
    ("12\u00a0810", Decimal(12810)), ("17 500", Decimal(17500)), ("100", Decimal(100)),
])
def test_parse_number(printed: str, value: Decimal) -> None:
    assert parse_number(printed) == value


@pytest.mark.parametrize("bad", ["", "abc", "1,2,3", "--5", "5-"])
def test_parse_number_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_number(bad)


# ------------------------------------------------------------------ documents written for the tests

def test_english_report() -> None:
    path = HERE / "report_en.txt"
    citations = items_of(path, "citation")
    numbered = {(c.get("number"), c.get("year")) for c in citations if c.get("number")}
    assert numbered == {("477-IV", 2011), ("148", 2012), ("215", 2004), ("477-IV", 2020),
                        ("438-V", 2015), ("2586-XII", 1993)}
    figures = {(f.get("value"), f.get("country"), f.get("year"), f.get("direction"))
               for f in items_of(path, "figure")}
    assert {(4120, "UZB", 2019, "immigration"), (310, "TJK", 2019, "immigration"),
            (1250, "KGZ", 2019, "immigration"), (3004, "UZB", 2021, "immigration"),
            (21500, "RUS", 2020, "emigration"), (-8400, None, 2020, "net")} <= figures
    million = next(f for f in items_of(path, "figure") if f.get("value") == 1200000)
    assert (million.get("period_start"), million.get("period_end")) == (1995, 2000)
    change = next(f for f in items_of(path, "figure") if f.get("stated_change_pct") is not None)
    assert change.get("stated_change_pct") == -12.5
    dates = {(d.get("date"), d.get("event_type")) for d in items_of(path, "date")}
    assert ("2022-02-24", "war") in dates
    sections = extract_document(path).sections
    assert [s.number for s in sections] == ["1", "1.1", "1.2", "2"]


def test_russian_report() -> None:
    path = HERE / "report_ru.txt"
    citations = [(c.get("act_type"), c.get("number"), c.get("year"), c.get("date"))
                 for c in items_of(path, "citation")]
    assert citations == [("law", "477-IV", 2011, "2011-07-22"),
                         ("government-resolution", "148", 2012, "2012-01-21"),
                         ("decree-having-force-of-law", "2337", 1995, "1995-06-19"),
                         ("code", "235-V", 2014, "2014-07-05"),
                         ("ministerial-order", "559", 2016, "2016-06-27")]
    figures = [(f.get("value"), f.get("country"), f.get("year"), f.get("direction"),
                f.get("stated_change_pct")) for f in items_of(path, "figure")]
    assert figures == [(17500, None, 2022, "immigration", None), (6631, "UZB", 2022, "immigration", None),
                       (19383, None, 2022, "emigration", -25.1)]


def test_policy_brief() -> None:
    path = HERE / "brief_en.txt"
    citations = [(c.get("act_type"), c.get("number"), c.get("year")) for c in items_of(path, "citation")]
    assert citations == [("law", "477-IV", 2011), ("government-resolution", "148", 2012),
                         ("code", "414-V", 2015), ("government-resolution", "838", None),
                         ("government-resolution", "286", None)]
    figures = {f.get("value"): f for f in items_of(path, "figure")}
    assert (figures[2900000].get("country"), figures[2900000].get("direction")) == ("RUS", "immigration")
    assert figures[205000].get("direction") == "emigration"
    assert (figures[416].get("country"), figures[416].get("stated_change_pct")) == ("CHN", 67.8)


def test_offsets_and_lines_point_into_the_text() -> None:
    path = HERE / "report_en.txt"
    text = path.read_text(encoding="utf-8")
    for item in items_of(path):
        assert text[item.start:item.end] == item.exact
        assert text.count("\n", 0, item.start) + 1 == item.line
        assert item.end_line == item.line + item.exact.count("\n")


def test_utf16_text_with_a_byte_order_mark() -> None:
    (citation,) = items_of(HERE / "utf16.txt", "citation")
    assert citation.get("number") == "477-IV"
    assert extract_document(HERE / "utf16.txt").document.encoding == "utf-16"


def test_stated_encoding() -> None:
    (citation,) = items_of(HERE / "cp1251.txt", "citation", encoding="cp1251")
    assert (citation.get("number"), citation.get("year")) == ("477-IV", 2011)


def test_small_windows_give_the_same_items() -> None:
    run = extract_document(HERE / "report_en.txt")
    whole = [(i.kind, i.start, i.end, i.fields) for i in run.items()]
    run.window_chars = 300
    assert [(i.kind, i.start, i.end, i.fields) for i in run.items()] == whole


# ----------------------------------------------------------------------------------------- PDF

PDF_PAGES = [["Chapter 1: Legal framework",
              "Entry is governed by Law No. 477-1V, 2011 and by the Resolution of the",
              "Government of the Republic of Kazakhstan No. 148, 2012.",
              "In 2019 the number of immigrants from Uzbekistan was 4,120."],
             ["Chapter 2: Emigration",
              "In 2020, 21,500 people left for Russia."]]


def test_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "report.pdf", PDF_PAGES)
    run = extract_document(path)
    assert (run.document.media_type, run.document.pages) == ("application/pdf", 2)
    items = run.all_items()
    assert {(c.get("number"), c.get("year")) for c in items if c.kind == "citation"} == \
        {("477-IV", 2011), ("148", 2012)}
    figures = {(f.get("value"), f.get("country"), f.get("year"), f.get("direction"))
               for f in items if f.kind == "figure"}
    assert figures == {(4120, "UZB", 2019, "immigration"), (21500, "RUS", 2020, "emigration")}
    assert [s.number for s in run.sections] == ["1", "2"]


def test_pdf_with_an_empty_user_password_opens(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "open.pdf", PDF_PAGES, user_password="")
    run = extract_document(path)
    assert any("encrypted" in w for w in run.document.warnings)
    assert len([i for i in run.all_items() if i.kind == "citation"]) == 2


# ----------------------------------------------------------------------------------- bad input

BAD = [
    ("empty.txt", r"is empty \(0 bytes\)"),
    ("blank.txt", r"has no text"),
    ("binary.bin", r"binary data, not text"),
    ("corrupt.pdf", r"damaged or unreadable PDF.*repair it"),
    ("cp1251.txt", r"not valid utf-8 text \(byte 0x\w\w at offset \d+, line 1\).*--encoding"),
    ("document.docx", r"looks like a ZIP archive"),
    ("missing.txt", r"no such file"),
]


@pytest.mark.parametrize(("name", "message"), BAD)
def test_bad_input_is_a_clear_error(name: str, message: str) -> None:
    with pytest.raises(DocumentError) as error:
        extract_document(HERE / name)
    assert name in str(error.value)
    assert re.search(message, str(error.value)), str(error.value)


def test_a_saved_web_page_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text("\ufeff<!DOCTYPE html>\n<html><body><p>In 2024, 5,000 people left for Russia."
                    "</p></body></html>\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"news.html: looks like an HTML page.*plain text"):
        extract_document(page)


def test_encrypted_pdf_needs_a_password(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", PDF_PAGES, user_password="secret")
    with pytest.raises(DocumentError, match=r"locked.pdf: is an encrypted PDF that needs a password"):
        extract_document(path)


def test_pdf_without_a_text_layer(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(DocumentError, match=r"no text layer.*ocrmypdf"):
        extract_document(path)


def test_size_limit() -> None:
    with pytest.raises(DocumentError, match=r"over the 0.0 MB limit.*--max-size"):
        extract_document(HERE / "report_en.txt", max_bytes=100)


def test_unknown_kind_and_encoding() -> None:
    with pytest.raises(DocumentError, match="unknown item kind"):
        extract_document(HERE / "report_en.txt", kinds=("footnote",))
    with pytest.raises(DocumentError, match="unknown encoding 'klingon'"):
        extract_document(HERE / "report_en.txt", encoding="klingon")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("name", ["empty.txt", "binary.bin", "corrupt.pdf", "cp1251.txt"])
def test_cli_bad_input_exits_without_a_traceback(name: str) -> None:
    done = run_cli("extract", str(HERE / name), "--format", "jsonl")
    assert done.returncode == 1
    assert done.stderr.startswith(f"error: {HERE / name}: ")
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_cli_jsonl_and_rdf(tmp_path: Path) -> None:
    path = HERE / "report_en.txt"
    done = run_cli("extract", str(path), "--format", "jsonl", "--kind", "citation")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r["kind"] for r in rows} == {"citation"}
    assert {"start", "end", "line", "act_type", "issuer", "number", "year"} <= set(rows[0])
    assert "7 items (citation 7)" in done.stderr
    out = tmp_path / "report.ttl"
    done = run_cli("extract", str(path), "--out", str(out), "--title", "A review")
    assert done.returncode == 0, done.stderr
    graph = Graph().parse(out, format="turtle")
    text = path.read_text(encoding="utf-8")
    annotations = list(graph.subjects(predicate=OA.hasTarget))
    assert len(annotations) == len(items_of(path))
    for selector in graph.subjects(predicate=OA.start):
        start, end = int(graph.value(selector, OA.start)), int(graph.value(selector, OA.end))
        quote = next(q for t in graph.subjects(OA.hasSelector, selector)
                     for q in graph.objects(t, OA.hasSelector) if (q, OA.exact, None) in graph)
        assert text[start:end] == str(graph.value(quote, OA.exact))
    eli = Namespace("http://data.europa.eu/eli/ontology#")
    numbers = {str(n) for n in graph.objects(predicate=eli.number)}
    assert {"477-IV", "148", "215", "438-V", "2586-XII"} <= numbers
    jsonld = tmp_path / "report.jsonld"
    assert run_cli("extract", str(path), "--format", "jsonld", "--out", str(jsonld),
                   "--title", "A review").returncode == 0
    assert len(Graph().parse(jsonld, format="json-ld")) == len(graph)


# ------------------------------------------------------------------------- the thesis, end to end

@pytest.fixture(scope="module")
def thesis_items() -> list:
    return extract_document(THESIS).all_items()


def test_thesis_law_477_IV(thesis_items: list) -> None:
    hits = [i for i in thesis_items if i.kind == "citation" and i.get("number") == "477-IV"]
    assert {(i.line, i.end_line, i.get("year")) for i in hits} == {
        (268, 268, 2011), (390, 391, 2015), (414, 414, 2020), (472, 472, 2020), (474, 474, 2021),
        (1032, 1032, 2024)}
    assert all(i.get("number_as_printed") == "477-1V" for i in hits)


def test_thesis_resolution_961(thesis_items: list) -> None:
    hits = [i for i in thesis_items if i.kind == "citation" and i.get("number") == "961"]
    assert [(i.line, i.get("act_type"), i.get("year")) for i in hits] == [
        (935, "government-resolution", 2022), (1005, "government-resolution", 2022),
        (1065, "government-resolution", 2022)]


def test_thesis_citations_by_number(thesis_items: list) -> None:
    numbered = {(i.get("act_type"), i.get("number"), i.get("year"))
                for i in thesis_items if i.kind == "citation" and i.get("number")}
    assert {("cabinet-resolution", "1055", 1992), ("supreme-council-resolution", "2586-XII", 1993),
            ("law", "2337", 1995), ("law", "1-I", 1996), ("law", "204", 1997),
            ("joint-order", "215", 2004), ("code", "167", 2006), ("law", "37-IV", 2008),
            ("constitutional-law", "438-V", 2015), ("joint-order", "21165", 2020),
            ("official-resolution", "27", 2022), ("ministerial-order", "217", 2023),
            ("law", "50-VIII", 2023), ("government-resolution", "148", 2022)} <= numbered


def test_thesis_figures(thesis_items: list) -> None:
    figures = [i for i in thesis_items if i.kind == "figure"]
    uzb = next(f for f in figures if f.get("value") == 44648)
    assert (uzb.line, uzb.get("country"), uzb.get("year"), uzb.get("direction")) == \
        (200, "UZB", 2005, "immigration")
    population = next(f for f in figures if f.exact.startswith("16.5"))
    assert (population.get("value"), population.get("year"), population.line) == (16500000, 1991, 59)
    russia = next(f for f in figures if f.get("value") == -156887)           # "net losses of"
    assert (russia.get("country"), russia.get("period_start"), russia.get("period_end")) == \
        ("RUS", 2004, 2010)
    turkmenistan = next(f for f in figures if f.get("value") == 4565)
    assert (turkmenistan.get("year"), turkmenistan.get("stated_change_pct")) == (2006, 90.45)
    per_day = next(f for f in figures if f.get("value") == 30000)
    assert (per_day.get("rate"), per_day.get("country")) == ("per day", "RUS")


def test_thesis_sections_and_dates(thesis_items: list) -> None:
    run = extract_document(THESIS)
    numbers = [s.number for s in run.sections]
    assert {"abstract", "introduction", "1", "1.1", "1.2", "1.3", "2", "3", "4", "4.4", "5",
            "appendix-a", "appendix-b"} <= set(numbers)
    war = next(i for i in thesis_items if i.kind == "date" and i.get("date") == "2022-02-24")
    assert war.get("event_type") == "war" and war.line == 26
    assert run.document.sha256.startswith("3e1dd5771166")
