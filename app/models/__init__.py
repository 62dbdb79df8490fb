"""All tables, one module each; importing this package registers them on `Base.metadata`."""

from app.models.api_key import ApiKey
from app.models.base import Base
from app.models.candidate import Candidate
from app.models.event import Event
from app.models.external_ref import ExternalRef
from app.models.idempotency_record import IdempotencyRecord
from app.models.option import Option
from app.models.organization import Organization
from app.models.requisition import Requisition

__all__ = [
    "ApiKey",
    "Base",
    "Candidate",
    "Event",
    "ExternalRef",
    "IdempotencyRecord",
    "Option",
    "Organization",
    "Requisition",
]
