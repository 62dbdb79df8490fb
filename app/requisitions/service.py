"""Requisitions: the roles a manager keeps options open for."""

import uuid
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.db import built_once, read_rows
from app.kit.auth import Actor, KeyedRead, with_key
from app.kit.errors import NotFound
from app.kit.events import record_event
from app.kit.external_refs import (
    apply_patch,
    find_by_external_ref,
    has_external_ref,
    set_external_refs,
    with_ref,
)
from app.kit.pagination import SortKey, paginate
from app.kit.tenancy import get_owned, readable
from app.models import Requisition
from app.models.requisition import RequisitionStatus
from app.requisitions.schemas import RequisitionCreate, RequisitionUpdate
from app.requisitions.status import check_headcount, check_manual_move, follow_hires, seats

ORDER = (SortKey(Requisition.created_at), SortKey(Requisition.id))


# Built once, and read without the ORM: a read that needs only to know the requisition is the
# organization's then runs every statement straight through the driver (`read_rows`).
_OWNED_ID = built_once(
    select(Requisition.id).where(
        Requisition.organization_id == bindparam("organization_id"),
        Requisition.id == bindparam("requisition_id"),
    )
)


async def owned_requisition_id(
    session: AsyncSession, organization_id: uuid.UUID, requisition_id: uuid.UUID
) -> uuid.UUID:
    """`requisition_id` if it is the organization's, or 404 as `get_requisition` answers."""
    parameters = {"organization_id": organization_id, "requisition_id": requisition_id}
    return _owned_id(
        (await read_rows(session, _OWNED_ID, parameters)).one_or_none(), requisition_id
    )


def _owned_id(row: Any, requisition_id: uuid.UUID) -> uuid.UUID:
    if row is None or row.id is None:
        raise NotFound(f"No requisition {requisition_id}.")
    return requisition_id


@cache
def _owned_id_with_key(dialect: str) -> Select[Any]:
    columns: list[Any] = [Requisition.id, Requisition.organization_id]
    requisition = select(*columns)
    return built_once(with_key(requisition.where(Requisition.id == bindparam("requisition_id"))))


# A plain GET under a requisition that needs only its id (the bench) reads it with its API
# key, in one statement (`fast_routes`).
owned_requisition_id.keyed = KeyedRead(  # type: ignore[attr-defined]
    _owned_id_with_key, "requisition_id", _owned_id
)


async def get_requisition(
    session: AsyncSession,
    organization_id: uuid.UUID,
    requisition_id: uuid.UUID,
    *,
    with_refs: bool = True,
) -> Requisition:
    return await get_owned(
        session,
        Requisition,
        organization_id,
        requisition_id,
        label="requisition",
        load=("external_refs",) if with_refs else (),
        fresh=True,
    )


async def list_requisitions(
    session: AsyncSession,
    organization_id: uuid.UUID,
    *,
    status: RequisitionStatus | None,
    updated_after: datetime | None,
    external_system: str | None,
    external_id: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Requisition], str | None]:
    query = readable(Requisition, organization_id).options(selectinload(Requisition.external_refs))
    if status is not None:
        query = query.where(Requisition.status == status)
    if updated_after is not None:
        query = query.where(Requisition.updated_at > updated_after)
    if external_system is not None or external_id is not None:
        query = query.where(
            has_external_ref("requisition", Requisition.id, external_system, external_id)
        )
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)


async def create_requisition(
    session: AsyncSession, actor: Actor, body: RequisitionCreate
) -> Requisition:
    requisition = Requisition(
        organization_id=actor.organization_id, **body.model_dump(exclude={"external_refs"})
    )
    session.add(requisition)
    await session.flush()
    await set_external_refs(
        session, actor.organization_id, "requisition", requisition.id, body.external_refs
    )
    record_event(
        session, actor, "requisition.created", requisition.id, requisition_id=requisition.id
    )
    await session.flush()
    return await get_requisition(session, actor.organization_id, requisition.id)


async def _with_status(
    session: AsyncSession, requisition: Requisition, body: RequisitionUpdate
) -> RequisitionUpdate:
    """`body` with the status it leads to (see `status`), or a 409 for a headcount below the
    seats taken or a status the options contradict."""
    headcount = body.headcount if body.headcount is not None else requisition.headcount
    taken = await seats(session, requisition.id)
    check_headcount(headcount, taken)
    hires = sum(status == "hired" for _, status in taken)
    status = follow_hires(requisition.status, hires, headcount)
    if body.status is not None:
        check_manual_move(status, body.status, hires, headcount)
        status = body.status
    if status == requisition.status:
        return body
    return body.model_copy(update={"status": status})


async def update_requisition(
    session: AsyncSession, actor: Actor, requisition: Requisition, body: RequisitionUpdate
) -> Requisition:
    body = await _with_status(session, requisition, body)
    changed = await apply_patch(session, actor.organization_id, "requisition", requisition, body)
    if not changed:
        return requisition
    record_event(
        session,
        actor,
        "requisition.updated",
        requisition.id,
        requisition_id=requisition.id,
        data={"changed": changed},
    )
    await session.flush()
    return await get_requisition(session, actor.organization_id, requisition.id)


async def upsert_requisition(
    session: AsyncSession, actor: Actor, system: str, external_id: str, body: RequisitionCreate
) -> tuple[Requisition, bool]:
    """Create or replace the requisition an ATS knows as `system`/`external_id`."""
    body = body.model_copy(
        update={"external_refs": with_ref(body.external_refs, system, external_id)}
    )
    found = await find_by_external_ref(
        session, actor.organization_id, "requisition", system, external_id
    )
    if found is None:
        return await create_requisition(session, actor, body), True
    requisition = await get_requisition(session, actor.organization_id, found)
    replacement = RequisitionUpdate.model_validate(body.model_dump())
    return await update_requisition(session, actor, requisition, replacement), False
