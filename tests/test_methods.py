"""HTTP methods: 405 names every method a path has in `Allow`; HEAD works wherever GET does."""

import json
import re
import uuid
from pathlib import Path

import pytest

from tests.story import assert_problem, ok

CONTRACT = json.loads((Path(__file__).parents[1] / "openapi" / "openapi.json").read_text())
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def concrete(template: str) -> str:
    # Any path parameter of this API accepts a UUID's spelling at the routing stage.
    return re.sub(r"\{[^}]+\}", str(uuid.UUID(int=7)), template)


def allowed(template: str) -> set[str]:
    methods = {m.upper() for m in CONTRACT["paths"][template]}
    return methods | {"HEAD"} if "GET" in methods else methods


PATHS = sorted(CONTRACT["paths"])


@pytest.mark.parametrize("template", PATHS)
async def test_405_lists_every_method_of_the_path(client, template):
    expected = allowed(template)
    for method in sorted(set(METHODS) - expected):
        r = await client.request(method, concrete(template))
        if method != "HEAD":
            assert_problem(r, 405, "method_not_allowed")
        assert r.status_code == 405, (method, r.text)
        assert set(r.headers["allow"].split(", ")) == expected, (method, r.headers["allow"])


async def test_options_on_an_option_names_get_and_patch(client):
    r = await client.options(concrete("/v1/options/{option_id}"))
    assert_problem(r, 405, "method_not_allowed")
    assert r.headers["allow"] == "GET, HEAD, PATCH"


@pytest.mark.parametrize("template", [p for p in PATHS if "get" in CONTRACT["paths"][p]])
async def test_head_answers_like_get_without_a_body(client, template):
    await client.get("/v1/api-keys")  # the key's first use shows in the key list from now on
    get = await client.get(concrete(template))
    head = await client.head(concrete(template))
    assert head.status_code == get.status_code, head.headers
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == str(len(get.content))


async def test_head_of_a_resource_carries_its_etag(client):
    created = await ok(await client.post("/v1/requisitions", json={"title": "Role"}), 201)
    head = await client.head(f"/v1/requisitions/{created['id']}")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == f'"{created["version"]}"'


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/docs", "/redoc", "/openapi.json"])
async def test_head_works_outside_the_api_too(client, path):
    head = await client.head(path)
    assert head.status_code == 200 and head.content == b""
