import uuid
from typing import Annotated

from fastapi import Depends, Path

from app.db import Session
from app.interim.service import get_engagement
from app.kit.auth import Actor, current_actor
from app.models import InterimEngagement


async def valid_engagement(
    engagement_id: Annotated[uuid.UUID, Path()],
    session: Session,
    actor: Annotated[Actor, Depends(current_actor)],
) -> InterimEngagement:
    """The engagement in the path, if it is the caller's organization's; 404 otherwise."""
    return await get_engagement(session, actor.organization_id, engagement_id)


ValidEngagement = Annotated[InterimEngagement, Depends(valid_engagement)]
