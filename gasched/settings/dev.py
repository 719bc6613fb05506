"""The embedded default for `make run` (manage.py's default): base, on a developer's
machine: a fixed key and DEBUG on (demo accounts shown on the sign-in page)."""

from .base import *

GASCHED_DEVELOPMENT = True
# Fixed and public: these settings are only ever chosen on a developer's machine
# (gasched.wsgi and the Celery app default to production, which needs a key of its own).
SECRET_KEY = SECRET_KEY or "gasched-development-key-not-for-production"
DEBUG = env_bool("DEBUG", default=True)
