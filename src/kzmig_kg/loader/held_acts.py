"""Drafted acts that data/ has come to hold since the document was ingested.

Two documents that cite the same act the graph lacks, both ingested before either is accepted,
each draft it as a new act under the same id (ids are made from type, year and number). The
first accept puts that act into data/; when the second is accepted, ``fold_held_acts`` turns its
draft of the act into passages of the record now held, so the act stays one record with the
passages of both documents. A draft whose id is held by a different act is refused, naming both.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import KzmigError

__all__ = ["ACT_DRAFT_FILES", "fold_held_acts"]

ACT_DRAFT_FILES = {"acts.yaml": "act", "jurisdiction-acts.yaml": "jurisdiction-act"}
_IDENTITY = ("act_type", "number", "jurisdiction")


def _record_line(text: str, record_id: str) -> int:
    match = re.search(rf"(?m)^\s*-\s+id:\s*['\"]?{re.escape(record_id)}['\"]?\s*$", text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _held_record(path: Path, record_id: str) -> tuple[str | None, dict | None]:
    top = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(top, dict):
        return None, None
    record = next(
        (r for r in top.get("records") or [] if isinstance(r, dict) and r.get("id") == record_id), None
    )
    return top.get("kind"), record


def _same_act(draft: dict, held: dict) -> bool:
    if any(str(draft.get(k) or "") != str(held.get(k) or "") for k in _IDENTITY):
        return False
    draft_date, held_date = str(draft.get("date") or ""), str(held.get("date") or "")
    if draft_date[:4] != held_date[:4]:
        return False
    # one citation may give only the year ("Закон № 98 2008 года"): a day on both sides must agree
    return len(draft_date) < 10 or len(held_date) < 10 or draft_date == held_date


def _describe(record: dict) -> str:
    return f"{record.get('act_type')} No. {record.get('number')}, {record.get('date') or 'undated'}" + (
        f", {record['jurisdiction']}" if record.get("jurisdiction") else ""
    )


def fold_held_acts(
    staged: Path, held: dict[str, Path], *, shown_draft: Path, shown_data: Path, copy: Path
) -> list[dict]:
    """Remove from the staged act drafts every act ``held`` (record id -> file of the copy of data/)
    already has, and return the links that add their passages to the held records.

    ``shown_draft`` is the review folder and ``shown_data`` the data/ folder the copy stands for,
    named in errors."""
    links: list[dict] = []
    for name, kind in ACT_DRAFT_FILES.items():
        path = staged / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        top = yaml.safe_load(text) or {}
        records = top.get("records") if isinstance(top, dict) else None
        if not isinstance(records, list):
            continue  # read_records names a file edited into something it cannot read
        kept = []
        for record in records:
            record_id = record.get("id") if isinstance(record, dict) else None
            if record_id not in held:
                kept.append(record)
                continue
            held_kind, held_record = _held_record(held[record_id], record_id)
            where = shown_data / held[record_id].relative_to(copy)
            if held_kind != kind or held_record is None or not _same_act(record, held_record):
                held_text = _describe(held_record) if held_record else f"a {held_kind} record"
                raise KzmigError(
                    f"{shown_draft / name}:{_record_line(text, record_id)}: field 'id': "
                    f"{record_id!r} ({_describe(record)}) is already the id of another record in "
                    f"{where} ({held_text}); give the draft another id and accept again"
                )
            links += [{"record": record_id, "passage": str(p)} for p in record.get("passages") or []]
        if len(kept) == len(records):
            continue
        if kept:
            top["records"] = kept
            path.write_text(
                yaml.safe_dump(top, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
            )
        else:
            path.unlink()
    return links
