"""The bodies' pages: every body listed in the Journal's order, and one subscription to
every General Assembly plenary and Main Committee meeting."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from icalendar import Calendar

from meetings.enums import MeetingKind
from meetings.models import Organ
from tests.factories import MeetingFactory, at

pytestmark = pytest.mark.django_db

MAIN = {f"{n}-committee" for n in ("first", "second", "third", "fourth", "fifth", "sixth")}


def feed_address(page: str) -> str:
    start = page.index('id="feed-address"')
    value = page.index('value="', start) + len('value="')
    return page[value : page.index('"', value)].replace("&amp;", "&")


def test_the_bodies_page_lists_them_in_the_journals_order(client):
    page = client.get(reverse("meetings:organs")).content.decode()
    plenary = page.index("General Assembly plenary")
    committees = page.index("Main Committees")
    others = page.index("Other bodies")
    assert plenary < committees < others
    assert page.index("Third Committee (Social, Humanitarian and Cultural)") < others
    assert reverse("meetings:organ", args=["security-council"]) in page


def test_one_feed_holds_every_plenary_and_main_committee_meeting_and_nothing_else(client):
    day = date(2026, 12, 8)
    plenary = Organ.objects.get(code="ga-plenary")
    third = Organ.objects.get(code="third-committee")
    council = Organ.objects.get(code="security-council")
    MeetingFactory(title="45th plenary", organ=plenary, kind=MeetingKind.PLENARY, start=at(day, 10))
    MeetingFactory(title="Third Committee", organ=third, kind=MeetingKind.OTHER, start=at(day, 15))
    MeetingFactory(
        title="Security Council", organ=council, kind=MeetingKind.OTHER, start=at(day, 10)
    )
    MeetingFactory(title="Informal consultation", start=at(day, 11))

    address = feed_address(client.get(reverse("meetings:organs")).content.decode())
    parts = urlsplit(address)
    assert set(parse_qs(parts.query)["organ"]) == {"ga-plenary", *MAIN}
    feed = client.get(f"{parts.path}?{parts.query}")
    titles = {str(e["SUMMARY"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")}
    assert titles == {"45th plenary", "Third Committee"}
    assert 'filename="gasched-fifth-committee-first-committee-' in feed["Content-Disposition"]


def test_a_body_page_offers_its_own_feed(client):
    page = client.get(reverse("meetings:organ", args=["fifth-committee"])).content.decode()
    assert parse_qs(urlsplit(feed_address(page)).query) == {"organ": ["fifth-committee"]}
    assert reverse("meetings:organs") in page
