from datetime import datetime
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints, field_validator

from app.kit.auth import Scope
from app.kit.schemas import NO_NUL, RequestBody, ResourceOut

KeyName = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=NO_NUL)]


class ApiKeyCreate(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "Greenhouse sync", "scopes": ["read", "write"]}]},
    )

    name: KeyName
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
    key: str | None = Field(
        description="The secret. Shown only in this response; store it now. Null in an "
        "`Idempotency-Key` replay: the secret is never stored.",
        examples=["sl_3q2-7cJx0bUj6xk0d1f3V8t9Lh4mQ2wZ1aB5cD6eF7g"],
    )
