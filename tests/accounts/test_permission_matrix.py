"""Every URL pattern of gasched, requested as every role, against a table kept here.

The patterns are read from the URL configuration: a new view without a row in
EXPECTED fails test_every_view_has_a_rule, and a row for a view that is gone fails it
too. Third-party URLs (django.contrib.admin, allauth) are left to their projects'
own suites; what gasched decides about them (who reaches the admin, MFA) is tested in
test_signin.py.
"""

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.models import Invitation, Role
from accounts.roles import ROLE_PERMISSIONS
from correspondence.models import ProgrammeSubscription
from meetings.models import PersonalSchedule
from meetings.rules import is_pga_office
from missions.models import Contact, ContactImport
from tests.conftest import sign_in_with_second_factor
from tests.factories import LetterFactory, MeetingFactory, ProcessFactory, UserFactory

OWN_MODULES = ("meetings.", "missions.", "accounts.", "correspondence.", "journal.", "gasched.")
ROLES = ("anonymous", "mission", "viewer", "editor")


def own_patterns(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from own_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and (
            entry.callback.__module__.startswith(OWN_MODULES) or namespace == "api:"
        ):
            yield f"{namespace}{entry.name}"


# URL name -> expected status for (anonymous, mission staff, PGA viewer, PGA editor).
# 302 for anonymous means "sent to sign in"; 404 for a mission means "not yours".
PUBLIC = (200, 200, 200, 200)
EDITORS_ONLY = (302, 403, 403, 200)
EXPECTED = {
    "health": PUBLIC,
    "readiness": PUBLIC,  # 200 while every part answers (503 naming the part otherwise)
    "meetings:programme": PUBLIC,
    "meetings:day": PUBLIC,
    "meetings:week": PUBLIC,
    "meetings:archive": PUBLIC,
    "meetings:archive-session": PUBLIC,
    "meetings:changes": PUBLIC,
    "meetings:week-rooms": PUBLIC,
    "meetings:month": PUBLIC,
    "meetings:changes-feed": PUBLIC,
    "meetings:detail": PUBLIC,
    "meetings:meeting-ics": PUBLIC,
    "meetings:feed": PUBLIC,
    "meetings:session-feed": PUBLIC,  # the archive's feed of one whole session
    # allauth's page, ending where the editor was going (accounts.views): signed in, the
    # password again first; an editor who has an authenticator is sent to remove it.
    "mfa_activate_totp": (302, 302, 302, 302),
    # the open data API (django-ninja), read-only for everyone
    "api:api-root": (404, 404, 404, 404),  # no index page: the schema is the index
    "api:openapi-json": PUBLIC,
    "api:list_meetings": PUBLIC,
    "api:get_meeting": PUBLIC,
    "api:list_processes": PUBLIC,
    "api:get_process": PUBLIC,
    "api:list_rooms": PUBLIC,
    "api:list_deadlines": PUBLIC,
    # the token is the key: no sign-in, whoever has the address
    "meetings:personal-feed": PUBLIC,
    "meetings:my-schedule": (302, 200, 200, 200),
    # POST only: signed-in users get 405 for a GET, which changes nothing
    "meetings:follow": (302, 405, 405, 405),
    "meetings:feed-token": (302, 405, 405, 405),
    "meetings:processes": PUBLIC,
    "meetings:process": PUBLIC,
    "meetings:rooms": PUBLIC,
    "meetings:room": PUBLIC,
    "meetings:kind": PUBLIC,
    "meetings:organ": PUBLIC,
    "meetings:organs": PUBLIC,
    "meetings:search": PUBLIC,
    "meetings:search-past": PUBLIC,
    "meetings:search-upcoming": PUBLIC,
    "meetings:meeting-create": EDITORS_ONLY,
    "meetings:meeting-edit": EDITORS_ONLY,
    "meetings:drafts": EDITORS_ONLY,  # only the office sees what it has not published
    "meetings:process-create": EDITORS_ONLY,
    "meetings:process-edit": EDITORS_ONLY,
    "meetings:room-create": EDITORS_ONLY,
    "meetings:room-edit": EDITORS_ONLY,
    # POST only: a GET changes nothing (405 once the role is allowed at all)
    "meetings:meeting-status": (302, 403, 403, 405),
    # the confirmation pages: a GET shows who is told and asks the reason, changes nothing
    "meetings:meeting-cancel": EDITORS_ONLY,
    "meetings:meeting-postpone": EDITORS_ONLY,
    # staff see free rooms; no date given is a 400 with a reason
    "meetings:room-availability": (302, 403, 400, 400),
    # letters: the archive shows published letters to everyone (unpublished: see
    # tests/correspondence/test_views.py); staff upload and review
    "correspondence:letters": PUBLIC,
    "correspondence:letter": PUBLIC,
    "correspondence:letter-original": PUBLIC,
    "correspondence:letter-upload": EDITORS_ONLY,
    "correspondence:letter-review": EDITORS_ONLY,
    "correspondence:letter-accept-all": (302, 403, 403, 405),
    "correspondence:letter-process": (302, 403, 403, 405),
    "correspondence:letter-publish": (302, 403, 403, 405),
    "correspondence:proposal-decide": (302, 403, 403, 405),
    "correspondence:mention-propose": (302, 403, 403, 405),
    "correspondence:deadline-decide": (302, 403, 403, 405),
    # where the Journal of the United Nations differs from the office's meetings
    "journal:differs": EDITORS_ONLY,
    # the Publish page: an editor who names no draft is told so (400)
    "correspondence:publish": (302, 403, 403, 400),
    # missions, contacts and deliveries: the PGA office, and each mission for its own
    "missions:missions": (302, 403, 200, 200),
    "missions:contacts-import": EDITORS_ONLY,
    "missions:contacts-import-job": (302, 403, 200, 200),  # the office watches an import
    "missions:mission-contacts": (302, 200, 200, 200),  # the mission user's own
    "missions:contact-edit": (302, 200, 403, 200),  # viewers read, never change
    "missions:mission-preferences": (302, 405, 405, 405),
    "correspondence:unsubscribe": PUBLIC,  # the token in every e-mail is the key
    "correspondence:contact-programme": PUBLIC,  # the contact's own token is the key
    "correspondence:programme-unsubscribe": PUBLIC,  # the token in each programme e-mail
    "correspondence:programme-subscription": (302, 200, 200, 200),  # one's own
    "missions:contact-confirm": PUBLIC,  # the key in the confirmation e-mail is the key
    "correspondence:meeting-deliveries": (302, 403, 200, 200),
    "correspondence:delivery-resend": (302, 403, 403, 405),
    "accounts:invite": (302, 403, 403, 403),
    "accounts:accept-invitation": (302, 302, 302, 302),
    "accounts:mission": (302, 200, 200, 200),
    "accounts:name": (302, 200, 200, 200),  # everyone signed in names themselves
    # allauth's sign-up, with the invitation's introduction: closed without one, and
    # nothing to do for someone signed in already.
    "account_signup": (200, 302, 302, 302),
}


def test_every_view_has_a_rule():
    assert set(own_patterns()) == set(EXPECTED)


@pytest.fixture
def url_for(db, belgium, editor):
    meeting = MeetingFactory()
    process = ProcessFactory()
    invitation = Invitation.objects.create(
        email="new@example.org", role=Role.MISSION_STAFF, mission=belgium, invited_by=editor
    )
    personal = PersonalSchedule.objects.create(user=editor, token="t" * 43)
    letter = LetterFactory()
    contact = Contact.objects.create(
        mission=belgium,
        name="Focal point",
        email="fp@belgium.example",
        confirmation_key="k" * 43,
        confirmation_sent=timezone.now(),
    )
    letter.original.save("letter.txt", ContentFile(b"Excellency, ..."))
    subscription = ProgrammeSubscription.objects.create(contact=contact)
    args = {
        "meetings:personal-feed": [personal.token],
        "meetings:day": [date(2017, 6, 29)],
        "meetings:week": [date(2017, 6, 26)],
        "meetings:week-rooms": [date(2017, 6, 26)],
        "meetings:month": [2017, 6],
        "meetings:archive-session": [71],
        "meetings:session-feed": [71],
        "meetings:detail": [meeting.pk],
        "meetings:meeting-ics": [meeting.pk],
        "api:get_meeting": [meeting.pk],
        "api:get_process": [process.slug],
        "meetings:meeting-edit": [meeting.pk],
        "meetings:meeting-status": [meeting.pk],
        "meetings:meeting-cancel": [meeting.pk],
        "meetings:meeting-postpone": [meeting.pk],
        "meetings:process": [process.slug],
        "meetings:process-edit": [process.slug],
        "meetings:room": ["CR3"],
        "meetings:kind": ["panel"],
        "meetings:organ": ["third-committee"],
        "meetings:room-edit": ["CR3"],
        "accounts:accept-invitation": [invitation.key],
        "accounts:mission": [belgium.pk],
        **{
            name: [letter.pk]
            for name in EXPECTED
            if name.startswith("correspondence:letter")
            and name not in ("correspondence:letters", "correspondence:letter-upload")
        },
        "correspondence:proposal-decide": [letter.pk, 1],
        "correspondence:mention-propose": [letter.pk],
        "missions:mission-contacts": [belgium.pk],
        "missions:contact-edit": [belgium.pk, contact.pk],
        "missions:contacts-import-job": [ContactImport.objects.create(total=1).pk],
        "missions:mission-preferences": [belgium.pk],
        "correspondence:unsubscribe": [contact.token],
        "correspondence:contact-programme": [contact.token],
        "correspondence:programme-unsubscribe": [subscription.token],
        "missions:contact-confirm": [contact.confirmation_key],
        "correspondence:meeting-deliveries": [meeting.pk],
        "correspondence:delivery-resend": [1],
        "correspondence:deadline-decide": [letter.pk, 1],
    }
    return lambda name: reverse(name, args=args.get(name, []))


@pytest.fixture
def as_role(client, mission_user, viewer, editor):
    users = {"anonymous": None, "mission": mission_user, "viewer": viewer, "editor": editor}

    def sign_in(role):
        client.logout()
        if users[role] is not None:
            sign_in_with_second_factor(client, users[role])
        return client

    return sign_in


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_status_by_role(name, role, url_for, as_role):
    response = as_role(role).get(url_for(name))
    assert response.status_code == EXPECTED[name][ROLES.index(role)]
    if response.status_code == 302 and role == "anonymous" and name != "accounts:accept-invitation":
        assert response["Location"].startswith("/accounts/login/?next=")


WRITE_VIEWS = [n for n, rule in EXPECTED.items() if rule == EDITORS_ONLY] + [
    "meetings:meeting-status",
    "correspondence:mention-propose",
    "correspondence:publish",
]


@pytest.mark.parametrize("role", ["mission", "viewer"])
@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_no_role_but_editors_can_post_to_a_write_view(name, role, url_for, as_role):
    assert as_role(role).post(url_for(name), {"status": "cancelled"}).status_code == 403


def test_forms_need_their_csrf_token(db, editor, url_for):
    from django.test import Client

    client = sign_in_with_second_factor(Client(enforce_csrf_checks=True), editor)
    assert (
        client.post(url_for("meetings:meeting-status"), {"status": "cancelled"}).status_code == 403
    )


def test_a_mission_user_cannot_see_another_missions_page(client, mission_user):
    from missions.models import Mission

    qatar = Mission.objects.get(name="Qatar")
    client.force_login(mission_user)
    assert client.get(reverse("accounts:mission", args=[qatar.pk])).status_code == 404
    own = client.get(reverse("accounts:mission", args=[mission_user.membership.mission_id]))
    assert own.status_code == 200
    assert mission_user.email in own.content.decode()


def test_user_without_any_role_sees_no_mission(client, db, belgium):
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:mission", args=[belgium.pk])).status_code == 404


# What the PGA office role shows beyond the URLs above: a meeting's history of changes,
# and letters still under review. (anonymous, mission staff, PGA viewer, PGA editor)
PGA_OFFICE = (False, False, True, True)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_pga_office_sees_history_and_letters_under_review(role, url_for, as_role):
    under_review = LetterFactory(is_published=False, subject="Draft programme of work")
    meeting = MeetingFactory()
    client = as_role(role)
    office = PGA_OFFICE[ROLES.index(role)]
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert ("History of changes" in page) is office
    letter = client.get(reverse("correspondence:letter", args=[under_review.pk]))
    assert letter.status_code == (200 if office else 404)
    listing = client.get(reverse("correspondence:letters")).content.decode()
    assert ("Draft programme of work" in listing) is office


def test_the_pga_office_is_a_permission_of_its_own_not_inferred(db):
    """Reading the history table alone does not make someone the PGA office."""
    historian, office = UserFactory(), UserFactory()
    historian.user_permissions.add(Permission.objects.get(codename="view_historicalmeeting"))
    office.user_permissions.add(Permission.objects.get(codename="pga_office"))
    assert (is_pga_office(historian), is_pga_office(office)) == (False, True)


def test_every_role_of_the_office_holds_the_pga_office_permission(db):
    holders = Group.objects.filter(permissions__codename="pga_office")
    assert set(holders.values_list("name", flat=True)) == set(ROLE_PERMISSIONS)
