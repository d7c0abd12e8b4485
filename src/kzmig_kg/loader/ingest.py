"""From a new document to draft records for review: ``ingest_document(path, ...)``.

The document is registered (sha256, language, date, genre), extracted, reconciled against the
graph's records, and written as drafts in the project's own record formats under
``review/<doc-id>/``:

- ``document.yaml``: the ``document`` record (``file: ingested/<doc-id>/<name>``, kept in data/
  once accepted, so ``passages --check`` can verify every locator);
- ``acts.yaml``: acts the graph does not hold yet, each with its passages in the new document;
- ``observations.yaml`` + ``.csv`` and ``dataset.yaml``: the flow figures as observations of a data
  set of the document, each row's note saying what was inferred, from where, and how it stands
  against the stored figure (agrees / conflicts);
- ``claims.yaml``: the changes the document states (``rose by 12.5% compared to 2021``) as
  ``stated-claim`` drafts, each set against the stored figures (``loader.claims``);
- ``links.yaml``: citations of acts the graph already holds: a passage (and the citation as
  written) to add to the existing record, not a new act;
- ``review.json``: every draft with its evidence (line, text), for ``kzmig-kg review``.

The folder is written under a temporary name and renamed into place, so a failed ingest leaves
neither drafts nor registrations. Nothing here writes to data/: ``review.accept_drafts`` does.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import KzmigError
from ..kinds.acts import ACT_TYPES
from .claims import draft_claims, record_period
from .extract import extract_document
from .extract.schemes import named_acts
from .model import Item
from .qualifier import value_qualifier
from .reconcile import GraphIndex, Result, reconcile_citation, reconcile_figure
from .record_index import record_index
from .same_text import registered_with_text, text_key, waiting_documents, waiting_with_text

GENRES = ("news", "press-release", "bulletin", "legal", "report", "article", "other")
_DIRECTION = {"immigration": "IMM", "emigration": "EMI", "net": "NET"}
_ID = re.compile(r"[a-z0-9][a-z0-9._-]{1,60}")
DATELINE_LINES = 6
DATELINE_WINDOW = 8000      # characters of the first window, enough for the dateline's lines


@dataclass
class Draft:
    """What an ingest wrote for review."""

    doc_id: str
    folder: Path
    acts: list[dict] = field(default_factory=list)
    foreign_acts: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    observations: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def guess_language(text: str) -> str:
    letters = re.findall(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", text[:20000])
    if not letters:
        return "und"
    if len(re.findall(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]", text[:20000])) > len(letters) * 0.01:
        return "kk"
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return "ru" if cyrillic > len(letters) / 2 else "en"


def guess_genre(text: str, items: list[Item]) -> str:
    head = text[:600]
    if re.search(r"press\s+release|пресс-релиз", head, re.IGNORECASE):
        return "press-release"
    if re.search(r"bulletin|бюллетень", head, re.IGNORECASE) or any(
            (i.get("inferred") or {}).get("period") == "table" for i in items if i.kind == "figure"):
        return "bulletin"
    if re.search(r"^[A-ZА-ЯЁ]{3,}(?:[ -][A-ZА-ЯЁ]+)?,\s+\d{1,2}\s+\w+\s+\d{4}", head, re.MULTILINE):
        return "news"
    citations = sum(1 for i in items if i.kind == "citation")
    figures = sum(1 for i in items if i.kind == "figure")
    if citations and citations >= 2 * figures:
        return "legal"
    return "report"


def _document_date(items: Iterator[Item]) -> str | None:
    """The document's own date: the first full date in its first lines (a dateline) that is not
    the date of an act cited there; reads only as far as those lines."""
    for item in items:
        if item.line > DATELINE_LINES:
            break
        if item.kind == "date" and item.get("precision") in ("day", "month") and not item.get("act"):
            return item.get("date")
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "document"


def _registered(data_dir: Path) -> list[dict]:
    top = yaml.safe_load((data_dir / "documents.yaml").read_text(encoding="utf-8")) or {}
    return [r for r in top.get("records", []) if isinstance(r, dict)]


def _waiting_with(review_dir: Path, sha: str) -> str | None:
    """The id of a document waiting for review whose registered text has this sha256."""
    return next((folder.name for folder, document in waiting_documents(review_dir)
                 if document.get("sha256") == sha), None)
    for summary in sorted(review_dir.glob("*/review.json")):
        try:
            document = json.loads(summary.read_text(encoding="utf-8")).get("document") or {}
        except (OSError, ValueError, AttributeError):
            continue        # not ours to judge here: `review` names a broken folder
        if document.get("sha256") == sha:
            return summary.parent.name
    return None


def _locator(doc_id: str, item: Item) -> str:
    return f"{doc_id}:{item.line}" if item.end_line == item.line else f"{doc_id}:{item.line}-{item.end_line}"


def _exact(item: Item) -> str:
    return " ".join(item.exact.split())


def _act_id(f: dict[str, Any], doc_id: str, line: int) -> str:
    number = _slug(f.get("number") or "") if f.get("number") else f"{doc_id}-l{line}"
    year = f.get("year") or (f.get("date") or "")[:4] or "undated"
    prefix = {"law": "law", "code": "code", "government-resolution": "govres",
              "presidential-decree": "decree", "decree-having-force-of-law": "decree",
              "constitutional-law": "constlaw"}.get(f.get("act_type") or "", "act")
    return f"{prefix}-{year}-{number}"


def _implied_issuer(item: Item, scheme: _Scheme | None, known_orgs: set[str]) -> list[str]:
    """The issuer a Kazakh act's type implies from a year on (the scheme's ``issued_by`` and
    ``issued_since``: a law of 2011 is the Parliament's), when the citation names none."""
    year = item.fields.get("year")
    for act_type in (scheme.record.get("act_types", []) if scheme else []):
        issuer = act_type.get("issued_by")
        if act_type.get("generic") == item.fields.get("act_type") and issuer in known_orgs and \
                year and year >= int(act_type.get("issued_since") or 0):
            return [issuer]
    return []


