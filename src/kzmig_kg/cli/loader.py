"""Commands that read documents: ``extract``, ``reconcile``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..errors import KzmigError
from .common import DATA, fail, write_output


@click.command()
@click.argument("document", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), help="Write to this file (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "jsonld", "jsonl"]), default="ttl",
              show_default=True, help="RDF (Web Annotation) or one JSON object per item.")
@click.option("--title", help="Title of the document, recorded with its checksum and size.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["citation", "date", "figure"]),
              help="Only these kinds of item (repeatable; default all).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out items below this confidence.")
@click.option("--no-titles", is_flag=True, help="Leave out acts cited by title only (no number).")
@click.option("--encoding", help="Encoding of a text file (default UTF-8, or its byte-order mark).")
@click.option("--max-size", type=click.IntRange(1), help="Refuse files larger than this many MB "
              "(default 256 for text, 128 for PDF).")
def extract(document: Path, out: Path | None, fmt: str, title: str | None, kinds: tuple[str, ...],
            min_confidence: float, no_titles: bool, encoding: str | None, max_size: int | None) -> None:
    """Extract legal-act citations, dates and migration figures from a text or PDF document.

    Each item is anchored by character offsets and line number, as a Web Annotation in RDF or,
    with --format jsonl, as a JSON object (kind, start, end, line, fields).

    \b
    Examples:
      kzmig-kg extract report.pdf --out report.ttl
      kzmig-kg extract thesis.txt --format jsonl --kind citation
    """
    from ..loader.extract import extract_document
    from ..loader.to_rdf import write_jsonl, write_rdf

    counts: Counter = Counter()

    def counted(items):
        for item in items:
            counts[item.kind] += 1
            yield item

    try:
        run = extract_document(document, title=title, encoding=encoding,
                               max_bytes=max_size * (1 << 20) if max_size else None,
                               kinds=kinds or ("citation", "date", "figure"),
                               min_confidence=min_confidence, titles=not no_titles)

        def write(stream) -> None:
            items = counted(run.items())
            if fmt == "jsonl":
                write_jsonl(stream, items)
            else:
                write_rdf(stream, fmt, run.document, run.sections, items)

        write_output(out, write)
    except KzmigError as error:
        fail(error)
    info = run.document
    for warning in info.warnings:
        click.echo(f"warning: {info.path}: {warning}", err=True)
    click.echo(f"{info.name}: {sum(counts.values())} items ("
               + ", ".join(f"{k} {counts[k]}" for k in ("citation", "date", "figure") if k in counts)
               + f"), {len(run.sections)} sections, {info.lines} lines, sha256 {info.sha256[:12]}…"
               + (f" -> {out}" if out else ""), err=True)


@click.command()
@click.argument("document", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "ttl", "nt", "jsonld"]), default="table",
              show_default=True)
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DATA, show_default=True,
              help="Curated records to compare with.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path),
              help="Compare with a built release store (e.g. dist/store) instead of --data.")
@click.option("--show", multiple=True, type=click.Choice(["match", "disagreement", "missing",
                                                          "not-compared"]),
              help="Table rows to list (repeatable; default: match, disagreement, missing).")
@click.option("--out", type=click.Path(path_type=Path), help="Write to this file (default: stdout).")
@click.option("--encoding", help="Encoding of a text file (default UTF-8).")
def reconcile(document: Path, fmt: str, data_dir: Path, store_dir: Path | None, show: tuple[str, ...],
              out: Path | None, encoding: str | None) -> None:
    """Compare what a document cites and states with the graph's acts and observations.

    Citations resolve to acts (type + normalised number + year); flow figures to observations
    (direction + country + period + value). Reports matches, disagreements and what the document
    states that the graph lacks, as a table or as RDF.

    \b
    Examples:
      kzmig-kg reconcile ../shared/sources/000_81b0946b00ba0bf2.txt
      kzmig-kg reconcile report.pdf --show missing --show disagreement
      kzmig-kg reconcile report.pdf --format ttl --out report-reconciled.ttl
    """
    from ..loader.reconcile import reconcile_document, write_rdf, write_table

    try:
        report = reconcile_document(document, data_dir=data_dir, store_dir=store_dir,
                                    encoding=encoding)
        if fmt == "table":
            write_output(out, lambda s: write_table(s, report, show or ("match", "disagreement",
                                                                          "missing")))
        else:
            write_output(out, lambda s: write_rdf(s, report, fmt))
    except KzmigError as error:
        fail(error)

COMMANDS = (extract, reconcile)
