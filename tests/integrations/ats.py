"""Signed deliveries as Greenhouse and Lever send them, for the inbound tests.

The signatures are computed here from the systems' published schemes, independently of the
code under test.
"""

import hashlib
import hmac
import json
import uuid
from typing import Any

import httpx
from conftest import make_client

from tests.story import ok


async def connect(client: httpx.AsyncClient, system: str, **body: Any) -> dict[str, Any]:
    """Create an integration; its response (with the secret)."""
    body.setdefault("name", f"{system} test")
    return await ok(await client.post("/v1/integrations", json={"system": system, **body}), 201)


def hex_hmac(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def greenhouse_body(action: str, payload: dict[str, Any]) -> bytes:
    # Greenhouse escapes non-ASCII characters (\u00e9) before signing: json.dumps does too.
    return json.dumps({"action": action, "payload": payload}).encode()


def greenhouse_headers(
    secret: str, body: bytes, event_id: str | None = None, **extra: str
) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "Signature": f"sha256 {hex_hmac(secret, body)}",
        "Greenhouse-Event-ID": event_id or str(uuid.uuid4()),
        **extra,
    }


async def post_inbound(
    app: object, url: str, body: bytes, headers: dict[str, str] | None = None
) -> httpx.Response:
    """POST to an inbound URL without any API key, as the ATS does."""
    async with make_client(app, None) as ats:
        return await ats.post(
            url, content=body, headers=headers or {"Content-Type": "application/json"}
        )


async def to_greenhouse(
    app: object,
    integration: dict[str, Any],
    action: str,
    payload: dict[str, Any],
    event_id: str | None = None,
) -> httpx.Response:
    body = greenhouse_body(action, payload)
    headers = greenhouse_headers(integration["secret"], body, event_id)
    return await post_inbound(app, integration["inbound_url"], body, headers)


def application(
    application_id: int = 265293,
    *,
    job: tuple[int, str] = (371417, "Designer"),
    candidate_id: int = 265788,
    first_name: str = "Hector",
    last_name: str = "Porter",
    title: str | None = "Product designer",
    email: str | None = "hector.porter@example.com",
    phone: str | None = "330-281-8004",
    stage: str | None = "Application Review",
    rejection_reason: str | None = None,
    offer_starts_at: str | None = None,
) -> dict[str, Any]:
    """A Greenhouse application payload, in the shape its web hook documentation shows."""
    app: dict[str, Any] = {
        "id": application_id,
        "status": "active",
        "prospect": False,
        "current_stage": {"id": 71416, "name": stage, "interviews": []} if stage else None,
        "rejection_reason": (
            {"id": 14, "name": rejection_reason, "type": {"id": 3, "name": "We rejected them"}}
            if rejection_reason
            else None
        ),
        "candidate": {
            "id": candidate_id,
            "first_name": first_name,
            "last_name": last_name,
            "title": title,
            "company": None,
            "is_private": False,
            "phone_numbers": [{"value": phone, "type": "home"}] if phone else [],
            "email_addresses": [{"value": email, "type": "personal"}] if email else [],
            "addresses": [],
            "tags": ["Imported"],
        },
        "jobs": [{"id": job[0], "name": job[1], "status": "open", "requisition_id": None}],
    }
    if offer_starts_at is not None:
        app["offer"] = {"id": 506409, "version": 2, "starts_at": offer_starts_at}
    return {"application": app}


def lever_body(
    secret: str,
    event: str,
    data: dict[str, Any],
    *,
    token: str | None = None,
    triggered_at: int = 1_796_112_000_000,  # 2026-12-01T08:00:00Z
) -> bytes:
    token = token or uuid.uuid4().hex
    signature = hex_hmac(secret, f"{token}{triggered_at}".encode())
    return json.dumps(
        {
            "triggeredAt": triggered_at,
            "event": event,
            "signature": signature,
            "token": token,
            "data": data,
        }
    ).encode()


async def to_lever(
    app: object, integration: dict[str, Any], event: str, data: dict[str, Any], **kw: Any
) -> httpx.Response:
    return await post_inbound(
        app, integration["inbound_url"], lever_body(integration["secret"], event, data, **kw)
    )


async def inbound_events(client: httpx.AsyncClient, integration: dict[str, Any]) -> list[Any]:
    url = f"/v1/integrations/{integration['id']}/inbound-events"
    return (await ok(await client.get(url, params={"limit": 200})))["data"]  # type: ignore[no-any-return]
