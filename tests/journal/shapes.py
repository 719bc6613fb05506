"""Days and meetings shaped after the Journal's public API (the field list of the
issue: id, meetingNumber, title, organSymbol, startDate, timeFrom, timeTo, rooms,
roomLink, isClosed, isCancelled, isFollowedBy, webcastLink, paperSmartLink,
agendaCount, ...), written by hand, not captured from it."""

from datetime import date, time

from meetings.timing import new_york_datetime

DAY = date(2017, 6, 29)  # a Thursday of the 71st session (tests.factories.SessionFactory)


def meeting(
    journal_id: str,
    *,
    title: str = "<p><span>Fifth Committee</span></p>",
    number: str = "<p><span>18th meeting</span></p>",
    organ: str = "A/C.5",
    organization: str = "Fifth Committee",
    day: date = DAY,
    time_from: str = "10:00",
    time_to: str = "13:00",
    room: str = "Conference Room 4",
    room_link: str = "CR4.jpg",
    **fields,
) -> dict:
    return {
        "id": journal_id,
        "meetingNumber": number,
        "title": title,
        "session": "71",
        "sessionNameText": "Seventy-first session",
        "organSymbol": organ,
        "relatedOrganizationFullName": organization,
        "organization": organization,
        "startDate": f"{day.isoformat()}T00:00:00",
        "endDate": f"{day.isoformat()}T00:00:00",
        "timeFrom": time_from,
        "timeTo": time_to,
        "isFollowedBy": False,
        "rooms": [{"value": room}] if room else [],
        "room": room,
        "roomLink": room_link,
        "isClosed": False,
        "isCancelled": False,
        "webcastLink": f"https://webtv.un.org/en/asset/{journal_id[:8]}",
        "paperSmartLink": f"https://papersmart.unmeetings.org/ga/{journal_id[:8]}",
        "agendaCount": 0,
        **fields,
    }


def plenary(journal_id: str, **fields) -> dict:
    defaults = {
        "title": "<p><span>General Assembly</span></p>",
        "number": "<p><span>45th plenary meeting</span></p>",
        "organ": "A",
        "organization": "General Assembly",
        "room": "General Assembly Hall",
        "room_link": "GAH.jpg",
    }
    return meeting(journal_id, **{**defaults, **fields})


def day(*officials: dict, informals: tuple = ()) -> dict:
    """allnew/<day>: official meetings as groups → sessions → meetings."""
    groups: dict[str, list] = {}
    for item in officials:
        groups.setdefault(item["organSymbol"], []).append(item)
    return {
        "officialMeetings": [
            {
                "groupName": symbol,
                "sessions": [{"sessionName": "Seventy-first session", "meetings": items}],
            }
            for symbol, items in groups.items()
        ],
        "informalMeetings": list(informals),
    }


def at_ten():
    """10:00 in New York on DAY."""
    return new_york_datetime(DAY, time(10))
