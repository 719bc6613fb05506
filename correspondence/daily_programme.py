"""Tomorrow's programme by e-mail: every working-day evening, the next working day's
meetings to whoever subscribed (a user, or a mission's contact who asked for it), and
a short correction when the programme changes after it went out.

When: Celery beat runs `send_due` every few minutes. Once New York's local time has
passed GASCHED_DIGEST_TIME (the office's, "18:30" by default) the next working day's
programme is written, once: the day's ProgrammeIssue is unique, and it is written in
the same transaction as the outbox rows (one per subscriber, unique per day), so a
beat that runs twice, or dies half-way, writes it once. New York's clock decides, so the
change to and from daylight saving time moves nothing. The next working day is the next
weekday: Friday evening sends Monday's. A subscriber whose programme (all of it, or what
they follow) is empty that day is sent nothing.

Late changes: a significant change (meetings.changes.calendar_change) to a meeting of a
day whose programme went out, before that day begins, or a meeting added to it, is kept
as a ProgrammeAmendment in the transaction that saved the meeting. `send_due` gathers
the amendments of a day once none came for GASCHED_DIGEST_CORRECTION_QUIET_SECONDS (a
burst of edits is one correction) and writes one correction per subscriber who was
sent that day's programme and whom they concern, marking them told in the same
transaction: each change is told once.

Sending is the invitations' outbox machinery (correspondence.delivery.send_rows: the
claim, the retries, the requeue sweep), with this outbox's rows and messages
(correspondence.programme_messages).
"""

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import partial
from itertools import islice

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from meetings.changes import CalendarChange
from meetings.enums import STATUSES_THAT_FREE_THE_ROOM, Timing
from meetings.models import Meeting, PersonalSchedule, Process
from meetings.personal import is_followed
from meetings.timing import NEW_YORK
from missions.models import Contact, Mission

from . import delivery
from .enums import DeliveryState, ProgrammeMailKind, ProgrammeScope
from .messages import UnsendableAddress
from .models import ProgrammeAmendment, ProgrammeDelivery, ProgrammeIssue, ProgrammeSubscription
from .programme_messages import (
    build_message,
    is_on,
    outgoing,
    render_correction,
    render_programme,
)

log = logging.getLogger(__name__)
ADDED = "added"  # a meeting that was not in the programme as sent
AWAY = "away"  # no longer on that day (moved to another one)
# A programme the worker took or sent: what it said may need correcting. One still
# pending shows the meeting as it is when it goes.
WENT_OUT = (DeliveryState.SENT, DeliveryState.SENDING)
# Edits that never stop for the quiet time are told anyway after this many times it.
QUIET_AT_MOST = 6


# --- When ------------------------------------------------------------------------------


def sending_time() -> time:
    hours, _colon, minutes = settings.GASCHED_DIGEST_TIME.partition(":")
    return time(int(hours), int(minutes or 0))


def next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def due_day(now: datetime) -> date | None:
    """The day whose programme is due at `now`: the next working day once New York's
    clock has passed the office's time, else None."""
    local = timezone.localtime(now, NEW_YORK)
    if local.time() < sending_time():
        return None
    return next_working_day(local.date())


def start_of(day: date) -> datetime:
    return datetime.combine(day, time(0), NEW_YORK)


def day_meetings(day: date) -> list[Meeting]:
    """The published meetings on that day, soonest first, as the programme lists them:
    not those called off, nor those whose day is not known yet (the week of)."""
    return list(
        Meeting.objects.published()
        .filter(start__gte=start_of(day), start__lt=start_of(day + timedelta(days=1)))
        .exclude(status__in=STATUSES_THAT_FREE_THE_ROOM)
        .exclude(timing=Timing.WEEK)
        .select_related("room", "overflow_room", "process", "organ")
        .order_by("start", "pk")
    )


# --- Who wants what --------------------------------------------------------------------


@dataclass
class Interests:
    """What a subscriber's programme lists: everything, or what they follow."""

    everything: bool = False
    processes: set = field(default_factory=set)
    rooms: set = field(default_factory=set)
    meetings: set = field(default_factory=set)
    organs: set = field(default_factory=set)
    kinds: set = field(default_factory=set)

    def wants(self, meeting: Meeting) -> bool:
        # The sets have personal.Follows' names: one rule for what following means.
        return self.everything or is_followed(meeting, self)


@dataclass(frozen=True)
class Subscriber:
    pk: int
    scope: str
    user: int | None
    contact: int | None
    mission: int | None


