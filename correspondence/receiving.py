"""The server the reply address's mail is delivered to: LMTP or SMTP on a port of ours,
run by `manage.py receive_replies` (aiosmtpd, as Mailman 3 receives its mail).

The mail server of the office's domain routes the reply address here (README: Postfix
transport_maps -> lmtp:inet:host:port). Recipients other than the reply address are
refused (550) at RCPT. After DATA the message is handed to replies.receive in a worker
thread (the database is synchronous); the answer is 250 once it is stored, a 451 if it
could not be (the sending server keeps it and tries again). Under LMTP the answer is
given once per accepted recipient, as RFC 2033 asks.
"""

import asyncio
import logging
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP
from django.conf import settings
from django.db import close_old_connections, connections

from . import replies

log = logging.getLogger(__name__)


class ReplyHandler:
    """The aiosmtpd handler: which recipients are taken, and what is done with a message."""

    def __init__(self):
        # One thread, one database connection: messages are stored one at a time.
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="replies")

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not replies.is_reply_address(address):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or b""
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self.worker, partial(store, raw, envelope.mail_from))
        except Exception:  # not stored: the sending server must keep the message
            log.exception("a received message could not be stored")
            status = "451 4.3.0 Not stored, try again later"
        else:
            status = "250 2.0.0 Stored"
        if isinstance(server, LMTP):
            return "\r\n".join([status] * len(envelope.rcpt_tos))
        return status


def store(raw: bytes, sender: str | None) -> None:
    close_old_connections()  # a long-lived thread: drop a connection the database closed
    try:
        replies.receive(raw, sender=sender or "")
    finally:
        close_old_connections()


class ReplyController(Controller):
    def __init__(self, *, host: str, port: int, lmtp: bool):
        self.lmtp = lmtp
        super().__init__(
            ReplyHandler(),
            hostname=host,
            port=port,
            data_size_limit=settings.GASCHED_REPLY_MAX_BYTES,
            # Mailbox names as written (the address is matched case-insensitively).
            enable_SMTPUTF8=True,
        )

    def factory(self) -> SMTP:
        server_class = LMTP if self.lmtp else SMTP
        return server_class(self.handler, **self.SMTP_kwargs)

    def stop(self, no_assert: bool = False) -> None:
        super().stop(no_assert=no_assert)
        # A message being stored is finished; then the thread's connection is closed.
        self.handler.worker.submit(connections.close_all).result()
        self.handler.worker.shutdown(wait=True)


def start(*, host: str, port: int, lmtp: bool) -> ReplyController:
    """Listen on host:port (in a thread of its own) until the controller is stopped."""
    controller = ReplyController(host=host, port=port, lmtp=lmtp)
    controller.start()
    return controller


def serve(*, host: str, port: int, lmtp: bool, ready=None) -> None:
    """Run until SIGTERM or SIGINT (docker stop, Ctrl-C); mail that waits from before
    (a crash, the relay down) is handled first. `ready(controller)` is told once the
    port listens."""
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    replies.handle_waiting()
    controller = start(host=host, port=port, lmtp=lmtp)
    try:
        if ready is not None:
            ready(controller)
        stopping.wait()
    finally:
        controller.stop()
