"""When API keys were last used, recorded off the request path.

A request only notes the use in memory; a background task writes it in its own short
transaction, at most once per key and `key_touch_interval` in each process. So a read never
writes, and many reads with one key never queue on that key's row.
"""

import asyncio
import logging
import uuid
from datetime import datetime, timedelta

from sqlalchemy import or_, update

from app.db import Database
from app.models import ApiKey
from app.models.base import utcnow

log = logging.getLogger("shortlist")


class KeyUsage:
    def __init__(self, db: Database, interval: timedelta) -> None:
        self._db = db
        self._interval = interval
        self._noted: dict[uuid.UUID, datetime] = {}
        self._pending: dict[uuid.UUID, datetime] = {}
        self._writing = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None

    def note(self, api_key_id: uuid.UUID) -> None:
        """The key was used now; schedules the write if it is due."""
        now = utcnow()
        last = self._noted.get(api_key_id)
        if last is not None and now - last < self._interval:
            return
        self._noted[api_key_id] = now
        self._pending[api_key_id] = now
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self.flush())

    async def flush(self) -> None:
        """Write every noted use (also called before keys are shown, so they are current)."""
        async with self._writing:
            pending, self._pending = self._pending, {}
            if not pending:
                return
            try:
                async with self._db.writer() as session:
                    for api_key_id, used_at in pending.items():
                        # Usage is not a change of the key: leave updated_at and version alone.
                        await session.execute(
                            update(ApiKey)
                            .where(
                                ApiKey.id == api_key_id,
                                or_(ApiKey.last_used_at.is_(None), ApiKey.last_used_at < used_at),
                            )
                            .values(last_used_at=used_at, updated_at=ApiKey.updated_at)
                            .execution_options(synchronize_session=False)
                        )
                    await session.commit()
            except Exception:
                # Never fails or slows a request; kept for the next flush (at the latest the
                # one at shutdown), unless a newer use of the key is pending by then.
                log.warning("could not record API key use", exc_info=True)
                for api_key_id, used_at in pending.items():
                    self._pending.setdefault(api_key_id, used_at)
