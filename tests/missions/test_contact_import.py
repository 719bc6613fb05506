"""Large CSV imports: every row checked in the request, then saved by a background job
whose progress staff can watch, the invitations of the new contacts written and queued
in batches. What the job queues is read back from the Redis broker, never mocked."""

import base64
import csv
import io
import json
import time
from datetime import date
from datetime import time as clock

import pytest
import redis
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import PGA_VIEWERS
from correspondence.delivery import BATCH
from correspondence.enums import DeliveryKind, DeliveryState
from correspondence.models import Delivery
from gasched.celery import app
from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions.contacts import IMPORT_STEP, import_contacts, run_import, save_rows
from missions.enums import ImportState
from missions.models import Contact, ContactImport, Mission
from tests.celeryworker import Worker, wait_for
from tests.factories import SessionFactory, user_with_role
from tests.mailserver import MailServer

pytestmark = pytest.mark.django_db

IMPORT = reverse("missions:contacts-import")


def csv_of(rows: int, *, emails: dict[int, str] | None = None, mission=None) -> bytes:
    """`rows` contacts spread over the shipped missions (or all at `mission`); `emails`
    replaces the address of some rows (by index: the row on line index + 2)."""
    names = [mission] if mission else list(Mission.objects.values_list("name", flat=True))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["mission", "name", "email", "function"])
    for n in range(rows):
        address = (emails or {}).get(n, f"delegate{n}@mission{n % len(names)}.example")
        writer.writerow([names[n % len(names)], f"Delegate {n}", address, "Focal point"])
    return out.getvalue().encode()


@pytest.fixture
def broker():
    """Tasks go to the Redis broker instead of running in the test; `broker()` lists the
    messages waiting there as (task name, arguments)."""
    app.conf.task_always_eager = False
    app.control.purge()
    client = redis.Redis.from_url(app.conf.broker_url)

    def queued() -> list[tuple[str, list]]:
        messages = [json.loads(raw) for raw in reversed(client.lrange("celery", 0, -1))]
        return [
            (message["headers"]["task"], json.loads(base64.b64decode(message["body"]))[0])
            for message in messages
        ]

    yield queued
    app.control.purge()
    client.close()
    app.conf.task_always_eager = True


def upcoming_plenaries(count: int) -> list[Meeting]:
    """Published meetings to come that every mission receives by default."""
    session = SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))
    return [
        schedule.save_meeting(
            Meeting(
                session=session,
                title=f"Plenary meeting {n}",
                kind=MeetingKind.PLENARY,
                start=new_york_datetime(date(2031, 3, 10 + n), clock(10)),
                room=Room.objects.get(code="GA-HALL"),
                status=MeetingStatus.SCHEDULED,
                published_at=new_york_datetime(date(2031, 1, 10), clock(10)),
            )
        )
        for n in range(count)
    ]


@pytest.mark.redis
def test_a_5000_row_file_is_checked_in_the_request_and_left_to_a_job(
    staff_client, editor, broker, django_capture_on_commit_callbacks
):
    data = SimpleUploadedFile("contacts.csv", csv_of(5000))
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(IMPORT, {"file": data})
    elapsed = time.monotonic() - started
    job = ContactImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert elapsed < 10  # gunicorn gives a request 30 s; this took 152 s in the request
    assert (job.state, job.total, job.done, job.uploaded_by) == ("queued", 5000, 0, editor)
    assert not Contact.objects.exists()  # the job saves them
    assert broker() == [("missions.run_contact_import", [job.pk])]
    page = staff_client.get(response["Location"]).content.decode()
    assert "Waiting for a worker" in page
    assert '<meta http-equiv="refresh" content="2">' in page


@pytest.mark.redis
def test_a_5000_row_file_with_bad_lines_is_refused_whole_and_nothing_is_queued(
    staff_client, broker, django_capture_on_commit_callbacks
):
    data = csv_of(5000, emails={2500: "not-an-address", 4999: "nor@this@one"})
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(IMPORT, {"file": SimpleUploadedFile("c.csv", data)})
    assert response.status_code == 400
    errors = response.context["errors"]
    assert [error.split(",")[0].split(":")[0] for error in errors] == ["Line 2502", "Line 5001"]
    assert (Contact.objects.count(), ContactImport.objects.count(), broker()) == (0, 0, [])


