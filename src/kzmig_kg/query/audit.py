"""Audit: every figure of the document that does not reconcile with the others.

The document's claims about its figures (``kzo:StatedClaim``: percent changes, averages, shares,
averages per day, ranks, highest and lowest values, trends) and its observations are checked by
the SPARQL queries ``queries/stats-audit-*.rq``,
each of which returns one row per finding with the columns ``subject kind indicator country year
stated computed detail``. The audit runs them all on the built store (pyoxigraph) and adds the
passages (line ranges) of each finding's subject. Both the stated and the recomputed value are
reported; nothing in the graph is changed. Where the text leaves out a figure that a stated
percent change and a stored figure imply, the checks use the implied figure and say so in the
detail.

Entry point: :func:`audit`. The CLI is ``kzmig-kg audit --format table|json``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..pipeline.store import open_store
from .local import query_store
from .named import QUERIES_DIR
from .results import python_value

AUDIT_GLOB = "stats-audit-*.rq"
COLUMNS = ("kind", "indicator", "country", "year", "stated", "computed", "passage")
_PASSAGES = """
SELECT ?subject ?first ?last WHERE {
  ?subject prov:wasDerivedFrom ?passage .
  ?passage kzo:firstLine ?first ; kzo:lastLine ?last .
} ORDER BY ?first ?last
"""


@dataclass
class Finding:
    """A figure that does not reconcile: what the document states and what the counts give."""

    kind: str
    indicator: str | None
    country: str | None
    year: int | str | None
    stated: Any
    computed: Any
    passage: str | None
    detail: str = ""
    subject: str = ""
    check: str = ""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AuditReport:
    """The findings of one audit run, with renderers for the CLI."""

    findings: list[Finding] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps([f.as_json() for f in self.findings], ensure_ascii=False, indent=2)

    def to_table(self) -> str:
        header = list(COLUMNS) + ["detail"]
        rows = [[_cell(getattr(f, c)) for c in COLUMNS] + [f.detail] for f in self.findings]
        widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
                  for i, h in enumerate(header)]
        widths[-1] = len(header[-1])  # the detail column is not padded
        lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)),
                 "-+-".join("-" * w for w in widths)]
        lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
        lines.append(f"{len(self.findings)} finding(s) from {len(self.checks)} check(s)")
        return "\n".join(lines)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def audit(store_dir: Path | None = None, *, store: ox.Store | None = None,
          queries_dir: Path = QUERIES_DIR) -> AuditReport:
    """Run every ``stats-audit-*.rq`` check on the store and return the findings.

    Give ``store_dir`` (a built release's ``store/``) or an open ``store``. Findings are sorted by
    kind, year, indicator and country; each carries the line ranges of its subject's passages.
    """
    if store is None:
        if store_dir is None:
            raise ValueError("give store_dir or store")
        store = open_store(Path(store_dir))
    report = AuditReport()
    for path in sorted(Path(queries_dir).glob(AUDIT_GLOB)):
        check = path.stem
        report.checks.append(check)
        result = query_store(store, path.read_text(encoding="utf-8"))
        for row in result.rows:
            values = {name: python_value(term) for name, term in row.items()}
            subject = row.get("subject")
            report.findings.append(Finding(
                kind=values.get("kind") or check,
                indicator=values.get("indicator"),
                country=values.get("country"),
                year=values.get("year"),
                stated=_number(values.get("stated")),
                computed=_number(values.get("computed")),
                passage=_passages(store, subject),
                detail=values.get("detail") or "",
                subject=str(values.get("subject") or ""),
                check=check,
            ))
    report.findings.sort(key=lambda f: (f.kind, str(f.year), f.indicator or "", f.country or "",
                                        f.subject))
    return report


def _passages(store: ox.Store, subject: Any) -> str | None:
    if not isinstance(subject, ox.NamedNode):
        return None
    result = query_store(store, _PASSAGES, {"subject": subject})
    spans = []
    for row in result.rows:
        first, last = python_value(row["first"]), python_value(row["last"])
        spans.append(str(first) if first == last else f"{first}-{last}")
    return ", ".join(spans) or None


__all__ = ["AuditReport", "Finding", "audit"]
