"""A few demo contacts, for `make run` only (DEBUG): never on a real server."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Contact, Mission

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
            mission=mission,
            email=email,
            # Demo addresses receive nothing real: confirmed, so `make run` shows mail.
            defaults={"name": name, "function": function, "confirmed": timezone.now()},
        )
        created += made
    return created
