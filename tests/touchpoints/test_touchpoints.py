"""Touchpoints with a candidate (contract §5), through HTTP."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.story import ok


async def candidate(client, name: str = "Juan Pérez") -> dict:
    return await ok(await client.post("/v1/candidates", json={"name": name}), 201)


def touchpoints_path(candidate_id: str) -> str:
    return f"/v1/candidates/{candidate_id}/touchpoints"


async def log(client, candidate_id: str, status: int = 201, **fields) -> dict:
    body = {"direction": "outbound", "channel": "call", **fields}
    return await ok(await client.post(touchpoints_path(candidate_id), json=body), status)


def instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


async def test_a_touchpoint_defaults_to_now(client):
    juan = await candidate(client)
    response = await client.post(
        touchpoints_path(juan["id"]),
        json={"direction": "inbound", "channel": "email", "summary": "Asked about the role."},
    )
    touchpoint = await ok(response, 201)

    assert response.headers["location"].endswith(touchpoints_path(juan["id"]))
    assert touchpoint["candidate_id"] == juan["id"]
    assert touchpoint["direction"] == "inbound"
    assert touchpoint["channel"] == "email"
    assert touchpoint["summary"] == "Asked about the role."
    assert touchpoint["version"] == 1
    assert abs(datetime.now(UTC) - instant(touchpoint["occurred_at"])) < timedelta(minutes=1)


async def test_an_explicit_time_is_kept_as_the_same_instant(client):
    juan = await candidate(client)
    touchpoint = await log(client, juan["id"], occurred_at="2026-03-01T12:00:00+02:00")
    assert instant(touchpoint["occurred_at"]) == datetime(2026, 3, 1, 10, tzinfo=UTC)
    [listed] = (await ok(await client.get(touchpoints_path(juan["id"]))))["data"]
    assert instant(listed["occurred_at"]) == datetime(2026, 3, 1, 10, tzinfo=UTC)


async def test_touchpoints_are_listed_oldest_first_by_when_they_happened(client):
    juan = await candidate(client)
    for day in ("2026-03-01", "2026-01-01", "2026-02-01"):
        await log(client, juan["id"], occurred_at=f"{day}T09:00:00Z", summary=day)
    # Someone else's touchpoints stay on their own list.
    await log(client, (await candidate(client, "Ana Silva"))["id"])

    listed = await ok(await client.get(touchpoints_path(juan["id"])))
    assert [t["summary"] for t in listed["data"]] == ["2026-01-01", "2026-02-01", "2026-03-01"]


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"direction": "sideways"}, id="unknown-direction"),
        pytest.param({"channel": "pigeon"}, id="unknown-channel"),
        pytest.param({"direction": None}, id="null-direction"),
        pytest.param({"channel": "Email"}, id="channel-case"),
        pytest.param({"occurred_at": "2026-03-01T12:00:00"}, id="no-timezone"),
        pytest.param({"occurred_at": "yesterday"}, id="not-a-time"),
        pytest.param({"mood": "good"}, id="unknown-field"),
    ],
)
async def test_invalid_touchpoints_are_422(client, fields):
    juan = await candidate(client)
    problem = await log(client, juan["id"], 422, **fields)
    assert problem["code"] == "validation_failed"
    assert problem["errors"]
    assert (await ok(await client.get(touchpoints_path(juan["id"]))))["data"] == []


@pytest.mark.parametrize("missing", ["direction", "channel"])
async def test_direction_and_channel_are_required(client, missing):
    juan = await candidate(client)
    body = {"direction": "outbound", "channel": "call"}
    del body[missing]
    problem = await ok(await client.post(touchpoints_path(juan["id"]), json=body), 422)
    assert [e["loc"] for e in problem["errors"]] == [["body", missing]]


async def test_an_erased_candidate_takes_no_touchpoint(client):
    juan = await candidate(client)
    await ok(await client.delete(f"/v1/candidates/{juan['id']}"))

    problem = await log(client, juan["id"], 409, summary="Called to catch up.")
    assert problem["code"] == "candidate_erased"
    assert (await ok(await client.get(touchpoints_path(juan["id"]))))["data"] == []


async def test_logging_a_touchpoint_writes_an_event(client):
    juan = await candidate(client)
    touchpoint = await log(client, juan["id"], direction="inbound", channel="meeting")

    events = await ok(await client.get("/v1/events", params={"type": "touchpoint.logged"}))
    [event] = events["data"]
    assert event["subject"] == {"type": "touchpoint", "id": touchpoint["id"]}
    assert event["data"]["candidate_id"] == juan["id"]
    assert event["data"]["direction"] == "inbound"
    assert event["data"]["channel"] == "meeting"
    assert event["actor"]["api_key_id"]


@pytest.mark.parametrize(
    "occurred_at",
    ["2999-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"],
    ids=["in the future", "before year 1 in UTC", "after year 9999 in UTC"],
)
async def test_a_touchpoint_outside_time_is_refused(client, occurred_at):
    person = await candidate(client)
    problem = await log(
        client, person["id"], 422, direction="outbound", channel="call", occurred_at=occurred_at
    )
    assert problem["code"] == "validation_failed"
    listed = await ok(await client.get(f"/v1/candidates/{person['id']}/touchpoints"))
    assert listed["data"] == []
