import uuid
from datetime import datetime, timedelta

from pydantic import ConfigDict, Field, field_validator

from app.kit.schemas import Instant, LongText, RequestBody, ResourceOut
from app.models.base import utcnow
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
    occurred_at: Instant | None = Field(
        default=None, description="Defaults to now; cannot be in the future."
    )

    @field_validator("occurred_at")
    @classmethod
    def _not_in_the_future(cls, value: datetime | None) -> datetime | None:
        # A future contact would keep someone "warm" and clear their follow-ups for ever.
        if value is not None and value > utcnow() + timedelta(minutes=5):
            raise ValueError("a touchpoint cannot be in the future")
        return value


class TouchpointOut(ResourceOut):
    candidate_id: uuid.UUID
    direction: Direction
    channel: Channel
    summary: str | None
    occurred_at: datetime
