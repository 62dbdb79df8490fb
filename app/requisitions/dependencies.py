import uuid
from typing import Annotated

from sqlalchemy.ext.asyncio import AsyncSession

from app.kit.auth import owned
from app.models import Requisition
from app.requisitions.service import get_requisition, owned_requisition_id


async def _without_refs(
    session: AsyncSession, organization_id: uuid.UUID, requisition_id: uuid.UUID
) -> Requisition:
    return await get_requisition(session, organization_id, requisition_id, with_refs=False)


ValidRequisition = Annotated[Requisition, owned("requisition_id", get_requisition)]
# For routes under a requisition that do not show it (no external refs to load).
ParentRequisition = Annotated[Requisition, owned("requisition_id", _without_refs)]
# For reads that need only to know the requisition is the caller's (not the row itself).
OwnedRequisitionId = Annotated[uuid.UUID, owned("requisition_id", owned_requisition_id)]
