from typing import Annotated

from app.candidates.service import get_candidate
from app.kit.auth import owned
from app.models import Candidate

ValidCandidate = Annotated[Candidate, owned("candidate_id", get_candidate)]
