"""Benchmark tomorrow's programme by e-mail: one day's programme to 5,000 subscribers
through Celery and Redis, against plain smtplib sending the same messages.

`.venv/bin/python benchmarks/digest.py` (and `make bench`). About two minutes.

- Its own database (gasched_bench_digest_<pid>_<time>, migrated with
  gasched.settings.dev, dropped at the end), Redis database 13 as the broker (emptied
  first and at the end; GASCHED_BENCH_DIGEST_REDIS_URL names another).
- A working day of MEETINGS published meetings laid out as the Journal prints them
  (plenary meetings with numbers, Main Committee meetings, informal consultations,
  briefings and events, most with a webcast link), and SUBSCRIBERS users subscribed
  to the whole programme, in the six languages (most in English, as the office's are).
- An aiosmtpd sink on a free port of 127.0.0.1 in a process of its own
  (benchmarks/smtp_sink.py): it accepts everything and counts it.
- A Celery worker subprocess (CONCURRENCY prefork processes) with the SMTP e-mail
  backend on the sink; this process only queues tasks to Redis.
- A, the programme: correspondence.daily_programme.write_programmes at the Friday
  evening it is due (the day's issue and 5,000 outbox rows written in one transaction,
  tasks queued after commit), until the sink has accepted the 5,000th message.
  B, the baseline: the same 5,000 rows' messages built beforehand with
  correspondence.programme_messages (not timed), sent with smtplib.SMTP over one
  connection (sendmail(from, [to], message.message().as_bytes(linesep=CRLF)), as
  benchmarks/fanout.py does). ratio = (N / A) / (N / B) = B / A, against GOAL.
  Exactly SUBSCRIBERS messages must arrive each way, and every row must end SENT.
- Always: the worker stopped (SIGTERM, then SIGKILL, whole process group), the sink
  stopped, the database dropped, the Redis database emptied. Aborted after HARD_LIMIT s.

Writes benchmarks/results/digest.json and adds it to latest.json under "digest"; the
ratio goes to the table of `make bench` (common.record).
"""

import os
import shutil
import smtplib
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

import common
import mailbench  # benchmarks/mailbench.py: the SMTP sink and the worker, shared
from common import HOST, BenchError

DB_NAME = common.run_database_name("gasched_bench_digest")
REDIS_URL = os.environ.get("GASCHED_BENCH_DIGEST_REDIS_URL", "redis://127.0.0.1:6379/13")
SUBSCRIBERS = 5000
MEETINGS = 30  # a busy day of the main part of a session
CONCURRENCY = 4
GOAL = 0.5  # the programme at least half of plain smtplib's rate, as the fan-out
SEND_TIMEOUT = 150.0  # seconds for the 5,000 messages of one side to arrive
SETTLE = 1.0  # seconds to wait after the last message for one too many
HARD_LIMIT = 420  # seconds: the whole run is aborted (and cleaned up) after this
LANGUAGES = ["en"] * 5 + ["fr", "es", "ru", "ar", "zh-hans"]  # one in ten in each other


def log(message: str) -> None:
    common.log(message, part="digest")


def bench_env(var_dir: Path, **extra: str) -> dict[str, str]:
    return common.django_env(var_dir, database=DB_NAME, redis_url=REDIS_URL, **extra)


