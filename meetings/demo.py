"""Demo data: what the two letters in shared/letters state, and a sample programme.

The letters' meetings are entered as the letters give them and nothing more: a meeting
whose time a letter does not give has no time here either. Around them, the current
session gets a generated programme, every piece of it marked as sample data, so that
a newcomer does not open an empty programme. Loading twice changes nothing.
"""

import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from django.db import transaction
from django.utils import timezone

from . import calling_off, schedule
from .enums import DeadlineKind, MeetingKind, MeetingStatus, Mode, Participation, Timing
from .models import (
    AgendaItem,
    CoFacilitator,
    Deadline,
    Meeting,
    Organ,
    Process,
    Room,
    Segment,
    Session,
)
from .sessions import ensure_session, opening_day
from .timing import new_york_datetime, period_start

TRAFFICKING_PROCESS = "71-trafficking-political-declaration"


@dataclass
class Loaded:
    meetings: int = 0
    processes: int = 0


def room(code: str) -> Room:
    return Room.objects.get(code=code)


def add_meeting(loaded: Loaded, *, session: Session, title: str, segments=(), **fields) -> Meeting:
    existing = Meeting.objects.filter(session=session, title=title, start=fields["start"]).first()
    if existing:
        return existing
    meeting = schedule.save_meeting(
        # The demo's programme is public, as if the office had published it.
        Meeting(session=session, title=title, published_at=timezone.now(), **fields),
        segments=[Segment(**segment) for segment in segments],
    )
    loaded.meetings += 1
    return meeting


@transaction.atomic
def load_letters(loaded: Loaded) -> None:
    """The meetings, process and deadline that the two real letters announce."""
    s62 = ensure_session(
        62, president="Srgjan Kerim", president_state="The former Yugoslav Republic of Macedonia"
    )
    s71 = ensure_session(71, president="Peter Thomson", president_state="Fiji")
    s72 = ensure_session(72, president="Miroslav Lajčák", president_state="Slovakia")

    # Letter of the President of the General Assembly, 19 March 2008.
    add_meeting(
        loaded,
        session=s62,
        title="Informal thematic debate of the General Assembly on human trafficking",
        kind=MeetingKind.THEMATIC_DEBATE,
        timing=Timing.DAY,
        start=period_start(date(2008, 6, 3), Timing.DAY),
        participation=Participation.OPEN_TO_STAKEHOLDERS,
        documents=["A/62/640"],
        notes=(
            "Convened following the initiative by Member States (A/62/640). The "
            "Secretary-General and the President of the General Assembly will address the "
            "event. There will be no established list of speakers and interventions will be "
            "limited to a maximum of 3 minutes. A President's summary will be prepared as "
            "the outcome document. A detailed programme will follow."
        ),
        segments=[
            {
                "title": "Panel: Enhancing multilateral cooperation to prevent trafficking in "
                "persons",
                "timing": Timing.MORNING,
            },
            {
                "title": "Panel: Protecting victims of trafficking and cross-border "
                "cooperation in prosecuting traffickers in persons",
                "timing": Timing.AFTERNOON,
            },
        ],
    )

    # Letter of the President, 19 June 2017, enclosing the co-facilitators' of 16 June.
    process, created = Process.objects.get_or_create(
        slug=TRAFFICKING_PROCESS,
        defaults={
            "session": s71,
            "title": "Political declaration on the implementation of the Global Plan of "
            "Action to Combat Trafficking in Persons",
            "short_title": "Trafficking in persons: political declaration",
            "mandate": "Operative paragraph 10 of General Assembly resolution 71/287 calls "
            "for the political declaration's adoption at the opening plenary of the "
            "high-level meeting.",
            "mandate_symbol": "A/RES/71/287",
            "description": "Intergovernmental negotiations with all Member States which aim "
            "at producing a short and concise political declaration for adoption at the "
            "opening plenary of the high-level meeting on the implementation of the Global "
            "Plan of Action to Combat Trafficking in Persons.",
        },
    )
    if created:
        loaded.processes += 1
        CoFacilitator.objects.bulk_create(
            [
                CoFacilitator(
                    process=process,
                    order=0,
                    name="H.E. Mr. Marc Pecsteen de Buytswerve",
                    state="Belgium",
                ),
                CoFacilitator(
                    process=process,
                    order=1,
                    name="H.E. Ms. Alya Ahmed Saif Al-Thani",
                    state="Qatar",
                ),
            ]
        )
        Deadline.objects.create(
            process=process,
            kind=DeadlineKind.ZERO_DRAFT,
            title="Zero draft political declaration circulated to all Member States",
            due_date=date(2017, 6, 23),
            close_of_business=True,
        )
    common = {
        "process": process,
        "kind": MeetingKind.INFORMAL_CONSULTATION,
        "participation": Participation.MEMBER_STATES,
    }
    add_meeting(
        loaded,
        session=s71,
        title="First informal consultation on the political declaration",
        timing=Timing.MORNING,
        start=period_start(date(2017, 6, 16), Timing.MORNING),
        notes="With all Member States. Reported as held in the co-facilitators' letter "
        "of 16 June 2017.",
        **common,
    )
    add_meeting(
        loaded,
        session=s71,
        title="Second informal consultation on the political declaration",
        start=new_york_datetime(date(2017, 6, 29), time(10)),
        room=room("ECOSOC"),
        **common,
    )
    add_meeting(
        loaded,
        session=s71,
        title="Third informal consultation on the political declaration",
        start=new_york_datetime(date(2017, 7, 6), time(10)),
        room=room("CR3"),
        **common,
    )
    add_meeting(
        loaded,
        session=s71,
        title="Additional informal consultation on the political declaration (if needed)",
        timing=Timing.WEEK,
        start=period_start(date(2017, 7, 10), Timing.WEEK),
        status=MeetingStatus.TENTATIVE,
        notes="“An additional informal would be held the following week if needed.”",
        **common,
    )
    add_meeting(
        loaded,
        session=s72,
        title="High-level meeting on the implementation of the Global Plan of Action to "
        "Combat Trafficking in Persons: opening plenary",
        process=process,
        kind=MeetingKind.HIGH_LEVEL,
        timing=Timing.DAY,
        start=period_start(date(2017, 9, 27), Timing.DAY),
        participation=Participation.MEMBERS_AND_OBSERVERS,
        documents=["A/RES/71/287"],
        notes="Adoption of the political declaration (resolution 71/287, operative paragraph 10).",
    )


