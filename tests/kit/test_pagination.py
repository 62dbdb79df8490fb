"""Keyset pagination: `limit`, `cursor`, `next_cursor`, `Link` (contract §6)."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import make_client

from app.main import create_app

LINK = re.compile(r'^<(?P<url>[^>]+)>; rel="next"$')


async def create_requisitions(client, n: int, prefix: str = "Role") -> list[str]:
    ids = []
    for i in range(n):
        r = await client.post("/v1/requisitions", json={"title": f"{prefix} {i}"})
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    return ids


async def new_option(client, requisition_id: str, rank: int | None, name: str) -> str:
    candidate = await client.post("/v1/candidates", json={"name": name})
    assert candidate.status_code == 201, candidate.text
    r = await client.post(
        f"/v1/requisitions/{requisition_id}/options",
        json={"candidate_id": candidate.json()["id"], "rank": rank},
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


def next_link(response) -> str | None:
    header = response.headers.get("link")
    if header is None:
        return None
    match = LINK.match(header)
    assert match, header
    return match["url"]


async def pages(client, path: str, **params) -> list[dict]:
    """Every page of a list, following `next_cursor`, checking `Link` on the way."""
    result = []
    cursor = None
    for _ in range(1000):
        query = dict(params, **({"cursor": cursor} if cursor else {}))
        r = await client.get(path, params=query)
        assert r.status_code == 200, r.text
        body = r.json()
        result.append(body)
        cursor = body["next_cursor"]
        link = next_link(r)
        if cursor is None:
            assert link is None
            return result
        assert link is not None
        assert parse_qs(urlsplit(link).query)["cursor"] == [cursor]
    raise AssertionError("pagination never ended")


def ids(body_pages: list[dict]) -> list[str]:
    return [item["id"] for page in body_pages for item in page["data"]]


async def test_limit_pages_through_everything_once(client):
    created = await create_requisitions(client, 7)
    result = await pages(client, "/v1/requisitions", limit=3)
    assert [len(p["data"]) for p in result] == [3, 3, 1]
    assert ids(result) == created  # oldest first, no duplicates, no gaps
    assert result[-1]["next_cursor"] is None


async def test_exact_multiple_of_limit_ends_without_an_empty_page(client):
    created = await create_requisitions(client, 6)
    result = await pages(client, "/v1/requisitions", limit=3)
    assert [len(p["data"]) for p in result] == [3, 3]
    assert ids(result) == created


@pytest.mark.parametrize("limit", [1, 2, 5, 200])
async def test_any_limit_gives_the_same_sequence(client, limit):
    created = await create_requisitions(client, 5)
    assert ids(await pages(client, "/v1/requisitions", limit=limit)) == created


async def test_empty_list(client):
    r = await client.get("/v1/requisitions", params={"limit": 5})
    assert r.json() == {"data": [], "next_cursor": None}
    assert "link" not in r.headers


async def test_default_limit_is_50(client):
    for i in range(51):
        r = await client.post("/v1/candidates", json={"name": f"Person {i}"})
        assert r.status_code == 201
    r = await client.get("/v1/candidates")
    assert len(r.json()["data"]) == 50
    assert r.json()["next_cursor"] is not None
    rest = await client.get("/v1/candidates", params={"cursor": r.json()["next_cursor"]})
    assert [c["name"] for c in rest.json()["data"]] == ["Person 50"]
    assert rest.json()["next_cursor"] is None


async def test_link_header_can_be_followed_as_is(client):
    created = await create_requisitions(client, 5)
    seen = []
    r = await client.get("/v1/requisitions", params={"limit": 2})
    while True:
        seen += [x["id"] for x in r.json()["data"]]
        url = next_link(r)
        if url is None:
            assert r.json()["next_cursor"] is None
            break
        query = parse_qs(urlsplit(url).query)
        assert query["limit"] == ["2"]  # the other parameters are kept
        assert query["cursor"] == [r.json()["next_cursor"]]
        r = await client.get(url)
        assert r.status_code == 200, r.text
    assert seen == created


async def test_link_keeps_the_filters(client):
    for i in range(3):
        await client.post("/v1/candidates", json={"name": f"Agency {i}", "kind": "agency"})
        await client.post("/v1/candidates", json={"name": f"Person {i}"})
    result = await pages(client, "/v1/candidates", limit=2, kind="agency")
    names = [c["name"] for p in result for c in p["data"]]
    assert names == ["Agency 0", "Agency 1", "Agency 2"]
    r = await client.get("/v1/candidates", params={"limit": 2, "kind": "agency"})
    assert parse_qs(urlsplit(next_link(r)).query)["kind"] == ["agency"]


async def test_stable_under_inserts_at_the_end(client):
    original = await create_requisitions(client, 5)
    first = await client.get("/v1/requisitions", params={"limit": 2})
    assert [x["id"] for x in first.json()["data"]] == original[:2]
    added = await create_requisitions(client, 3, prefix="Late")
    rest = await pages(client, "/v1/requisitions", limit=2, cursor=first.json()["next_cursor"])
    seen = [x["id"] for x in first.json()["data"]] + ids(rest)
    assert len(seen) == len(set(seen))
    assert seen == original + added


async def test_stable_under_inserts_before_the_cursor(client):
    requisition = (await client.post("/v1/requisitions", json={"title": "Role"})).json()
    path = f"/v1/requisitions/{requisition['id']}/options"
    original = [
        await new_option(client, requisition["id"], rank, f"C{rank}") for rank in range(1, 7)
    ]
    first = await client.get(path, params={"limit": 3})
    assert [o["id"] for o in first.json()["data"]] == original[:3]
    # New options that sort before the cursor must not push the original ones onto page 2 twice.
    await new_option(client, requisition["id"], 1, "New first")
    await new_option(client, requisition["id"], 2, "New second")
    rest = await pages(client, path, limit=3, cursor=first.json()["next_cursor"])
    assert ids(rest) == original[3:]


async def test_options_by_rank_with_unranked_last_across_pages(client):
    requisition = (await client.post("/v1/requisitions", json={"title": "Role"})).json()
    path = f"/v1/requisitions/{requisition['id']}/options"
    by_rank = {}
    for i, rank in enumerate([3, None, 1, None, 2]):
        by_rank.setdefault(rank, []).append(
            await new_option(client, requisition["id"], rank, f"C{i}")
        )

    for limit in (1, 2, 3, 50):
        result = await pages(client, path, limit=limit)
        options = [o for p in result for o in p["data"]]
        assert [o["rank"] for o in options] == [1, 2, 3, None, None], limit
        assert [o["id"] for o in options[:3]] == by_rank[1] + by_rank[2] + by_rank[3]
        assert sorted(o["id"] for o in options[3:]) == sorted(by_rank[None])
        assert len({o["id"] for o in options}) == 5

    result = await pages(client, path, limit=2)
    assert [[o["rank"] for o in p["data"]] for p in result] == [[1, 2], [3, None], [None]]


async def test_options_with_equal_ranks_are_not_lost_at_a_page_boundary(client):
    requisition = (await client.post("/v1/requisitions", json={"title": "Role"})).json()
    path = f"/v1/requisitions/{requisition['id']}/options"
    created = [await new_option(client, requisition["id"], 1, f"Tie {i}") for i in range(4)]
    created += [await new_option(client, requisition["id"], None, f"Open {i}") for i in range(3)]
    result = await pages(client, path, limit=2)
    seen = ids(result)
    assert sorted(seen) == sorted(created)
    assert len(seen) == len(set(seen))


async def test_event_feed_pages_oldest_first(client):
    await create_requisitions(client, 4)
    everything = (await client.get("/v1/events", params={"limit": 200})).json()["data"]
    result = await pages(client, "/v1/events", limit=3)
    assert ids(result) == [e["id"] for e in everything]
    occurred = [e["occurred_at"] for p in result for e in p["data"]]
    assert occurred == sorted(occurred)


@pytest.mark.parametrize("limit", ["0", "201", "-1", "ten"])
async def test_limit_out_of_range_is_422(client, limit):
    r = await client.get("/v1/requisitions", params={"limit": limit})
    assert r.status_code == 422
    assert r.json()["code"] == "validation_failed"


@pytest.mark.parametrize("cursor", ["garbage", "eyJhIjoxfQ", "W10", "WzEsMiwzXQ"])
async def test_a_cursor_not_issued_by_the_api_is_422(client, cursor):
    await create_requisitions(client, 1)
    r = await client.get("/v1/requisitions", params={"cursor": cursor})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "invalid_cursor"


async def test_a_cursor_value_beyond_the_column_is_refused(client):
    import base64
    import json
    import uuid as uuid_module

    req = (await client.post("/v1/requisitions", json={"title": "Role"})).json()
    raw = json.dumps(["options.rank,options.id", 2**40, str(uuid_module.uuid4())]).encode()
    cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    r = await client.get(f"/v1/requisitions/{req['id']}/options", params={"cursor": cursor})
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "invalid_cursor"


async def test_link_ignores_the_host_header(client):
    await create_requisitions(client, 3)
    r = await client.get(
        "/v1/requisitions", params={"limit": 2}, headers={"Host": "attacker.example"}
    )
    # A forged Host must not end up in a link that a client or a cache follows.
    link = next_link(r)
    assert link is not None and "attacker.example" not in link
    assert link == f"/v1/requisitions?limit=2&cursor={r.json()['next_cursor']}"
    rest = await client.get(link)
    assert rest.status_code == 200 and len(rest.json()["data"]) == 1


async def test_link_uses_the_configured_public_base_url(settings, tenant):
    async with tenant.client() as writer:
        await create_requisitions(writer, 3)
    public = settings.model_copy(update={"public_base_url": "https://hiring.example.com"})
    app = create_app(public)
    try:
        async with make_client(app, tenant.keys["read"], Host="attacker.example") as c:
            r = await c.get("/v1/requisitions", params={"limit": 2})
    finally:
        await app.state.db.engine.dispose()
    cursor = r.json()["next_cursor"]
    assert next_link(r) == f"https://hiring.example.com/v1/requisitions?limit=2&cursor={cursor}"
