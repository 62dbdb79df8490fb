"""Integrations (admin): secrets shown once and kept encrypted; the inbound URL accepts only
deliveries signed with its own secret, and a refused one leaves no trace."""

import uuid
from typing import Any

import httpx
import pytest
from conftest import Tenant
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integrations.ats import (
    application,
    connect,
    greenhouse_body,
    greenhouse_headers,
    inbound_events,
    lever_body,
    post_inbound,
    to_greenhouse,
)
from tests.story import assert_problem, events, ok

LEVER_TOKEN = "3c2a9f1e6b7d4a0c8e5f2b1a9d7c6e4f"


async def test_create_shows_the_inbound_url_and_the_secret_once(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/integrations", json={"system": "greenhouse", "name": "Greenhouse (prod)"}
    )
    created = await ok(response, 201)
    assert created["inbound_url"] == f"/v1/inbound/greenhouse/{created['id']}"
    assert response.headers["location"] == f"/v1/integrations/{created['id']}"
    secret = created["secret"]
    assert len(secret) >= 32

    shown = await ok(await client.get(response.headers["location"]))
    assert "secret" not in shown
    assert shown == {k: v for k, v in created.items() if k != "secret"}
    listed = await client.get("/v1/integrations")
    assert [i["id"] for i in listed.json()["data"]] == [created["id"]]
    feed = await client.get("/v1/events", params={"limit": 200})
    for text_shown in (shown, listed.text, feed.text):
        assert secret not in str(text_shown)

    another = await connect(client, "greenhouse")
    assert another["secret"] != secret


async def test_the_secret_is_stored_encrypted(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    created = await connect(client, "lever", secret=LEVER_TOKEN)
    assert created["secret"] == LEVER_TOKEN
    async with engine.connect() as connection:
        stored = (await connection.execute(text("SELECT sealed_secret FROM integrations"))).scalar()
    assert stored and LEVER_TOKEN not in stored


async def test_an_idempotent_replay_does_not_show_the_secret(client: httpx.AsyncClient) -> None:
    body = {"system": "greenhouse", "name": "Greenhouse"}
    headers = {"Idempotency-Key": "connect-greenhouse"}
    first = await ok(await client.post("/v1/integrations", json=body, headers=headers), 201)
    replay = await client.post("/v1/integrations", json=body, headers=headers)
    assert replay.status_code == 201
    assert replay.json()["id"] == first["id"]
    assert replay.json()["secret"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"system": "workday", "name": "Workday"},
        {"system": "greenhouse"},
        {"system": "lever", "name": "Lever"},
        {"system": "lever", "name": "Lever", "secret": "short"},
        {"system": "lever", "name": "Lever", "secret": "has a space in the middle of it"},
        {"system": "greenhouse", "name": "Greenhouse", "inbound_url": "/elsewhere"},
    ],
    ids=[
        "unknown system",
        "no name",
        "Lever without its token",
        "short secret",
        "secret with spaces",
        "read-only field",
    ],
)
async def test_a_bad_integration_is_refused(client: httpx.AsyncClient, body: Any) -> None:
    assert_problem(await client.post("/v1/integrations", json=body), 422, "validation_failed")
    assert (await ok(await client.get("/v1/integrations")))["data"] == []


async def test_delete_closes_the_inbound_url(tenant: Tenant, client: httpx.AsyncClient) -> None:
    greenhouse = await connect(client, "greenhouse")
    url = f"/v1/integrations/{greenhouse['id']}"
    stale = await client.delete(url, headers={"If-Match": '"7"'})
    assert_problem(stale, 412, "precondition_failed")
    deleted = await client.delete(url)
    assert deleted.status_code == 204, deleted.text
    assert_problem(await client.get(url), 404, "not_found")
    response = await to_greenhouse(tenant.app, greenhouse, "ping", {"web_hook_id": 1})
    assert_problem(response, 404, "not_found")
    assert [e["type"] for e in await events(client)][-2:] == [
        "integration.created",
        "integration.deleted",
    ]


async def snapshot(client: httpx.AsyncClient, integration: dict[str, Any]) -> Any:
    """What a refused delivery must not change: events, candidates and received deliveries."""
    return (
        await events(client),
        (await ok(await client.get("/v1/candidates", params={"limit": 200})))["data"],
        await inbound_events(client, integration),
    )


def tampered_greenhouse(secret: str) -> dict[str, tuple[bytes, dict[str, str]]]:
    body = greenhouse_body("new_candidate_application", application())
    signed = greenhouse_headers(secret, body)
    changed = body.replace(b"Hector", b"Hacker")
    return {
        "no signature": (body, {k: v for k, v in signed.items() if k != "Signature"}),
        "wrong secret": (body, greenhouse_headers("not-the-secret-at-all", body)),
        "body changed after signing": (changed, signed),
        "another algorithm": (
            body,
            {**signed, "Signature": signed["Signature"].replace("sha256", "sha1")},
        ),
        "signature without algorithm": (body, {**signed, "Signature": signed["Signature"][7:]}),
        "truncated signature": (body, {**signed, "Signature": signed["Signature"][:-2]}),
        "empty signature": (body, {**signed, "Signature": ""}),
        # Header bytes beyond ASCII (Starlette reads them as Latin-1).
        "non-ASCII signature": (
            body,
            {**signed, "Signature": "sha256 caf\u00e9".encode("latin-1")},
        ),
    }


