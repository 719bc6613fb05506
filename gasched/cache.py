"""The cache when Redis cannot be reached: slower, never wrong, never a 500.

Two aliases point at the same Redis (settings): `default` for what may be kept per process
for a while without being wrong, `schedule` for the rendered schedule, which must be
shared or not cached at all (meetings/pagecache.py says why).

`RedisOrLocalCache` is the `default` one. allauth keeps its rate limits there (failed
sign-ins, password resets, one lock per counter). While Redis is down, each process
counts in its own memory: a limit is then as many times looser as there are web
processes, never lifted, and signing in keeps working. When Redis is back the counts
are Redis's again (what was counted meanwhile is forgotten).

`Outage` is what both do with the failures of one process: the first failure of an
outage is logged with its traceback, the return with how long it lasted and how many
calls failed (one line each, not one per request); and while the server is down it is
tried again only every `pause` seconds, so that a server that does not answer costs one
socket timeout per pause, not one per call.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)


class Outage:
    """The state of one dependency as this process sees it."""

    def __init__(self, name: str, *, consequence: str, pause: float = 1.0):
        self.name = name
        self.consequence = consequence
        self.pause = pause
        self.down_since: float | None = None
        self.failures = 0
        self.retry_at = 0.0

    @property
    def down(self) -> bool:
        return self.down_since is not None

    def worth_trying(self) -> bool:
        """False while resting after a failure (the call is not made at all)."""
        return time.monotonic() >= self.retry_at

    def failed(self, error: Exception) -> None:
        now = time.monotonic()
        self.failures += 1
        self.retry_at = now + self.pause
        if self.down_since is None:
            self.down_since = now
            log.error(
                "%s unreachable (%s: %s): %s",
                self.name,
                type(error).__name__,
                error,
                self.consequence,
                exc_info=error,
            )

    def succeeded(self) -> None:
        if self.down_since is None:
            return
        log.warning(
            "%s reachable again after %.1f s (%d calls failed meanwhile)",
            self.name,
            time.monotonic() - self.down_since,
            self.failures,
        )
        self.forget()

    def forget(self) -> None:
        self.down_since, self.failures, self.retry_at = None, 0, 0.0


# One per process (Django makes a cache backend per thread): the threads of a process
# share what they know of Redis, and its local memory (LocMemCache keeps one store per
# name in each process).
DEFAULT_OUTAGE = Outage(
    "The default cache (Redis)",
    consequence="rate limits are counted in each process until it is back",
)
LOCAL_NAME = "gasched-while-redis-is-down"


class RedisOrLocalCache(RedisCache):
    """Django's Redis cache; each call that fails goes to this process's memory instead."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.local = LocMemCache(LOCAL_NAME, params)

    def _either(self, name: str, *args, **kwargs):
        if DEFAULT_OUTAGE.worth_trying():
            try:
                result = getattr(super(), name)(*args, **kwargs)
            except Exception as error:  # redis's own errors, OSError, a timeout: all alike
                DEFAULT_OUTAGE.failed(error)
            else:
                DEFAULT_OUTAGE.succeeded()
                return result
        return getattr(self.local, name)(*args, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._either("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._either("delete", key, version)

    def get_many(self, keys, version=None):
        return self._either("get_many", keys, version)

    def has_key(self, key, version=None):
        return self._either("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._either("incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._either("delete_many", keys, version)

    def clear(self):
        self.local.clear()
        return self._either("clear")
