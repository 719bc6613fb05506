"""Reading a received message as a calendar answer (correspondence/itip.py): what counts
as a REPLY, and what is forwarded as it came."""

from correspondence import itip
from correspondence.enums import Answer
from tests.correspondence import client_replies

UID = "meeting-7@gasched.un.org"
AYA = "aya.kone@ci-mission.example"


def test_each_clients_reply_reads_the_same():
    readings = [
        itip.read(client(uid=UID, attendee=AYA, sequence=3, partstat="DECLINED"))
        for client in (client_replies.outlook, client_replies.gmail, client_replies.apple)
    ]
    assert {(r.method, r.uid, r.attendee, r.answer, r.sequence, r.stamp) for r in readings} == {
        ("REPLY", UID, AYA, Answer.DECLINED, 3, client_replies.STAMP)
    }


def test_a_partstat_that_is_no_answer_reads_as_none():
    reading = itip.read(client_replies.outlook(uid=UID, attendee=AYA, partstat="NEEDS-ACTION"))
    assert (reading.is_reply, reading.answer) == (True, "")


def test_a_counter_proposal_or_a_person_writing_is_not_a_reply():
    counter = itip.read(client_replies.outlook(uid=UID, attendee=AYA, method="COUNTER"))
    assert (counter.method, counter.is_reply) == ("COUNTER", False)
    assert itip.read(client_replies.person()).method == ""


def test_a_reply_forwarded_inside_another_message_is_a_person_writing():
    inner = client_replies.gmail(uid=UID, attendee=AYA)
    outer = (
        b"From: someone@ci-mission.example\r\nTo: rsvp@un.org\r\nSubject: Fwd: Accepted\r\n"
        b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nSee below.\r\n"
        b"--b\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"--b--\r\n"
    )
    assert itip.read(outer).is_reply is False


def test_a_calendar_that_does_not_parse_or_a_message_that_is_noise_is_not_a_reply():
    broken = (
        b"From: aya.kone@ci-mission.example\r\nContent-Type: text/calendar; method=REPLY\r\n"
        b"\r\nBEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nDTSTAMP:not a date\r\n"
    )
    assert itip.read(broken).is_reply is False
    assert itip.read(b"\x00\xff garbage").is_reply is False
