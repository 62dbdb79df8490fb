"""Small HTTP helpers shared by the decision-workflow tests."""

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
