"""GETs of one owned resource skip FastAPI's dependency solving (`app/kit/fast_reads.py`), and
answer exactly as the declared dependencies would: the same documents, headers and refusals.

A request with `On-Behalf-Of` always goes through FastAPI, so it is the reference here.
"""

import uuid

import pytest
from conftest import Tenant, make_client
from fastapi.routing import APIRoute

from app.main import create_app
from tests.story import assert_problem
from tests.test_tenancy import create_one_of_each, fill

# Written out by hand: the reads of one resource whose only inputs are the key, the session
# and the resources named in the path.
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


def test_only_the_plain_reads_of_one_resource_are_answered_fast() -> None:
    app = create_app()
    assert set(app.state.fast_reads) == FAST
    routes = app.router.routes
    # Lists (query parameters), writes and routes with their own path parameters are not.
    paths = {r.path for r in routes if isinstance(r, APIRoute)}
    assert "/v1/requisitions/{requisition_id}/options" in paths - FAST
    assert "/v1/api-keys/{api_key_id}" in paths - FAST


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


@pytest.mark.parametrize("path", sorted(FAST))
async def test_a_fast_read_refuses_as_fastapi_does(
    tenant: Tenant, other_tenant: Tenant, ids: dict[str, str], path: str
) -> None:
    url = fill(path, ids)
    someone = {"On-Behalf-Of": "Dana"}
    # A key without the read scope; another organization's key; an unknown key.
    for client_of in (
        lambda **h: tenant.client("write", **h),
        lambda **h: other_tenant.client(**h),
        lambda **h: make_client(tenant.app, "sl_unknown", **h),
    ):
        async with client_of() as fast, client_of(**someone) as reference:
            answer, expected = await fast.get(url), await reference.get(url)
        assert answer.status_code == expected.status_code
        assert answer.status_code in (401, 403, 404)
        assert answer.json()["code"] == expected.json()["code"]
        assert answer.headers.get("www-authenticate") == expected.headers.get("www-authenticate")


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
