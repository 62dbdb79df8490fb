"""Rate limits per API key (per client IP without one), with separate read and write budgets.

Budgets are counted in fixed windows (so `RateLimit-Reset` is exact): in this process's memory
by default, in Redis (through `limits`'s storage) when `SHORTLIST_REDIS_URL` is set so that
every worker and host spends one budget. A request costs one counter update and one read of
its window's end. The middleware runs before the transaction middleware: a refused request
never touches the database. It needs no database either to know who is asking: the budget's
key is a hash of the bearer token, so an unknown key only spends its own budget.

Every limited response carries the IETF draft headers `RateLimit-Limit`, `RateLimit-Remaining`,
`RateLimit-Reset` (seconds) and `RateLimit-Policy`; a refusal is 429 `rate_limited` with
`Retry-After`. If Redis is unreachable the limiter lets requests through (and logs it): losing
the limiter must not take the API down with it.

A third budget counts failed authentications (401 with `WWW-Authenticate: Bearer`: a missing,
unknown or revoked key) per client address. Since every guessed key would otherwise get a fresh
budget of its own, an address past it is refused before its key is even looked up, whatever
key it sends, until the window ends; other addresses, and their keys, are not affected. The
check reads the count and a 401 adds to it, so concurrent guesses can overshoot the budget by
at most the number in flight at once.
"""

import hashlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from limits import RateLimitItem, parse
from limits.aio.storage import Storage
from limits.storage import storage_from_string
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings
from app.kit import metrics
from app.kit.errors import problem_response
from app.kit.responses import set_headers

log = logging.getLogger("shortlist")

Budget = Literal["read", "write", "failed_auth"]
# Probes and the metrics scrape are the operators', not the clients'.
EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: RateLimitItem
    remaining: int
    reset_after: int  # seconds until the window resets

    @property
    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit.amount),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_after),
            "RateLimit-Policy": f"{self.limit.amount};w={self.limit.get_expiry()}",
        }


def redis_storage(settings: Settings, prefix: str) -> Storage:
    """`limits`'s async Redis storage for `SHORTLIST_REDIS_URL` (redis:// or rediss://)."""
    assert settings.redis_url is not None
    storage = storage_from_string(
        f"async+{settings.redis_url}", key_prefix=f"{settings.redis_key_prefix}:{prefix}"
    )
    assert isinstance(storage, Storage)
    return storage


class Windows(Protocol):
    """Fixed-window counters. Each answers a key's count and its window's end (epoch
    seconds); a window starts at the first hit after the last one ended."""

    async def hit(self, key: str, seconds: int) -> tuple[int, float]:
        """Add one to `key`'s window (starting one of `seconds` if none is open)."""
        ...

    async def peek(self, key: str) -> tuple[int, float]:
        """`key`'s window as it stands, (0, 0.0) when none is open."""
        ...


class MemoryWindows:
    """This process's windows, in a dict swept of ended ones once a minute. (`limits`'s
    MemoryStorage started a task on every hit to scan every key it held: a cost that grows
    with the number of clients.)"""

    SWEEP_SECONDS = 60.0

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.windows: dict[str, tuple[int, float]] = {}
        self.next_sweep = 0.0

    async def hit(self, key: str, seconds: int) -> tuple[int, float]:
        now = self.clock()
        if now >= self.next_sweep:
            self.windows = {k: w for k, w in self.windows.items() if w[1] > now}
            self.next_sweep = now + self.SWEEP_SECONDS
        count, end = self.windows.get(key, (0, 0.0))
        if end <= now:
            count, end = 0, now + seconds
        self.windows[key] = window = (count + 1, end)
        return window

    async def peek(self, key: str) -> tuple[int, float]:
        count, end = self.windows.get(key, (0, 0.0))
        return (count, end) if end > self.clock() else (0, 0.0)


