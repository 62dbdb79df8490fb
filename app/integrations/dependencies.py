from typing import Annotated

from app.integrations.service import get_integration
from app.kit.auth import owned
from app.models import Integration

ValidIntegration = Annotated[Integration, owned("integration_id", get_integration)]
