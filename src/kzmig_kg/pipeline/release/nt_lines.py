"""The N-Triples the release writes (pyoxigraph's serialiser: ``S P O .``, one triple a line, no
space inside an IRI or a blank node label), read as lines of bytes: ``terms`` and ``literal``.

Parsing every line into pyoxigraph terms, and reading each term's parts back into Python, was
half of the JSON-LD dump's and the search index's CPU at a million triples; here a line is
split at its first two spaces, and only a literal with an escape in its text is parsed.
"""

from __future__ import annotations

import pyoxigraph as ox

END = b" .\n"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def terms(line: bytes) -> tuple[bytes, bytes, bytes]:
    """The subject, predicate and object of an N-Triples ``line`` as their text (the object
    without the line's end)."""
    subject, predicate, obj = line.split(b" ", 2)
    return subject, predicate, obj[:-len(END)]


def literal(line: bytes, obj: bytes) -> tuple[str, str | None, str | None]:
    """The value, language and datatype (None for a plain or language-tagged string) of the
    literal ``obj`` (text from ``terms``, starting with a quote) of ``line``."""
    quote = obj.rindex(b'"')  # a quote inside the text is escaped; the tail has none
    if b"\\" in obj[1:quote]:
        parsed = next(ox.parse(line, format=ox.RdfFormat.N_TRIPLES)).object
        tail = obj[quote + 1:]
        datatype = None if tail[:2] != b"^^" else parsed.datatype.value
        return parsed.value, parsed.language, None if datatype == XSD_STRING else datatype
    value = obj[1:quote].decode()
    tail = obj[quote + 1:]
    if not tail:
        return value, None, None
    if tail[:1] == b"@":
        return value, tail[1:].decode(), None
    datatype = tail[3:-1].decode()  # ^^<datatype>
    return value, None, None if datatype == XSD_STRING else datatype


def name(text: bytes) -> str:
    """An IRI's value, or a blank node as ``_:label``, from its text."""
    value = text.decode()
    return value[1:-1] if value[:1] == "<" else value


def value(text: bytes) -> str:
    """A subject's ``value`` as pyoxigraph gives it (an IRI, or a blank node's label)."""
    found = text.decode()
    return found[1:-1] if found[:1] == "<" else found[2:]
