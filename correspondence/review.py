"""Staff review: a proposal read from a letter becomes a meeting or deadline, or not.

A new meeting goes in as a draft (Meeting.published_at empty): nothing is public or
sent until the office publishes it, alone or with the letter (publish_with_meetings).

Accepting goes through meetings.schedule.save_meeting, so a proposal meets the same
rules (a meeting's own, sessions, rooms) and gets the same history as a meeting typed in
by hand. Each decision is its own transaction: one room clash does not undo the
proposals accepted before it.
"""

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings import calling_off, changes, precedence, schedule
from meetings.changes import CalendarChange
from meetings.enums import MeetingStatus, Timing
from meetings.models import Deadline, Meeting, Process, Room, check_meeting_date
from meetings.sessions import ensure_session_covering
from meetings.timing import NEW_YORK, NonexistentTime, new_york_datetime, period_start

from .enums import AnnouncementRole, ProposalAction, ProposalState
from .models import Announcement, Letter, ProposedDeadline, ProposedMeeting

# --- Finding the meeting a proposal repeats or changes ---------------------------------


def day_bounds(day: date, timing: str) -> tuple[datetime, datetime]:
    first = day - timedelta(days=day.weekday()) if timing == Timing.WEEK else day
    length = 7 if timing == Timing.WEEK else 1
    start = datetime.combine(first, time(0), NEW_YORK)
    return start, datetime.combine(first + timedelta(days=length), time(0), NEW_YORK)


def match_existing(proposal: ProposedMeeting, *, process: Process | None) -> Meeting | None:
    """The meeting already in the schedule that the proposal speaks of, if any."""
    return match_existing_all([proposal], process=process)[0]


def match_existing_all(
    proposals: list[ProposedMeeting], *, process: Process | None
) -> list[Meeting | None]:
    """For each proposal, the meeting already in the schedule it speaks of, if any: in
    one query, however many proposals a letter makes.

    The same kind of meeting on the same New York day (or in the same week, for "the
    following week"), in the letter's process when it has one. A letter that moves or
    cancels a meeting speaks of the one on the date it was moved from.
    """
    if not proposals:
        return []
    windows = [day_bounds(p.moved_from or p.date, p.timing) for p in proposals]
    days = Q()
    for start, until in merged(windows):
        days |= Q(start__gte=start, start__lt=until)
    # A letter filed under no process speaks only of meetings of no process.
    candidates = Meeting.objects.filter(days, kind__in={p.kind for p in proposals})
    candidates = (
        candidates.filter(process=process) if process else candidates.filter(process__isnull=True)
    )
    candidates = list(candidates.order_by("start", "pk"))
    starts = [m.start for m in candidates]
    return [
        best_match(proposal, candidates[bisect_left(starts, start) : bisect_left(starts, until)])
        for proposal, (start, until) in zip(proposals, windows, strict=True)
    ]


def merged(windows: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """The windows as few as they cover: one condition per stretch of days."""
    stretches: list[tuple[datetime, datetime]] = []
    for start, until in sorted(windows):
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(until, stretches[-1][1]))
        else:
            stretches.append((start, until))
    return stretches


def best_match(proposal: ProposedMeeting, same_days: list[Meeting]) -> Meeting | None:
    """Of the meetings of the proposal's day (in order of start), the one it speaks of."""
    candidates = [m for m in same_days if m.kind == proposal.kind]
    if proposal.action == ProposalAction.ANNOUNCE:
        candidates = [m for m in candidates if m.status != MeetingStatus.CANCELLED]
    if proposal.action == ProposalAction.ANNOUNCE and proposal.start is not None:
        # Of several meetings that day, the one at the stated time; a time the schedule
        # does not have is the same meeting only if it is that day's one, untimed.
        at = [m for m in candidates if m.is_at_set_time and m.local_start.time() == proposal.start]
        if at:
            return at[0]
        untimed = [m for m in candidates if not m.is_at_set_time]
        return untimed[0] if len(candidates) == 1 and untimed else None
    # Anything else only when there is no doubt which meeting is meant.
    return candidates[0] if len(candidates) == 1 else None


