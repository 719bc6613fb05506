"""A Redis of the test's own on a free port, to stop, pause and start again at will.

Never the shared Redis the suite and the other checkouts use: faults are made here only.
Stopped, it is a closed port; paused (SIGSTOP), a server that accepts connections and
never answers, with its data kept for when it resumes.
"""

import copy
import os
import shutil
import signal
import subprocess
import time

import redis
from django.conf import settings

from tests.mailserver import free_port


class RedisServer:
    def __init__(self, directory):
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        """Start (again) on the same port, empty: no snapshot, no append-only file."""
        executable = shutil.which("redis-server")
        if executable is None:
            raise RuntimeError("redis-server is not installed (apt-get install redis-server)")
        self.process = subprocess.Popen(
            [
                executable,
                *("--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)),
                *("--save", "", "--appendonly", "no", "--daemonize", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.02)
            finally:
                client.close()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGCONT)  # a paused server must hear the TERM
        self.process.terminate()
        self.process.wait(timeout=10)

    def pause(self) -> None:
        """It keeps its connections and data, and answers nothing."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)


def caches_at(url: str) -> dict:
    """The suite's CACHES with every alias on `url`."""
    caches = copy.deepcopy(settings.CACHES)
    for alias in caches.values():
        alias["LOCATION"] = url
    return caches


def closed_port_url() -> str:
    """A Redis address where nothing listens: every connection is refused at once."""
    return f"redis://127.0.0.1:{free_port()}/0"
