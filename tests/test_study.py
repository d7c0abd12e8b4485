"""The interview study as linked data, checked against an independent reading of the thesis:
Appendix A (the nine experts), Appendix B (the codebook: themes, codes, quoted experts, the
numbers of codes), Chapter 4 (the findings and their footnoted expert groups) and the
recommendations of the conclusions; plus the named queries, the record checks and the shapes."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph

from kzmig_kg.errors import RecordErrors
from kzmig_kg.namespaces import SH
from kzmig_kg.paths import ONTOLOGY_DIR
from kzmig_kg.pipeline.graph import build_graph
from kzmig_kg.pipeline.records import read_records
from kzmig_kg.query.results import python_value
from kzmig_kg.query.run import run_query

from .conftest import FIXTURES, thesis_lines

STUDY = FIXTURES / "study"
P = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
PREFIX kzc: <https://w3id.org/kzmig/code/>
"""
LETTERS = "ABCDEFGHI"
MONTHS = {"April": 4, "May": 5}


# ------------------------------------------------------------------ an independent reading

def text(first: int, last: int) -> str:
    return "\n".join(thesis_lines()[first - 1:last])


def appendix_a_rows() -> dict[str, tuple[str, str]]:
    """letter -> (ISO date, the row's line) from the rows 'April 11, 2024 | Expert (A) ...'."""
    rows = {}
    for line in thesis_lines()[1181:1218]:
        match = re.match(r"^(April|May) (\d+), ?2024 \| Expert \(([A-I])\)", line)
        if match:
            rows[match[3]] = (f"2024-{MONTHS[match[1]]:02d}-{int(match[2]):02d}", line)
    return rows


def theme_ranges() -> list[tuple[int, int]]:
    """Line ranges of the eight codebook tables: each starts at its 'Example of a code' header."""
    starts = [i + 1 for i, line in enumerate(thesis_lines()) if line.strip() == "Example of a code"]
    ends = [s - 1 for s in starts[1:]] + [len(thesis_lines())]
    return list(zip(starts, ends, strict=True))


def quotes_in(first: int, last: int) -> Counter:
    """Expert letters of the example quotes printed in a line range ('Expert [' is Expert I)."""
    found = re.findall(r"Expert ([A-I\[])\s*:", text(first, last))
    return Counter("I" if letter == "[" else letter for letter in found)


def rows(release, sparql: str, **params) -> list[dict]:
    return release.query(P + sparql, **params)


def named(release, name: str, **params: str) -> list[dict]:
    result = run_query(name, params, store_dir=release.dir / "store")
    return [{k: python_value(v) for k, v in row.items()} for row in result.rows]


def passage_ranges(release, subject_sparql: str) -> list[tuple[int, int]]:
    found = rows(release, f"""SELECT ?first ?last WHERE {{ {subject_sparql} prov:wasDerivedFrom ?p .
        ?p kzo:firstLine ?first ; kzo:lastLine ?last }}""")
    return [(r["first"], r["last"]) for r in found]


# ------------------------------------------------------------------ Appendix A: the experts

EXPERTS = {
    # letter: (organisation record, organisation type, role)
    "A": ("wpk-company", "private-consultancy", "representative"),
    "B": ("wpk-company", "private-consultancy", "representative"),
    "C": ("dos-immigration-company", "private-consultancy", "representative"),
    "D": ("iom", "international-organisation", "senior-project-assistant"),
    "E": ("wpk-company", "private-consultancy", "representative"),
    "F": ("ngo-rodnik", "ngo", "representative"),
    "G": ("iom", "international-organisation", "external-collaborator"),
    "H": ("ngo-sana-sezim", "ngo", "representative"),
    "I": ("ngo-rodnik", "ngo", "representative"),
}

EXPERT_ROWS = """
SELECT ?letter ?label ?org ?type ?role ?date ?mode WHERE {
  ?e a kzo:Expert ; kzo:expertLetter ?letter ; rdfs:label ?label ; org:memberOf ?o ;
     kzo:organisationType/skos:notation ?type ; org:hasMembership/org:role/skos:notation ?role .
  ?o kzo:recordId ?org .
  ?i kzo:interviewee ?e ; kzo:interviewDate ?date ; kzo:interviewMode/skos:notation ?mode .
}"""


@pytest.fixture(scope="module")
def experts(release) -> dict[str, dict]:
    return {r["letter"]: r for r in rows(release, EXPERT_ROWS)}


