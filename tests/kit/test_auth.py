"""API-key authentication, scopes, `On-Behalf-Of` and `last_used_at` (contract §6)."""

import uuid
from datetime import datetime

import httpx
import pytest
from conftest import make_client
from sqlalchemy import update

from app.models import ApiKey
from tests import story
from tests.live import serving

PROBLEM_JSON = "application/problem+json"


def assert_unauthorized(response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.headers["www-authenticate"] == "Bearer"
    body = response.json()
    assert body["status"] == 401
    assert body["code"] == "unauthorized"
    assert body["title"] and body["detail"] and body["type"]


def assert_forbidden(response) -> None:
    assert response.status_code == 403, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert body["status"] == 403
    assert body["code"] == "forbidden"


async def key_id_of(tenant, secret: str) -> str:
    """The id of one of the tenant's keys, found by its visible prefix."""
    async with tenant.client() as admin:
        keys = (await admin.get("/v1/api-keys", params={"limit": 200})).json()["data"]
    [key] = [k for k in keys if secret.startswith(k["prefix"]) and k["revoked_at"] is None]
    return key["id"]


async def create_key(client, scopes: list[str], name: str = "integration") -> dict:
    r = await client.post("/v1/api-keys", json={"name": name, "scopes": scopes})
    assert r.status_code == 201, r.text
    return r.json()


async def events_of_type(client, type_: str) -> list[dict]:
    r = await client.get("/v1/events", params={"type": type_, "limit": 200})
    assert r.status_code == 200, r.text
    return r.json()["data"]


# --- 401 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/v1/requisitions", "/v1/candidates", "/v1/events"])
async def test_missing_key_is_401_with_bearer_challenge(app, path):
    async with make_client(app, None) as anonymous:
        assert_unauthorized(await anonymous.get(path))


async def test_missing_key_on_a_change_is_401_and_changes_nothing(app, client):
    async with make_client(app, None) as anonymous:
        assert_unauthorized(await anonymous.post("/v1/requisitions", json={"title": "Sneaky"}))
        # An Idempotency-Key does not get an unauthenticated request any further.
        assert_unauthorized(
            await anonymous.post(
                "/v1/requisitions", json={"title": "Sneaky"}, headers={"Idempotency-Key": "k-1"}
            )
        )
    assert (await client.get("/v1/requisitions")).json()["data"] == []


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer sl_this-is-not-a-key",
        "Bearer garbage",
        "Bearer " + "x" * 500,
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "sl_without_scheme",
    ],
)
async def test_garbage_key_is_401(app, authorization):
    async with make_client(app, None, Authorization=authorization) as stranger:
        assert_unauthorized(await stranger.get("/v1/requisitions"))


async def test_garbage_key_on_a_post_is_401(app):
    async with make_client(app, "sl_not-a-real-key") as stranger:
        assert_unauthorized(await stranger.post("/v1/requisitions", json={"title": "X"}))
        assert_unauthorized(
            await stranger.post(
                "/v1/requisitions", json={"title": "X"}, headers={"Idempotency-Key": "k"}
            )
        )


async def test_revoked_key_is_401(app, tenant, client):
    created = await create_key(client, ["read", "write"])
    async with make_client(app, created["key"]) as holder:
        assert (await holder.get("/v1/requisitions")).status_code == 200
        r = await client.delete(f"/v1/api-keys/{created['id']}")
        assert r.status_code == 200, r.text
        assert_unauthorized(await holder.get("/v1/requisitions"))
        assert_unauthorized(await holder.post("/v1/requisitions", json={"title": "After"}))
    assert (await client.get("/v1/requisitions")).json()["data"] == []


async def test_the_bearer_scheme_is_case_insensitive(app, tenant):
    async with make_client(app, None, Authorization=f"bearer {tenant.keys['read']}") as c:
        assert (await c.get("/v1/requisitions")).status_code == 200


async def test_the_key_of_a_fixture_tenant_works(tenant):
    async with tenant.client() as c:
        r = await c.get("/v1/requisitions")
    assert r.status_code == 200
    assert r.json() == {"data": [], "next_cursor": None}


# --- 403: scopes -------------------------------------------------------------------------------


async def test_read_key_cannot_change_anything(tenant, client):
    requisition = (await client.post("/v1/requisitions", json={"title": "Role"})).json()
    candidate = (await client.post("/v1/candidates", json={"name": "Ana"})).json()
    async with tenant.client("read") as reader:
        assert (await reader.get("/v1/requisitions")).status_code == 200
        assert (await reader.get(f"/v1/candidates/{candidate['id']}")).status_code == 200
        assert_forbidden(await reader.post("/v1/requisitions", json={"title": "Nope"}))
        assert_forbidden(await reader.post("/v1/candidates", json={"name": "Nope"}))
        assert_forbidden(
            await reader.patch(f"/v1/requisitions/{requisition['id']}", json={"title": "Nope"})
        )
        assert_forbidden(await reader.delete(f"/v1/candidates/{candidate['id']}"))
        assert_forbidden(
            await reader.post(
                f"/v1/requisitions/{requisition['id']}/options",
                json={"candidate_id": candidate["id"]},
            )
        )
        assert_forbidden(
            await reader.put("/v1/candidates/by-external-ref/greenhouse/1", json={"name": "N"})
        )
    titles = [r["title"] for r in (await client.get("/v1/requisitions")).json()["data"]]
    assert titles == ["Role"]
    after = (await client.get(f"/v1/candidates/{candidate['id']}")).json()
    assert after["name"] == "Ana"
    assert after["erased_at"] is None


