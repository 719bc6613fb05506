"""The sync against the Journal's shape served on loopback: meetings in, changes as
changes, drops, faults."""

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.db import connections

from correspondence.enums import DeliveryKind
from correspondence.models import Delivery
from journal.models import JournalDay, JournalEntry, SyncReport
from journal.sync import ALREADY_RUNNING, RUN_LOCK, sync_journal
from meetings.enums import MeetingKind, MeetingStatus, Source, Timing
from meetings.models import Meeting, Organ
from meetings.timing import new_york_datetime
from meetings.timing import today as local_today
from missions.models import Contact, Mission
from tests.factories import MeetingFactory, room

from . import shapes
from .server import Reply

pytestmark = pytest.mark.django_db

DAY = shapes.DAY
PATH = f"allnew/{DAY.isoformat()}"
A, B, C = (
    "0a1b2c3d-0000-4000-8000-00000000000a",
    "0a1b2c3d-0000-4000-8000-00000000000b",
    "0a1b2c3d-0000-4000-8000-00000000000c",
)


def read(journal, *officials, informals=()):
    journal.answer(PATH, shapes.day(*officials, informals=informals))
    return sync_journal(DAY, DAY)


def at(hour, minute=0, day=DAY):
    return new_york_datetime(day, time(hour, minute))


def journal_meeting(journal_id) -> Meeting:
    return JournalEntry.objects.select_related("meeting").get(journal_id=journal_id).meeting


def test_a_day_of_plenaries_and_main_committees(journal, session71):
    report = read(
        journal,
        shapes.plenary(A),
        shapes.meeting(B),
        shapes.meeting(
            C,
            title="<p>Third Committee</p>",
            number="<p><span>52nd meeting</span></p>",
            organ="A/C.3",
            room="Conference Room 3",
            room_link="CR3.jpg",
            time_from="15:00",
            time_to="18:00",
        ),
    )
    assert report.ok
    assert report.created == 3
    plenary = journal_meeting(A)
    assert plenary.source == Source.JOURNAL
    assert plenary.published_at is not None  # public, like the Journal
    assert plenary.organ == Organ.objects.get(code="ga-plenary")
    assert plenary.kind == MeetingKind.PLENARY
    assert plenary.official_name == "General Assembly, 45th plenary meeting"
    assert plenary.room == room("GA-HALL")
    assert (plenary.start, plenary.end) == (at(10), at(13))
    assert plenary.webcast_url.startswith("https://webtv.un.org/")
    fifth = journal_meeting(B)
    assert fifth.official_name == "Fifth Committee, 18th meeting"
    assert fifth.room == room("CR4")
    third = journal_meeting(C)
    assert (third.organ.code, third.meeting_number, third.room) == (
        "third-committee",
        52,
        room("CR3"),
    )
    assert third.local_start.time() == time(15)
    entry = JournalEntry.objects.get(journal_id=B)
    assert entry.statements_url.startswith("https://papersmart.unmeetings.org/")
    # Read again, unchanged: nothing is saved again.
    again = sync_journal(DAY, DAY)
    assert (again.created, again.updated) == (0, 0)
    assert Meeting.objects.count() == 3


def test_the_meeting_page_says_where_it_comes_from(journal, session71, client):
    read(journal, shapes.meeting(B))
    page = client.get(journal_meeting(B).get_absolute_url())
    assert "From the Journal of the United Nations" in page.content.decode()
    assert "https://papersmart.unmeetings.org/" in page.content.decode()


def test_a_cancelled_meeting_is_cancelled_with_the_journal_as_reason(journal, session71):
    read(journal, shapes.meeting(B))
    report = read(journal, shapes.meeting(B, isCancelled=True))
    fifth = journal_meeting(B)
    assert fifth.status == MeetingStatus.CANCELLED
    assert "Journal of the United Nations" in fifth.status_reason
    assert report.cancelled == 1
    # And back on when the Journal lists it again without the mark.
    read(journal, shapes.meeting(B))
    assert journal_meeting(B).status == MeetingStatus.SCHEDULED


def test_a_moved_meeting_is_a_change_its_calendars_hear_of(journal, session71):
    read(journal, shapes.meeting(B))
    before = journal_meeting(B)
    report = read(
        journal,
        shapes.meeting(
            B, time_from="15:00", time_to="18:00", room="Conference Room 2", room_link="CR2.jpg"
        ),
    )
    after = journal_meeting(B)
    assert report.updated == 1
    assert (after.start, after.room) == (at(15), room("CR2"))
    assert after.sequence == before.sequence + 1
    assert after.calendar_changed_at > before.calendar_changed_at
    assert after.pk == before.pk  # the same meeting, keyed by the Journal's id


