"""Options: candidates in play for a requisition, ranked."""

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from app.candidates.service import ensure_not_erased, get_candidate
from app.kit.auth import Actor
from app.kit.errors import Conflict, NotFound
from app.kit.events import record_event
from app.kit.external_refs import apply_patch, set_external_refs
from app.kit.pagination import SortKey, paginate
from app.models import Option, Requisition
from app.options.schemas import OptionCreate, OptionUpdate
from app.options.state_machine import OptionStatus

# A requisition's options by rank, unranked last; the id keeps the order total.
ORDER = (SortKey(Option.rank, nulls_last=True), SortKey(Option.id))
LOAD = (
    joinedload(Option.candidate),
    selectinload(Option.external_refs),
    selectinload(Option.interim_checkins),
)


class OptionExists(Conflict):
    code = "option_exists"


class RequisitionClosed(Conflict):
    code = "requisition_closed"


async def get_option(
    session: AsyncSession, organization_id: uuid.UUID, option_id: uuid.UUID
) -> Option:
    option = await session.scalar(
        select(Option)
        .where(Option.id == option_id, Option.organization_id == organization_id)
        .options(*LOAD)
        .execution_options(populate_existing=True)
    )
    if option is None:
        raise NotFound(f"No option {option_id}.")
    return option


async def list_options(
    session: AsyncSession,
    requisition: Requisition,
    *,
    status: OptionStatus | None,
    updated_after: datetime | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Option], str | None]:
    query = select(Option).where(Option.requisition_id == requisition.id).options(*LOAD)
    if status is not None:
        query = query.where(Option.status == status)
    if updated_after is not None:
        query = query.where(Option.updated_at > updated_after)
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)


async def create_option(
    session: AsyncSession, actor: Actor, requisition: Requisition, body: OptionCreate
) -> Option:
    if requisition.status == "closed":
        raise RequisitionClosed(f"Requisition {requisition.id} is closed.")
    candidate = await get_candidate(session, actor.organization_id, body.candidate_id)
    ensure_not_erased(candidate)
    existing = await session.scalar(
        select(Option.id).where(
            Option.requisition_id == requisition.id, Option.candidate_id == candidate.id
        )
    )
    if existing is not None:
        raise OptionExists(
            f"Candidate {candidate.id} is already an option on this requisition.",
            option_id=str(existing),
        )
    option = Option(
        organization_id=actor.organization_id,
        requisition_id=requisition.id,
        candidate_id=candidate.id,
        rank=body.rank,
        fit_summary=body.fit_summary,
    )
    session.add(option)
    await session.flush()
    await set_external_refs(session, actor.organization_id, "option", option.id, body.external_refs)
    record_event(
        session,
        actor,
        "option.created",
        option.id,
        requisition_id=requisition.id,
        data={"candidate_id": str(candidate.id), "rank": body.rank},
    )
    await session.flush()
    return await get_option(session, actor.organization_id, option.id)


async def update_option(
    session: AsyncSession, actor: Actor, option: Option, body: OptionUpdate
) -> Option:
    changed = await apply_patch(session, actor.organization_id, "option", option, body)
    if not changed:
        return option
    record_event(
        session,
        actor,
        "option.updated",
        option.id,
        requisition_id=option.requisition_id,
        data={"changed": changed, "rank": option.rank},
    )
    await session.flush()
    return await get_option(session, actor.organization_id, option.id)
