"""The OpenAPI document and offline `/docs` and `/redoc` pages."""

import json
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from starlette.responses import HTMLResponse

from app.kit.errors import ProblemBody

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

IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "Makes a retry safe: a repeat with the same key and body replays the first response "
        "(marked `Idempotent-Replayed: true`); a different body is 422; a repeat while the "
        "first is still running is 409. Keys are kept at least 24 hours."
    ),
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}

DESCRIPTION = """
Shortlist helps a hiring manager **keep options open**: rank every candidate or provider
still in play for a role, keep a runner-up warm, put options on hold instead of rejecting
them, and reactivate the runner-up in one audited step when the first choice fails.

* Authenticate with `Authorization: Bearer <api key>`; keys have the scopes `read`, `write`
  and `admin`. `On-Behalf-Of` names the person a call acts for.
* Errors are `application/problem+json` with a stable `code`.
* Single resources carry an `ETag`; send it as `If-Match` on changes to avoid lost updates.
* Lists are keyset-paginated: follow `next_cursor` (or the `Link: rel="next"` header).
* Every POST accepts an `Idempotency-Key`.
"""


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
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["ProblemBody"] = ProblemBody.model_json_schema(
        ref_template="#/components/schemas/{model}"
    )
    for path in schema["paths"].values():
        for method, operation in path.items():
            if method == "post":
                operation.setdefault("parameters", []).append(IDEMPOTENCY_KEY)
            for response in operation.get("responses", {}).values():
                content = response.get("content", {})
                if "application/problem+json" in content:
                    content.pop("application/json", None)
    for hook in schema.get("webhooks", {}).values():
        for operation in hook.values():
            # Receivers answer, Shortlist validates nothing of theirs.
            operation["responses"].pop("422", None)
    if "#/components/schemas/HTTPValidationError" not in json.dumps(schema):
        for unused in ("HTTPValidationError", "ValidationError"):
            components.pop(unused, None)
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


def openapi_document() -> str:
    """The OpenAPI document as committed in `openapi/openapi.json`."""
    from app.config import Settings
    from app.main import create_app

    # The document does not depend on the database; an in-memory URL avoids touching a file.
    app = create_app(Settings(database_url="sqlite+aiosqlite:///:memory:"))
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"
