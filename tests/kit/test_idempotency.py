"""`Idempotency-Key` on POST: replay, reuse, failures, per-organization keys, in flight (contract §6)."""

import asyncio
import json
from datetime import timedelta

from sqlalchemy import select, update
from starlette.datastructures import Headers

from app.kit.auth import hash_secret
from app.kit.idempotency import Claim, Idempotency, fingerprint
from app.models import ApiKey, IdempotencyRecord
from app.models.base import utcnow
from tests.story import assert_problem


def raw(body: dict) -> bytes:
    return json.dumps(body).encode()


async def post(client, path: str, body: dict, key: str | None, **headers: str):
    """POST exactly these bytes, so a test can compute the request's fingerprint."""
    headers = {"Content-Type": "application/json", **headers}
    if key is not None:
        headers["Idempotency-Key"] = key
    return await client.post(path, content=raw(body), headers=headers)


async def list_of(client, path: str) -> list[dict]:
    r = await client.get(path, params={"limit": 200})
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def events_of_type(client, type_: str) -> list[dict]:
    r = await client.get("/v1/events", params={"type": type_, "limit": 200})
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def test_retry_replays_the_first_response(client):
    body = {"title": "Platform engineer", "headcount": 2}
    first = await post(client, "/v1/requisitions", body, "create-req-1")
    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers

    second = await post(client, "/v1/requisitions", body, "create-req-1")
    assert second.status_code == 201
    assert second.content == first.content
    assert second.headers["location"] == first.headers["location"]
    assert second.headers["etag"] == first.headers["etag"]
    assert second.headers["content-type"] == first.headers["content-type"]
    assert second.headers["idempotent-replayed"] == "true"

    third = await post(client, "/v1/requisitions", body, "create-req-1")
    assert third.content == first.content
    assert third.headers["idempotent-replayed"] == "true"

    requisitions = await list_of(client, "/v1/requisitions")
    assert [r["id"] for r in requisitions] == [first.json()["id"]]
    events = await events_of_type(client, "requisition.created")
    assert [e["subject"]["id"] for e in events] == [first.json()["id"]]


async def test_a_replay_of_a_response_naming_an_erased_candidate_is_410_and_runs_nothing(client):
    body = {"name": "Juan Pérez", "email": "juan@example.com"}
    first = await post(client, "/v1/candidates", body, "create-juan")
    assert first.status_code == 201, first.text
    erased = await client.delete(f"/v1/candidates/{first.json()['id']}")
    assert erased.status_code == 200, erased.text

    replay = await post(client, "/v1/candidates", body, "create-juan")
    problem = assert_problem(replay, 410, "response_erased")
    # A problem like any other: it names this request (the fuzzer found it naming none).
    assert problem["request_id"] == replay.headers["x-request-id"]
    assert "Juan" not in replay.text and "juan@example.com" not in replay.text
    # Not run again: the one candidate is the erased one.
    assert [c["id"] for c in await list_of(client, "/v1/candidates")] == [first.json()["id"]]


async def test_a_retry_with_a_malformed_on_behalf_of_is_refused_not_replayed(client):
    body = {"title": "Platform engineer"}
    first = await post(client, "/v1/requisitions", body, "create-req-obo")
    assert first.status_code == 201, first.text
    # The route refuses a name over 200 characters, and a replay does not skip that check.
    retry = await post(
        client, "/v1/requisitions", body, "create-req-obo", **{"On-Behalf-Of": "x" * 201}
    )
    problem = assert_problem(retry, 422, "validation_failed")
    assert [e["loc"] for e in problem["errors"]] == [["header", "On-Behalf-Of"]]
    assert "idempotent-replayed" not in retry.headers
    again = await post(client, "/v1/requisitions", body, "create-req-obo")
    assert again.headers["idempotent-replayed"] == "true" and again.content == first.content


async def test_replay_is_the_response_as_first_sent_not_the_current_state(client):
    body = {"title": "Data engineer"}
    first = await post(client, "/v1/requisitions", body, "k-snapshot")
    location = first.headers["location"]
    r = await client.patch(location, json={"title": "Senior data engineer"})
    assert r.status_code == 200
    replay = await post(client, "/v1/requisitions", body, "k-snapshot")
    assert replay.status_code == 201
    assert replay.json() == first.json()
    assert len(await list_of(client, "/v1/requisitions")) == 1


