"""A real Celery worker, in its own process, on the suite's PostgreSQL and Redis."""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    """The test database (pytest-django's test_<name>) as a URL for the worker."""
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class Worker:
    def __init__(self, *, smtp_port: int, concurrency: int = 2, env: dict | None = None):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "gasched.settings.test",
            "DATABASE_URL": database_url(),
            "GASCHED_TEST_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_USE_TLS": "0",
            "GASCHED_RETRY_SECONDS": "0.3",
            "GASCHED_TEST_CELERY_EAGER": "0",
            **(env or {}),
        }
        self.concurrency = concurrency
        self.process = None

    def start(self) -> "Worker":
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "gasched",
                "worker",
                "--loglevel",
                "WARNING",
                "--concurrency",
                str(self.concurrency),
                "--pool",
                "prefork",
                "--without-heartbeat",
                "--without-mingle",
                "--without-gossip",
            ],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,  # its own process group: kill() takes the children too
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.wait_until_ready()
        return self

    def wait_until_ready(self, timeout: float = 30) -> None:
        from gasched.celery import app

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.process.stderr.read().decode()[-2000:])
            if app.control.ping(timeout=0.5):
                return
        raise RuntimeError("the Celery worker did not answer within 30 s")

    def kill(self) -> None:
        """SIGKILL, as when a machine dies: no clean shutdown, no acknowledgements."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        if self.process and self.process.stderr:
            self.process.stderr.close()


def wait_for(condition, *, timeout: float = 30, interval: float = 0.1):
    """Poll until condition() is truthy (bounded: fails after `timeout` seconds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"not reached within {timeout} s: {condition.__doc__ or condition}")


@contextmanager
def broker_at(url: str):
    """This process's Celery app on another broker (a closed port: the broker is down);
    the connection pools built for the old one are dropped, both ways."""
    from gasched.celery import app

    def switch(to: str) -> None:
        app.conf.broker_url = to
        app._pool = None
        app.amqp._producer_pool = None

    before = app.conf.broker_url
    switch(url)
    try:
        yield
    finally:
        switch(before)
