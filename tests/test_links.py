"""Links to other legal knowledge bases carry their evidence.

An act's Adilet identifier (eli:id_local), official titles and adoption date come only from a
stored Adilet page named as its evidence (kzo:confirmedBy an external evidence record with the
page's address); amendments Adilet lists for acts we hold are acts of their own, sourced from that
page and not from the thesis. The record checks and the SHACL shapes refuse a link without its
evidence; the named query acts-adilet-links lists every link with its page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph

from kzmig_kg.errors import RecordErrors
from kzmig_kg.namespaces import SH
from kzmig_kg.paths import ONTOLOGY_DIR
from kzmig_kg.pipeline.graph import build_graph
from kzmig_kg.pipeline.records import read_records

from .conftest import FIXTURES

PREFIXES = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
ELI_KZ = "https://w3id.org/kzmig/eli/kz/"
EX = "https://w3id.org/kzmig/id/fixture/"

# every act confirmed by a stored Adilet page: (act, Adilet ID or None, page, page language, source)
ADILET_LINKS = [
    ("kodeks/2006/167", "K970000167_", "https://adilet.zan.kz/kaz/docs/K970000167_", "KAZ", "thesis"),
    ("kodeks/2014/226-V", None, "https://adilet.zan.kz/kaz/docs/K970000167_", "KAZ", "Adilet"),
    ("kodeks/undated/code-labour", "K1500000414",
     "https://adilet.zan.kz/eng/docs/K1500000414/compare", "ENG", "thesis"),
    ("konst-zakon/2015/438-V", "Z1500000438",
     "https://adilet.zan.kz/eng/docs/Z1500000438/compare", "ENG", "thesis"),
    ("konst-zakon/2015/438-V", "Z1500000438",
     "https://adilet.zan.kz/kaz/docs/Z1500000438/compare/eng", "KAZ", "thesis"),
    ("postanovlenie-km/1995/cabres-1995-state-programme", "P950000034_",
     "https://adilet.zan.kz/kaz/docs/P950000034_/compare", "KAZ", "thesis"),
    ("postanovlenie/2001/1371", "P010001371_",
     "https://adilet.zan.kz/rus/docs/P010001371_/compare", "RUS", "thesis"),
    ("postanovlenie/2005/1224", None, "https://adilet.zan.kz/kaz/docs/P950000034_/compare", "KAZ", "Adilet"),
    ("postanovlenie/2006/925", None, "https://adilet.zan.kz/rus/docs/P010001371_/compare", "RUS", "Adilet"),
    ("postanovlenie/2008/1122", None, "https://adilet.zan.kz/rus/docs/P010001371_/compare", "RUS", "Adilet"),
    ("postanovlenie/2012/148", "P1200000148",
     "https://adilet.zan.kz/eng/docs/P1200000148/compare/kaz", "ENG", "thesis"),
    ("postanovlenie/2014/133", "P1400000133",
     "https://adilet.zan.kz/kaz/docs/P1400000133/comments", "KAZ", "Adilet"),
    ("postanovlenie/2016/190", None,
     "https://adilet.zan.kz/kaz/docs/P1400000133/comments", "KAZ", "Adilet"),
    ("postanovlenie/2022/961", "P2200000961",
     "https://adilet.zan.kz/rus/docs/P2200000961/compare", "RUS", "thesis"),
    ("prikaz/2020/138", None, "https://adilet.zan.kz/eng/docs/V1600014170", "ENG", "Adilet"),
    ("prikaz/2023/279", None, "https://adilet.zan.kz/eng/docs/V1600014170", "ENG", "Adilet"),
    ("sovmestnyi-prikaz/2016/jointorder-2016-visa-validity", "V1600014531",
     "https://adilet.zan.kz/eng/docs/V1600014531", "ENG", "thesis"),
    ("sovmestnyi-prikaz/2016/jointorder-2016-visa-validity", "V1600014531",
     "https://adilet.zan.kz/eng/docs/V1600014531/compare", "ENG", "thesis"),
    ("sovmestnyi-prikaz/2020/jointorder-2020-visa-rules-amend", None,
     "https://adilet.zan.kz/eng/docs/V1600014531/compare", "ENG", "Adilet"),
    ("sovmestnyi-prikaz/2024/jointorder-2024-visa-rules-amend", None,
     "https://adilet.zan.kz/eng/docs/V1600014531", "ENG", "Adilet"),
    ("zakon/1995/2337", "U950002337_", "https://adilet.zan.kz/eng/docs/U950002337_", "ENG", "thesis"),
    ("zakon/2001/172", "Z010000172_", "https://www.adilet.zan.kz/kaz/docs/Z010000172_", "KAZ", "thesis"),
    ("zakon/2005/100", "Z050000100_",
     "https://www.adilet.zan.kz/eng/docs/Z050000100_/compare", "ENG", "thesis"),
    ("zakon/2007/227", None, "https://adilet.zan.kz/eng/docs/U950002337_", "ENG", "Adilet"),
    ("zakon/2011/477-IV", "Z1100000477",
     "https://adilet.zan.kz/eng/docs/Z1100000477/compare/rus", "ENG", "thesis"),
    ("zakon/2011/477-IV", "Z1100000477",
     "https://www.adilet.zan.kz/kaz/docs/Z1100000477/z110477_.htm", "KAZ", "thesis"),
    ("zakon/2016/559", "V1600014170", "https://adilet.zan.kz/eng/docs/V1600014170", "ENG", "thesis"),
    ("zakon/2018/147-VI", None,
     "https://www.adilet.zan.kz/kaz/docs/Z1100000477/z110477_.htm", "KAZ", "Adilet"),
    ("zakon/2020/327-VI", None,
     "https://adilet.zan.kz/eng/docs/Z1100000477/compare/rus", "ENG", "Adilet"),
]


def _named(release, name: str) -> list[dict]:
    from kzmig_kg.query.named import named_queries
    return release.query(named_queries()[name].text)


def test_acts_adilet_links_lists_every_confirmed_act_with_its_page(release) -> None:
    rows = _named(release, "acts-adilet-links")
    got = [(r["act"].removeprefix(ELI_KZ), r.get("adiletId"), r["page"], r["pageLanguage"],
            r["source"]) for r in rows]
    assert got == ADILET_LINKS


def test_official_titles_and_dates_of_confirmed_acts(release) -> None:
    rows = {(r["act"].removeprefix(ELI_KZ), r["page"]): r
            for r in _named(release, "acts-adilet-links")}
    law = rows[("zakon/2011/477-IV", "https://www.adilet.zan.kz/kaz/docs/Z1100000477/z110477_.htm")]
    assert (law["titleKk"], law["titleEn"], str(law["date"])) == (
        "Халықтың көші-қоны туралы", "On Migration", "2011-07-22")
    concept = rows[("postanovlenie/2022/961", "https://adilet.zan.kz/rus/docs/P2200000961/compare")]
    assert (concept["titleRu"], str(concept["date"]), concept["number"]) == (
        "Об утверждении Концепции миграционной политики Республики Казахстан на 2023 – 2027 годы",
        "2022-11-30", "961")
    centre = rows[("konst-zakon/2015/438-V", "https://adilet.zan.kz/kaz/docs/Z1500000438/compare/eng")]
    assert (centre["titleKk"], centre["titleEn"], str(centre["date"])) == (
        '"Астана" халықаралық қаржы орталығы туралы', "On “Astana” International Financial Center",
        "2015-12-07")
    # the English heading of Z050000100_ contradicts its text: no official title is recorded
    ratification = rows[("zakon/2005/100", "https://www.adilet.zan.kz/eng/docs/Z050000100_/compare")]
    assert (ratification.get("titleEn"), str(ratification["date"])) == (None, "2005-12-14")
    rules = rows[("postanovlenie/2012/148", "https://adilet.zan.kz/eng/docs/P1200000148/compare/kaz")]
    assert (rules["titleEn"].startswith("On approval of the Rules for entry and stay of immigrants"),
            str(rules["date"]), rules["number"]) == (True, "2012-01-21", "148")
    # the Criminal Code: its Kazakh title, but not its adoption date of 1997 (the thesis cites its
    # 2006 wording)
    programme = rows[("postanovlenie/2001/1371", "https://adilet.zan.kz/rus/docs/P010001371_/compare")]
    assert (programme["titleRu"], str(programme["date"])) == (
        "Об утверждении отраслевой Программы миграционной политики Республики Казахстан на 2001-2010 годы",
        "2001-10-29")
    eurasec = rows[("zakon/2001/172", "https://www.adilet.zan.kz/kaz/docs/Z010000172_")]
    assert (eurasec["titleKk"], str(eurasec["date"])) == (
        "Еуразиялық экономикалық қоғамдастық құру туралы шартты бекіту туралы", "2001-04-02")
    code = rows[("kodeks/2006/167", "https://adilet.zan.kz/kaz/docs/K970000167_")]
    assert (code["titleKk"], code.get("date")) == ("Қазақстан Республикасының Қылмыстық кодексi", None)
    # the 1995 Cabinet resolution's page gives its Kazakh title (old Adilet texts write the Latin i)
    programme_1995 = rows[("postanovlenie-km/1995/cabres-1995-state-programme",
                           "https://adilet.zan.kz/kaz/docs/P950000034_/compare")]
    assert (programme_1995["titleKk"], str(programme_1995["date"])) == (
        "Халықтың көшi-қоны мемлекеттiк бағдарламасын әзiрлеу туралы", "1995-01-11")
    # "Law No. 559 (2016)" of the thesis: its page shows an order of that number and date
    permits = rows[("zakon/2016/559", "https://adilet.zan.kz/eng/docs/V1600014170")]
    assert (permits["titleEn"].startswith("On Approval of Terms and conditions of issuance and (or) "
                                          "extension of the permits to employers"),
            str(permits["date"]), permits["number"]) == (True, "2016-06-27", "559")
    # a joint order has two signature dates and two numbers: neither is recorded as the act's
    visas = rows[("sovmestnyi-prikaz/2016/jointorder-2016-visa-validity",
                  "https://adilet.zan.kz/eng/docs/V1600014531/compare")]
    assert (visas["titleEn"].endswith("as well as extension and reduction of their validity term"),
            visas.get("date"), visas.get("number")) == (True, None, None)


def test_every_adilet_id_is_confirmed_by_the_page_of_that_document(release) -> None:
    rows = release.query(PREFIXES + """SELECT ?act ?id ?url WHERE {
        ?act eli:id_local ?id .
        OPTIONAL { ?act kzo:confirmedBy/schema:url ?url .
                   FILTER (CONTAINS(STR(?url), CONCAT("/docs/", ?id))) } }""")
    assert len({r["act"] for r in rows}) == 14
    assert [r for r in rows if r.get("url") is None] == []
    for row in rows:
        assert re.match(r"^https://(www\.)?adilet\.zan\.kz/(rus|kaz|eng)/docs/", row["url"]), row


def test_every_official_title_is_the_title_of_its_page(release) -> None:
    """eli:title of each expression equals the title of the evidence page that exemplifies it."""
    rows = release.query(PREFIXES + """SELECT ?expression ?title ?pageTitle WHERE {
        ?expression a eli:LegalExpression ; eli:title ?title ; eli:is_embodied_by ?format .
        ?format kzo:confirmedBy ?page .
        OPTIONAL { ?page dct:title ?pageTitle . FILTER (lang(?pageTitle) = lang(?title)) } }""")
    assert len(rows) == 14
    assert [r for r in rows if r.get("pageTitle") != r["title"]] == []


def test_amendments_listed_by_adilet_amend_acts_we_hold_and_rest_on_the_page(release) -> None:
    rows = release.query(PREFIXES + """SELECT ?act ?target ?page WHERE {
        ?act eli:amends|eli:repeals ?target ; dct:source ?evidence .
        ?evidence a kzo:ExternalEvidence ; schema:url ?page .
        FILTER NOT EXISTS { ?act prov:wasDerivedFrom ?passage }
        ?target a eli:LegalResource } ORDER BY ?act""")
    assert [(r["act"].removeprefix(ELI_KZ), r["target"].removeprefix(ELI_KZ)) for r in rows] == [
        ("kodeks/2014/226-V", "kodeks/2006/167"),
        ("postanovlenie/2005/1224", "postanovlenie-km/1995/cabres-1995-state-programme"),
        ("postanovlenie/2006/925", "postanovlenie/2001/1371"),
        ("postanovlenie/2008/1122", "postanovlenie/2001/1371"),
        ("postanovlenie/2014/133", "postanovlenie/2012/148"),
        ("postanovlenie/2016/190", "postanovlenie/2014/133"),
        ("prikaz/2020/138", "zakon/2016/559"),
        ("prikaz/2023/279", "zakon/2016/559"),
        ("sovmestnyi-prikaz/2020/jointorder-2020-visa-rules-amend",
         "sovmestnyi-prikaz/2016/jointorder-2016-visa-validity"),
        ("sovmestnyi-prikaz/2024/jointorder-2024-visa-rules-amend",
         "sovmestnyi-prikaz/2016/jointorder-2016-visa-validity"),
        ("zakon/2007/227", "zakon/1995/2337"),
        ("zakon/2018/147-VI", "zakon/2011/477-IV"),
        ("zakon/2020/327-VI", "zakon/2011/477-IV"),
    ]


def test_evidence_needs_an_https_address(data_copy: Path) -> None:
    path = data_copy / "sources" / "evidence.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("url: https://adilet", "url: http://adilet"), encoding="utf-8")
    with pytest.raises(RecordErrors, match=r"sources/evidence.yaml:\d+: field 'url': .* not an https"):
        read_records(data_copy)


def _break(data_copy: Path, relative: str, old: str, new: str) -> None:
    path = data_copy / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("relative, old, new, message", [
    ("sources/evidence.yaml", "url: https://adilet.zan.kz/rus/docs/P2200000961/compare",
     "url: https://adilet.zan.kz/rus/P2200000961",
     r"sources/evidence.yaml:\d+: field 'url': .* not the address of an Adilet document page"),
    ("sources/evidence.yaml", "title: {kk: Халықтың көші-қоны туралы}",
     "title: {ru: О миграции населения}",
     r"sources/evidence.yaml:\d+: field 'title': the /kaz/ page's title is not given in 'kk'"),
    ("legal/acts.yaml", "    evidence: [adilet-Z1100000477-kaz]\n    passages: []\n",
     "    passages: []\n",
     r"legal/acts.yaml:\d+: field 'passages': an act without passages of the thesis and without "
     r"the Adilet page"),
])
def test_record_rules_of_adilet_links(data_copy: Path, relative: str, old: str, new: str,
                                      message: str) -> None:
    _break(data_copy, relative, old, new)
    with pytest.raises(RecordErrors, match=message):
        read_records(data_copy)


@pytest.mark.parametrize("old, new, message", [
    # an Adilet ID without the page of that document among the evidence
    ("    adilet_id: P2200000961\n    evidence: [adilet-P2200000961-rus]\n",
     "    adilet_id: P2200000961\n",
     r"legal/acts.yaml:\d+: field 'adilet_id': no Adilet page of document P2200000961 in "
     r"`evidence` confirms the ID"),
    # an official title that the page does not give
    ("official_title: {ru: Об утверждении Концепции миграционной политики Республики Казахстан "
     "на 2023 – 2027 годы}",
     "official_title: {ru: Об утверждении Концепции миграционной политики на 2023-2027 годы}",
     r"legal/acts.yaml:\d+: field 'official_title': no Adilet page in `evidence` gives the ru title"),
    # a title in a language of which no page is cited
    ("official_title: {en: Labour code of the Republic of Kazakhstan}",
     "official_title: {en: Labour code of the Republic of Kazakhstan, "
     "ru: Трудовой кодекс Республики Казахстан}",
     r"field 'official_title': no Adilet page in `evidence` gives the ru title 'Трудовой кодекс"),
])
def test_mapping_rules_of_adilet_links(data_copy: Path, old: str, new: str, message: str) -> None:
    _break(data_copy, "legal/acts.yaml", old, new)
    with pytest.raises(RecordErrors, match=message):
        build_graph(read_records(data_copy))


@pytest.fixture(scope="module")
def shape_findings() -> set[tuple[str, str]]:
    data = Graph().parse(FIXTURES / "shapes" / "acts-adilet-bad.ttl")
    data.parse(ONTOLOGY_DIR / "kzmig.ttl")
    conforms, report, _ = validate(data, shacl_graph=Graph().parse(
        ONTOLOGY_DIR / "shapes" / "acts.ttl"), inference="none")
    assert not conforms
    return {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultMessage)))
            for r in report.subjects(SH.focusNode, None)}


@pytest.mark.parametrize("focus, words", [
    ("act-no-evidence-bad", "needs the stored Adilet page of that document"),
    ("act-wrong-page-bad", "needs the stored Adilet page of that document"),
    ("act-unsourced-bad", "or (an act only Adilet lists) the Adilet page it comes from"),
    ("expr-untitled-bad", "its title in that language"),
    ("expr-untitled-bad", "the format (the Adilet page) that embodies it"),
    ("format-unconfirmed-bad", "the evidence record of that page"),
])
def test_shape_refuses_a_link_without_evidence(shape_findings: set[tuple[str, str]], focus: str,
                                               words: str) -> None:
    assert any(f == EX + focus and words in m for f, m in shape_findings), sorted(shape_findings)


def test_shapes_accept_a_link_with_its_evidence(shape_findings: set[tuple[str, str]]) -> None:
    """The fixture's acts lack what other act rules ask for (type, title...); only the link
    rules are checked here."""
    link_words = ("Adilet", "expression", "format of an act")
    assert not [(f, m) for f, m in shape_findings
                if f in (EX + "act-ok", EX + "expr-ok", EX + "format-ok")
                and any(w in m for w in link_words)]
