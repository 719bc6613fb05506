"""The rooms of UN Headquarters as data, and how people write their names.

Capacity is left empty unless an official figure is known: a guessed capacity would
mislead staff planning a meeting.
"""

import re

from .enums import Building

# (code, canonical name, building, interpretation booths, current, aliases)
UNHQ_ROOMS: list[tuple[str, str, str, bool, bool, list[str]]] = [
    (
        "GA-HALL",
        "General Assembly Hall",
        Building.GENERAL_ASSEMBLY,
        True,
        True,
        ["GA Hall", "GAH", "General Assembly Hall", "Assembly Hall"],
    ),
    (
        "SC-CHAMBER",
        "Security Council Chamber",
        Building.CONFERENCE,
        True,
        True,
        ["SC Chamber", "Security Council Chamber"],
    ),
    (
        "ECOSOC",
        "ECOSOC Chamber",
        Building.CONFERENCE,
        True,
        True,
        ["ECOSOC Chamber", "ECOSOC", "Economic and Social Council Chamber"],
    ),
    (
        "TC-CHAMBER",
        "Trusteeship Council Chamber",
        Building.CONFERENCE,
        True,
        True,
        ["TC Chamber", "Trusteeship Council Chamber", "Trusteeship Chamber"],
    ),
    (
        "SC-CONSULTATIONS",
        "Security Council Consultations Room",
        Building.CONFERENCE,
        True,
        True,
        ["Security Council Consultations Room", "SC Consultations Room", "Consultations Room"],
    ),
    *[
        (
            f"CR{n}",
            f"Conference Room {n}",
            Building.CONFERENCE,
            True,
            True,
            [f"Conference Room {n}", f"CR{n}", f"Conf. Room {n}", f"Conference Rm {n}"],
        )
        for n in range(1, 13)
    ],
    # The lettered rooms have no interpretation booths.
    *[
        (
            f"CR{letter}",
            f"Conference Room {letter}",
            Building.CONFERENCE,
            False,
            True,
            [f"Conference Room {letter}", f"CR{letter}", f"Conf. Room {letter}"],
        )
        for letter in "ABCDE"
    ],
    # Rooms of the temporary North Lawn Building during the Capital Master Plan
    # (2009-2014). Old letters name them; they are kept apart from today's rooms so
    # that "Conference Room 1" today never resolves to the demolished one.
    *[
        (
            f"NLB-CR{n}",
            f"Conference Room {n} (North Lawn Building)",
            Building.NORTH_LAWN,
            True,
            False,
            [f"Conference Room {n} (NLB)", f"NLB Conference Room {n}", f"NLB CR{n}"],
        )
        for n in range(1, 9)
    ],
    (
        "NLB-GA-HALL",
        "Temporary General Assembly Hall (North Lawn Building)",
        Building.NORTH_LAWN,
        True,
        False,
        ["Temporary General Assembly Hall", "NLB General Assembly Hall"],
    ),
]


# Rooms of other principal organs: the Security Council meets in its Chamber and holds
# its consultations in the room beside it. They are not offered for a General Assembly
# meeting unless the editor asks for every room.
RESERVED_TO_OTHER_ORGANS = frozenset({"SC-CHAMBER", "SC-CONSULTATIONS"})


def room_key(text: str) -> str:
    """The form under which room names are compared: case and spacing do not matter.

    "CR 3", "cr3" and "C.R. 3" share the key "cr3"; "Conference Room 3" keeps its own
    key and is a separate alias of the same room.
    """
    return re.sub(r"[^0-9a-z]", "", text.casefold())


# The rooms' names in the other official languages, as the Journal's language editions
# print them; a room not here (the lettered rooms in Chinese, the North Lawn rooms of
# 2009-2014) is named in English on every page.
_CHAMBERS = {
    "GA-HALL": {
        "fr": "Salle de l'Assemblée générale",
        "es": "Salón de la Asamblea General",
        "ru": "Зал Генеральной Ассамблеи",
        "ar": "قاعة الجمعية العامة",
        "zh-hans": "大会堂",
    },
    "SC-CHAMBER": {
        "fr": "Salle du Conseil de sécurité",
        "es": "Salón del Consejo de Seguridad",
        "ru": "Зал Совета Безопасности",
        "ar": "قاعة مجلس الأمن",
        "zh-hans": "安全理事会会议厅",
    },
    "ECOSOC": {
        "fr": "Salle du Conseil économique et social",
        "es": "Salón del Consejo Económico y Social",
        "ru": "Зал Экономического и Социального Совета",
        "ar": "قاعة المجلس الاقتصادي والاجتماعي",
        "zh-hans": "经济及社会理事会会议厅",
    },
    "TC-CHAMBER": {
        "fr": "Salle du Conseil de tutelle",
        "es": "Salón del Consejo de Administración Fiduciaria",
        "ru": "Зал Совета по Опеке",
        "ar": "قاعة مجلس الوصاية",
        "zh-hans": "托管理事会会议厅",
    },
    "SC-CONSULTATIONS": {
        "fr": "Salle des consultations du Conseil de sécurité",
        "es": "Sala de Consultas del Consejo de Seguridad",
        "ru": "Зал консультаций Совета Безопасности",
        "ar": "غرفة مشاورات مجلس الأمن",
        "zh-hans": "安全理事会磋商室",
    },
}


def _conference_room(number: str) -> dict[str, str]:
    names = {
        "fr": f"Salle de conférence {number}",
        "es": f"Sala de conferencias {number}",
        "ru": f"Зал заседаний {number}",
        "ar": f"قاعة الاجتماعات {number}",
    }
    if number.isdigit():
        names["zh-hans"] = f"第{number}会议室"
    return names


# code -> {language: name}; English is Room.name.
ROOM_NAMES: dict[str, dict[str, str]] = {
    **_CHAMBERS,
    **{f"CR{n}": _conference_room(str(n)) for n in range(1, 13)},
    **{f"CR{letter}": _conference_room(letter) for letter in "ABCDE"},
}
