"""GET /metrics: Prometheus text for operators, not for the world."""

import httpx
import pytest
from conftest import make_client
from pydantic import SecretStr

from app.config import Settings
from app.main import create_app


def remote_client(app: object, **headers: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.9", 4000))  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=transport, base_url="http://shortlist.test", headers=headers)


def sample(text: str, name: str, **labels: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


async def test_requests_are_counted_by_route_template_and_status(app, client):
    async with make_client(app, None) as local:
        before = (await local.get("/metrics")).text
        await client.get("/v1/requisitions/5d1c1c9e-3f0b-4c5e-9d57-7b1c0f7f0a11")
        response = await local.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    labels = {"method": "GET", "route": "/v1/requisitions/{requisition_id}", "status": "404"}
    name = "shortlist_http_requests_total"
    assert sample(response.text, name, **labels) == sample(before, name, **labels) + 1
    assert sample(response.text, "shortlist_http_request_duration_seconds_count", **labels) >= 1
    assert "5d1c1c9e" not in response.text
    assert "shortlist_db_pool_connections" in response.text


async def test_rate_limit_refusals_are_counted(settings, tenant):
    app = create_app(settings.model_copy(update={"rate_limit_read": "1/minute"}))
    try:
        async with make_client(app, tenant.keys["read"]) as client:
            before = (await client.get("/metrics")).text
            await client.get("/v1/requisitions")
            await client.get("/v1/requisitions")
            after = (await client.get("/metrics")).text
        name = "shortlist_rate_limited_requests_total"
        assert sample(after, name, budget="read") == sample(before, name, budget="read") + 1
    finally:
        await app.state.db.engine.dispose()


async def test_metrics_are_refused_to_remote_clients_by_default(app):
    async with remote_client(app) as remote:
        response = await remote.get("/metrics")
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"


@pytest.fixture
async def token_app(settings: Settings):
    application = create_app(settings.model_copy(update={"metrics_token": SecretStr("scrape-me")}))
    yield application
    await application.state.db.engine.dispose()


async def test_a_metrics_token_opens_them_to_its_holder_only(token_app):
    async with remote_client(token_app, Authorization="Bearer scrape-me") as scraper:
        assert (await scraper.get("/metrics")).status_code == 200
    async with remote_client(token_app, Authorization="Bearer wrong") as stranger:
        assert (await stranger.get("/metrics")).status_code == 403
    async with make_client(token_app, None) as local:
        assert (await local.get("/metrics")).status_code == 403
