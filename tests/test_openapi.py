"""The OpenAPI document is a product: committed, complete, and readable offline."""

import re
import sys

from app.cli import OPENAPI_FILE
from app.docs import openapi_document
from app.kit.auth import SCOPES  # noqa: F401  (the app must import cleanly)

OPERATION_ID = re.compile(r"^[a-z][A-Za-z]+$")


def test_committed_document_matches_the_app():
    assert OPENAPI_FILE.read_text() == openapi_document(), (
        "openapi/openapi.json is stale: run `shortlist openapi` and commit the result"
    )


async def test_every_operation_is_documented(client):
    spec = (await client.get("/openapi.json")).json()
    seen = set()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            where = f"{method.upper()} {path}"
            assert OPERATION_ID.match(operation.get("operationId", "")), where
            assert operation["operationId"] not in seen, f"duplicate operationId at {where}"
            seen.add(operation["operationId"])
            assert operation.get("tags") and operation.get("summary"), where
            if path.startswith("/v1/"):
                errors = {code for code in operation["responses"] if code.startswith("4")}
                assert {"401", "422"} <= errors, f"{where} declares {errors}"
                for code in errors:
                    content = operation["responses"][code]["content"]
                    assert list(content) == ["application/problem+json"], where
            if method == "post":
                names = {p["name"] for p in operation.get("parameters", [])}
                assert "Idempotency-Key" in names, where


async def test_docs_render_without_internet(client):
    for page in ("/docs", "/redoc"):
        html = (await client.get(page)).text
        assets = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert assets, page
        for url in assets:
            assert url.startswith("/"), f"{page} loads {url} from outside"
            assert (await client.get(url)).status_code == 200, url


async def test_docs_pages_load_nothing_from_outside(client):
    # ReDoc's bundle asks for its logo from a CDN on every page; the browser must not.
    for page in ("/docs", "/redoc"):
        policy = (await client.get(page)).headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'"
        for directive, sources in directives.items():
            assert "http" not in sources and "*" not in sources, (page, directive)


def test_serving_the_docs_does_not_import_django():
    # The assets come from a package made for FastAPI, not from a Django companion.
    assert "django" not in sys.modules
