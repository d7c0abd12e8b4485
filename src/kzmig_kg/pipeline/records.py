"""Stage 1: read the curated records in ``data/`` and check them against their kind's schema.

Every YAML file under ``data/`` is a mapping with ``kind`` and either ``records`` (a list of
mappings) or ``table`` (a CSV file beside it, one record per row, with optional ``defaults``).
Problems are collected and reported together, each naming file, line and field.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import gc
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from .. import kinds as _kinds  # noqa: F401  (importing the package registers every kind)
from ..errors import RecordError, RecordErrors
from ..mapping.schema import (
    ID_PATTERN,
    Field,
    Kind,
    LineRange,
    PartialDate,
    Record,
    RecordSet,
    registered_kinds,
)
from .forked import Forked

CSV_LIST_SEPARATOR = ";"
TOP_LEVEL_KEYS = {"kind", "description", "records", "table", "defaults"}
_LINES = re.compile(r"^(?:(?P<doc>[a-z0-9-]+):)?L?(?P<first>\d+)(?:\s*-\s*L?(?P<last>\d+))?$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(slots=True)  # not frozen: a frozen dataclass sets each field by object.__setattr__,
class _Scalar:          # and there is one a cell of every table row
    raw: str
    value: Any
    line: int


@dataclass
class _Seq:
    items: list[Any]
    line: int


@dataclass
class _Map:
    items: dict[str, Any]
    lines: dict[str, int]
    line: int


def read_records(data_dir: Path, workers: int = 1) -> RecordSet:
    """Read and schema-check every record file under ``data_dir``; raise RecordErrors if any fail.

    With ``workers`` above 1 and files of more than ``PARALLEL_BYTES`` in all, a forked process
    reads and checks some of the files (``_read_in_worker``) while this one reads the others;
    the records and errors are the same, in the same order."""
    # The cyclic garbage collector is paused while the records are read (in the forked reader
    # too, which inherits it): they are millions of objects without cycles (strings, dicts,
    # records) that each of its full passes walked again, half of the stage's CPU at 1.1M
    # triples. Any cycle made meanwhile is collected once it runs again.
    running = gc.isenabled()
    gc.disable()
    try:
        return _read_records(Path(data_dir), workers)
    finally:
        if running:
            gc.enable()


def _read_records(data_dir: Path, workers: int) -> RecordSet:
    if not data_dir.is_dir():
        raise RecordErrors([RecordError(str(data_dir), 0, None, "data directory not found",
                                        "pass --data DIR pointing at the curated records")])
    registry = registered_kinds()
    errors: list[RecordError] = []
    result = RecordSet(data_dir=data_dir)
    # ids of records that failed their own checks (or sit in a file that could not be read):
    # references to them are counted, not reported again
    failed: dict[str, tuple[str, int]] = {}
    paths = sorted(data_dir.rglob("*.yaml"))
    read_elsewhere = _read_in_worker(paths, data_dir, registry) if workers > 1 else None
    # this process's own files first, while the worker reads its files: in path order it would
    # wait for the worker at the worker's first file (at 10M, the fifth of 45) with nothing to do
    own = {index: _file_events(path, _display_path(path, data_dir), registry)
           for index, path in enumerate(paths)
           if read_elsewhere is not None and not read_elsewhere.has(index)}
    for index, path in enumerate(paths):
        rel = _display_path(path, data_dir)
        result.files.append(rel)
        if read_elsewhere is not None and read_elsewhere.has(index):
            events = read_elsewhere.events(index)
        else:
            events = own.pop(index) if index in own else _file_events(path, rel, registry)
        for event in events:
            if event[0] == "error":
                errors.append(event[1])
            elif event[0] == "failed":
                failed.setdefault(event[1], event[2])
            else:
                record = event[1]
                previous = result.by_id.get(record.id)
                if previous is not None:
                    errors.append(RecordError(record.file, record.line, "id",
                                              f"duplicate identifier '{record.id}'",
                                              f"already used at {previous.file}:{previous.line}; "
                                              "identifiers must be unique across all records"))
                    continue
                result.by_id[record.id] = record
                result.records.append(record)
    _check_references(result, registry, errors, failed)
    for record in result.records:
        check = registry[record.kind].check
        for name, message, hint in check(record) if check else []:
            errors.append(RecordError(record.file, record.line_of(name), name, message, hint))
    if errors:
        raise RecordErrors(errors)
    return result


def _file_events(path: Path, rel: str, registry: dict[str, Kind]) -> list[tuple[Any, ...]]:
    """What reading one file gives, in order: ("error", RecordError), ("record", Record) and
    ("failed", id, (file, line)) for the ids of records that failed their own checks."""
    events: list[tuple[Any, ...]] = []
    errors: list[RecordError] = []
    read = 0

    def flush() -> None:
        events.extend(("error", error) for error in errors)
        errors.clear()

    had_errors = False
    for raw, kind, file in _read_file(path, rel, registry, errors):
        read += 1
        record = _check_record(raw, kind, file, errors)
        had_errors = had_errors or bool(errors)
        flush()
        if record is None:
            raw_id = getattr(raw.items.get("id"), "raw", None)
            if isinstance(raw_id, str):
                events.append(("failed", raw_id, (file, raw.line)))
            continue
        events.append(("record", record))
    had_errors = had_errors or bool(errors)
    flush()
    if read == 0 and had_errors:
        events.extend(("failed", raw_id, (rel, 0)) for raw_id in _ids_in_text(path))
    return events


# from this many bytes of record files on, a second process reads some of them (read_records)
PARALLEL_BYTES = 2_000_000


class _WorkerFiles:
    """The events of the files a forked process read (``_read_in_worker``), by index."""

    def __init__(self, indexes: set[int], child: Forked) -> None:
        self._indexes, self._child = indexes, child
        self._events: dict[int, list[tuple[Any, ...]]] | None = None

    def has(self, index: int) -> bool:
        return index in self._indexes

    def events(self, index: int) -> list[tuple[Any, ...]]:
        if self._events is None:
            self._events = self._child.result(WORKER_DEADLINE)
        return self._events[index]


WORKER_DEADLINE = 1800.0


def _read_in_worker(paths: list[Path], data_dir: Path,
                    registry: dict[str, Kind]) -> _WorkerFiles | None:
    """Fork a process that reads about half of ``paths`` (by size: the files this process
    reads last), or None when the files are too small to be worth it."""
    sizes = []
    for path in paths:
        table = path.with_suffix(".csv")
        try:
            size = path.stat().st_size * 2  # YAML costs about twice as much as CSV a byte
            size += table.stat().st_size if table.exists() else 0
        except OSError:
            size = 0
        sizes.append(size)
    total = sum(sizes)
    if total < PARALLEL_BYTES:
        return None
    given, mine = set(), 0
    for index in sorted(range(len(paths)), key=lambda i: -sizes[i]):
        if mine + sizes[index] <= total / 2:
            mine += sizes[index]
        else:
            given.add(index)
    child = Forked("reading the record files", _events_of, [paths[i] for i in sorted(given)],
                   sorted(given), data_dir, registry)
    return _WorkerFiles(given, child)


def _events_of(paths: list[Path], indexes: list[int], data_dir: Path,
               registry: dict[str, Kind]) -> dict[int, list[tuple[Any, ...]]]:
    return {index: _file_events(path, _display_path(path, data_dir), registry)
            for index, path in zip(indexes, paths, strict=True)}


def as_given(errors: list[RecordError], data_dir: Path) -> list[RecordError]:
    """The errors with their files under the data directory as the user gave it (``--data
    ../x/data`` prints ``../x/data/legal/acts.yaml``); records keep ``data/...``, which names
    their graphs whatever the directory is called."""
    inner = f"{Path(data_dir).name}/"
    return [dataclasses.replace(error, file=str(Path(data_dir) / error.file[len(inner):]))
            if error.file.startswith(inner) else error for error in errors]


def _display_path(path: Path, data_dir: Path) -> str:
    try:
        return str(path.relative_to(data_dir.parent))
    except ValueError:
        return str(path)


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int):
        self.key, self.line = key, line


_CONSTRUCTOR = yaml.SafeLoader(stream="")
_STR_TAG = "tag:yaml.org,2002:str"
# libyaml's parser when PyYAML was built with it (it is, in the wheels): same nodes and marks, 5x faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Bounds on one record file, each reported as one error naming the file: a file is read whole, and
# YAML's aliases would let 343 bytes expand to gigabytes (the "billion laughs"), so none is accepted.
MAX_FILE_BYTES = 64 * 2**20
MAX_DEPTH = 32
MAX_RECORDS_PER_FILE = 1_000_000


class _Unbounded(Exception):
    def __init__(self, line: int, message: str, hint: str):
        self.line, self.message, self.hint = line, message, hint


def _to_python(node: yaml.Node, seen: set[int] | None = None, depth: int = 0) -> Any:
    """The node as _Scalar/_Seq/_Map; raise _Unbounded for an alias or a nesting too deep."""
    line = node.start_mark.line + 1
    seen = set() if seen is None else seen
    if id(node) in seen:  # the composer gives an alias the very node of its anchor
        raise _Unbounded(node.start_mark.line + 1, "this value is anchored and repeated by an alias: "
                         "YAML anchors and aliases (&name, *name, <<) are not accepted in records",
                         "write each value out in full")
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _Unbounded(line, f"nested deeper than {MAX_DEPTH} levels",
                         "records nest a few levels; check the indentation")
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR_TAG:  # most values: what the constructor would return, without it
            return _Scalar(node.value, node.value, line)
        try:
            value = _CONSTRUCTOR.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError):  # e.g. 2011-02-30: the field check reports it
            value = node.value
        return _Scalar(node.value, value, line)
    if isinstance(node, yaml.SequenceNode):
        return _Seq([_to_python(child, seen, depth + 1) for child in node.value], line)
    if isinstance(node, yaml.MappingNode):
        items: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in items:
                raise _DuplicateKey(key, key_node.start_mark.line + 1)
            items[key] = _to_python(value_node, seen, depth + 1)
            lines[key] = key_node.start_mark.line + 1
        return _Map(items, lines, line)
    raise TypeError(node)


def _read_file(path: Path, rel: str, registry: dict[str, Kind],
               errors: list[RecordError]) -> Iterator[tuple[_Map, Kind, str]]:
    """Yield (raw record, kind, file for messages) for each record in one file."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            errors.append(RecordError(rel, 0, None, f"file of {size >> 20} MB, over the limit of "
                                      f"{MAX_FILE_BYTES >> 20} MB for one record file",
                                      "split it into several files"))
            return
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        errors.append(RecordError(rel, 0, None, f"cannot read the file ({exc.strerror})",
                                  "check that it exists and is readable"))
        return
    except UnicodeDecodeError as exc:
        errors.append(RecordError(rel, 0, None, f"not UTF-8 text ({exc.reason})",
                                  "save the file as UTF-8"))
        return
    try:
        root = yaml.compose(text, Loader=_LOADER)
        top = _to_python(root) if root is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        started = f" ({context} at line {context_mark.line + 1})" if context and context_mark else ""
        errors.append(RecordError(rel, line, None,
                                  f"malformed YAML: {getattr(exc, 'problem', exc)}{started}",
                                  "fix the YAML syntax at that line"))
        return
    except _DuplicateKey as exc:
        errors.append(RecordError(rel, exc.line, exc.key, "key given twice in one mapping",
                                  "keep one value"))
        return
    except _Unbounded as exc:
        errors.append(RecordError(rel, exc.line, None, exc.message, exc.hint))
        return
    if top is None:
        return
    if not isinstance(top, _Map) or "kind" not in top.items:
        errors.append(RecordError(rel, 1, "kind", "a record file must be a mapping with 'kind'",
                                  "start the file with 'kind: <kind>' and 'records:'"))
        return
    kind_name = str(getattr(top.items["kind"], "raw", ""))
    kind = registry.get(kind_name)
    if kind is None:
        errors.append(RecordError(rel, top.lines["kind"], "kind", f"unknown kind '{kind_name}'",
                                  f"use one of: {', '.join(sorted(registry))}"))
        return
    for key in sorted(set(top.items) - TOP_LEVEL_KEYS):
        errors.append(RecordError(rel, top.lines[key], key, "unknown top-level key",
                                  f"allowed: {', '.join(sorted(TOP_LEVEL_KEYS))}"))
    if "table" in top.items:
        yield from _read_table(path, rel, top, kind, errors)
        return
    items = top.items.get("records")
    if not isinstance(items, _Seq):
        errors.append(RecordError(rel, top.lines.get("records", 1), "records",
                                  "expected a list of records", "write 'records:' then '- id: ...'"))
        return
    if len(items.items) > MAX_RECORDS_PER_FILE:
        errors.append(RecordError(rel, items.line, "records", f"{len(items.items)} records, over "
                                  f"the limit of {MAX_RECORDS_PER_FILE} for one file",
                                  "split them into several files"))
        return
    for item in items.items:
        if not isinstance(item, _Map):
            errors.append(RecordError(rel, item.line, None, "a record must be a mapping",
                                      "write '- id: ...' followed by its fields"))
            continue
        yield item, kind, rel


