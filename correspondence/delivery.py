"""Invitations, updates, cancellations and reminders to the missions' contacts.

The outbox pattern: `write_outbox` writes one Delivery row per recipient in the same
transaction as the change (meetings announces it with its `meeting_saved` signal),
and queues Celery tasks only after commit. `deliver` claims each row (PENDING ->
SENDING) before sending, so two workers never send the same row, and marks it SENT the
moment the SMTP server accepts it. A periodic sweep re-queues rows a lost task or a
dead worker left behind. A batch is claimed in one statement, and each row is
checked again right before it is sent only once the batch has run long enough for the
sweep to think it lost. Temporary SMTP failures (4xx, dropped connections) are
retried with exponential back-off; permanent ones (5xx) are recorded. Whatever goes
wrong with one row fails that row alone, with the reason (an address mail cannot go to
fails it at once), and the batch goes on; every kind of failure counts against
GASCHED_MAX_ATTEMPTS, so no row is tried for ever. Contacts receive nothing until
their address is confirmed (missions.confirmation). With Django's SMTP backend, the
messages go as bytes on the backend's own smtplib connection, every recipient's but the
first of a version filled into a template cut from that first (correspondence.wire).
The sending (`send_rows`: claim, send, mark, retry, requeue) serves any outbox of the
same shape (models.OutboxRow): these invitations, and tomorrow's programme by e-mail
(correspondence.daily_programme).
"""

import logging
import secrets
import smtplib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from itertools import islice
from typing import TypeVar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import DatabaseError, InterfaceError, OperationalError, transaction
from django.db import connection as database
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from gasched.queueing import hand_over
from meetings.calling_off import Audience
from meetings.changes import CalendarChange, merged
from meetings.enums import MeetingStatus, Timing
from meetings.models import Meeting, Process
from missions.addresses import visible
from missions.models import Contact, Mission

from .enums import DeliveryKind, DeliveryState, InvitationReason
from .messages import UnsendableAddress, build_message, prepare
from .models import Delivery, Reminder
from .wire import Outgoing, first, from_template, ordinary

log = logging.getLogger(__name__)
SWEPT = "they stay pending for the requeue sweep"
T = TypeVar("T")

BATCH = 50  # deliveries per task: one SMTP connection serves a batch
WRITE_BATCH = 1000  # outbox rows per INSERT when thousands are written at once
OFF_STATUSES = (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)
# Timings with a start worth reminding of ("the following week" has none).
REMINDED_TIMINGS = (Timing.EXACT, Timing.MORNING, Timing.AFTERNOON)
# A reminder due within this long of now when the meeting is announced or moved is not
# sent: it would arrive on the heels of the invitation or update.
REMINDER_GRACE = timedelta(minutes=15)
# A contact has the meeting in their calendar once a row was sent (or is being sent).
HAD = (DeliveryState.SENT, DeliveryState.SENDING)
# What an opt-out stops; updates and cancellations of a meeting already in the contact's
# calendar still go (write_outbox writes them only for such contacts).
OPT_OUT_STOPS = (DeliveryKind.INVITATION, DeliveryKind.REMINDER)
# Why a row waits (SKIPPED) until its contact's new address is confirmed.
NOT_CONFIRMED = "The address is not confirmed yet."
# A version whose first message gave no template: the rest are built the ordinary way.
NO_TEMPLATE = False

# --- Who receives what -----------------------------------------------------------------


