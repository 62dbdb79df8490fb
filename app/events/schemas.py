import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.kit.event_types import EventType
from app.models import Event


class EventActor(BaseModel):
    api_key_id: uuid.UUID | None
    on_behalf_of: str | None


class EventSubject(BaseModel):
    type: str = Field(examples=["option"])
    id: uuid.UUID


class EventOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "9a0f5d2e-1c1b-4c1e-9b7a-7b3c2d1e0f11",
                    "type": "option.created",
                    "occurred_at": "2026-11-26T09:31:00Z",
                    "actor": {
                        "api_key_id": "c1d2e3f4-0000-4000-8000-000000000001",
                        "on_behalf_of": "dana@example.com",
                    },
                    "subject": {"type": "option", "id": "7e1c0d5b-2a4f-4b8e-8f3a-1d2c3b4a5f60"},
                    "requisition_id": "0b6f3f4e-8d5a-4a53-9d1e-2a7c51f0b8a1",
                    "data": {"candidate_id": "5d7c1c52-3f0e-4c55-9a43-0b8f3f1de2a4", "rank": 2},
                }
            ]
        }
    )

    id: uuid.UUID
    type: EventType
    occurred_at: datetime
    actor: EventActor
    subject: EventSubject
    requisition_id: uuid.UUID | None
    data: dict[str, Any]

    @classmethod
    def of(cls, event: Event) -> "EventOut":
        return cls.model_validate(event_document(event))


def event_document(event: Any) -> dict[str, Any]:
    """An event (an `Event` or a row of the feed's columns) in `EventOut`'s shape: the feed
    dumps it directly, webhooks validate it into their payload."""
    return {
        "id": event.id,
        "type": event.type,
        "occurred_at": event.occurred_at,
        "actor": {"api_key_id": event.actor_api_key_id, "on_behalf_of": event.actor_on_behalf_of},
        "subject": {"type": event.subject_type, "id": event.subject_id},
        "requisition_id": event.requisition_id,
        "data": event.data,
    }
