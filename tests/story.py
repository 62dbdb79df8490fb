"""Small HTTP helpers shared by the tests."""

from datetime import datetime
from typing import Any

import httpx

RESPECTFUL_DECLINE = {
    "reason_code": "chose_another_candidate",
    "message": (
        "Hi {name}, thank you for the time you gave us. We chose another candidate because "
        "their experience matched this role more closely. I'd like to stay in touch and will "
        "reach out when a similar role opens."
    ),
    "door_open": True,
}


def note_for(name: str, **overrides: Any) -> dict[str, Any]:
    note = {**RESPECTFUL_DECLINE, **overrides}
    note["message"] = note["message"].format(name=name)
    return note


async def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


async def requisition(client: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    return await ok(
        await client.post("/v1/requisitions", json={"title": "Platform engineer", **fields}), 201
    )


async def option(
    client: httpx.AsyncClient, requisition_id: str, name: str, kind: str = "person", **fields: Any
) -> dict[str, Any]:
    candidate = await ok(
        await client.post("/v1/candidates", json={"name": name, "kind": kind}), 201
    )
    return await ok(
        await client.post(
            f"/v1/requisitions/{requisition_id}/options",
            json={"candidate_id": candidate["id"], **fields},
        ),
        201,
    )


async def act(
    client: httpx.AsyncClient, option_id: str, action: str, status: int = 200, **body: Any
) -> dict[str, Any]:
    return await ok(await client.post(f"/v1/options/{option_id}/{action}", json=body), status)


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status and code; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem: dict[str, Any] = response.json()
    assert problem["code"] == code, problem
    assert problem["status"] == status, problem
    return problem


def at(value: str) -> datetime:
    """An RFC 3339 timestamp the API wrote, which must be in UTC."""
    parsed = datetime.fromisoformat(value)
    offset = parsed.utcoffset()
    assert offset is not None and offset.total_seconds() == 0, value
    return parsed


async def events(client: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    """The first 200 events of the feed, filtered by `params`."""
    return (await ok(await client.get("/v1/events", params={"limit": 200, **params})))["data"]  # type: ignore[no-any-return]
