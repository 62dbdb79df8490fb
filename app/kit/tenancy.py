"""The organization filter, written once: every query of a tenant table starts from `readable`.

A row of another organization is never found, listed or changed, whatever the path or the
parent a query names: child lists (an option's notes, an endpoint's deliveries) filter on the
organization as well as on their parent, so one forgotten join cannot leak a row.
"""

import uuid
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.kit.errors import NotFound
from app.models.base import Owned

T = TypeVar("T", bound=Owned)


def readable(model: type[T], organization_id: uuid.UUID) -> Select[T]:
    """`SELECT model WHERE organization_id = …`: the start of every tenant query."""
    return select(model).where(model.organization_id == organization_id)


# Built once per model, relationships loaded and freshness (building a select cost more CPU
# than running it); the keys come from the code, so there are a few dozen at most.
_BY_ID: dict[tuple[type[Owned], tuple[str, ...], bool], Select[Any]] = {}


def _by_id(model: type[Owned], load: tuple[str, ...], fresh: bool) -> Select[Any]:
    key = (model, load, fresh)
    if (query := _BY_ID.get(key)) is None:
        query = (
            select(model)
            .where(
                model.organization_id == bindparam("organization_id"),
                model.id == bindparam("row_id"),  # type: ignore[attr-defined]
            )
            .options(*(selectinload(getattr(model, relationship)) for relationship in load))
        )
        if fresh:
            query = query.execution_options(populate_existing=True)
        _BY_ID[key] = query
    return query


async def get_owned(
    session: AsyncSession,
    model: type[T],
    organization_id: uuid.UUID,
    row_id: uuid.UUID,
    *,
    label: str,
    load: tuple[str, ...] = (),
    fresh: bool = False,
) -> T:
    """One row of the organization by id, or 404 `No {label} {id}.` (the same answer for a row
    that does not exist and one of another organization). `load` names relationships to load
    with it; `fresh` reloads a row the session already holds, for a read after a change."""
    parameters = {"organization_id": organization_id, "row_id": row_id}
    row: T | None = await session.scalar(_by_id(model, load, fresh), parameters)
    if row is None:
        raise NotFound(f"No {label} {row_id}.")
    return row
