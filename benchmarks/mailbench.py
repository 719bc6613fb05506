"""What the two mail benchmarks (fanout.py, digest.py) share: the counting SMTP sink
(benchmarks/smtp_sink.py) run in a spawned process with its counters in shared memory,
and a real Celery worker started, pinged and stopped as a process group."""

import multiprocessing
import subprocess
import time

import common
import smtp_sink  # benchmarks/smtp_sink.py: the counting aiosmtpd sink
from common import HOST, BenchError

WORKER_STARTUP_TIMEOUT = 60.0


class Sink:
    """benchmarks/smtp_sink.py in a spawned process; counters in shared memory. `stamps`
    is how many messages' arrival times it keeps; `part` names it in the log."""

    def __init__(self, *, stamps: int, part: str):
        self.part = part
        self.context = multiprocessing.get_context("spawn")
        self.port = common.free_port()
        self.count = self.context.Value("q", 0)
        self.size = self.context.RawValue("q", 0)
        self.stamps = self.context.RawArray("d", stamps)
        self.ready = self.context.Event()
        self.stop_event = self.context.Event()
        self.process = None

    def log(self, message: str) -> None:
        common.log(message, part=self.part)

    def start(self) -> "Sink":
        self.process = self.context.Process(
            target=smtp_sink.serve,
            args=(self.port, self.count, self.size, self.stamps, self.ready, self.stop_event),
            name=f"{self.part}-smtp-sink",
            daemon=True,
        )
        self.process.start()
        if not self.ready.wait(timeout=30):
            raise BenchError("the SMTP sink did not start within 30 s")
        self.log(f"SMTP sink (aiosmtpd) on {HOST}:{self.port}, pid {self.process.pid}")
        return self

    def received(self) -> int:
        with self.count.get_lock():
            return self.count.value

    def bytes_received(self) -> int:
        with self.count.get_lock():
            return self.size.value

    def stamp(self, index: int) -> float:
        """When the message number `index` (0-based, over the whole run) was accepted."""
        if index >= len(self.stamps):
            raise BenchError(
                f"more messages than the sink keeps timestamps for ({len(self.stamps)})"
            )
        return self.stamps[index]

    def stop(self) -> None:
        if self.process is None:
            return
        self.stop_event.set()
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.log("stopped the SMTP sink")
        self.process = None


def start_worker(env: dict[str, str], log_file, *, concurrency: int, part: str):
    args = [str(common.PYTHON), "-m", "celery", "-A", "gasched", "worker"]
    args += ["--concurrency", str(concurrency), "--pool", "prefork", "-l", "WARNING"]
    args += ["--without-heartbeat", "--without-mingle", "--without-gossip"]
    common.log(f"start the Celery worker ({concurrency} prefork processes)", part=part)
    return common.start_group(args, env, log_file)


def wait_for_worker(worker: subprocess.Popen, *, part: str) -> None:
    from gasched.celery import app  # noqa: PLC0415 -- apps not ready

    started = time.monotonic()
    deadline = started + WORKER_STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise BenchError(f"the Celery worker exited with status {worker.returncode}")
        if app.control.ping(timeout=0.5):
            waited = time.monotonic() - started
            common.log(f"  the worker answered a ping after {waited:.1f} s", part=part)
            return
    raise BenchError(f"the Celery worker did not answer within {WORKER_STARTUP_TIMEOUT:.0f} s")


def stop_worker(worker: subprocess.Popen) -> None:
    common.stop_group(worker, what="the Celery worker", grace=20)
