"""Answers to an invitation as the calendar clients mail them to the ORGANIZER.

Written by hand, shaped after what the clients are documented and reported to send
(RFC 6047 iMIP examples; Exchange's REPLY without ORGANIZER, nextcloud/server#53949;
Gmail's multipart/mixed with an inline text/calendar; method=REPLY and the same calendar
as an application/ics "invite.ics" attachment; Apple's ATTENDEE with an EMAIL parameter
and X-APPLE properties). Not captured from real clients: small, and only as real as
those descriptions. Each builds the message's exact bytes (CRLF line ends).
"""

import base64
import quopri
from datetime import UTC, datetime, timedelta

# When the answer was written (its DTSTAMP): a little before the test runs.
STAMP = datetime.now(tz=UTC).replace(microsecond=0) - timedelta(hours=3)


def ical_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def crlf(text: str) -> bytes:
    return "\r\n".join(text.strip("\n").split("\n")).encode() + b"\r\n"


def b64(data: bytes) -> str:
    return base64.encodebytes(data).decode().rstrip("\n")


def outlook(
    *,
    uid,
    attendee,
    sequence=0,
    partstat="ACCEPTED",
    stamp=STAMP,
    sender=None,
    method="REPLY",
    subject="Accepted: Plenary meeting on oceans",
):
    """Outlook / Exchange: multipart/alternative, the calendar base64, no ORGANIZER,
    X-MICROSOFT-CDO-* and X-MS-OLK-* properties, no TNEF (winmail.dat)."""
    calendar = crlf(f"""
BEGIN:VCALENDAR
METHOD:{method}
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
BEGIN:VEVENT
ATTENDEE;PARTSTAT={partstat};CN=Aya Kone:MAILTO:{attendee.upper()}
COMMENT;LANGUAGE=en-US:\\n
SUMMARY;LANGUAGE=en-US:{subject}
DTSTART:20310312T140000Z
DTEND:20310312T170000Z
UID:{uid}
CLASS:PUBLIC
PRIORITY:5
DTSTAMP:{ical_time(stamp)}
TRANSP:OPAQUE
STATUS:CONFIRMED
SEQUENCE:{sequence}
LOCATION;LANGUAGE=en-US:General Assembly Hall
X-MICROSOFT-CDO-APPT-SEQUENCE:{sequence}
X-MICROSOFT-CDO-OWNERAPPTID:-1129412359
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY
X-MICROSOFT-CDO-ALLDAYEVENT:FALSE
X-MICROSOFT-CDO-IMPORTANCE:1
X-MICROSOFT-CDO-INSTTYPE:0
X-MICROSOFT-DONOTFORWARDMEETING:FALSE
X-MICROSOFT-DISALLOW-COUNTER:FALSE
X-MS-OLK-AUTOSTARTCHECK:FALSE
X-MS-OLK-CONFTYPE:0
END:VEVENT
END:VCALENDAR
""")
    return crlf(f"""
From: Aya Kone <{sender or attendee}>
To: "Office of the President of the General Assembly" <rsvp@un.org>
Subject: {subject}
Thread-Topic: Plenary meeting on oceans
Thread-Index: AdmQ3p1kq8lE2n0fS0aH7w==
Date: Tue, 4 Mar 2031 15:05:01 +0000
Message-ID: <PH0PR11MB49660A1B2C3D4E5F6@PH0PR11MB4966.namprd11.prod.outlook.com>
Content-Language: en-US
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
MIME-Version: 1.0
Content-Type: multipart/alternative;
\tboundary="_000_PH0PR11MB49660A1B2C3D4E5F6_"

--_000_PH0PR11MB49660A1B2C3D4E5F6_
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable


--_000_PH0PR11MB49660A1B2C3D4E5F6_
Content-Type: text/calendar; charset="utf-8"; method={method}
Content-Transfer-Encoding: base64

{b64(calendar)}

--_000_PH0PR11MB49660A1B2C3D4E5F6_--
""")


