"""The bodies whose official meetings the Journal of the United Nations prints, in its
order: the General Assembly plenary, its six Main Committees, then the other bodies
that meet at Headquarters. Other bodies are added as the Journal names them."""

from .enums import OrganSection

# (code, name, short name, document symbol, section)
UNHQ_ORGANS: list[tuple[str, str, str, str, str]] = [
    ("ga-plenary", "General Assembly", "General Assembly", "A", OrganSection.PLENARY),
    (
        "first-committee",
        "First Committee (Disarmament and International Security)",
        "First Committee",
        "A/C.1",
        OrganSection.MAIN_COMMITTEE,
    ),
    (
        "second-committee",
        "Second Committee (Economic and Financial)",
        "Second Committee",
        "A/C.2",
        OrganSection.MAIN_COMMITTEE,
    ),
    (
        "third-committee",
        "Third Committee (Social, Humanitarian and Cultural)",
        "Third Committee",
        "A/C.3",
        OrganSection.MAIN_COMMITTEE,
    ),
    (
        "fourth-committee",
        "Fourth Committee (Special Political and Decolonization)",
        "Fourth Committee",
        "A/C.4",
        OrganSection.MAIN_COMMITTEE,
    ),
    (
        "fifth-committee",
        "Fifth Committee (Administrative and Budgetary)",
        "Fifth Committee",
        "A/C.5",
        OrganSection.MAIN_COMMITTEE,
    ),
    (
        "sixth-committee",
        "Sixth Committee (Legal)",
        "Sixth Committee",
        "A/C.6",
        OrganSection.MAIN_COMMITTEE,
    ),
    ("general-committee", "General Committee", "General Committee", "A/BUR", OrganSection.OTHER),
    ("security-council", "Security Council", "Security Council", "S", OrganSection.OTHER),
    (
        "ecosoc",
        "Economic and Social Council",
        "Economic and Social Council",
        "E",
        OrganSection.OTHER,
    ),
]
