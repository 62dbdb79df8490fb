"""Base schemas and the constrained string types every request body uses."""

import uuid
from datetime import UTC, datetime
from typing import Annotated, ClassVar, Self

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

# PostgreSQL cannot store NUL in text, and no client means to send one.
NO_NUL = r"^[^\x00]*$"

Name = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=NO_NUL)]
ShortText = Annotated[str, StringConstraints(max_length=300, pattern=NO_NUL)]
LongText = Annotated[str, StringConstraints(max_length=10_000, pattern=NO_NUL)]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=50, pattern=NO_NUL)]
SystemName = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_.-]*$"),
    Field(examples=["greenhouse"]),
]
ExternalId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=255, pattern=NO_NUL),
    Field(examples=["69306314"]),
]


def _utf8(value: object) -> object:
    # Starlette decodes header bytes as Latin-1; clients send text as UTF-8 (RFC 9110 leaves
    # the charset open), so "José" would read as "JosÃ©". Bytes that are not UTF-8 are 422.
    if not isinstance(value, str):
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError as exc:
        raise ValueError("the header value is not UTF-8") from exc


# A name sent in a header (`On-Behalf-Of`): decoded as UTF-8 before its limits are checked,
# so 200 means characters, as for names in bodies.
HeaderName = Annotated[
    str, StringConstraints(max_length=200, pattern=NO_NUL), BeforeValidator(_utf8)
]


def _in_utc(value: datetime) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:  # e.g. 0001-01-01T00:00:00+01:00
        raise ValueError("the instant is out of range") from exc


# An instant with its offset, held in UTC (every timestamp column is UTC).
Instant = Annotated[AwareDatetime, AfterValidator(_in_utc)]


class RequestBody(BaseModel):
    """Request bodies reject unknown and read-only fields instead of ignoring them."""

    model_config = ConfigDict(extra="forbid")


class ResourceOut(BaseModel):
    """Fields every resource carries."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    version: int = Field(description="+1 on every change; the `ETag` of the resource.")


class ExternalRef(RequestBody):
    """An id of this resource in another system, unique per organization and resource type."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)

    system: SystemName
    external_id: ExternalId


ExternalRefs = Annotated[list[ExternalRef], Field(max_length=20)]


class PatchBody(RequestBody):
    """A partial update: only the fields sent change; `null` clears a field that may be empty."""

    not_null: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _reject_null(self) -> Self:
        sent = self.model_fields_set & self.not_null
        cleared = sorted(name for name in sent if getattr(self, name) is None)
        if cleared:
            raise ValueError(f"{', '.join(cleared)} cannot be null")
        return self

    def apply_to(self, target: object, *, skip: frozenset[str] = frozenset()) -> list[str]:
        """Set the sent fields on `target`; returns the names of those whose value changed."""
        changed = []
        for name in sorted(self.model_fields_set - skip):
            value = getattr(self, name)
            if getattr(target, name) != value:
                setattr(target, name, value)
                changed.append(name)
        return changed
