"""Responses serialized once, straight from the output schema to bytes."""

from pydantic import BaseModel
from starlette.responses import Response

from app.kit.etag import etag
from app.kit.schemas import ResourceOut

JSON = "application/json"


def json_response(
    body: BaseModel, *, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(body.model_dump_json(), status_code=status, media_type=JSON, headers=headers)


def resource_response(
    resource: ResourceOut, *, status: int = 200, location: str | None = None
) -> Response:
    headers = {"ETag": etag(resource.version)}
    if location is not None:
        headers["Location"] = location
    return json_response(resource, status=status, headers=headers)


def created(resource: ResourceOut, location: str) -> Response:
    return resource_response(resource, status=201, location=location)
