import uuid
from datetime import datetime

from pydantic import AwareDatetime, ConfigDict, Field

from app.kit.schemas import LongText, RequestBody, ResourceOut
from app.models.touchpoint import Channel, Direction


class TouchpointCreate(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "direction": "outbound",
                    "channel": "call",
                    "summary": "Caught up; still interested, free from March.",
                    "occurred_at": "2026-11-20T15:00:00Z",
                }
            ]
        },
    )

    direction: Direction
    channel: Channel
    summary: LongText | None = None
    occurred_at: AwareDatetime | None = Field(default=None, description="Defaults to now.")


class TouchpointOut(ResourceOut):
    candidate_id: uuid.UUID
    direction: Direction
    channel: Channel
    summary: str | None
    occurred_at: datetime
