"""Emailing notes to candidates: scheduled with a cancellable delay, sent by the worker.

A note with `deliver: true` gets a `NoteDelivery` row in the same transaction (the outbox). The
worker claims it once `send_after` has come, checks that the person is still there to write to,
sends it with a fresh status-page link, and retries on the email schedule when SMTP is down.
"""

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

import aiosmtplib
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db import Database, settings_of
from app.kit import metrics
from app.kit.auth import Actor
from app.kit.errors import Conflict, InvalidRequest
from app.kit.events import record_event
from app.kit.jobs import claim_due, is_unleased, release_leases, retry_delay, settle
from app.models import (
    Candidate,
    InterimEngagement,
    Note,
    NoteDelivery,
    Option,
    Requisition,
    StatusLink,
)
from app.models.base import utcnow
from app.notes.email import compose, send

# Longer than an SMTP exchange can take, so a live worker never loses a lease mid-send.
LEASE = timedelta(seconds=90)
ERASED = "The candidate's data was erased before the note was sent."


class NoEmailAddress(InvalidRequest):
    code = "candidate_has_no_email"


class DeliveryNotScheduled(Conflict):
    code = "delivery_not_scheduled"


def worker_actor(organization_id: uuid.UUID) -> Actor:
    return Actor(organization_id, None, frozenset(), "shortlist-worker")


def hash_token(token: str) -> str:
    # 256 random bits: a plain SHA-256 cannot be brute-forced.
    return hashlib.sha256(token.encode()).hexdigest()


def plan_delivery(
    session: AsyncSession, actor: Actor, candidate: Candidate, send_after: datetime | None
) -> NoteDelivery:
    """The delivery row for a new note to `candidate`; 422 when there is no address to use."""
    if not candidate.email:
        raise NoEmailAddress(
            "The candidate has no email address to deliver the note to; add one, or send "
            "the note without `deliver`."
        )
    at = send_after or utcnow() + settings_of(session).email_send_delay
    return NoteDelivery(organization_id=actor.organization_id, send_after=at, next_attempt_at=at)


def delivery_data(delivery: NoteDelivery, **extra: str | None) -> dict[str, str | None]:
    return {"send_after": delivery.send_after.isoformat(), **extra}


async def cancel_delivery(
    session: AsyncSession, actor: Actor, note: Note, requisition_id: uuid.UUID
) -> Note:
    """Stop a scheduled delivery; 409 once it is sent, failed, cancelled or being sent."""
    delivery = note.delivery
    now = utcnow()
    if delivery is None or delivery.status != "scheduled":
        raise DeliveryNotScheduled(
            "Only a scheduled delivery can be cancelled; this note's is "
            f"{'absent' if delivery is None else delivery.status}."
        )
    if delivery.lease_expires_at is not None and delivery.lease_expires_at > now:
        raise DeliveryNotScheduled("The note is being sent right now.")
    delivery.status, delivery.next_attempt_at = "cancelled", None
    delivery.reason = "Cancelled on request."
    await session.flush()
    record_event(
        session,
        actor,
        "note.delivery_cancelled",
        note.id,
        requisition_id=requisition_id,
        data=delivery_data(delivery, reason="requested"),
    )
    return note


async def cancel_scheduled(session: AsyncSession, candidate_id: uuid.UUID, reason: str) -> None:
    """Cancel every delivery to the candidate that has not left (nor is leaving) yet."""
    now = utcnow()
    notes = select(Note.id).where(Note.candidate_id == candidate_id)
    await session.execute(
        update(NoteDelivery)
        .where(
            NoteDelivery.note_id.in_(notes),
            NoteDelivery.status == "scheduled",
            is_unleased(NoteDelivery, now),
        )
        .values(
            status="cancelled",
            next_attempt_at=None,
            reason=reason,
            updated_at=now,
            version=NoteDelivery.version + 1,
        )
        .execution_options(synchronize_session=False)
    )


async def forget_candidate(session: AsyncSession, candidate_id: uuid.UUID) -> None:
    """On erasure: scheduled deliveries are cancelled and status links stop working. One
    being sent right now is stopped by the worker's own check, or has gone already."""
    now = utcnow()
    await cancel_scheduled(session, candidate_id, ERASED)
    await session.execute(
        update(StatusLink)
        .where(StatusLink.candidate_id == candidate_id, StatusLink.revoked_at.is_(None))
        .values(revoked_at=now, updated_at=now, version=StatusLink.version + 1)
        .execution_options(synchronize_session=False)
    )


