"""Graceful shutdown: on SIGTERM, first fail readiness, then stop.

uvicorn already finishes in-flight requests on SIGTERM (within `SHORTLIST_SHUTDOWN_TIMEOUT`),
but it stops accepting connections at once, while a reverse proxy may still send new ones until
its readiness probe notices. With `SHORTLIST_SHUTDOWN_DRAIN` set, the first SIGTERM only makes
`/readyz` answer 503 (requests are still served); uvicorn's own shutdown starts once the drain
period is over. A second signal still stops at once.
"""

import asyncio
import logging
import signal
import threading
from types import FrameType

from app.config import Settings

log = logging.getLogger("shortlist")


class Drain:
    def __init__(self) -> None:
        self.draining = False

    def start(self) -> None:
        if not self.draining:
            log.info("draining: readiness fails from now on")
        self.draining = True

    def on_sigterm(self, settings: Settings) -> None:
        """Wrap the server's SIGTERM handler (call from the lifespan, in the main thread)."""
        delay = settings.shutdown_drain.total_seconds()
        previous = signal.getsignal(signal.SIGTERM)
        # Only a server's main thread owns signals (not, say, a test client's portal thread).
        if (
            delay <= 0
            or not callable(previous)
            or threading.current_thread() is not threading.main_thread()
        ):
            return
        loop = asyncio.get_running_loop()

        def handle(sig: int, frame: FrameType | None) -> None:
            if self.draining:  # a second SIGTERM: no more patience
                previous(sig, frame)
                return
            self.start()
            loop.call_soon_threadsafe(loop.call_later, delay, previous, sig, None)

        signal.signal(signal.SIGTERM, handle)