def test_nine_experts_labelled_as_the_thesis_labels_them(experts) -> None:
    assert sorted(experts) == list(LETTERS)
    assert {r["label"] for r in experts.values()} == {f"Expert {x}" for x in LETTERS}
    assert set(appendix_a_rows()) == set(LETTERS), "Appendix A lists nine experts"


@pytest.mark.parametrize("letter", LETTERS)
def test_expert_attributes_match_appendix_a(experts, letter: str) -> None:
    org, org_type, role = EXPERTS[letter]
    row = experts[letter]
    assert (row["org"], row["type"], row["role"]) == (org, org_type, role)
    date, line = appendix_a_rows()[letter]
    assert str(row["date"]) == date
    assert row["mode"] == ("online" if "via Zoom" in line else "in-person")


def test_experts_per_organisation(experts) -> None:
    by_org: dict[str, set[str]] = {}
    for letter, row in experts.items():
        by_org.setdefault(row["org"], set()).add(letter)
    assert by_org == {"wpk-company": {"A", "B", "E"}, "iom": {"D", "G"},
                      "ngo-rodnik": {"F", "I"}, "ngo-sana-sezim": {"H"},
                      "dos-immigration-company": {"C"}}


def test_each_expert_points_to_their_row_of_appendix_a(release) -> None:
    for letter in LETTERS:
        ranges = passage_ranges(release, f'?e kzo:expertLetter "{letter}" .\n ?e')
        assert ranges, letter
        assert any(f"Expert ({letter})" in text(first, last) for first, last in ranges), letter
        assert all(1182 <= first <= last <= 1218 for first, last in ranges), letter


def test_experts_by_organisation_type_query(release) -> None:
    found = named(release, "study-experts-by-organisation-type")
    by_type = {}
    for row in found:
        by_type.setdefault(row["type"], []).append(row["expert"])
    assert by_type == {"International organisation": ["Expert D", "Expert G"],
                       "Non-governmental organisation": ["Expert F", "Expert H", "Expert I"],
                       "Private consultancy firm": ["Expert A", "Expert B", "Expert C", "Expert E"]}
    online = {r["expert"] for r in found if r["mode"].startswith("Online")}
    assert online == {"Expert C", "Expert E", "Expert F", "Expert H", "Expert I"}
    venue = rows(release, """SELECT ?org WHERE { ?i kzo:interviewee/kzo:expertLetter "G" ;
                              kzo:venue/kzo:recordId ?org }""")
    assert venue == [{"org": "maqsut-narikbayev-university"}]


# ------------------------------------------------------------------ the study

def test_study_reports_its_questions_methods_and_code_totals(release) -> None:
    found = rows(release, """SELECT ?n ?total ?unique ?used (COUNT(DISTINCT ?q) AS ?questions)
        (GROUP_CONCAT(DISTINCT REPLACE(STR(?m), "^.*/", ""); separator=" ") AS ?methods) WHERE {
        ?s a kzo:InterviewStudy , <https://schema.org/ResearchProject> , prov:Activity ;
           kzo:participantCount ?n ; kzo:totalCodeCount ?total ; kzo:uniqueCodeCount ?unique ;
           kzo:analysedCodeCount ?used ; kzo:researchQuestion ?q ; kzo:usesMethod ?m }
        GROUP BY ?n ?total ?unique ?used""")
    assert len(found) == 1
    study = found[0]
    assert (study["n"], study["total"], study["unique"], study["used"]) == (9, 556, 226, 197)
    assert study["questions"] == 2
    assert {"elite-interviews", "document-analysis", "thematic-analysis"} <= \
        set(study["methods"].split())
    methods_text = re.sub(r"\s+", " ", text(640, 641))
    assert "556" in methods_text and "226 unique" in methods_text and "197 codes" in methods_text
    assert "9 participants" in text(595, 595)


# ------------------------------------------------------------------ Appendix B: the codebook