async def test_forbidden_names_the_missing_scope(tenant):
    async with tenant.client("read") as reader:
        r = await reader.post("/v1/requisitions", json={"title": "Nope"})
    assert_forbidden(r)
    assert "write" in r.json()["detail"]


async def test_write_only_key_cannot_read(tenant):
    async with tenant.client("write") as writer:
        r = await writer.post("/v1/requisitions", json={"title": "Blind write"})
        assert r.status_code == 201, r.text
        assert_forbidden(await writer.get("/v1/requisitions"))
        assert_forbidden(await writer.get(r.headers["location"]))
        assert_forbidden(await writer.get("/v1/events"))


async def test_only_admin_keys_manage_api_keys(tenant):
    for scopes in ("read", "write", "read,write"):
        async with tenant.client(scopes) as c:
            assert_forbidden(await c.get("/v1/api-keys"))
            assert_forbidden(await c.post("/v1/api-keys", json={"name": "mine"}))


async def test_read_write_key_does_both(tenant):
    async with tenant.client("read,write") as c:
        r = await c.post("/v1/requisitions", json={"title": "Both"})
        assert r.status_code == 201
        assert (await c.get(r.headers["location"])).status_code == 200


# --- On-Behalf-Of ------------------------------------------------------------------------------


async def test_on_behalf_of_is_recorded_on_the_event(tenant):
    async with tenant.client("read,write", **{"On-Behalf-Of": "dana@example.com"}) as c:
        r = await c.post("/v1/requisitions", json={"title": "Platform engineer"})
        assert r.status_code == 201, r.text
        requisition_id = r.json()["id"]
        [event] = await events_of_type(c, "requisition.created")
    assert event["subject"] == {"type": "requisition", "id": requisition_id}
    assert event["actor"] == {
        "api_key_id": await key_id_of(tenant, tenant.keys["read,write"]),
        "on_behalf_of": "dana@example.com",
    }


async def test_without_on_behalf_of_the_actor_is_just_the_key(tenant, client):
    r = await client.post("/v1/candidates", json={"name": "Juan"})
    assert r.status_code == 201
    [event] = await events_of_type(client, "candidate.created")
    assert event["actor"] == {
        "api_key_id": await key_id_of(tenant, tenant.keys["read,write,admin"]),
        "on_behalf_of": None,
    }


async def test_on_behalf_of_is_recorded_with_an_idempotency_key_too(tenant):
    headers = {"On-Behalf-Of": "sam@example.com", "Idempotency-Key": "obo-1"}
    async with tenant.client("read,write") as c:
        r = await c.post("/v1/requisitions", json={"title": "Role"}, headers=headers)
        assert r.status_code == 201, r.text
        [event] = await events_of_type(c, "requisition.created")
    assert event["actor"]["on_behalf_of"] == "sam@example.com"


async def test_on_behalf_of_of_200_chars_is_accepted(tenant):
    who = "u" * 200
    async with tenant.client("read,write", **{"On-Behalf-Of": who}) as c:
        r = await c.post("/v1/requisitions", json={"title": "Role"})
        assert r.status_code == 201, r.text
        [event] = await events_of_type(c, "requisition.created")
    assert event["actor"]["on_behalf_of"] == who


async def test_on_behalf_of_over_200_chars_is_422(tenant, client):
    async with tenant.client("read,write", **{"On-Behalf-Of": "u" * 201}) as c:
        r = await c.post("/v1/requisitions", json={"title": "Role"})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith(PROBLEM_JSON)
    assert r.json()["code"] == "validation_failed"
    assert r.json()["errors"]
    assert (await client.get("/v1/requisitions")).json()["data"] == []
    assert await events_of_type(client, "requisition.created") == []


@pytest.mark.parametrize("who", ["José Núñez", "Zoë 王芳", "ü" * 200])
async def test_non_ascii_on_behalf_of_is_recorded_as_sent(tenant, who):
    # HTTP carries header bytes; clients send names as UTF-8.
    headers = {"On-Behalf-Of": who.encode()}
    async with tenant.client("read,write") as c:
        r = await c.post("/v1/requisitions", json={"title": "Role"}, headers=headers)
        assert r.status_code == 201, r.text
        [event] = await events_of_type(c, "requisition.created")
    assert event["actor"]["on_behalf_of"] == who


