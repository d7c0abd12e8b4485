"""The curator's review of ingested drafts: ``list_drafts(review_dir)``,
``accept_drafts(doc_id, review_dir=..., data_dir=..., sources_dir=...)`` and
``reject_drafts(doc_id, review_dir=...)``.

Accepting applies the drafts to a temporary copy of data/ first (the document's record appended
to ``documents.yaml``, its text and records under ``data/ingested/<doc-id>/``, a passage added to
each existing record the document cites again), reads every record back and locates every
passage (``passages --sync`` on the copy); only when all of that succeeds are the changed files
renamed into data/, and the review folder removed. A draft that does not load leaves data/ as it
was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import KzmigError
from .held_acts import fold_held_acts

_NOT_RECORDS = {"review.json", "links.yaml", "document.yaml"}
_ID = re.compile(r"[a-z0-9][a-z0-9._-]{1,60}")     # as ingest names a document


@dataclass
class Pending:
    """One ingested document waiting for review, with its drafts and their evidence."""

    doc_id: str
    folder: Path
    summary: dict


def list_drafts(review_dir: Path) -> list[Pending]:
    """The documents waiting in ``review_dir``, by id."""
    if not review_dir.is_dir():
        return []
    pending = []
    for folder in sorted(p for p in review_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        summary_file = folder / "review.json"
        if not summary_file.is_file():
            raise KzmigError(f"{folder}: no review.json; not a folder written by kzmig-kg ingest")
        try:
            summary = json.loads(summary_file.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise KzmigError(f"{summary_file}:{error.lineno}: not valid JSON ({error.msg}); ingest the "
                             "document again") from None
        pending.append(Pending(folder.name, folder, summary))
    return pending


def _record_files(data_dir: Path) -> dict[str, Path]:
    """Which YAML file holds each record id written as ``- id: X``."""
    where: dict[str, Path] = {}
    for path in sorted(data_dir.rglob("*.yaml")):
        for match in re.finditer(r"(?m)^\s*-\s+id:\s*['\"]?([\w.-]+)", path.read_text(encoding="utf-8")):
            where.setdefault(match.group(1), path)
    return where


def _add_passage(path: Path, record_id: str, locator: str, shown: Path) -> None:
    """Add a passage locator to one record of a YAML file, editing only that record's lines;
    ``shown`` is the file in data/ that ``path`` (its working copy) stands for, named in errors."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next((i for i, line in enumerate(lines)
                  if re.match(rf"\s*-\s+id:\s*['\"]?{re.escape(record_id)}['\"]?\s*$", line)), None)
    if start is None:
        raise KzmigError(f"{shown}: record {record_id} not found; accept cannot add its passage")
    indent = len(lines[start]) - len(lines[start].lstrip()) + 2
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or
                                len(lines[end]) - len(lines[end].lstrip()) >= indent):
        end += 1
    for index in range(start + 1, end):
        match = re.match(r"(\s*passages:\s*\[)(.*)\](\s*)$", lines[index])
        if match:
            items = [x.strip() for x in match.group(2).split(",") if x.strip()]
            if json.dumps(locator) not in items and locator not in items:
                items.append(json.dumps(locator))
            lines[index] = f"{match.group(1)}{', '.join(items)}]{match.group(3)}"
            break
        if re.match(r"\s*passages:\s*$", lines[index]):
            _add_to_block_list(lines, index, locator)
            break
    else:
        lines.insert(end, " " * indent + f"passages: [{json.dumps(locator)}]")
    path.write_text("\n".join(lines), encoding="utf-8")


def _add_to_block_list(lines: list[str], key: int, locator: str) -> None:
    """Add ``locator`` to the block list under ``passages:`` at ``lines[key]`` (one item a line, as
    ``ingest`` writes its drafts), after its last item and at its items' indentation."""
    key_indent = len(lines[key]) - len(lines[key].lstrip())
    last, item_indent = key, key_indent + 2
    for index in range(key + 1, len(lines)):
        match = re.match(r"(\s*)-\s+(.*?)\s*$", lines[index])
        if not match or len(match.group(1)) < key_indent:
            break
        if match.group(2).strip("'\"") == locator:
            return
        last, item_indent = index, len(match.group(1))
    lines.insert(last + 1, " " * item_indent + f"- {json.dumps(locator)}")


def _append_document(documents: Path, record: dict) -> None:
    text = documents.read_text(encoding="utf-8")
    block = yaml.safe_dump([record], allow_unicode=True, sort_keys=False, width=100)
    indented = "".join(f"  {line}" if line.strip() else line for line in block.splitlines(True))
    documents.write_text(text.rstrip("\n") + "\n" + indented, encoding="utf-8")