def test_a_meeting_missing_from_one_read_stays_and_from_two_is_cancelled(journal, session71):
    read(journal, shapes.plenary(A), shapes.meeting(B))
    read(journal, shapes.plenary(A))  # B missing once: a hiccup, perhaps
    assert journal_meeting(B).status == MeetingStatus.SCHEDULED
    assert JournalEntry.objects.get(journal_id=B).absences == 1
    read(journal, shapes.plenary(A), shapes.meeting(B))  # back: the count starts again
    assert JournalEntry.objects.get(journal_id=B).absences == 0
    read(journal, shapes.plenary(A))
    report = read(journal, shapes.plenary(A))  # twice in a row
    fifth = journal_meeting(B)
    assert fifth.status == MeetingStatus.CANCELLED
    assert "No longer listed" in fifth.status_reason
    assert report.cancelled == 1
    assert Meeting.objects.filter(pk=fifth.pk).exists()  # never deleted


def test_an_empty_day_counts_no_absence(journal, session71):
    read(journal, shapes.meeting(B))
    read(journal)
    read(journal)
    assert journal_meeting(B).status == MeetingStatus.SCHEDULED


def test_a_blank_end_is_no_end(journal, session71):
    read(journal, shapes.meeting(B, time_to=""))
    fifth = journal_meeting(B)
    assert fifth.end is None
    assert fifth.timing == Timing.EXACT


def test_a_meeting_following_the_adjournment_of_another(journal, session71):
    read(
        journal,
        shapes.meeting(B),
        shapes.meeting(
            C, number="<p>19th meeting</p>", time_from="", time_to="", isFollowedBy=True
        ),
    )
    first, following = journal_meeting(B), journal_meeting(C)
    assert following.timing == Timing.FOLLOWING
    assert following.follows == first
    assert following.start == first.end  # it starts when the other ends


def test_an_unknown_room_is_reported_never_guessed(journal, session71):
    report = read(
        journal,
        shapes.meeting(B, room="Conference Room 99", room_link="NOMAP"),
    )
    fifth = journal_meeting(B)
    assert fifth.room is None
    assert report.unknown_rooms == [
        {"day": DAY.isoformat(), "room": "Conference Room 99", "meeting": "Fifth Committee"}
    ]


def test_an_unknown_body_is_added_among_other_bodies(journal, session71):
    read(
        journal,
        shapes.meeting(
            B,
            title="<p>Committee on Information</p>",
            organ="A/AC.198",
            organization="Committee on Information",
        ),
    )
    organ = journal_meeting(B).organ
    assert (organ.name, organ.symbol, organ.section) == (
        "Committee on Information",
        "A/AC.198",
        "other",
    )


def test_html_fragments_reach_no_page_as_markup(journal, session71, client):
    read(
        journal,
        shapes.meeting(
            B,
            title='<p>C&ocirc;te d&#8217;Ivoire &amp; <b>Fiji</b><script>alert("x")</script></p>',
        ),
    )
    fifth = journal_meeting(B)
    assert fifth.title == "Côte d’Ivoire & Fiji"
    page = client.get(fifth.get_absolute_url()).content.decode()
    assert "alert(" not in page


def test_agenda_items_come_with_their_documents(journal, session71):
    journal.answer(
        f"officials/{A}",
        {
            "id": A,
            "agenda": [
                {"itemNumber": "13", "title": "<p>Culture of peace</p>", "documents": ["A/71/345"]},
                {
                    "itemNumber": "120 (b)",
                    "title": "<p>Elections (A/71/100 and A/71/100/Add.1)</p>",
                },
            ],
        },
    )
    read(journal, shapes.plenary(A, agendaCount=2))
    items = list(journal_meeting(A).agenda_items.all())
    assert [(i.number, i.title, i.documents) for i in items] == [
        ("13", "Culture of peace", ["A/71/345"]),
        ("120 (b)", "Elections (A/71/100 and A/71/100/Add.1)", ["A/71/100", "A/71/100/Add.1"]),
    ]


@pytest.mark.parametrize(
    "reply",
    [
        Reply(b"oops", status=500),
        Reply(b"<html><body>Down for maintenance</body></html>", content_type="text/html"),
        Reply(b'{"officialMeetings": [{"groupName"', status=200),
        Reply({"unexpected": "shape"}),
        Reply({"officialMeetings": "not a list of meetings"}),
    ],
    ids=["500", "html", "malformed", "no-officials", "wrong-shape"],
)
def test_a_fault_keeps_the_last_good_data(journal, session71, reply):
    read(journal, shapes.plenary(A), shapes.meeting(B))
    good = JournalDay.objects.get(day=DAY).last_read
    journal.answer(PATH, reply)
    for _read in range(3):  # however often: nothing is cancelled or deleted
        report = sync_journal(DAY, DAY)
    assert report.problems
    assert Meeting.objects.filter(status=MeetingStatus.SCHEDULED).count() == 2
    assert JournalDay.objects.get(day=DAY).last_read == good


