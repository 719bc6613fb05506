"""The two real letters in the archive, linked to the meetings the demo loads from them."""

from pathlib import Path

from django.db import transaction

from .enums import ProposalState
from .letters import import_letter
from .models import ProposedDeadline, ProposedMeeting
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