def invitees(meeting: Meeting) -> dict[int, tuple[int, str]]:
    """The contacts who want this meeting, each with its mission and why: their mission
    takes everything, or its kind, or follows its process; or they are a focal point
    for its process. Opted-out contacts never, nor those whose address is not confirmed
    yet (missions.confirmation). The one rule of who is invited: the outbox writes by
    it and the publish preview counts by it. At most four queries, whatever the number
    of contacts. One path for every database: which missions take the kind is read in
    Python (about 200 short rows), since SQLite has no JSON containment."""
    taking_kind = {
        pk for pk, kinds in Mission.objects.values_list("pk", "kinds") if meeting.kind in kinds
    }
    focal, followed = set(), set()
    if meeting.process_id:
        focal = set(
            Contact.focal_point_for.through.objects.filter(
                process_id=meeting.process_id
            ).values_list("contact_id", flat=True)
        )
        followed = set(
            Mission.objects.filter(
                Q(processes=meeting.process_id)
                | Q(members__user__personal_schedule__processes=meeting.process_id)
            ).values_list("pk", flat=True)
        )
    wanted = (
        Q(mission__receives_everything=True)
        | Q(mission__in=taking_kind | followed)
        | Q(pk__in=focal)
    )
    contacts = Contact.objects.filter(wanted, opted_out__isnull=True, confirmed__isnull=False)
    found = {}
    for pk, mission in contacts.distinct().values_list("pk", "mission_id"):
        if pk in focal:
            reason = InvitationReason.FOCAL_POINT
        elif mission in followed:
            reason = InvitationReason.PROCESS
        elif mission in taking_kind:
            reason = InvitationReason.KIND
        else:
            reason = InvitationReason.EVERYTHING
        found[pk] = (mission, reason)
    return found


def in_calendars(meeting: Meeting) -> QuerySet[Delivery]:
    """The invitations and updates that put (a version of) the meeting in a contact's
    calendar or are about to: whoever has one hears of every change and of its being
    called off. A contact who opted out before it was sent has nothing to correct."""
    return Delivery.objects.filter(
        Q(contact__opted_out__isnull=True) | Q(state__in=HAD),
        meeting=meeting,
        kind__in=[DeliveryKind.INVITATION, DeliveryKind.UPDATE],
    )


def told_if_called_off(meeting: Meeting, *, now: datetime | None = None) -> Audience:
    """How many contacts, at how many missions, write_outbox would send a cancellation
    to if the meeting were cancelled or postponed now (none once it is over)."""
    if meeting.booked_until <= (now or timezone.now()):
        return Audience(missions=0, contacts=0)
    counts = in_calendars(meeting).aggregate(
        contacts=Count("contact", distinct=True), missions=Count("contact__mission", distinct=True)
    )
    return Audience(**counts)


# --- Writing the outbox ----------------------------------------------------------------


def write_outbox(
    meeting: Meeting, *, change: CalendarChange | None = None, now: datetime | None = None
) -> list[int]:
    """Called inside the transaction that saved `meeting`: write what must be sent.

    Scheduled (published): an invitation to whoever has none yet, an update to whoever
    has an older version. Cancelled or postponed: a cancellation to whoever was invited.
    Tentative meetings are not yet announced and send nothing; drafts (not published:
    Meeting.published_at) neither, whatever their status. Past meetings neither.
    An update or cancellation says what changed (`change`, the verdict of
    meetings.changes.calendar_change), merged with the changes of updates to the same
    contact still unsent, which it supersedes. A contact who opted out still gets the
    correction of a meeting already sent to them: an opt-out stops new invitations.
    """
    now = now or timezone.now()
    if not announced(meeting, now):
        return []
    held = holders(meeting)
    already, had, unsent = held.already, held.had, held.unsent
    news = change.as_data() if change is not None else []

    def said(contact_id: int) -> list[dict]:
        since = had.get(contact_id, -1)
        earlier = [c for s, c in sorted(unsent[contact_id]) if since < s < meeting.sequence]
        result: list[dict] = []
        for changes in [*earlier, news]:
            result = merged(result, changes)
        return result

    wanted = list(invitees(meeting)) if meeting.status == MeetingStatus.SCHEDULED else []
    rows = addressees(meeting, already, wanted)
    Delivery.objects.bulk_create(
        [
            Delivery(
                meeting=meeting,
                contact_id=c,
                kind=k,
                sequence=meeting.sequence,
                changes=said(c) if k != DeliveryKind.INVITATION else [],
            )
            for c, k in rows
        ],
        ignore_conflicts=True,  # the same version twice is the same delivery
    )
    schedule_reminders(meeting, now=now, announced=bool(rows))
    ids = list(
        Delivery.objects.filter(
            meeting=meeting, sequence=meeting.sequence, state=DeliveryState.PENDING
        ).values_list("pk", flat=True)
    )
    if ids:
        transaction.on_commit(partial(enqueue, ids))
    return ids


def announced(meeting: Meeting, now: datetime) -> bool:
    """Whether saving the meeting sends anything at all: a draft is the office's alone,
    and a meeting already over is nobody's news."""
    return meeting.published_at is not None and meeting.holds_room_until() > now


