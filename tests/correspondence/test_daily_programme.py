"""Tomorrow's programme by e-mail: when it is written (New York's clock, through the
changes of daylight saving time), to whom, what it says and how, the correction of a
late change, and unsubscribing with one click (eager Celery, Django's locmem mail)."""

import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from correspondence import daily_programme, programme_messages, wire
from correspondence.enums import DeliveryState, ProgrammeMailKind, ProgrammeScope
from correspondence.models import (
    ProgrammeAmendment,
    ProgrammeDelivery,
    ProgrammeIssue,
    ProgrammeSubscription,
)
from meetings import schedule
from meetings.changes import CalendarChange, CalendarDifference
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, Organ, PersonalSchedule, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, UserFactory
from tests.mailserver import MailServer

pytestmark = pytest.mark.django_db

FRIDAY = date(2031, 3, 7)  # the last Friday before New York changes to daylight time
MONDAY = date(2031, 3, 10)  # its programme goes out on Friday evening
FRIDAY_EVENING = new_york_datetime(FRIDAY, time(18, 31))


@pytest.fixture(autouse=True)
def session_85():
    return SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))


def meeting_on(day: date, hour: int, title: str, **fields) -> Meeting:
    return MeetingFactory(
        session=Meeting._meta.get_field("session").related_model.objects.get(number=85),
        title=title,
        start=new_york_datetime(day, time(hour)),
        end=new_york_datetime(day, time(hour + 2)),
        status=fields.pop("status_override", MeetingStatus.SCHEDULED),
        **fields,
    )


def subscriber(scope=ProgrammeScope.ALL, language="en", **user_fields) -> ProgrammeSubscription:
    return daily_programme.subscribe(
        user=UserFactory(**user_fields), scope=scope, language=language
    )


def contact_of(mission_name: str, address: str, **mission_fields) -> Contact:
    mission = Mission.objects.get(name=mission_name)
    for name, value in mission_fields.items():
        setattr(mission, name, value)
    mission.save()
    return Contact.objects.create(
        mission=mission, name=f"Contact {mission_name}", email=address, confirmed=datetime.now(UTC)
    )


def send(captured, *, now=FRIDAY_EVENING) -> list[int]:
    """The beat's task at `now`, and what it queues after commit (eager: sent here)."""
    with captured(execute=True):
        return daily_programme.write_programmes(now=now)


# --- When ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("utc", "due"),
    [
        # Friday 7 March 2031, New York on standard time (UTC-5): 18:30 is 23:30 UTC.
        (datetime(2031, 3, 7, 23, 29, tzinfo=UTC), None),
        (datetime(2031, 3, 7, 23, 31, tzinfo=UTC), date(2031, 3, 10)),
        # Monday 10 March, the day after the change to daylight time (UTC-4): 22:30 UTC.
        (datetime(2031, 3, 10, 22, 29, tzinfo=UTC), None),
        (datetime(2031, 3, 10, 22, 31, tzinfo=UTC), date(2031, 3, 11)),
        # Friday 31 October, daylight time still: 22:30 UTC; Monday 3 November, standard
        # time again: 23:30 UTC.
        (datetime(2031, 10, 31, 22, 31, tzinfo=UTC), date(2031, 11, 3)),
        (datetime(2031, 11, 3, 22, 31, tzinfo=UTC), None),
        (datetime(2031, 11, 3, 23, 31, tzinfo=UTC), date(2031, 11, 4)),
        # Saturday and Sunday evenings: Monday's, already written on Friday.
        (datetime(2031, 3, 8, 23, 31, tzinfo=UTC), date(2031, 3, 10)),
        # Past midnight in New York: the evening's time has not come yet.
        (datetime(2031, 3, 11, 5, 0, tzinfo=UTC), None),
    ],
)
def test_the_programme_is_due_when_new_yorks_clock_passes_the_offices_time(utc, due):
    assert daily_programme.due_day(utc) == due


def test_the_office_sets_the_time(settings):
    settings.GASCHED_DIGEST_TIME = "17:00"
    assert daily_programme.due_day(new_york_datetime(FRIDAY, time(17, 1))) == MONDAY
    assert daily_programme.due_day(new_york_datetime(FRIDAY, time(16, 59))) is None


# --- Who receives it -------------------------------------------------------------------