def _read_table(path: Path, rel: str, top: _Map, kind: Kind,
                errors: list[RecordError]) -> Iterator[tuple[_Map, Kind, str]]:
    table_name = str(top.items["table"].raw)
    table = path.parent / table_name
    table_rel = str(Path(rel).parent / table_name)
    if not table.is_file():
        errors.append(RecordError(rel, top.lines["table"], "table",
                                  f"table file '{table_name}' not found",
                                  "put the CSV beside this YAML file"))
        return
    defaults = top.items.get("defaults")
    if defaults is not None and not isinstance(defaults, _Map):
        errors.append(RecordError(rel, top.lines["defaults"], "defaults",
                                  "expected a mapping of field: value", ""))
        return
    try:
        text = table.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        errors.append(RecordError(table_rel, 0, None, f"not UTF-8 text ({exc.reason})",
                                  "save the file as UTF-8"))
        return
    reader = csv.reader(text.splitlines(keepends=True))
    header: list[str] | None = None
    many: list[bool] = []  # by column: a list field (cells split at CSV_LIST_SEPARATOR)
    for row in reader:
        line = reader.line_num
        if not row or not any(cell.strip() for cell in row) or row[0].startswith("#"):
            continue
        if header is None:
            header = [h.strip() for h in row]
            many = [bool(spec and spec.many) for spec in map(kind.field, header)]
            continue
        if len(row) != len(header):
            errors.append(RecordError(table_rel, line, None,
                                      f"row has {len(row)} cells, the header has {len(header)}",
                                      "quote cells that contain commas"))
            continue
        items: dict[str, Any] = {}
        lines: dict[str, int] = {}
        if defaults is not None:
            for key, value in defaults.items.items():
                items[key], lines[key] = value, line
        for name, cell, listed in zip(header, row, many, strict=True):
            # one string object for each repeated cell (data sets, countries, codes): the
            # records of a large table hold references, not a copy a row
            cell = sys.intern(cell.strip())
            if not cell:
                continue
            if listed:
                parts = [p.strip() for p in cell.split(CSV_LIST_SEPARATOR) if p.strip()]
                items[name] = _Seq([_Scalar(p, _yaml_scalar(p), line) for p in parts], line)
            else:
                items[name] = _Scalar(cell, _yaml_scalar(cell), line)
            lines[name] = line
        yield _Map(items, lines, line), kind, table_rel


