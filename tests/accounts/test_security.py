"""Audit trail, escaping, headers and the demo accounts."""

import re
from datetime import date

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.demo import DEMO_ACCOUNTS, load_demo_accounts
from meetings.models import Meeting
from tests.factories import MeetingFactory, ProcessFactory, room
from tests.html_forms import saved_through_the_preview

pytestmark = pytest.mark.django_db

EDIT_FORM = {
    "title": "Third informal consultation",
    "kind": "informal-consultation",
    "status": "scheduled",
    "date": "2017-07-06",
    "timing": "exact",
    "start_time": "10:00",
    "room": "CR4",
    "mode": "in-person",
    "participation": "member-states",
    "opened_revision": "0",
}


def test_audit_trail_records_who_changed_what(staff_client, editor):
    meeting = MeetingFactory(title="Third informal consultation", room=room("CR3"))
    url = reverse("meetings:meeting-edit", args=[meeting.pk])
    saved_through_the_preview(staff_client, url, EDIT_FORM)  # a move: previewed, confirmed
    latest = meeting.history.latest()
    assert (latest.history_user, latest.room.code, latest.history_type) == (editor, "CR4", "~")
    delta = latest.diff_against(latest.prev_record)
    assert {c.field for c in delta.changes} >= {"room", "start"}
    assert (latest.prev_record.sequence, latest.sequence) == (0, 1)


def test_pga_office_sees_a_meetings_history_and_visitors_do_not(client, staff_client, viewer):
    meeting = MeetingFactory(title="Third informal consultation", room=room("CR3"))
    url = reverse("meetings:meeting-edit", args=[meeting.pk])
    saved_through_the_preview(staff_client, url, EDIT_FORM)  # a move: previewed, confirmed
    staff_client.logout()
    client.force_login(viewer)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "History of changes" in page
    assert "<td>Room</td><td>Conference Room 3</td><td>Conference Room 4</td>" in page
    client.logout()
    assert "History of changes" not in client.get(meeting.get_absolute_url()).content.decode()


def test_the_trail_cannot_be_edited_from_the_ui():
    """No admin for the historical models, and no revert view (SimpleHistoryAdmin's)."""
    assert admin.site.is_registered(Meeting.history.model) is False
    assert not any("revert" in str(pattern.pattern) for pattern in admin.site.get_urls())


XSS = "<script>alert(1)</script>"


def test_a_script_title_is_text_everywhere(client, staff_client):
    process = ProcessFactory(title=XSS, slug="xss")
    meeting = MeetingFactory(title=XSS, notes=XSS, process=process, room=room("CR3"))
    response = saved_through_the_preview(
        staff_client,
        reverse("meetings:meeting-edit", args=[meeting.pk]),
        {**EDIT_FORM, "title": XSS},
    )
    assert response.status_code == 302  # moved to 6 July (its update previewed, then sent)
    urls = [
        reverse("meetings:programme") + "?q=script",
        reverse("meetings:day", args=[date(2017, 7, 6)]),
        reverse("meetings:week", args=[date(2017, 7, 3)]),
        reverse("meetings:archive-session", args=[71]),
        meeting.get_absolute_url(),
        reverse("meetings:meeting-edit", args=[meeting.pk]),
        process.get_absolute_url(),
        reverse("meetings:processes"),
    ]
    for url in urls:
        page = staff_client.get(url).content.decode()
        assert XSS not in page, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get(reverse("meetings:programme"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_inline_script_or_style_in_our_pages(client, staff_client):
    meeting = MeetingFactory()
    for url in [
        reverse("meetings:programme"),
        meeting.get_absolute_url(),
        reverse("meetings:meeting-create"),
        reverse("account_login"),
    ]:
        page = staff_client.get(url).content.decode()
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == [], url
        assert " style=" not in page, url


def test_demo_accounts_exist_only_in_debug(settings, client):
    settings.DEBUG = False
    assert load_demo_accounts() == 0
    assert "demo-editor-2026" not in client.get(reverse("account_login")).content.decode()
    settings.DEBUG = True
    assert load_demo_accounts() == len(DEMO_ACCOUNTS)
    assert load_demo_accounts() == 0  # idempotent
    assert "demo-editor-2026" in client.get(reverse("account_login")).content.decode()
    assert client.login(username="belgium@demo.gasched.org", password="demo-mission-2026")


def test_every_schedule_record_keeps_its_history(staff_client, editor):
    """Aliases and co-facilitators edited on the staff pages are in the trail too."""
    from meetings.models import RoomAlias
    from tests.factories import CoFacilitatorFactory

    process = ProcessFactory(slug="oceans")
    cofacilitator = CoFacilitatorFactory(process=process, state="Belgium")
    cofacilitator.state = "Qatar"
    cofacilitator.save()
    assert [h.state for h in cofacilitator.history.order_by("history_date")] == ["Belgium", "Qatar"]
    staff_client.post(
        reverse("meetings:room-edit", args=["CR3"]),
        {
            "name": "Conference Room 3",
            "code": "CR3",
            "building": "conference-building",
            "has_interpretation": "on",
            "is_current": "on",
            "aliases": "CR 3\nRoom three",
        },
    )
    added = RoomAlias.history.filter(name="Room three", history_type="+").get()
    assert added.history_user == editor
