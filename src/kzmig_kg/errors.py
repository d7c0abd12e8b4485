"""Errors that name the file, the line and the field, and say what to do."""

from __future__ import annotations

from dataclasses import dataclass


class KzmigError(Exception):
    """Base class for every error the CLI reports without a traceback."""


@dataclass
class RecordError(KzmigError):
    """One problem in one curated record."""

    file: str
    line: int
    field: str | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file   # 0: the whole file
        what = f"field '{self.field}': " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {what}{self.message}{hint}"


class RecordErrors(KzmigError):
    """Every problem found in the records, reported together."""

    def __init__(self, errors: list[RecordError]):
        self.errors = errors
        super().__init__(self.__str__())

    def __str__(self) -> str:
        lines = [f"{len(self.errors)} problem(s) in the curated records:"]
        lines += [f"  {error}" for error in self.errors]
        return "\n".join(lines)


class ValidationFailed(KzmigError):
    """The graph does not conform to the SHACL shapes."""

    def __init__(self, summary: str):
        self.summary = summary
        super().__init__(summary)


class InconsistentOntology(KzmigError):
    """HermiT found the ontology plus data inconsistent."""


class QueryError(KzmigError):
    """A SPARQL query could not be read or run."""
