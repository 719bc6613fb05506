"""Who may see what of the schedule beyond the public programme."""


def is_pga_office(user) -> bool:
    """Works in the Office of the President of the General Assembly: sees each meeting's
    history of changes and the letters under review. A permission of its own
    (`meetings.pga_office`, given to the office's roles by accounts.roles), not
    inferred from another."""
    return user.is_authenticated and user.has_perm("meetings.pga_office")
