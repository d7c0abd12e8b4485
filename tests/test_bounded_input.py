"""Bounded input: a text without newlines is read in bounded memory with its lines counted right."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from kzmig_kg.loader.reader import open_document


def test_a_text_without_newlines_is_read_in_bounded_memory(tmp_path: Path) -> None:
    words = "Migration to Kazakhstan grew in 2019 under Law No. 477-IV of 2011. "
    path = tmp_path / "one-line.txt"
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(8 * 2**20 // len(words)):  # 8 MB on one line
            handle.write(words)
    tracemalloc.start()
    source = open_document(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert source.info.lines == 1
    assert source.info.characters == path.stat().st_size
    assert peak < 2**20 * 8, f"reading kept {peak >> 20} MiB: the line was held whole"


def test_line_offsets_after_a_long_line_are_right(tmp_path: Path) -> None:
    path = tmp_path / "long-then-short.txt"
    path.write_text("x" * 300_000 + "\nshort line\nlast\n", encoding="utf-8")
    source = open_document(path)
    assert source.info.lines == 3 and source.info.characters == 300_000 + 17
