"""Kazakhstan's act types are data (the `kz` scheme in data/jurisdictions/kz.yaml), not code: the
acts' classes and types, and the act-type vocabulary, are those the release had when the types
were written in kinds/acts.py (tests/manifests/act-types.tsv and act-type-vocabulary.nt were
taken from that release, plus the acts known only from their Adilet pages, the type of
acts of the Kazakh SSR, and the tenth round's types of local acts and courts' normative
resolutions); a type added to the scheme is usable with no change to the code; a scheme that
lacks a field is named in one line."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from rdflib import Graph
from rdflib.compare import to_isomorphic

from kzmig_kg.paths import PROJECT_DIR

MANIFESTS = Path(__file__).parent / "manifests"
ACT_TYPES = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?act ?type ?doc WHERE { ?act eli:type_document ?doc ; a ?type . }"""
VOCABULARY = """
SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/kzmig/graph/vocab/act> { ?s ?p ?o } }"""


def test_every_act_keeps_its_classes_and_type_from_before_the_move(release):
    rows = {(r["act"], r["type"], r["doc"]) for r in release.query(ACT_TYPES)}
    lines = (MANIFESTS / "act-types.tsv").read_text(encoding="utf-8").splitlines()[1:]
    pinned = {tuple(line.split("\t")) for line in lines}
    assert len(pinned) == 228
    assert rows == pinned


def test_the_act_type_vocabulary_is_the_one_the_code_wrote_before(release):
    graph = Graph()
    for line in (MANIFESTS / "act-type-vocabulary.nt").read_text(encoding="utf-8").splitlines():
        graph.parse(data=line, format="nt")
    served = Graph()
    for quad in release.dataset.quads((None, None, None, None)):
        if str(quad[3]) == "https://w3id.org/kzmig/graph/vocab/act":
            served.add(quad[:3])
    assert len(graph) == 192
    assert to_isomorphic(served) == to_isomorphic(graph)


def test_no_code_names_a_kazakh_act_type():
    slugs = {line.split("{id: ")[1].split(",")[0] for line in
             (PROJECT_DIR / "data" / "jurisdictions" / "kz.yaml").read_text(encoding="utf-8").splitlines()
             if "{id: " in line and "class:" in line}
    assert {"zakon", "kodeks", "postanovlenie", "dogovor"} <= slugs
    named = []
    for path in (PROJECT_DIR / "src" / "kzmig_kg").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in slugs:
                named.append(f"{path.name}:{node.lineno} {node.value!r}")
    assert named == []


def _run(code: str, scheme: Path) -> subprocess.CompletedProcess:
    # the scheme is read when kinds/acts.py is imported: point the constant at another file first
    prelude = ("import kzmig_kg.paths as p; from pathlib import Path; "
               f"p.KAZAKH_SCHEME = Path({str(scheme)!r}); ")
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True,
                          timeout=120)


def test_a_type_added_to_the_scheme_is_an_act_type_with_no_code_change(tmp_path):
    scheme = tmp_path / "kz.yaml"
    text = (PROJECT_DIR / "data" / "jurisdictions" / "kz.yaml").read_text(encoding="utf-8")
    scheme.write_text(text.replace(
        "      - {id: zakon,",
        "      - {id: postanovlenie-tsik, class: ElectionCommissionResolution, en: Resolution of the "
        "Central Election Commission, ru: Постановление Центральной избирательной комиссии, "
        "generic: election-commission-resolution}\n      - {id: zakon,"), encoding="utf-8")
    done = _run("from kzmig_kg.kinds.acts import ACT_TYPES; "
                "t = ACT_TYPES['election-commission-resolution']; print(t.slug, t.cls)", scheme)
    assert done.stdout.split() == ["postanovlenie-tsik", "ElectionCommissionResolution"], done.stderr


def test_a_scheme_type_without_its_class_is_named_in_one_line(tmp_path):
    scheme = tmp_path / "kz.yaml"
    text = (PROJECT_DIR / "data" / "jurisdictions" / "kz.yaml").read_text(encoding="utf-8")
    scheme.write_text(text.replace("{id: zakon, class: Law, ", "{id: zakon, "), encoding="utf-8")
    done = _run("from kzmig_kg.errors import KzmigError\ntry:\n import kzmig_kg.kinds.acts\n"
                "except KzmigError as e:\n print(e)", scheme)
    [line] = done.stdout.splitlines()
    assert line.startswith(f"{scheme}: Kazakhstan's act types cannot be read") and "'class'" in line
