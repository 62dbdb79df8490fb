"""Tenancy: another organization's ids answer 404, its rows never show up in a list, and every
route checks the key and its scopes.

The routes are read from the app, so a new endpoint is covered as soon as it exists; one whose
path parameter this file does not know fails loudly until `RESOURCE_PATHS` learns it.
"""

import contextlib
import hashlib
import hmac
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from conftest import Tenant, make_client
from fastapi.routing import APIRoute, iter_route_contexts

from app.config import Settings
from app.kit.pagination import Page
from app.main import create_app
from tests.story import assert_problem

# Path parameter naming a resource → where that resource is read back.
# A new `{something_id}` in a route must be added here (and created in `create_one_of_each`).
RESOURCE_PATHS = {
    "requisition_id": "/v1/requisitions/{requisition_id}",
    "candidate_id": "/v1/candidates/{candidate_id}",
    "option_id": "/v1/options/{option_id}",
    "api_key_id": "/v1/api-keys/{api_key_id}",
    "note_template_id": "/v1/note-templates/{note_template_id}",
    "note_id": "/v1/notes/{note_id}",
    "engagement_id": "/v1/interim-engagements/{engagement_id}",
    "webhook_endpoint_id": "/v1/webhook-endpoints/{webhook_endpoint_id}",
    "webhook_delivery_id": "/v1/webhook-deliveries/{webhook_delivery_id}",
    "integration_id": "/v1/integrations/{integration_id}",
    "calendar_feed_id": "/v1/calendar-feeds/{calendar_feed_id}",
    "token": "/v1/calendar-feeds/{token}.ics",
}
# Path parameters that are a credential themselves (a calendar feed's secret URL, for calendar
# apps that cannot send a header): whoever holds one reads, with no API key, so the key and
# organization checks below do not apply; tests/followups/test_calendar_feeds.py covers them.
SECRET_PARAMETERS = {"token"}
# Path parameters of the upsert-by-external-ref routes: an ATS's ids, not ours.
EXTERNAL_REF = {"system": "greenhouse", "external_id": "4012"}
# What each upsert route needs in its body, by the field that names the resource.
UPSERT_NAME_FIELDS = {
    "/v1/requisitions/by-external-ref/{system}/{external_id}": "title",
    "/v1/candidates/by-external-ref/{system}/{external_id}": "name",
}

PATH_PARAMETER = re.compile(r"{(\w+)(?::\w+)?}")
BODY_METHODS = {"POST", "PUT", "PATCH"}
PROBLEM_JSON = "application/problem+json"


