"""The OpenAPI document and offline `/docs` and `/redoc` pages.

Routers declare what is theirs: schemas, summaries, and the problems their own rules raise
(`app.kit.errors.responses`). This module adds, in one place, what every operation shares: the
error responses as problem+json (authentication, validation, limits, concurrency, rate limits,
server errors), the headers each response sets and each request may send, and named
enumerations, so a generated client has one `OptionStatus` rather than one per field.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any, cast, get_args

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema
from starlette.responses import HTMLResponse

from app.bench.schemas import Flag, Warmth
from app.followups.schemas import FollowUpReason
from app.kit.auth import Scope
from app.kit.errors import PROBLEM_CODES, PROBLEM_JSON
from app.kit.event_types import EventType
from app.kit.pagination import Page
from app.kit.ratelimit import EXEMPT_PATHS
from app.kit.schemas import ResourceOut
from app.models.candidate import CandidateKind
from app.models.checkin import Verdict
from app.models.interim_engagement import EngagementStatus
from app.models.note import NoteKind, ReasonCode
from app.models.requisition import RequisitionStatus
from app.models.touchpoint import Channel, Direction
from app.notes.respect import Severity
from app.notes.schemas import Finding
from app.options.state_machine import Action, OptionStatus

# Swagger UI and ReDoc ship inside a Python package made for FastAPI, so the docs render
# without internet.
ASSETS = Path(fastapi_offline.__file__).parent / "static"
ASSETS_URL = "/docs-assets"
# The pages may load only what this server serves. ReDoc's bundle shows a logo from its CDN
# in every sidebar; the policy keeps the browser from asking for it (the page hides it).
# Swagger UI starts from an inline script; ReDoc compiles schema validators (eval) and runs
# its search in a blob: worker. None of that reaches outside.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; "
    "connect-src 'self'; frame-ancestors 'none'"
)

DESCRIPTION = """
Shortlist helps a hiring manager **keep options open**: rank every candidate or provider
still in play for a role, keep a runner-up warm, put options on hold instead of rejecting
them, and reactivate the runner-up in one audited step when the first choice fails.

* Authenticate with `Authorization: Bearer <api key>`; keys have the scopes `read`, `write`
  and `admin`. `On-Behalf-Of` names the person a call acts for.
* Errors are `application/problem+json` with a stable `code`; each operation lists the
  statuses and codes it can answer.
* Single resources carry an `ETag`; send it as `If-Match` on changes to avoid lost updates.
* Lists are keyset-paginated: follow `next_cursor` (or the `Link: rel="next"` header).
* Every POST accepts an `Idempotency-Key`.
* Dates are `YYYY-MM-DD` and instants RFC 3339 with an offset, both as strings; booleans are
  `true` or `false`. Numbers in their place are refused.
