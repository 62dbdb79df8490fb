"""Options: candidates in play for a requisition, ranked."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from app.candidates.service import ensure_not_erased, get_candidate
from app.db import dialect_of, read_rows
from app.kit.auth import Actor, KeyedRead
from app.kit.errors import Conflict, NotFound
from app.kit.events import record_event
from app.kit.external_refs import apply_patch, set_external_refs
from app.kit.pagination import paginate
from app.models import Option, Requisition
from app.options.schemas import OptionCreate, OptionUpdate
from app.options.state_machine import OptionStatus
from app.options.views import (
    ORDER,
    Extras,
    document,
    extras,
    option_by_id,
    option_by_id_with_key,
    options_of_requisition,
    row_document,
)
from app.requisitions.service import get_requisition

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


async def get_option_document(
    session: AsyncSession, organization_id: uuid.UUID, option_id: uuid.UUID
) -> dict[str, Any]:
    """The option as `GET /v1/options/{id}` shows it, in one statement."""
    statement = option_by_id(dialect_of(session))
    parameters = {"option_id": option_id, "organization_id": organization_id}
    return _option_document(
        (await read_rows(session, statement, parameters)).one_or_none(), option_id
    )


def _option_document(row: Any, option_id: uuid.UUID) -> dict[str, Any]:
    if row is None or row.id is None:
        raise NotFound(f"No option {option_id}.")
    return row_document(row)


# A plain GET of an option reads it with its API key, in one statement (`fast_routes`).
get_option_document.keyed = KeyedRead(  # type: ignore[attr-defined]
    option_by_id_with_key, "option_id", _option_document
)


async def list_option_documents(
    session: AsyncSession,
    organization_id: uuid.UUID,
    requisition_id: uuid.UUID,
    *,
    status: OptionStatus | None,
    updated_after: datetime | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of the requisition's options, in one statement. The requisition is not read
    first: only an empty page asks whether it exists (404 when it does not, or is another
    organization's)."""
    query = options_of_requisition(
        dialect_of(session), by_status=status is not None, by_update=updated_after is not None
    )
    parameters = {
        "requisition_id": requisition_id,
        "organization_id": organization_id,
        "status": status,
        "updated_after": updated_after,
    }
    rows, next_cursor = await paginate(
        session,
        query,
        keys=ORDER,
        limit=limit,
        cursor=cursor,
        entities=False,
        parameters=parameters,
    )
    if not rows:
        await get_requisition(session, organization_id, requisition_id, with_refs=False)
    return [row_document(row) for row in rows], next_cursor


@dataclass(slots=True)
class ActionTarget:
    """An option loaded for an action, its requisition locked, and what its document needs."""

    option: Option
    requisition: Requisition
    extras: Extras

    def document(self) -> dict[str, Any]:
        """The document of the option as it is in memory (after the action's change)."""
        candidate = self.option.candidate
        return document(self.option, candidate.kind, candidate.name, self.extras)


@cache
def _for_action(dialect: str) -> Select[Any]:
    """Built once (parameters `option_id`, `organization_id`), like `option_by_id`."""
    return (
        select(Option, Requisition, *extras(dialect))
        .join(Option.candidate)
        .join(Requisition, Requisition.id == Option.requisition_id)
        .options(contains_eager(Option.candidate))
        .where(
            Option.id == bindparam("option_id"),
            Option.organization_id == bindparam("organization_id"),
        )
        .with_for_update(of=(Option, Requisition))
        .execution_options(populate_existing=True)
    )


async def load_for_action(
    session: AsyncSession, organization_id: uuid.UUID, option_id: uuid.UUID
) -> ActionTarget:
    """Load the option for an action in one statement that locks its requisition row.

    The requisition's row lock is *the* guard of an option action: actions on one requisition
    run one at a time, so headcount and the reactivation swap hold under concurrency. The
    option row is locked too, so that a waiting action reads the option as the previous one
    left it (PostgreSQL re-reads locked rows once the lock is granted).
    """
    parameters = {"option_id": option_id, "organization_id": organization_id}
    row = (await session.execute(_for_action(dialect_of(session)), parameters)).one_or_none()
    if row is None:
        raise NotFound(f"No option {option_id}.")
    return ActionTarget(row.Option, row.Requisition, Extras.of(row))


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
