import uuid
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FollowUpReason = Literal["keep_in_touch", "revisit_hold", "warm_runner_up"]


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
                }
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
        "not contacted for 14 days."
    )
    due_on: date
    note_id: uuid.UUID | None = Field(
        default=None, description="For `keep_in_touch`: the door-open note that asked for it."
    )
