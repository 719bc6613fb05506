"""From a stored letter to the schedule: accepting, correcting, rejecting, and letters
that repeat, move or cancel meetings already there."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError

from correspondence import letters, review
from correspondence.enums import AnnouncementRole, ProposalAction, ProposalState
from correspondence.models import Announcement, Letter, ProposedDeadline, ProposedMeeting
from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus, Source, Timing
from meetings.models import CoFacilitator, Deadline, Meeting, Organ, Room
from meetings.timing import NEW_YORK, new_york_datetime
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory

from .conftest import LETTER_2008, LETTER_2017

pytestmark = pytest.mark.django_db


@pytest.fixture
def trafficking():
    """The process of the 2017 letter, with its two co-facilitators."""
    process = ProcessFactory(
        session=SessionFactory(number=71), title="Political declaration on trafficking"
    )
    CoFacilitator.objects.create(process=process, state="Belgium")
    CoFacilitator.objects.create(process=process, state="Qatar")
    return process


def import_text(text: str, **kwargs) -> Letter:
    return letters.import_letter(text.encode(), filename="letter.txt", **kwargs).letter


def letter_text(body: str, dated: str = "30 June 2017") -> str:
    return (
        f"{dated}\n\nExcellency,\n\n{body}\n\nPlease accept, Excellency, the assurances of our "
        "highest consideration.\n\nH.E. Mr. Marc Pecsteen de Buytswerve Permanent "
        "Representative of Belgium\n\nH.E. Ms. Alya Ahmed Saif Al-Thani Permanent "
        "Representative of the State of Qatar\n"
    )


def schedule_of(process) -> list[tuple]:
    return [
        (
            m.local_start.date(),
            m.timing,
            m.local_start.time() if m.is_at_set_time else None,
            m.room.code if m.room else None,
            m.status,
        )
        for m in Meeting.objects.filter(process=process).select_related("room").order_by("start")
    ]


def test_the_2017_letter_finds_its_process_by_the_co_facilitators_who_signed(trafficking):
    letter = import_text(LETTER_2017.read_text())
    assert letter.process == trafficking
    assert letter.enclosures.get().process == trafficking


def test_accepting_the_2017_letter_puts_its_meetings_and_deadline_in_the_schedule(trafficking):
    letter = import_text(LETTER_2017.read_text())

    outcome = review.accept_all(letter, user=None)

    assert outcome.failed == []
    assert schedule_of(trafficking) == [
        (date(2017, 6, 16), Timing.MORNING, None, None, MeetingStatus.SCHEDULED),
        (date(2017, 6, 29), Timing.EXACT, time(10), "ECOSOC", MeetingStatus.SCHEDULED),
        (date(2017, 7, 6), Timing.EXACT, time(10), "CR3", MeetingStatus.SCHEDULED),
        (date(2017, 7, 10), Timing.WEEK, None, None, MeetingStatus.TENTATIVE),
        (date(2017, 9, 27), Timing.DAY, None, None, MeetingStatus.SCHEDULED),
    ]
    assert list(
        Deadline.objects.values_list("process", "kind", "due_date", "close_of_business")
    ) == [(trafficking.pk, "zero-draft", date(2017, 6, 23), True)]
    # Linked to the co-facilitators' letter that announced them; the first one as held.
    enclosure = letter.enclosures.get()
    roles = sorted(
        (a.meeting.local_start.date(), a.role)
        for a in Announcement.objects.filter(letter=enclosure)
    )
    assert roles[0] == (date(2017, 6, 16), AnnouncementRole.REPORTED)
    assert {role for _, role in roles[1:]} == {AnnouncementRole.ANNOUNCED}


def test_importing_the_same_letter_again_proposes_nothing_twice(trafficking):
    letter = import_text(LETTER_2017.read_text())
    review.accept_all(letter, user=None)

    again = letters.import_letter(LETTER_2017.read_bytes(), filename="again.txt")

    assert (again.created, again.letter) == (False, letter)
    assert not ProposedMeeting.objects.filter(state=ProposalState.PROPOSED).exists()
    assert Meeting.objects.count() == 5


def test_a_later_letter_repeating_a_meeting_links_it_and_changes_nothing(trafficking):
    review.accept_all(import_text(LETTER_2017.read_text()), user=None)
    third = Meeting.objects.get(start=new_york_datetime(date(2017, 7, 6), time(10)))
    later = import_text(
        letter_text(
            "We recall that the third informal consultation will be held on Thursday, "
            "6 July (10:00 am CR3)."
        )
    )
    proposal = ProposedMeeting.objects.get(letter=later)
    assert proposal.existing == third
    stamp = third.calendar_changed_at

    review.accept_meeting(proposal, user=None)

    third.refresh_from_db()
    assert (Meeting.objects.count(), third.sequence) == (5, 0)
    assert third.calendar_changed_at == stamp  # nothing a calendar shows changed
    assert Announcement.objects.get(letter=later).role == AnnouncementRole.CONFIRMED


def test_a_letter_that_moves_a_meeting_changes_it_instead_of_adding_one(trafficking):
    review.accept_all(import_text(LETTER_2017.read_text()), user=None)
    # Published: a change to a draft is no news to anyone (no SEQUENCE).
    schedule.publish_meetings({m.pk: m.revision for m in Meeting.objects.drafts()})
    third = Meeting.objects.get(start=new_york_datetime(date(2017, 7, 6), time(10)))
    moving = import_text(
        letter_text(
            "The informal consultation scheduled for Thursday, 6 July has been moved "
            "to Friday, 7 July (3 p.m., CR 4)."
        )
    )
    proposal = ProposedMeeting.objects.get(letter=moving)
    assert (proposal.action, proposal.existing) == (ProposalAction.MOVE, third)
    stamp = third.calendar_changed_at

    review.accept_meeting(proposal, user=None)

    third.refresh_from_db()
    assert third.calendar_changed_at > stamp  # the feeds' DTSTAMP moves with SEQUENCE
    assert Meeting.objects.count() == 5
    assert (third.local_start, third.room.code, third.sequence) == (
        datetime(2017, 7, 7, 15, tzinfo=NEW_YORK),
        "CR4",
        1,
    )
    assert Announcement.objects.get(letter=moving, meeting=third).role == AnnouncementRole.CHANGED


def test_a_letter_that_cancels_a_meeting_cancels_it(trafficking):
    review.accept_all(import_text(LETTER_2017.read_text()), user=None)
    cancelling = import_text(
        letter_text(
            "The informal consultation on Thursday, 29 June has been cancelled.", "27 June 2017"
        )
    )

    review.accept_all(cancelling, user=None)

    meeting = Meeting.objects.get(start=new_york_datetime(date(2017, 6, 29), time(10)))
    assert (meeting.status, Meeting.objects.count()) == (MeetingStatus.CANCELLED, 5)
    # called off the one way (meetings.calling_off), with the letter as the reason
    assert meeting.status_reason == "As announced in the letter of 27 June 2017"


def test_a_taken_room_is_refused_and_nothing_is_saved(trafficking):
    holder = MeetingFactory(
        title="Fifth Committee",
        start=new_york_datetime(date(2017, 6, 29), time(10)),
        room=Room.objects.get(code="ECOSOC"),
    )
    letter = import_text(LETTER_2017.read_text())
    proposal = ProposedMeeting.objects.get(letter__enclosed_in=letter, date=date(2017, 6, 29))

    with pytest.raises(ValidationError, match="already booked for “Fifth Committee”"):
        review.accept_meeting(proposal, user=None)

    proposal.refresh_from_db()
    assert proposal.state == ProposalState.PROPOSED
    assert list(Meeting.objects.all()) == [holder]


def test_accept_all_reports_what_could_not_go_in_and_keeps_the_rest(trafficking):
    MeetingFactory(
        start=new_york_datetime(date(2017, 6, 29), time(10)), room=Room.objects.get(code="ECOSOC")
    )
    outcome = review.accept_all(import_text(LETTER_2017.read_text()), user=None)
    assert [str(p.date) for p, _reason in outcome.failed] == ["2017-06-29"]
    assert len(outcome.accepted) == 5  # four meetings and the deadline


def test_corrections_made_in_review_are_what_goes_in(trafficking):
    letter = import_text(LETTER_2017.read_text())
    proposal = ProposedMeeting.objects.get(letter__enclosed_in=letter, date=date(2017, 7, 6))
    correction = review.correction_from(proposal)
    correction.room = Room.objects.get(code="CR5")
    correction.title = "Third informal consultation on the political declaration"

    meeting = review.accept_meeting(proposal, user=None, correction=correction)

    assert (meeting.room.code, meeting.title, meeting.process) == (
        "CR5",
        "Third informal consultation on the political declaration",
        trafficking,
    )


def test_a_second_accept_changes_nothing_and_a_rejected_one_cannot_be_accepted(trafficking):
    letter = import_text(LETTER_2017.read_text())
    first, second = ProposedMeeting.objects.filter(letter__enclosed_in=letter).order_by("order")[:2]
    meeting = review.accept_meeting(first, user=None)
    assert review.accept_meeting(first, user=None) == meeting
    review.reject(second, user=None)
    with pytest.raises(ValidationError, match="already rejected"):
        review.accept_meeting(second, user=None)
    assert Meeting.objects.count() == 1


def test_a_deadline_needs_a_process():
    letter = import_text(LETTER_2017.read_text())  # no process matches: none exists
    proposal = ProposedDeadline.objects.get()
    with pytest.raises(ValidationError, match="Choose the process"):
        review.accept_deadline(proposal, user=None)
    review.accept_deadline(proposal, user=None, process=ProcessFactory())
    assert Deadline.objects.count() == 1
    assert letter.process is None


def test_filing_the_letter_under_a_process_finds_the_meetings_it_speaks_of():
    process = ProcessFactory()
    existing = MeetingFactory(
        process=process,
        kind=MeetingKind.INFORMAL_CONSULTATION,
        start=new_york_datetime(date(2017, 6, 29), time(10)),
    )
    letter = import_text(LETTER_2017.read_text())
    letters.set_process(letter, process)
    proposal = ProposedMeeting.objects.get(date=date(2017, 6, 29))
    assert proposal.existing == existing


def test_the_2008_debate_lands_in_the_62nd_session_created_by_the_rule():
    letter = import_text(LETTER_2008.read_text())
    review.accept_all(letter, user=None)
    meeting = Meeting.objects.get()
    assert (meeting.session.number, meeting.kind, meeting.timing, meeting.local_start.date()) == (
        62,
        MeetingKind.THEMATIC_DEBATE,
        Timing.DAY,
        date(2008, 6, 3),
    )


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2023, 3, 10), 15),
        (date(2023, 3, 13), 14),
        (date(2023, 11, 3), 14),
        (date(2023, 11, 6), 15),
    ],
)
def test_times_from_letters_are_new_york_times_across_daylight_saving(day, utc_hour):
    letter = import_text(
        letter_text(
            f"A briefing will be held on {day:%-d %B %Y} at 10 a.m. in CR 1.", "1 March 2023"
        )
    )
    review.accept_all(letter, user=None)
    assert Meeting.objects.get().start == datetime.combine(day, time(utc_hour), UTC)


# --- Matching with no doubt (review of the first version) ------------------------------


def test_a_letter_with_no_process_never_changes_another_process_meeting():
    other = MeetingFactory(
        process=ProcessFactory(),
        kind=MeetingKind.INFORMAL_CONSULTATION,
        start=new_york_datetime(date(2017, 7, 10), time(10)),
    )
    letter = import_text(
        letter_text(
            "The informal consultation scheduled for 10 July has been rescheduled to 12 July."
        )
    )
    proposal = ProposedMeeting.objects.get(letter=letter)
    assert proposal.existing is None
    with pytest.raises(ValidationError, match="No single meeting of 10 July 2017"):
        review.accept_meeting(proposal, user=None)
    other.refresh_from_db()
    assert other.local_start.date() == date(2017, 7, 10)


def test_a_stated_time_the_schedule_lacks_is_a_new_meeting_not_a_move(trafficking):
    morning = MeetingFactory(
        process=trafficking,
        kind=MeetingKind.INFORMAL_CONSULTATION,
        start=new_york_datetime(date(2017, 7, 11), time(10)),
    )
    letter = import_text(
        letter_text("Informal consultations will be held on 11 July at 10 a.m. and at 3 p.m.")
    )
    at_ten, at_three = ProposedMeeting.objects.filter(letter=letter).order_by("start")
    assert (at_ten.existing, at_three.existing) == (morning, None)
    review.accept_all(letter, user=None)
    assert sorted(m.local_start.hour for m in Meeting.objects.all()) == [10, 15]


def test_rejecting_one_session_of_a_sentence_keeps_the_other_on_reimport(trafficking):
    text = letter_text("Informal consultations will be held on 11 July at 10 a.m. and at 3 p.m.")
    letter = import_text(text)
    review.reject(ProposedMeeting.objects.get(letter=letter, start=time(10)), user=None)
    letters.import_letter(text.encode(), filename="again.txt")
    assert sorted(
        (p.start.hour, p.state) for p in ProposedMeeting.objects.filter(letter=letter)
    ) == [(10, ProposalState.REJECTED), (15, ProposalState.PROPOSED)]


def test_the_same_file_stored_twice_at_once_is_one_letter():
    data = LETTER_2008.read_bytes()
    found = letters.read_file(data)
    first, _ = letters.store_letter(data, found, filename="a.txt", process=None, user=None)
    second, created = letters.store_letter(data, found, filename="b.txt", process=None, user=None)
    assert created is False
    assert second == first
    assert Letter.objects.filter(enclosed_in__isnull=True).count() == 1


@pytest.mark.parametrize("written", ["NLB Conference Room 4", "Conference Room 4 (NLB)"])
def test_accept_all_refuses_a_future_meeting_in_a_room_out_of_use(trafficking, written):
    """The North Lawn Building is gone: a letter naming its room books nothing."""
    day = schedule.today() + timedelta(days=30)
    letter = import_text(
        letter_text(
            f"An informal consultation will be held on {day:%-d %B %Y} at 10 a.m. in {written}.",
            dated=f"{schedule.today():%-d %B %Y}",
        )
    )
    proposal = ProposedMeeting.objects.get(letter=letter)
    assert proposal.room.code == "NLB-CR4"

    outcome = review.accept_all(letter, user=None)

    assert outcome.failed == [
        (proposal, "Conference Room 4 (North Lawn Building) is no longer in use.")
    ]
    assert Meeting.objects.count() == 0


def journal_plenary(day: date) -> Meeting:
    return MeetingFactory(
        kind=MeetingKind.PLENARY,
        title="General Assembly, 96th plenary meeting",
        organ=Organ.objects.get(code="ga-plenary"),
        meeting_number=96,
        source=Source.JOURNAL,
        start=new_york_datetime(day, time(10)),
        end=new_york_datetime(day, time(13)),
        room=Room.objects.get(code="GA-HALL"),
    )


def pga_letter(body: str) -> Letter:
    return import_text(
        f"30 June 2017\n\nExcellency,\n\n{body}\n\nPlease accept, Excellency, the assurances "
        "of my highest consideration.\n\nPeter Thomson\nPresident of the General Assembly\n"
    )


def test_a_letter_cannot_move_an_official_meeting_the_journal_keeps_but_may_confirm_it():
    official = journal_plenary(date(2017, 7, 6))
    moving = pga_letter(
        "The plenary meeting scheduled for Thursday, 6 July 2017 has been moved to Friday, "
        "7 July 2017 at 3 p.m. in the General Assembly Hall."
    )
    proposal = ProposedMeeting.objects.get(letter=moving)
    assert proposal.existing == official
    with pytest.raises(ValidationError) as refused:
        review.accept_meeting(proposal, user=None)
    assert "Journal of the United Nations" in " ".join(refused.value.messages)
    official.refresh_from_db()
    assert (official.local_start.date(), official.sequence) == (date(2017, 7, 6), 0)
    outcome = review.accept_all(moving, user=None)
    assert outcome.accepted == []
    assert len(outcome.failed) == 1
    assert Meeting.objects.count() == 1

    repeating = pga_letter(
        "The plenary meeting will be held on Thursday, 6 July 2017 from 10 a.m. to 1 p.m. "
        "in the General Assembly Hall."
    )
    proposal = ProposedMeeting.objects.get(letter=repeating)
    assert review.accept_meeting(proposal, user=None) == official
    assert Announcement.objects.filter(letter=repeating, meeting=official).exists()