@pytest.mark.parametrize("case", list(tampered_greenhouse("x")), ids=str)
async def test_a_badly_signed_greenhouse_delivery_is_401_and_writes_nothing(
    tenant: Tenant, client: httpx.AsyncClient, case: str
) -> None:
    greenhouse = await connect(client, "greenhouse")
    body, headers = tampered_greenhouse(greenhouse["secret"])[case]
    before = await snapshot(client, greenhouse)
    response = await post_inbound(tenant.app, greenhouse["inbound_url"], body, headers)
    assert_problem(response, 401, "invalid_signature")
    assert await snapshot(client, greenhouse) == before


def tampered_lever(secret: str) -> dict[str, bytes]:
    data = {"opportunityId": "opp-1", "toArchived": {"reason": "r-1"}}
    body = lever_body(secret, "candidateArchiveChange", data, token="tok-1", triggered_at=1000)
    return {
        "wrong secret": lever_body("not-the-secret-at-all", "candidateArchiveChange", data),
        "triggeredAt changed after signing": body.replace(
            b'"triggeredAt": 1000', b'"triggeredAt": 1001'
        ),
        "token changed after signing": body.replace(b"tok-1", b"tok-2"),
        "no signature": body.replace(b'"signature"', b'"signed"'),
        "non-ASCII signature": lever_body(secret, "candidateArchiveChange", data).replace(
            b'"signature": "', b'"signature": "\\u00e9'
        ),
        "not JSON": b"token=tok-1&triggeredAt=1000",
    }


@pytest.mark.parametrize("case", list(tampered_lever("x")), ids=str)
async def test_a_badly_signed_lever_delivery_is_401_and_writes_nothing(
    tenant: Tenant, client: httpx.AsyncClient, case: str
) -> None:
    lever = await connect(client, "lever", secret=LEVER_TOKEN)
    body = tampered_lever(LEVER_TOKEN)[case]
    before = await snapshot(client, lever)
    response = await post_inbound(tenant.app, lever["inbound_url"], body)
    assert_problem(response, 401, "invalid_signature")
    assert await snapshot(client, lever) == before


async def test_another_organizations_secret_does_not_open_this_url(
    tenant: Tenant, other_tenant: Tenant, client: httpx.AsyncClient
) -> None:
    ours = await connect(client, "greenhouse")
    async with other_tenant.client() as globex:
        theirs = await connect(globex, "greenhouse")
    body = greenhouse_body("new_candidate_application", application())
    before = await snapshot(client, ours)
    response = await post_inbound(
        tenant.app, ours["inbound_url"], body, greenhouse_headers(theirs["secret"], body)
    )
    assert_problem(response, 401, "invalid_signature")
    assert await snapshot(client, ours) == before


async def test_unknown_or_mismatched_urls_are_404_alike(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    body = greenhouse_body("ping", {"web_hook_id": 1})
    headers = greenhouse_headers(greenhouse["secret"], body)
    urls = [
        f"/v1/inbound/greenhouse/{uuid.uuid4()}",
        f"/v1/inbound/lever/{greenhouse['id']}",
        f"/v1/inbound/workday/{greenhouse['id']}",
    ]
    details = set()
    for url in urls:
        problem = assert_problem(
            await post_inbound(tenant.app, url, body, headers), 404, "not_found"
        )
        details.add(problem["detail"])
    assert len(details) == 1, details


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (b'{"action": "new_candidate_application", "payload": {', "body"),
        (b"[]", "body"),
        (greenhouse_body("new_candidate_application", {"application": {"id": 1}}), "application"),
        (
            greenhouse_body(
                "reject_candidate",
                {"application": {**application()["application"], "jobs": [{"id": 7}]}},
            ),
            "jobs",
        ),
    ],
    ids=["not JSON", "not an object", "no candidate", "a job without a name"],
)
async def test_a_signed_but_malformed_greenhouse_delivery_is_422_and_listed_as_rejected(
    tenant: Tenant, client: httpx.AsyncClient, body: bytes, where: str
) -> None:
    greenhouse = await connect(client, "greenhouse")
    before = await events(client)
    headers = greenhouse_headers(greenhouse["secret"], body, "evt-bad")
    response = await post_inbound(tenant.app, greenhouse["inbound_url"], body, headers)
    problem = assert_problem(response, 422, "invalid_payload")
    assert problem["errors"]
    assert await events(client) == before
    assert (await ok(await client.get("/v1/candidates")))["data"] == []
    [listed] = await inbound_events(client, greenhouse)
    assert (listed["event_id"], listed["outcome"]) == ("evt-bad", "rejected")
    assert listed["id"] == problem["inbound_event_id"]
    assert where in listed["detail"]
