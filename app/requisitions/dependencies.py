import uuid
from typing import Annotated

from fastapi import Depends, Path

from app.db import Session
from app.kit.auth import Actor, current_actor
from app.models import Requisition
from app.requisitions.service import get_requisition


async def valid_requisition(
    requisition_id: Annotated[uuid.UUID, Path()],
    session: Session,
    actor: Annotated[Actor, Depends(current_actor)],
) -> Requisition:
    """The requisition in the path, if it is the caller's organization's; 404 otherwise."""
    return await get_requisition(session, actor.organization_id, requisition_id)


ValidRequisition = Annotated[Requisition, Depends(valid_requisition)]


async def parent_requisition(
    requisition_id: Annotated[uuid.UUID, Path()],
    session: Session,
    actor: Annotated[Actor, Depends(current_actor)],
) -> Requisition:
    """Like `valid_requisition`, for routes under a requisition that do not show it."""
    return await get_requisition(session, actor.organization_id, requisition_id, with_refs=False)


ParentRequisition = Annotated[Requisition, Depends(parent_requisition)]
