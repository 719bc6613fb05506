"""Liveness touches nothing; readiness names each part that is down (gasched/health.py)."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from correspondence.enums import DeliveryKind
from correspondence.models import Delivery
from missions.models import Contact, Mission
from tests.celeryworker import broker_at
from tests.factories import MeetingFactory
from tests.mailserver import free_port
from tests.redisserver import caches_at, closed_port_url

pytestmark = [pytest.mark.redis, pytest.mark.django_db]
PARTS = {"database", "cache", "broker", "outbox"}


def closed_broker() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"


def ready(client):
    response = client.get(reverse("readiness"))
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def up(found: dict) -> dict[str, bool]:
    return {name: found[name]["up"] for name in PARTS}


def test_liveness_answers_ok_without_touching_anything(client, django_assert_num_queries):
    with (
        override_settings(CACHES=caches_at(closed_port_url())),
        broker_at(closed_broker()),
        django_assert_num_queries(0),
    ):
        response = client.get(reverse("health"))
    assert (response.status_code, response.content) == (200, b"ok")


def test_readiness_reports_every_part_and_the_outbox_backlog(client):
    meeting = MeetingFactory(start=timezone.now() + timedelta(days=2))
    contact = Contact.objects.create(
        mission=Mission.objects.get(name="Fiji"), name="Fiji", email="focal@fiji.example"
    )
    Delivery.objects.create(
        meeting=meeting, contact=contact, kind=DeliveryKind.INVITATION, sequence=0
    )
    Delivery.objects.update(created=timezone.now() - timedelta(minutes=3))
    status, found = ready(client)
    assert status == 200
    assert found["ready"] is True
    assert up(found) == dict.fromkeys(PARTS, True)
    assert found["outbox"]["pending"] == 1
    assert 180 <= found["outbox"]["oldest_pending_seconds"] < 240


def test_readiness_with_nothing_pending_has_no_oldest(client):
    status, found = ready(client)
    assert (status, found["outbox"]["pending"]) == (200, 0)
    assert found["outbox"]["oldest_pending_seconds"] is None


def test_readiness_says_503_and_names_the_cache_when_redis_is_out_of_reach(client):
    with override_settings(CACHES=caches_at(closed_port_url())):
        status, found = ready(client)
    assert status == 503
    assert found["ready"] is False
    assert up(found) == {"database": True, "cache": False, "broker": True, "outbox": True}
    assert found["cache"]["error"] == "ConnectionError"  # the class only: no host, no port


def test_readiness_says_503_and_names_the_broker_when_it_is_out_of_reach(client):
    with broker_at(closed_broker()):
        status, found = ready(client)
    assert status == 503
    assert up(found) == {"database": True, "cache": True, "broker": False, "outbox": True}
    assert found["broker"]["error"] == "OperationalError"


def test_readiness_looks_at_the_parts_once_in_a_few_seconds(client, django_assert_num_queries):
    """Public and unthrottled: a flood of requests costs one look per process."""
    assert client.get(reverse("readiness")).status_code == 200
    with django_assert_num_queries(0):
        again = client.get(reverse("readiness"))
    assert again.status_code == 200
    assert again.json()["ready"] is True
