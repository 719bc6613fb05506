"""Who may see and keep which mission's data: the object-level rules of the directory.

A user is on a mission's staff through accounts' Membership (`user.membership`), read
here by its name only: accounts builds on missions, not the other way round.
"""

from .models import Mission


def is_on_staff_of(user, mission: Mission | None) -> bool:
    """The user works at this mission (their one membership names it)."""
    membership = getattr(user, "membership", None)
    return mission is not None and membership is not None and membership.mission_id == mission.pk


def can_see_mission(user, mission: Mission) -> bool:
    """PGA office staff see every mission; mission staff only their own."""
    if not user.is_authenticated:
        return False
    return user.has_perm("missions.view_mission") or is_on_staff_of(user, mission)


def can_see_contacts(user, mission: Mission) -> bool:
    """The PGA office reads every mission's contacts; a mission's staff its own."""
    if not user.is_authenticated:
        return False
    return user.has_perm("missions.view_contact") or is_on_staff_of(user, mission)


def can_manage_contacts(user, mission: Mission) -> bool:
    """PGA office editors for every mission; a mission's own staff for theirs."""
    if not user.is_authenticated:
        return False
    return user.has_perm("missions.change_contact") or is_on_staff_of(user, mission)