def _drafts_folder(doc_id: str, review_dir: Path) -> Path:
    """The folder of ``doc_id``'s drafts; an id that is not a plain name (``../x``) or has no drafts
    is refused, so accept and reject touch only what ingest wrote."""
    folder = review_dir / doc_id
    if not _ID.fullmatch(doc_id) or not (folder / "review.json").is_file():
        waiting = ", ".join(p.doc_id for p in list_drafts(review_dir)) or "none"
        raise KzmigError(f"{folder}: no drafts for {doc_id!r} (waiting: {waiting}); run kzmig-kg "
                         "ingest DOC first, or give one of the ids waiting")
    return folder


def _draft_yaml(path: Path, key: str, *, required: bool) -> list[dict]:
    """The list under ``key`` in one draft file, each entry a mapping; a file edited into
    something else is refused naming it."""
    if not path.is_file():
        if required:
            raise KzmigError(f"{path}: missing; ingest the document again (kzmig-kg review --reject "
                             f"{path.parent.name}, then kzmig-kg ingest)")
        return []
    try:
        top = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise KzmigError(f"{path}{line}: not valid YAML ({getattr(error, 'problem', None) or error}); "
                         "correct it and accept again") from None
    entries = top.get(key) if isinstance(top, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries) or \
            (required and not entries):
        raise KzmigError(f"{path}: field {key!r} must be a list of mappings, as ingest wrote it; "
                         "correct it and accept again")
    if key == "links":
        for number, entry in enumerate(entries, 1):
            if not isinstance(entry.get("record"), str) or not isinstance(entry.get("passage"), str):
                raise KzmigError(f"{path}: link {number}: fields 'record' and 'passage' are needed; "
                                 "correct it or delete the link, then accept again")
    return entries


def reject_drafts(doc_id: str, *, review_dir: Path) -> Path:
    """Drop the drafts of ``doc_id`` (a document the curator will not take in); data/ is not touched.
    The folder removed."""
    folder = _drafts_folder(doc_id, review_dir)
    shutil.rmtree(folder)
    return folder


def accept_drafts(doc_id: str, *, review_dir: Path, data_dir: Path, sources_dir: Path) -> list[Path]:
    """Move the drafts of ``doc_id`` into data/ after checking them on a copy; the changed paths."""
    from ..pipeline.graph import build_graph
    from ..pipeline.passages import PASSAGES_TABLE, sync_passages
    from ..pipeline.records import read_records

    if _ID.fullmatch(doc_id) and (data_dir / "ingested" / doc_id).is_dir() and \
            not (review_dir / doc_id).exists():
        raise KzmigError(f"{data_dir / 'ingested' / doc_id}: {doc_id!r} was accepted already; nothing "
                         "waits for review under that id (kzmig-kg build publishes it)")
    folder = _drafts_folder(doc_id, review_dir)
    # the files the curator reads and edits are what is accepted; review.json is only the evidence
    document = _draft_yaml(folder / "document.yaml", "records", required=True)[0]
    links = _draft_yaml(folder / "links.yaml", "links", required=False)
    target = data_dir / "ingested" / doc_id
    if target.exists():
        raise KzmigError(f"{target} already exists: {doc_id} was accepted before")
    work = Path(tempfile.mkdtemp(dir=data_dir.resolve().parent, prefix=".accept-"))
    try:
        copy = work / "data"
        shutil.copytree(data_dir, copy)
        held = _record_files(copy)
        (copy / "ingested").mkdir(exist_ok=True)
        staged = copy / "ingested" / doc_id
        staged.mkdir()
        for item in folder.iterdir():
            if item.name not in _NOT_RECORDS:
                shutil.copy2(item, staged / item.name)
        # an act drafted as new that another document's accept has put into data/ since
        links = links + fold_held_acts(staged, held, shown_draft=folder, shown_data=data_dir, copy=copy)
        changed = {Path("documents.yaml"), Path(PASSAGES_TABLE)}
        _append_document(copy / "documents.yaml", document)
        files = _record_files(copy)
        for link in links:
            path = files.get(link["record"])
            if path is None:
                raise KzmigError(f"{folder / 'links.yaml'}: record {link['record']} is not in "
                                 f"{data_dir}; ingest the document again against these records")
            _add_passage(path, link["record"], link["passage"], data_dir / path.relative_to(copy))
            changed.add(path.relative_to(copy))
        read_records(copy)                      # every record loads, every reference resolves
        sync_passages(copy, sources_dir)        # every passage is found in its document
        build_graph(read_records(copy))         # and maps (rules across records: Adilet evidence)
        (data_dir / "ingested").mkdir(exist_ok=True)
        os.replace(staged, target)
        for relative in sorted(changed):
            os.replace(copy / relative, data_dir / relative)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(folder)
    return [target, *(data_dir / p for p in sorted(changed))]
