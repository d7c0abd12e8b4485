"""Ingest speed: a 20-page report (the gold documents' paragraphs repeated with other years and
numbers, about 3,000 characters a page) through ``ingest_document`` into a temporary review
folder, against the obvious alternative of extraction alone (what ingest adds: reconciliation
with the records and writing the drafts).

    .venv/bin/python benchmarks/ingest_speed.py [--pages 20]

Prints the seconds of each, their ratio, and the load average of the machine.
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
import time
from pathlib import Path

from kzmig_kg.loader.extract import extract_document
from kzmig_kg.loader.ingest import ingest_document

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold"
PAGE_CHARS = 3000


def make_report(pages: int) -> str:
    """A report of ``pages`` pages: numbered sections of the gold documents with shifted figures."""
    parts = ["A report on migration in Kazakhstan\n\nDated 1 June 2023\n"]
    sources = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt"))]
    section = 0
    while sum(len(p) for p in parts) < pages * PAGE_CHARS:
        text = sources[section % len(sources)]
        shift = section // len(sources)
        text = re.sub(r"\b(\d{1,3}),(\d{3})\b", lambda m, s=shift: f"{m[1]},{int(m[2]) + s:03d}"[:7], text)
        section += 1
        parts.append(f"\n{section}. Part {section}\n\n{text}")
    return "".join(parts)


def measure(pages: int = 20) -> str:
    """Extraction alone and ingest of a report of ``pages`` pages; one line with the load."""
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.txt"
        report.write_text(make_report(pages), encoding="utf-8")
        size = report.stat().st_size
        started = time.perf_counter()
        items = extract_document(report, document_date="2023-06-01").all_items()
        extract_seconds = time.perf_counter() - started
        started = time.perf_counter()
        draft = ingest_document(report, data_dir=ROOT / "data",
                                review_dir=Path(work) / "review", doc_id="speed-report")
        ingest_seconds = time.perf_counter() - started
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{pages} pages ({size} bytes, {len(items)} items): extraction alone "
            f"{extract_seconds:.2f} s, ingest {ingest_seconds:.2f} s (target < 5 s; "
            f"{ingest_seconds / extract_seconds:.1f}x; {len(draft.observations)} observations, "
            f"{len(draft.claims)} claims, {len(draft.acts)} new acts, {len(draft.links)} links, "
            f"{len(draft.conflicts)} conflicts); load average {load}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    print(measure(args.pages))


if __name__ == "__main__":
    main()
