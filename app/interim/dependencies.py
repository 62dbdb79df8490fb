from typing import Annotated

from app.interim.service import get_engagement
from app.kit.auth import owned
from app.models import InterimEngagement

ValidEngagement = Annotated[InterimEngagement, owned("engagement_id", get_engagement)]