# --- Accepting -------------------------------------------------------------------------


@dataclass
class Correction:
    """What staff confirmed in the review form (the proposal's own values by default)."""

    day: date
    timing: str
    start: datetime
    end: datetime | None
    room: Room | None
    kind: str
    title: str
    tentative: bool


def correction_from(proposal: ProposedMeeting) -> Correction:
    """The proposal as read, for accepting without changes ("accept all")."""
    timing = Timing.EXACT if proposal.start else proposal.timing
    try:
        start = period_start(proposal.date, timing, proposal.start)
        end = new_york_datetime(proposal.date, proposal.end) if proposal.end else None
    except NonexistentTime as error:
        raise ValidationError({"start_time": str(error)}) from error
    return Correction(
        day=proposal.date,
        timing=timing,
        start=start,
        end=end,
        room=proposal.room,
        kind=proposal.kind,
        title=proposal.title,
        tentative=proposal.is_tentative,
    )


@transaction.atomic
def accept_meeting(
    proposal: ProposedMeeting, *, user, correction: Correction | None = None
) -> Meeting:
    """Put the proposal in the schedule: a new meeting, or the change it makes to an
    existing one; link it to the letter. Raises ValidationError (nothing saved)."""
    proposal = (
        ProposedMeeting.objects.select_for_update().select_related("letter").get(pk=proposal.pk)
    )
    if proposal.state == ProposalState.ACCEPTED and proposal.meeting_id:
        return proposal.meeting  # a second click changes nothing
    if proposal.state != ProposalState.PROPOSED:
        raise ValidationError(_("This proposal was already rejected."), code="reviewed")
    correction = correction or correction_from(proposal)
    check_meeting_date(correction.day)
    # A letter may speak of a session nobody entered yet: it is made from the rules of
    # procedure, and save_meeting puts the meeting in whichever session covers its date.
    ensure_session_covering(correction.day)
    letter = proposal.letter
    existing = proposal.existing
    if existing is None and proposal.action != ProposalAction.ANNOUNCE:
        raise ValidationError(
            _(
                "No single meeting of %(day)s in this letter's process matches: change that "
                "meeting itself, then reject this proposal."
            )
            % {"day": date_format(proposal.moved_from or proposal.date, "DATE_FORMAT")},
            code="no_meeting_to_change",
        )
    if existing is not None:
        meeting, role = change_existing(existing, proposal, correction)
    else:
        meeting, role = new_meeting(proposal, correction, process=letter.outer.process), None
    if meeting.is_off and (existing is None or existing.status != meeting.status):
        # Called off by the letter: the same way as on the staff pages, the letter as reason.
        calling_off.call_off_meeting(meeting, status=meeting.status, reason=reason_from(letter))
    elif role != AnnouncementRole.CONFIRMED:  # a letter that only repeats the schedule
        schedule.save_meeting(meeting)
    if role is None or (role == AnnouncementRole.CONFIRMED and not meeting.announcements.exists()):
        # The first letter to speak of a meeting announced it, whoever typed it in first.
        role = AnnouncementRole.REPORTED if proposal.was_held else AnnouncementRole.ANNOUNCED
    Announcement.objects.get_or_create(letter=letter, meeting=meeting, defaults={"role": role})
    mark(proposal, ProposalState.ACCEPTED, user=user, meeting=meeting)
    return meeting


def reason_from(letter: Letter) -> str:
    """Why a meeting a letter calls off is off, as its invitees read it (in English, the
    letters' language): "As announced in the letter of 27 June 2017"."""
    dated = f" of {letter.date.day} {letter.date:%B %Y}" if letter.date else ""
    return f"As announced in the letter{dated}"


def new_meeting(proposal: ProposedMeeting, correction: Correction, *, process) -> Meeting:
    status = MeetingStatus.TENTATIVE if correction.tentative else MeetingStatus.SCHEDULED
    if proposal.action == ProposalAction.CANCEL:
        status = MeetingStatus.CANCELLED
    elif proposal.action == ProposalAction.POSTPONE:
        status = MeetingStatus.POSTPONED
    return Meeting(
        process=process,
        kind=correction.kind,
        title=correction.title,
        timing=correction.timing,
        start=correction.start,
        end=correction.end,
        room=correction.room,
        status=status,
    )


