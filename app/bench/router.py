from fastapi import APIRouter
from starlette.responses import Response

from app.bench import service
from app.bench.schemas import BenchOut, StandingOut
from app.db import Session
from app.kit.auth import ReadScope
from app.kit.responses import document_response, json_response
from app.options.dependencies import ValidOption
from app.requisitions.dependencies import OwnedRequisitionId
from app.requisitions.service import get_requisition

router = APIRouter(tags=["Decision support"])


@router.get(
    "/v1/requisitions/{requisition_id}/bench",
    operation_id="getBench",
    summary="The bench: first choices, runner-ups and who would replace whom",
    response_model=BenchOut,
)
async def get_bench(
    actor: ReadScope, session: Session, requisition_id: OwnedRequisitionId
) -> Response:
    """First choices (selected and hired), runner-ups with their warmth (from the latest
    touchpoint: `warm` within 14 days, `cooling` within 30, `cold` beyond), whether the door is
    open, the evidence of their work, and a recommended replacement: the best-ranked warm
    runner-up with the door open, evidence breaking ties. Flags: `no_runner_up`,
    `first_choice_at_risk`, `runner_up_cold`, `single_option`."""
    return document_response(await service.bench(session, actor.organization_id, requisition_id))


@router.get(
    "/v1/options/{option_id}/standing",
    operation_id="getOptionStanding",
    summary="Where the candidate stands, in plain language",
    response_model=StandingOut,
)
async def get_standing(actor: ReadScope, session: Session, option: ValidOption) -> Response:
    """What the candidate may be told: a headline, why, what happens next, and whether the
    door is open. Worded to be passed on as it is."""
    requisition = await get_requisition(session, actor.organization_id, option.requisition_id)
    note = await service.latest_note(session, option)
    return json_response(service.standing(option, requisition, note))
