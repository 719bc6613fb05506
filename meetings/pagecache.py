"""Rendered schedule content, cached until the schedule changes.

Rendering a week of meetings costs tens of milliseconds of template work; the data
changes a few times a day. Pages cache the part that is the same for every reader
(never the header, messages or staff buttons) under a key that includes a schedule
version. Any committed write to schedule data moves the version, so a cached fragment
is never served after the data it shows has changed.

The cache must be shared by all web processes (Redis in production): with the
per-process local-memory cache of the embedded default only one process may serve.
"""

import time
from collections import OrderedDict
from collections.abc import Callable
from hashlib import sha256
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")
VERSION_KEY = "schedule:version"
FRAGMENT_TIMEOUT = 24 * 60 * 60


# The version as this process last read it: (version, when read, monotonic seconds).
_last_read: tuple[int, float] | None = None


def schedule_version(*, max_age: float = 0.0) -> int:
    """The current schedule version. With max_age, a reading that recent is trusted
    (feeds only: one Redis read fewer per hit, at most that many seconds late for a
    change made by another process; this process's own changes are seen at once)."""
    global _last_read
    if max_age and _last_read and time.monotonic() - _last_read[1] < max_age:
        return _last_read[0]
    version = _read_version()
    _last_read = (version, time.monotonic())
    return version


def _read_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        # add(): if another process set one meanwhile, theirs wins and is read back.
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def schedule_changed() -> None:
    """Call after any write to schedule data; takes effect when the transaction commits.

    A new value (not an increment) so that a flushed or restarted cache can never
    bring an old version, and its old fragments, back.
    """
    transaction.on_commit(_move_version)


def _move_version() -> None:
    global _last_read
    version = time.time_ns()
    cache.set(VERSION_KEY, version, timeout=None)
    _last_read = (version, time.monotonic())


def fragment_key(*parts: object) -> str:
    digest = sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    return f"schedule:fragment:{digest}"


def cached_fragment(key: str, render: Callable[[], tuple[T, int]]) -> tuple[T, int]:
    """The fragment (HTML, or a feed) under `key`, or render() it; only successful (200)
    renders are kept.

    An entry holds the schedule version it was rendered at; both come back in one round
    trip, and an entry from an older version is rendered afresh.
    """
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = schedule_version()
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return entry[1], 200
    html, status = render()
    if status == 200:
        cache.set(key, (version, html), FRAGMENT_TIMEOUT)
    return html, status


class LocalCopies:
    """Large rendered entries (feeds of several MB) kept in this process's memory too.

    A cache hit then reads only the schedule version from the shared cache instead of
    the whole entry; the version still decides, so a change anywhere is seen at once.
    Least recently used entries go first once the byte budget is spent.
    """

    def __init__(self, budget: int):
        self.budget = budget
        self.entries: OrderedDict[str, tuple[int, object, int]] = OrderedDict()
        self.size = 0

    def get(self, key: str, version: int):
        entry = self.entries.get(key)
        if entry is None or entry[0] != version:
            return None
        self.entries.move_to_end(key)
        return entry[1]

    def put(self, key: str, version: int, value, size: int) -> None:
        if size > self.budget:
            return
        if key in self.entries:
            self.size -= self.entries.pop(key)[2]
        self.entries[key] = (version, value, size)
        self.size += size
        while self.size > self.budget:
            self.size -= self.entries.popitem(last=False)[1][2]


LOCAL_FEEDS = LocalCopies(budget=64 * 1024 * 1024)
# Calendar clients poll feeds hourly at best: a second's delay across processes is
# invisible to them and saves a Redis round trip on every hit.
FEED_VERSION_MAX_AGE = 1.0


def cached_large(key: str, render: Callable[[], tuple[T, int]], size: Callable[[T], int]):
    """cached_fragment for large values: this process's copy first, then the shared one."""
    version = schedule_version(max_age=FEED_VERSION_MAX_AGE)
    value = LOCAL_FEEDS.get(key, version)
    if value is not None:
        return value, 200
    value, status = cached_fragment(key, render)
    if status == 200:
        LOCAL_FEEDS.put(key, version, value, size(value))
    return value, status


def forget() -> None:
    """Drop what this process remembers (for tests, which clear the shared cache)."""
    global _last_read
    _last_read = None
    LOCAL_FEEDS.entries.clear()
    LOCAL_FEEDS.size = 0