async def test_on_behalf_of_that_is_not_utf8_is_422(tenant, client):
    headers = {"On-Behalf-Of": "Jos\xe9".encode("latin-1")}
    async with tenant.client("read,write") as c:
        r = await c.post("/v1/requisitions", json={"title": "Role"}, headers=headers)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "validation_failed"
    assert r.json()["errors"][0]["loc"] == ["header", "On-Behalf-Of"]
    assert (await client.get("/v1/requisitions")).json()["data"] == []


# --- last_used_at ------------------------------------------------------------------------------


async def test_last_used_at_is_set_after_use(app, client):
    created = await create_key(client, ["read"])
    assert created["last_used_at"] is None
    async with make_client(app, created["key"]) as holder:
        assert (await holder.get("/v1/requisitions")).status_code == 200
    r = await client.get(f"/v1/api-keys/{created['id']}")
    assert r.status_code == 200
    key = r.json()
    assert key["last_used_at"] is not None
    last_used = datetime.fromisoformat(key["last_used_at"])
    assert last_used.utcoffset().total_seconds() == 0
    assert last_used >= datetime.fromisoformat(created["created_at"])
    # Using a key is not a change of the key: its ETag stays valid for a revoke.
    assert key["version"] == created["version"]
    assert r.headers["etag"] == f'"{created["version"]}"'


async def test_last_used_at_stays_null_for_an_unused_key(client):
    created = await create_key(client, ["read"])
    key = (await client.get(f"/v1/api-keys/{created['id']}")).json()
    assert key["last_used_at"] is None


async def test_a_read_answers_while_another_transaction_holds_the_key(app, settings, client):
    """Reads never write on the request path: recording a key's use must not make a GET wait
    for, or fail on, a writer (on SQLite any writer; on PostgreSQL one holding the key row)."""
    created = await create_key(client, ["read"])
    writer = app.state.db.engine.execution_options(sqlite_immediate=True)
    with serving(settings) as url:
        async with writer.begin() as busy:
            await busy.execute(
                update(ApiKey).where(ApiKey.id == uuid.UUID(created["id"])).values(name=ApiKey.name)
            )
            async with httpx.AsyncClient(base_url=url, timeout=8) as holder:
                headers = {"Authorization": f"Bearer {created['key']}"}
                r = await holder.get("/v1/requisitions", headers=headers)
            assert r.status_code == 200, r.text
        # Released: the server records the use after the response, before it stops.
    key = (await client.get(f"/v1/api-keys/{created['id']}")).json()
    assert key["last_used_at"] is not None


def test_every_route_authenticates_before_it_loads_what_it_owns():
    """`owned` dependencies read the actor that the route's scope dependency authenticated:
    that dependency must come first, or the route would run without one."""
    from fastapi.routing import APIRoute

    from app.main import create_app

    def calls(dependant) -> list:
        return [call for sub in dependant.dependencies for call in (sub.call, *calls(sub))]

    app = create_app()
    routes = [r for r in app.router.routes if isinstance(r, APIRoute)]
    owning = 0
    for route in routes:
        authenticated = False
        for dependency in route.dependant.dependencies:
            names = [getattr(c, "__qualname__", "") for c in [dependency.call, *calls(dependency)]]
            if any(name.startswith("owned.") for name in names):
                owning += 1
                assert authenticated, f"{route.methods} {route.path} loads before authenticating"
            authenticated = authenticated or any(name.startswith("_requires.") for name in names)
    assert owning > 40


# --- a GET of one option reads its key in the same statement -----------------------------------


async def test_a_get_of_one_option_refuses_as_every_route_does(app, tenant, other_tenant, client):
    """`GET /v1/options/{id}` reads the API key and the option in one statement (`with_key`):
    401, 403 and 404 are still told apart, and no key reads another organization's option."""
    role = await story.requisition(client)
    chosen = await story.option(client, role["id"], "Ada")
    path = f"/v1/options/{chosen['id']}"
    listed = (await client.get(f"/v1/requisitions/{role['id']}/options")).json()["data"]
    assert (await client.get(path)).json() == listed[0]
    async with tenant.client("read") as reader:
        assert (await reader.get(path)).status_code == 200
    async with tenant.client("write") as writer:
        assert_forbidden(await writer.get(path))
    story.assert_problem(await client.get(f"/v1/options/{uuid.uuid4()}"), 404, "not_found")
    async with other_tenant.client("read") as stranger:
        story.assert_problem(await stranger.get(path), 404, "not_found")
    async with make_client(app, "sl_" + "x" * 43) as unknown:
        assert_unauthorized(await unknown.get(path))
    created = await create_key(client, ["read"])
    async with make_client(app, created["key"]) as holder:
        assert (await holder.get(path)).status_code == 200
        await client.delete(f"/v1/api-keys/{created['id']}")
        assert_unauthorized(await holder.get(path))
