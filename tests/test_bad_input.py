"""Bad input: every malformed request gets a 4xx problem+json a client can act on, never a 5xx,
and writes nothing (no row, no version bump, no event)."""

import base64
import hashlib
import hmac
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import orjson
import pytest
from conftest import Tenant

from tests.story import note_for

PROBLEM_JSON = "application/problem+json"
PROBLEM_FIELDS = {"type", "title", "status", "detail", "code"}
LIMIT = 64 * 1024  # the test app's max_body_bytes
A_UUID = "0b6f3f4e-8d5a-4a53-9d1e-2a7c51f0b8a1"
JSON = {"Content-Type": "application/json"}
HOOK_URL = "http://127.0.0.1:9/hooks"


@dataclass
class World:
    """One organization's rows, for paths and bodies to point at."""

    requisition_id: str
    candidate_id: str
    option_id: str
    spare_candidate_id: str  # not yet an option of the requisition
    webhook_endpoint_id: str

    def fill(self, path: str) -> str:
        return path.format(**vars(self))


async def make_world(client: httpx.AsyncClient) -> World:
    async def create(path: str, body: dict[str, Any]) -> str:
        response = await client.post(path, json=body)
        assert response.status_code == 201, response.text
        return response.json()["id"]  # type: ignore[no-any-return]

    requisition_id = await create("/v1/requisitions", {"title": "Platform engineer"})
    candidate_id = await create("/v1/candidates", {"name": "Juan Pérez"})
    option_id = await create(
        f"/v1/requisitions/{requisition_id}/options", {"candidate_id": candidate_id}
    )
    spare_candidate_id = await create("/v1/candidates", {"name": "Ana García"})
    # Two, so its list has a second page (the test app allows 127.0.0.1 targets).
    webhook_endpoint_id = await create("/v1/webhook-endpoints", {"url": HOOK_URL})
    await create("/v1/webhook-endpoints", {"url": HOOK_URL})
    return World(requisition_id, candidate_id, option_id, spare_candidate_id, webhook_endpoint_id)


@pytest.fixture
async def api(tenant: Tenant) -> AsyncIterator[httpx.AsyncClient]:
    async with tenant.client() as client:
        yield client


@pytest.fixture
async def world(api: httpx.AsyncClient) -> World:
    return await make_world(api)