@dataclass(frozen=True, order=True)
class Endpoint:
    path: str
    method: str
    lists: bool = False  # answers a `Page`: `{"data": [...], "next_cursor": ...}`

    def __str__(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def parameters(self) -> list[str]:
        return PATH_PARAMETER.findall(self.path)

    @property
    def names_resources(self) -> bool:
        """True when the path carries at least one of our ids (not only an external ref)."""
        return any(p not in EXTERNAL_REF for p in self.parameters)

    @property
    def public(self) -> bool:
        return any(p in SECRET_PARAMETERS for p in self.parameters)

    @property
    def is_upsert(self) -> bool:
        return bool(self.parameters) and set(self.parameters) <= EXTERNAL_REF.keys()


def v1_endpoints() -> list[Endpoint]:
    # FastAPI ≥ 0.137 keeps included routers as tree nodes in `app.routes`; iter_route_contexts
    # flattens them into one context per route, with the full path. The route table does not
    # depend on settings, so an app that never connects is enough to read it at collection time.
    app = create_app(Settings(database_url="sqlite+aiosqlite://"))
    return sorted(
        Endpoint(context.path, method, lists=is_page(context.original_route.response_model))
        for context in iter_route_contexts(app.routes)
        if isinstance(context.original_route, APIRoute) and context.path.startswith("/v1/")
        for method in context.methods or ()
    )


def is_page(model: Any) -> bool:
    return isinstance(model, type) and issubclass(model, Page)


ENDPOINTS = v1_endpoints()
# Inbound webhooks take no API key: the ATS's signature with the integration's secret is what
# authenticates them (and names the organization), so they get tests of their own below.
SIGNED_ENDPOINTS = [e for e in ENDPOINTS if e.path.startswith("/v1/inbound/")]
KEYED_ENDPOINTS = [e for e in ENDPOINTS if not e.public and e not in SIGNED_ENDPOINTS]
ID_ENDPOINTS = [e for e in KEYED_ENDPOINTS if e.names_resources]
UPSERT_ENDPOINTS = [e for e in KEYED_ENDPOINTS if e.is_upsert]
LIST_ENDPOINTS = [e for e in KEYED_ENDPOINTS if e.method == "GET" and e.lists]
CHANGING_ENDPOINTS = [e for e in KEYED_ENDPOINTS if e.method != "GET"]
READING_ENDPOINTS = [e for e in KEYED_ENDPOINTS if e.method == "GET"]
ADMIN_ENDPOINTS = [
    e
    for e in KEYED_ENDPOINTS
    if e.path.startswith(("/v1/api-keys", "/v1/webhook-", "/v1/integrations"))
]
# Each integration's signing secret, as create_one_of_each chose it.
INTEGRATION_SECRETS: dict[str, str] = {}


def fill(path: str, values: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            pytest.fail(
                f"{path} has path parameter {{{name}}}, which tests/test_tenancy.py does not "
                "know: add it to RESOURCE_PATHS and create one in create_one_of_each."
            )
        return values[name]

    return PATH_PARAMETER.sub(value, path)


async def call(
    client: httpx.AsyncClient, endpoint: Endpoint, ids: dict[str, str]
) -> httpx.Response:
    body = {} if endpoint.method in BODY_METHODS else None
    url = fill(endpoint.path, {**EXTERNAL_REF, **ids})
    return await client.request(endpoint.method, url, json=body)


async def created(client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> str:
    response = await client.post(path, json=body)
    assert response.status_code == 201, response.text
    return response.json()["id"]  # type: ignore[no-any-return]


async def create_one_of_each(client: httpx.AsyncClient) -> dict[str, str]:
    """One row of every kind, so every path can be filled and every list has something in it;
    the ids by path parameter name. `client` must hold an admin key."""
    # First, so the changes below owe it deliveries (the test app allows 127.0.0.1 targets;
    # nothing listens on port 9 and no worker runs).
    webhook_endpoint_id = await created(
        client, "/v1/webhook-endpoints", {"url": "http://127.0.0.1:9/hooks"}
    )
    requisition_id = await created(client, "/v1/requisitions", {"title": "Platform engineer"})
    candidate_id = await created(
        client, "/v1/candidates", {"name": "Juan Pérez", "email": "juan@example.org"}
    )
    option_id = await created(
        client, f"/v1/requisitions/{requisition_id}/options", {"candidate_id": candidate_id}
    )
    api_key_id = await created(client, "/v1/api-keys", {"name": "ATS sync", "scopes": ["read"]})
    note_template_id = await created(
        client,
        "/v1/note-templates",
        {
            "name": "Chose another candidate",
            "kind": "rejection",
            "reason_code": "chose_another_candidate",
            "body": "Hi {candidate_name}, we chose another candidate for {role_title}.",
        },
    )
    await created(
        client,
        f"/v1/candidates/{candidate_id}/touchpoints",
        {"direction": "outbound", "channel": "email", "summary": "Asked about start dates."},
    )
    # To be emailed, so its delivery can be cancelled (no worker runs).
    note_id = await created(
        client,
        f"/v1/options/{option_id}/notes",
        {
            "reason_code": "timing",
            "message": "Hi Juan, an update: we are still deciding because the start date moved.",
            "deliver": True,
        },
    )
    selected = await client.post(f"/v1/options/{option_id}/select", json={"reason": "Best fit"})
    assert selected.status_code == 200, selected.text
    await created(
        client,
        f"/v1/options/{option_id}/check-ins",
        {"verdict": "meets", "rating": 4, "reviewer_name": "Dana Whitfield"},
    )
    # A "not now" that is due, so the follow-ups list has something in it.
    held_candidate = await created(client, "/v1/candidates", {"name": "Ana Silva"})
    held_option = await created(
        client, f"/v1/requisitions/{requisition_id}/options", {"candidate_id": held_candidate}
    )
    held = await client.post(
        f"/v1/options/{held_option}/hold",
        json={"reason": "No need until spring.", "revisit_on": "2026-01-01"},
    )
    assert held.status_code == 200, held.text
    engagement_id = await created(
        client,
        f"/v1/requisitions/{requisition_id}/interim-engagements",
        {"candidate_id": candidate_id, "starts_on": "2026-01-05", "scope": "Cover on-call."},
    )
    await created(
        client,
        f"/v1/interim-engagements/{engagement_id}/check-ins",
        {"verdict": "exceeds", "rating": 5, "occurred_on": "2026-01-09"},
    )
    deliveries = await client.get(f"/v1/webhook-endpoints/{webhook_endpoint_id}/deliveries")
    assert deliveries.status_code == 200, deliveries.text
    secret = f"tenancy-{uuid.uuid4().hex}"
    integration_id = await created(
        client, "/v1/integrations", {"system": "greenhouse", "name": "Greenhouse", "secret": secret}
    )
    INTEGRATION_SECRETS[integration_id] = secret
    # A delivery, so the integration's inbound events list has something in it.
    ping = await post_signed(client, f"/v1/inbound/greenhouse/{integration_id}", secret)
    assert ping.status_code == 200, ping.text
    feed = await client.post("/v1/calendar-feeds", json={"name": "Dana's calendar"})
    assert feed.status_code == 201, feed.text
    return {
        "webhook_endpoint_id": webhook_endpoint_id,
        "webhook_delivery_id": deliveries.json()["data"][0]["id"],
        "requisition_id": requisition_id,
        "candidate_id": candidate_id,
        "option_id": option_id,
        "api_key_id": api_key_id,
        "note_template_id": note_template_id,
        "note_id": note_id,
        "engagement_id": engagement_id,
        "integration_id": integration_id,
        "calendar_feed_id": feed.json()["id"],
        "token": feed.json()["url"].removeprefix("/v1/calendar-feeds/").removesuffix(".ics"),
    }


async def post_signed(
    client: httpx.AsyncClient, url: str, secret: str | None, **headers: str
) -> httpx.Response:
    """A Greenhouse ping signed with `secret` (unsigned when None)."""
    body = json.dumps({"action": "ping", "payload": {"web_hook_id": 1}}).encode()
    headers["Content-Type"] = "application/json"
    if secret is not None:
        digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        headers["Signature"] = f"sha256 {digest}"
    return await client.post(url, content=body, headers=headers)


async def all_items(client: httpx.AsyncClient, path: str) -> list[dict[str, Any]]:
    """Every item of a list, following `next_cursor`."""
    items: list[dict[str, Any]] = []
    params: dict[str, str] = {"limit": "200"}
    while True:
        response = await client.get(path, params=params)
        assert response.status_code == 200, f"GET {path}: {response.text}"
        page = response.json()
        items.extend(page["data"])
        if page["next_cursor"] is None:
            return items
        params["cursor"] = page["next_cursor"]


async def snapshot(client: httpx.AsyncClient, ids: dict[str, str]) -> dict[str, Any]:
    """What an organization would notice changing: each resource as it reads, and every row
    of every list (the event feed included) with its version."""
    state: dict[str, Any] = {}
    for name, resource_id in ids.items():
        response = await client.get(fill(RESOURCE_PATHS[name], ids))
        assert response.status_code == 200, response.text
        json = response.headers["content-type"].startswith("application/json")
        state[f"{name} {resource_id}"] = response.json() if json else response.text
    for endpoint in LIST_ENDPOINTS:
        items = await all_items(client, fill(endpoint.path, ids))
        # Items without an id of their own (follow-ups) are compared whole.
        state[str(endpoint)] = sorted(
            (item.get("id") or repr(sorted(item.items())), item.get("version")) for item in items
        )
    return state


def uuids_in(value: Any) -> Iterator[str]:
    """Every UUID string anywhere in a JSON document (ids, and references to other rows)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from uuids_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from uuids_in(item)
    elif isinstance(value, str):
        with contextlib.suppress(ValueError):
            yield str(uuid.UUID(value))


def test_the_route_table_is_read() -> None:
    # Guards against the enumeration silently finding nothing (as happened to code that
    # filtered `app.routes` by APIRoute when FastAPI stopped flattening included routers).
    names = {str(e) for e in ENDPOINTS}
    assert {"GET /v1/requisitions/{requisition_id}", "GET /v1/events"} <= names, names


def test_every_path_parameter_is_known() -> None:
    unknown = sorted(
        f"{endpoint}: {{{name}}}"
        for endpoint in ENDPOINTS
        for name in endpoint.parameters
        if name not in RESOURCE_PATHS and name not in EXTERNAL_REF
    )
    assert not unknown, (
        "These routes have path parameters tests/test_tenancy.py cannot fill; add them to "
        f"RESOURCE_PATHS (and create one in create_one_of_each): {unknown}"
    )


@pytest.mark.parametrize("endpoint", ID_ENDPOINTS, ids=str)
async def test_another_organizations_id_answers_404_and_changes_nothing(
    tenant: Tenant, other_tenant: Tenant, endpoint: Endpoint
) -> None:
    async with tenant.client() as a:
        ids = await create_one_of_each(a)
        before = await snapshot(a, ids)
    async with other_tenant.client() as b:
        response = await call(b, endpoint, ids)
    assert_problem(response, 404, "not_found")
    async with tenant.client() as a:
        assert await snapshot(a, ids) == before


@pytest.mark.parametrize("endpoint", UPSERT_ENDPOINTS, ids=str)
async def test_upsert_by_the_same_external_ref_keeps_each_organizations_record_apart(
    tenant: Tenant, other_tenant: Tenant, endpoint: Endpoint
) -> None:
    field = UPSERT_NAME_FIELDS.get(endpoint.path)
    if field is None:
        pytest.fail(f"Add a body for {endpoint} to UPSERT_NAME_FIELDS in tests/test_tenancy.py.")
    url = fill(endpoint.path, EXTERNAL_REF)
    async with tenant.client() as a:
        first = await a.put(url, json={field: "Acme's record"})
        assert first.status_code == 201, first.text
    async with other_tenant.client() as b:
        theirs = await b.put(url, json={field: "Globex's record"})
        assert theirs.status_code == 201, theirs.text
        replaced = await b.put(url, json={field: "Globex's record, renamed"})
        assert replaced.status_code == 200, replaced.text
    assert theirs.json()["id"] != first.json()["id"]
    assert replaced.json()["id"] == theirs.json()["id"]
    async with tenant.client() as a:
        ours = await a.get(first.headers["location"])
        assert ours.json() == first.json()
        collection = first.headers["location"].rsplit("/", 1)[0]
        found = await a.get(
            collection,
            params={
                "external_system": EXTERNAL_REF["system"],
                "external_id": EXTERNAL_REF["external_id"],
            },
        )
    assert [item["id"] for item in found.json()["data"]] == [first.json()["id"]]


@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS, ids=str)
async def test_lists_never_show_another_organizations_rows(
    tenant: Tenant, other_tenant: Tenant, endpoint: Endpoint
) -> None:
    async with tenant.client() as a, other_tenant.client() as b:
        a_ids = await create_one_of_each(a)
        b_ids = await create_one_of_each(b)
        a_items = await all_items(a, fill(endpoint.path, a_ids))
        b_items = await all_items(b, fill(endpoint.path, b_ids))
    assert b_items, (
        f"{endpoint} listed nothing for the second organization, so this check proves nothing: "
        "make create_one_of_each create a row it lists."
    )
    acme = set(uuids_in(a_items)) | set(a_ids.values())
    leaked = set(uuids_in(b_items)) & acme
    assert not leaked, f"{endpoint} shows the other organization's ids {sorted(leaked)}"


async def test_event_feed_filters_cannot_reach_into_another_organization(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    async with tenant.client() as a:
        ids = await create_one_of_each(a)
        acme_event = (await all_items(a, "/v1/events"))[-1]["id"]
    async with other_tenant.client() as b:
        by_requisition = await b.get("/v1/events", params={"requisition_id": ids["requisition_id"]})
        after_acme_event = await b.get("/v1/events", params={"after": acme_event})
    assert by_requisition.status_code == 200, by_requisition.text
    assert by_requisition.json()["data"] == []
    assert_problem(after_acme_event, 404, "not_found")


async def test_an_option_cannot_be_made_of_another_organizations_candidate(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    async with tenant.client() as a:
        acme = await create_one_of_each(a)
    async with other_tenant.client() as b:
        globex = await create_one_of_each(b)
        options = f"/v1/requisitions/{globex['requisition_id']}/options"
        before = await snapshot(b, globex)
        response = await b.post(options, json={"candidate_id": acme["candidate_id"]})
        assert_problem(response, 404, "not_found")
        assert await snapshot(b, globex) == before


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer sl_not-a-key-we-issued", "Basic dXNlcjpwYXNz", "Bearer "],
    ids=["no key", "unknown key", "not a bearer token", "empty bearer token"],
)
@pytest.mark.parametrize("endpoint", KEYED_ENDPOINTS, ids=str)
async def test_calls_without_a_valid_key_get_401(
    app: object, endpoint: Endpoint, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    ids = {name: str(uuid.uuid4()) for name in RESOURCE_PATHS}
    async with make_client(app, None, **headers) as anonymous:
        response = await call(anonymous, endpoint, ids)
    assert_problem(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("endpoint", KEYED_ENDPOINTS, ids=str)
async def test_a_revoked_key_gets_401(tenant: Tenant, endpoint: Endpoint) -> None:
    async with tenant.client() as admin:
        response = await admin.post("/v1/api-keys", json={"name": "Leaver's key"})
        key = response.json()
        revoked = await admin.delete(f"/v1/api-keys/{key['id']}")
        assert revoked.status_code == 200, revoked.text
        ids = await create_one_of_each(admin)
    async with make_client(tenant.app, key["key"]) as leaver:
        response = await call(leaver, endpoint, ids)
    assert_problem(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("endpoint", CHANGING_ENDPOINTS, ids=str)
async def test_a_read_only_key_cannot_change_anything(tenant: Tenant, endpoint: Endpoint) -> None:
    async with tenant.client() as admin:
        ids = await create_one_of_each(admin)
        before = await snapshot(admin, ids)
    async with tenant.client("read") as reader:
        response = await call(reader, endpoint, ids)
    assert_problem(response, 403, "forbidden")
    async with tenant.client() as admin:
        assert await snapshot(admin, ids) == before


@pytest.mark.parametrize("endpoint", READING_ENDPOINTS, ids=str)
async def test_a_write_only_key_cannot_read(tenant: Tenant, endpoint: Endpoint) -> None:
    async with tenant.client() as admin:
        ids = await create_one_of_each(admin)
    async with tenant.client("write") as writer:
        response = await call(writer, endpoint, ids)
    assert_problem(response, 403, "forbidden")


@pytest.mark.parametrize("endpoint", ADMIN_ENDPOINTS, ids=str)
async def test_admin_routes_need_the_admin_scope(tenant: Tenant, endpoint: Endpoint) -> None:
    async with tenant.client() as admin:
        ids = await create_one_of_each(admin)
        before = await snapshot(admin, ids)
    async with tenant.client("read,write") as integration:
        response = await call(integration, endpoint, ids)
    assert_problem(response, 403, "forbidden")
    async with tenant.client() as admin:
        assert await snapshot(admin, ids) == before


def test_signed_routes_are_found() -> None:
    assert [str(e) for e in SIGNED_ENDPOINTS] == ["POST /v1/inbound/{system}/{integration_id}"]


@pytest.mark.parametrize("endpoint", SIGNED_ENDPOINTS, ids=str)
async def test_an_api_key_does_not_stand_in_for_the_signature(
    tenant: Tenant, endpoint: Endpoint
) -> None:
    async with tenant.client() as admin:
        ids = await create_one_of_each(admin)
        before = await snapshot(admin, ids)
        response = await post_signed(admin, fill(endpoint.path, {**EXTERNAL_REF, **ids}), None)
        assert_problem(response, 401, "invalid_signature")
        assert await snapshot(admin, ids) == before


@pytest.mark.parametrize("endpoint", SIGNED_ENDPOINTS, ids=str)
async def test_another_organizations_secret_is_401_and_changes_nothing(
    tenant: Tenant, other_tenant: Tenant, endpoint: Endpoint
) -> None:
    async with tenant.client() as a, other_tenant.client() as b:
        ids = await create_one_of_each(a)
        theirs = await create_one_of_each(b)
        before = await snapshot(a, ids)
        url = fill(endpoint.path, {**EXTERNAL_REF, **ids})
        async with make_client(tenant.app, None) as ats:
            response = await post_signed(ats, url, INTEGRATION_SECRETS[theirs["integration_id"]])
        assert_problem(response, 401, "invalid_signature")
        assert await snapshot(a, ids) == before


@pytest.mark.parametrize("endpoint", SIGNED_ENDPOINTS, ids=str)
async def test_an_unknown_integration_is_404_whoever_signs(
    app: object, tenant: Tenant, endpoint: Endpoint
) -> None:
    async with tenant.client() as admin:
        ids = await create_one_of_each(admin)
    secret = INTEGRATION_SECRETS[ids["integration_id"]]
    unknown = fill(endpoint.path, {**EXTERNAL_REF, **ids, "integration_id": str(uuid.uuid4())})
    async with make_client(app, None) as ats:
        for signing in (secret, None):
            assert_problem(await post_signed(ats, unknown, signing), 404, "not_found")
