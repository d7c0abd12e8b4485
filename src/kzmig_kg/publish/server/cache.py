"""Answers kept for the life of the server: ``ReleaseCache``. The store is read-only and a server
serves one release, so a rendered document stays right until the server stops; the cache only
bounds how many are kept, and how many bytes (least recently used out)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

ROW_BYTES = 200   # what one row of terms (an answer kept for a named-query page) holds, about


def size_of(value: Any) -> int:
    """The bytes a kept value holds, about: a document's length, an answer's body or rows."""
    if isinstance(value, (bytes, str)):
        return len(value)
    body = getattr(value, "body", None)
    found = len(body) if isinstance(body, (bytes, bytearray, memoryview)) else 0
    result = getattr(value, "result", None)
    if result is not None:
        found += ROW_BYTES * (len(result.rows) + len(result.triples))
    return found


class ReleaseCache:
    def __init__(self, max_entries: int = 4096, max_bytes: int | None = None):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[Any, tuple[Any, int]] = OrderedDict()

    def get(self, key: Any) -> Any:
        found = self._entries.get(key)
        if found is None:
            return None
        self._entries.move_to_end(key)
        return found[0]

    def put(self, key: Any, value: Any) -> Any:
        """Keep ``value`` (and return it); one larger than the whole budget is not kept."""
        size = size_of(value) if self.max_bytes is not None else 0
        if self.max_bytes is not None and size > self.max_bytes:
            return value
        previous = self._entries.pop(key, None)
        if previous is not None:
            self.bytes -= previous[1]
        self._entries[key] = (value, size)
        self.bytes += size
        while len(self._entries) > self.max_entries or (
                self.max_bytes is not None and self.bytes > self.max_bytes):
            _, (_, dropped) = self._entries.popitem(last=False)
            self.bytes -= dropped
        return value

    def __len__(self) -> int:
        return len(self._entries)
