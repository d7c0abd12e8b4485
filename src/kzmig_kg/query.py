"""Query: run SPARQL (a file or a named query in ``queries/``) on the embedded store or an endpoint.

Named queries carry a header of ``# key: value`` lines before the first line of SPARQL::

    # title: <one line>
    # description: <the question it answers>
    # param: <name> <type> <default> -- <meaning>
    # result: <the columns and what they mean>

with ``<type>`` one of ``PARAM_TYPES``. A parameter is the SPARQL variable of that name; the
runner binds it as a typed RDF term (``bind_params``), never by splicing text into the query: on
the embedded store by pyoxigraph's substitutions (which need the variable in the SELECT
projection), on a remote endpoint as inline data (``kzmig_kg.remote.bind_values``). Errors name
the query file, and the line and column where the SPARQL parser gives them.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import json
import re
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import QueryError
from .graph import ONTOLOGY_DIR
from .namespaces import PREFIXES
from .store import open_store

QUERIES_DIR = ONTOLOGY_DIR.parent / "queries"
PARAM_TYPES = ("xsd:integer", "xsd:decimal", "xsd:gYear", "xsd:string", "xsd:date", "iri")
_HEADER = re.compile(r"^#\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\S+)\s+(?P<default>\S+)"
                    r"(?:\s+--\s*(?P<doc>.*))?$")
_PARSER_AT = re.compile(r"^error at (?P<line>\d+):(?P<column>\d+):\s*(?P<message>.*)$", re.S)
# strings, IRIs and comments of a SPARQL text (comments are dropped by strip_comments)
SPARQL_LEXICAL = re.compile(r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
                      r"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n]*", re.S)
XSD = "http://www.w3.org/2001/XMLSchema#"
Term = ox.NamedNode | ox.Literal


@dataclass
class Param:
    name: str
    type: str
    default: str
    doc: str = ""


@dataclass
class NamedQuery:
    name: str
    path: Path | None
    text: str
    title: str = ""
    description: str = ""
    result: str = ""
    params: list[Param] = field(default_factory=list)

    @property
    def source(self) -> str:
        """How errors name the query: its file, else its name."""
        return str(self.path) if self.path is not None else self.name


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


def named_queries(queries_dir: Path = QUERIES_DIR, pattern: str | None = None) -> dict[str, NamedQuery]:
    """Every ``*.rq`` under ``queries/`` by name (checks as ``checks/<name>``); with a glob
    ``pattern`` (``rq-*``) only the names that match it."""
    found = {}
    for path in sorted(queries_dir.rglob("*.rq")):
        name = path.relative_to(queries_dir).with_suffix("").as_posix()
        if pattern is None or fnmatch(name, pattern):
            found[name] = parse_named_query(name, path)
    return found


def parse_named_query(name: str, path: Path | None, text: str | None = None) -> NamedQuery:
    """Read a query and its header; a malformed header is an error naming file and line."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read the query: {exc}") from None
    query = NamedQuery(name, path, text)
    where = query.source
    declared_at = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADER.match(line.strip())
        if not match:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = match["key"], match["value"].strip()
        if key == "param":
            param = _PARAM.match(value)
            if not param or param["type"] not in PARAM_TYPES:
                raise QueryError(f"{where}:{number}: malformed param header {value!r}; write "
                                 f"'# param: NAME TYPE DEFAULT -- meaning' with TYPE one of "
                                 f"{', '.join(PARAM_TYPES)}")
            if param["name"] in declared_at:
                raise QueryError(f"{where}:{number}: parameter '{param['name']}' is declared twice")
            query.params.append(Param(param["name"], param["type"], param["default"],
                                      param["doc"] or ""))
            declared_at[param["name"]] = number
        elif key in ("title", "description", "result"):
            setattr(query, key, value)
    body = strip_comments(text)
    for param in query.params:
        if not re.search(rf"[?$]{param.name}\b", body):
            raise QueryError(f"{where}:{declared_at[param.name]}: parameter '{param.name}' is "
                             f"declared but the query never uses ?{param.name}")
        try:
            _term(param, param.default, query)
        except QueryError as exc:
            raise QueryError(f"{where}:{declared_at[param.name]}: bad default: {exc}") from None
    return query


def strip_comments(text: str) -> str:
    """The query without its ``#`` comments (strings and IRIs kept)."""
    return SPARQL_LEXICAL.sub(lambda m: "" if m.group().startswith("#") else m.group(), text)


