"""Requisitions: create, list, get, patch, upsert by external ref, events, timeline (contract §2, §6, §7)."""

import uuid
from datetime import timedelta, timezone

import pytest

from tests.story import assert_problem, at, events

FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "version",
    "title",
    "team",
    "hiring_manager",
    "description",
    "headcount",
    "target_start_date",
    "status",
    "external_refs",
}

FULL = {
    "title": "Platform engineer",
    "team": "Infrastructure",
    "hiring_manager": "Dana Whitfield",
    "description": "Owns our build and deploy pipeline.",
    "headcount": 2,
    "target_start_date": "2027-01-11",
    "external_refs": [{"system": "greenhouse", "external_id": "4012"}],
}


async def new_requisition(client, **fields) -> dict:
    fields.setdefault("title", "Platform engineer")
    r = await client.post("/v1/requisitions", json=fields)
    assert r.status_code == 201, r.text
    return r.json()


async def listed(client, **params) -> list[dict]:
    r = await client.get("/v1/requisitions", params={"limit": 200, **params})
    assert r.status_code == 200, r.text
    return r.json()["data"]


# --- create / get / list -----------------------------------------------------------------------


async def test_create_with_every_field(client):
    r = await client.post("/v1/requisitions", json=FULL)
    assert r.status_code == 201, r.text
    body = r.json()
    assert r.headers["location"] == f"/v1/requisitions/{body['id']}"
    assert r.headers["content-type"] == "application/json"
    assert set(body) >= FIELDS
    uuid.UUID(body["id"])
    for field, value in FULL.items():
        assert body[field] == value, field
    assert body["status"] == "open"
    assert body["version"] == 1
    assert at(body["updated_at"]) >= at(body["created_at"])


async def test_create_with_defaults(client):
    body = await new_requisition(client, title="Designer")
    assert body["title"] == "Designer"
    assert body["headcount"] == 1
    assert body["status"] == "open"
    assert body["external_refs"] == []
    for field in ("team", "hiring_manager", "description", "target_start_date"):
        assert body[field] is None


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"title": ""},
        {"title": "x", "headcount": 0},
        {"title": "x", "status": "open"},
        {"title": "x", "version": 3},
        {"title": "x", "target_start_date": "11/01/2027"},
    ],
)
async def test_create_rejects_bad_bodies(client, body):
    r = await client.post("/v1/requisitions", json=body)
    assert_problem(r, 422, "validation_failed")
    assert r.json()["errors"]
    assert await listed(client) == []


async def test_get_returns_what_create_returned(client):
    created = await new_requisition(client, **FULL)
    r = await client.get(f"/v1/requisitions/{created['id']}")
    assert r.status_code == 200
    assert r.json() == created
    assert r.headers["etag"] == '"1"'


async def test_get_unknown_is_404(client):
    r = await client.get(f"/v1/requisitions/{uuid.uuid4()}")
    assert_problem(r, 404, "not_found")


async def test_list_oldest_first(client):
    a = await new_requisition(client, title="A")
    b = await new_requisition(client, title="B")
    c = await new_requisition(client, title="C")
    r = await client.get("/v1/requisitions")
    assert r.json()["next_cursor"] is None
    assert r.json()["data"] == [a, b, c]


async def test_list_filters_by_status(client):
    a = await new_requisition(client, title="A")
    b = await new_requisition(client, title="B")
    await client.patch(f"/v1/requisitions/{b['id']}", json={"status": "on_hold"})
    assert [x["id"] for x in await listed(client, status="open")] == [a["id"]]
    assert [x["id"] for x in await listed(client, status="on_hold")] == [b["id"]]
    assert await listed(client, status="closed") == []


# --- patch -------------------------------------------------------------------------------------


