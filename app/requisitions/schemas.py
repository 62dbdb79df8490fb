from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import ConfigDict, Field, JsonValue

from app.kit.schemas import (
    Day,
    ExternalRef,
    ExternalRefs,
    LongText,
    Name,
    PatchBody,
    RequestBody,
    ResourceOut,
)
from app.models.requisition import RequisitionStatus

# `filled` follows from hires (see the option actions); people set the others.
SettableStatus = Literal["open", "on_hold", "closed"]
Headcount = Annotated[int, Field(ge=1, le=10_000)]

_EXAMPLE: dict[str, JsonValue] = {
    "title": "Platform engineer",
    "team": "Infrastructure",
    "hiring_manager": "Dana Whitfield",
    "description": "Owns our build and deploy pipeline.",
    "headcount": 1,
    "target_start_date": "2027-01-11",
    "external_refs": [{"system": "greenhouse", "external_id": "4012"}],
}


class RequisitionCreate(RequestBody):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE]})

    title: Name
    team: Name | None = None
    hiring_manager: Name | None = None
    description: LongText | None = None
    headcount: Headcount = 1
    target_start_date: Day | None = None
    external_refs: ExternalRefs = []


class RequisitionUpdate(PatchBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"headcount": 2, "status": "on_hold"}]},
    )
    not_null: ClassVar[frozenset[str]] = frozenset(
        {"title", "headcount", "status", "external_refs"}
    )

    title: Name | None = None
    team: Name | None = None
    hiring_manager: Name | None = None
    description: LongText | None = None
    headcount: Headcount | None = None
    target_start_date: Day | None = None
    status: SettableStatus | None = None
    external_refs: ExternalRefs | None = None


class RequisitionOut(ResourceOut):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "0b6f3f4e-8d5a-4a53-9d1e-2a7c51f0b8a1",
                    "created_at": "2026-11-26T09:30:00Z",
                    "updated_at": "2026-11-26T09:30:00Z",
                    "version": 1,
                    "status": "open",
                    **_EXAMPLE,
                }
            ]
        },
    )

    title: str
    team: str | None
    hiring_manager: str | None
    description: str | None
    headcount: int
    target_start_date: date | None
    status: RequisitionStatus
    external_refs: list[ExternalRef]
