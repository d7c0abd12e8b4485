"""Bounded input: text without newlines in bounded memory; encrypted PDFs read or named."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from kzmig_kg.loader.extract import DocumentError, extract_document
from kzmig_kg.loader.reader import open_document

from .test_extract import PDF_PAGES, make_pdf


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


def _aes(plain: Path, target: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    with open(target, "wb") as handle:
        writer.write(handle)
    return target


def test_an_aes_pdf_with_an_empty_password_reads(tmp_path: Path) -> None:
    path = _aes(make_pdf(tmp_path / "plain.pdf", PDF_PAGES), tmp_path / "protected.pdf", "")
    run = extract_document(path)
    assert any("encrypted" in w for w in run.document.warnings)
    assert len([i for i in run.all_items() if i.kind == "citation"]) == 2


def test_an_aes_pdf_with_a_password_is_named_as_such(tmp_path: Path) -> None:
    path = _aes(make_pdf(tmp_path / "plain.pdf", PDF_PAGES), tmp_path / "locked.pdf", "secret")
    with pytest.raises(DocumentError, match=r"locked.pdf: is an encrypted PDF that needs a password"):
        extract_document(path)


def _one_line_document(path: Path, filler_words: int, citation: str,
                       sentence: str = "Migration grew in the region as workers moved for "
                                       "seasonal jobs. ") -> int:
    """A text without newlines: filler, the citation, filler; the citation's offset."""
    filler = sentence * filler_words
    path.write_text(filler + citation + " " + filler, encoding="utf-8")
    return len(filler)


def test_a_citation_straddling_a_window_boundary_is_found_once(tmp_path: Path) -> None:
    """Windows of a newline-free text end at a sentence or a space, with context beyond: a
    citation cut by a window's end is found by that window, once, as in one window."""
    citation = "Law of the Republic of Kazakhstan No. 477-IV of 22 July 2011 On Population Migration."
    path = tmp_path / "one-line.txt"
    start = _one_line_document(path, 200, citation)   # about 13,000 characters on each side
    run = extract_document(path)
    whole = [(i.kind, i.start, i.end, i.fields) for i in run.items()]
    run.window_chars = 8192
    windows = list(run.source.windows(run.window_chars))
    assert len(windows) >= 3
    assert all(len(w.text) <= 8192 + 2 * 4096 for w in windows), "a window carries the buffer"
    assert all(w.text[w.emit_to - w.offset - 1] in " .\n" for w in windows[:-1]), \
        "a window of a newline-free text ends at a space or a sentence end"
    split = [(i.kind, i.start, i.end, i.fields) for i in run.items()]
    assert split == whole
    found = [i for i in split if i[0] == "citation" and i[3].get("number") == "477-IV"]
    assert len(found) == 1 and found[0][1] >= start


def test_a_window_boundary_inside_a_citation_still_finds_it(tmp_path: Path) -> None:
    """The window size chosen so that its first end falls inside the citation (at a space in
    it): the citation starts in the first window and is read whole from its context."""
    citation = "Law of the Republic of Kazakhstan No. 477-IV of 22 July 2011 On Population Migration."
    path = tmp_path / "one-line.txt"
    start = _one_line_document(path, 150, citation,  # no sentence end: cut at a space
                               sentence="workers moved for seasonal jobs and ")
    run = extract_document(path)
    whole = [(i.kind, i.start, i.end, i.fields) for i in run.items()]
    run.window_chars = start + 30          # cut in the middle of "No. 477-IV"
    first = next(iter(run.source.windows(run.window_chars)))
    assert start < first.emit_to < start + len(citation), (start, first.emit_to)
    split = [(i.kind, i.start, i.end, i.fields) for i in run.items()]
    assert split == whole
    assert [i for i in split if i[0] == "citation" and i[3].get("number") == "477-IV"]
