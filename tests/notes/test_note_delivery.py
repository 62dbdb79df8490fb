"""Notes emailed to candidates through a real SMTP server on 127.0.0.1: the message as it
arrives, the send delay, cancelling, retries while SMTP is down, erasure and bad input."""

from datetime import timedelta

import httpx
import pytest
from pydantic import ValidationError

from app.config import Settings
from app.models.base import utcnow
from tests.notes.smtp import (
    LINK,
    delivered_note,
    person,
    smtp_server,
    smtp_url_nobody_listens_on,
)
from tests.story import assert_problem, at, events, note_for, ok, requisition
from tests.webhooks.helpers import deliver


async def test_a_note_arrives_after_the_delay_with_both_parts_a_unicode_name_and_the_link(
    client, app
):
    req = await requisition(client, title="Staff engineer — Payments")
    opt = await person(client, req["id"])
    note = await delivered_note(client, opt["id"])
    delivery = note["delivery"]
    assert delivery["status"] == "scheduled" and delivery["sent_at"] is None
    send_after = at(delivery["send_after"])
    assert timedelta(minutes=14) < send_after - utcnow() <= timedelta(minutes=15)

    settings = {"email_reply_to": "Dana Whitfield <dana@acme.example>"}
    with smtp_server() as inbox:
        # Not before `send_after`: there is still time to cancel.
        assert await deliver(app, send_after - timedelta(seconds=1), smtp_url=inbox.url) == 0
        assert inbox.received == []
        assert await deliver(app, send_after, smtp_url=inbox.url, **settings) == 1
    [received] = inbox.received
    assert received.rcpt_tos == ["zoe@example.org"]
    # Header lines are 7-bit: the name travels RFC 2047-encoded and reads back as written.
    headers = received.raw.split(b"\r\n\r\n", 1)[0]
    assert headers.isascii()
    email = received.message
    assert email["To"].addresses[0].display_name == "Zoë Ñúñez"
    assert email["To"].addresses[0].addr_spec == "zoe@example.org"
    assert email["Subject"] == "About the Staff engineer — Payments role"
    assert email["Reply-To"] == "Dana Whitfield <dana@acme.example>"
    assert email["Message-ID"] and email["Date"]
    plain = email.get_body(preferencelist=("plain",))
    rich = email.get_body(preferencelist=("html",))
    assert plain is not None and rich is not None
    text, markup = plain.get_content(), rich.get_content()
    assert note["message"] in text
    [link] = LINK.findall(text)
    assert f'href="{link}"' in markup
    assert "Hi Zoë" in markup

    note = await ok(await client.get(f"/v1/notes/{note['id']}"))
    assert note["delivery"]["status"] == "sent"
    assert at(note["delivery"]["sent_at"]) <= utcnow()
    types = [e["type"] for e in await events(client) if e["subject"]["id"] == note["id"]]
    assert types == ["note.created", "note.delivery_scheduled", "note.delivered"]
    # The link opens the person's status page.
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://shortlist.test"
    ) as browser:
        page = await browser.get(link.removeprefix("http://127.0.0.1:8000"))
    assert page.status_code == 200 and "Staff engineer — Payments" in page.text


async def test_send_after_sets_the_moment_and_an_interim_end_note_is_delivered_too(client, app):
    req = await requisition(client)
    opt = await person(client, req["id"])
    later = (utcnow() + timedelta(hours=2)).replace(microsecond=0)
    engagement = await ok(
        await client.post(
            f"/v1/requisitions/{req['id']}/interim-engagements",
            json={"candidate_id": opt["candidate_id"], "starts_on": "2026-01-05"},
        ),
        201,
    )
    url = f"/v1/interim-engagements/{engagement['id']}"
    await ok(await client.patch(url, json={"status": "active"}))
    note = note_for("Zoë", deliver=True, send_after=later.isoformat())
    await ok(await client.post(f"{url}/end", json={"end_reason": "Done.", "note": note}))
    with smtp_server() as inbox:
        assert await deliver(app, later - timedelta(minutes=1), smtp_url=inbox.url) == 0
        assert await deliver(app, later, smtp_url=inbox.url) == 1
    assert inbox.received[0].message["Subject"] == "About the Platform engineer role"