@dataclass
class Holders:
    """Who has (or is about to have) a version of the meeting in their calendar."""

    already: dict[int, int]  # contact -> highest sequence sent or being sent
    had: dict[int, int]  # contact -> highest sequence sent
    unsent: dict[int, list]  # contact -> (sequence, changes) of updates not yet sent
    missions: dict[int, int]  # contact -> mission


def holders(meeting: Meeting) -> Holders:
    """One query: what was written for the meeting so far (invitations and updates)."""
    held = Holders({}, {}, defaultdict(list), {})
    for contact_id, mission, sequence, state, kind, changes in in_calendars(meeting).values_list(
        "contact_id", "contact__mission_id", "sequence", "state", "kind", "changes"
    ):
        held.already[contact_id] = max(held.already.get(contact_id, -1), sequence)
        held.missions[contact_id] = mission
        if state in HAD:
            held.had[contact_id] = max(held.had.get(contact_id, -1), sequence)
        if state == DeliveryState.PENDING and kind == DeliveryKind.UPDATE:
            held.unsent[contact_id].append((sequence, changes))
    return held


def addressees(
    meeting: Meeting, already: dict[int, int], wanted: Iterable[int]
) -> list[tuple[int, str]]:
    """(contact, kind of message) for the meeting as it is now: the rule of what goes
    to whom, for the outbox and for the previews of publishing and of an update."""
    if meeting.status in OFF_STATUSES:
        return [(contact_id, DeliveryKind.CANCELLATION) for contact_id in already]
    # Whoever has it in their calendar gets every change (back to tentative too),
    # even if their mission no longer asks for such meetings.
    rows = [
        (contact_id, DeliveryKind.UPDATE)
        for contact_id, sequence in already.items()
        if sequence < meeting.sequence
    ]
    if meeting.status == MeetingStatus.SCHEDULED:
        rows += [
            (contact_id, DeliveryKind.INVITATION)
            for contact_id in wanted
            if contact_id not in already
        ]
    return rows


def catch_up(contact_ids: list[int], *, now: datetime | None = None) -> list[int]:
    """Invite contacts (new ones, just confirmed ones, or whose mission changed what it
    receives) to the published meetings still to come that they want and were not yet
    sent. Whatever was held back while an address waited for its confirmation goes
    out now (a version superseded meanwhile is skipped again when it is sent).

    In bulk, for the thousands of contacts a CSV import adds at once: a fixed number of
    queries to learn who wants what, then the rows written WRITE_BATCH at a time (never
    all held in memory), and queued after commit in tasks of BATCH deliveries."""
    now = now or timezone.now()
    held_back = Delivery.objects.filter(
        contact__in=contact_ids,
        contact__confirmed__isnull=False,
        state=DeliveryState.SKIPPED,
        last_error=NOT_CONFIRMED,
    )
    released = list(held_back.values_list("pk", flat=True))
    Delivery.objects.filter(pk__in=released).update(
        state=DeliveryState.PENDING, attempts=0, next_attempt=now, last_error="", claim=""
    )
    upcoming = list(
        Meeting.objects.published()
        .filter(status=MeetingStatus.SCHEDULED, booked_until__gt=now)
        .values_list("pk", "sequence", "kind", "process_id")
    )
    contacts = list(
        Contact.objects.filter(
            pk__in=contact_ids, opted_out__isnull=True, confirmed__isnull=False
        ).values_list("pk", "mission_id", "mission__receives_everything", "mission__kinds")
    )
    if upcoming and contacts:
        write_invitations(upcoming, contacts)
    ids = list(
        Delivery.objects.filter(
            Q(kind=DeliveryKind.INVITATION) | Q(pk__in=released),
            contact__in=contact_ids,
            state=DeliveryState.PENDING,
        ).values_list("pk", flat=True)
    )
    if ids:
        transaction.on_commit(partial(enqueue, ids))
    return ids