THEMES = {  # notation: (label, number of codes)
    "B1": ("Current Policy and Regulation Enhancements", 19),
    "B2": ("Migration Trends and Patterns", 17),
    "B3": ("Characteristics of Migration", 10),
    "B4": ("Reasons for movement", 34),
    "B5": ("Specific Migrant Origins and Destinations", 25),
    "B6": ("Disadvantages of the current management system", 79),
    "B7": ("Human trafficking", 6),
    "B8": ("Impact of immigration of foreigners", 4),
}
LEGIBLE = {  # code label: the number printed on its row
    "Temporary work-related migration": 4, "Occupations of labour migrants from Central Asia": 1,
    "Outflow of highly skilled specialists": 8, "Destinations of labour migrants": 1,
    "Immigrant occupations": 2, "Brain drain": 5,
    "Labour migrants from Tajikistan": 1, "Labour migrants from Kyrgyzstan": 2,
    "Labour migrants from China": 6, "Emigration to South Korea": 5, "Inflow from Azerbaijan": 1,
    "Emigration to the UK": 2, "Emigration to the USA": 2, "Emigration to Europe": 3,
    "Inflow from Iran": 1, "Immigrants from Central Asia": 1, "Migration to Central Asia": 1,
    "Transit Migration to South-East Asia": 1, "Inflow from South Asia": 3,
    "PEAs and Human trafficking": 1,
}
STRAY = {"B1": {10, 11, 12, 13, 16}, "B5": {75}, "B6": {11}, "B7": {13}}

CODES = """
SELECT ?theme ?notation ?label ?status ?count ?code WHERE {
  ?code a kzo:CodebookCode ; skos:notation ?notation ; skos:prefLabel ?label ;
        skos:broader/skos:notation ?theme ; kzo:countStatus/skos:notation ?status .
  OPTIONAL { ?code kzo:reportedCodeCount ?count }
}"""


@pytest.fixture(scope="module")
def codes(release) -> list[dict]:
    return rows(release, CODES)


def test_codebook_themes_are_top_concepts_in_appendix_order(release) -> None:
    found = rows(release, """SELECT ?notation ?label WHERE {
        ?t a kzo:CodebookTheme ; skos:topConceptOf kzc:codebook ; skos:notation ?notation ;
           skos:prefLabel ?label . FILTER (LANG(?label) = "en") }""")
    assert {r["notation"]: r["label"] for r in found} == {k: v[0] for k, v in THEMES.items()}
    heads = [thesis_lines()[start - 5:start] for start, _ in theme_ranges()]
    for (notation, (label, _)), head in zip(THEMES.items(), heads, strict=True):
        first_word = label.split()[0]
        assert any(first_word in line for line in head) or notation == "B8", (notation, head)


def test_codes_per_theme(codes) -> None:
    assert Counter(c["theme"] for c in codes) == {k: v[1] for k, v in THEMES.items()}
    assert len(codes) == 194
    for code in codes:
        assert code["notation"].startswith(code["theme"] + ".")
    assert len({c["notation"] for c in codes}) == len(codes)


def test_quoted_experts_per_theme_match_the_appendix(release) -> None:
    """Each example quote of a table ('Expert X: ...') is one (code, expert) pair in the graph."""
    found = rows(release, """SELECT ?theme ?letter WHERE {
        ?c a kzo:CodebookCode ; skos:broader/skos:notation ?theme ;
           kzo:exampleFrom/kzo:expertLetter ?letter }""")
    graph: dict[str, Counter] = {}
    for row in found:
        graph.setdefault(row["theme"], Counter())[row["letter"]] += 1
    for notation, (first, last) in zip(THEMES, theme_ranges(), strict=True):
        assert graph[notation] == quotes_in(first, last), notation


def test_codes_quoting_each_expert(release) -> None:
    found = rows(release, """SELECT ?letter (COUNT(DISTINCT ?c) AS ?n) WHERE {
        ?c a kzo:CodebookCode ; kzo:exampleFrom/kzo:expertLetter ?letter } GROUP BY ?letter""")
    assert {r["letter"]: r["n"] for r in found} == dict(quotes_in(1219, 3163))
    assert {r["letter"]: r["n"] for r in found} == {"A": 20, "B": 27, "C": 34, "D": 26, "E": 24,
                                                    "F": 23, "G": 25, "H": 8, "I": 8}


def test_legible_counts_stand_on_their_rows(release, codes) -> None:
    legible = {c["label"]: c["count"] for c in codes if c["status"] == "legible"}
    assert legible == LEGIBLE
    assert all(c["count"] is None for c in codes if c["status"] != "legible")
    for label, number in LEGIBLE.items():
        ranges = passage_ranges(release, f'?c skos:prefLabel "{label}"@en .\n ?c')
        numbers = {int(n) for first, last in ranges
                   for n in re.findall(r"(?:^|\s)(\d{1,2})\s*$", text(first, last), re.M)}
        assert number in numbers, label


