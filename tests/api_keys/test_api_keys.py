"""API keys: create (secret shown once), list, get, revoke (contract §2, §6)."""

import uuid
from datetime import datetime

from conftest import make_client

KEY_FIELDS = {
    "id",
    "name",
    "scopes",
    "prefix",
    "created_at",
    "updated_at",
    "version",
    "last_used_at",
    "revoked_at",
}


async def create_key(client, **body) -> tuple[dict, object]:
    body.setdefault("name", "Greenhouse sync")
    r = await client.post("/v1/api-keys", json=body)
    assert r.status_code == 201, r.text
    return r.json(), r


async def all_keys(client) -> list[dict]:
    r = await client.get("/v1/api-keys", params={"limit": 200})
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def events_about(client, subject_id: str) -> list[dict]:
    r = await client.get("/v1/events", params={"limit": 200})
    assert r.status_code == 200, r.text
    return [e for e in r.json()["data"] if e["subject"]["id"] == subject_id]


async def test_create_shows_the_secret_once(client):
    created, r = await create_key(client, name="Greenhouse sync", scopes=["read", "write"])
    assert r.headers["location"] == f"/v1/api-keys/{created['id']}"
    assert r.headers["etag"] == '"1"'
    assert KEY_FIELDS | {"key"} <= set(created)
    uuid.UUID(created["id"])
    assert created["name"] == "Greenhouse sync"
    assert created["scopes"] == ["read", "write"]
    assert created["version"] == 1
    assert created["last_used_at"] is None
    assert created["revoked_at"] is None
    assert datetime.fromisoformat(created["created_at"]).utcoffset().total_seconds() == 0

    secret = created["key"]
    assert secret.startswith("sl_")
    assert len(secret) >= 32
    assert created["prefix"].startswith("sl_")
    assert secret.startswith(created["prefix"])
    assert len(created["prefix"]) < len(secret)


async def test_secret_is_never_shown_again(client):
    created, r = await create_key(client, scopes=["read"])
    secret = created["key"]

    got = await client.get(r.headers["location"])
    assert got.status_code == 200
    assert "key" not in got.json()
    assert secret not in got.text
    assert got.json() == {k: v for k, v in created.items() if k != "key"}

    listed = await client.get("/v1/api-keys", params={"limit": 200})
    assert secret not in listed.text
    assert all("key" not in k and "key_hash" not in k for k in listed.json()["data"])

    events = await client.get("/v1/events", params={"limit": 200})
    assert secret not in events.text


async def test_each_key_is_different(client):
    first, _ = await create_key(client, name="one")
    second, _ = await create_key(client, name="two")
    assert first["key"] != second["key"]
    assert first["id"] != second["id"]


async def test_default_scopes_are_read_and_write(app, client):
    created, _ = await create_key(client)
    assert created["scopes"] == ["read", "write"]
    async with make_client(app, created["key"]) as holder:
        assert (await holder.post("/v1/requisitions", json={"title": "Role"})).status_code == 201
        assert (await holder.get("/v1/requisitions")).status_code == 200
        assert (await holder.get("/v1/api-keys")).status_code == 403


async def test_new_key_works_with_its_scopes_only(app, client):
    created, _ = await create_key(client, scopes=["read"])
    async with make_client(app, created["key"]) as holder:
        assert (await holder.get("/v1/requisitions")).status_code == 200
        r = await holder.post("/v1/requisitions", json={"title": "Role"})
        assert r.status_code == 403
        assert r.json()["code"] == "forbidden"


async def test_new_admin_key_can_manage_keys(app, client):
    created, _ = await create_key(client, scopes=["admin"])
    async with make_client(app, created["key"]) as holder:
        assert (await holder.get("/v1/api-keys")).status_code == 200
        assert (await holder.get("/v1/requisitions")).status_code == 403


async def test_list_holds_the_organizations_keys_oldest_first(tenant, client):
    before = await all_keys(client)
    assert len(before) == len(tenant.keys)
    created, _ = await create_key(client, name="new one", scopes=["read"])
    after = await all_keys(client)
    assert [k["id"] for k in after] == [k["id"] for k in before] + [created["id"]]
    assert after[-1] == {k: v for k, v in created.items() if k != "key"}
    assert all(set(k) >= KEY_FIELDS for k in after)
    # Every fixture key is listed, told apart by its prefix.
    for secret in tenant.keys.values():
        assert sum(secret.startswith(k["prefix"]) for k in after) == 1


async def test_list_pages_through_every_key(tenant, client):
    for i in range(3):
        await create_key(client, name=f"extra {i}")
    everything = await all_keys(client)
    assert len(everything) == len(tenant.keys) + 3
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        r = await client.get("/v1/api-keys", params=params)
        assert r.status_code == 200, r.text
        seen += r.json()["data"]
        cursor = r.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == everything


