import uuid
from datetime import datetime
from typing import Annotated, ClassVar, Literal

import httpx
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from app.events.catalogue import EVENT_TYPES
from app.events.schemas import EventOut
from app.kit.event_types import EventType
from app.kit.schemas import BLANK, PatchBody, RequestBody, ResourceOut, ShortText
from app.models.webhook_delivery import DeliveryStatus
from app.models.webhook_endpoint import DisabledReason, EndpointStatus

WebhookUrl = Annotated[
    str,
    # An absolute http(s) URL with a host; whether it may be used is checked on save.
    StringConstraints(
        min_length=1, max_length=2048, pattern=rf"^https?://[^{BLANK}/?#]+[^{BLANK}]*$"
    ),
    Field(
        description="Where events are POSTed: `https` (or `http` where private targets are "
        "allowed); it must resolve to a public address.",
        examples=["https://ats.example.com/hooks/shortlist"],
    ),
]
EventTypes = Annotated[
    list[EventType | Literal["*"]],
    Field(
        min_length=1,
        max_length=len(EVENT_TYPES),
        description='Event types to receive, or `["*"]` for all: '
        + ", ".join(f"`{name}`" for name in EVENT_TYPES)
        + ".",
        examples=[["option.selected", "option.declined"]],
    ),
]
SIGNING_SECRET = Field(
    description="The signing secret (`whsec_` + base64). Shown only in this response; store "
    "it now. Null in an `Idempotency-Key` replay: secrets are never stored in the clear.",
    examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
)


def _http_url(url: str) -> str:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise ValueError("not a URL") from exc
    if parsed.scheme not in ("https", "http") or not parsed.host:
        raise ValueError("an absolute https URL is needed")
    return url


def _known_types(types: list[str]) -> list[str]:
    types = list(dict.fromkeys(types))
    if "*" in types:
        if len(types) > 1:
            raise ValueError('"*" already means every type; send it alone')
        return types
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown:
        raise ValueError(f"unknown event types {unknown}; see the catalogue in the description")
    return types


class EndpointCreate(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "url": "https://ats.example.com/hooks/shortlist",
                    "event_types": ["option.selected", "option.declined", "option.hired"],
                    "description": "Greenhouse sync",
                }
            ]
        },
    )

    url: WebhookUrl
    event_types: EventTypes = ["*"]
    description: ShortText | None = None

    _url = field_validator("url")(_http_url)
    _types = field_validator("event_types")(_known_types)


class EndpointUpdate(PatchBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"enabled": True}, {"event_types": ["*"]}]},
    )
    not_null: ClassVar[frozenset[str]] = frozenset({"url", "event_types", "enabled"})

    url: WebhookUrl | None = None
    event_types: EventTypes | None = None
    description: ShortText | None = None
    enabled: bool | None = Field(
        default=None,
        description="`false` pauses deliveries (they wait); `true` resumes them, also after "
        "Shortlist disabled the endpoint.",
    )

    @field_validator("url")
    @classmethod
    def _url(cls, url: str | None) -> str | None:
        return None if url is None else _http_url(url)

    @field_validator("event_types")
    @classmethod
    def _types(cls, types: list[str] | None) -> list[str] | None:
        return None if types is None else _known_types(types)


class EndpointOut(ResourceOut):
    url: str
    description: str | None
    event_types: list[str]
    enabled: bool
    status: EndpointStatus
    disabled_reason: DisabledReason | None = Field(
        description="Why it is disabled: `requested` (someone set `enabled: false`), `gone` "
        "(the receiver answered 410), `failing` (every delivery failed for 5 days)."
    )
    disabled_at: datetime | None
    failing_since: datetime | None = Field(
        description="The first failed attempt since the last success."
    )
    previous_secret_expires_at: datetime | None = Field(
        description="After a rotation, the old secret also signs deliveries until then."
    )


class EndpointCreated(EndpointOut):
    secret: str | None = SIGNING_SECRET


class AttemptOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    attempted_at: datetime
    duration_ms: int
    response_status: int | None = Field(description="The receiver's HTTP status, if it answered.")
    error: str | None = Field(
        description="Why no answer came (timeout, connection error, refused target)."
    )


class WebhookDeliveryOut(ResourceOut):
    endpoint_id: uuid.UUID
    event_id: uuid.UUID = Field(description="Also the `webhook-id` header of every attempt.")
    event_type: str
    status: DeliveryStatus
    attempt_count: int
    next_attempt_at: datetime | None = Field(description="Null once succeeded or failed.")
    attempts: list[AttemptOut] = Field(description="Oldest first.")


class WebhookPayload(BaseModel):
    """What Shortlist POSTs to an endpoint, signed per Standard Webhooks."""

    type: str = Field(examples=["option.selected"])
    timestamp: datetime = Field(description="When the event happened (RFC 3339, UTC).")
    data: EventOut = Field(description="The event exactly as `GET /v1/events` shows it.")
