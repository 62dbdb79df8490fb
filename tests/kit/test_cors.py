"""Browser clients on another origin: only the configured ones, and they can read our headers."""

import pytest
from conftest import make_client

from app.config import Settings
from app.main import create_app

DASHBOARD = "https://dashboard.example"


@pytest.fixture
async def cors_app(settings: Settings):
    application = create_app(
        settings.model_copy(update={"cors_origins": [DASHBOARD, "https://other.example"]})
    )
    yield application
    await application.state.db.engine.dispose()


async def test_preflight_from_an_allowed_origin(cors_app):
    async with make_client(cors_app, None) as browser:
        response = await browser.options(
            "/v1/requisitions",
            headers={
                "Origin": DASHBOARD,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
            },
        )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == DASHBOARD
    assert "POST" in response.headers["access-control-allow-methods"]
    allowed = response.headers["access-control-allow-headers"].lower()
    assert {"authorization", "content-type", "idempotency-key", "if-match"} <= {
        h.strip() for h in allowed.split(",")
    }
    assert response.headers["x-request-id"]


async def test_preflight_from_another_origin_is_refused(cors_app):
    async with make_client(cors_app, None) as browser:
        response = await browser.options(
            "/v1/requisitions",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
        )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


async def test_responses_expose_the_headers_clients_need(cors_app, tenant):
    async with make_client(cors_app, tenant.keys["read,write"], Origin=DASHBOARD) as browser:
        created = await browser.post("/v1/requisitions", json={"title": "Role"})
    assert created.status_code == 201
    assert created.headers["access-control-allow-origin"] == DASHBOARD
    exposed = {
        h.strip().lower() for h in created.headers["access-control-expose-headers"].split(",")
    }
    assert {
        "etag",
        "link",
        "location",
        "x-request-id",
        "ratelimit-limit",
        "ratelimit-remaining",
        "ratelimit-reset",
        "ratelimit-policy",
        "retry-after",
    } <= exposed


async def test_no_cross_origin_access_by_default(client):
    response = await client.get("/v1/requisitions", headers={"Origin": DASHBOARD})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = await client.options(
        "/v1/requisitions",
        headers={"Origin": DASHBOARD, "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_origins_are_read_comma_separated(monkeypatch):
    monkeypatch.setenv("SHORTLIST_CORS_ORIGINS", f"{DASHBOARD}, https://b.example")
    assert Settings().cors_origins == [DASHBOARD, "https://b.example"]
