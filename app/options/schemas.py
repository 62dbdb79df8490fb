import uuid
from datetime import datetime
from typing import Annotated, ClassVar

from pydantic import ConfigDict, Field, computed_field

from app.candidates.schemas import CandidateSummary
from app.kit.schemas import ExternalRef, ExternalRefs, LongText, PatchBody, RequestBody, ResourceOut
from app.options.state_machine import Action, OptionStatus, allowed_actions

Rank = Annotated[int, Field(ge=1, le=10_000, description="1 is the first choice.")]


class OptionCreate(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "candidate_id": "5d7c1c52-3f0e-4c55-9a43-0b8f3f1de2a4",
                    "rank": 2,
                    "fit_summary": "Strong on payments; would need ramp-up on our stack.",
                }
            ]
        },
    )

    candidate_id: uuid.UUID
    rank: Rank | None = None
    fit_summary: LongText | None = None
    external_refs: ExternalRefs = []


class OptionUpdate(PatchBody):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"rank": 1}, {"rank": None}]}
    )
    not_null: ClassVar[frozenset[str]] = frozenset({"external_refs"})

    rank: Rank | None = None
    fit_summary: LongText | None = None
    external_refs: ExternalRefs | None = None


class OptionOut(ResourceOut):
    requisition_id: uuid.UUID
    candidate_id: uuid.UUID
    candidate: CandidateSummary
    status: OptionStatus
    rank: int | None
    fit_summary: str | None
    at_risk: bool = Field(description="A selected or hired option whose check-ins are failing.")
    status_reason: str | None
    status_changed_at: datetime
    external_refs: list[ExternalRef]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def allowed_actions(self) -> list[Action]:
        """What `POST /v1/options/{id}/{action}` accepts in the current status."""
        return allowed_actions(self.status)
