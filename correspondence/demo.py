"""The two real letters in the archive, linked to the meetings the demo loads from them."""

from pathlib import Path

from django.conf import settings
from django.db import transaction

from .enums import ProposalState
from .letters import import_letter
from .models import Contact, Mission, ProposedDeadline, ProposedMeeting
from .review import accept_deadline, accept_meeting, publish

DEMO_LETTERS = Path(__file__).resolve().parent / "demo_letters"


@transaction.atomic
def load_demo_letters() -> int:
    """Import each letter as staff would, accept what the schedule already holds, publish.

    Run after meetings.demo.load_demo; a second run changes nothing.
    """
    created = 0
    for path in sorted(DEMO_LETTERS.glob("*.txt")):
        imported = import_letter(path.read_bytes(), filename=path.name)
        created += imported.created
        parts = [imported.letter, *imported.letter.enclosures.all()]
        waiting = {"letter__in": parts, "state": ProposalState.PROPOSED, "existing__isnull": False}
        for proposal in ProposedMeeting.objects.filter(**waiting):
            accept_meeting(proposal, user=None)
        for proposal in ProposedDeadline.objects.filter(**waiting):
            accept_deadline(proposal, user=None)
        publish(imported.letter)
    return created


# (mission, name, e-mail, function, invited to everything)
DEMO_CONTACTS = [
    (
        "Belgium",
        "Focal point of Belgium",
        "focal-point@belgium.demo.gasched.org",
        "Focal point",
        True,
    ),
    ("Qatar", "Deputy of Qatar", "deputy@qatar.demo.gasched.org", "Deputy", False),
    (
        "Fiji",
        "Representative of Fiji",
        "pr@fiji.demo.gasched.org",
        "Permanent Representative",
        False,
    ),
]


@transaction.atomic
def load_demo_contacts() -> int:
    """A few contacts on demo addresses, so that publishing a meeting in `make run` shows
    its invitations on the console. DEBUG only: never on a real server."""
    if not settings.DEBUG:
        return 0
    created = 0
    for mission_name, name, email, function, everything in DEMO_CONTACTS:
        mission = Mission.objects.get(name=mission_name)
        if everything and not mission.receives_everything:
            mission.receives_everything = True
            mission.save(update_fields=["receives_everything"])
        _, made = Contact.objects.get_or_create(
            mission=mission, email=email, defaults={"name": name, "function": function}
        )
        created += made
    return created