# --- The sample programme ------------------------------------------------------------

SAMPLE_PROCESSES = [
    (
        "Revitalization of the work of the General Assembly",
        "Revitalization",
        ("Ireland", "Namibia"),
        MeetingKind.NEGOTIATION,
    ),
    (
        "Intergovernmental negotiations on the question of equitable representation on and "
        "increase in the membership of the Security Council",
        "Security Council reform",
        ("Kuwait", "Austria"),
        MeetingKind.NEGOTIATION,
    ),
    (
        "Political declaration of the high-level meeting on universal health coverage",
        "Universal health coverage",
        ("Thailand", "Sweden"),
        MeetingKind.INFORMAL_CONSULTATION,
    ),
    (
        "Modalities of the midterm review of the International Decade of Action for Water",
        "Water Decade review",
        ("Tajikistan", "Netherlands (Kingdom of the)"),
        MeetingKind.INFORMAL_CONSULTATION,
    ),
    (
        "Alignment of the mandates of the Second and Third Committees",
        "Mandate alignment",
        ("Chile", "Philippines"),
        MeetingKind.INFORMAL_CONSULTATION,
    ),
    (
        "Review of the implementation of the Pact for the Future",
        "Pact for the Future review",
        ("Jamaica", "Germany"),
        MeetingKind.DIALOGUE,
    ),
]
SAMPLE_ROOMS = ["CR1", "CR2", "CR3", "CR4", "CR11", "CR12", "ECOSOC", "TC-CHAMBER"]
BRIEFING_ROOMS = ["CRA", "CRB", "CRC", "CR5", "CR6"]
SAMPLE_NOTE = "Sample data generated by loaddemo; not a real meeting."