def resolve_query(spec: str, queries_dir: Path = QUERIES_DIR) -> NamedQuery:
    """A path to a query file, or the name of a query in ``queries/``."""
    path = Path(spec)
    if path.is_file():
        return parse_named_query(path.stem, path)
    queries = named_queries(queries_dir)
    if spec in queries:
        return queries[spec]
    if path.suffix in (".rq", ".sparql"):
        raise QueryError(f"no such query file: {spec}")
    close = difflib.get_close_matches(spec, list(queries), n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    raise QueryError(f"no query file or named query '{spec}'; {hint}`kzmig-kg queries` lists them")


def bind_params(query: NamedQuery, given: dict[str, str]) -> dict[str, Term]:
    """Typed RDF terms for the query's parameters: the given values, else the defaults."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        listed = ", ".join(f"{p.name} ({p.type})" for p in query.params) or "none"
        close = [c for u in unknown for c in difflib.get_close_matches(u, list(known), n=1)]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise QueryError(f"query '{query.name}' has no parameter {', '.join(unknown)}; "
                         f"its parameters: {listed}{hint}")
    return {param.name: _term(param, given.get(param.name, param.default), query)
            for param in query.params}


def _term(param: Param, raw: str, query: NamedQuery) -> Term:
    def bad(expected: str) -> QueryError:
        return QueryError(f"parameter '{param.name}' of query '{query.name}' must be "
                          f"{expected}, got {raw!r}")

    if param.type == "iri":
        if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", raw):
            raise bad("an absolute http(s) IRI")
        return ox.NamedNode(raw)
    if param.type == "xsd:integer":
        if not re.fullmatch(r"[+-]?\d+", raw):
            raise bad("a whole number")
    elif param.type == "xsd:decimal":
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", raw):
            raise bad("a decimal number")
    elif param.type == "xsd:gYear":
        if not re.fullmatch(r"\d{4}", raw):
            raise bad("a four-digit year")
    elif param.type == "xsd:date":
        try:
            valid = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw)) and datetime.date.fromisoformat(raw)
        except ValueError:
            valid = False
        if not valid:
            raise bad("a date YYYY-MM-DD")
    return ox.Literal(raw, datatype=ox.NamedNode(XSD + param.type.split(":", 1)[1]))


def run_query(spec: str | NamedQuery, params: dict[str, str] | None = None, *,
              store_dir: Path | None = None, store: ox.Store | None = None,
              endpoint: str | None = None, queries_dir: Path = QUERIES_DIR,
              timeout: float = 30.0) -> QueryResult:
    """Run a query file or named query on an open ``store``, the on-disk store in ``store_dir``
    or a SPARQL 1.1 ``endpoint``; ``params`` are raw values (``--param KEY=VALUE``)."""
    query = spec if isinstance(spec, NamedQuery) else resolve_query(spec, queries_dir)
    bound = bind_params(query, params or {})
    if endpoint:
        from .remote import query_endpoint

        return query_endpoint(endpoint, query.text, bound, timeout=timeout, source=query.source)
    if store is None:
        if store_dir is None:
            raise QueryError("no store given; pass --store DIR or --endpoint URL")
        store = open_store(Path(store_dir))
    return query_store(store, query.text, bound, source=query.source)


def query_store(store: ox.Store, text: str, bound: dict[str, Term] | None = None, *,
                source: str = "query") -> QueryResult:
    """Run SPARQL on a pyoxigraph store (default graph = the union of the named graphs), with
    ``bound`` variables substituted by their terms. Errors name ``source`` and, for syntax
    errors, the line and column."""
    substitutions = {ox.Variable(name): term for name, term in (bound or {}).items()}
    try:
        answer = store.query(text, use_default_graph_as_union=True,
                             substitutions=substitutions or None,
                             prefixes={k: str(v) for k, v in PREFIXES.items()})
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            rows = [{name: solution[name] for name in variables} for solution in answer]
            return QueryResult("select", variables, rows)
        return QueryResult("graph", triples=[(t.subject, t.predicate, t.object) for t in answer])
    except SyntaxError as exc:
        raise QueryError(syntax_error_message(source, str(exc))) from None
    except RuntimeError as exc:
        if "SELECT projection" in str(exc):
            raise QueryError(f"{source}: {exc}: a named query must SELECT each of its parameters "
                             "(they are bound by substitution)") from None
        raise QueryError(f"{source}: query failed: {exc}") from None
    except (OSError, ValueError, TypeError) as exc:
        raise QueryError(f"{source}: query failed: {exc}") from None


def syntax_error_message(source: str, message: str) -> str:
    """``FILE:LINE:COLUMN: SPARQL syntax error: ...`` from the parser's ``error at L:C: ...``."""
    match = _PARSER_AT.match(message.strip())
    if match:
        return f"{source}:{match['line']}:{match['column']}: SPARQL syntax error: {match['message']}"
    return f"{source}: SPARQL syntax error: {message}"


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