def test_one_programme_per_subscriber_once_and_only_for_what_they_follow(
    django_capture_on_commit_callbacks,
):
    process = ProcessFactory()
    meeting_on(MONDAY, 10, "Plenary meeting", kind=MeetingKind.PLENARY)
    meeting_on(MONDAY, 15, "Consultations on the declaration", process=process)
    meeting_on(date(2031, 3, 11), 10, "Tuesday's meeting")
    everything = subscriber()
    follower = subscriber(ProgrammeScope.FOLLOWED)
    PersonalSchedule.objects.create(user=follower.user).processes.add(process)
    follows_nothing_that_day = subscriber(ProgrammeScope.FOLLOWED)
    PersonalSchedule.objects.create(user=follows_nothing_that_day.user, kinds=["briefing"])
    gone = subscriber()
    daily_programme.unsubscribe(gone)
    belgium = contact_of("Belgium", "pr@belgium.example", receives_everything=True)
    daily_programme.subscribe(contact=belgium, scope=ProgrammeScope.FOLLOWED, language="fr")
    fiji = contact_of("Fiji", "pr@fiji.example", receives_everything=False, kinds=[])
    daily_programme.subscribe(contact=fiji, scope=ProgrammeScope.FOLLOWED, language="en")

    send(django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [everything.user.email, follower.user.email, "pr@belgium.example"]
    )
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert "Plenary meeting" in by_address[everything.user.email]
    assert "Tuesday's meeting" not in by_address[everything.user.email]
    assert "Consultations on the declaration" in by_address[follower.user.email]
    assert "Plenary meeting" not in by_address[follower.user.email]
    # Saturday's run and a second one on Friday write nothing more.
    assert send(django_capture_on_commit_callbacks) == []
    saturday = new_york_datetime(date(2031, 3, 8), time(19))
    assert send(django_capture_on_commit_callbacks, now=saturday) == []
    assert len(mail.outbox) == 3
    assert ProgrammeDelivery.objects.filter(state=DeliveryState.SENT).count() == 3


def test_nothing_is_sent_for_a_day_with_no_meetings(django_capture_on_commit_callbacks):
    subscriber()
    meeting_on(date(2031, 3, 11), 10, "Tuesday's meeting")
    meeting_on(MONDAY, 10, "Cancelled on Monday", status_override=MeetingStatus.CANCELLED)
    meeting_on(MONDAY, 12, "A draft", published_at=None)
    assert send(django_capture_on_commit_callbacks) == []
    assert mail.outbox == []
    assert ProgrammeIssue.objects.filter(day=MONDAY).exists()  # and it is not tried again


def test_writing_the_programmes_costs_the_same_queries_for_3_or_30_subscribers(
    django_capture_on_commit_callbacks,
):
    process = ProcessFactory()
    meeting_on(MONDAY, 10, "Plenary meeting", process=process)

    def subscribers(n: int, offset: int) -> None:
        for i in range(n):
            s = subscriber(ProgrammeScope.FOLLOWED if i % 2 else ProgrammeScope.ALL)
            PersonalSchedule.objects.create(user=s.user).processes.add(process)
            contact = contact_of("Kenya", f"c{offset + i}@kenya.example")
            daily_programme.subscribe(contact=contact, scope=ProgrammeScope.FOLLOWED, language="en")

    def queries(day: date) -> int:
        evening = new_york_datetime(day - timedelta(days=3), time(18, 31))  # a Friday
        with CaptureQueriesContext(connection) as captured:
            ids = daily_programme.write_programmes(now=evening)
        assert ids
        return len(captured)

    Mission.objects.filter(name="Kenya").update(receives_everything=True)
    subscribers(3, 0)
    few = queries(MONDAY)
    meeting_on(date(2031, 3, 17), 10, "Next Monday's plenary", process=process)
    subscribers(27, 100)
    many = queries(date(2031, 3, 17))
    assert ProgrammeDelivery.objects.filter(day=date(2031, 3, 17)).count() == 60
    assert many == few


def test_rendering_a_batch_costs_the_same_queries_for_2_or_20_meetings(
    django_capture_on_commit_callbacks,
):
    organ = Organ.objects.get(code="ga-plenary")

    def programmes(day: date, meetings: int) -> list[int]:
        for n in range(meetings):
            meeting_on(day, 8 + n % 10, f"Meeting {n}", organ=organ if n % 3 == 0 else None)
        evening = new_york_datetime(day - timedelta(days=3), time(18, 31))
        with django_capture_on_commit_callbacks(execute=False):
            return daily_programme.write_programmes(now=evening)

    for _ in range(4):
        subscriber()
    subscriber(language="fr")
    few, many = programmes(MONDAY, 2), programmes(date(2031, 3, 17), 20)
    with CaptureQueriesContext(connection) as first:
        assert daily_programme.deliver(few)["sent"] == 5
    with CaptureQueriesContext(connection) as second:
        assert daily_programme.deliver(many)["sent"] == 5
    assert len(second) == len(first)
    assert "Meeting 19" in mail.outbox[-1].body


