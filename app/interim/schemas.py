import uuid
from datetime import date
from typing import ClassVar, Literal, Self

from pydantic import ConfigDict, Field, model_validator

from app.kit.schemas import Day, LongText, PatchBody, RequestBody, ResourceOut
from app.models import InterimEngagement
from app.models.interim_engagement import EngagementStatus
from app.notes.schemas import NoteBody
from app.options.schemas import Reason

ENDS_ON = "On or after `starts_on` (422 otherwise)."


def _check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise ValueError("ends_on must be on or after starts_on")


class EngagementCreate(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "candidate_id": "5d7c1c52-3f0e-4c55-9a43-0b8f3f1de2a4",
                    "starts_on": "2026-11-16",
                    "ends_on": "2026-12-11",
                    "scope": "Keep the deploy pipeline running until the agency can start.",
                }
            ]
        },
    )

    candidate_id: uuid.UUID = Field(description="A person or an agency; may also be an option.")
    starts_on: Day
    ends_on: Day | None = Field(default=None, description=ENDS_ON)
    scope: LongText | None = None

    @model_validator(mode="after")
    def _dates(self) -> Self:
        _check_dates(self.starts_on, self.ends_on)
        return self


class EngagementUpdate(PatchBody):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"status": "active"}, {"ends_on": None}]}
    )
    not_null: ClassVar[frozenset[str]] = frozenset({"starts_on", "status"})

    starts_on: Day | None = None
    ends_on: Day | None = Field(default=None, description=f"{ENDS_ON} Null: open-ended.")
    scope: LongText | None = None
    status: Literal["active"] | None = Field(
        default=None, description="Start a planned engagement early; `end` ends one."
    )

    @model_validator(mode="after")
    def _dates(self) -> Self:
        _check_dates(self.starts_on, self.ends_on)
        return self


class EngagementEnd(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "end_reason": "The agency has started.",
                    "note": {
                        "reason_code": "chose_another_provider",
                        "message": (
                            "Hi Juan, thank you for holding the fort these weeks. We are "
                            "ending the interim role because the agency we chose can start "
                            "now. Your work was excellent and I'd like to stay in touch."
                        ),
                        "keep_in_touch_on": "2027-01-15",
                    },
                }
            ]
        },
    )

    end_reason: Reason
    note: NoteBody | None = Field(
        default=None, description="A note to the interim; it must pass the respect check."
    )


class EngagementOut(ResourceOut):
    requisition_id: uuid.UUID
    candidate_id: uuid.UUID
    status: EngagementStatus = Field(
        description="`planned` until `starts_on` (or a PATCH to `active`), then `active` until "
        "ended."
    )
    starts_on: date
    ends_on: date | None
    scope: str | None
    end_reason: str | None

    @classmethod
    def of(cls, engagement: InterimEngagement, today: date) -> "EngagementOut":
        out = cls.model_validate(engagement)
        out.status = effective_status(engagement, today)
        return out


def effective_status(engagement: InterimEngagement, today: date) -> EngagementStatus:
    """A planned engagement is active from its start date on, whether or not anyone wrote."""
    if engagement.status == "planned" and engagement.starts_on <= today:
        return "active"
    return engagement.status  # type: ignore[return-value]