@functools.lru_cache(maxsize=65_536)  # cells repeat (years, countries, data sets); values are immutable
def _yaml_scalar(text: str) -> Any:
    """A CSV cell read as a plain YAML scalar (2011 -> int, 2011-07-22 -> date, empty -> None).

    Only the implicit-type resolver runs, not the YAML parser: a cell is always one scalar.
    """
    if text == "":
        return None
    tag = _CONSTRUCTOR.resolve(yaml.ScalarNode, text, (True, False))
    if tag == "tag:yaml.org,2002:str":
        return text
    try:
        return _CONSTRUCTOR.construct_object(yaml.ScalarNode(tag, text), deep=True)
    except (ValueError, yaml.YAMLError):  # e.g. 2011-02-30: the field check reports it
        return text if text else None
    tag = _CONSTRUCTOR.resolve(yaml.ScalarNode, text, (True, False))
    try:
        return _CONSTRUCTOR.construct_object(yaml.ScalarNode(tag, text), deep=True)
    except (ValueError, yaml.YAMLError):
        return text


_FIELD_NAMES: dict[str, frozenset[str]] = {}  # by kind: the names of its fields


def _check_record(raw: _Map, kind: Kind, file: str, errors: list[RecordError]) -> Record | None:
    before = len(errors)
    values: dict[str, Any] = {}
    names = _FIELD_NAMES.get(kind.name)
    if names is None:
        names = _FIELD_NAMES[kind.name] = frozenset(spec.name for spec in kind.all_fields)
    unknown = [] if raw.items.keys() <= names else [name for name in raw.items if name not in names]
    for name in unknown:
        known = ", ".join(f.name for f in kind.all_fields)
        errors.append(RecordError(file, raw.lines.get(name, raw.line), name,
                                  f"unknown field for kind '{kind.name}'", f"known fields: {known}"))
    for spec in kind.all_fields:
        node = raw.items.get(spec.name)
        line = raw.lines.get(spec.name, raw.line)
        if node is None or (isinstance(node, _Scalar) and node.value is None):
            if spec.required:
                errors.append(RecordError(file, raw.line, spec.name,
                                          f"missing required field for kind '{kind.name}'",
                                          spec.doc or "add it"))
            continue
        value = _convert(spec, node, line, file, errors)
        if value is not None:
            values[spec.name] = value
    if kind.needs_passages and not values.get("passages") and "passages" not in raw.items:
        errors.append(RecordError(file, raw.line, "passages",
                                  "every fact needs the passage(s) it came from",
                                  "add passages: [\"FIRST-LAST\"] (line numbers in the thesis)"))
    record_id = values.get("id")
    if isinstance(record_id, str) and not ID_PATTERN.match(record_id):
        errors.append(RecordError(file, raw.lines.get("id", raw.line), "id",
                                  f"identifier '{record_id}' has characters an IRI cannot carry",
                                  "use letters, digits, '.', '_' and '-'"))
    if len(errors) > before or not isinstance(record_id, str):
        return None
    # only the lines that differ from the record's own (``Record.line_of`` falls back to it): a
    # table row's fields all share its line, and large tables are most of the records
    field_lines = {name: line for name, line in raw.lines.items() if line != raw.line}
    return Record(kind.name, record_id, values, file, raw.line, field_lines)