class NoteDeliveries:
    """Scheduled note deliveries as a job kind of the worker (`app/worker.py`)."""

    name = "note deliveries"

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    async def close(self) -> None:
        pass

    async def claim(self, owner: str, now: datetime, limit: int) -> list[uuid.UUID]:
        if self.settings.smtp_url is None:
            return []  # nowhere to send from: deliveries wait, still cancellable
        async with self.db.writer() as session:
            claimed = await claim_due(
                session,
                NoteDelivery,
                owner=owner,
                now=now,
                lease=LEASE,
                limit=limit,
                where=[NoteDelivery.status == "scheduled"],
            )
            await session.commit()
        return claimed

    async def release(self, owner: str, ids: list[uuid.UUID]) -> None:
        async with self.db.writer() as session:
            await release_leases(session, NoteDelivery, owner, ids)
            await session.commit()

    async def perform(self, delivery_id: uuid.UUID, owner: str, now: datetime) -> None:
        requisition_id = func.coalesce(Option.requisition_id, InterimEngagement.requisition_id)
        async with self.db.reader() as session:
            row = (
                await session.execute(
                    select(NoteDelivery, Note, Candidate, Requisition)
                    .join(Note, Note.id == NoteDelivery.note_id)
                    .join(Candidate, Candidate.id == Note.candidate_id)
                    .outerjoin(Option, Option.id == Note.option_id)
                    .outerjoin(InterimEngagement, InterimEngagement.id == Note.engagement_id)
                    .join(Requisition, Requisition.id == requisition_id)
                    .where(
                        NoteDelivery.id == delivery_id,
                        NoteDelivery.lease_owner == owner,
                        NoteDelivery.status == "scheduled",
                    )
                )
            ).one_or_none()
        if row is None:
            return  # cancelled meanwhile, or the lease went to another worker
        delivery, note, candidate, requisition = row
        actor = worker_actor(delivery.organization_id)
        if candidate.erased_at is not None or not candidate.email:
            async with self.db.writer() as session:
                if await settle(
                    session,
                    NoteDelivery,
                    delivery.id,
                    owner,
                    status="cancelled",
                    next_attempt_at=None,
                    reason=ERASED if candidate.erased_at else "The candidate has no email address.",
                ):
                    record_event(
                        session,
                        actor,
                        "note.delivery_cancelled",
                        note.id,
                        requisition_id=requisition.id,
                        data=delivery_data(delivery, reason="erased"),
                    )
                await session.commit()
            return
        token = secrets.token_urlsafe(32)
        message = compose(
            self.settings, note, candidate, requisition.title, self.status_page_url(token)
        )
        error: str | None = None
        try:
            await send(self.settings, message)
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            error = f"{type(exc).__name__}: {exc}"[:300]
        async with self.db.writer() as session:
            outcome = await self._record(
                session, delivery, note, requisition.id, owner, now, token, error
            )
            await session.commit()
        if outcome is not None:
            metrics.observe_delivery("email", outcome)

    def status_page_url(self, token: str) -> str:
        return f"{self.settings.public_origin}/c/{token}"

    async def _record(
        self,
        session: AsyncSession,
        delivery: NoteDelivery,
        note: Note,
        requisition_id: uuid.UUID,
        owner: str,
        now: datetime,
        token: str,
        error: str | None,
    ) -> metrics.Outcome | None:
        """Write the attempt's outcome; it, or None if the lease was lost meanwhile."""
        actor = worker_actor(delivery.organization_id)
        attempts = delivery.attempt_count + 1
        if error is None:
            sent_at = utcnow()
            if await settle(
                session,
                NoteDelivery,
                delivery.id,
                owner,
                status="sent",
                sent_at=sent_at,
                attempt_count=attempts,
                next_attempt_at=None,
                reason=None,
            ):
                session.add(
                    StatusLink(
                        organization_id=delivery.organization_id,
                        note_id=note.id,
                        candidate_id=note.candidate_id,
                        token_hash=hash_token(token),
                        expires_at=sent_at + self.settings.status_link_ttl,
                    )
                )
                record_event(
                    session,
                    actor,
                    "note.delivered",
                    note.id,
                    requisition_id=requisition_id,
                    data=delivery_data(delivery, sent_at=sent_at.isoformat()),
                )
                return "sent"
            return None
        delay = retry_delay(self.settings.email_retry_schedule, attempts)
        settled = await settle(
            session,
            NoteDelivery,
            delivery.id,
            owner,
            status="scheduled" if delay is not None else "failed",
            attempt_count=attempts,
            next_attempt_at=None if delay is None else now + delay,
            reason=error,
        )
        if delay is None:
            record_event(
                session,
                actor,
                "note.delivery_failed",
                note.id,
                requisition_id=requisition_id,
                data=delivery_data(delivery, attempts=str(attempts)),
            )
        if not settled:
            return None
        return "retried" if delay is not None else "failed"
