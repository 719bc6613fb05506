"""A real SMTP server on loopback (aiosmtpd) that records what it accepts (parsed, and
the bytes as received with the MAIL FROM options), and can be told to answer 451 for a
while, 550 for some addresses, to be slow, to be down, or not to offer 8BITMIME."""

import asyncio
import email
import socket
import threading
from email import policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list = []  # as received: sender, recipients and the exact bytes
        self.raw: list[tuple[bytes, list[str]]] = []  # (the bytes, MAIL FROM options)
        self.lock = threading.Lock()
        self.temporary_failures = 0  # answer 451 to this many RCPT commands
        self.rejected: set[str] = set()  # answer 550 for these addresses
        self.rcpt_delay = 0.0
        self.in_rcpt = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.in_rcpt.set()
        if self.rcpt_delay:
            await asyncio.sleep(self.rcpt_delay)
        self.in_rcpt.clear()
        if address.lower() in self.rejected:
            return "550 5.1.1 Mailbox unavailable"
        with self.lock:
            if self.temporary_failures > 0:
                self.temporary_failures -= 1
                return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.messages.append(message)
            self.envelopes.append(envelope)
            self.raw.append((envelope.original_content, list(envelope.mail_options)))
        return "250 Message accepted for delivery"

    def received(self) -> list[email.message.EmailMessage]:
        with self.lock:
            return list(self.messages)

    def recipients(self) -> list[str]:
        return sorted(str(m["To"]).lower() for m in self.received())


class MailServer:
    def __init__(self, *, eight_bit_mime: bool = True):
        self.mailbox = Mailbox()
        self.port = free_port()
        self.controller = None
        # aiosmtpd offers 8BITMIME unless it decodes the data itself (a 7-bit relay).
        self.decode_data = not eight_bit_mime

    def start(self) -> None:
        """Start (again) on the same port, with the same mailbox."""
        self.controller = Controller(
            self.mailbox, hostname="127.0.0.1", port=self.port, decode_data=self.decode_data
        )
        self.controller.start()

    def stop(self) -> None:
        """Down: connections to the port are refused until start()."""
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
