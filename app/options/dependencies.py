import uuid
from typing import Annotated

from fastapi import Depends, Path

from app.db import Session
from app.kit.auth import Actor, current_actor
from app.models import Option
from app.options.service import get_option


async def valid_option(
    option_id: Annotated[uuid.UUID, Path()],
    session: Session,
    actor: Annotated[Actor, Depends(current_actor)],
) -> Option:
    """The option in the path, if it is the caller's organization's; 404 otherwise."""
    return await get_option(session, actor.organization_id, option_id)


ValidOption = Annotated[Option, Depends(valid_option)]