def change_existing(
    meeting: Meeting, proposal: ProposedMeeting, correction: Correction
) -> tuple[Meeting, str]:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting, role = apply_proposal(meeting, proposal, correction)
    # A letter may confirm an official meeting the Journal lists; only the Journal moves
    # or calls it off (meetings.precedence, as on the staff pages and in the admin).
    if role != AnnouncementRole.CONFIRMED and (refused := precedence.office_refusal(meeting)):
        raise ValidationError(refused, code="kept_by_the_journal")
    return meeting, role


def proposed_change(
    proposal: ProposedMeeting, correction: Correction
) -> tuple[Meeting, CalendarChange, int] | None:
    """What accepting would change in a published meeting, worked out on an unsaved copy:
    (the meeting as it would be, the verdict, the revision judged), for the preview of
    the update it sends; None when it changes nothing invitees must hear of."""
    if proposal.existing_id is None:
        return None
    related = ("room", "overflow_room", "process", "follows")
    before = Meeting.objects.select_related(*related).filter(pk=proposal.existing_id).first()
    if before is None or before.is_draft:
        return None
    after = Meeting.objects.select_related(*related).get(pk=before.pk)
    after, role = apply_proposal(after, proposal, correction)
    try:  # the same rules as the save: a change refused is refused with its reason
        after.full_clean(exclude=["booked_until", "session"])
        schedule.place_in_schedule(after)
    except ValidationError:
        return None
    change = changes.calendar_change(before, after)
    if role == AnnouncementRole.CONFIRMED or not change.significant:
        return None
    after.sequence = before.sequence + 1  # the version the update carries
    return after, change, before.revision


def apply_proposal(
    meeting: Meeting, proposal: ProposedMeeting, correction: Correction
) -> tuple[Meeting, str]:
    """The change the letter makes, on `meeting` (not saved)."""
    if proposal.action == ProposalAction.CANCEL:
        meeting.status = MeetingStatus.CANCELLED
        return meeting, AnnouncementRole.CHANGED
    if proposal.action == ProposalAction.POSTPONE:
        meeting.status = MeetingStatus.POSTPONED
        return meeting, AnnouncementRole.CHANGED
    if not meeting_differs(meeting, correction):
        return meeting, AnnouncementRole.CONFIRMED
    meeting.start, meeting.end, meeting.timing = correction.start, correction.end, correction.timing
    if correction.room is not None:
        meeting.room = correction.room
    if meeting.status == MeetingStatus.TENTATIVE and not correction.tentative:
        meeting.status = MeetingStatus.SCHEDULED
    return meeting, AnnouncementRole.CHANGED


def meeting_differs(meeting: Meeting | None, correction: Correction) -> bool:
    """Whether the letter says something other than the schedule (time, room, day).

    A letter that says less ("on 29 June", no time) than the schedule knows ("10 a.m.")
    does not undo what is known.
    """
    if meeting is None:
        return True
    if correction.timing == Timing.EXACT:
        if not meeting.is_at_set_time or meeting.start != correction.start:
            return True
        if correction.end is not None and meeting.end != correction.end:
            return True
    elif meeting.local_start.date() != correction.start.astimezone(NEW_YORK).date() and (
        correction.timing != Timing.WEEK or meeting.timing == Timing.WEEK
    ):
        return True
    return correction.room is not None and correction.room.pk != meeting.room_id


def mark(proposal, state: str, *, user, meeting=None, deadline=None) -> None:
    proposal.state = state
    proposal.reviewed_by = user if getattr(user, "is_authenticated", False) else None
    proposal.reviewed = timezone.now()
    fields = ["state", "reviewed_by", "reviewed"]
    if meeting is not None:
        proposal.meeting = meeting
        fields.append("meeting")
    if deadline is not None:
        proposal.deadline = deadline
        fields.append("deadline")
    proposal.save(update_fields=fields)


