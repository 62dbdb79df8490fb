"""Routes of plain inputs skip FastAPI's dependency solving (`app/kit/fast_routes.py`), and
answer exactly as the declared dependencies would: the same documents, headers and refusals.

A request with `On-Behalf-Of` always goes through FastAPI, so it is the reference here.
"""

import json
import uuid
from typing import Any

import pytest
from conftest import Tenant, make_client
from fastapi.routing import APIRoute

from app.main import create_app
from tests.story import assert_problem
from tests.test_tenancy import create_one_of_each, fill

# Written out by hand: the reads of one resource whose only inputs are the key, the session
# and the resources named in the path ...
FAST = {
    "/v1/requisitions/{requisition_id}",
    "/v1/requisitions/{requisition_id}/bench",
    "/v1/candidates/{candidate_id}",
    "/v1/options/{option_id}",
    "/v1/options/{option_id}/standing",
    "/v1/notes/{note_id:uuid}",
    "/v1/note-templates/{note_template_id}",
    "/v1/interim-engagements/{engagement_id}",
    "/v1/calendar-feeds/{calendar_feed_id:uuid}",
    "/v1/webhook-endpoints/{webhook_endpoint_id}",
    "/v1/webhook-deliveries/{webhook_delivery_id}",
    "/v1/integrations/{integration_id}",
}
# ... and the writes whose inputs are those, a JSON body (one model) and `If-Match`.
FAST_WRITES = {
    "DELETE /v1/calendar-feeds/{calendar_feed_id:uuid}",
    "DELETE /v1/candidates/{candidate_id}",
    "DELETE /v1/integrations/{integration_id}",
    "DELETE /v1/webhook-endpoints/{webhook_endpoint_id}",
    "PATCH /v1/candidates/{candidate_id}",
    "PATCH /v1/interim-engagements/{engagement_id}",
    "PATCH /v1/options/{option_id}",
    "PATCH /v1/requisitions/{requisition_id}",
    "PATCH /v1/webhook-endpoints/{webhook_endpoint_id}",
    "POST /v1/api-keys",
    "POST /v1/calendar-feeds",
    "POST /v1/candidates",
    "POST /v1/candidates/{candidate_id}/touchpoints",
    "POST /v1/integrations",
    "POST /v1/interim-engagements/{engagement_id}/check-ins",
    "POST /v1/interim-engagements/{engagement_id}/end",
    "POST /v1/note-templates",
    "POST /v1/note-templates/{note_template_id}/render",
    "POST /v1/notes/check",
    "POST /v1/notes/{note_id:uuid}/cancel-delivery",
    "POST /v1/options/{option_id}/check-ins",
    "POST /v1/options/{option_id}/decline",
    "POST /v1/options/{option_id}/hire",
    "POST /v1/options/{option_id}/hold",
    "POST /v1/options/{option_id}/keep-warm",
    "POST /v1/options/{option_id}/notes",
    "POST /v1/options/{option_id}/reactivate",
    "POST /v1/options/{option_id}/release",
    "POST /v1/options/{option_id}/select",
    "POST /v1/options/{option_id}/withdraw",
    "POST /v1/requisitions",
    "POST /v1/requisitions/{requisition_id}/interim-engagements",
    "POST /v1/requisitions/{requisition_id}/options",
    "POST /v1/webhook-deliveries/{webhook_delivery_id}/retry",
    "POST /v1/webhook-endpoints",
    "POST /v1/webhook-endpoints/{webhook_endpoint_id}/rotate-secret",
    "POST /v1/webhook-endpoints/{webhook_endpoint_id}/test",
}


