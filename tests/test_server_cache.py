"""The server's caches are bounded in bytes as well as in entries (least recently used out), so
that a server process's memory stays small whatever its clients ask."""

from __future__ import annotations

from kzmig_kg.publish.server.cache import ReleaseCache
from kzmig_kg.publish.server.wire import Answer


def test_the_least_recently_used_go_when_the_bytes_are_over_the_budget() -> None:
    cache = ReleaseCache(100, max_bytes=3_000)
    for key in "abc":
        cache.put(key, Answer(200, "text/csv", bytes(1_000)))
    assert cache.get("a") is not None          # now the most recently used
    cache.put("d", b"x" * 1_500)
    assert cache.get("b") is None and cache.get("c") is None   # 1,500 bytes freed, oldest first
    assert cache.get("a") is not None and cache.get("d") is not None
    assert cache.bytes == 2_500 and len(cache) == 2


def test_a_value_over_the_whole_budget_is_answered_but_not_kept() -> None:
    cache = ReleaseCache(100, max_bytes=3_000)
    cache.put("small", "y" * 10)
    big = b"z" * 3_001
    assert cache.put("big", big) is big
    assert cache.get("big") is None and cache.get("small") == "y" * 10


def test_the_entry_bound_still_holds_and_a_replaced_value_is_counted_once() -> None:
    cache = ReleaseCache(2, max_bytes=10_000)
    cache.put("k", b"1" * 100)
    cache.put("k", b"2" * 300)
    assert cache.bytes == 300
    cache.put("l", b"")
    cache.put("m", b"")
    assert cache.get("k") is None and len(cache) == 2 and cache.bytes == 0
