"""The herd benchmark's data and its one edit (run by benchmarks/herd.py).

`load_herd.py`: the 5,000 meetings of load_feed.py (two sessions, 80 processes), 20 users
who follow two processes each (every fourth one a room too) with a personal feed, and
the 120 feeds to poll: 100 filtered feeds (60 processes, every room, every kind, then
rooms with a kind) and the 20 personal ones. Prints one JSON line: the feeds' paths, the
whole programme feed's, and the meeting to edit (a future one with a process and a room).

`load_herd.py --edit PK`: one edit of that meeting as staff make it (its title, through
schedule.save_meeting: committed, the schedule version moved).
"""

import json
import sys
from itertools import product

import load_feed  # benchmarks/load_feed.py: sets Django up, and the 5,000 meetings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from meetings import schedule
from meetings.enums import MeetingKind
from meetings.models import Meeting, PersonalSchedule, Process, Room, new_feed_token

FILTERED = 100
PERSONAL = 20
PROCESS_FEEDS = 60


def filtered_feeds() -> list[str]:
    processes = list(Process.objects.order_by("-session__number", "slug").values_list("slug"))
    rooms = list(Room.objects.filter(is_current=True).order_by("order").values_list("code"))
    queries = [f"process={slug}" for (slug,) in processes[:PROCESS_FEEDS]]
    queries += [f"room={code}" for (code,) in rooms]
    queries += [f"kind={kind}" for kind in MeetingKind.values]
    combined = (f"room={code}&kind={kind}" for (code,), kind in product(rooms, MeetingKind.values))
    queries += [next(combined) for _ in range(FILTERED - len(queries))]
    return [f"/feeds/programme.ics?{query}" for query in queries]


@transaction.atomic
def personal_feeds() -> list[str]:
    current = Process.objects.order_by("-session__number", "slug")[: 2 * PERSONAL]
    rooms = list(Room.objects.filter(is_current=True).order_by("order"))
    paths = []
    for n in range(PERSONAL):
        user = get_user_model().objects.create_user(f"herd{n}", f"herd{n}@example.org")
        personal = PersonalSchedule.objects.create(user=user, token=new_feed_token())
        personal.processes.add(*current[2 * n : 2 * n + 2])
        if n % 4 == 0:
            personal.rooms.add(rooms[n // 4 % len(rooms)])
        paths.append(f"/feeds/personal/{personal.token}.ics")
    return paths


def meeting_to_edit() -> Meeting:
    return (
        Meeting.objects.filter(start__gt=timezone.now(), process__isnull=False, room__isnull=False)
        .order_by("start", "pk")
        .first()
    )


def load() -> dict:
    loaded = load_feed.load(5000)
    feeds = filtered_feeds() + personal_feeds()
    return {
        **loaded,
        "feeds": feeds,
        "whole_programme": "/feeds/programme.ics",
        "edit": meeting_to_edit().pk,
    }


def edit(pk: int) -> dict:
    meeting = Meeting.objects.get(pk=pk)
    meeting.title += " (revised)"
    schedule.save_meeting(meeting)
    return {"edited": pk, "process": meeting.process.slug, "room": meeting.room.code}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--edit"]:
        print(json.dumps(edit(int(sys.argv[2]))))
    else:
        print(json.dumps(load()))
