"""The production entry points fail closed: gasched.wsgi (gunicorn) and the Celery
worker refuse to start without a secret key of their own or with DEBUG on, unless the
settings say this is a developer's machine or the test suite (gasched.settings.dev and
.test, which must be chosen explicitly: both entry points default to production)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_unsafe_settings() -> None:
    if getattr(settings, "GASCHED_DEVELOPMENT", False):
        return
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django's own "must not be empty", said more plainly
        key = ""
    if not key:
        raise ImproperlyConfigured(
            "Set SECRET_KEY in the environment: a server never runs without one. On a "
            "developer's machine, say so: DJANGO_SETTINGS_MODULE=gasched.settings.dev."
        )
    if settings.DEBUG:
        raise ImproperlyConfigured(
            "DEBUG is on outside development: it shows settings, tracebacks and the demo "
            "accounts to anyone. Unset DEBUG (gasched.settings.production forces it off)."
        )