def reachable() -> Q:
    """Subscriptions mail can go to: active, of an active user with an address, or of a
    contact whose address is confirmed and who has not opted out of gasched's mail."""
    users = Q(user__isnull=False, user__is_active=True) & ~Q(user__email="")
    contacts = Q(
        contact__isnull=False, contact__confirmed__isnull=False, contact__opted_out__isnull=True
    )
    return Q(active=True) & (users | contacts)


def subscribers(**filters) -> list[Subscriber]:
    return [
        Subscriber(*row)
        for row in ProgrammeSubscription.objects.filter(reachable(), **filters)
        .order_by("pk")
        .values_list("pk", "scope", "user_id", "contact_id", "contact__mission_id")
    ]


def interests(people: list[Subscriber]) -> dict[int, Interests]:
    """Each subscriber's Interests, in a fixed number of queries whatever their number.
    A user follows what their "My schedule" follows; a contact, what their mission is
    invited to (correspondence.delivery.invitees' rule: everything, its kinds, the
    processes it or its members follow, those the contact is focal point for)."""
    found = {p.pk: Interests(everything=p.scope == ProgrammeScope.ALL) for p in people}
    users = {p.user: p.pk for p in people if p.user and p.scope == ProgrammeScope.FOLLOWED}
    contacts = {p.contact: p.pk for p in people if p.contact and p.scope == ProgrammeScope.FOLLOWED}
    if users:
        schedules = {}
        for pk, user, kinds in PersonalSchedule.objects.filter(user__in=users).values_list(
            "pk", "user_id", "kinds"
        ):
            schedules[pk] = found[users[user]]
            schedules[pk].kinds.update(kinds or [])
        for name, attribute in (
            ("processes", "process"),
            ("rooms", "room"),
            ("meetings", "meeting"),
            ("organs", "organ"),
        ):
            through = getattr(PersonalSchedule, name).through
            for schedule, value in through.objects.filter(
                personalschedule__in=schedules
            ).values_list("personalschedule_id", f"{attribute}_id"):
                getattr(schedules[schedule], name).add(value)
    if contacts:
        by_mission = defaultdict(list)
        for p in people:
            if p.contact in contacts:
                by_mission[p.mission].append(found[p.pk])
        for pk, everything, kinds in Mission.objects.filter(pk__in=by_mission).values_list(
            "pk", "receives_everything", "kinds"
        ):
            for wanted in by_mission[pk]:
                wanted.everything = wanted.everything or everything
                wanted.kinds.update(kinds or [])
        for mission, process in Mission.processes.through.objects.filter(
            mission__in=by_mission
        ).values_list("mission_id", "process_id"):
            for wanted in by_mission[mission]:
                wanted.processes.add(process)
        for mission, process in Process.objects.filter(
            followers__user__membership__mission__in=by_mission
        ).values_list("followers__user__membership__mission", "pk"):
            for wanted in by_mission[mission]:
                wanted.processes.add(process)
        for contact, process in Contact.focal_point_for.through.objects.filter(
            contact__in=contacts
        ).values_list("contact_id", "process_id"):
            found[contacts[contact]].processes.add(process)
    return found


# --- Writing the programme -------------------------------------------------------------


def write_programmes(*, now: datetime | None = None) -> list[int]:
    """The next working day's programme for every subscriber, once, when it is due:
    the outbox rows, queued after commit. Constant queries whatever the number of
    subscribers (rows inserted delivery.WRITE_BATCH at a time)."""
    now = now or timezone.now()
    day = due_day(now)
    if day is None or ProgrammeIssue.objects.filter(day=day).exists():
        return []
    with transaction.atomic():
        meetings = day_meetings(day)
        _issue, created = ProgrammeIssue.objects.get_or_create(
            day=day,
            defaults={"written": now, "meetings": {str(m.pk): m.sequence for m in meetings}},
        )
        if not created or not meetings:
            return []
        people = subscribers()
        wanted = interests(people)

        def rows():
            for person in people:
                interest = wanted[person.pk]
                if interest.everything:
                    yield ProgrammeDelivery(subscription_id=person.pk, day=day, items=[])
                    continue
                listed = [m.pk for m in meetings if interest.wants(m)]
                if listed:
                    yield ProgrammeDelivery(subscription_id=person.pk, day=day, items=listed)

        written = rows()
        while batch := list(islice(written, delivery.WRITE_BATCH)):
            ProgrammeDelivery.objects.bulk_create(batch, ignore_conflicts=True)
        ids = list(
            ProgrammeDelivery.objects.filter(
                day=day, kind=ProgrammeMailKind.PROGRAMME, state=DeliveryState.PENDING
            ).values_list("pk", flat=True)
        )
        transaction.on_commit(partial(enqueue, ids))
    return ids


