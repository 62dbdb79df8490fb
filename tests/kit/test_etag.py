"""`ETag` from the version, `If-Match` against lost updates (contract §6)."""

import pytest


async def create(client, path: str, body: dict) -> dict:
    r = await client.post(path, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def assert_412(r) -> None:
    assert r.status_code == 412, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "precondition_failed"
    assert r.json()["status"] == 412


async def test_every_single_resource_carries_its_version_as_etag(client):
    r = await client.post("/v1/requisitions", json={"title": "Role"})
    assert r.headers["etag"] == '"1"'
    requisition = r.json()
    candidate_r = await client.post("/v1/candidates", json={"name": "Ana"})
    assert candidate_r.headers["etag"] == '"1"'
    option_r = await client.post(
        f"/v1/requisitions/{requisition['id']}/options",
        json={"candidate_id": candidate_r.json()["id"]},
    )
    assert option_r.headers["etag"] == '"1"'
    for location in (
        r.headers["location"],
        candidate_r.headers["location"],
        option_r.headers["location"],
    ):
        got = await client.get(location)
        assert got.headers["etag"] == f'"{got.json()["version"]}"'


async def test_etag_follows_the_version_through_changes(client):
    requisition = await create(client, "/v1/requisitions", {"title": "Role"})
    url = f"/v1/requisitions/{requisition['id']}"
    r = await client.patch(url, json={"team": "Infra"})
    assert r.status_code == 200
    assert r.json()["version"] == 2
    assert r.headers["etag"] == '"2"'
    got = await client.get(url)
    assert got.headers["etag"] == '"2"'


@pytest.mark.parametrize(
    ("path", "body", "first_change", "stale_change"),
    [
        ("/v1/requisitions", {"title": "Role"}, {"team": "Infra"}, {"title": "Renamed"}),
        ("/v1/candidates", {"name": "Ana"}, {"tags": ["python"]}, {"name": "Ana María"}),
    ],
)
async def test_stale_if_match_is_412_and_changes_nothing(
    client, path, body, first_change, stale_change
):
    created = await create(client, path, body)
    url = f"{path}/{created['id']}"
    assert (await client.patch(url, json=first_change)).status_code == 200
    stale = await client.patch(url, json=stale_change, headers={"If-Match": '"1"'})
    assert_412(stale)
    got = await client.get(url)
    assert got.json()["version"] == 2
    for field, value in body.items():
        assert got.json()[field] == value


async def test_right_if_match_applies_the_change(client):
    requisition = await create(client, "/v1/requisitions", {"title": "Role"})
    url = f"/v1/requisitions/{requisition['id']}"
    etag = (await client.get(url)).headers["etag"]
    r = await client.patch(url, json={"title": "Renamed"}, headers={"If-Match": etag})
    assert r.status_code == 200, r.text
    assert r.json()["title"] == "Renamed"
    assert r.json()["version"] == requisition["version"] + 1
    assert r.headers["etag"] == f'"{requisition["version"] + 1}"'


async def test_if_match_star_and_lists_of_tags(client):
    requisition = await create(client, "/v1/requisitions", {"title": "Role"})
    url = f"/v1/requisitions/{requisition['id']}"
    r = await client.patch(url, json={"title": "A"}, headers={"If-Match": "*"})
    assert r.status_code == 200
    r = await client.patch(url, json={"title": "B"}, headers={"If-Match": '"1", "2"'})
    assert r.status_code == 200
    assert r.json()["version"] == 3


async def test_lost_update_protection(tenant):
    async with tenant.client() as first, tenant.client("read,write") as second:
        requisition = await create(first, "/v1/requisitions", {"title": "Role", "headcount": 1})
        url = f"/v1/requisitions/{requisition['id']}"
        seen_by_first = await first.get(url)
        seen_by_second = await second.get(url)
        assert seen_by_first.headers["etag"] == seen_by_second.headers["etag"] == '"1"'

        won = await first.patch(
            url, json={"headcount": 2}, headers={"If-Match": seen_by_first.headers["etag"]}
        )
        assert won.status_code == 200, won.text
        lost = await second.patch(
            url, json={"headcount": 3}, headers={"If-Match": seen_by_second.headers["etag"]}
        )
        assert_412(lost)

        final = (await second.get(url)).json()
        assert final["headcount"] == 2
        assert final["version"] == 2
        updates = (await first.get("/v1/events", params={"type": "requisition.updated"})).json()
        assert len(updates["data"]) == 1


async def test_option_patch_with_stale_if_match_is_412(client):
    requisition = await create(client, "/v1/requisitions", {"title": "Role"})
    candidate = await create(client, "/v1/candidates", {"name": "Ana"})
    option = await create(
        client, f"/v1/requisitions/{requisition['id']}/options", {"candidate_id": candidate["id"]}
    )
    url = f"/v1/options/{option['id']}"
    assert (
        await client.patch(url, json={"rank": 1}, headers={"If-Match": '"1"'})
    ).status_code == 200
    stale = await client.patch(url, json={"rank": 5}, headers={"If-Match": '"1"'})
    assert_412(stale)
    assert (await client.get(url)).json()["rank"] == 1


async def test_delete_candidate_with_stale_if_match_is_412(client):
    candidate = await create(client, "/v1/candidates", {"name": "Ana", "email": "ana@example.com"})
    url = f"/v1/candidates/{candidate['id']}"
    assert (await client.patch(url, json={"phone": "+1 555"})).status_code == 200
    r = await client.delete(url, headers={"If-Match": '"1"'})
    assert_412(r)
    got = (await client.get(url)).json()
    assert got["erased_at"] is None
    assert got["name"] == "Ana"
    assert got["email"] == "ana@example.com"
    erased = (await client.get("/v1/events", params={"type": "candidate.erased"})).json()
    assert erased["data"] == []

    r = await client.delete(url, headers={"If-Match": '"2"'})
    assert r.status_code == 200, r.text
    assert r.json()["erased_at"] is not None
