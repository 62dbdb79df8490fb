"""Options: a candidate in play for a requisition (contract §2, §3 `allowed_actions`, §6)."""

import uuid

import pytest

from tests.story import assert_problem, at, events

FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "version",
    "requisition_id",
    "candidate_id",
    "candidate",
    "status",
    "rank",
    "fit_summary",
    "at_risk",
    "allowed_actions",
    "status_reason",
    "status_changed_at",
    "external_refs",
}
CONSIDERING_ACTIONS = ["select", "keep-warm", "hold", "decline", "withdraw"]


async def new_requisition(client, title: str = "Platform engineer") -> dict:
    r = await client.post("/v1/requisitions", json={"title": title})
    assert r.status_code == 201, r.text
    return r.json()


async def new_candidate(client, name: str = "Juan Pérez", kind: str = "person") -> dict:
    r = await client.post("/v1/candidates", json={"name": name, "kind": kind})
    assert r.status_code == 201, r.text
    return r.json()


async def new_option(client, requisition: dict, candidate: dict, **fields) -> dict:
    r = await client.post(
        f"/v1/requisitions/{requisition['id']}/options",
        json={"candidate_id": candidate["id"], **fields},
    )
    assert r.status_code == 201, r.text
    return r.json()


async def options_of(client, requisition: dict, **params) -> list[dict]:
    r = await client.get(
        f"/v1/requisitions/{requisition['id']}/options", params={"limit": 200, **params}
    )
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def test_create(client):
    requisition = await new_requisition(client)
    candidate = await new_candidate(client)
    r = await client.post(
        f"/v1/requisitions/{requisition['id']}/options",
        json={"candidate_id": candidate["id"], "rank": 2, "fit_summary": "Strong on payments."},
    )
    assert r.status_code == 201, r.text
    option = r.json()
    assert r.headers["location"] == f"/v1/options/{option['id']}"
    assert r.headers["etag"] == '"1"'
    assert set(option) >= FIELDS
    uuid.UUID(option["id"])
    assert option["requisition_id"] == requisition["id"]
    assert option["candidate_id"] == candidate["id"]
    assert option["candidate"] == {"id": candidate["id"], "kind": "person", "name": "Juan Pérez"}
    assert option["status"] == "considering"
    assert option["rank"] == 2
    assert option["fit_summary"] == "Strong on payments."
    assert option["at_risk"] is False
    assert option["allowed_actions"] == CONSIDERING_ACTIONS
    assert option["status_reason"] is None
    assert option["external_refs"] == []
    assert option["version"] == 1
    at(option["status_changed_at"])
    assert at(option["updated_at"]) >= at(option["created_at"])

    got = await client.get(r.headers["location"])
    assert got.status_code == 200
    assert got.json() == option


async def test_create_with_defaults(client):
    option = await new_option(client, await new_requisition(client), await new_candidate(client))
    assert option["rank"] is None
    assert option["fit_summary"] is None
    assert option["status"] == "considering"


async def test_embedded_candidate_of_an_agency(client):
    agency = await new_candidate(client, name="Acme Staffing", kind="agency")
    option = await new_option(client, await new_requisition(client), agency)
    assert option["candidate"] == {"id": agency["id"], "kind": "agency", "name": "Acme Staffing"}


async def test_embedded_candidate_follows_a_rename(client):
    candidate = await new_candidate(client, name="Juan")
    option = await new_option(client, await new_requisition(client), candidate)
    await client.patch(f"/v1/candidates/{candidate['id']}", json={"name": "Juan Pérez"})
    got = (await client.get(f"/v1/options/{option['id']}")).json()
    assert got["candidate"]["name"] == "Juan Pérez"


async def test_duplicate_candidate_is_409(client):
    requisition = await new_requisition(client)
    candidate = await new_candidate(client)
    first = await new_option(client, requisition, candidate, rank=1)
    r = await client.post(
        f"/v1/requisitions/{requisition['id']}/options",
        json={"candidate_id": candidate["id"], "rank": 2},
    )
    assert_problem(r, 409, "option_exists")
    assert [o["id"] for o in await options_of(client, requisition)] == [first["id"]]
    # The same candidate may be an option on another requisition.
    other = await new_option(client, await new_requisition(client, "Other"), candidate)
    assert other["id"] != first["id"]


async def test_erased_candidate_cannot_become_an_option(client):
    candidate = await new_candidate(client)
    await client.delete(f"/v1/candidates/{candidate['id']}")
    requisition = await new_requisition(client)
    r = await client.post(
        f"/v1/requisitions/{requisition['id']}/options", json={"candidate_id": candidate["id"]}
    )
    assert_problem(r, 409, "candidate_erased")
    assert await options_of(client, requisition) == []


async def test_an_empty_requisition_lists_no_options_and_an_unknown_one_is_404(client):
    requisition = await new_requisition(client)
    r = await client.get(f"/v1/requisitions/{requisition['id']}/options")
    assert r.status_code == 200, r.text
    assert r.json()["data"] == []
    assert_problem(await client.get(f"/v1/requisitions/{uuid.uuid4()}/options"), 404, "not_found")


async def test_create_on_unknown_requisition_is_404(client):
    candidate = await new_candidate(client)
    r = await client.post(
        f"/v1/requisitions/{uuid.uuid4()}/options", json={"candidate_id": candidate["id"]}
    )
    assert_problem(r, 404, "not_found")


