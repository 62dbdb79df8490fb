import uuid
from datetime import date
from typing import Annotated

from pydantic import ConfigDict, Field

from app.kit.schemas import JSON_INTEGER, Day, LongText, Name, RequestBody, ResourceOut
from app.models.checkin import Verdict

Rating = Annotated[int, Field(ge=1, le=5, description="1 (poor) to 5 (excellent)."), JSON_INTEGER]


class CheckInCreate(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "verdict": "failing",
                    "rating": 1,
                    "notes": "Third missed deadline; the migration plan is still missing.",
                    "reviewer_name": "Juan Pérez",
                    "reviewer_candidate_id": "5d7c1c52-3f0e-4c55-9a43-0b8f3f1de2a4",
                    "occurred_on": "2026-11-23",
                }
            ]
        },
    )

    verdict: Verdict
    rating: Rating
    notes: LongText | None = None
    reviewer_name: Name | None = None
    reviewer_candidate_id: uuid.UUID | None = Field(
        default=None,
        description=(
            "A candidate who reviewed the work (say, the runner-up); the review also counts as "
            "a touchpoint with them."
        ),
    )
    occurred_on: Day | None = Field(default=None, description="Defaults to today (UTC).")


class CheckInOut(ResourceOut):
    option_id: uuid.UUID | None = Field(description="Set for a check-in on a first choice.")
    engagement_id: uuid.UUID | None = Field(description="Set for a check-in on an interim.")
    verdict: Verdict
    rating: int
    notes: str | None
    reviewer_name: str | None
    reviewer_candidate_id: uuid.UUID | None
    occurred_on: date
