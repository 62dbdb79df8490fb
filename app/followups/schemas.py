import uuid
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FollowUpReason = Literal[
    "keep_in_touch", "revisit_hold", "warm_runner_up", "check_in_due", "call_runner_up"
]


class Replacement(BaseModel):
    """The runner-up the bench recommends to replace a first choice at risk, and why."""

    option_id: uuid.UUID
    candidate_id: uuid.UUID
    candidate_name: str | None
    reasons: list[str] = Field(
        examples=[
            [
                "ranked #1",
                "warm: last contact 2 days ago",
                "door open: their last note left it open",
            ]
        ]
    )


class FollowUp(BaseModel):
    """Someone to get back to, and by when."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "candidate_id": "5d7c1c52-3f0e-4c55-9a43-0b8f3f1de2a4",
                    "candidate_name": "Juan Pérez",
                    "option_id": "7e1c0d5b-2a4f-4b8e-8f3a-1d2c3b4a5f60",
                    "requisition_id": "0b6f3f4e-8d5a-4a53-9d1e-2a7c51f0b8a1",
                    "reason": "keep_in_touch",
                    "due_on": "2027-01-15",
                    "note_id": "3c9a8f2e-61b4-4d0a-9f7e-5a2b1c0d9e8f",
                    "engagement_id": None,
                    "checkin_number": None,
                    "replacement": None,
                },
                {
                    "candidate_id": "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
                    "candidate_name": "Northwind Staffing",
                    "option_id": "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
                    "requisition_id": "0b6f3f4e-8d5a-4a53-9d1e-2a7c51f0b8a1",
                    "reason": "call_runner_up",
                    "due_on": "2027-01-14",
                    "note_id": None,
                    "engagement_id": None,
                    "checkin_number": None,
                    "replacement": {
                        "option_id": "7e1c0d5b-2a4f-4b8e-8f3a-1d2c3b4a5f60",
                        "candidate_id": "5d7c1c52-3f0e-4c55-9a43-0b8f3f1de2a4",
                        "candidate_name": "Juan Pérez",
                        "reasons": [
                            "ranked #1",
                            "warm: last contact 2 days ago",
                            "door open: their last note left it open",
                        ],
                    },
                },
                {
                    "candidate_id": "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
                    "candidate_name": "Northwind Staffing",
                    "option_id": "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
                    "requisition_id": "0b6f3f4e-8d5a-4a53-9d1e-2a7c51f0b8a1",
                    "reason": "check_in_due",
                    "due_on": "2027-01-26",
                    "note_id": None,
                    "engagement_id": None,
                    "checkin_number": 2,
                    "replacement": None,
                },
            ]
        }
    )

    candidate_id: uuid.UUID
    candidate_name: str | None
    option_id: uuid.UUID | None = Field(description="The candidate's option, if they have one.")
    requisition_id: uuid.UUID
    reason: FollowUpReason = Field(
        description="`keep_in_touch`: a door-open note's `keep_in_touch_on` (only for candidates "
        "who consented); `revisit_hold`: a hold's `revisit_on`; `warm_runner_up`: a runner-up "
        "not contacted for 14 days (a touchpoint on or after the due date clears these three); "
        "`check_in_due`: a check-in of the cadence on a first choice (the option) or an interim "
        "(the engagement), cleared by a check-in on or after the due date and before the next; "
        "`call_runner_up`: the first choice (the option) turned at risk, so call the runner-up "
        "named by `replacement` within 2 days; cleared by a touchpoint with a runner-up of the "
        "requisition, or by the risk's end (a passing check-in, or reactivating a runner-up "
        "with `replaces`)."
    )
    due_on: date
    note_id: uuid.UUID | None = Field(
        default=None, description="For `keep_in_touch`: the door-open note that asked for it."
    )
    engagement_id: uuid.UUID | None = Field(
        default=None,
        description="For `check_in_due` on an interim: the engagement to check in on.",
    )
    checkin_number: int | None = Field(
        default=None,
        ge=1,
        description="For `check_in_due`: which check-in of the cadence (1 for the first).",
        examples=[2],
    )
    replacement: Replacement | None = Field(
        default=None,
        description="For `call_runner_up`: the bench's recommended replacement and why; null "
        "when no runner-up is warm with the door open (call one anyway, or look for more).",
    )
