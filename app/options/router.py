import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.candidates.service import CandidateErased
from app.db import Session
from app.kit.auth import ReadScope, WriteScope
from app.kit.errors import Problem, responses
from app.kit.etag import IfMatch, check_if_match
from app.kit.external_refs import ExternalRefTaken
from app.kit.pagination import Cursor, Limit, Page, UpdatedAfter, page_document_response
from app.kit.responses import created, resource_document_response, resource_response
from app.kit.schemas import RequestBody
from app.notes.delivery import NoEmailAddress
from app.notes.service import NoteNotRespectful
from app.options import actions, service
from app.options.actions import HeadcountReached, InvalidReplacement, InvalidTransition
from app.options.dependencies import OptionDocument, OptionForAction, ValidOption
from app.options.schemas import (
    DeclineBody,
    HireBody,
    HoldBody,
    KeepWarmBody,
    OptionCreate,
    OptionOut,
    OptionUpdate,
    ReactivateBody,
    ReleaseBody,
    SelectBody,
    WithdrawBody,
)
from app.options.service import OptionExists, RequisitionClosed
from app.options.state_machine import (
    EVENT_TYPES,
    REACTIVATE_TARGETS,
    TRANSITIONS,
    Action,
    OptionStatus,
)
from app.requisitions.dependencies import ParentRequisition

router = APIRouter(tags=["Options"])


@router.post(
    "/v1/requisitions/{requisition_id}/options",
    operation_id="createOption",
    summary="Add an option to a requisition",
    responses=responses(OptionExists, RequisitionClosed, CandidateErased, ExternalRefTaken),
    status_code=201,
    response_model=OptionOut,
)
async def create_option(
    actor: WriteScope, session: Session, requisition: ParentRequisition, body: OptionCreate
) -> Response:
    """Put a candidate in play for the requisition, in status `considering`. A candidate can be
    an option once per requisition (409 `option_exists`)."""
    option = await service.create_option(session, actor, requisition, body)
    return created(OptionOut.model_validate(option), f"/v1/options/{option.id}")


