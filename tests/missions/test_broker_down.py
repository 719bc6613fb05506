"""The broker down (a closed port): a CSV upload and a new contact are saved, the page
answers as usual, and what could not be queued waits for the missions' sweep, which
queues it once the broker is back (missions/tasks.py requeue). A worker lost in the
middle of an import is the same sweep's business. What is queued is read back from
the Redis broker, never mocked."""

import base64
import json
import logging
from datetime import timedelta

import pytest
import redis
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gasched.celery import app
from missions import confirmation, contacts
from missions.enums import ImportState
from missions.models import Contact, ContactImport
from tests.celeryworker import broker_at
from tests.mailserver import free_port

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    # Real commits: the queueing runs after them, inside the request, as in production.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LATER = timedelta(minutes=2)
CSV = b"mission,name,email\nBelgium,Anne,anne@belgium.example\nFiji,Ana,ana@fiji.example\n"


@pytest.fixture
def queued():
    """Tasks go to the Redis broker; `queued()` lists the messages waiting there as
    (task name, arguments)."""
    app.conf.task_always_eager = False
    app.control.purge()
    client = redis.Redis.from_url(app.conf.broker_url)

    def messages() -> list[tuple[str, list]]:
        raw = [json.loads(m) for m in reversed(client.lrange("celery", 0, -1))]
        return [(m["headers"]["task"], json.loads(base64.b64decode(m["body"]))[0]) for m in raw]

    yield messages
    app.control.purge()
    client.close()
    app.conf.task_always_eager = True


def broker_down():
    return broker_at(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there


def left_for_the_sweep(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.ERROR and "it waits for the sweep" in r.getMessage()
    ]


def test_an_upload_with_the_broker_down_waits_and_the_sweep_starts_it(staff_client, queued, caplog):
    with broker_down():
        response = staff_client.post(
            reverse("missions:contacts-import"), {"file": SimpleUploadedFile("c.csv", CSV)}
        )
        job = ContactImport.objects.get()
        assert response.status_code == 302
        assert response["Location"] == job.get_absolute_url()
        page = " ".join(staff_client.get(response["Location"]).content.decode().split())
        assert "Waiting for a worker</strong>: the import starts in a moment." in page
        # Still down at the next sweeps: each tries, logs, and leaves the job waiting.
        assert contacts.requeue_imports(now=timezone.now() + LATER) == [job.pk]
    assert len(left_for_the_sweep(caplog)) == 2  # the upload's try, the sweep's
    job.refresh_from_db()
    assert (job.state, job.done) == (ImportState.QUEUED, 0)
    # The broker is back. A job uploaded less than a minute ago is left to its own task.
    assert contacts.requeue_imports() == []
    assert queued() == []
    assert contacts.requeue_imports(now=timezone.now() + LATER) == [job.pk]
    assert queued() == [("missions.run_contact_import", [job.pk])]
    app.conf.task_always_eager = True  # the worker runs what the sweep queued
    contacts.requeue_imports(now=timezone.now() + LATER)
    job.refresh_from_db()
    assert (job.state, job.done, job.new_contacts) == (ImportState.DONE, 2, 2)
    assert contacts.requeue_imports(now=timezone.now() + LATER) == []  # done: left alone


def test_a_job_whose_worker_was_lost_is_handed_on_after_ten_minutes_without_progress(queued):
    job = contacts.import_contacts(CSV)
    queued_by_upload = queued()
    assert queued_by_upload == [("missions.run_contact_import", [job.pk])]
    app.control.purge()
    # A worker took it, saved the first row, and died.
    contacts.save_rows(job.rows[:1], confirmed=True)
    now = timezone.now()
    ContactImport.objects.filter(pk=job.pk).update(
        state=ImportState.RUNNING, done=1, new_contacts=1, progressed=now
    )
    assert contacts.requeue_imports(now=now + timedelta(minutes=9)) == []
    assert contacts.requeue_imports(now=now + timedelta(minutes=11)) == [job.pk]
    assert queued() == [("missions.run_contact_import", [job.pk])]
    app.conf.task_always_eager = True
    contacts.requeue_imports(now=now + timedelta(minutes=11))
    job.refresh_from_db()
    assert (job.state, job.done, job.new_contacts) == (ImportState.DONE, 2, 2)
    assert sorted(Contact.objects.values_list("email", flat=True)) == [
        "ana@fiji.example",
        "anne@belgium.example",
    ]


def test_a_confirmation_link_the_broker_could_not_take_is_mailed_by_the_sweep(
    client, mission_user, belgium, queued, caplog
):
    client.force_login(mission_user)
    with broker_down():
        response = client.post(
            reverse("missions:mission-contacts", args=[belgium.pk]),
            {"name": "Anne", "email": "anne@belgium.example"},
        )
        assert response.status_code == 302
        contact = Contact.objects.get(email="anne@belgium.example")
        edit = reverse("missions:contact-edit", args=[belgium.pk, contact.pk])
        page = " ".join(client.get(edit).content.decode().split())
        assert "the e-mail with the link has not left yet" in page
        # The link never left: asking for it again is not refused for an hour.
        page = client.post(edit, {"action": "send-link"}, follow=True).content.decode()
        assert "The confirmation link is sent again." in page
    assert len(left_for_the_sweep(caplog)) == 2
    assert mail.outbox == []
    contact.refresh_from_db()
    assert (contact.confirmed, contact.confirmation_mailed) == (None, None)
    # The broker is back: the sweep queues the link (not within its first minute).
    assert confirmation.requeue_unmailed() == []
    assert confirmation.requeue_unmailed(now=timezone.now() + LATER) == [contact.pk]
    assert queued() == [("missions.send_confirmation", [contact.pk])]
    app.conf.task_always_eager = True
    confirmation.requeue_unmailed(now=timezone.now() + LATER)
    confirmation.queue_confirmation(contact.pk)  # a copy delivered twice mails once
    assert [m.to for m in mail.outbox] == [["anne@belgium.example"]]
    contact.refresh_from_db()
    assert contact.confirmation_mailed >= contact.confirmation_sent
    assert confirmation.requeue_unmailed(now=timezone.now() + LATER) == []
    # Mailed now: the next "send again" waits its hour.
    page = client.post(edit, {"action": "send-link"}, follow=True).content.decode()
    assert "less than an hour ago" in page
    assert "has not left yet" not in " ".join(client.get(edit).content.decode().split())
