"""Responses serialized once, straight from the output schema (or document) to bytes."""

import uuid
from collections.abc import Mapping
from typing import Any

import orjson
from pydantic import BaseModel
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import Message

from app.kit.etag import etag
from app.kit.schemas import ResourceOut

JSON = "application/json"
# Pydantic writes UTC instants with `Z`; documents dumped directly must read the same.
ORJSON_OPTIONS = orjson.OPT_UTC_Z


def _default(value: Any) -> Any:
    # asyncpg hands out its own UUID class, which orjson does not take for a uuid.UUID.
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def json_response(
    body: BaseModel, *, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(body.model_dump_json(), status_code=status, media_type=JSON, headers=headers)


def document_response(
    document: Any, *, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """A JSON document (dicts, lists, UUIDs, dates) that already has its output shape."""
    return Response(
        orjson.dumps(document, default=_default, option=ORJSON_OPTIONS),
        status_code=status,
        media_type=JSON,
        headers=headers,
    )


def _resource_headers(version: int, location: str | None) -> dict[str, str]:
    headers = {"ETag": etag(version)}
    if location is not None:
        headers["Location"] = location
    return headers


def resource_response(
    resource: ResourceOut, *, status: int = 200, location: str | None = None
) -> Response:
    return json_response(
        resource, status=status, headers=_resource_headers(resource.version, location)
    )


def resource_document_response(
    document: dict[str, Any], *, status: int = 200, location: str | None = None
) -> Response:
    """`resource_response` for a document built without a schema (a hot path)."""
    headers = _resource_headers(document["version"], location)
    return document_response(document, status=status, headers=headers)


def created(resource: ResourceOut, location: str) -> Response:
    return resource_response(resource, status=201, location=location)


def set_headers(message: Message, headers: Mapping[str, str]) -> None:
    """`MutableHeaders(scope=message).update(headers)` on a response's start message, in one
    pass over its headers when it has none of these (the usual case) instead of one a header."""
    raw = message["headers"] = list(message["headers"])
    added = [
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
    ]
    names = {name for name, _ in added}
    if any(name in names for name, _ in raw):
        MutableHeaders(scope=message).update(headers)  # (replaces the ones it has)
    else:
        raw.extend(added)
