"""Liveness and readiness.

`/healthz/` (liveness) answers "ok" without touching anything: the process is up and
serving. Container health checks and the benchmarks' trivial view use it, and it must
stay that cheap.

`/readyz/` (readiness) checks each part the site depends on and answers JSON: 200 when
every part answers, 503 naming the part that does not. It is for monitoring: the site
keeps serving with the cache or the broker down (uncached pages, invitations left in the
outbox), so a load balancer should keep routing on `/healthz/`. Each check is bounded by
the part's own timeouts (settings); errors name the exception's class only (the message,
with host names and ports, goes to the log).
"""

import logging
import secrets
import time
from collections.abc import Callable

from celery import current_app
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)


def health(request):
    """Answer "ok" without touching the database: the process is up and serving."""
    return HttpResponse("ok", content_type="text/plain")


def database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def cache() -> dict:
    """A write and a read on the shared cache itself (the `schedule` alias: `default`
    would answer from this process's memory while Redis is down)."""
    shared, probe = caches["schedule"], secrets.token_hex(8)
    shared.set("health:probe", probe, 30)
    if shared.get("health:probe") != probe:
        raise RuntimeError("the cache did not keep what was written")
    return {}


def broker() -> dict:
    """A fresh connection to the Celery broker (no retry: the transport's timeouts bound it).
    The app is gasched.celery's, current since gasched/__init__.py loaded it."""
    with current_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=0)
    return {}


def check(name: str, probe: Callable[[], dict]) -> dict:
    started = time.monotonic()
    try:
        found = {"up": True, **probe()}
    except Exception as error:  # whatever a part raises, it is down: say which
        log.warning("readiness: %s is down (%s: %s)", name, type(error).__name__, error)
        found = {"up": False, "error": type(error).__name__}
    return {**found, "seconds": round(time.monotonic() - started, 3)}


# The page is public (monitoring reaches it without signing in): each process answers
# from its last look for a few seconds, so a flood of requests costs the database, the
# broker and the cache one look each per process, not one per request.
FRESH_SECONDS = 5.0
_last: tuple[float, dict] | None = None


@never_cache
@require_safe
def readiness(
    request, *, outbox: Callable[[], dict], informative: dict[str, Callable[[], dict]] | None = None
):
    """Each part and whether it answers; `outbox` (correspondence) adds the backlog.
    `informative` parts are reported but never make the site unready (the Journal of
    the United Nations: how old the last good read is; the site serves without it)."""
    global _last
    if _last is None or time.monotonic() - _last[0] >= FRESH_SECONDS:
        parts = {
            "database": check("database", database),
            "cache": check("cache", cache),
            "broker": check("broker", broker),
            "outbox": check("outbox", outbox),
        }
        told = {name: check(name, probe) for name, probe in (informative or {}).items()}
        ready = all(p["up"] for p in parts.values())
        _last = (time.monotonic(), {"ready": ready, **parts, **told})
    answer = _last[1]
    return JsonResponse(answer, status=200 if answer["ready"] else 503)


def forget() -> None:
    """Look afresh on the next request (tests, which change the parts between requests)."""
    global _last
    _last = None