@pytest.mark.parametrize(
    "extra",
    [{"rank": 0}, {"rank": -1}, {"status": "selected"}, {"at_risk": True}, {"allowed_actions": []}],
)
async def test_create_rejects_bad_bodies(client, extra):
    requisition = await new_requisition(client)
    candidate = await new_candidate(client)
    r = await client.post(
        f"/v1/requisitions/{requisition['id']}/options",
        json={"candidate_id": candidate["id"], **extra},
    )
    assert_problem(r, 422, "validation_failed")
    assert await options_of(client, requisition) == []


async def test_list_by_rank_and_status_filter(client):
    requisition = await new_requisition(client)
    third = await new_option(client, requisition, await new_candidate(client, "C"), rank=3)
    unranked = await new_option(client, requisition, await new_candidate(client, "U"))
    first = await new_option(client, requisition, await new_candidate(client, "A"), rank=1)
    listed = await options_of(client, requisition)
    assert [o["id"] for o in listed] == [first["id"], third["id"], unranked["id"]]
    assert all(o["allowed_actions"] == CONSIDERING_ACTIONS for o in listed)
    assert len(await options_of(client, requisition, status="considering")) == 3
    assert await options_of(client, requisition, status="selected") == []
    # Another requisition's options are not listed.
    await new_option(client, await new_requisition(client, "Other"), await new_candidate(client))
    assert len(await options_of(client, requisition)) == 3


async def test_list_updated_after(client):
    requisition = await new_requisition(client)
    a = await new_option(client, requisition, await new_candidate(client, "A"))
    b = await new_option(client, requisition, await new_candidate(client, "B"))
    await client.patch(f"/v1/options/{a['id']}", json={"rank": 1})
    assert [
        o["id"] for o in await options_of(client, requisition, updated_after=b["updated_at"])
    ] == [a["id"]]


async def test_patch_rank(client):
    requisition = await new_requisition(client)
    option = await new_option(client, requisition, await new_candidate(client), rank=2)
    r = await client.patch(f"/v1/options/{option['id']}", json={"rank": 1})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["rank"] == 1
    assert body["version"] == 2
    assert r.headers["etag"] == '"2"'
    assert body["created_at"] == option["created_at"]
    assert at(body["updated_at"]) > at(option["updated_at"])
    assert body["status"] == "considering"
    assert body["candidate"] == option["candidate"]

    r = await client.patch(f"/v1/options/{option['id']}", json={"rank": None})
    assert r.status_code == 200
    assert r.json()["rank"] is None
    assert r.json()["version"] == 3


async def test_patch_fit_summary(client):
    option = await new_option(client, await new_requisition(client), await new_candidate(client))
    r = await client.patch(f"/v1/options/{option['id']}", json={"fit_summary": "Great on infra."})
    assert r.status_code == 200
    assert r.json()["fit_summary"] == "Great on infra."
    assert r.json()["version"] == 2


@pytest.mark.parametrize("patch", [{}, {"rank": 2}, {"rank": 2, "fit_summary": "Fit"}])
async def test_patch_without_a_real_change_keeps_the_version(client, patch):
    option = await new_option(
        client,
        await new_requisition(client),
        await new_candidate(client),
        rank=2,
        fit_summary="Fit",
    )
    r = await client.patch(f"/v1/options/{option['id']}", json=patch)
    assert r.status_code == 200, r.text
    assert r.json() == option
    assert await events(client, type="option.updated") == []


async def test_patch_of_fields_and_refs_together_is_one_change(client):
    option = await new_option(client, await new_requisition(client), await new_candidate(client))
    refs = [{"system": "greenhouse", "external_id": "app-1"}]
    r = await client.patch(f"/v1/options/{option['id']}", json={"rank": 1, "external_refs": refs})
    assert r.status_code == 200, r.text
    assert r.json()["external_refs"] == refs
    assert r.json()["version"] == option["version"] + 1


@pytest.mark.parametrize(
    "patch",
    [{"rank": 0}, {"status": "selected"}, {"candidate_id": str(uuid.uuid4())}, {"at_risk": True}],
)
async def test_patch_rejects_bad_bodies(client, patch):
    option = await new_option(client, await new_requisition(client), await new_candidate(client))
    r = await client.patch(f"/v1/options/{option['id']}", json=patch)
    assert_problem(r, 422, "validation_failed")
    assert (await client.get(f"/v1/options/{option['id']}")).json() == option


async def test_get_unknown_is_404(client):
    assert_problem(await client.get(f"/v1/options/{uuid.uuid4()}"), 404, "not_found")
    r = await client.patch(f"/v1/options/{uuid.uuid4()}", json={"rank": 1})
    assert_problem(r, 404, "not_found")


async def test_create_and_update_write_events(client):
    requisition = await new_requisition(client)
    candidate = await new_candidate(client)
    option = await new_option(client, requisition, candidate, rank=2)
    await client.patch(f"/v1/options/{option['id']}", json={"rank": 1})
    mine = [e for e in await events(client) if e["subject"]["id"] == option["id"]]
    assert [e["type"] for e in mine] == ["option.created", "option.updated"]
    for event in mine:
        assert event["subject"] == {"type": "option", "id": option["id"]}
        assert event["requisition_id"] == requisition["id"]
    assert mine[0]["data"]["candidate_id"] == candidate["id"]
    assert mine[1]["data"]["changed"] == ["rank"]