@pytest.mark.redis
def test_the_job_saves_every_contact_and_queues_their_invitations_in_batches(
    broker, django_capture_on_commit_callbacks
):
    upcoming_plenaries(2)
    with django_capture_on_commit_callbacks(execute=True):
        job = import_contacts(csv_of(5000))
    app.control.purge()  # the job's own message: the job is run here instead
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        job = run_import(job.pk)
    assert (job.state, job.done, job.new_contacts, job.updated_contacts) == ("done", 5000, 5000, 0)
    assert Contact.objects.count() == 5000
    invitations = Delivery.objects.filter(
        kind=DeliveryKind.INVITATION, state=DeliveryState.PENDING
    ).values_list("pk", flat=True)
    assert len(invitations) == 10_000  # every new contact, to both meetings
    tasks = broker()
    assert {name for name, _ in tasks} == {"correspondence.deliver_batch"}
    batches = [ids for _, (ids,) in tasks]
    assert len(batches) == 10_000 // BATCH  # 200 tasks, not one per invitation
    assert {len(ids) for ids in batches} == {BATCH}
    assert sorted(pk for ids in batches for pk in ids) == sorted(invitations)
    # A fixed number of queries per step of 500 rows (contacts and their invitations in
    # bulk, the progress), not a few per row as before (about 20,000).
    steps = 5000 // IMPORT_STEP
    assert len(queries) <= 20 * steps


def test_a_job_delivered_twice_or_found_half_done_saves_each_row_once(
    django_capture_on_commit_callbacks,
):
    """A worker lost after the first step: the task comes again, and goes on where the
    saved progress says (as here, where the first step was saved by hand)."""
    with django_capture_on_commit_callbacks(execute=False):
        job = import_contacts(csv_of(IMPORT_STEP + 100, mission="Belgium"))
    save_rows(job.rows[:IMPORT_STEP], confirmed=True)
    ContactImport.objects.filter(pk=job.pk).update(
        state=ImportState.RUNNING, done=IMPORT_STEP, new_contacts=IMPORT_STEP
    )
    job = run_import(job.pk)
    assert (job.state, job.done, job.new_contacts, job.updated_contacts) == (
        "done",
        IMPORT_STEP + 100,
        IMPORT_STEP + 100,
        0,
    )
    job = run_import(job.pk)  # once more: finished, nothing to do
    assert (job.done, job.new_contacts, job.rows) == (IMPORT_STEP + 100, IMPORT_STEP + 100, [])
    assert Contact.objects.filter(mission__name="Belgium").count() == IMPORT_STEP + 100


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_stopped_by_a_change_saved_meanwhile_keeps_its_steps_and_says_where(client, broker):
    """Fiji's row is on line 552 (in the second step, lines 502-1001); Fiji is deleted
    between the upload and the job."""
    data = csv_of(600, mission="Belgium").decode().splitlines()
    data[551] = "Fiji,Ana,ana@fiji.example,"
    job = import_contacts("\n".join(data).encode())
    Mission.objects.filter(name="Fiji").delete()
    job = run_import(job.pk)
    assert (job.state, job.done, job.stopped_at_line) == ("failed", IMPORT_STEP, IMPORT_STEP + 2)
    assert Contact.objects.count() == IMPORT_STEP  # the first step, whole; none of the second
    client.force_login(user_with_role(PGA_VIEWERS))
    page = " ".join(client.get(job.get_absolute_url()).content.decode().split())
    assert "Stopped</strong>: the rows from line 502 on were not saved (the 500 before" in page
    assert "refresh" not in page


def test_the_progress_page_shows_how_far_the_job_has_come(client, viewer, mission_user):
    job = ContactImport.objects.create(state=ImportState.RUNNING, total=5000, done=1500)
    client.force_login(viewer)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "1500 of 5000 rows saved." in page
    assert '<progress max="5000" value="1500">' in page
    assert '<meta http-equiv="refresh" content="2">' in page  # no script needed
    ContactImport.objects.filter(pk=job.pk).update(
        state=ImportState.DONE, done=5000, new_contacts=4990, updated_contacts=10
    )
    page = client.get(job.get_absolute_url()).content.decode()
    assert "4990 new contacts, 10 updated." in page
    assert "refresh" not in page
    # Only the PGA office watches imports (only editors can start one).
    client.force_login(mission_user)
    assert client.get(job.get_absolute_url()).status_code == 403


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_runs_the_job_and_each_new_contact_gets_its_invitation_once(broker):
    """The whole way: the upload queues the job to Redis, a Celery worker process saves
    the contacts step by step (the progress seen from here, between its commits), then
    sends the invitations it queued."""
    upcoming_plenaries(1)
    with MailServer() as smtp:
        worker = Worker(smtp_port=smtp.port).start()
        try:
            job = import_contacts(csv_of(3 * IMPORT_STEP))
            seen = []

            def finished():
                job.refresh_from_db()
                seen.append(job.done)
                return job.is_finished

            wait_for(finished, timeout=60, interval=0.02)
            assert (job.state, job.new_contacts) == ("done", 3 * IMPORT_STEP)
            assert set(seen) <= {0, IMPORT_STEP, 2 * IMPORT_STEP, 3 * IMPORT_STEP}
            assert seen == sorted(seen)  # step by step, never back
            wait_for(lambda: len(smtp.mailbox.received()) == 3 * IMPORT_STEP, timeout=120)
            wait_for(
                lambda: (
                    set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SENT}
                )
            )
        finally:
            worker.stop()
    assert smtp.mailbox.recipients() == sorted(Contact.objects.values_list("email", flat=True))
