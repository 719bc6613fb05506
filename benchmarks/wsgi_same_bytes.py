"""The application, plus one trivial Django view that answers the feed's own bytes.

Used by benchmarks/feeds.py as gunicorn's application. SAME_BYTES_PATH is served by a
trivial view added to the app's own URL configuration (before the first request), so it
goes through the same middleware as the feed: it answers the bytes of the file named by
the environment variable GASCHED_SAME_BYTES (the programme feed as the runner fetched it
once), read when the worker starts. Comparing the two tells what the feed view costs
beyond a view that only sends its bytes, as the product's goal is stated.
"""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from gasched.wsgi import application

SAME_BYTES_PATH = "/__same-bytes__"
BODY = Path(os.environ["GASCHED_SAME_BYTES"]).read_bytes()


def same_bytes(request):
    return HttpResponse(BODY, content_type="text/calendar; charset=utf-8")


# The resolver reads urlpatterns lazily, at the first request: this view is in by then.
import gasched.urls  # noqa: E402 -- after the Django application is set up

gasched.urls.urlpatterns.insert(0, path(SAME_BYTES_PATH.lstrip("/"), same_bytes))

__all__ = ["application"]
