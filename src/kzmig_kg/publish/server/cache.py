"""Answers kept for the life of the server: ``ReleaseCache``. The store is read-only and a server
serves one release, so a rendered document stays right until the server stops; the cache only
bounds how many are kept (least recently used out)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any


class ReleaseCache:
    def __init__(self, max_entries: int = 4096):
        self.max_entries = max_entries
        self._entries: OrderedDict[Any, Any] = OrderedDict()

    def get(self, key: Any) -> Any:
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, key: Any, value: Any) -> Any:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
        return value
