"""The email a delivered note becomes: plain text and HTML, headers encoded for any name."""

import html
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import unquote, urlsplit

import aiosmtplib

from app.config import Settings
from app.models import Candidate, Note
from app.models.base import utcnow

TIMEOUT = 30.0  # seconds an SMTP exchange may take, all told


def compose(
    settings: Settings, note: Note, candidate: Candidate, role: str, link: str
) -> EmailMessage:
    """The message to `candidate` about `role`: the note as written, then their status link."""
    message = EmailMessage()
    message["From"] = settings.email_from
    # Address() encodes a display name like "Zoë Ñúñez" (RFC 2047) when the message is sent.
    message["To"] = Address(display_name=candidate.name or "", addr_spec=candidate.email or "")
    if settings.email_reply_to:
        message["Reply-To"] = settings.email_reply_to
    message["Subject"] = f"About the {role} role"
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = make_msgid(domain=urlsplit(settings.public_origin).hostname)
    message["Auto-Submitted"] = "auto-generated"
    footer = "Where you stand, and a way to answer us (still interested, available from a date, or no more contact):"
    message.set_content(f"{note.message}\n\n{footer}\n{link}\n")
    paragraphs = "".join(
        f"<p>{html.escape(part).replace(chr(10), '<br>')}</p>"
        for part in note.message.split("\n\n")
        if part.strip()
    )
    message.add_alternative(
        "<!doctype html><html><body>"
        f"{paragraphs}<p>{html.escape(footer)}<br>"
        f'<a href="{html.escape(link)}">See where you stand and answer us</a></p>'
        "</body></html>",
        subtype="html",
    )
    return message


async def send(settings: Settings, message: EmailMessage) -> None:
    """Hand `message` to the SMTP server of `SHORTLIST_SMTP_URL`."""
    assert settings.smtp_url is not None
    url = urlsplit(settings.smtp_url.get_secret_value())
    implicit_tls = url.scheme == "smtps"
    await aiosmtplib.send(
        message,
        hostname=url.hostname,
        port=url.port or (465 if implicit_tls else 25),
        username=unquote(url.username) if url.username else None,
        password=unquote(url.password) if url.password else None,
        use_tls=implicit_tls,
        # None: STARTTLS when the server offers it.
        start_tls=False if implicit_tls else None,
        timeout=TIMEOUT,
    )