def _named_title(f: dict[str, Any]) -> str | None:
    """The title a jurisdiction scheme names the cited act by ("Трудового кодекса ... № 414-V": the
    Labour Code), when its type, number and year are the citation's."""
    year = str(f.get("year") or f.get("date") or "")[:4]
    key = ("KAZ", f.get("number"), f.get("act_type"), year)
    named = next((a for a in named_acts() if (a.state, a.number, a.act_type, a.date[:4]) == key), None)
    return named.title if named else None


def _draft_act(item: Item, doc_id: str, known_orgs: set[str],
               scheme: _Scheme | None = None) -> dict | None:
    f = item.fields
    if f.get("act_type") not in ACT_TYPES or not (f.get("number") or f.get("adilet_id")):
        return None
    act: dict[str, Any] = {"id": _act_id(f, doc_id, item.line), "act_type": f["act_type"]}
    if f.get("number"):
        act["number"] = f["number"]
    act["cited_as"] = [_exact(item)]
    if f.get("date") or f.get("year"):
        act["date"] = f.get("date") or str(f["year"])
    act["title"] = f.get("title") or _named_title(f) or f"{ACT_TYPES[f['act_type']].en} No. {f.get('number')}"
    act["effect"] = f"Cited in document {doc_id}; what it did is not stated there."
    issuers = [i for i in (f.get("issuer_ids") or []) if i in known_orgs] or \
        _implied_issuer(item, scheme, known_orgs)
    if issuers:
        act["issuer"] = issuers
    if f.get("adilet_id"):
        # an Adilet ID enters the graph only with the stored Adilet page that confirms it
        # (README, "Links to Adilet: evidence"); a document that quotes one is not that page
        act["note"] = (f"The document gives the Adilet ID {f['adilet_id']}; no stored Adilet page "
                       "confirms it yet, so it is not recorded as adilet_id (name the page in "
                       "`evidence` to record it).")
    if f.get("evidence"):
        # named by title only ("Уголовно-процессуального кодекса"): its title, number and date are the
        # scheme's, with the pages that confirm them
        named = next((a for a in named_acts() if (a.number, a.act_type) == (f.get("number"), f["act_type"])),
                     None)
        act["title"] = named.title if named else act["title"]
        by_title = ("The document names it by title only; its number and date are from the jurisdiction "
                    "scheme's named acts (data/jurisdictions), confirmed by "
                    + ", ".join(f["evidence"]) + ".")
        act["note"] = f"{act['note']} {by_title}" if act.get("note") else by_title
    if f.get("joint_numbers"):
        # a joint act has a number per signatory; the record keeps the first, the note the others
        joint = (f"A joint act of {f.get('issuer') or 'several issuers'}: numbered "
                 + ", ".join(f"No. {n}" for n in [f.get("number"), *f["joint_numbers"]])
                 + " (one per signatory, in the order cited); recorded by the first.")
        act["note"] = f"{act['note']} {joint}" if act.get("note") else joint
    act["passages"] = [_locator(doc_id, item)]
    return act


