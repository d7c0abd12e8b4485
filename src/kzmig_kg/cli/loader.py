"""Commands that read documents: ``extract``, ``reconcile``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..errors import KzmigError
from .common import DATA, SOURCES, fail, write_output


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
@click.option("--jurisdiction", metavar="ISO3", help="The state the document is of (e.g. KAZ): a citation "
              "that names no state takes it when the text names no other (ingest reads as KAZ).")
def extract(document: Path, out: Path | None, fmt: str, title: str | None, kinds: tuple[str, ...],
            min_confidence: float, no_titles: bool, encoding: str | None, max_size: int | None,
            jurisdiction: str | None) -> None:
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
                               min_confidence=min_confidence, titles=not no_titles,
                               jurisdiction=jurisdiction.upper() if jurisdiction else None)

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

@click.command()
@click.argument("document", type=click.Path(path_type=Path))
@click.option("--id", "doc_id", help="Id of the document record (default: from the file name).")
@click.option("--date", help="The document's own date, YYYY[-MM[-DD]] (default: its dateline).")
@click.option("--language", help="en, ru or kk (default: guessed from the text).")
@click.option("--genre", type=click.Choice(["news", "press-release", "bulletin", "legal", "report",
                                            "article", "other"]), help="Default: guessed.")
@click.option("--title", help="Title of the document (default: its first line).")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DATA, show_default=True,
              help="Curated records to reconcile with.")
@click.option("--review", "review_dir", type=click.Path(path_type=Path), default=Path("review"),
              show_default=True, help="Where the drafts are written, one folder per document.")
@click.option("--encoding", help="Encoding of a text file (default UTF-8).")
def ingest(document: Path, doc_id: str | None, date: str | None, language: str | None,
           genre: str | None, title: str | None, data_dir: Path, review_dir: Path,
           encoding: str | None) -> None:
    """Register a new document and write its draft records for review.

    Extracts citations and figures, reconciles them with the records in --data and writes, under
    REVIEW/<id>/, the document record, new acts, observations (with what was inferred and any
    conflict with a stored figure), the changes it states as claims (set against the stored
    figures) and the passages to add to acts the graph already holds.
    Nothing is written to --data: `kzmig-kg review --accept ID` does that.

    
    Example:
      kzmig-kg ingest benchmarks/gold/en-news-ranked.txt --id news-2021-03-emigration
    """
    from ..loader.ingest import ingest_document

    try:
        draft = ingest_document(document, data_dir=data_dir, review_dir=review_dir, doc_id=doc_id,
                                date=date, language=language, genre=genre, title=title,
                                encoding=encoding)
    except KzmigError as error:
        fail(error)
    click.echo(f"{draft.doc_id}: {len(draft.acts) + len(draft.foreign_acts)} new acts, "
               f"{len(draft.links)} citations of acts "
               f"the graph holds, {len(draft.observations)} observations, {len(draft.claims)} "
               f"claims, {len(draft.conflicts)} "
               f"conflicts, {len(draft.skipped)} not drafted -> {draft.folder}")
    for conflict in draft.conflicts:
        click.echo(f"  conflict: {conflict}")
    click.echo(f"review with: kzmig-kg review; accept with: kzmig-kg review --accept {draft.doc_id}")


@click.command()
@click.option("--accept", "accept_id", metavar="ID", help="Move the drafts of this document into --data.")
@click.option("--reject", "reject_id", metavar="ID",
              help="Drop the drafts of this document (nothing reaches --data); ingest it again later.")
@click.option("--review", "review_dir", type=click.Path(path_type=Path), default=Path("review"),
              show_default=True)
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DATA, show_default=True)
@click.option("--sources", "sources_dir", type=click.Path(path_type=Path), default=SOURCES,
              show_default=True, help="Directory holding the thesis (to locate its passages again).")
def review(accept_id: str | None, reject_id: str | None, review_dir: Path, data_dir: Path,
           sources_dir: Path) -> None:
    """List the drafts waiting for review with their evidence, or accept or reject one document's
    drafts.

    Accepting checks the drafts on a copy of --data (records load, passages are found) and only
    then moves them in; `kzmig-kg build` publishes them with provenance to the new document.
    Rejecting removes the document's drafts folder and nothing else.

    
    Examples:
      kzmig-kg review
      kzmig-kg review --accept news-2021-03-emigration
      kzmig-kg review --reject news-2021-03-emigration
    """
    from ..loader.review import accept_drafts, list_drafts, reject_drafts

    if accept_id and reject_id:
        fail(KzmigError("review: give --accept or --reject, not both"))
    try:
        if reject_id:
            folder = reject_drafts(reject_id, review_dir=review_dir)
            click.echo(f"{reject_id} rejected: {folder} removed; nothing was written to {data_dir}")
            return
        if accept_id:
            changed = accept_drafts(accept_id, review_dir=review_dir, data_dir=data_dir,
                                    sources_dir=sources_dir)
            click.echo(f"{accept_id} accepted: " + ", ".join(str(p) for p in changed))
            return
        pending = list_drafts(review_dir)
    except KzmigError as error:
        fail(error)
    if not pending:
        click.echo(f"no drafts waiting in {review_dir}")
    for doc in pending:
        s = doc.summary
        click.echo(f"{doc.doc_id}: {s['document'].get('title')} ({s['document'].get('genre')}, "
                   f"{s['document'].get('language')}, {s['document'].get('date', 'undated')})")
        for act in s.get("acts", []):
            what = (f"{act.get('jurisdiction', 'kz')} {act.get('act_type')} No. {act.get('number')}, "
                    f"{act.get('date', 'undated')}")
            click.echo(f"  new act {act['id']} ({what}): {act['cited_as'][0]!r} "
                       f"[{', '.join(act['passages'])}]")
        for link in s.get("links", []):
            flag = f" CONFLICT: {link['conflict']}" if link.get("conflict") else ""
            click.echo(f"  cites {link['record']}: line {link['line']} {link['cited_as']!r}{flag}")
        for row in s.get("observations", []):
            click.echo(f"  observation {row['id']} = {row['value']}: line {row['line']} "
                       f"{row['text']!r}" + (f" ({row['note']})" if row.get("note") else ""))
        for claim in s.get("claims", []):
            click.echo(f"  claim {claim['id']} = {claim['stated']}%: {', '.join(claim['passages'])} "
                       f"({claim['note']})")
        for skipped in s.get("skipped", []):
            click.echo(f"  not drafted: {skipped}")
        click.echo(f"  to act on it: correct or delete a draft in {doc.folder}/ (acts.yaml, "
                   f"observations.csv, claims.yaml, links.yaml), then kzmig-kg review --accept "
                   f"{doc.doc_id}, or drop it all with kzmig-kg review --reject {doc.doc_id}")


COMMANDS = (extract, reconcile, ingest, review)