async def test_get_unknown_key_is_404(client):
    r = await client.get(f"/v1/api-keys/{uuid.uuid4()}")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "not_found"


async def test_delete_revokes_at_once(app, client):
    created, _ = await create_key(client, scopes=["read", "write"])
    async with make_client(app, created["key"]) as holder:
        assert (await holder.get("/v1/requisitions")).status_code == 200

        r = await client.delete(f"/v1/api-keys/{created['id']}")
        assert r.status_code == 200, r.text
        revoked = r.json()
        assert revoked["id"] == created["id"]
        assert revoked["revoked_at"] is not None
        assert datetime.fromisoformat(revoked["revoked_at"]) >= datetime.fromisoformat(
            created["created_at"]
        )
        assert revoked["version"] == created["version"] + 1
        assert r.headers["etag"] == f'"{revoked["version"]}"'
        assert "key" not in revoked

        r = await holder.get("/v1/requisitions")
        assert r.status_code == 401
        assert r.headers["www-authenticate"] == "Bearer"

    # The record stays, with revoked_at set, in GET and in the list.
    got = (await client.get(f"/v1/api-keys/{created['id']}")).json()
    assert got["revoked_at"] == revoked["revoked_at"]
    listed = {k["id"]: k for k in await all_keys(client)}
    assert listed[created["id"]]["revoked_at"] == revoked["revoked_at"]


async def test_revoking_twice_changes_nothing(client):
    created, _ = await create_key(client)
    first = (await client.delete(f"/v1/api-keys/{created['id']}")).json()
    r = await client.delete(f"/v1/api-keys/{created['id']}")
    assert r.status_code == 200
    assert r.json() == first
    assert [e["type"] for e in await events_about(client, created["id"])] == [
        "api_key.created",
        "api_key.revoked",
    ]


async def test_revoke_with_stale_if_match_is_412(app, client):
    created, _ = await create_key(client)
    r = await client.delete(f"/v1/api-keys/{created['id']}", headers={"If-Match": '"7"'})
    assert r.status_code == 412
    assert r.json()["code"] == "precondition_failed"
    async with make_client(app, created["key"]) as holder:
        assert (await holder.get("/v1/requisitions")).status_code == 200
    r = await client.delete(f"/v1/api-keys/{created['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200
    assert r.json()["revoked_at"] is not None


async def test_revoke_unknown_key_is_404(client):
    r = await client.delete(f"/v1/api-keys/{uuid.uuid4()}")
    assert r.status_code == 404
    assert r.json()["code"] == "not_found"


async def test_revoking_the_key_in_use_locks_it_out(tenant):
    admin_secret = tenant.keys["read,write,admin"]
    async with tenant.client() as admin:
        keys = await all_keys(admin)
        [mine] = [k for k in keys if admin_secret.startswith(k["prefix"])]
        assert (await admin.delete(f"/v1/api-keys/{mine['id']}")).status_code == 200
        assert (await admin.get("/v1/api-keys")).status_code == 401


async def test_create_and_revoke_write_events(tenant, client):
    created, _ = await create_key(client, name="ATS", scopes=["read"])
    await client.delete(f"/v1/api-keys/{created['id']}")
    events = await events_about(client, created["id"])
    assert [e["type"] for e in events] == ["api_key.created", "api_key.revoked"]
    admin_secret = tenant.keys["read,write,admin"]
    [admin_key] = [k for k in await all_keys(client) if admin_secret.startswith(k["prefix"])]
    for event in events:
        assert event["subject"] == {"type": "api_key", "id": created["id"]}
        assert event["actor"]["api_key_id"] == admin_key["id"]
        assert event["requisition_id"] is None
    assert events[0]["data"].get("scopes", ["read"]) == ["read"]
    r = await client.get("/v1/events", params={"type": "api_key.revoked"})
    assert [e["subject"]["id"] for e in r.json()["data"]] == [created["id"]]


async def test_non_admin_cannot_revoke(tenant, client):
    created, _ = await create_key(client)
    async with tenant.client("read,write") as c:
        r = await c.delete(f"/v1/api-keys/{created['id']}")
    assert r.status_code == 403
    got = (await client.get(f"/v1/api-keys/{created['id']}")).json()
    assert got["revoked_at"] is None


async def test_create_rejects_unknown_scope_and_fields(client):
    r = await client.post("/v1/api-keys", json={"name": "x", "scopes": ["superuser"]})
    assert r.status_code == 422
    assert r.json()["code"] == "validation_failed"
    r = await client.post("/v1/api-keys", json={"name": "x", "key": "sl_chosen_by_me"})
    assert r.status_code == 422
    r = await client.post("/v1/api-keys", json={"name": "x", "scopes": []})
    assert r.status_code == 422
    assert len(await all_keys(client)) == 4
