"""Celery tasks of the directory: thin wrappers over confirmation.py and contacts.py
(ids in)."""

from celery import shared_task

from . import confirmation, contacts


# No Celery retries: a link whose e-mail did not leave is queued again by the sweep,
# every minute (the contact row says whether it left), so copies do not pile up.
@shared_task(name="missions.send_confirmation", acks_late=True, ignore_result=True)
def send_confirmation(contact_id: int) -> bool:
    return confirmation.send_confirmation(contact_id)


@shared_task(name="missions.run_contact_import", acks_late=True, ignore_result=True)
def run_contact_import(job_id: int) -> None:
    # acks_late: a worker lost mid-way hands the job to another, which goes on where
    # the saved progress says.
    contacts.run_import(job_id)


@shared_task(name="missions.requeue", ignore_result=True)
def requeue() -> int:
    """The sweep: import jobs and confirmation links that a broker down or a worker
    lost left waiting."""
    return len(contacts.requeue_imports()) + len(confirmation.requeue_unmailed())