def gmail(*, uid, attendee, sequence=0, partstat="ACCEPTED", stamp=STAMP, sender=None):
    """Gmail / Google Calendar: multipart/mixed > alternative(plain, html, text/calendar;
    method=REPLY 7bit) + application/ics invite.ics (base64); ORGANIZER copied back,
    X-NUM-GUESTS on the ATTENDEE."""
    calendar = crlf(f"""
BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:REPLY
BEGIN:VEVENT
DTSTART:20310312T140000Z
DTEND:20310312T170000Z
DTSTAMP:{ical_time(stamp)}
ORGANIZER;CN=Office of the President of the General Assembly:mailto:rsvp@un.org
UID:{uid}
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};CN=Aya Kon
 é;X-NUM-GUESTS=0:mailto:{attendee}
CREATED:20310220T150000Z
DESCRIPTION:
LAST-MODIFIED:{ical_time(stamp)}
LOCATION:General Assembly Hall
SEQUENCE:{sequence}
STATUS:CONFIRMED
SUMMARY:Plenary meeting on oceans
TRANSP:OPAQUE
END:VEVENT
END:VCALENDAR
""")
    inline = calendar.decode().replace("\r\n", "\n")
    return crlf(f"""
MIME-Version: 1.0
Date: Tue, 04 Mar 2031 10:05:01 -0500
Reply-To: {sender or attendee}
Sender: Google Calendar <calendar-notification@google.com>
Auto-Submitted: auto-generated
Message-ID: <calendar-6f1d2c3b-0000-4a5b-8c7d-1e2f3a4b5c6d@google.com>
Subject: Accepted: Plenary meeting on oceans @ Wed 12 Mar 2031 10am - 1pm (EDT)
 (rsvp@un.org)
From: =?UTF-8?Q?Aya_Kon=C3=A9?= <{sender or attendee}>
To: rsvp@un.org
Content-Type: multipart/mixed; boundary="000000000000b1c2d3e4f5a6b7c8"

--000000000000b1c2d3e4f5a6b7c8
Content-Type: multipart/alternative; boundary="000000000000b1c2d3e4f5a6b7c9"

--000000000000b1c2d3e4f5a6b7c9
Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes

Aya Koné has accepted this invitation.

--000000000000b1c2d3e4f5a6b7c9
Content-Type: text/html; charset="UTF-8"

<p>Aya Koné has accepted this invitation.</p>

--000000000000b1c2d3e4f5a6b7c9
Content-Type: text/calendar; charset="UTF-8"; method=REPLY
Content-Transfer-Encoding: 8bit

{inline}
--000000000000b1c2d3e4f5a6b7c9--

--000000000000b1c2d3e4f5a6b7c8
Content-Type: application/ics; name="invite.ics"
Content-Disposition: attachment; filename="invite.ics"
Content-Transfer-Encoding: base64

{b64(calendar)}
--000000000000b1c2d3e4f5a6b7c8--
""")


def apple(*, uid, attendee, sequence=0, partstat="ACCEPTED", stamp=STAMP, value=None):
    """Apple Calendar / iCloud: one text/calendar; method=REPLY part, quoted-printable,
    the ATTENDEE with an EMAIL parameter (its value a mailto:, or a urn:uuid), the
    ORGANIZER copied back, REQUEST-STATUS and X-APPLE-* properties."""
    value = value or f"mailto:{attendee}"
    calendar = crlf(f"""
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Apple Inc.//iPhone OS 17.4//EN
METHOD:REPLY
CALSCALE:GREGORIAN
BEGIN:VEVENT
ATTENDEE;CN="Aya Koné";CUTYPE=INDIVIDUAL;EMAIL="{attendee}";PARTSTAT={partstat}:
 {value}
DTEND;TZID=America/New_York:20310312T130000
DTSTAMP:{ical_time(stamp)}
DTSTART;TZID=America/New_York:20310312T100000
LAST-MODIFIED:{ical_time(stamp)}
ORGANIZER;CN="Office of the President of the General Assembly";EMAIL="rsv
 p@un.org":mailto:rsvp@un.org
REQUEST-STATUS:2.0;Success
SEQUENCE:{sequence}
SUMMARY:Plenary meeting on oceans
UID:{uid}
X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC
END:VEVENT
END:VCALENDAR
""")
    encoded = quopri.encodestring(calendar).decode().replace("\r\n", "\n").rstrip("\n")
    return crlf(f"""
From: =?utf-8?Q?Aya_Kon=C3=A9?= <{attendee}>
Content-Type: text/calendar; charset=utf-8; method=REPLY; name=iCal-20310304-100501.ics
Content-Transfer-Encoding: quoted-printable
Mime-Version: 1.0 (1.0)
Date: Tue, 4 Mar 2031 10:05:01 -0500
Subject: Invitation: Plenary meeting on oceans (accepted)
Message-Id: <5F0C3A52-8E1B-4C4D-9A2E-3B7D1E9F0A11@ci-mission.example>
To: "Office of the President of the General Assembly" <rsvp@un.org>
X-Mailer: iPhone Mail (21E219)

{encoded}
""")


def person(*, sender="aya.kone@ci-mission.example"):
    """A person writing to the address the invitation came from: no calendar at all."""
    return crlf(f"""
From: Aya Kone <{sender}>
To: rsvp@un.org
Subject: Re: Invitation: Plenary meeting on oceans
Date: Tue, 4 Mar 2031 10:05:01 -0500
Message-ID: <question-1@ci-mission.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Dear Office, our Ambassador will speak in the second round.
Could the list of speakers be opened on Monday?
""")