def _figure_note(item: Item, status: str, says: str | None, record: str | None, note: str) -> str:
    parts = []
    inferred = item.get("inferred") or {}
    if inferred:
        parts.append("inferred: " + ", ".join(f"{k} from the {v}" for k, v in sorted(inferred.items())))
    if item.get("approximate"):
        parts.append("stated as approximate")
    if status == "match":
        parts.append(f"agrees with {record or says}")
    elif status == "disagreement":
        parts.append(f"CONFLICT with {record or 'the graph'} ({says}): {note}")
    return "; ".join(parts)


def _foreign_citation(item: Item, doc_id: str, schemes: dict[str, Any], draft: Draft) -> None:
    """A citation of another state's act: recorded with that state's scheme (data/jurisdictions),
    as a passage of the act already recorded or as a new ``jurisdiction-act``."""
    f = item.fields
    scheme = schemes.get(f["jurisdiction"])
    if scheme is None:
        draft.skipped.append(f"line {item.line}: citation {_exact(item)!r}: no scheme for jurisdiction "
                             f"{f['jurisdiction']} in data/jurisdictions; add one to record its acts")
        return
    act_type = next((t for t in scheme.record.get("act_types", [])
                     if t.get("generic") == f.get("act_type")), None)
    if act_type is not None and not f.get("number") and f.get("title") and \
            (titled := _recorded_by_title(scheme, act_type["id"], f["title"], f.get("year"))):
        # "Законом Кыргызской Республики «О внесении изменений ...»": the act recorded with that title
        draft.links.append({"record": titled.id, "passage": _locator(doc_id, item),
                            "cited_as": _exact(item), "line": item.line})
        return
    if act_type is None or not f.get("number"):
        draft.skipped.append(f"line {item.line}: citation {_exact(item)!r}: "
                             + (f"no {f.get('act_type')} in the scheme of {scheme.record.id}"
                                if act_type is None else "no number to record it by"))
        return
    slug, year = act_type["id"], f.get("year")
    same = [a for a in scheme.acts if a.get("number") == f["number"] and a.get("act_type") == slug]
    for act in same:
        date = act.get("date")
        # a citation that gives no year ("Закон № 4") is the one act of that type and number
        if (date.year if date else None) == year or (year is None and len(same) == 1):
            draft.links.append({"record": act.id, "passage": _locator(doc_id, item),
                                "cited_as": _exact(item), "line": item.line})
            return
    act_id = f"{scheme.record.id}-{slug}-{year or 'undated'}-{_slug(f['number'])}"
    existing = next((a for a in draft.foreign_acts if a["id"] == act_id), None)
    if existing is not None:
        existing["passages"].append(_locator(doc_id, item))
        # ("Закон Кыргызской Республики № 4" after the full citation: dated from it, another wording)
        existing["cited_as"] += [_exact(item)] if _exact(item) not in existing["cited_as"] else []
        return
    act: dict[str, Any] = {"id": act_id, "jurisdiction": scheme.record.id, "act_type": slug,
                           "number": f["number"], "cited_as": [_exact(item)]}
    if f.get("date") or year:
        act["date"] = f.get("date") or str(year)
    state = (scheme.record.get("name") or {}).get("en", scheme.record.id)
    act["title"] = {"en": f"{act_type['en']} No. {f['number']} ({state}, {year or 'undated'})"}
    if f.get("title"):
        act["title"]["ru" if re.search(r"[а-яё]", f["title"], re.IGNORECASE) else "en"] = f["title"]
    act["effect"] = f"Cited in document {doc_id}; what it did is not stated there."
    if f.get("evidence"):
        act["page"] = f["evidence"][0]      # its number and date are the scheme's, confirmed there
    act["passages"] = [_locator(doc_id, item)]
    draft.foreign_acts.append(act)


def _title_key(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.casefold()))


