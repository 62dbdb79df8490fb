import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    computed_field,
    field_validator,
)

from app.candidates.schemas import CandidateSummary
from app.kit.schemas import (
    JSON_INTEGER,
    NO_NUL,
    Day,
    ExternalRef,
    ExternalRefs,
    LongText,
    PatchBody,
    RequestBody,
    ResourceOut,
)
from app.models.checkin import Verdict
from app.notes.schemas import NoteBody
from app.options.state_machine import Action, OptionStatus, allowed_actions

Rank = Annotated[int, Field(ge=1, le=10_000, description="1 is the first choice."), JSON_INTEGER]


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


def average_rating(rating_total: int | None, checkins: int) -> float | None:
    """The average of `checkins` ratings summing to `rating_total`, as evidence shows it."""
    return round((rating_total or 0) / checkins, 2) if checkins else None


class Evidence(BaseModel):
    """What check-ins say about a candidate's work."""

    checkins: int = Field(description="How many check-ins.")
    average_rating: float | None = Field(description="Their average rating, 1–5.")
    latest_verdict: Verdict | None

    @classmethod
    def of(cls, checkins: Sequence[Any]) -> "Evidence":
        """From check-ins (anything with `rating` and `verdict`), oldest first."""
        if not checkins:
            return cls(checkins=0, average_rating=None, latest_verdict=None)
        return cls(
            checkins=len(checkins),
            average_rating=average_rating(sum(c.rating for c in checkins), len(checkins)),
            latest_verdict=checkins[-1].verdict,
        )


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
    revisit_on: date | None = Field(description="Set by `hold`: when to look again.")
    start_date: date | None = Field(description="Set by `hire`.")
    external_refs: list[ExternalRef]
    interim_evidence: Evidence = Field(
        validation_alias="interim_checkins",
        description="Check-ins of this candidate's interim engagements on the requisition: "
        "an interim role is an extended interview.",
    )

    @field_validator("interim_evidence", mode="before")
    @classmethod
    def _summarize(cls, checkins: Any) -> Any:
        return Evidence.of(checkins) if isinstance(checkins, list) else checkins

    @computed_field  # type: ignore[prop-decorator]
    @property
    def allowed_actions(self) -> list[Action]:
        """What `POST /v1/options/{id}/{action}` accepts in the current status."""
        return allowed_actions(self.status)


Reason = Annotated[
    str,
    StringConstraints(min_length=1, max_length=2_000, pattern=NO_NUL),
    Field(description="Why, in a sentence; kept as the option's `status_reason`."),
]


class SelectBody(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"reason": "Can cover the whole scope from January."}]},
    )

    reason: Reason


class KeepWarmBody(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"reason": "Strong second; keep close in case."}]},
    )

    reason: Reason


class HoldBody(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "reason": "No budget for the role until Q2.",
                    "revisit_on": "2027-04-01",
                    "note": {
                        "reason_code": "no_current_need",
                        "message": (
                            "Hi Ana, thank you for the conversations. We have no opening "
                            "right now because the budget moved to Q2, so this is a 'not "
                            "now' rather than a no. I'll get back in touch in April."
                        ),
                    },
                }
            ]
        },
    )

    reason: Reason
    revisit_on: Day = Field(description="When to look at this option again (a follow-up).")
    note: NoteBody | None = Field(
        default=None, description="A `not_now` note to the candidate; respect-checked."
    )


class DeclineBody(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"note": NoteBody.model_json_schema()["examples"][0]}]},
    )

    note: NoteBody = Field(description="The `rejection` note; required, and respect-checked.")


class WithdrawBody(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"reason": "Accepted another offer."}]},
    )

    reason: Reason


class HireBody(RequestBody):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"start_date": "2027-01-11"}]}
    )

    start_date: Day


class ReleaseBody(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"reason": "Missed the first three milestones."}]},
    )

    reason: Reason
    note: NoteBody | None = Field(
        default=None, description="A `release` note to the candidate; respect-checked."
    )


class ReactivateBody(RequestBody):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "reason": "The agency is failing its check-ins; Juan reviewed their work.",
                    "replaces": "7e1c0d5b-2a4f-4b8e-8f3a-1d2c3b4a5f60",
                },
                {"reason": "The budget came through.", "to": "considering"},
            ]
        },
    )

    reason: Reason
    to: Literal["considering", "selected"] | None = Field(
        default=None,
        description="`selected` when `replaces` is given, otherwise `considering`, by default.",
    )
    replaces: uuid.UUID | None = Field(
        default=None,
        description=(
            "A selected or hired option of the same requisition to release in the same "
            "transaction (the runner-up takes its seat)."
        ),
    )
