"""The organization filter, written once: every query of a tenant table starts from `readable`.

A row of another organization is never found, listed or changed, whatever the path or the
parent a query names: child lists (an option's notes, an endpoint's deliveries) filter on the
organization as well as on their parent, so one forgotten join cannot leak a row.
"""

import uuid
from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.base import ExecutableOption

from app.kit.errors import NotFound
from app.models.base import Owned

T = TypeVar("T", bound=Owned)


def readable(model: type[T], organization_id: uuid.UUID) -> Select[T]:
    """`SELECT model WHERE organization_id = …`: the start of every tenant query."""
    return select(model).where(model.organization_id == organization_id)


async def get_owned(
    session: AsyncSession,
    model: type[T],
    organization_id: uuid.UUID,
    row_id: uuid.UUID,
    *,
    label: str,
    options: Sequence[ExecutableOption] = (),
    fresh: bool = False,
) -> T:
    """One row of the organization by id, or 404 `No {label} {id}.` (the same answer for a row
    that does not exist and one of another organization). `fresh` reloads a row the session
    already holds, for a read after a change."""
    query = readable(model, organization_id).where(model.id == row_id).options(*options)  # type: ignore[attr-defined]
    if fresh:
        query = query.execution_options(populate_existing=True)
    row = await session.scalar(query)
    if row is None:
        raise NotFound(f"No {label} {row_id}.")
    return row