def test_an_unknown_field_shape_skips_that_meeting_only(journal, session71):
    report = read(journal, shapes.plenary(A), shapes.meeting(B, timeFrom={"hours": 10}))
    assert [m.title for m in Meeting.objects.all()] == ["General Assembly"]
    assert any("timeFrom" in problem for problem in report.problems)
    # Misread is not absent: B is not counted missing.
    assert not JournalEntry.objects.filter(absences__gt=0).exists()


def test_a_slow_journal_stops_the_run_with_its_reason(journal, session71):
    read(journal, shapes.meeting(B))
    journal.answer(PATH, Reply({"officialMeetings": []}, delay=1.0))
    report = sync_journal(DAY, DAY + timedelta(days=5))
    assert not report.ok
    assert "no answer within" in report.fault
    assert [p for p in journal.paths() if "2017-06-30" in p] == []  # stopped there
    assert journal_meeting(B).status == MeetingStatus.SCHEDULED


def test_reading_forward_stops_after_days_in_a_row_with_nothing(journal, session71, settings):
    settings.GASCHED_JOURNAL_EMPTY_DAYS = 3
    today = local_today()
    for offset in range(10):
        day = today + timedelta(days=offset)
        journal.answer(f"allnew/{day.isoformat()}", shapes.day())
    journal.answer(f"allnew/{today.isoformat()}", shapes.day(shapes.meeting(B, day=today)))
    report = sync_journal(today)
    assert report.last_day == today + timedelta(days=3)
    assert len(journal.requests) == 4


def test_a_day_unchanged_since_its_etag_is_taken_as_read(journal, session71):
    journal.answer(PATH, Reply(shapes.day(shapes.meeting(B)), headers={"ETag": '"day-1"'}))
    sync_journal(DAY, DAY)
    report = sync_journal(DAY, DAY)
    assert report.ok
    assert report.updated == 0
    assert journal.requests[-1][1]["If-None-Match"] == '"day-1"'
    assert SyncReport.objects.count() == 2


@time_machine.travel(datetime(2017, 6, 20, 15, tzinfo=UTC), tick=False)
def test_those_invited_hear_of_a_move_in_the_journal(journal, session71):
    belgium = Mission.objects.get(name="Belgium")
    belgium.receives_everything = True
    belgium.save()
    Contact.objects.create(
        mission=belgium,
        name="Contact Belgium",
        email="pr@belgium.example",
        confirmed=datetime(2017, 6, 1, tzinfo=UTC),
    )
    read(journal, shapes.meeting(B))
    assert Delivery.objects.filter(kind=DeliveryKind.INVITATION).count() == 1
    read(journal, shapes.meeting(B, time_from="15:00", time_to="18:00"))
    (update,) = Delivery.objects.filter(kind=DeliveryKind.UPDATE)
    assert update.sequence == 1
    assert [c["aspect"] for c in update.changes] == ["when"]


def test_a_room_the_office_booked_first_is_reported_not_taken(journal, session71):
    office = MeetingFactory(
        session=session71, title="Briefing", room=room("CR4"), start=at(10), end=at(13)
    )
    report = read(journal, shapes.meeting(B))
    fifth = journal_meeting(B)
    assert fifth.room is None  # saved, without the room the office holds
    assert JournalEntry.objects.get(journal_id=B).journal_room == room("CR4")
    assert any("Conference Room 4" in p and "Briefing" in p for p in report.problems)
    office.refresh_from_db()
    assert office.room == room("CR4")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_run_that_finds_another_going_reads_nothing(journal, session71):
    """The beat task and the command never read the same days at once: the second run
    would count the same absence twice and cancel a meeting the Journal still lists."""
    journal.answer(f"allnew/{shapes.DAY.isoformat()}", shapes.day(shapes.plenary("a" * 36)))
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [RUN_LOCK])
        report = sync_journal(shapes.DAY, shapes.DAY)
        assert (report.ok, report.fault) == (False, ALREADY_RUNNING)
        assert journal.paths() == []
        assert not Meeting.objects.filter(source=Source.JOURNAL).exists()
    finally:
        # The other run ends as a run does, by unlocking: closing the connection alone
        # frees the lock only when the server has noticed, which can be after the next line.
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [RUN_LOCK])
        other.close()
    assert sync_journal(shapes.DAY, shapes.DAY).ok
    assert Meeting.objects.filter(source=Source.JOURNAL).count() == 1
