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
  own state in its identity instead. Feeds and schedule pages go further
  (meetings.feedcache, meetings.shownpages): an entry of an older version is served
  again when what it holds has not changed.
- An entry is found by what it shows (its `identity`: page, canonical filter, language,
  host), but stored in one of a fixed number of slots per kind of entry. Requests can
  make any number of identities, never more than `SLOTS` keys: a slot holds one identity
  at a time, and another identity landing on it replaces it (a feed's slot holds a few,
  each with its bytes in a key of its own: meetings.feedcache).
- The cache is shared by all web processes (Redis in production): with the per-process
  local-memory cache of the embedded default only one process may serve.

When the cache cannot be reached (Redis down, a timeout), pages are rendered uncached:
slower, never wrong, never a 500; the process then rests a second before trying again
(gasched.cache.Outage), so a Redis that does not answer costs one socket timeout a
second, not one per call. Not from this process's memory instead: a version kept per
process would not move when another process writes. The danger is afterwards. A
change committed while Redis was unreachable could not move the version; when Redis
comes back with its data (after a network cut, or restarted from its snapshot)
it still holds the old version and the entries rendered at it. So a process that could
not reach the cache no longer vouches for the version: the first call that reaches it
again sets a fresh version before reading anything (every entry rendered before is then
unused), and until that succeeds the process renders uncached. The process whose move
failed always saw the failure, so it always sets a fresh version before it serves from
the cache again; so does every other process that tried the cache while it was down.
What this leaves open: a process that did not touch the cache during the outage can
serve an entry older than such a change from the moment Redis is back until one of the
processes that saw the outage next serves a request (under any traffic, a moment; the
outage is logged). Keeping the version in the database instead would close that and
cost a query on every hit, which the page and feed figures do not allow.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from hashlib import sha256
from typing import Generic, TypeVar

from django.core.cache import caches
from django.db import transaction
from django.utils.connection import ConnectionProxy

from gasched.cache import Outage

T = TypeVar("T")
# Its own alias, on the same Redis as `default` but without a per-process fallback.
cache = ConnectionProxy(caches, "schedule")
VERSION_KEY = "schedule:version"
# Moved only by changes to what pages and feeds show of a meeting from elsewhere (the
# titles and co-facilitators of processes, the names of rooms, the dates of sessions):
# feeds compare the meetings and deadlines they hold row by row, and this for the rest
# (meetings.feedcache). Set afresh with the version after an outage, like it.
REFERENCE_KEY = "schedule:reference"
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
    "process": 512,
    "api-meetings": 256,
    "filter-choices": 64,  # one per day shown: a session's processes
    "filter-counts": 64,  # one per day shown: a session's counts by kind, process, room
    "filter-box": 256,
    # Feeds can be megabytes (kept compressed): few slots, each keeping the stamps and
    # bytes of feedcache.WAYS feeds, so that two feeds on one slot do not evict each other.
    "feed": 128,
    "personal-feed": 256,
    "session-feed": 32,  # the archive's: whole sessions, asked for now and then
}

# A version at least this old is "settled": no write of the same second can follow it,
# so its second may be sent as Last-Modified (see `last_modified`).
SETTLED_SECONDS = 2.0

# The version as this process last read it: (version, wall-clock seconds when read).
_last_read: tuple[int, float] | None = None
# Whether this process lost the cache since it last set the version (see the docstring).
_version_unknown = False
OUTAGE = Outage("The page cache (Redis)", consequence="pages and feeds are rendered uncached")
UNREACHED = object()


def shared(call: Callable[[], T]) -> T | object:
    """What `call` returns from the cache, or UNREACHED when the cache cannot be used."""
    if not _usable():
        return UNREACHED
    try:
        result = call()
    except Exception as error:  # a connection refused, a timeout, any error of redis's
        _lost(error)
        return UNREACHED
    OUTAGE.succeeded()
    return result


def _usable() -> bool:
    """The cache is worth trying, and this process vouches for its version (setting a
    fresh one first when it lost the cache since)."""
    global _version_unknown, _last_read
    if not OUTAGE.worth_trying():
        _version_unknown, _last_read = True, None
        return False
    if _version_unknown:
        version = time.time_ns()
        try:
            cache.set_many({VERSION_KEY: version, REFERENCE_KEY: version}, timeout=None)
        except Exception as error:  # as in shared
            _lost(error)
            return False
        _version_unknown, _last_read = False, (version, time.time())
        OUTAGE.succeeded()
    return True


def _lost(error: Exception) -> None:
    global _version_unknown, _last_read
    OUTAGE.failed(error)
    _version_unknown, _last_read = True, None


def schedule_version(*, max_age: float = 0.0) -> int:
    """The current schedule version: nanoseconds since the epoch at the last committed
    change of schedule data. With max_age, a reading that recent is trusted (feeds only:
    one Redis read fewer per hit, at most that many seconds late for a change made by
    another process; this process's own changes are seen at once). While the cache
    cannot be reached, a version nothing was rendered at (now)."""
    global _last_read
    now = time.time()
    if max_age and _last_read and 0 <= now - _last_read[1] < max_age:
        return _last_read[0]
    version = _read_version()
    if version is None:
        return time.time_ns()
    _last_read = (version, now)
    return version