def test_every_number_printed_in_the_codebook_is_accounted_for(release) -> None:
    """Each number standing alone on a line of Appendix B is a legible count or an unassigned one."""
    alone = {i + 1: int(line) for i, line in enumerate(thesis_lines())
             if i + 1 >= 1219 and re.fullmatch(r"\s*\d{1,3}\s*", line)}
    stray = rows(release, """SELECT ?theme ?value ?line WHERE {
        ?t skos:notation ?theme ; kzo:unassignedCount ?u . ?u rdf:value ?value ; kzo:printedAtLine ?line }""")
    assert {r["line"]: r["value"] for r in stray} == {k: v for k, v in alone.items() if k != 3054}
    by_theme: dict[str, set[int]] = {}
    for row in stray:
        by_theme.setdefault(row["theme"], set()).add(row["value"])
    assert by_theme == STRAY
    assert alone[3054] == LEGIBLE["PEAs and Human trafficking"]


def test_unassigned_codes_are_those_the_stray_numbers_follow(release, codes) -> None:
    followed = rows(release, """SELECT ?label WHERE { ?u a kzo:UnassignedCount ;
        kzo:printedAfterCode/skos:prefLabel ?label }""")
    assert {r["label"] for r in followed} == {c["label"] for c in codes
                                              if c["status"] == "unassigned"}