def write_invitations(upcoming: list[tuple], contacts: list[tuple]) -> None:
    """Invitations for `contacts` (pk, mission, receives everything, kinds) to the
    `upcoming` meetings (pk, sequence, kind, process) each wants and was not yet sent."""
    missions = {mission for _, mission, *_ in contacts}
    # The processes each mission follows: its own choice, or a member's "My schedule".
    followed = defaultdict(set)
    for mission, process in Mission.processes.through.objects.filter(
        mission__in=missions
    ).values_list("mission_id", "process_id"):
        followed[mission].add(process)
    for mission, process in Process.objects.filter(
        followers__user__membership__mission__in=missions
    ).values_list("followers__user__membership__mission", "pk"):
        followed[mission].add(process)
    focal_points = defaultdict(set)
    for contact, process in Contact.focal_point_for.through.objects.filter(
        contact__in=[pk for pk, *_ in contacts]
    ).values_list("contact_id", "process_id"):
        focal_points[contact].add(process)
    sent = set(
        Delivery.objects.filter(
            contact__in=[pk for pk, *_ in contacts],
            kind__in=[DeliveryKind.INVITATION, DeliveryKind.UPDATE],
        ).values_list("contact_id", "meeting_id")
    )

    def rows():
        for contact, mission, everything, kinds in contacts:
            processes = followed[mission] | focal_points[contact]
            for meeting, sequence, kind, process in upcoming:
                if (contact, meeting) in sent:
                    continue
                if everything or kind in (kinds or []) or process in processes:
                    yield Delivery(
                        meeting_id=meeting,
                        contact_id=contact,
                        kind=DeliveryKind.INVITATION,
                        sequence=sequence,
                    )

    written = rows()
    while batch := list(islice(written, WRITE_BATCH)):
        Delivery.objects.bulk_create(batch, ignore_conflicts=True)


def schedule_reminders(meeting: Meeting, *, now: datetime, announced: bool) -> None:
    """One reminder row per lead time, due that long before the start.

    No burst when a meeting is published or moved late: when an invitation or update
    goes out now (`announced`) or the start moved, a reminder whose due time has passed,
    or comes within REMINDER_GRACE of now, is marked swept and never sent. After a move,
    each lead whose new due time is still ahead is rescheduled once for the new start,
    even if it was sent for the old one (that one named the wrong time); a lead already
    passed for the new start is not sent again. Saves that announce nothing and move
    nothing leave the reminders as they are."""
    if meeting.timing not in REMINDED_TIMINGS:
        Reminder.objects.filter(meeting=meeting).delete()
        return
    existing = {r.lead_minutes: r for r in Reminder.objects.filter(meeting=meeting)}
    for lead in settings.GASCHED_REMINDER_LEADS:
        due = meeting.start - timedelta(minutes=lead)
        reminder = existing.get(lead)
        if reminder is not None and reminder.due == due and not announced:
            continue
        too_late = due <= now + REMINDER_GRACE
        if reminder is None:
            Reminder.objects.create(
                meeting=meeting, lead_minutes=lead, due=due, swept=now if too_late else None
            )
        elif reminder.due != due:
            reminder.due, reminder.swept = due, now if too_late else None
            reminder.save(update_fields=["due", "swept"])
        elif too_late and reminder.swept is None:
            reminder.swept = now  # would follow the message going out now: skipped
            reminder.save(update_fields=["swept"])


def enqueue(ids: Iterable[int], *, task=None) -> None:
    """Hand the rows to Celery in batches (after commit: the rows exist for the worker).

    A broker that cannot be reached changes nothing that matters: the change that wrote
    the rows is committed, the rows are the truth, and the requeue sweep hands them over
    once the broker is back. So a failure is logged, the rest is not tried (each try
    would wait on the same broker) and nothing is raised to the page that saved.
    """
    from .tasks import deliver_batch  # noqa: PLC0415 -- import cycle

    task = task or deliver_batch
    ids = list(ids)
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        what = f"{len(ids) - start} deliveries"
        if not hand_over(task, batch, what=what, meanwhile=SWEPT):
            return


# --- Receivers of what meetings and missions announce (CorrespondenceConfig.ready) ------


def on_meeting_saved(
    sender, *, meeting: Meeting, change: CalendarChange | None = None, **kwargs
) -> None:
    """meetings.signals.meeting_saved, inside save_meeting's transaction."""
    write_outbox(meeting, change=change)


