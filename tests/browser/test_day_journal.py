"""A normal day read as the Journal prints it, on screen and on A4 and US Letter."""

import io
import unicodedata
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus
from meetings.holidays import holiday_on
from meetings.models import AgendaItem, CoFacilitator, Organ
from meetings.sessions import ensure_session_covering
from tests.browser.conftest import axe_violations
from tests.factories import MeetingFactory, ProcessFactory, at, room


@pytest.fixture
def normal_day(db):
    """A working day as the office knows them: a plenary with its agenda, two Main
    Committees, six informal consultations of three processes, three briefings."""
    day = schedule.today() + timedelta(days=2)
    while day.weekday() >= 5 or holiday_on(day):
        day += timedelta(days=1)
    session = ensure_session_covering(day)
    plenary = MeetingFactory(
        session=session,
        kind=MeetingKind.PLENARY,
        organ=Organ.objects.get(code="ga-plenary"),
        meeting_number=45,
        title="Plenary meeting of the General Assembly",
        start=at(day, 10),
        end=at(day, 13),
        room=room("GA-HALL"),
        webcast_url="https://webtv.un.org/en/schedule",
    )
    AgendaItem.objects.create(
        meeting=plenary, number="13", title="Culture of peace", documents=["A/81/345"]
    )
    AgendaItem.objects.create(
        meeting=plenary,
        order=1,
        number="125",
        title="Question of equitable representation on and increase in the membership of "
        "the Security Council",
        documents=["A/81/47", "A/81/L.12"],
    )
    for code, room_code, number in [("third-committee", "CR3", 31), ("sixth-committee", "CR6", 22)]:
        MeetingFactory(
            session=session,
            kind=MeetingKind.OTHER,
            organ=Organ.objects.get(code=code),
            meeting_number=number,
            title=f"{code.replace('-', ' ').capitalize()}: general debate",
            start=at(day, 15),
            end=at(day, 18),
            room=room(room_code),
            webcast_url="https://webtv.un.org/en/schedule",
        )
    rooms = ["CR1", "CR2", "CR4", "CR5", "CR7", "CR8"]
    for k, topic in enumerate(["Oceans declaration", "Water decade review", "Revitalization"]):
        process = ProcessFactory(session=session, title=topic, slug=f"process-{k}")
        CoFacilitator.objects.create(process=process, state="Portugal", name="H.E. Ms. Silva")
        CoFacilitator.objects.create(process=process, state="Kenya", order=1)
        for half, hour in enumerate((10, 15)):
            MeetingFactory(
                session=session,
                process=process,
                title=f"Informal consultation on the {topic.lower()}",
                start=at(day, hour),
                end=at(day, hour + 3),
                room=room(rooms[2 * k + half]),
                documents=[f"A/81/L.{k + 20}"] if half else [],
                status=MeetingStatus.CANCELLED if (k, half) == (2, 1) else MeetingStatus.SCHEDULED,
            )
    for k, hour in enumerate((9, 13, 18)):
        MeetingFactory(
            session=session,
            kind=MeetingKind.BRIEFING,
            title=f"Briefing by the President of the General Assembly ({k + 1})",
            start=at(day, hour, 15),
            end=at(day, hour + 1),
            room=room("CRA"),
            is_closed=True,
        )
    return day


def test_the_day_reads_in_the_journals_sections_with_no_accessibility_problem(page, normal_day):
    page.goto(f"/day/{normal_day}/")
    headings = page.locator("main h2, main h3").all_inner_texts()
    assert headings[:5] == [
        "Official meetings",
        "General Assembly plenary",
        "Third Committee (Social, Humanitarian and Cultural)",
        "Sixth Committee (Legal)",
        "Informal consultations and negotiations",
    ]
    assert headings[5] == "Other meetings"
    plenary = page.locator("li.entry").first
    expect(plenary).to_contain_text("45th plenary meeting")
    expect(plenary).to_contain_text("Item 13: Culture of peace (A/81/345)")
    expect(plenary.get_by_role("link", name="Webcast")).to_be_visible()
    expect(page.locator(".print-head")).to_be_hidden()  # for paper only
    assert axe_violations(page) == []


# Printable width of each paper at 96 CSS pixels per inch, with the stylesheet's 15 mm margins.
PAPER = {"A4": (210 - 30) / 25.4 * 96, "Letter": 8.5 * 96 - 30 / 25.4 * 96}


@pytest.mark.parametrize("paper", PAPER)
def test_a_normal_day_prints_on_one_page_with_its_date_time_zone_as_at_and_address(
    page, live_server, normal_day, paper
):
    from pypdf import PdfReader

    page.goto(f"/day/{normal_day}/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": int(PAPER[paper]), "height": 1000})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow}px wider than {paper}"
    expect(page.locator(".print-head")).to_be_visible()
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
    text = " ".join(
        " ".join(unicodedata.normalize("NFKC", sheet.extract_text()).split()) for sheet in pdf.pages
    )
    assert len(pdf.pages) == 1, text
    weekday = f"{normal_day:%A} {normal_day.day} {normal_day:%B %Y}"
    for words in [
        f"Programme for {weekday}",
        "All times are New York time.",
        "As at ",
        f"{live_server.url}/day/{normal_day}/",
        "Official meetings",
        "General Assembly plenary",
        "45th plenary meeting",
        "Third Committee (Social, Humanitarian and Cultural)",
        "Informal consultations and negotiations",
        "Co-facilitators: H.E. Ms. Silva (Portugal)",
        "Other meetings",
        "Cancelled",
    ]:
        assert words in text, words
    assert "Sign in" not in text
    assert "Subscribe" not in text
