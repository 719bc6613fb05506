"""Celery tasks of the directory: thin wrappers over confirmation.py and contacts.py
(ids in)."""

from celery import shared_task

from . import confirmation, contacts


@shared_task(
    name="missions.send_confirmation",
    acks_late=True,
    ignore_result=True,
    # A mail server that is down for a while: tried again, 30 s then doubling.
    autoretry_for=confirmation.SENDING_ERRORS,
    retry_backoff=30,
    max_retries=6,
)
def send_confirmation(contact_id: int) -> bool:
    return confirmation.send_confirmation(contact_id)


@shared_task(name="missions.run_contact_import", acks_late=True, ignore_result=True)
def run_contact_import(job_id: int) -> None:
    # acks_late: a worker lost mid-way hands the job to another, which goes on where
    # the saved progress says.
    contacts.run_import(job_id)
