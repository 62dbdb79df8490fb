import uuid
from datetime import date, datetime
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints

from app.kit.schemas import (
    BLANK,
    NO_NUL,
    Boolean,
    Day,
    ExternalRef,
    ExternalRefs,
    Name,
    PatchBody,
    RequestBody,
    ResourceOut,
    ShortText,
    Tag,
)
from app.models.candidate import CandidateKind

Email = Annotated[str, StringConstraints(max_length=320, pattern=rf"^[^@{BLANK}]+@[^@{BLANK}]+$")]
Phone = Annotated[str, StringConstraints(max_length=50, pattern=NO_NUL)]
Source = Annotated[str, StringConstraints(max_length=100, pattern=NO_NUL)]
Tags = Annotated[list[Tag], Field(max_length=50)]

_EXAMPLE: dict[str, JsonValue] = {
    "kind": "person",
    "name": "Juan Pérez",
    "email": "juan@example.com",
    "phone": "+34 600 000 000",
    "location": "Madrid",
    "headline": "Backend engineer, ten years of payments",
    "source": "referral",
    "tags": ["python", "payments"],
    "available_from": "2026-12-01",
    "keep_in_touch_consent": True,
    "external_refs": [{"system": "greenhouse", "external_id": "69306314"}],
}


class CandidateCreate(RequestBody):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE]})

    kind: CandidateKind = "person"
    name: Name
    email: Email | None = None
    phone: Phone | None = None
    location: Name | None = None
    headline: ShortText | None = None
    source: Source | None = None
    tags: Tags = []
    available_from: Day | None = None
    keep_in_touch_consent: Boolean = False
    external_refs: ExternalRefs = []


class CandidateUpdate(PatchBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"headline": "Staff engineer", "tags": ["python"]}]},
    )
    not_null: ClassVar[frozenset[str]] = frozenset(
        {"kind", "name", "tags", "keep_in_touch_consent", "external_refs"}
    )

    kind: CandidateKind | None = None
    name: Name | None = None
    email: Email | None = None
    phone: Phone | None = None
    location: Name | None = None
    headline: ShortText | None = None
    source: Source | None = None
    tags: Tags | None = None
    available_from: Day | None = None
    keep_in_touch_consent: Boolean | None = None
    external_refs: ExternalRefs | None = None


class CandidateOut(ResourceOut):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "5d7c1c52-3f0e-4c55-9a43-0b8f3f1de2a4",
                    "created_at": "2026-11-26T09:30:00Z",
                    "updated_at": "2026-11-26T09:30:00Z",
                    "version": 1,
                    "erased_at": None,
                    **_EXAMPLE,
                }
            ]
        },
    )

    kind: CandidateKind
    name: str | None = Field(description="Null once the candidate's personal data is erased.")
    email: str | None
    phone: str | None
    location: str | None
    headline: str | None
    source: str | None
    tags: list[str]
    available_from: date | None
    keep_in_touch_consent: bool
    external_refs: list[ExternalRef]
    erased_at: datetime | None


class CandidateSummary(BaseModel):
    """The candidate as embedded in an option."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: CandidateKind
    name: str | None
