"""The candidate status page: what a personal link shows, and the answers it takes."""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, model_validator
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.bench.schemas import StandingOut
from app.bench.service import latest_note, standing
from app.kit.auth import Actor
from app.kit.events import record_event
from app.models import Candidate, InterimEngagement, Note, Option, Requisition, StatusLink
from app.models.base import utcnow
from app.notes.delivery import cancel_scheduled, hash_token
from app.touchpoints.service import log_touchpoint

AnswerKind = Literal["still_interested", "available_from", "do_not_contact"]
SUMMARIES: dict[AnswerKind, str] = {
    "still_interested": "Answered on the status page: still interested.",
    "available_from": "Answered on the status page: available from {available_from}.",
    "do_not_contact": "Answered on the status page: please don't contact me.",
}


class Answer(BaseModel):
    """The status page's form, as posted."""

    model_config = ConfigDict(extra="ignore")

    answer: AnswerKind
    available_from: date | None = None

    @model_validator(mode="after")
    def _date_when_available_from(self) -> Self:
        if self.answer == "available_from" and self.available_from is None:
            raise ValueError("Please give the date you are available from.")
        if self.answer != "available_from":
            self.available_from = None
        return self


@dataclass(frozen=True)
class StatusView:
    """Only what the candidate was told or may be told: nothing internal, nobody else."""

    name: str
    role: str
    message: str
    door_open: bool
    standing: StandingOut | None


@dataclass(frozen=True)
class Visit:
    link: StatusLink
    note: Note
    candidate: Candidate


async def open_link(session: AsyncSession, token: str) -> Visit | None:
    """The link's note and candidate; None when unknown, expired, revoked or erased."""
    row = (
        await session.execute(
            select(StatusLink, Note, Candidate)
            .join(Note, Note.id == StatusLink.note_id)
            .join(Candidate, Candidate.id == StatusLink.candidate_id)
            .where(
                StatusLink.token_hash == hash_token(token),
                StatusLink.revoked_at.is_(None),
                StatusLink.expires_at > utcnow(),
                Candidate.erased_at.is_(None),
            )
        )
    ).one_or_none()
    return None if row is None else Visit(*row)


async def _option_of(session: AsyncSession, note: Note) -> tuple[Option | None, Requisition]:
    """The option the note is about: its own, or for an interim's end note, the person's
    option on the engagement's requisition if they have one."""
    if note.option_id is not None:
        own = await session.get_one(Option, note.option_id)
        return own, await session.get_one(Requisition, own.requisition_id)
    engagement = await session.get_one(InterimEngagement, note.engagement_id)
    option = await session.scalar(
        select(Option).where(
            Option.requisition_id == engagement.requisition_id,
            Option.candidate_id == note.candidate_id,
        )
    )
    return option, await session.get_one(Requisition, engagement.requisition_id)


async def status_view(session: AsyncSession, visit: Visit) -> StatusView:
    option, requisition = await _option_of(session, visit.note)
    where = None
    if option is not None:
        where = standing(option, requisition, await latest_note(session, option))
    return StatusView(
        name=visit.candidate.name or "",
        role=requisition.title,
        message=visit.note.message,
        door_open=where.door_open if where is not None else visit.note.door_open,
        standing=where,
    )


def candidate_actor(organization_id: uuid.UUID) -> Actor:
    return Actor(organization_id, None, frozenset(), "candidate (status page)")


async def record_answer(session: AsyncSession, visit: Visit, answer: Answer) -> None:
    """An answer is an inbound touchpoint (it warms the person and clears follow-ups); a date
    becomes their availability and "don't contact me" withdraws consent at once and cancels
    emails not sent yet."""
    candidate = visit.candidate
    actor = candidate_actor(candidate.organization_id)
    summary = SUMMARIES[answer.answer].format(available_from=answer.available_from)
    await log_touchpoint(
        session,
        actor,
        candidate,
        direction="inbound",
        channel="message",
        summary=summary,
        answer=answer.answer,
    )
    changed = []
    if answer.available_from is not None and candidate.available_from != answer.available_from:
        candidate.available_from = answer.available_from
        changed.append("available_from")
    if answer.answer == "do_not_contact":
        # Nothing more leaves for them either, however it was scheduled.
        await cancel_scheduled(session, candidate.id, "The candidate asked not to be contacted.")
        if candidate.keep_in_touch_consent:
            candidate.keep_in_touch_consent = False
            changed.append("keep_in_touch_consent")
    if changed:
        await session.flush()
        record_event(session, actor, "candidate.updated", candidate.id, data={"changed": changed})
