"""The layout holds: rooms by role, imports only downwards, no cycles (import-linter, configured in
pyproject.toml), and a docstring per room naming its entry points and what it may import."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

SRC = ROOT / "src"
ROOMS = ("mapping", "kinds", "pipeline", "query", "loader", "publish", "cli")


def lint_imports(src: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter with the project's contracts on the package tree under ``src``."""
    command = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    return subprocess.run(
        [command, "--no-cache", str(ROOT / "pyproject.toml")], cwd=tmp_path, capture_output=True,
        text=True, timeout=120, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"})


def test_the_import_contracts_are_kept(tmp_path: Path) -> None:
    result = lint_imports(SRC, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_an_upward_import_and_a_cycle_are_named(tmp_path: Path) -> None:
    copy = tmp_path / "src"
    shutil.copytree(SRC / "kzmig_kg", copy / "kzmig_kg",
                    ignore=shutil.ignore_patterns("__pycache__"))
    with open(copy / "kzmig_kg" / "pipeline" / "graph.py", "a", encoding="utf-8") as handle:
        handle.write("\nfrom ..publish import export as _upward  # noqa\n")
    with open(copy / "kzmig_kg" / "query" / "named.py", "a", encoding="utf-8") as handle:
        handle.write("\nfrom . import run as _cycle  # noqa\n")
    with open(copy / "kzmig_kg" / "kinds" / "acts.py", "a", encoding="utf-8") as handle:
        handle.write("\nfrom ..pipeline import store as _store  # noqa\n")
    result = lint_imports(copy, tmp_path)
    assert result.returncode != 0
    assert "kzmig_kg.pipeline.graph -> kzmig_kg.publish.export" in result.stdout
    assert "kzmig_kg.kinds.acts -> kzmig_kg.pipeline.store" in result.stdout
    assert ".named -> .run" in result.stdout


@pytest.mark.parametrize("room", ROOMS)
def test_every_room_says_what_it_holds_and_may_import(room: str) -> None:
    module = importlib.import_module(f"kzmig_kg.{room}")
    doc = module.__doc__ or ""
    assert len(doc.split()) >= 15, f"kzmig_kg.{room} needs a docstring naming its entry points"
    assert "import" in doc, f"kzmig_kg.{room}'s docstring must say what it may import"


def test_no_module_is_left_beside_the_rooms() -> None:
    top = sorted(p.name for p in (SRC / "kzmig_kg").iterdir()
                 if p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists()))
    assert top == sorted(["__init__.py", "errors.py", "namespaces.py", "paths.py", *ROOMS])
