"""Benchmark a CSV import of 5,000 contacts: what the request does, then the job.

`.venv/bin/python benchmarks/contacts_import.py [--meetings N] [--redis-url URL]` (and
`make bench`, last). The issue's measure: 5,000 rows took 152 s in one request, wrote
1.53 million invitations and 30,587 Celery tasks, and would be killed (and rolled back)
by gunicorn's 30 s timeout every time.

- A PostgreSQL database of the run's own (gasched_bench_import_<pid>, dropped at the
  end whatever happens), migrated with gasched.settings.dev; Redis (db 12 unless told)
  as the Celery broker, emptied first and at the end. No worker: the tasks the job
  queues are counted in Redis, not sent.
- MEETINGS published plenary meetings to come (every mission receives plenaries), so
  each new contact is owed MEETINGS invitations: 5,000 × 300 = 1.5 million, as in the
  issue.
- A CSV of 5,000 rows over the 195 shipped missions.
- **Request**: missions.contacts.import_contacts(data), what the upload view calls:
  every row checked, the job row written, its task queued after commit.
- **Job**: missions.contacts.run_import(job), what the worker runs: the contacts saved
  500 rows a step, each step with its new contacts' invitations (written in bulk) and
  its progress in one transaction, the deliveries queued after each commit in tasks of
  correspondence.delivery.BATCH.
- Reported: seconds for each, SQL statements, invitations written, tasks queued (and
  their batch size). Goal: the request well under gunicorn's 30 s (≤ 5 s: PASS).

Writes benchmarks/results/contacts_import.json and adds it to latest.json.
"""

import argparse
import csv
import io
import os
import shutil
import sys
import tempfile
import time
from datetime import time as clock
from datetime import timedelta
from pathlib import Path

import common
from common import BenchError

ROWS = 5000
MEETINGS = 300
REDIS_URL = "redis://127.0.0.1:6379/12"
REQUEST_GOAL = 5.0  # seconds; gunicorn kills a request at 30
HARD_LIMIT = 1800  # seconds: the whole run is aborted (and cleaned up) after this


def log(message: str) -> None:
    common.log(message, part="import")


def setup_django(env: dict[str, str], redis_url: str) -> None:
    os.environ.clear()
    os.environ.update(env)
    common.setup_django()
    from gasched.celery import app  # noqa: PLC0415 -- apps not ready

    if app.conf.task_always_eager or app.conf.broker_url != redis_url:
        raise BenchError(f"Celery must queue to {redis_url}, not run tasks in this process")


def publish_meetings(count: int) -> None:
    """`count` scheduled plenary meetings to come, two a working day in the GA Hall."""
    from django.utils import timezone  # noqa: PLC0415 -- apps not ready

    from meetings import schedule  # noqa: PLC0415 -- apps not ready
    from meetings.enums import MeetingKind, MeetingStatus, Timing  # noqa: PLC0415 -- apps not ready
    from meetings.models import Meeting, Room  # noqa: PLC0415 -- apps not ready
    from meetings.sessions import ensure_session_covering  # noqa: PLC0415 -- apps not ready
    from meetings.timing import new_york_datetime  # noqa: PLC0415 -- apps not ready

    hall = Room.objects.get(code="GA-HALL")
    day = schedule.today() + timedelta(days=30)
    made = 0
    while made < count:
        day += timedelta(days=1)
        if day.weekday() > 4:
            continue
        for hour in (10, 15)[: count - made]:
            schedule.save_meeting(
                Meeting(
                    session=ensure_session_covering(day),
                    title=f"Plenary meeting (import benchmark {made})",
                    kind=MeetingKind.PLENARY,
                    status=MeetingStatus.SCHEDULED,
                    timing=Timing.EXACT,
                    start=new_york_datetime(day, clock(hour)),
                    end=new_york_datetime(day, clock(hour + 2)),
                    room=hall,
                    published_at=timezone.now(),  # published: its invitations go
                )
            )
            made += 1


def contacts_csv() -> bytes:
    from missions.models import Mission  # noqa: PLC0415 -- apps not ready

    names = list(Mission.objects.order_by("name").values_list("name", flat=True))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["mission", "name", "email", "function"])
    for n in range(ROWS):
        writer.writerow(
            [names[n % len(names)], f"Delegate {n}", f"delegate{n}@m{n % len(names)}.example", ""]
        )
    return out.getvalue().encode()