def working_days(first: date, last: date) -> list[date]:
    """Monday to Friday from `first` to `last`, both included."""
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in days if day.weekday() < 5]


# Agenda items taken up in plenary, as the Journal lists them (number, title); the
# sample gives each a report numbered in the session's series (A/81/...).
PLENARY_ITEMS = [
    ("13", "Culture of peace"),
    ("16", "Information and communications technologies for sustainable development"),
    ("67", "Report of the Human Rights Council"),
    ("74", "Oceans and the law of the sea"),
    ("120", "Revitalization of the work of the General Assembly"),
    (
        "125",
        "Question of equitable representation on and increase in the membership of the "
        "Security Council and other matters related to the Security Council",
    ),
    ("129", "Global health and foreign policy"),
]
# The Main Committees meet in the autumn, on these agenda items; in rooms the rest of
# the sample leaves free in the afternoon.
COMMITTEE_MEETINGS = [
    (
        "first-committee",
        "CR7",
        "General debate on all disarmament and international security agenda items",
    ),
    ("second-committee", "CR8", "Sustainable development"),
    ("third-committee", "CR9", "Promotion and protection of human rights"),
    ("fourth-committee", "CR10", "Comprehensive review of special political missions"),
    ("fifth-committee", "CR7", "Proposed programme budget"),
    ("sixth-committee", "CR8", "Report of the International Law Commission"),
]
COMMITTEE_MONTHS = (10, 11)
WEBCAST = "https://webtv.un.org/en/schedule/{day}"


def sample_meetings(session: Session, processes: list[Process]) -> list[dict]:
    """A deterministic programme for every working day of the session: official meetings
    (plenaries and, in the autumn, Main Committees) numbered in order, with agenda items
    and webcasts, around the consultations and briefings."""
    rng = random.Random(session.number)  # noqa: S311 -- sample data, not security
    # Its own sequence: the official meetings add to the sample without moving the rest.
    official = random.Random(-session.number)  # noqa: S311 -- sample data, not security
    organs = {organ.code: organ for organ in Organ.objects.all()}
    numbers: dict[str, int] = {}
    plans = []
    for day in working_days(session.start_date, session.end_date):
        for plan in sample_day(rng, day, processes):
            if plan["kind"] == MeetingKind.PLENARY:
                numbered(plan, organs["ga-plenary"], numbers)
                plan["agenda"] = sample_agenda(official, session, k=official.choice((1, 2)))
            if plan["kind"] in WEBCAST_KINDS or official.random() < 0.5:
                plan["webcast_url"] = WEBCAST.format(day=day.isoformat())
            plans.append(plan)
        if day.month in COMMITTEE_MONTHS and official.random() < 0.6:
            code, room_code, item = official.choice(COMMITTEE_MEETINGS)
            plan = {
                "title": f"{organs[code].short_name}: {item}",
                "kind": MeetingKind.OTHER,
                "start": new_york_datetime(day, time(15)),
                "end": new_york_datetime(day, time(18)),
                "room": room_code,
                "participation": Participation.MEMBERS_AND_OBSERVERS,
                "webcast_url": WEBCAST.format(day=day.isoformat()),
                "agenda": [
                    {
                        "number": str(official.randrange(14, 140)),
                        "title": item,
                        "documents": [
                            f"{organs[code].symbol}/{session.number}/L.{official.randrange(1, 60)}"
                        ],
                    }
                ],
            }
            numbered(plan, organs[code], numbers)
            plans.append(plan)
    return plans


WEBCAST_KINDS = {MeetingKind.PLENARY, MeetingKind.HIGH_LEVEL, MeetingKind.THEMATIC_DEBATE}


def numbered(plan: dict, organ: Organ, numbers: dict[str, int]) -> None:
    """The body's next meeting number in the session, as the Journal counts them."""
    numbers[organ.code] = numbers.get(organ.code, 0) + 1
    plan["organ"] = organ
    plan["meeting_number"] = numbers[organ.code]


def sample_agenda(rng: random.Random, session: Session, *, k: int) -> list[dict]:
    return [
        {
            "number": number,
            "title": title,
            "documents": [f"A/{session.number}/{rng.randrange(100, 700)}"],
        }
        for number, title in rng.sample(PLENARY_ITEMS, k=k)
    ]


