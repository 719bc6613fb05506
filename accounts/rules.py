"""Who may invite whom: the object-level rules of accounts."""

from missions.rules import is_on_staff_of


def is_focal_point(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.is_focal_point


def can_invite(user) -> bool:
    """Administrators, and each mission's focal point (for that mission)."""
    return user.has_perm("accounts.add_invitation") or is_focal_point(user)


def can_invite_to(user, mission) -> bool:
    """Administrators invite anyone; a mission's focal point invites to that mission."""
    if user.has_perm("accounts.add_invitation"):
        return True
    return is_focal_point(user) and is_on_staff_of(user, mission)


def may_know_accounts(user) -> bool:
    """Administrators see the accounts anyway; a focal point is not told which addresses
    have one (the invite page would otherwise answer that for any address typed)."""
    return user.has_perm("auth.view_user")
