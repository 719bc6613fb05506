"""An SMTP sink for benchmarks/fanout.py: aiosmtpd on 127.0.0.1 that accepts every
message and counts it, run in a process of its own (multiprocessing, spawn).

The counters live in shared memory so that the benchmark reads them without a round
trip: `count` (messages accepted), `size` (bytes of their DATA), and `stamps`, the
time.monotonic() of each accepted message in order (CLOCK_MONOTONIC is one clock for
every process on Linux, so the benchmark compares them with its own readings). Nothing
is parsed or kept: the sink costs both senders the same and as little as it can.
"""

import time


class Counting:
    def __init__(self, count, size, stamps):
        self.count = count
        self.size = size
        self.stamps = stamps

    async def handle_DATA(self, server, session, envelope):
        now = time.monotonic()
        with self.count.get_lock():
            index = self.count.value
            if index < len(self.stamps):
                self.stamps[index] = now
            self.count.value = index + 1
            self.size.value += len(envelope.content or b"")
        return "250 Message accepted for delivery"


def serve(port: int, count, size, stamps, ready, stop) -> None:
    """The target of the sink process: serve until `stop` is set."""
    from aiosmtpd.controller import Controller  # noqa: PLC0415 -- loaded only when needed: in the sink process only

    controller = Controller(Counting(count, size, stamps), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    try:
        stop.wait()
    finally:
        controller.stop()
