"""What an account lets its holder do, and who someone is, in the office's words.

The invitation e-mail and its landing page read from here, so that a person knows before
choosing a password what they are joining. The sentences follow the permissions of
accounts.roles and the rules of missions.rules; change them together.
"""

from django.utils.translation import gettext as _

from .models import Role
from .names import display_name
from .rules import is_focal_point


def allowances(role: str) -> list[str]:
    """One sentence per thing the account lets its holder do."""
    everyone = [
        _("see the programme of meetings and follow the processes you choose in a calendar"),
    ]
    if role == Role.MISSION_STAFF:
        return [
            *everyone,
            _("see your mission's page and which colleagues have an account"),
            _(
                "manage your mission's contacts (the people who receive calendar "
                "invitations) and its receiving preferences: which meetings the mission "
                "is invited to"
            ),
        ]
    view = [
        *everyone,
        _("see every mission, its contacts and what it receives"),
        _("read the letters, who was sent each calendar invitation, and every meeting's history"),
    ]
    if role == Role.PGA_VIEWER:
        return view
    edit = [
        *view,
        _("enter and change meetings, processes and rooms, and review letters' proposals"),
        _("manage any mission's contacts"),
    ]
    if role == Role.PGA_EDITOR:
        return edit
    return [*edit, _("invite colleagues to gasched, give accounts their roles and add missions")]


def who(user) -> str:
    """Name and role, as an invitation introduces its sender."""
    name = display_name(user)
    if user.has_perm("accounts.add_invitation"):
        return _("%(name)s (site administrator)") % {"name": name}
    if is_focal_point(user):
        return _("%(name)s (focal point for %(mission)s)") % {
            "name": name,
            "mission": user.membership.mission,
        }
    return name


def needs_authenticator(role: str) -> bool:
    """Editors and administrators write, so they set up a second factor (accounts.roles)."""
    return role in {Role.PGA_EDITOR, Role.ADMINISTRATOR}
