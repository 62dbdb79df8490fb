import uuid
from typing import Annotated, Self

from pydantic import ConfigDict, Field, StringConstraints, computed_field, model_validator

from app.kit.schemas import NO_NUL, RequestBody, ResourceOut
from app.models.inbound_event import InboundOutcome
from app.models.integration import IntegrationSystem

IntegrationName = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=NO_NUL)]
# Printable ASCII: both systems sign with the secret's bytes, and a paste must not hide spaces.
Secret = Annotated[str, StringConstraints(min_length=16, max_length=200, pattern=r"^[!-~]+$")]


def inbound_url(system: str, integration_id: uuid.UUID) -> str:
    return f"/v1/inbound/{system}/{integration_id}"


class IntegrationCreate(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"system": "greenhouse", "name": "Greenhouse (production)"},
                {
                    "system": "lever",
                    "name": "Lever",
                    "secret": "3c2a9f1e6b7d4a0c8e5f2b1a9d7c6e4f",
                },
            ]
        },
    )

    system: IntegrationSystem
    name: IntegrationName
    secret: Secret | None = Field(
        default=None,
        description="The signing secret. Greenhouse: leave it out and paste the generated one "
        "into Greenhouse's *Secret key*. Lever: give the *signature token* Lever shows for "
        "your webhooks.",
    )

    @model_validator(mode="after")
    def _lever_gives_its_token(self) -> Self:
        # Lever generates the signature token itself; a secret of ours would never match.
        if self.system == "lever" and self.secret is None:
            raise ValueError("Lever integrations need `secret`: Lever's signature token")
        return self


class IntegrationOut(ResourceOut):
    system: IntegrationSystem
    name: str

    @computed_field(  # type: ignore[prop-decorator]
        description="Where the ATS sends its webhooks (a path on this server; no API key)."
    )
    @property
    def inbound_url(self) -> str:
        return inbound_url(self.system, self.id)


class IntegrationCreated(IntegrationOut):
    secret: str | None = Field(
        description="The signing secret. Shown only in this response (stored encrypted, never "
        "shown again); null in an `Idempotency-Key` replay.",
        examples=["gh_6x0bUj6xk0d1f3V8t9Lh4mQ2wZ1aB5cD"],
    )


class InboundEventOut(ResourceOut):
    """A delivery an integration received and what became of it."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "4b0f1c9e-2d7a-4e8b-9c3d-5a6f7e8d9c0b",
                    "created_at": "2026-11-30T09:30:00Z",
                    "updated_at": "2026-11-30T09:30:00Z",
                    "version": 1,
                    "integration_id": "0b6f3f4e-8d5a-4a53-9d1e-2a7c51f0b8a1",
                    "event_id": "7f9e4a52-0d1c-4c3b-8a6e-2b5d9f1e3c7a",
                    "action": "reject_candidate",
                    "outcome": "applied",
                    "detail": "Option 5d7c1c52-3f0e-4c55-9a43-0b8f3f1de2a4 declined: Too junior.",
                }
            ]
        },
    )

    integration_id: uuid.UUID
    event_id: str = Field(
        description="The ATS's id of the delivery: `Greenhouse-Event-ID`, or Lever's `token`."
    )
    action: str | None = Field(description="The ATS's name for what happened, when readable.")
    outcome: InboundOutcome = Field(
        description="`applied` (changes made), `duplicate` (the event id was seen before; "
        "nothing done), `ignored` (nothing to do), `conflict` (the move was refused, e.g. by "
        "the state machine or the headcount; nothing changed), `rejected` (signed but "
        "malformed; answered 422)."
    )
    detail: str = Field(description="What happened, in a line.")
