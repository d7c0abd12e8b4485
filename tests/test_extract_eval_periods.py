"""The evaluation compares a figure's period by its months, so that two ways of writing the same
months agree ("2026-5M" and "2026-M01-M05") and different months do not."""

from __future__ import annotations

import functools
import importlib.util
import sys

import pytest

from .conftest import ROOT


@functools.cache
def _extract_eval():
    spec = importlib.util.spec_from_file_location(
        "extract_eval", ROOT / "benchmarks" / "extract_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)   # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("one", "other"), [
    ("2026-5M", "2026-M01-M05"), ("2026-9M", "2026-M01-M09"), ("2026-Q3", "2026-M07-M09"),
    ("2025-H1", "2025-M01-M06"), ("2025-H2", "2025-M07-M12"), ("2026-M01-M01", "2026-1M"),
])
def test_the_same_months_written_two_ways_agree(one: str, other: str) -> None:
    months = _extract_eval().period_months
    assert months(one) == months(other)


@pytest.mark.parametrize(("one", "other"), [
    ("2026-5M", "2026-M02-M05"), ("2026-9M", "2025-9M"), ("2026-Q3", "2026-9M"),
    ("2025", "2025-H1"), ("1991/2025", "2025"),
])
def test_different_periods_differ(one: str, other: str) -> None:
    months = _extract_eval().period_months
    assert months(one) != months(other)