async def test_retry_of_an_option_create_does_not_conflict_with_itself(client):
    requisition = (await client.post("/v1/requisitions", json={"title": "Role"})).json()
    candidate = (await client.post("/v1/candidates", json={"name": "Juan"})).json()
    path = f"/v1/requisitions/{requisition['id']}/options"
    body = {"candidate_id": candidate["id"], "rank": 1}
    first = await post(client, path, body, "add-juan")
    assert first.status_code == 201, first.text
    second = await post(client, path, body, "add-juan")
    assert second.status_code == 201, second.text
    assert second.content == first.content
    assert second.headers["idempotent-replayed"] == "true"
    assert len(await list_of(client, path)) == 1
    assert len(await events_of_type(client, "option.created")) == 1
    # Without the key, the duplicate is a real conflict.
    third = await post(client, path, body, None)
    assert_problem(third, 409, "option_exists")


async def test_same_key_with_a_different_body_is_422(client):
    first = await post(client, "/v1/requisitions", {"title": "A"}, "k-reuse")
    assert first.status_code == 201
    r = await post(client, "/v1/requisitions", {"title": "B"}, "k-reuse")
    assert_problem(r, 422, "idempotency_key_reused")
    assert "idempotent-replayed" not in r.headers
    assert [x["title"] for x in await list_of(client, "/v1/requisitions")] == ["A"]
    assert len(await events_of_type(client, "requisition.created")) == 1


async def test_same_key_on_another_endpoint_is_422(client):
    first = await post(client, "/v1/requisitions", {"name": "X", "title": "A"}, "k-path")
    assert first.status_code == 422  # unknown field; the key stays free
    first = await post(client, "/v1/candidates", {"name": "Ana"}, "k-path")
    assert first.status_code == 201
    r = await post(client, "/v1/requisitions", {"name": "Ana"}, "k-path")
    assert_problem(r, 422, "idempotency_key_reused")
    assert await list_of(client, "/v1/requisitions") == []


async def test_a_failed_request_does_not_burn_the_key(client):
    bad = await post(client, "/v1/requisitions", {"title": ""}, "k-fail")
    assert_problem(bad, 422, "validation_failed")
    assert "idempotent-replayed" not in bad.headers
    # The same bad request again is judged again, not replayed.
    again = await post(client, "/v1/requisitions", {"title": ""}, "k-fail")
    assert_problem(again, 422, "validation_failed")
    assert "idempotent-replayed" not in again.headers

    fixed = await post(client, "/v1/requisitions", {"title": "Fixed"}, "k-fail")
    assert fixed.status_code == 201, fixed.text
    assert "idempotent-replayed" not in fixed.headers
    replay = await post(client, "/v1/requisitions", {"title": "Fixed"}, "k-fail")
    assert replay.status_code == 201
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.content == fixed.content
    assert [x["title"] for x in await list_of(client, "/v1/requisitions")] == ["Fixed"]


async def test_a_conflict_does_not_burn_the_key(client):
    requisition = (await client.post("/v1/requisitions", json={"title": "Role"})).json()
    candidate = (await client.post("/v1/candidates", json={"name": "Juan"})).json()
    path = f"/v1/requisitions/{requisition['id']}/options"
    body = {"candidate_id": candidate["id"]}
    assert (await post(client, path, body, None)).status_code == 201
    conflict = await post(client, path, body, "k-conflict")
    assert_problem(conflict, 409, "option_exists")
    other = (await client.post("/v1/candidates", json={"name": "Ana"})).json()
    r = await post(client, path, {"candidate_id": other["id"]}, "k-conflict")
    assert r.status_code == 201, r.text


async def test_a_forbidden_request_does_not_burn_the_key(tenant):
    async with tenant.client("read") as reader:
        r = await post(reader, "/v1/requisitions", {"title": "Role"}, "k-scope")
    assert_problem(r, 403, "forbidden")
    async with tenant.client("read,write") as writer:
        r = await post(writer, "/v1/requisitions", {"title": "Role"}, "k-scope")
        assert r.status_code == 201, r.text
        assert "idempotent-replayed" not in r.headers


