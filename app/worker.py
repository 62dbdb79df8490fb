"""The worker: claims due background jobs with leases and runs them, plus periodic upkeep.

`shortlist worker` runs it alone; `shortlist serve` runs it in-process (`SHORTLIST_WORKER=off`
turns that off). Several workers, on several hosts, can run at once. The job kinds: webhook
deliveries and notes emailed to candidates.
"""

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from app.config import Settings
from app.db import Database
from app.followups.announce import announce_due_follow_ups
from app.kit.retention import PURGES
from app.models.base import utcnow
from app.notes.delivery import NoteDeliveries
from app.webhooks.delivery import WebhookDeliveries
from app.webhooks.service import disable_failing_endpoints

log = logging.getLogger("shortlist.worker")

POLL_INTERVAL = 1.0  # seconds between looks for due jobs when idle
UPKEEP_INTERVAL = timedelta(minutes=5)
# On shutdown, in-flight attempts get this long to finish before their leases are released.
SHUTDOWN_GRACE = 15.0


class JobKind(Protocol):
    name: str

    async def claim(self, owner: str, now: datetime, limit: int) -> list[uuid.UUID]: ...

    async def perform(self, job_id: uuid.UUID, owner: str, now: datetime) -> None: ...

    async def release(self, owner: str, ids: list[uuid.UUID]) -> None: ...

    async def close(self) -> None: ...


class Worker:
    def __init__(
        self, db: Database, settings: Settings, kinds: Sequence[JobKind] | None = None
    ) -> None:
        self.db = db
        self.settings = settings
        default: list[JobKind] = [WebhookDeliveries(db, settings), NoteDeliveries(db, settings)]
        self.kinds = list(kinds) if kinds is not None else default
        # Leases name their holder, so a log line or a stuck row says which process it was.
        self.name = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:64]
        self.in_flight: dict[asyncio.Task[None], tuple[JobKind, uuid.UUID]] = {}

    async def close(self) -> None:
        for kind in self.kinds:
            await kind.close()

    async def _claim(self, now: datetime) -> int:
        """Start as many due jobs as there are free slots; how many were started."""
        started = 0
        for kind in self.kinds:
            free = self.settings.worker_concurrency - len(self.in_flight)
            if free <= 0:
                break
            for job_id in await kind.claim(self.name, now, free):
                task = asyncio.create_task(self._perform(kind, job_id, now))
                self.in_flight[task] = (kind, job_id)
                task.add_done_callback(self.in_flight.pop)
                started += 1
        return started

    async def _perform(self, kind: JobKind, job_id: uuid.UUID, now: datetime) -> None:
        try:
            await kind.perform(job_id, self.name, now)
        except Exception:
            # The lease runs out and another attempt follows; one bad job stops nothing else.
            log.exception("%s job %s failed", kind.name, job_id)

    async def run_once(self, now: datetime | None = None) -> int:
        """Run every job due at `now` (default: the present) to the end; how many ran.

        Retries scheduled meanwhile fall after `now`, so this always ends.
        """
        now = now or utcnow()
        total = 0
        while started := await self._claim(now):
            total += started
            # Jobs started early may have finished while a later kind was claiming.
            if self.in_flight:
                await asyncio.wait(list(self.in_flight))
        return total

    async def upkeep(self, now: datetime | None = None) -> None:
        """Announce the follow-ups due today; purge rows past their retention; disable
        endpoints that have failed for days."""
        now = now or utcnow()
        await announce_due_follow_ups(self.db, now.date())
        for purge in PURGES:
            await purge(self.db, self.settings, now)
        async with self.db.writer() as session:
            disabled = await disable_failing_endpoints(session, now)
            await session.commit()
        if disabled:
            log.warning("disabled %d webhook endpoints that failed for days", disabled)

    async def run(self, stop: asyncio.Event) -> None:
        """Work until `stop` is set; then let in-flight jobs finish (or release them)."""
        log.info("worker %s started", self.name)
        next_upkeep = utcnow()
        try:
            while not stop.is_set():
                now = utcnow()
                try:
                    if now >= next_upkeep:
                        next_upkeep = now + UPKEEP_INTERVAL
                        await self.upkeep(now)
                    await self._claim(now)
                except Exception:
                    # A database that is briefly away must not end the loop.
                    log.exception("worker loop error")
                stopping = asyncio.ensure_future(stop.wait())
                # A freed slot is a reason to look again, as is the stop.
                await asyncio.wait(
                    {stopping, *self.in_flight},
                    timeout=POLL_INTERVAL,
                    return_when=asyncio.FIRST_COMPLETED,
                )
                stopping.cancel()
        finally:
            await self._shut_down()

    async def _shut_down(self) -> None:
        if self.in_flight:
            _, unfinished = await asyncio.wait(list(self.in_flight), timeout=SHUTDOWN_GRACE)
            by_kind: dict[int, tuple[JobKind, list[uuid.UUID]]] = {}
            for task in unfinished:
                kind, job_id = self.in_flight[task]
                by_kind.setdefault(id(kind), (kind, []))[1].append(job_id)
                task.cancel()
            for kind, ids in by_kind.values():
                with contextlib.suppress(Exception):
                    await kind.release(self.name, ids)
        await self.close()
        log.info("worker %s stopped", self.name)
