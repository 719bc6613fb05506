"""Schedule pages kept while what they show is unchanged, whatever changed elsewhere.

Any edit moves the schedule version (meetings.pagecache); a page cached by the version
would be rendered again after every edit, though most edits are to other weeks. So the
content every reader shares (the part of a schedule page rendered without the request)
is kept in its slot with a stamp, as feeds are (meetings.feedcache):

- the fingerprint of what it shows: its own meetings queryset (the page's window and
  filter, published meetings only) in one aggregate query (meetings.fingerprints), with
  the reference version (what it shows of processes, rooms and sessions);
- the schedule version it was last checked at: while that is current, it is served
  with no query;
- the digest of the content, which also keys the page around it for visitors who are
  not signed in (meetings.pageshell): the same content, the same page, not rendered
  again.

After an edit the fingerprint is taken again: the same, the stamp is renewed (one small
write) and the content and page served as they are; not the same, the content is
rendered and, if its digest differs, the page too. The fingerprint is taken before
the content is read, so content never reflects less than its stamp says. The slot
(pagecache.slot_key) holds the stamp, and beside it the content and the page, each
naming the identity it is for: another identity landing on the slot replaces all
three. Without the cache (pagecache's outage rules), rendered for each request.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from hashlib import sha256

from django.db.models import QuerySet

from . import fingerprints, pagecache
from .models import Meeting
from .pagecache import REFERENCE_KEY, TIMEOUT, UNREACHED, VERSION_KEY, cache, shared


@dataclass(frozen=True)
class Stamp:
    """What is known of the content cached for one identity."""

    identity: str  # its digest (pagecache.slot_key)
    version: int  # the schedule version it was last checked at
    fingerprint: tuple
    content: str  # the digest of the content


@dataclass(frozen=True)
class Place:
    slot: str
    identity: str

    @property
    def content(self) -> str:
        return f"{self.slot}:content"

    @property
    def page(self) -> str:
        return f"{self.slot}:page"


def digest(value: str | bytes) -> str:
    return sha256(value.encode() if isinstance(value, str) else value).hexdigest()


def content(
    kind: str, identity: tuple, meetings: Callable[[], QuerySet[Meeting]], render: Callable[[], str]
) -> str:
    """The content `render()` gives for `identity`, rendered again only when `meetings`
    (what it shows) or the reference data changed."""
    place = Place(*pagecache.slot_key(kind, identity))
    checked = _checked(place, [place.content], meetings)
    if checked is None:
        return render()
    stamp, found = checked
    kept = _kept(found.get(place.content), place, stamp)
    if kept is not None:
        return kept
    return _rendered(place, stamp, render)[0]


def page(
    kind: str,
    identity: tuple,
    meetings: Callable[[], QuerySet[Meeting]],
    render: Callable[[], str],
    shell: Callable[[str], bytes],
) -> bytes:
    """The page `shell(content)` gives around that content, for visitors who are not
    signed in: rendered again only when the content's digest changed."""
    place = Place(*pagecache.slot_key(kind, identity))
    checked = _checked(place, [place.page], meetings)
    if checked is None:
        return shell(render())
    stamp, found = checked
    kept = _kept(found.get(place.page), place, stamp)
    if kept is not None:
        return kept
    if stamp.content:
        shown = _kept(shared(lambda: cache.get(place.content)), place, stamp)
        if shown is None:
            shown, stamp = _rendered(place, stamp, render)
    else:
        shown, stamp = _rendered(place, stamp, render)
    body = shell(shown)
    shared(lambda: cache.set(place.page, (place.identity, stamp.content, body), TIMEOUT))
    return body


def _checked(place: Place, keys: list[str], meetings) -> tuple[Stamp, dict] | None:
    """The stamp of the content kept for the place's identity, checked against the
    current version (renewed if the fingerprint is the same; with no content digest if
    it must be rendered), and what else was read with it; None without the cache."""
    found = shared(lambda: cache.get_many([VERSION_KEY, REFERENCE_KEY, place.slot, *keys]))
    if found is UNREACHED:
        return None
    version = found.get(VERSION_KEY) or pagecache.schedule_version()
    reference = found.get(REFERENCE_KEY) or pagecache.reference_version()
    if reference is None:
        return None
    stamp = found.get(place.slot)
    if not isinstance(stamp, Stamp) or stamp.identity != place.identity:
        stamp = None
    if stamp is not None and stamp.version == version:
        return stamp, found
    now_shown = (reference, *fingerprints.of_meetings(meetings(), followed=False))
    if stamp is not None and stamp.fingerprint == now_shown:
        renewed = replace(stamp, version=version)
        if shared(lambda: cache.set(place.slot, renewed, TIMEOUT)) is UNREACHED:
            return None
        return renewed, found
    return Stamp(place.identity, version, now_shown, content=""), found


def _kept(entry, place: Place, stamp: Stamp):
    """The value of a content or page entry, if it is of this identity and content."""
    if not stamp.content or not isinstance(entry, tuple) or len(entry) != 3:
        return None
    identity, content_digest, value = entry
    if identity != place.identity or content_digest != stamp.content:
        return None
    return value


def _rendered(place: Place, stamp: Stamp, render: Callable[[], str]) -> tuple[str, Stamp]:
    """The content rendered and kept with its stamp."""
    shown = render()
    stamp = replace(stamp, content=digest(shown))
    entries = {place.slot: stamp, place.content: (place.identity, stamp.content, shown)}
    shared(lambda: cache.set_many(entries, TIMEOUT))
    return shown, stamp