async def test_keys_are_per_organization(tenant, other_tenant):
    body = {"title": "Same title"}
    async with tenant.client() as acme, other_tenant.client() as globex:
        mine = await post(acme, "/v1/requisitions", body, "shared-key")
        theirs = await post(globex, "/v1/requisitions", body, "shared-key")
        assert mine.status_code == 201
        assert theirs.status_code == 201, theirs.text
        assert "idempotent-replayed" not in theirs.headers
        assert theirs.json()["id"] != mine.json()["id"]
        assert [r["id"] for r in await list_of(acme, "/v1/requisitions")] == [mine.json()["id"]]
        assert [r["id"] for r in await list_of(globex, "/v1/requisitions")] == [theirs.json()["id"]]
        # A different body under the same key in the other organization is no reuse either.
        other = await post(globex, "/v1/candidates", {"name": "Ana"}, "shared-key-2")
        assert other.status_code == 201
        mine2 = await post(acme, "/v1/requisitions", {"title": "Other"}, "shared-key-2")
        assert mine2.status_code == 201, mine2.text
        # Each organization still gets its own replay.
        replay = await post(globex, "/v1/requisitions", body, "shared-key")
        assert replay.headers["idempotent-replayed"] == "true"
        assert replay.json()["id"] == theirs.json()["id"]


async def test_a_stored_response_replays_only_to_the_key_that_made_it(tenant):
    body = {"title": "Role"}
    async with tenant.client("read,write") as one, tenant.client() as two:
        first = await post(one, "/v1/requisitions", body, "k-org")
        assert first.status_code == 201
        second = await post(two, "/v1/requisitions", body, "k-org")
        assert_problem(second, 422, "idempotency_key_reused")
        assert len(await list_of(two, "/v1/requisitions")) == 1


async def test_a_read_only_key_cannot_replay_an_admin_call(tenant):
    body = {"name": "ci", "scopes": ["read", "write", "admin"]}
    async with tenant.client() as admin, tenant.client("read") as reader:
        created = await post(admin, "/v1/api-keys", body, "k-keys")
        assert created.status_code == 201
        stolen = await post(reader, "/v1/api-keys", body, "k-keys")
        assert stolen.status_code in (403, 422), stolen.text
        assert created.json()["key"] not in stolen.text


async def test_a_new_key_secret_is_never_stored_nor_replayed(app, tenant, client):
    body = {"name": "ci", "scopes": ["read"]}
    created = await post(client, "/v1/api-keys", body, "k-secret")
    secret = created.json()["key"]
    assert secret.startswith("sl_")
    replay = await post(client, "/v1/api-keys", body, "k-secret")
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json()["id"] == created.json()["id"]
    assert replay.json()["key"] is None
    async with app.state.db.reader() as session:
        stored = (await session.scalars(select(IdempotencyRecord.response_body))).all()
    assert stored and all(secret.encode() not in body for body in stored)


async def _claim_in_flight(
    app, tenant, key: str, path: str, body: dict, *, age: timedelta = timedelta(0)
) -> None:
    """The claim a process leaves behind while it runs the request, made `age` ago."""
    async with app.state.db.writer() as session:
        api_key_id = await session.scalar(
            select(ApiKey.id).where(ApiKey.key_hash == hash_secret(tenant.keys["read,write,admin"]))
        )
        session.add(
            IdempotencyRecord(
                organization_id=tenant.organization_id,
                key=key,
                fingerprint=fingerprint(api_key_id, "POST", path, "", raw(body)),
                status_code=None,
                created_at=utcnow() - age,
            )
        )
        await session.commit()


async def test_in_flight_is_409(app, tenant, client):
    body = {"title": "Slow"}
    await _claim_in_flight(app, tenant, "k-busy", "/v1/requisitions", body)
    r = await post(client, "/v1/requisitions", body, "k-busy")
    assert_problem(r, 409, "idempotency_in_flight")
    assert "retry-after" in r.headers
    assert await list_of(client, "/v1/requisitions") == []
    assert await events_of_type(client, "requisition.created") == []


async def test_in_flight_key_of_one_organization_does_not_block_another(app, tenant, other_tenant):
    body = {"title": "Slow"}
    await _claim_in_flight(app, tenant, "k-busy", "/v1/requisitions", body)
    async with other_tenant.client() as globex:
        r = await post(globex, "/v1/requisitions", body, "k-busy")
    assert r.status_code == 201, r.text


