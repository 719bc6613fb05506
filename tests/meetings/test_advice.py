"""Warnings that do not block (meetings.advice) and the holidays they read (meetings.holidays)."""

from datetime import date, time, timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from meetings.advice import acknowledgement, warnings_for
from meetings.enums import MeetingStatus, Participation, Timing
from meetings.holidays import HOLIDAYS, YEARS, holiday_on
from meetings.models import Meeting
from meetings.sessions import ensure_session_covering
from meetings.timing import new_york_datetime
from tests.conftest import sign_in_with_second_factor
from tests.factories import room

pytestmark = pytest.mark.django_db

TUESDAY = date(2026, 12, 8)


def meeting(day=TUESDAY, start=time(10), end=time(13), **fields) -> Meeting:
    return Meeting(
        start=new_york_datetime(day, start),
        end=new_york_datetime(day, end) if end else None,
        timing=fields.pop("timing", Timing.EXACT),
        participation=fields.pop("participation", Participation.MEMBER_STATES),
        **fields,
    )


def keys(found) -> list[str]:
    return [w.key for w in found]


def test_an_ordinary_meeting_warns_of_nothing():
    assert warnings_for(meeting(room=room("CR3"))) == []


@pytest.mark.parametrize(
    ("day", "weekday"), [(date(2026, 12, 5), "Sat"), (date(2026, 12, 6), "Sun")]
)
def test_a_meeting_on_a_weekend_warns(day, weekday):
    (found,) = warnings_for(meeting(day))
    assert found.key == f"weekend:{day.isoformat()}"
    assert weekday in found.message[:3]


def test_a_meeting_on_a_holiday_warns_with_its_name():
    (found,) = warnings_for(meeting(date(2026, 11, 26)))
    assert found.key == "holiday:2026-11-26"
    assert found.message == (
        "Thursday 26 November 2026 is an official holiday at Headquarters (Thanksgiving Day)."
    )


def test_the_holiday_warning_is_in_the_editors_language():
    with translation.override("fr"):
        (found,) = warnings_for(meeting(date(2026, 12, 25)))
    assert "jour férié officiel au Siège" in found.message
    assert "Noël" in found.message


@pytest.mark.parametrize(
    ("start", "end", "warned"),
    [
        (time(8), time(21), False),
        (time(7, 59), time(10), True),
        (time(19), time(21, 1), True),
        (time(20), None, True),  # no end announced: it holds the room three hours, to 23:00
        (time(18), None, False),
    ],
)
def test_hours_outside_8_to_21_warn(start, end, warned):
    found = keys(warnings_for(meeting(start=start, end=end)))
    assert found == (
        [f"hours:{start:%H:%M}-{(end or time(start.hour + 3)):%H:%M}"] if warned else []
    )


def test_a_day_to_be_announced_does_not_warn_of_hours():
    assert warnings_for(meeting(start=time(0), end=None, timing=Timing.DAY)) == []


def test_a_room_without_interpretation_warns_for_a_meeting_of_all_member_states():
    found = warnings_for(meeting(room=room("CRA")))
    assert keys(found) == ["interpretation:CRA"]
    assert "Conference Room A has no interpretation booths" in found[0].message


def test_a_room_without_interpretation_is_fine_for_a_meeting_by_invitation():
    assert warnings_for(meeting(room=room("CRA"), participation=Participation.INVITATION)) == []


def test_a_meeting_called_off_warns_of_nothing():
    """Cancelling a Saturday meeting in a room without booths needs no "Save anyway"."""
    cancelled = meeting(date(2026, 12, 5), room=room("CRA"), status=MeetingStatus.CANCELLED)
    assert warnings_for(cancelled) == []


def test_the_acknowledgement_names_exactly_the_warnings():
    saturday_late = meeting(date(2026, 12, 5), start=time(20), end=time(22), room=room("CRB"))
    assert acknowledgement(warnings_for(saturday_late)) == (
        "hours:20:00-22:00 interpretation:CRB weekend:2026-12-05"
    )


# --- The holiday list -------------------------------------------------------------


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous algorithm, as in Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    return date(year, month, (h + ell - 7 * m + 114) % 31 + 1)


def nth_weekday(year, month, weekday, n) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def last_monday_of_may(year) -> date:
    last = date(year, 5, 31)
    return last - timedelta(days=last.weekday())


def observed(day: date) -> date:
    return (
        day - timedelta(days=1)
        if day.weekday() == 5
        else day + timedelta(days=(day.weekday() == 6))
    )


@pytest.mark.parametrize("year", YEARS)
def test_the_holidays_fixed_by_rule_are_where_the_rule_puts_them(year):
    expected = {
        observed(date(year, 1, 1)),
        easter(year) - timedelta(days=2),
        last_monday_of_may(year),
        observed(date(year, 7, 4)),
        nth_weekday(year, 9, 0, 1),
        nth_weekday(year, 11, 3, 4),
        observed(date(year, 12, 25)),
    }
    assert expected <= {day for day in HOLIDAYS if day.year == year}


def test_every_holiday_is_a_working_day_and_each_year_has_its_eids_until_2026():
    assert all(day.weekday() < 5 for day in HOLIDAYS)
    for year in range(2024, 2027):
        names = [str(name) for day, name in HOLIDAYS.items() if day.year == year]
        assert len(names) == 9
        assert {"Eid al-Fitr", "Eid al-Adha"} <= set(names)


def test_holiday_on_a_day_and_not_on_the_next():
    assert holiday_on(date(2025, 3, 31)) == "Eid al-Fitr"
    assert holiday_on(date(2025, 4, 1)) is None


# --- The admin, another way in through a form ----------------------------------------------


def test_the_admin_warns_too_and_saves_once_confirmed(client):
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    Authenticator.objects.create(user=superuser, type=Authenticator.Type.TOTP, data={})
    sign_in_with_second_factor(client, superuser)
    session = ensure_session_covering(date(2026, 12, 5))
    data = {
        "session": session.pk,
        "kind": "briefing",
        "title": "Weekend retreat of the co-facilitators",
        "status": "scheduled",
        "timing": "exact",
        "start_0": "2026-12-05",
        "start_1": "10:00",
        "end_0": "",
        "end_1": "",
        "process": "",
        "follows": "",
        "room": room("CR3").pk,
        "overflow_room": "",
        "mode": "in-person",
        "participation": "member-states",
        "notes": "",
        "documents": "[]",
        "webcast_url": "",
        "agenda_items-TOTAL_FORMS": "0",
        "agenda_items-INITIAL_FORMS": "0",
        "segments-TOTAL_FORMS": "0",
        "segments-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    warned = client.post(reverse("admin:meetings_meeting_add"), data)
    form = warned.context_data["adminform"].form
    assert form.errors["save_anyway"] == [
        "Saturday 5 December 2026 is a weekend day.",
        "Check the warnings, then choose “Save anyway” to save the meeting.",
    ]
    assert not Meeting.objects.exists()
    confirmed = {**data, "acknowledged": form["acknowledged"].value(), "save_anyway": "on"}
    assert client.post(reverse("admin:meetings_meeting_add"), confirmed).status_code == 302
    assert Meeting.objects.get().title == "Weekend retreat of the co-facilitators"
