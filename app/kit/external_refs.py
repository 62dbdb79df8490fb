"""External refs (`{system, external_id}`) shared by requisitions, candidates and options."""

import uuid
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Query
from sqlalchemy import delete, exists, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from app.kit.errors import Conflict, InvalidRequest
from app.kit.schemas import MAX_EXTERNAL_REFS
from app.kit.schemas import ExternalRef as ExternalRefIn
from app.models import ExternalRef
from app.models.base import utcnow


class ExternalRefTaken(Conflict):
    code = "external_ref_taken"


async def set_external_refs(
    session: AsyncSession,
    organization_id: uuid.UUID,
    resource_type: str,
    resource_id: uuid.UUID,
    refs: Sequence[ExternalRefIn],
) -> bool:
    """Make `refs` the resource's refs; True if that changed anything.

    A ref already held by another resource of the same type is a 409.
    """
    wanted = list(dict.fromkeys((ref.system, ref.external_id) for ref in refs))
    current = (
        await session.execute(
            select(ExternalRef.system, ExternalRef.external_id).where(
                ExternalRef.resource_type == resource_type,
                ExternalRef.resource_id == resource_id,
            )
        )
    ).all()
    if {tuple(row) for row in current} == set(wanted):
        return False
    if wanted:
        holder = await session.scalar(
            select(ExternalRef.resource_id).where(
                ExternalRef.organization_id == organization_id,
                ExternalRef.resource_type == resource_type,
                ExternalRef.resource_id != resource_id,
                tuple_(ExternalRef.system, ExternalRef.external_id).in_(wanted),
            )
        )
        if holder is not None:
            raise ExternalRefTaken(
                f"Another {resource_type} already has one of these external refs.",
                held_by=str(holder),
            )
    await session.execute(
        delete(ExternalRef).where(
            ExternalRef.resource_type == resource_type, ExternalRef.resource_id == resource_id
        )
    )
    session.add_all(
        ExternalRef(
            organization_id=organization_id,
            resource_type=resource_type,
            resource_id=resource_id,
            system=system,
            external_id=external_id,
        )
        for system, external_id in wanted
    )
    return True


async def find_by_external_ref(
    session: AsyncSession,
    organization_id: uuid.UUID,
    resource_type: str,
    system: str,
    external_id: str,
) -> uuid.UUID | None:
    return await session.scalar(
        select(ExternalRef.resource_id).where(
            ExternalRef.organization_id == organization_id,
            ExternalRef.resource_type == resource_type,
            ExternalRef.system == system,
            ExternalRef.external_id == external_id,
        )
    )


def has_external_ref(
    resource_type: str, resource_id: Any, system: str | None, external_id: str | None
) -> Any:
    """A WHERE clause for list filters `external_system` / `external_id`."""
    clause = select(ExternalRef.id).where(
        ExternalRef.resource_type == resource_type, ExternalRef.resource_id == resource_id
    )
    if system is not None:
        clause = clause.where(ExternalRef.system == system)
    if external_id is not None:
        clause = clause.where(ExternalRef.external_id == external_id)
    return exists(clause)


ExternalSystemFilter = Annotated[
    str | None,
    Query(alias="external_system", max_length=64, pattern=r"^[a-z0-9][a-z0-9_.-]*$"),
]
ExternalIdFilter = Annotated[
    str | None, Query(alias="external_id", max_length=255, pattern=r"^[^\x00]*$")
]


def with_ref(refs: Sequence[ExternalRefIn], system: str, external_id: str) -> list[ExternalRefIn]:
    """`refs` plus the ref an upsert was addressed by, each once; 422 when that is more than a
    resource may hold (the body alone may be within the limit: found by fuzzing, it was a 500)."""
    ref = ExternalRefIn(system=system, external_id=external_id)
    unique = list({(r.system, r.external_id): r for r in [*refs, ref]}.values())
    if len(unique) > MAX_EXTERNAL_REFS:
        message = f"with the ref in the path, {len(unique)} refs; at most {MAX_EXTERNAL_REFS}"
        raise InvalidRequest(
            "The request is not valid; see `errors`.",
            errors=[{"loc": ["body", "external_refs"], "msg": message, "type": "too_long"}],
        )
    return unique


async def apply_patch(
    session: AsyncSession,
    organization_id: uuid.UUID,
    resource_type: str,
    resource: Any,
    body: Any,
) -> list[str]:
    """Apply a PATCH body (fields and `external_refs`) to a resource; the changed names.

    Autoflush is held back so that one change is one UPDATE and one version.
    """
    with session.no_autoflush:
        changed: list[str] = body.apply_to(resource, skip=frozenset({"external_refs"}))
        refs = getattr(body, "external_refs", None)
        if refs is not None and await set_external_refs(
            session, organization_id, resource_type, resource.id, refs
        ):
            changed.append("external_refs")
        if changed:
            resource.updated_at = utcnow()  # bumps the version when only refs changed
    return changed
