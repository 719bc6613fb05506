"""The application, plus one trivial path that answers the feed's own bytes.

Used by benchmarks/feeds.py as gunicorn's application: SAME_BYTES_PATH answers, with no
Django at all, the bytes of the file named by the environment variable GASCHED_SAME_BYTES
(the programme feed as the runner fetched it once), read once when the worker starts;
every other path goes to gasched.wsgi.application unchanged. Comparing the two tells what
the feed view costs beyond sending its bytes.
"""

import os
from pathlib import Path

from gasched.wsgi import application as django_application

SAME_BYTES_PATH = "/__same-bytes__"
BODY = Path(os.environ["GASCHED_SAME_BYTES"]).read_bytes()
HEADERS = [
    ("Content-Type", "text/calendar; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    if environ.get("PATH_INFO") == SAME_BYTES_PATH:
        start_response("200 OK", list(HEADERS))
        return [BODY]
    return django_application(environ, start_response)