# --- What it says ----------------------------------------------------------------------


def test_the_programme_in_the_journals_order_with_the_days_page_and_one_click_unsubscribe(
    django_capture_on_commit_callbacks, settings
):
    settings.GASCHED_SITE_URL = "https://gasched.example"
    plenary = Organ.objects.get(code="ga-plenary")
    meeting_on(MONDAY, 9, "A briefing", kind=MeetingKind.BRIEFING)
    meeting_on(
        MONDAY,
        11,
        "Informal consultations on the declaration",
        kind=MeetingKind.INFORMAL_CONSULTATION,
        room=Room.objects.get(code="CR4"),
    )
    meeting_on(
        MONDAY,
        15,
        "Plenary meeting",
        kind=MeetingKind.PLENARY,
        organ=plenary,
        meeting_number=45,
        webcast_url="https://webtv.un.org/plenary-45",
    )
    person = subscriber()
    send(django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.subject == "Programme of meetings for Monday 10 March 2031"
    text = message.body
    assert (
        text.index("Official meetings")
        < text.index("Plenary meeting")
        < text.index("Informal consultations and negotiations")
        < text.index("Informal consultations on the declaration")
        < text.index("Other meetings")
        < text.index("A briefing")
    )
    assert "General Assembly, 45th plenary meeting" in text
    assert "15:00–17:00" in text
    assert "Conference Room 4" in text
    assert "https://webtv.un.org/plenary-45" in text
    assert reverse("meetings:day", args=[MONDAY]) in text
    html = message.alternatives[0][0]
    assert "<table" not in html  # reads on a phone and in Outlook alike
    assert 'href="https://webtv.un.org/plenary-45"' in html
    unsubscribe = reverse("correspondence:programme-unsubscribe", args=[person.token])
    headers = message.message()
    assert headers["List-Unsubscribe"] == f"<https://gasched.example{unsubscribe}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in text
    assert unsubscribe in html


def test_the_subscribers_language_for_the_emails_words_and_titles_as_entered(
    django_capture_on_commit_callbacks,
):
    meeting_on(MONDAY, 10, "Plenary meeting on the ocean", kind=MeetingKind.PLENARY)
    subscriber(language="fr")
    subscriber(language="ar")
    send(django_capture_on_commit_callbacks)
    by_language = {m.extra_headers["Content-Language"]: m for m in mail.outbox}
    french, arabic = by_language["fr"], by_language["ar"]
    assert french.subject.startswith("Programme des séances")
    assert "lundi 10 mars 2031" in french.subject
    assert "Autres réunions" in french.body or "Autres séances" in french.body
    assert "Plenary meeting on the ocean" in french.body
    assert 'dir="rtl"' in arabic.alternatives[0][0]
    assert "Plenary meeting on the ocean" in arabic.body


def test_what_people_typed_is_escaped_in_the_html(django_capture_on_commit_callbacks):
    process = ProcessFactory(title="Oceans <b>& seas</b>")
    meeting_on(
        MONDAY,
        10,
        'Consultations <script>alert("x")</script> & more',
        process=process,
    )
    subscriber()
    send(django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in html
    assert "Oceans &lt;b&gt;&amp; seas&lt;/b&gt;" in html
    assert 'Consultations <script>alert("x")</script> & more' in message.body  # plain text


# --- A late change ---------------------------------------------------------------------


def test_a_late_change_sends_one_correction_to_those_it_concerns(
    django_capture_on_commit_callbacks, settings
):
    settings.GASCHED_DIGEST_CORRECTION_QUIET_SECONDS = 60
    process = ProcessFactory()
    plenary = meeting_on(MONDAY, 10, "Plenary meeting", room=Room.objects.get(code="GA-HALL"))
    other = meeting_on(MONDAY, 15, "Consultations on the declaration", process=process)
    everything = subscriber(language="fr")
    follower = subscriber(ProgrammeScope.FOLLOWED)
    PersonalSchedule.objects.create(user=follower.user).processes.add(process)
    send(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    mail.outbox.clear()

    plenary.room = Room.objects.get(code="ECOSOC")
    schedule.save_meeting(plenary)
    plenary.title = "Plenary meeting (resumed)"  # a second edit, moments later
    schedule.save_meeting(plenary)
    other.notes = "Bring the draft"  # not a change the programme shows
    schedule.save_meeting(other)
    assert ProgrammeAmendment.objects.count() == 2

    saturday = datetime.now(UTC)
    with django_capture_on_commit_callbacks(execute=True):
        # Still being edited: wait for the burst to end.
        assert daily_programme.write_corrections(now=saturday) == []
    later = saturday + timedelta(minutes=2)
    with django_capture_on_commit_callbacks(execute=True):
        written = daily_programme.write_corrections(now=later)
    assert len(written) == 1  # the follower's programme did not list the plenary
    with django_capture_on_commit_callbacks(execute=True):
        assert daily_programme.write_corrections(now=later) == []
    (correction,) = mail.outbox
    assert correction.to == [everything.user.email]
    assert correction.subject.startswith("Modifié depuis le programme d’hier soir")
    assert "Plenary meeting (resumed)" in correction.body
    assert "ECOSOC" in correction.body
    assert "Changé" in correction.body or "Modifié" in correction.body
    row = ProgrammeDelivery.objects.get(kind=ProgrammeMailKind.CORRECTION)
    assert row.state == DeliveryState.SENT


def test_a_meeting_added_or_cancelled_late_is_told_and_one_that_came_and_went_is_not(
    django_capture_on_commit_callbacks,
):
    plenary = meeting_on(MONDAY, 10, "Plenary meeting")
    subscriber()
    send(django_capture_on_commit_callbacks)
    mail.outbox.clear()
    schedule.set_meeting_status(plenary, MeetingStatus.CANCELLED)
    added = schedule.save_meeting(
        Meeting(
            session=plenary.session,
            title="An added briefing",
            kind=MeetingKind.BRIEFING,
            start=new_york_datetime(MONDAY, time(13)),
            end=new_york_datetime(MONDAY, time(14)),
            status=MeetingStatus.SCHEDULED,
            published_at=datetime.now(UTC),
        )
    )
    fleeting = schedule.save_meeting(
        Meeting(
            session=plenary.session,
            title="A fleeting event",
            kind=MeetingKind.PANEL,
            start=new_york_datetime(MONDAY, time(16)),
            end=new_york_datetime(MONDAY, time(17)),
            status=MeetingStatus.SCHEDULED,
            published_at=datetime.now(UTC),
        )
    )
    fleeting.start = new_york_datetime(date(2031, 3, 12), time(16))
    fleeting.end = new_york_datetime(date(2031, 3, 12), time(17))
    schedule.save_meeting(fleeting)
    later = datetime.now(UTC) + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        daily_programme.write_corrections(now=later)
    (correction,) = mail.outbox
    assert "Changed since last evening's programme" in correction.subject
    body = correction.body
    assert "** Cancelled **\n10:00–12:00" in body
    assert "Plenary meeting" in body
    assert "** Added **\n13:00–14:00" in body
    assert added.title in body
    assert "A fleeting event" not in body


# --- Subscribing and unsubscribing -----------------------------------------------------


def test_one_click_unsubscribe_by_post_without_a_session_and_a_get_only_asks():
    person = subscriber()
    url = reverse("correspondence:programme-unsubscribe", args=[person.token])
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert page.status_code == 200
    assert "Stop the daily programme?" in page.content.decode()
    person.refresh_from_db()
    assert person.active
    answer = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    person.refresh_from_db()
    assert not person.active
    assert (
        client.post(reverse("correspondence:programme-unsubscribe", args=["nope"])).status_code
        == 404
    )


def test_an_unsubscribed_pending_programme_is_not_sent(django_capture_on_commit_callbacks):
    meeting_on(MONDAY, 10, "Plenary meeting")
    person = subscriber()
    with django_capture_on_commit_callbacks(execute=False):
        ids = daily_programme.write_programmes(now=FRIDAY_EVENING)
    daily_programme.unsubscribe(person)
    assert daily_programme.deliver(ids) == {"sent": 0, "retry": 0, "failed": 0, "skipped": 1}
    assert mail.outbox == []


def test_a_signed_in_user_subscribes_chooses_and_unsubscribes(client):
    user = UserFactory()
    client.force_login(user)
    url = reverse("correspondence:programme-subscription")
    assert client.get(url).status_code == 200
    answer = client.post(url, {"scope": "followed", "language": "es"})
    assert answer.status_code == 302
    subscription = ProgrammeSubscription.objects.get(user=user)
    assert (subscription.scope, subscription.language, subscription.active) == (
        "followed",
        "es",
        True,
    )
    assert client.post(url, {"scope": "everything", "language": "xx"}).status_code == 400
    client.post(url, {"action": "unsubscribe"})
    subscription.refresh_from_db()
    assert not subscription.active


def test_the_subscription_page_needs_a_sign_in(client):
    answer = client.get(reverse("correspondence:programme-subscription"))
    assert answer.status_code == 302


def test_a_missions_contact_opts_in_from_the_link_of_their_invitations(client):
    contact = contact_of("Qatar", "pr@qatar.example")
    invitations_page = client.get(reverse("correspondence:unsubscribe", args=[contact.token]))
    page_url = reverse("correspondence:contact-programme", args=[contact.token])
    assert page_url in invitations_page.content.decode()
    assert "Only what my mission is invited to" in client.get(page_url).content.decode()
    assert client.post(page_url, {"scope": "followed", "language": "ar"}).status_code == 302
    subscription = ProgrammeSubscription.objects.get(contact=contact)
    assert (subscription.scope, subscription.language) == ("followed", "ar")
    page = client.get(page_url).content.decode()
    assert reverse("correspondence:programme-unsubscribe", args=[subscription.token]) in page
    assert client.get(reverse("correspondence:contact-programme", args=["x"])).status_code == 404


def test_edits_that_never_settle_are_told_after_six_times_the_quiet_time(
    django_capture_on_commit_callbacks, settings
):
    settings.GASCHED_DIGEST_CORRECTION_QUIET_SECONDS = 300
    plenary = meeting_on(MONDAY, 10, "Plenary meeting", room=Room.objects.get(code="GA-HALL"))
    subscriber()
    send(django_capture_on_commit_callbacks)
    mail.outbox.clear()
    now = datetime.now(UTC)
    for minutes, code in ((31, "ECOSOC"), (0, "GA-HALL")):
        plenary.room = Room.objects.get(code=code)
        plenary.sequence += 1
        daily_programme.note_amendment(
            plenary,
            CalendarChange((CalendarDifference("room", "a", "b"),)),
            now=now - timedelta(minutes=minutes),
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert len(daily_programme.write_corrections(now=now)) == 1
    (correction,) = mail.outbox
    assert "New room" in correction.body


def test_each_programme_on_the_wire_is_the_bytes_the_mail_library_writes(
    django_capture_on_commit_callbacks, settings, monkeypatch
):
    """The first of a rendering is built by the library and cut into a template; the
    others are that template with their parts, the same bytes but for the MIME
    boundaries (drawn at random for each message anyway)."""
    boundary = re.compile(rb"===============\d+==")
    filled = []
    fill = wire.fill
    monkeypatch.setattr(
        "correspondence.programme_messages.wire.fill", lambda *a: filled.append(1) or fill(*a)
    )
    meeting_on(MONDAY, 10, "Consultation informelle — Côte d'Ivoire → co-facilitation " * 2)
    for language in ("en", "en", "en", "fr", "ar"):
        subscriber(language=language)
    subscriber(email="the.permanent.representative.deputy@" + "mission." * 6 + "example")
    now = datetime(2031, 3, 7, 23, 40, tzinfo=UTC)
    with MailServer() as server, time_machine.travel(now, tick=False):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = False
        with django_capture_on_commit_callbacks(execute=False):
            ids = daily_programme.write_programmes(now=now)
        assert daily_programme.deliver(ids)["sent"] == 6
        expected = {}
        rendered = {}
        for row in ProgrammeDelivery.objects.select_related("subscription__user"):
            key = row.subscription.language
            if key not in rendered:
                rendered[key] = daily_programme.render(row, {})
            message = programme_messages.build_message(row, rendered[key])
            expected[row.subscription.email] = message.message().as_bytes(linesep="\r\n")
        received = {}
        for raw, _options in server.mailbox.raw:
            to = re.search(rb"\r\nTo:\s+(\S+)\r\n", raw).group(1).decode()
            received[to] = raw
    assert received.keys() == expected.keys()
    for address, raw in received.items():
        assert boundary.sub(b"B", raw) == boundary.sub(b"B", expected[address]), address
    # Each first of a language is checked by filling it (3); the template serves the
    # two other English ones; the long address is built the ordinary way.
    assert len(filled) == 3 + 2


def test_a_follower_of_a_body_gets_its_meetings_and_nothing_else(
    django_capture_on_commit_callbacks,
):
    third = Organ.objects.get(code="third-committee")
    meeting_on(MONDAY, 10, "Third Committee, 12th meeting", kind=MeetingKind.OTHER, organ=third)
    meeting_on(MONDAY, 15, "Consultations on the declaration")
    follower = subscriber(ProgrammeScope.FOLLOWED)
    PersonalSchedule.objects.create(user=follower.user).organs.add(third)

    send(django_capture_on_commit_callbacks)

    (programme,) = mail.outbox
    assert "Third Committee, 12th meeting" in programme.body
    assert "Consultations on the declaration" not in programme.body
