import uuid
from datetime import date, datetime, timedelta
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints, model_validator

from app.kit.schemas import NO_NUL, Boolean, Day, Instant, Name, RequestBody, ResourceOut
from app.models.base import utcnow
from app.models.note import NoteKind, ReasonCode
from app.models.note_delivery import NoteDeliveryStatus

Message = Annotated[str, StringConstraints(max_length=5_000, pattern=NO_NUL)]

_NOTE_EXAMPLE: dict[str, JsonValue] = {
    "reason_code": "chose_another_candidate",
    "message": (
        "Hi Juan, thank you for the time you gave us. We chose another candidate whose "
        "payments experience matched this role more closely. I'd like to stay in touch and "
        "will reach out when a backend role opens."
    ),
    "door_open": True,
    "keep_in_touch_on": "2027-03-01",
}


class NoteText(RequestBody):
    """What a note says; the respect check reads exactly this."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_NOTE_EXAMPLE]})

    reason_code: ReasonCode
    message: Message
    door_open: Boolean = True
    keep_in_touch_on: Day | None = Field(
        default=None, description="When to get back in touch; listed as a follow-up."
    )


class NoteBody(NoteText):
    """A note to the candidate. It must pass the respect check (see `POST /v1/notes/check`)."""

    deliver: bool = Field(
        default=False,
        description="Email the note to the candidate (an agency: its contact address) after "
        "the send delay, with a link to their status page. 422 `candidate_has_no_email` when "
        "there is no address.",
    )
    send_after: Instant | None = Field(
        default=None,
        description="When the email may leave (RFC 3339); defaults to now plus the service's "
        "send delay (15 minutes unless configured). Only with `deliver: true`.",
    )

    @model_validator(mode="after")
    def _send_after_needs_deliver(self) -> Self:
        if self.send_after is not None and not self.deliver:
            raise ValueError("`send_after` is only for a note with `deliver: true`")
        if self.send_after is not None and self.send_after > utcnow() + timedelta(days=366):
            raise ValueError("`send_after` is at most a year ahead")
        return self


class Finding(BaseModel):
    code: str = Field(
        examples=["no_reason"],
        description="Errors: `empty_or_curt`, `disparaging`, `discriminatory`, `door_slammed`; "
        "warnings: `no_reason`, `impersonal`, `door_not_open`.",
    )
    severity: Literal["error", "warning"]
    detail: str
    # Defaults only so notes saved before spans and suggestions existed still read back.
    # A list of two rather than a tuple: generated clients handle `items` better than
    # `prefixItems`.
    span: Annotated[list[int], Field(min_length=2, max_length=2)] | None = Field(
        default=None,
        examples=[[8, 27]],
        description="`[start, end)` character offsets of the wording that triggered the "
        "finding, to underline it; null when it is about the whole message or something "
        "missing.",
    )
    suggestion: str = Field(
        default="",
        description="A respectful rewrite of the sentence, or what to add.",
    )


class NoteCheck(NoteText):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{**_NOTE_EXAMPLE, "candidate_name": "Juan Pérez"}]},
    )

    candidate_name: Name | None = Field(
        default=None, description="Lets the check see whether the message addresses the person."
    )


class RespectCheck(BaseModel):
    """What the respect check found in a draft."""

    findings: list[Finding]


class NoteDeliveryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    status: NoteDeliveryStatus = Field(
        description="`scheduled` (cancellable until it leaves), `sent`, `failed` (after "
        "retries), `cancelled` (on request, or because the candidate was erased)."
    )
    send_after: datetime
    sent_at: datetime | None


class NoteOut(ResourceOut):
    option_id: uuid.UUID | None = Field(description="Null for a note that ended an engagement.")
    engagement_id: uuid.UUID | None
    candidate_id: uuid.UUID
    kind: NoteKind
    reason_code: ReasonCode
    message: str
    door_open: bool
    keep_in_touch_on: date | None
    respect_findings: list[Finding] = Field(description="The respect check's warnings.")
    delivery: NoteDeliveryOut | None = Field(
        description="Null when the note was not to be emailed."
    )


TemplateBody = Annotated[str, StringConstraints(min_length=1, max_length=5_000, pattern=NO_NUL)]


class NoteTemplateCreate(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Chose another candidate, door open",
                    "kind": "rejection",
                    "reason_code": "chose_another_candidate",
                    "body": (
                        "Hi {candidate_name}, thank you for your time on the {role_title} "
                        "role. We chose another candidate whose experience matched it more "
                        "closely. I'd like to stay in touch. — {hiring_manager}"
                    ),
                }
            ]
        },
    )

    name: Name
    kind: NoteKind
    reason_code: ReasonCode
    body: TemplateBody = Field(
        description="Placeholders: `{candidate_name}`, `{role_title}`, `{hiring_manager}`."
    )


class NoteTemplateOut(ResourceOut):
    name: str
    kind: NoteKind
    reason_code: ReasonCode
    body: str


class RenderRequest(RequestBody):
    option_id: uuid.UUID


class Rendered(BaseModel):
    option_id: uuid.UUID
    message: str
