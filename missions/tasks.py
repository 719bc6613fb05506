"""Celery tasks of the directory: thin wrappers over contacts.py (ids in)."""

from celery import shared_task

from . import contacts


@shared_task(name="missions.run_contact_import", acks_late=True, ignore_result=True)
def run_contact_import(job_id: int) -> None:
    # acks_late: a worker lost mid-way hands the job to another, which goes on where
    # the saved progress says.
    contacts.run_import(job_id)