def enqueue(ids: Iterable[int]) -> None:
    delivery.enqueue(ids, task=sending_task())


def sending_task():
    from .tasks import deliver_programmes  # noqa: PLC0415 -- import cycle

    return deliver_programmes


# --- Late changes ----------------------------------------------------------------------


def on_meeting_saved(
    sender, *, meeting: Meeting, change: CalendarChange | None = None, **kwargs
) -> None:
    """meetings.signals.meeting_saved, inside save_meeting's transaction: a change to a
    programme already sent, for a day not yet begun, is kept for the correction."""
    note_amendment(meeting, change)


def note_amendment(
    meeting: Meeting, change: CalendarChange | None, *, now: datetime | None = None
) -> None:
    now = now or timezone.now()
    today = timezone.localtime(now, NEW_YORK).date()
    for day, listed in ProgrammeIssue.objects.filter(day__gt=today).values_list("day", "meetings"):
        was, on = str(meeting.pk) in listed, is_on(meeting, day)
        if was and on:
            if change is None or not change.significant:
                continue
            what = change.headline
        elif was:
            what = str(meeting.status) if meeting.is_off else AWAY
        elif on:
            what = ADDED
        else:
            continue
        ProgrammeAmendment.objects.bulk_create(
            [
                ProgrammeAmendment(
                    day=day, meeting=meeting, sequence=meeting.sequence, what=what, created=now
                )
            ],
            ignore_conflicts=True,  # the same version twice is the same change
        )


def write_corrections(*, now: datetime | None = None) -> list[int]:
    """One correction per subscriber concerned, for the amendments of each day not yet
    begun that have been quiet for GASCHED_DIGEST_CORRECTION_QUIET_SECONDS; the
    amendments are marked told in the same transaction."""
    now = now or timezone.now()
    today = timezone.localtime(now, NEW_YORK).date()
    quiet = timedelta(seconds=settings.GASCHED_DIGEST_CORRECTION_QUIET_SECONDS)
    ids: list[int] = []
    with transaction.atomic():
        waiting = list(
            ProgrammeAmendment.objects.select_for_update(skip_locked=True)
            .filter(corrected__isnull=True)
            .select_related("meeting")
            .order_by("day", "pk")
        )
        by_day = defaultdict(list)
        for amendment in waiting:
            by_day[amendment.day].append(amendment)
        for day, amendments in by_day.items():
            if day <= today:
                # The day has begun: the correction would come too late to plan by.
                ProgrammeAmendment.objects.filter(pk__in=[a.pk for a in amendments]).update(
                    corrected=now
                )
                continue
            settling = max(a.created for a in amendments) > now - quiet
            if settling and min(a.created for a in amendments) > now - QUIET_AT_MOST * quiet:
                continue  # still being edited: one correction for the whole burst
            ids += correct(day, amendments, now)
    if ids:
        transaction.on_commit(partial(enqueue, ids))
    return ids


def correct(day: date, amendments: list[ProgrammeAmendment], now: datetime) -> list[int]:
    sent = list(
        ProgrammeDelivery.objects.filter(
            day=day, kind=ProgrammeMailKind.PROGRAMME, state__in=WENT_OUT
        ).values_list("subscription_id", "items")
    )
    people = subscribers(pk__in=[pk for pk, _listed in sent])
    wanted = interests(people)
    listed = dict(sent)
    number = max(a.pk for a in amendments)
    rows = []
    for person in people:
        interest = wanted[person.pk]
        told = [
            a.pk
            for a in amendments
            if interest.everything
            or a.meeting_id in (listed[person.pk] or ())
            or interest.wants(a.meeting)
        ]
        if told:
            rows.append(
                ProgrammeDelivery(
                    subscription_id=person.pk,
                    day=day,
                    kind=ProgrammeMailKind.CORRECTION,
                    number=number,
                    items=told,
                )
            )
    for start in range(0, len(rows), delivery.WRITE_BATCH):
        ProgrammeDelivery.objects.bulk_create(
            rows[start : start + delivery.WRITE_BATCH], ignore_conflicts=True
        )
    ProgrammeAmendment.objects.filter(pk__in=[a.pk for a in amendments]).update(corrected=now)
    return list(
        ProgrammeDelivery.objects.filter(
            day=day,
            kind=ProgrammeMailKind.CORRECTION,
            number=number,
            state=DeliveryState.PENDING,
        ).values_list("pk", flat=True)
    )


