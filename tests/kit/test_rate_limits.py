"""Rate limits per API key (per client IP without one), read and write budgets, IETF headers.

Each test builds its own app with small budgets, in memory and in Redis; two apps on one Redis
stand for two workers (or hosts) spending one budget.
"""

import secrets
import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from conftest import make_client
from redis_server import redis_url, unique_prefix
from story import assert_problem

from app.config import Settings
from app.kit.ratelimit import MemoryWindows
from app.main import create_app
from tests.integrations.ats import connect, greenhouse_body, greenhouse_headers
from tests.notes.test_status_page import status_link

AppFactory = Callable[..., object]


@pytest.fixture(params=["memory", "redis"])
async def limited_app(request, settings: Settings) -> AsyncIterator[AppFactory]:
    """Builds apps on the suite's database with the given budgets, sharing one storage."""
    shared = {}
    if request.param == "redis":
        shared = {"redis_url": redis_url(), "redis_key_prefix": unique_prefix()}
    apps = []

    def build(
        read: str = "3/minute", write: str = "2/minute", failed_auth: str = "100/minute"
    ) -> object:
        overrides = {
            "rate_limit_read": read,
            "rate_limit_write": write,
            "rate_limit_failed_auth": failed_auth,
            **shared,
        }
        application = create_app(settings.model_copy(update=overrides))
        apps.append(application)
        return application

    yield build
    for application in apps:
        await application.state.db.engine.dispose()  # type: ignore[attr-defined]


def assert_refused_by(refused: httpx.Response, budget: str) -> None:
    """429 `rate_limited`, naming the spent budget, with a `Retry-After` within its window."""
    assert_problem(refused, 429, "rate_limited")
    assert refused.json()["budget"] == budget
    assert 1 <= int(refused.headers["retry-after"]) <= 60


async def test_reads_spend_the_read_budget_then_429(limited_app, tenant):
    app = limited_app(read="3/minute")
    async with make_client(app, tenant.keys["read"]) as client:
        answers = [await client.get("/v1/requisitions") for _ in range(4)]
    assert [a.status_code for a in answers[:3]] == [200, 200, 200]
    assert [a.headers["ratelimit-remaining"] for a in answers[:3]] == ["2", "1", "0"]
    for answer in answers[:3]:
        assert answer.headers["ratelimit-limit"] == "3"
        assert answer.headers["ratelimit-policy"] == "3;w=60"
        assert 0 <= int(answer.headers["ratelimit-reset"]) <= 60
    refused = answers[3]
    assert_refused_by(refused, "read")
    assert refused.json()["request_id"] == refused.headers["x-request-id"]
    assert refused.headers["ratelimit-remaining"] == "0"


async def test_errors_carry_the_budget_too_as_the_openapi_says(limited_app, tenant):
    """Not only successes: a 401, a 404 and a 422 count and say so (a 405 and the last-resort
    500 are answered outside the limiter, and the document leaves them out)."""
    app = limited_app(read="10/minute", write="10/minute")
    async with make_client(app, tenant.keys["read,write"]) as client:
        answers = {
            401: await client.get("/v1/requisitions", headers={"Authorization": "Bearer sl_x"}),
            404: await client.get(f"/v1/requisitions/{uuid.uuid4()}"),
            422: await client.post("/v1/requisitions", json={}),
            405: await client.put("/v1/requisitions"),
        }
    for status, answer in answers.items():
        assert answer.status_code == status, answer.text
        assert answer.headers["x-request-id"]
    for status in (401, 404, 422):
        assert answers[status].headers["ratelimit-limit"] == "10", status
        assert "ratelimit-policy" in answers[status].headers
    assert "ratelimit-limit" not in answers[405].headers


async def test_writes_have_their_own_budget(limited_app, tenant):
    app = limited_app(read="1/minute", write="2/minute")
    async with make_client(app, tenant.keys["read,write"]) as client:
        assert (await client.get("/v1/requisitions")).status_code == 200
        assert (await client.get("/v1/requisitions")).status_code == 429
        first = await client.post("/v1/requisitions", json={"title": "One"})
        second = await client.post("/v1/requisitions", json={"title": "Two"})
        third = await client.post("/v1/requisitions", json={"title": "Three"})
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.headers["ratelimit-limit"] == "2"
    assert_problem(third, 429, "rate_limited")
    assert third.json()["budget"] == "write"


async def test_a_refused_write_changes_nothing(limited_app, tenant, client):
    app = limited_app(write="1/minute")
    async with make_client(app, tenant.keys["read,write"]) as limited:
        await limited.post("/v1/requisitions", json={"title": "Allowed"})
        refused = await limited.post("/v1/requisitions", json={"title": "Refused"})
    assert refused.status_code == 429
    titles = [r["title"] for r in (await client.get("/v1/requisitions")).json()["data"]]
    assert titles == ["Allowed"]


