"""The SHACL shapes are well-formed SHACL: every shapes file validates against the SHACL-SHACL
shapes graph (SHACL 1.0, Appendix C), as shipped by pyshacl; a malformed fixture makes it fire."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from pyshacl import validate
from rdflib import Graph

from tests.conftest import FIXTURES, ROOT

SHAPES = sorted((ROOT / "ontology" / "shapes").glob("*.ttl"))


def conforms_to_shacl_shacl(*paths: Path) -> tuple[bool, str]:
    shacl_shacl = Graph().parse(str(files("pyshacl") / "assets" / "shacl-shacl.ttl"), format="turtle")
    shapes = Graph()
    for path in paths:
        shapes.parse(path, format="turtle")
    conforms, _, text = validate(shapes, shacl_graph=shacl_shacl,
                                 inference="none", advanced=False,
                                 max_validation_depth=200)  # long sh:in lists nest deeply
    return conforms, text


def test_shapes_validate_against_shacl_shacl() -> None:
    assert len(SHAPES) >= 11
    conforms, text = conforms_to_shacl_shacl(*SHAPES)
    assert conforms, text


def test_shacl_shacl_fires_on_a_malformed_shape() -> None:
    conforms, text = conforms_to_shacl_shacl(FIXTURES / "shapes" / "malformed-shape.ttl")
    assert not conforms and "minCount" in text
