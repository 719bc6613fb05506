"""Feeds rebuilt only when what they hold changed, and by one worker at a time.

Any edit moves the schedule version (meetings.pagecache), and a page is rendered again.
A feed is not: thousands of calendars poll the feeds every hour, and an edit changes
what few of them hold. So each cached feed keeps a stamp beside its bytes:

- the fingerprint of what it holds, taken from the feed's own querysets (its filter
  and its window, whatever they are): how many meetings, the sums of their ids and
  revisions, their latest change, the same of the meetings they follow (whose titles
  they show), and of the deadlines; with the reference version (what they show of
  processes, rooms and sessions, pagecache.REFERENCE_KEY). One aggregate query, and
  one more for a feed with deadlines.
- the schedule version and the day it was last checked at: while both are current it
  is served as it is, with no query (the window follows the date).
- its ETag (the hash of its bytes) and when its bytes last changed (Last-Modified).

When the version has moved or the day has changed, the fingerprint is taken again. The
same: the stamp is renewed and the same bytes are served with the same validators, so
If-None-Match and If-Modified-Since get their 304. Not the same: the feed is rebuilt by
one worker, the one that takes its lock (a Redis key that expires by itself: a worker
that dies while building holds nobody up for long). The others wait for its result, at
most WAIT seconds, then serve the bytes they had, or build them themselves. Bytes
rebuilt the same keep their Last-Modified; other bytes are dated from the latest change
that can have made them: the schedule version, the window's move at midnight, the
feed's own change (a personal schedule's follows).

The fingerprint is taken before the feed is read, so bytes never reflect less than their
fingerprint says (an edit committed between the two is seen again next time). A slot
keeps the stamps of the WAYS feeds checked last, each feed's bytes in a key of its own:
a hundred feeds on 128 slots do not push each other out. Without the cache
(pagecache's outage rules), a feed is built for each request.
"""

import secrets
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from time import monotonic, sleep

from django.db.models import QuerySet

from . import fingerprints, pagecache
from .models import Deadline, Meeting
from .pagecache import LOCAL_COPIES, REFERENCE_KEY, UNREACHED, VERSION_KEY, cache, shared
from .timing import NEW_YORK, today

Contents = tuple[QuerySet[Meeting], QuerySet[Deadline]]
WAYS = 8  # feeds a slot keeps at once: feeds landing on one slot do not evict each other
WAIT = 5.0  # seconds a request waits for the worker building the same feed
LOCK_SECONDS = 30  # a builder that died holds the others up no longer than this
FIRST_PAUSE, LONGEST_PAUSE = 0.01, 0.1  # seconds between looks at a build in progress


@dataclass(frozen=True)
class Stamp:
    """What is known of the bytes cached for one feed."""

    digest: str  # the identity of the feed (pagecache.slot_key)
    version: int  # the schedule version it was last checked at
    day: date  # and the day
    fingerprint: tuple
    etag: str
    changed: int  # nanoseconds: when the bytes last changed

    def is_current(self, version: int, day: date) -> bool:
        return self.version >= version and self.day == day


@dataclass(frozen=True)
class Feed:
    body: bytes
    etag: str
    changed: int  # nanoseconds: when these bytes last changed (or, uncached, at most)


def fingerprint(meetings: QuerySet[Meeting], deadlines: QuerySet[Deadline]) -> tuple:
    """What changes whenever a row the feed shows changes, or one comes or goes
    (meetings.fingerprints): the meetings with those they follow, and the deadlines."""
    return (*fingerprints.of_meetings(meetings), *fingerprints.of_deadlines(deadlines))


def window_moved(day: date) -> int:
    """When a feed's window last moved (it follows the date): the start of `day` in New
    York, in nanoseconds. A feed may have changed then without any edit."""
    return int(datetime.combine(day, time(0), NEW_YORK).timestamp()) * 1_000_000_000


@dataclass(frozen=True)
class Place:
    """Where one feed is kept: its slot (pagecache.slot_key) holds the stamps of up to
    WAYS feeds, the most recently checked; beside it, each one's bytes and lock."""

    slot: str
    digest: str

    @property
    def entry(self) -> str:
        return f"{self.slot}:{self.digest[:24]}"

    @property
    def body(self) -> str:
        return f"{self.entry}:body"

    @property
    def lock(self) -> str:
        return f"{self.entry}:building"