def _convert(spec: Field, node: Any, line: int, file: str, errors: list[RecordError]) -> Any:
    if spec.many:
        items = node.items if isinstance(node, _Seq) else [node]
        converted = [_convert_one(spec, item, file, errors) for item in items]
        return [c for c in converted if c is not None] if all(
            c is not None for c in converted) else None
    if isinstance(node, _Seq):
        errors.append(RecordError(file, line, spec.name, "expected one value, got a list",
                                  "give a single value"))
        return None
    return _convert_one(spec, node, file, errors)


def _convert_one(spec: Field, node: Any, file: str, errors: list[RecordError]) -> Any:
    line = node.line

    def fail(message: str, hint: str) -> None:
        errors.append(RecordError(file, line, spec.name, message, hint))

    if spec.type == "struct":
        if not isinstance(node, _Map):
            fail("expected a mapping", f"fields: {', '.join(f.name for f in spec.fields)}")
            return None
        out: dict[str, Any] = {}
        known = {f.name for f in spec.fields}
        for name in node.items:
            if name not in known:
                errors.append(RecordError(file, node.lines[name], f"{spec.name}.{name}",
                                          "unknown field", f"known fields: {', '.join(sorted(known))}"))
        for sub in spec.fields:
            child = node.items.get(sub.name)
            if child is None or (isinstance(child, _Scalar) and child.value is None):
                if sub.required:
                    errors.append(RecordError(file, node.line, f"{spec.name}.{sub.name}",
                                              "missing required field", sub.doc or "add it"))
                continue
            qualified = Field(f"{spec.name}.{sub.name}", sub.type, sub.required, sub.many,
                              sub.refs, sub.choices, sub.fields, sub.doc)
            value = _convert(qualified, child, node.lines.get(sub.name, node.line), file, errors)
            if value is not None:
                out[sub.name] = value
        return out
    if spec.type == "langtext" and isinstance(node, _Map):
        texts = {}
        for lang, child in node.items.items():
            if lang not in ("en", "ru", "kk") or not isinstance(child, _Scalar) or not child.raw:
                errors.append(RecordError(file, node.lines[lang], f"{spec.name}.{lang}",
                                          "expected text in en, ru or kk", "e.g. en: Migration Law"))
                return None
            texts[lang] = child.raw
        return texts
    if not isinstance(node, _Scalar):
        fail("expected a single value", "give a plain value, not a list or mapping")
        return None
    raw, value = node.raw, node.value
    if spec.type in ("text", "langtext"):
        if not raw.strip():
            fail("empty text", "give a value or leave the field out")
            return None
        return raw.strip() if spec.type == "text" else {"en": raw.strip()}
    if spec.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            fail(f"'{raw}' is not a whole number", "write digits only, e.g. 44648")
            return None
        return value
    if spec.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            fail(f"'{raw}' is not a number", "write e.g. 44648 or 26.1")
            return None
        return value
    if spec.type == "bool":
        if not isinstance(value, bool):
            fail(f"'{raw}' is not true or false", "write true or false")
            return None
        return value
    if spec.type == "date":
        parsed = _parse_date(value, raw)
        if parsed is None:
            fail(f"'{raw}' is not a valid date", "write YYYY, YYYY-MM or YYYY-MM-DD")
        return parsed
    if spec.type == "lines":
        locator = parse_locator(raw.strip())
        if locator is None:
            fail(f"'{raw}' is not a line range",
                 "write \"FIRST-LAST\" with FIRST <= LAST, e.g. \"285-287\"")
        return locator
    if spec.type == "enum":
        if raw not in spec.choices:
            fail(f"'{raw}' is not allowed", f"use one of: {', '.join(spec.choices)}")
            return None
        return raw
    if spec.type == "iri":
        parsed = urlparse(raw)
        if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in raw:
            fail(f"'{raw}' is not an absolute http(s) IRI", "write the full IRI")
            return None
        return raw
    if spec.type == "ref":
        if not ID_PATTERN.match(raw):
            fail(f"'{raw}' is not an identifier", "refer to another record by its id")
            return None
        return raw
    raise AssertionError(spec.type)


