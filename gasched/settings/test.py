"""Settings for the test suite.

PostgreSQL and Redis are used when DATABASE_URL and REDIS_URL are set (as .ci/run does);
otherwise SQLite, and the tests that need the real services skip with a reason.
"""

from urllib.parse import urlsplit, urlunsplit

from .base import *

if REDIS_URL:
    # The suite clears the cache between tests: give it a Redis database of its own.
    CACHES["default"]["LOCATION"] = urlunsplit(urlsplit(REDIS_URL)._replace(path="/15"))

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEBUG = False
# Static files are served by the test client's finders; WhiteNoise would only warn that
# collectstatic has not run.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]
