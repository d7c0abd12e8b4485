"""Answers to a query (``QueryResult``) as plain values (``python_value``) and as a table, CSV,
TSV or SPARQL 1.1 Query Results JSON (``format_result``)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from ..namespaces import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass
class QueryResult:
    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)  # values are oxigraph terms or None
    boolean: bool | None = None
    triples: list[tuple] = field(default_factory=list)

    def values(self) -> list[dict[str, Any]]:
        """The rows with plain Python values (see ``python_value``)."""
        return [{k: python_value(v) for k, v in row.items()} for row in self.rows]


def python_value(term: Any) -> Any:
    """Plain Python value of an oxigraph term (numbers as int/float, others as str)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        if datatype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger",
                              "#positiveInteger", "#negativeInteger", "#nonPositiveInteger")):
            return int(term.value)
        if datatype.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def format_result(result: QueryResult, fmt: str) -> str:
    """table | csv | tsv | json (SPARQL 1.1 Query Results JSON)."""
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if result.kind == "graph":
        return "\n".join(f"{s} {p} {o} ." for s, p, o in result.triples)
    if fmt == "json":
        return json.dumps(_json_results(result), ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        if fmt == "csv":
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(result.variables)
            for row in result.rows:
                writer.writerow(["" if row[v] is None else row[v].value for v in result.variables])
        else:
            buffer.write("\t".join(f"?{v}" for v in result.variables) + "\n")
            for row in result.rows:
                buffer.write("\t".join("" if row[v] is None else str(row[v])
                                       for v in result.variables) + "\n")
        return buffer.getvalue().rstrip("\n")
    return _table(result)


def _json_results(result: QueryResult) -> dict[str, Any]:
    bindings = []
    for row in result.rows:
        binding = {}
        for name, term in row.items():
            if term is None:
                continue
            if isinstance(term, ox.NamedNode):
                binding[name] = {"type": "uri", "value": term.value}
            elif isinstance(term, ox.BlankNode):
                binding[name] = {"type": "bnode", "value": term.value}
            else:
                entry = {"type": "literal", "value": term.value}
                if term.language:
                    entry["xml:lang"] = term.language
                elif term.datatype and term.datatype.value != XSD + "string":
                    entry["datatype"] = term.datatype.value
                binding[name] = entry
        bindings.append(binding)
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def _table(result: QueryResult) -> str:
    headers = result.variables
    cells = [[_cell(row[v]) for v in headers] for row in result.rows]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    footer = f"({len(cells)} row{'s' if len(cells) != 1 else ''})"
    return "\n".join([line, rule, *body, footer])


def _cell(term: Any) -> str:
    if term is None:
        return ""
    value = term.value
    for prefix, namespace in PREFIXES.items():
        if isinstance(term, ox.NamedNode) and value.startswith(str(namespace)):
            return f"{prefix}:{value[len(str(namespace)):]}"
    return value if len(value) <= 80 else value[:77] + "..."