class RedisWindows:
    """Windows every worker and host shares: an INCR that sets the expiry of a new key (one
    Lua script) and its TTL."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    async def hit(self, key: str, seconds: int) -> tuple[int, float]:
        count = await self.storage.incr(key, seconds)
        return count, await self.storage.get_expiry(key)

    async def peek(self, key: str) -> tuple[int, float]:
        count = await self.storage.get(key)
        return (count, await self.storage.get_expiry(key)) if count else (0, 0.0)


class RateLimiter:
    def __init__(self, settings: Settings) -> None:
        self.windows: Windows = (
            RedisWindows(redis_storage(settings, "ratelimit"))
            if settings.redis_url
            else MemoryWindows()
        )
        self.budgets: dict[Budget, RateLimitItem] = {
            "read": parse(settings.rate_limit_read),
            "write": parse(settings.rate_limit_write),
            "failed_auth": parse(settings.rate_limit_failed_auth),
        }

    def _key(self, budget: Budget, identity: str) -> tuple[RateLimitItem, str]:
        limit = self.budgets[budget]
        # The limit is in the key: a changed budget starts afresh rather than inheriting.
        return limit, f"{budget}/{limit.amount}/{limit.get_expiry()}/{identity}"

    async def hit(self, budget: Budget, identity: str) -> Verdict | None:
        """Spend one request of `identity`'s `budget`; None when the storage is unreachable."""
        limit, key = self._key(budget, identity)
        try:
            count, end = await self.windows.hit(key, limit.get_expiry())
        except Exception as exc:
            log.warning("rate limiter storage unavailable; not limiting: %s", exc)
            return None
        reset_after = max(0, math.ceil(end - time.time()))
        return Verdict(count <= limit.amount, limit, max(0, limit.amount - count), reset_after)

    async def exhausted(self, budget: Budget, identity: str) -> Verdict | None:
        """A refusal if `identity` has spent all of `budget`, without spending any; else None
        (None too when the storage is unreachable)."""
        limit, key = self._key(budget, identity)
        try:
            count, end = await self.windows.peek(key)
        except Exception as exc:
            log.warning("rate limiter storage unavailable; not limiting: %s", exc)
            return None
        if count < limit.amount:
            return None
        return Verdict(False, limit, 0, max(0, math.ceil(end - time.time())))


# The candidate's status page: its URL is the credential, so a refusal of it must not be
# cached or send the URL on as a Referer either, as the page itself does not.
TOKEN_IN_PATH = "/c/"
PRIVATE_URL_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def address(scope: Scope) -> str:
    client = scope.get("client")
    return f"ip:{client[0] if client else 'unknown'}"


def identity(scope: Scope, headers: Headers) -> str:
    """Whose budget a request spends: its API key's, or its client address's."""
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return "key:" + hashlib.sha256(token.strip().encode()).hexdigest()[:32]
    return address(scope)


def failed_authentication(message: Message) -> bool:
    """A 401 for the API key (not, say, an inbound webhook's bad signature)."""
    if message["status"] != 401:
        return False
    challenge = Headers(raw=message.get("headers", [])).get("www-authenticate", "")
    return challenge.lower().startswith("bearer")


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        client = address(scope)
        # First, and whatever key is sent: from a guessing address, any key may be a guess.
        blocked = await self.limiter.exhausted("failed_auth", client)
        if blocked is not None:
            await self.refuse(
                blocked,
                "failed_auth",
                "Too many failed authentications from this address",
                scope,
                receive,
                send,
            )
            return
        budget: Budget = "read" if scope["method"] in READ_METHODS else "write"
        verdict = await self.limiter.hit(budget, identity(scope, Headers(scope=scope)))
        if verdict is not None and not verdict.allowed:
            await self.refuse(verdict, budget, f"Too many {budget} requests", scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                if verdict is not None:
                    set_headers(message, verdict.headers)
                if failed_authentication(message):
                    await self.limiter.hit("failed_auth", client)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def refuse(
        self,
        verdict: Verdict,
        budget: Budget,
        what: str,
        scope: Scope,
        receive: Receive,
        send: Send,
    ) -> None:
        metrics.RATE_LIMITED.labels(budget).inc()
        retry_after = str(max(1, verdict.reset_after))
        headers = {**verdict.headers, "Retry-After": retry_after}
        if scope["path"].startswith(TOKEN_IN_PATH):
            headers |= PRIVATE_URL_HEADERS
        await problem_response(
            429,
            "rate_limited",
            f"{what}; retry in {retry_after} seconds.",
            headers=headers,
            budget=budget,
        )(scope, receive, send)
