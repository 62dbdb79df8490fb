"""A real SMTP server on 127.0.0.1 (aiosmtpd, in its own thread), keeping what it receives."""

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from pydantic import SecretStr


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
