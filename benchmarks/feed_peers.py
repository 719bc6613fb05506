"""A session's broadest feed beside what Indico and the IETF datatracker would write for
the same meetings: bytes per event and the properties each carries.

`.venv/bin/python benchmarks/feed_peers.py`: creates the database gasched_peers (always
dropped), loads the benchmarks' session year (benchmarks/load_year.py: 3,000 meetings of
the 79th session), then, in-process (`--measure`), writes three calendars of all the
session's meetings and prints a table. Not a timing: sizes and properties, so it needs no
baseline. About a minute.

The peers are written as their own code writes them, as far as it can be read
(read in their public repositories: Indico's indico/modules/events/ical.py, the datatracker's
ietf/templates/meeting/agenda.ics), from the same meeting rows:
- Indico (generate_basic_component, events_to_ical): icalendar objects; DTSTART/DTEND in
  UTC (Indico stores UTC, so no VTIMEZONE); DTSTAMP the time of export; SUMMARY, UID,
  URL, LOCATION "room (venue)", DESCRIPTION = the description text, then the URL again.
  No SEQUENCE, STATUS, LAST-MODIFIED or calendar name.
- Datatracker (agenda.ics): METHOD:PUBLISH; a VTIMEZONE of the meeting's zone (here
  the full America/New_York one icalendar writes, as a zone file gives); per session
  UID, SUMMARY, LOCATION, STATUS, CLASS:PUBLIC, DTSTART/DTEND with TZID, DTSTAMP (the
  slot's last change), URL, and a DESCRIPTION of the slot name, session materials link
  and "See in schedule" link. No SEQUENCE or LAST-MODIFIED.
"""

import json
import sys
from pathlib import Path

import common

DB_NAME = "gasched_peers"
REDIS_URL = "redis://127.0.0.1:6379/13"  # emptied first
SESSION = 79
BASE_URL = "https://gasched.un.org"
GOOGLE_LIMIT = 1_000_000  # bytes: Google Calendar's import limit for a subscription


def log(message: str) -> None:
    common.log(message, part="peers")


def main() -> int:
    var_dir = Path(common.ROOT / "var" / "peers")
    var_dir.mkdir(parents=True, exist_ok=True)
    env = common.django_env(var_dir, database=DB_NAME, redis_url=REDIS_URL)
    try:
        common.prepare(env, database=DB_NAME, redis_url=REDIS_URL)
        common.run_step(
            "load a session year", [str(common.PYTHON), "benchmarks/load_year.py"], env, 180
        )
        result = common.run_json_step(
            "write the three calendars",
            [str(common.PYTHON), "benchmarks/feed_peers.py", "--measure"],
            env,
            180,
        )
    except common.BenchError as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    finally:
        common.clean_up_database(DB_NAME)
    print(table(result))
    return 0