# --- The beat and the worker -----------------------------------------------------------


def send_due(*, now: datetime | None = None) -> int:
    """What the beat runs every few minutes: the programme when it is due, the
    corrections whose changes have settled."""
    return len(write_programmes(now=now)) + len(write_corrections(now=now))


def requeue(*, now: datetime | None = None) -> list[int]:
    return delivery.requeue(now=now, model=ProgrammeDelivery, task=sending_task())


def load(ids: list[int]) -> dict[int, ProgrammeDelivery]:
    return ProgrammeDelivery.objects.select_related(
        "subscription__user", "subscription__contact"
    ).in_bulk(ids)


def reason_to_skip(row: ProgrammeDelivery, now: datetime) -> str:
    subscription = row.subscription
    if not subscription.active:
        return "Unsubscribed."
    if subscription.contact_id:
        if subscription.contact.opted_out:
            return "The contact opted out."
        if subscription.contact.confirmed is None:
            return delivery.NOT_CONFIRMED
    elif not subscription.user.is_active or not subscription.user.email:
        return "The account is closed or has no address."
    if now >= start_of(row.day + timedelta(days=1)):
        return "The day is over."
    return ""


def compose(row: ProgrammeDelivery, prepared: dict, *, as_bytes: bool = False) -> tuple:
    """The row's message (what its language and selection share rendered once per batch),
    or why there is none; as correspondence.delivery.compose."""
    key = (row.kind, row.day, row.number, row.subscription.language, tuple(row.items))
    try:
        if key not in prepared:
            prepared[key] = render(row, prepared)
        if as_bytes:
            return outgoing(row, prepared[key]), None
        return build_message(row, prepared[key]), None
    except DatabaseError:
        raise
    except UnsendableAddress as error:
        return None, delivery.PermanentFailure(f"Not sent: {delivery.describe(error)}")
    except Exception as error:
        log.warning("programme %s: message not built", row.pk, exc_info=True)
        return None, delivery.TemporaryFailure(f"Message not built: {delivery.describe(error)}")


def render(row: ProgrammeDelivery, prepared: dict):
    """The programme or correction for the row's language and selection; the day's
    meetings, or its amendments, read once per batch."""
    language = row.subscription.language
    if row.kind == ProgrammeMailKind.PROGRAMME:
        if ("meetings", row.day) not in prepared:
            prepared["meetings", row.day] = day_meetings(row.day)
        meetings = prepared["meetings", row.day]
        if row.items:
            listed = set(row.items)
            meetings = [m for m in meetings if m.pk in listed]
        return render_programme(row.day, meetings, language)
    if ("amendments", row.day, row.number) not in prepared:
        prepared["amendments", row.day, row.number] = list(
            ProgrammeAmendment.objects.filter(day=row.day, pk__lte=row.number)
            .select_related(
                "meeting__room", "meeting__overflow_room", "meeting__process", "meeting__organ"
            )
            .order_by("pk")
        )
    told = set(row.items)
    amendments = [a for a in prepared["amendments", row.day, row.number] if a.pk in told]
    return render_correction(row.day, amendments, language)


PROGRAMMES = delivery.Outbox(
    model=ProgrammeDelivery,
    load=load,
    reason_to_skip=reason_to_skip,
    compose=compose,
    task=sending_task,
)


def deliver(ids: Iterable[int]) -> dict[str, int]:
    return delivery.send_rows(PROGRAMMES, ids)


# --- Subscribing -----------------------------------------------------------------------


def subscription_of(*, user=None, contact=None) -> ProgrammeSubscription | None:
    key = {"user": user} if user is not None else {"contact": contact}
    return ProgrammeSubscription.objects.filter(**key).first()


@transaction.atomic
def subscribe(*, scope: str, language: str, user=None, contact=None) -> ProgrammeSubscription:
    """Subscribe (again), or change what and in which language."""
    key = {"user": user} if user is not None else {"contact": contact}
    subscription, _created = ProgrammeSubscription.objects.update_or_create(
        **key, defaults={"scope": scope, "language": language, "active": True}
    )
    return subscription


def unsubscribe(subscription: ProgrammeSubscription) -> ProgrammeSubscription:
    """One click: no more programmes (a pending one is skipped)."""
    if subscription.active:
        subscription.active = False
        subscription.save(update_fields=["active", "updated"])
    return subscription