def test_only_the_routes_of_plain_inputs_are_answered_fast() -> None:
    app = create_app()
    assert set(app.state.fast_routes) == {f"GET {path}" for path in FAST} | FAST_WRITES
    # Lists (query parameters), routes with their own path parameters (an external ref, an
    # inbound webhook's signature headers) and the status page's form are not.
    routes = {
        f"{method} {route.path}"
        for route in app.router.routes
        if isinstance(route, APIRoute)
        for method in route.methods
    }
    for route in (
        "GET /v1/requisitions/{requisition_id}/options",
        "DELETE /v1/api-keys/{api_key_id}",
        "PUT /v1/requisitions/by-external-ref/{system}/{external_id}",
        "POST /v1/inbound/{system}/{integration_id}",
        "POST /c/{token}",
    ):
        assert route in routes - set(app.state.fast_routes)


@pytest.fixture
async def ids(tenant: Tenant) -> dict[str, str]:
    async with tenant.client() as admin:
        return await create_one_of_each(admin)


@pytest.mark.parametrize("path", sorted(FAST))
async def test_a_fast_read_answers_as_fastapi_does(
    tenant: Tenant, ids: dict[str, str], path: str
) -> None:
    url = fill(path, ids)
    async with tenant.client() as fast, tenant.client(**{"On-Behalf-Of": "Dana"}) as reference:
        answer, expected = await fast.get(url), await reference.get(url)
    assert answer.status_code == expected.status_code == 200, answer.text
    assert answer.json() == expected.json()
    assert answer.headers.get("etag") == expected.headers.get("etag")
    assert answer.headers["content-type"] == expected.headers["content-type"]


async def test_ids_and_keys_out_of_the_plain_form_still_get_fastapis_answers(
    tenant: Tenant, ids: dict[str, str]
) -> None:
    option = ids["option_id"]
    async with tenant.client() as client:
        assert_problem(await client.get("/v1/options/not-an-id"), 422, "validation_failed")
        # Whatever FastAPI makes of an id without hyphens, it is the same option or a 422.
        compact = await client.get(f"/v1/options/{uuid.UUID(option).hex}")
        assert compact.status_code in (200, 422)
        if compact.status_code == 200:
            assert compact.json()["id"] == option
    key = tenant.keys["read"]
    async with make_client(tenant.app, None, Authorization=f"bearer {key}") as lower:
        assert (await lower.get(f"/v1/options/{option}")).json()["id"] == option
    async with make_client(tenant.app, None, Authorization=f"Basic {key}") as basic:
        assert_problem(await basic.get(f"/v1/options/{option}"), 401, "unauthorized")


# Writes of each kind of input, with a valid body: a body and an owned resource, a body and
# `If-Match`, a body alone, and no body at all.
KEEP_WARM = {"reason": "Strong second; keep close in case."}
WRITES = (
    ("POST", "/v1/options/{option_id}/keep-warm", KEEP_WARM),
    ("PATCH", "/v1/options/{option_id}", {"rank": 2}),
    ("POST", "/v1/requisitions", {"title": "Data engineer"}),
    ("DELETE", "/v1/candidates/{candidate_id}", None),
)


# Each fast read, and a fast write of each kind, with the scope its key lacks.
REFUSED = [("GET", path, None, "write") for path in sorted(FAST)] + [
    (method, path, body, "read") for method, path, body in WRITES
]


@pytest.mark.parametrize(("method", "path", "body", "lacking"), REFUSED, ids=str)
async def test_a_fast_route_refuses_as_fastapi_does(
    tenant: Tenant,
    other_tenant: Tenant,
    ids: dict[str, str],
    method: str,
    path: str,
    body: dict[str, Any] | None,
    lacking: str,
) -> None:
    url = fill(path, ids)
    someone = {"On-Behalf-Of": "Dana"}
    # A key without the scope; another organization's key; an unknown key.
    for client_of in (
        lambda **h: tenant.client(lacking, **h),
        lambda **h: other_tenant.client(**h),
        lambda **h: make_client(tenant.app, "sl_unknown", **h),
    ):
        async with client_of() as fast, client_of(**someone) as reference:
            answer = await fast.request(method, url, json=body)
            expected = await reference.request(method, url, json=body)
        assert answer.status_code == expected.status_code, answer.text
        assert answer.status_code in (201, 401, 403, 404)
        if answer.status_code != 201:  # (another organization may create its own)
            assert answer.json()["code"] == expected.json()["code"]
            assert answer.headers.get("www-authenticate") == expected.headers.get(
                "www-authenticate"
            )
    async with tenant.client() as client:
        # Nothing was changed by a refusal: the option is still as it was made.
        option = (await client.get(f"/v1/options/{ids['option_id']}")).json()
    assert option["status"] == "selected" and option["rank"] != 2