def table(result: dict) -> str:
    names = list(result["calendars"])
    rows = [
        f"{result['events']} meetings of the {SESSION}th session, one calendar each way",
        "",
        "| | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    figures = result["calendars"]
    rows.append("| bytes | " + " | ".join(f"{figures[n]['bytes']:,}" for n in names) + " |")
    rows.append(
        "| bytes per event | "
        + " | ".join(f"{figures[n]['bytes_per_event']:.0f}" for n in names)
        + " |"
    )
    rows.append(
        "| events within 1 MB | "
        + " | ".join(f"{GOOGLE_LIMIT // figures[n]['bytes_per_event']:,.0f}" for n in names)
        + " |"
    )
    everything = sorted({p for n in names for p in figures[n]["event_properties"]})
    for prop in everything:
        marks = ["yes" if prop in figures[n]["event_properties"] else "—" for n in names]
        rows.append(f"| {prop} | " + " | ".join(marks) + " |")
    return "\n".join(rows)


# --- In-process, against the database the runner prepared ------------------------------


def measure() -> dict:
    common.setup_django()
    from meetings import feeds, schedule  # noqa: PLC0415 -- apps not ready
    from meetings.models import Session  # noqa: PLC0415 -- apps not ready

    session = Session.objects.get(number=SESSION)
    meetings = list(schedule.session_feed_contents(session, schedule.ScheduleFilter())[0])
    name = f"General Assembly meetings ({session})"
    calendars = {
        "gasched": feeds.build_calendar(meetings, name=name, base_url=BASE_URL),
        "Indico": indico(meetings),
        "datatracker": datatracker(meetings),
    }
    return {
        "events": len(meetings),
        "calendars": {label: census(body, len(meetings)) for label, body in calendars.items()},
    }


def census(body: bytes, count: int) -> dict:
    from icalendar import Calendar  # noqa: PLC0415 -- loaded only when needed

    properties = set()
    for event in Calendar.from_ical(body).walk("VEVENT"):
        properties.update(event.keys())
    return {
        "bytes": len(body),
        "bytes_per_event": len(body) / count,
        "event_properties": sorted(properties),
    }


def location(meeting) -> str:
    return meeting.room.name if meeting.room else ""


def indico(meetings) -> bytes:
    """As indico.modules.events.ical.events_to_ical writes events."""
    from datetime import UTC, datetime  # noqa: PLC0415 -- loaded only when needed

    import icalendar  # noqa: PLC0415 -- loaded only when needed

    from meetings.timing import NOMINAL_LENGTH  # noqa: PLC0415 -- apps not ready

    now = datetime.now(UTC)
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//CERN//INDICO//EN")
    for meeting in meetings:
        url = BASE_URL + meeting.get_absolute_url()
        event = icalendar.Event()
        event.add("dtstamp", now)
        event.add("dtstart", meeting.start.astimezone(UTC))
        event.add("dtend", (meeting.end or meeting.start + NOMINAL_LENGTH).astimezone(UTC))
        event.add("summary", meeting.title)
        event.add("uid", f"indico-event-{meeting.pk}@gasched.un.org")
        event.add("url", url)
        room = location(meeting)
        if room:
            event.add("location", f"{room} (United Nations Headquarters)")
        description = [meeting.notes] if meeting.notes else []
        event.add("description", "\n\n".join([*description, url]))
        calendar.add_component(event)
    return calendar.to_ical()


def datatracker(meetings) -> bytes:
    """As ietf/templates/meeting/agenda.ics writes a meeting's sessions."""
    import icalendar  # noqa: PLC0415 -- loaded only when needed

    from meetings import ics  # noqa: PLC0415 -- apps not ready
    from meetings.timing import NEW_YORK, NOMINAL_LENGTH  # noqa: PLC0415 -- apps not ready

    zone = icalendar.Timezone.from_tzinfo(NEW_YORK).to_ical().decode().replace("\r\n", "\n")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "METHOD:PUBLISH",
        "PRODID:-//IETF//datatracker.ietf.org ical agenda//EN",
        zone.rstrip("\n"),
    ]
    for meeting in meetings:
        start = meeting.start.astimezone(NEW_YORK)
        end = (meeting.end or meeting.start + NOMINAL_LENGTH).astimezone(NEW_YORK)
        url = BASE_URL + meeting.get_absolute_url()
        lines += [
            "BEGIN:VEVENT",
            f"UID:ietf-{SESSION}-{meeting.pk}-{meeting.kind}",
            "SUMMARY:" + ics.text(meeting.title),
            "LOCATION:" + ics.text(location(meeting)),
            "STATUS:" + ("CANCELLED" if meeting.is_off else "CONFIRMED"),
            "CLASS:PUBLIC",
            f"DTSTART;TZID=America/New_York:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=America/New_York:{end:%Y%m%dT%H%M%S}",
            f"DTSTAMP:{ics.utc_stamp(meeting.updated)}",
            f"URL:{url}",
            "DESCRIPTION:"
            + ics.text(
                f"{meeting.get_kind_display()}\n\nSession materials: {url}\n\n"
                f"See in schedule: {BASE_URL}/week/{start:%Y-%m-%d}/#row-{meeting.pk}\n"
            ),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return b"".join(ics.fold(line) for line in "\n".join(lines).split("\n"))


if __name__ == "__main__":
    if sys.argv[1:] == ["--measure"]:
        print(json.dumps(measure()))
    else:
        sys.exit(main())
