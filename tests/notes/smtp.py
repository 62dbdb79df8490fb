"""A real SMTP server on 127.0.0.1 (aiosmtpd, in its own thread) keeping what it receives, and
notes made to be emailed."""

import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import httpx
from aiosmtpd.controller import Controller
from pydantic import SecretStr

from tests.story import act, note_for, ok


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        parsed: EmailMessage = message_from_bytes(self.raw, policy=policy.default)  # type: ignore[assignment]
        return parsed


@dataclass
class Inbox:
    url: SecretStr
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
        )
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def smtp_url_nobody_listens_on() -> SecretStr:
    return SecretStr(f"smtp://127.0.0.1:{free_port()}")


@contextmanager
def smtp_server(port: int | None = None) -> Iterator[Inbox]:
    port = port or free_port()
    inbox = Inbox(SecretStr(f"smtp://127.0.0.1:{port}"))
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


LINK = re.compile(r"http://127\.0\.0\.1:8000/c/[A-Za-z0-9_-]{40,}")


async def person(
    client: httpx.AsyncClient, rid: str, name: str = "Zoë Ñúñez", **fields: Any
) -> dict[str, Any]:
    fields.setdefault("email", "zoe@example.org")
    candidate = await ok(await client.post("/v1/candidates", json={"name": name, **fields}), 201)
    return await ok(
        await client.post(
            f"/v1/requisitions/{rid}/options", json={"candidate_id": candidate["id"]}
        ),
        201,
    )


async def delivered_note(
    client: httpx.AsyncClient, option_id: str, **overrides: Any
) -> dict[str, Any]:
    """Decline the option with a note to be emailed; the note."""
    await act(client, option_id, "decline", note=note_for("Zoë", deliver=True, **overrides))
    notes = await ok(await client.get(f"/v1/options/{option_id}/notes"))
    return notes["data"][-1]  # type: ignore[no-any-return]