async def test_a_scheduled_delivery_can_be_cancelled_once_and_then_nothing_is_sent(client, app):
    req = await requisition(client)
    opt = await person(client, req["id"])
    note = await delivered_note(client, opt["id"])
    url = f"/v1/notes/{note['id']}/cancel-delivery"
    cancelled = await ok(await client.post(url))
    assert cancelled["delivery"]["status"] == "cancelled"
    assert_problem(await client.post(url), 409, "delivery_not_scheduled")
    with smtp_server() as inbox:
        assert await deliver(app, utcnow() + timedelta(days=1), smtp_url=inbox.url) == 0
    assert inbox.received == []
    feed = await events(client, type="note.delivery_cancelled")
    assert [(e["subject"]["id"], e["data"]["reason"]) for e in feed] == [(note["id"], "requested")]
    # A note that was never to be emailed has nothing to cancel.
    plain = await ok(
        await client.post(
            f"/v1/options/{opt['id']}/notes",
            json={"reason_code": "timing", "message": "Hi Zoë, a short update: still deciding."},
        ),
        201,
    )
    assert plain["delivery"] is None
    assert_problem(
        await client.post(f"/v1/notes/{plain['id']}/cancel-delivery"), 409, "delivery_not_scheduled"
    )


async def test_while_smtp_is_down_the_note_is_retried_then_delivered_when_it_is_back(client, app):
    req = await requisition(client)
    opt = await person(client, req["id"])
    note = await delivered_note(client, opt["id"], send_after=utcnow().isoformat())
    down = smtp_url_nobody_listens_on()
    now = utcnow()
    assert await deliver(app, now, smtp_url=down) == 1
    # Retried later, not at once: the same moment finds nothing due.
    assert await deliver(app, now, smtp_url=down) == 0
    assert (await ok(await client.get(f"/v1/notes/{note['id']}")))["delivery"]["status"] == (
        "scheduled"
    )
    assert await deliver(app, now + timedelta(minutes=2), smtp_url=down) == 1
    port = int(down.get_secret_value().rsplit(":", 1)[1])
    with smtp_server(port) as inbox:
        assert await deliver(app, now + timedelta(minutes=10), smtp_url=down) == 1
    assert len(inbox.received) == 1
    assert (await ok(await client.get(f"/v1/notes/{note['id']}")))["delivery"]["status"] == "sent"


async def test_after_the_last_retry_the_delivery_fails(client, app):
    req = await requisition(client)
    opt = await person(client, req["id"])
    note = await delivered_note(client, opt["id"], send_after=utcnow().isoformat())
    down, now = smtp_url_nobody_listens_on(), utcnow()
    schedule = {"smtp_url": down, "email_retry_schedule": (5,)}
    assert await deliver(app, now, **schedule) == 1
    assert await deliver(app, now + timedelta(seconds=7), **schedule) == 1
    assert (await ok(await client.get(f"/v1/notes/{note['id']}")))["delivery"]["status"] == "failed"
    [failed] = await events(client, type="note.delivery_failed")
    assert failed["subject"]["id"] == note["id"]


async def test_an_erased_candidate_gets_no_email(client, app):
    req = await requisition(client)
    opt = await person(client, req["id"])
    note = await delivered_note(client, opt["id"])
    assert (await client.delete(f"/v1/candidates/{opt['candidate_id']}")).status_code in (200, 204)
    with smtp_server() as inbox:
        assert await deliver(app, utcnow() + timedelta(days=1), smtp_url=inbox.url) == 0
    assert inbox.received == []
    delivery = (await ok(await client.get(f"/v1/notes/{note['id']}")))["delivery"]
    assert delivery["status"] == "cancelled"


async def test_no_address_no_delivery_and_bad_input_is_refused(client):
    req = await requisition(client)
    opt = await person(client, req["id"], email=None)
    body = {"reason_code": "timing", "message": "Hi Zoë, a short update: still deciding."}
    url = f"/v1/options/{opt['id']}/notes"
    assert_problem(
        await client.post(url, json={**body, "deliver": True}), 422, "candidate_has_no_email"
    )
    assert (await ok(await client.get(url)))["data"] == []
    for bad in (
        {"send_after": "2027-01-01T10:00:00Z"},  # without deliver
        {"deliver": True, "send_after": "2027-01-01T10:00:00"},  # no offset
        {"deliver": True, "send_after": "tomorrow"},
        {"deliver": True, "send_after": "2099-01-01T10:00:00Z"},  # years ahead
        {"deliver": "yes please"},
    ):
        assert_problem(await client.post(url, json={**body, **bad}), 422, "validation_failed")


def test_the_smtp_url_is_checked_at_start():
    assert Settings(smtp_url="smtps://user:p%40ss@mail.example").smtp_url is not None
    for bad in ("mail.example:25", "http://mail.example", "smtp://"):
        with pytest.raises(ValidationError):
            Settings(smtp_url=bad)
