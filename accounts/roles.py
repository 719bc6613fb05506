"""Who is who: the roles of gasched as Django groups with model permissions.

Views never test group names; they ask for permissions (user.has_perm), object by
object where the object belongs to a mission. This module is the one place that says
which permissions each role holds, and the data migration applies it.
"""

from django.contrib.auth.models import Group, Permission

PGA_VIEWERS = "PGA office viewers"
PGA_EDITORS = "PGA office editors"
ADMINISTRATORS = "Site administrators"

SCHEDULE_MODELS = [
    "meeting",
    "process",
    "room",
    "roomalias",
    "cofacilitator",
    "deadline",
    "segment",
    "session",
]

_VIEW = (
    # Every role of the office, viewers included (meetings.rules.is_pga_office).
    [("meetings", "pga_office")]
    + [("meetings", f"view_{m}") for m in SCHEDULE_MODELS]
    + [
        ("missions", "view_mission"),
        ("correspondence", "view_letter"),
        ("missions", "view_contact"),
        ("correspondence", "view_delivery"),
        ("correspondence", "view_reply"),
        ("accounts", "view_membership"),
        ("accounts", "view_invitation"),
    ]
    + [("meetings", f"view_historical{m}") for m in SCHEDULE_MODELS]
)
_EDIT = [
    (app, f"{action}_{model}")
    for app, model in [("meetings", m) for m in SCHEDULE_MODELS]
    for action in ("add", "change")
] + [
    ("correspondence", "add_letter"),
    ("correspondence", "change_letter"),
    ("missions", "add_contact"),
    ("missions", "change_contact"),
    ("missions", "delete_contact"),
    ("correspondence", "change_delivery"),
]
_ADMINISTER = [
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "view_user"),
    ("accounts", "add_invitation"),
    ("accounts", "change_membership"),
    ("missions", "add_mission"),
    ("missions", "change_mission"),
]

ROLE_PERMISSIONS = {
    PGA_VIEWERS: _VIEW,
    PGA_EDITORS: _VIEW + _EDIT,
    ADMINISTRATORS: _VIEW + _EDIT + _ADMINISTER,
}


def setup_roles(group_model=Group, permission_model=Permission) -> None:
    """Create the groups and give each exactly its permissions (idempotent)."""
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        permissions = [
            permission_model.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in wanted
        ]
        group.permissions.set(permissions)


def writes(user) -> bool:
    """Whether the user may change anything (and so must use a second factor): by
    permission, however it was given (group or directly), not by group name."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or any(
        permission.split(".", 1)[1].startswith(("add_", "change_", "delete_"))
        for permission in user.get_all_permissions()
    )
