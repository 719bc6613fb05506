"""One demo account per role, for `make run` only (DEBUG): never on a real server."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from missions.enums import MissionKind
from missions.models import Mission

from .models import Membership
from .roles import ADMINISTRATORS, PGA_EDITORS, PGA_VIEWERS

DEMO_ACCOUNTS = [
    {
        "role": "Site administrator",
        "email": "admin@demo.gasched.org",
        "password": "demo-admin-2026",
        "group": ADMINISTRATORS,
    },
    {
        "role": "PGA office editor",
        "email": "editor@demo.gasched.org",
        "password": "demo-editor-2026",
        "group": PGA_EDITORS,
    },
    {
        "role": "PGA office viewer",
        "email": "viewer@demo.gasched.org",
        "password": "demo-viewer-2026",
        "group": PGA_VIEWERS,
    },
    {
        "role": "Mission staff (Belgium, focal point)",
        "email": "belgium@demo.gasched.org",
        "password": "demo-mission-2026",
        "mission": "Belgium",
    },
]


def demo_accounts(request):
    """Context processor: the demo credentials, on the sign-in page, in DEBUG only."""
    return {"demo_accounts": DEMO_ACCOUNTS if settings.DEBUG else []}


def load_demo_accounts() -> int:
    """Create the demo accounts that are missing (idempotent); refuses without DEBUG."""
    if not settings.DEBUG:
        return 0
    created = 0
    user_model = get_user_model()
    for account in DEMO_ACCOUNTS:
        user, is_new = user_model.objects.get_or_create(
            username=account["email"], defaults={"email": account["email"]}
        )
        if not is_new:
            continue
        created += 1
        user.set_password(account["password"])
        user.is_superuser = account.get("group") == ADMINISTRATORS
        user.is_staff = "group" in account
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        if "group" in account:
            user.groups.add(Group.objects.get(name=account["group"]))
        else:
            mission, _ = Mission.objects.get_or_create(
                name=account["mission"], defaults={"kind": MissionKind.MEMBER_STATE}
            )
            Membership.objects.create(user=user, mission=mission, is_focal_point=True)
    return created
