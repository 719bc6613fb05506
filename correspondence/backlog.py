"""What the outbox still holds, for the readiness check (gasched/health.py)."""

from datetime import datetime

from django.db.models import Count, Min
from django.utils import timezone

from .enums import DeliveryState
from .models import Delivery


def outbox_backlog(*, now: datetime | None = None) -> dict:
    """How many deliveries wait to be sent (new, or back for another try), and how many
    seconds the oldest of them has waited since it was written: a worker or a broker
    that is down shows as a backlog that grows old."""
    now = now or timezone.now()
    waiting = Delivery.objects.filter(state=DeliveryState.PENDING).aggregate(
        pending=Count("pk"), oldest=Min("created")
    )
    oldest = waiting["oldest"]
    return {
        "pending": waiting["pending"],
        "oldest_pending_seconds": round((now - oldest).total_seconds(), 1) if oldest else None,
    }