def _read_version(key: str = VERSION_KEY) -> int | None:
    """The version in the cache, set now if it holds none; None without the cache."""
    version = shared(lambda: cache.get(key))
    if version is None:
        fresh = time.time_ns()
        # add(): if another process set one meanwhile, theirs wins and is read back.
        added = shared(lambda: cache.add(key, fresh, timeout=None))
        if added is UNREACHED:
            return None
        version = fresh if added else shared(lambda: cache.get(key, fresh))
    return None if version is UNREACHED else version


def schedule_changed(*, reference: bool = False) -> None:
    """Call after any write to schedule data; takes effect when the transaction commits.
    `reference`: the write is to what pages and feeds show of a meeting from elsewhere
    (see REFERENCE_KEY); it moves the reference version too.

    A new value (not an increment) so that a flushed or restarted cache can never
    bring an old version, and its old entries, back.
    """
    transaction.on_commit(partial(_move_version, reference=reference))


def _move_version(*, reference: bool) -> None:
    """After commit: the change is saved whatever happens here. A move that cannot reach
    the cache leaves this process not vouching for the version (_lost)."""
    global _last_read
    version = time.time_ns()
    keys = (VERSION_KEY, REFERENCE_KEY) if reference else (VERSION_KEY,)
    moved = shared(lambda: cache.set_many(dict.fromkeys(keys, version), timeout=None))
    if moved is not UNREACHED:
        _last_read = (version, time.time())


def reference_version() -> int | None:
    """The version at the last committed change of reference data (REFERENCE_KEY); None
    while the cache cannot be reached."""
    return _read_version(REFERENCE_KEY)


@dataclass(frozen=True)
class Cached(Generic[T]):
    """A cached value and the schedule version it was rendered at."""

    value: T
    version: int
    kept: bool = True  # False: rendered while the cache could not be reached


def slot_key(kind: str, identity: Iterable[object]) -> tuple[str, str]:
    """The key of the slot an identity is stored in, and the identity's digest."""
    digest = sha256("\x1f".join(map(str, identity)).encode()).hexdigest()
    return f"schedule:{kind}:{int(digest[:12], 16) % SLOTS[kind]}", digest


def fragment(kind: str, identity: Iterable[object], render: Callable[[], T]) -> Cached[T]:
    """The value `render()` gives for `identity`, from cache while the schedule has not
    changed since it was rendered.

    The version and the slot come back in one round trip; an entry of an older version,
    or of another identity sharing the slot, is rendered afresh. Without the cache,
    rendered each time (`kept` is False).
    """
    key, digest = slot_key(kind, identity)
    found = shared(lambda: cache.get_many([VERSION_KEY, key]))
    if found is UNREACHED:
        return Cached(render(), time.time_ns(), kept=False)
    version = found.get(VERSION_KEY)
    if version is None:
        version = schedule_version()
    entry = found.get(key)
    if entry is not None and entry[0] == version and entry[1] == digest:
        return Cached(entry[2], version)
    value = render()
    kept = shared(lambda: cache.set(key, (version, digest, value), TIMEOUT)) is not UNREACHED
    return Cached(value, version, kept=kept)


def by_content(kind: str, inputs: Iterable[object], render: Callable[[], T]) -> T:
    """What `render()` gives, for a value that depends on `inputs` alone (it reads nothing
    else): found by a digest of them, in the kind's slots, so it can never be stale and a
    change of the schedule elsewhere does not discard it (the filter box of a page is
    the same after most edits). Without the cache, rendered each time."""
    key, digest = slot_key(kind, inputs)
    found = shared(lambda: cache.get(key))
    if found is not UNREACHED and found is not None and found[0] == digest:
        return found[1]
    value = render()
    if found is not UNREACHED:
        shared(lambda: cache.set(key, (digest, value), TIMEOUT))
    return value


class LocalCopies:
    """Large rendered entries (feeds of several MB) kept in this process's memory too, so
    that a hit reads no more than a few bytes from the shared cache. What an entry is
    valid for is its caller's to check (meetings.feedcache keeps each feed's stamp with
    it). Least recently used entries go first once the byte budget is spent; the threads
    of a process share it."""

    def __init__(self, budget: int):
        self.budget = budget
        self.entries: OrderedDict[str, tuple[object, int]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            self.entries.move_to_end(key)
            return entry[0]

    def put(self, key: str, value, size: int) -> None:
        with self.lock:
            if key in self.entries:
                self.size -= self.entries.pop(key)[1]
            if size > self.budget:
                return
            self.entries[key] = (value, size)
            self.size += size
            while self.size > self.budget:
                self.size -= self.entries.popitem(last=False)[1][1]

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0


LOCAL_COPIES = LocalCopies(budget=64 * 1024 * 1024)
# Calendar clients poll feeds hourly at best: a second's delay across processes is
# invisible to them and saves a Redis round trip on every hit.
LARGE_VERSION_MAX_AGE = 1.0


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
    global _last_read, _version_unknown
    _last_read, _version_unknown = None, False
    OUTAGE.forget()
    LOCAL_COPIES.clear()