async def test_each_api_key_has_its_own_budget(limited_app, tenant, other_tenant):
    app = limited_app(read="1/minute")
    for key in (tenant.keys["read"], tenant.keys["read,write"], other_tenant.keys["read"]):
        async with make_client(app, key) as client:
            assert (await client.get("/v1/requisitions")).status_code == 200


async def test_unauthenticated_requests_spend_their_address_budget(limited_app):
    app = limited_app(read="2/minute")
    async with make_client(app, None) as anonymous:
        answers = [await anonymous.get("/openapi.json") for _ in range(2)]
        answers.append(await anonymous.get("/v1/requisitions"))
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[0].headers["ratelimit-remaining"] == "1"


async def test_health_checks_are_not_limited(limited_app):
    app = limited_app(read="1/minute")
    async with make_client(app, None) as anonymous:
        for path in ("/healthz", "/readyz", "/healthz", "/readyz"):
            response = await anonymous.get(path)
            assert response.status_code == 200, path
            assert "ratelimit-limit" not in response.headers


async def test_two_workers_on_one_redis_share_one_budget(settings, tenant):
    shared = {
        "redis_url": redis_url(),
        "redis_key_prefix": unique_prefix(),
        "rate_limit_read": "4/minute",
    }
    first, second = (create_app(settings.model_copy(update=shared)) for _ in range(2))
    try:
        key = tenant.keys["read"]
        async with make_client(first, key) as a, make_client(second, key) as b:
            statuses = [
                (await client.get("/v1/requisitions")).status_code for client in (a, b, a, b, a)
            ]
        assert statuses == [200, 200, 200, 200, 429]
    finally:
        for application in (first, second):
            await application.state.db.engine.dispose()


async def test_an_unreachable_redis_does_not_take_the_api_down(settings, tenant, caplog):
    app = create_app(settings.model_copy(update={"redis_url": "redis://127.0.0.1:9/0"}))
    try:
        async with make_client(app, tenant.keys["read"]) as client:
            response = await client.get("/v1/requisitions")
        assert response.status_code == 200
        assert "ratelimit-limit" not in response.headers
        assert "rate limiter storage unavailable" in caplog.text
    finally:
        await app.state.db.engine.dispose()


def from_address(app: object, address: str, key: str | None) -> httpx.AsyncClient:
    """A client at `address` (as uvicorn reports it, X-Forwarded-For applied)."""
    transport = httpx.ASGITransport(app=app, client=(address, 40000))  # type: ignore[arg-type]
    headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
    return httpx.AsyncClient(transport=transport, base_url="http://shortlist.test", headers=headers)


def guess() -> str:
    return "sl_" + secrets.token_urlsafe(32)


async def revoked_key(client: httpx.AsyncClient) -> str:
    created = (await client.post("/v1/api-keys", json={"name": "old", "scopes": ["read"]})).json()
    assert (await client.delete(f"/v1/api-keys/{created['id']}")).status_code == 200
    return str(created["key"])


async def test_failed_authentications_are_counted_per_address_then_429(limited_app, tenant, client):
    app = limited_app(read="100/minute", failed_auth="3/minute")
    attacker = "198.51.100.7"
    revoked = await revoked_key(client)
    # An unknown key, no key and a revoked key: each a 401, each counted.
    failures = []
    for key in (guess(), None, revoked):
        async with from_address(app, attacker, key) as c:
            failures.append(await c.get("/v1/requisitions"))
    assert [r.status_code for r in failures] == [401, 401, 401]

    async with from_address(app, attacker, guess()) as c:
        refused = await c.get("/v1/requisitions")
    assert_refused_by(refused, "failed_auth")
    assert refused.headers["ratelimit-limit"] == "3"
    assert refused.headers["ratelimit-remaining"] == "0"
    assert refused.headers["ratelimit-policy"] == "3;w=60"
    # Refused before the key is looked up: from that address even a valid key waits.
    async with from_address(app, attacker, tenant.keys["read"]) as c:
        assert_problem(await c.get("/v1/requisitions"), 429, "rate_limited")
        assert (await c.get("/healthz")).status_code == 200  # probes are never limited

    # Another address, with the same valid key or a wrong one, is not affected.
    async with from_address(app, "203.0.113.20", tenant.keys["read"]) as c:
        assert (await c.get("/v1/requisitions")).status_code == 200
    async with from_address(app, "203.0.113.20", guess()) as c:
        assert_problem(await c.get("/v1/requisitions"), 401, "unauthorized")


