from datetime import date
from itertools import pairwise
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, ConfigDict, Field, JsonValue

from app.checkins.cadence import MAX_CHECKINS
from app.kit.schemas import (
    JSON_INTEGER,
    Day,
    ExternalRef,
    ExternalRefs,
    LongText,
    Name,
    PatchBody,
    RequestBody,
    ResourceOut,
)
from app.models.requisition import DEFAULT_CHECKIN_CADENCE, RequisitionStatus

# `filled` follows from hires (see the option actions); people set the others.
SettableStatus = Literal["open", "on_hold", "closed"]
Headcount = Annotated[int, Field(ge=1, le=10_000), JSON_INTEGER]


def _ascending(days: list[int]) -> list[int]:
    if any(later <= earlier for earlier, later in pairwise(days)):
        raise ValueError("the days must be strictly ascending")
    return days


CheckinCadence = Annotated[
    list[Annotated[int, Field(ge=1, le=365), JSON_INTEGER]],
    Field(
        min_length=1,
        max_length=MAX_CHECKINS,
        description="Days after a first choice's start (the `start_date` of a hire; the day it "
        "was selected until then) at which a check-in on it is due: strictly ascending, each "
        f"1–365, at most {MAX_CHECKINS}. Default `{list(DEFAULT_CHECKIN_CADENCE)}`. A check-in "
        "recorded on or after a due day and before the next satisfies it. Interim engagements "
        "are checked in on every 7 days from `starts_on`.",
        examples=[list(DEFAULT_CHECKIN_CADENCE)],
    ),
    AfterValidator(_ascending),
]

_EXAMPLE: dict[str, JsonValue] = {
    "title": "Platform engineer",
    "team": "Infrastructure",
    "hiring_manager": "Dana Whitfield",
    "description": "Owns our build and deploy pipeline.",
    "headcount": 1,
    "target_start_date": "2027-01-11",
    "checkin_cadence_days": list(DEFAULT_CHECKIN_CADENCE),
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
    checkin_cadence_days: CheckinCadence = list(DEFAULT_CHECKIN_CADENCE)
    external_refs: ExternalRefs = []


class RequisitionUpdate(PatchBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"headcount": 2, "status": "on_hold"}]},
    )
    not_null: ClassVar[frozenset[str]] = frozenset(
        {"title", "headcount", "status", "external_refs", "checkin_cadence_days"}
    )

    title: Name | None = None
    team: Name | None = None
    hiring_manager: Name | None = None
    description: LongText | None = None
    headcount: Headcount | None = None
    target_start_date: Day | None = None
    status: SettableStatus | None = None
    checkin_cadence_days: CheckinCadence | None = None
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
    checkin_cadence_days: list[int] = Field(
        description="Days after a first choice's start at which a check-in on it is due."
    )
    external_refs: list[ExternalRef]