def feed(
    kind: str,
    identity: tuple,
    contents: Callable[[], Contents],
    build: Callable[[Contents], bytes],
    *,
    own_change: int = 0,
) -> Feed:
    """The feed `build(contents())` gives for `identity`, rebuilt only when what it holds
    changed. `own_change` (nanoseconds): when what the identity names last changed."""
    place = Place(*pagecache.slot_key(kind, identity))
    day = today()
    version = pagecache.schedule_version(max_age=pagecache.LARGE_VERSION_MAX_AGE)
    local = LOCAL_COPIES.get(place.entry)
    if local is not None and local[0].is_current(version, day):
        return Feed(local[1], local[0].etag, local[0].changed)
    found = shared(lambda: cache.get_many([VERSION_KEY, REFERENCE_KEY, place.slot]))
    if found is UNREACHED:
        return uncached(contents, build)
    version = found.get(VERSION_KEY) or pagecache.schedule_version()
    reference = found.get(REFERENCE_KEY) or pagecache.reference_version()
    if reference is None:
        return uncached(contents, build)
    stamp = (found.get(place.slot) or {}).get(place.digest)
    if stamp is not None and stamp.is_current(version, day):
        cached = served(place, stamp)
        if cached is not None:
            return cached
    held = contents()
    now_held = (reference, *fingerprint(*held))
    if stamp is not None and stamp.fingerprint == now_held:
        renewed = replace(stamp, version=version, day=day)
        cached = served(place, renewed)
        if cached is not None:
            keep(place, renewed, stamps=found[place.slot])
            return cached
    checked = Stamp(place.digest, version, day, now_held, etag="", changed=0)
    return rebuilt(place, checked, stamp, lambda: build(held), own_change=own_change)


def served(place: Place, stamp: Stamp) -> Feed | None:
    """The bytes `stamp` describes, from this process's copy or the shared one (then
    copied here); None when neither holds them any more."""
    local = LOCAL_COPIES.get(place.entry)
    if local is not None and local[0].etag == stamp.etag:
        body = local[1]
    else:
        kept = shared(lambda: cache.get(place.body))
        if kept is UNREACHED or kept is None or kept[0] != stamp.etag:
            return None
        body = zlib.decompress(kept[1])
    if local is None or local[0] != stamp:
        LOCAL_COPIES.put(place.entry, (stamp, body), len(body))
    return Feed(body, stamp.etag, stamp.changed)


def keep(place: Place, stamp: Stamp, body: bytes | None = None, stamps=None) -> bool:
    """The stamp (and the bytes) stored; the slot keeps the WAYS feeds checked last, and
    the bytes of those it lets go are deleted. `stamps`: the slot as just read (else it is
    read now). False without the cache."""
    if stamps is None:
        stamps = shared(lambda: cache.get(place.slot))
    if stamps is UNREACHED:
        return False
    stamps = {d: s for d, s in (stamps or {}).items() if d != place.digest}
    stamps[place.digest] = stamp  # the most recent last
    gone = [Place(place.slot, digest).body for digest in list(stamps)[:-WAYS]]
    stamps = dict(list(stamps.items())[-WAYS:])
    entries = {place.slot: stamps}
    if body is not None:
        entries[place.body] = (stamp.etag, zlib.compress(body, 1))
    if shared(lambda: cache.set_many(entries, pagecache.TIMEOUT)) is UNREACHED:
        return False
    if gone:
        shared(lambda: cache.delete_many(gone))
    return True


def rebuilt(
    place: Place, checked: Stamp, previous: Stamp | None, build: Callable[[], bytes], *, own_change
) -> Feed:
    """Built by this worker if it takes the feed's lock; otherwise the result of the
    worker that holds it, or (after WAIT) the previous bytes, or built here after all."""
    token = secrets.token_hex(8)
    taken = shared(lambda: cache.add(place.lock, token, LOCK_SECONDS))
    if taken is False:
        waited = wait_for_build(place, checked)
        if waited is not None:
            return waited
        stale = served(place, previous) if previous is not None else None
        if stale is not None:
            return stale
    try:
        body = build()
        etag = pagecache.etag(body)
        if previous is not None and previous.etag == etag:
            changed = previous.changed  # rebuilt the same: not modified
        else:
            changed = max(checked.version, window_moved(checked.day), own_change)
        stamp = replace(checked, etag=etag, changed=changed)
        if keep(place, stamp, body):
            LOCAL_COPIES.put(place.entry, (stamp, body), len(body))
    finally:
        # Stored first: a worker waiting for it stops waiting when the lock is gone.
        if taken is True and shared(lambda: cache.get(place.lock)) == token:
            shared(lambda: cache.delete(place.lock))
    return Feed(body, etag, changed)


def wait_for_build(place: Place, checked: Stamp) -> Feed | None:
    """The feed another worker is building, once it is stored; None if it is not within
    WAIT seconds, or if the builder let go of the lock without storing it."""
    deadline = monotonic() + WAIT
    pause = FIRST_PAUSE
    while monotonic() < deadline:
        sleep(pause)
        pause = min(pause * 2, LONGEST_PAUSE)
        found = shared(lambda: cache.get_many([place.slot, place.lock]))
        if found is UNREACHED:
            return None
        stamp = (found.get(place.slot) or {}).get(place.digest)
        if stamp is not None and stamp.is_current(checked.version, checked.day):
            return served(place, stamp)
        if place.lock not in found:
            return None
    return None


def uncached(contents: Callable[[], Contents], build: Callable[[Contents], bytes]) -> Feed:
    """Built for this request alone (a search, or the cache out of reach), dated from the
    version read before it (none while the cache is out of reach: now)."""
    changed = max(pagecache.schedule_version(), window_moved(today()))
    body = build(contents())
    return Feed(body, pagecache.etag(body), changed)