async def test_successful_requests_do_not_spend_the_failed_authentication_budget(
    limited_app, tenant
):
    app = limited_app(read="100/minute", failed_auth="1/minute")
    async with from_address(app, "192.0.2.30", tenant.keys["read"]) as c:
        statuses = [(await c.get("/v1/requisitions")).status_code for _ in range(5)]
        # Not an authentication failure either: a key lacking a scope is 403.
        statuses.append((await c.post("/v1/requisitions", json={"title": "No"})).status_code)
    assert statuses == [200] * 5 + [403]
    async with from_address(app, "192.0.2.30", guess()) as c:
        assert (await c.get("/v1/requisitions")).status_code == 401
        assert (await c.get("/v1/requisitions")).status_code == 429


async def test_two_workers_on_one_redis_share_the_failed_authentication_budget(settings, tenant):
    shared = {
        "redis_url": redis_url(),
        "redis_key_prefix": unique_prefix(),
        "rate_limit_failed_auth": "2/minute",
    }
    first, second = (create_app(settings.model_copy(update=shared)) for _ in range(2))
    try:
        address = "198.51.100.99"
        statuses = []
        for app in (first, second, first, second):
            async with from_address(app, address, guess()) as c:
                statuses.append((await c.get("/v1/requisitions")).status_code)
        assert statuses == [401, 401, 429, 429]
        async with from_address(second, "198.51.100.100", tenant.keys["read"]) as c:
            assert (await c.get("/v1/requisitions")).status_code == 200
    finally:
        for application in (first, second):
            await application.state.db.engine.dispose()  # type: ignore[attr-defined]


async def test_a_badly_signed_inbound_webhook_is_not_a_failed_authentication(limited_app, client):
    app = limited_app(read="100/minute", write="100/minute", failed_auth="1/minute")
    greenhouse = await connect(client, "greenhouse")
    body = greenhouse_body("ping", {})
    headers = greenhouse_headers("not-the-secret", body)
    async with from_address(app, "192.0.2.77", None) as ats:
        for _ in range(2):
            refused = await ats.post(greenhouse["inbound_url"], content=body, headers=headers)
            assert_problem(refused, 401, "invalid_signature")
    # The address has spent none of its failed-authentication budget: one key guess is a 401.
    async with from_address(app, "192.0.2.77", guess()) as c:
        assert_problem(await c.get("/v1/requisitions"), 401, "unauthorized")
        assert_problem(await c.get("/v1/requisitions"), 429, "rate_limited")


async def test_an_ats_posting_to_its_inbound_url_spends_its_address_write_budget(
    limited_app, client
):
    app = limited_app(read="100/minute", write="2/minute")
    greenhouse = await connect(client, "greenhouse")

    async def ping(address: str) -> httpx.Response:
        body = greenhouse_body("ping", {"web_hook_id": 1})
        async with from_address(app, address, None) as ats:
            return await ats.post(
                greenhouse["inbound_url"],
                content=body,
                headers=greenhouse_headers(greenhouse["secret"], body),
            )

    answers = [await ping("192.0.2.41") for _ in range(3)]

    assert [a.status_code for a in answers[:2]] == [200, 200]
    assert [a.headers["ratelimit-remaining"] for a in answers[:2]] == ["1", "0"]
    refused = answers[2]
    assert_refused_by(refused, "write")
    # The same integration, posting from another address, still gets through.
    assert (await ping("192.0.2.42")).status_code == 200


async def test_a_candidate_opening_their_status_page_spends_their_address_read_budget(
    limited_app, client, app
):
    path, _ = await status_link(client, app)
    limited = limited_app(read="2/minute")

    async def open_page(address: str) -> httpx.Response:
        async with from_address(limited, address, None) as browser:
            return await browser.get(path)

    answers = [await open_page("198.51.100.61") for _ in range(3)]

    assert [a.status_code for a in answers[:2]] == [200, 200]
    assert answers[0].headers["content-type"].startswith("text/html")
    assert [a.headers["ratelimit-remaining"] for a in answers[:2]] == ["1", "0"]
    # Refused before the page is looked up: the same problem+json as the API's, and like the
    # page, neither cached nor the URL (its token) sent on as a Referer.
    refused = answers[2]
    assert_refused_by(refused, "read")
    assert refused.headers["cache-control"] == "no-store"
    assert refused.headers["referrer-policy"] == "no-referrer"
    assert (await open_page("198.51.100.62")).status_code == 200


async def test_a_window_counts_until_it_ends_and_ended_windows_are_swept():
    now = [1000.0]
    windows = MemoryWindows(clock=lambda: now[0])
    assert await windows.peek("k") == (0, 0.0)
    assert [await windows.hit("k", 60) for _ in range(3)] == [(1, 1060.0), (2, 1060.0), (3, 1060.0)]
    now[0] = 1059.9
    assert await windows.peek("k") == (3, 1060.0)
    now[0] = 1060.0  # the window has ended: the next hit opens a new one
    assert await windows.peek("k") == (0, 0.0)
    assert await windows.hit("other", 60) == (1, 1120.0)
    assert "k" not in windows.windows  # swept: a minute passed since the last sweep
    assert await windows.hit("k", 60) == (1, 1120.0)