"""

# Named enumerations: every inline `enum` with exactly these values becomes a `$ref`.
VOCABULARIES: dict[str, Any] = {
    "CandidateKind": CandidateKind,
    "RequisitionStatus": RequisitionStatus,
    "OptionStatus": OptionStatus,
    "OptionAction": Action,
    "NoteKind": NoteKind,
    "ReasonCode": ReasonCode,
    "Severity": Severity,
    "Verdict": Verdict,
    "EngagementStatus": EngagementStatus,
    "TouchpointDirection": Direction,
    "TouchpointChannel": Channel,
    "Scope": Scope,
    "EventType": EventType,
    "FollowUpReason": FollowUpReason,
    "Warmth": Warmth,
    "BenchFlag": Flag,
}


class ValidationIssue(BaseModel):
    loc: list[str | int] = Field(examples=[["body", "revisit_on"]])
    msg: str
    type: str


def _absent_not_null(schema: dict[str, Any]) -> None:
    # The extension members are left out when they do not apply; they are never null.
    for member in schema["properties"].values():
        if member.get("default", ...) is None:
            del member["default"]


class ProblemBody(BaseModel):
    """RFC 9457 problem details, as every error response of this API carries them."""

    model_config = ConfigDict(extra="allow", json_schema_extra=_absent_not_null)

    type: str = Field(examples=["/problems/not_found"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No requisition with that id."])
    code: str = Field(
        description="Stable machine-readable error code; each response lists its codes.",
        examples=["not_found"],
    )
    errors: list[ValidationIssue] | SkipJsonSchema[None] = Field(
        default=None, description="With `validation_failed`: one entry per problem."
    )
    findings: list[Finding] | SkipJsonSchema[None] = Field(
        default=None, description="With `note_not_respectful`: what the respect check found."
    )
    allowed_actions: list[Action] | SkipJsonSchema[None] = Field(
        default=None, description="With `invalid_transition`: what the option's status allows."
    )
    current_status: str | SkipJsonSchema[None] = Field(
        default=None,
        description="With `invalid_transition` and `checkin_not_allowed`: the option's or "
        "engagement's status.",
    )
    headcount: int | SkipJsonSchema[None] = Field(
        default=None, description="With `headcount_reached`: the requisition's headcount."
    )
    seats_taken: int | SkipJsonSchema[None] = Field(
        default=None, description="With `headcount_reached`: selected and hired options."
    )
    current_etag: str | SkipJsonSchema[None] = Field(
        default=None, description="With `precondition_failed`: the resource's `ETag` now."
    )
    required_scope: Scope | SkipJsonSchema[None] = Field(
        default=None, description="With `forbidden`: the scope the API key lacks."
    )
    seats: list[dict[str, str]] | SkipJsonSchema[None] = Field(
        default=None,
        description="With `headcount_below_seats`: the selected and hired options "
        "(`option_id`, `status`) that hold the seats.",
    )
    allowed_statuses: list[str] | SkipJsonSchema[None] = Field(
        default=None,
        description="With `invalid_status_change`: the statuses the requisition may move to.",
    )
    request_id: str = Field(
        description="This request's `X-Request-ID`: quote it when reporting a problem.",
        examples=["4bf92f3577b34da6a3ce929d0e0e4736"],
    )


def _header(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "schema": schema}


REF_TEMPLATE = "#/components/schemas/{model}"

HEADERS = {
    "ETag": _header(
        "An entity tag: a resource's is its version (send it as `If-Match`); a calendar's, "
        "a hash of its content (send it as `If-None-Match`).",
        {"type": "string", "pattern": '^"[0-9a-f]+"$', "examples": ['"3"']},
    ),
    "Location": _header("Where the created resource is read.", {"type": "string"}),
    "Link": _header(
        'The next page, as `<url>; rel="next"`; absent on the last page.', {"type": "string"}
    ),
    "Idempotent-Replayed": _header(
        "`true` when this is the stored response of an earlier request with the same "
        "`Idempotency-Key`.",
        {"type": "string", "enum": ["true"]},
    ),
    "Retry-After": _header("Seconds to wait before retrying.", {"type": "string"}),
    "WWW-Authenticate": _header("`Bearer`: send an API key.", {"type": "string"}),
    "Allow": _header("The methods the path has.", {"type": "string"}),
    "Last-Modified": _header("When this last changed (an HTTP date).", {"type": "string"}),
    "X-Request-ID": _header(
        "This request's id: the client's own when it sent a plain one (up to 128 letters, "
        "digits and `._:@/+=-`), otherwise a new one. Quote it when reporting a problem.",
        {"type": "string", "examples": ["4bf92f3577b34da6a3ce929d0e0e4736"]},
    ),
    "RateLimit-Limit": _header(
        "Requests the budget this one counted against allows in its window (reads or "
        "writes of this API key, or of this address without one).",
        {"type": "integer", "examples": [600]},
    ),
    "RateLimit-Remaining": _header(
        "Requests left in the current window.", {"type": "integer", "examples": [599]}
    ),
    "RateLimit-Reset": _header(
        "Seconds until the current window ends.", {"type": "integer", "examples": [42]}
    ),
    "RateLimit-Policy": _header(
        "The budget as `<requests>;w=<window in seconds>`.",
        {"type": "string", "examples": ["600;w=60"]},
    ),
}
RATE_LIMIT_HEADERS = (
    "RateLimit-Limit",
    "RateLimit-Policy",
    "RateLimit-Remaining",
    "RateLimit-Reset",
)

_KEY_EDGE = r"[\x21-\x7e\xa1-\xac\xae-\xff]"
_KEY_INNER = r"[\x20-\x7e\xa1-\xac\xae-\xff]"
IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "Makes a retry safe: a repeat with the same key and body replays the first response "
        "(marked `Idempotent-Replayed: true`); a different body is 422 "
        "`idempotency_key_reused`; a repeat while the first is still running is 409 "
        "`idempotency_in_flight`; a repeat after the response named a candidate who has since "
        "been erased is 410 `response_erased` (the request is not run again). 1–255 printable "
        "characters; kept at least 24 hours."
    ),
    # Printable characters (as Python's `str.isprintable` on the Latin-1 a header carries),
    # with no space at either end, which HTTP would strip.
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": 255,
        "pattern": f"^{_KEY_EDGE}({_KEY_INNER}*{_KEY_EDGE})?$",
    },
}


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    spec: dict[str, Any]
    route: APIRoute | None

    @property
    def parameters(self) -> set[tuple[str, str]]:
        return {(p["in"], p["name"]) for p in self.spec.get("parameters", [])}

    @property
    def authenticated(self) -> bool:
        return bool(self.spec.get("security"))

    @property
    def api(self) -> bool:
        """Under /v1, where the request middleware reads bodies and runs transactions."""
        return self.path.startswith("/v1/")

    @property
    def has_body(self) -> bool:
        return "requestBody" in self.spec

    @property
    def has_input(self) -> bool:
        return self.has_body or bool(self.parameters)

    @property
    def names_resources(self) -> bool:
        return any(where == "path" and name.endswith("_id") for where, name in self.parameters)

    @property
    def writes(self) -> bool:
        return self.method != "get"


@dataclass(frozen=True)
class SharedProblem:
    status: int
    codes: tuple[str, ...]
    applies: Callable[[Operation], bool]
    headers: tuple[str, ...] = ()


# What every operation can answer, by what it is: one table instead of per-route lists.
SHARED_PROBLEMS = (
    SharedProblem(400, ("bad_request",), lambda op: op.has_body),  # an undecodable body
    SharedProblem(401, ("unauthorized",), lambda op: op.authenticated, ("WWW-Authenticate",)),
    SharedProblem(403, ("forbidden",), lambda op: op.authenticated),
    SharedProblem(404, ("not_found",), lambda op: op.names_resources),
    SharedProblem(405, ("method_not_allowed",), lambda op: True, ("Allow",)),
    SharedProblem(408, ("request_timeout",), lambda op: op.api),
    SharedProblem(409, ("concurrent_update", "conflict"), lambda op: op.api and op.writes),
    SharedProblem(
        409, ("idempotency_in_flight",), lambda op: op.method == "post", ("Retry-After",)
    ),
    SharedProblem(
        412, ("precondition_failed",), lambda op: ("header", "If-Match") in op.parameters
    ),
    # A replay whose stored response named a candidate erased since (found by the fuzzer).
    SharedProblem(410, ("response_erased",), lambda op: op.method == "post"),
    SharedProblem(413, ("payload_too_large",), lambda op: op.api),
    SharedProblem(415, ("unsupported_media_type",), lambda op: op.has_body),
    SharedProblem(422, ("validation_failed",), lambda op: op.has_input),
    SharedProblem(422, ("invalid_cursor",), lambda op: ("query", "cursor") in op.parameters),
    SharedProblem(
        422,
        ("idempotency_key_reused", "invalid_idempotency_key"),
        lambda op: op.method == "post",
    ),
    SharedProblem(429, ("rate_limited",), lambda op: op.api, ("Retry-After",)),
    SharedProblem(500, ("internal_error",), lambda op: True),
    SharedProblem(503, ("database_busy",), lambda op: op.api, ("Retry-After",)),
)


def _ref(kind: str, name: str) -> dict[str, str]:
    return {"$ref": f"#/components/{kind}/{name}"}


def _document_errors(op: Operation) -> None:
    responses: dict[str, Any] = op.spec.setdefault("responses", {})
    codes: dict[int, set[str]] = {}
    headers: dict[int, set[str]] = {}
    descriptions: dict[int, str] = {}
    for status_text, response in list(responses.items()):
        status = int(status_text)
        if status >= 400:
            codes.setdefault(status, set()).update(response.get(PROBLEM_CODES, ()))
            descriptions[status] = response.get("description", "")
            del responses[status_text]
    for shared in SHARED_PROBLEMS:
        if shared.applies(op):
            codes.setdefault(shared.status, set()).update(shared.codes)
            headers.setdefault(shared.status, set()).update(shared.headers)
    for status in sorted(codes):
        listed = ", ".join(f"`{code}`" for code in sorted(codes[status]))
        phrase = HTTPStatus(status).phrase
        description = f"{phrase}: {listed}." if listed else descriptions[status]
        responses[str(status)] = {
            "description": description,
            "content": {PROBLEM_JSON: {"schema": _ref("schemas", "ProblemBody")}},
        }
        if headers.get(status):
            responses[str(status)]["headers"] = {
                name: _ref("headers", name) for name in sorted(headers[status])
            }


def _document_success_headers(op: Operation) -> None:
    model = op.route.response_model if op.route is not None else None
    for status_text, response in op.spec["responses"].items():
        if not status_text.startswith("2"):
            continue
        headers: dict[str, Any] = {}
        if isinstance(model, type) and issubclass(model, ResourceOut):
            headers["ETag"] = {**_ref("headers", "ETag")}
        if isinstance(model, type) and issubclass(model, Page):
            headers["Link"] = _ref("headers", "Link")
        if status_text == "201":
            headers["Location"] = _ref("headers", "Location")
        if op.method == "post":
            headers["Idempotent-Replayed"] = _ref("headers", "Idempotent-Replayed")
        if headers:
            response.setdefault("headers", {}).update(headers)


def _document_shared_headers(op: Operation) -> None:
    """Every response carries `X-Request-ID` (the outermost middleware sets it). The rate
    limiter, inside the method check and the last-resort 500, adds its headers to every
    other response of a limited path."""
    for status, response in op.spec["responses"].items():
        names = ["X-Request-ID"]
        if op.path not in EXEMPT_PATHS and status not in ("405", "500"):
            names += RATE_LIMIT_HEADERS
        headers = response.setdefault("headers", {})
        headers.update({name: _ref("headers", name) for name in names})


def _absent_is_not_null(parameter: dict[str, Any]) -> None:
    """An optional query or header parameter is left out, never sent as null."""
    schema = parameter["schema"]
    choices = [s for s in schema.get("anyOf", ()) if s != {"type": "null"}]
    if len(choices) == 1 and len(schema["anyOf"]) == 2:
        del schema["anyOf"]
        schema.update(choices[0])
    if schema.get("default", ...) is None:
        del schema["default"]


def _name_enumerations(node: Any, names: dict[frozenset[str], str]) -> Any:
    if isinstance(node, list):
        return [_name_enumerations(item, names) for item in node]
    if not isinstance(node, dict):
        return node
    values = node.get("enum")
    name = names.get(frozenset(values)) if isinstance(values, list) else None
    if name is not None:
        kept = {k: v for k, v in node.items() if k in ("description", "default", "examples")}
        return {**_ref("schemas", name), **kept}
    return {key: _name_enumerations(value, names) for key, value in node.items()}


def _restore_examples(operations: list[Operation], schemas: dict[str, Any]) -> None:
    """FastAPI drops every null from the document, nulls in examples too, which leaves
    examples that their own schema refuses (`erased_at` missing); put the models' back."""
    for op in operations:
        if op.route is None:
            continue
        body = op.route.body_field.field_info.annotation if op.route.body_field else None
        for model in (op.route.response_model, body):
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                continue
            for mode in ("validation", "serialization"):
                own = model.model_json_schema(ref_template=REF_TEMPLATE, mode=mode)
                for name, sub in {model.__name__: own, **own.get("$defs", {})}.items():
                    if "examples" in sub and name in schemas:
                        schemas[name]["examples"] = sub["examples"]