class Statements:
    """Counts the SQL statements run on the default connection (without keeping them:
    the job's INSERTs are large)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(redis_url: str) -> dict:
    import redis  # noqa: PLC0415 -- loaded only when needed
    from django.db import connection  # noqa: PLC0415 -- apps not ready

    from correspondence.delivery import BATCH  # noqa: PLC0415 -- apps not ready
    from correspondence.models import Delivery  # noqa: PLC0415 -- apps not ready
    from missions import contacts  # noqa: PLC0415 -- apps not ready
    from missions.models import Contact  # noqa: PLC0415 -- apps not ready

    broker = redis.Redis.from_url(redis_url)
    data = contacts_csv()
    request, job_statements = Statements(), Statements()
    with connection.execute_wrapper(request):
        started = time.perf_counter()
        job = contacts.import_contacts(data)
        request_s = time.perf_counter() - started
    queued_by_request = broker.llen("celery")
    broker.delete("celery")  # the job runs here, not in a worker
    log(f"request: {request_s:.2f} s, {request.count} statements; job {job.pk} queued")
    with connection.execute_wrapper(job_statements):
        started = time.perf_counter()
        job = contacts.run_import(job.pk)
        job_s = time.perf_counter() - started
    tasks = broker.llen("celery")
    invitations = Delivery.objects.count()
    if job.state != "done" or Contact.objects.count() != ROWS:
        raise BenchError(f"the job ended {job.state} with {Contact.objects.count()} contacts")
    log(f"job: {job_s:.1f} s, {job_statements.count} statements")
    log(f"  {invitations} invitations written, {tasks} tasks queued")
    return {
        "rows": ROWS,
        "request": {
            "seconds": round(request_s, 3),
            "statements": request.count,
            "tasks_queued": queued_by_request,
            "goal_seconds": REQUEST_GOAL,
            "met": request_s <= REQUEST_GOAL,
        },
        "job": {
            "seconds": round(job_s, 1),
            "statements": job_statements.count,
            "contacts_created": job.new_contacts,
            "invitations": invitations,
            "invitations_per_second": round(invitations / job_s),
            "tasks_queued": tasks,
            "deliveries_per_task": BATCH,
        },
    }


def report(results: dict) -> None:
    request, job = results["request"], results["job"]
    verdict = "PASS" if request["met"] else "FAIL"
    print(
        f"\nCSV import of {results['rows']:,} contacts, {results['meetings']} meetings to come\n"
        f"  request (check every row, queue the job): {request['seconds']:.2f} s, "
        f"{request['statements']} SQL statements; goal ≤ {REQUEST_GOAL:.0f} s: {verdict}\n"
        f"  job (contacts and invitations): {job['seconds']:.1f} s, {job['statements']:,} SQL "
        f"statements, {job['invitations']:,} invitations ({job['invitations_per_second']:,}/s), "
        f"{job['tasks_queued']:,} tasks of {job['deliveries_per_task']}\n",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=MEETINGS, help="meetings to come")
    parser.add_argument("--redis-url", default=REDIS_URL, help="the broker, emptied")
    args = parser.parse_args()
    common.set_time_limit(HARD_LIMIT, "the import benchmark")
    database = common.run_database_name("gasched_bench_import")
    var_dir = Path(tempfile.mkdtemp(prefix="gasched-bench-import-"))
    started = time.perf_counter()
    try:
        log(f"create database {database}, empty {args.redis_url}")
        common.create_database(database)
        common.empty_redis(args.redis_url)
        env = common.django_env(var_dir, database=database, redis_url=args.redis_url)
        common.run_step(
            "migrate", [str(common.PYTHON), "manage.py", "migrate", "--noinput"], env, 180
        )
        setup_django(env, args.redis_url)
        log(f"publish {args.meetings} plenary meetings to come")
        publish_meetings(args.meetings)
        results = {**common.stamp(), "meetings": args.meetings, **measure(args.redis_url)}
        report(results)
        common.record(
            "CSV import of 5,000 contacts: the request",
            results["request"]["seconds"],
            "s",
            f"<= {REQUEST_GOAL}",
        )
    except BenchError as error:
        log(f"FAILED: {error}")
        return 1
    finally:
        common.clear_time_limit()
        if "django" in sys.modules:
            from django.db import connections  # noqa: PLC0415 -- apps not ready

            connections.close_all()
        common.clean_up_database(database)
        try:
            common.empty_redis(args.redis_url)
        except Exception as error:  # clean-up goes on whatever Redis answers
            log(f"could not empty {args.redis_url}: {error}")
        shutil.rmtree(var_dir, ignore_errors=True)
    results["duration_s"] = round(time.perf_counter() - started, 1)
    common.write_named_results("contacts_import", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
