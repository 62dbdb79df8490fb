"""All tables, one module each; importing this package registers them on `Base.metadata`."""

from app.models.api_key import ApiKey
from app.models.base import Base
from app.models.calendar_feed import CalendarFeed
from app.models.candidate import Candidate
from app.models.checkin import CheckIn
from app.models.event import Event
from app.models.external_ref import ExternalRef
from app.models.follow_up_notice import FollowUpNotice
from app.models.idempotency_record import IdempotencyRecord
from app.models.inbound_event import InboundEvent
from app.models.integration import Integration
from app.models.interim_engagement import InterimEngagement
from app.models.note import Note
from app.models.note_delivery import NoteDelivery
from app.models.note_template import NoteTemplate
from app.models.option import Option
from app.models.organization import Organization
from app.models.requisition import Requisition
from app.models.status_link import StatusLink
from app.models.touchpoint import Touchpoint
from app.models.webhook_attempt import WebhookAttempt
from app.models.webhook_delivery import WebhookDelivery
from app.models.webhook_endpoint import WebhookEndpoint

__all__ = [
    "ApiKey",
    "Base",
    "CalendarFeed",
    "Candidate",
    "CheckIn",
    "Event",
    "ExternalRef",
    "FollowUpNotice",
    "IdempotencyRecord",
    "InboundEvent",
    "Integration",
    "InterimEngagement",
    "Note",
    "NoteDelivery",
    "NoteTemplate",
    "Option",
    "Organization",
    "Requisition",
    "StatusLink",
    "Touchpoint",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
]
