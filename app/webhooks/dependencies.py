from typing import Annotated

from app.kit.auth import owned
from app.models import WebhookDelivery, WebhookEndpoint
from app.webhooks.service import get_delivery, get_endpoint

ValidEndpoint = Annotated[WebhookEndpoint, owned("webhook_endpoint_id", get_endpoint)]
ValidDelivery = Annotated[WebhookDelivery, owned("webhook_delivery_id", get_delivery)]