def on_contacts_changed(sender, *, contact_ids: list[int], **kwargs) -> None:
    """missions.signals.contacts_changed, inside the transaction that changed them."""
    catch_up(contact_ids)


# --- Sweeps (Celery beat) --------------------------------------------------------------


def send_due_reminders(*, now: datetime | None = None, limit: int = 500) -> list[int]:
    """Reminders due and not yet sent, for meetings still on and not yet started.

    Never an exact-time match: whatever came due while the worker was down goes now.
    The work depends on the reminders due, not on the meetings stored.
    """
    now = now or timezone.now()
    due = list(
        Reminder.objects.filter(
            swept__isnull=True,
            due__lte=now,
            meeting__start__gt=now,
            meeting__status=MeetingStatus.SCHEDULED,
        ).select_related("meeting")[:limit]
    )
    if not due:
        return []
    invited = {}
    for meeting_id, contact_id in (
        Delivery.objects.filter(
            meeting__in=[r.meeting_id for r in due],
            kind__in=[DeliveryKind.INVITATION, DeliveryKind.UPDATE],
            # Invited, or about to be: a pending invitation does not lose its reminder.
            state__in=[DeliveryState.SENT, DeliveryState.PENDING, DeliveryState.SENDING],
            contact__opted_out__isnull=True,
        )
        .values_list("meeting_id", "contact_id")
        .distinct()
    ):
        invited.setdefault(meeting_id, []).append(contact_id)
    rows = [
        Delivery(
            meeting=r.meeting,
            contact_id=contact_id,
            kind=DeliveryKind.REMINDER,
            sequence=r.meeting.sequence,
            lead_minutes=r.lead_minutes,
        )
        for r in due
        for contact_id in invited.get(r.meeting_id, [])
    ]
    with transaction.atomic():
        Delivery.objects.bulk_create(rows, ignore_conflicts=True)
        Reminder.objects.filter(pk__in=[r.pk for r in due]).update(swept=now)
        ids = list(
            Delivery.objects.filter(
                kind=DeliveryKind.REMINDER,
                state=DeliveryState.PENDING,
                meeting__in=[r.meeting_id for r in due],
            ).values_list("pk", flat=True)
        )
        transaction.on_commit(partial(enqueue, ids))
    return ids


