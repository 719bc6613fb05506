"""However many proposals a file holds: saved in bulk, in queries that do not grow, and
refused before anything is saved beyond the cap, on every way in."""

from datetime import date, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from correspondence import letters, review
from correspondence.models import Letter, ProposedDeadline, ProposedMeeting
from meetings.enums import MeetingKind, Timing
from meetings.timing import new_york_datetime
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
MONTHS += ["September", "October", "November", "December"]
SIZE = 495_000  # characters: just under the 500,000 a text may have


def letter_of(body: str, dated: str = "1 March 2023") -> str:
    return f"{dated}\n\nExcellency,\n\n{body}\n\nYours sincerely,\n\nJane Doe\n"


def meetings(n: int) -> str:
    """`n` different meetings (the same sitting said twice is one meeting)."""
    return " ".join(
        f"An informal consultation will be held on {k % 28 + 1} {month} 2023 at {9 + k // 84}:00 "
        "in Conference Room 4."
        for k, month in ((k, ("May", "June", "July")[k // 28 % 3]) for k in range(n))
    )


def deadlines(n: int) -> str:
    return " ".join(f"Written inputs are due by {k % 28 + 1} April 2023." for k in range(n))


def crafted(sentence, *, size: int = SIZE, head: str = "") -> str:
    """About `size` characters: `head`, then `sentence(k)` for k = 0, 1, ... to fill."""
    parts, length, k = [head], len(letter_of(head)), 0
    while length < size - 200:
        piece = sentence(k) + ("\n\n" if k % 8 == 7 else " ")
        parts.append(piece)
        length += len(piece)
        k += 1
    return letter_of("".join(parts))


def upload(client, text: str):
    return client.post(
        reverse("correspondence:letter-upload"),
        {"original": SimpleUploadedFile("letter.txt", text.encode())},
    )


def nothing_saved() -> bool:
    return (Letter.objects.count(), ProposedMeeting.objects.count()) == (0, 0)


def test_a_crafted_text_of_thousands_of_proposals_is_refused_naming_the_cap(staff_client):
    text = crafted(
        lambda k: (
            f"A briefing on {k % 28 + 1} {MONTHS[k // 28 % 12]} {2023 + k // 336} "
            f"at {10 + k % 2 * 5}:00 in CR 4."
        )
    )
    assert 490_000 < len(text) < 500_000

    response = upload(staff_client, text)

    page = response.content.decode()
    assert response.status_code == 400
    assert "one letter may propose at most 500 (the setting GASCHED_LETTER_MAX_MEETINGS)" in page
    assert nothing_saved()


def test_a_crafted_text_at_the_cap_is_stored_whole(staff_client):
    filler = "As recalled in the report of {day} January 2019, the work went on."
    text = crafted(
        lambda k: filler.format(day=k % 28 + 1), head=f"{meetings(500)}\n\n{deadlines(500)}\n\n"
    )
    assert 490_000 < len(text) < 500_000

    response = upload(staff_client, text)

    assert response.status_code == 302
    letter = Letter.objects.get()
    assert ProposedMeeting.objects.filter(letter=letter).count() == 500
    assert ProposedDeadline.objects.filter(letter=letter).count() == 500
    assert len(letter.text_as_read) > 490_000
    linked = {m["meeting"] for m in letter.mentions if "meeting" in m}
    assert linked <= set(ProposedMeeting.objects.values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("body", "setting"),
    [
        (meetings(3), "GASCHED_LETTER_MAX_MEETINGS"),
        (deadlines(3), "GASCHED_LETTER_MAX_DEADLINES"),
    ],
)
def test_one_over_the_cap_is_refused_and_at_the_cap_stored(staff_client, settings, body, setting):
    setattr(settings, setting, 2)
    response = upload(staff_client, letter_of(body))
    assert response.status_code == 400
    assert f"at most 2 (the setting {setting})" in response.content.decode()
    assert nothing_saved()

    setattr(settings, setting, 3)
    assert upload(staff_client, letter_of(body)).status_code == 302
    assert Letter.objects.count() == 1


def test_the_command_goes_through_the_same_cap(tmp_path, settings):
    settings.GASCHED_LETTER_MAX_MEETINGS = 2
    path = tmp_path / "letter.txt"
    path.write_text(letter_of(meetings(3)))
    with pytest.raises(CommandError, match="the setting GASCHED_LETTER_MAX_MEETINGS"):
        call_command("import_letter", str(path), "--save")
    assert nothing_saved()


def test_the_import_function_goes_through_the_same_cap(settings):
    settings.GASCHED_LETTER_MAX_DEADLINES = 2
    with pytest.raises(letters.TooManyProposals, match="GASCHED_LETTER_MAX_DEADLINES"):
        letters.import_letter(letter_of(deadlines(3)).encode(), filename="l.txt")
    assert nothing_saved()


def import_queries(text: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        letters.import_letter(text.encode(), filename="l.txt")
    return len(queries)


# SQLite caps a statement at 999 parameters, so Django splits 60 rows of 20 columns in two
# INSERTs there; the product's database is PostgreSQL.
@pytest.mark.postgres
def test_storing_proposals_costs_the_same_queries_for_1_or_60():
    """Saved in bulk, and the meetings they repeat found in one query."""
    few = import_queries(letter_of(f"{meetings(1)} {deadlines(1)}"))
    many = import_queries(letter_of(f"{meetings(60)} {deadlines(60)}", dated="2 March 2023"))
    assert ProposedMeeting.objects.count() == 61
    assert many == few


def test_the_meetings_proposals_repeat_are_found_in_one_query(django_assert_num_queries):
    """Each proposal finds its own day's meeting of its kind (and time), never another's."""

    def at(day: int, hour: int, kind=MeetingKind.INFORMAL_CONSULTATION):
        return MeetingFactory(
            process=None,
            kind=kind,
            timing=Timing.EXACT,
            start=new_york_datetime(date(2023, 5, day), time(hour)),
        )

    ten, three, briefing = at(2, 10), at(2, 15), at(3, 10, MeetingKind.BRIEFING)
    letter = letters.import_letter(letter_of(meetings(1)).encode(), filename="l.txt").letter
    proposals = [
        ProposedMeeting(letter=letter, date=date(2023, 5, d), start=time(h), kind=k, title="x")
        for d, h, k in [
            (2, 15, MeetingKind.INFORMAL_CONSULTATION),
            (2, 10, MeetingKind.INFORMAL_CONSULTATION),
            (3, 10, MeetingKind.INFORMAL_CONSULTATION),  # that day's is a briefing
            (3, 10, MeetingKind.BRIEFING),
            (4, 10, MeetingKind.BRIEFING),
        ]
    ]
    with django_assert_num_queries(1):
        found = review.match_existing_all(proposals, process=None)
    assert found == [three, ten, None, briefing, None]
