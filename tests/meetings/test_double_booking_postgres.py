"""On PostgreSQL the database itself refuses a double-booked room.

These run against the real server (DATABASE_URL) in committed transactions, from
several threads with their own connections, as two staff saving at once would.
"""

import threading
from datetime import date

import pytest
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from meetings import schedule
from meetings.enums import MeetingKind
from meetings.models import Meeting
from tests.factories import SessionFactory, at, room

# serialized_rollback: the flush after each test would otherwise wipe the shipped rooms.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DAY = date(2017, 7, 6)
BOOKERS = 6


def booking(session, n: int, **fields) -> Meeting:
    values = {
        "session": session,
        "kind": MeetingKind.INFORMAL_CONSULTATION,
        "title": f"Booking {n}",
        "start": at(DAY, 10),
        "end": at(DAY, 13),
        "room": room("CR3"),
    }
    return Meeting(**{**values, **fields})


def close_thread_caches():
    """Each thread has its own cache client (Django's caches are per thread): close its
    Redis connections, which the thread's commit opened to move the schedule version."""
    for cache in caches.all(initialized_only=True):
        client = cache.__dict__.get("_cache")
        for pool in getattr(client, "_pools", {}).values():
            pool.disconnect()


def run_together(work) -> list:
    """Run work(n) in BOOKERS threads released at the same instant; return outcomes."""
    barrier = threading.Barrier(BOOKERS)
    outcomes = [None] * BOOKERS

    def worker(n):
        try:
            barrier.wait()
            outcomes[n] = work(n)
        except Exception as error:
            outcomes[n] = error
        finally:
            connection.close()
            close_thread_caches()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(BOOKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_database_refuses_overlap_even_without_the_application_check():
    session = SessionFactory()
    booking(session, 1).save()
    with (
        pytest.raises(IntegrityError, match="meeting_rooms_not_double_booked"),
        transaction.atomic(),
    ):
        booking(session, 2, start=at(DAY, 12), end=at(DAY, 14)).save()


def test_database_ignores_cancelled_meetings_and_other_rooms():
    session = SessionFactory()
    booking(session, 1, status="cancelled").save()
    booking(session, 2).save()
    booking(session, 3, room=room("CR4")).save()
    assert Meeting.objects.count() == 3


def test_overflow_rooms_cannot_be_double_booked_either():
    session = SessionFactory()
    booking(session, 1, room=room("GA-HALL"), overflow_room=room("CR4")).save()
    with (
        pytest.raises(IntegrityError, match="meeting_rooms_not_double_booked"),
        transaction.atomic(),
    ):
        booking(session, 2, room=room("ECOSOC"), overflow_room=room("CR4")).save()


def test_a_room_is_held_whether_main_or_overflow():
    """One meeting in CR4, another using CR4 as its overflow: the database refuses."""
    session = SessionFactory()
    booking(session, 1, room=room("CR4")).save()
    with (
        pytest.raises(IntegrityError, match="meeting_rooms_not_double_booked"),
        transaction.atomic(),
    ):
        booking(session, 2, room=room("GA-HALL"), overflow_room=room("CR4")).save()


def test_concurrent_overflow_clashes_are_told_why():
    """The constraint's refusal of an overflow room becomes the same message for staff."""
    session = SessionFactory()

    def save(n):
        rooms = (
            {"room": room("CR4")}
            if n == 0
            else {"room": room(f"CR{n + 4}"), "overflow_room": room("CR4")}
        )
        schedule.save_meeting(booking(session, n, **rooms))
        return "booked"

    outcomes = run_together(save)
    refusals = [o for o in outcomes if o != "booked"]
    assert outcomes.count("booked") == 1
    assert all(isinstance(o, ValidationError) for o in refusals), refusals
    assert all("Conference Room 4 is already booked" in str(o) for o in refusals)


def test_concurrent_raw_inserts_exactly_one_wins():
    """Each thread inserts inside an open transaction: only the constraint can decide."""
    session = SessionFactory()

    def insert(n):
        with transaction.atomic():
            booking(session, n).save()
        return "booked"

    outcomes = run_together(insert)
    assert outcomes.count("booked") == 1
    # Refused by the constraint, or cancelled by PostgreSQL's deadlock detector while
    # checking it: either way not booked.
    assert all(
        isinstance(o, IntegrityError) or "deadlock detected" in str(o)
        for o in outcomes
        if o != "booked"
    ), outcomes
    assert Meeting.objects.count() == 1


def test_concurrent_staff_saves_exactly_one_wins_and_the_others_are_told_why():
    session = SessionFactory()

    def save(n):
        schedule.save_meeting(booking(session, n))
        return "booked"

    outcomes = run_together(save)
    assert outcomes.count("booked") == 1
    refusals = [o for o in outcomes if o != "booked"]
    assert all(isinstance(o, ValidationError) for o in refusals), refusals
    assert all("Conference Room 3 is already booked" in str(o) for o in refusals)
    assert Meeting.objects.count() == 1


def test_one_form_sent_at_the_same_instant_from_several_tabs_creates_one_meeting():
    """The form's one-time token is taken in the creating transaction: the others wait
    on it, then get the meeting the first one created."""
    session = SessionFactory()

    outcomes = run_together(
        lambda n: schedule.create_meeting(booking(session, 0), entry_token="t" * 32)
    )
    meeting = Meeting.objects.get()
    assert sorted(created for _, created in outcomes) == [False] * (BOOKERS - 1) + [True]
    assert {found.pk for found, _ in outcomes} == {meeting.pk}