async def test_patch_changes_only_the_fields_sent(client):
    created = await new_requisition(client, **FULL)
    r = await client.patch(f"/v1/requisitions/{created['id']}", json={"team": "Platform"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["team"] == "Platform"
    assert body["version"] == created["version"] + 1
    assert r.headers["etag"] == f'"{body["version"]}"'
    assert body["created_at"] == created["created_at"]
    assert at(body["updated_at"]) > at(created["updated_at"])
    for field in FIELDS - {"team", "version", "updated_at"}:
        assert body[field] == created[field], field
    assert (await client.get(f"/v1/requisitions/{created['id']}")).json() == body


async def test_patch_null_clears_an_optional_field(client):
    created = await new_requisition(client, **FULL)
    r = await client.patch(
        f"/v1/requisitions/{created['id']}", json={"description": None, "target_start_date": None}
    )
    assert r.status_code == 200
    assert r.json()["description"] is None
    assert r.json()["target_start_date"] is None
    assert r.json()["version"] == 2


@pytest.mark.parametrize(
    "patch",
    [{}, {"title": "Platform engineer"}, {"headcount": 2, "team": "Infrastructure"}],
)
async def test_patch_without_a_real_change_keeps_the_version(client, patch):
    created = await new_requisition(client, **FULL)
    r = await client.patch(f"/v1/requisitions/{created['id']}", json=patch)
    assert r.status_code == 200, r.text
    assert r.json() == created
    assert r.headers["etag"] == '"1"'
    assert await events(client, type="requisition.updated") == []


async def test_patch_with_the_same_refs_in_another_order_keeps_the_version(client):
    refs = [{"system": "greenhouse", "external_id": "1"}, {"system": "lever", "external_id": "a"}]
    created = await new_requisition(client, title="Role", external_refs=refs)
    r = await client.patch(
        f"/v1/requisitions/{created['id']}", json={"external_refs": list(reversed(refs))}
    )
    assert r.json()["version"] == 1


async def test_patch_of_fields_and_refs_together_is_one_change(client):
    created = await new_requisition(client, title="Role")
    refs = [{"system": "lever", "external_id": "abc"}]
    r = await client.patch(
        f"/v1/requisitions/{created['id']}", json={"title": "Renamed", "external_refs": refs}
    )
    assert r.status_code == 200, r.text
    assert r.json()["title"] == "Renamed"
    assert r.json()["external_refs"] == refs
    assert r.json()["version"] == created["version"] + 1
    assert r.headers["etag"] == f'"{created["version"] + 1}"'
    updates = await events(client, type="requisition.updated")
    assert len(updates) == 1
    assert sorted(updates[0]["data"]["changed"]) == ["external_refs", "title"]


async def test_patch_refs_only_bumps_the_version(client):
    created = await new_requisition(client, title="Role")
    refs = [{"system": "lever", "external_id": "abc"}]
    r = await client.patch(f"/v1/requisitions/{created['id']}", json={"external_refs": refs})
    assert r.status_code == 200
    assert r.json()["external_refs"] == refs
    assert r.json()["version"] == 2
    assert at(r.json()["updated_at"]) > at(created["updated_at"])


@pytest.mark.parametrize("status", ["on_hold", "closed", "open"])
async def test_patch_status_people_may_set(client, status):
    created = await new_requisition(client)
    if status == "open":
        await client.patch(f"/v1/requisitions/{created['id']}", json={"status": "on_hold"})
    r = await client.patch(f"/v1/requisitions/{created['id']}", json={"status": status})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == status


async def test_patch_status_filled_is_422(client):
    created = await new_requisition(client)
    r = await client.patch(f"/v1/requisitions/{created['id']}", json={"status": "filled"})
    assert_problem(r, 422, "validation_failed")
    got = (await client.get(f"/v1/requisitions/{created['id']}")).json()
    assert got["status"] == "open"
    assert got["version"] == 1


@pytest.mark.parametrize(
    "patch",
    [
        {"title": None},
        {"headcount": None},
        {"headcount": 0},
        {"status": None},
        {"status": "archived"},
        {"id": str(uuid.uuid4())},
        {"created_at": "2020-01-01T00:00:00Z"},
        {"version": 9},
        {"colour": "blue"},
    ],
)
async def test_patch_rejects_bad_bodies(client, patch):
    created = await new_requisition(client)
    r = await client.patch(f"/v1/requisitions/{created['id']}", json=patch)
    assert_problem(r, 422, "validation_failed")
    assert (await client.get(f"/v1/requisitions/{created['id']}")).json() == created


async def test_patch_unknown_is_404(client):
    r = await client.patch(f"/v1/requisitions/{uuid.uuid4()}", json={"title": "X"})
    assert_problem(r, 404, "not_found")


# --- events ------------------------------------------------------------------------------------


async def test_create_and_update_write_events(tenant, client):
    created = await new_requisition(client)
    await client.patch(f"/v1/requisitions/{created['id']}", json={"team": "Infra", "headcount": 3})
    mine = [e for e in await events(client) if e["subject"]["id"] == created["id"]]
    assert [e["type"] for e in mine] == ["requisition.created", "requisition.updated"]
    for event in mine:
        assert event["subject"] == {"type": "requisition", "id": created["id"]}
        assert event["requisition_id"] == created["id"]
        assert event["actor"]["api_key_id"] is not None
        at(event["occurred_at"])
    assert sorted(mine[1]["data"]["changed"]) == ["headcount", "team"]


# --- external refs -----------------------------------------------------------------------------


async def test_upsert_by_external_ref_creates_then_replaces(client):
    url = "/v1/requisitions/by-external-ref/greenhouse/4012"
    first = await client.put(url, json={"title": "Backend", "team": "Payments", "headcount": 2})
    assert first.status_code == 201, first.text
    created = first.json()
    assert first.headers["location"] == f"/v1/requisitions/{created['id']}"
    assert created["external_refs"] == [{"system": "greenhouse", "external_id": "4012"}]
    assert created["team"] == "Payments"

    second = await client.put(url, json={"title": "Backend engineer"})
    assert second.status_code == 200, second.text
    replaced = second.json()
    assert replaced["id"] == created["id"]
    assert replaced["title"] == "Backend engineer"
    assert replaced["team"] is None  # replaced by the body, not merged
    assert replaced["headcount"] == 1
    assert replaced["external_refs"] == [{"system": "greenhouse", "external_id": "4012"}]
    assert replaced["version"] == 2
    assert replaced["created_at"] == created["created_at"]
    assert second.headers["etag"] == '"2"'

    same = await client.put(url, json={"title": "Backend engineer"})
    assert same.status_code == 200
    assert same.json()["version"] == 2

    assert [r["id"] for r in await listed(client)] == [created["id"]]
    types = [e["type"] for e in await events(client) if e["subject"]["id"] == created["id"]]
    assert types == ["requisition.created", "requisition.updated"]


async def test_list_filters_by_external_ref(client):
    gh = await new_requisition(
        client, title="GH", external_refs=[{"system": "greenhouse", "external_id": "1"}]
    )
    lever = await new_requisition(
        client, title="Lever", external_refs=[{"system": "lever", "external_id": "1"}]
    )
    await new_requisition(client, title="Plain")
    assert [r["id"] for r in await listed(client, external_system="greenhouse")] == [gh["id"]]
    assert [r["id"] for r in await listed(client, external_system="lever", external_id="1")] == [
        lever["id"]
    ]
    assert [r["id"] for r in await listed(client, external_id="1")] == [gh["id"], lever["id"]]
    assert await listed(client, external_system="greenhouse", external_id="2") == []


async def test_external_ref_taken_is_409(client):
    ref = {"system": "greenhouse", "external_id": "4012"}
    holder = await new_requisition(client, title="Holder", external_refs=[ref])
    other = await new_requisition(client, title="Other")

    r = await client.post("/v1/requisitions", json={"title": "Dup", "external_refs": [ref]})
    assert_problem(r, 409, "external_ref_taken")
    r = await client.patch(f"/v1/requisitions/{other['id']}", json={"external_refs": [ref]})
    assert_problem(r, 409, "external_ref_taken")
    r = await client.put(
        "/v1/requisitions/by-external-ref/lever/9", json={"title": "Dup", "external_refs": [ref]}
    )
    assert_problem(r, 409, "external_ref_taken")

    assert [x["id"] for x in await listed(client)] == [holder["id"], other["id"]]
    assert (await client.get(f"/v1/requisitions/{other['id']}")).json()["external_refs"] == []


async def test_updated_after_filter(client):
    a = await new_requisition(client, title="A")
    b = await new_requisition(client, title="B")
    c = await new_requisition(client, title="C")
    changed = (await client.patch(f"/v1/requisitions/{a['id']}", json={"team": "T"})).json()
    after_b = await listed(client, updated_after=b["updated_at"])
    assert [x["id"] for x in after_b] == [a["id"], c["id"]]
    assert await listed(client, updated_after=changed["updated_at"]) == []
    assert len(await listed(client, updated_after="2000-01-01T00:00:00+02:00")) == 3
    # The same instant written with another offset means the same thing.
    in_madrid = at(b["updated_at"]).astimezone(timezone(timedelta(hours=2))).isoformat()
    assert [x["id"] for x in await listed(client, updated_after=in_madrid)] == [a["id"], c["id"]]


# --- timeline ----------------------------------------------------------------------------------


async def test_timeline_shows_the_requisition_and_its_options_oldest_first(client):
    requisition = await new_requisition(client, title="Role")
    other = await new_requisition(client, title="Other role")
    candidate = (await client.post("/v1/candidates", json={"name": "Juan"})).json()
    option = (
        await client.post(
            f"/v1/requisitions/{requisition['id']}/options", json={"candidate_id": candidate["id"]}
        )
    ).json()
    await client.post(
        f"/v1/requisitions/{other['id']}/options", json={"candidate_id": candidate["id"]}
    )
    await client.patch(f"/v1/options/{option['id']}", json={"rank": 1})
    await client.patch(f"/v1/candidates/{candidate['id']}", json={"headline": "Engineer"})
    await client.patch(f"/v1/requisitions/{requisition['id']}", json={"headcount": 2})
    await client.patch(f"/v1/requisitions/{other['id']}", json={"headcount": 2})

    r = await client.get(f"/v1/requisitions/{requisition['id']}/timeline")
    assert r.status_code == 200, r.text
    timeline = r.json()["data"]
    assert [(e["type"], e["subject"]["id"]) for e in timeline] == [
        ("requisition.created", requisition["id"]),
        ("option.created", option["id"]),
        ("option.updated", option["id"]),
        ("requisition.updated", requisition["id"]),
    ]
    assert all(e["requisition_id"] == requisition["id"] for e in timeline)
    occurred = [at(e["occurred_at"]) for e in timeline]
    assert occurred == sorted(occurred)
    assert timeline[1]["data"]["candidate_id"] == candidate["id"]


async def test_timeline_pages(client):
    requisition = await new_requisition(client, title="Role")
    for n in range(2, 6):
        await client.patch(f"/v1/requisitions/{requisition['id']}", json={"headcount": n})
    url = f"/v1/requisitions/{requisition['id']}/timeline"
    first = (await client.get(url, params={"limit": 3})).json()
    assert len(first["data"]) == 3
    rest = (await client.get(url, params={"limit": 3, "cursor": first["next_cursor"]})).json()
    assert rest["next_cursor"] is None
    types = [e["type"] for e in first["data"] + rest["data"]]
    assert types == ["requisition.created"] + ["requisition.updated"] * 4


async def test_timeline_of_unknown_requisition_is_404(client):
    r = await client.get(f"/v1/requisitions/{uuid.uuid4()}/timeline")
    assert_problem(r, 404, "not_found")
