"""What the admin may not touch: the outbox's delivery states and a letter's original."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import ADMINISTRATORS
from correspondence.enums import DeliveryKind, DeliveryState
from correspondence.models import Delivery
from missions.models import Contact
from tests.conftest import sign_in_with_second_factor
from tests.factories import LetterFactory, MeetingFactory, user_with_role
from tests.html_forms import post_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    administrator = user_with_role(ADMINISTRATORS, second_factor=True)
    administrator.is_superuser = True  # the most an administrator can be
    administrator.save()
    return sign_in_with_second_factor(client, administrator)


@pytest.fixture
def failed_delivery(belgium):
    contact = Contact.objects.create(mission=belgium, name="Focal point", email="fp@be.example")
    return Delivery.objects.create(
        meeting=MeetingFactory(),
        contact=contact,
        kind=DeliveryKind.INVITATION,
        sequence=0,
        state=DeliveryState.FAILED,
        attempts=3,
        last_error="550 mailbox unavailable",
    )


def change_forms(page: str) -> list[dict]:
    """The page's own form (the admin's logout button is a form too)."""
    return [form for form in post_forms(page) if form["action"] == ""]


def test_the_admin_shows_a_delivery_but_cannot_change_its_state(admin_client, failed_delivery):
    url = reverse("admin:correspondence_delivery_change", args=[failed_delivery.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "550 mailbox unavailable" in page.content.decode()
    (form,) = change_forms(page.content.decode())
    assert list(form["fields"]) == ["csrfmiddlewaretoken"]  # no field to change
    refused = admin_client.post(url, {"state": DeliveryState.SENT, "attempts": 0})
    assert refused.status_code == 403
    failed_delivery.refresh_from_db()
    assert (failed_delivery.state, failed_delivery.attempts) == (DeliveryState.FAILED, 3)


def test_the_admin_adds_no_delivery_past_the_outbox(admin_client):
    assert admin_client.get(reverse("admin:correspondence_delivery_add")).status_code == 403


def test_the_admin_cannot_replace_a_letters_original(admin_client):
    letter = LetterFactory(subject="Programme of work")
    letter.original.save("letter.txt", ContentFile(b"Excellency, as received."))
    stored = letter.original.name
    url = reverse("admin:correspondence_letter_change", args=[letter.pk])
    (form,) = change_forms(admin_client.get(url).content.decode())
    assert "original" not in form["fields"]
    response = admin_client.post(
        url,
        {
            **form["fields"],
            "subject": "Programme of work, corrected",
            "original": SimpleUploadedFile("forged.txt", b"Excellency, as forged."),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    letter.refresh_from_db()
    assert letter.subject == "Programme of work, corrected"  # the rest is still editable
    assert letter.original.name == stored
    with letter.original.open("rb") as original:
        assert original.read() == b"Excellency, as received."
