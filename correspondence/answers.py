"""The answers to a meeting's invitation, as its page shows them to staff.

The PGA office sees every mission's answer and how many missions accepted, said
tentative or declined (for the room's size); a mission's staff see their own contacts'
answers only. A mission's answer is its most positive contact's: if one of them comes,
the mission is there. Answers given to an earlier version of the meeting (before it
last changed) are counted, and said to be such. A cancelled or postponed meeting shows
no counts: its answers no longer hold. One query, whatever the number of answers.
"""

from dataclasses import dataclass, field
from datetime import datetime

from meetings.enums import MeetingStatus

from .enums import Answer
from .models import Reply

# Most positive first: the order of the counts, and which answer stands for a mission.
ORDER = [Answer.ACCEPTED, Answer.TENTATIVE, Answer.DECLINED]
OFF = (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)


@dataclass
class ContactAnswer:
    name: str
    email: str
    answer: str
    answered: datetime
    is_to_earlier_version: bool

    @property
    def label(self) -> str:
        return Answer(self.answer).label


@dataclass
class MissionAnswers:
    mission: str
    contacts: list[ContactAnswer] = field(default_factory=list)

    @property
    def answer(self) -> str:
        return min((c.answer for c in self.contacts), key=ORDER.index)


@dataclass
class Summary:
    missions: list[MissionAnswers]
    is_own_mission: bool  # a mission's staff, seeing their own answers
    is_off: bool

    @property
    def counts(self) -> list[tuple[str, int]]:
        """(label, missions) for accepted, tentative and declined."""
        return [(answer.label, sum(m.answer == answer for m in self.missions)) for answer in ORDER]

    @property
    def earlier(self) -> int:
        """Missions all of whose answers were given to an earlier version."""
        return sum(all(c.is_to_earlier_version for c in m.contacts) for m in self.missions)


def for_page(meeting: dict, user) -> Summary | None:
    """What this visitor may see of the answers to `meeting` ({pk, status}), or None."""
    if not user.is_authenticated:
        return None
    replies = Reply.objects.filter(meeting=meeting["pk"])
    is_office = user.has_perm("correspondence.view_reply")
    if not is_office:
        membership = getattr(user, "membership", None)
        if membership is None:
            return None
        replies = replies.filter(contact__mission=membership.mission_id)
    rows = replies.order_by("contact__mission__name", "contact__name", "contact__email")
    missions: dict[str, MissionAnswers] = {}
    for mission, name, email, answer, answered, sequence, current in rows.values_list(
        "contact__mission__name",
        "contact__name",
        "contact__email",
        "answer",
        "answered",
        "sequence",
        "meeting__sequence",
    ):
        missions.setdefault(mission, MissionAnswers(mission)).contacts.append(
            ContactAnswer(name, email, answer, answered, sequence < current)
        )
    return Summary(
        missions=list(missions.values()),
        is_own_mission=not is_office,
        is_off=meeting.get("status") in OFF,
    )
