"""The client against a real HTTP server on loopback: headers, retries, faults."""

import time
from datetime import date

import pytest

from journal.client import USER_AGENT, JournalClient, JournalFault

from .server import Reply

DAY = date(2017, 6, 29)


def test_it_asks_for_new_york_in_english_and_says_who_it_is(journal):
    journal.answer("allnew/2017-06-29", {"officialMeetings": [], "informalMeetings": []})
    answer = JournalClient().day(DAY)
    assert answer.data == {"officialMeetings": [], "informalMeetings": []}
    path, headers = journal.requests[0]
    assert path == "/api/allnew/2017-06-29"
    assert headers["location"] == "new york"
    assert headers["language"] == "en"
    assert headers["User-Agent"] == USER_AGENT


def test_a_day_unchanged_since_its_etag_is_not_read_again(journal):
    journal.answer("allnew/2017-06-29", Reply({"officialMeetings": []}, headers={"ETag": '"v1"'}))
    first = JournalClient().day(DAY)
    assert first.etag == '"v1"'
    second = JournalClient().day(
        DAY, etag=first.etag, last_modified="Thu, 29 Jun 2017 08:00:00 GMT"
    )
    assert second.unchanged
    assert second.data is None
    headers = journal.requests[1][1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Thu, 29 Jun 2017 08:00:00 GMT"


def test_a_500_is_tried_again_and_the_answer_after_it_read(journal):
    journal.answer("allnew/2017-06-29", Reply(b"oops", status=500), {"officialMeetings": []})
    assert JournalClient().day(DAY).data == {"officialMeetings": []}
    assert len(journal.requests) == 2


def test_500s_give_up_after_the_retries(journal):
    journal.answer("allnew/2017-06-29", Reply(b"oops", status=503))
    with pytest.raises(JournalFault, match="503"):
        JournalClient(retries=2).day(DAY)
    assert len(journal.requests) == 3  # one try and two more, no more


def test_a_404_is_not_tried_again(journal):
    journal.answer("allnew/2017-06-29", Reply(b"{}", status=404))
    with pytest.raises(JournalFault, match="404"):
        JournalClient().day(DAY)
    assert len(journal.requests) == 1


def test_a_slow_journal_is_given_up_within_the_timeout(journal):
    journal.answer("allnew/2017-06-29", Reply({"officialMeetings": []}, delay=1.0))
    started = time.monotonic()
    with pytest.raises(JournalFault, match="no answer within") as raised:
        JournalClient(timeout=0.2, retries=1, backoff=0.01).day(DAY)
    assert not raised.value.reachable
    assert time.monotonic() - started < 1.5  # two tries of 0.2 s, not the server's pace


def test_an_unreachable_journal_is_a_fault(settings):
    settings.GASCHED_JOURNAL_URL = "http://127.0.0.1:9/api/"  # discard: nothing listens
    with pytest.raises(JournalFault, match="unreachable") as raised:
        JournalClient(retries=1).day(DAY)
    assert not raised.value.reachable


def test_a_web_page_is_not_taken_for_json(journal):
    page = b"<!DOCTYPE html><html><body>Maintenance</body></html>"
    journal.answer("allnew/2017-06-29", Reply(page, content_type="text/html"))
    with pytest.raises(JournalFault, match="web page"):
        JournalClient().day(DAY)


def test_malformed_json_is_a_fault(journal):
    journal.answer("allnew/2017-06-29", Reply(b'{"officialMeetings": [', status=200))
    with pytest.raises(JournalFault, match="not valid JSON"):
        JournalClient().day(DAY)
