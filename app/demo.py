"""`shortlist demo`: the contract §1 story, loaded so /docs has something real to show.

The agency started three days ago; its day-3 check-in, the first of the cadence, is failing,
so the follow-ups say to call Juan, the runner-up kept warm. Then the story plays out as a
recruiter would through the API: the call with Juan (which clears the follow-up), Juan
reactivated in the agency's place, and hired to start in a week, so his check-ins count from
then. The events feed keeps each step (`option.at_risk`, `touchpoint.logged`,
`option.released`, `option.reactivated`, `option.hired`).
Loading twice changes nothing: the story's requisition is found by its external ref.
"""

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.api_keys.service import ensure_organization
from app.candidates.schemas import CandidateCreate
from app.candidates.service import create_candidate
from app.checkins.schemas import CheckInCreate
from app.checkins.service import record_option_checkin
from app.kit.auth import SCOPES, Actor
from app.kit.external_refs import find_by_external_ref
from app.kit.schemas import ExternalRef
from app.models.base import utcnow
from app.notes.schemas import NoteBody
from app.options import actions
from app.options.schemas import (
    HireBody,
    HoldBody,
    KeepWarmBody,
    OptionCreate,
    ReactivateBody,
    SelectBody,
)
from app.options.service import create_option, get_option, load_for_action
from app.requisitions.schemas import RequisitionCreate
from app.requisitions.service import create_requisition
from app.touchpoints.service import log_touchpoint

REF = ExternalRef(system="demo", external_id="platform-engineer")


async def load_demo(session: AsyncSession, organization: str = "default") -> list[str]:
    """Load the story into `organization`; returns lines saying what was made."""
    org = await ensure_organization(session, organization)
    actor = Actor(org.id, None, frozenset(SCOPES), "shortlist demo")
    existing = await find_by_external_ref(
        session, org.id, "requisition", REF.system, REF.external_id
    )
    if existing is not None:
        return [f"The demo is already loaded: requisition {existing}."]

    today = utcnow().date()
    requisition = await create_requisition(
        session,
        actor,
        RequisitionCreate(
            title="Platform engineer",
            team="Infrastructure",
            hiring_manager="Dana Whitfield",
            description="Owns the build and deploy pipeline.",
            target_start_date=today + timedelta(days=7),
            external_refs=[REF],
        ),
    )
    people = {}
    for name, kind, headline in (
        ("Northwind Engineering", "agency", "Platform consultancy"),
        ("Juan Pérez", "person", "Backend engineer, ten years of payments"),
        ("Ana Silva", "person", "SRE, strong on observability"),
    ):
        people[name] = await create_candidate(
            session,
            actor,
            CandidateCreate(name=name, kind=kind, headline=headline, keep_in_touch_consent=True),
        )
    options = {}
    for rank, name in enumerate(people, start=1):
        options[name] = await create_option(
            session, actor, requisition, OptionCreate(candidate_id=people[name].id, rank=rank)
        )
    agency, juan, ana = (options[n].id for n in people)

    await actions.hold_option(
        session,
        actor,
        await load_for_action(session, org.id, ana),
        HoldBody(
            reason="No need for a second engineer until spring.",
            revisit_on=today + timedelta(days=120),
            note=NoteBody(
                reason_code="no_current_need",
                message=(
                    "Hi Ana, thank you for the conversations. We have no opening right now "
                    "because the budget moved to spring, so this is a 'not now', not a no. "
                    "I'll get back in touch in the spring."
                ),
            ),
        ),
        None,
    )
    await actions.select_option(
        session,
        actor,
        await load_for_action(session, org.id, agency),
        SelectBody(reason="Can cover the whole scope at once."),
        None,
    )
    # The agency started three days ago: its first check-in of the cadence is due today.
    await actions.hire_option(
        session,
        actor,
        await load_for_action(session, org.id, agency),
        HireBody(start_date=today - timedelta(days=3)),
        None,
    )
    await actions.keep_warm(
        session,
        actor,
        await load_for_action(session, org.id, juan),
        KeepWarmBody(reason="Strong second; he knows our stack."),
        None,
    )
    await log_touchpoint(
        session,
        actor,
        people["Juan Pérez"],
        direction="outbound",
        channel="call",
        summary="Kept him posted; asked him to review the agency's first week.",
    )
    agency_option = await get_option(session, org.id, agency)
    await record_option_checkin(
        session,
        actor,
        agency_option,
        CheckInCreate(
            verdict="failing",
            rating=1,
            notes="Day 3: milestones missed; the migration plan is still missing.",
            reviewer_name="Juan Pérez",
            reviewer_candidate_id=people["Juan Pérez"].id,
            occurred_on=today,
        ),
    )
    # The follow-ups now say to call Juan (`call_runner_up`); the call clears it.
    await log_touchpoint(
        session,
        actor,
        people["Juan Pérez"],
        direction="outbound",
        channel="call",
        summary="Told him the agency is failing; he can start in a week.",
    )
    await actions.reactivate_option(
        session,
        actor,
        await load_for_action(session, org.id, juan),
        ReactivateBody(
            reason="The agency is failing its check-ins; Juan reviewed their work.",
            replaces=agency,
        ),
        None,
    )
    juan_starts = today + timedelta(days=7)
    await actions.hire_option(
        session,
        actor,
        await load_for_action(session, org.id, juan),
        HireBody(start_date=juan_starts),
        None,
    )
    return [
        f"Requisition 'Platform engineer': {requisition.id}",
        f"  agency (started 3 days ago, failed its day-3 check-in, released): option {agency}",
        f"  Juan Pérez (the runner-up kept warm, called, hired in its place): option {juan}",
        f"  Ana Silva (on hold, not now): option {ana}",
        "What happened, step by step (GET /v1/events shows each step):",
        "  the agency's failing check-in put it at risk, and a `call_runner_up` follow-up "
        "named Juan;",
        f"  the call with Juan (POST /v1/candidates/{people['Juan Pérez'].id}/touchpoints) "
        "cleared it;",
        f"  Juan was reactivated with replaces={agency} (POST /v1/options/{juan}/reactivate),",
        f"  and hired to start on {juan_starts} (POST /v1/options/{juan}/hire): his first "
        f"check-in is due on {juan_starts + timedelta(days=3)}.",
    ]
