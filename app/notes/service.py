"""Notes to candidates, the respect check they must pass, and note templates."""

import re
import uuid
from dataclasses import asdict

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.candidates.service import ensure_not_erased
from app.kit.auth import Actor
from app.kit.errors import InvalidRequest, Problem
from app.kit.events import record_event
from app.kit.pagination import SortKey, paginate
from app.kit.tenancy import get_owned, readable
from app.models import Candidate, InterimEngagement, Note, NoteTemplate, Option, Requisition
from app.models.base import utcnow
from app.models.note import NoteKind
from app.notes.delivery import delivery_data, plan_delivery
from app.notes.respect import Finding, check_message
from app.notes.schemas import NoteBody, NoteTemplateCreate, NoteText

ORDER = (SortKey(Note.created_at), SortKey(Note.id))
TEMPLATE_ORDER = (SortKey(NoteTemplate.created_at), SortKey(NoteTemplate.id))
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PLACEHOLDERS = frozenset({"candidate_name", "role_title", "hiring_manager"})


class NoteNotRespectful(Problem):
    status, code = 422, "note_not_respectful"


def check_note(body: NoteText, candidate_name: str | None) -> list[Finding]:
    return check_message(body.message, door_open=body.door_open, candidate_name=candidate_name)


async def add_note(
    session: AsyncSession,
    actor: Actor,
    kind: NoteKind,
    body: NoteBody,
    *,
    candidate: Candidate,
    requisition_id: uuid.UUID,
    option_id: uuid.UUID | None = None,
    engagement_id: uuid.UUID | None = None,
    imported: bool = False,
) -> Note:
    """Save a note to `candidate` about an option or an interim engagement, if it passes the
    respect check; its warnings are kept on it. An `imported` note records what was already
    said elsewhere (an ATS's rejection): it is kept with all its findings, errors included,
    since refusing it would not unsay it. With `deliver`, the note is also scheduled to be
    emailed to the candidate (`app/notes/delivery.py`)."""
    ensure_not_erased(candidate)  # nothing more is written about an erased person
    findings = check_note(body, candidate.name)
    if not imported and any(f.severity == "error" for f in findings):
        raise NoteNotRespectful(
            "The note is not respectful enough to send; see `findings`.",
            findings=[asdict(f) for f in findings],
        )
    # The id and instant are set here, not at flush, so the caller can write them into its
    # own changes and flush everything at once.
    delivery = plan_delivery(session, actor, candidate, body.send_after) if body.deliver else None
    note = Note(
        id=uuid.uuid4(),
        created_at=utcnow(),
        organization_id=actor.organization_id,
        option_id=option_id,
        engagement_id=engagement_id,
        candidate_id=candidate.id,
        kind=kind,
        reason_code=body.reason_code,
        message=body.message,
        door_open=body.door_open,
        keep_in_touch_on=body.keep_in_touch_on,
        respect_findings=[asdict(f) for f in findings],
        delivery=delivery,
    )
    session.add(note)
    record_event(
        session,
        actor,
        "note.created",
        note.id,
        requisition_id=requisition_id,
        data={
            "option_id": str(option_id) if option_id else None,
            "engagement_id": str(engagement_id) if engagement_id else None,
            "kind": kind,
            "reason_code": body.reason_code,
            "door_open": body.door_open,
        },
    )
    if delivery is not None:
        record_event(
            session,
            actor,
            "note.delivery_scheduled",
            note.id,
            requisition_id=requisition_id,
            data=delivery_data(delivery),
        )
    return note


async def add_option_note(
    session: AsyncSession,
    actor: Actor,
    option: Option,
    kind: NoteKind,
    body: NoteBody,
    *,
    imported: bool = False,
) -> Note:
    return await add_note(
        session,
        actor,
        kind,
        body,
        candidate=option.candidate,
        requisition_id=option.requisition_id,
        option_id=option.id,
        imported=imported,
    )


async def create_option_note(
    session: AsyncSession, actor: Actor, option: Option, body: NoteBody
) -> Note:
    """A note of kind `update` on an option."""
    note = await add_option_note(session, actor, option, "update", body)
    await session.flush()
    return note


async def list_notes(
    session: AsyncSession, option: Option, *, limit: int, cursor: str | None
) -> tuple[list[Note], str | None]:
    query = (
        readable(Note, option.organization_id)
        .where(Note.option_id == option.id)
        .options(selectinload(Note.delivery))
    )
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)


async def get_note(session: AsyncSession, organization_id: uuid.UUID, note_id: uuid.UUID) -> Note:
    note = await get_owned(
        session, Note, organization_id, note_id, label="note", load=("delivery",)
    )
    return note


async def requisition_of(session: AsyncSession, note: Note) -> uuid.UUID:
    """The requisition a note is about, through its option or its interim engagement."""
    requisition_id = await session.scalar(
        select(func.coalesce(Option.requisition_id, InterimEngagement.requisition_id))
        .select_from(Note)
        .outerjoin(Option, Option.id == Note.option_id)
        .outerjoin(InterimEngagement, InterimEngagement.id == Note.engagement_id)
        .where(Note.id == note.id)
    )
    assert requisition_id is not None, "a note is about an option or an engagement"
    return requisition_id


async def create_template(
    session: AsyncSession, actor: Actor, body: NoteTemplateCreate
) -> NoteTemplate:
    unknown = sorted(set(PLACEHOLDER.findall(body.body)) - PLACEHOLDERS)
    if unknown:
        raise InvalidRequest(
            f"Unknown placeholders: {', '.join('{' + u + '}' for u in unknown)}.",
            allowed_placeholders=sorted(PLACEHOLDERS),
        )
    template = NoteTemplate(organization_id=actor.organization_id, **body.model_dump())
    session.add(template)
    await session.flush()
    record_event(session, actor, "note_template.created", template.id)
    return template


async def get_template(
    session: AsyncSession, organization_id: uuid.UUID, template_id: uuid.UUID
) -> NoteTemplate:
    return await get_owned(
        session, NoteTemplate, organization_id, template_id, label="note template"
    )


async def list_templates(
    session: AsyncSession, organization_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[NoteTemplate], str | None]:
    query = readable(NoteTemplate, organization_id)
    return await paginate(session, query, keys=TEMPLATE_ORDER, limit=limit, cursor=cursor)


def render(template: NoteTemplate, option: Option, requisition: Requisition) -> str:
    """Substitute the placeholders. Values are inserted as text, never evaluated or formatted,
    so a name like "{role_title}" or "%s" stays exactly what it is."""
    values = {
        "candidate_name": option.candidate.name or "there",
        "role_title": requisition.title,
        "hiring_manager": requisition.hiring_manager or "the hiring team",
    }
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template.body)
