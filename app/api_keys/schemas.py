from datetime import datetime
from typing import Annotated

from pydantic import ConfigDict, Field, field_validator

from app.kit.auth import Scope
from app.kit.schemas import Name, RequestBody, ResourceOut


class ApiKeyCreate(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "Greenhouse sync", "scopes": ["read", "write"]}]},
    )

    name: Name
    scopes: Annotated[list[Scope], Field(min_length=1, max_length=3)] = ["read", "write"]

    @field_validator("scopes")
    @classmethod
    def _distinct(cls, scopes: list[Scope]) -> list[Scope]:
        return list(dict.fromkeys(scopes))


class ApiKeyOut(ResourceOut):
    name: str
    scopes: list[Scope]
    prefix: str = Field(description="The first characters of the key, to tell keys apart.")
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(
        description="The secret. Shown only in this response; store it now.",
        examples=["sl_3q2-7cJx0bUj6xk0d1f3V8t9Lh4mQ2wZ1aB5cD6eF7g"],
    )