@functools.lru_cache(maxsize=65_536)  # locators repeat across records; LineRange is immutable
def parse_locator(text: str) -> LineRange | None:
    """Parse "285-287", "L285-L287", "412" or "thesis:285-287"; None if malformed."""
    match = _LINES.match(text)
    if not match:
        return None
    first = int(match["first"])
    last = int(match["last"] or first)
    if first < 1 or last < first:
        return None
    return LineRange(first, last, match["doc"] or "thesis")


def _parse_date(value: Any, raw: str) -> PartialDate | None:
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    match = _DATE.match(raw.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day:
            dt.date(year, month, day)
        elif month and not 1 <= month <= 12:
            return None
    except ValueError:
        return None
    return PartialDate(year, month, day)


_ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*[\"']?([^\"'\s#,}]+)", re.M)


def _ids_in_text(path: Path) -> list[str]:
    """The ids a file that could not be read seems to declare (``id: ...`` lines)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return []
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return _ID_LINE.findall(text)


def _check_references(result: RecordSet, registry: dict[str, Kind], errors: list[RecordError],
                      failed: dict[str, tuple[str, int]] | None = None) -> None:
    unchecked: Counter[str] = Counter()
    # only the fields that can hold a reference, each looked at when it has a value: every field
    # of every record and its line took 1.4 million calls at 1.1 million triples
    referring = {name: [spec for spec in kind.all_fields if spec.type in ("ref", "struct")]
                 for name, kind in registry.items()}
    for record in result.records:
        values = record.values
        for spec in referring[record.kind]:
            value = values.get(spec.name)
            if value is not None:
                _check_ref_field(result, record, spec, value, record.line_of(spec.name), errors,
                                 failed or {}, unchecked)
    per_file: dict[str, Counter[str]] = {}
    for target, count in sorted(unchecked.items()):
        file, line = (failed or {})[target]
        if line == 0:  # a file that could not be read: one line for all its records
            per_file.setdefault(file, Counter())[target] = count
            continue
        errors.append(RecordError(file, line, None, f"{count} reference{'s' * (count != 1)} to "
                                  f"{target} not checked",
                                  "the record has errors of its own, reported above; fix those"))
    for file, counts in per_file.items():
        total = sum(counts.values())
        errors.append(RecordError(file, 0, None, f"{total} reference{'s' * (total != 1)} to "
                                  f"{len(counts)} records of this file not checked",
                                  "the file could not be read, see above; fix it first"))


def _check_ref_field(result: RecordSet, record: Record, spec: Field, value: Any, line: int,
                     errors: list[RecordError], failed: dict[str, tuple[str, int]],
                     unchecked: Counter[str]) -> None:
    if value is None:
        return
    values = value if spec.many else [value]
    for item in values:
        if spec.type == "struct":
            for sub in spec.fields:
                sub_spec = Field(f"{spec.name}.{sub.name}", sub.type, many=sub.many,
                                 refs=sub.refs, fields=sub.fields)
                _check_ref_field(result, record, sub_spec, item.get(sub.name), line, errors,
                                 failed, unchecked)
        elif spec.type == "ref":
            target = result.by_id.get(item)
            if target is None and item in failed:
                unchecked[item] += 1
            elif target is None:
                errors.append(RecordError(record.file, line, spec.name,
                                          f"unknown reference '{item}'",
                                          f"no record has this id; expected {_a(' or '.join(spec.refs))}"))
            elif spec.refs and target.kind not in spec.refs:
                errors.append(RecordError(record.file, line, spec.name,
                                          f"'{item}' is {_a(target.kind)}, not "
                                          f"{_a(' or '.join(spec.refs))}",
                                          "refer to a record of the right kind"))


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"