def requeue(*, now: datetime | None = None, model=Delivery, task=None) -> list[int]:
    """The safety net: pending rows whose time has come, and rows claimed by a worker
    that died (claimed long ago, never finished), go back to Celery. `model`: an outbox
    (Delivery, or the programme's), `task` the one that sends its rows."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.GASCHED_STALE_SENDING_SECONDS)
    model.objects.filter(state=DeliveryState.SENDING, claimed__lt=stale).update(
        state=DeliveryState.PENDING, next_attempt=now, claim=""
    )
    ids = list(
        model.objects.filter(state=DeliveryState.PENDING, next_attempt__lte=now).values_list(
            "pk", flat=True
        )[:5000]
    )
    enqueue(ids, task=task)
    return ids


# --- Sending ---------------------------------------------------------------------------


class TemporaryFailure(Exception):
    pass


class PermanentFailure(Exception):
    pass


def classify(error: Exception) -> Exception:
    """4xx and lost connections are worth another try; 5xx are not."""
    code = None
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code = min(c for c, _ in error.recipients.values())
    elif isinstance(error, smtplib.SMTPResponseException):
        code = error.smtp_code
    reason = f"{code} {error}" if code else f"{type(error).__name__}: {error}"
    if code is not None and 500 <= code < 600:
        return PermanentFailure(reason)
    return TemporaryFailure(reason)


def reconnecting(write: Callable[[], T]) -> T:
    """`write()`, again on a fresh connection while the database is restarting.

    A restart drops every connection in the middle of a fan-out. The write that marks a
    message sent is what keeps it from going twice, and the one that releases the rows
    not reached keeps them from waiting for the stale-claim sweep: both wait for the
    database to come back (bounded well below GASCHED_STALE_SENDING_SECONDS) instead of
    abandoning the batch. The writes are idempotent (filtered on the row and its claim).
    """
    deadline = time.monotonic() + min(60.0, settings.GASCHED_STALE_SENDING_SECONDS / 2)
    pause = 0.1
    while True:
        try:
            return write()
        except (OperationalError, InterfaceError):
            if database.in_atomic_block or time.monotonic() > deadline:
                raise
            log.warning("Database connection lost: reconnecting", exc_info=True)
            database.close()
            time.sleep(pause)
            pause = min(pause * 2, 2.0)


def claim(ids: Iterable[int], now: datetime, token: str, *, model=Delivery) -> list[int]:
    """PENDING -> SENDING under this worker's token: rows another worker holds or has
    finished are left alone. A row whose attempts are used up is FAILED instead,
    whatever made it come back (the server, or a worker that died or stopped holding
    it): the cap applies to every kind of failure, so nothing is tried for ever."""
    with transaction.atomic():
        pending = list(
            model.objects.select_for_update(skip_locked=True)
            .filter(pk__in=list(ids), state=DeliveryState.PENDING)
            .values_list("pk", "attempts", "last_error")
        )
        mine = []
        for pk, attempts, error in pending:
            if attempts < settings.GASCHED_MAX_ATTEMPTS:
                mine.append(pk)
                continue
            reason = error or "the sending stopped before the server answered"
            model.objects.filter(pk=pk).update(
                state=DeliveryState.FAILED,
                claim="",
                last_error=f"Gave up after {attempts} attempts: {reason}"[:2000],
            )
        model.objects.filter(pk__in=mine).update(
            state=DeliveryState.SENDING, claimed=now, claim=token, attempts=F("attempts") + 1
        )
    return mine


def still_mine(delivery: Delivery, token: str) -> bool:
    """Right before sending: the row is still ours (the requeue sweep has not handed it
    to another worker after a slow server), and its claim is fresh again."""
    mine = type(delivery).objects.filter(pk=delivery.pk, state=DeliveryState.SENDING, claim=token)
    return reconnecting(lambda: mine.update(claimed=timezone.now())) == 1


def fresh_until() -> float:
    """Until when (time.monotonic()) a claim made now is surely still ours: the requeue
    sweep takes back only claims older than GASCHED_STALE_SENDING_SECONDS, and a third
    of that leaves the message that is being sent two thirds to leave."""
    return time.monotonic() + settings.GASCHED_STALE_SENDING_SECONDS / 3


@dataclass(frozen=True)
class Outbox:
    """An outbox send_rows sends: its rows, how they are read for sending (`load`: the
    claimed pks -> rows), why one is not sent after all, how its message is built
    (compose's signature), and the task that sends a row again later."""

    model: type
    load: Callable[[list[int]], dict]
    reason_to_skip: Callable[[object, datetime], str]
    compose: Callable[..., tuple]
    task: Callable[[], object]  # the Celery task (looked up late: import cycle)


def deliver(ids: Iterable[int]) -> dict[str, int]:
    """Send each invitation, update, cancellation or reminder once (send_rows)."""
    return send_rows(INVITATIONS, ids)


def send_rows(outbox: Outbox, ids: Iterable[int]) -> dict[str, int]:
    """Send each row once over one SMTP connection; the outcome goes in its row
    the moment the server answers. Whatever goes wrong with one row (its message
    cannot be built, its address is refused, an error nobody foresaw) is that row's
    outcome, recorded with the reason; the rest of the batch goes on."""
    ids = list(ids)
    outcome = {"sent": 0, "retry": 0, "failed": 0, "skipped": 0}
    token = secrets.token_hex(16)
    fresh = fresh_until()
    mine = claim(ids, timezone.now(), token, model=outbox.model)
    rows = outbox.load(mine)
    prepared = {}  # one rendering per version of a meeting, not per recipient
    connection, opened = None, False
    retry_later = []
    try:
        for pk in (pk for pk in ids if pk in rows):
            delivery, now = rows[pk], timezone.now()
            delivery.claim = token
            reason = outbox.reason_to_skip(delivery, now)
            if reason:
                finish(delivery, DeliveryState.SKIPPED, error=reason)
                outcome["skipped"] += 1
                continue
            # The batch's claim holds while fresh; after that, each row is checked (and
            # claimed afresh) right before it is sent: a slow server's batch.
            if time.monotonic() >= fresh and not still_mine(delivery, token):
                continue
            if connection is None:
                connection = get_connection(fail_silently=False)
                opened = False
            message, failure = outbox.compose(delivery, prepared, as_bytes=sends_bytes(connection))
            if failure is None:
                try:
                    if not opened:
                        connection.open()
                        opened = True
                    if isinstance(message, Outgoing):
                        # One smtplib connection, opened by Django's backend (EMAIL_*
                        # settings, TLS, timeouts): a refusal raises as from the backend.
                        connection.connection.sendmail(message.sender, [message.to], message.raw)
                    else:
                        connection.send_messages([message])
                except (smtplib.SMTPException, OSError) as error:
                    failure = classify(error)
                except Exception as error:
                    # Unforeseen: tried again later, within the attempt cap like the rest.
                    log.warning("delivery %s not sent", delivery.pk, exc_info=True)
                    failure = TemporaryFailure(describe(error))
                if failure is not None and opened:
                    close_quietly(connection)
                    opened = False
            if failure is None:
                mark_sent(delivery)
                outcome["sent"] += 1
            elif isinstance(failure, PermanentFailure):
                finish(delivery, DeliveryState.FAILED, error=str(failure))
                outcome["failed"] += 1
            elif retry(delivery, str(failure), now):
                retry_later.append(delivery)
                outcome["retry"] += 1
            else:
                outcome["failed"] += 1
    finally:
        if opened:
            close_quietly(connection)
        # Rows claimed but not reached (an exception above) go back to the outbox; the
        # claim counted the attempt, so a batch that keeps failing ends at the cap.
        unreached = outbox.model.objects.filter(
            pk__in=mine, state=DeliveryState.SENDING, claim=token
        )
        reconnecting(lambda: unreached.update(state=DeliveryState.PENDING, claim=""))
    for delivery in retry_later:
        schedule_retry(delivery, task=outbox.task())
    return outcome


def load_invitations(ids: list[int]) -> dict[int, Delivery]:
    return Delivery.objects.select_related(
        "contact", "meeting__room", "meeting__overflow_room", "meeting__process", "meeting__follows"
    ).in_bulk(ids)


def deliver_batch_task():
    from .tasks import deliver_batch  # noqa: PLC0415 -- import cycle

    return deliver_batch


def sends_bytes(connection) -> bool:
    """Django's SMTP backend: its smtplib connection takes the bytes (correspondence.wire)."""
    return isinstance(connection, SMTPBackend)


def compose(
    delivery: Delivery, prepared: dict, *, as_bytes: bool = False
) -> tuple[EmailMultiAlternatives | Outgoing | None, Exception | None]:
    """The message for this row (the parts alike for every recipient rendered once), or
    why there is none. An address mail cannot go to fails the row for good: the same
    row builds the same way until staff correct the address and send it again.
    Anything else is tried again, within the attempt cap. A database error is not the
    row's fault: it stops the batch, whose rows go back to the outbox.
    `as_bytes`: the message as it goes on the wire, the first of a version built the
    ordinary way and the rest from the template cut from it (correspondence.wire)."""
    key = (
        delivery.meeting_id,
        delivery.kind,
        delivery.sequence,
        delivery.lead_minutes,
        repr(delivery.changes),
    )
    try:
        if key not in prepared:
            prepared[key] = (prepare(delivery), None)
        parts, template = prepared[key]
        if not as_bytes:
            return build_message(delivery, prepared=parts), None
        if template is None:  # the first of this version: the template is cut from it
            outgoing, template = first(delivery, parts)
            prepared[key] = (parts, template or NO_TEMPLATE)
            return outgoing, None
        if template is not NO_TEMPLATE:
            outgoing = from_template(delivery, parts, template)
            if outgoing is not None:
                return outgoing, None
        return ordinary(delivery, parts), None
    except DatabaseError:
        raise
    except UnsendableAddress as error:
        return None, PermanentFailure(f"Not sent: {describe(error)}")
    except Exception as error:
        log.warning("delivery %s: message not built", delivery.pk, exc_info=True)
        return None, TemporaryFailure(f"Message not built: {describe(error)}")


def describe(error: Exception) -> str:
    """The reason to record: what went wrong, its invisible characters written out."""
    if isinstance(error, UnsendableAddress):
        return visible(str(error))
    return visible(f"{type(error).__name__}: {error}")


def reason_to_skip(delivery: Delivery, now: datetime) -> str:
    if delivery.contact.opted_out and delivery.kind in OPT_OUT_STOPS:
        return "The contact opted out."
    if delivery.contact.confirmed is None:
        # Written before the address changed: held back, and released by catch_up
        # once the new address is confirmed.
        return NOT_CONFIRMED
    if delivery.meeting.sequence > delivery.sequence:
        # The meeting changed since: the version that replaces this one is in the outbox
        # (write_outbox wrote it in the same transaction), and a reminder follows the
        # new time. Never send the old one after it, nor render it with new data.
        return "Superseded by a later version of the meeting."
    if delivery.kind == DeliveryKind.REMINDER and (
        delivery.meeting.status != MeetingStatus.SCHEDULED or delivery.meeting.start <= now
    ):
        return "The meeting is no longer on, or has started."
    return ""


def finish(delivery: Delivery, state: str, *, error: str = "") -> None:
    sent = timezone.now() if state == DeliveryState.SENT else None
    reconnecting(
        lambda: (
            type(delivery)
            .objects.filter(pk=delivery.pk, claim=delivery.claim)
            .update(state=state, sent=sent, last_error=error[:2000])
        )
    )


def mark_sent(delivery: Delivery) -> None:
    """finish(delivery, SENT), the one write each message costs (what keeps it from going
    twice): written as SQL once, since building the query was most of its cost."""
    table = type(delivery)._meta.db_table
    sql = f"UPDATE {table} SET state = %s, sent = %s, last_error = '' WHERE id = %s AND claim = %s"  # noqa: S608 -- our table's name

    def write():
        with database.cursor() as cursor:
            cursor.execute(sql, [DeliveryState.SENT, timezone.now(), delivery.pk, delivery.claim])

    reconnecting(write)


def backoff(attempts: int) -> float:
    return min(settings.GASCHED_RETRY_SECONDS * 2 ** max(attempts - 1, 0), 3600.0)


def retry(delivery: Delivery, error: str, now: datetime) -> bool:
    """Back to PENDING for a later attempt; FAILED once the attempts run out."""
    attempts = delivery.attempts  # loaded after the claim counted this attempt
    if attempts >= settings.GASCHED_MAX_ATTEMPTS:
        finish(delivery, DeliveryState.FAILED, error=f"Gave up after {attempts} attempts: {error}")
        return False
    delivery.next_attempt = now + timedelta(seconds=backoff(attempts))
    type(delivery).objects.filter(pk=delivery.pk, claim=delivery.claim).update(
        state=DeliveryState.PENDING,
        next_attempt=delivery.next_attempt,
        last_error=error[:2000],
        claim="",
    )
    return True


def schedule_retry(delivery: Delivery, *, task=None) -> None:
    from .tasks import deliver_batch  # noqa: PLC0415 -- import cycle

    delay = max((delivery.next_attempt - timezone.now()).total_seconds(), 0)
    (task or deliver_batch).apply_async([[delivery.pk]], countdown=delay)


def close_quietly(connection) -> None:
    try:
        connection.close()
    except (smtplib.SMTPException, OSError):
        log.debug("SMTP connection already gone")


# The invitations' outbox: meetings to the missions' contacts.
INVITATIONS = Outbox(
    model=Delivery,
    load=load_invitations,
    reason_to_skip=reason_to_skip,
    compose=compose,
    task=deliver_batch_task,
)


# --- Staff ---------------------------------------------------------------------------


@transaction.atomic
def resend(delivery: Delivery) -> Delivery:
    """A failed or skipped delivery goes out again (same version, same Message-ID)."""
    Delivery.objects.filter(
        pk=delivery.pk, state__in=[DeliveryState.FAILED, DeliveryState.SKIPPED]
    ).update(
        state=DeliveryState.PENDING,
        attempts=0,
        next_attempt=timezone.now(),
        last_error="",
        claim="",
    )
    transaction.on_commit(partial(enqueue, [delivery.pk]))
    delivery.refresh_from_db()
    return delivery


def deliveries_of(meeting: Meeting) -> QuerySet[Delivery]:
    return meeting.deliveries.select_related("contact__mission").order_by(
        "contact__mission__name", "contact__name", "created"
    )