def _recorded_by_title(scheme: _Scheme, slug: str, title: str, year: int | None) -> Any | None:
    """The one act of the state's recorded ``jurisdiction-act``s of that type whose title, in any
    language, is the cited title (and whose year is the cited year, when the citation gives one)."""
    key = _title_key(title)
    same = [a for a in scheme.acts if a.get("act_type") == slug
            and key in {_title_key(t) for t in (a.get("title") or {}).values() if isinstance(t, str)}
            and (year is None or (a.get("date").year if a.get("date") else None) in {None, year})]
    return same[0] if len(same) == 1 else None


def _merge_undated(acts: list[dict], key: tuple[str, ...]) -> list[dict]:
    """A citation without a year ("Кодексу № 414-V") after the full one in the same document is the
    same act: its passages and wording join the one dated act of that type and number."""
    dated: dict[tuple, list[dict]] = {}
    for act in acts:
        if act.get("date"):
            dated.setdefault(tuple(act.get(k) for k in key), []).append(act)
    kept = []
    for act in acts:
        match = dated.get(tuple(act.get(k) for k in key), []) if not act.get("date") else []
        if len(match) != 1:
            kept.append(act)
            continue
        target = match[0]
        target["passages"] += [p for p in act["passages"] if p not in target["passages"]]
        target["cited_as"] += [c for c in act["cited_as"] if c not in target["cited_as"]]
    return kept


@dataclass
class _Scheme:
    record: Any
    acts: list[Any]


# the graph's own state: the state of a citation whose document names no other
OWN_STATE = "KAZ"


