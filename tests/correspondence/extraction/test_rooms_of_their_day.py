"""A numbered conference room named while the Conference Building was closed (2010-2012)
is the North Lawn Building's room of that number; before and after, the room itself."""

from .helpers import meetings_of

BODY = "The informal consultations will take place on 7 June at 10 a.m. in Conference Room 2."


def test_conference_room_2_in_2011_is_the_north_lawn_room():
    assert meetings_of(BODY, dated="30 May 2011") == [
        (
            "2011-06-07",
            "10:00",
            None,
            "Conference Room 2 (North Lawn Building)",
            "informal-consultation",
        )
    ]


def test_conference_room_2_before_and_after_the_closure_is_the_room_itself():
    for dated, day in (("30 May 2008", "2008-06-07"), ("30 May 2016", "2016-06-07")):
        assert meetings_of(BODY, dated=dated) == [
            (day, "10:00", None, "Conference Room 2", "informal-consultation")
        ]


def test_a_lettered_room_or_a_chamber_in_2011_stays_as_named():
    body = BODY.replace("Conference Room 2", "the Trusteeship Council Chamber")
    assert meetings_of(body, dated="30 May 2011")[0][3] == "Trusteeship Council Chamber"