@transaction.atomic
def reject(proposal: ProposedMeeting | ProposedDeadline, *, user) -> None:
    proposal = type(proposal).objects.select_for_update().get(pk=proposal.pk)
    if proposal.state == ProposalState.ACCEPTED:
        raise ValidationError(
            _("This proposal is already in the schedule: change or cancel the meeting itself."),
            code="reviewed",
        )
    mark(proposal, ProposalState.REJECTED, user=user)


@transaction.atomic
def accept_deadline(
    proposal: ProposedDeadline, *, user, process: Process | None = None
) -> Deadline:
    proposal = (
        ProposedDeadline.objects.select_for_update().select_related("letter").get(pk=proposal.pk)
    )
    if proposal.state == ProposalState.ACCEPTED and proposal.deadline_id:
        return proposal.deadline
    if proposal.state != ProposalState.PROPOSED:
        raise ValidationError(_("This proposal was already rejected."), code="reviewed")
    process = process or proposal.letter.outer.process
    if process is None:
        raise ValidationError(
            {"process": _("Choose the process of this letter first: a deadline belongs to one.")},
            code="no_process",
        )
    check_meeting_date(proposal.due_date)
    deadline = proposal.existing or Deadline(process=process)
    deadline.kind = proposal.kind
    deadline.title = proposal.title
    deadline.due_date = proposal.due_date
    deadline.due_time = proposal.due_time
    deadline.close_of_business = proposal.close_of_business
    deadline.full_clean()
    deadline.save()
    mark(proposal, ProposalState.ACCEPTED, user=user, deadline=deadline)
    return deadline


UPDATE_NEEDS_PREVIEW = gettext_lazy(
    "This changes a published meeting: accept it on its own, after seeing the update it sends."
)


@dataclass
class Outcome:
    accepted: list
    failed: list[tuple[object, str]]


def accept_all(letter: Letter, *, user) -> Outcome:
    """Accept every open proposal of the letter and its enclosures, as read, but those
    that change a published meeting (their update is previewed one by one).

    Each is its own transaction; those that cannot go in (a room taken, no process for
    a deadline) stay open with the reason, for staff to correct one by one.
    """
    parts = [letter, *letter.enclosures.all()]
    outcome = Outcome(accepted=[], failed=[])
    meetings = ProposedMeeting.objects.filter(letter__in=parts, state=ProposalState.PROPOSED)
    for proposal in meetings.order_by("letter_id", "order"):
        try:
            if proposed_change(proposal, correction_from(proposal)) is not None:
                # Its update goes out only once an editor has seen it (the preview).
                outcome.failed.append((proposal, UPDATE_NEEDS_PREVIEW))
                continue
            outcome.accepted.append(accept_meeting(proposal, user=user))
        except ValidationError as error:
            outcome.failed.append((proposal, " ".join(error.messages)))
    deadlines = ProposedDeadline.objects.filter(letter__in=parts, state=ProposalState.PROPOSED)
    for proposal in deadlines.order_by("letter_id", "order"):
        try:
            outcome.accepted.append(accept_deadline(proposal, user=user))
        except ValidationError as error:
            outcome.failed.append((proposal, " ".join(error.messages)))
    return outcome


def draft_meetings(letter: Letter) -> list[Meeting]:
    """The meetings this letter (or an enclosure) put in the schedule that are still
    drafts: what "Publish" on the letter publishes with it. One query."""
    return list(
        Meeting.objects.drafts()
        .filter(Q(announcements__letter=letter) | Q(announcements__letter__enclosed_in=letter))
        .select_related("room", "overflow_room", "process", "follows")
        .distinct()
        .order_by("start", "pk")
    )


@transaction.atomic
def publish_with_meetings(letter: Letter, opened: dict[int, int]) -> list[Meeting]:
    """The letter in the public archive and its draft meetings (`opened`: pk -> the
    revision previewed) published with their invitations, together or not at all."""
    published, _already = schedule.publish_meetings(opened)
    publish(letter)
    return published


@transaction.atomic
def publish(letter: Letter, *, published: bool = True) -> Letter:
    letter.is_published = published
    letter.save(update_fields=["is_published", "updated"])
    return letter