def test_texts_are_our_words_not_the_thesis(release) -> None:
    """Code examples, findings, recommendations and problems share no 7-word run with their passages."""
    found = rows(release, """SELECT ?s ?summary ?first ?last WHERE {
        VALUES ?p { kzo:exampleSummary kzo:findingStatement kzo:recommendationSummary
                    kzo:coverageNote skos:definition }
        ?s ?p ?summary ; prov:wasDerivedFrom ?passage .
        ?passage kzo:firstLine ?first ; kzo:lastLine ?last .
        { ?s a kzo:CodebookCode } UNION { ?s a kzo:Finding } UNION { ?s a kzo:Recommendation }
        UNION { ?s a kzo:StudyProblem } }""")
    assert len({r["s"] for r in found}) > 250

    def words(value: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", value.lower())

    for row in found:
        source = " ".join(words(text(row["first"], row["last"])))
        summary = words(row["summary"])
        for i in range(len(summary) - 6):
            assert " ".join(summary[i:i + 7]) not in source, row["summary"]


def test_themes_of_the_two_schemes_are_related(release) -> None:
    found = rows(release, """SELECT ?b ?kind ?ch4 WHERE {
        VALUES (?p ?kind) { (skos:exactMatch "exact") (skos:closeMatch "close") (skos:broadMatch "broad") }
        ?t a kzo:CodebookTheme ; skos:notation ?b ; ?p ?m . ?m a kzo:FindingsTheme ; skos:notation ?ch4 }""")
    pairs = {(r["b"], r["kind"], r["ch4"]) for r in found}
    assert pairs == {("B1", "close", "4.2"), ("B2", "close", "4.1"), ("B3", "exact", "4.1.1"),
                     ("B3", "broad", "4.1"), ("B4", "exact", "4.1.2"), ("B4", "broad", "4.1"),
                     ("B5", "exact", "4.1.3"), ("B5", "broad", "4.1"), ("B6", "close", "4.3"),
                     ("B7", "exact", "4.4"), ("B8", "exact", "4.1.4"), ("B8", "broad", "4.1")}
    subthemes = rows(release, """SELECT ?label WHERE { ?s skos:broader ?t . ?t skos:notation "4.1" .
        ?s a kzo:FindingsTheme ; skos:prefLabel ?label . FILTER (LANG(?label) = "en") }""")
    named_in_text = re.sub(r"\s+", " ", text(683, 685))
    assert len(subthemes) == 4
    assert all(r["label"] in named_in_text for r in subthemes)


def test_codes_link_to_the_countries_their_examples_name(release) -> None:
    """Every code whose row names Uzbekistan or Uzbeks concerns Uzbekistan."""
    found = rows(release, """SELECT ?label ?first ?last WHERE {
        ?c a kzo:CodebookCode ; skos:prefLabel ?label ; prov:wasDerivedFrom ?p .
        ?p kzo:firstLine ?first ; kzo:lastLine ?last }""")
    naming = {r["label"] for r in found if "Uzbek" in text(r["first"], r["last"])}
    concerning = {r["code"] for r in named(release, "study-codes-by-country") if r["via"] == "direct"}
    assert naming and naming <= concerning


def test_codes_concerning_uzbekistan_query(release) -> None:
    found = named(release, "study-codes-by-country")
    labels = {r["code"] for r in found}
    assert {"Labour migrants from Uzbekistan", "Inflow of illegal migrants", "Immigrant occupations",
            "Economic reasons for immigration", "Human trafficking problem",
            "Relatively few permits", "Immigrants from Central Asia"} <= labels
    assert "Labour migrants from Kyrgyzstan" not in labels
    via = {r["code"]: r["via"] for r in found}
    assert via["Immigrants from Central Asia"] == "group CENTRAL-ASIA"
    kyrgyz = {r["code"] for r in named(release, "study-codes-by-country", country="KGZ")}
    assert "Labour migrants from Kyrgyzstan" in kyrgyz
    kyrgyz_via = {(r["code"], r["via"]) for r in named(release, "study-codes-by-country", country="KGZ")}
    assert ("Labour migrants from Uzbekistan", "direct") not in kyrgyz_via
    assert ("Labour migrants from Uzbekistan", "group CIS") in kyrgyz_via


def test_codes_per_theme_query(release) -> None:
    b3 = named(release, "study-codes-per-theme", theme="B3")
    assert [r["notation"] for r in b3] == [f"B3.{i:02d}" for i in range(1, 11)]
    assert sum(r["count"] or 0 for r in b3) == 4 + 1 + 8 + 1 + 2 + 5
    summary = {r["notation"]: r for r in named(release, "study-theme-summary")}
    assert {k: summary[k]["codes"] for k in THEMES} == {k: v[1] for k, v in THEMES.items()}
    assert summary["B5"]["legibleTotal"] == 29 and summary["B5"]["legible"] == 13
    assert summary["B2"]["legible"] == 0 and summary["B2"]["illegible"] == 17
    assert summary["B1"]["unassigned"] == 5
    assert set(summary["B1"]["strayNumbers"].replace(",", " ").split()) >= {"10", "11", "12", "13", "16"}


# ------------------------------------------------------------------ Chapter 4: findings

FOOTNOTES = {701: 1, 703: 2, 705: 3, 736: 4}


def footnote_groups() -> dict[int, set[str]]:
    """footnote number -> the letters it lists, read from the printed footnotes."""
    groups = {}
    for line_no, number in FOOTNOTES.items():
        inside = re.search(r"Experts \(([^)]*)\)", thesis_lines()[line_no - 1])[1]
        groups[number] = set(re.findall(r"[A-I]", inside))
    return groups


def test_footnoted_expert_groups(release) -> None:
    found = rows(release, """SELECT ?footnote ?letter ?printed WHERE {
        ?f kzo:footnote ?footnote ; kzo:heldBy/kzo:expertLetter ?letter ;
           kzo:expertGroupAsPrinted ?printed }""")
    graph: dict[int, set[str]] = {}
    for row in found:
        graph.setdefault(row["footnote"], set()).add(row["letter"])
        assert row["printed"] in text(701, 736)
    assert graph == footnote_groups()
    assert graph == {1: set("ABCDEF"), 2: set("BCDEF"), 3: set("BEFGH"), 4: set("ABCD")}


def test_pandemic_and_war_query(release) -> None:
    found = named(release, "study-pandemic-and-war")
    groups: dict[str, list[str]] = {}
    for row in found:
        groups.setdefault(row["position"], []).append(row["expert"])
    pandemic = [g for p, g in groups.items() if "pandemic" in p]
    war = [g for p, g in groups.items() if "war" in p]
    assert pandemic == [[f"Expert {x}" for x in "ABCDEF"]]
    assert war == [[f"Expert {x}" for x in "BCDEF"]]
    assert {r["stated"] for r in found if "pandemic" in r["position"]} == {6}
    assert "six Experts" in text(688, 688) and "Five Experts" in text(690, 690)


def test_disagreements(release) -> None:
    found = {r["finding"]: r for r in named(release, "study-contested-findings")}
    persists = found["The inflow from Russia persists"]
    assert set(persists["contesters"].split(", ")) == {"Expert C", "Expert F"}
    assert persists["disputes"] == "Some immigrants are returning to Russia"
    assert "Experts (C) and (F)" in text(692, 692)
    hospitable = found["Kazakhstan is hospitable to Russians"]
    assert (hospitable["holders"], hospitable["contesters"]) == ("Expert E", "Expert D")
    assert "More foreign workers would benefit the country" in found
    uncontested = rows(release, """SELECT ?f WHERE { ?f a kzo:Finding ; kzo:heldBy ?e .
        FILTER NOT EXISTS { ?f kzo:contestedBy ?x } FILTER NOT EXISTS { ?f kzo:disputes ?y } }""")
    assert uncontested, "most findings are not contested"


def test_finding_held_by_all_experts(release) -> None:
    found = rows(release, """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?f kzo:attribution kzc:attribution-all-experts ; kzo:heldBy ?e }""")
    assert found[0]["n"] == 9
    assert "highlighted by all Experts" in re.sub(r"\s+", " ", text(786, 787))


def test_findings_rest_on_findings_chapter_passages(release) -> None:
    found = rows(release, """SELECT ?f ?first ?last WHERE { ?f a kzo:Finding ; prov:wasDerivedFrom ?p .
        ?p kzo:firstLine ?first ; kzo:lastLine ?last }""")
    assert len({r["f"] for r in found}) >= 50
    assert all(675 <= r["first"] <= r["last"] <= 1181 for r in found)
    per_finding: dict[str, list[int]] = {}
    for r in found:
        per_finding.setdefault(r["f"], []).append(r["first"])
    assert all(min(firsts) <= 895 for firsts in per_finding.values()), "each starts in Chapter 4"


def test_findings_name_experts_the_text_names(release) -> None:
    """A finding held by one or two named experts cites a passage that names each of them."""
    found = rows(release, """SELECT ?f ?letter ?first ?last WHERE {
        ?f kzo:attribution kzc:attribution-named ; kzo:heldBy/kzo:expertLetter ?letter ;
           prov:wasDerivedFrom ?p . ?p kzo:firstLine ?first ; kzo:lastLine ?last .
        FILTER NOT EXISTS { ?f kzo:footnote ?n } }""")
    letters: dict[str, set[str]] = {}
    passages: dict[str, str] = {}
    for r in found:
        letters.setdefault(r["f"], set()).add(r["letter"])
        passages[r["f"]] = passages.get(r["f"], "") + text(r["first"], r["last"])
    for finding, held in letters.items():
        printed = re.sub(r"\(O©\)", "(C)", passages[finding])
        for letter in held:
            assert re.search(rf"\({letter}\)|Expert \({letter}\)|Experts? \({letter}\)", printed), \
                (finding, letter)


# ------------------------------------------------------------------ recommendations

def test_eight_recommendations_as_printed(release) -> None:
    found = rows(release, """SELECT ?n ?title ?body ?first WHERE { ?r a kzo:Recommendation ;
        kzo:recommendationNumber ?n ; kzo:recommendationTitle ?title ; kzo:hasBodyText ?body ;
        prov:wasDerivedFrom ?p . ?p kzo:firstLine ?first . FILTER (?first >= 1129) }""")
    by_number = {r["n"]: r for r in found}
    assert sorted(by_number) == list(range(1, 9))
    conclusions = text(1129, 1176)
    for number, row in by_number.items():
        assert f"{number}. {row['title']}" in conclusions, number
    assert [n for n, r in by_number.items() if not r["body"]] == [8]
    assert thesis_lines()[1172].startswith("8. Reviewing and Increasing Quotas")


def test_recommendations_not_addressed(release) -> None:
    not_addressed = named(release, "study-recommendations-not-addressed")
    assert [r["number"] for r in not_addressed] == [1, 7, 8]
    assert all(r["measures"] == "" for r in not_addressed)
    partly = named(release, "study-recommendations-not-addressed", status="partially-addressed")
    assert [r["number"] for r in partly] == [2, 3, 4, 5, 6]
    assert named(release, "study-recommendations-not-addressed", status="addressed") == []
    pea = next(r for r in partly if r["number"] == 6)
    assert pea["measures"] == "Review of the regulation of private employment agencies"


def test_addressing_measures_belong_to_the_2023_2027_concept(release) -> None:
    found = rows(release, """SELECT ?rec ?m ?doc WHERE { ?r kzo:addressedBy ?measure ;
        kzo:recommendationNumber ?rec . ?measure kzo:recordId ?m ;
        kzo:enactedBy/kzo:recordId ?doc }""")
    assert found
    assert {r["doc"] for r in found} == {"pd-concept-2023-2027"}
    assert {r["m"] for r in found if r["rec"] == 5} == {"m-2023-emigrant-labour-contracts",
                                                         "m-2023-bilateral-labour-agreements"}
    measures_text = text(1064, 1085)
    assert "private employment agencies will be reviewed" in re.sub(r"\s+", " ", measures_text)


def test_recommendations_answer_problems_codes_and_findings(release) -> None:
    found = rows(release, """SELECT ?n (COUNT(DISTINCT ?p) AS ?problems) (COUNT(DISTINCT ?c) AS ?codes)
        WHERE { ?r kzo:recommendationNumber ?n ; kzo:answersProblem ?p ; kzo:answersCode ?c } GROUP BY ?n""")
    assert len(found) == 8
    assert all(r["problems"] >= 1 and r["codes"] >= 2 for r in found)
    committee = rows(release, """SELECT ?label WHERE { ?r kzo:recommendationNumber 7 ;
        kzo:answersCode/skos:prefLabel ?label }""")
    assert "The Migration Committee is a weak body" in {r["label"] for r in committee}


# ------------------------------------------------------------------ bad records

BAD = {
    # fixture: (field, words the message must contain)
    "code-count-not-legible.yaml": ("count", "count_status is 'illegible'"),
    "code-legible-no-count.yaml": ("count", "a legible count needs the number"),
    "code-chapter4-theme.yaml": ("theme", "is a Chapter 4 theme"),
    "finding-count-mismatch.yaml": ("stated_expert_count", "speaks of 6 experts but held_by lists 5"),
    "finding-named-no-holders.yaml": ("held_by", "needs held_by"),
    "finding-appendix-theme.yaml": ("theme", "is an Appendix B theme"),
    "finding-footnote-without-group.yaml": ("footnote", "needs held_by and group_as_printed"),
    "rec-not-addressed-with-measure.yaml": ("addressed_by", "marked not-addressed lists measures"),
    "rec-partial-without-note.yaml": ("coverage_note", "a partial coverage needs a note"),
    "rec-number-mismatch.yaml": ("number", "does not match number 39"),
    "expert-letter-mismatch.yaml": ("letter", "and letter 'Y' disagree"),
    "expert-month-date.yaml": ("interview_date", "is not a day"),
    "expert-online-venue.yaml": ("interview_venue", "an online interview has no venue"),
    "study-method-passage.yaml": ("methods", "passage 628-648 of a methods entry"),
    "study-code-totals.yaml": ("analysed_codes", "code totals do not nest"),
    "theme-mapping-same-scheme.yaml": ("close_match", "is in the same scheme"),
    "theme-stray-other-theme.yaml": ("unassigned_counts", "is a code of another theme"),
    "theme-broader-other-scheme.yaml": ("broader", "is a theme of another scheme"),
    "theme-wrong-section.yaml": ("section", "printed in section 'appendix-b', not '4.3'"),
    "theme-chapter4-stray.yaml": ("unassigned_counts", "only Appendix B prints numbers of codes"),
    "theme-broader-self.yaml": ("broader", "cannot be broader than itself"),
    "code-expert-twice.yaml": ("experts", "an expert is listed twice"),
    "finding-holders-not-named.yaml": ("held_by", "attribution is 'some-unnamed'"),
    "finding-disputes-itself.yaml": ("disputes", "cannot dispute itself"),
    "rec-addressed-without-measures.yaml": ("addressed_by", "coverage 'addressed' needs the measures"),
    "rec-body-without-summary.yaml": ("summary", "has body text: summarise it"),
}


@pytest.mark.parametrize("fixture", sorted(BAD))
def test_bad_study_record_is_reported(data_copy: Path, fixture: str) -> None:
    field, words = BAD[fixture]
    shutil.copy(STUDY / fixture, data_copy / f"zz-{fixture}")
    with pytest.raises(RecordErrors) as caught:
        build_graph(read_records(data_copy))
    errors = [e for e in caught.value.errors if e.file.endswith(f"zz-{fixture}")]
    assert errors, f"{fixture} raised no error about itself"
    error = errors[0]
    assert error.field == field
    assert words in error.message
    source = (STUDY / fixture).read_text(encoding="utf-8").splitlines()
    field_lines = [i + 1 for i, line in enumerate(source) if line.strip().startswith(f"{field}:")]
    record_line = next(i + 1 for i, line in enumerate(source) if line.strip().startswith("- id:"))
    assert error.line == (field_lines[0] if field_lines else record_line)
    assert str(error).startswith(f"data/zz-{fixture}:{error.line}:")
    assert error.hint


SHAPE_RULES = [
    ("study-count", "reports 3 participants but 2 expert records"),
    ("expert-named", "labelled exactly as the thesis labels it"),
    ("interview-online-venue", "An online interview has no venue"),
    ("theme-unmapped", "related to a Chapter 4 theme"),
    ("code-illegible-with-count", "goes with count status 'legible'"),
    ("code-legible-no-count", "a legible status needs the number"),
    ("code-bad-notation", "e.g. B3.04"),
    ("finding-count", "speaks of 3 experts but the finding names 2"),
    ("finding-one-way", "does not dispute it back"),
    ("finding-named-nobody", "needs kzo:heldBy"),
    ("rec-not-addressed-with-measure", "marked not-addressed lists no measures"),
    ("rec-old-measure", "measures of the Migration Policy Concept 2023-2027"),
]


@pytest.fixture(scope="module")
def shape_findings() -> set[tuple[str, str]]:
    data = Graph().parse(STUDY / "shapes-bad.ttl")
    for part in ("kzmig.ttl", "imports/external.ttl", "vocab/study-codes.ttl"):
        data.parse(ONTOLOGY_DIR / part)
    conforms, report, _ = validate(data, shacl_graph=Graph().parse(  # advanced: SPARQL targets, as the build
        ONTOLOGY_DIR / "shapes" / "study.ttl"), inference="none", advanced=True)
    assert not conforms
    return {(str(report.value(r, SH.focusNode)).rsplit("/", 1)[-1],
             str(report.value(r, SH.resultMessage)))
            for r in report.subjects(SH.focusNode, None)}


@pytest.mark.parametrize("focus, words", SHAPE_RULES)
def test_study_shape_fires(shape_findings, focus: str, words: str) -> None:
    assert any(f == focus and words in m for f, m in shape_findings), sorted(shape_findings)


def test_valid_study_resources_do_not_fire(shape_findings) -> None:
    assert not [f for f, _ in shape_findings if f.endswith("-ok") or f.endswith("-ok-other")]


COUNT_STATUSES = ("count-legible", "count-illegible", "count-unassigned", "count-garbled")


def test_code_count_rule_holds_for_every_combination_of_status_and_count() -> None:
    """The count rule of kzsh:CodebookCodeShape (an sh:xone) runs only on the codes its SPARQL target
    selects: every combination of zero to two count statuses (one outside the scheme) with and
    without a reported count fires exactly when the sh:xone is broken."""
    combos = [(statuses, count) for n in range(3) for statuses in combinations(COUNT_STATUSES, n)
              for count in (False, True)]
    lines = [P + "PREFIX ex: <https://w3id.org/kzmig/id/fixture/>"]
    for i, (statuses, count) in enumerate(combos):
        lines.append(f"ex:code-{i} a kzo:CodebookCode .")
        lines += [f"ex:code-{i} kzo:countStatus kzc:{status} ." for status in statuses]
        if count:
            lines.append(f"ex:code-{i} kzo:reportedCodeCount 4 .")
    data = Graph().parse(format="turtle", data="\n".join(lines))
    _, report, _ = validate(data, shacl_graph=Graph().parse(ONTOLOGY_DIR / "shapes" / "study.ttl"),
                            inference="none", advanced=True)
    fired = {int(str(report.value(r, SH.focusNode)).rsplit("-", 1)[1])
             for r in report.subjects(SH.focusNode, None)
             if "goes with count status 'legible'" in str(report.value(r, SH.resultMessage))}
    expected = set()
    for i, (statuses, count) in enumerate(combos):
        legible = "count-legible" in statuses and count
        not_legible = set(statuses) <= {"count-illegible", "count-unassigned"} and not count
        if legible == not_legible:  # sh:xone: exactly one of the two must hold
            expected.add(i)
    assert fired == expected, [combos[i] for i in fired ^ expected]