async def test_a_fast_write_answers_as_fastapi_does(tenant: Tenant, ids: dict[str, str]) -> None:
    async with tenant.client() as fast, tenant.client(**{"On-Behalf-Of": "Dana"}) as reference:
        made = await fast.post("/v1/requisitions", json={"title": "Data engineer", "headcount": 2})
        also = await reference.post(
            "/v1/requisitions", json={"title": "Data engineer", "headcount": 2}
        )
        assert made.status_code == also.status_code == 201
        different = {"id", "created_at", "updated_at"}
        assert {k: v for k, v in made.json().items() if k not in different} == {
            k: v for k, v in also.json().items() if k not in different
        }
        assert made.headers["location"] == f"/v1/requisitions/{made.json()['id']}"
        # An action: the option kept warm, with its ETag, as the reference reads it after.
        url = f"/v1/options/{ids['option_id']}"
        kept = await fast.post(f"{url}/keep-warm", json=KEEP_WARM)
        assert kept.status_code == 200, kept.text
        assert kept.json()["status"] == "runner_up"
        assert kept.json() == (await reference.get(url)).json()
        assert kept.headers["etag"] == (await reference.get(url)).headers["etag"]


async def test_a_fast_write_leaves_what_is_not_plain_to_fastapi(
    tenant: Tenant, ids: dict[str, str]
) -> None:
    url = f"/v1/options/{ids['option_id']}"
    async with tenant.client() as client, tenant.client(**{"On-Behalf-Of": "Dana"}) as reference:
        # Invalid bodies: FastAPI's 422, with its errors, whichever way the request goes.
        for body in ({"rank": "first"}, {"rank": 2, "status": "hired"}, [1]):
            answer = await client.patch(url, json=body)
            expected = await reference.patch(url, json=body)
            assert_problem(answer, 422, "validation_failed")
            assert answer.json()["errors"] == expected.json()["errors"]
        # No body, or a body FastAPI does not read as JSON.
        assert_problem(await client.post(f"{url}/keep-warm"), 422, "validation_failed")
        plain = await client.post(
            f"{url}/keep-warm",
            content=json.dumps(KEEP_WARM),
            headers={"Content-Type": "text/plain"},
        )
        assert_problem(plain, 422, "validation_failed")
        # A JSON media type of another name is read by FastAPI, after the fast handler left it.
        typed = await client.patch(
            url,
            content=json.dumps({"rank": 3}),
            headers={"Content-Type": "application/merge-patch+json"},
        )
        assert typed.status_code == 200, typed.text
        assert typed.json()["rank"] == 3
        # If-Match: a current ETag is taken, a stale one 412, a malformed one FastAPI's 422.
        etag = typed.headers["etag"]
        current = await client.patch(url, json={"rank": 4}, headers={"If-Match": etag})
        assert current.status_code == 200, current.text
        assert_problem(
            await client.patch(url, json={"rank": 5}, headers={"If-Match": etag}),
            412,
            "precondition_failed",
        )
        malformed = await client.patch(url, json={"rank": 5}, headers={"If-Match": "3"})
        expected = await reference.patch(url, json={"rank": 5}, headers={"If-Match": "3"})
        assert malformed.status_code == expected.status_code == 422
        assert (await client.get(url)).json()["rank"] == 4
