"""What an ATS reports, done through the same services as any other change.

Both Greenhouse and Lever report decisions already taken (a rejection, a hire). Each move here
calls the option actions, candidate and option services, so their rules (the state machine,
headcount, erasure) hold as for any client; what they refuse is raised as a `Conflict` and the
caller records the delivery as `conflict`. A move that finds its work already done is `ignored`.
"""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from app.candidates.schemas import CandidateCreate, CandidateUpdate
from app.candidates.service import (
    create_candidate,
    erase_candidate,
    get_candidate,
    update_candidate,
)
from app.kit.auth import Actor
from app.kit.external_refs import find_by_external_ref
from app.kit.schemas import ExternalRef
from app.models import Candidate, Option, Requisition
from app.notes.schemas import NoteBody
from app.options import actions
from app.options.schemas import (
    DeclineBody,
    HireBody,
    OptionCreate,
    OptionUpdate,
    ReactivateBody,
    ReleaseBody,
    SelectBody,
)
from app.options.service import (
    ActionTarget,
    create_option,
    get_option,
    load_for_action,
    update_option,
)
from app.requisitions.schemas import RequisitionCreate
from app.requisitions.service import create_requisition, get_requisition

SYSTEM_NAMES = {"greenhouse": "Greenhouse", "lever": "Lever"}


@dataclass(frozen=True)
class Result:
    outcome: Literal["applied", "ignored"]
    detail: str


def applied(detail: str) -> Result:
    return Result("applied", detail)


def ignored(detail: str) -> Result:
    return Result("ignored", detail)


async def _found(
    session: AsyncSession, actor: Actor, resource_type: str, system: str, external_id: str
) -> uuid.UUID | None:
    return await find_by_external_ref(
        session, actor.organization_id, resource_type, system, external_id
    )


async def option_by_ref(
    session: AsyncSession, actor: Actor, system: str, external_id: str
) -> Option | None:
    found = await _found(session, actor, "option", system, external_id)
    return None if found is None else await get_option(session, actor.organization_id, found)


async def candidate_by_ref(
    session: AsyncSession, actor: Actor, system: str, external_id: str
) -> Candidate | None:
    found = await _found(session, actor, "candidate", system, external_id)
    return None if found is None else await get_candidate(session, actor.organization_id, found)


async def ensure_requisition(
    session: AsyncSession, actor: Actor, system: str, external_id: str, title: str
) -> Requisition:
    """The requisition an ATS job maps to, created (titled as the job) when missing. An
    existing one is left as the manager keeps it."""
    found = await _found(session, actor, "requisition", system, external_id)
    if found is not None:
        return await get_requisition(session, actor.organization_id, found)
    ref = ExternalRef(system=system, external_id=external_id)
    return await create_requisition(
        session, actor, RequisitionCreate(title=title, external_refs=[ref])
    )


async def sync_candidate(
    session: AsyncSession,
    actor: Actor,
    system: str,
    external_id: str,
    fields: CandidateUpdate,
    *,
    create: bool = True,
) -> Candidate | None:
    """Create the candidate an ATS knows as `external_id`, or update the fields it sent (the
    manager's own fields, such as tags and consent, stay). None when unknown and not `create`."""
    candidate = await candidate_by_ref(session, actor, system, external_id)
    if candidate is not None:
        return await update_candidate(session, actor, candidate, fields)
    if not create:
        return None
    ref = ExternalRef(system=system, external_id=external_id)
    body = CandidateCreate.model_validate(
        {**fields.model_dump(exclude_unset=True), "external_refs": [ref]}
    )
    return await create_candidate(session, actor, body)


async def sync_option(
    session: AsyncSession,
    actor: Actor,
    system: str,
    external_id: str,
    requisition: Requisition,
    candidate: Candidate,
    stage: str | None,
) -> Option:
    """The option an ATS application maps to, created when missing; its `fit_summary` keeps
    the ATS's stage."""
    option = await option_by_ref(session, actor, system, external_id)
    if option is None:
        ref = ExternalRef(system=system, external_id=external_id)
        body = OptionCreate(candidate_id=candidate.id, fit_summary=stage, external_refs=[ref])
        return await create_option(session, actor, requisition, body)
    if stage is not None:
        option = await record_stage(session, actor, option, stage)
    return option


async def record_stage(session: AsyncSession, actor: Actor, option: Option, stage: str) -> Option:
    return await update_option(session, actor, option, OptionUpdate(fit_summary=stage))


async def _for_action(session: AsyncSession, actor: Actor, option: Option) -> ActionTarget:
    """The option as an action takes it: loaded with its requisition, both locked."""
    return await load_for_action(session, actor.organization_id, option.id)


async def decline(
    session: AsyncSession, actor: Actor, option: Option, system: str, reason: str | None
) -> Result:
    """Record a rejection made in the ATS; `reason` as the ATS names it."""
    if option.status == "declined":
        return ignored(f"Option {option.id} is already declined.")
    status_reason = reason or f"Rejected in {SYSTEM_NAMES[system]}"
    note = NoteBody(reason_code="other", message=status_reason, door_open=False)
    await actions.decline_option(
        session,
        actor,
        await _for_action(session, actor, option),
        DeclineBody(note=note),
        None,
        imported_reason=status_reason,
    )
    # The reason stays out of the detail line, which erasure does not reach.
    return applied(f"Option {option.id} declined.")


async def reactivate(session: AsyncSession, actor: Actor, option: Option, system: str) -> Result:
    if option.status == "considering":
        return ignored(f"Option {option.id} is already being considered.")
    body = ReactivateBody(reason=f"Reactivated in {SYSTEM_NAMES[system]}", to="considering")
    await actions.reactivate_option(
        session, actor, await _for_action(session, actor, option), body, None
    )
    return applied(f"Option {option.id} reactivated.")


async def hire(
    session: AsyncSession, actor: Actor, option: Option, system: str, start_date: date
) -> Result:
    """Hire, selecting first when the option is not selected yet (headcount permitting)."""
    if option.status == "hired":
        return ignored(f"Option {option.id} is already hired.")
    target = await _for_action(session, actor, option)
    if option.status != "selected":
        reason = f"Hired in {SYSTEM_NAMES[system]}"
        await actions.select_option(session, actor, target, SelectBody(reason=reason), None)
    await actions.hire_option(session, actor, target, HireBody(start_date=start_date), None)
    return applied(f"Option {option.id} hired, starting {start_date.isoformat()}.")


async def release(session: AsyncSession, actor: Actor, option: Option, system: str) -> Result:
    if option.status == "released":
        return ignored(f"Option {option.id} is already released.")
    body = ReleaseBody(reason=f"Unhired in {SYSTEM_NAMES[system]}")
    await actions.release_option(
        session, actor, await _for_action(session, actor, option), body, None
    )
    return applied(f"Option {option.id} released.")


async def erase(session: AsyncSession, actor: Actor, candidate: Candidate) -> Result:
    if candidate.erased_at is not None:
        return ignored(f"Candidate {candidate.id} is already erased.")
    await erase_candidate(session, actor, candidate)
    return applied(f"Candidate {candidate.id} erased.")
