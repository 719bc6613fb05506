"""Settings for the test suite.

PostgreSQL and Redis are used when DATABASE_URL and REDIS_URL are set (as .ci/run does);
otherwise SQLite, and the tests that need the real services skip with a reason.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *

if REDIS_URL:
    # The suite clears the cache between tests: give it a Redis database of its own
    # (GASCHED_TEST_CACHE_DB lets two checkouts run their suites side by side).
    _cache_db = os.environ.get("GASCHED_TEST_CACHE_DB", "15")
    for _alias in CACHES.values():
        _alias["LOCATION"] = urlunsplit(urlsplit(REDIS_URL)._replace(path=f"/{_cache_db}"))

GASCHED_DEVELOPMENT = True  # the suite and the Celery workers it starts
SECRET_KEY = SECRET_KEY or "gasched-test-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
# The suite reads mail from locmem; the Celery workers the delivery tests start send
# through SMTP to the aiosmtpd server on loopback those tests run (they set this).
EMAIL_BACKEND = os.environ.get(
    "GASCHED_TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
# Eager in the suite; the real workers the delivery tests start set this to 0.
CELERY_TASK_ALWAYS_EAGER = os.environ.get("GASCHED_TEST_CELERY_EAGER", "1") == "1"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEBUG = False
# Static files are served by the test client's finders; WhiteNoise would only warn that
# collectstatic has not run.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]

# The Journal is never reached from the suite: tests/journal serve its shape on loopback
# and set the address themselves; short waits so that faults are tested fast.
GASCHED_JOURNAL_URL = ""
GASCHED_JOURNAL_TIMEOUT = 0.5
GASCHED_JOURNAL_RETRIES = 2
GASCHED_JOURNAL_BACKOFF = 0.01