def _operations(app: FastAPI, schema: dict[str, Any]) -> list[Operation]:
    routes = {
        # The document's paths drop convertors: `{calendar_feed_id:uuid}` is `{calendar_feed_id}`.
        (re.sub(r":\w+}", "}", context.path or ""), method.lower()): context.original_route
        for context in iter_route_contexts(app.routes)
        if isinstance(context.original_route, APIRoute)
        for method in context.methods or ()
    }
    return [
        Operation(path, method, spec, routes.get((path, method)))
        for path, item in schema["paths"].items()
        for method, spec in item.items()
    ]


def build_openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=DESCRIPTION,
        routes=app.routes,
        webhooks=app.webhooks.routes,
        tags=app.openapi_tags,
        contact={"name": "The Shortlist maintainers"},
        servers=[{"url": "/", "description": "The server that serves this document."}],
    )
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    # FastAPI's own validation error schemas are replaced by the problem body.
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    problem = ProblemBody.model_json_schema(ref_template=REF_TEMPLATE)
    schemas.update(problem.pop("$defs"), ProblemBody=problem)
    operations = _operations(app, schema)
    _restore_examples(operations, schemas)
    for op in operations:
        for parameter in op.spec.get("parameters", []):
            _absent_is_not_null(parameter)
        if op.method == "post":
            op.spec.setdefault("parameters", []).append(IDEMPOTENCY_KEY)
        _document_errors(op)
        _document_success_headers(op)
        _document_shared_headers(op)
    components["headers"] = HEADERS
    names = {frozenset(get_args(vocabulary)): name for name, vocabulary in VOCABULARIES.items()}
    schema = cast(dict[str, Any], _name_enumerations(schema, names))
    for name, vocabulary in VOCABULARIES.items():
        schema["components"]["schemas"][name] = {
            "type": "string",
            "enum": list(get_args(vocabulary)),
            "title": name,
        }
    schema["components"]["schemas"] = dict(sorted(schema["components"]["schemas"].items()))
    for hook in schema.get("webhooks", {}).values():
        for operation in hook.values():
            # Receivers answer, Shortlist validates nothing of theirs.
            operation["responses"].pop("422", None)
    app.openapi_schema = schema
    return schema


def install_docs(app: FastAPI) -> None:
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS), name="docs-assets")
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url="/openapi.json",
            title=f"{app.title} — API",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
            # The default validator badge is an image from the internet.
            swagger_ui_parameters={"validatorUrl": None},
        )
        page.headers["Content-Security-Policy"] = DOCS_POLICY
        return page

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        page = get_redoc_html(
            openapi_url="/openapi.json",
            title=f"{app.title} — API",
            redoc_js_url=f"{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )
        page.headers["Content-Security-Policy"] = DOCS_POLICY
        return page
