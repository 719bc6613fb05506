"""Rendered schedule content, cached until the schedule changes.

Rendering a week of meetings costs tens of milliseconds of template work; the data
changes a few times a day. Views validate the request first, then ask `fragment()` for
the part that is the same for every reader: never the page around it, which carries
per-visitor values (CSRF token, `next`, messages, the user's name) and is rendered for
each request.

Three rules keep what is cached true and small:

- Every entry holds the schedule version it was rendered at. Any committed write to
  schedule data moves the version, so an entry is never served after the data it shows
  has changed. Following a meeting is not a schedule write: a personal feed names its
  own state in its identity instead.
- An entry is found by what it shows (its `identity`: page, canonical filter, language,
  host), but stored in one of a fixed number of slots per kind of entry. Requests can
  make any number of identities, never more than `SLOTS` keys: a slot holds one identity
  at a time, and another identity landing on it replaces it.
- The cache is shared by all web processes (Redis in production): with the per-process
  local-memory cache of the embedded default only one process may serve.
"""

import pickle
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from hashlib import sha256
from typing import Generic, TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")
VERSION_KEY = "schedule:version"
TIMEOUT = 24 * 60 * 60

# How many keys each kind of entry may hold at most. A slot is shared when identities
# collide; the figures keep collisions rare for what readers really ask for.
SLOTS = {
    "programme": 64,
    "day": 256,
    "week": 128,
    "rooms": 64,
    "month": 64,
    "meeting": 2048,
    "filter-choices": 1,
    "feed": 64,  # feeds can be megabytes (kept compressed): few slots
    "personal-feed": 1024,
}

# A version at least this old is "settled": no write of the same second can follow it,
# so its second may be sent as Last-Modified (see `last_modified`).
SETTLED_SECONDS = 2.0

# The version as this process last read it: (version, wall-clock seconds when read).
_last_read: tuple[int, float] | None = None


def schedule_version(*, max_age: float = 0.0) -> int:
    """The current schedule version: nanoseconds since the epoch at the last committed
    change of schedule data. With max_age, a reading that recent is trusted (feeds only:
    one Redis read fewer per hit, at most that many seconds late for a change made by
    another process; this process's own changes are seen at once)."""
    global _last_read
    now = time.time()
    if max_age and _last_read and 0 <= now - _last_read[1] < max_age:
        return _last_read[0]
    version = _read_version()
    _last_read = (version, now)
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
    bring an old version, and its old entries, back.
    """
    transaction.on_commit(_move_version)


def _move_version() -> None:
    global _last_read
    version = time.time_ns()
    cache.set(VERSION_KEY, version, timeout=None)
    _last_read = (version, time.time())


@dataclass(frozen=True)
class Cached(Generic[T]):
    """A cached value and the schedule version it was rendered at."""

    value: T
    version: int


def slot_key(kind: str, identity: Iterable[object]) -> tuple[str, str]:
    """The key of the slot an identity is stored in, and the identity's digest."""
    digest = sha256("\x1f".join(map(str, identity)).encode()).hexdigest()
    return f"schedule:{kind}:{int(digest[:12], 16) % SLOTS[kind]}", digest


def fragment(kind: str, identity: Iterable[object], render: Callable[[], T]) -> Cached[T]:
    """The value `render()` gives for `identity`, from cache while the schedule has not
    changed since it was rendered.

    The version and the slot come back in one round trip; an entry of an older version,
    or of another identity sharing the slot, is rendered afresh.
    """
    key, digest = slot_key(kind, identity)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = schedule_version()
    entry = found.get(key)
    if entry is not None and entry[0] == version and entry[1] == digest:
        return Cached(entry[2], version)
    value = render()
    cache.set(key, (version, digest, value), TIMEOUT)
    return Cached(value, version)


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


LOCAL_COPIES = LocalCopies(budget=64 * 1024 * 1024)
# Calendar clients poll feeds hourly at best: a second's delay across processes is
# invisible to them and saves a Redis round trip on every hit.
LARGE_VERSION_MAX_AGE = 1.0


def large_fragment(
    kind: str, identity: Iterable[object], render: Callable[[], T], *, size: Callable[[T], int]
) -> Cached[T]:
    """fragment() for large values (feeds): this process's copy first, then the shared
    one, which is kept compressed (a feed of several MB shrinks about eightfold, so the
    slots of a kind cost Redis, also the Celery broker, tens of MB at most)."""
    identity = tuple(identity)
    key, digest = slot_key(kind, identity)
    local_key = f"{key}:{digest}"
    version = schedule_version(max_age=LARGE_VERSION_MAX_AGE)
    value = LOCAL_COPIES.get(local_key, version)
    if value is not None:
        return Cached(value, version)
    packed = fragment(kind, identity, lambda: zlib.compress(pickle.dumps(render()), 1))
    value = pickle.loads(zlib.decompress(packed.value))  # noqa: S301 -- our own cache entry
    LOCAL_COPIES.put(local_key, packed.version, value, size(value))
    return Cached(value, packed.version)


def last_modified(*changed_ns: int) -> int | None:
    """Last-Modified (whole seconds) for content last changed at the latest of `changed_ns`
    (schedule versions or the data's own timestamps, in nanoseconds), or None while that
    change is not yet settled: HTTP dates have whole seconds, and a second change within
    the same second would otherwise answer If-Modified-Since with a false 304."""
    latest = max(changed_ns)
    if time.time_ns() - latest < SETTLED_SECONDS * 1e9:
        return None
    return latest // 1_000_000_000


def etag(body: bytes) -> str:
    """A strong validator: the same bytes, the same tag, whatever was rebuilt."""
    return '"' + sha256(body).hexdigest()[:32] + '"'


def forget() -> None:
    """Drop what this process remembers (for tests, which clear the shared cache)."""
    global _last_read
    _last_read = None
    LOCAL_COPIES.entries.clear()
    LOCAL_COPIES.size = 0
