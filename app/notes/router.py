from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.candidates.service import CandidateErased
from app.db import Session
from app.kit.auth import ReadScope, WriteScope, owned
from app.kit.errors import responses
from app.kit.etag import IfMatch, check_if_match
from app.kit.pagination import Cursor, Limit, Page, page_response
from app.kit.responses import created, json_response, resource_response
from app.models import Note, NoteTemplate
from app.notes import delivery, service
from app.notes.schemas import (
    Finding,
    NoteBody,
    NoteCheck,
    NoteOut,
    NoteTemplateCreate,
    NoteTemplateOut,
    Rendered,
    RenderRequest,
    RespectCheck,
)
from app.notes.service import NoteNotRespectful
from app.options.dependencies import ValidOption
from app.options.service import get_option
from app.requisitions.service import get_requisition

router = APIRouter(tags=["Notes"])


ValidNoteTemplate = Annotated[NoteTemplate, owned("note_template_id", service.get_template)]
ValidNote = Annotated[Note, owned("note_id", service.get_note)]


@router.post(
    "/v1/options/{option_id}/notes",
    operation_id="createNote",
    summary="Add a note to an option",
    responses=responses(CandidateErased, NoteNotRespectful, delivery.NoEmailAddress),
    status_code=201,
    response_model=NoteOut,
)
async def create_note(
    actor: WriteScope, session: Session, option: ValidOption, body: NoteBody
) -> Response:
    """A note of kind `update` (decline, hold and release write the other kinds). The respect
    check refuses it with 422 `note_not_respectful` on an error finding; warnings are stored
    in `respect_findings`. With `deliver: true` it is emailed to the candidate after the send
    delay (see `delivery`)."""
    note = await service.create_option_note(session, actor, option, body)
    return created(NoteOut.model_validate(note), f"/v1/notes/{note.id}")


@router.get(
    "/v1/notes/{note_id:uuid}",
    operation_id="getNote",
    summary="Get a note",
    response_model=NoteOut,
)
async def get_note(actor: ReadScope, note: ValidNote) -> Response:
    """The note and, when it was to be emailed, its `delivery` status."""
    return resource_response(NoteOut.model_validate(note))


@router.post(
    "/v1/notes/{note_id:uuid}/cancel-delivery",
    operation_id="cancelNoteDelivery",
    summary="Cancel a note's email before it leaves",
    response_model=NoteOut,
    responses=responses(delivery.DeliveryNotScheduled),
)
async def cancel_note_delivery(
    actor: WriteScope, session: Session, note: ValidNote, if_match: IfMatch = None
) -> Response:
    """Only while the delivery is `scheduled` (409 `delivery_not_scheduled` once it is sent,
    failed, cancelled or leaving right now). The note itself stays."""
    check_if_match(if_match, note.version)
    requisition_id = await service.requisition_of(session, note)
    note = await delivery.cancel_delivery(session, actor, note, requisition_id)
    return resource_response(NoteOut.model_validate(note))


@router.get(
    "/v1/options/{option_id}/notes",
    operation_id="listNotes",
    summary="List an option's notes",
    response_model=Page[NoteOut],
)
async def list_notes(
    actor: ReadScope,
    session: Session,
    request: Request,
    option: ValidOption,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Oldest first."""
    rows, next_cursor = await service.list_notes(session, option, limit=limit, cursor=cursor)
    return page_response(request, rows, next_cursor, NoteOut.model_validate)


@router.post(
    "/v1/notes/check",
    operation_id="checkNote",
    summary="Preview the respect check",
    response_model=RespectCheck,
)
async def check_note(actor: WriteScope, body: NoteCheck) -> Response:
    """Runs the respect check on a draft and saves nothing. `error` findings would refuse the
    note; `warning`s coach: say why, address the person, say the door is open."""
    findings = service.check_note(body, body.candidate_name)
    return json_response(RespectCheck(findings=[Finding(**asdict(f)) for f in findings]))


@router.post(
    "/v1/note-templates",
    operation_id="createNoteTemplate",
    summary="Create a note template",
    status_code=201,
    response_model=NoteTemplateOut,
)
async def create_note_template(
    actor: WriteScope, session: Session, body: NoteTemplateCreate
) -> Response:
    """Placeholders `{candidate_name}`, `{role_title}` and `{hiring_manager}` are filled in by
    `render`; any other placeholder is refused."""
    template = await service.create_template(session, actor, body)
    return created(NoteTemplateOut.model_validate(template), f"/v1/note-templates/{template.id}")


@router.get(
    "/v1/note-templates",
    operation_id="listNoteTemplates",
    summary="List note templates",
    response_model=Page[NoteTemplateOut],
)
async def list_note_templates(
    actor: ReadScope, session: Session, request: Request, limit: Limit = 50, cursor: Cursor = None
) -> Response:
    """Oldest first."""
    rows, next_cursor = await service.list_templates(
        session, actor.organization_id, limit=limit, cursor=cursor
    )
    return page_response(request, rows, next_cursor, NoteTemplateOut.model_validate)


@router.get(
    "/v1/note-templates/{note_template_id}",
    operation_id="getNoteTemplate",
    summary="Get a note template",
    response_model=NoteTemplateOut,
)
async def get_note_template(actor: ReadScope, template: ValidNoteTemplate) -> Response:
    """The template with its placeholders unfilled; `render` fills them for an option."""
    return resource_response(NoteTemplateOut.model_validate(template))


@router.post(
    "/v1/note-templates/{note_template_id}/render",
    operation_id="renderNoteTemplate",
    summary="Render a note template for an option",
    response_model=Rendered,
)
async def render_note_template(
    actor: WriteScope, session: Session, template: ValidNoteTemplate, body: RenderRequest
) -> Response:
    """Fills the placeholders from the option's candidate and requisition. Nothing is saved;
    send the result as a note's `message`."""
    option = await get_option(session, actor.organization_id, body.option_id)
    requisition = await get_requisition(session, actor.organization_id, option.requisition_id)
    message = service.render(template, option, requisition)
    return json_response(Rendered(option_id=option.id, message=message))
