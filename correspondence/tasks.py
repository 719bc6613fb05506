"""Celery tasks: thin wrappers over delivery.py (ids in, outcome out)."""

from celery import shared_task

from . import daily_programme, delivery, replies


@shared_task(name="correspondence.deliver_batch", acks_late=True, ignore_result=True)
def deliver_batch(ids: list[int]) -> dict[str, int]:
    # Retries are per delivery and live in the outbox row (next_attempt), not in Celery:
    # a lost retry is picked up again by requeue_deliveries.
    return delivery.deliver(ids)


@shared_task(name="correspondence.requeue_deliveries", ignore_result=True)
def requeue_deliveries() -> int:
    return len(delivery.requeue()) + len(daily_programme.requeue())


@shared_task(name="correspondence.deliver_programmes", acks_late=True, ignore_result=True)
def deliver_programmes(ids: list[int]) -> dict[str, int]:
    return daily_programme.deliver(ids)


@shared_task(name="correspondence.send_daily_programme", ignore_result=True)
def send_daily_programme() -> int:
    # Every few minutes: the programme once New York's clock passes the office's time,
    # and the corrections of late changes once they have settled.
    return daily_programme.send_due()


@shared_task(name="correspondence.send_due_reminders", ignore_result=True)
def send_due_reminders() -> int:
    return len(delivery.send_due_reminders())


@shared_task(name="correspondence.handle_received_mail", ignore_result=True)
def handle_received_mail() -> int:
    replies.forget_old()
    return replies.handle_waiting()
