"""Handing work to Celery after a commit, when the broker may not be there.

The rows a change wrote are the truth (an outbox, an import job, a link to mail); the
task only says "go". A broker that cannot be reached is logged, never raised to the
page that saved, and a periodic sweep hands the waiting rows over once it is back.
"""

import logging

log = logging.getLogger(__name__)


def hand_over(task, *args, what: str, meanwhile: str) -> bool:
    """task.delay(*args); False when the broker could not take it (`what` could not be
    queued; `meanwhile` says what becomes of it), logged with its traceback."""
    try:
        task.delay(*args)
    except Exception:  # kombu's OperationalError, a timeout: the broker is not there
        log.exception("Could not queue %s (the broker is unreachable): %s", what, meanwhile)
        return False
    return True
