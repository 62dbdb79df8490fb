"""Request ids, one structured log line per request, and errors that stay in the log."""

import json
import logging

import httpx
import pytest
from conftest import make_client
from servers import Server, environment
from story import assert_problem

from app.config import Settings
from app.kit.observability import ConsoleFormatter, JsonFormatter
from app.main import create_app


def log_lines(err: str) -> list[dict]:
    return [json.loads(line) for line in err.splitlines() if line.startswith("{")]


async def test_a_request_id_is_generated_and_returned(client):
    first, second = await client.get("/v1/requisitions"), await client.get("/healthz")
    assert len(first.headers["x-request-id"]) >= 16
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


async def test_a_clients_request_id_is_echoed_and_named_in_problems(client):
    response = await client.get("/v1/requisitions/nope", headers={"X-Request-ID": "abc-123"})
    assert response.headers["x-request-id"] == "abc-123"
    assert response.json()["request_id"] == "abc-123"


async def test_an_unsafe_request_id_is_replaced(client):
    response = await client.get("/v1/nowhere", headers={"X-Request-ID": "a b\tc" + "x" * 200})
    assert_problem(response, 404, "not_found")
    request_id = response.headers["x-request-id"]
    assert " " not in request_id and len(request_id) <= 128
    assert response.json()["request_id"] == request_id


async def test_unauthenticated_problems_carry_the_request_id(app):
    async with make_client(app, None) as anonymous:
        response = await anonymous.get("/v1/requisitions")
    assert_problem(response, 401, "unauthorized")
    assert response.json()["request_id"] == response.headers["x-request-id"]


async def test_one_json_line_per_request_without_secrets(tenant, capsys):
    capsys.readouterr()
    async with tenant.client() as client:
        created = await client.post(
            "/v1/candidates",
            json={"name": "Élodie Secret-Name", "kind": "person"},
            headers={"X-Request-ID": "req-1"},
        )
    assert created.status_code == 201, created.text
    err = capsys.readouterr().err
    [line] = [e for e in log_lines(err) if e["event"] == "request"]
    assert line["request_id"] == "req-1"
    assert line["method"] == "POST"
    assert line["route"] == "/v1/candidates"
    assert line["status"] == 201
    assert line["duration_ms"] >= 0
    assert line["organization_id"] == str(tenant.organization_id)
    assert line["api_key_id"]
    assert line["level"] == "info" and line["logger"] == "shortlist.access"
    assert tenant.keys["read,write,admin"] not in err
    assert "Secret-Name" not in err


async def test_a_served_request_is_logged_once_and_every_line_is_json(settings, tmp_path):
    # What a log collector reads from a real `shortlist serve`. A library that configured
    # logging on import (wordllama, a dependency until the tone model became word weights, did)
    # once printed every line twice, the second in plain text.
    server = Server(environment(settings), tmp_path / "server.log")
    try:
        server.wait_ready()
        async with httpx.AsyncClient(base_url=server.url) as client:
            response = await client.get("/healthz", headers={"X-Request-ID": "logged-once"})
        assert response.status_code == 200
    finally:
        server.stop()
    lines = [line for line in server.log.read_text().splitlines() if line.strip()]
    assert lines and all(line.startswith("{") for line in lines), lines[:5]
    assert sum("logged-once" in line for line in lines) == 1


async def test_route_templates_keep_ids_out_of_the_log(client, capsys):
    capsys.readouterr()
    await client.get("/v1/requisitions/5d1c1c9e-3f0b-4c5e-9d57-7b1c0f7f0a11")
    [line] = [e for e in log_lines(capsys.readouterr().err) if e["event"] == "request"]
    assert line["route"] == "/v1/requisitions/{requisition_id}"
    assert line["status"] == 404


@pytest.fixture
async def failing_app(settings: Settings):
    application = create_app(settings)

    async def explode() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    application.add_api_route("/v1/explode", explode, methods=["GET"])
    yield application
    await application.state.db.engine.dispose()


async def test_an_error_logs_the_traceback_with_the_request_id_never_to_the_client(
    failing_app, tenant, capsys
):
    capsys.readouterr()
    async with make_client(failing_app, tenant.keys["read"]) as client:
        response = await client.get("/v1/explode", headers={"X-Request-ID": "boom-1"})
    assert_problem(response, 500, "internal_error")
    assert response.json()["request_id"] == "boom-1"
    assert response.headers["x-request-id"] == "boom-1"
    assert "hunter2" not in response.text and "Traceback" not in response.text
    lines = log_lines(capsys.readouterr().err)
    [error] = [e for e in lines if e["event"] == "unhandled error"]
    assert error["request_id"] == "boom-1"
    assert "RuntimeError" in error["exception"] and "Traceback" in error["exception"]
    [access] = [e for e in lines if e["event"] == "request"]
    assert access["status"] == 500 and access["level"] == "error"


def test_console_and_json_formats_carry_the_same_fields():
    record = logging.makeLogRecord(
        {"name": "shortlist", "levelname": "INFO", "msg": "request", "extra_field": 7}
    )
    assert json.loads(JsonFormatter().format(record))["extra_field"] == 7
    assert "extra_field=7" in ConsoleFormatter().format(record)


def test_log_format_is_json_or_console():
    assert Settings(log_format="console").log_format == "console"
    with pytest.raises(ValueError):
        Settings(log_format="xml")
