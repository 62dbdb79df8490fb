"""The change feed: `GET /v1/events?type=&requisition_id=&after=` (contract §6)."""

import uuid

import pytest


async def feed(client, **params) -> list[dict]:
    r = await client.get("/v1/events", params={"limit": 200, **params})
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def story(client) -> dict:
    """Two requisitions, a candidate on both, a few changes."""
    a = (await client.post("/v1/requisitions", json={"title": "A"})).json()
    b = (await client.post("/v1/requisitions", json={"title": "B"})).json()
    juan = (await client.post("/v1/candidates", json={"name": "Juan"})).json()
    on_a = (
        await client.post(f"/v1/requisitions/{a['id']}/options", json={"candidate_id": juan["id"]})
    ).json()
    on_b = (
        await client.post(f"/v1/requisitions/{b['id']}/options", json={"candidate_id": juan["id"]})
    ).json()
    await client.patch(f"/v1/requisitions/{a['id']}", json={"team": "Infra"})
    await client.patch(f"/v1/requisitions/{b['id']}", json={"team": "Data"})
    await client.patch(f"/v1/requisitions/{a['id']}", json={"headcount": 2})
    await client.patch(f"/v1/options/{on_a['id']}", json={"rank": 1})
    return {"a": a, "b": b, "juan": juan, "on_a": on_a, "on_b": on_b}


async def test_feed_holds_every_change_oldest_first(client):
    s = await story(client)
    mine = [
        (e["type"], e["subject"]["id"])
        for e in await feed(client)
        if not e["type"].startswith("api_key.")
    ]
    assert mine == [
        ("requisition.created", s["a"]["id"]),
        ("requisition.created", s["b"]["id"]),
        ("candidate.created", s["juan"]["id"]),
        ("option.created", s["on_a"]["id"]),
        ("option.created", s["on_b"]["id"]),
        ("requisition.updated", s["a"]["id"]),
        ("requisition.updated", s["b"]["id"]),
        ("requisition.updated", s["a"]["id"]),
        ("option.updated", s["on_a"]["id"]),
    ]
    every = await feed(client)
    assert len({e["id"] for e in every}) == len(every)
    for event in every:
        assert set(event) >= {
            "id",
            "type",
            "occurred_at",
            "actor",
            "subject",
            "requisition_id",
            "data",
        }
        assert set(event["actor"]) == {"api_key_id", "on_behalf_of"}
        assert set(event["subject"]) == {"type", "id"}


async def test_filter_by_type(client):
    s = await story(client)
    updated = await feed(client, type="requisition.updated")
    assert [e["subject"]["id"] for e in updated] == [s["a"]["id"], s["b"]["id"], s["a"]["id"]]
    assert all(e["type"] == "requisition.updated" for e in updated)
    assert await feed(client, type="option.selected") == []


async def test_filter_by_requisition(client):
    s = await story(client)
    on_a = await feed(client, requisition_id=s["a"]["id"])
    assert [e["type"] for e in on_a] == [
        "requisition.created",
        "option.created",
        "requisition.updated",
        "requisition.updated",
        "option.updated",
    ]
    assert all(e["requisition_id"] == s["a"]["id"] for e in on_a)
    assert await feed(client, requisition_id=str(uuid.uuid4())) == []


async def test_filters_combine(client):
    s = await story(client)
    both = await feed(client, type="requisition.updated", requisition_id=s["a"]["id"])
    assert len(both) == 2
    assert all(
        e["type"] == "requisition.updated" and e["subject"]["id"] == s["a"]["id"] for e in both
    )
    first_update = both[0]
    after = await feed(
        client, type="requisition.updated", requisition_id=s["a"]["id"], after=first_update["id"]
    )
    assert [e["id"] for e in after] == [both[1]["id"]]
    assert (
        await feed(
            client, type="requisition.updated", requisition_id=s["a"]["id"], after=both[1]["id"]
        )
        == []
    )


async def test_after_continues_behind_a_seen_event(client):
    s = await story(client)
    everything = await feed(client)
    middle = everything[len(everything) // 2]
    rest = await feed(client, after=middle["id"])
    assert rest == everything[len(everything) // 2 + 1 :]
    # New changes show up behind the last one seen.
    last = everything[-1]
    assert await feed(client, after=last["id"]) == []
    await client.patch(f"/v1/requisitions/{s['b']['id']}", json={"headcount": 3})
    new = await feed(client, after=last["id"])
    assert [(e["type"], e["subject"]["id"]) for e in new] == [("requisition.updated", s["b"]["id"])]


async def test_after_an_unknown_event_is_404(client):
    r = await client.get("/v1/events", params={"after": str(uuid.uuid4())})
    assert r.status_code == 404
    assert r.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "params", [{"type": "not a type"}, {"requisition_id": "nope"}, {"after": "x"}]
)
async def test_bad_filters_are_422(client, params):
    r = await client.get("/v1/events", params=params)
    assert r.status_code == 422
    assert r.json()["code"] == "validation_failed"


async def test_a_failed_change_writes_no_event(client):
    s = await story(client)
    before = await feed(client)
    r = await client.patch(f"/v1/requisitions/{s['a']['id']}", json={"status": "filled"})
    assert r.status_code == 422
    r = await client.post(
        f"/v1/requisitions/{s['a']['id']}/options", json={"candidate_id": s["juan"]["id"]}
    )
    assert r.status_code == 409
    assert await feed(client) == before


def test_every_event_type_is_explained_once_in_the_catalogue() -> None:
    from typing import get_args

    from app.events.catalogue import EVENT_TYPES
    from app.kit.event_types import EventType

    assert sorted(EVENT_TYPES) == sorted(get_args(EventType))