async def test_a_claim_left_by_a_crashed_process_expires(app, tenant, client):
    # A process died mid-request: its claim has no response and nobody will complete it.
    body = {"title": "Crashed"}
    lease = app.state.settings.idempotency_lease
    await _claim_in_flight(app, tenant, "k-crash", "/v1/requisitions", body, age=lease * 2)

    retry = await post(client, "/v1/requisitions", body, "k-crash")

    assert retry.status_code == 201, retry.text
    again = await post(client, "/v1/requisitions", body, "k-crash")
    assert again.headers["idempotent-replayed"] == "true"
    assert again.content == retry.content
    assert len(await list_of(client, "/v1/requisitions")) == 1
    assert len(await events_of_type(client, "requisition.created")) == 1


async def test_a_claim_within_its_lease_is_still_in_flight(app, tenant, client):
    body = {"title": "Slow"}
    lease = app.state.settings.idempotency_lease
    await _claim_in_flight(app, tenant, "k-slow", "/v1/requisitions", body, age=lease / 2)
    assert_problem(
        await post(client, "/v1/requisitions", body, "k-slow"), 409, "idempotency_in_flight"
    )


async def test_a_request_that_outlived_its_lease_is_not_committed_twice(app, tenant, client):
    """Exactly once even if the first holder was only slow: once a retry has taken the key
    over, the first holder cannot store its response, so its transaction rolls back."""
    body = {"title": "Slow"}
    idempotency = Idempotency(app.state.db, app.state.settings)
    headers = Headers({"authorization": f"Bearer {tenant.keys['read,write,admin']}"})
    first = await idempotency.claim("k-late", headers, "POST", "/v1/requisitions", "", raw(body))
    assert isinstance(first, Claim)
    async with app.state.db.writer() as session:
        await session.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.key == "k-late")
            .values(created_at=utcnow() - app.state.settings.idempotency_lease * 2)
        )
        await session.commit()

    retry = await post(client, "/v1/requisitions", body, "k-late")
    assert retry.status_code == 201, retry.text

    async with app.state.db.writer() as session:
        assert not await idempotency.complete(session, first, 201, [], b"{}")
    await idempotency.release(first)  # what the first holder does when it fails
    replay = await post(client, "/v1/requisitions", body, "k-late")
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.content == retry.content


async def test_a_key_lives_at_least_24_hours(app, tenant, client):
    body = {"title": "Role"}
    first = await post(client, "/v1/requisitions", body, "k-old")
    assert first.status_code == 201
    async with app.state.db.writer() as session:
        await session.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.key == "k-old")
            .values(created_at=utcnow() - timedelta(hours=23, minutes=50))
        )
        await session.commit()
    replay = await post(client, "/v1/requisitions", body, "k-old")
    assert replay.status_code == 201
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.content == first.content
    assert len(await list_of(client, "/v1/requisitions")) == 1


async def test_concurrent_retries_create_one_resource(tenant):
    body = {"title": "Raced"}
    clients = [tenant.client() for _ in range(5)]
    try:
        responses = await asyncio.gather(
            *(post(c, "/v1/requisitions", body, "k-race") for c in clients)
        )
    finally:
        for c in clients:
            await c.aclose()
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {201, 409}, [r.text for r in responses]
    created = [r for r in responses if r.status_code == 201]
    assert created
    assert len({r.content for r in created}) == 1
    for r in responses:
        if r.status_code == 409:
            assert r.json()["code"] == "idempotency_in_flight"
    async with tenant.client() as c:
        assert len(await list_of(c, "/v1/requisitions")) == 1
        assert len(await events_of_type(c, "requisition.created")) == 1
        after = await post(c, "/v1/requisitions", body, "k-race")
    assert after.status_code == 201
    assert after.headers["idempotent-replayed"] == "true"
    assert after.content == created[0].content


async def test_unusable_key_is_422(client):
    r = await post(client, "/v1/requisitions", {"title": "Role"}, "k" * 256)
    assert_problem(r, 422, "invalid_idempotency_key")
    assert await list_of(client, "/v1/requisitions") == []


async def test_key_is_ignored_on_get(client):
    r = await client.get("/v1/requisitions", headers={"Idempotency-Key": "k-get"})
    assert r.status_code == 200
    assert "idempotent-replayed" not in r.headers