@router.get(
    "/v1/requisitions/{requisition_id}/options",
    operation_id="listOptions",
    summary="List a requisition's options",
    response_model=Page[OptionOut],
)
async def list_options(
    actor: ReadScope,
    session: Session,
    request: Request,
    requisition_id: uuid.UUID,
    status: Annotated[OptionStatus | None, Query()] = None,
    updated_after: UpdatedAfter = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """By rank (1 first), unranked options last, each with its candidate's summary."""
    documents, next_cursor = await service.list_option_documents(
        session,
        actor.organization_id,
        requisition_id,
        status=status,
        updated_after=updated_after,
        limit=limit,
        cursor=cursor,
    )
    return page_document_response(request, documents, next_cursor)


@router.get(
    "/v1/options/{option_id}",
    operation_id="getOption",
    summary="Get an option",
    response_model=OptionOut,
)
async def get_option(actor: ReadScope, option: OptionDocument) -> Response:
    """With its candidate's summary, `at_risk`, and the `allowed_actions` of its status."""
    return resource_document_response(option)


@router.patch(
    "/v1/options/{option_id}",
    operation_id="updateOption",
    summary="Re-rank an option or edit its fit summary",
    responses=responses(ExternalRefTaken),
    response_model=OptionOut,
)
async def update_option(
    actor: WriteScope,
    session: Session,
    option: ValidOption,
    body: OptionUpdate,
    if_match: IfMatch = None,
) -> Response:
    """Status changes go through the actions, not through PATCH."""
    check_if_match(if_match, option.version)
    option = await service.update_option(session, actor, option, body)
    return resource_response(OptionOut.model_validate(option))


@dataclass(frozen=True)
class ActionRoute:
    action: Action
    operation_id: str
    summary: str
    body: type[RequestBody]
    perform: Callable[..., Awaitable[dict[str, Any]]]
    description: str
    # What this action's rules refuse besides a move the table does not allow.
    problems: tuple[type[Problem], ...] = ()


NOTE_PROBLEMS = (NoteNotRespectful, CandidateErased, NoEmailAddress)

ACTION_ROUTES = (
    ActionRoute(
        "select",
        "selectOption",
        "Select an option as a first choice",
        SelectBody,
        actions.select_option,
        "409 `headcount_reached` when selected and hired options already fill the headcount.",
        (HeadcountReached,),
    ),
    ActionRoute(
        "keep-warm",
        "keepOptionWarm",
        "Keep an option warm as runner-up",
        KeepWarmBody,
        actions.keep_warm,
        "The runner-up is who the bench recommends if the first choice fails.",
    ),
    ActionRoute(
        "hold",
        "holdOption",
        "Put an option on hold (not now)",
        HoldBody,
        actions.hold_option,
        "A 'not now' instead of a 'no', with a date to revisit; `note` (kind `not_now`) is "
        "respect-checked.",
        NOTE_PROBLEMS,
    ),
    ActionRoute(
        "decline",
        "declineOption",
        "Decline an option, with a respectful note",
        DeclineBody,
        actions.decline_option,
        "The `rejection` note is required and must pass the respect check (422 "
        "`note_not_respectful` with `findings` otherwise).",
        NOTE_PROBLEMS,
    ),
    ActionRoute(
        "withdraw",
        "withdrawOption",
        "Record that the candidate withdrew",
        WithdrawBody,
        actions.withdraw_option,
        "The candidate or provider stepped back.",
    ),
    ActionRoute(
        "hire",
        "hireOption",
        "Hire a selected option",
        HireBody,
        actions.hire_option,
        "The requisition becomes `filled` once hired options reach its headcount.",
    ),
    ActionRoute(
        "release",
        "releaseOption",
        "Release a selected or hired option",
        ReleaseBody,
        actions.release_option,
        "Releasing a hire reopens a `filled` requisition. `note` (kind `release`) is "
        "respect-checked.",
        NOTE_PROBLEMS,
    ),
    ActionRoute(
        "reactivate",
        "reactivateOption",
        "Reactivate an option (replace the first choice)",
        ReactivateBody,
        actions.reactivate_option,
        "With `replaces`, in one transaction the replaced first choice is `released` and this "
        "option `selected`; both events name the other option. Of concurrent reactivations "
        "against the same first choice exactly one succeeds; the others get 409 "
        "`invalid_replacement`.",
        (HeadcountReached, InvalidReplacement),
    ),
)


def _from_statuses(action: Action) -> str:
    froms = [status for (status, act) in TRANSITIONS if act == action]
    targets = sorted({TRANSITIONS[(status, action)] for status in froms})
    if action == "reactivate":
        targets = list(REACTIVATE_TARGETS)
    return f"From {', '.join(f'`{s}`' for s in froms)} to {' or '.join(f'`{t}`' for t in targets)}."


def _add_action_route(route: ActionRoute) -> None:
    body_model = route.body

    async def endpoint(
        actor: WriteScope,
        session: Session,
        target: OptionForAction,
        body: body_model,  # type: ignore[valid-type]
        if_match: IfMatch = None,
    ) -> Response:
        return resource_document_response(
            await route.perform(session, actor, target, body, if_match)
        )

    endpoint.__name__ = route.operation_id
    router.add_api_route(
        f"/v1/options/{{option_id}}/{route.action}",
        endpoint,
        methods=["POST"],
        operation_id=route.operation_id,
        summary=route.summary,
        description=(
            f"{_from_statuses(route.action)} {route.description} Writes the event "
            f"`{EVENT_TYPES[route.action]}`. 409 `invalid_transition` (with `allowed_actions`) "
            "from any other status."
        ),
        response_model=OptionOut,
        responses=responses(InvalidTransition, *route.problems),
    )


for _route in ACTION_ROUTES:
    _add_action_route(_route)
