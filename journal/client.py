"""A small client of the Journal of the United Nations' public JSON API
(https://journal-api.un.org/api/), as its own web app uses it: the duty station and the
language are request headers, not parts of the address.

The standard library's urllib: three GET requests with headers and timeouts need no
new dependency. Every fault is a JournalFault with a reason for the sync report and the
log; nothing here writes anything.
"""

import json
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urljoin

from django.conf import settings

log = logging.getLogger(__name__)

USER_AGENT = "gasched/0.1 (Office of the President of the General Assembly; Journal sync)"
HEADERS = {
    "location": "new york",
    "language": "en",
    "Accept": "application/json",
    "User-Agent": USER_AGENT,
}
# An answer larger than this is not a day of the Journal.
MAX_BYTES = 5 * 1024 * 1024


class JournalFault(Exception):
    """The Journal could not be read: unreachable, too slow, an error status, an answer
    that is not JSON or not shaped as expected. `reason` says which, for people."""

    transient = False  # an error status that may pass (5xx, 429): worth another try

    def __init__(self, reason: str, *, reachable: bool = True):
        super().__init__(reason)
        self.reason = reason
        # False: the Journal did not answer at all (no point asking for the next day).
        self.reachable = reachable


@dataclass(frozen=True)
class Answer:
    data: object  # the JSON read; None when unchanged
    etag: str = ""
    last_modified: str = ""
    unchanged: bool = False  # 304: the same as the last read


def is_enabled() -> bool:
    return bool(settings.GASCHED_JOURNAL_URL) and settings.GASCHED_JOURNAL_SYNC


class JournalClient:
    def __init__(
        self,
        base_url: str | None = None,
        *,
        timeout: float | None = None,
        retries: int | None = None,
        backoff: float | None = None,
    ):
        base = settings.GASCHED_JOURNAL_URL if base_url is None else base_url
        self.base_url = base if base.endswith("/") else base + "/"
        self.timeout = settings.GASCHED_JOURNAL_TIMEOUT if timeout is None else timeout
        self.retries = settings.GASCHED_JOURNAL_RETRIES if retries is None else retries
        self.backoff = settings.GASCHED_JOURNAL_BACKOFF if backoff is None else backoff

    def day(self, day: date, *, etag: str = "", last_modified: str = "") -> Answer:
        """allnew/<day>: the official and informal meetings of one day."""
        return self.get(f"allnew/{day.isoformat()}", etag=etag, last_modified=last_modified)

    def official(self, journal_id: str) -> Answer:
        """officials/<id>: one official meeting with its agenda."""
        return self.get(f"officials/{quote(journal_id, safe='')}")

    def get(self, path: str, *, etag: str = "", last_modified: str = "") -> Answer:
        """GET with retries on what may pass (unreachable, timeouts, 5xx, 429), waiting
        backoff, 2 x backoff, ... between tries; never more than `retries` + 1 tries."""
        headers = dict(HEADERS)
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        url = urljoin(self.base_url, path)
        for attempt in range(self.retries + 1):
            try:
                return self._get_once(url, headers)
            except JournalFault as fault:
                passing = not fault.reachable or fault.transient
                if not passing or attempt == self.retries:
                    raise
                log.info("journal: %s (try %d), trying again", fault.reason, attempt + 1)
                time.sleep(self.backoff * (2**attempt))
        raise AssertionError("unreachable")  # the loop returns or raises

    def _get_once(self, url: str, headers: dict) -> Answer:
        request = urllib.request.Request(url, headers=headers, method="GET")  # noqa: S310 -- https base from settings
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read(MAX_BYTES + 1)
                content_type = response.headers.get("Content-Type", "")
                etag = response.headers.get("ETag", "")
                modified = response.headers.get("Last-Modified", "")
        except urllib.error.HTTPError as error:
            error.close()  # its body is not read: nothing in it is needed
            if error.code == 304:
                return Answer(
                    None,
                    etag=error.headers.get("ETag", ""),
                    last_modified=error.headers.get("Last-Modified", ""),
                    unchanged=True,
                )
            fault = JournalFault(f"the Journal answered {error.code} for {url}")
            fault.transient = error.code >= 500 or error.code == 429
            raise fault from error
        except TimeoutError as error:
            raise JournalFault(
                f"no answer within {self.timeout}s from {url}", reachable=False
            ) from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError):
                raise JournalFault(
                    f"no answer within {self.timeout}s from {url}", reachable=False
                ) from error
            raise JournalFault(f"the Journal is unreachable ({reason})", reachable=False) from error
        if len(body) > MAX_BYTES:
            raise JournalFault(f"the answer from {url} is larger than {MAX_BYTES} bytes")
        if "html" in content_type.lower() or body.lstrip()[:1] == b"<":
            raise JournalFault(f"the Journal answered a web page, not JSON, for {url}")
        try:
            data = json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as error:
            raise JournalFault(f"the answer from {url} is not valid JSON ({error})") from error
        return Answer(data, etag=etag, last_modified=modified)