def setup_django(var_dir: Path) -> None:
    # This process queues tasks and builds the baseline's messages; it never sends
    # through Django (the dummy backend), so no message can reach the sink from here.
    env = bench_env(var_dir, EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
    os.environ.clear()
    os.environ.update(env)
    common.setup_django()
    from gasched.celery import app  # noqa: PLC0415 -- apps not ready

    if app.conf.task_always_eager or app.conf.broker_url != REDIS_URL:
        raise BenchError("Celery in the benchmark process must queue to " + REDIS_URL)


def the_day() -> date:
    """A Monday two months ahead: its programme is due on the Friday evening before."""
    from meetings import schedule  # noqa: PLC0415 -- apps not ready

    day = schedule.today() + timedelta(days=60)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def load(day: date) -> dict:
    """The day's meetings and the subscribers."""
    from django.contrib.auth import get_user_model  # noqa: PLC0415 -- apps not ready
    from django.db import transaction  # noqa: PLC0415 -- apps not ready
    from django.utils import timezone  # noqa: PLC0415 -- apps not ready

    from correspondence.models import ProgrammeSubscription  # noqa: PLC0415 -- apps not ready
    from meetings import schedule  # noqa: PLC0415 -- apps not ready
    from meetings.enums import MeetingKind, MeetingStatus  # noqa: PLC0415 -- apps not ready
    from meetings.models import Meeting, Organ, Room  # noqa: PLC0415 -- apps not ready
    from meetings.sessions import ensure_session_covering  # noqa: PLC0415 -- apps not ready
    from meetings.timing import new_york_datetime  # noqa: PLC0415 -- apps not ready

    rooms = list(Room.objects.filter(is_current=True).order_by("pk"))
    organs = list(Organ.objects.order_by("order")[:7])
    kinds = [
        MeetingKind.INFORMAL_CONSULTATION,
        MeetingKind.NEGOTIATION,
        MeetingKind.BRIEFING,
        MeetingKind.PANEL,
        MeetingKind.DIALOGUE,
    ]
    session = ensure_session_covering(day)
    with transaction.atomic():
        for n in range(MEETINGS):
            official = n % 3 == 0
            hour = 9 + (n % 4) * 3  # 9, 12, 15, 18
            schedule.save_meeting(
                Meeting(
                    session=session,
                    title=(
                        f"Meeting {n}: informal consultations on the draft resolution "
                        f"on agenda item {60 + n} (programme benchmark)"
                    ),
                    kind=MeetingKind.PLENARY if official else kinds[n % len(kinds)],
                    organ=organs[n % len(organs)] if official else None,
                    meeting_number=40 + n if official else None,
                    status=MeetingStatus.SCHEDULED,
                    start=new_york_datetime(day, clock(hour)),
                    end=new_york_datetime(day, clock(hour + 2)),
                    room=rooms[n % len(rooms)] if n < len(rooms) else None,
                    webcast_url=f"https://webtv.un.org/en/asset/k1{n:03d}" if n % 2 else "",
                    published_at=timezone.now(),
                )
            )
        users = get_user_model().objects.bulk_create(
            [
                get_user_model()(username=f"delegate{n:04d}", email=f"delegate{n:04d}@example.org")
                for n in range(SUBSCRIBERS)
            ]
        )
        ProgrammeSubscription.objects.bulk_create(
            [
                ProgrammeSubscription(user=user, language=LANGUAGES[n % len(LANGUAGES)])
                for n, user in enumerate(users)
            ]
        )
    return {"meetings": MEETINGS, "subscribers": SUBSCRIBERS, "day": day.isoformat()}


def wait_for_messages(sink: mailbench.Sink, target: int, worker: subprocess.Popen | None) -> None:
    deadline = time.monotonic() + SEND_TIMEOUT
    while sink.received() < target:
        if time.monotonic() > deadline:
            raise BenchError(
                f"{sink.received()} of {target} messages arrived within {SEND_TIMEOUT:.0f} s"
            )
        if worker is not None and worker.poll() is not None:
            raise BenchError(f"the Celery worker exited with status {worker.returncode}")
        time.sleep(0.005)


def check_exactly(sink: mailbench.Sink, target: int, what: str) -> None:
    time.sleep(SETTLE)
    if sink.received() != target:
        raise BenchError(f"{what}: the sink accepted {sink.received()}, not {target} messages")


def programme(sink: mailbench.Sink, worker: subprocess.Popen, day: date) -> dict:
    """A: the programme written at the time it is due, until the sink has it all."""
    from correspondence import daily_programme  # noqa: PLC0415 -- apps not ready
    from correspondence.enums import DeliveryState  # noqa: PLC0415 -- apps not ready
    from correspondence.models import ProgrammeDelivery  # noqa: PLC0415 -- apps not ready
    from meetings.timing import new_york_datetime  # noqa: PLC0415 -- apps not ready

    friday_evening = new_york_datetime(day - timedelta(days=3), clock(18, 31))
    size_before = sink.bytes_received()
    started = time.monotonic()
    ids = daily_programme.write_programmes(now=friday_evening)
    written = time.monotonic()
    if len(ids) != SUBSCRIBERS:
        raise BenchError(f"{len(ids)} programmes written, not {SUBSCRIBERS}")
    wait_for_messages(sink, SUBSCRIBERS, worker)
    elapsed = time.monotonic() - started
    check_exactly(sink, SUBSCRIBERS, "the programme")
    deadline = time.monotonic() + 30
    while ProgrammeDelivery.objects.filter(state=DeliveryState.SENT).count() != SUBSCRIBERS:
        if time.monotonic() > deadline:
            raise BenchError("the programme's rows did not all end SENT")
        time.sleep(0.1)
    spans = [
        (sent - claimed).total_seconds()
        for claimed, sent in ProgrammeDelivery.objects.values_list("claimed", "sent")
    ]
    return {
        "seconds": elapsed,
        "write_ms": (written - started) * 1000,
        "mean_message_bytes": (sink.bytes_received() - size_before) / SUBSCRIBERS,
        "claim_to_sent_ms": statistics.mean(spans) * 1000,
    }


def prebuilt() -> list[tuple[str, str, object]]:
    """The 5,000 rows' messages, built as the worker builds them (not timed)."""
    from django.conf import settings  # noqa: PLC0415 -- apps not ready

    from correspondence import daily_programme  # noqa: PLC0415 -- apps not ready
    from correspondence.models import ProgrammeDelivery  # noqa: PLC0415 -- apps not ready

    rows = ProgrammeDelivery.objects.select_related("subscription__user").order_by("pk")
    prepared, built = {}, []
    for row in rows:
        message, failure = daily_programme.compose(row, prepared)
        if failure is not None:
            raise BenchError(f"the baseline's message of row {row.pk}: {failure}")
        built.append((settings.GASCHED_REPLY_ADDRESS, row.subscription.email, message))
    if len(built) != SUBSCRIBERS:
        raise BenchError(f"{len(built)} rows, not {SUBSCRIBERS}")
    return built


def plain_smtplib(sink: mailbench.Sink, messages: list) -> dict:
    """B: the same messages, already built, over one smtplib connection to the sink."""
    first = sink.received()
    started = time.monotonic()
    try:
        connection = smtplib.SMTP(HOST, sink.port, timeout=30)
        try:
            for sender, recipient, message in messages:
                connection.sendmail(sender, [recipient], message.message().as_bytes(linesep="\r\n"))
        finally:
            connection.quit()
    except (smtplib.SMTPException, OSError) as error:
        raise BenchError(f"plain smtplib: {error}") from error
    wait_for_messages(sink, first + SUBSCRIBERS, None)
    elapsed = time.monotonic() - started
    check_exactly(sink, first + SUBSCRIBERS, "plain smtplib")
    return {"seconds": elapsed}


def main() -> int:
    common.set_time_limit(HARD_LIMIT, "the programme benchmark")
    started = time.perf_counter()
    var_dir = Path(tempfile.mkdtemp(prefix="gasched-bench-digest-"))
    log_path = var_dir / "worker.log"
    sink = worker = None
    try:
        log(f"create database {DB_NAME}, empty {REDIS_URL}")
        common.create_database(DB_NAME)
        common.empty_redis(REDIS_URL)
        common.run_step(
            "migrate",
            [str(common.PYTHON), "manage.py", "migrate", "--noinput"],
            bench_env(var_dir),
            180,
        )
        setup_django(var_dir)
        day = the_day()
        loaded = load(day)
        log(f"{MEETINGS} meetings on {day}, {SUBSCRIBERS} subscribers")
        sink = mailbench.Sink(stamps=2 * SUBSCRIBERS + 10, part="digest").start()
        worker_env = bench_env(
            var_dir,
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST=HOST,
            EMAIL_PORT=str(sink.port),
        )
        with log_path.open("wb") as log_file:
            worker = mailbench.start_worker(
                worker_env, log_file, concurrency=CONCURRENCY, part="digest"
            )
            mailbench.wait_for_worker(worker, part="digest")
            sent = programme(sink, worker, day)
            common.stop_group(worker, what="the Celery worker", grace=20)
        messages = prebuilt()
        baseline = plain_smtplib(sink, messages)
        ratio = baseline["seconds"] / sent["seconds"]
        results = {
            **common.stamp(),
            "setup": {
                "worker": f"celery prefork, concurrency {CONCURRENCY}, settings dev, DEBUG=false",
                "broker": REDIS_URL,
                "sink": "aiosmtpd on 127.0.0.1, its own process, counting only",
                "baseline": "smtplib.SMTP, one connection, messages built beforehand",
            },
            "data": loaded,
            "programme": {**sent, "messages_per_second": SUBSCRIBERS / sent["seconds"]},
            "smtplib": {**baseline, "messages_per_second": SUBSCRIBERS / baseline["seconds"]},
            "goal": {
                "description": f"programme rate ≥ {GOAL} × plain smtplib's (smtplib s / its s)",
                "ratio": ratio,
                "met": ratio >= GOAL,
            },
        }
        print()
        print(f"Tomorrow's programme ({MEETINGS} meetings) to {SUBSCRIBERS} subscribers")
        print(
            f"  through Celery ({CONCURRENCY} processes): {sent['seconds']:.2f} s "
            f"({SUBSCRIBERS / sent['seconds']:.0f} msg/s; writing the rows "
            f"{sent['write_ms']:.0f} ms; {sent['mean_message_bytes'] / 1024:.1f} KiB a message)"
        )
        print(
            f"  plain smtplib, one connection: {baseline['seconds']:.2f} s "
            f"({SUBSCRIBERS / baseline['seconds']:.0f} msg/s)"
        )
        print(
            f"programme {SUBSCRIBERS} subscribers: {ratio:.2f} of plain smtplib's rate; "
            f"goal >= {GOAL}: {'PASS' if ratio >= GOAL else 'FAIL'}"
        )
        common.record(
            f"programme by e-mail rate / smtplib rate ({SUBSCRIBERS:,} subscribers)",
            round(ratio, 2),
            "x",
            f">= {GOAL}",
        )
    except BenchError as error:
        common.report_failure(error, log_path, part="digest")
        return 1
    finally:
        common.clear_time_limit()
        if worker is not None:
            common.stop_group(worker, what="the Celery worker", grace=20)
        if sink is not None:
            sink.stop()
        if "django" in sys.modules:
            from django.db import connections  # noqa: PLC0415 -- apps not ready

            connections.close_all()
        common.clean_up_database(DB_NAME)
        try:
            common.empty_redis(REDIS_URL)
        except Exception as error:  # clean-up goes on whatever Redis answers
            log(f"could not empty {REDIS_URL}: {error}")
        shutil.rmtree(var_dir, ignore_errors=True)
    results["duration_s"] = round(time.perf_counter() - started, 1)
    common.write_named_results("digest", results)
    log(f"whole run {results['duration_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
