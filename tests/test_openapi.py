"""The OpenAPI document is a product: committed, valid, lint-clean, exact, readable offline.

`openapi-spec-validator` checks the document against the OpenAPI 3.1 schema; the recommended
rules of Spectral's `spectral:oas` ruleset (which needs Node) are checked here by hand, one
test each, under the rule's name. The rest checks what issue 9 asks of the contract.
"""

import base64
import json
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, get_args

import jsonschema
import pytest
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from app.cli import OPENAPI_FILE
from app.docs import VOCABULARIES
from app.kit.event_types import EventType
from app.kit.schemas import PatchBody
from app.main import openapi_document
from app.webhooks.delivery import signed_headers

SPEC: dict[str, Any] = json.loads(openapi_document())
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
OPERATIONS = [
    (f"{method.upper()} {path}", path, method, operation)
    for path, item in SPEC["paths"].items()
    for method, operation in item.items()
    if method in METHODS
]
OPERATION_IDS = [where for where, *_ in OPERATIONS]


def nodes(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """Every JSON value in `value`, with its JSONPath-ish location."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from nodes(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nodes(item, f"{path}[{index}]")


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = SPEC["components"][kind][name]
    return node


def test_committed_document_matches_the_app() -> None:
    assert OPENAPI_FILE.read_text() == openapi_document(), (
        "openapi/openapi.json is stale: run `shortlist openapi` and commit the result"
    )


def test_the_document_is_valid_openapi() -> None:
    validate(SPEC)  # raises with the first error


# ---------------------------------------------------------------- spectral:oas, by hand


def test_info_contact_and_info_description() -> None:
    assert SPEC["info"].get("contact")
    assert SPEC["info"].get("description", "").strip()


def test_oas3_api_servers_and_server_trailing_slash() -> None:
    assert SPEC.get("servers") and all(isinstance(s, dict) for s in SPEC["servers"])
    for server in SPEC["servers"]:
        assert not re.search(r"./$", server["url"]), server
        assert not server.get("variables"), "oas3-server-variables: none are defined"


def test_openapi_tags_uniqueness() -> None:
    names = [tag["name"] for tag in SPEC["tags"]]
    assert len(names) == len(set(names)), names


@pytest.mark.parametrize(("where", "path", "method", "operation"), OPERATIONS, ids=OPERATION_IDS)
def test_operation_rules(where: str, path: str, method: str, operation: dict[str, Any]) -> None:
    # operation-operationId, -unique (below), -valid-in-url; operation-description;
    # operation-tags, operation-tag-defined; operation-success-response; operation-parameters.
    assert re.fullmatch(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]+", operation["operationId"])
    assert operation.get("description", "").strip(), f"{where} has no description"
    assert operation.get("summary", "").strip(), f"{where} has no summary"
    defined = {tag["name"] for tag in SPEC["tags"]}
    assert operation.get("tags") and set(operation["tags"]) <= defined, where
    assert any(code[0] in "23" for code in operation["responses"]), where
    parameters = [(p["in"], p["name"].lower()) for p in operation.get("parameters", [])]
    assert len(parameters) == len(set(parameters)), f"{where} repeats a parameter"
    # oas3-operation-security-defined
    schemes = SPEC["components"].get("securitySchemes", {})
    for requirement in operation.get("security", []):
        assert set(requirement) <= set(schemes), where


def test_operation_operation_id_unique() -> None:
    ids = [operation["operationId"] for *_, operation in OPERATIONS]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_path_rules() -> None:
    # path-params, path-declarations-must-exist, path-keys-no-trailing-slash,
    # path-not-include-query, and no two paths that differ only by parameter names.
    shapes = {}
    for path, item in SPEC["paths"].items():
        assert "{}" not in path and "?" not in path and not re.search(r".+/$", path), path
        shape = re.sub(r"{[^}]+}", "{}", path)
        assert shape not in shapes, f"{path} and {shapes[shape]} are the same path"
        shapes[shape] = path
        named = re.findall(r"{([^}]+)}", path)
        assert len(named) == len(set(named)), path
        for method, operation in item.items():
            declared = [p for p in operation.get("parameters", []) if p["in"] == "path"]
            assert sorted(p["name"] for p in declared) == sorted(named), f"{method} {path}"
            assert all(p.get("required") is True for p in declared), f"{method} {path}"


def test_no_eval_or_script_tags_in_markdown() -> None:
    for where, node in nodes(SPEC):
        if where.endswith((".description", ".title")) and isinstance(node, str):
            assert "eval(" not in node and "<script" not in node, where


def test_array_items_typed_enum_and_duplicated_entry_in_enum() -> None:
    types = {"string": str, "integer": int, "number": (int, float), "boolean": bool}
    for where, node in nodes(SPEC):
        if not isinstance(node, dict):
            continue
        if node.get("type") == "array":
            assert "items" in node, where
        if isinstance(node.get("enum"), list):
            assert len(node["enum"]) == len(set(map(json.dumps, node["enum"]))), where
            if node.get("type") in types:
                assert all(isinstance(v, types[node["type"]]) for v in node["enum"]), where


def test_oas3_examples_value_or_external_value() -> None:
    for where, node in nodes(SPEC):
        if re.search(r"\.(content\.[^.]+|parameters\[\d+\]|headers\.[^.]+)$", where):
            for name, example in (node.get("examples") or {}).items():
                assert ("value" in example) != ("externalValue" in example), f"{where}.{name}"


def test_oas3_valid_schema_and_media_examples() -> None:
    # Every default and example a schema or media type carries validates against it.
    registry = Registry().with_resource("urn:spec", Resource(SPEC, specification=DRAFT202012))  # type: ignore[call-arg]
    checked = 0
    for where, node in nodes(SPEC):
        if not isinstance(node, dict) or where.endswith(".properties"):
            continue
        if "schema" in node and ("example" in node or "examples" in node):
            if "example" in node:
                samples = [node["example"]]
            else:  # a media type's `examples` is a map of Example Objects
                samples = [example["value"] for example in node["examples"].values()]
            schema = node["schema"]
        elif any(k in node for k in ("type", "$ref", "enum", "properties", "anyOf")):
            samples = [node[k] for k in ("default", "example") if k in node]
            samples += node.get("examples", []) if isinstance(node.get("examples"), list) else []
            schema = {k: v for k, v in node.items() if k not in ("examples", "example")}
        else:
            continue
        for sample in samples:
            # Local references point into the document, which the registry holds.
            absolute = json.loads(json.dumps(schema).replace('"#/', '"urn:spec#/'))
            validator = jsonschema.Draft202012Validator(
                absolute,
                registry=registry,
                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
            )
            errors = [e.message for e in validator.iter_errors(sample)]
            assert not errors, f"{where}: {sample!r}: {errors}"
            checked += 1
    assert checked > 50, "the examples were not found"


def test_oas3_unused_component() -> None:
    text = json.dumps({k: v for k, v in SPEC.items() if k != "components"})
    components = json.dumps(SPEC["components"])
    for kind, items in SPEC["components"].items():
        if kind == "securitySchemes":
            continue  # used by name in `security`, not by $ref
        for name in items:
            ref = json.dumps(f"#/components/{kind}/{name}")
            assert ref in text or ref in components.replace(json.dumps(items[name]), ""), (
                f"unused component {kind}/{name}"
            )


# ---------------------------------------------------------------- the document is exact

PROBLEM = {"$ref": "#/components/schemas/ProblemBody"}


def problems(operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {code: r for code, r in operation["responses"].items() if int(code) >= 400}


@pytest.mark.parametrize(("where", "path", "method", "operation"), OPERATIONS, ids=OPERATION_IDS)
def test_every_operation_lists_the_statuses_it_can_answer(
    where: str, path: str, method: str, operation: dict[str, Any]
) -> None:
    declared = set(problems(operation))
    expected = {"405", "500"}
    if path.startswith("/v1/"):
        expected |= {"408", "413", "429", "503"}
    if operation.get("security"):
        expected |= {"401", "403"}
    if operation.get("parameters") or "requestBody" in operation:
        expected |= {"422"}
    if "requestBody" in operation:
        expected |= {"400", "415"}
    if method != "get" and path.startswith("/v1/"):
        expected |= {"409"}
    names = {p["name"] for p in operation.get("parameters", [])}
    if "If-Match" in names:
        expected |= {"412"}
    if "Idempotency-Key" in names:
        # A replay of a response that named a candidate erased since (the fuzzer found it
        # undocumented).
        expected |= {"410"}
    if re.search(r"{\w+}", path) and "by-external-ref" not in path:
        expected |= {"404"}
    assert expected <= declared, f"{where} lacks {sorted(expected - declared)}"
    for code, response in problems(operation).items():
        assert response["content"] == {"application/problem+json": {"schema": PROBLEM}}, code
        # Each status names the `code`s a client can branch on.
        assert re.search(r"`[a-z_]+`", response["description"]), f"{where} {code}"
    # A Bearer challenge; the signed inbound webhooks (`security: []`) have no scheme to name.
    if "401" in declared and operation.get("security") != []:
        assert "WWW-Authenticate" in problems(operation)["401"]["headers"]
    for code in ("429", "503"):
        if code in declared and path.startswith("/v1/"):  # /readyz's 503 is a probe's answer
            assert "Retry-After" in problems(operation)[code]["headers"], f"{where} {code}"


@pytest.mark.parametrize(("where", "path", "method", "operation"), OPERATIONS, ids=OPERATION_IDS)
def test_every_operation_lists_the_headers_it_sets_and_reads(
    where: str, path: str, method: str, operation: dict[str, Any]
) -> None:
    parameters = {p["name"]: p for p in operation.get("parameters", [])}
    for code, response in operation["responses"].items():
        assert "X-Request-ID" in response.get("headers", {}), f"{where} {code}"
        # Probes are not limited; a 405 and the last-resort 500 are answered outside it.
        if path not in ("/healthz", "/readyz") and code not in ("405", "500"):
            rate_limit = {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"}
            assert rate_limit | {"RateLimit-Policy"} <= response["headers"].keys(), where
        if not code.startswith("2"):
            continue
        headers = response.get("headers", {})
        schema = resolve(response.get("content", {}).get("application/json", {}).get("schema", {}))
        properties = schema.get("properties", {})
        if {"id", "version"} <= properties.keys():
            assert "ETag" in headers, f"{where} {code}"
        if {"data", "next_cursor"} <= properties.keys():
            assert "Link" in headers, f"{where} {code}"
        if code == "201":
            assert "Location" in headers, f"{where} {code}"
        if method == "post":
            assert "Idempotent-Replayed" in headers, f"{where} {code}"
    if method == "post":
        key = parameters["Idempotency-Key"]["schema"]
        assert (key["minLength"], key["maxLength"]) == (1, 255), where
    if "If-Match" in parameters:
        assert parameters["If-Match"]["schema"]["pattern"], where
    if "cursor" in parameters:
        assert parameters["cursor"]["schema"]["pattern"], where
    for parameter in parameters.values():
        # An optional query or header parameter is left out, never null.
        assert {"type": "null"} not in parameter["schema"].get("anyOf", []), parameter["name"]


def test_cursors_are_opaque_strings_with_their_pattern() -> None:
    for name, schema in SPEC["components"]["schemas"].items():
        if name.startswith("Page"):
            [cursor, null] = schema["properties"]["next_cursor"]["anyOf"]
            assert cursor["type"] == "string" and cursor["pattern"], name
            assert null == {"type": "null"}  # null means: the last page


@pytest.mark.parametrize("model", PatchBody.__subclasses__(), ids=lambda m: m.__name__)
def test_patch_fields_that_refuse_null_are_not_nullable(model: type[PatchBody]) -> None:
    properties = SPEC["components"]["schemas"][model.__name__]["properties"]
    assert model.not_null, model
    for name in model.not_null:
        assert "null" not in json.dumps(properties[name]), f"{model.__name__}.{name}"
    nullable = set(properties) - model.not_null
    for name in nullable:
        assert {"type": "null"} in properties[name].get("anyOf", []), f"{model.__name__}.{name}"


def test_dates_in_requests_say_their_range() -> None:
    found = 0
    for where, node in nodes(SPEC["components"]["schemas"]):
        if (
            isinstance(node, dict)
            and node.get("format") in ("date", "date-time")
            and "pattern" in node
        ):
            found += 1
            assert node["pattern"] == "^(19[0-9]{2}|2[01][0-9]{2}|2200)-", where
    assert found >= 10


def test_enumerations_are_named_components() -> None:
    named = {frozenset(SPEC["components"]["schemas"][n]["enum"]): n for n in VOCABULARIES}
    for where, node in nodes({k: v for k, v in SPEC.items() if k != "components"}):
        if isinstance(node, dict) and isinstance(node.get("enum"), list):
            assert frozenset(node["enum"]) not in named, f"{where} repeats an enumeration"
    for name, schema in SPEC["components"]["schemas"].items():
        for where, node in nodes(schema, name):
            if isinstance(node, dict) and isinstance(node.get("enum"), list):
                values = frozenset(node["enum"])
                assert named.get(values, name) == name, f"{where} repeats {named[values]}"


def test_event_types_are_one_catalogue() -> None:
    assert SPEC["components"]["schemas"]["EventType"]["enum"] == list(get_args(EventType))
    event = SPEC["components"]["schemas"]["EventOut"]["properties"]["type"]
    assert event == {"$ref": "#/components/schemas/EventType"}
    [events] = [p for p in SPEC["paths"]["/v1/events"]["get"]["parameters"] if p["name"] == "type"]
    assert events["schema"]["$ref"] == "#/components/schemas/EventType"


def test_the_respect_problem_declares_its_findings() -> None:
    findings = SPEC["components"]["schemas"]["ProblemBody"]["properties"]["findings"]
    assert findings["items"] == {"$ref": "#/components/schemas/Finding"}
    decline = SPEC["paths"]["/v1/options/{option_id}/decline"]["post"]["responses"]["422"]
    assert "`note_not_respectful`" in decline["description"]


def test_no_property_shadows_its_schema() -> None:
    # A `Findings` schema with a `findings` property makes generated clients that do not
    # type-check: the field's name hides the class.
    for name, schema in SPEC["components"]["schemas"].items():
        for prop in schema.get("properties", {}):
            assert prop.replace("_", "").lower() != name.lower(), f"{name}.{prop}"


async def test_docs_render_without_internet(client: Any) -> None:
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


def test_the_webhook_a_receiver_gets_is_documented_with_its_headers() -> None:
    [operation] = SPEC["webhooks"]["event"].values()
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/WebhookPayload"}
    headers = {p["name"]: p for p in operation["parameters"] if p["in"] == "header"}
    # What the worker sends, body aside (its type is the request body's).
    secret = "whsec_" + base64.b64encode(b"k" * 24).decode()
    sent = set(signed_headers("id", b"{}", [secret], datetime.now(UTC))) - {"content-type"}
    assert sent == {"webhook-id", "webhook-timestamp", "webhook-signature", "user-agent"}
    assert sent <= set(headers)
    for name in sent:
        assert headers[name]["required"] is True, name
        assert headers[name]["description"], name
