import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.options.schemas import Evidence, OptionOut
from app.options.state_machine import OptionStatus

Warmth = Literal["warm", "cooling", "cold"]
Flag = Literal[
    "no_runner_up", "first_choice_at_risk", "check_in_overdue", "runner_up_cold", "single_option"
]


class RunnerUp(BaseModel):
    option: OptionOut
    warmth: Warmth = Field(
        description="From the latest touchpoint: `warm` within 14 days, `cooling` within 30, "
        "`cold` after that or never."
    )
    last_touch_at: datetime | None
    door_open: bool = Field(description="False when the latest note closed the door.")
    evidence: Evidence = Field(
        description="Check-ins on their own work: as a first choice before, and as an interim."
    )


class NextCheckIn(BaseModel):
    """A first choice's next check-in of the requisition's cadence."""

    option_id: uuid.UUID
    next_check_in_on: date | None = Field(
        description="The earliest check-in of the cadence not yet recorded; in the past when "
        "it is overdue; null once the cadence is done.",
        examples=["2027-01-14"],
    )
    checkin_number: int | None = Field(
        description="Which check-in of the cadence it is (1 for the first).", examples=[1]
    )
    overdue: bool = Field(
        description="Due before today and not recorded: the first choice's risk is unknown, "
        "not fine."
    )


class Recommendation(BaseModel):
    option_id: uuid.UUID
    reasons: list[str] = Field(examples=[["ranked #2", "warm: last contact 3 days ago"]])


class BenchOut(BaseModel):
    requisition_id: uuid.UUID
    first_choices: list[OptionOut] = Field(description="Selected and hired options.")
    check_ins: list[NextCheckIn] = Field(
        description="Each first choice's next check-in (`checkin_cadence_days` of the "
        "requisition, from its start date or, until hired, the day it was selected)."
    )
    runner_ups: list[RunnerUp] = Field(description="Options kept warm, best-ranked first.")
    recommended_replacement: Recommendation | None = Field(
        description="The best-ranked warm runner-up with the door open (evidence breaks ties); "
        "null when there is none."
    )
    flags: list[Flag] = Field(
        description="`check_in_overdue`: a first choice's due check-in has not been recorded."
    )


class StandingOut(BaseModel):
    """What the candidate may be told about where they stand, in plain language."""

    status: OptionStatus
    headline: str = Field(examples=["Not now — and not a no"])
    explanation: str
    next_step: str
    door_open: bool