async def all_items(client: httpx.AsyncClient, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    params = {"limit": "200"}
    while True:
        response = await client.get(path, params=params)
        assert response.status_code == 200, f"GET {path}: {response.text}"
        page = response.json()
        items.extend(page["data"])
        if page["next_cursor"] is None:
            return items
        params["cursor"] = page["next_cursor"]


async def stored_state(client: httpx.AsyncClient, world: World) -> dict[str, list[Any]]:
    """Every row a client can list, with its version, and every event."""
    state: dict[str, list[Any]] = {}
    for path in (
        "/v1/requisitions",
        "/v1/candidates",
        "/v1/requisitions/{requisition_id}/options",
        "/v1/api-keys",
        "/v1/webhook-endpoints",
        "/v1/integrations",
        "/v1/calendar-feeds",
    ):
        items = await all_items(client, world.fill(path))
        state[path] = sorted((item["id"], item["version"]) for item in items)
    state["/v1/events"] = [event["id"] for event in await all_items(client, "/v1/events")]
    return state


def assert_refused(response: httpx.Response, expected: tuple[int, ...]) -> None:
    assert response.status_code in expected, response.text[:2000]
    assert response.headers["content-type"].startswith(PROBLEM_JSON), response.headers
    problem = response.json()
    assert problem.keys() >= PROBLEM_FIELDS, problem
    assert problem["status"] == response.status_code, problem
    if response.status_code == 422 and problem["code"] == "validation_failed":
        assert isinstance(problem["errors"], list) and problem["errors"], problem
    if response.status_code == 413:
        assert problem["code"] == "payload_too_large", problem
    assert "Traceback" not in response.text


async def send_and_expect_refusal(
    client: httpx.AsyncClient,
    world: World,
    method: str,
    path: str,
    expected: tuple[int, ...],
    **request: Any,
) -> None:
    before = await stored_state(client, world)
    response = await client.request(method, world.fill(path), **request)
    assert_refused(response, expected)
    assert await stored_state(client, world) == before, "a refused request changed stored data"


# ---------------------------------------------------------------- write endpoints and bodies


@dataclass(frozen=True)
class Write:
    name: str
    method: str
    path: str
    valid: Callable[[World], dict[str, Any]]  # a body that works; each case breaks one thing
    text_field: str  # a free-text field with a length limit
    bad_values: list[tuple[str, Any]]  # a field and a value of the wrong type or out of range
    read_only: dict[str, Any]  # field → a value a client might try to set
    not_null: tuple[str, ...] = ()  # fields a PATCH must not clear

    def __str__(self) -> str:
        return self.name


TIMESTAMP = "2026-11-26T09:30:00Z"
RESPECTFUL_NOTE = note_for("Juan", reason_code="no_current_need")
CREATE_READ_ONLY = {"id": A_UUID, "version": 1, "created_at": TIMESTAMP, "updated_at": TIMESTAMP}
PATCH_READ_ONLY = {"id": A_UUID, "version": 7, "created_at": TIMESTAMP}
# Within the limit of 20 alone, but not with the ref in an upsert's path (was a 500).
TWENTY_OTHER_REFS = [{"system": "lever", "external_id": str(i)} for i in range(20)]
NUL_IN_A_REF = [{"system": "greenhouse", "external_id": "40\u000012"}]

BAD_REQUISITION_VALUES = [
    ("title", 123),
    ("headcount", "two"),
    ("headcount", 0),
    # An integer is a JSON integer: `true` is not 1, and "2" is text (found by the fuzzer).
    ("headcount", True),
    ("headcount", "2"),
    ("checkin_cadence_days", [7, True]),
    ("target_start_date", "next week"),
    # Numbers are not dates (pydantic would read them as seconds since 1970).
    ("target_start_date", 0),
    ("target_start_date", "0"),
    ("target_start_date", "1899-12-31"),
    ("target_start_date", "2201-01-01"),
    ("external_refs", "greenhouse:4012"),
    ("external_refs", NUL_IN_A_REF),
]
BAD_CANDIDATE_VALUES = [
    ("name", ["Juan"]),
    ("kind", "robot"),
    ("tags", "python"),
    ("tags", ["pyth\u0000on"]),
    ("email", {"address": "juan@example.com"}),
    ("available_from", "2026-02-30"),
    ("available_from", 86400),
    ("available_from", "2026-01-01T00:00:00Z"),
    # A consent is a real boolean, not something that looks like one.
    ("keep_in_touch_consent", 0),
    ("keep_in_touch_consent", 1),
    ("keep_in_touch_consent", "true"),
    ("keep_in_touch_consent", "yes"),
]

BAD_WEBHOOK_VALUES = [
    ("url", 42),
    ("url", "not a url"),
    ("url", "ftp://files.example.com/drop"),
    ("url", "https://"),
    ("url", "https://example.com/" + "x" * 2048),
    ("url", "https://127.0.0.1/\u0000"),
    ("event_types", "option.selected"),
    ("event_types", []),
    ("event_types", ["option.exploded"]),
    ("event_types", ["*", "option.selected"]),
    ("event_types", [42]),
]

WRITES = [
    Write(
        name="create requisition",
        method="POST",
        path="/v1/requisitions",
        valid=lambda w: {"title": "Platform engineer"},
        text_field="title",
        bad_values=BAD_REQUISITION_VALUES,
        read_only={**CREATE_READ_ONLY, "status": "filled"},
    ),
    Write(
        name="update requisition",
        method="PATCH",
        path="/v1/requisitions/{requisition_id}",
        valid=lambda w: {"title": "Staff platform engineer"},
        text_field="description",
        bad_values=[*BAD_REQUISITION_VALUES, ("status", "filled")],
        read_only=PATCH_READ_ONLY,
        not_null=("title", "headcount", "status", "external_refs"),
    ),
    Write(
        name="upsert requisition",
        method="PUT",
        path="/v1/requisitions/by-external-ref/greenhouse/4012",
        valid=lambda w: {"title": "Platform engineer"},
        text_field="title",
        bad_values=[*BAD_REQUISITION_VALUES, ("external_refs", TWENTY_OTHER_REFS)],
        read_only={**CREATE_READ_ONLY, "status": "open"},
    ),
    Write(
        name="create candidate",
        method="POST",
        path="/v1/candidates",
        valid=lambda w: {"name": "Juan Pérez"},
        text_field="name",
        bad_values=BAD_CANDIDATE_VALUES,
        read_only={**CREATE_READ_ONLY, "erased_at": TIMESTAMP},
    ),
    Write(
        name="update candidate",
        method="PATCH",
        path="/v1/candidates/{candidate_id}",
        valid=lambda w: {"headline": "Staff engineer"},
        text_field="headline",
        bad_values=BAD_CANDIDATE_VALUES,
        read_only={**PATCH_READ_ONLY, "erased_at": TIMESTAMP},
        not_null=("name", "kind", "tags", "keep_in_touch_consent", "external_refs"),
    ),
    Write(
        name="upsert candidate",
        method="PUT",
        path="/v1/candidates/by-external-ref/greenhouse/69306314",
        valid=lambda w: {"name": "Juan Pérez"},
        text_field="name",
        bad_values=[*BAD_CANDIDATE_VALUES, ("external_refs", TWENTY_OTHER_REFS)],
        read_only=CREATE_READ_ONLY,
    ),
    Write(
        name="create option",
        method="POST",
        path="/v1/requisitions/{requisition_id}/options",
        valid=lambda w: {"candidate_id": w.spare_candidate_id},
        text_field="fit_summary",
        bad_values=[
            ("candidate_id", "not-a-uuid"),
            ("rank", "first"),
            ("rank", True),
            ("fit_summary", 42),
        ],
        read_only={**CREATE_READ_ONLY, "status": "selected", "at_risk": True},
    ),
    Write(
        name="update option",
        method="PATCH",
        path="/v1/options/{option_id}",
        valid=lambda w: {"rank": 1},
        text_field="fit_summary",
        bad_values=[
            ("rank", 0),
            ("rank", "2"),
            ("fit_summary", ["good"]),
            ("external_refs", {"system": "lever"}),
        ],
        read_only={**PATCH_READ_ONLY, "status": "hired", "candidate_id": A_UUID},
        not_null=("external_refs",),
    ),
    Write(
        name="create integration",
        method="POST",
        path="/v1/integrations",
        valid=lambda w: {"system": "greenhouse", "name": "Greenhouse"},
        text_field="name",
        bad_values=[
            ("system", "workday"),
            ("name", 42),
            ("secret", "too short"),
            ("secret", "a secret with spaces in it"),
        ],
        read_only={**CREATE_READ_ONLY, "inbound_url": "/v1/inbound/greenhouse/x"},
    ),
    Write(
        name="create api key",
        method="POST",
        path="/v1/api-keys",
        valid=lambda w: {"name": "Lever sync"},
        text_field="name",
        bad_values=[("name", 42), ("scopes", "read"), ("scopes", ["root"])],
        read_only={**CREATE_READ_ONLY, "key": "sl_chosen-by-the-client", "prefix": "sl_chosen"},
    ),
    Write(
        name="create webhook endpoint",
        method="POST",
        path="/v1/webhook-endpoints",
        valid=lambda w: {"url": HOOK_URL, "event_types": ["option.selected"]},
        text_field="description",
        bad_values=BAD_WEBHOOK_VALUES,
        read_only={
            **CREATE_READ_ONLY,
            "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "status": "disabled",
            "enabled": False,
        },
    ),
    Write(
        name="update webhook endpoint",
        method="PATCH",
        path="/v1/webhook-endpoints/{webhook_endpoint_id}",
        valid=lambda w: {"description": "Lever sync", "enabled": False},
        text_field="description",
        bad_values=[*BAD_WEBHOOK_VALUES, ("enabled", "sometimes")],
        read_only={**PATCH_READ_ONLY, "secret": "whsec_x", "status": "enabled"},
        not_null=("url", "event_types", "enabled"),
    ),
    Write(
        name="create calendar feed",
        method="POST",
        path="/v1/calendar-feeds",
        valid=lambda w: {"name": "Dana's calendar"},
        text_field="name",
        bad_values=[("name", 42), ("name", ""), ("name", ["Dana"])],
        read_only={
            **CREATE_READ_ONLY,
            "url": "/v1/calendar-feeds/cal_chosen-by-the-client.ics",
            "revoked_at": TIMESTAMP,
        },
    ),
    Write(
        name="hold option",
        method="POST",
        path="/v1/options/{option_id}/hold",
        valid=lambda w: {"reason": "No budget until spring.", "revisit_on": "2027-04-01"},
        text_field="reason",
        bad_values=[
            ("revisit_on", 86400),
            ("revisit_on", "86400"),
            ("revisit_on", "0001-01-01"),
            ("note", {**RESPECTFUL_NOTE, "door_open": 0}),
            ("note", {**RESPECTFUL_NOTE, "keep_in_touch_on": 0}),
            ("note", {**RESPECTFUL_NOTE, "keep_in_touch_on": "9999-12-31"}),
        ],
        read_only={"status": "on_hold"},
    ),
    Write(
        name="log touchpoint",
        method="POST",
        path="/v1/candidates/{candidate_id}/touchpoints",
        valid=lambda w: {"direction": "outbound", "channel": "call"},
        text_field="summary",
        bad_values=[
            ("occurred_at", 0),
            ("occurred_at", "0001-01-01T00:00:00Z"),  # a touchpoint in year 1
            ("occurred_at", "1899-12-31T23:00:00Z"),
            ("occurred_at", "2026-01-01"),
        ],
        read_only=CREATE_READ_ONLY,
    ),
]


@dataclass(frozen=True)
class BadBody:
    name: str
    request: Callable[[Write, dict[str, Any]], dict[str, Any]]  # → httpx request arguments
    expected: tuple[int, ...] = (422,)


def with_fields(**fields: Any) -> Callable[[Write, dict[str, Any]], dict[str, Any]]:
    return lambda write, body: {"json": {**body, **fields}}


def with_text(text: str) -> Callable[[Write, dict[str, Any]], dict[str, Any]]:
    return lambda write, body: {"json": {**body, write.text_field: text}}


def raw(content: bytes) -> Callable[[Write, dict[str, Any]], dict[str, Any]]:
    return lambda write, body: {"content": content, "headers": JSON}


def padded_over_the_limit(write: Write, body: dict[str, Any]) -> dict[str, Any]:
    # Valid JSON, just too big: the whitespace makes it exceed the limit.
    return {"content": orjson.dumps(body) + b" " * LIMIT, "headers": JSON}


def streamed_over_the_limit(write: Write, body: dict[str, Any]) -> dict[str, Any]:
    # No Content-Length: the limit must hold while reading, not only on the declared size.
    async def chunks() -> AsyncIterator[bytes]:
        yield orjson.dumps(body)
        for _ in range(LIMIT // 1024 + 1):
            yield b" " * 1024

    return {"content": chunks(), "headers": JSON}


def as_text_plain(write: Write, body: dict[str, Any]) -> dict[str, Any]:
    return {"content": orjson.dumps(body), "headers": {"Content-Type": "text/plain"}}


def as_form(write: Write, body: dict[str, Any]) -> dict[str, Any]:
    return {"data": {k: str(v) for k, v in body.items()}}


def without_content_type(write: Write, body: dict[str, Any]) -> dict[str, Any]:
    return {"content": orjson.dumps(body)}


EVERY_WRITE = [
    BadBody("malformed JSON", raw(b'{"title": "Platform')),
    BadBody("JSON array instead of object", lambda write, body: {"json": [body]}),
    BadBody("JSON string instead of object", lambda write, body: {"json": "Platform engineer"}),
    BadBody("JSON null instead of object", raw(b"null")),
    BadBody("empty body", raw(b"")),
    BadBody("invalid UTF-8", raw(b'{"name": "\xff\xfe"}'), (400, 422)),
    BadBody("deeply nested JSON", raw(b"[" * 30_000 + b"]" * 30_000), (400, 422)),
    BadBody("NUL byte in a string", with_text("a\u0000b")),
    BadBody("10_001-character string", with_text("x" * 10_001)),
    BadBody("100_000-character string", with_text("x" * 100_000), (413,)),
    BadBody("unknown field", with_fields(colour="blue")),
    BadBody(
        "On-Behalf-Of over 200 characters",
        lambda write, body: {"json": body, "headers": {"On-Behalf-Of": "x" * 201}},
    ),
    BadBody("body over the request limit", padded_over_the_limit, (413,)),
    BadBody("body over the limit, streamed", streamed_over_the_limit, (413,)),
    BadBody("text/plain content type", as_text_plain, (415, 422)),
    BadBody("form-encoded body", as_form, (415, 422)),
    BadBody("no content type", without_content_type, (415, 422)),
]


def bad_bodies(write: Write) -> list[BadBody]:
    return [
        *EVERY_WRITE,
        *(BadBody(f"{k} = {v!r}", with_fields(**{k: v})) for k, v in write.bad_values),
        *(BadBody(f"read-only {k}", with_fields(**{k: v})) for k, v in write.read_only.items()),
        *(BadBody(f"{k} = null", with_fields(**{k: None})) for k in write.not_null),
    ]


@pytest.mark.parametrize("write", WRITES, ids=str)
async def test_the_valid_body_is_accepted(
    api: httpx.AsyncClient, world: World, write: Write
) -> None:
    # The cases below change one thing in this body; it must work as it is.
    response = await api.request(write.method, world.fill(write.path), json=write.valid(world))
    assert response.status_code in (200, 201), response.text


@pytest.mark.parametrize(
    ("write", "bad"),
    [pytest.param(w, b, id=f"{w} - {b.name}") for w in WRITES for b in bad_bodies(w)],
)
async def test_a_bad_body_is_refused_and_writes_nothing(
    api: httpx.AsyncClient, world: World, write: Write, bad: BadBody
) -> None:
    request = bad.request(write, write.valid(world))
    await send_and_expect_refusal(api, world, write.method, write.path, bad.expected, **request)


# ---------------------------------------------------------------- lists and query parameters

LISTS = [
    "/v1/requisitions",
    "/v1/candidates",
    "/v1/requisitions/{requisition_id}/options",
    "/v1/events",
    "/v1/requisitions/{requisition_id}/timeline",
    "/v1/api-keys",
    "/v1/webhook-endpoints",
    "/v1/webhook-endpoints/{webhook_endpoint_id}/deliveries",
    "/v1/integrations",
]


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor_of(values: Any) -> str:
    return b64(json.dumps(values).encode())  # not orjson: it refuses integers beyond 64 bits


BAD_LIMITS = ["0", "-1", "201", "100000000000000000000", "9" * 5000, "ten", "1.5", ""]

BAD_CURSORS = {
    "random text": "not a cursor at all",
    "base64 of junk bytes": b64(b"\xff\x00\x9c junk"),
    "base64 of a JSON object": cursor_of({"created_at": "2026-01-01T00:00:00Z"}),
    "empty JSON list": cursor_of([]),
    "numbers for every key": cursor_of([1, 2]),
    "strings for every key": cursor_of(["yesterday", "someone"]),
    "nulls for every key": cursor_of([None, None]),
    "a number where the id goes": cursor_of(["2026-01-01T00:00:00+00:00", 5]),
    "null then a number": cursor_of([None, 5]),
    "an object where the id goes": cursor_of([1, {"id": A_UUID}]),
    "a time without offset": cursor_of(["2026-01-01T00:00:00", A_UUID]),
    "a number too big for the database": cursor_of([2**63]),
    "a boolean": cursor_of([True]),
    "600 characters": "A" * 600,
}


@dataclass(frozen=True)
class BadQuery:
    path: str
    params: dict[str, str]
    name: str = ""
    expected: tuple[int, ...] = (422,)

    def __str__(self) -> str:
        return (
            self.name or f"{self.path}?{'&'.join(f'{k}={v[:40]}' for k, v in self.params.items())}"
        )


BAD_QUERIES = [
    *(BadQuery(path, {"limit": limit}) for path in LISTS for limit in BAD_LIMITS),
    *(
        BadQuery(path, {"cursor": cursor}, f"{path} cursor: {name}")
        for path in LISTS
        for name, cursor in BAD_CURSORS.items()
    ),
    *(
        BadQuery(path, {"updated_after": value})
        for path in (
            "/v1/requisitions",
            "/v1/candidates",
            "/v1/requisitions/{requisition_id}/options",
        )
        for value in ("2026-01-01T00:00:00", "2026-01-01", "yesterday", "2026-13-45T00:00:00Z")
    ),
    *(
        BadQuery(path, {"updated_after": value})
        for path in ("/v1/requisitions", "/v1/candidates")
        for value in ("0", "86400", "0001-01-01T00:00:00Z", "2201-01-01T00:00:00Z")
    ),
    *(
        BadQuery(path, {"due_before": value})
        for path in ("/v1/follow-ups", "/v1/follow-ups.ics")
        for value in ("0", "86400", "20270101", "0001-01-01", "2201-01-01", "tomorrow")
    ),
    *(BadQuery("/v1/calendar-feeds", {"limit": limit}) for limit in BAD_LIMITS),
    *(
        BadQuery("/v1/calendar-feeds", {"cursor": cursor}, f"/v1/calendar-feeds cursor: {name}")
        for name, cursor in BAD_CURSORS.items()
    ),
    BadQuery("/v1/events", {"requisition_id": "not-a-uuid"}),
    BadQuery("/v1/events", {"after": "not-a-uuid"}),
    BadQuery("/v1/events", {"after": A_UUID}, "/v1/events after an unknown event", (404,)),
    BadQuery("/v1/events", {"type": "DROP TABLE events"}),
    BadQuery("/v1/requisitions", {"status": "hiring"}),
    BadQuery("/v1/requisitions/{requisition_id}/options", {"status": "maybe"}),
    BadQuery("/v1/candidates", {"kind": "robot"}),
    BadQuery("/v1/candidates", {"q": ""}),
    BadQuery("/v1/candidates", {"q": "a\u0000b"}),
    BadQuery("/v1/candidates", {"q": "x" * 201}),
    BadQuery("/v1/candidates", {"external_system": "Greenhouse!"}),
    BadQuery("/v1/requisitions", {"external_id": "a\u0000b"}),
    BadQuery("/v1/webhook-endpoints/{webhook_endpoint_id}/deliveries", {"status": "lost"}),
]


@pytest.mark.parametrize("query", BAD_QUERIES, ids=str)
async def test_a_bad_list_query_is_refused(
    api: httpx.AsyncClient, world: World, query: BadQuery
) -> None:
    await send_and_expect_refusal(
        api, world, "GET", query.path, query.expected, params=query.params
    )


async def issued_cursor(api: httpx.AsyncClient, world: World, path: str) -> str:
    """A `next_cursor` the list at `path` really issued (after making sure it has two rows)."""
    await api.post("/v1/requisitions", json={"title": "Site reliability engineer"})
    options = world.fill("/v1/requisitions/{requisition_id}/options")
    await api.post(options, json={"candidate_id": world.spare_candidate_id})
    for name in ("Greenhouse", "Greenhouse (staging)"):
        await api.post("/v1/integrations", json={"system": "greenhouse", "name": name})
    first = await api.get(world.fill(path), params={"limit": 1})
    cursor = first.json()["next_cursor"]
    assert cursor is not None, first.text
    return cursor  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", LISTS)
async def test_a_cursor_the_list_issued_is_accepted(
    api: httpx.AsyncClient, world: World, path: str
) -> None:
    # The control for the refusals around it: an API that refused every cursor would pass them.
    cursor = await issued_cursor(api, world, path)
    first = await api.get(world.fill(path), params={"limit": 1})
    second = await api.get(world.fill(path), params={"limit": 1, "cursor": cursor})
    assert second.status_code == 200, second.text
    assert second.json()["data"][0]["id"] != first.json()["data"][0]["id"]


# Values wrong for every kind of sort key (time, id, integer, text).
TAMPERED_VALUES = {
    "an object": {"id": A_UUID},
    "a list": [],
    "a boolean": True,
    "a fraction": 1.5,
    "an integer too big for the database": 2**63,
    "an integer too small for the database": -(2**63) - 1,
}


@pytest.mark.parametrize("value", TAMPERED_VALUES.values(), ids=TAMPERED_VALUES.keys())
@pytest.mark.parametrize("path", LISTS)
async def test_an_issued_cursor_with_a_value_replaced_is_refused(
    api: httpx.AsyncClient, world: World, path: str, value: Any
) -> None:
    cursor = await issued_cursor(api, world, path)
    values = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert isinstance(values, list), f"cursors are no longer base64 JSON lists: {values!r}"
    for position in range(len(values)):
        tampered = cursor_of([*values[:position], value, *values[position + 1 :]])
        await send_and_expect_refusal(api, world, "GET", path, (422,), params={"cursor": tampered})


# A real cursor used on a list it was not issued for.
FOREIGN_CURSORS = [
    pytest.param(source, target, id=f"{source} cursor on {target}")
    for source in ("/v1/events", "/v1/api-keys", "/v1/requisitions")
    for target in LISTS
    if target != source
    and {source, target} != {"/v1/events", "/v1/requisitions/{requisition_id}/timeline"}
]


@pytest.mark.parametrize(("source", "target"), FOREIGN_CURSORS)
async def test_a_cursor_from_another_list_is_refused(
    api: httpx.AsyncClient, world: World, source: str, target: str
) -> None:
    cursor = await issued_cursor(api, world, source)
    await send_and_expect_refusal(api, world, "GET", target, (422,), params={"cursor": cursor})


# ---------------------------------------------------------------- malformed ids in paths

ID_ROUTES = [
    ("GET", "/v1/requisitions/{}"),
    ("PATCH", "/v1/requisitions/{}"),
    ("GET", "/v1/requisitions/{}/options"),
    ("POST", "/v1/requisitions/{}/options"),
    ("GET", "/v1/requisitions/{}/timeline"),
    ("GET", "/v1/candidates/{}"),
    ("PATCH", "/v1/candidates/{}"),
    ("DELETE", "/v1/candidates/{}"),
    ("GET", "/v1/options/{}"),
    ("PATCH", "/v1/options/{}"),
    ("GET", "/v1/api-keys/{}"),
    ("DELETE", "/v1/api-keys/{}"),
    ("GET", "/v1/webhook-endpoints/{}"),
    ("PATCH", "/v1/webhook-endpoints/{}"),
    ("DELETE", "/v1/webhook-endpoints/{}"),
    ("POST", "/v1/webhook-endpoints/{}/rotate-secret"),
    ("POST", "/v1/webhook-endpoints/{}/test"),
    ("GET", "/v1/webhook-endpoints/{}/deliveries"),
    ("GET", "/v1/webhook-deliveries/{}"),
    ("POST", "/v1/webhook-deliveries/{}/retry"),
    ("GET", "/v1/integrations/{}"),
    ("DELETE", "/v1/integrations/{}"),
    ("GET", "/v1/integrations/{}/inbound-events"),
    ("POST", "/v1/inbound/greenhouse/{}"),
]
BAD_UUIDS = {
    "not a uuid": "not-a-uuid",
    "a number": "12345",
    "one digit short": A_UUID[:-1],
    "trailing junk": A_UUID + "x",
    "2000 characters": "a" * 2000,
    "NUL byte": "%00",
}


@pytest.mark.parametrize("bad_id", BAD_UUIDS.values(), ids=BAD_UUIDS.keys())
@pytest.mark.parametrize(
    ("method", "path"), [pytest.param(m, p, id=f"{m} {p}") for m, p in ID_ROUTES]
)
async def test_a_malformed_id_in_the_path_is_refused(
    api: httpx.AsyncClient, world: World, method: str, path: str, bad_id: str
) -> None:
    body = {} if method in ("POST", "PATCH") else None
    await send_and_expect_refusal(api, world, method, path.replace("{}", bad_id), (422,), json=body)


# ---------------------------------------------------------------- inbound webhooks

SIGNED_BAD_BODIES = {
    "malformed JSON": (b'{"action": "ping', (422,)),
    "JSON array": (b"[]", (422,)),
    "JSON null": (b"null", (422,)),
    "empty body": (b"", (422,)),
    "invalid UTF-8": (b'{"action": "\xff\xfe"}', (422,)),
    "deeply nested JSON": (b"[" * 30_000 + b"]" * 30_000, (422,)),
    "NUL byte in the action": (b'{"action": "pi\\u0000ng"}', (422,)),
    "payload not an object": (b'{"action": "reject_candidate", "payload": []}', (422,)),
    "no application": (b'{"action": "reject_candidate", "payload": {}}', (422,)),
    "body over the request limit": (b'{"action": "ping"}' + b" " * LIMIT, (413,)),
}


@pytest.mark.parametrize(
    ("body", "expected"), SIGNED_BAD_BODIES.values(), ids=SIGNED_BAD_BODIES.keys()
)
async def test_a_signed_but_bad_inbound_body_is_refused_and_changes_nothing(
    api: httpx.AsyncClient, world: World, body: bytes, expected: tuple[int, ...]
) -> None:
    # Signed with the right secret: the refusal is about the body, not the signature.
    response = await api.post("/v1/integrations", json={"system": "greenhouse", "name": "GH"})
    integration = response.json()
    signature = hmac.new(integration["secret"].encode(), body, hashlib.sha256).hexdigest()
    headers = {**JSON, "Signature": f"sha256 {signature}"}
    await send_and_expect_refusal(
        api, world, "POST", integration["inbound_url"], expected, content=body, headers=headers
    )


BAD_FEED_TOKENS = {
    "not a token": "not-a-token",
    "an id instead": A_UUID,
    "one character short": "cal_" + "A" * 42,
    "a NUL byte": "cal_" + "A" * 42 + "%00",
    "2000 characters": "cal_" + "A" * 2000,
}


@pytest.mark.parametrize("token", BAD_FEED_TOKENS.values(), ids=BAD_FEED_TOKENS.keys())
async def test_a_malformed_calendar_feed_token_is_refused(
    api: httpx.AsyncClient, world: World, token: str
) -> None:
    await send_and_expect_refusal(api, world, "GET", f"/v1/calendar-feeds/{token}.ics", (422,))