def _plan(path: Path, doc_id: str, items: list[Item], index: GraphIndex, countries: set[str],
          orgs: set[str], draft: Draft, schemes: dict[str, Any] | None = None) -> None:
    """Fill ``draft`` with the acts, links and observations of the extracted items."""
    new_acts: dict[str, dict] = {}
    for item in items:
        if item.kind != "citation":
            continue
        if item.get("jurisdiction") not in (None, "KAZ"):
            _foreign_citation(item, doc_id, schemes, draft)
            continue
        result = reconcile_citation(item, index.acts)
        if result.graph_id and result.status in ("match", "disagreement"):
            link = {"record": result.graph_id, "passage": _locator(doc_id, item),
                    "cited_as": _exact(item), "line": item.line}
            if result.status == "disagreement":
                link["conflict"] = result.note
                draft.conflicts.append(f"line {item.line}: {_exact(item)!r}: {result.note}")
            draft.links.append(link)
            continue
        act = _draft_act(item, doc_id, orgs, (schemes or {}).get("KAZ"))
        if act is None:
            draft.skipped.append(f"line {item.line}: citation {_exact(item)!r}: no act type or number "
                                 "to record it by")
        elif act["id"] in new_acts:
            existing = new_acts[act["id"]]
            existing["passages"] += [p for p in act["passages"] if p not in existing["passages"]]
            existing["cited_as"] += [c for c in act["cited_as"] if c not in existing["cited_as"]]
        else:
            new_acts[act["id"]] = act
    draft.acts = _merge_undated(list(new_acts.values()), ("act_type", "number"))
    draft.foreign_acts = _merge_undated(draft.foreign_acts, ("jurisdiction", "act_type", "number"))
    seen: set[str] = set()
    for item in items:
        if item.kind != "figure" or item.get("value") is None:
            continue
        direction = _DIRECTION.get(item.get("direction") or "")
        period = record_period(item.get("period") or "") if item.get("period") else None
        if item.get("breakdown"):
            draft.skipped.append(f"line {item.line}: figure {_exact(item)!r}: a figure of "
                                 f"{item.get('breakdown')!r}, not of the country: the graph's flows are "
                                 "national")
            continue
        if item.get("measure") not in ("flow", None):
            # a quota, a population, permits issued, border crossings: an indicator, no flow
            draft.skipped.append(f"line {item.line}: figure {_exact(item)!r}: not a flow "
                                 f"({item.get('measure')})")
            continue
        if direction is None or period is None or item.get("unit") != "persons":
            draft.skipped.append(f"line {item.line}: figure {_exact(item)!r}: "
                                 + ("no direction" if direction is None else
                                    "no period" if period is None else f"unit {item.get('unit')}"))
            continue
        country = item.get("country")
        counterpart = f"country-{country}" if country and f"country-{country}" in countries else None
        # another country's own count ("Прибыло из Казахстана" in Kyrgyzstan's table): kept as it
        # reported it, with that country as the reference area and Kazakhstan as partner
        area = item.get("area")
        if area and f"country-{area}" not in countries:
            draft.skipped.append(f"line {item.line}: figure {_exact(item)!r}: reported by {area}, "
                                 "a country the graph has no record of")
            continue
        key = f"{direction}-{country or 'TOTAL'}-{period}"
        if area:
            key = f"{area}-{key}"
        row_id = f"{doc_id}-{key}".replace("--", "-to-")
        if row_id in seen:
            draft.skipped.append(f"line {item.line}: figure {_exact(item)!r}: a second figure for "
                                 f"{key}, kept the first")
            continue
        seen.add(row_id)
        result = reconcile_figure(item, index.observations)
        if "-" in item.get("period"):
            result.status = "not-compared"     # a quarter or half-year: the graph's flows are annual
        if area:
            # a mirror of Kazakhstan's flow, counted by the other side: it differs in fact
            result = Result(item, "not-compared", note=f"counted by {area}")
        note = _figure_note(item, result.status, result.graph_says, result.graph_id, result.note or "")
        if result.status == "disagreement":
            draft.conflicts.append(f"line {item.line}: {_exact(item)!r}: {result.note}")
        draft.observations.append({
            "id": row_id, "direction": direction, "counterpart": counterpart or "",
            **({"area": f"country-{area}"} if area else {}), "period": period,
            "value": item.get("value"), "passages": _locator(doc_id, item),
            # "over 12 thousand": published as more than 12000, not as a count of exactly 12000
            "qualifier": value_qualifier(item.prefix, bool(item.get("approximate"))) or "",
            "note": note, "line": item.line, "text": _exact(item)})


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _write_folder(target: Path, files: dict[str, str | bytes]) -> None:
    """Write the files into a temporary folder beside ``target``, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        for name, content in files.items():
            mode = "wb" if isinstance(content, bytes) else "w"
            with open(temporary / name, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as out:
                out.write(content)
        os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def ingest_document(path: Path | str, *, data_dir: Path, review_dir: Path, doc_id: str | None = None,
                    date: str | None = None, language: str | None = None, genre: str | None = None,
                    title: str | None = None, encoding: str | None = None) -> Draft:
    """Register, extract and reconcile a document; write its draft records to review/<doc-id>/."""
    path = Path(path)
    doc_id = doc_id or _slug(path.stem)
    if not _ID.fullmatch(doc_id):
        raise KzmigError(f"{path}: document id {doc_id!r} is not usable; pass --id with lower-case "
                         "letters, digits, '.', '_' or '-'")
    if genre is not None and genre not in GENRES:
        raise KzmigError(f"{path}: genre {genre!r} is not one of {', '.join(GENRES)}")
    first = extract_document(path, encoding=encoding, document_date=date,
                             jurisdiction=OWN_STATE)
    # the registered file is the text the locators count in (for a PDF, its extracted text)
    text = first.source.text()
    raw = text.encode("utf-8")
    sha = hashlib.sha256(raw).hexdigest()
    registered = _registered(data_dir)
    for record in registered:
        if record.get("sha256") == sha:
            raise KzmigError(f"{path}: already registered as document {record.get('id')!r} in "
                             f"{data_dir / 'documents.yaml'} (the same text, sha256 {sha[:12]}...); "
                             "nothing new to ingest")
        if record.get("id") == doc_id:
            raise KzmigError(f"{path}: already registered as document {record.get('id')!r} in "
                             f"{data_dir / 'documents.yaml'} (another text under that id); pass "
                             "another --id for a new version")
    key = text_key(text)
    twin = registered_with_text(registered, data_dir, key)
    if twin is not None:
        raise KzmigError(f"{path}: already registered as document {twin.get('id')!r} in "
                         f"{data_dir / 'documents.yaml'} (the same text but for its line ends or "
                         "trailing spaces); nothing new to ingest")
    folder = review_dir / doc_id
    if folder.exists():
        raise KzmigError(f"{path}: drafts for {doc_id!r} already wait in {folder}; review them "
                         f"(kzmig-kg review), or drop them with kzmig-kg review --reject {doc_id}")
    waiting = _waiting_with(review_dir, sha) or waiting_with_text(review_dir, key)
    if waiting is not None:
        raise KzmigError(f"{path}: the same text (sha256 {sha[:12]}...) already waits for review as "
                         f"{waiting!r} in {review_dir / waiting}; accept it (kzmig-kg review --accept "
                         f"{waiting}) or drop it (kzmig-kg review --reject {waiting}) first")
    if date is None:
        head = extract_document(path, encoding=encoding, kinds=("date",))
        head.window_chars = DATELINE_WINDOW      # the dateline is in the first lines: read only those
        date = _document_date(head.items())
        if date is not None:
            first = extract_document(path, encoding=encoding, document_date=date,
                             jurisdiction=OWN_STATE)
    items = first.all_items()
    info = first.document
    language = language or guess_language(text)
    genre = genre or guess_genre(text, items)
    from ..pipeline.records import read_records

    records = read_records(data_dir)
    index = record_index(records)      # as graph_index, without building the graph
    countries = {r.id for r in records.of_kind("country")}
    orgs = {r.id for r in records.of_kind("organisation")}
    draft = Draft(doc_id, folder)
    schemes = {}
    for scheme in records.of_kind("jurisdiction"):
        schemes[scheme.get("code")] = _Scheme(scheme, [a for a in records.of_kind("jurisdiction-act")
                                                      if a.get("jurisdiction") == scheme.id])
    _plan(path, doc_id, items, index, countries, orgs, draft, schemes)
    draft.claims, claim_conflicts = draft_claims(text, items, doc_id, index.observations, countries)
    draft.conflicts += claim_conflicts
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
    name = f"{path.stem}.txt"
    document = {"id": doc_id, "file": f"ingested/{doc_id}/{name}", "sha256": sha,
                "lines": info.lines, "characters": info.characters,
                "title": title or first_line[:200], "genre": genre, "language": language}
    if date:
        document["date"] = date
    sections = [{"number": s.number, "title": s.title[:200], "line": s.line} for s in first.sections]
    if sections and len({s["number"] for s in sections}) == len(sections):
        document["sections"] = sections
    if info.media_type != "text/plain":
        document["description"] = f"Text extracted from {path.name} (sha256 {info.sha256})."
    files: dict[str, str | bytes] = {name: raw,
                                     "document.yaml": _dump({"kind": "document", "records": [document]})}
    if draft.acts:
        files["acts.yaml"] = _dump({"kind": "act", "description": f"Acts first cited in {doc_id} "
                                    "(drafts from kzmig-kg ingest).", "records": draft.acts})
    if draft.foreign_acts:
        files["jurisdiction-acts.yaml"] = _dump({
            "kind": "jurisdiction-act", "description": f"Acts of other jurisdictions first cited in "
            f"{doc_id} (drafts from kzmig-kg ingest).", "records": draft.foreign_acts})
    if draft.links:
        files["links.yaml"] = _dump({"links": draft.links})
    if draft.observations:
        dataset = f"ds-{doc_id}"
        files["dataset.yaml"] = _dump({"kind": "stat-dataset", "records": [{
            "id": dataset, "title": {"en": f"Migration figures stated in {document['title']}"},
            "structure": "flow", "passages": [f"{doc_id}:1"]}]})
        files["observations.yaml"] = _dump({
            "kind": "observation", "description": f"Flow figures of {doc_id} (drafts from kzmig-kg "
            "ingest).", "table": "observations.csv", "defaults": {"dataset": dataset}})
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        columns = ["id", "direction", "counterpart", "period", "value", "passages", "note"]
        if any(row.get("area") for row in draft.observations):
            columns.insert(3, "area")      # figures another country reported (reporter.py)
        if any(row.get("qualifier") for row in draft.observations):
            columns.insert(columns.index("value") + 1, "qualifier")
        writer.writerow(columns)
        for row in draft.observations:
            writer.writerow([row.get(k, "") for k in columns])
        files["observations.csv"] = buffer.getvalue()
    if draft.claims:
        files["claims.yaml"] = _dump({
            "kind": "stated-claim", "description": f"Changes stated in {doc_id} (drafts from kzmig-kg "
            "ingest), each set against the stored figures in its note.", "records": draft.claims})
    files["review.json"] = json.dumps({
        "document": document, "acts": draft.acts + draft.foreign_acts, "links": draft.links,
        "observations": draft.observations, "claims": draft.claims, "conflicts": draft.conflicts,
        "skipped": draft.skipped},
        ensure_ascii=False, indent=1)
    _write_folder(folder, files)
    return draft
