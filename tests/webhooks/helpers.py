"""Webhook test helpers: an endpoint made through the API, and the worker run by hand."""

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx

from app.config import Settings
from app.worker import Worker
from tests.story import ok


async def endpoint(client: httpx.AsyncClient, url: str, **fields: Any) -> dict[str, Any]:
    """A new endpoint, with its `secret`."""
    return await ok(await client.post("/v1/webhook-endpoints", json={"url": url, **fields}), 201)


async def deliver(app: Any, now: datetime | None = None, **settings: Any) -> int:
    """Run one worker over everything due at `now`; how many attempts it made."""
    worker_settings: Settings = app.state.settings.model_copy(update=settings)
    worker = Worker(app.state.db, worker_settings)
    try:
        return await worker.run_once(now)
    finally:
        await worker.close()


async def deliveries(client: httpx.AsyncClient, endpoint_id: str, **params: Any) -> list[Any]:
    page = await ok(
        await client.get(
            f"/v1/webhook-endpoints/{endpoint_id}/deliveries", params={"limit": 200, **params}
        )
    )
    return page["data"]  # type: ignore[no-any-return]


async def until(condition: Callable[[], bool], what: str) -> None:
    """Wait for something another task or thread does (not a timing assertion: the limit
    only keeps a broken build from hanging)."""
    for _ in range(600):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")