def sample_day(rng: random.Random, day: date, processes: list[Process]) -> list[dict]:
    plans = []
    if rng.random() < 0.25:
        plans.append(
            {
                "title": "Plenary meeting of the General Assembly",
                "kind": MeetingKind.PLENARY,
                "start": new_york_datetime(day, time(10)),
                "room": "GA-HALL",
                "participation": Participation.MEMBERS_AND_OBSERVERS,
                "mode": Mode.IN_PERSON,
            }
        )
    rooms = rng.sample(SAMPLE_ROOMS, k=3)
    for slot, (start, end) in enumerate([(time(10), time(13)), (time(15), time(18))]):
        if rng.random() < 0.55:
            title, _short, _states, kind = SAMPLE_PROCESSES[rng.randrange(len(SAMPLE_PROCESSES))]
            process = next(p for p in processes if p.title == title)
            plans.append(
                {
                    "title": f"{MeetingKind(kind).label}: {process.short_title}",
                    "kind": kind,
                    "process": process,
                    "start": new_york_datetime(day, start),
                    "end": new_york_datetime(day, end) if rng.random() < 0.8 else None,
                    "room": rooms[slot],
                    "status": sample_status(rng),
                    "mode": Mode.HYBRID if rng.random() < 0.2 else Mode.IN_PERSON,
                }
            )
    if rng.random() < 0.3:
        plans.append(
            {
                "title": "Briefing by the President of the General Assembly",
                "kind": MeetingKind.BRIEFING,
                "start": new_york_datetime(day, time(13, 15)),
                "end": new_york_datetime(day, time(14, 30)),
                "room": rng.choice(BRIEFING_ROOMS),
                "is_closed": True,
            }
        )
    return plans


SAMPLE_REASONS = {
    MeetingStatus.POSTPONED: "at the request of the co-facilitators",
    MeetingStatus.CANCELLED: "owing to the liquidation of the conference room",
}


def sample_status(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.06:
        return MeetingStatus.TENTATIVE
    if roll < 0.09:
        return MeetingStatus.POSTPONED
    if roll < 0.12:
        return MeetingStatus.CANCELLED
    return MeetingStatus.SCHEDULED


@transaction.atomic
def load_sample_programme(loaded: Loaded, session: Session) -> None:
    processes = []
    for title, short, states, _kind in SAMPLE_PROCESSES:
        process, created = Process.objects.get_or_create(
            slug=f"{session.number}-sample-{short.lower().replace(' ', '-')}",
            defaults={
                "session": session,
                "title": title,
                "short_title": short,
                "description": SAMPLE_NOTE,
                "is_sample": True,
            },
        )
        if created:
            loaded.processes += 1
            CoFacilitator.objects.bulk_create(
                CoFacilitator(process=process, state=state, order=n)
                for n, state in enumerate(states)
            )
        processes.append(process)
    rooms = {r.code: r for r in Room.objects.all()}
    existing = set(
        Meeting.objects.filter(session=session, is_sample=True).values_list("title", "start")
    )
    for plan in sample_meetings(session, processes):
        if (plan["title"], plan["start"]) in existing:
            continue
        agenda = plan.pop("agenda", [])
        plan["room"] = rooms[plan["room"]]
        meeting = Meeting(
            session=session,
            is_sample=True,
            notes=SAMPLE_NOTE,
            published_at=timezone.now(),
            **plan,
        )
        if meeting.is_off:  # called off as the office does it, with a reason
            reason = SAMPLE_REASONS[meeting.status]
            calling_off.call_off_meeting(meeting, status=meeting.status, reason=reason)
        else:
            schedule.save_meeting(meeting)
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, order=n, **item) for n, item in enumerate(agenda)
        )
        loaded.meetings += 1


def load_demo(*, today: date) -> Loaded:
    """Load the letters' meetings and a sample programme for the session around `today`."""
    loaded = Loaded()
    load_letters(loaded)
    number = today.year - 1945 - (today < opening_day(today.year))
    load_sample_programme(loaded, ensure_session(number))
    return loaded
