import uuid
from typing import Annotated

from fastapi import Depends, Path

from app.candidates.service import get_candidate
from app.db import Session
from app.kit.auth import Actor, current_actor
from app.models import Candidate


async def valid_candidate(
    candidate_id: Annotated[uuid.UUID, Path()],
    session: Session,
    actor: Annotated[Actor, Depends(current_actor)],
) -> Candidate:
    """The candidate in the path, if it is the caller's organization's; 404 otherwise."""
    return await get_candidate(session, actor.organization_id, candidate_id)


ValidCandidate = Annotated[Candidate, Depends(valid_candidate)]
